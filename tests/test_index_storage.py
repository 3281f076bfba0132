"""The Whoosh index's folder as the build writes it (outputs/search_index/index_storage.py):
existence asked of the disk once per name, forgotten on every change made through the
storage, and the index written through it the same as through Whoosh's FileStorage."""

import os

from whoosh import fields, index

from build_tools.outputs.search_index.index_storage import WritingStorage


def _content(folder):
    """Every stored document and every posting (field, term, document, weight, value)."""
    with index.open_dir(str(folder)).reader() as r:
        docs = [sorted(r.stored_fields(i).items()) for i in r.all_doc_ids()]
        postings = []
        for field in sorted(r.indexed_field_names()):
            for term in r.lexicon(field):
                m = r.postings(field, term)
                while m.is_active():
                    postings.append((field, term, m.id(), m.weight(), m.value()))
                    m.next()
    return docs, postings


def _schema():
    return fields.Schema(key=fields.ID(stored=True, unique=True), kind=fields.ID(stored=True),
                         agencies=fields.KEYWORD(stored=True, commas=True), words=fields.TEXT(phrase=True))


def _write(ix, n=300):
    w = ix.writer()
    for i in range(n):
        w.add_document(key=f"d{i}", kind=("section", "document")[i % 2], agencies="cdd,dla" if i % 3 else "oncb",
                       words=f"พลังชุมชน เรื่อง {i} สยามเมืองยิ้ม")
    w.commit()


def test_the_disk_is_asked_once_per_name_not_once_per_posting(tmp_path, monkeypatch):
    asked = []
    real = os.path.exists
    monkeypatch.setattr(os.path, "exists", lambda p: asked.append(p) or real(p))
    _write(WritingStorage(str(tmp_path)).create_index(_schema()))
    assert len(asked) < 50  # FileStorage: one for each id, keyword and kind posting, 1,105 here


def test_changes_through_the_storage_are_seen(tmp_path):
    st = WritingStorage(str(tmp_path))
    assert not st.file_exists("a.seg")
    st.create_file("a.seg").close()
    assert st.file_exists("a.seg")
    st.rename_file("a.seg", "b.seg")
    assert (st.file_exists("a.seg"), st.file_exists("b.seg")) == (False, True)
    st.delete_file("b.seg")
    assert not st.file_exists("b.seg")


def test_the_index_is_the_one_whooshs_own_storage_writes(tmp_path):
    (tmp_path / "plain").mkdir()
    _write(index.create_in(str(tmp_path / "plain"), _schema()))
    (tmp_path / "ours").mkdir()
    ours = WritingStorage(str(tmp_path / "ours")).create_index(_schema())
    _write(ours)
    _write(WritingStorage(str(tmp_path / "ours")).open_index(), 40)  # an update: a second segment
    _write(index.open_dir(str(tmp_path / "plain")), 40)
    ours, plain = _content(tmp_path / "ours"), _content(tmp_path / "plain")
    assert ours == plain and len(ours[0]) == 340 and len(ours[1]) > 2000
