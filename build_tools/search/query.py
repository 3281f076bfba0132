"""Querying the command-line index: free Thai text (with or without spaces, questions as
officials type them), "quoted phrases", filters; ranked hits with snippets, and an
answer card where the knowledge model answers the question.

The index stays open between searches in one process and is reopened when a build
changes it.  What the query means (question words, intent, thesaurus) is
build_tools.analysis.question; the ranking is build_tools.search.scoring; the cards are
build_tools.search.answers."""
from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh import index, query

from build_tools.analysis.question import ParsedQuery, QueryUnderstanding
from build_tools.common.paths import Paths
from build_tools.knowledge.urls import public_base
from build_tools.outputs.search_index.whoosh_index import INDEX_FORMAT, QUERY_TABLES, ThaiTokenizer, written_format
from build_tools.search.answers import Answers
from build_tools.search.postings import IndexView
from build_tools.search.scoring import QueryScorer
from build_tools.search.snippets import snippet

BE_YEARS = range(2400, 2700)  # a year in this range is a Buddhist-era year, not Gregorian


class IndexMissing(Exception):
    pass


class QueryError(ValueError):
    """A query or filter that cannot be answered as asked: the message says why."""


@dataclass
class Filters:
    doc_type: str | None = None
    agency: str | None = None
    mission: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def check(self, known: dict) -> None:
        """Raise QueryError for a filter that can only ever return nothing."""
        choices = {"doc_type": ("--type", (known.get("doc_types") or _doc_types()) if self.doc_type else None),
                   "agency": ("--agency", known.get("agencies")), "mission": ("--mission", known.get("missions"))}
        for name, (flag, values) in choices.items():
            value = getattr(self, name)
            if value and values is not None and value.lower() not in values:
                raise QueryError(f"{flag} {value!r} is not known; choose one of: {', '.join(values)}")
        for flag, d in (("--from", self.date_from), ("--to", self.date_to)):
            if d and d.year in BE_YEARS:
                raise QueryError(f"{flag} {d.isoformat()} is a Buddhist-era year: dates are Gregorian "
                                 f"(พ.ศ. {d.year} = ค.ศ. {d.year - 543}), e.g. {d.replace(year=d.year - 543)}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"--from {self.date_from} is after --to {self.date_to}: nothing can be in between")

    def query(self):
        conds = []
        if self.doc_type:
            conds.append(query.Term("doc_type", self.doc_type))
        if self.agency:
            conds.append(query.Term("agencies", self.agency.lower()))
        if self.mission:
            conds.append(query.Term("missions", self.mission.lower()))
        if self.date_from or self.date_to:
            start = dt.datetime.combine(self.date_from, dt.time.min) if self.date_from else None
            end = dt.datetime.combine(self.date_to, dt.time.max) if self.date_to else None
            conds.append(query.DateRange("date", start, end))
        return query.And(conds) if conds else None


def _doc_types() -> list[str]:
    """The document types, for an index built without its query tables (which list
    them): the corpus loader is imported only then (its schemas cost a second)."""
    from build_tools.sources.corpus import DOC_TYPES

    return sorted(DOC_TYPES)


@dataclass
class Result:
    """One search: the hits, the answer card (or None), how the query was understood."""
    query: str
    hits: list[dict]
    answer: dict | None
    parsed: ParsedQuery
    unmatched: list[str] = field(default_factory=list)  # words no record holds
    browse: list[dict] = field(default_factory=list)  # where to look instead (empty result)
    explain: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        out = {"query": self.query, "answer": self.answer, "hits": self.hits}
        if not self.hits:
            out["unmatched"] = self.unmatched
            out["browse"] = self.browse
        return out


def open_index(index_dir: Path):
    if not index.exists_in(str(index_dir)):
        raise IndexMissing(f"no search index in {index_dir}: run `python -m build_tools build` first")
    written = written_format(index_dir)
    if written not in (None, INDEX_FORMAT):  # its fields are not the ones this search reads
        raise IndexMissing(f"the search index in {index_dir} was written by another version of the build tools "
                           f"(index format {written}; this version reads {INDEX_FORMAT}): run "
                           "`python -m build_tools build` to write it again")
    return index.open_dir(str(index_dir))


@dataclass
class _Open:
    """An index opened once per process, with its searcher, its records' statistics and
    its query tables: opening costs more than most queries."""
    stamp: tuple
    ix: object
    searcher: object
    view: IndexView
    understanding: QueryUnderstanding
    tables: dict
    answers: Answers
    site_config: str  # mkdocs.yml, read once: the site's address for citations (public_base)

    def close(self):
        self.searcher.close()
        self.ix.close()


_OPEN: dict[str, _Open] = {}
_OPEN_LOCK = threading.RLock()  # a Whoosh searcher is not safe to share between threads


def _stamp(index_dir: Path) -> tuple | None:
    """What changes whenever the index on disk does: each commit writes a new table of
    contents (_MAIN_<generation>.toc) into the folder, a full rebuild swaps in a new
    folder, and the query tables are rewritten by every build.  None if there is no
    index there."""
    try:
        d = os.stat(index_dir)
        files = []
        with os.scandir(index_dir) as it:
            for e in it:
                if e.name.endswith(".toc") or e.name == QUERY_TABLES:
                    st = e.stat()
                    files.append((e.name, st.st_ino, st.st_mtime_ns, st.st_size))
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (d.st_dev, d.st_ino, d.st_mtime_ns, tuple(sorted(files))) if any(
        f[0].endswith(".toc") for f in files) else None


def _load_tables(index_dir: Path) -> dict:
    try:
        return json.loads((index_dir / QUERY_TABLES).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}  # an index built without them: plain word search


def _site_config() -> str:
    try:
        return Paths().config.read_text(encoding="utf-8")
    except OSError:
        return ""


def _opened(index_dir: Path, public_only: bool = False) -> _Open:
    """The open index at `index_dir`, reopened if it changed on disk since (so a search
    always sees the index as it is now).  Call with _OPEN_LOCK held."""
    key = (os.path.abspath(index_dir), public_only)
    stamp = _stamp(index_dir)
    cur = _OPEN.get(key)
    if cur is not None and cur.stamp == stamp:
        return cur
    if cur is not None:
        del _OPEN[key]
        cur.close()
    ix = open_index(index_dir)  # raises IndexMissing
    try:
        searcher = ix.searcher()
        tok = ix.schema["words"].analyzer
        analyzer = tok.analyzer if isinstance(tok, ThaiTokenizer) else None
        tables = _load_tables(Path(index_dir))
        understanding = QueryUnderstanding(analyzer, tables.get("question"))
        cur = _Open(stamp, ix, searcher, IndexView(searcher, public_only, Path(index_dir)), understanding, tables,
                    Answers(analyzer, tables.get("answers")), _site_config())
    except BaseException:
        ix.close()
        raise
    _OPEN[key] = cur
    return cur


def search(index_dir: Path, text: str, limit: int = 10, filters: Filters | None = None) -> list[dict]:
    """Ranked hits for `text` in the index at `index_dir` (see `run`)."""
    return run(index_dir, text, limit, filters).hits


def run(index_dir: Path, text: str, limit: int = 10, filters: Filters | None = None,
        public_only: bool = False) -> Result:
    """Search the index at `index_dir`: hits, answer card, how the query was read.
    `public_only` reads postings through Whoosh's public API only (the reference the
    tests compare the block reader with).  Raises QueryError for impossible filters."""
    with _OPEN_LOCK:
        opened = _opened(index_dir, public_only)
        filters = filters or Filters()
        filters.check(opened.tables.get("filters") or {})
        return _run(opened, text, limit, filters)


def _mask(opened: _Open, filters: Filters) -> np.ndarray | None:
    q = filters.query()
    if q is None:
        return None
    mask = np.zeros(opened.view.total, dtype=bool)
    mask[list(opened.searcher.docs_for_query(q))] = True
    return mask


def _run(opened: _Open, text: str, limit: int, filters: Filters) -> Result:
    parsed = opened.understanding.parse(text)
    mask = _mask(opened, filters)
    scorer = QueryScorer(opened.view, parsed)
    top = scorer.top(limit, mask)
    analyzer = opened.understanding.analyzer
    site_url = public_base(opened.site_config)  # $SIAM_YIM_SITE_URL first, as in the build
    hits = []
    for s in top:
        stored = opened.searcher.stored_fields(s.docnum)
        hits.append({
            "doc_id": stored["doc_id"],
            "title": stored["title"],
            "section": stored.get("section", ""),
            "kind": stored["kind"],
            "url": stored["url"],
            "snippet": snippet(analyzer, stored, set(s.terms)),
            "score": round(s.score, 4),
            "doc_type": stored.get("doc_type"),
            "date": stored["date"].date().isoformat() if stored.get("date") else None,
            "match": "near" if s.near else "exact",  # near: matched only through a near spelling
            # as an official letter cites it ("ตามบันทึกความร่วมมือ … ข้อ ๓.๒.๓ (๑)"), with its permalink
            "citation": f"{stored['citation']} {site_url}{stored['url']}" if stored.get("citation") else None,
            "_number": stored.get("number") or "",
        })
    answer = opened.answers.card(parsed, hits, opened.view, scorer)
    for h in hits:
        h.pop("_number")
    result = Result(text, hits, answer, parsed, explain=parsed.explain() + scorer.explain())
    if not hits:
        result.unmatched = [r.word for r in scorer.resolved if not r.alternatives]
        result.browse = opened.tables.get("browse") or []
    return result
