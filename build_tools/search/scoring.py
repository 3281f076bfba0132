"""Best-match ranking of a parsed query over the command-line index, as the one ranking
configuration says (build_tools/outputs/search_index/ranking.py; the browser scores the
same way): each query word scores its best alternative, a record's score is the sum
times its coverage ** COVERAGE_POWER, and a record below COVERAGE_MIN is no answer.

Whole posting lists are scored at once (numpy vectors over every record), so a word in
most records costs a few vector operations, however long the query: no matcher tree, no
recursion.  A quoted phrase is required; its words' order is checked (Whoosh's stored
positions) only for the records that could make the top hits, best first."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from build_tools.analysis.question import EXACT, Group, ParsedQuery
from build_tools.analysis.segmenter import clusters
from build_tools.common.thai import dictionary_words
from build_tools.outputs.search_index import ranking
from build_tools.search.postings import IndexView

RECUT, NEAR = "recut", "near"
MIN_NEAR_LETTERS = 4  # shorter words are never matched approximately
DENSE_SHARE = 1 / 16  # postings of more records than this share of all: intersected by a table over all records


@dataclass
class Resolved:
    """A query word against this index: its alternatives that can match here."""
    word: str
    alternatives: list[tuple[tuple[str, ...], str]]  # (terms, kind)
    weight: float  # informative weight: the highest idf among its terms here
    phrase: bool = False


@dataclass
class Scored:
    docnum: int
    score: float
    coverage: float
    near: bool  # matched only through a near spelling
    terms: list[str] = field(default_factory=list)  # query terms the record holds


def recut(term: str, known) -> list[str] | None:
    """Cut a query word the index does not hold into the fewest words it does hold (at
    Thai character-cluster boundaries), so a word the segmenter cut differently from the
    text is still found; None if there is no such cut.  The browser cuts every query word
    this way over the same terms."""
    if not term[:1] >= "\u0e00":
        return None  # a number or a Latin word is found whole or not at all (99999 is not 9 9 9 9 9)
    n = len(term)
    bounds = sorted(clusters(term) | {n})
    best: dict[int, list[str]] = {n: []}
    for i in reversed(bounds[:-1]):
        for j in bounds:
            if j <= i or j not in best or (i == 0 and j == n):
                continue
            piece = term[i:j]
            if known(piece) and (i not in best or len(best[j]) + 1 < len(best[i])):
                best[i] = [piece] + best[j]
    return best.get(0)


class QueryScorer:
    def __init__(self, view: IndexView, parsed: ParsedQuery):
        self.view, self.parsed = view, parsed
        self.words = dictionary_words()
        self._tf: dict[str, tuple | None] = {}  # term -> (records, weights) or None
        self._bm25: dict[str, tuple] = {}  # term -> ((records, scores), idf)
        groups = self._informative(parsed.groups)
        self.resolved = self._forgiven(parsed, [self._resolve(g) for g in groups])
        self.resolved += [self._phrase(p) for p in parsed.phrases]
        self.terms = {t for r in self.resolved for terms, _ in r.alternatives for t in terms}
        self.best_coverage = 0.0  # of the best hit, once `top` ran

    # --- terms ------------------------------------------------------------------------
    def tf(self, term: str) -> tuple | None:
        if term not in self._tf:
            self._tf[term] = self.view.tf(term)
        return self._tf[term]

    def known(self, term: str) -> bool:
        """Whether the index holds the term (a dictionary look-up; no postings read)."""
        if term in self._tf:
            return self._tf[term] is not None
        return self.view.known(term)

    def bm25(self, term: str) -> tuple:
        if term not in self._bm25:
            self._bm25[term] = self.view.bm25(self.tf(term))
        return self._bm25[term]

    # --- the query's words against this index ------------------------------------------
    def _common(self, g: Group) -> bool:
        limit = ranking.COMMON_SHARE * self.view.n
        return all(self.view.df(t) > limit for a in g.alternatives for t in a.terms)

    def _informative(self, groups: list[Group]) -> list[Group]:
        """The query's words without those in most sections (ranking.COMMON_SHARE),
        unless that would leave none."""
        kept = [g for g in groups if not self._common(g)]
        return kept if kept or self.parsed.phrases else groups

    def _resolve(self, g: Group) -> Resolved:
        alts = [(a.terms, a.kind) for a in g.alternatives
                if all(self.known(t) and self.tf(t) is not None for t in a.terms)]
        exact = g.alternatives[0]
        # A word of the language the index lacks is absent, not re-cut: the index holds
        # every dictionary word of its text, also across a cut (แนว|ทางการ: แนวทาง), so
        # เลือกตั้ง is not the เลือก and ตั้ง a text happens to hold.
        if not alts and exact.kind == EXACT and len(exact.terms) == 1 and exact.terms[0] not in self.words:
            pieces = recut(exact.terms[0], self.known)
            if pieces and all(self.tf(p) is not None for p in pieces):
                alts.append((tuple(pieces), RECUT))
        return Resolved(g.word, alts, self._weight(alts))

    def _forgiven(self, parsed: ParsedQuery, resolved: list[Resolved]) -> list[Resolved]:
        """A typed run (space-separated) with a word the index does not hold is a
        misspelling when index terms lie within one or two edits of the whole run (the
        segmenter cuts a misspelling into pieces: ยาเสพติต -> ยา เสพ ติ ต): it becomes
        one word matched by those terms.  Otherwise its words stay as they are."""
        near: dict[int, list] = {}
        for g, r in zip(parsed.groups, resolved):
            if not r.alternatives and g.run not in near:
                word = parsed.runs[g.run]
                near[g.run] = [((t,), NEAR) for t in sorted(self._near(word)) if self.tf(t) is not None]
        out, done = [], set()
        for g, r in zip(parsed.groups, resolved):
            if not near.get(g.run):
                out.append(r)
            elif g.run not in done:
                done.add(g.run)
                out.append(Resolved(parsed.runs[g.run], near[g.run], self._weight(near[g.run])))
        return out

    def _near(self, word: str) -> set[str]:
        # Numbers are never matched approximately: a letter number or a count one digit
        # off is a different number.
        word = word.strip(".,;:()")
        if len(word) < MIN_NEAR_LETTERS or any(ch.isdigit() for ch in word):
            return set()
        return self.view.near_terms(word, 1 if len(word) < 8 else 2)

    def _phrase(self, terms: list[str]) -> Resolved:
        ok = all(self.known(t) and self.tf(t) is not None for t in terms)
        alts = [(tuple(terms), EXACT)] if ok else []
        return Resolved('"' + " ".join(terms) + '"', alts, self._weight(alts), phrase=True)

    def word_weight(self, g: Group) -> float:
        """Informative weight of a query word: the highest idf among its terms here (from
        the term dictionary: no postings are read for it)."""
        idfs = [ranking.idf(df, self.view.n) for df in map(self.view.df, g.terms) if df]
        return max(idfs) if idfs else self.view.idf_absent

    def _weight(self, alts) -> float:
        idfs = [self.bm25(t)[1] for terms, _ in alts for t in terms]
        return max(idfs) if idfs else self.view.idf_absent

    # --- scoring ----------------------------------------------------------------------
    def _alternative(self, terms: tuple[str, ...], kind: str) -> tuple[np.ndarray, np.ndarray]:
        """(records holding every term, their summed score x the alternative's weight)."""
        ids, scores = self.bm25(terms[0])[0]
        for t in terms[1:]:
            other, more = self.bm25(t)[0]
            ids, scores = both_held(ids, scores, other, more, self.view.total)
        return ids, scores * ranking.ALTERNATIVES[kind]

    def _group_scores(self, alternatives: list, at: np.ndarray, n: int, inside: bool) -> tuple[np.ndarray, np.ndarray]:
        """(best score of any alternative, best score of a non-near alternative) of one
        query word, over the `n` candidate records (`at`: a record's place among them; -1
        where it is none; `inside`: every record this word matches is one)."""
        if not inside:
            alternatives = [(_among(ids, scores, at), kind) for (ids, scores), kind in alternatives]
        best = np.zeros(n)
        if len(alternatives) == 1:  # most words: one reading, no maximum to take
            (ids, scores), kind = alternatives[0]
            best[at[ids]] = scores
            return best, (best if kind != NEAR else np.zeros(n))
        exact = np.zeros(n)
        for (ids, scores), kind in alternatives:
            i = at[ids]
            best[i] = np.maximum(best[i], scores)
            if kind != NEAR:
                exact[i] = np.maximum(exact[i], scores)
        return best, exact

    def top(self, limit: int, mask: np.ndarray | None = None) -> list[Scored]:
        """The best `limit` records (ties: lower document number first) among `mask`.
        Scored over the records some query word matches, not over every record (no
        other record can score above 0)."""
        total = self.view.total
        if not self.resolved or not total:
            return []
        alternatives = [[(self._alternative(terms, kind), kind) for terms, kind in r.alternatives]
                        for r in self.resolved]
        deciding = self.deciding()
        held = np.zeros(total, dtype=bool)
        for alts in (a for a, d in zip(alternatives, deciding) if d):
            for (ids, _), _ in alts:
                held[ids] = True
        docs = np.flatnonzero(held)  # ascending: an index into docs orders as the document number
        n = len(docs)
        # (-1: no candidate; filled only when some word's records are not all candidates)
        at = np.empty(total, dtype=np.int64) if all(deciding) else np.full(total, -1, dtype=np.int64)
        at[docs] = np.arange(n)
        score, covered, near = np.zeros(n), np.zeros(n), np.zeros(n, dtype=bool)
        required = self.view.live[docs] if mask is None else self.view.live[docs] & mask[docs]
        for r, alts, inside in zip(self.resolved, alternatives, deciding):
            best, exact = self._group_scores(alts, at, n, inside)
            score += best
            covered += r.weight * (best > 0)
            near |= (best > 0) & (exact <= 0)
            if r.phrase:
                required &= best > 0
        coverage = covered / sum(r.weight for r in self.resolved)
        final = score * coverage ** ranking.COVERAGE_POWER
        pages = tuple(ranking.INTENT_PAGES.get(self.parsed.intent) or ())
        if pages:
            final = np.where(self.view.on_pages(pages)[docs], final * ranking.INTENT_BOOST, final)
        candidates = np.flatnonzero(required & (score > 0) & (coverage >= ranking.COVERAGE_MIN - 1e-9))
        # A phrase the index cannot hold (no alternatives) has left no candidates.
        phrases = [r.alternatives[0][0] for r in self.resolved if r.phrase and r.alternatives]
        if phrases:
            order = self._with_phrases(final, candidates, docs, phrases, limit)
        else:
            order = _ranked(final, candidates, limit).tolist()
        out = [Scored(int(docs[i]), float(final[i]), float(coverage[i]), bool(near[i]), self._terms_at(int(docs[i])))
               for i in order]
        if out:
            self.best_coverage = max(self.best_coverage, out[0].coverage)
        return out

    def deciding(self) -> list[bool]:
        """Which query words a record must hold one of to be an answer at all (the
        candidates are the records they match, not those of every word): a phrase (every
        answer holds it), else the heaviest words until the others weigh less than
        ranking.COVERAGE_MIN of the question, below which a record that holds none of
        the heaviest stays, whatever else it holds.  (At 30,000 letters a question's
        common words, ยาเสพติด or ชุมชน, each match 40-60 % of the records.)"""
        phrase = next((i for i, r in enumerate(self.resolved) if r.phrase), None)
        if phrase is not None:
            return [i == phrase for i in range(len(self.resolved))]
        total = sum(r.weight for r in self.resolved)
        rest, out = total, [False] * len(self.resolved)
        for i in sorted(range(len(self.resolved)), key=lambda i: -self.resolved[i].weight):
            if rest < (ranking.COVERAGE_MIN - 1e-6) * total:  # (a margin for the sums' rounding)
                break
            out[i], rest = True, rest - self.resolved[i].weight
        return out

    def _with_phrases(self, final: np.ndarray, candidates: np.ndarray, docs: np.ndarray,
                      phrases: list[tuple[str, ...]], limit: int) -> list[int]:
        """The first `limit` of the ranking (places in `docs`) whose records hold every
        phrase: the ranking taken a batch at a time (each twice the last), each batch
        checked in one pass over a term's positions."""
        kept: list[int] = []
        ranked, size = 0, max(2 * limit, 32)
        while ranked < len(candidates) and len(kept) < limit:
            batch = _ranked(final, candidates, ranked + size)[ranked:].tolist()
            ranked, size = ranked + size, 2 * size
            records = [int(docs[i]) for i in batch]
            for terms in phrases:
                records = self._phrase_in(records, terms)
            holding = set(records)
            kept += [i for i in batch if int(docs[i]) in holding]
        return kept[:limit]

    def _terms_at(self, d: int) -> list[str]:
        out = []
        for t in self.terms:
            ids = (self._tf.get(t) or (None,))[0]
            if ids is not None:
                i = np.searchsorted(ids, d)
                if i < len(ids) and ids[i] == d:
                    out.append(t)
        return out

    def _phrase_in(self, docs: list[int], terms: tuple[str, ...]) -> list[int]:
        """Those of `docs` (order kept) that hold the phrase's words in order, one after
        another (within one field: the fields' positions lie far apart)."""
        spans = [self.view.positions(t, docs) for t in terms]
        out = []
        for d in docs:
            at = [s.get(d) for s in spans]
            if not all(at):
                continue
            rest = [set(p) for p in at[1:]]
            if any(all(start + i + 1 in s for i, s in enumerate(rest)) for start in at[0]):
                out.append(d)
        return out

    def explain(self) -> list[str]:
        total = sum(r.weight for r in self.resolved) or 1.0
        lines = []
        for r in self.resolved:
            how = ", ".join(f"{' '.join(t)} ({k})" for t, k in r.alternatives) or "nothing in the index"
            lines.append(f"  {r.word}: weight {r.weight / total:.0%} of the question; matches {how}")
        return lines


def _ranked(final: np.ndarray, candidates: np.ndarray, limit: int | None) -> np.ndarray:
    """`candidates` by descending score, ties by document number; only the first
    `limit` (all when None)."""
    values = final[candidates]
    if limit is not None and len(candidates) > limit:
        kth = np.partition(values, len(values) - limit)[len(values) - limit]
        keep = values >= kth
        candidates, values = candidates[keep], values[keep]
    order = np.lexsort((candidates, -values))
    return candidates[order] if limit is None else candidates[order][:limit]


def _among(ids: np.ndarray, scores: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The postings of the candidate records only (`at` >= 0)."""
    kept = at[ids] >= 0
    return ids[kept], scores[kept]


def both_held(ids: np.ndarray, scores: np.ndarray, other: np.ndarray, more: np.ndarray,
              total: int) -> tuple[np.ndarray, np.ndarray]:
    """The records of `ids` (ascending, unique) that `other` holds too, each with its two
    scores summed.  Postings of words most records hold (a quoted programme name: every
    letter) are intersected through a table of every record's place in `other`, three
    times faster than numpy's sort-based intersect1d at 30,000 letters; short ones by
    intersect1d, which does not pay for a table over all records."""
    if len(ids) + len(other) < DENSE_SHARE * total:
        ids, a, b = np.intersect1d(ids, other, assume_unique=True, return_indices=True)
        return ids, scores[a] + more[b]
    place = np.full(total, -1, dtype=np.int64)
    place[other] = np.arange(len(other))
    b = place[ids]
    kept = b >= 0
    return ids[kept], scores[kept] + more[b[kept]]
