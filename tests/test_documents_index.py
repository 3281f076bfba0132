"""The documents' list page (outputs/site/document_pages.documents_index): a rebuild
takes the rows of documents whose front matter it made a row for before (by meta_key),
and makes the others'; the page is the one made from scratch."""
from conftest import copy_corpus

from build_tools.common.cache import ContentCache
from build_tools.knowledge.checked import check_corpus
from build_tools.outputs.site import document_pages
from build_tools.sources.documents import meta_key


def test_known_rows_are_taken_and_a_retitled_letters_row_is_made_again(tmp_path):
    checked = check_corpus(copy_corpus(tmp_path), with_review=False)  # (changed below)
    corpus, docs = checked.corpus, checked.docs
    rows: dict = {}
    assert document_pages.documents_index(corpus, docs, rows) == document_pages.documents_index(corpus, docs)
    assert sorted(rows) == sorted(nd.doc.meta_key for nd in docs)
    # a row found is taken as it stands (not made again)
    marked = {k: [f"ROW-{i}", *row[1:]] for i, (k, row) in enumerate(rows.items())}
    assert "ROW-0" in document_pages.documents_index(corpus, docs, dict(marked))
    # a retitled letter: another front matter, another key, its row made from it
    d = docs[0].doc
    d.meta["title"] = d.meta["short_title"] = "ชื่อเรื่องที่แก้แล้ว"
    d.meta_key = meta_key(d.meta)
    again = document_pages.documents_index(corpus, docs, rows)
    assert again == document_pages.documents_index(corpus, docs) and "ชื่อเรื่องที่แก้แล้ว" in again
    assert len(rows) == len(docs) and d.meta_key in rows  # the old row let go


def test_the_cached_list_page_keeps_its_rows_for_the_next_list(tmp_path):
    checked = check_corpus(copy_corpus(tmp_path / "corpus"), with_review=False)  # (changed below)
    corpus, docs = checked.corpus, checked.docs
    common = document_pages.page_key_common(corpus, "")
    first = ContentCache(tmp_path / "pages")
    page = document_pages.cached_documents_index(corpus, docs, first, common).value()
    assert page == document_pages.documents_index(corpus, docs)
    assert first.prune() == 0
    unchanged = ContentCache(tmp_path / "pages")
    document_pages.cached_documents_index(corpus, docs, unchanged, common)
    assert unchanged.prune() == 0  # the rows are kept though no list was made
    d = docs[-1].doc
    d.meta["title"] = d.meta["short_title"] = "ชื่อใหม่"
    d.meta_key = meta_key(d.meta)
    later = ContentCache(tmp_path / "pages")
    page = document_pages.cached_documents_index(corpus, docs, later, common).value()
    assert page == document_pages.documents_index(corpus, docs) and "ชื่อใหม่" in page
