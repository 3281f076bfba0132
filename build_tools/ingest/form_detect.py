"""Which form a letter is printed in (forms.py): by its title (บันทึกข้อความ, คำสั่ง,
ประกาศ), a บันทึกข้อความ whose title OCR spoiled by its ส่วนราชการ, by ถึง where
หนังสือภายนอก prints เรียน, and, when OCR lost that label, by the
foot of a หนังสือประทับตรา (no เรื่อง, no closing; the office's name over a date); a
คำสั่ง's or ประกาศ's whose title OCR spoiled, by the given-date line at its foot."""
from __future__ import annotations

from build_tools.ingest import forms
from build_tools.ingest.date_lines import dated_line
from build_tools.ingest.forms import FORMS, Form, given_date_at, label_at, strip_junk, title_of
from build_tools.ingest.numbers import find_number
from build_tools.ingest.rows import ORG_RE, Row
from build_tools.normalization import fuzzy

TOP_ROWS = 14  # the top block of a letter is never longer than this
FOOT_ROWS = 8  # where a หนังสือประทับตรา's office and date stand, from the end


def detect_form(rows: list[Row]) -> tuple[Form, int | None, str | None]:
    """(form, index of its title row, the office named in the title)."""
    for i, r in enumerate(rows[:8]):
        for seg in r.segs:  # the title may stand after the emblem's debris
            if (t := title_of(seg)) is not None:
                return FORMS[t[0]], i, t[1] or None
    if (unit := _memo_by_its_unit(rows)) is not None:
        return FORMS["memo"], (unit - 1 if unit else None), None
    for r in rows[:TOP_ROWS + 4]:
        seg = strip_junk(r.segs[0])
        if label_at(seg, "subject") is not None or forms.is_closing(seg):
            break
        to = fuzzy.starts_with(forms.without_lone_letter(seg), "ถึง")  # (ถึง, not เรียน: the stamped form's)
        if to is not None and label_at(seg, "addressee") is not None:
            return FORMS["stamped"], None, None
    if _stamped_by_its_foot(rows):
        return FORMS["stamped"], None, None
    if given := _given_by_its_foot(rows):
        return given, None, None
    return FORMS["external"], None, None


def _memo_by_its_unit(rows: list[Row]) -> int | None:
    """The row of a บันทึกข้อความ's ส่วนราชการ when OCR spoiled its title (`โปนทกขอความ`:
    a vowel added before it, บ read as ป): only that form prints the label, at its top,
    before เรื่อง.  The row above it is the title (or the emblem's debris)."""
    for i, r in enumerate(rows[:TOP_ROWS]):
        seg = strip_junk(r.segs[0])
        if label_at(seg, "subject") is not None:
            return None
        if label_at(seg, "unit") is not None:
            return i
    return None


def _given_by_its_foot(rows: list[Row]) -> Form | None:
    """A คำสั่ง or ประกาศ whose title OCR spoiled (`เพชะ: กาศ...`): its foot gives its
    date the way only that form does (`ประกาศ ณ วันที่ ...`, `สั่ง ณ วันที่ ...`)."""
    if any(forms.is_closing(s) for r in rows for s in r.segs):
        return None
    for r in rows[-FOOT_ROWS:]:
        for form in (FORMS["announcement"], FORMS["order"]):
            if any(given_date_at(seg, form) is not None for seg in r.segs):
                return form
    return None


def _stamped_by_its_foot(rows: list[Row]) -> bool:
    """A หนังสือประทับตรา whose ถึง OCR lost: no เรื่อง at the top, no ขอแสดงความนับถือ
    anywhere, a number at its top, and near the foot the office's name with a date line
    under it."""
    if not any(find_number(r.text) for r in rows[:4]):  # ที่ ... stands at its top
        return False
    if any(label_at(r.segs[0], "subject", strict=False) is not None for r in rows[:TOP_ROWS + 4]):
        return False
    if any(forms.is_closing(s) for r in rows for s in r.segs):
        return False
    foot = rows[-FOOT_ROWS:]
    return any(ORG_RE.match(strip_junk(office.text)) and dated_line(under.text)
               for office, under in zip(foot, foot[1:]))

