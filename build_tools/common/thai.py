"""Thai text basics every stage shares: digits and the dictionary word list, built on
PyThaiNLP's named constants instead of hand-typed code points."""
from __future__ import annotations

import functools
import re

from pythainlp import thai_digits

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
