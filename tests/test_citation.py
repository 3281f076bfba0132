"""Citations in Thai official style (build_tools/knowledge/citation.py): the one function
the pages, the open data and the search hits use.  Checked on the real corpus and on
numbering shapes the seed does not have."""
import datetime as dt

import pytest
from conftest import ROOT

from build_tools.knowledge.checked import check_corpus
from build_tools.knowledge.citation import cite, clause_numbering, document_reference
from build_tools.knowledge.urls import LOCAL_SITE, public_base, url_between
from build_tools.normalization.clauses import Block


@pytest.fixture(scope="module")
def checked():
    return check_corpus(ROOT / "corpus", with_review=False)


def _doc(checked, doc_id):
    return next(nd for nd in checked.docs if nd.id == doc_id)


def test_a_role_clause_of_the_annex(checked):
    nd = _doc(checked, "mou-annex-2552")
    assert cite(checked.corpus, nd, "c3-2-3-1") == (
        'รายละเอียดแนบท้ายบันทึกความร่วมมือ โครงการพลังชุมชนพลังสร้างสรรค์ "สยามเมืองยิ้ม" '
        "ลงวันที่ ๑๒ มิถุนายน ๒๕๕๒ ข้อ ๓.๒.๓ (๑) documents/mou-annex-2552/#c3-2-3-1")


@pytest.mark.parametrize("clause, numbering", [
    ("c1", "๑"), ("c2-1", "๒.๑"), ("c2-1-3", "๒.๑ (๓)"), ("c3-1-5", "๓.๑ (๕)"),
    ("c3-2-1", "๓.๒.๑"), ("c3-2-1-1", "๓.๒.๑ (๑)"), ("c3-2-1-1-2", "๓.๒.๑ (๑.๒)"),
    ("c3-2-4-6", "๓.๒.๔ (๖)"),
])
def test_numbering_as_printed(checked, clause, numbering):
    assert clause_numbering(_doc(checked, "mou-annex-2552").blocks, clause) == numbering


def test_a_letter_is_cited_by_issuer_number_and_date(checked):
    nd = _doc(checked, "moi-letter-2552-08-06")
    assert cite(checked.corpus, nd, "c2", site_url="https://example.go.th/siam-yim/") == (
        "หนังสือกระทรวงมหาดไทย ที่ มท ๐๔๐๔.๒/๔๙๐๐ ลงวันที่ ๖ สิงหาคม ๒๕๕๒ ข้อ ๒ "
        "https://example.go.th/siam-yim/documents/moi-letter-2552-08-06/#c2")
    # a paragraph has no printed number: the document and the paragraph's permalink
    para = next(b for b in nd.blocks if b.kind == "para")
    assert cite(checked.corpus, nd, para.anchor).endswith(
        f"ลงวันที่ ๖ สิงหาคม ๒๕๕๒ documents/moi-letter-2552-08-06/#{para.anchor}")


def test_a_document_with_a_number_not_in_its_title():
    class Doc(dict):
        date = dt.date(2009, 9, 1)

    order = Doc(doc_type="order", title="คำสั่งจังหวัดขอนแก่น เรื่อง แต่งตั้งคณะทำงาน", number="๑๒๓/๒๕๕๒")
    assert document_reference(order, {}) == (
        "คำสั่งจังหวัดขอนแก่น เรื่อง แต่งตั้งคณะทำงาน ที่ ๑๒๓/๒๕๕๒ ลงวันที่ ๑ กันยายน ๒๕๕๒")


def _blocks(*spec):
    return [Block("clause", "", (i,), clause, label) for i, (clause, label) in enumerate(spec)]


def test_numbering_shapes_beyond_the_seed():
    # ๑.๒) not under a ๑): it keeps its parent level
    blocks = _blocks(("c2", "๒."), ("c2-2", "๑.๒)"))
    assert clause_numbering(blocks, "c2-2") == "๒ (๑.๒)"
    # a parent the OCR lost is rebuilt from the id; a number printed twice cites as printed
    assert clause_numbering(_blocks(("c4-3", "๓)")), "c4-3") == "๔ (๓)"
    assert clause_numbering(_blocks(("c5", "๕."), ("c5-b", "๕.")), "c5-b") == "๕"
    # Arabic digits as printed stay Arabic
    assert clause_numbering(_blocks(("c1", "1."), ("c1-2", "2)")), "c1-2") == "1 (2)"
    # a list that starts with ๑) at the top
    assert clause_numbering(_blocks(("c1", "๑)")), "c1") == "(๑)"


def test_public_address(monkeypatch):
    monkeypatch.delenv("SIAM_YIM_SITE_URL", raising=False)
    assert public_base("site_name: x\n") == ""
    assert public_base("site_name: x\nsite_url: https://example.go.th/siam-yim\n") == "https://example.go.th/siam-yim/"
    monkeypatch.setenv("SIAM_YIM_SITE_URL", "https://mirror.example/")
    assert public_base("site_url: https://example.go.th/\n") == "https://mirror.example/"
    assert LOCAL_SITE.startswith("http://127.0.0.1")


def test_url_between_built_pages():
    assert url_between("projects/index.md", "projects/x.md") == "x/"
    assert url_between("agencies/cdd.md", "index.md") == "../../"
    assert url_between("index.md", "guidance/index.md") == "guidance/"
    assert url_between("guidance/index.md", "guidance/index.md") == "./"
