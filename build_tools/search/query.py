"""Querying the Whoosh index: free Thai text (with or without spaces), "quoted
phrases", filters; ranked hits with highlighted snippets."""
from __future__ import annotations

import datetime as dt
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from whoosh import highlight, index, query
from whoosh.scoring import BM25F

from build_tools.analysis.analyzer import _clusters, normalize_query_text, normalize_term
from build_tools.outputs.search_index.whoosh_index import ThaiTokenizer
from build_tools.search import topk

TEXT_FIELDS = ("title", "section", "body", "aliases", "context")
# Rank with build_tools.search.topk (the same hits and scores as Whoosh's own search, computed a
# posting list at a time); False: Whoosh's own search (benchmarks and tests compare them).
FAST_TOPK = True
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


def _known(reader, term: str) -> bool:
    return any(reader.doc_frequency(f, term) for f in TEXT_FIELDS)


@dataclass
class _Open:
    """An index opened once per process, with its searcher: opening one costs more than
    most queries (the schema and its analyzer are unpickled, and Whoosh copies the
    stored-fields file into memory on first use)."""
    stamp: tuple
    ix: object
    searcher: object
    analyzer: object

    def close(self):
        self.searcher.close()
        self.ix.close()


_OPEN: dict[str, _Open] = {}
_OPEN_LOCK = threading.RLock()  # a Whoosh searcher is not safe to share between threads


def _stamp(index_dir: Path) -> tuple | None:
    """What changes whenever the index on disk does: each commit writes a new table of
    contents (_MAIN_<generation>.toc) into the folder, and a full rebuild swaps in a new
    folder.  None if there is no index there."""
    try:
        d = os.stat(index_dir)
        tocs = []
        with os.scandir(index_dir) as it:
            for e in it:
                if e.name.endswith(".toc"):
                    st = e.stat()
                    tocs.append((e.name, st.st_ino, st.st_mtime_ns, st.st_size))
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (d.st_dev, d.st_ino, d.st_mtime_ns, tuple(sorted(tocs))) if tocs else None


def _opened(index_dir: Path) -> _Open:
    """The open index at `index_dir`, reopened if it changed on disk since (so a search
    always sees the index as it is now).  Call with _OPEN_LOCK held."""
    key = os.path.abspath(index_dir)
    stamp = _stamp(index_dir)
    cur = _OPEN.get(key)
    if cur is not None and cur.stamp == stamp:
        return cur
    if cur is not None:
        del _OPEN[key]
        cur.close()
    ix = open_index(index_dir)  # raises IndexMissing
    try:
        cur = _Open(stamp, ix, ix.searcher(weighting=BM25F()), _analyzer(ix))
    except BaseException:
        ix.close()
        raise
    _OPEN[key] = cur
    return cur


def recut(term: str, known) -> list[str] | None:
    """Cut a query word the index does not hold into the fewest words it does hold (at
    Thai character-cluster boundaries), so a word the segmenter cut differently from the
    text is still found; None if there is no such cut.  The site's browser code does the
    same over the same terms."""
    if not term[:1] >= "\u0e00":
        return None  # a number or a Latin word is found whole or not at all (99999 is not 9 9 9 9 9)
    n = len(term)
    bounds = sorted(_clusters(term) | {n})
    best: dict[int, list[str]] = {n: []}
    for i in reversed(bounds[:-1]):
        for j in bounds:
            if j <= i or j not in best or (i == 0 and j == n):
                continue
            piece = term[i:j]
            if known(piece) and (i not in best or len(best[j]) + 1 < len(best[i])):
                best[i] = [piece] + best[j]
    return best.get(0)


def _group_query(groups_terms: list[str]):
    return query.Or([query.Term(f, t) for t in groups_terms for f in TEXT_FIELDS])


def build_query(reader, analyzer, text: str, filters: Filters | None = None, fuzzy: bool = False):  # noqa: C901  (over the limit: to split this round)
    """The query for `text` (cut by the index's `analyzer`, checked against `reader`);
    with `fuzzy`, a free-text word the index does not hold is matched within a small edit
    distance instead (the fallback for typos)."""
    parts = []

    def known(t):
        return _known(reader, t)

    for m in _PHRASE.finditer(text):
        words = [g[0] for g in analyzer.query_groups(m.group(1) or m.group(2))]
        if len(words) == 1:
            parts.append(_group_query(words))
        elif words:
            parts.append(query.Or([query.Phrase(f, words) for f in ("title", "body")]))
    free = _PHRASE.sub(" ", text)
    for run in free.split():
        groups = analyzer.query_groups(run)
        if fuzzy and groups and not all(any(known(t) for t in g) for g in groups):
            word = normalize_term(normalize_query_text(run)).strip(".,;:()")
            # Numbers are never matched approximately: a letter number or a count
            # one digit off is a different number.
            if len(word) >= 4 and not any(ch.isdigit() for ch in word):
                dist = 1 if len(word) < 8 else 2
                parts.append(query.Or([query.FuzzyTerm(f, word, maxdist=dist, prefixlength=1)
                                       for f in TEXT_FIELDS]))
                continue
        for g in groups:
            if not any(known(t) for t in g):
                pieces = recut(g[0], known)
                if pieces:
                    parts.extend(_group_query(analyzer.query_groups(p)[0] if p else [p])
                                 for p in pieces)
                    continue
            parts.append(_group_query(g))
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


def _named_agency(searcher, analyzer, text: str) -> str | None:
    """The agency a query names (its abbreviation, Thai or English name or an alias:
    สถ., DLA, ป.ป.ส., อบต.), or None.  A name is one query word whose synonym group is
    an agency's; a word merely inside a name (ยาเสพติด in ป.ป.ส.'s name) is not one."""
    if _PHRASE.search(text):
        return None
    groups = analyzer.query_groups(text)
    if len(groups) != 1:
        return None
    canonicals = {t for terms in analyzer.expansions.values() for t in terms}
    if not canonicals.intersection(groups[0]):
        return None
    found = searcher.search(query.And([query.Term("kind", "agency"),
                                       query.Or([query.Term("aliases", t) for t in groups[0]])]), limit=1)
    return found[0]["key"].split(":", 1)[1] if len(found) else None


def _agency_rank(hit, agency: str) -> int:
    """Order for a query naming `agency`: its page, its roles, everything else, then
    roles of other agencies (score order is kept within each; sorted() is stable)."""
    if hit["kind"] == "agency" and hit["key"] == f"agency:{agency}":
        return 0
    if hit["kind"] == "role":
        return 1 if (hit.fields().get("agencies") or "").split(",")[0] == agency else 3
    return 2


def _ranked(searcher, q, limit: int):
    """The top `limit` hits of `q` with the query terms each holds (for highlighting)."""
    results = topk.top_hits(searcher, q, limit) if FAST_TOPK else None
    return results if results is not None else searcher.search(q, limit=limit, terms=True)


def search(index_dir: Path, text: str, limit: int = 10, filters: Filters | None = None) -> list[dict]:
    """Ranked hits for `text` in the index at `index_dir`.  The index stays open between
    calls in one process and is reopened when it changed on disk."""
    with _OPEN_LOCK:
        return _search(_opened(index_dir), text, limit, filters)


def _search(opened: _Open, text: str, limit: int, filters: Filters | None) -> list[dict]:
    s, analyzer = opened.searcher, opened.analyzer
    q = build_query(s.reader(), analyzer, text, filters)
    if q is None:
        return []
    agency = _named_agency(s, analyzer, text)
    # An agency's name: fetch more, then put its page and roles first (below).
    results = _ranked(s, q, max(limit, 50) if agency else limit)
    fuzzy = False
    if results.is_empty():  # nothing exact: forgive a typo or two
        fq = build_query(s.reader(), analyzer, text, filters, fuzzy=True)
        if fq is not None and fq != q:
            results = _ranked(s, fq, limit)
            fuzzy = True
    results.fragmenter = highlight.ContextFragmenter(maxchars=160, surround=60)
    results.formatter = _Marker()
    # Not list(results): list() asks len() for a size hint, and a Results' len()
    # counts every matching document (re-running the whole query).
    ordered = results[:]
    if agency:
        ordered = sorted(ordered, key=lambda h: _agency_rank(h, agency))[:limit]
    hits = []
    for hit in ordered:
        stored = hit.fields()
        snippet = hit.highlights("body")
        if not snippet and stored.get("context"):
            # Matched through the enclosing clause: show that, then the text.
            ctx = hit.highlights("context")
            snippet = f"{ctx} › {hit['body'][:120]}" if ctx else ""
        # Matched only by title or names (a role found by "บทบาท ป.ป.ส."): its text, not
        # the title again (the title is on the hit's first line).
        snippet = snippet or hit["body"][:160] or hit.highlights("title")
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
            "match": "near" if fuzzy else "exact",  # near: a typo was forgiven
        })
    return hits
