"""Thai text basics every stage shares: digits and the dictionary word list, built on
PyThaiNLP's named constants instead of hand-typed code points."""
from __future__ import annotations

import functools
import re

from pythainlp import thai_digits
from pythainlp.util import Trie

THAI_DIGITS = thai_digits  # ๐๑๒๓๔๕๖๗๘๙
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_SPACES = re.compile(r"\s+")


def to_arabic_digits(text: str) -> str:
    """๒๕๕๒ -> 2552 (Thai and Arabic digits are the same number)."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


@functools.lru_cache(maxsize=65536)
def fold_number(text: str) -> str:
    """The comparable form of a number as printed: Arabic digits, no spaces
    ('มท ๐๔๐๔.๒/๔๙๐๐' -> 'มท0404.2/4900')."""
    return _SPACES.sub("", to_arabic_digits(text))


@functools.lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """PyThaiNLP's Thai word list, from its wheel (never the network), loaded once."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())



@functools.lru_cache(maxsize=1)
def dictionary_trie() -> Trie:
    """PyThaiNLP's word list as the trie newmm walks, built once per process (62,000
    words: about a second)."""
    return Trie(dictionary_words())


class WordTrie(Trie):
    """The shared dictionary trie with a vocabulary's own words on top (every vocabulary
    used to rebuild the whole dictionary).  newmm needs `prefixes` and membership, which
    see both layers."""

    def __init__(self, extra):
        self.base = dictionary_trie()
        dictionary = dictionary_words()
        super().__init__(w for w in extra if w.strip() not in dictionary)
        self._word_count += len(self.base)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        found = self.base.prefixes(text, start)
        own = super().prefixes(text, start)
        # Each list runs from short to long, and no word is in both.
        return sorted(found + own, key=len) if own else found

    def __contains__(self, key: str) -> bool:
        return key in self.base or super().__contains__(key)

    def __iter__(self):
        yield from self.base
        yield from super().__iter__()
