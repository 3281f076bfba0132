"""Atomic writes: a derived file or folder is built beside its target and moved into
place only when complete, so a failed run never leaves anything half-written."""
from __future__ import annotations

import os
import pickle
import secrets
import shutil
from pathlib import Path


def write_text_atomic(path: Path, text: str, sync: bool = True) -> None:
    """`text` into `path`, whole or not at all, as a new file (a hard link to the old one
    is left as it was), readable as any file this process writes (the umask's mode, not
    a temporary file's 0600: the normalized documents and the site are read by others).
    `sync` False: not flushed to disk first, for a staged file whose build syncs no more
    than it (the rendered site beside it is not synced)."""
    write_bytes_atomic(path, text.encode("utf-8"), sync)


def write_bytes_atomic(path: Path, data: bytes, sync: bool = True) -> None:
    """`data` into `path`, as write_text_atomic writes text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as f:
            f.write(data)
            if sync:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_pickle_atomic(path: Path, value) -> None:
    """`value` pickled into `path` (whose folder exists), whole or not at all.  For caches:
    not synced to disk (a cache lost in a crash is only a slower next build, and there
    are thousands of them)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def fresh_dir(path: Path) -> Path:
    """An empty staging folder `<path>.tmp` beside `path`."""
    tmp = path.with_name(path.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    return tmp


def replace_dir(staged: Path, target: Path) -> None:
    """Swap a completed staging folder into place (two renames; the old one is removed)."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staged.rename(target)
    shutil.rmtree(old, ignore_errors=True)
