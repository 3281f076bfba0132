"""OCR specks in Thai prose: dust, a staple hole or a seal's edge that Tesseract read as
punctuation Thai prose does not print (`ทราบ. และ`, `.ภายในวันที่`, `ทั่วถึง '|`,
`ดำเนินการ ดังนี้ :`).  Thai ends no sentence with a full stop and uses no apostrophe,
bar or semicolon; a dot belongs to an abbreviation (ป.ป.ส., ธ.ค., กทม.), a number or
an ellipsis, a colon to a time or a label.  Only marks in places none of those can
stand are removed; a Markdown table row and a list marker are left alone."""
from __future__ import annotations

import re

from build_tools.normalization import lexicon
from build_tools.normalization.rules.base import Context, Line, per_line

THAI = "\u0e01-\u0e4e"
# Never in Thai prose: read from specks wherever they touch Thai or a space.
STRAY = "'`‘’|~;"
_STRAY = re.compile(rf"(?<![A-Za-z0-9])[{STRAY}]+(?![A-Za-z0-9])")
# A dot, comma or colon that starts a Thai word or figure (` .ดำเนินงาน`, `.ภายใน`, ` .๒๕๕๓`).
_BEFORE_WORD = re.compile(rf"(?:(?<=\s)|^)[.,:]+(?=[{THAI}๐-๙])")
# A dot, comma or colon alone between spaces, or at the end after a space (` . `, ` :`);
# not after a figure (`1 .` is an item's number).
_ALONE = re.compile(r"(?:(?<=\s)|^)(?<![0-9๐-๙] )[.,:]+(?=\s|$)")
# A dot or comma right after a Thai word, before another word or the end (`ทราบ. และ`):
# when the word is a dictionary word, not an abbreviation (กทม., สอบต., ธ.ค.); a label's
# dot before a figure stays (`โทรสาร. 0-2243-1812`).
_AFTER_THAI = re.compile(rf"(?<=[{THAI}])[.,](?=\s+[{THAI}]|\s*$)")
_THAI_TAIL = re.compile(rf"[{THAI}]+$")
_ELLIPSIS = re.compile(r"\.{2,}|…")
_TABLE_ROW = re.compile(r"^\s*(?:-\s*)?\|")
_LIST_MARKER = re.compile(r"^\s*[-*]\s")
MIN_WORD = 4  # characters of the word before a dot (shorter ones may be abbreviations: กทม.)


def without_specks(text: str, known: frozenset[str] = frozenset()) -> str:
    """`text` without the specks it has (the rest unchanged)."""
    if _TABLE_ROW.match(text) or not re.search(f"[{THAI}]", text):
        return text
    marker = _LIST_MARKER.match(text)
    head, rest = (text[:marker.end()], text[marker.end():]) if marker else ("", text)
    parts = _ELLIPSIS.split(rest)  # an ellipsis stays as printed
    seps = _ELLIPSIS.findall(rest)
    cleaned = [_clean_part(p, known) for p in parts]
    return head + cleaned[0] + "".join(s + p for s, p in zip(seps, cleaned[1:]))


def _clean_part(text: str, known: frozenset[str]) -> str:
    for pattern in (_STRAY, _BEFORE_WORD, _ALONE):
        text = pattern.sub("", text)
    return _AFTER_THAI.sub(lambda m: "" if _word_before(text, m.start(), known) else m[0], text)


def _word_before(text: str, at: int, known: frozenset[str]) -> bool:
    run = _THAI_TAIL.search(text[:at])
    if run is None:
        return False
    last = lexicon.segment(run[0])[-1]
    return len(last) >= MIN_WORD and last in known


def remove_specks(lines: list[Line], ctx: Context) -> list[Line]:
    known = lexicon.words()

    def fix(line: Line) -> tuple[Line, bool]:
        new = without_specks(line.text, known)
        if new == line.text or not new.strip():
            return line, True
        ctx.record("remove_specks", line.src, line.text, new,
                   "OCR specks read as punctuation Thai prose does not print there")
        return Line(new, line.src), False

    return per_line("remove_specks", lines, ctx, fix)


RULES = [remove_specks]
