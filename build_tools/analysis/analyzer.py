"""The one Thai text analyzer.  Every index (Whoosh for the command line, the site's
search index) and every query goes through here, so both agree on what matches.

Pipeline for a text:
1. split it into runs and cut the Thai runs into words (build_tools.analysis.runs:
   Latin words, numbers, web addresses and dotted abbreviations by our own rules; Thai
   text by the segmenter, build_tools.analysis.segmenter: newmm over PyThaiNLP's word
   list merged with the corpus's own vocabulary, by nlpo3 or PyThaiNLP);
2. normalize each token for search: NFC, Thai digits -> Arabic (๒๕๕๒ == 2552),
   abbreviation dots dropped (ป.ป.ส. == ปปส), Latin lower-cased.  Tone marks and vowels
   are kept: ข้าว and ขาว are different words;
3. for indexing, add the dictionary words inside a compound (มหาดไทย inside
   กระทรวงมหาดไทย) at the compound's position, so a word inside a compound is found;
4. synonyms: every name of an agency or glossary term (full name, abbreviation, English
   name, aliases) also yields the group's canonical term at the same position, and an OCR
   misreading known to the corrections file yields its corrected form.  A query for any
   name therefore finds text that uses another name of the same thing.

`analyzer_for_corpus(corpus_dir, agencies)` builds the analyzer from the corpus's own
vocabulary (corpus/agencies.yaml, corpus/model/glossary.yaml, corpus/corrections.yaml;
the last two are optional), so the Whoosh index and the site index use the same one.
What a query means beyond its words (question words, the thesaurus) is
build_tools.analysis.question, applied at query time only.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left
from pathlib import Path
from typing import Iterable, NamedTuple

from build_tools.analysis.runs import (
    LATIN,
    THAI,
    WORDLIKE,
    cut_thai,
    normalize_query_text,
    normalize_term,
    split_runs,
    term_starts,
)
from build_tools.analysis.segmenter import _trie, default_engine, segmenter, word_clusters
from build_tools.common.thai import dictionary_words

__all__ = ["ANALYZER_VERSION", "ThaiAnalyzer", "Token", "analyzer_for_corpus", "normalize_query_text",
           "normalize_term", "split_runs"]

MIN_SUBWORD = 2
ACROSS_WORDS = 2  # how many following words a dictionary word may run into
# Bump when the analysis itself changes (not its data): indexes are then rebuilt.
# 3: text is split into runs before segmentation (split_runs); nlpo3 segments.
ANALYZER_VERSION = 3


class Token(NamedTuple):
    """One term of an analysed text (a named tuple: a page's analysis makes millions)."""
    text: str  # normalized search term
    start: int  # character offsets in the analyzed text
    end: int
    pos: int  # word position (sub-words share their compound's position)
    sub: bool = False  # a word found inside a compound



class ThaiAnalyzer:
    """Stateless apart from the vocabulary and synonyms; safe to pickle (Whoosh stores it
    in the index).  `engine` (class or instance attribute; None = `default_engine()`)
    picks the segmenter of the Thai runs.

    `synonyms` is a list of groups (canonical, variant, variant, ...): a variant that is
    one token yields the canonical's terms too.  `corrections` is a list of (wrong, right)
    OCR pairs: the wrong form yields the right form's terms."""

    def __init__(self, vocabulary: Iterable[str] = (), synonyms: Iterable[Iterable[str]] = (),
                 corrections: Iterable[tuple[str, str]] = ()):
        self.synonyms = tuple(sorted({tuple(_nfc(w) for w in g if w and str(w).strip())
                                      for g in synonyms} - {()}))
        self.corrections = tuple(sorted({(_nfc(w), _nfc(r)) for w, r in corrections
                                         if w and r and _nfc(w) != _nfc(r)}))
        words = {_nfc(w) for w in vocabulary if w and str(w).strip()}
        words.update(w for g in self.synonyms for w in g)
        words.update(w for w, _ in self.corrections)
        # A name with a space (สำนักงาน ป.ป.ส.) is found word by word, never as one token.
        self.vocabulary = tuple(sorted(w for w in words if not any(c.isspace() for c in w)))

    def __getstate__(self):
        state = {"vocabulary": self.vocabulary, "synonyms": self.synonyms,
                 "corrections": self.corrections}
        if self.__dict__.get("engine"):
            state["engine"] = self.engine
        return state

    def __setstate__(self, state):
        self.vocabulary = state["vocabulary"]
        self.synonyms = state.get("synonyms", ())
        self.corrections = state.get("corrections", ())
        if state.get("engine"):
            self.engine = state["engine"]

    engine: str | None = None

    def signature(self) -> list:
        """Everything that changes how text is cut (an index is rebuilt when it changes)."""
        return [ANALYZER_VERSION, self.engine_name, list(self.vocabulary),
                [list(g) for g in self.synonyms], [list(c) for c in self.corrections]]

    @property
    def engine_name(self) -> str:
        return self.engine or default_engine()

    @property
    def trie(self):
        cached = self.__dict__.get("_trie")
        if cached is None or cached[0] is not self.vocabulary:
            cached = self.__dict__["_trie"] = (self.vocabulary, _trie(self.vocabulary))
        return cached[1]

    @property
    def segment_thai(self):
        """The segmenter of Thai runs (see `segmenter`), for this vocabulary and engine."""
        key = (self.engine_name, self.vocabulary)
        cached = self.__dict__.get("_segmenter")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_segmenter"] = (key, segmenter(self.vocabulary, key[0]))
        return cached[1]

    @property
    def expansions(self) -> dict[str, tuple[str, ...]]:
        """term -> the terms it also stands for (its group's canonical, or the corrected
        form of an OCR misreading)."""
        return _expansions(self)

    def _plain_terms(self, text: str) -> list[str]:
        return [normalize_term(w) for w, _, _ in self.segment(text)]

    # Texts memoized; a build cuts the same clause for several indexes.  0 turns the
    # memo off (benchmarks that time the analyzer on the same texts again and again).
    SEGMENT_CACHE_MAX = 100_000

    def segment(self, text: str) -> list[tuple[str, int, int]]:
        """Words of `text` with their offsets (whitespace and punctuation dropped).
        Memoized: the Whoosh records, the site's sections and the review cut the same
        clauses, and segmentation is a large part of the build."""
        if not self.SEGMENT_CACHE_MAX:
            return self._segment(text)
        cache = self.__dict__.setdefault("_segment_cache", {})
        hit = cache.get(text)
        if hit is None:
            if len(cache) >= self.SEGMENT_CACHE_MAX:
                cache.clear()
            hit = cache[text] = tuple(self._segment(text))
        return list(hit)

    def _segment(self, text: str) -> list[tuple[str, int, int]]:
        text = unicodedata.normalize("NFC", text)
        seg = self.segment_thai
        out = []
        for kind, start, end in split_runs(text):
            if kind == "thai":
                out.extend(w for w in cut_thai(text[start:end], start, seg) if WORDLIKE.search(w[0]))
            elif kind == "word":
                out.append((text[start:end], start, end))
        return out

    def subwords(self, word: str) -> list[tuple[str, int, int]]:
        cache = self.__dict__.setdefault("_subword_cache", {})
        if word not in cache:
            if len(cache) > 200_000:
                cache.clear()
            cache[word] = self._subwords(word)
        return cache[word]

    def _subwords(self, word: str) -> list[tuple[str, int, int]]:
        """The dictionary words a compound is made of (กระทรวงมหาดไทย -> กระทรวง +
        มหาดไทย): the cut into the fewest dictionary words, at Thai character-cluster
        boundaries, that covers the whole compound; nothing if there is no such cut."""
        if len(word) < 2 * MIN_SUBWORD:
            return []
        if "." in word and LATIN.search(word):
            # A web address or a dotted Latin name: its parts (thailocaladmin in
            # www.thailocaladmin.go.th); a dotted number (0810.1) is found whole only.
            out, i = [], 0
            for part in word.split("."):
                if len(part) >= MIN_SUBWORD:
                    out.append((part, i, i + len(part)))
                i += len(part) + 1
            return out
        if not THAI.match(word) or "." in word:
            return []
        n = len(word)
        bounds = set(word_clusters(word)) | {n}
        # best[i] = (number of words, -length of first word, parts) covering word[i:]
        best: dict[int, tuple] = {n: (0, 0, ())}
        for i in sorted(bounds, reverse=True):
            if i == n:
                continue
            for w in self.trie.prefixes(word[i:]):
                j = i + len(w)
                if len(w) < MIN_SUBWORD or len(w) == n or j not in best:
                    continue
                cand = (best[j][0] + 1, -len(w), ((w, i, j),) + best[j][2])
                if i not in best or cand[:2] < best[i][:2]:
                    best[i] = cand
        return list(best[0][2]) if 0 in best else []

    def tokens(self, text: str, subwords: bool = True) -> list[Token]:
        """Index-side analysis: words, the words inside compounds, dictionary words that
        run across a cut (แนว|ทางการ also holds แนวทาง), and synonyms; all but the words
        themselves are marked `sub`, at the position of the word they start in."""
        text = unicodedata.normalize("NFC", text)
        words = self.segment(text)
        if not subwords:
            return [Token(normalize_term(w), start, end, pos) for pos, (w, start, end) in enumerate(words)]
        exp = self.expansions
        return [t for pos in range(len(words)) for t in self._tokens_at(text, words, pos, exp)]

    def matching_tokens(self, text: str, terms: set[str]) -> list[Token]:
        """The tokens of `text` whose text is one of `terms`, exactly as `tokens` gives
        them, analysing only the words where one of the terms (or a name it stands for)
        can begin: a snippet needs a hit's matches, not the analysis of all its text."""
        text = unicodedata.normalize("NFC", text)
        words = self.segment(text)
        exp = self.expansions
        starts = term_starts(text, set(terms) | self._standing_for(terms))
        if starts is None:  # a text whose characters do not normalize one for one
            positions = range(len(words))
        else:
            positions = [pos for pos, (_, s, e) in enumerate(words) if bisect_left(starts, s) < bisect_left(starts, e)]
        return [t for pos in positions for t in self._tokens_at(text, words, pos, exp) if t.text in terms]

    def _standing_for(self, terms: set[str]) -> set[str]:
        """The terms whose expansions (their canonical name, a corrected form) hold one
        of `terms`."""
        cached = self.__dict__.get("_reverse")
        exp = self.expansions
        if cached is None or cached[0] is not exp:
            reverse: dict[str, set[str]] = {}
            for t, es in exp.items():
                for e in es:
                    reverse.setdefault(e, set()).add(t)
            cached = self.__dict__["_reverse"] = (exp, reverse)
        return set().union(*(cached[1].get(t, ()) for t in terms))

    def _tokens_at(self, text: str, words: list, pos: int, exp: dict) -> list[Token]:
        """The tokens of word `pos`: the word, then its parts and the words across its
        end, each followed by its expansions (each term once)."""
        w, start, end = words[pos]
        own, seen = self._word_terms(w, exp)
        result = [Token(t, start + i, end if j is None else start + j, pos, sub) for t, i, j, sub in own]
        across = self._across(text, words, pos)
        if across:
            seen = set(seen)
            for t, i, j in across:
                for t2 in (t, *exp.get(t, ())):
                    if t2 not in seen:
                        seen.add(t2)
                        result.append(Token(t2, i, j, pos, True))
        return result

    def _word_terms(self, w: str, exp: dict) -> tuple[tuple, frozenset]:
        """What word `w` yields wherever it stands: (term, start, end, sub) relative to
        the word (the word, its expansions, its parts and theirs, each term once) and
        the set of those terms (end None: the word's own end).  Kept per word: a site
        repeats its words thousands of times."""
        cache = self.__dict__.setdefault("_word_terms_cache", {})
        hit = cache.get(w)
        if hit is not None and hit[0] is exp:
            return hit[1]
        term = normalize_term(w)
        out = [(term, 0, None, False)]
        seen = {term}
        for t, i, j in [(term, 0, None)] + [(normalize_term(s), i, j) for s, i, j in self.subwords(w)]:
            for t2 in (t, *exp.get(t, ())):
                if t2 not in seen:
                    seen.add(t2)
                    out.append((t2, i, j, True))
        if len(cache) > 200_000:
            cache.clear()
        cache[w] = (exp, (tuple(out), frozenset(seen)))
        return cache[w][1]

    def _across(self, text: str, words: list, pos: int) -> list[tuple[str, int, int]]:
        """Dictionary words that start where word `pos` starts and end inside or at the
        end of one of the next words (at a character-cluster boundary)."""
        start, end = words[pos][1], words[pos][2]
        if not THAI.match(text[start:start + 1]):
            return []
        stop = words[min(pos + ACROSS_WORDS, len(words) - 1)][2]
        window = text[start:stop]
        if "\n" in window:
            window = window[:window.index("\n")]
        longer = [w for w in self.trie.prefixes(window, 0, end - start + 1) if " " not in w]
        if not longer:
            return []
        bounds = set()
        for w, ws, we in words[pos:pos + ACROSS_WORDS + 1]:
            bounds.update(ws - start + c for c in word_clusters(w))
            bounds.add(we - start)
        return [(normalize_term(w), start, start + len(w)) for w in longer if len(w) in bounds]

    def query_terms(self, text: str) -> list[str]:
        """How a query is cut: the same segmentation, no sub-word expansion."""
        return [t.text for t in self.tokens(text, subwords=False)]

    def query_groups(self, text: str) -> list[list[str]]:
        """The query's words, each as the list of terms any of which may match it: the
        word itself and its synonyms' canonical term; an OCR misreading is replaced by its
        corrected form's words."""
        return [g for term in self.query_terms(text) for g in self.term_groups(term)]

    def term_groups(self, term: str) -> list[list[str]]:
        """One query term as `query_groups` gives it: [[term, its canonical name]], or
        for a known OCR misreading the corrected form's words, one group each."""
        fixed = self.fixes.get(term)
        if fixed is not None:
            return [[t] for t in fixed]
        return [[term, *(e for e in self.expansions.get(term, ()) if e != term)]]

    @property
    def fixes(self) -> dict[str, list[str]]:
        """A known OCR misreading (one term) -> the terms of its corrected form."""
        cached = self.__dict__.get("_fixes")
        if cached is None or cached[0] is not self.corrections:
            table = {normalize_term(w): self._plain_terms(r) for w, r in self.corrections}
            cached = self.__dict__["_fixes"] = (self.corrections, table)
        return cached[1]


def _nfc(s) -> str:
    return unicodedata.normalize("NFC", str(s)).strip()


_EXPANSION_CACHE: dict = {}


def _expansions(a: ThaiAnalyzer) -> dict[str, tuple[str, ...]]:
    key = (a.vocabulary, a.synonyms, a.corrections)
    if key in _EXPANSION_CACHE:
        return _EXPANSION_CACHE[key]
    out: dict[str, list[str]] = {}
    for group in a.synonyms:
        # The canonical term: the first name that is one token (the abbreviation, usually).
        canon = next((t for t in map(a._plain_terms, group) if len(t) == 1), None)
        if canon is None:
            continue
        for v in group:
            terms = a._plain_terms(v)
            if len(terms) == 1 and terms != canon:
                out.setdefault(terms[0], [])
                if canon[0] not in out[terms[0]]:
                    out[terms[0]].append(canon[0])
    for wrong, right in a.corrections:
        terms = a._plain_terms(wrong)
        if len(terms) == 1:
            out.setdefault(terms[0], [])
            out[terms[0]] += [t for t in a._plain_terms(right) if t not in out[terms[0]]]
    result = {k: tuple(v) for k, v in out.items() if v}
    _EXPANSION_CACHE[key] = result
    return result


def _read_yaml_list(path: Path, key: str) -> list:
    """An optional YAML file holding a list (or {key: list}); absent -> []."""
    import yaml

    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):
        data = data.get(key) or []
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


def analyzer_for_corpus(corpus_dir: Path, agencies: dict | None = None) -> ThaiAnalyzer:
    """The analyzer for this corpus: agency names (abbreviation first, as the canonical
    term), glossary terms (corpus/model/glossary.yaml) and OCR corrections
    (corpus/corrections.yaml); the last two files are optional."""
    corpus_dir = Path(corpus_dir)
    groups: list[list[str]] = []
    if agencies is None:
        agencies = {a["id"]: a for a in _read_yaml_list(corpus_dir / "agencies.yaml", "agencies")}
    for a in agencies.values():
        names = [a.get("abbr"), a.get("name_th"), a.get("name_en"), *(a.get("aliases") or [])]
        groups.append([str(n) for n in names if n])
    for g in _read_yaml_list(corpus_dir / "model" / "glossary.yaml", "terms"):
        names = [g.get("abbr"), g.get("term"), *(g.get("aliases") or [])]
        names = [str(n) for n in names if n]
        if names:
            groups.append(names)
    # Only misreadings that are no real word (a scoped fix of a real word must not
    # change what that word means everywhere) and long enough to be a word at all.
    fixes = [(str(c["wrong"]).strip(), str(c["right"]).strip())
             for c in _read_yaml_list(corpus_dir / "corrections.yaml", "corrections")
             if c.get("wrong") and c.get("right")]
    fixes = [(w, r) for w, r in fixes
             if len(w) >= 3 and THAI.search(w) and not any(ch.isspace() for ch in w)
             and unicodedata.normalize("NFC", w) not in dictionary_words()]
    return ThaiAnalyzer((), groups, fixes)
