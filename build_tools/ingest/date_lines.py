"""Lines that are a date: the date line under a letter's number, the date under a
หนังสือประทับตรา's seal, a receipt stamp's date whose label was lost.  Shared by the
header and the tail readers."""
from __future__ import annotations

import re

from build_tools.common.thai import THAI_MARKS, to_arabic_digits
from build_tools.ingest.dates import DateReading, month_of, read_dates
from build_tools.normalization import fuzzy

_MONTH_YEAR = re.compile(r"(?P<month>[ก-ฮเแโใไ][^\s\d]{1,12})\s*[.,]?\s*"
                         rf"(?P<year>\d(?:[{THAI_MARKS}]?\d){{3}}|25\d|\d{{2}})(?!\d)")  # (a mark between its
# digits; a Buddhist-era year that lost a digit, `๒๕๘`)
BE_YEAR = re.compile(r"(?:25|๒๕)[0-9๐-๙]{2}(?![0-9๐-๙])")


def date_line(text: str) -> DateReading | None:
    """A line that is a date (and little else: OCR debris, a stray mark)."""
    found = read_dates(text)
    if not found:
        return None
    d = found[0]
    left = re.sub(r"[^ก-๛]", "", text[: d.start] + text[d.end:])
    return d if len(left) <= 3 else None


def month_year_line(text: str) -> bool:
    """A date line whose day is unreadable (`ไซ พฤศจิกายน ๒๕๕๒`): a month, a year and
    little else."""
    arabic = to_arabic_digits(text)
    m = _MONTH_YEAR.search(arabic)
    if m is None or month_of(m["month"]) is None or len(fuzzy.skeleton(m["month"])) < 3:
        return False
    left = re.sub(r"[^ก-ฮ]", "", arabic[: m.start()] + arabic[m.end():])
    return len(left) <= 3


def month_and_year(text: str) -> bool:
    """A month (its name or abbreviation, as OCR read it) and a year after it anywhere in
    the text: a date, or the part of one a line wrapped onto the next (`... ลงวันที่ 2` /
    `-พูุย. 52 -`), however short its letters."""
    arabic = to_arabic_digits(text)
    return any(month_of(m["month"]) is not None for m in _MONTH_YEAR.finditer(arabic))


def year_line(text: str) -> bool:
    """A short line with a Buddhist-era year in it: a date line whatever OCR made of its
    day and month (`8 หฤก 2552`)."""
    m = BE_YEAR.search(text)
    return m is not None and len(re.sub(r"[^ก-ฮ]", "", text[: m.start()] + text[m.end():])) <= 12


def dated_line(text: str) -> bool:
    """A date line, readable or not (a form's date where OCR damaged its day or month)."""
    return bool(date_line(text) or month_year_line(text) or year_line(text)) and "โทร" not in text
