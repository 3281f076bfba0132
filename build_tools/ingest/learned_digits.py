"""How this letter's OCR misreads Thai digits, learned from the digits of the letter that are
checked, and the readings that gives to the digits no data checks.

Tesseract's digit confusions are systematic within one page (one font, one damage): where
it read ๔ as ๕ in a part of the letter that is checked, it most likely did so in the parts
that are not.  Checked parts, and what they show (read digit -> printed digit):
- a reference linked to a corpus letter (exact or probable): every digit of its number and
  of its date against the corpus letter's;
- a number (the letter's own, or a cited one not in the corpus) that a check reads
  otherwise by digit confusions only (checks.py, prefixes.py, citations.py): every digit of
  its office part (the data knows that part), and the digits the reading changes elsewhere.
A read digit's likely printed digit is the one the checked parts show most often for it,
when that is more often than the digit read as itself, the reading itself counting as one
more time it was right (SELF): one swap seen once is no pattern (a ๓ read for ๗ in an
office's digits once does not make every ๓ of the serial a ๗); a tie keeps the digit.
Only Thai digits are learned and read so (Arabic digits are read well).

The readings are suggestions only: a flagged number's suggestion reads its unchecked
digits (sub-unit, serial) so, and a date whose day is in doubt gets the day read so."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from build_tools.common.thai import to_arabic_digits, to_thai_digits
from build_tools.common.thaidate import format_thai_date
from build_tools.ingest.checks import digit_swap
from build_tools.ingest.flags import Flag
from build_tools.ingest.numbers import Number, find_number
from build_tools.ingest.prefixes import known_length

_THAI = re.compile("[๐-๙]")
SELF = 1  # the reading itself, as evidence that the digit is what was read


class Swaps:
    """(read, printed) digit pairs of one letter's checked parts (Arabic digits)."""

    def __init__(self) -> None:
        self.seen: Counter[tuple[str, str]] = Counter()

    def add(self, read: str, printed: str, only: range | None = None, changed_too: bool = False) -> None:
        """The Thai digits of `read` against those of `printed` (the same number or date, the
        same length): every position in `only` (all when None), and with `changed_too` the
        positions outside it where the two differ."""
        if len(read) != len(printed):
            return
        for i, (r, p) in enumerate(zip(read, printed)):
            if not (_THAI.match(r) and p.isdigit()):
                continue
            if only is None or i in only or (changed_too and to_arabic_digits(r) != to_arabic_digits(p)):
                self.seen[(to_arabic_digits(r), to_arabic_digits(p))] += 1

    def likely(self, read: str) -> str:
        """The printed digit the checked parts show most often for `read` (Arabic)."""
        shown = Counter({p: n for (r, p), n in self.seen.items() if r == read})
        if not shown:
            return read
        best, n = shown.most_common(1)[0]
        return best if best != read and n > shown.get(read, 0) + SELF else read

    def reading(self, text: str, start: int = 0) -> str:
        """`text` with its Thai digits from `start` on read as the checked parts suggest."""
        out = list(text)
        for i in range(start, len(text)):
            if _THAI.match(text[i]):
                out[i] = to_thai_digits(self.likely(to_arabic_digits(text[i])))
        return "".join(out)

    def shown(self) -> str:
        """The misreadings found, Thai digits: '๕→๔ ๓ ครั้ง, ๕→๙ ๑ ครั้ง'."""
        wrong = sorted(((r, p), n) for (r, p), n in self.seen.items() if r != p)
        return ", ".join(f"{to_thai_digits(r)}→{to_thai_digits(p)} {to_thai_digits(str(n))} ครั้ง"
                         for (r, p), n in wrong)


def _checked_span(number: str, registry) -> range | None:
    """Where the office digits the data vouches for stand in a government number (all of
    a province's office 0017, the first two of a ministry's department มท 04..)."""
    num = find_number(number, ("government",))
    if num is None or not num.office or not num.code:
        return None
    digits = num.office.split(".")[0]
    at = number.find(digits)
    known = known_length(num.code, to_arabic_digits(digits), registry)
    return range(at, at + known) if at >= 0 and known else None


def learn(references: list[dict], dated: dict, flags: list[Flag], registry) -> Swaps:
    """The swaps a letter's checked parts show.  `references`: its resolved references;
    `dated`: id -> (number, ISO date) of the documents they may be linked to."""
    swaps = Swaps()
    linked = set()
    for ref in references:
        c = dated.get(ref.get("id"))
        if c is None or ref.get("match") == "none":
            continue
        if ref.get("number") and c[0] and _same_shape(ref["number"], c[0]):
            swaps.add(ref["number"], c[0])
            linked.add(ref["number"])
        if ref.get("date_be") and c[1]:
            printed = format_thai_date(dt.date.fromisoformat(c[1]), thai_digits=bool(_THAI.search(ref["date_be"])))
            swaps.add(_day_and_year(ref["date_be"]), _day_and_year(printed))
    for f in flags:
        if f.kind != "number_check" or not f.wrong or not f.suggestion or f.wrong in linked:
            continue
        if digit_swap(f.wrong, f.suggestion) and len(f.wrong) == len(f.suggestion):
            span = _checked_span(f.suggestion, registry)
            swaps.add(f.wrong, f.suggestion, span or range(0), changed_too=True)
    return swaps


def _same_shape(a: str, b: str) -> bool:
    """The same number but for digits: same length, same letters and marks in place."""
    return len(a) == len(b) and re.sub("[0-9๐-๙]", "0", a) == re.sub("[0-9๐-๙]", "0", to_thai_digits(b)
                                                                      if _THAI.search(a) else b)


def _day_and_year(date_be: str) -> str:
    """'๖ สิงหาคม ๒๕๕๒' -> '๖ ๒๕๕๒': what two readings of a date compare digit by digit."""
    parts = date_be.split(" ")
    return f"{parts[0]} {parts[-1]}" if len(parts) >= 3 else ""


def learned_number(flag: Flag, num: Number, swaps: Swaps, registry) -> Flag:
    """A flagged reading of the letter's number `num` that corrects its office digits and
    keeps the rest as read: the rest read as the letter's checked parts suggest (when that
    changes it), the flag saying so."""
    span = _checked_span(flag.suggestion or "", registry)
    if (span is None or flag.kind != "number_check" or flag.wrong != num.printed or not flag.suggestion
            or len(flag.suggestion) != len(num.printed) or not digit_swap(flag.wrong, flag.suggestion)
            or not flag.suggestion.endswith(num.serial)):
        return flag
    new = swaps.reading(flag.suggestion, span.stop)
    if new == flag.suggestion:
        return flag
    return Flag(flag.kind, f"{flag.message} (เลขที่ข้อมูลไม่ได้ตรวจอ่านตามตัวเลขที่ OCR อ่านสลับในส่วนที่ตรวจได้"
                           f"ของหนังสือนี้ ({swaps.shown()}): '{flag.suggestion}' อ่านเป็น '{new}' ตรวจกับต้นฉบับ)",
                flag.line, new, flag.wrong)


def learned_day(date_be: str | None, swaps: Swaps) -> str | None:
    """The date with its day read as the letter's checked parts suggest, when that changes it."""
    if not date_be or " " not in date_be:
        return None
    day, rest = date_be.split(" ", 1)
    new = swaps.reading(day)
    return f"{new} {rest}" if new != day else None

