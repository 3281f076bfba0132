"""Who issued a letter: from its letterhead (the office as printed, with its province or
district) and from its number (corpus/letter_codes.yaml, corpus/number_prefixes.yaml and
the prefixes of the letters already in the corpus), the two checked against each other.

- a ministry's letterhead over a department's digits: the department drafted it for the
  ministry (issuer: the ministry, drafted_by: the department), as the seed's MOI letter;
- a province code names the province (ขก = ขอนแก่น); its office digits, when known, the
  office; a district on the letterhead must be in that province (gazetteer);
- an unknown code is flagged with the nearest known one; where the letterhead names an
  office whose code is one letter away (`ยอ` for ป.ป.ส.'s ยธ), that code, and the number
  read with it is suggested; a letterhead and a number that disagree are flagged;
  nothing is guessed."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import geothai

from build_tools.common.letter_numbers import number_prefix
from build_tools.common.thai import THAI_MARKS
from build_tools.ingest.flags import Flag
from build_tools.ingest.numbers import Number
from build_tools.ingest.rows import ORG_FIRST_WORDS
from build_tools.normalization import fuzzy

PLACE_LEVELS = (("จังหวัด", "province"), ("อำเภอ", "district"), ("ตำบล", "subdistrict"))


@dataclass
class Issuer:
    agency: str | None = None
    name: str | None = None  # the office: จังหวัดขอนแก่น, กรมการพัฒนาชุมชน
    province: str | None = None
    district: str | None = None
    drafted_by: str | None = None
    flags: list[Flag] = field(default_factory=list)
    line: int | None = None  # the letterhead line the office was read from


@dataclass
class Office:
    """What a letterhead or a number says."""
    agency: str | None
    name: str
    place_level: str | None = None  # the office's name ends with จังหวัด / อำเภอ / ตำบล
    province: str | None = None
    district: str | None = None
    exact: bool = True


BUILDING_CUT_KEEPS = 4  # letters of a building's name a cut at the margin leaves at the least


class Registry:
    """Every name an office can be printed with, and every number code, from the corpus."""

    def __init__(self, corpus, learned: dict[str, dict]):
        self.codes = corpus.letter_codes
        self.agencies = corpus.agencies
        self.learned = learned  # "มท 0810" -> {issuer, drafted_by}
        self.names: dict[str, str | None] = {}  # printed office name -> agency id
        for a in corpus.agencies.values():
            for n in [a.get("name_th"), a.get("abbr"), *(a.get("aliases") or [])]:
                if isinstance(n, str) and any("\u0e01" <= c <= "\u0e4e" for c in n):
                    self.names.setdefault(n, a.id)
        for section in (self.codes.offices, self.codes.provincial_offices, self.codes.associations):
            for e in section.values():
                self.names.setdefault(e["name"], e.get("agency"))
        for e in self.codes.ministries.values():
            self.names.setdefault(e["name"], e.get("agency"))
        self.ministry_agency = {code: e.get("agency") for code, e in self.codes.ministries.items()}

    # --- the letterhead -------------------------------------------------------------

    def strip_building(self, text: str) -> str:
        """The name without the building before it (ศาลากลาง, ที่ว่าการ), also when the
        left margin cut the building's first letters (`ว่าการอำเภอ...`)."""
        for b in self.codes.buildings:
            if (n := fuzzy.starts_with(text, b)) is not None:
                return text[n:].strip()
        for b in self.codes.buildings:
            for k in range(1, len(b) - BUILDING_CUT_KEEPS + 1):
                if text.startswith(b[k:]) and re.match("[ก-ฮเแโใไ]", b[k]):
                    return text[len(b) - k:].strip()
        return text

    def office_of_name(self, text: str) -> Office | None:
        """The office a printed name stands for: the longest known name it starts with
        (through OCR damage), then the place its name ends with."""
        text = self.strip_building(text.strip())
        best = None
        for name, agency in self.names.items():
            if len(fuzzy.skeleton(name)) < 3:
                continue
            n = text.find(name) == 0 and len(name) or fuzzy.starts_with(text, name)
            if n and (best is None or len(name) > len(best[0])):
                best = (name, agency, n)
        if best is None:
            return None
        name, agency, n = best
        level = next((lv for word, lv in PLACE_LEVELS if name.endswith(word)), None)
        office = Office(agency, name, level, exact=text.startswith(name))
        rest = text[n:].strip(" .,")
        if level and rest:
            place_of(office, rest)
        return office


def _gazetteer_names(level: str, province: str | None) -> dict[str, str]:
    provinces = geothai.provinces()
    if level == "province":
        return {p.name_th: p.name_th for p in provinces}
    codes = [p.code for p in provinces if province in (None, p.name_th)]
    names: dict[str, str] = {}
    for code in codes:
        for d in geothai.districts(code):
            if level == "district":
                names[d.name_th] = geothai.province(code).name_th
            else:
                for s in geothai.subdistricts(d.code):
                    names[s.name_th] = geothai.province(code).name_th
    return names


def place_of(office: Office, text: str, province: str | None = None) -> None:
    """Fill the office's province / district from the place name after it."""
    level = office.place_level
    if level == "subdistrict":
        return
    names = _gazetteer_names(level, province or office.province)
    words = text.split(" ")
    hit = None
    # its first word, or its first two joined (a gap OCR put inside the name: `ข อนแก่น`)
    for word in [words[0]] + (["".join(words[:2])] if len(words) > 1 and len(words[0]) <= 3 else []):
        if word in names:
            hit = word
        elif near := fuzzy.best_name(word, names, max_share=0.3):
            hit = near[0]
        if hit:
            break
    if hit is None:
        return
    if level == "province":
        office.province = hit
    else:
        office.district, office.province = hit, office.province or names[hit]


def office_of_number(number: Number | None, reg: Registry, line: int | None,
                     letterhead: Office | None = None) -> tuple[Office | None, list[Flag]]:
    """What the number's code and digits say about its office; an unknown code is flagged
    (with the code of the `letterhead`'s office, when it is one letter away)."""
    if number is None:
        return None, []
    codes = reg.codes
    if number.kind == "abbreviation":
        hit = codes.associations.get(number.code) or next(
            (e for c, e in codes.associations.items() if fuzzy.skeleton(c) == fuzzy.skeleton(number.code)), None)
        return (Office(hit.get("agency"), hit["name"]) if hit else None), []
    if number.kind != "government":
        return None, []
    prefix = number_prefix(number.printed)
    if prefix in reg.learned:
        e = reg.learned[prefix]
        return Office(e["issuer"], prefix, exact=True), []
    if number.code in codes.ministries:
        return _ministry_office(number, reg), []
    if number.code in codes.provinces:
        province = codes.provinces[number.code]
        e = codes.provincial_offices.get(number.office_digits)
        if e:
            return Office(e.get("agency"), e["name"], "province", province), []
        return Office(None, f"จังหวัด{province}", "province", province), []
    why = f"ไม่รู้จักรหัส '{number.code}' ในเลขที่ '{number.printed}' (ไม่มีในรหัสกระทรวงและจังหวัดของ " \
          "corpus/letter_codes.yaml)"
    if near := _letterhead_code(number.code, letterhead, reg) if letterhead else None:
        headed = f"หัวหนังสือเป็นของ{_office_name(letterhead)} ซึ่งใช้รหัส '{near}'"
        return None, [Flag("unknown_prefix", f"{why}; {headed}", line, suggestion=near, wrong=number.code),
                      Flag("number_check", f"รหัส '{number.code}' ในเลขที่ '{number.printed}' ไม่มีในข้อมูลรหัส แต่"
                                           f"{headed}: OCR อาจอ่านตัวอักษรในรหัสผิด ตรวจกับต้นฉบับ", line,
                           suggestion=number.printed.replace(number.code, near, 1), wrong=number.printed)]
    known = list(codes.ministries) + list(codes.provinces)
    near = min(known, key=lambda c: (fuzzy.cost(number.code, c), c)) if known else None
    return None, [Flag("unknown_prefix", why + (f"; รหัสที่ใกล้ที่สุดคือ '{near}'" if near else ""), line,
                       suggestion=near, wrong=number.code)]


def _ministry_office(number: Number, reg: Registry) -> Office:
    codes = reg.codes
    digits = number.office_digits
    for size in (4, 3, 2):
        e = codes.offices.get(f"{number.code} {digits[:size]}")
        if e and len(digits) >= size:
            return Office(e.get("agency"), e["name"])
    if e := codes.offices.get(number.code):  # an office known by the code alone (its digits not recorded: ยธ)
        return Office(e.get("agency"), e["name"])
    ministry = codes.ministries[number.code]
    return Office(ministry.get("agency"), ministry["name"])


def identify(heads: list[tuple[int, str]], number: Number | None, number_line: int | None,
             reg: Registry) -> Issuer:
    """The issuer from the letterhead lines (first office name found) and the number.  The
    letterhead stands on the number's line and below it: an office named above the
    number (a receipt stamp's receiver OCR left unrecognised) is taken only when none is."""
    head, head_line = None, None
    if number_line is not None:
        heads = sorted(heads, key=lambda h: h[0] < number_line)  # (stable: in order otherwise)
    for n, text in heads:
        if (head := _office_in(text, reg)) and head.agency:
            head_line = n
            break
        head = None
    by_num, flags = office_of_number(number, reg, number_line, letterhead=head)
    out = Issuer(flags=flags, line=head_line or (heads[0][0] if heads else None))
    if head:
        out = with_office(out, head, head_line)
    if by_num:
        _combine(out, head, by_num, number, reg, number_line if number_line else head_line)
    if out.province and out.district and out.district not in _gazetteer_names("district", out.province):
        out.flags.append(Flag("number_conflict", f"อำเภอ{out.district} ไม่อยู่ในจังหวัด{out.province} "
                                                 "(ตามรหัสในเลขที่หนังสือ) ตรวจกับต้นฉบับ", head_line, wrong=out.district))
    return out


LETTERHEAD_CODE_COST = 1.0  # one letter read as another (fuzzy.cost): more is another code


def codes_of(office: Office, reg: Registry) -> set[str]:
    """The letter-number codes an office's letters carry: its province's, its ministry's,
    or the code of a body under a ministry (ยธ for ป.ป.ส.)."""
    codes = reg.codes
    if office.province:
        return {c for c, name in codes.provinces.items() if name == office.province}
    out = {k.split(" ", 1)[0] for k, e in codes.offices.items() if office.agency and e.get("agency") == office.agency}
    return out | {c for c, e in codes.ministries.items() if office.agency and e.get("agency") == office.agency}


def _letterhead_code(read: str, head: Office, reg: Registry) -> str | None:
    """The code of the letterhead's office one letter from the code as read, if one only."""
    near = sorted((fuzzy.cost(read, c), c) for c in codes_of(head, reg))
    if not near or near[0][0] > LETTERHEAD_CODE_COST or (len(near) > 1 and near[1][0] == near[0][0]):
        return None
    return near[0][1]


# The body's first sentence as an office writes of itself: `ด้วยสมาคม... ได้รับแจ้งว่า`
SELF_OPENER = re.compile(r"^[^\u0e01-\u0e4e]*ด้วย\s*(?=[ก-ฮเแโใไ])")


def issuer_of_body(body: list[tuple[int, str]], reg: Registry) -> tuple[int, Office] | None:
    """The office the body's first sentence opens with after ด้วย (the issuer writing of
    itself: `ด้วยสำนักงาน ป.ป.ส. ได้รับแจ้งว่า`), with its line; for a letter whose
    letterhead and number name no office (a title OCR spoiled: `ประกาษ์สมาตมอง์ตกรร...`).
    ตามที่ opens a sentence about others (`ตามที่ กรมการพัฒนาชุมชน กรมส่งเสริม...`): not read."""
    if not body or not (m := SELF_OPENER.match(body[0][1])):
        return None
    office = reg.office_of_name(body[0][1][m.end():].strip())
    return (body[0][0], office) if office and office.agency else None


def with_office(iss: Issuer, office: Office, line: int | None) -> Issuer:
    """`iss` naming `office` (the letterhead's, or the one the body names: issuer_of_body),
    read at `line`."""
    return replace(iss, agency=office.agency, name=_office_name(office), province=office.province,
                   district=office.district, line=line)


# Where an office's name may start inside a word: its first word, through marks OCR added
# (`ประกวิติก่รมส่งเสริม...`: a ประกาศ's title, damaged, glued to its office's name).
_ORG_START = re.compile("|".join(f"[{THAI_MARKS}]*".join(w) for w in ORG_FIRST_WORDS))


def _office_in(text: str, reg: Registry) -> Office | None:
    """The office named in a letterhead line, also after OCR debris (`/7 7ศาลากลาง...`) or
    glued to a title word OCR damaged (`ประกวิติก่รม...`)."""
    starts = [0] + [m.start() for m in re.finditer(r"(?<=[^\u0e01-\u0e4e\s])\s*[ก-ฮเแโใไ]|(?<=\s)[ก-ฮเแโใไ]", text)]
    for i in starts[:6]:
        office = reg.office_of_name(text[i:].strip())
        if office and office.agency:
            return office
    for m in list(_ORG_START.finditer(text, 1))[:3]:  # (inside a word: a place-level office only with its place)
        office = reg.office_of_name(text[m.start():].strip())
        if office and office.agency and (office.province or not office.place_level):
            return office
    return None


def _office_name(o: Office) -> str:
    place = o.district or o.province if o.place_level else None
    return f"{o.name}{place}" if place and not o.name.endswith(place) else o.name


def _combine(out: Issuer, head: Office | None, by_num: Office, number: Number, reg: Registry, line) -> None:
    learned = reg.learned.get(number_prefix(number.printed) or "", {})
    if not out.agency:
        out.agency, out.name = by_num.agency, out.name or (by_num.name if by_num.agency else None)
        out.drafted_by = learned.get("drafted_by")
    elif by_num.agency and by_num.agency != out.agency:
        if out.agency == reg.ministry_agency.get(number.code or ""):  # drafted by a department
            out.drafted_by = by_num.agency
        elif not (head and head.place_level and by_num.place_level == "province"):  # (a district's office
            # numbers its letters with its province's office: สำนักงานพัฒนาชุมชนอำเภอ under ชม 0019)
            out.flags.append(Flag("number_conflict", f"หัวหนังสือเป็นของ {out.agency} แต่รหัสในเลขที่ "
                                  f"'{number.printed}' เป็นของ {by_num.agency}", line, wrong=number.printed))
    else:
        out.drafted_by = learned.get("drafted_by")
    if by_num.province:
        if out.province and out.province != by_num.province:
            out.flags.append(Flag("number_conflict", f"หัวหนังสือเป็นของจังหวัด{out.province} แต่รหัส "
                                  f"'{number.code}' ในเลขที่เป็นของจังหวัด{by_num.province}", line,
                                  suggestion=by_num.province, wrong=number.printed))
        out.province = out.province or by_num.province
