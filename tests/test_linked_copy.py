"""Linked copies of folders (build/linked_copy.py): `relink` makes an out-of-date linked
copy exactly the folder's linked copy again, touching only what differs."""
import os

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
