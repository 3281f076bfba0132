"""Querying the Whoosh index: free Thai text (with or without spaces), "quoted
phrases", filters; ranked hits with highlighted snippets."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from whoosh import highlight, index, query
from whoosh.scoring import BM25F

from build_tools.whoosh_index import ThaiTokenizer

TEXT_FIELDS = ("title", "section", "body", "aliases")
_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”')


class IndexMissing(Exception):
    pass


@dataclass
class Filters:
    doc_type: str | None = None
    agency: str | None = None
    mission: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def open_index(index_dir: Path):
    if not index.exists_in(str(index_dir)):
        raise IndexMissing(f"no search index in {index_dir}: run `python -m build_tools build` first")
    return index.open_dir(str(index_dir))


def _analyzer(ix):
    tok = ix.schema["body"].analyzer
    return tok.analyzer if isinstance(tok, ThaiTokenizer) else None


def build_query(ix, text: str, filters: Filters | None = None):
    analyzer = _analyzer(ix)
    parts = []
    for m in _PHRASE.finditer(text):
        words = analyzer.query_terms(m.group(1) or m.group(2))
        if len(words) == 1:
            parts.append(query.Or([query.Term(f, words[0]) for f in TEXT_FIELDS]))
        elif words:
            parts.append(query.Or([query.Phrase(f, words) for f in ("title", "body")]))
    free = _PHRASE.sub(" ", text)
    for word in analyzer.query_terms(free):
        parts.append(query.Or([query.Term(f, word) for f in TEXT_FIELDS]))
    if not parts:
        return None
    q = query.And(parts)
    f = filters or Filters()
    conds = []
    if f.doc_type:
        conds.append(query.Term("doc_type", f.doc_type))
    if f.agency:
        conds.append(query.Term("agencies", f.agency.lower()))
    if f.mission:
        conds.append(query.Term("missions", f.mission.lower()))
    if f.date_from or f.date_to:
        start = dt.datetime.combine(f.date_from, dt.time.min) if f.date_from else None
        end = dt.datetime.combine(f.date_to, dt.time.max) if f.date_to else None
        conds.append(query.DateRange("date", start, end))
    return query.And([q, *conds]) if conds else q


class _Marker(highlight.Formatter):
    """Marks matched words «like this» (plain text, safe in a terminal and in JSON)."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return "«" + highlight.get_text(text, token, replace) + "»"


def search(index_dir: Path, text: str, limit: int = 10, filters: Filters | None = None) -> list[dict]:
    ix = open_index(index_dir)
    try:
        q = build_query(ix, text, filters)
        if q is None:
            return []
        with ix.searcher(weighting=BM25F()) as s:
            results = s.search(q, limit=limit, terms=True)
            results.fragmenter = highlight.ContextFragmenter(maxchars=160, surround=60)
            results.formatter = _Marker()
            hits = []
            for hit in results:
                stored = hit.fields()
                snippet = hit.highlights("body") or hit.highlights("title") or hit["body"][:160]
                hits.append({
                    "doc_id": hit["doc_id"],
                    "title": hit["title"],
                    "section": stored.get("section", ""),
                    "kind": hit["kind"],
                    "url": hit["url"],
                    "snippet": snippet,
                    "score": round(hit.score, 4),
                    "doc_type": hit["doc_type"],
                    "date": stored["date"].date().isoformat() if stored.get("date") else None,
                })
            return hits
    finally:
        ix.close()
