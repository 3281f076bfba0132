"""The search evaluation on the command line, on the real Whoosh index of a real build:
the keyword set (tests/search_queries.yaml) and the natural questions
(tests/search_questions.yaml) meet their targets (issues #5 and #11)."""
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import search_eval  # noqa: E402

DATA = search_eval.load_queries()
QUESTIONS = search_eval.load_questions()


def test_query_set_is_large_and_well_formed():
    assert len(DATA["queries"]) >= 80 and len(DATA["negatives"]) >= 10
    kinds = {q["kind"] for q in DATA["queries"]}
    assert {"word", "phrase", "nospace", "compound", "digits", "date", "number", "abbr", "role", "typo"} <= kinds
    assert len({q["q"] for q in DATA["queries"]}) == len(DATA["queries"])
    for q in DATA["queries"]:
        assert q["first"], q


def test_question_set_is_large_and_well_formed():
    qs = QUESTIONS["questions"]
    assert len(qs) >= 80 and len(QUESTIONS["off_topic"]) >= 10
    assert {q["tier"] for q in qs} == set(search_eval.TIERS)
    assert all(sum(q["tier"] == t for q in qs) >= 10 for t in search_eval.TIERS)
    texts = [q["q"] for q in qs] + QUESTIONS["off_topic"] + [q["q"] for q in DATA["queries"]]
    assert len(set(texts)) == len(texts)
    for q in qs:
        assert q["first"] and (q["card"] == "none" or set(q["card"]) <= {"url", "text"}), q


def test_every_expected_target_exists_in_the_site(built):
    site = built / "site"
    for q in DATA["queries"] + QUESTIONS["questions"]:
        for t in q["first"]:
            page, _, anchor = t.partition("#")
            html = (site / page / "index.html").read_text(encoding="utf-8")
            assert not anchor or f'id="{anchor}"' in html, (q["q"], t)


@pytest.fixture(scope="module")
def cli_results(built):
    queries = [x["q"] for x in DATA["queries"]] + DATA["negatives"]
    queries += [x["q"] for x in QUESTIONS["questions"]] + QUESTIONS["off_topic"]
    return search_eval.search_engines.run_cli(built, queries)


@pytest.fixture(scope="module")
def cli_report(built, cli_results):
    return search_eval.score(cli_results, DATA, search_eval.site_pages_of(built / "site")), cli_results


@pytest.fixture(scope="module")
def cli_questions(built, cli_results):
    return search_eval.score_questions(cli_results, QUESTIONS, search_eval.site_pages_of(built / "site"), True)


def test_cli_meets_the_targets(cli_report):
    report, _ = cli_report
    misses = [(m["q"], m["rank"], m["top"][:2]) for m in report["section"]["not_first"]]
    assert report["section"]["recall@5"] >= 0.95, misses
    assert report["section"]["mrr"] >= 0.85, misses


def test_cli_negative_queries_find_nothing(cli_report):
    report, results = cli_report
    assert report["negatives_with_results"] == [], {q: results[q]["urls"][:3] for q in report["negatives_with_results"]}


def test_cli_answers_natural_questions(cli_questions):
    r = cli_questions["all"]
    misses = [(m["q"], m["rank"]) for m in r["not_first"]]
    assert r["recall@5"] >= 0.90, misses
    assert r["mrr"] >= 0.75, misses


def test_cli_off_topic_questions_find_nothing(cli_questions):
    assert cli_questions["off_topic_with_results"] == []


def test_cli_answer_cards_are_right_or_absent(cli_questions):
    cards = cli_questions["cards"]
    assert cards["wrong"] == []  # no card is better than a wrong card
    assert cards["right"] >= 0.8 * cards["expected"], cards["missing"]


def test_rank_of_section_and_page_targets():
    hits = ["documents/a/#c1", "documents/b/#c2", "agencies/oncb/#roles"]
    assert search_eval.rank_of(hits, ["documents/b/#c2"], page_level=False) == 2
    assert search_eval.rank_of(hits, ["documents/b/#c9"], page_level=False) is None
    assert search_eval.rank_of(hits, ["documents/b/#c9"], page_level=True) == 2
    assert search_eval.rank_of(hits, ["agencies/oncb/"], page_level=False) == 3
    q = {"q": "x", "first": ["documents/a/"], "prefer": ["agencies/oncb/"]}
    assert search_eval.targets_for(q, {"documents/a/"}) == ["documents/a/"]
    assert search_eval.targets_for(q, {"documents/a/", "agencies/oncb/"}) == ["agencies/oncb/"]


def test_card_verdicts():
    q = {"q": "x", "tier": "who", "card": {"url": "agencies/oncb/", "text": ["กลาง"]}}
    assert search_eval.card_verdict({"kind": "who", "text": "หน่วยงานกลาง", "url": "agencies/oncb/"}, q) == "right"
    assert search_eval.card_verdict({"kind": "who", "text": "อื่น", "url": "agencies/oncb/"}, q) == "wrong"
    assert search_eval.card_verdict({"kind": "when", "text": "หน่วยงานกลาง", "url": "agencies/oncb/"}, q) == "wrong"
    assert search_eval.card_verdict(None, q) == "missing"
    assert search_eval.card_verdict(None, {**q, "card": "none"}) == "none"
    assert search_eval.card_verdict({"kind": "who", "text": "", "url": "a/"}, {**q, "card": "none"}) == "wrong"
    steps = {"q": "y", "tier": "steps", "card": {"url": "guidance/"}}
    assert search_eval.card_verdict(None, steps) == "none"  # optional for steps
