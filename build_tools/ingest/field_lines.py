"""What a line of a letter's header is, whatever field it stands in: the labels it starts
with, an item's number (also as OCR reads it), a citation (it names a letter: its number
or its date), an enclosure's count, a separator, a speck on a line of its own."""
from __future__ import annotations

import re

from build_tools.common.thai import THAI_MARKS
from build_tools.ingest.date_lines import month_and_year
from build_tools.ingest.dates import days_and_months, read_dates
from build_tools.ingest.forms import COUNT_UNITS, label_at, label_cut_at, strip_junk
from build_tools.ingest.numbers import find_number
from build_tools.ingest.rows import Row
from build_tools.normalization import fuzzy

# (a comma, a !, a colon, a quote are an OCR-read dot; items count from 1: a 0 is a speck,
# `0  .ลงรันที่ 20 ...`)
ITEM_RE = re.compile(r"^\(?([1-9๑-๙][0-9๐-๙]?)\s*[.,)!:'`|]\s*")
ITEM_NO_DOT = re.compile(r"^[1-9๑-๙]\s+[ก-ฮเแโใไ]")  # an item number whose dot was lost
# An enclosure's count at the end of its line (จำนวน as OCR damages it: จ้านวน, จํานวน, and a mark
# read between ว and น: จำนวัน, as enclosure_parts.COUNT_WORD reads it).
COUNT_AT_END = re.compile(rf"นว[{THAI_MARKS}]{{0,2}}น\S{{0,2}}\s*[0-9๐-๙]+\s*(?:{'|'.join(COUNT_UNITS)})"
                          r"[^\u0e01-\u0e4e]*$")
CITES = re.compile(r"^(หนังสือ|บันทึก|คำสั่ง|ประกาศ|ระเบียบ)")  # what a citation begins with
# A citation's line that ends with ลงวันที่ (as OCR damages it): its date is on the next line.
DATE_TO_FOLLOW = re.compile(r"ลง\s*วัน\s*ที[\u0e48\u0e49]?[\s.,:;'\"“”]*$")
CITED_ABOVE = "หนังสือที่อ้างถึง"  # "the letter cited": a body's words, not a citation
# What OCR left of an item's number before a citation (`1 ๒1:หนังสือ...`, `. 2 หนังสือ...`):
# digits, specks and spaces, no letter.
_ITEM_DEBRIS = re.compile(rf"^[^ก-ฮเแโใไ]{{1,8}}(?={CITES.pattern.lstrip('^')})")
# A speck read as one letter before the number, or the number read as a letter (`ว2.หนังสือ`, `ว หนังสือ`).
_LETTER_ITEM = re.compile(rf"^[ก-ฮ](?:[^ก-ฮเแโใไ\s]{{1,3}}\s*|\s+)(?={CITES.pattern.lstrip('^')})")


def after_item_debris(text: str) -> str:
    """A citation's text without what OCR left of its item number before it: debris, or
    one letter OCR read the number as (`ว หนังสือ... ที่ มท ...` for `๒. หนังสือ...`) when
    what follows names a letter (a body's line may start with a lone letter too)."""
    cut = _ITEM_DEBRIS.sub("", text)
    if cut == text and (m := _LETTER_ITEM.match(text)) and cites_a_letter(text[m.end():]):
        return text[m.end():]
    return cut


def cites_a_letter(text: str) -> bool:
    """Does `text` name a letter: its number or its date (its day and month at least: a
    citation's year OCR spoiled past reading, `ลงวันที่ 20 สิงหาคม: 255212`)?"""
    return bool(find_number(text, ("government", "abbreviation")) or read_dates(text) or days_and_months(text))


# A row this short (letters, marks and digits), between fields, is no body's first line: that
# line opens a paragraph set to the page's full measure (40 characters and more).
FEW_LETTERS = 15
SCATTERED = 4  # this many words, none longer than a speck, are specks across the line


def is_debris(row: Row, among_fields: bool = False) -> bool:
    """A speck or a mark read as a line of its own, or specks scattered across the line
    (`2 2 0     |    . 00`): no word, and no piece longer than a speck.  `among_fields`:
    between labelled fields, where no field starts as a few short pieces (above them a
    speed class cut at the margin does: `วน    "    .`)."""
    if month_and_year(row.text):
        return False  # (a date's month and year: `พ.ย. 52`, a citation's date wrapped)
    pieces = [_word_chars(t) for t in row.text.split()]
    if among_fields and len(pieces) >= SCATTERED and max(pieces) <= 3:
        return True  # (a letter or two among them is a speck read as one: `ส  '=  ว  %๑“|  ฉ-`)
    if among_fields and len(row.segs) >= 2 and all(_word_chars(s) <= 2 for s in row.segs):
        return True  # pieces of two letters at most, far apart: specks (`ฆฑ      ๐`), no field's words
    letters = re.sub(r"[^ก-ฮ]", "", row.text)
    if len(letters) >= 2:
        return False
    return _word_chars(row.text) <= 3 or all(_word_chars(s) <= 3 for s in row.segs)


def figures_before_item(segs: list[str], k: int) -> bool:
    """Is segment k figures and specks alone, an item apart after it (`2090      ๒: รายชื่อ...`)?"""
    return k == 0 and len(segs) > 1 and not re.search("[ก-ฮ]", segs[0]) and bool(ITEM_RE.match(strip_junk(segs[1])))


def few_letters(row: Row) -> bool:
    """A row of a few short pieces (`ซันว`, `จ้าเอ ชลซี2      0`): a stamp's handwriting read as
    a word or two, never a line of a letter's body, which opens with a sentence."""
    return _word_chars(row.text) <= FEW_LETTERS


def _word_chars(text: str) -> int:
    """How many of the text's characters are letters, marks or digits (not specks)."""
    return len(re.sub(r"\W", "", text))


def count_column(seg: str) -> bool:
    """An enclosure's count in its own column: จำนวน 3 ชุด, 2 แผ่น."""
    t = strip_junk(seg)
    if re.match(rf"[0-9๐-๙]+\s*({'|'.join(COUNT_UNITS)})", t):
        return True
    return fuzzy.starts_with(re.sub(r"^[^ก-ฮ]{1,4}", "", t), "จำนวน") is not None  # after specks: `0 .จำนวน 3 ชุด`


def is_separator(text: str) -> bool:
    return bool(re.fullmatch(r"[-_=.~–—\s]{4,}", text))


def labels_at(seg: str, fields):
    """(field, the text after its label) for each of `fields` whose label `seg` starts with,
    whole (through OCR damage) or cut by the left margin."""
    for f in fields:
        rest = label_at(seg, f, strict=False)
        rest = label_cut_at(seg, f) if rest is None else rest
        if rest is not None:
            yield f, rest
