"""The sections of the site search as the index needs them (site_search.py), kept
compact: at 10,000 letters there are hundreds of thousands of sections and tens of
millions of postings.  Snippet rows go straight to their shard files; each section's
terms are ids into one vocabulary, with their weights, in flat arrays.

The vocabulary is kept between builds with each page's analysis (its term ids, packed
as arrays), so a rebuild adds an unchanged page by copying its arrays, without
unpickling and looking up its words again (a rebuild after one changed letter).  A
page's snippet rows are kept compressed beside its arrays and read only when a shard
holding them is written, which in a rebuild is a few shards of thousands.  Term
ids are never seen outside: postings are written by term, and a term no section holds
any more is left out."""
from __future__ import annotations

import pickle
import zlib
from array import array
from collections.abc import Iterator
from itertools import chain

import numpy as np

from build_tools.outputs.search_index import ranking
from build_tools.outputs.site.search_files import signature

SECTIONS_PER_SHARD = 20  # a first page of results fetches up to 10 of these files
# The kept vocabulary is rebuilt (each page's ids renumbered) when terms no page uses
# any more are more than the live ones and at least this many.
COMPACT_AT = 5000
IMPACT_SECTIONS = 1 << 16  # sections whose postings' impacts are computed at a time


def impact(tf: float, length: int, avg: float) -> int:
    """One posting's impact, as the browser's BM25 expects it (the reference for postings())."""
    norm = ranking.K1 * (1 - ranking.B + ranking.B * length / avg)
    return max(1, round(100 * tf * (ranking.K1 + 1) / (tf + norm)))


def average_length(total: int, sections: int) -> float:
    """BM25's average section length: `total` words in `sections` sections."""
    return total / max(sections, 1)


def section_norms(lengths: np.ndarray, avg: float) -> np.ndarray:
    """BM25's length normalization of each section (`lengths`: int64, words)."""
    return ranking.K1 * (1 - ranking.B + ranking.B * lengths / avg)


def impacts(tf: np.ndarray, norm: np.ndarray) -> np.ndarray:
    """The impacts of postings of weights `tf` whose sections' norms (section_norms) are
    `norm`, one per posting, with the same float operations, in the same order, as
    `impact` (numpy's rint rounds halves to even, as round() does): the whole index
    (Sections.postings) and a rebuild's few pages (search_delta.py) get the same numbers.
    Computed in place (memory: tens of millions of postings at 10,000 letters): `norm`,
    an array each caller makes for the call, is overwritten (a sum is the same either
    way round)."""
    denominator = norm
    denominator += tf
    impact_ = 100 * tf
    impact_ *= ranking.K1 + 1
    impact_ /= denominator
    del denominator
    return np.maximum(1, np.rint(impact_, out=impact_), out=impact_).astype(np.int32)


class Sections:
    """The site's sections in site order; `out` (SearchFiles) receives the snippet shards."""

    def __init__(self, out, vocab: list[str] | None = None, per_shard: int = SECTIONS_PER_SHARD):
        self.out, self.per_shard = out, per_shard
        self.rows: list[tuple] = []  # (packed rows of a page, row) of the shard being filled
        self.count = 0
        self.shard = 0
        self.vocab: dict[str, int] = {t: i for i, t in enumerate(vocab or ())}
        # Flat: section i's terms are the next sizes[i] entries of term_ids and weights.
        self.term_ids = array("i")
        self.weights = array("d")
        self.sizes = array("i")
        self.lengths = array("i")
        self.kinds: list[list] = []  # [first section, last section + 1, first URL segment]
        self.sources: list | None = []  # (url, page digest, row) of each row of the shard being filled

    def _add_rows(self, rows: bytes, kinds: tuple, source: tuple | None = None) -> None:
        """`rows`: a page's snippet rows, packed; `kinds`: (first URL segment, rows) runs of
        them; `source`: (url, digest of the page's HTML), what the rows are made from
        (None: unknown, the shard is written out in full).  Taken a run of rows at a
        time, up to the end of the shard being filled (a rebuild adds 185,000 rows of
        unchanged pages at 10,000 letters)."""
        i = 0
        for kind, n in kinds:
            if self.kinds and self.kinds[-1][2] == kind:
                self.kinds[-1][1] = self.count + n
            else:
                self.kinds.append([self.count, self.count + n, kind])
            end = i + n
            while i < end:
                j = min(end, i + self.per_shard - len(self.rows))
                if source is None:
                    self.sources = None
                elif self.sources is not None:
                    self.sources += [(*source, k) for k in range(i, j)]
                self.rows += [(rows, k) for k in range(i, j)]
                self.count += j - i
                i = j
                if len(self.rows) == self.per_shard:
                    self.finish()

    def pack(self, rows: list[list], terms: list[tuple[tuple, tuple, int]]) -> tuple:
        """A page's snippet rows (compressed) with the runs of their kinds, and (terms,
        weights, length) of each section, as the cache keeps it: term ids of this
        vocabulary (new terms added) in arrays, as bytes."""
        vocab = self.vocab
        words = list(chain.from_iterable(t[0] for t in terms))
        for t in sorted(set(words).difference(vocab)):
            vocab[t] = len(vocab)
        kinds: list[list] = []
        for row in rows:
            kind = row[0].split("/", 1)[0] if "/" in row[0] else ""
            if kinds and kinds[-1][0] == kind:
                kinds[-1][1] += 1
            else:
                kinds.append([kind, 1])
        arrays = (array("i", map(vocab.__getitem__, words)), array("d", chain.from_iterable(t[1] for t in terms)),
                  array("i", (len(t[0]) for t in terms)), array("i", (t[2] for t in terms)))
        return (zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1),
                tuple(map(tuple, kinds)), *(a.tobytes() for a in arrays))

    def add_packed(self, packed: tuple, source: tuple | None = None) -> None:
        rows, kinds, ids, weights, sizes, lengths = packed
        self._add_rows(rows, kinds, source)
        self.term_ids.frombytes(ids)
        self.weights.frombytes(weights)
        self.sizes.frombytes(sizes)
        self.lengths.frombytes(lengths)

    def add(self, rows: list[list], terms: list[tuple[tuple, tuple, int]]) -> None:
        self.add_packed(self.pack(rows, terms))

    def finish(self) -> None:
        """Write the rows of the shard being filled (s/<n>.json); its pages' rows are
        unpacked only when the file is written."""
        if self.rows:
            sig = signature(self.sources) if self.sources is not None else None
            self.out.dump(f"s/{self.shard}.json", lambda refs=self.rows: _unpacked_rows(refs), sig)
            self.shard += 1
            self.rows, self.sources = [], []

    def length_total(self) -> int:
        """The sections' total length (BM25's average: this over their number)."""
        return int(np.frombuffer(self.lengths, dtype=np.int32).astype(np.int64).sum())

    def compact(self, packed_pages: dict) -> dict:
        """When most of the vocabulary is terms no section holds any more, renumber the
        live terms and every page's ids (`packed_pages`: url -> cache entry whose [1]
        is a packed page); returns the entries, renumbered or as they were."""
        used = np.bincount(np.frombuffer(self.term_ids, dtype=np.int32), minlength=len(self.vocab)) > 0
        dead = len(self.vocab) - int(used.sum())
        if dead < COMPACT_AT or dead <= len(self.vocab) - dead:
            return packed_pages
        renumber = np.cumsum(used) - 1
        self.vocab = {t: int(renumber[i]) for t, i in self.vocab.items() if used[i]}
        self.term_ids = array("i", renumber[np.frombuffer(self.term_ids, dtype=np.int32)].astype(np.int32).tobytes())
        out = {}
        for url, entry in packed_pages.items():
            rows, kinds, ids, *rest = entry[1]
            ids = renumber[np.frombuffer(ids, dtype=np.int32)].astype(np.int32).tobytes()
            out[url] = (entry[0], (rows, kinds, ids, *rest), *entry[2:])
        return out

    def term_counts(self) -> dict[str, int]:
        """term -> the number of sections that hold it (its postings), for every term a
        section holds: what the postings' files are planned by before any is made."""
        counts = np.bincount(np.frombuffer(self.term_ids, dtype=np.int32), minlength=len(self.vocab))
        return {t: int(counts[i]) for t, i in self.vocab.items() if counts[i]}

    def postings(self) -> dict[str, np.ndarray]:
        """term -> [section, impact, section, impact, ...] (BM25 term-frequency part x 100)
        of every term at once (see postings_in_groups)."""
        return next(self.postings_in_groups({}, 1))

    def postings_in_groups(self, group_of: dict[str, int], groups: int) -> Iterator[dict[str, np.ndarray]]:
        """The postings (see postings) of the terms of group 0, 1, ... `groups` - 1 in turn
        (`group_of`: term -> its group; 0 when not given), each group's let go before the
        next is made: at 100,000 letters, a hundred million postings made at once were
        most of the build's largest process.  Each impact is computed with the same float
        operations, in the same order, as `impact` (numpy's rint rounds halves to even,
        as round() does), whatever the groups.  The sections' arrays are let go."""
        lengths = np.frombuffer(self.lengths, dtype=np.int32).astype(np.int64)
        norm = section_norms(lengths, average_length(int(lengths.sum()), len(lengths)))
        sizes = np.frombuffer(self.sizes, dtype=np.int32)  # postings of each section, in order
        offsets = np.concatenate(([0], np.cumsum(sizes, dtype=np.int64)))
        impact_ = np.empty(int(offsets[-1]), dtype=np.int32)
        tf = np.frombuffer(self.weights, dtype=np.float64)
        for s in range(0, len(sizes), IMPACT_SECTIONS):  # (float arrays the length of all postings, a few times over)
            a, b = offsets[s], offsets[min(s + IMPACT_SECTIONS, len(sizes))]
            impact_[a:b] = impacts(tf[a:b], np.repeat(norm[s:s + IMPACT_SECTIONS], sizes[s:s + IMPACT_SECTIONS]))
        del tf, offsets
        self.weights = array("d")
        section = np.repeat(np.arange(len(lengths), dtype=np.int32), sizes)  # each posting's
        del sizes
        self.sizes = array("i")
        term_ids = np.frombuffer(self.term_ids, dtype=np.int32)
        self.term_ids = array("i")
        members: list[list[tuple[str, int]]] = [[] for _ in range(groups)]
        term_group = np.zeros(len(self.vocab), dtype=np.uint16 if groups <= 1 << 16 else np.int32)
        for term, tid in self.vocab.items():
            g = group_of.get(term, 0)
            term_group[tid] = g
            members[g].append((term, tid))
        posting_group = term_group[term_ids] if groups > 1 else None
        for g in range(groups):
            # This group's postings by term, then section: a stable sort of postings in
            # section order; numpy's radix sort when the ids fit in 16 bits (several
            # times faster than its merge sort of 32-bit ids; the same order).
            chosen = np.flatnonzero(posting_group == g) if posting_group is not None else None
            ids = term_ids[chosen] if chosen is not None else term_ids
            order = np.argsort(ids.astype(np.uint16) if len(self.vocab) <= 1 << 16 else ids, kind="stable")
            counts = np.bincount(ids, minlength=len(self.vocab))
            del ids
            if chosen is not None:
                order = chosen[order]
                del chosen
            flat = np.empty(2 * len(order), dtype=np.int32)
            flat[0::2] = section[order]
            flat[1::2] = impact_[order]
            del order
            ends = 2 * np.cumsum(counts)
            starts = ends - 2 * counts
            yield {term: flat[starts[tid]:ends[tid]] for term, tid in members[g] if counts[tid]}
            del flat


def _unpacked_rows(refs: list[tuple]) -> list[list]:
    """The snippet rows (packed rows of a page, row) refer to; each page unpacked once."""
    out, last, rows = [], None, None
    for packed, i in refs:
        if packed is not last:
            last, rows = packed, pickle.loads(zlib.decompress(packed))  # noqa: S301 - written by Sections.pack
        out.append(rows[i])
    return out
