"""A cited number whose province office digits lost one digit to OCR (read as a letter or
a sign: `ขก ๐๐๑ฆ่. ๒/ว 409`, `ขก ๐๐๑%.๒/ว 1978`; or dropped: `ขก ๐๐๑.๒/ว 998`), read
with the one office of that province the citation names (`หนังสือจังหวัดขอนแก่น ที่ ...`:
the province's own office, สำนักงานจังหวัด, 0017) whose digits fit the rest.

The names come from corpus/letter_codes.yaml's provincial offices: an office whose name is
the one the title names (สำนักงานพัฒนาชุมชนจังหวัด, 0019) or that body's office (สำนักงาน +
จังหวัด, 0017).  A title naming no such office (a department's letter: กรมการพัฒนาชุมชน),
or two offices fitting, leaves the number as it was: the digit is never guessed.  The
reading is recorded with a number_reading flag for a maintainer to confirm."""
from __future__ import annotations

import re

from build_tools.common.thai import THAI_MARKS, to_arabic_digits, to_thai_digits
from build_tools.ingest.flags import Flag
from build_tools.ingest.number_shape import OFFICE_DIGITS
from build_tools.ingest.numbers import SERIAL_DIGITS, D
from build_tools.normalization import fuzzy

# A code, the office's digits with one read as something else or lost, its sub-unit, the serial.
_HOLED = re.compile(rf"(?P<code>[ก-ฮ]{{2}})\s*(?P<office>{D}{{0,3}}(?:[^\s0-9๐-๙./][{THAI_MARKS}]*)?{D}{{0,3}})"
                    rf"\s*\.\s*(?P<sub>{D})\s*/\s*(?P<wo>ว\s*)?(?P<serial>{D}{{1,{SERIAL_DIGITS}}})(?!{D})")
_LETTER = "หนังสือ"


def filled_office(ref: dict, registry) -> list[Flag]:
    """The citation `ref` (letter.py's: its text, its number as read or None) read with its
    province office's lost digit filled, when the office it names fits (see above); the
    flag that says so, or none."""
    text = ref.get("text") or ""
    m = _HOLED.search(text)
    if m is None or m["code"] not in registry.codes.provinces:
        return []
    read = m["office"]
    digits = re.findall(D, read)
    if len(digits) != OFFICE_DIGITS - 1 or (ref.get("number") and len(read) != OFFICE_DIGITS - 1):
        return []  # (a number read whole is not touched: only one OCR cut short)
    fits = [d for d in registry.codes.provincial_offices if _fits(to_arabic_digits("".join(digits)), read, d)]
    office = _named_office(text[:m.start()], registry)
    named = [d for d in fits if office and registry.codes.provincial_offices[d]["name"]
             in (office.name, "สำนักงาน" + office.name)]
    if len(named) != 1:
        return []
    thai = digits[0] != to_arabic_digits(digits[0])
    number = (f"{m['code']} {to_thai_digits(named[0]) if thai else named[0]}.{m['sub']}/"
              f"{'ว ' if m['wo'] else ''}{m['serial']}")
    printed = re.sub(r"\s+", " ", m.group(0))
    ref["number"] = number
    name = registry.codes.provincial_offices[named[0]]["name"]
    return [Flag("number_reading", f"เลขที่ที่อ้างถึง '{printed}' มีตัวเลขรหัสส่วนราชการที่ OCR อ่านเป็นอักษรหรืออ่านหาย: "
                                   f"อ่านเป็น '{number}' ({name}: ตัวเลขที่เหลือตรงกัน และหนังสือที่อ้างถึงเป็นของ "
                                   f"'{office.name}') ตรวจกับต้นฉบับ", ref.get("line"), suggestion=number, wrong=printed)]


def _fits(digits: str, read: str, office: str) -> bool:
    """The office's digits are those read with one more where OCR put a letter or nothing."""
    hole = next((i for i, c in enumerate(re.sub(f"[{THAI_MARKS}]", "", read)) if not re.match(D, c)), None)
    if hole is not None:
        return office[:hole] + office[hole + 1:] == digits
    return any(office[:i] + office[i + 1:] == digits for i in range(OFFICE_DIGITS))


def _named_office(title: str, registry):
    """The office a citation's title names (`หนังสือจังหวัดขอนแก่น ที่`), or None."""
    title = re.sub(r"\s*ที่?\s*$", "", title.strip())
    n = fuzzy.starts_with(title, _LETTER)
    return registry.office_of_name(title[n:] if n else title) if title else None
