"""The one Thai text analyzer.  Every index (Whoosh for the command line, the site's
search index) and every query goes through here, so both agree on what matches.

Pipeline for a text:
1. segment with PyThaiNLP newmm over the default word list merged with the corpus's own
   vocabulary (agency names and abbreviations, programme terms);
2. normalize each token for search: NFC, Thai digits -> Arabic (๒๕๕๒ == 2552),
   abbreviation dots dropped (ป.ป.ส. == ปปส), Latin lower-cased.  Tone marks and vowels
   are kept: ข้าว and ขาว are different words;
3. for indexing, add the dictionary words inside a compound (มหาดไทย inside
   กระทรวงมหาดไทย) at the compound's position, so a word inside a compound is found.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from build_tools import PROJECT_ROOT  # noqa: F401  (sets PYTHAINLP_OFFLINE before import)

_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_WORDLIKE = re.compile(r"[\u0e01-\u0e4e0-9a-zA-Z๐-๙]")
_THAI = re.compile(r"[\u0e01-\u0e4e]")
# Dotted Thai abbreviations: ป.ป.ส.  สถ.  อบต.  พ.ศ.  ส.ค.
_ABBR = re.compile(r"^(?:[\u0e01-\u0e2e\u0e30-\u0e39\u0e40-\u0e4c]{1,4}\.)+$")
MIN_SUBWORD = 2


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


class ThaiAnalyzer:
    """Stateless apart from the vocabulary; safe to pickle (Whoosh stores it in the index)."""

    def __init__(self, vocabulary: Iterable[str] = ()):
        self.vocabulary = tuple(sorted({unicodedata.normalize("NFC", w).strip()
                                        for w in vocabulary if w and w.strip()}))

    def __getstate__(self):
        return {"vocabulary": self.vocabulary}

    def __setstate__(self, state):
        self.vocabulary = state["vocabulary"]

    @property
    def trie(self):
        return _trie(self.vocabulary)

    def segment(self, text: str) -> list[tuple[str, int, int]]:
        """Words of `text` with their offsets (whitespace and punctuation dropped)."""
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
        """The dictionary words a compound is made of (กระทรวงมหาดไทย -> กระทรวง +
        มหาดไทย): the cut into the fewest dictionary words, at Thai character-cluster
        boundaries, that covers the whole compound; nothing if there is no such cut."""
        if len(word) < 2 * MIN_SUBWORD or not _THAI.match(word) or "." in word:
            return []
        n = len(word)
        bounds = _clusters(word) | {n}
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
        result = []
        for pos, (w, start, end) in enumerate(self.segment(text)):
            term = normalize_term(w)
            result.append(Token(term, start, end, pos))
            if subwords:
                for s, i, j in self.subwords(w):
                    result.append(Token(normalize_term(s), start + i, start + j, pos, True))
        return result

    def query_terms(self, text: str) -> list[str]:
        """How a query is cut: the same segmentation, no sub-word expansion."""
        return [t.text for t in self.tokens(text, subwords=False)]
