"""The command-line index as the scorer reads it, through Whoosh's public API: every
segment's live documents, each record's BM25 length (a column), a term's postings in
the weighted `words` field (its whole weight in each record, as the site's sections are
bags of weighted words) and positions.  A term's postings come from the build's arrays
of the segment (build_tools/outputs/search_index/postings_arrays.py, memory-mapped)
where it wrote them, else from Whoosh's posting blocks."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from whoosh.reading import TermNotFound

from build_tools.outputs.search_index import ranking
from build_tools.outputs.search_index.postings_arrays import SegmentArrays
from build_tools.outputs.search_index.whoosh_index import LENGTH_FIELD, WORDS_FIELD
from build_tools.search import whoosh_blocks


def read_public(reader, field: str, term: str) -> tuple[list, list]:
    """(ids, weights) of `term` in `field` of one segment, posting by posting (Whoosh's
    public matcher; deleted documents are left out by Whoosh itself)."""
    try:
        m = reader.postings(field, term)
    except TermNotFound:
        return [], []
    ids, weights = [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    return ids, weights


def read(reader, field: str, term: str, deleted: frozenset) -> tuple[np.ndarray, np.ndarray]:
    """As read_public, as arrays (int64, float64), a block at a time where
    build_tools.search.whoosh_blocks can."""
    try:
        m = reader.postings(field, term)
    except TermNotFound:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    got = whoosh_blocks.read(m, deleted)
    if got is None:
        ids, weights = read_public(reader, field, term)
        got = np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)
    return got


class IndexView:
    """One opened index: its segments (reader, first global document number, deleted
    documents), the live documents and the BM25 length normalization of every record."""

    def __init__(self, searcher, public_only: bool = False, index_dir: Path | None = None):
        self.searcher = searcher
        self.public_only = public_only
        self.segments = []
        # Per segment: its postings arrays (outputs/search_index/postings_arrays.py) when
        # written, and its deleted records as an array.
        self._arrays: list[tuple[SegmentArrays | None, np.ndarray]] = []
        lengths = []
        live = []
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            n = reader.doc_count_all()
            deleted = frozenset(d for d in range(n) if reader.is_deleted(d)) if reader.has_deletions() else frozenset()
            self.segments.append((reader, offset, deleted))
            arrays = None if public_only or index_dir is None else SegmentArrays.load(
                index_dir, reader.segment().segment_id())
            self._arrays.append((arrays, np.array(sorted(deleted), dtype=np.int64)))
            lengths.append(self._lengths(reader, n))
            mask = np.ones(n, dtype=bool)
            mask[list(deleted)] = False
            live.append(mask)
        self.total = sum(len(x) for x in live)
        self.live = np.concatenate(live) if live else np.zeros(0, dtype=bool)
        length = np.concatenate(lengths) if lengths else np.zeros(0)
        self.n = int(self.live.sum())
        avg = float(length[self.live].mean()) if self.n else 1.0
        self.norm = ranking.K1 * (1 - ranking.B + ranking.B * length / max(avg, 1e-9))
        self.idf_absent = ranking.idf(0, self.n)
        self._pages: dict[tuple, np.ndarray] = {}

    def _lengths(self, reader, n: int) -> np.ndarray:
        """The BM25 length of every record of one segment (its column): read in one piece
        where build_tools.search.whoosh_blocks can, each distinct value translated as
        Whoosh translates it; else value by value."""
        if not reader.has_column(LENGTH_FIELD):
            return np.zeros(n)
        stored = None if self.public_only else whoosh_blocks.numeric_column(
            reader.column_reader(LENGTH_FIELD, translate=False))
        if stored is None or len(stored) != n:
            return np.fromiter(iter(reader.column_reader(LENGTH_FIELD)), dtype=np.float64, count=n)
        values, at = np.unique(stored, return_inverse=True)
        field = reader.schema[LENGTH_FIELD]
        return np.array([field.from_column_value(v) for v in values.tolist()], dtype=np.float64)[at]

    def tf(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The records that hold the term (ascending) and its weight in each, or None if
        no live record holds it."""
        ids, weights = [], []
        for (reader, offset, deleted), (arrays, gone) in zip(self.segments, self._arrays):
            if self.public_only:
                i, w = read_public(reader, WORDS_FIELD, term)
            elif arrays is not None:
                i, w = _from_arrays(arrays, term, gone)
            else:
                i, w = read(reader, WORDS_FIELD, term, deleted)
            if len(i):
                ids.append(np.asarray(i, dtype=np.int64) + offset)
                weights.append(np.asarray(w, dtype=np.float64))
        if not ids:
            return None
        return np.concatenate(ids), np.concatenate(weights)

    def bm25(self, tf: tuple[np.ndarray, np.ndarray]) -> tuple[tuple[np.ndarray, np.ndarray], float]:
        """The BM25 score of a term in each record that holds it, and the term's idf."""
        ids, weights = tf
        idf = ranking.idf(len(ids), self.n)
        return (ids, idf * weights * (ranking.K1 + 1) / (weights + self.norm[ids])), idf

    def on_pages(self, kinds: tuple) -> np.ndarray:
        """Which records are on pages of these kinds (ranking.page_kind); read once per
        opened index, like the lengths."""
        if kinds not in self._pages:
            mask = np.zeros(self.total, dtype=bool)
            for kind in kinds:
                for reader, offset, deleted in self.segments:
                    ids, _ = read(reader, "page_kind", kind, deleted) if "page_kind" in reader.schema else ([], [])
                    if len(ids):
                        mask[np.asarray(ids, dtype=np.int64) + offset] = True
            self._pages[kinds] = mask
        return self._pages[kinds]

    def known(self, term: str) -> bool:
        return any(reader.doc_frequency(WORDS_FIELD, term) for reader, _, _ in self.segments)

    def df(self, term: str) -> int:
        """How many records hold the term, from the term dictionary (no postings read;
        deleted records not subtracted)."""
        return sum(reader.doc_frequency(WORDS_FIELD, term) for reader, _, _ in self.segments)

    def near_terms(self, word: str, maxdist: int) -> set[str]:
        """Terms of the index within `maxdist` edits of `word` (same first letter)."""
        out: set[str] = set()
        for reader, _, _ in self.segments:
            out.update(reader.terms_within(WORDS_FIELD, word, maxdist, prefix=1))
        return out

    def positions(self, term: str, docnums) -> dict[int, list[int]]:
        """{record: where `term` stands in it} for those of `docnums` that hold it: one
        pass over the term's positions per segment, a block at a time where
        build_tools.search.whoosh_blocks can (else Whoosh's public matcher)."""
        out: dict[int, list[int]] = {}
        wanted = sorted(set(docnums))
        for k, (reader, offset, deleted) in enumerate(self.segments):
            end = self.segments[k + 1][1] if k + 1 < len(self.segments) else self.total
            local = [d - offset for d in wanted if offset <= d < end]
            if not local:
                continue
            try:
                m = reader.postings(WORDS_FIELD, term)
            except TermNotFound:
                continue
            got = None if self.public_only else whoosh_blocks.positions(m, local, deleted)
            if got is None:
                got = read_positions(reader.postings(WORDS_FIELD, term), local)
            out.update((d + offset, p) for d, p in got.items())
        return out


def _from_arrays(arrays: SegmentArrays, term: str, gone: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """As `read`, from a segment's postings arrays; records deleted since they were
    written (`gone`) left out."""
    got = arrays.postings(term)
    if got is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    ids, weights = np.asarray(got[0], dtype=np.int64), np.asarray(got[1], dtype=np.float64)
    if len(gone):
        keep = ~np.isin(ids, gone)
        ids, weights = ids[keep], weights[keep]
    return ids, weights


def read_positions(m, targets: list[int]) -> dict[int, list[int]]:
    """{document: positions} of the `targets` (ascending) a public matcher holds: one
    forward pass (skip_to)."""
    out: dict[int, list[int]] = {}
    for d in targets:
        if not m.is_active():
            break
        if m.id() < d:
            m.skip_to(d)
        if m.is_active() and m.id() == d:
            out[d] = list(m.value_as("positions"))
    return out
