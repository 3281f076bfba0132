"""One lock for every command that writes the corpus, `build/` or the site (build,
ingest, permalinks --release, ingest --accept).  A second writer waits, saying for whom,
and gives up with a clear message after `wait_s`.  The lock is an OS file lock (filelock):
a killed process releases it, so there is never a stale lock to delete by hand.

Two lock files, taken in a fixed order so two commands never deadlock: one in the corpus
folder (ingest writes it, build reads it) and one in the output's build/ folder."""
from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

from filelock import FileLock, Timeout

from build_tools.common.paths import Paths

LOCK_NAME = ".siam-yim.lock"
OWNER_SUFFIX = ".owner"
# How long a second writer waits for the first (SIAM_YIM_LOCK_WAIT seconds; 0: not at all).
DEFAULT_WAIT_S = 900.0


class LockBusy(Exception):
    """Another command holds the lock and did not finish within the wait."""


def lock_files(paths: Paths) -> list[Path]:
    files = {paths.corpus.resolve() / LOCK_NAME, paths.work.resolve() / LOCK_NAME}
    return sorted(files)


def _holder(lock_file: Path) -> str:
    try:
        owner = json.loads(lock_file.with_name(lock_file.name + OWNER_SUFFIX).read_text(encoding="utf-8"))
        return f"`{owner['command']}` (process {owner['pid']}, started {owner['started']})"
    except (OSError, ValueError, KeyError):
        return "another command"


def _record_owner(lock_file: Path, command: str) -> None:
    owner = {"command": command, "pid": os.getpid(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    lock_file.with_name(lock_file.name + OWNER_SUFFIX).write_text(json.dumps(owner), encoding="utf-8")


def _wait_s() -> float:
    try:
        return float(os.environ.get("SIAM_YIM_LOCK_WAIT", DEFAULT_WAIT_S))
    except ValueError:
        return DEFAULT_WAIT_S


def _acquire(lock: FileLock, lock_file: Path, command: str, wait_s: float, log) -> None:
    try:
        lock.acquire(timeout=0)
        return
    except Timeout:
        pass
    who = _holder(lock_file)
    if wait_s <= 0:
        raise LockBusy(f"{who} is writing {lock_file.parent}; try again when it has finished")
    log(f"waiting for {who} to finish (it is writing {lock_file.parent}; up to {wait_s:.0f} s)…")
    try:
        lock.acquire(timeout=wait_s)
    except Timeout:
        raise LockBusy(f"{who} is still writing {lock_file.parent} after {wait_s:.0f} s; "
                       "try again when it has finished") from None


@contextlib.contextmanager
def writing(paths: Paths, command: str, log=print, wait_s: float | None = None):
    """Hold every lock of `paths` while the block runs (reentrant in one process)."""
    wait_s = _wait_s() if wait_s is None else wait_s
    held: list[FileLock] = []
    try:
        for lock_file in lock_files(paths):
            lock_file.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(lock_file, is_singleton=True)
            _acquire(lock, lock_file, command, wait_s, log)
            held.append(lock)
            if lock.lock_counter == 1:
                _record_owner(lock_file, command)
        yield
    finally:
        for lock in reversed(held):
            lock.release()
