"""Thai letters Tesseract writes for Thai digits, read back as the digits where only a
digit can stand: inside a letter number's office digits and as the day of a date line.

Tesseract's Thai model reads a damaged digit as the letter it resembles.  Measured on
benchmarks/letterset (every page of plain `tesseract -l tha` and of our OCR aligned to the
printed text, a Thai digit read as a Thai letter): ๙ as ฒ 3 times and ๗ as ฒ once, ๗ as ซ 3
(`๐๐๑ซ.๒`, the day `ไซ` of ๒๗, `ดซ่` of ๑๗), ๗ as ญ 3, ๑ as ด 3, ๖ as อ 3, ๒ as ไ 2; no other
letter stood for a digit more than twice.  Such a letter is read as its digit only

- inside a letter number's digits: after two Thai digits and before a digit, the
  sub-unit's dot or the `/`, and only when the line then holds a letter number that spans
  it (none did, or it ended there), its office code four digits as the regulation prints
  it (`ที่ ขก ๐๐๑ซ.๒/ว ๓๘๘๖`, `/ว ๓๘ฒ๖`), or as the serial's first digit, right after the
  `/` (and ว) and before a digit (`/ญ๕๕`), or as a digit of a serial numbered within a
  year (an order's, a body's: `ที่ ฒ๓/๒๕๕๓`), not inside a word, when the line then holds
  such a number with a year a letter carries (numbers.implausible); a letter that
  stands for two digits (ฒ: ๙ or ๗) takes the one whose office the letter-code data
  knows (corpus/letter_codes.yaml, the corpus' letters), else the likelier, and the flag
  names the other;
- as the day of a date line whose day OCR lost (`ไซ พฤศจิกายน ๒๕๕๒`) or read as a digit
  and a letter (`๑ฒ มีนาคม`, which the date reader takes for the 1st): one or two
  characters before the month, when the line then is a date that month has.

Each reading is flagged with the text as OCR read it; the raw text is never changed."""
from __future__ import annotations

import itertools
import re

from build_tools.common.thai import THAI_MARKS
from build_tools.ingest.date_lines import date_line, month_year_line
from build_tools.ingest.flags import Flag
from build_tools.ingest.numbers import DIGIT_LOOKALIKES, Number, find_number, implausible
from build_tools.ingest.prefixes import OFFICE_DIGITS, is_known, known_offices
from build_tools.normalization import fuzzy

_LOOK = "[" + "".join(DIGIT_LOOKALIKES) + "]"
_MARKS = "[" + re.escape("".join(sorted(fuzzy.MARKS))) + "]*"  # a tone or vowel mark OCR adds to the letter
_IN_DIGITS = re.compile(rf"(?:(?<=[๐-๙]{{2}}){_LOOK}{_MARKS}(?=[๐-๙./])"
                        rf"|(?:(?<=/)|(?<=/ว)|(?<=/ว\s)|(?<=/\s)){_LOOK}{_MARKS}(?=[๐-๙]))")
# (a consonant only: a ไ before a serial is what OCR made of ที่'s marks as often as a ๒,
# `ที ไ๒๒๓/๒๕๕๒` for ๒๒๓, seed 44 L28; a serial's length is not fixed as an office's is)
_LOOK_CONSONANT = "[" + "".join(c for c in DIGIT_LOOKALIKES if "ก" <= c <= "ฮ") + "]"
_YEARLY_HEAD = re.compile(rf"(?<![ก-ฮ{THAI_MARKS}]){_LOOK_CONSONANT}{_MARKS}(?=[๐-๙]{{0,3}}\s*/\s*[๐-๙]{{4}}(?![๐-๙]))")
_DAY = re.compile(rf"^\W*(?:{_LOOK}{_MARKS}|[๐-๙]){{1,2}}(?=\s*[ก-ฮเแโใไ])")
_ONE = re.compile(rf"{_LOOK}{_MARKS}|[๐-๙]")


def readings(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """`text` with the look-alike at each span read as a digit, every combination, the
    likelier first; each with its (as read, digit) pairs."""
    options = [DIGIT_LOOKALIKES[text[a]] for a, _ in spans]
    out = []
    for digits in itertools.product(*options):
        t, pairs = text, []
        for (a, b), d in sorted(zip(spans, digits), reverse=True):
            pairs.insert(0, (text[a:b], d))
            t = t[:a] + d + t[b:]
        out.append((t, pairs))
    return out


def _said(pairs: list[tuple[str, str]]) -> str:
    return " ".join(f"'{a}' เป็น '{d}'" for a, d in pairs)


def _number_line(text: str, n: int, registry) -> tuple[str, Flag] | None:
    spans = [m.span() for m in _IN_DIGITS.finditer(text)]
    first = find_number(text, ("government",))
    if first is not None:  # a number read: only one the look-alike cut short (`/ว ๓๘ฒ๖` read as `/ว ๓๘`)
        spans = [s for s in spans if s[0] == first.end]
    if not spans:
        return None
    found: list[tuple[str, Number, list[tuple[str, str]]]] = []
    for t, pairs in readings(text, spans):
        num = find_number(t, ("government",))
        if num is not None and num.start <= spans[0][0] < num.end and len(num.office_digits) == OFFICE_DIGITS:
            found.append((t, num, pairs))
    if not found:
        return None
    known, provinces = known_offices(registry), registry.codes.provinces
    fits = [f for f in found if is_known(f[1].code or "", f[1].office_digits, known, provinces)]
    fits.sort(key=lambda f: not _verified(f[1], registry))  # what is confirmed before what is inferred
    t, num, pairs = (fits or found)[0]
    why = f": รหัส '{num.code} {num.office.split('.')[0]}' มีในข้อมูลรหัส" if fits and len(found) > 1 else ""
    return t, _number_flag(text, n, (t, num, pairs), [o[1] for o in found], why)


def _yearly_line(text: str, n: int) -> tuple[str, Flag] | None:
    """A serial numbered within a year with a look-alike for one of its digits (`ที่ ฒ๓/๒๕๕๓`)."""
    spans = [m.span() for m in _YEARLY_HEAD.finditer(text)][:1]
    if not spans:
        return None
    found = [(t, num, pairs) for t, pairs in readings(text, spans)
             if (num := find_number(t, ("abbreviation", "yearly"))) is not None
             and num.start <= spans[0][0] < num.end and implausible(num) is None]
    return (found[0][0], _number_flag(text, n, found[0], [f[1] for f in found])) if found else None


def _number_flag(text: str, n: int, reading: tuple[str, Number, list[tuple[str, str]]], found: list[Number],
                 why: str = "") -> Flag:
    """The flag of a number read with look-alikes as digits (`reading`: the line so read, the
    number, the pairs), naming another reading (`found`) when there is one."""
    t, num, pairs = reading
    read = text[num.start:num.end + len(text) - len(t)].strip()
    others = [o.printed for o in found if o.printed != num.printed]
    other = f" (หรืออาจเป็น '{others[0]}')" if others else ""
    return Flag("number_reading", f"อ่านเลขที่ '{read}' เป็น '{num.printed}'{other}: ตัวอักษร {_said(pairs)} "
                                  f"(ตัวอักษรที่ OCR อ่านแทนเลขไทย){why} ตรวจกับต้นฉบับ", n,
                suggestion=num.printed, wrong=read)


def _verified(num: Number, registry) -> bool:
    """Is the province office the number names confirmed in corpus/letter_codes.yaml
    (`verified: true`), not inferred?  (A ministry's office counts as known only when it is.)"""
    entry = registry.codes.provincial_offices.get(num.office_digits) if num.code in registry.codes.provinces else None
    return entry is None or bool(entry.get("verified"))


def _date_line(text: str, n: int) -> tuple[str, Flag] | None:
    m = _DAY.match(text)
    if m is None or not re.search(_LOOK, m.group(0)) or not month_year_line(text):
        return None
    if date_line(text) and not re.search("[๐-๙]", m.group(0)):  # read: unless a digit is glued to the letter
        return None                                             # (`๑ฒ มีนาคม` is no 1 March)
    spans = [s.span() for s in _ONE.finditer(text, 0, m.end()) if s.group(0)[0] in DIGIT_LOOKALIKES]
    dated = [(t, d, pairs) for t, pairs in readings(text, spans) if (d := date_line(t)) and d.iso]
    if not dated:
        return None
    t, d, pairs = dated[0]
    other = f" (หรืออาจเป็น {dated[1][1].stored})" if len(dated) > 1 else ""
    return t, Flag("date_reading", f"อ่านวันที่ '{text.strip()}' เป็น {d.stored}{other}: วันที่ {_said(pairs)} "
                                   "(ตัวอักษรที่ OCR อ่านแทนเลขไทย) ตรวจกับต้นฉบับ", n,
                   suggestion=d.stored, wrong=text.strip())


def read_lookalikes(rows: list[tuple[int, str]], registry) -> tuple[list[tuple[int, str]], list[Flag]]:
    """The rows with look-alike letters read as digits where a number's office digits or a
    date's day stand, and a flag for each line so read."""
    out, flags = [], []
    for n, text in rows:
        got = _number_line(text, n, registry) or _yearly_line(text, n) or _date_line(text, n)
        if got:
            text = got[0]
            flags.append(got[1])
        out.append((n, text))
    return out, flags
