"""The site's search box in real headless Chromium (Debian's chromium + chromedriver):
a representative subset of the evaluation queries typed as a user types them."""
import json
import os
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import search_eval  # noqa: E402
from browser import answer_card, browser_unavailable, chromium, serve, type_in_search_box  # noqa: E402

REASON = browser_unavailable()
if REASON and os.environ.get("CI") == "true":
    raise RuntimeError(f"CI must run the browser tests: {REASON}")
if REASON:
    print(f"\n*** BROWSER TESTS NOT RUN: {REASON} ***\n", file=sys.stderr)
pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.skipif(REASON is not None, reason=f"BROWSER TESTS NOT RUN: {REASON}")]

DATA = search_eval.load_queries()
SUBSET = [q for q in DATA["queries"] if q.get("browser")]
NEGATIVES = DATA["negatives"][:4]
QUESTIONS = search_eval.load_questions()
ASKED = [q for q in QUESTIONS["questions"] if q.get("browser")]
OFF_TOPIC = QUESTIONS["off_topic"][:3]


@pytest.fixture(scope="module")
def page(built):
    """The built site on a local server, the home page open in Chromium."""
    with serve(built / "site") as base, chromium() as driver:
        driver.get(base)
        driver.base = base
        yield driver


@pytest.fixture(scope="module")
def typed(page):
    """Every subset query and the negatives typed into the header search box."""
    return {q: type_in_search_box(page, q) for q in [x["q"] for x in SUBSET] + NEGATIVES}


@pytest.fixture(scope="module")
def asked(page):
    """The subset of natural questions and some off-topic ones: hits and answer card."""
    out = {}
    for q in [x["q"] for x in ASKED] + OFF_TOPIC:
        hits = type_in_search_box(page, q)
        out[q] = {"urls": _urls(page, hits), "card": _relative(page, answer_card(page))}
    return out


def _relative(page, card):
    if card:
        card["url"] = card["url"][len(page.base):]
        for item in card["items"]:
            item["url"] = item["url"][len(page.base):]
    return card


def _urls(page, hits):
    return [h["href"][len(page.base):] for h in hits]


def test_subset_covers_every_kind_of_query():
    assert {q["kind"] for q in SUBSET} >= {"word", "compound", "nospace", "digits", "number", "abbr", "role", "typo"}


@pytest.mark.parametrize("q", SUBSET, ids=[q["q"] for q in SUBSET])
def test_search_box_finds_the_expected_section(page, typed, built, q):
    targets = search_eval.targets_for(q, search_eval.site_pages_of(built / "site"))
    urls = _urls(page, typed[q["q"]])
    rank = search_eval.rank_of(urls, targets, page_level=False)
    assert rank is not None and rank <= 5, (q["q"], targets, urls[:5])


def test_subset_mrr(page, typed, built):
    pages = search_eval.site_pages_of(built / "site")
    ranks = [search_eval.rank_of(_urls(page, typed[q["q"]]), search_eval.targets_for(q, pages), False)
             for q in SUBSET]
    assert sum(1 / r for r in ranks if r) / len(ranks) >= 0.85, ranks


def test_negative_queries_show_nothing(page, typed):
    from selenium.webdriver.common.by import By

    for q in NEGATIVES:
        assert typed[q] == [], q
    type_in_search_box(page, NEGATIVES[0])
    assert page.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text == "ไม่พบผลลัพธ์"


def test_results_show_title_section_and_highlighted_thai_snippet(typed):
    # The project page comes first for the project's name; the annex clause that sets
    # it up is among the first results, shown with its document title and clause number.
    hit = next(h for h in typed["กองทุนแม่ของแผ่นดิน"][:5] if "/documents/mou-annex-2552/" in h["href"])
    assert hit["title"].startswith("รายละเอียดแนบท้ายบันทึกความร่วมมือ")
    assert "ข้อ ๓)" in hit["section"]
    assert "<mark>" in hit["snippet"] and "แผ่นดิน" in hit["snippet"]
    # A synonym is marked under the name the text uses.
    assert any("<mark>สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด</mark>" in h["snippet"] for h in typed["ONCB"][:5])
    # Snippets start at the match, and a page's metadata table is never one (issue #14).
    for h in typed["กองทุนแม่ของแผ่นดิน"]:
        text = h["snippet"].split("<p>")[-1]
        assert not text.startswith("รายการ ข้อมูล") and "ประเภท รูปแบบโครงการต้นแบบ" not in text, h["href"]


def test_a_forgiven_typo_is_said_so(page, typed):
    from selenium.webdriver.common.by import By

    assert typed["ยาเสพติต"]
    type_in_search_box(page, "ยาเสพติต")
    assert page.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text.startswith("ไม่พบคำที่พิมพ์ตรงตัว")
    type_in_search_box(page, "ยาเสพติด")
    assert page.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text.startswith("พบ ")


def test_thai_and_arabic_digits_give_the_same_results(page, typed):
    assert _urls(page, typed["๘๗๗ อำเภอ"]) == _urls(page, typed["877 อำเภอ"]) != []
    assert _urls(page, typed["๒๕๕๓"]) == _urls(page, typed["2553"]) != []


@pytest.mark.parametrize("q", ASKED, ids=[q["q"] for q in ASKED])
def test_search_box_answers_natural_questions(page, asked, built, q):
    targets = search_eval.targets_for(q, search_eval.site_pages_of(built / "site"))
    rank = search_eval.rank_of(asked[q["q"]]["urls"], targets, page_level=False)
    assert rank is not None and rank <= 5, (q["q"], targets, asked[q["q"]]["urls"][:5])
    verdict = search_eval.card_verdict(asked[q["q"]]["card"], q)
    assert verdict in ("right", "none"), (q["q"], asked[q["q"]]["card"])


def test_most_subset_questions_get_their_card(asked):
    expected = [q for q in ASKED if q["tier"] in search_eval.CARD_TIERS and q["card"] != "none"]
    right = [q["q"] for q in expected if search_eval.card_verdict(asked[q["q"]]["card"], q) == "right"]
    assert len(right) >= 0.8 * len(expected), sorted({q["q"] for q in expected} - set(right))


def test_off_topic_questions_show_nothing_but_help(page, asked):
    from selenium.webdriver.common.by import By

    for q in OFF_TOPIC:
        assert asked[q] == {"urls": [], "card": None}, q
    type_in_search_box(page, OFF_TOPIC[0])
    assert page.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text == "ไม่พบผลลัพธ์"
    help_ = page.find_element(By.CSS_SELECTOR, "[data-th-help]")
    assert help_.text.startswith("ไม่พบคำว่า ")
    links = [a.get_attribute("href")[len(page.base):] for a in help_.find_elements(By.TAG_NAME, "a")]
    assert links == ["agencies/", "missions/", "guidance/"]


def test_the_answer_card_is_on_top_and_reachable_by_keyboard(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    type_in_search_box(page, "ป.ป.ส. ทำอะไรในโครงการนี้")
    first = page.find_element(By.CSS_SELECTOR, ".md-search-result__list > li:first-child")
    assert first.get_attribute("data-th-answer") == "" and first.get_attribute("data-kind") == "who"
    assert first.text.startswith("คำตอบ: หน่วยงานที่รับผิดชอบ")
    box = page.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.send_keys(Keys.ARROW_DOWN)  # from the box into the results: the card first
    focused = page.switch_to.active_element
    assert "th-answer__main" in focused.get_attribute("class").split()
    assert focused.get_attribute("href").endswith("/agencies/oncb/")
    focused.send_keys(Keys.ARROW_DOWN)  # its lines, then the hits
    assert page.switch_to.active_element.get_attribute("href").endswith("/agencies/oncb/#oncb-1")
    page.switch_to.active_element.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)  # back to the box
    assert page.switch_to.active_element.get_attribute("class").startswith("md-search__input")


def test_near_spellings_are_marked_on_each_hit(typed):
    assert typed["ยาเสพติต"] and all(h["near"] for h in typed["ยาเสพติต"])
    assert not any(h["near"] for h in typed["ยาเสพติด"])


def test_a_very_long_query_answers_quickly(page):
    run = """const [q, done] = arguments; const t = performance.now();
             window.thSearch(q).then(r => done([r.hits.length, r.q.truncated, performance.now() - t]),
                                     e => done([-1, String(e), 0]));"""
    hits, truncated, ms = page.execute_async_script(run, "ยาเสพติด" * 1250)
    assert hits > 0 and truncated and ms < 5000
    hits, truncated, ms = page.execute_async_script(run, " ".join(["ยาเสพติด หมู่บ้าน"] * 500))
    assert hits > 0 and truncated and ms < 5000


def test_the_browser_cuts_at_the_analyzers_clusters(page):
    """The character-cluster rule comes from the analyzer's tables (PyThaiNLP's), so the
    browser may cut a word only where the command line may."""
    from build_tools.analysis.segmenter import clusters

    words = ["เปลี่ยน", "สรรค์", "เวียร์", "กระทรวงมหาดไทย", "ปรึกษาหารือ", "ผู้ใหญ่บ้าน", "ความเข้มแข็ง", "ก็ได้"]
    page.execute_async_script("const [q, done] = arguments; window.thSearch(q).then(() => done(1))", "ก")
    for w in words:
        js = page.execute_script("return window.thSearchParts.clusters(arguments[0])", w)
        assert set(js) == clusters(w) | {len(w)}, w


def test_a_failed_index_file_says_so_and_ends(built, tmp_path):
    """A shard the search needs cannot be read: a clear message, not a hang."""
    import shutil

    from selenium.webdriver.common.by import By

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    for f in (site / "search" / "th" / "p").glob("[0-9]*.json"):
        f.unlink()
    with serve(site) as base, chromium() as driver:
        driver.get(base)
        type_in_search_box(driver, "ยาเสพติด")
        meta = driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
        assert meta.startswith("ค้นหาไม่สำเร็จ: โหลดข้อมูลดัชนีค้นหาไม่ได้ (th/p/") and "HTTP 404" in meta
        assert driver.execute_script("return document.documentElement.getAttribute('data-th-error')")


def test_site_and_command_line_agree_on_the_first_page(page, typed, search_json):
    for q in ["บทบาทร่วม", "กองทุนแม่ของแผ่นดิน", "๘๗๗ อำเภอ", "ยาเสพติต", "บทบาท ป.ป.ส."]:
        cli = search_json(*q.split(), limit=5)
        site = _urls(page, typed[q])
        # Where the command line's best score is shared by hits on several pages (two
        # clauses of the same words), either is the first page; otherwise exactly its page.
        best = {h["url"].split("#")[0] for h in cli if h["score"] == cli[0]["score"]}
        assert cli and site and site[0].split("#")[0] in best, (q, cli[0]["url"], best, site[:3])


@pytest.mark.parametrize("q, page_url", [
    ("www.thailocaladmin.go.th", "documents/dla-letter-2552-08-20/"),
    ("thailocaladmin", "documents/dla-letter-2552-08-20/"),
    ("0810.1/ว", "documents/dla-letter-2552-08-20/"),
    ("๐๔๐๔.๒/๔๙๐๐", "documents/moi-letter-2552-08-06/"),
])
def test_non_thai_query_text_is_cut_as_the_index_cuts_it(page, q, page_url):
    """Web addresses, reference numbers and punctuation: the browser cuts them as the
    analyzer cut the text (build_tools/analysis/analyzer.py split_runs), so they match exactly."""
    from selenium.webdriver.common.by import By

    urls = _urls(page, type_in_search_box(page, q))
    assert page.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text.startswith("พบ ")
    assert any(u.startswith(page_url) for u in urls), (q, urls[:5])


def test_abbreviation_in_brackets_is_the_abbreviation(page, typed):
    assert _urls(page, type_in_search_box(page, "(ป.ป.ส.)")) == _urls(page, typed["ป.ป.ส."]) != []


def test_search_is_offline_and_downloads_only_shards(page):
    """Everything the search fetched came from the site itself, and a query downloads a
    few shards rather than a whole-site index."""
    entries = page.execute_script(
        "return performance.getEntriesByType('resource').map(e => [e.name, e.transferSize || e.encodedBodySize])")
    assert entries and all(name.startswith(page.base) for name, _ in entries), entries
    search_files = [n for n, _ in entries if "/search/" in n]
    assert any("/search/th/meta.json" in n for n in search_files)
    assert all("/search/th/" in n or n.endswith(("search_index.json", "/th-query.json", "/th-answers.json"))
               for n in search_files)


def test_common_terms_split_into_head_and_tail(tmp_path, monkeypatch):
    """A term in more sections than POSTINGS_HEAD keeps its strongest postings in a head
    file and the rest in a tail file; the browser fetches the tail only when the heads
    give too few results, and then finds every section."""

    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.outputs.site import search_postings, site_search

    site = tmp_path / "site"
    for i in range(30):
        extra = " ยาเสพติด" * (i % 3 + 1)
        # p29: the weakest posting of ยาเสพติด (once, in a long text), so it is in the tail.
        word = " หมู่บ้านต้นแบบ" + " ชุมชน" * 40 if i == 29 else ""
        if i == 29:
            extra = " ยาเสพติด"
        (site / f"p{i}").mkdir(parents=True)
        (site / f"p{i}" / "index.html").write_text(
            f'<article><h1>หน้า {i}</h1><p id="a">ชุมชน{extra}{word}</p></article>', encoding="utf-8")
    monkeypatch.setattr(search_postings, "POSTINGS_HEAD", 5)
    monkeypatch.setattr(site_search, "SECTIONS_PER_SHARD", 7)
    monkeypatch.setattr(search_postings, "TAIL_RANGE", 10)
    site_search.build_site_index(site, analyzer_for_corpus(ROOT / "corpus"), log=lambda m: None)
    pdir = site / "search" / "th" / "p"
    entry = next(v for f in pdir.glob("[0-9]*.json")
                 for k, v in json.loads(f.read_text(encoding="utf-8")).items() if k == "#ยาเสพติด")
    n = entry[1]
    assert entry[0] == 30 and entry[2] == [0, 1, 2]
    tail = [json.loads((pdir / f"t{n}-{k}.json").read_text(encoding="utf-8")) for k in range(3)]
    head = json.loads((pdir / f"h{n}.json").read_text(encoding="utf-8"))
    assert 29 in tail[2][::2] and len(head) == 2 * 5 and len(head) + sum(map(len, tail)) == 2 * 30
    _search_page(site)
    with serve(site) as base, chromium() as driver:
        driver.get(base)
        run = "const [q, done] = arguments; window.thSearch(q).then(r => done([r.total, r.hits.map(h => h.url)]))"
        total, urls = driver.execute_async_script(run, "ยาเสพติด")
        assert total == 30 and len(urls) == 10  # 5 in the head < a page: the tail was fetched
        partial = driver.execute_async_script(
            "const [q, done] = arguments; window.thSearch(q).then(r => done(r.partial))", "ยาเสพติด")
        assert partial is False
        driver.get(base)  # fresh page: nothing fetched yet
        total, urls = driver.execute_async_script(run, "ยาเสพติด หมู่บ้านต้นแบบ")
        assert (total, urls) == (1, ["p29/#a"])  # only in a tail: found through the tail
        fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        # ... reading only the tail piece where the rarer word occurs.
        assert [u.rsplit("/", 1)[1] for u in fetched if "/p/t" in u] == [f"t{n}-2.json"]


def _search_page(site):
    """Make a hand-made site searchable in the browser: its query tables, our search
    script and a page that loads it."""
    import shutil

    _query_tables(site)
    (site / "javascripts").mkdir()
    shutil.copy(ROOT / "docs" / "javascripts" / "search-th.js", site / "javascripts")
    (site / "index.html").write_text('<script src="javascripts/search-th.js"></script>', encoding="utf-8")


def _query_tables(site):
    """The query tables a built site has beside its index (question words, thesaurus,
    the ranking's query-time settings), for a site made by hand."""
    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.analysis.question import tables
    from build_tools.outputs.search_index import ranking
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(ROOT / "corpus")
    data = {"question": tables(analyzer_for_corpus(corpus.root, corpus.agencies), corpus.search),
            "ranking": ranking.browser_config(), "browse": [], "filters": {}}
    (site / "search" / "th-query.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_highlights_stay_on_the_word_after_normalization(tmp_path):
    """A character whose lower case is longer (İ -> i̇) or a Thai digit before the match:
    the mark still covers exactly the matched word."""

    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.outputs.site import site_search

    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    (site / "p" / "index.html").write_text(
        '<article><h1>หน้า</h1><p id="a">İİİ ๒๕๕๒ ป้องกันยาเสพติด</p></article>', encoding="utf-8")
    site_search.build_site_index(site, analyzer_for_corpus(ROOT / "corpus"), log=lambda m: None)
    _search_page(site)
    with serve(site) as base, chromium() as driver:
        driver.get(base)
        html = driver.execute_async_script("""
          const [q, done] = arguments;
          window.thSearch(q).then(r => done(window.thSearchParts.snippet(r.hits[0].text, ["ยาเสพติด", "2552"])));""",
                                           "ยาเสพติด")
    assert html == "İİİ <mark>๒๕๕๒</mark> ป้องกัน<mark>ยาเสพติด</mark>"
