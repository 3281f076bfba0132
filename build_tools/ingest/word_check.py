"""Review checks on ingested text, line by line: words not in PyThaiNLP's dictionary
(with a spelling suggestion), tokens that mix Thai with another script (OCR debris such
as ยอदनียม), and lines that are mostly not words at all (stamps, signatures).

The dictionary, its trie and the segmentation are the normalization chain's
(build_tools.normalization.lexicon), so ingest and `check` agree on what a word is."""
from __future__ import annotations

import functools
import re
import unicodedata

from pythainlp import thai_tonemarks

from build_tools.common.thai import NOT_A_WORD_START
from build_tools.ingest.flags import Flag
from build_tools.normalization import lexicon, mark_words

_THAI_WORD = re.compile(r"^[\u0e01-\u0e4e]+$")
_LETTER = re.compile(r"[^\W\d_]")
_DEPENDENT = re.compile(f"^[{NOT_A_WORD_START}]")  # a token starting with one was cut off its head
# a run of non-Thai letters with the Thai letters stuck to it on either side
_MIXED = re.compile(r"([\u0e01-\u0e4e]{0,2})([^\W\d_\u0e00-\u0e7f]+)([\u0e01-\u0e4e]{0,3})")
MAX_SUGGEST_LEN = 12  # spelling search grows fast with length; longer spans get no hint
# Marks a speck above a word's last letter is read as (`กทม์`, `ยธ่`); a vowel above is
# not one of them (a word cut short ends with one).
SPECK_MARKS = thai_tonemarks + "\u0e4c"  # (thanthakhat)
# A letter code (ขก, มท) is an abbreviation, not a word, where a letter's number follows it
# (`ที่ ขก ๐๐๑๗.๒/ว ๙๓๑`, `สอบต.๐๙๗`); elsewhere the same two letters are checked as text.
_BEFORE_NUMBER = re.compile(r"([\u0e01-\u0e2e]+)\.?\s*[0-9\u0e50-\u0e59]")
GARBLED_RATIO = 0.5
MIN_GARBLED_CHARS = 6


@functools.lru_cache(maxsize=4096)
def suggest(word: str) -> str | None:
    """The likely word: PyThaiNLP's spelling correction, unless restoring dropped marks
    makes a word that is not far rarer (the commonest OCR damage: ดวน -> ด่วน, ถิน ->
    ถิ่น, where the speller deletes or replaces a letter: วน, สิน)."""
    from pythainlp.spell import correct

    if len(word) > MAX_SUGGEST_LEN or len(word) < 2:
        return None
    try:
        best = correct(word)
    except Exception:  # noqa: BLE001 - a suggestion is a hint, never a failure
        best = None
    best = mark_words.preferred(word, best)
    return best if best and best != word else None


def without_speck(word: str, known: frozenset[str] | set[str]) -> str | None:
    """The known word (the dictionary's, a letter code, an agency's abbreviation) that
    `word` is with a speck read as a mark on its last letter (`กทม์` -> กทม, `ยธ์` -> ยธ),
    or None.  Checked before the speller, which reads them as other words (กม, ย่า)."""
    stripped = word.rstrip(SPECK_MARKS)
    return stripped if stripped != word and len(stripped) >= 2 and stripped in known else None


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "?"


def mixed_script(chunk: str) -> bool:
    scripts = {_script(c) for c in chunk if _LETTER.match(c)}
    return "THAI" in scripts and len(scripts) > 1


def _mixed(chunk: str, line: int) -> list[Flag]:
    """Letters of another script glued to Thai (OCR debris such as ยอदनียม)."""
    flags = []
    for m in _MIXED.finditer(chunk):
        if not (m.group(1) or m.group(3)):
            continue  # a foreign word next to Thai punctuation, not debris
        thai_only = m.group(1) + m.group(3)
        flags.append(Flag("mixed_script", f"'{m.group(0)}' มีตัวอักษรภาษาอื่นปนอยู่ในคำภาษาไทย",
                          line, suggestion=suggest(thai_only) or thai_only, wrong=m.group(0)))
    return flags


def _unknown_runs(tokens: list[str], known: list[bool]) -> list[str]:
    """Runs of unknown pieces (with the short known pieces stuck between them), each
    started at a whole word (a piece that cannot begin a word takes the one before)."""
    runs, i = [], 0
    while i < len(tokens):
        if known[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and (not known[j + 1] or
                                       (len(tokens[j + 1]) <= 2 and j + 2 < len(tokens) and not known[j + 2])):
            j += 1
        start = i - 1 if _DEPENDENT.match(tokens[i]) and i > 0 else i
        runs.append("".join(tokens[start:j + 1]))
        i = j + 1
    return runs


def check_line(text: str, line: int, vocabulary: tuple[str, ...] = (),
               codes: frozenset[str] = frozenset()) -> list[Flag]:
    """Mixed-script debris and unknown words of one line; a line that is mostly not words
    is one 'garbled' flag instead of many unknown words.  `codes`: the letter codes
    (corpus/letter_codes.yaml), known words for suggestions only (as words, two-letter
    codes would cut the text differently: นม, ขก)."""
    flags: list[Flag] = []
    words = lexicon.words(tuple(vocabulary))
    cited_codes = codes_before_numbers(text, codes)
    unknown_chars = thai_chars = 0
    line_flags: list[Flag] = []
    for chunk in text.split():
        if mixed_script(chunk):
            flags += _mixed(chunk, line)
            continue
        tokens = lexicon.segment(chunk, tuple(vocabulary))  # chunk has no whitespace
        known = [not _THAI_WORD.match(t) or t in words or t in cited_codes for t in tokens]
        thai = [(t, ok) for t, ok in zip(tokens, known) if _THAI_WORD.match(t)]
        thai_chars += sum(len(t) for t, _ in thai)
        unknown_chars += sum(len(t) for t, ok in thai if not ok)
        line_flags += [Flag("unknown_word", f"'{w}' ไม่พบในพจนานุกรม", line,
                            suggestion=without_speck(w, words) or without_speck(w, codes) or suggest(w), wrong=w)
                       for w in _unknown_runs(tokens, known) if len(w) >= 2]
    if _garbled(thai_chars, unknown_chars):
        return flags + [Flag("garbled", "บรรทัดนี้แทบไม่มีคำที่อ่านได้ "
                                        "(อาจเป็นตราประทับ ลายเซ็น หรือ OCR ผิดทั้งบรรทัด)",
                             line, wrong=text.strip())]
    return flags + _once_each(line_flags)


def codes_before_numbers(text: str, codes: frozenset[str]) -> frozenset[str]:
    """The letter codes of `text` that stand before a number: words there, not OCR damage."""
    return frozenset(m[1] for m in _BEFORE_NUMBER.finditer(text) if m[1] in codes)


def _once_each(flags: list[Flag]) -> list[Flag]:
    """A word unknown twice on a line is flagged once (the two flags would share an id)."""
    seen: set[str] = set()
    return [f for f in flags if not (f.wrong in seen or seen.add(f.wrong))]


def _garbled(thai_chars: int, unknown_chars: int) -> bool:
    return thai_chars >= MIN_GARBLED_CHARS and unknown_chars / thai_chars > GARBLED_RATIO


def mostly_not_words(text: str) -> bool:
    """Is the line mostly not words (a stamp's or a signature's debris read as letters),
    as check_line's 'garbled' flag says?"""
    words = lexicon.words(())
    thai = [t for chunk in text.split() if not mixed_script(chunk)
            for t in lexicon.segment(chunk, ()) if _THAI_WORD.match(t)]
    return _garbled(sum(map(len, thai)), sum(len(t) for t in thai if t not in words))


def check_lines(lines: list[tuple[int, str]], skip: set[int] = frozenset(),
                vocabulary: tuple[str, ...] = (), codes: frozenset[str] = frozenset()) -> list[Flag]:
    flags = []
    for n, t in lines:
        if n in skip or not t.strip():
            continue
        flags.extend(check_line(t, n, vocabulary, codes))
    return flags
