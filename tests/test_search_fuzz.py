"""Property-based tests (Hypothesis) of the query side: for any text, the parser and
`search` give a result or a clear QueryError, never a traceback, and each search ends
within a time bound (the deadline below, far above a search's usual few milliseconds,
so a shared machine does not make it flaky; a query that recursed or scanned pairs of
characters of a pasted page would blow it)."""
import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.analysis.analyzer import analyzer_for_corpus
from build_tools.analysis.question import MAX_GROUPS, MAX_QUERY_CHARS, QueryUnderstanding
from build_tools.search.query import Filters, QueryError, run
from build_tools.sources.corpus import load_corpus

THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
WORDS = st.sampled_from(["ยาเสพติด", "ใคร", "กี่", "คืออะไร", "ป.ป.ส.", "หน้าที่", '"', "“", " ", "๘๘๘", "0810.1/ว",
                         "อำเภอ", "ข้าว", "เมื่อไหร่", "\u0e4d\u0e32", "\u200b", "\n", "😀", "ONCB", "MOU"])
QUERY = st.one_of(
    st.text(max_size=300),  # any Unicode at all
    st.text(alphabet=THAI, max_size=400),
    st.lists(WORDS, max_size=80).map("".join),
    st.lists(WORDS, min_size=200, max_size=1500).map("".join),  # pasted pages
)
BOUNDED = settings(max_examples=150, deadline=dt.timedelta(seconds=3),
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def qu():
    corpus = load_corpus(ROOT / "corpus")
    return QueryUnderstanding.from_vocabulary(analyzer_for_corpus(corpus.root, corpus.agencies), corpus.search)


@BOUNDED
@given(text=QUERY)
def test_the_parser_takes_any_text(qu, text):
    p = qu.parse(text)
    assert len(p.text) <= MAX_QUERY_CHARS and len(p.groups) <= MAX_GROUPS
    assert p.intent is None or p.intent in p.intents
    assert all(g.alternatives and all(a.terms for a in g.alternatives) for g in p.groups)
    p.explain()


@pytest.mark.slow
@BOUNDED
@given(text=QUERY)
def test_search_takes_any_text(indexed, text):
    result = run(Path(indexed) / "build" / "index", text)
    assert len(result.hits) <= 10
    assert all(h["match"] in ("exact", "near") and h["url"] for h in result.hits)
    assert result.answer is None or {"kind", "text", "url", "source"} <= set(result.answer)


@pytest.mark.slow
@BOUNDED
@given(text=st.sampled_from(["ยาเสพติด", "ใครติดตามประเมินผล", "x"]),
       value=st.one_of(st.none(), st.text(max_size=20)),
       start=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
       end=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))))
def test_search_filters_give_a_result_or_a_clear_error(indexed, text, value, start, end):
    for f in (Filters(doc_type=value, date_from=start, date_to=end), Filters(agency=value), Filters(mission=value)):
        try:
            run(Path(indexed) / "build" / "index", text, filters=f)
        except QueryError as exc:
            assert str(exc).startswith(("--type", "--agency", "--mission", "--from", "--to")), str(exc)
