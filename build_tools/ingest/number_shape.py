"""What a letter number's shape alone says about its reading, no data needed: a `/` or ว
OCR misread or lost, a speck inside it, a serial too long for one, an office's digit lost,
digits of the other kind among a part's.  Each check flags the reading for a maintainer to
confirm, with the reading it most likely stood for when the shape tells it (checks.py adds
what the data and the letter's dates tell)."""
from __future__ import annotations

import re

from build_tools.common.thai import THAI_MARKS, to_arabic_digits, to_thai_digits
from build_tools.ingest.flags import Flag
from build_tools.ingest.numbers import SERIAL_DIGITS, Number, merged_sub_unit

OFFICE_DIGITS = 4  # a ministry's two and its department's two; a province's 00 and its office's two


def shape_flags(num: Number, line: int | None) -> list[Flag]:
    """Every flag this module's checks raise on `num`."""
    return (number_reading(num, line) + three_and_slash(num, line) + cut_serial(num, line) + _long_serial(num, line)
            + _yearly_serial(num, line) + _short_office(num, line) + _mixed_digits(num, line))


def cut_serial(num: Number | None, line: int | None) -> list[Flag]:
    """A serial that specks cut (`/ว ๒๑>»๑` read as `/ว ๒๑`): digits follow the speck, so the
    serial is longer than read, and which digit the speck stood for only the scan tells."""
    if num is None or not num.cut:
        return []
    return [Flag("number_check", f"เลขลำดับ '{num.serial}' ในเลขที่ '{num.printed}' มีเศษ '{num.cut}' ต่อท้าย: "
                                 "เลขลำดับอาจยาวกว่าที่อ่านได้ (OCR อ่านตัวเลขบางตัวเป็นเศษ) ตรวจกับต้นฉบับ", line,
                 wrong=num.printed)]


# A sub-unit read as ๗ right before ว with no `/` between: ๗ is a ๓ with a rising stroke, the
# stroke a `/` touching it makes (`มท ๐๔๑๐.๗ว 199` for ๐๔๑๐.๓/ว: seeds 39, 41, 42 and 44, in
# Garuda); a ๗ whose `/` OCR lost altogether reads the same.
_THREE_AND_SLASH = re.compile(r"[.,]\s*๗\s*ว")


def three_and_slash(num: Number | None, line: int | None) -> list[Flag]:
    """A government number read `.๗ว` (see above): kept as read, the reading with the
    sub-unit ๓ suggested."""
    if num is None or num.kind != "government" or num.slash or not _THREE_AND_SLASH.search(num.read_as or ""):
        return []
    office = num.office or ""
    reading = num.printed.replace(f"{office}/", f"{office[:-1]}๓/", 1)
    return [Flag("number_check", f"เลขที่ '{num.read_as}' อ่านเป็น '{num.printed}' แต่เลข ๗ หน้า ว ที่ไม่มีเครื่องหมาย / "
                                 f"อาจเป็นเลข ๓ กับ / ที่ OCR อ่านรวมเป็นตัวเดียว ('{reading}') ตรวจกับต้นฉบับ", line,
                 suggestion=reading, wrong=num.printed)]


def number_reading(num: Number | None, line: int | None) -> list[Flag]:
    """A number read through a misread `/` or ว (`0019. 27ว 506`, `/) ๓๔๒๑`, `47ย2553`, `.//ว`), a speck
    inside it (`ยธ-๐๖๐๔`, `/ว-๕๑๓๕`, a digit glued to ว: `/ว2 1416`), an abbreviation's lost dot (`สอบต 069/2553`), or a
    sub-unit 1 and its `/` read as บ (`0810.บ1534`): the reading is stored, flagged for a
    maintainer to confirm on the scan."""
    if num is None or not num.read_as:
        return []
    merged = merged_sub_unit(num.read_as)
    if merged and merged[0].startswith("/"):
        why = "เลข ๑ หน้าเครื่องหมาย / ที่ OCR อ่านเป็น / อีกตัว"
    elif merged:
        why = f"เลข {to_thai_digits(merged[1])} กับเครื่องหมาย / ที่ OCR อ่านรวมเป็นตัว {merged[0]}"
    elif re.search(r"ว[0-9๐-๙]\s", num.read_as):
        why = "เศษที่ OCR อ่านเป็นตัวเลขติดหลัง ว"
    elif re.search(r"[-'‘’`\"“”]", num.read_as):
        why = "ขีดหรือจุดที่ OCR อ่านแทรกระหว่างรหัสกับตัวเลข"
    elif re.search(rf"[0-9๐-๙][ก-ฮ][{THAI_MARKS}]*[0-9๐-๙]", num.read_as.split("/")[0]):
        why = "จุดฝุ่นที่ OCR อ่านเป็นตัวอักษรแทรกในตัวเลขของรหัส"
    elif num.kind == "abbreviation" and not num.read_as.startswith(num.code or "-"):
        why = "จุดท้ายอักษรย่อที่ OCR อ่านไม่ได้"
    elif not num.slash:  # (nothing stood for it)
        why = "เครื่องหมาย / ที่ OCR อ่านไม่ได้"
    else:
        why = "เครื่องหมาย / หรือ ว ที่ OCR อ่านผิด"
    return [Flag("number_reading", f"อ่านเลขที่ '{num.read_as}' เป็น '{num.printed}' ({why}): ตรวจกับต้นฉบับ",
                 line, suggestion=num.printed, wrong=num.read_as)]


def _long_serial(num: Number, line: int | None) -> list[Flag]:
    """A serial of five digits or more that starts with 1 or 7 (`/73334`): OCR often reads
    the `/` twice, as `/7` or `/1`; the serial without that digit is suggested.  A
    government letter's serial that starts with 0 (`/ว02790`) is no serial as printed
    (they are not padded): debris read as digits, how many of them only the scan tells."""
    if num.kind == "government" and len(num.serial) > 1 and to_arabic_digits(num.serial[0]) == "0":
        return [Flag("number_check", f"เลขลำดับ '{num.serial}' ในเลขที่ '{num.printed}' ขึ้นต้นด้วยเลข 0 "
                                     "(เลขลำดับหนังสือราชการไม่เติม 0 ข้างหน้า): เลขต้น ๆ อาจเป็นเศษที่ OCR อ่านเป็นตัวเลข "
                                     "ตรวจกับต้นฉบับ", line, wrong=num.printed)]
    # (only a serial after the / can be the / read again; another's length: _yearly_serial)
    if num.kind != "government" or len(num.serial) < 5 or to_arabic_digits(num.serial[0]) not in "17":
        return []
    cut = num.printed[: len(num.printed) - len(num.serial)] + num.serial[1:]
    return [Flag("number_check", f"เลขลำดับ '{num.serial}' ในเลขที่ '{num.printed}' ยาวผิดปกติ: เลข "
                                 f"'{num.serial[0]}' หลัง / อาจเป็นเครื่องหมาย / ที่ OCR อ่านซ้ำ ตรวจกับต้นฉบับ",
                 line, suggestion=cut, wrong=num.printed)]


def _yearly_serial(num: Number, line: int | None) -> list[Flag]:
    """A serial numbered within a year (serial/BE year) with more digits than a year's
    serials reach (`๒๒๖๒๑/๒๕๕๓`): OCR added digits (debris, a doubled `/`), which of
    them only the scan tells; flagged without a guess."""
    if num.kind == "government" or len(num.serial) <= SERIAL_DIGITS:  # (restarts at 1 every year: numbers.py)
        return []
    return [Flag("number_check", f"เลขลำดับ '{num.serial}' ในเลขที่ '{num.printed}' ยาวผิดปกติ (เลขที่คำสั่ง ประกาศ "
                                 "และเลขที่ทับปี พ.ศ. เริ่มจาก ๑ ทุกปีปฏิทิน ไม่ถึงหมื่นในปีเดียว): OCR อาจอ่านเศษหรือ"
                                 "เครื่องหมาย / เป็นตัวเลข ตรวจกับต้นฉบับ", line, wrong=num.printed)]


def _short_office(num: Number, line: int | None) -> list[Flag]:
    """An office code of three digits (`สข ๐๑๙.๕`): OCR lost one.  Every office code begins
    with 0 (a province's with 00), so the likeliest loss is a 0 at its start: suggested."""
    office = (num.office or "").split(".")[0]
    if num.kind != "government" or len(office) != OFFICE_DIGITS - 1:
        return []
    zero = "๐" if re.match("[๐-๙]", office) else "0"
    return [Flag("number_check", f"รหัสส่วนราชการ '{office}' ในเลขที่ '{num.printed}' มีเพียง {len(office)} หลัก "
                                 f"(รหัสมี {OFFICE_DIGITS} หลัก): OCR อาจอ่านเลข 0 หายไป ตรวจกับต้นฉบับ", line,
                 suggestion=num.printed.replace(office, zero + office, 1), wrong=num.printed)]


_THAI_DIGIT, _ARABIC_DIGIT = re.compile("[๐-๙]"), re.compile("[0-9]")


def _mixed_digits(num: Number, line: int | None) -> list[Flag]:
    """A part of a number (the office's digits, the serial, the year) printed in one kind
    of digits read with a few of the other kind among them (`/๒๑5๖๒`): no part is printed
    so; the odd ones out are specks OCR read as digits (or digits misread), and the number
    without them is suggested.  Parts may differ: a serial is often filled in at dispatch,
    in other digits than the printed prefix (`มท ๐๔๑๐.๑/ว 1002`)."""
    for part in (num.office, num.serial, num.year):
        thai, arabic = _THAI_DIGIT.findall(part or ""), _ARABIC_DIGIT.findall(part or "")
        if thai and arabic:
            odd = _ARABIC_DIGIT if len(thai) >= len(arabic) else _THAI_DIGIT
            shown = " ".join(odd.findall(part))
            digits = part.split(".")[0]
            # an office's four digits with one of the other kind: a digit misread, not a speck
            # (`๐6๑๙`): no reading suggested here, the office's data may tell it (prefixes.py)
            misread = part == num.office and len(odd.sub("", digits)) < OFFICE_DIGITS == len(digits)
            why = "อาจเป็นตัวเลขที่ OCR อ่านผิด" if misread else "อาจเป็นเศษที่ OCR อ่านเป็นตัวเลข"
            return [Flag("number_check", f"'{part}' ในเลขที่ '{num.printed}' มีทั้งเลขไทยและเลขอารบิก "
                                         f"(พิมพ์ด้วยตัวเลขแบบเดียว): '{shown}' {why} ตรวจกับต้นฉบับ", line,
                         suggestion=None if misread else num.printed.replace(part, odd.sub("", part), 1),
                         wrong=num.printed)]
    return []
