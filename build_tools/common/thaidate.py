"""Thai official dates: Buddhist-era years, Thai month names (full or abbreviated),
Thai or Arabic digits.  ๖ สิงหาคม ๒๕๕๒ -> 2009-08-06."""
from __future__ import annotations

import datetime as dt
import re

from build_tools.common.thai import to_arabic_digits, to_thai_digits

BE_OFFSET = 543
# Years a letter of this archive can carry (Buddhist era): a year outside is an OCR or typing error.
BE_YEARS = (2400, 2699)

MONTHS_FULL = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
]
MONTHS_ABBR = [
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
]

def _month_number(name: str) -> int | None:
    name = name.replace(" ", "")
    for i, (full, abbr) in enumerate(zip(MONTHS_FULL, MONTHS_ABBR), start=1):
        if name == full or name == abbr or name == abbr.rstrip("."):
            return i
    return None


_MONTH_ALT = "|".join(
    sorted((re.escape(m) for m in MONTHS_FULL + MONTHS_ABBR), key=len, reverse=True)
)
DATE_RE = re.compile(
    rf"(?P<day>[0-9๐-๙]{{1,2}})\s*(?P<month>{_MONTH_ALT})\s*(?:พ\.\s?ศ\.\s*)?(?P<year>[0-9๐-๙]{{4}})"
)


def parse_thai_date(text: str) -> dt.date:
    """Parse the first Thai date in `text`; raise ValueError if there is none or it is invalid."""
    m = DATE_RE.search(text)
    if not m:
        raise ValueError(f"no Thai date (day, Thai month, Buddhist-era year) in {text!r}")
    day = int(to_arabic_digits(m["day"]))
    month = _month_number(m["month"])
    year_be = int(to_arabic_digits(m["year"]))
    if not BE_YEARS[0] <= year_be <= BE_YEARS[1]:
        raise ValueError(f"year {year_be} is not a plausible Buddhist-era year "
                         f"(expected {BE_YEARS[0]}-{BE_YEARS[1]})")
    return dt.date(year_be - BE_OFFSET, month, day)


def format_thai_date(date: dt.date, thai_digits: bool = True) -> str:
    """2009-08-06 -> '๖ สิงหาคม ๒๕๕๒' (the form official letters use)."""
    text = f"{date.day} {MONTHS_FULL[date.month - 1]} {date.year + BE_OFFSET}"
    return to_thai_digits(text) if thai_digits else text
