"""Atomic writes: a derived file or folder is built beside its target and moved into
place only when complete, so a failed run never leaves anything half-written."""
from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
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
