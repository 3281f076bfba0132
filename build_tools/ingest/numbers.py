"""Letter numbers as printed (ที่ มท 0810.1/ว 1631), found in a line through OCR damage.

Three shapes (ระเบียบงานสารบรรณ):
- a government office: two-letter code of the ministry or province, the office's digits
  (with sub-units after a dot), `/`, `ว` for a circular, the serial: มท ๐๔๐๔.๒/ว ๔๙๐๐;
- a body with its own abbreviation, serial / year: สอบต. ๐๑๒/๒๕๕๓;
- an order or announcement: serial / Buddhist-era year: ที่ ๑๒๓/๒๕๕๓.
The number is kept as printed (Thai digits stay Thai), its spacing tidied; a reading is
never altered here: checks and suggestions are issuers.py's."""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.common.thai import THAI_MARKS, to_arabic_digits, to_thai_digits
from build_tools.ingest.dates import EARLIEST_BE, latest_be

D = r"[0-9๐-๙]"
# Letters Tesseract reads for a Thai digit of like shape: letter -> the digits it stood for,
# the likelier first (lookalikes.py reads them back; another letter there is a speck).
DIGIT_LOOKALIKES = {"ฒ": "๙๗", "ซ": "๗", "ญ": "๗", "ด": "๑", "อ": "๖", "ไ": "๒"}
_LOOKS = "".join(DIGIT_LOOKALIKES)
M = f"[{THAI_MARKS}]*"  # marks OCR adds to a letter
# `/` as OCR reads it (a bar, an exclamation mark, either with a bracket after it, a bracket
# alone before ว or the serial, a comma after the office's sub-unit; also
# a 7, a ฒ or a ฆ glued to the ว after it, or lost before ว); what stands between it and the
# serial when ว was misread (a bracket, a bar, ร; a lone 1 or 7 only with a space after it,
# or it is the serial's first digit), or a speck read as a letter after ว (`/วจ 1631`); a
# speck between the code and the office's digits (`ยธ-๐๖๐๔`, `ขก'0518`, `อน"๐๐๒๓`) or between ว and the
# serial (`/ว-๕๑๓๕`, `/ว"4779`, `/ว:1031`), or read as a letter between the office's digits (`นม 002ร3.2`);
# a speck read as a digit glued to ว, the serial after a space (`/ว2 1416`, `/ว3 ๔๕๒๙`);
# ว read as a round 0 or o with a space after it (`/0 ๕๑๒๔`: no serial is a lone 0);
# ว read twice with a bracket between (`/ว)ว ๒๓๕๓`), or a bracket after ว (`/ว) ๓๖๖๔`) or before it (`/)ว ๑๑๒๒`).
_GOV = re.compile(
    rf"(?<![ก-ฮ])(?P<code>[ก-ฮ]{M}\s?[ก-ฮ]{M})\s*(?:\.|(?P<gap>[-'‘’`\"“”]))?\s*(?P<office>(?:{D}{{2,5}}|{D}{{1,3}}(?P<inner>(?![{_LOOKS}])[ก-ฮ]{M}){D}{{1,3}}{M})(?:\s*[.,:]\s*{D}{{1,3}}){{0,3}})\s*"
    rf"(?P<slash>[/|!](?:[(\[]|\)(?=\s*ว))?|[()\[\]](?=\s*(?:ว|{D}))|,(?=\s*{D}{{3}})|[7ฒฆ](?=\s*ว)|(?<![7ฒฆ])(?=ว{M}\s*{D}))\s*"
    rf"(?:(?P<circ>ว{M}(?P<twice>\s*[)}}\]|(]\s*ว{M})?(?P<speck>[ก-ฮ](?=\s)|{D}(?=\s+{D}{{3}}))?\s*(?:[.,]|(?P<dash>[-:;'\"‘’“”`)}}\]]))?\s*)|(?P<junk>[)}}\]|lIร]\s*|[17]\s+|[0oO]\s+(?={D}{{2}})))?"
    rf"(?P<serial>{D}{{1,6}})(?!{D})")
_MARKS = re.compile(M[:-1] + "+")
# serial / Buddhist-era year: `/` read as a bar, or with a bracket after it.
_SLASH_YEAR = r"(?P<slash>/\s*[\[(|]?|\|)"
# An abbreviation's dot may be lost (`สอบต 069/2553`): the serial / year shape still says it.
# Its dot may be read as a colon (`สอบต: 069/2553`), a mark put on its last letter before the
# dot and a speck after it (`สอบต๋.'056/2552`, `สอบต.:045/2553`).
_ABBR = re.compile(rf"(?<![ก-ฮ])(?P<code>[ก-ฮ]{{2,6}})(?:{M}(?=[.:]))?(?P<dot>[.:])?(?P<specks>[\s.:'‘’`\"“”]*)"
                   rf"(?P<serial>{D}{{1,5}})\s*{_SLASH_YEAR}\s*(?P<year>{D}{{4}})(?!{D})")
# An order's or announcement's number (and a body's serial/year) starts again from 1 every
# calendar year (ระเบียบงานสารบรรณ: เลขที่คำสั่ง ... เริ่มจากเลข ๑ เรียงไปจนสิ้นปีปฏิทิน ทับเลขปี
# พุทธศักราช): no office issues ten thousand of them in one year.
SERIAL_DIGITS = 4
_YEARLY = re.compile(rf"(?<![ก-ฮ0-9๐-๙])(?P<serial>{D}{{1,5}})\s*{_SLASH_YEAR}\s*(?P<year>{D}{{4}})(?!{D})")
# A `/` OCR lost altogether, read only where a number must stand (after a ที่ label, at the
# start of the text): a government number's sub-unit (one digit after the office's dot) runs into
# the serial (`ลป 0518.4243`, `0518.4 243`); a serial runs into its year (`62553`).
_LEAD = r"^[\s.,'‘’`-]*"
_GOV_NO_SLASH = re.compile(rf"{_LEAD}(?P<code>[ก-ฮ]{M}\s?[ก-ฮ]{M})\s*\.?\s*(?P<office>{D}{{4}})\s*[.,]\s*"
                           rf"(?P<sub>{D})\s*(?P<serial>{D}{{1,5}})(?!{D})")
_YEARLY_NO_SLASH = re.compile(rf"{_LEAD}(?P<serial>{D}{{1,4}})(?P<year>{D}{{4}})(?!{D})")
# A body's serial and year run together, its `/` lost or read as a 7 (`สอบต: 06772552` for
# สอบต. 067/2552, `สอบต. 0692553`): the year is the last four digits, a 7 before it the `/`.
# Its code has three letters or more (two are a government office's: _GOV_NO_SLASH).
_ABBR_NO_SLASH = re.compile(rf"{_LEAD}(?P<code>[ก-ฮ]{{3,6}})\s*[.:,]?\s*(?P<serial>{D}{{1,4}}?)(?P<seven>[7๗])?"
                            rf"(?P<year>{D}{{4}})(?!{D})")
# A government number whose head (ที่ and the code, often part of the office's digits) OCR
# lost at the start of its line, to a speed class stamped over it or to specks
# (`%้04. 5/1562` for `ที่ ยธ 0604.5/1562`): the office's digits with their sub-unit, `/`,
# the serial (their dot read as a colon, a speck after ว: `810: 4/ว.2771`, ว read as a bracket).  Only a sign that
# the line is the number's, never read as one.
# ว read as a bracket or a bar (`๐๔.๒/) ๑๑๔๘`), as _GOV's junk reads it.
WO_READ = r"(?:ว|[)}\]|])"
HEADLESS_NUMBER = re.compile(rf"^(?:\S{{1,3}}\s+)?\S{{0,3}}?{D}{{1,5}}\s*[.,:]\s*{D}{{1,3}}\s*/\s*{WO_READ}?"
                             rf"\s*\.?\s*{D}{{1,6}}(?!{D})")


# A serial / year whose year's last digit OCR read as a letter (`สอบต 089/255วํ`, `๒๒๕/๒๕๕ซ`):
# never read as a number; analyze.py suggests the year of the letter's own date when it
# keeps the three digits read.
YEAR_LAST_DIGIT_LOST = re.compile(rf"^(?:(?P<code>[ก-ฮ]{{2,6}})\s*[.:]?\s*)?(?P<serial>{D}{{1,4}})\s*/\s*"
                                  rf"(?P<year>{D}{{3}})[ก-ฮ][{THAI_MARKS}]*(?![ก-ฮ0-9๐-๙])")


@dataclass
class Number:
    printed: str  # tidied: "มท 0810.1/ว 1631", "สอบต. ๐๑๒/๒๕๕๓", "๑๒๓/๒๕๕๓"
    kind: str  # government | abbreviation | yearly
    code: str | None  # มท / ขก / สอบต.
    office: str | None  # "0810.1" as printed
    serial: str
    year: str | None = None  # of an abbreviation or yearly number
    circular: bool = False
    start: int = 0  # span in the text it was read from
    end: int = 0
    read_as: str | None = None  # the text as OCR read it, when its `/` or ว was misread
    slash: str = "/"  # what OCR read for the `/` ("" when it lost it: number_shape.number_reading says which)
    cut: str = ""  # a speck and digits right after a government serial (`๒๑>»๑`): the serial read stops there


    @property
    def office_digits(self) -> str:
        """'0810' of '0810.1' (Arabic digits)."""
        return to_arabic_digits((self.office or "").split(".")[0])


def implausible(num: Number) -> str | None:
    """Why a number as read cannot be as printed, from its form alone (no data): a
    government letter's serial with a 0 before it (serials are not padded), a serial
    numbered within a year (serial/BE year) with more digits than a year's serials reach
    or a year outside the Buddhist-era years a letter can carry (dates.py); None when
    nothing is wrong with it."""
    if num.kind == "government" and len(num.serial) > 1 and to_arabic_digits(num.serial[0]) == "0":
        return "a serial that starts with 0"
    if num.kind != "government" and len(num.serial) > SERIAL_DIGITS:
        return "a serial longer than a year's serials"
    if num.year and not _be_year(num.year):
        return "a year no letter carries"
    return None


def _tidy_office(text: str) -> str:
    """The office's digits as printed: spaces out, a dot for OCR's comma or colon, a speck
    read as a letter between two digits out (`002ร3`)."""
    text = re.sub(rf"(?<=[0-9๐-๙])[ก-ฮ]?[{THAI_MARKS}]*(?=[0-9๐-๙.,:\s]|$)", "", text)
    return re.sub(r"\s*[.,:]\s*", ".", re.sub(r"\s+", "", text))


# A sub-unit and the `/` after it read as one letter: 1 as บ (`0810.บว 1631`, `0810.บ1534` for
# 0810.1/...), 3 as ฒ before ว (`๐๔๑๐.ฒว 3341` for ๐๔๑๐.๓/ว: seeds 40 and 41); or a 1 read as a
# second `/` (`0518.//ว 2802`: an upright stroke either way).
SUB_UNIT_AND_SLASH = {"บ": "1", "ฒ": "3", "/": "1"}  # the letter OCR read -> the sub-unit it stood for
_SUB_UNIT_SLASH_MERGED = re.compile(rf"(?<={D})(\s*[.,]\s*)(?P<merged>บ|/\s*/|ฒ(?=\s*ว))(?=\s*(?:ว|{D}))")


def find_number(text: str, kinds: tuple[str, ...] = ("government", "abbreviation", "yearly"),
                after_label: bool = False) -> Number | None:
    """The first letter number in `text`, of the kinds allowed; `after_label`: `text` is
    what follows a ที่ label, where a number whose `/` OCR lost is read too."""
    found = []
    if "government" in kinds and not _GOV.search(text) and _SUB_UNIT_SLASH_MERGED.search(text):
        return _sub_unit_slash_merged(text, kinds)
    if "government" in kinds and (m := _GOV.search(text)) and not _weak_slash_without_sub_unit(m):
        code = _MARKS.sub("", m["code"].replace(" ", ""))
        circular = bool(m["circ"] or m["junk"])  # the junk between `/` and the serial is a misread ว
        circ = "ว " if circular else ""
        misread = m["slash"] != "/" or any(m[g] for g in ("junk", "speck", "gap", "dash", "inner", "twice"))
        found.append(Number(f"{code} {_tidy_office(m['office'])}/{circ}{m['serial']}", "government", code,
                            _tidy_office(m["office"]), m["serial"], None, circular, m.start(), m.end(),
                            _damaged(m, misread), m["slash"].strip()))
    if "abbreviation" in kinds and (m := _ABBR.search(text)):
        code = f"{m['code']}."
        found.append(Number(f"{code} {m['serial']}/{m['year']}", "abbreviation", code, None, m["serial"],
                            m["year"], False, m.start(), m.end(), _damaged(m, m["slash"] != "/" or m["dot"] != "."
                                                                      or bool(m["specks"].strip(" ."))),
                            m["slash"].strip()))
    if "yearly" in kinds and (m := _YEARLY.search(text)):
        found.append(Number(f"{m['serial']}/{m['year']}", "yearly", None, None, m["serial"], m["year"],
                            False, m.start(), m.end(), _damaged(m, m["slash"] != "/"), m["slash"].strip()))
    if found:
        num = min(found, key=lambda n: n.start)
        if num.kind == "government" and (cut := _SPECK_THEN_DIGITS.match(text, num.end)):
            num.cut = cut.group(0)
        return num
    return _slash_lost(text, kinds) if after_label else None


# A speck inside a serial (`/ว ๒๑>»๑`, a digit read as specks): the serial as read stops at it.
_SPECK_THEN_DIGITS = re.compile(rf"[^\s0-9๐-๙ก-๛A-Za-z\-]{{1,3}}{D}+")  # (not `1631-2`: a range)


WEAK_SLASHES = (",", "(", ")", "[", "]")  # (a tuple: the `/` lost before ว is "", in every string)


def _weak_slash_without_sub_unit(m: re.Match) -> bool:
    """A comma or a bracket read as the `/` only after an office's sub-unit (`ลป 0518.4, 1731`,
    `ขก 0017.2)ว 3922`): after bare digits it is a list's or an address's (`ขก ๔๐๑๑๐, ๐๔๓`,
    `ขก ๔๐๑๑๐ (๐๔๓)`)."""
    return m["slash"] in WEAK_SLASHES and "." not in _tidy_office(m["office"])


def _slash_lost(text: str, kinds: tuple[str, ...]) -> Number | None:
    """A number at the start of `text` whose `/` OCR lost, read with it and flagged
    (read_as): the sub-unit is one digit, a yearly serial's year a Buddhist-era year."""
    if "government" in kinds and (m := _GOV_NO_SLASH.match(text)):
        code = _MARKS.sub("", m["code"].replace(" ", ""))
        office = f"{m['office']}.{m['sub']}"
        return Number(f"{code} {office}/{m['serial']}", "government", code, office, m["serial"], None, False,
                      m.start("code"), m.end(), _damaged(m, True).lstrip(".,'‘’`- "), "")
    if "abbreviation" in kinds and (m := _ABBR_NO_SLASH.match(text)) and _be_year(m["year"]):
        code = f"{m['code']}."
        return Number(f"{code} {m['serial']}/{m['year']}", "abbreviation", code, None, m["serial"], m["year"],
                      False, m.start("code"), m.end(), m.group(0).strip(".,'‘’`- "), m["seven"] or "")
    if "yearly" in kinds and (m := _YEARLY_NO_SLASH.match(text)) and _be_year(m["year"]):
        return Number(f"{m['serial']}/{m['year']}", "yearly", None, None, m["serial"], m["year"], False,
                      m.start("serial"), m.end(), m.group(0).strip(".,'‘’`- "), "")
    return None


def _be_year(digits: str) -> bool:
    return EARLIEST_BE <= int(to_arabic_digits(digits)) <= latest_be()


def merged_sub_unit(read_as: str) -> tuple[str, str] | None:
    """(the letter, the sub-unit) when a number was read with its sub-unit and `/` merged."""
    m = _SUB_UNIT_SLASH_MERGED.search(read_as)
    return (m["merged"], SUB_UNIT_AND_SLASH[m["merged"][0]]) if m else None


def _sub_unit_slash_merged(text: str, kinds: tuple[str, ...]) -> Number | None:
    """The number read with its `บ` (`ฒ`, `//`) as the `.1/` (`.3/`) OCR made of it, the reading
    recorded (read_as: number_shape.number_reading flags it for a maintainer to confirm)."""
    m = _SUB_UNIT_SLASH_MERGED.search(text)
    digit = SUB_UNIT_AND_SLASH[m["merged"][0]]
    digit = to_thai_digits(digit) if re.match("[๐-๙]", text[m.start() - 1]) else digit
    num = find_number(text[:m.start()] + f".{digit}/" + text[m.end():], kinds)
    if num is None or num.kind != "government" or num.start > m.start():
        return num
    end = num.end - (3 - (m.end() - m.start()))  # (where the reading's end stands in `text`)
    num.read_as = re.sub(r"\s+", " ", text[num.start:end]).strip()
    num.end = end
    return num


def _damaged(m: re.Match, damaged: bool) -> str | None:
    return re.sub(r"\s+", " ", m.group(0)).strip() if damaged else None
