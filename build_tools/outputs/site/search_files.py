"""The files of the site search index (search/th/), written so that a rebuild changes
only what changed."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path


def signature(*parts) -> str:
    """A short hash of what a file is made from (strings, bytes, pickleable values)."""
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        data = p if isinstance(p, bytes) else p.encode("utf-8") if isinstance(p, str) else pickle.dumps(p, protocol=4)
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)  # (not concatenated first: a copy of every postings array)
    return h.hexdigest()


class SearchFiles:
    """The index's files under `folder`.  A file whose bytes are already there is left
    alone; any other is written beside it and renamed over it (never written through:
    in a build's staging copy the old file is a hard link to the published one).

    `known` (rel -> [signature, inode, size, time] of the files an earlier build made
    or found in place, see `seen`): a file dumped with the same signature whose file is
    still that very file (a staged copy links the published files: same inode, size
    and time) is neither encoded nor read again (a rebuild after one changed letter
    keeps thousands of them).  A group of files made together (a common term's head and
    tail pieces) is kept as a whole, without even cutting its data (kept_group)."""

    SUBDIRS = ("d", "p", "s")

    def __init__(self, folder: Path, known: dict | None = None):
        self.folder = folder
        for sub in self.SUBDIRS:
            (folder / sub).mkdir(parents=True, exist_ok=True)
        self.names: set[str] = set()
        self.size = self.written = 0
        self.known = known or {}
        self.seen: dict[str, list] = {}

    def _unchanged(self, rel: str, sig: str | None) -> os.stat_result | None:
        """The file's stat when it is the very file an earlier build wrote from `sig`."""
        entry = self.known.get(rel)
        if not entry or sig is None or entry[0] != sig:
            return None
        try:
            st = os.stat(os.path.join(self.folder, rel))  # a string path: thousands of files a build
        except OSError:
            return None
        return st if [st.st_ino, st.st_size, st.st_mtime_ns] == entry[1:] else None

    def _keep(self, rel: str, st: os.stat_result) -> None:
        self.names.add(rel)
        self.size += st.st_size
        self.seen[rel] = self.known[rel]

    def _kept(self, rel: str, sig: str) -> bool:
        st = self._unchanged(rel, sig)
        if st is not None:
            self._keep(rel, st)
        return st is not None

    def kept_group(self, group: str, sig: str):
        """What remember_group kept for `group` when `sig` is the signature it was made
        from and every file of it is still the one written then (they are kept); else None."""
        entry = self.known.get(group)
        if not entry or entry[0] != sig:
            return None
        stats = [self._unchanged(rel, (self.known.get(rel) or [None])[0]) for rel in entry[1]]
        if any(st is None for st in stats):
            return None
        for rel, st in zip(entry[1], stats):
            self._keep(rel, st)
        self.seen[group] = entry
        return entry[2]

    def remember_group(self, group: str, sig: str, files: list[str], value) -> None:
        """Files dumped together from what `sig` signs, and a value made with them, for
        the next build's kept_group."""
        self.seen[group] = [sig, files, value]

    def dump(self, rel: str, data, sig: str | None = None) -> None:
        """Write `data` (or what `data()` returns, when it is a function) as JSON to
        `rel`; `sig`: the signature of what the data is made from (see the class)."""
        if sig is not None and self._kept(rel, sig):
            return
        if callable(data):
            data = data()
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.names.add(rel)
        self.size += len(raw)
        path = self.folder / rel
        try:
            same = path.stat().st_size == len(raw) and path.read_bytes() == raw
        except OSError:  # not there yet
            same = False
        if not same:
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_bytes(raw)
            os.replace(tmp, path)
            self.written += 1
        if sig is not None:
            st = path.stat()
            self.seen[rel] = [sig, st.st_ino, st.st_size, st.st_mtime_ns]

    def remove_others(self) -> None:
        """Delete the files of an earlier index that this one does not have."""
        for sub in self.SUBDIRS:
            for p in (self.folder / sub).iterdir():
                if f"{sub}/{p.name}" not in self.names:
                    p.unlink()
