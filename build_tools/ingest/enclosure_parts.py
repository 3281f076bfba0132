"""An enclosure's parts (สิ่งที่ส่งมาด้วย) through OCR damage: its count (จำนวน, a figure, a
unit), also on a segment of its own whose จำนวน OCR spoiled, and its title's end."""
from __future__ import annotations

import re

from pythainlp import thai_tonemarks

from build_tools.common.thai import THAI_MARKS
from build_tools.ingest.forms import COUNT_UNITS
from build_tools.normalization import fuzzy

# จำนวน as OCR reads it (จํานวน, จ้านวน, จำน่วน, จํงนวน, จำนวัน), the figure and its unit, with the
# specks OCR puts between them (จํานวน' ๑ ฉบับ, ๓: ฉบับ, ๑ -แผ่น, ๑ชุด๋, 2 ) ชุด).
COUNT_WORD = re.compile(rf"จ\S{{1,4}}ว[{THAI_MARKS}]{{0,2}}น")  # (marks read between ว and น: จำนวัน, จำนว่น, จำนว่่น)
_SPECKS = r"[\s'\"`“”‘’:;.,|()\-]*"
# (after the unit: specks, one of them maybe read as a letter apart: `ฉบับ-. แ`)
COUNT_RE = re.compile(rf"{COUNT_WORD.pattern}{_SPECKS}([0-9๐-๙]+){_SPECKS}([\u0e01-\u0e4e]*)"
                      r"[^\u0e01-\u0e59]*(?:(?<=\s)[ก-ฮเแโใไ][^\u0e01-\u0e59]*)?$")
TONE_AT_END = re.compile(f"[{thai_tonemarks}]$")
TITLE_END_JUNK = re.compile(r"[\s.,:;'`|_~-]+$")  # (a title may end with a closing quote)
# A count column's segment whose จำนวน OCR spoiled past COUNT_WORD (`จนา 3 แผ่น`, `จำน 3' แผ่น`,
# `ง่านวน 3 แผ่น`, `กรายเ 2 แผ่น`): a few letters, a figure, a word that is a unit; nothing else.
SPOILED_COUNT_LETTERS = 7
_SPOILED_COUNT = re.compile(rf"^[\u0e01-\u0e4e]{{1,{SPOILED_COUNT_LETTERS}}}{_SPECKS}([0-9๐-๙]{{1,3}}){_SPECKS}"
                            r"([\u0e01-\u0e4e]+)[^\u0e01-\u0e59]*$")
# What OCR left after a title: specks and punctuation (`รายชื่อตำบลเป้าหมาย .-`, `... , .”`,
# `- .-: ?`, `/'`), or a mark apart (`...โครงการ ๊`).  Not a letter apart: แบบ ก, แบบ ข are forms' names.
_END_SPECKS = re.compile(r"[\s.,:;'`|/_~\-?!\"“”]+$")
_END_LONE = re.compile(rf"\s+[{THAI_MARKS}]+$")


def split_count(text: str) -> tuple[str, str | None]:
    """(the text before the count, the count as "<figure> <unit>") of an enclosure's text."""
    c = COUNT_RE.search(text)
    if c is None:
        return TITLE_END_JUNK.sub("", text), None
    return TITLE_END_JUNK.sub("", text[: c.start()]).strip(), f"{c.group(1)} {count_unit(c.group(2))}".strip()


UNIT_MAX_COST, UNIT_MARGIN = 1.2, 1.0  # (fuzzy.cost: ซูด -> ชุด 0.6, ซุ่ต์ -> ชุด 1.2; the next unit 3.0)


def count_unit(read: str) -> str:
    """An enclosure's unit as printed (forms.COUNT_UNITS) through OCR damage: a speck read
    as a tone mark after it or as a letter before it (`ซชุด`), or letters and marks
    confused (`ซูด`, `ซุ่ต์` for ชุด) when one unit is that close and no other is."""
    if not read or read in COUNT_UNITS:
        return read
    for unit in (TONE_AT_END.sub("", read), read[1:]):
        if unit in COUNT_UNITS:
            return unit
    (best, unit), (second, _) = sorted((fuzzy.cost(read, u), u) for u in COUNT_UNITS)[:2]
    return unit if best <= UNIT_MAX_COST and second - best >= UNIT_MARGIN else read


def spoiled_count(segment: str) -> str | None:
    """The count ("<figure> <unit>") a segment of the count column is, its จำนวน spoiled
    (see _SPOILED_COUNT), when its last word is a unit; None otherwise."""
    m = _SPOILED_COUNT.match(segment.strip())
    if m is None or (unit := count_unit(m.group(2))) not in COUNT_UNITS:
        return None
    return f"{m.group(1)} {unit}"


# A speck read as a single quote between two Thai letters (`ประชุม'เชิงปฏิบัติการ`): no word has one.
_QUOTE_INSIDE_WORDS = re.compile(r"(?<=[\u0e01-\u0e4e])['`‘’](?=[\u0e01-\u0e4e])")


def tidy_title(title: str) -> str:
    """An enclosure's title without what OCR left after it (see _END_SPECKS) or a speck read
    as a quote inside it: a closing quote stays where the title opened one (`แบบรายงาน
    "สยามเมืองยิ้ม"`)."""
    for _ in range(2):  # (specks, a mark apart, specks again)
        m = _END_SPECKS.search(title)
        if m:
            head = title[:m.start()]
            opened = head.count('"') % 2 == 1 or head.count("“") > head.count("”")
            close = next((q for q in ('"', "”") if q in m.group(0)), "") if opened else ""
            title = head + close
        title = _END_LONE.sub("", title)
    return _QUOTE_INSIDE_WORDS.sub("", title)
