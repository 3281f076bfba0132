"""Linked copies of folders (build/linked_copy.py): `relink` makes an out-of-date linked
copy exactly the folder's linked copy again, touching only what differs."""
import os
import time
from unittest import mock

from build_tools.build.linked_copy import link_copy, relink


def _listing(root):
    """Every entry under `root`: kind, and for a file its inode, for a link its target."""
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            p = os.path.join(folder, name)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                out[rel] = ("link", os.readlink(p))
            elif os.path.isdir(p):
                out[rel] = ("dir",)
            else:
                out[rel] = ("file", os.stat(p).st_ino)
    return out


def _tree(root):
    (root / "a" / "b").mkdir(parents=True)
    (root / "index.html").write_text("หน้าแรก", encoding="utf-8")
    (root / "a" / "page.html").write_text("หน้า", encoding="utf-8")
    (root / "a" / "b" / "deep.json").write_text("{}", encoding="utf-8")
    (root / "becomes-a-folder").write_text("x", encoding="utf-8")
    (root / "latest").symlink_to("a/page.html")
    return root


def test_relink_makes_an_out_of_date_copy_the_folder_s_linked_copy(tmp_path):
    src = _tree(tmp_path / "src")
    copy = tmp_path / "copy"
    link_copy(src, copy)
    assert _listing(copy) == _listing(src)
    # The published folder moves on: a page replaced (a new inode), one added, one
    # removed, a file replaced by a folder, a folder removed.
    (src / "a" / "page.html.new").write_text("หน้าใหม่", encoding="utf-8")
    os.replace(src / "a" / "page.html.new", src / "a" / "page.html")
    (src / "added.html").write_text("ใหม่", encoding="utf-8")
    (src / "index.html").unlink()
    (src / "becomes-a-folder").unlink()
    (src / "becomes-a-folder").mkdir()
    (src / "becomes-a-folder" / "inside.html").write_text("ใน", encoding="utf-8")
    (src / "a" / "b" / "deep.json").unlink()
    (src / "a" / "b").rmdir()
    (copy / "stray").mkdir()  # and the copy has something of its own
    changed = relink(str(src), str(copy))
    assert _listing(copy) == _listing(src)
    assert (copy / "a" / "page.html").read_text(encoding="utf-8") == "หน้าใหม่"
    # the page, the added file, the removed one, the file in the folder that replaced a
    # file, the removed folder, the stray one
    assert changed == 6
    assert relink(str(src), str(copy)) == 0  # up to date: nothing touched


def test_relink_makes_a_copy_where_there_is_none(tmp_path):
    src = _tree(tmp_path / "src")
    assert relink(str(src), str(tmp_path / "new")) == 5  # four files and the link
    assert _listing(tmp_path / "new") == _listing(src)


def _age(root, seconds=60):
    """Every folder's modification time set back (a relink records only folders older
    than RACY_SECONDS: a change in the same clock tick would not show)."""
    then = time.time() - seconds
    for folder, _dirs, _files in os.walk(root):
        os.utime(folder, (then, then))


def _note(listed, folder, root):
    if isinstance(folder, str):  # (not rmtree's listings by file descriptor)
        listed.append(os.path.relpath(folder, root))


def test_relink_with_a_record_lists_only_the_folders_changed_since_and_finds_every_change(tmp_path):
    src = _tree(tmp_path / "src")
    (src / "a" / "b" / "c").mkdir()
    copy, record = tmp_path / "copy", str(tmp_path / "relinked.pickle")
    link_copy(src, copy)
    _age(src), _age(copy)
    assert relink(str(src), str(copy), record) == 0
    listed = []
    real_scandir = os.scandir
    with mock.patch("os.scandir", side_effect=lambda p: _note(listed, p, tmp_path) or real_scandir(p)):
        assert relink(str(src), str(copy), record) == 0
    assert listed == []  # every folder pair recorded equal: none listed again
    # A file replaced three folders down, and the copy's own stray folder deep inside:
    # only those folders are listed, and both are found.
    (src / "a" / "b" / "c" / "new.json").write_text("[]", encoding="utf-8")
    (copy / "a" / "stray").mkdir()
    listed.clear()
    with mock.patch("os.scandir", side_effect=lambda p: _note(listed, p, tmp_path) or real_scandir(p)):
        assert relink(str(src), str(copy), record) == 2
    assert sorted(listed) == ["copy/a", "copy/a/b/c", "src/a", "src/a/b/c"]
    assert _listing(copy) == _listing(src)


def test_a_record_serves_the_same_two_folders_either_way_round(tmp_path):
    """A publish swaps them: the copy is published, the folder it copied becomes the spare."""
    src = _tree(tmp_path / "src")
    copy, other, record = tmp_path / "copy", tmp_path / "other", str(tmp_path / "relinked.pickle")
    link_copy(src, copy)
    link_copy(src, other)
    _age(src), _age(copy), _age(other)
    relink(str(src), str(copy), record)
    (other / "a" / "page.html").unlink()
    _age(other)
    assert relink(str(src), str(other), record) == 1  # another pair: every folder listed
    assert _listing(other) == _listing(src)
    relink(str(src), str(copy), record)
    (copy / "a" / "b" / "deep.json").unlink()
    (copy / "a" / "b" / "new.json").write_text("{}", encoding="utf-8")
    listed = []
    real_scandir = os.scandir
    with mock.patch("os.scandir", side_effect=lambda p: _note(listed, p, tmp_path) or real_scandir(p)):
        assert relink(str(copy), str(src), record) == 2
    assert sorted(listed) == ["copy/a/b", "src/a/b"]
    assert _listing(src) == _listing(copy)
