"""The search evaluation (tests/search_queries.yaml) on the command line: the targets of
issue #5 hold on the real Whoosh index of a real build."""
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import search_eval  # noqa: E402

DATA = search_eval.load_queries()


def test_query_set_is_large_and_well_formed():
    assert len(DATA["queries"]) >= 80 and len(DATA["negatives"]) >= 10
    kinds = {q["kind"] for q in DATA["queries"]}
    assert {"word", "phrase", "nospace", "compound", "digits", "date", "number", "abbr", "role", "typo"} <= kinds
    assert len({q["q"] for q in DATA["queries"]}) == len(DATA["queries"])
    for q in DATA["queries"]:
        assert q["first"], q


def test_every_expected_target_exists_in_the_site(built):
    site = built / "site"
    for q in DATA["queries"]:
        for t in q["first"]:
            page, _, anchor = t.partition("#")
            html = (site / page / "index.html").read_text(encoding="utf-8")
            assert not anchor or f'id="{anchor}"' in html, (q["q"], t)


@pytest.fixture(scope="module")
def cli_report(built):
    results = search_eval.run_cli(built, DATA)
    return search_eval.score(results, DATA, search_eval.site_pages_of(built / "site")), results


def test_cli_meets_the_targets(cli_report):
    report, _ = cli_report
    misses = [(m["q"], m["rank"], m["top"][:2]) for m in report["section"]["not_first"]]
    assert report["section"]["recall@5"] >= 0.95, misses
    assert report["section"]["mrr"] >= 0.85, misses


def test_cli_negative_queries_find_nothing(cli_report):
    report, results = cli_report
    assert report["negatives_with_results"] == [], {q: results[q][:3] for q in report["negatives_with_results"]}


def test_rank_of_section_and_page_targets():
    hits = ["documents/a/#c1", "documents/b/#c2", "agencies/oncb/#roles"]
    assert search_eval.rank_of(hits, ["documents/b/#c2"], page_level=False) == 2
    assert search_eval.rank_of(hits, ["documents/b/#c9"], page_level=False) is None
    assert search_eval.rank_of(hits, ["documents/b/#c9"], page_level=True) == 2
    assert search_eval.rank_of(hits, ["agencies/oncb/"], page_level=False) == 3
    q = {"q": "x", "first": ["documents/a/"], "prefer": ["agencies/oncb/"]}
    assert search_eval.targets_for(q, {"documents/a/"}) == ["documents/a/"]
    assert search_eval.targets_for(q, {"documents/a/", "agencies/oncb/"}) == ["agencies/oncb/"]
