"""A header row's first segments, put right before the row is read: a label that a wide
gap separated from its value or split inside itself, a speck in the left margin before a
label or a field's line, an item's number that a tab stands apart from its text.
(Tesseract splits a row into segments at wide gaps: layout.py.)"""
from __future__ import annotations

import re

from build_tools.common.thai import THAI_MARKS
from build_tools.ingest.field_lines import COUNT_AT_END, count_column
from build_tools.ingest.forms import LABELS, label_at, label_cut_at, strip_junk
from build_tools.ingest.rows import Row
from build_tools.normalization import fuzzy

OPTIONAL_FIELDS = ("references", "enclosures")  # printed only when the letter cites or encloses something
# A speck in the left margin read as one letter (or figure), apart from a field's row
# (`อ      2. แนวทาง...`, `1      สร้างสรรค์ "สยาม...` under a subject): no field's line.
MARGIN_SPECK = re.compile(r"(?!ณ)[ก-ฮ0-9๐-๙][.:,;'`]?")
# ... or a few specks with no letter among them, read as marks and figures (`๊๖7      ว่าราชการ...`)
MARGIN_SPECKS = re.compile(f"(?=.*[{THAI_MARKS}])[{THAI_MARKS}0-9๐-๙.:,;'`]{{2,3}}")
DIGIT = re.compile("[0-9๐-๙]")
ITEM_APART = re.compile(r"[0-9๐-๙]{1,2}\s*([.)])?")
# A first segment longer than this is no piece of a label a gap split (สิ่งที่ส่งมาด้วย has 16
# characters; OCR may add marks and specks).
LABEL_APART = 20
GOES_ON = ("ลงวันที่", "จำนวน")  # what starts an item's second line


def label_apart(row: Row, header: tuple[str, ...], labelled: list[str], current: str | None) -> Row:
    """One first segment of a row whose label a wide gap separated: from its value
    (`เรื่อง      ขอเชิญ...`) or inside the label itself (`สิ่งที่ส่   ส่งมาด้วย ...`); a row
    whose label a speck in the margin stands before (`0   เรียน ...`) starts at the label.
    `header`: the form's header fields; `labelled`: those with a label; `current`: the field
    being read (None above the labelled fields)."""
    if len(row.segs) < 2:
        return row
    first, second = row.segs[0], row.segs[1]
    if current and MARGIN_SPECK.fullmatch(first) and _opens_a_later_field(second, labelled, current):
        return Row(row.n, row.text, row.segs[1:])  # a speck, not an item: `๕     ที่ส่งมาด้วย     1. ...`
    item = ITEM_APART.fullmatch(first) if current else None
    if item and goes_on(second):
        return Row(row.n, row.text, row.segs[1:])  # a speck read as a figure before a date's or a count's line
    if item and (item[1] or current in OPTIONAL_FIELDS):
        # an item's number a tab stands apart from its text (its dot lost: among the items)
        return Row(row.n, row.text, [f"{first} {second}", *row.segs[2:]])
    if current and (MARGIN_SPECK.fullmatch(first) or MARGIN_SPECKS.fullmatch(first)) \
            and (current == "subject" or not DIGIT.search(first)):
        return Row(row.n, row.text, row.segs[1:])
    if any(label_at(first, f) == "" for f in header):  # (`: `: a label whose end OCR lost
        return Row(row.n, row.text, [f"{first}: {second}", *row.segs[2:]])  # must not take the gap for it)
    if len(first) <= 3 and not re.search("[ก-ฮ]", first) and any(label_at(second, f) for f in labelled):
        return Row(row.n, row.text, row.segs[1:])  # a speck in the margin before a label
    if current and (rest := _enclosure_label_apart(row)) is not None:
        return Row(row.n, row.text, [f"{LABELS['enclosures'][0]} {rest}", *row.segs[2:]])
    if len(first) < LABEL_APART and not any(label_at(first, f, strict=False) is not None for f in header):
        for joined in (first + second, f"{first} {second}"):
            # (the label goes on past the gap: `สิงที่ส่งมาดั     วย 1. ...`, a mark misplaced too)
            if any((rest := label_at(joined, f)) is not None and len(joined) - len(rest) > len(first)
                   for f in labelled):
                return Row(row.n, row.text, [joined, *row.segs[2:]])
    return row


def _enclosure_label_apart(row: Row) -> str | None:
    """สิ่งที่ส่งมาด้วย split by a gap where a stamp covered it, its pieces damaged past the
    strict reading (`สงทสง     าด้วย แบบรายงาน...     จำนวน 1 แผ่น`): read with the slack of a
    label the form expects, when the label spans the gap and the row ends with an
    enclosure's count: the text after the label, else None."""
    first, second = row.segs[0], row.segs[1]
    if len(first) >= LABEL_APART or not (COUNT_AT_END.search(row.segs[-1]) or count_column(row.segs[-1])):
        return None
    joined = f"{first} {second}"
    rest = label_at(joined, "enclosures", strict=False)
    if rest is None or len(joined) - len(rest) <= len(first) + 1 or label_at(first, "enclosures") is not None:
        return None
    return rest


def _opens_a_later_field(seg: str, labelled: list[str], current: str) -> bool:
    """Does `seg` start with the label of a field after `current`, whole or with its first
    letters lost (`ที่ส่งมาด้วย` for สิ่งที่ส่งมาด้วย)?"""
    later = labelled[labelled.index(current) + 1:] if current in labelled else []
    return any(label_at(seg, f) is not None or label_cut_at(seg, f, alone=True) is not None for f in later)


def goes_on(seg: str) -> bool:
    """Does `seg` go on with the item above (its date: ลงวันที่ ...; its count: จำนวน ...)?"""
    t = strip_junk(seg)
    return any(fuzzy.starts_with(t, word) is not None for word in GOES_ON)
