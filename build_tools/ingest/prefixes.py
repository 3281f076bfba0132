"""Is a letter number's office part (มท ๐๔๑๐, ขก ๐๐๑๗) one the data knows, and if not,
which known one did OCR most likely misread?

Known office digits are those the data vouches for: a confirmed office of a ministry in
corpus/letter_codes.yaml (`verified: true`, e.g. มท 04.. for กรมการพัฒนาชุมชน), the office
digits of a province's offices (0017, 0023: any province code), and the prefixes of the
letters already in the corpus (a citing or cited letter).  A number whose office digits
are not known but become known by changing digits Tesseract confuses (checks.CONFUSED_DIGITS,
at most two) is implausible: it is flagged with the number read that way as the
suggestion, when exactly one known office fits at the lowest cost.  An office of five
digits under a code whose offices have four (a province's: 00 and two; a ministry's whose
letters in the data have four) has one digit too many: a speck read as a digit
(`นม 00235.4`, `มท ๐๐๘๑๐.๓`) when its sub-unit follows, its sub-unit's dot lost
(`มท ๐๔๐๔๗`) when none does; the reading without that digit, or with the dot, is
suggested when it is known and the only one.  A prefix that is simply unknown (a
district's office, an office the data does not list) is not flagged: an unknown prefix
is not a wrong one, and the serial is never guessed."""
from __future__ import annotations

import re

from build_tools.common.thai import to_arabic_digits, to_thai_digits
from build_tools.ingest.checks import confusion_cost, variants
from build_tools.ingest.flags import Flag
from build_tools.ingest.number_shape import OFFICE_DIGITS
from build_tools.ingest.numbers import SERIAL_DIGITS, WO_READ, D, Number, find_number

MAX_CHANGES = 2


def known_offices(registry) -> set[str]:
    """'มท 04' / 'มท 0810' (a ministry's office, by code) and '* 0017' (a province's office
    digits, under any province code)."""
    codes = registry.codes
    out = {k for k, e in codes.offices.items() if " " in k and e.get("verified")}
    out |= {f"* {d}" for d in codes.provincial_offices}
    out |= {p for p in registry.learned if " " in p}
    return out


def is_known(code: str, digits: str, known: set[str], provinces: dict[str, str]) -> bool:
    """The office digits (Arabic, the first group: '0410') under the code are known."""
    if code in provinces and f"* {digits}" in known:
        return True
    return any(p.startswith(f"{code} ") and digits.startswith(p.split(" ", 1)[1]) for p in known)


def known_length(code: str, digits: str, registry) -> int:
    """How many of the office digits (Arabic: '0404') under the code the data vouches for:
    4 for a province's office (0017) or a corpus letter's prefix (มท 0404), 2 for a
    ministry's department (มท 04..), 0 when none."""
    known, provinces = known_offices(registry), registry.codes.provinces
    lengths = [len(digits)] if code in provinces and f"* {digits}" in known else []
    heads = [p.split(" ", 1)[1] for p in known if p.startswith(f"{code} ")]
    lengths += [len(h) for h in heads if digits.startswith(h)]
    return max(lengths, default=0)


def likely_office(num: Number, registry, agency: str | None = None) -> str | None:
    """The office digits (as printed: Thai or Arabic) OCR most likely misread, or None when
    the number's own are known, unknown with no known reading near, or ambiguous.
    `agency`: the office the letterhead (or a citation's words) names; under a province's
    code only that agency's offices are readings then, those the data vouches for first
    (`ขก ๐๐๑๕` under ศาลากลางจังหวัด: 0017, not 0019 nor the inferred 0018)."""
    if num.kind != "government" or not num.code:
        return None
    known, provinces = known_offices(registry), registry.codes.provinces
    printed = (num.office or "").split(".")[0]
    if len(printed) == OFFICE_DIGITS + 1 and _four_digit_code(num.code, registry):
        return _one_digit_too_many(num, printed, known, provinces)
    if is_known(num.code, to_arabic_digits(printed), known, provinces):
        return None
    readings = [v for v in set(variants(printed, MAX_CHANGES))
                if is_known(num.code, to_arabic_digits(v), known, provinces)]
    named = _named_offices(num.code, agency, registry)
    if named:
        costs = sorted(((not named[d], reading_cost(printed, v)), v) for v in readings
                       if (d := to_arabic_digits(v)) in named)
    else:
        costs = sorted((reading_cost(printed, v), v) for v in readings)
    if not costs or (len(costs) > 1 and costs[1][0] == costs[0][0]):
        return None
    return costs[0][1]


def _named_offices(code: str, agency: str | None, registry) -> dict[str, bool]:
    """A province's offices (their digits: vouched for or not) that are `agency`'s."""
    if not agency or code not in registry.codes.provinces:
        return {}
    offices = registry.codes.provincial_offices
    return {d: bool(e.get("verified")) for d, e in offices.items() if e.get("agency") == agency}


def _four_digit_code(code: str, registry) -> bool:
    """The code's offices have four digits: a province's, or a ministry's whose letters
    in the data (number_prefixes.yaml, the corpus) all carry four."""
    if code in registry.codes.provinces:
        return True
    lengths = {len(p.split(" ", 1)[1]) for p in registry.learned if p.startswith(f"{code} ")}
    return lengths == {OFFICE_DIGITS}


def _one_digit_too_many(num: Number, printed: str, known: set[str], provinces: dict[str, str]) -> str | None:
    """The known four-digit office a five-digit reading stood for (see the module's
    docstring), as printed with its sub-unit: `๐๘๑๐`, `๐๔๐๔.๗`; None when none or two fit."""
    if "." not in (num.office or ""):
        head = printed[:OFFICE_DIGITS]
        return f"{head}.{printed[OFFICE_DIGITS:]}" if is_known(num.code, to_arabic_digits(head), known, provinces) \
            else None
    fits = {v for v in (printed[:i] + printed[i + 1:] for i in range(len(printed)))
            if is_known(num.code, to_arabic_digits(v), known, provinces)}
    return fits.pop() if len(fits) == 1 else None


def reading_cost(read: str, printed: str) -> float:
    return sum(confusion_cost(a, b) for a, b in zip(read, printed))


def check_prefix(number: str | Number | None, registry, line: int | None, agency: str | None = None) -> list[Flag]:
    """A number whose office digits are implausible, flagged with the likely reading
    (`agency`: the office the letterhead or the citation names, see likely_office)."""
    num = find_number(number, ("government",)) if isinstance(number, str) else number
    if num is None:
        return []
    office = likely_office(num, registry, agency)
    if office is None:
        return []
    printed = (num.office or "").split(".")[0]
    thai = printed != to_arabic_digits(printed)
    office = to_thai_digits(to_arabic_digits(office)) if thai else to_arabic_digits(office)
    text = number if isinstance(number, str) else num.printed
    suggestion = num.printed.replace(printed, office, 1)
    shown = office.split(".")[0]
    lost = "อ่านจุดหน้าเลขหน่วยย่อยหาย" if "." in office else "อ่านเศษเป็นตัวเลข"
    why = (f"มี {len(printed)} หลัก (รหัสของ '{num.code}' มี {OFFICE_DIGITS} หลัก): OCR อาจ{lost}"
           if len(printed) > OFFICE_DIGITS else "ไม่มีในข้อมูลรหัส (corpus/letter_codes.yaml และหนังสือในคลัง)")
    how = "" if len(printed) > OFFICE_DIGITS else ": OCR มักอ่านตัวเลขเหล่านี้สลับกัน"
    return [Flag("number_check", f"รหัสส่วนราชการ '{num.code} {printed}' ในเลขที่ '{text}' {why} แต่ "
                                 f"'{num.code} {shown}' มี{how} ตรวจกับต้นฉบับ", line,
                 suggestion=suggestion, wrong=text)]


# What is left of a number whose code and first office digits OCR lost (`ซิ10.5/1426`,
# `'08 810. 3/2234`): the office's last digits, its sub-unit, the serial (its ว perhaps read as a bracket).
_HEADLESS_PARTS = re.compile(rf"({D}{{2,4}})\s*[.,:]\s*({D})\s*/\s*({WO_READ})?\s*\.?\s*"
                             rf"({D}{{1,{SERIAL_DIGITS}}})(?!{D})")


def headless_reading(unread: str, offices: list[str]) -> str | None:
    """The number a headless one stood for: its office digits the one four-digit office of
    the letterhead's agency (`offices`: 'มท 0810') whose digits they end with; None when no
    office or two fit, or its parts are not there."""
    m = _HEADLESS_PARTS.search(unread)
    if m is None:
        return None
    tail, sub, circular, serial = m.groups()
    fits = {o for o in offices if len(o.split(" ")[-1]) == OFFICE_DIGITS
            and o.split(" ")[-1].endswith(to_arabic_digits(tail))}
    if len(fits) != 1:
        return None
    code, office = fits.pop().split(" ")
    thai = tail != to_arabic_digits(tail)
    office = to_thai_digits(office) if thai else office
    return f"{code} {office}.{sub}/{'ว ' if circular else ''}{serial}"


def coded_reading(unread: str, codes: list[str]) -> str | None:
    """The number whose code alone OCR spoiled (`ย์ๆ ๐๖๐๔.๔/ว ๘๑๐`), its office's four digits
    read: the letterhead's agency's code before them, when the data gives it one code and
    no digits (`codes`: 'ยธ' for ONCB); None otherwise.  Three digits that start the text
    (nothing of the code left before them) are the last three: the margin cut the code and
    the first digit, a ministry's or province's 0 (`604.5/ว 4107` under ป.ป.ส.'s letterhead:
    ยธ 0604.5/ว 4107); after a spoiled code, three digits lost one anywhere (`ย์ๆ ๐๖๔.๔`)."""
    m = _HEADLESS_PARTS.search(unread)
    if m is None or len(codes) != 1 or re.search(rf"{D}$", unread[:m.start()]):
        return None
    office, sub, circular, serial = m.groups()
    margin_cut = len(office) == OFFICE_DIGITS - 1 and not unread[:m.start()].strip()
    if len(office) != OFFICE_DIGITS and not margin_cut:
        return None
    if margin_cut:
        office = ("0" if office == to_arabic_digits(office) else "๐") + office
    return f"{codes[0]} {office}.{sub}/{'ว ' if circular else ''}{serial}"
