"""Spaces OCR puts inside a Thai word ("ธนาคารข ยะชุมชน" for ธนาคารขยะชุมชน).

Thai puts spaces between phrases, never inside a word, so a space is taken out only
when a piece beside it is no word at all (นอกพจนานุกรม) and the two sides read together
as dictionary words.  A space between two whole words (the printed phrasing) stays."""
from __future__ import annotations

import re
from functools import lru_cache

from build_tools.common.thai import dictionary_words

# A single space between two Thai letters (marks included: a vowel or tone mark can end
# the left piece).
_INNER_SPACE = re.compile(r"(?<=[\u0e01-\u0e4e]) (?=[\u0e01-\u0e4e])")
_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")


@lru_cache(maxsize=4096)
def _words(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(run, engine="newmm", keep_whitespace=False))


def _unknown(pieces: tuple[str, ...]) -> int:
    words = dictionary_words()
    return sum(1 for p in pieces if p not in words)


def rejoin_split_words(text: str) -> str:
    """`text` with the spaces OCR put inside Thai words taken out."""
    out, last = [], 0
    for m in _INNER_SPACE.finditer(text):
        left = _THAI_RUN.findall(text[:m.start()])[-1]
        right = _THAI_RUN.match(text, m.end()).group(0)
        apart = _words(left)[-1:] + _words(right)[:1]
        if _unknown(apart) and _unknown(_words(left + right)) < _unknown(_words(left)) + _unknown(_words(right)):
            out.append(text[last:m.start()])
            last = m.end()
    out.append(text[last:])
    return "".join(out)
