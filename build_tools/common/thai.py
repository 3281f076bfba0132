"""Thai text basics every stage shares: digits and the dictionary word list, built on
PyThaiNLP's named constants instead of hand-typed code points."""
from __future__ import annotations

import functools
import re
import unicodedata

from pythainlp import thai_above_vowels, thai_below_vowels, thai_digits, thai_follow_vowels, thai_signs, thai_tonemarks
from pythainlp.util import Trie

THAI_DIGITS = thai_digits  # ๐๑๒๓๔๕๖๗๘๙
# The marks a letter carries (vowels above and below it, tone marks, ์ ํ ฺ ๎): OCR adds,
# drops and strands them.  (Of the signs, not ฯ and ๆ, which stand on their own.)
THAI_MARKS = "".join(dict.fromkeys(thai_above_vowels + thai_below_vowels + thai_tonemarks + "".join(
    c for c in thai_signs if unicodedata.category(c) == "Mn")))
# What cannot begin a word (a mark, a vowel written after or above its letter): a token or a
# line starting with one was cut off its head by OCR.
NOT_A_WORD_START = THAI_MARKS + thai_follow_vowels
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_SPACES = re.compile(r"\s+")
_MARKS = re.compile(f"[{THAI_MARKS}]")


def without_marks(text: str) -> str:
    """`text` with no THAI_MARKS (for matching words OCR read with marks dropped or added)."""
    return _MARKS.sub("", text)


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


# The word list and its prefix sets, made once per process (or taken from a build's
# cache: use_dictionary); a forked worker inherits them.
_DICTIONARY: dict[str, object] = {}


def dictionary_words() -> frozenset[str]:
    """PyThaiNLP's Thai word list, from its wheel (never the network), loaded once."""
    if "words" not in _DICTIONARY:
        from pythainlp.corpus import thai_words

        _DICTIONARY["words"] = frozenset(thai_words())
    return _DICTIONARY["words"]


class PrefixWords:
    """The words that begin a text at a position (what pythainlp's Trie.prefixes gives,
    in the same order, shortest first), from two sets built in a fraction of the time a
    Trie of 60,000 words takes: the words and every proper prefix of a word, so a lookup
    stops at the first prefix no word has, as a walk down a trie does."""

    def __init__(self, words):
        self.words = frozenset(w for w in (w.strip() for w in words) if w)
        self.starts = frozenset(w[:j] for w in self.words for j in range(1, len(w)))

    def prefixes(self, text: str, start: int = 0, shortest: int = 1) -> list[str]:
        """The words that begin `text` at `start`, of `shortest` characters or more."""
        if shortest > 1 and text[start:start + shortest - 1] not in self.starts:
            return []  # no word runs on past that beginning
        out = []
        for end in range(start + shortest, len(text) + 1):
            head = text[start:end]
            if head in self.words:
                out.append(head)
            if head not in self.starts:
                break
        return out

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self):
        return iter(self.words)


def dictionary_prefixes() -> PrefixWords:
    """PyThaiNLP's word list as prefix sets, built once per process."""
    if "prefixes" not in _DICTIONARY:
        _DICTIONARY["prefixes"] = PrefixWords(dictionary_words())
    return _DICTIONARY["prefixes"]


def made_dictionary() -> tuple[frozenset[str], PrefixWords]:
    """The word list and its prefix sets, to keep (a second to make, a fifth to read back)."""
    return dictionary_words(), dictionary_prefixes()


def dictionary_ready() -> bool:
    """This process has the word list and its prefix sets already."""
    return "words" in _DICTIONARY and "prefixes" in _DICTIONARY


def use_dictionary(kept: tuple[frozenset[str], PrefixWords]) -> None:
    """Take the word list and prefix sets made_dictionary gave in an earlier process with
    the same PyThaiNLP (the caller's cache key says so)."""
    _DICTIONARY.setdefault("words", kept[0])
    _DICTIONARY.setdefault("prefixes", kept[1])


class WordTrie(Trie):
    """The shared dictionary (prefix sets) with a vocabulary's own words on top in a
    small trie (every vocabulary used to rebuild a trie of the whole dictionary): what
    newmm and the compound splitter need, `prefixes` and membership, see both layers."""

    def __init__(self, extra):
        self.base = dictionary_prefixes()
        own = [w for w in extra if w.strip() not in self.base]
        super().__init__(own)
        self._word_count += len(self.base)
        # Prefix look-ups (millions in a build) go to prefix sets of the own words too;
        # the words are fixed once the trie is made.
        self.own = PrefixWords(own)

    def prefixes(self, text: str, start: int = 0, shortest: int = 1) -> list[str]:
        found = self.base.prefixes(text, start, shortest)
        own = self.own.prefixes(text, start, shortest)
        # Each list runs from short to long, and no word is in both.
        return sorted(found + own, key=len) if own else found

    def __contains__(self, key: str) -> bool:
        return key in self.base or super().__contains__(key)

    def __iter__(self):
        yield from self.base
        yield from super().__iter__()
