"""A cache of results keyed by a hash of everything they depend on (the content of
their inputs and the code that computes them), so a rebuild after one changed letter
recomputes only what depends on that letter.

One pickle file per entry under `folder/<kind>/`.  A key is never trusted to mean more
than its inputs: callers hash every input (document text, corrections, names, model
files) and `code_version` of the modules that compute the result.  Entries no run
asked for are removed by `prune`.  A damaged or unreadable entry is a miss."""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path

FORMAT = b"1"


def digest(*parts) -> str:
    """A stable hash of strings, bytes and pickleable values."""
    h = hashlib.sha256(FORMAT)
    for p in parts:
        if isinstance(p, str):
            p = p.encode("utf-8")
        elif not isinstance(p, bytes):
            p = pickle.dumps(p, protocol=4)
        h.update(len(p).to_bytes(8, "little") + p)
    return h.hexdigest()


@functools.lru_cache(maxsize=None)
def code_version(*modules) -> str:
    """Hash of the source files of these modules (a package: every file in it, so its
    page templates too)."""
    h = hashlib.sha256()
    for m in modules:
        path = Path(m.__file__)
        files = ([f for f in sorted(path.parent.rglob("*")) if f.is_file() and "__pycache__" not in f.parts]
                 if path.name == "__init__.py" else [path])
        for f in files:
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


class ContentCache:
    """Entries of one kind; `folder` None: a cache that never hits (nothing stored)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.used: set[str] = set()
        self.hits = self.misses = 0
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str):
        if self.folder is None:
            self.misses += 1
            return None
        self.used.add(key)
        try:
            with self._file(key).open("rb") as f:
                value = pickle.load(f)
        except Exception:  # missing or damaged: computed again
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        if self.folder is None:
            return
        self.used.add(key)
        target = self._file(key)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)

    def prune(self) -> int:
        """Remove the entries this run did not use; returns how many."""
        if self.folder is None:
            return 0
        gone = 0
        for p in self.folder.iterdir():
            if p.suffix == ".pickle" and p.stem not in self.used:
                p.unlink(missing_ok=True)
                gone += 1
        return gone
