"""Dictionary words OCR printed with a mark dropped, added or swapped (ถิน for ถิ่น, ดวน for
ด่วน, ทัว for ทั่ว): the commonest damage Tesseract's Thai model does (normalization/fuzzy.py).

A damaged word keeps its letters; only its marks (tone marks, above and below vowels,
thanthakhat) differ.  So the dictionary is indexed by each word's letters without marks
(`bare`), and a word not in the dictionary is looked up there: the words with the same
letters whose marks differ the way OCR damages them (`plausible`: marks dropped, one
look-alike swapped) are its readings.  Only marks are restored here:
a reading that replaces or deletes a letter is a suggestion of normalization/suggest.py.

One reading, or one far commoner than every other in the Thai National Corpus word
frequencies that ship with PyThaiNLP (DOMINANT times, e.g. ด่วน 1,353 against ด้วน 143),
is the word; otherwise the readings stay a suggestion."""
from __future__ import annotations

import functools
import re

from build_tools.normalization import fuzzy, lexicon

DOMINANT = 5.0  # a reading this many times commoner than the next one is the word
MIN_LETTERS = 2  # one letter with its marks (ที่, ก็) is too short to guess from
# A two-letter reading (ไม่, แต่, ผู้) is restored only when it is a very common word and
# far commoner than every other: short pieces of garbled text fit short words by chance.
SHORT_LETTERS, SHORT_DOMINANT, SHORT_MIN_FREQ = 2, 20.0, 5000
# A reading with only dropped marks restored is preferred to another reading (one that
# replaces or deletes a letter) unless that one is this many times commoner.
RESTORED_OVER_OTHER = 10.0
# A word printed with a speck read as a mark (โค่รงการ, ดำเนินกำร: a speck over า read
# as sara am) is restored only to a word this common: a printed mark is more often right
# than a speck, so the reading must be the commonest of words.
SPECK_MIN_FREQ = 5000
SARA_AM, SARA_AA = "\u0e33", "\u0e32"
# Marks Tesseract reads one for another (a look-alike swap, not a dropped mark).
LOOKALIKE_MARKS = ("\u0e34\u0e35\u0e36\u0e37", "\u0e38\u0e39", "\u0e48\u0e49\u0e4a\u0e4b")


def bare(text: str) -> str:
    """The letters of `text` without its marks (sara am kept as one letter)."""
    return "".join(c for c in fuzzy.clean(text) if c not in fuzzy.MARKS)


def _clusters(text: str) -> list[str]:
    """The marks standing on each letter of `text` (one string per letter)."""
    out: list[str] = []
    for c in fuzzy.clean(text):
        if c in fuzzy.MARKS and out:
            out[-1] += c
        elif c not in fuzzy.MARKS:
            out.append("")
    return out


def _lookalike(a: str, b: str) -> bool:
    return any(a in g and b in g for g in LOOKALIKE_MARKS)


def damage(printed: str, word: str) -> tuple[int, int, int] | None:
    """(marks dropped, marks swapped for a look-alike, marks added) that turn `word` into
    `printed`; None when their letters differ."""
    if bare(printed) != bare(word):
        return None
    dropped = swapped = added = 0
    for p, w in zip(_clusters(printed), _clusters(word)):
        extra, missing = [c for c in p if c not in w], [c for c in w if c not in p]
        while extra and missing and (pair := next(((e, m) for e in extra for m in missing if _lookalike(e, m)), None)):
            extra.remove(pair[0])
            missing.remove(pair[1])
            swapped += 1
        dropped += len(missing)
        added += len(extra)
    return dropped, swapped, added


def plausible(printed: str, word: str) -> bool:
    """`word` printed as `printed` by the damage OCR does to marks: marks dropped (one per
    three letters at most), or one look-alike swapped (with at most one mark dropped too).
    Never a mark taken away: a mark printed is more often right than a speckle (โก้ก is
    a place, not โกก)."""
    d = damage(printed, word)
    if d is None or d == (0, 0, 0):
        return False
    dropped, swapped, added = d
    if added:
        return False
    if swapped:
        return swapped == 1 and dropped <= 1
    return dropped <= max(1, len(bare(word)) // 3)


_MARK = re.compile("[" + "".join(sorted(fuzzy.MARKS)) + "]")


@functools.lru_cache(maxsize=8)
def _by_letters(extra: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """bare letters -> the words that have them.  The words are cleaned and stripped of
    their marks in one pass over them all (`bare` word by word took most of a second,
    paid by every build that normalizes a letter)."""
    words = list(lexicon.words(extra))
    out: dict[str, list[str]] = {}
    for w, b in zip(words, _MARK.sub("", fuzzy.clean("\n".join(words))).split("\n")):
        out.setdefault(b, []).append(w)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """Word counts of the Thai National Corpus (tnc_freq.txt, in PyThaiNLP's wheel)."""
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


def readings(span: str, extra: tuple[str, ...] = (), shortest: int = MIN_LETTERS) -> list[str]:
    """Dictionary words `span` may be with its marks restored, commonest first; none for
    a span of fewer than `shortest` letters."""
    return list(_readings(span, extra, shortest))


# The same damaged pieces recur from letter to letter (an office's name, a word one
# font's marks lose): looked up once per process.
@functools.lru_cache(maxsize=1 << 16)
def _readings(span: str, extra: tuple[str, ...], shortest: int) -> tuple[str, ...]:
    b = bare(span)
    if len(b) < shortest:
        return ()
    found = [w for w in _by_letters(extra).get(b, ()) if plausible(span, w)]
    freq = frequencies()
    return tuple(sorted(found, key=lambda w: (-freq.get(w, 0), w)))


def speck_readings(span: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Common dictionary words `span` is with one speck OCR read as a mark taken away (a
    mark too many, or sara am for sara aa), commonest first; only when `span` is no word."""
    return list(_speck_readings(fuzzy.clean(span), extra))


@functools.lru_cache(maxsize=1 << 14)
def _speck_readings(span: str, extra: tuple[str, ...]) -> tuple[str, ...]:
    known, freq = lexicon.words(extra), frequencies()
    if span in known:
        return ()
    variants = {span[:i] + span[i + 1:] for i, c in enumerate(span) if c in fuzzy.MARKS}
    variants |= {span[:i] + SARA_AA + span[i + 1:] for i, c in enumerate(span) if c == SARA_AM}
    found = [w for w in variants if w in known and freq.get(w, 0) >= SPECK_MIN_FREQ]
    return tuple(sorted(found, key=lambda w: (-freq.get(w, 0), w)))


def all_readings(span: str, extra: tuple[str, ...] = ()) -> list[str]:
    """`readings` and `speck_readings` together, commonest first (กำร: การ 592,036, a speck
    read as sara am, before กำรู, a dictionary word text never uses)."""
    freq = frequencies()
    return sorted({*readings(span, extra), *speck_readings(span, extra)}, key=lambda w: (-freq.get(w, 0), w))


def choose(cands: list[str]) -> str | None:
    """The one reading, or the one far commoner than the next; None when ambiguous."""
    if not cands:
        return None
    freq = frequencies()
    first = freq.get(cands[0], 0)
    second = freq.get(cands[1], 0) if len(cands) > 1 else 0
    if len(bare(cands[0])) <= SHORT_LETTERS:
        return cands[0] if first >= SHORT_MIN_FREQ and first >= SHORT_DOMINANT * max(1, second) else None
    if len(cands) == 1:
        return cands[0]
    return cands[0] if first > 0 and first >= DOMINANT * max(1, second) else None


def preferred(printed: str, other: str | None) -> str | None:
    """Of `other` (a reading that may change letters: a speller's) and the commonest
    reading of `printed` with only dropped marks restored, the one to suggest (a hint
    for a reviewer: one letter too, นี -> นี้ rather than the speller's ที)."""
    restored = [w for w in readings(printed, shortest=1) if damage(printed, w)[1] == 0]
    if not restored:
        return other
    freq = frequencies()
    if other and freq.get(other, 0) > RESTORED_OVER_OTHER * freq.get(restored[0], 0):
        return other
    return restored[0]
