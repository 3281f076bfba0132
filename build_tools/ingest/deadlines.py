"""A deadline the body sets (ภายในวันที่ ...) against the letter's own date: a letter cannot
ask for something done before it was written, so one of the two dates is misread."""
from __future__ import annotations

import datetime as dt
import re

from build_tools.common.thaidate import MONTHS_ABBR, MONTHS_FULL
from build_tools.ingest.checks import likely_date, shortly_before
from build_tools.ingest.dates import first_date
from build_tools.ingest.flags import Flag
from build_tools.normalization.mark_words import bare

DEADLINE = re.compile(r"ภายใน\s*(?:วัน\s*ที่?)?\s*")  # ภายในวันที่ (ที่ often loses its mark)
DEADLINE_REACH = 40  # characters after ภายในวันที่ where its date stands


def check_deadline(date_iso: str | None, date_be: str | None, line: int | None,
                   body: list[tuple[int, str]]) -> list[Flag]:
    """A deadline the body sets (ภายในวันที่ ...) that falls before the letter's own date: one
    of the two is misread.  Flagged on the letter's date, with the one reading of it (its
    digits changed by OCR confusions) that falls before the deadline, if exactly one does."""
    if not date_iso:
        return []
    text = " ".join(t for _, t in body)
    for m in DEADLINE.finditer(text):
        d = first_date(text[m.end():m.end() + DEADLINE_REACH])
        if d is None or d.iso is None or d.start > 2:
            continue
        if d.iso < date_iso and not _month_may_be_later(d, date_iso):
            return [Flag("date_check", f"เนื้อความกำหนดให้ดำเนินการภายในวันที่ {d.stored} ซึ่งอยู่ก่อนวันที่หนังสือ "
                                       f"({date_be}): วันที่หนึ่งในสองอ่านผิด ตรวจกับต้นฉบับ", line,
                         suggestion=likely_date(date_be, shortly_before(dt.date.fromisoformat(d.iso))),
                         wrong=date_be)]
        return []
    return []


def _month_may_be_later(d, date_iso: str) -> bool:
    """The deadline's month is one whose name OCR may have read without its marks (มี.ค.
    read as ม.ค.), and read with them the deadline falls on or after `date_iso`: the
    deadline may be the misread date as much as the letter's."""
    when = dt.date.fromisoformat(d.iso)
    read = bare(d.stored.split(" ")[1])  # OCR drops a month's marks (มี.ค. -> ม.ค.)
    for i, name in enumerate(MONTHS_ABBR + MONTHS_FULL):
        month = i % 12 + 1
        if month != when.month and bare(name) == read:
            try:
                if when.replace(month=month).isoformat() >= date_iso:
                    return True
            except ValueError:  # no such day in that month
                continue
    return False
