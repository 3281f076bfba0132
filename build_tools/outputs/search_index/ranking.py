"""The one ranking configuration of both search engines: the command line (Whoosh index,
build_tools/search/) and the site (build_tools/outputs/site/site_search.py at build
time, docs/javascripts/search-th.js in the browser, which reads `browser_config()` from
the site index's meta.json).  Change a weight here and both engines change.

Scoring, the same in both: a section is a bag of weighted words (each field's words
count with its weight, a word found inside a compound or across a cut with SUBWORD);
a term scores BM25 (K1, B; length = the section's own words, idf from the number of
sections holding the term); a query word scores its best alternative (the word as typed
or another name of it x 1.0, a thesaurus synonym x SYNONYM, a near spelling x NEAR); a
section's score is the sum over the query's words, times coverage ** COVERAGE_POWER,
where coverage is the share of the query's informative weight (each word's idf; a word
no section holds weighs as much as the rarest possible word) the section holds.  A
section below COVERAGE_MIN is no answer: an off-topic question, whose informative words
are absent, returns nothing however many of its common words match (a little over half:
on the evaluation sets, off-topic questions reach at most about half with their common
words, right answers to partly worded questions from about 0.55 up; see
docs/search-help.md).
"""
from __future__ import annotations

import math

K1, B = 1.2, 0.75
# Field weights.  The page title counts most on the page's own entry (the page top, an
# agency page found by the agency's name) and weakly on each of its sections, so
# "บทบาท ป.ป.ส." finds the roles section of the ONCB page.
TITLE = 3.0  # the title of a page, on the page's own entry
PAGE_TITLE = 0.25  # the title of the page, on each of its sections
ALIASES = 3.0  # other names of a page's subject (an agency's abbreviation, English name)
SECTION = 1.5  # a section's label (heading, clause number)
BODY = 1.0  # a section's text; a document's metadata counts as text
CONTEXT = 0.25  # the text of the clauses a clause sits in (weak evidence)
SUBWORD = 0.5  # a dictionary word inside a compound or across a cut, a synonym's canonical name
# Pages that restate the circulars (agency, mission, guidance, glossary ... pages quote
# the clauses they cite) count less than the circular itself for the words of their text
# (label, text, context), so a word of a clause finds the clause first; their titles and
# names are not damped (an agency page is found first by the agency's name).
DERIVED_TEXT = 0.3
# A query word's alternatives.
ALTERNATIVES = {"exact": 1.0, "name": 1.0, "recut": 1.0, "synonym": 0.6, "near": 0.8}
COVERAGE_MIN = 0.55
COVERAGE_POWER = 2.0
# A question's intent (build_tools.analysis.question) says which pages answer it: their
# entries' scores are multiplied by INTENT_BOOST (the first intent of the question).
INTENT_PAGES = {
    "when": ("timeline",),
    "what_is": ("glossary", "agencies"),
    "which_document": ("documents",),
    "steps": ("guidance", "monitoring"),
    "who": ("agencies",),
    "how_many": (),
}
INTENT_BOOST = 1.5
# A query word every alternative of which is in more than this share of the sections
# (โครงการ, สยามเมืองยิ้ม: in every page title) says nothing about which section answers
# (its idf is below 0.7): when the query has other words, it is left out of the score and
# the coverage, and its postings, the longest of the index, are never read.
COMMON_SHARE = 0.5


def page_kind(url: str) -> str:
    """The kind of page an entry is on: its URL's first segment (documents, glossary ...)."""
    return url.split("/", 1)[0] if "/" in url else ""


def field_weights(page_level: bool, derived: bool) -> dict[str, float]:
    """Weight of each field of an entry: a page's own entry or one of its sections, on a
    document page or a page derived from the documents (knowledge pages)."""
    damp = DERIVED_TEXT if derived else 1.0
    return {"title": TITLE if page_level else PAGE_TITLE, "aliases": ALIASES,
            "section": SECTION * damp, "body": BODY * damp, "meta": BODY * damp, "context": CONTEXT * damp}


def idf(df: int, n: int) -> float:
    """BM25's idf; a term no section holds (df 0) has the highest possible."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def term_frequency_part(tf: float, length: float, avg_length: float) -> float:
    """BM25's saturated term frequency of a section."""
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / max(avg_length, 1e-9)))


def signature() -> list:
    """Everything that changes what is stored in an index (a rebuild when it changes)."""
    return [K1, B, TITLE, PAGE_TITLE, ALIASES, SECTION, BODY, CONTEXT, SUBWORD, DERIVED_TEXT]


def browser_config() -> dict:
    """What the browser needs at query time (the rest is in the impacts it reads)."""
    return {"k1": K1, "b": B, "alternatives": ALTERNATIVES, "coverage_min": COVERAGE_MIN,
            "coverage_power": COVERAGE_POWER, "intent_pages": INTENT_PAGES, "intent_boost": INTENT_BOOST,
            "common_share": COMMON_SHARE}
