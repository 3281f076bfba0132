"""Words whose marks OCR dropped or swapped, restored from the dictionary (ท้องถิน ->
ท้องถิ่น, ดวนที่สุด -> ด่วนที่สุด): a piece of a Thai run the dictionary does not know,
alone or with a neighbour, whose letters are one dictionary word's with its marks
restored (normalization/mark_words.py).  An unknown piece two readings fit about equally
(วานลลา: วานิลลา, วานิลล่า), or one standing among garbled pieces, is left as printed:
the review's word check suggests its commonest reading (ingest/word_check.py).

Also set right: a speck OCR read as a mark, where the word without it is one of the
commonest (โค่รงการ -> โครงการ, ดำเนินกำร -> ดำเนินการ), and a rare dictionary word a
dropped tone mark left where a very common word stood (เมือ -> เมื่อ, วันที -> วันที่)."""
from __future__ import annotations

import functools
from collections import Counter

from pythainlp import thai_tonemarks

from build_tools.normalization import lexicon, mark_words
from build_tools.normalization.rules.base import Context, Line, per_line

# Spans tried around an unknown piece (offsets from it), the longest first: the segmenter
# cuts a damaged word wherever a word fits (ท้อง|ถิน, วาน|ลลา), and the reading that
# explains the most wins (วานลลา is วานิลลา or วานิลล่า, not วาน + ลีลา).
SPANS = ((-1, 2), (-1, 1), (0, 2), (0, 1))
# Wider spans, tried first and taken only for one clear reading: a damaged word cut into
# three or four pieces, the unknown one last or next to last (ขับ|เค|ลือ|น for ขับเคลือน).
WIDE_SPANS = ((-3, 1), (-2, 2), (-2, 1))
# Two dictionary words whose join, with its marks restored, is one longer word (ยัง|ยืน:
# ยั่งยืน, ตัง|แต่: ตั้งแต่, ชี|แจง: ชี้แจง): the segmenter cut the damaged word into words
# that happen to exist.  Only a join of at least this many letters (a short one fits by chance),
# read as a common word (this many times in the Thai National Corpus): a compound the
# dictionary lists but text rarely uses (ตามที่เห็นสมควร, 0) is no evidence against two words
# as printed (ตามที เห็นสมควร).
PAIR_LETTERS = 3
PAIR_MIN_FREQ = 1000
# A dictionary word text hardly uses whose reading with its dropped tone marks restored is
# a very common word (เมือ -> เมื่อ, ซึง -> ซึ่ง, วันที -> วันที่, ตอง -> ต้อง): the dropped
# mark left a rare word, not a wrong one.  Only tone marks, the marks Tesseract loses most
# (a dropped vowel sign leaves words used in their own right: กบ, the frog of a frog farm,
# is not กับ).  The reading must be used this many times in the Thai National Corpus and
# this many times more than the word as printed (ตอง 601 against ต้อง 152,506); a word used
# in its own right stays as printed (หนา 2,358 against หน้า 44,132; ฝาย, a weir, 185 against
# ฝ่าย 24,780), and so does a person's name after a title (นายเรือง, not เรื่อง).
RARE_READING_MIN_FREQ = 10_000
RARE_READING_RATIO = 150
PERSON_TITLES = frozenset({"นาย", "นาง", "นางสาว"})


def _pair_reading(toks: list[str], i: int, known: frozenset[str], extra: tuple[str, ...]) -> str | None:
    """The one word toks[i] and toks[i + 1], both words, are with marks OCR dropped restored."""
    if i + 1 >= len(toks) or toks[i + 1] not in known or not lexicon.THAI_RUN.fullmatch(toks[i + 1]):
        return None
    span = toks[i] + toks[i + 1]
    if span in known:
        return None
    right = _joined_reading(span, extra)
    return right if right and _between_words(toks, i, i + 2, known) else None


# Asked of every pair of words of every text a build normalizes: worked out once per pair
# and process (bare letters and readings of each pair were most of normalize_text's time).
@functools.lru_cache(maxsize=1 << 16)
def _joined_reading(span: str, extra: tuple[str, ...]) -> str | None:
    """The common word `span`, two dictionary words joined, is with its dropped marks restored."""
    if len(mark_words.bare(span)) < PAIR_LETTERS:
        return None
    right = mark_words.choose(mark_words.readings(span, extra))
    return right if right and mark_words.frequencies().get(right, 0) >= PAIR_MIN_FREQ else None


def _rare_word_reading(toks: list[str], i: int, known: frozenset[str], extra: tuple[str, ...]) -> str | None:
    """The very common word toks[i], a rare dictionary word, is with marks OCR dropped restored."""
    word = toks[i]
    if word in extra or (i > 0 and toks[i - 1] in PERSON_TITLES):  # a name is printed as it is
        return None
    right = _common_reading(word, extra)
    return right if right and _between_words(toks, i, i + 1, known) else None


# Asked of every dictionary word of every text a build normalizes: each word's answer is
# worked out once per process (a quarter of normalize_text's time when it was not).
@functools.lru_cache(maxsize=1 << 16)
def _common_reading(word: str, extra: tuple[str, ...]) -> str | None:
    """The very common word `word` is with its dropped tone marks restored, or None."""
    right = mark_words.choose(mark_words.readings(word, extra))
    if not right or not _only_tone_marks_dropped(word, right):
        return None
    freq = mark_words.frequencies()
    if freq.get(right, 0) < max(RARE_READING_MIN_FREQ, RARE_READING_RATIO * max(1, freq.get(word, 0))):
        return None
    return right


def _only_tone_marks_dropped(printed: str, word: str) -> bool:
    return mark_words.damage(printed, word)[1:] == (0, 0) and all(
        c in thai_tonemarks for c in Counter(word) - Counter(printed))


def _between_words(toks: list[str], a: int, b: int, known: frozenset[str]) -> bool:
    """The pieces beside toks[a:b] are words (or the run ends): a word restored in the
    middle of garbled text is a guess, not a repair."""
    return all(j < 0 or j >= len(toks) or toks[j] in known for j in (a - 1, b))


def _wide_reading(toks: list[str], i: int, known: frozenset[str], extra: tuple[str, ...]):
    """((start, end), the word) of a damaged word the segmenter cut into three or four pieces
    ending at or after the unknown toks[i] (ขับ|เค|ลือ|น: ขับเคลื่อน), with one clear reading;
    None otherwise (an ambiguous wide span leaves the narrower ones to SPANS)."""
    for lo, hi in WIDE_SPANS:
        a, b = i + lo, i + hi
        if a < 0 or b > len(toks) or not all(lexicon.THAI_RUN.fullmatch(t) for t in toks[a:b]):
            continue
        right = mark_words.choose(mark_words.readings("".join(toks[a:b]), extra))
        if right and _between_words(toks, a, b, known):
            return (a, b), right
    return None


def _repair_tokens(toks: list[str], known: frozenset[str], extra: tuple[str, ...]):
    """(tokens with marks restored, [(wrong, right)], [(wrong, readings)] left alone)."""
    toks = list(toks)
    fixed, ambiguous = [], []
    i = 0
    while i < len(toks):
        if not lexicon.THAI_RUN.fullmatch(toks[i]):
            i += 1
            continue
        if toks[i] in known:
            if right := _pair_reading(toks, i, known, extra):
                fixed.append((toks[i] + toks[i + 1], right))
                toks[i:i + 2] = [right]
            elif right := _rare_word_reading(toks, i, known, extra):
                fixed.append((toks[i], right))
                toks[i] = right
            i += 1
            continue
        if found := _wide_reading(toks, i, known, extra):
            (a, b), right = found
            fixed.append(("".join(toks[a:b]), right))
            toks[a:b] = [right]
            i = a + 1
            continue
        for lo, hi in SPANS:
            a, b = i + lo, i + hi
            if a < 0 or b > len(toks):
                continue
            span = "".join(toks[a:b])
            cands = mark_words.all_readings(span, extra)
            if not cands:
                continue
            right = mark_words.choose(cands)
            if right and _between_words(toks, a, b, known):
                fixed.append((span, right))
                toks[a:b] = [right]
                i = a
            elif not right:
                ambiguous.append((span, cands[:4]))
            break
        i += 1
    return toks, fixed, ambiguous


def restore_line(text: str, known: frozenset[str], extra: tuple[str, ...]):
    """(text, [(wrong, right)], [(wrong, readings)]) for one line."""
    out, fixed, ambiguous, pos = [], [], [], 0
    for run in lexicon.THAI_RUN.finditer(text):
        toks, f, amb = _repair_tokens(lexicon.segment(run[0], extra), known, extra)
        out += [text[pos:run.start()], "".join(toks)]
        fixed += f
        ambiguous += amb
        pos = run.end()
    return "".join(out) + text[pos:], fixed, ambiguous


def restore_dropped_marks(lines: list[Line], ctx: Context) -> list[Line]:
    extra = tuple(sorted({*ctx.names, *ctx.known_names}))
    known = lexicon.words(extra)

    def fix(line: Line) -> tuple[Line, bool]:
        text, fixed, _ = restore_line(line.text, known, extra)
        if fixed:
            ctx.record("restore_dropped_marks", line.src, line.text, text,
                       "marks OCR dropped, swapped or read from a speck, set right from the dictionary: "
                       + ", ".join(f"'{w}' -> '{r}'" for w, r in fixed))
        if text == line.text:
            return line, True
        return Line(text, line.src), False

    return per_line("restore_dropped_marks", lines, ctx, fix)


RULES = [restore_dropped_marks]
