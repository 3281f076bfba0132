"""End to end: a real build into a temporary folder, then the CLI as a user runs it."""
import json

import pytest
from conftest import ROOT, run_cli, seed

DOC_IDS = sorted(p.stem for p in (ROOT / "corpus" / "documents").glob("*.md"))


def test_six_documents_are_split_from_the_seed():
    assert sorted(d.id for d in seed().corpus.documents) == DOC_IDS == [
        "dla-letter-2552-08-20", "expansion-guidance-2553", "moi-letter-2552-08-06",
        "monitoring-framework-2552-2553", "mou-2552-06-12", "mou-annex-2552",
    ]


def test_site_and_index_exist(built):
    assert (built / "site" / "index.html").is_file()
    # Material's own index (its search box runs on search/th/) holds no page: a visitor
    # never downloads a whole-site index.
    material = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []
    assert any((built / "build" / "index").glob("*.toc"))
    assert (built / "build" / "docs" / "index.md").is_file()


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_document_has_a_page_and_raw_view(built, doc_id):
    page = (built / "site" / "documents" / doc_id / "index.html").read_text(encoding="utf-8")
    assert 'lang="th"' in page
    assert "ต้นฉบับ OCR" in page
    assert (built / "site" / "raw" / doc_id / "index.html").is_file()
    md = (built / "build" / "normalized" / f"{doc_id}.md").read_text(encoding="utf-8")
    assert md.startswith(f"---\nid: {doc_id}\n")


def test_document_page_shows_metadata_above_text(built):
    page = (built / "site" / "documents" / "dla-letter-2552-08-20" / "index.html").read_text(encoding="utf-8")
    meta = page.index("มท 0810.1/ว 1631")
    assert meta < page.index('id="text"')
    assert "๒๐ สิงหาคม ๒๕๕๒ (2009-08-20)" in page
    assert "ผู้ว่าราชการจังหวัด ทุกจังหวัด" in page


def test_no_font_or_cdn_fetch(built):
    """The site reads offline: no Google Fonts, no CDN scripts."""
    page = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in page and "fonts.gstatic" not in page
    assert "cdn.jsdelivr" not in page and "unpkg.com" not in page


@pytest.mark.parametrize("query, doc_id, anchor", [
    ("ยาเสพติด", None, None),
    ("เศรษฐกิจพอเพียง", "mou-annex-2552", None),
    # A project's name finds its project page first, and the annex clause that sets it up.
    ("กองทุนแม่ของแผ่นดิน", "mou-annex-2552", None),
    ("เอาชนะยาเสพติดอย่างยั่งยืน", "mou-annex-2552", "c3-2-1-3"),
    ("บทบาทร่วม", "mou-annex-2552", "c3-1"),
    # The name of an example project: its page may come first (tests/search_queries.yaml
    # `prefer`), the annex clause that sets it up among the first three.
    ("หมู่บ้านเศรษฐกิจพอเพียงต้นแบบ", "mou-annex-2552", None),
])
def test_search_finds_words_inside_sentences(search_json, query, doc_id, anchor):
    hits = search_json(query)
    assert hits, f"no hit for {query}"
    for h in hits:
        assert {"doc_id", "title", "url", "snippet", "score"} <= set(h)
        # An entry found by its title or label (a document, an agency, a project, a term) shows
        # the start of its text.
        assert "«" in h["snippet"] or h["kind"] in ("document", "agency", "project", "term")
    if doc_id:
        assert any(h["doc_id"] == doc_id for h in hits[:3]), [h["url"] for h in hits]
    if anchor:
        assert hits[0]["url"] == f"documents/{doc_id}/#{anchor}", [h["url"] for h in hits]


def test_search_url_anchor_exists_on_the_page(built, search_json):
    for h in search_json("ยาเสพติด", limit=20):
        page, _, anchor = h["url"].partition("#")
        html = (built / "site" / page / "index.html").read_text(encoding="utf-8")
        if anchor:
            assert f'id="{anchor}"' in html, h["url"]


def test_thai_and_arabic_digits_find_the_same(search_json):
    thai = {h["url"] for h in search_json("๒๕๕๓")}
    arabic = {h["url"] for h in search_json("2553")}
    assert thai and thai == arabic


def test_search_nonsense_finds_nothing(search_json):
    assert search_json("คอมพิวเตอร์ควอนตัม") == []


def test_search_forgives_a_typo_only_when_nothing_matches(built, search_json):
    near = search_json("ยาเสพติต")
    assert near and {h["match"] for h in near} == {"near"} and "«ยาเสพติด»" in near[0]["snippet"]
    assert {h["match"] for h in search_json("ยาเสพติด")} == {"exact"}
    out = run_cli("search", "ยาเสพติต", "--out", built).stdout
    assert out.startswith("ไม่พบคำที่พิมพ์ตรงตัว")


def test_search_filters(search_json):
    hits = search_json("ยาเสพติด", type="guidance")
    assert hits and {h["doc_type"] for h in hits} == {"guidance"}
    hits = search_json("โครงการ", **{"from": "2009-08-01", "to": "2009-08-31"}, limit=50)
    assert hits and all("2009-08-01" <= h["date"] <= "2009-08-31" for h in hits)


def test_search_human_output_highlights(built):
    out = run_cli("search", "ยาเสพติด", "--out", built, "--limit", "2").stdout
    assert "«ยาเสพติด»" in out and "/documents/" in out


def test_search_without_index_says_what_to_do(tmp_path):
    proc = run_cli("search", "ยาเสพติด", "--out", tmp_path, check=False)
    assert proc.returncode == 2
    assert "run `python -m build_tools build` first" in proc.stderr


@pytest.mark.slow  # two builds
def test_rebuild_reindexes_only_changed_documents(tmp_path):
    from conftest import copy_corpus

    corpus = copy_corpus(tmp_path)
    first = run_cli("build", "--no-site", "--corpus", corpus, "--out", tmp_path).stdout
    assert "index: full rebuild" in first
    again = run_cli("build", "--no-site", "--corpus", corpus, "--out", tmp_path).stdout
    assert "index: re-indexed 0, removed 0" in again
    doc = corpus / "documents" / "mou-2552-06-12.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("short_title: บันทึก", "short_title: ฉบับ บันทึก"),
                   encoding="utf-8")
    third = run_cli("build", "--no-site", "--corpus", corpus, "--out", tmp_path).stdout
    assert "index: re-indexed 1, removed 0" in third


def test_a_role_found_by_its_agency_shows_what_the_role_is(search_json):
    # "บทบาท ป.ป.ส." matches a role by its title and the agency's names only: the snippet
    # is the role's own text (the title is already on the hit's first line).
    roles = {h["url"]: h for h in search_json("บทบาท ป.ป.ส.") if h["kind"] == "role"}
    assert set(roles) == {"agencies/oncb/#oncb-1", "agencies/oncb/#oncb-2"}
    assert roles["agencies/oncb/#oncb-1"]["snippet"].startswith("๑) เป็นหน่วยงานกลางในการส่งเสริม")
