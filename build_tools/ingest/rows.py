"""The lines of a letter as extraction sees them: cleaned, numbered by their raw line, and
cut into segments where the printed line had a wide gap (ที่ ... on the left, the issuing
office on the right: Tesseract and typists keep that gap as a run of spaces)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from build_tools.ingest.forms import strip_junk
from build_tools.normalization import fuzzy, mark_words

WIDE_GAP = re.compile(r"\s{3,}")
# Words a letter's body begins with (the first paragraph after the header).
BODY_OPENERS = ("ตามที่", "ด้วย", "อนุสนธิ", "เนื่องจาก", "เนื่องด้วย", "ตามหนังสือ", "โดยที่",
                "ในการนี้", "อาศัยอำนาจ", "เพื่อให้", "ตามบันทึก", "ตามคำสั่ง")
# Openers no other word is a letter or a mark away from (ด้วย: ด้าน, เพื่อให้: เพื่อใช้, โดยที่: โดยทั่วไป)
LONG_OPENERS = ("ตามที่", "อนุสนธิ", "เนื่องจาก", "เนื่องด้วย", "ตามหนังสือ", "อาศัยอำนาจ", "ตามบันทึก")
_OPENER_LETTERS = {o: len(mark_words.bare(o)) for o in LONG_OPENERS}  # (letters without marks, counted once)
ADDRESS_RE = re.compile(r"^(ถนน|ถ\.|เลขที่\s|[0-9๐-๙]+\s+ถนน|[0-9๐-๙]+/[0-9๐-๙]+\s)|[0-9๐-๙]{5}\s*$")
ORG_FIRST_WORDS = ("กระทรวง", "กรม", "สำนัก", "สำนักงาน", "กอง", "ฝ่าย", "กลุ่ม", "ศูนย์", "จังหวัด", "ศาลากลาง", "อำเภอ",
                   "ที่ว่าการ", "องค์การ", "องค์กร", "เทศบาล", "สมาคม")  # what an office's name starts with
ORG_RE = re.compile("^(" + "|".join(ORG_FIRST_WORDS) + ")")
# The longer words an office's name starts with, matched through OCR damage (`สานกงาน`).
ORG_WORDS = ("สำนักงาน", "กระทรวง", "ศาลากลาง", "ที่ว่าการ", "องค์การ", "เทศบาล", "สมาคม")


def names_an_office(text: str) -> bool:
    """Does `text` start with an office's name, as printed or as OCR damaged its first word?"""
    return bool(ORG_RE.match(text)) or any(fuzzy.starts_with(text, w) is not None for w in ORG_WORDS)


def clean(text: str) -> str:
    """The small per-line cleanup extraction needs (the full repair chain runs later on
    the document text): composed Unicode, sara am, no OCR emphasis, single spaces."""
    t = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    t = t.replace("**", "").replace("\u200b", "").replace("\f", " ")
    return re.sub(r"\s+", " ", t).strip()


@dataclass
class Row:
    n: int  # raw line number
    text: str  # cleaned, single spaces
    segs: list[str]  # the parts a wide gap separated, cleaned


TABLE_ROW = re.compile(r"^\s*(?:-\s*)?\|")
TABLE_RULE = re.compile(r"^[\s|:+-]*$")


def segments(raw: str) -> list[str]:
    """The parts of a raw line: wide-gap separated, or the cells of an OCR tool's
    Markdown table row (its rules and empty cells are debris)."""
    raw = raw.replace("**", "").strip()
    if TABLE_ROW.match(raw):
        if TABLE_RULE.match(raw):
            return []
        cells = re.sub(r"^\s*(?:-\s*)?\|", "", raw).rstrip("|").split("|")
        return [clean(c) for c in cells if clean(c) and not TABLE_RULE.match(c)]
    return [clean(s) for s in WIDE_GAP.split(raw) if clean(s)]


def speck_apart(seg: str) -> bool:
    """A segment of a few signs or figures, no letter (`องค์การบริหารส่วนตําบล   !    2`): specks."""
    return len(seg) <= 3 and not re.search("[ก-ฮ]", seg)


def make_rows(lines: list[tuple[int, str]]) -> list[Row]:
    rows = []
    for n, raw in lines:
        segs = segments(raw)
        if segs:
            rows.append(Row(n, " ".join(segs), segs))
    return rows


def opens_body(text: str) -> bool:
    """Does the line open the body's first sentence, its opener read right (a space OCR put
    inside it aside) or, a longer one, with a letter misread (`ตวมที่ กรมการพัฒนาชุมชน`)?"""
    t = strip_junk(text)
    if t.startswith(BODY_OPENERS):
        return True
    t = t.replace(" ", "")  # (OCR puts spaces inside words: `ด้ วยจังห วัด`)
    return t.startswith(BODY_OPENERS) or any(_one_letter_off(t[:len(opener)], opener)
                                             or _one_mark_off(t, opener) for opener in LONG_OPENERS)


def _one_mark_off(text: str, word: str) -> bool:
    """`text` starts with `word` (a long opener) with one mark added, dropped or read as
    another (`ต่ามที่`)."""
    head = _letters_head(text, _OPENER_LETTERS[word])
    damage = mark_words.damage(head, word)
    return damage is not None and sum(damage) == 1


def _letters_head(text: str, letters: int) -> str:
    """The start of `text` that holds `letters` letters, with the marks on the last one."""
    count, end = 0, 0
    for i, c in enumerate(text):
        if c not in fuzzy.MARKS:
            if count == letters:
                break
            count += 1
        end = i + 1
    return text[:end]


def _one_letter_off(head: str, word: str) -> bool:
    """`head` is `word` with one letter (not a mark) read as another, its marks all in place."""
    off = [(a, b) for a, b in zip(head, word) if a != b]
    return len(head) == len(word) and len(off) == 1 and not {off[0][0], off[0][1]} & fuzzy.MARKS
