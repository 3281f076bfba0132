"""The Thai word list the repair rules and checks consult: PyThaiNLP's dictionary (from
its wheel, never the network) plus the corpus's known names (corpus/names.yaml)."""
from __future__ import annotations

import functools
import re

from build_tools.common.thai import WordTrie, dictionary_words

THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")


@functools.lru_cache(maxsize=8)
def words(extra: tuple[str, ...] = ()) -> frozenset[str]:
    return dictionary_words() | frozenset(extra)


@functools.lru_cache(maxsize=8)
def trie(extra: tuple[str, ...] = ()) -> WordTrie:
    return WordTrie(extra)


def segment(text: str, extra: tuple[str, ...] = ()) -> list[str]:
    return list(_segment(text, extra))


@functools.lru_cache(maxsize=100_000)
def _segment(text: str, extra: tuple[str, ...]) -> tuple[str, ...]:
    # Memoized: the suggestion and unknown-word checks cut the same Thai runs, and
    # letters repeat their boilerplate (addresses, closing formulas).
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, custom_dict=trie(extra), engine="newmm", keep_whitespace=True))


def word_chars(text: str) -> int:
    """How much of `text` is Thai words: the characters of its Thai runs that the dictionary
    segments into words of two letters or more (OCR's garbled pieces and single letters are none)."""
    known = words()
    return sum(len(tok) for run in THAI_RUN.findall(text) for tok in segment(run) if len(tok) >= 2 and tok in known)
