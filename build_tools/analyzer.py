"""The one Thai text analyzer.  Every index (Whoosh for the command line, the site's
search index) and every query goes through here, so both agree on what matches.

Pipeline for a text:
1. segment with PyThaiNLP newmm over the default word list merged with the corpus's own
   vocabulary (agency names and abbreviations, programme terms);
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
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from build_tools import PROJECT_ROOT  # noqa: F401  (sets PYTHAINLP_OFFLINE before import)

_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_WORDLIKE = re.compile(r"[\u0e01-\u0e4e0-9a-zA-Z๐-๙]")
_THAI = re.compile(r"[\u0e01-\u0e4e]")
# Dotted Thai abbreviations: ป.ป.ส.  สถ.  อบต.  พ.ศ.  ส.ค.
_ABBR = re.compile(r"^(?:[\u0e01-\u0e2e\u0e30-\u0e39\u0e40-\u0e4c]{1,4}\.)+$")
MIN_SUBWORD = 2
# Bump when the analysis itself changes (not its data): indexes are then rebuilt.
ANALYZER_VERSION = 2
ACROSS_WORDS = 2  # how many following words a dictionary word may run into


@dataclass(frozen=True)
class Token:
    text: str  # normalized search term
    start: int  # character offsets in the analyzed text
    end: int
    pos: int  # word position (sub-words share their compound's position)
    sub: bool = False  # a word found inside a compound


def normalize_term(token: str) -> str:
    t = unicodedata.normalize("NFC", token).translate(_TO_ARABIC).lower()
    if _ABBR.match(t):
        t = t.replace(".", "")
    return t


def normalize_query_text(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_TO_ARABIC)


@functools.lru_cache(maxsize=8)
def _trie(extra: tuple[str, ...]):
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    words = set(thai_words())
    for w in extra:
        words.add(w)
        if "." in w:  # also the undotted spelling: ป.ป.ส. -> ปปส
            words.add(w.replace(".", ""))
    return Trie(words)


@functools.lru_cache(maxsize=1)
def _base_words() -> frozenset:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _clusters(word: str) -> set[int]:
    from pythainlp.tokenize import tcc

    return set(tcc.tcc_pos(word)) | {0}


@functools.lru_cache(maxsize=200_000)
def _word_clusters(word: str) -> frozenset:
    return frozenset(_clusters(word))


class ThaiAnalyzer:
    """Stateless apart from the vocabulary and synonyms; safe to pickle (Whoosh stores it
    in the index).

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
        return {"vocabulary": self.vocabulary, "synonyms": self.synonyms,
                "corrections": self.corrections}

    def __setstate__(self, state):
        self.vocabulary = state["vocabulary"]
        self.synonyms = state.get("synonyms", ())
        self.corrections = state.get("corrections", ())

    def signature(self) -> list:
        """Everything that changes how text is cut (an index is rebuilt when it changes)."""
        return [ANALYZER_VERSION, list(self.vocabulary), [list(g) for g in self.synonyms],
                [list(c) for c in self.corrections]]

    @property
    def trie(self):
        return _trie(self.vocabulary)

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
        clauses, and newmm is the build's largest cost."""
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
        from pythainlp.tokenize import word_tokenize

        text = unicodedata.normalize("NFC", text)
        out, offset = [], 0
        for w in word_tokenize(text, custom_dict=self.trie, engine="newmm", keep_whitespace=True):
            start = offset
            offset += len(w)
            if _WORDLIKE.search(w):
                out.append((w, start, offset))
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
        if len(word) < 2 * MIN_SUBWORD or not _THAI.match(word) or "." in word:
            return []
        n = len(word)
        bounds = set(_word_clusters(word)) | {n}
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
        result = []
        exp = self.expansions if subwords else {}
        text = unicodedata.normalize("NFC", text)
        words = self.segment(text)
        for pos, (w, start, end) in enumerate(words):
            term = normalize_term(w)
            result.append(Token(term, start, end, pos))
            if not subwords:
                continue
            seen = {term}
            parts = [(normalize_term(s), start + i, start + j) for s, i, j in self.subwords(w)]
            parts += self._across(text, words, pos)
            for t, i, j in [(term, start, end)] + parts:
                if t not in seen:
                    seen.add(t)
                    result.append(Token(t, i, j, pos, True))
                for e in exp.get(t, ()):
                    if e not in seen:
                        seen.add(e)
                        result.append(Token(e, i, j, pos, True))
        return result

    def _across(self, text: str, words: list, pos: int) -> list[tuple[str, int, int]]:
        """Dictionary words that start where word `pos` starts and end inside or at the
        end of one of the next words (at a character-cluster boundary)."""
        start, end = words[pos][1], words[pos][2]
        if not _THAI.match(text[start:start + 1]):
            return []
        stop = words[min(pos + ACROSS_WORDS, len(words) - 1)][2]
        window = text[start:stop]
        if "\n" in window:
            window = window[:window.index("\n")]
        longer = [w for w in self.trie.prefixes(window) if len(w) > end - start and " " not in w]
        if not longer:
            return []
        bounds = set()
        for w, ws, we in words[pos:pos + ACROSS_WORDS + 1]:
            bounds.update(ws - start + c for c in _word_clusters(w))
            bounds.add(we - start)
        return [(normalize_term(w), start, start + len(w)) for w in longer if len(w) in bounds]

    def query_terms(self, text: str) -> list[str]:
        """How a query is cut: the same segmentation, no sub-word expansion."""
        return [t.text for t in self.tokens(text, subwords=False)]

    def query_groups(self, text: str) -> list[list[str]]:
        """The query's words, each as the list of terms any of which may match it: the
        word itself and its synonyms' canonical term; an OCR misreading is replaced by its
        corrected form's words."""
        fixes = {normalize_term(w): self._plain_terms(r) for w, r in self.corrections}
        groups = []
        for term in self.query_terms(text):
            if term in fixes:
                groups.extend([t] for t in fixes[term])
                continue
            groups.append([term, *(e for e in self.expansions.get(term, ()) if e != term)])
        return groups


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
             if len(w) >= 3 and _THAI.search(w) and not any(ch.isspace() for ch in w)
             and unicodedata.normalize("NFC", w) not in _base_words()]
    return ThaiAnalyzer((), groups, fixes)
