"""The top hits of a Whoosh query as Whoosh ranks them (`Searcher.search(q, limit=k,
terms=True)` scoring every match), computed one posting list at a time instead of one
document at a time.

Whoosh scores a query by walking its matcher tree document by document: for a word in
most documents (ยาเสพติด, โครงการ, อบต.) searched over five fields that is tens of
thousands of Python calls per query, and its block-quality shortcuts do not help here:
the bound of a union of fields is the sum of every field's block maximum, which the best
documents always reach.  This module takes the matcher tree Whoosh built for the query,
reads each term's postings whole, scores them with that term's own Whoosh scorer
(BM25F), and combines them as the tree does: a union adds the scores of the documents in
both sides, an intersection keeps the documents in both, in the same order of additions,
so every score is bit-for-bit the one Whoosh computes.  Ties are ordered as Whoosh orders
them (lower document number first).  (Whoosh-ng 5.4's own search also "replaces"
matchers as it goes, and on an index with deleted documents that drops some matches; its
collector with replacement off, tests/test_search_topk.py's reference, gives exactly the
hits this module gives.)

A phrase is checked lazily: its documents are first ranked by the score they would have
if the words were adjacent (an upper bound: every BM25 score is positive), and checked
in that order until no unchecked document can reach the top k; the check itself is
Whoosh's own span logic on the words' positions.

Any matcher this module does not know (a range query, a fuzzy expansion it cannot read,
another Whoosh version's classes) makes `top_hits` return None, and the caller runs the
ordinary Whoosh search.
"""
from __future__ import annotations

import bisect
import heapq
import time
from array import array
from itertools import accumulate, chain
from types import SimpleNamespace

from whoosh.matching import binary, mcore, wrappers
from whoosh.query.spans import Span, SpanNear2
from whoosh.scoring import WeightLengthScorer
from whoosh.searching.results import Results
from whoosh.util.numeric import byte_to_length


class Unsupported(Exception):
    """A matcher this module cannot evaluate: use Whoosh's own search."""


# --- reading postings ---------------------------------------------------------------

def _postings(m, blocks: list | None = None) -> tuple[list, list] | None:
    """(ids, weights) of the postings from the leaf matcher's current position on, read
    a block at a time from Whoosh's on-disk matcher (the same decoding as its _read_ids
    and _read_weights, the ids' deltas summed in C); None if it is not that matcher.
    With `blocks`, also appends each block's (ids, encoded values) to it."""
    need = ("_read_data", "_read_weights", "_read_values", "_next_block", "_i", "_data",
            "_byteids", "_weights", "_ids", "_values")
    if not all(hasattr(m, a) for a in need):
        return None
    ids: list = []
    weights: list = []
    start = m._i
    while m.is_active():
        if m._ids is not None:
            block = m._ids
        else:
            if m._data is None:
                m._read_data()
            block = m._data[0] if m._byteids else list(accumulate(m._data[0]))
        if m._weights is None:
            m._read_weights()
        if blocks is not None:
            if m._values is None:
                m._read_values()
            blocks.append((block[start:], m._values[start:]))
        if start:
            ids.extend(block[start:])
            weights.extend(m._weights[start:])
            start = 0
        else:
            ids.extend(block)
            weights.extend(m._weights)
        m._next_block()
    return ids, weights


def _length_bytes(searcher, fieldname: str):
    """The encoded length of `fieldname` in every document of the segment (one byte
    each, as Whoosh stores them), read once per segment; None when it cannot be read
    that way (then the scorer asks for each length)."""
    reader = searcher.reader()
    cache = reader.__dict__.setdefault("_siam_yim_lengths", {})
    if fieldname not in cache:
        data = None
        try:
            from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

            col = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if col is not None and col._fixedlen == 1:
                data = bytes(col._dbfile.get(col._basepos, col._count))
        except (AttributeError, ImportError):
            data = None
        cache[fieldname] = data
    return cache[fieldname]


def _score_postings(scorer, ids: list, weights: list, lengths: bytes) -> dict | None:
    """docnum -> the scorer's score, for each posting.  Lengths are stored as one byte
    and weights take few values, so each (weight, length byte) pair is scored once, by
    the term's own scorer, and the rest is table look-ups done in C.  None if a document
    has no length byte (the caller then asks the scorer's own length lookup)."""
    score = scorer._score
    try:
        if len(set(weights)) == 1:
            w = weights[0]
            table = [None] + [score(w, byte_to_length(lb)) for lb in range(1, 256)]
            values = list(map(table.__getitem__, map(lengths.__getitem__, ids)))
            if None in values:
                return None
            return dict(zip(ids, values))
        lbs = list(map(lengths.__getitem__, ids))
    except IndexError:  # a document past the lengths column
        return None
    if 0 in lbs:
        return None
    pairs = {p: score(p[0], byte_to_length(p[1])) for p in set(zip(weights, lbs))}
    return dict(zip(ids, map(pairs.__getitem__, zip(weights, lbs))))


# --- the evaluated tree ----------------------------------------------------------------
# Each node holds `bound`: docnum -> score for every document it may match (the exact
# score, except above an unchecked phrase, where it is an upper bound), and `exact(d)`:
# the exact score of document d, or None if d does not match.

class _Leaf:
    has_phrase = False

    def __init__(self, m, searcher, in_phrase: bool = False):
        self.term = m.term()
        scorer = getattr(m, "scorer", None) or getattr(m, "_scorer", None)
        fmt = getattr(m, "format", None)
        # A phrase's words keep their positions, read with the postings.
        keep = (in_phrase and fmt is not None and fmt.supports("positions")
                and not fmt.supports("characters"))
        self._blocks: list | None = [] if keep else None
        self._values: dict | None = None
        self._decode = fmt.decoder("positions") if keep else None
        read = _postings(m, self._blocks) if isinstance(scorer, WeightLengthScorer) else None
        if read is None:
            self._blocks = None
        lengths = _length_bytes(searcher, self.term[0]) if read is not None else None
        if read is not None and lengths is not None:
            ids, weights = read
            out = _score_postings(scorer, ids, weights, lengths)
            if out is None:  # an empty length: what Whoosh's own length lookup gives
                score, dfl = scorer._score, scorer.dfl
                out = {d: score(w, dfl(d)) for d, w in zip(ids, weights)}
        elif read is not None:
            ids, weights = read
            score, dfl = scorer._score, scorer.dfl
            out = {d: score(w, dfl(d)) for d, w in zip(ids, weights)}
        else:  # any other leaf (inlined postings, unscored fields): Whoosh scores each
            out = {}
            values = {} if keep else None
            while m.is_active():
                out[m.id()] = m.score()
                if values is not None:
                    values[m.id()] = m.value()
                m.next()
            self._values = values
        self.bound = out
        if self._blocks is not None:
            self._last = [b[0][-1] for b in self._blocks]

    def positions(self, d) -> list | None:
        """The positions of this term in document d (None: not kept, or not there)."""
        if self._values is not None:
            v = self._values.get(d)
            return None if v is None else self._decode(v)
        if self._blocks is None:
            return None
        i = bisect.bisect_left(self._last, d)
        if i == len(self._last):
            return None
        ids, values = self._blocks[i]
        j = bisect.bisect_left(ids, d)
        if j == len(ids) or ids[j] != d:
            return None
        return self._decode(values[j])

    def exact(self, d):
        return self.bound.get(d)

    def leaves(self, phrases=()):
        yield self, phrases


class _Empty:
    has_phrase = False
    bound: dict = {}

    def exact(self, d):
        return None

    def leaves(self, phrases=()):
        return iter(())


class _Union:
    def __init__(self, a, b):
        self.a, self.b = a, b
        self.has_phrase = a.has_phrase or b.has_phrase
        ab, bb = a.bound, b.bound
        out = dict(ab)
        for d, v in bb.items():
            x = out.get(d)
            out[d] = v if x is None else x + v  # UnionMatcher.score: a.score() + b.score()
        self.bound = out

    def exact(self, d):
        x, y = self.a.exact(d), self.b.exact(d)
        if x is None:
            return y
        return x if y is None else x + y

    def leaves(self, phrases=()):
        yield from self.a.leaves(phrases)
        yield from self.b.leaves(phrases)


class _Intersection:
    def __init__(self, a, b):
        self.a, self.b = a, b
        self.has_phrase = a.has_phrase or b.has_phrase
        ab, bb = a.bound, b.bound
        if len(ab) <= len(bb):
            self.bound = {d: x + bb[d] for d, x in ab.items() if d in bb}
        else:
            self.bound = {d: ab[d] + y for d, y in bb.items() if d in ab}

    def exact(self, d):
        x = self.a.exact(d)
        if x is None:
            return None
        y = self.b.exact(d)
        return None if y is None else x + y

    def leaves(self, phrases=()):
        yield from self.a.leaves(phrases)
        yield from self.b.leaves(phrases)


class _Filter:
    """Whoosh's FilterMatcher: the documents of its child in (or not in) a set (the
    segment's deleted documents, for one)."""

    def __init__(self, child, ids, exclude: bool, boost: float):
        self.child, self.ids, self.exclude, self.boost = child, ids, exclude, boost
        self.has_phrase = child.has_phrase
        self.bound = {d: v * boost if boost != 1.0 else v for d, v in child.bound.items()
                      if (d in ids) != exclude}

    def exact(self, d):
        if (d in self.ids) == self.exclude:
            return None
        v = self.child.exact(d)
        return v if v is None or self.boost == 1.0 else v * self.boost

    def leaves(self, phrases=()):
        return self.child.leaves(phrases)


class _Boost:
    def __init__(self, child, boost: float):
        self.child, self.boost = child, boost
        self.has_phrase = child.has_phrase
        self.bound = {d: v * boost for d, v in child.bound.items()}

    def exact(self, d):
        v = self.child.exact(d)
        return None if v is None else v * self.boost

    def leaves(self, phrases=()):
        return self.child.leaves(phrases)


class _Phrase:
    """Whoosh's SpanNear2Matcher (a Phrase query): the intersection of its words, each
    document checked for the words in order, within `slop`, only when asked."""

    has_phrase = True

    def __init__(self, m, searcher):
        self.searcher = searcher
        self.slop, self.ordered, self.mindist = m.slop, m.ordered, m.mindist
        self.boost = getattr(m, "boost", 1.0)
        self.terms = [_term_of(w) for w in m.ms]
        if any(t is None for t in self.terms):
            raise Unsupported("phrase over something other than terms")
        self.child = _build(m.child, searcher, in_phrase=True)
        by_term = {leaf.term: leaf for leaf, _ in self.child.leaves()}
        self.words = [by_term.get(t) for t in self.terms]
        self.bound = (self.child.bound if self.boost == 1.0
                      else {d: v * self.boost for d, v in self.child.bound.items()})
        self._checked: dict = {}
        self._ms = None

    def _matchers(self, d):
        ms = self._ms
        if ms is None or any(not w.is_active() or w.id() > d for w in ms):
            reader = self.searcher.reader()
            schema = self.searcher.schema
            ms = self._ms = [reader.postings(f, schema[f].from_bytes(t)) for f, t in self.terms]
        return ms

    def check(self, d) -> bool:
        hit = self._checked.get(d)
        if hit is None:
            hit = self._checked[d] = self._check(d)
        return hit

    def _check(self, d) -> bool:
        """Whoosh's own span test (SpanNear2Matcher._get_spans) on the words of document
        d: from the positions read with the postings, else from fresh matchers."""
        spans = [None if w is None else w.positions(d) for w in self.words]
        if all(p is not None for p in spans):
            ms = [_At([Span(p) for p in ps]) for ps in spans]
        else:
            ms = self._matchers(d)
            for w in ms:
                if w.is_active() and w.id() < d:
                    w.skip_to(d)
            if not all(w.is_active() and w.id() == d for w in ms):
                return False
        view = SimpleNamespace(ms=ms, slop=self.slop, ordered=self.ordered, mindist=self.mindist)
        return bool(SpanNear2.SpanNear2Matcher._get_spans(view))

    def exact(self, d):
        if d not in self.bound or not self.check(d):
            return None
        v = self.child.exact(d)
        return v if self.boost == 1.0 else v * self.boost

    def leaves(self, phrases=()):
        return self.child.leaves(phrases + (self,))


class _At:
    """A phrase word positioned at one document, as the span test reads it."""

    def __init__(self, spans):
        self._spans = spans

    def spans(self):
        return self._spans


def _term_of(m):
    """The term of a leaf matcher, through wrappers (the deleted-documents filter)."""
    while m is not None and m.term() is None and isinstance(m, wrappers.WrappingMatcher):
        m = m.child
    return None if m is None else m.term()


def _build(m, searcher, in_phrase: bool = False):
    """Evaluate Whoosh matcher `m` (fresh, as Query.matcher made it)."""
    t = type(m)
    if isinstance(m, mcore.NullMatcherClass) or not m.is_active():
        return _Empty()
    if t is binary.UnionMatcher:
        return _Union(_build(m.a, searcher, in_phrase), _build(m.b, searcher, in_phrase))
    if t is binary.IntersectionMatcher:
        return _Intersection(_build(m.a, searcher, in_phrase), _build(m.b, searcher, in_phrase))
    if t is wrappers.FilterMatcher:
        return _Filter(_build(m.child, searcher, in_phrase), m._ids, m._exclude, m.boost)
    if t is wrappers.WrappingMatcher:
        child = _build(m.child, searcher, in_phrase)
        return child if m.boost == 1.0 else _Boost(child, m.boost)
    if t is SpanNear2.SpanNear2Matcher:
        return _Phrase(m, searcher)
    if isinstance(m, (mcore.LeafMatcher, mcore.ListMatcher)) and m.term() is not None:
        return _Leaf(m, searcher, in_phrase)
    raise Unsupported(t.__name__)


# --- ranking -------------------------------------------------------------------------

def top_hits(searcher, q, limit: int) -> Results | None:
    """The Results of `searcher.search(q, limit=limit, terms=True)`, or None when this
    query needs Whoosh's own search."""
    if limit < 1:
        return None
    t0 = time.perf_counter()
    context = searcher.context(needs_current=True)  # as terms=True asks for
    segments = []
    try:
        for sub, offset in searcher.leaf_searchers():
            segments.append((_build(q.matcher(sub, context), sub), offset))
    except Unsupported:
        return None

    # Candidates in rank order: (-score, docnum).  Without a phrase the bound is exact.
    if not any(node.has_phrase for node, _ in segments):
        top = [(-neg, gd) for neg, gd, _, _ in _ranked(segments, limit)[:limit]]
    else:
        top = _top_with_phrases(segments, limit)

    # The terms each hit holds, and every term any matching document holds (highlighting
    # marks those): as Whoosh's terms=True records them, a word of a phrase only where
    # the phrase is.
    docterms: dict = {}
    termdocs: dict = {}
    offsets = [off for _, off in segments]
    for i, (node, off) in enumerate(segments):
        exact = node.exact if node.has_phrase else node.bound.get
        mine = [gd for _, gd in top if bisect.bisect_right(offsets, gd) - 1 == i]
        for leaf, phrases in node.leaves():
            if leaf.term is None:
                continue
            for gd in mine:
                d = gd - off
                if d in leaf.bound and all(p.check(d) for p in phrases):
                    docterms.setdefault(gd, []).append(leaf.term)
                    termdocs.setdefault(leaf.term, array("I")).append(gd)
            if leaf.term not in termdocs and _matches_somewhere(leaf, phrases, node, exact):
                termdocs[leaf.term] = array("I")
    r = Results(searcher, q, top, runtime=time.perf_counter() - t0)
    r.docterms = docterms
    r.termdocs = termdocs
    # len(results): every matching document; Whoosh counts them again when asked.
    r.collector = SimpleNamespace(count=lambda: sum(1 for _ in searcher.docs_for_query(q)))
    return r


def _ranked(segments, k: int) -> list[tuple]:
    """(-score, docnum, segment, docnum in segment) of every document scoring at least
    the k-th best score, in rank order (ties: lower document number first)."""
    values = [node.bound.values() for node, _ in segments]
    top = heapq.nlargest(k, chain.from_iterable(values))
    if not top:
        return []
    floor = top[-1] if len(top) == k else float("-inf")
    return sorted((-v, off + d, i, d) for i, (node, off) in enumerate(segments)
                  for d, v in node.bound.items() if v >= floor)


def _in_rank_order(segments, k: int):
    """Every document in rank order of its bound, computed a slice at a time."""
    done = None
    total = sum(len(node.bound) for node, _ in segments)
    while True:
        for item in _ranked(segments, k):
            if done is None or item[:2] > done:
                done = item[:2]
                yield item
        if k >= total:
            return
        k *= 4


def _matches_somewhere(leaf, phrases, root, exact) -> bool:
    """Whether a document the whole query matches holds this leaf's term (inside its
    phrases, where it is in one)."""
    lb, rb = leaf.bound, root.bound
    small, big = (lb, rb) if len(lb) <= len(rb) else (rb, lb)
    for d in small:
        if d in big and all(p.check(d) for p in phrases) and exact(d) is not None:
            return True
    return False


def _top_with_phrases(segments, limit: int) -> list[tuple[float, int]]:
    """Exact top `limit` when a phrase is to be checked: documents in order of their
    bound, checked until the next bound cannot beat the k-th exact score."""
    nodes = [node for node, _ in segments]
    best: list = []  # the kept ones, a min-heap of (score, -docnum): best[0] is the k-th
    for neg, gd, i, d in _in_rank_order(segments, limit):
        if len(best) == limit:
            # The remaining documents rank after (-neg, gd): stop when that is after
            # the k-th kept one.
            if (-neg, -gd) < best[0]:
                break
        v = nodes[i].exact(d)
        if v is None:
            continue
        item = (v, -gd)
        if len(best) < limit:
            heapq.heappush(best, item)
        elif item > best[0]:
            heapq.heapreplace(best, item)
    best.sort(reverse=True)
    return [(s, -nd) for s, nd in best]
