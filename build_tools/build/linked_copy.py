"""Linked copies of folders: copies whose files are hard links (no data is copied;
files in them are only ever replaced, never written through, so the original stays as
it was).  `link_copy` makes one; `relink` brings an out-of-date one up to date,
touching only what differs: the spare of a published output (publish.py) becomes its
linked copy again.

A linked copy made from scratch (`cp -al`) creates every folder and link: at 10,000
letters the site's 20,000 folders and 57,000 files take two seconds of a core, and
deleting the copy the publish replaced takes as long again.  The copy the previous
publish replaced differs from the published folder only in the files that build
changed; a file whose inode is the published file's is that file (hard links share the
inode), so only the others are linked again.

Even comparing costs a listing of every folder: at 30,000 letters the site's 60,000
folders took 1.8 s of a core, on every rebuild, for the few files one letter changes.
A folder's entries change only with its modification time (adding, removing or
replacing an entry, which is all a build does to a linked copy, sets it), so `relink`
keeps a record of the folder pairs it left equal (both sides' inode and modification
time, and the subfolders' names), and a later relink lists only the folders whose
record no longer holds; the others it stats.  A folder whose time is within
RACY_SECONDS of the relink is not recorded: a change in the same clock tick would
leave its time as it was.

Standard library only: publish.py runs this file as a script on the other core."""
from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

RACY_SECONDS = 2


def link_copy(src: Path, dest: Path) -> None:
    """A copy of the folder `src` whose files are hard links (no data is copied; files
    are only ever replaced, never written through, so the original stays as it was)."""
    shutil.rmtree(dest, ignore_errors=True)
    if not src.is_dir():
        dest.mkdir(parents=True)
        return
    if not _cp_links(src, dest):
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(src, dest, copy_function=_link_or_copy)


def _cp_links(src: Path, dest: Path) -> bool:
    """`cp -al` (GNU coreutils): the same linked copy several times faster than Python
    linking file by file (tens of thousands of files at 10,000 letters); False where
    there is no such cp or it fails (another file system), and Python does it."""
    proc = start_cp_links(src, dest)
    return proc is not None and proc.wait() == 0


def start_cp_links(src: Path, dest: Path) -> subprocess.Popen | None:
    """`cp -al src dest` started (None where there is no GNU cp to start)."""
    cp = shutil.which("cp")
    if cp is None or sys.platform != "linux":
        return None
    try:
        return subprocess.Popen([cp, "-al", "--", str(src), str(dest)], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def _link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(src, dst)


def relink(src: str, dest: str, record: str | None = None) -> int:
    """Make the folder `dest` a copy of the folder `src` whose files are hard links to
    src's (symbolic links are copied as links); returns the number of entries changed.
    `record`: the file that keeps which folder pairs were left equal (see above)."""
    pair = _Pair(src, dest, _read_record(record, src, dest))
    changed = pair.relink(src, dest, "")
    if record is not None:
        _write_record(record, src, dest, pair.equal)
    return changed


class _Pair:
    """One relink: the folder pairs known equal before it (`known`) and left equal by it."""

    def __init__(self, src: str, dest: str, known: dict):
        self.known, self.equal = known, {}
        self.horizon = time.time_ns() - RACY_SECONDS * 10**9

    def relink(self, src: str, dest: str, rel: str) -> int:
        try:
            stamps = _stamps(src, dest)
        except FileNotFoundError:
            os.mkdir(dest)
            stamps = None
        kept = self.known.get(rel)
        if stamps is not None and kept is not None and kept[0] == stamps:
            subfolders, changed = kept[1], 0  # (neither side's entries changed since they were equal)
        else:
            subfolders, changed = self._relink_entries(src, dest)
        if stamps is None or changed:
            stamps = _stamps(src, dest)  # (this relink changed dest's entries: its time is now)
        for name in subfolders:
            changed += self.relink(os.path.join(src, name), os.path.join(dest, name), f"{rel}/{name}")
        if max(stamps[1], stamps[3]) < self.horizon:
            self.equal[rel] = (stamps, subfolders)
        return changed

    def _relink_entries(self, src: str, dest: str) -> tuple[tuple[str, ...], int]:
        """The entries of one folder pair made equal (subfolders: only made to exist);
        (src's subfolders' names, entries changed)."""
        changed, subfolders = 0, []
        with os.scandir(dest) as entries:
            present = {e.name: e for e in entries}
        with os.scandir(src) as entries:
            for entry in entries:
                mine = present.pop(entry.name, None)
                target = os.path.join(dest, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    if mine is not None and not mine.is_dir(follow_symlinks=False):
                        os.unlink(target)
                    subfolders.append(entry.name)
                    continue
                if mine is not None and not mine.is_dir(follow_symlinks=False) and mine.inode() == entry.inode():
                    continue  # the same file
                if mine is not None:
                    _remove(mine)
                if entry.is_symlink():
                    os.symlink(os.readlink(entry.path), target)
                else:
                    os.link(entry.path, target)
                changed += 1
        for gone in present.values():
            _remove(gone)
            changed += 1
        return tuple(sorted(subfolders)), changed


def _stamps(src: str, dest: str) -> tuple[int, int, int, int]:
    """Both folders' inode and modification time (a folder replaced is another inode)."""
    a, b = os.stat(src), os.stat(dest)
    return a.st_ino, a.st_mtime_ns, b.st_ino, b.st_mtime_ns


def _read_record(record: str | None, src: str, dest: str) -> dict:
    """The folder pairs an earlier relink of these two folders (either way round) left equal."""
    try:
        with open(record, "rb") as f:
            roots, equal = pickle.load(f)
        here = (os.stat(src).st_ino, os.stat(dest).st_ino)
    except (OSError, TypeError, ValueError, EOFError, pickle.UnpicklingError):
        return {}
    if roots == here:
        return equal
    if roots == here[::-1]:  # (the spare and the published folder swap roles at each publish)
        return {rel: ((s[2], s[3], s[0], s[1]), subs) for rel, (s, subs) in equal.items()}
    return {}


def _write_record(record: str, src: str, dest: str, equal: dict) -> None:
    tmp = f"{record}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        pickle.dump(((os.stat(src).st_ino, os.stat(dest).st_ino), equal), f, protocol=4)
    os.replace(tmp, record)


def _remove(entry: os.DirEntry) -> None:
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path)
    else:
        os.unlink(entry.path)


if __name__ == "__main__":
    relink(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
