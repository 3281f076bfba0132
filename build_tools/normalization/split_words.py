"""Spaces OCR puts inside a Thai word ("ธนาคารข ยะชุมชน" for ธนาคารขยะชุมชน), and the
letters it reads twice across such a space ("อธิ ธิบดี" for อธิบดี, "คณะ ณะกรรมการ").

Thai puts spaces between phrases, never inside a word, so a space is taken out only
when a piece beside it is no word at all (นอกพจนานุกรม) and the two sides read together
as dictionary words.  A space between two whole words (the printed phrasing) stays."""
from __future__ import annotations

import re
from functools import lru_cache

from pythainlp import thai_tonemarks

from build_tools.common.thai import dictionary_words
from build_tools.normalization.lexicon import THAI_RUN

# A single space between two Thai letters (marks included: a vowel or tone mark can end
# the left piece).
_INNER_SPACE = re.compile(r"(?<=[\u0e01-\u0e4e]) (?=[\u0e01-\u0e4e])")
# Letters read twice: the end of the run before a gap begins the run after it again.
_STUTTER = re.compile(r"([\u0e01-\u0e4e]+)\s{1,2}([\u0e01-\u0e4e]+)")
STUTTER_MAX = 3  # letters (marks included) OCR reads twice
_TONE_AT_END = re.compile(f"[{thai_tonemarks}]$")  # (a tone mark only: a vowel is part of the syllable)


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
        left = THAI_RUN.findall(text[:m.start()])[-1]
        right = THAI_RUN.match(text, m.end()).group(0)
        apart = _words(left)[-1:] + _words(right)[:1]
        if _unknown(apart) and _unknown(_words(left + right)) < _unknown(_words(left)) + _unknown(_words(right)):
            out.append(text[last:m.start()])
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def rejoin_words(text: str) -> str:
    """`text` with the spaces OCR put inside words taken out, then the letters it read
    twice across a gap (what a field, a name or a position read from a scan needs)."""
    return rejoin_stutters(rejoin_split_words(text))


def rejoin_stutters(text: str) -> str:
    """`text` without the letters OCR read twice across a gap ("อธิ ธิบดี" -> อธิบดี): the
    run after the gap begins with the end of the run before it, and read once the two
    make a dictionary word that spans the gap (from before the repeated letters, or from
    them when what stands before the gap is no word, to after them), with no more
    unknown words than apart ("คน คนดี" and "มีมติ ติดตาม" stay)."""
    words = dictionary_words()

    def once(m: re.Match) -> str:
        whole, right = m.group(1), m.group(2)
        # (the copy before the gap may carry a tone mark the one after it does not: `จังหว้ วัด`)
        for left in dict.fromkeys((whole, _TONE_AT_END.sub("", whole))):
            joined = _once(left, right, whole)
            if joined:
                return joined
        return m.group(0)

    def _once(left: str, right: str, whole: str) -> str | None:
        for k in range(min(STUTTER_MAX, len(left), len(right) - 1), 0, -1):
            if not left.endswith(right[:k]) or not re.match("[ก-ฮเแโใไ]", right[:k]):
                continue
            if left != whole and right[k:].startswith(whole[len(left):]):
                continue  # (the same marks after the copy: a word said twice, `ที่ ที่ตั้ง`)
            joined = left + right[k:]
            # (from the repeated letters on only when the run before them is no word: "ร่ ร่วม")
            start = len(left) - k if _unknown(_words(left)) else len(left) - k - 1
            at, spans = 0, False
            for w in _words(joined):
                spans |= at <= start and at + len(w) > len(left) and w in words
                at += len(w)
            if spans and _unknown(_words(joined)) <= _unknown(_words(whole)) + _unknown(_words(right)):
                return joined
        return None

    return _STUTTER.sub(once, text)
