"""Units of the one analyzer's corpus vocabulary, the CLI's query re-cut and the site
index builder."""

import random
import shutil
import time

import pytest
from conftest import ROOT, copy_corpus

from build_tools.analysis.analyzer import ThaiAnalyzer, analyzer_for_corpus, normalize_term
from build_tools.outputs.search_index.whoosh_index import build_index
from build_tools.outputs.site.site_search import fnv1a, page_sections
from build_tools.outputs.site.site_sections import excluded_pages, searchable_part
from build_tools.search.query import Filters, IndexMissing, QueryError, search
from build_tools.search.scoring import recut


@pytest.fixture(scope="module")
def corpus_analyzer():
    return analyzer_for_corpus(ROOT / "corpus")


def test_agency_names_expand_to_the_abbreviation(corpus_analyzer):
    a = corpus_analyzer
    subs = {t.text for t in a.tokens("สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด") if t.sub}
    assert "ปปส" in subs
    assert a.query_groups("ONCB") == [["oncb", "ปปส"]]
    assert a.query_groups("ป.ป.ส.") == a.query_groups("ปปส") == [["ปปส"]]
    assert "สถ" in {t.text for t in a.tokens("กรมส่งเสริมการปกครองท้องถิ่น")}


def test_names_with_spaces_are_cut_word_by_word(corpus_analyzer):
    terms = corpus_analyzer.query_terms("สำนักงาน ป.ป.ส.")
    assert terms == ["สำนักงาน", "ปปส"]


def test_words_running_across_a_cut_are_indexed(corpus_analyzer):
    toks = corpus_analyzer.tokens("ชี้แจงแนวทางการดำเนินงาน")
    assert "แนวทาง" in {t.text for t in toks}
    assert "แนวทาง" not in corpus_analyzer.query_terms("ชี้แจงแนวทางการดำเนินงาน")


def test_tone_marks_are_significant(corpus_analyzer):
    assert normalize_term("ข้าว") != normalize_term("ขาว")
    assert "ข้าว" not in {t.text for t in corpus_analyzer.tokens("ผ้าขาวม้า ขาว")}


def test_glossary_and_corrections_files_feed_the_analyzer(tmp_path):
    corpus = copy_corpus(tmp_path)
    (corpus / "model").mkdir(exist_ok=True)
    (corpus / "model" / "glossary.yaml").write_text(
        "- id: five-fences\n  term: ยุทธศาสตร์ห้ารั้วป้องกัน\n  abbr: ห้ารั้ว\n"
        "  aliases: [รั้วป้องกัน]\n  definition: ยุทธศาสตร์ป้องกันยาเสพติด\n", encoding="utf-8")
    (corpus / "corrections.yaml").write_text(
        "- wrong: ร้วป้องกัน\n  right: รั้วป้องกัน\n  scope: all\n  reason: OCR dropped the vowel\n"
        "- wrong: นาย\n  right: นายก\n  scope: mou-2552-06-12\n  reason: a real word, fixed in one place only\n"
        "- wrong: ํา\n  right: ำ\n  scope: all\n  reason: decomposed sara am\n",
        encoding="utf-8")
    a = analyzer_for_corpus(corpus)
    assert "ยุทธศาสตร์ห้ารั้วป้องกัน" in a.vocabulary
    assert [t.text for t in a.tokens("ยุทธศาสตร์ห้ารั้วป้องกัน") if not t.sub] == ["ยุทธศาสตร์ห้ารั้วป้องกัน"]
    assert "ห้ารั้ว" in {t.text for t in a.tokens("ยุทธศาสตร์ห้ารั้วป้องกัน")}
    # The OCR misreading finds the corrected text, in the index and in a query.
    assert "รั้วป้องกัน" in {t.text for t in a.tokens("๕ ร้วป้องกัน")}
    assert a.query_groups("ร้วป้องกัน") == [["รั้วป้องกัน"]]
    # A real word fixed in one document, or a lone mark, is never rewritten everywhere.
    assert a.corrections == (("ร้วป้องกัน", "รั้วป้องกัน"),)


def test_missing_glossary_and_corrections_are_fine(tmp_path):
    corpus = copy_corpus(tmp_path)
    (corpus / "model" / "glossary.yaml").unlink()
    (corpus / "corrections.yaml").unlink()
    a = analyzer_for_corpus(corpus)
    assert a.corrections == () and a.synonyms


def test_analyzer_signature_changes_with_its_data():
    assert ThaiAnalyzer(["ก"]).signature() != ThaiAnalyzer(["ข"]).signature()
    assert ThaiAnalyzer([], [["ปปส", "ONCB"]]).signature() != ThaiAnalyzer([]).signature()


def test_recut_into_known_words():
    known = {"บทบาท", "ปปส", "ยา", "เสพติด"}.__contains__
    assert recut("บทบาทปปส", known) == ["บทบาท", "ปปส"]
    assert recut("ยาเสพติด", known) == ["ยา", "เสพติด"]
    assert recut("ควอนตัม", known) is None


def _record(doc_id: str, body: str) -> dict:
    return {"key": doc_id, "doc_id": doc_id, "kind": "document", "title": doc_id, "section": "",
            "body": body, "aliases": "", "context": "", "url": f"documents/{doc_id}/",
            "doc_type": "letter", "agencies": "", "missions": "", "date": None}


@pytest.mark.slow  # builds an index twice
def test_search_in_one_process_sees_the_index_as_it_is_now(tmp_path):
    """search() keeps the index open between calls; it must still see every update: an
    incremental one (new commit in the same folder), a full rebuild (a new folder swapped
    in, whose first commit may have the same generation number) and a removed index."""
    ix, quiet = tmp_path / "index", (lambda m: None)
    build_index(ix, {"a": [_record("a", "ยาเสพติด")]}, {"a": "1"}, ThaiAnalyzer(), log=quiet)
    assert [h["doc_id"] for h in search(ix, "ยาเสพติด")] == ["a"]
    assert search(ix, "สมานฉันท์") == []

    b = ThaiAnalyzer(["สมานฉันท์"])  # another vocabulary: a full rebuild, swapped in
    build_index(ix, {"b": [_record("b", "สมานฉันท์")]}, {"b": "1"}, b, log=quiet)
    assert [h["doc_id"] for h in search(ix, "สมานฉันท์")] == ["b"]
    assert search(ix, "ยาเสพติด") == []

    build_index(ix, {"b": [_record("b", "สมานฉันท์")], "c": [_record("c", "ยาเสพติด")]},
                {"b": "1", "c": "1"}, b, log=quiet)  # incremental: adds c
    assert [h["doc_id"] for h in search(ix, "ยาเสพติด")] == ["c"]

    shutil.rmtree(ix)
    with pytest.raises(IndexMissing):
        search(ix, "สมานฉันท์")


HTML = """<html><head><title>หน้า - site</title></head><body><nav>เมนู ยาเสพติด</nav>
<article class="md-content__inner"><h1 id="_1">ชื่อหน้า<a class="headerlink" href="#_1">¶</a></h1>
<p>คำนำ</p><h2 id="text">เนื้อความ</h2>
<p class="clause" id="c3">๓. บทบาทของแต่ละหน่วยงาน <a class="permalink-copy" href="#c3">¶</a></p>
<ul><li><span class="anchor" id="c3-1"></span>๑) สำนักงาน ป.ป.ส.</li></ul></article></body></html>"""


def test_page_sections_split_at_element_ids():
    secs = page_sections(HTML, "documents/x/")
    assert [s["url"] for s in secs] == ["documents/x/", "documents/x/#text", "documents/x/#c3", "documents/x/#c3-1"]
    assert secs[0]["title"] == "ชื่อหน้า" and secs[0]["text"] == "คำนำ"
    assert secs[1]["section"] == "เนื้อความ"
    assert secs[3]["section"] == "เนื้อความ · ข้อ ๑)" and secs[3]["text"] == "๑) สำนักงาน ป.ป.ส."
    assert secs[3]["context"].startswith("๓. บทบาทของแต่ละหน่วยงาน")
    assert all("¶" not in s["text"] and "เมนู" not in s["text"] for s in secs)


def test_page_sections_read_only_the_article_and_the_same_with_the_whole_page():
    # The parser reads the page from its first <article> to its last </article> (the
    # theme's header and navigation are most of a page); where that cannot be cut out
    # safely (the tag inside a script or a comment before it), the whole page: the
    # sections are the same in every case.
    article = HTML[HTML.index("<article"):HTML.rindex("</article>") + len("</article>")]
    expected = page_sections(HTML, "documents/x/")
    nav = '<nav id="n"><ul>' + '<li><a id="l{0}" href="../{0}/">หน้า {0}</a></li>' * 3 + "</ul></nav>"
    for head in ("", nav, '<script>var s = "<article id=\'x\'>ยาเสพติด";</script>' + nav,
                 "<!-- <article><p id='y'>ยาเสพติด</p> -->", "<!-- a comment --><script>var a;</script>"):
        page = f"<html><head><title>หน้า - site</title></head><body>{head}{article}<script>x = '</article>';</script>"
        assert page_sections(page + "</body></html>", "documents/x/") == expected, head
        # What the engine hands the site search as it writes a page (its <title> and
        # articles) gives the same sections as the whole page.
        part = searchable_part(page + "</body></html>")
        assert page_sections(part, "documents/x/") == expected, head
        assert len(part) < len(page) or "<article" in head or "<!--" in head, head
    no_h1 = HTML.replace('<h1 id="_1">ชื่อหน้า<a class="headerlink" href="#_1">¶</a></h1>', "")
    assert page_sections(searchable_part(no_h1), "documents/x/") == page_sections(no_h1, "documents/x/")
    assert page_sections(searchable_part(no_h1), "documents/x/")[0]["title"] == "หน้า"  # from <title>


META_PAGE = """<html><body><article><h1 id="_1">โครงการกองทุนแม่ของแผ่นดิน</h1>
<table><thead><tr><th>รายการ</th><th>ข้อมูล</th></tr></thead>
<tbody><tr><td>ประเภท</td><td>รูปแบบโครงการต้นแบบ</td></tr></tbody></table>
<p>ข้อความแรกของหน้า</p>
<h2 id="source">ที่มา</h2><blockquote><p>พัฒนาความเข้มแข็งของหมู่บ้าน</p></blockquote>
<p>ที่มา: <small><a href="../x/">เอกสาร ข้อ ๓</a></small></p>
<p><a href="../">← กลับไปยังบัญชีโครงการตัวอย่าง</a></p></article></body></html>"""


def test_snippet_text_leaves_out_tables_navigation_and_source_notes():
    """Issue #14: a page's metadata table is searched but never its snippet."""
    top, source = page_sections(META_PAGE, "projects/x/")
    assert top["text"].startswith("รายการ ข้อมูล ประเภท รูปแบบโครงการต้นแบบ")  # indexed
    assert top["shown"] == "ข้อความแรกของหน้า"  # quoted
    bare = page_sections(META_PAGE.replace("<p>ข้อความแรกของหน้า</p>", ""), "projects/x/")[0]
    assert "พัฒนาความเข้มแข็งของหมู่บ้าน" in bare["shown"]  # no prose on top: the page's lead
    assert "พัฒนาความเข้มแข็งของหมู่บ้าน" in source["shown"]
    assert "กลับไปยัง" not in source["shown"] and "เอกสาร ข้อ ๓" not in source["shown"]
    assert "กลับไปยัง" in source["text"]


def test_section_text_is_nfc():
    decomposed = "<article><h1>x</h1><p id=\"a\">Cafe\u0301 ยาเสพติด</p></article>"
    assert page_sections(decomposed, "p/")[0]["text"] == "Caf\u00e9 ยาเสพติด"


def test_front_matter_search_exclude(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.md").write_text("---\ntitle: x\nsearch:\n  exclude: true\n---\n# x\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: y\n---\n# y\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# home\n", encoding="utf-8")
    assert excluded_pages(tmp_path) == {"raw/a/"}


def test_fnv1a_buckets():
    # The browser reads each term's bucket from the dictionary; the hash is ours alone.
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C


def _page(title, clause):
    return (f"<html><head><title>{title} - site</title></head><body><article><h1>{title}</h1>"
            f"<p>หนังสือกรมการพัฒนาชุมชน</p><p id=\"c1\">๑. {clause}</p></article></body></html>")


def _index_files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted((site / "search" / "th").rglob("*")) if p.is_file()}


@pytest.mark.slow  # indexes a site twice
def test_site_index_cache_reuses_unchanged_pages_only(tmp_path, corpus_analyzer):
    from build_tools.outputs.site.site_search import build_site_index

    site, cache = tmp_path / "site", tmp_path / "work" / "cache.pickle"
    for name, clause in (("a", "ส่งเสริมอาชีพ"), ("b", "ป้องกันยาเสพติด")):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(_page(name, clause), encoding="utf-8")
    logs = []
    build_site_index(site, corpus_analyzer, log=lambda m: None)
    plain = _index_files(site)
    cache.parent.mkdir()
    cache.write_bytes(b"not a pickle")  # a damaged cache only costs time
    build_site_index(site, corpus_analyzer, log=logs.append, cache=cache)
    assert _index_files(site) == plain and "(2 of 2 pages analyzed" in logs[-1]
    build_site_index(site, corpus_analyzer, log=logs.append, cache=cache)
    assert _index_files(site) == plain and "(0 of 2 pages analyzed" in logs[-1]
    (site / "b" / "index.html").write_text(_page("b", "แก้ไขปัญหาความยากจน"), encoding="utf-8")
    build_site_index(site, corpus_analyzer, log=logs.append, cache=cache)
    assert "(1 of 2 pages analyzed" in logs[-1]
    cached = _index_files(site)
    build_site_index(site, corpus_analyzer, log=lambda m: None)
    assert cached == _index_files(site) != plain


def test_matching_tokens_are_the_whole_analysis_filtered(corpus_analyzer):
    # A snippet analyses a hit's text only where a query term (or a name it stands for)
    # can begin; it must find exactly the tokens the whole analysis finds: words, parts
    # of compounds, words across a cut, canonical names, dotted abbreviations, Thai
    # digits, and texts whose characters do not normalize one for one (the whole text
    # is analysed then).
    a = corpus_analyzer
    paragraphs = [p for path in sorted((ROOT / "corpus" / "raw").glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(15)
    texts = rng.sample(paragraphs, 60) + [
        "ป.ป.ส. ร่วมกับ สถ. และ ONCB (สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด) ปี ๒๕๕๒ ที่ มท ๐๘๑๐.๑/ว ๑๒๓",
        "İstanbul ยาเสพติด", "ΣΟΦΙΑΣ ยาเสพติด", "cafe\u0301 ยาเสพติด ดำเนินการ.", ""]
    compared = 0
    for text in texts:
        every = a.tokens(text)
        vocabulary = sorted({t.text for t in every})
        term_sets = [set(vocabulary), {"ไม่มีคำนี้"}, {"ปปส", "2552", "สถ"}]
        term_sets += [{t} for t in rng.sample(vocabulary, min(5, len(vocabulary)))]
        term_sets += [set(rng.sample(vocabulary, min(3, len(vocabulary))))]
        for terms in term_sets:
            assert a.matching_tokens(text, terms) == [t for t in every if t.text in terms], (text[:60], terms)
            compared += 1
    assert compared > 500


def test_the_type_filter_is_checked_with_or_without_query_tables():
    # The query tables list the document types; an index built without them falls back
    # to the corpus's own list (imported only then: it costs a second at start-up).
    for known in ({"doc_types": ["annex", "framework", "guidance", "letter", "mou"]}, {}):
        with pytest.raises(QueryError, match="^--type 'memo' is not known; choose one of: annex, framework, guidance, "
                                             "letter, mou$"):
            Filters(doc_type="memo").check(known)
        Filters(doc_type="Letter").check(known)
        Filters().check(known)


@pytest.mark.slow  # indexes a site twice
def test_site_index_is_the_same_when_pages_are_analysed_on_two_cores(tmp_path, corpus_analyzer, monkeypatch):
    # A full build cuts its pages on every core (parallel_imap) and packs them here in
    # site order: the index must be the one a single process writes.
    from build_tools.common import parallel
    from build_tools.outputs.site.site_search import build_site_index

    site = tmp_path / "site"
    clauses = ["ส่งเสริมอาชีพ", "ป้องกันยาเสพติด", "แก้ไขปัญหาความยากจน", "องค์การบริหารส่วนตำบล"]
    for n in range(12):
        (site / f"p{n}").mkdir(parents=True)
        (site / f"p{n}" / "index.html").write_text(_page(f"p{n}", clauses[n % 4] + " " + clauses[n // 4 % 4]),
                                                   encoding="utf-8")
    build_site_index(site, corpus_analyzer, log=lambda m: None)
    one_process = _index_files(site)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    spawned = []
    real_imap = parallel.parallel_imap
    monkeypatch.setattr("build_tools.outputs.site.site_search.parallel_imap",
                        lambda fn, items, **kw: spawned.append((len(items), kw)) or
                        real_imap(fn, items, workers=2, chunksize=1, **kw))
    build_site_index(site, corpus_analyzer, log=lambda m: None)
    # (at the Whoosh index's priority: in a build the index is written meanwhile)
    assert spawned == [(12, {"nice": parallel.BESIDE_NICE})] and _index_files(site) == one_process


@pytest.mark.slow  # indexes a site twice
def test_pages_handed_over_as_written_give_the_same_site_index(tmp_path, corpus_analyzer, monkeypatch):
    # MkDocs hands each page to the site search as it writes it (PageFeed: cut on the
    # other core during the engine's run).  The index must be the one written from the
    # files alone; a page whose file changed after it was handed over, and a page never
    # handed over, are analysed from the file.
    from build_tools.outputs.site import site_search
    from build_tools.outputs.site.page_analysis import PageFeed
    from build_tools.outputs.site.site_search import build_site_index

    site = tmp_path / "site"
    clauses = ["ส่งเสริมอาชีพ", "ป้องกันยาเสพติด", "แก้ไขปัญหาความยากจน", "องค์การบริหารส่วนตำบล"]
    html = {f"p{n}/index.html": _page(f"p{n}", clauses[n % 4] + " " + clauses[n // 4 % 4]) for n in range(8)}
    for path, text in html.items():
        (site / path).parent.mkdir(parents=True)
        (site / path).write_text(text, encoding="utf-8")
    build_site_index(site, corpus_analyzer, log=lambda m: None)
    from_files = _index_files(site)

    cut_from_files = []
    real_imap = site_search.parallel_imap
    monkeypatch.setattr(site_search, "parallel_imap",
                        lambda fn, items, **kw: cut_from_files.extend(url for url, _ in items) or
                        real_imap(fn, items, **kw))
    feed = PageFeed(corpus_analyzer)
    try:
        for path, text in html.items():
            if path != "p7/index.html":  # never handed over
                feed.page_written(path, text)
        feed.page_written("assets/x/index.html", "<html></html>")  # not a page the search covers
        feed.page_written("404.html", "<html></html>")
        deadline = time.monotonic() + 60
        while feed.pending() and time.monotonic() < deadline:  # a page not analysed yet is cut from its file
            time.sleep(0.05)
        (site / "p3" / "index.html").write_text(html["p3/index.html"].replace("</h1>", "</h1><p>เพิ่ม</p>"),
                                                encoding="utf-8")  # changed after it was handed over
        logs = []
        build_site_index(site, corpus_analyzer, log=logs.append, feed=feed)
    finally:
        feed.close()
    assert sorted(cut_from_files) == ["p3/", "p7/"] and "(8 of 8 pages analyzed, 6 of them as the engine wrote them" in logs[-1]
    handed_over = _index_files(site)
    (site / "p3" / "index.html").write_text(html["p3/index.html"].replace("</h1>", "</h1><p>เพิ่ม</p>"),
                                            encoding="utf-8")
    build_site_index(site, corpus_analyzer, log=lambda m: None)
    assert handed_over == _index_files(site) != from_files

    # Pages beyond what may wait for the worker are not handed over (memory at 10,000
    # letters): they are cut from their files.
    monkeypatch.setattr(PageFeed, "MAX_WAITING", len(searchable_part(html["p0/index.html"])) - 1)
    feed = PageFeed(corpus_analyzer)
    try:
        feed.page_written("p0/index.html", html["p0/index.html"])
        assert feed.pending() == 0 and feed.take("p0/", site / "p0" / "index.html") is None
    finally:
        feed.close()


@pytest.mark.slow  # indexes a site twice
def test_the_last_few_pages_the_feed_worker_has_are_waited_for_not_cut_again(tmp_path, corpus_analyzer, monkeypatch):
    # A rebuild hands the feed the few pages the engine rendered again; the worker (on
    # a busy machine, niced) may not have done them when the engine is finished.  Up
    # to PageFeed.FINISH_AT_MOST of them are waited for (stopping the worker waits for
    # the one it is on anyway) instead of being cut again from their files; the index
    # is the one written from the files alone.  More than that are left to analyze_site.
    from build_tools.outputs.site import page_analysis, site_search
    from build_tools.outputs.site.page_analysis import PageFeed
    from build_tools.outputs.site.site_search import build_site_index

    site = tmp_path / "site"
    html = {f"p{n}/index.html": _page(f"p{n}", ["ส่งเสริมอาชีพ", "ป้องกันยาเสพติด", "แก้ไขปัญหาความยากจน"][n])
            for n in range(3)}
    for path, text in html.items():
        (site / path).parent.mkdir(parents=True)
        (site / path).write_text(text, encoding="utf-8")
    build_site_index(site, corpus_analyzer, log=lambda m: None)
    from_files = _index_files(site)
    real_analysis = page_analysis._fed_analysis
    cut_from_files = []
    real_imap = site_search.parallel_imap
    monkeypatch.setattr(site_search, "parallel_imap",
                        lambda fn, items, **kw: cut_from_files.extend(url for url, _ in items) or
                        real_imap(fn, items, **kw))
    for at_most, fed, slow in ((3, 3, 0.3), (2, 0, 3.0)):  # (the second: none done when the index looks)
        monkeypatch.setattr(PageFeed, "FINISH_AT_MOST", at_most)
        monkeypatch.setattr(page_analysis, "_fed_analysis",  # a slow worker (forked with it)
                            lambda *a, slow=slow, **k: time.sleep(slow) or real_analysis(*a, **k))
        cut_from_files.clear()
        feed = PageFeed(corpus_analyzer)
        try:
            for path, text in html.items():
                feed.page_written(path, text)
            assert feed.pending() == 3  # none done yet when the engine is finished
            logs = []
            build_site_index(site, corpus_analyzer, log=logs.append, feed=feed)
        finally:
            feed.close()
        assert _index_files(site) == from_files
        assert len(cut_from_files) == 3 - fed
        assert (f"(3 of 3 pages analyzed, {fed} of them as the engine wrote them" in logs[-1]) == (fed > 0)


def test_the_language_words_are_kept_for_the_next_build_with_the_same_analyzer(tmp_path, corpus_analyzer,
                                                                                 monkeypatch):
    # The words of the language (language_terms) are kept in a file of their own, by
    # the index's key: the next build reads them before the site engine starts and asks
    # the page feed's worker for nothing; the index is the same as when they are listed.
    from build_tools.outputs.site import site_search
    from build_tools.outputs.site.site_search import build_site_index, index_key, kept_language, language_terms

    site, cache = tmp_path / "site", tmp_path / "cache" / "site-search.pickle"
    (site / "p0").mkdir(parents=True)
    (site / "p0" / "index.html").write_text(_page("p0", "ส่งเสริมอาชีพ"), encoding="utf-8")
    key = index_key(corpus_analyzer)
    assert kept_language(cache, key) is None and kept_language(None, key) is None
    build_site_index(site, corpus_analyzer, log=lambda m: None, cache=cache)
    listed = _index_files(site)
    assert kept_language(cache, key) == language_terms(corpus_analyzer)
    assert kept_language(cache, "another analyzer") is None
    monkeypatch.setattr(site_search, "language_terms", lambda analyzer: pytest.fail("listed again"))
    build_site_index(site, corpus_analyzer, log=lambda m: None, cache=cache)
    assert _index_files(site) == listed


def test_the_feed_worker_lists_the_language_words_before_any_page(corpus_analyzer):
    # While MkDocs renders (before it writes the first page) the feed's worker lists the
    # words of the language for the index's dictionary shards, off the build's last step.
    from functools import partial

    from build_tools.outputs.site.page_analysis import PageFeed
    from build_tools.outputs.site.site_search import language_terms

    feed = PageFeed(corpus_analyzer, first=partial(language_terms, corpus_analyzer))
    try:
        deadline = time.monotonic() + 120
        while not feed.first.ready() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert feed.first_result() == language_terms(corpus_analyzer)
    finally:
        feed.close()
    feed = PageFeed(corpus_analyzer)
    try:
        assert feed.first_result() is None  # nothing asked: build_site_index lists them itself
    finally:
        feed.close()


@pytest.mark.parametrize("share", [0.001, 0.3, 0.95])  # rare words (intersect1d), common ones (the table)
def test_records_held_by_both_words_are_the_same_either_way(share):
    import numpy as np

    from build_tools.search.scoring import both_held

    rng = np.random.default_rng(7)
    total = 20_000
    a = np.sort(rng.choice(total, int(share * total) + 1, replace=False))
    b = np.sort(rng.choice(total, int(share * total) + 3, replace=False))
    sa, sb = rng.random(len(a)), rng.random(len(b))
    ids, scores = both_held(a, sa, b, sb, total)
    want, x, y = np.intersect1d(a, b, assume_unique=True, return_indices=True)
    assert np.array_equal(ids, want) and np.allclose(scores, sa[x] + sb[y])
    empty = np.array([], dtype=np.int64)
    assert len(both_held(a, sa, empty, empty.astype(float), total)[0]) == 0
