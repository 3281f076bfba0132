"""Numbers and dates are never guessed, always checked.  A reading that cannot be right
(a number's year that is not the letter's year, an office's digits that are not the
issuing department's, a letter received before it was written, a reference to a letter
written after this one) is flagged, with the most likely reading as the suggestion: the
reading that differs only by digits OCR confuses and fits the other facts."""
from __future__ import annotations

import datetime as dt
import itertools
import re

from build_tools.common.thai import to_arabic_digits, to_thai_digits
from build_tools.common.thaidate import BE_OFFSET
from build_tools.ingest.dates import first_date, read_dates
from build_tools.ingest.flags import Flag
from build_tools.ingest.number_shape import shape_flags
from build_tools.ingest.numbers import Number

# Digits Tesseract confuses, Thai (shared/REFERENCE.md) and Arabic: a digit as read -> the
# digits it stood for, the likelier first (confusion_cost() weighs a reading by that order).
# Tesseract's Thai model reads ๔ ๖ ๗ ๘ ๙ as ๕ ๒ ๓ ๕ ๕ more often than not: a ๕ may be any of
# ๔ ๙ ๘ ๗ ๖.  Counted by `benchmarks/ingest_rescore.py 16-33 --confusions` (612 letters,
# plain Tesseract's text and our OCR, the numbers and dates read with as many digits as
# printed): ๔ read as ๕ 256 times, ๙ as ๕ 119, ๘ as ๕ 101, ๗ as ๓ 64, ๖ as ๐ 44, ๖ as ๒ 33,
# ๙ as ๓ 25, ๗ as ๕ 15, ๗ as ๑ 13, ๙ as ๔ 12, ๙ as ๑ 10, ๑ as ๐ 8, ๖ as ๙ 8, ๓ as ๒ 8, ๐ as
# ๖ 7, ๑ as ๖ 7, ๐ as ๑ 7, ๔ as ๐ 7, ๖ as ๑ 6; a pair seen fewer than five times keeps its
# place from the earlier count (seeds 16-21), after these, or is left out.
CONFUSED_DIGITS = {"8": "536", "5": "49876", "3": "7985", "6": "28510", "2": "63", "4": "95", "1": "7906",
                   "7": "13", "0": "6148", "9": "56"}
RECEIVED_WITHIN_DAYS = 90
CITED_WITHIN_YEARS = 3  # a letter dated later than this after the newest letter it cites: its year is in doubt
WRITTEN_FOR_OTHERS = "๕๓๒๑"  # what Tesseract writes for ๔ ๙ ๘ ๖ / ๗ ๙ / ๖ / ๖ (measured, above)


def confusion_cost(read: str, printed: str) -> float:
    """0 for the same digit; 1 and up for a digit Tesseract misreads as `read` (the likelier
    confusion costs less); infinity for digits it does not confuse."""
    read, printed = to_arabic_digits(read), to_arabic_digits(printed)
    if read == printed:
        return 0.0
    rank = CONFUSED_DIGITS.get(read, "").find(printed)
    return 1 + 0.5 * rank if rank >= 0 else float("inf")


def variants(digits: str, max_changes: int = 1) -> list[str]:
    """Readings of a digit string that differ by up to `max_changes` confused digits."""
    arabic = to_arabic_digits(digits)
    out = []
    for k in range(1, max_changes + 1):
        for pos in itertools.combinations(range(len(arabic)), k):
            for subs in itertools.product(*(CONFUSED_DIGITS.get(arabic[p], "") for p in pos)):
                s = list(arabic)
                for p, c in zip(pos, subs):
                    s[p] = c
                out.append("".join(s))
    thai = digits != arabic
    return [to_thai_digits(v) if thai else v for v in out]


def check_number(num: Number | None, date_iso: str | None, expected_prefixes: list[str],
                 line: int | None) -> list[Flag]:
    if num is None:
        return []
    flags = shape_flags(num, line)
    if num.year and date_iso:
        be = str(dt.date.fromisoformat(date_iso).year + BE_OFFSET)
        if to_arabic_digits(num.year) != be:
            year = to_thai_digits(be) if num.year != to_arabic_digits(num.year) else be
            flags.append(Flag("number_check", f"ปีในเลขที่ '{num.printed}' ไม่ใช่ปีของวันที่หนังสือ ({be}): "
                                              "ตรวจกับต้นฉบับ", line,
                              suggestion=num.printed.replace(num.year, year), wrong=num.printed))
    if num.kind == "government" and expected_prefixes:
        flags += _office_digits(num, expected_prefixes, line)
    return flags


def _office_digits(num: Number, expected: list[str], line: int | None) -> list[Flag]:
    """The issuing office's digits (มท 08.. for DLA) against the number's."""
    have = f"{num.code} {num.office_digits}"
    if any(have.startswith(p) for p in expected):
        return []
    office = (num.office or "").split(".")[0]
    reading = _issuers_office(office, num.code or "", expected)
    suggestion = num.printed.replace(office, reading, 1) if reading else None
    return [Flag("number_check", f"รหัสส่วนราชการในเลขที่ '{num.printed}' ไม่ใช่ของหน่วยงานที่ออกหนังสือ "
                                 f"({' / '.join(expected)}..): ตรวจกับต้นฉบับ", line,
                 suggestion=suggestion, wrong=num.printed)]


def _issuers_office(office: str, code: str, expected: list[str]) -> str | None:
    """The one reading of the office digits that is the issuer's by digits OCR confuses:
    by one digit (none when two readings fit), else by two (`๐๕๐๕` for มท 0404: Tesseract
    reads ๔ as ๕ more often than not, so a department's two ๔ both go), the cheapest when
    no other costs as little."""
    def fits(v: str) -> bool:
        return any(f"{code} {to_arabic_digits(v)}".startswith(p) for p in expected)

    one = [v for v in variants(office) if fits(v)]
    if one:
        return one[0] if len(one) == 1 else None
    costs = sorted((sum(confusion_cost(a, b) for a, b in zip(office, v)), v)
                   for v in set(variants(office, 2)) if fits(v))
    if not costs or (len(costs) > 1 and costs[1][0] == costs[0][0]):
        return None
    return costs[0][1]


def check_dates(date_iso: str | None, date_be: str | None, line: int | None, stamps: list[dict],
                references: list[dict]) -> list[Flag]:
    if not date_iso:
        return []
    day = dt.date.fromisoformat(date_iso)
    flags = []
    for s in stamps:
        if not s.get("date"):
            continue
        got = dt.date.fromisoformat(s["date"])
        if not dt.timedelta(0) <= got - day <= dt.timedelta(days=RECEIVED_WITHIN_DAYS):
            flags.append(Flag("date_check", f"วันที่หนังสือ {date_be} ไม่เข้ากับตรารับ ({s.get('date_text')}): "
                                            "หนังสือต้องลงวันที่ก่อนวันรับไม่นาน ตรวจกับต้นฉบับ", line,
                              suggestion=likely_date(date_be, shortly_before(got)), wrong=date_be))
    for r in references:
        if r.get("date") and r["date"] > date_iso:
            flags.append(Flag("date_check", f"หนังสือที่อ้างถึงลงวันที่ {r.get('date_be')} หลังวันที่ของหนังสือนี้ "
                                            f"({date_be}): ตรวจวันที่ทั้งสองกับต้นฉบับ", r.get("line"),
                              suggestion=likely_date(r.get("date_be"), shortly_before(day))
                              or _year_before(r.get("date_be"), day), wrong=r.get("date_be")))
        elif not r.get("date") and r.get("date_be") and (likely := likely_date(r["date_be"], _cited_before(day))):
            flags.append(Flag("date_check", f"วันที่ของหนังสือที่อ้างถึง '{r['date_be']}' เป็นไปไม่ได้: อ่านตัวเลขต่างไป"
                                            f"หนึ่งตัวได้ {likely} ก่อนวันที่ของหนังสือนี้ ({date_be}) ตรวจกับต้นฉบับ",
                              r.get("line"), suggestion=likely, wrong=r["date_be"]))
    return flags + _long_after(day, date_be, line, references)


def _cited_before(day: dt.date):
    """Whether a date may be a cited letter's: on or before `day`, within CITED_WITHIN_YEARS."""
    return lambda d: d <= day <= _years_after(d, CITED_WITHIN_YEARS)


def _cited_after(day: dt.date):
    """Whether a date may be a letter's that cites one of `day`: on or after it, within CITED_WITHIN_YEARS."""
    return lambda d: day <= d <= _years_after(day, CITED_WITHIN_YEARS)


def _year_before(printed: str | None, day: dt.date) -> str | None:
    """A cited date later than the citing letter's, its year read again: the latest year
    one digit off the printed one (`2559` for 2552: OCR misread a digit of it) that puts
    it on or before `day`, within CITED_WITHIN_YEARS; None when none does."""
    years = [day.year + BE_OFFSET - back for back in range(CITED_WITHIN_YEARS + 1)]
    return _year_one_off(printed, years, lambda on: on <= day)


def _long_after(day: dt.date, date_be: str | None, line: int | None, references: list[dict]) -> list[Flag]:
    """A letter dated years after the newest letter it cites (a follow-up answers within
    months: over the letter sets the longest gap is a year and a half) has most likely had
    its year misread (`2559` for 2552)."""
    cited = [r for r in references if r.get("date") and r["date"] <= day.isoformat()]
    if not cited:
        return []
    newest = max(cited, key=lambda r: r["date"])
    then = dt.date.fromisoformat(newest["date"])
    if (day - then).days <= CITED_WITHIN_YEARS * 365:
        return []
    return [Flag("date_check", f"วันที่หนังสือ {date_be} ห่างจากหนังสือที่อ้างถึงฉบับล่าสุด (ลงวันที่ "
                               f"{newest.get('date_be')}) กว่า {CITED_WITHIN_YEARS} ปี: OCR อาจอ่านปีผิด ตรวจกับต้นฉบับ",
                 line, suggestion=likely_date(date_be, _cited_after(then)),
                 wrong=date_be)]


def before_cited(date_iso: str | None, date_be: str | None, line: int | None, cited: list[str]) -> list[Flag]:
    """A letter dated years before a letter it cites that the corpus confirms (`cited`: their dates; `2502` for
    2552) has its year misread: the one-digit-off reading after the newest within CITED_WITHIN_YEARS is suggested."""
    if not date_iso or not cited:
        return []
    then = dt.date.fromisoformat(max(cited))
    if (then - dt.date.fromisoformat(date_iso)).days <= CITED_WITHIN_YEARS * 365:
        return []  # (after it, or weeks before it: the day or the cited reading may be wrong; check_dates says so)
    fits, years = _cited_after(then), [then.year + BE_OFFSET + ahead for ahead in range(CITED_WITHIN_YEARS + 1)]
    if (likely := likely_date(date_be, fits) or _year_one_off(date_be, years, fits)) is None:
        return []
    return [Flag("date_check", f"วันที่หนังสือ {date_be} ก่อนหนังสือที่อ้างถึง (ซึ่งมีในคลังเอกสาร) กว่า {CITED_WITHIN_YEARS} ปี: "
                               f"OCR น่าจะอ่านปีของหนังสือนี้ผิด อ่านตัวเลขต่างไปหนึ่งตัวได้ {likely} ตรวจกับต้นฉบับ", line,
                 suggestion=likely, wrong=date_be)]


def _year_one_off(printed: str | None, years: list[int], fits) -> str | None:
    """`printed` with its year one digit off (any digit: `2559` for 2552, or a confusion not
    measured yet, `2502` for 2552), the first of `years` (Buddhist era) whose date `fits`."""
    d = first_date(printed or "")
    if d is None or d.iso is None:
        return None
    when, shown = dt.date.fromisoformat(d.iso), d.stored.rsplit(" ", 1)[-1]
    for year in map(str, years):
        if sum(a != b for a, b in zip(year, to_arabic_digits(shown))) != 1:
            continue
        try:
            on = when.replace(year=int(year) - BE_OFFSET)
        except ValueError:  # 29 February
            continue
        if fits(on):
            return d.stored[:-len(shown)] + (to_thai_digits(year) if shown != to_arabic_digits(shown) else year)
    return None


def _years_after(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year + years, day=min(day.day, 28))


def shortly_before(day: dt.date):
    """Whether a date is at most RECEIVED_WITHIN_DAYS before `day` (a letter's date before
    its receipt, or before a deadline it sets)."""
    return lambda d: dt.timedelta(0) <= day - d <= dt.timedelta(days=RECEIVED_WITHIN_DAYS)


def likely_date(printed: str | None, fits) -> str | None:
    """The reading of `printed` (one of its digits changed by an OCR confusion) whose date
    `fits`: the one that does, or the likeliest (confusion_cost) when no other is as likely."""
    if not printed:
        return None
    costs: dict[str, float] = {}
    digits = [i for i, c in enumerate(printed) if c.isdigit()]
    for i in digits:
        for v in variants(printed[i]):
            cand = printed[:i] + v + printed[i + 1:]
            if not printable_day(re.match(r"\D*(\d*)", cand).group(1)):
                continue
            found = read_dates(cand)
            if found and found[0].iso and fits(dt.date.fromisoformat(found[0].iso)):
                cost = confusion_cost(printed[i], v)
                costs[found[0].stored] = min(cost, costs.get(found[0].stored, cost))
    ranked = sorted((cost, stored) for stored, cost in costs.items())
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def printable_day(digits: str) -> bool:
    """A day as letters print it: no leading zero (a reading `๐๕` of `๑๕` is no day's)."""
    return not (len(digits) > 1 and to_arabic_digits(digits)[0] == "0")


def digit_swap(wrong: str | None, right: str | None) -> bool:
    """`wrong` differs from `right` only by digits Tesseract confuses (and by one at least)."""
    a, b = to_arabic_digits(wrong or "").replace(" ", ""), to_arabic_digits(right or "").replace(" ", "")
    if not a or len(a) != len(b) or a == b:
        return False
    return all(x == y or confusion_cost(x, y) < float("inf") for x, y in zip(a, b))


def uncertain_serial(num: Number | None, flags: list[Flag]) -> list[Flag]:
    """A suggested reading of the letter's number that corrects its office's digits keeps
    the serial as read, and no data can check a serial: where the serial is printed in Thai
    digits Tesseract writes for others (๕ for ๔ ๙ ๘ ๖ ...), the flag says so, naming them."""
    if num is None:
        return flags
    unsure = sorted({d for d in num.serial if d in WRITTEN_FOR_OTHERS})
    out = []
    for f in flags:
        if (unsure and f.kind == "number_check" and f.wrong == num.printed and digit_swap(f.wrong, f.suggestion)
                and (f.suggestion or "").endswith(num.serial)):
            f = Flag(f.kind, f"{f.message} (เลขลำดับ '{num.serial}' คงไว้ตามที่ OCR อ่าน แต่เลข {' '.join(unsure)} "
                             "เป็นเลขที่ OCR มักอ่านแทนเลขอื่น: ตรวจเลขลำดับด้วย)", f.line, f.suggestion, f.wrong)
        out.append(f)
    return out


def misread_digits(flags: list[Flag]) -> set[str]:
    """The digits (Arabic) that numbers flagged with a reading differing only by confused
    digits had read wrong."""
    out = set()
    for f in flags:
        if f.kind == "number_check" and digit_swap(f.wrong, f.suggestion):
            wrong, right = (to_arabic_digits(x).replace(" ", "") for x in (f.wrong, f.suggestion))
            out |= {a for a, b in zip(wrong, right) if a != b}
    return out


def uncertain_day(date_be: str | None, line: int | None, flags: list[Flag], learned: str | None = None,
                  shown: str = "") -> list[Flag]:
    """A date whose day is printed in Thai digits Tesseract writes for other digits (๕ for
    ๔ ๙ ๘ ๖, ๓ for ๗ ๙ ...), in a letter where such a digit was already found misread (a
    number flagged with a reading that differs only by confused digits, one of them a digit
    of WRITTEN_FOR_OTHERS: a rarer confusion, such as a ๖ read as ๐ in an office code, is
    no sign of a misread day): that day is not certain.
    Flagged with the days it may be; `learned`, the date with its day read as the letter's
    checked digits show its OCR misreads them (`shown`: how), is the suggestion when it is
    one of them."""
    m = re.match(r"([๐-๙]{1,2}) ", date_be or "")
    if m is None:
        return []
    day = m.group(1)
    if not misread_digits(flags) & set(to_arabic_digits(WRITTEN_FOR_OTHERS)):
        return []
    others = sorted({found[0].stored.split(" ")[0] for v in variants(day, len(day))
                     if all(a == b or a in WRITTEN_FOR_OTHERS for a, b in zip(day, v)) and printable_day(v)
                     and (found := read_dates(v + date_be[m.end(1):])) and found[0].iso})
    if not others:
        return []
    message = (f"วันที่ '{date_be}': เลข '{day}' ของวันเป็นเลขที่ OCR มักอ่านแทนเลขอื่น และหนังสือนี้มี"
               f"เลขที่อ่านสลับแล้ว วันที่จริงอาจเป็นวันที่ {' '.join(others)}: ตรวจกับต้นฉบับ")
    if learned is None or learned.split(" ")[0] not in others:
        return [Flag("date_check", message, line, wrong=date_be)]
    return [Flag("date_check", f"{message} (ตัวเลขที่หนังสือนี้อ่านสลับในส่วนที่ตรวจได้ ({shown}) ให้วันที่ {learned})",
                 line, suggestion=learned, wrong=date_be)]
