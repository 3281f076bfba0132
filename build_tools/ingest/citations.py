"""A letter checked against the letters that cite it: a follow-up letter's อ้างถึง gives the
number and date of the letter it answers, printed (and scanned) apart from that letter.

A letter whose number is one a letter of the corpus cites, but whose date is not the date
that citation gives, is flagged with the citation's date as the suggestion.  A letter
whose number is no cited one but becomes one by changing digits OCR confuses
(checks.CONFUSED_DIGITS), with a date that agrees (the same date, or the same month and
year with the day's digits confused), is flagged with the cited number (and date, when
they differ) as the suggestion, when exactly one citation fits.  The citation is a
reading too: nothing is changed, the maintainer checks the scan."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from build_tools.common.letter_numbers import canonical
from build_tools.common.thai import to_arabic_digits, to_thai_digits
from build_tools.common.thaidate import format_thai_date
from build_tools.ingest.checks import digit_swap
from build_tools.ingest.dates import first_date
from build_tools.ingest.flags import Flag

_THAI = re.compile("[๐-๙]")


@dataclass(frozen=True)
class Citation:
    """A letter as another letter cites it."""
    number: str
    date: str | None  # ISO
    by: str  # the citing document's id


def citations_of(documents) -> list[Citation]:
    """Every letter the documents cite by number (their front matter's references)."""
    out = []
    for doc in documents:
        for ref in doc.get("references") or []:
            if not ref.get("number"):
                continue
            when = first_date(str(ref.get("date_be") or ""))
            out.append(Citation(str(ref["number"]), when.iso if when else None, doc.id))
    return out


def _day_swapped(date: str | None, cited: str | None) -> bool:
    """No date on either side, the same date, or the same month with the day's digits confused."""
    if not date or not cited or date == cited:
        return True
    return date[:8] == cited[:8] and digit_swap(date[8:], cited[8:])


def _in_script(text: str, like: str) -> str:
    """`text`'s digits in the script `like` is printed in."""
    return to_thai_digits(text) if _THAI.search(like) else to_arabic_digits(text)


def _date_flag(c: Citation, date_be: str | None, line: int | None) -> Flag:
    right = format_thai_date(dt.date.fromisoformat(c.date), thai_digits=bool(_THAI.search(date_be or "")))
    return Flag("date_check", f"หนังสือ {c.by} อ้างถึงหนังสือที่ {c.number} ว่าลงวันที่ {right} แต่หนังสือนี้อ่านได้ "
                              f"'{date_be}': ตรวจวันที่กับต้นฉบับ", line, suggestion=right, wrong=date_be)


def check_citations(number: str | None, date: str | None, date_be: str | None, lines: tuple[int | None, int | None],
                    citations: list[Citation]) -> list[Flag]:
    """Flags for a letter (`number`, ISO `date`) that disagrees with a letter citing it.
    `lines`: the number's line and the date's."""
    if not number:
        return []
    same = [c for c in citations if canonical(c.number) == canonical(number)]
    if same:
        c = same[0]
        return [_date_flag(c, date_be, lines[1])] if c.date and date and c.date != date else []
    fits = {c.number: c for c in citations if digit_swap(canonical(number), canonical(c.number))
            and _day_swapped(date, c.date)}
    if len(fits) != 1:
        return []
    c = next(iter(fits.values()))
    right = _in_script(c.number, number)
    flags = [Flag("number_check", f"เลขที่ '{number}' ต่างจากเลขที่ '{c.number}' ที่หนังสือ {c.by} อ้างถึง "
                                  "เฉพาะตัวเลขที่ OCR มักอ่านสลับกัน: ตรวจกับต้นฉบับ", lines[0],
                  suggestion=right, wrong=number)]
    if c.date and date and c.date != date:
        flags.append(_date_flag(c, date_be, lines[1]))
    return flags
