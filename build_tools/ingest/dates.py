"""Dates as Thai letters print them, read through OCR damage, never guessed.

day, month (full name or abbreviation: ม.ค. ... ธ.ค.), optional พ.ศ., Buddhist-era year
in Thai or Arabic digits; the year may have two digits (๗ ธ.ค. ๕๒ = 2552).  A month name
damaged by OCR (สิงหาดม, ก.ค, with a comma) is still that month when it is within the
damage the fuzzy matcher allows and no other month is as close.  A reading is checked:
the day exists in that month, the year is in the plausible Buddhist-era range (a year
outside it is reported, never stored), a two-digit year is flagged when it is not clear."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pythainlp import thai_below_vowels

from build_tools.common.thai import THAI_MARKS, to_arabic_digits, to_thai_digits, without_marks
from build_tools.common.thaidate import BE_OFFSET, MONTHS_ABBR, MONTHS_FULL

__all__ = ["BE_OFFSET", "MONTHS_ABBR", "MONTHS_FULL", "DateReading", "read_dates", "read_with_year", "first_date",
           "month_of", "days_and_months"]
from build_tools.normalization import fuzzy

# Official correspondence in its modern form starts with the สารบรรณ rules of the 2470s;
# a letter cannot be dated much after the day it is ingested.
EARLIEST_BE = 2475
LATEST_AHEAD_YEARS = 1
YEAR_DIGITS = 4

# A digit of the other script may follow the day (`๒๐7 สิงหาคม`: a speck, _odd_script_digit).
# OCR debris may stand between the day and the month (`25- กุมภาพันธ์`, `๒๕, ม.ค.`, `27 ) ต.ค.`,
# `18 “ตุลาคม`, `18*ตุลาคม`), and a mark no letter carries (`27 ัต.ค. 52`: a citation wrapped, the mark of the line above).
# A year may carry a mark or a speck OCR put between its digits (`2ิ553`, `2?553`), or have its first digit read
# as a letter (`วิ553`, `ว่553` for 2553: read only with a year printed elsewhere, read_with_year).
_LETTER_FIRST = rf"[ก-ฮ][{THAI_MARKS}]*\d{{3}}(?!\d)"
_YEAR_SPECKS = ".,'`?"
# พ.ศ. whose last dot OCR read as a 1 (`มีนาคม. พ.ค1 2553`), or its first dot as a digit
# (`เมษายน พ2ค.่2553`): the one figure a month may carry.
_BE_MARK_DOT_AS_ONE = r"(?:[พฟ][^\d\n]{0,3}[ศค][^\d\n]?1|[พฟ]\d[^\d\n]{0,2}[ศค][^\d\n]{0,3})"
_CANDIDATE = re.compile(r"(?<!\d)(?P<day>\d{1,2})(?P<odd>\d)?[\s'`\"“”‘’\-.,:;()|\[\]*~^_°•<>«»" + THAI_MARKS + "]*"
                        rf"(?P<month>[ก-ฮเแโใไ][^\d\n]{{0,24}}?(?:{_BE_MARK_DOT_AS_ONE})?)\s*"
                        rf"(?P<year>\d(?:[{THAI_MARKS}{_YEAR_SPECKS}]?\d){{3}}|\d{{2}}|{_LETTER_FIRST})")
_BE_MARK = re.compile(r"\s*พ\s*[.,]?\s*ศ\s*[.,]?\s*$")
# พ.ศ. as OCR breaks it: its dots read as marks or specks, ศ as ค, a quote before it, พ as ฟ
# (`พุูค.`, `พ:..ค.`, `“พ.`, `ฟั.คู.`, `พ:. ค.`)
_DAMAGED_BE_MARK = re.compile(rf"[\s“”\"'`.,:;]+(?:[พฟ][^\d\n]{{0,6}}|{_BE_MARK_DOT_AS_ONE})$")
# Two digits with a letter and digits glued after them are no two-digit year but a year
# whose digit OCR read as a letter (`25ร33` for 2553).
_DAMAGED_YEAR = re.compile(r"\d{2}[ก-ฮ]\d{1,2}(?!\d)")
# A speck read as a dot, a quote or a question mark between a year's digits (`25.52`, `2?553`):
# one year, when its four digits are a plausible one.
_SPECK = re.compile(f"[{_YEAR_SPECKS}]")
_TWO_DIGITS_BEFORE_SPECK = re.compile(f"\\d{{2}}[{_YEAR_SPECKS}]")
_BELOW_AS_DOT = re.compile(f"[{thai_below_vowels}]+")
_DOTS = re.compile(r"\.{2,}")
THAI_DIGIT = re.compile("[๐-๙]")
_MONTH_KEYS = [(i, m) for i, m in enumerate(MONTHS_FULL, 1)] + [(i, m) for i, m in enumerate(MONTHS_ABBR, 1)]


def latest_be(today: dt.date | None = None) -> int:
    return (today or dt.date.today()).year + BE_OFFSET + LATEST_AHEAD_YEARS


@dataclass
class DateReading:
    iso: str | None  # None when the printed date is not a valid, plausible date
    printed: str  # the text as printed (OCR'd), tidied
    stored: str  # the form stored in date_be: four-digit year (parseable by the corpus checks)
    start: int = 0
    end: int = 0
    problems: list[str] = field(default_factory=list)  # why it is not valid (Thai, for the review)
    notes: list[str] = field(default_factory=list)  # how it was read (two-digit year, damaged month)
    unread_year: str = ""  # the year as printed when OCR damaged it past reading (`25ร33`, `๒๕๘๓`)


def month_of(token: str) -> tuple[int, str] | None:
    """(month number, its printed form) of a month name or abbreviation as OCR read it."""
    return _month_and_mark(token)[0]


def _month_and_mark(token: str) -> tuple[tuple[int, str] | None, bool]:
    """month_of's reading, and whether พ.ศ. stands after the month: as printed, or as OCR
    damaged it, read so only when the month is no month without it (ก.พ. ends the way a
    damaged พ.ศ. does)."""
    marked = bool(_BE_MARK.search(token))
    t = _BE_MARK.sub("", token).strip(" ,'`\"“”‘’")
    if not t:
        return None, marked
    found = _month_of(t)
    if found is None and _DAMAGED_BE_MARK.search(t):
        return _month_of(_DAMAGED_BE_MARK.sub("", t)), True
    return found, marked


def _month_of(t: str) -> tuple[int, str] | None:
    tight = re.sub(r"\s+", "", t).replace(",", ".")
    # an abbreviation's dot read as sara a (ก.ย. -> กะย., กะยุ.) or as vowels below the
    # letter before it (พ.ย. -> พูุย.) is still the dot
    dotted = without_marks(_BELOW_AS_DOT.sub(".", tight)).replace("ะ", ".") if len(tight) <= 6 else None
    dotted = _DOTS.sub(".", dotted) if dotted else None
    for form in (tight, dotted):  # as printed first: มี.ค. without its mark is ม.ค.
        for i, m in _MONTH_KEYS:
            if form in (m, m.rstrip(".")):
                return i, m
    if len(fuzzy.skeleton(tight)) < 2:
        return None
    scored = sorted((fuzzy.cost(tight, m) / max(2, len(fuzzy.skeleton(m))), i, m) for i, m in _MONTH_KEYS)
    best, second = scored[0], next((s for s in scored[1:] if s[1] != scored[0][1]), None)
    if best[0] > 0.3 or (second and second[0] - best[0] < 0.05):
        return None
    return best[1], best[2]


def _year(digits: str, notes: list[str], problems: list[str], today: dt.date | None,
          after_be: bool = False) -> int | None:
    year = int(digits)
    if len(digits) == 2 and after_be:  # with พ.ศ. a letter prints the year in full: two digits are a cut one
        problems.append(f"ปีหลัง พ.ศ. อ่านได้เพียงสองหลัก '{digits}' (หนังสือพิมพ์ปี พ.ศ. เต็มสี่หลัก): "
                        "ตัวเลขปีขาดหาย ตรวจกับต้นฉบับ")
        return None
    if len(digits) == 2:
        full = 2500 + year
        if full > latest_be(today):
            problems.append(f"ปีสองหลัก '{digits}' อ่านเป็น {full} ซึ่งยังมาไม่ถึง (อาจเป็น {full - 100}?)")
            return None
        notes.append(f"ปีพิมพ์สองหลัก '{digits}' อ่านเป็น พ.ศ. {full}")
        return full
    if not _plausible(digits, today):
        problems.append(f"ปี พ.ศ. {year} อยู่นอกช่วงที่เป็นไปได้ ({EARLIEST_BE}-{latest_be(today)}): ตรวจกับต้นฉบับ")
        return None
    return year


def _without_the_speck(digits: str, today: dt.date | None) -> int | None:
    """A five-digit year read without the one digit that makes no plausible year of the
    rest (`1๒๕๕๓`: only ๒๕๕๓ is a year a letter carries), when only one of the readings
    is plausible; None when two are (`25593`: 2553 or 2559, for a year printed elsewhere)."""
    years = {int(digits[:i] + digits[i + 1:]) for i in range(len(digits))}
    fits = [y for y in years if _plausible(str(y), today)]
    return fits[0] if len(fits) == 1 else None


def _plausible(digits: str, today: dt.date | None) -> bool:
    return len(digits) == 4 and EARLIEST_BE <= int(digits) <= latest_be(today)


def _odd_script_digit(text: str, m: re.Match, notes: list[str]) -> bool:
    """A third digit after a day, of the other script (`๒๐7 สิงหาคม`): a speck OCR read as a
    digit (noted); three digits of one script are no day."""
    if _same_script(text[m.start("day")], text[m.start("odd")]):
        return False
    notes.append(f"วันที่ '{text[m.start('day'):m.end('odd')]}' มีตัวเลขอีกแบบติดท้าย (เศษจาก OCR): "
                 f"อ่านเป็น {text[m.start('day'):m.end('day')]}")
    return True


def _year_span(m: re.Match, text: str, arabic: str, notes: list[str],
               today: dt.date | None) -> tuple[int, int, int] | None:
    """Where a date candidate's year is printed (start, end) and where the date ends,
    through a speck OCR put between its halves (noted); None when its digits run on."""
    start, end = m.start("year"), m.end("year")
    if _SPECK.search(m["year"]):
        digits = re.sub(r"\D", "", m["year"])
        if not _plausible(digits, today):  # a two-digit year and what follows it (`52,53 ครั้ง`), or no year
            two = _TWO_DIGITS_BEFORE_SPECK.match(m["year"])
            return (start, start + 2, start + 2) if two else None
        notes.append(f"ปี '{text[start:end]}' มีจุดหรือเครื่องหมายปนระหว่างตัวเลข (เศษจาก OCR): อ่านเป็น {digits}")
    if _run_goes_on(text, end):  # digits that run on are no year (which four of them? never guessed),
        run = re.match(r"\d+", arabic[end:]).end()  # unless one digit too many: a speck read as a digit
        five = run == 1 and len(re.sub(r"\D", "", m["year"])) == YEAR_DIGITS  # (read_with_year may place it)
        return (start, end + 1, end + 1) if five else None
    return start, end, m.end()


def _read_year(span: tuple[int, int, int], text: str, arabic: str, notes: list[str], problems: list[str],
               today: dt.date | None, be_marked: bool) -> tuple[int | None, str, int]:
    """The year of a date candidate printed at `span` (_year_span's), the year as printed
    when OCR damaged it past reading (else ""), and where the date ends."""
    year_digits = re.sub(r"\D", "", arabic[span[0]:span[1]])  # (no marks, no specks)
    if not arabic[span[0]].isdigit():  # (its first digit read as a letter)
        unread = text[span[0]:span[1]]
        problems.append(f"ปี '{unread}' มีตัวอักษรแทนตัวเลขหลักแรก: อ่านเป็นปี พ.ศ. ไม่ได้ ตรวจกับต้นฉบับ")
        return None, unread, span[2]
    if len(year_digits) == 2 and (damaged := _DAMAGED_YEAR.match(arabic, span[0])):
        unread = text[damaged.start():damaged.end()]
        problems.append(f"ปี '{unread}' มีตัวอักษรปนในตัวเลข: อ่านเป็นปี พ.ศ. ไม่ได้ ตรวจกับต้นฉบับ")
        return None, unread, damaged.end()
    if len(year_digits) == YEAR_DIGITS + 1:
        unread = without_marks(text[span[0]:span[1]])
        if (year := _without_the_speck(year_digits, today)) is not None:
            notes.append(f"ปี '{unread}' มีตัวเลขห้าหลัก: ตัดตัวที่เกินออกได้ปีที่เป็นไปได้ปีเดียว อ่านเป็น {year}")
            return year, "", span[2]
        problems.append(f"ปี '{unread}' มีตัวเลขห้าหลัก (ตัวหนึ่งเป็นเศษจาก OCR ที่อ่านเป็นตัวเลข): อ่านเป็นปี พ.ศ. "
                        "ไม่ได้ ตรวจกับต้นฉบับ")
        return None, unread, span[2]
    year = _year(year_digits, notes, problems, today, be_marked)
    unread = without_marks(text[span[0]:span[1]]) if year is None and len(year_digits) == 4 else ""
    return year, unread, span[2]


def read_dates(text: str, today: dt.date | None = None) -> list[DateReading]:
    """Every date printed in `text`, in order (digit positions are the same in Thai and
    Arabic digits, so spans index the original text)."""
    arabic = to_arabic_digits(text)
    out = []
    at = 0
    while m := _CANDIDATE.search(arabic, at):
        # What is no date gives way at its 'year': the day of the next (`70, วันที่ 30 ก.ค. 53`).
        at = m.start("year")
        notes: list[str] = []
        problems: list[str] = []
        if m["odd"] and not _odd_script_digit(text, m, notes):
            continue
        if (span := _year_span(m, text, arabic, notes, today)) is None:
            continue
        month, be_marked = _month_and_mark(m["month"])
        if month is None:
            continue
        year, unread_year, at = _read_year(span, text, arabic, notes, problems, today, be_marked)
        printed = re.sub(r"\s+", " ", text[m.start():at]).strip()
        if month[1] != re.sub(r"\s+", "", _BE_MARK.sub("", m["month"]).strip(" ,")):
            notes.append(f"ชื่อเดือน '{m['month'].strip()}' อ่านเป็น '{month[1]}'")
        iso = None
        if year is not None:
            try:
                iso = dt.date(year - BE_OFFSET, month[0], int(m["day"])).isoformat()
            except ValueError:
                problems.append(f"วันที่ {int(m['day'])} ไม่มีในเดือน{MONTHS_FULL[month[0] - 1]}")
        day = text[m.start("day"):m.end("day")]
        be = "พ.ศ. " if _BE_MARK.search(m["month"]) else ""
        year_text = without_marks(text[span[0]:span[1]])
        stored_year = year_text
        if year and to_arabic_digits(year_text) != str(year):  # stored with four digits and no specks,
            stored_year = to_thai_digits(str(year)) if THAI_DIGIT.search(year_text) else str(year)  # Thai staying Thai
        stored = f"{day} {month[1]} {be}{stored_year}"
        out.append(DateReading(iso, printed, stored, m.start(), at, problems, notes, unread_year))
    return out


def read_with_year(d: DateReading, year: str, whose: str) -> DateReading | None:
    """`d`, whose year OCR damaged past reading, read with `year`, the Buddhist-era year
    printed elsewhere in the letter (`whose`: where, for the note), when the damaged year
    fits it: three of its four digits in order (`25ร33`, `๒๕๘๓` fit 2553; `25ร99` does not).
    None when it does not fit, or when something other than the year is wrong."""
    have = re.sub(r"\D", "", to_arabic_digits(d.unread_year))
    want = to_arabic_digits(year)
    if not have or len(want) != YEAR_DIGITS or len(d.problems) != 1 or not d.printed:
        return None
    if sum(b.size for b in SequenceMatcher(None, have, want).get_matching_blocks()) < _fitting_digits(have):
        return None
    year = to_thai_digits(want) if THAI_DIGIT.search(d.unread_year) else want
    found = read_dates(d.printed.replace(d.unread_year, year, 1))
    if not found or found[0].iso is None:
        return None
    fixed = found[0]
    fixed.start, fixed.end = d.start, d.end
    fixed.printed = d.printed
    fixed.notes.append(f"ปี '{d.unread_year}' อ่านไม่ได้ (OCR อ่านตัวเลขผิด): อ่านเป็น {year} ตาม{whose}")
    return fixed


def _fitting_digits(have: str) -> int:
    """How many of a year's four digits a damaged year must show in order to be read as it:
    three of four (one misread), all four of five (one speck read as a digit: `25527`, `1๒๕๕๓`)."""
    return YEAR_DIGITS if len(have) > YEAR_DIGITS else YEAR_DIGITS - 1


_BE_YEAR_PRINTED = re.compile(r"(?<!\d)(25\d\d)(?!\d)")


def read_with_years_printed(d: DateReading, texts: list[str]) -> DateReading | None:
    """`d`, whose year OCR damaged past reading, read with the one Buddhist-era year printed
    in `texts` (the letter's other lines: a deadline's, a citation's, a stamp's; in four
    digits, or a date's two: `29 ก.ค. 53`) that the damaged year fits (read_with_year); None
    when none fits, or two do (never guessed)."""
    years = sorted({y for t in texts for y in _BE_YEAR_PRINTED.findall(to_arabic_digits(t)) if _plausible(y, None)}
                   | {str(int(r.iso[:4]) + BE_OFFSET) for t in _with_next_lines(texts) for r in read_dates(t) if r.iso})
    fits = [r for y in years if (r := read_with_year(d, y, "ปี พ.ศ. ที่พิมพ์ที่อื่นในหนังสือฉบับนี้"))]
    return fits[0] if len(fits) == 1 else None


def _with_next_lines(texts: list[str]) -> list[str]:
    """Each line, and each line with the next (a date may go on to the next line: `ลงวันที่ 29`,
    `ก.ค. 53`)."""
    return texts + [f"{a} {b}" for a, b in zip(texts, texts[1:])]


def _run_goes_on(text: str, end: int) -> bool:
    """The year's digits go on past `end` in the same script (a digit of the other script
    right after a year is OCR debris: `๒๕๕๓7`)."""
    if end >= len(text) or not text[end].isdigit():
        return False
    return _same_script(text[end - 1], text[end])


def _same_script(a: str, b: str) -> bool:
    """Two digits both Thai or both Arabic."""
    return bool(THAI_DIGIT.match(a)) == bool(THAI_DIGIT.match(b))


# A day and a month name after it, whatever follows (a year OCR spoiled past reading:
# `20 สิงหาคม: 255212`, or none): resolve.py and field_lines.py read citations by them.
_DAY_MONTH = re.compile(r"(?<!\d)(?P<day>\d{1,2})[\s.,:;'`\"“”\-]*(?P<month>[ก-ฮเแโใไ][^\s\d]{1,12})")


def days_and_months(text: str) -> list[tuple[int, int]]:
    """(day, month) of every day followed by a month's name (as OCR read it) in `text`."""
    out = []
    for m in _DAY_MONTH.finditer(to_arabic_digits(text)):
        if month := month_of(m["month"]):
            out.append((int(m["day"]), month[0]))
    return out


def first_date(text: str, today: dt.date | None = None) -> DateReading | None:
    found = read_dates(text, today)
    return found[0] if found else None
