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

Standard library only: publish.py runs this file as a script on the other core."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


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


def relink(src: str, dest: str) -> int:
    """Make the folder `dest` a copy of the folder `src` whose files are hard links to
    src's (symbolic links are copied as links); returns the number of entries changed."""
    changed = 0
    present = {}
    try:
        with os.scandir(dest) as entries:
            present = {e.name: e for e in entries}
    except FileNotFoundError:
        os.mkdir(dest)
    with os.scandir(src) as entries:
        for entry in entries:
            mine = present.pop(entry.name, None)
            target = os.path.join(dest, entry.name)
            if entry.is_dir(follow_symlinks=False):
                if mine is not None and not mine.is_dir(follow_symlinks=False):
                    os.unlink(target)
                changed += relink(entry.path, target)
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
    return changed


def _remove(entry: os.DirEntry) -> None:
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path)
    else:
        os.unlink(entry.path)


if __name__ == "__main__":
    relink(sys.argv[1], sys.argv[2])
