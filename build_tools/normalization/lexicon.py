"""The Thai word list the repair rules and checks consult: PyThaiNLP's dictionary (from
its wheel, never the network) plus the corpus's known names (corpus/names.yaml)."""
from __future__ import annotations

import functools

from build_tools.common.thai import WordTrie, dictionary_words


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
