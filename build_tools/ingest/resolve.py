"""Link a cited letter (number + date) to a document in the corpus.

exact     the number is the same (Thai and Arabic digits alike)
probable  the number differs only by digits OCR confuses (๘/๕/๓, ๖/๒, ๔/๕), or the
          issuer (from the number prefix or the name in the citation) and the date
          agree: linked, but flagged for a maintainer to confirm, never silently
none      nothing fits (the cited letter is not in the corpus yet)"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from build_tools.common.letter_numbers import canonical, confusable_equal, edit_distance, number_prefix
from build_tools.common.thai import to_arabic_digits
from build_tools.common.thaidate import BE_OFFSET, MONTHS_ABBR, MONTHS_FULL, format_thai_date
from build_tools.ingest.checks import CONFUSED_DIGITS, confusion_cost
from build_tools.ingest.date_lines import month_and_year
from build_tools.ingest.dates import days_and_months
from build_tools.ingest.field_lines import CITES
from build_tools.ingest.flags import Flag
from build_tools.ingest.issuers import office_of_number
from build_tools.ingest.letter import fold_marks
from build_tools.ingest.numbers import find_number
from build_tools.ingest.prefixes import check_prefix
from build_tools.normalization import fuzzy

FUZZY_SLACK_SAME_DAY = 1.5  # an issuer's name among those of one day's letters: half again the damage


@dataclass
class Candidate:
    """A document a reference can point at (already in the corpus, or in this ingest)."""
    id: str
    number: str | None
    date: str | None  # ISO
    issuer: str
    doc_type: str


def known_prefixes(file_entries: list[dict], candidates: list[Candidate]) -> dict[str, dict]:
    """Prefix -> {issuer, drafted_by}: corpus/number_prefixes.yaml, then the prefixes of
    the letters already in the corpus (learned, never guessed)."""
    known = {e["prefix"]: {"issuer": e["issuer"], "drafted_by": e.get("drafted_by"), "from": "file"}
             for e in file_entries}
    for c in candidates:
        p = number_prefix(c.number or "")
        if p and p not in known:
            known[p] = {"issuer": c.issuer, "drafted_by": None, "from": c.id}
    return known


def prefix_issuer(number: str | None, known: dict[str, dict], line: int | None,
                  flags: list[Flag]) -> dict | None:
    """The agency a number's prefix stands for; an unknown prefix is flagged with the
    nearest known one."""
    p = number_prefix(number or "")
    if p is None:
        return None
    if p in known:
        return known[p]
    if known:
        nearest = min(known, key=lambda k: (edit_distance(p, k), k))
        flags.append(Flag("unknown_prefix",
                          f"ไม่รู้จักรหัส '{p}' ในเลขที่ '{number}' รหัสที่ใกล้ที่สุดคือ '{nearest}' "
                          f"({known[nearest]['issuer']}); ถ้าถูกต้อง เพิ่มรหัสนี้ใน corpus/number_prefixes.yaml",
                          line, suggestion=nearest, wrong=p))
    return None


def issuer_in_text(text: str | None, agencies: dict[str, dict], slack: float = 1.0) -> str | None:
    """An agency named in a citation (หนังสือกระทรวงมหาดไทย ... -> moi); longest name wins.
    `slack`: how much more OCR damage than a name's usual tolerance (fuzzy.starts_with)."""
    if not text:
        return None

    hits = [(len(name), aid) for aid, name in agencies.items() if name and fold_marks(name) in fold_marks(text)]
    if not hits:  # the name as OCR damaged it, right after หนังสือ (`หนังสือกระ รทรวงมหลดไทย`)
        named = re.sub(r"\s+", "", text[m.end():] if (m := CITES.match(text.strip())) else text)
        hits = [(len(name), aid) for aid, name in agencies.items()
                if name and fuzzy.starts_with(named, name.replace(" ", ""), slack) is not None]
    return max(hits)[1] if hits else None


def _issuer_of_that_day(ref: dict, pool: list[Candidate], agencies: dict[str, str]) -> str | None:
    """A citation with no number read and a whole date: its issuer's name damaged past the
    usual tolerance (`หนังสือกระ ะทรวงมหวาัดไทย`) is still read among the agencies that
    issued a letter on that very day (FUZZY_SLACK_SAME_DAY: the day stands for the rest)."""
    if ref.get("number") or not ref.get("date"):
        return None
    that_day = {c.issuer for c in pool if c.date == ref["date"] and c.doc_type == "letter"}
    return issuer_in_text(ref.get("title"), {a: n for a, n in agencies.items() if a in that_day},
                          FUZZY_SLACK_SAME_DAY)


def _ocr_equal(a: str, b: str) -> bool:
    """Same number except for digits Tesseract's Thai model confuses (checks.CONFUSED_DIGITS)."""
    a, b = canonical(a), canonical(b)
    if a == b or len(a) != len(b):
        return False
    return all(x == y or y in CONFUSED_DIGITS.get(x, "") or x in CONFUSED_DIGITS.get(y, "") for x, y in zip(a, b))


def _date_fits(date: str | None, other: str | None) -> bool:
    """No date, the same date, or the same month and year with the day misread."""
    if not date or not other or date == other:
        return True
    return date[:8] == other[:8] and _ocr_equal(date[8:], other[8:])


def _readings(ref: dict, c: Candidate, line: int | None) -> list[Flag]:
    """The cited document's number and date as the likely readings of a misread citation."""
    flags = []
    number = ref.get("number")
    if c.number and (not number or canonical(number) != canonical(c.number)):
        flags.append(Flag("number_check", f"เลขที่ที่อ้างถึง '{number or '-'}' น่าจะอ่านผิดหรืออ่านไม่ได้: "
                                          f"เอกสารที่อ้างถึง ({c.id}) มีเลขที่ '{c.number}'", line,
                          suggestion=c.number, wrong=number))
    flags += _cited_date(ref, c, line)
    return flags


def _cited_date(ref: dict, c: Candidate, line: int | None) -> list[Flag]:
    """A citation's date that is not the cited document's (misread, or unreadable) is
    flagged with the cited document's date, written in the citation's digits."""
    if not c.date or ref.get("date") == c.date:
        return []
    printed = ref.get("date_be")
    thai = bool(re.search("[๐-๙]", printed or ref.get("number") or ""))
    right = format_thai_date(dt.date.fromisoformat(c.date), thai_digits=thai)
    why = f"วันที่ที่อ้างถึง '{printed}' น่าจะอ่านผิด" if printed else "อ่านวันที่ที่อ้างถึงไม่ได้"
    return [Flag("date_check", f"{why}: เอกสารที่อ้างถึง ({c.id}) ลงวันที่ {right}", line,
                 suggestion=right, wrong=printed)]


def resolve(ref: dict, candidates: list[Candidate], known: dict[str, dict],
            agencies: dict[str, str], self_id: str | None = None, registry=None) -> tuple[dict, list[Flag]]:
    """Return the reference with `id` and `match` filled in, and the flags it raises."""
    flags: list[Flag] = []
    out = {**ref, "id": None, "match": "none"}
    pool = [c for c in candidates if c.id != self_id]
    number, date, line = ref.get("number"), ref.get("date"), ref.get("line")
    if number:
        exact = [c for c in pool if c.number and canonical(c.number) == canonical(number)]
        if exact:
            out.update(id=exact[0].id, match="exact")
            if date and exact[0].date and date != exact[0].date:
                flags.append(Flag("number_conflict",
                                  f"เลขที่ '{number}' ตรงกับ {exact[0].id} แต่วันที่ต่างกัน "
                                  f"({date} กับ {exact[0].date})", line, wrong=number))
            flags += _cited_date(ref, exact[0], line)
            return out, flags
    issuer = _cited_issuer(number, known, line, flags, registry) or issuer_in_text(ref.get("title"), agencies)
    that_day = None if issuer else _issuer_of_that_day(ref, pool, agencies)
    probable = _probable(pool, number, date, issuer or that_day)
    letters = ([p for p in probable if p[0].doc_type == "letter"] or probable
               or _by_pieces(ref, pool, issuer or that_day) or _by_day(ref, pool, issuer))
    if len(letters) == 1:
        c, why = letters[0]
        if that_day:  # (the maintainer is told how weak the name's reading was)
            why = (f"ชื่อหน่วยงานในข้อความที่อ้างถึงเสียหาย ใกล้ '{agencies[that_day]}' ที่สุดในบรรดาหน่วยงานที่มีหนังสือ"
                   "ลงวันที่เดียวกัน และอ่านเลขที่ไม่ได้")
        out.update(id=c.id, match="probable")
        flags.append(Flag("probable_reference",
                          f"อ้างถึง '{number or ref.get('title')}' ลงวันที่ {ref.get('date_be') or '-'} "
                          f"น่าจะเป็น {c.id}: {why} ตรวจแล้วยืนยันโดยแก้ match เป็น exact",
                          line, suggestion=c.id, wrong=number))
        flags += _readings(ref, c, line)
    elif len(letters) > 1:
        ids = ", ".join(c.id for c, _ in letters)
        flags.append(Flag("unresolved_reference",
                          f"อ้างถึง '{number}' อาจเป็นเอกสารใดก็ได้ใน {ids}: เลือกเองในไฟล์เอกสาร",
                          line, wrong=number))
    else:
        flags.append(Flag("unresolved_reference",
                          f"อ้างถึง '{number or ref.get('title')}' ลงวันที่ {ref.get('date_be') or '-'} "
                          "ยังไม่มีในคลังเอกสาร", line, wrong=number))
        if registry is not None:  # not in the corpus: its office digits checked against the data
            flags += check_prefix(number, registry, line, issuer)
    return out, flags


def _cited_issuer(number, known, line, flags, registry) -> str | None:
    if registry is None:
        return (prefix_issuer(number, known, line, flags) or {}).get("issuer")
    office, more = office_of_number(find_number(number or ""), registry, line)
    flags += more
    return office.agency if office else None


def _probable(pool, number, date, issuer) -> list[tuple[Candidate, str]]:
    probable = []
    for c in pool:
        if number and c.number and (confusable_equal(number, c.number) or _ocr_equal(number, c.number)) \
                and _date_fits(date, c.date):
            probable.append((c, f"เลขที่ต่างกันเฉพาะตัวเลขที่ OCR มักอ่านสลับกัน ('{number}' กับ '{c.number}')"))
        elif issuer and date and c.issuer == issuer and c.date == date:
            probable.append((c, f"หน่วยงานและวันที่ตรงกัน แต่เลขที่ไม่ตรง ('{number or '-'}' กับ "
                                f"'{c.number or '-'}')"))
        elif not number and issuer and date and c.date and c.issuer == issuer and _date_fits(date, c.date):
            # (a number read is another letter's of that month; an unreadable one may be this)
            probable.append((c, f"หน่วยงานตรงกัน เดือนและปีตรงกัน วันที่ต่างกันเฉพาะตัวเลขที่ OCR มักอ่านสลับกัน "
                                f"({date} กับ {c.date}) และอ่านเลขที่ไม่ได้"))
    return probable


def _by_pieces(ref: dict, pool: list[Candidate], issuer: str | None) -> list[tuple[Candidate, str]]:
    """A citation whose number OCR damaged past reading (`มท 0810. บป่ว 1631`, `มท ๐๕๑๕.๒/๔๕๐๐7`)
    is the issuer's letter whose serial stands in the citation's text (by digits OCR
    confuses; a speck after it, or its `/` lost before it) written in the month the
    citation's date gives, or, its date unread, the month and year its text names.  With no
    month in it at all, only a serial as printed will do."""
    if not issuer:
        return []
    text = to_arabic_digits(ref.get("text") or ref.get("title") or "")
    runs = re.findall(r"\d+", text)
    out = []
    for c in pool:
        if c.issuer != issuer or c.doc_type != "letter" or not c.number or not c.date:
            continue
        printed = c.number.rpartition("/")[2].lstrip("ว ").strip()
        serial = to_arabic_digits(printed)
        confused = min((n for run in runs if (n := _serial_read(run, serial)) is not None), default=None)
        if confused is None or not serial.isdigit():
            continue
        month = ref["date"][:7] == c.date[:7] if ref.get("date") else _names_month(text, c.date)
        if month or (not ref.get("date") and confused == 0 and not month_and_year(text)):
            out.append((c, f"หน่วยงานตรงกัน และเลขลำดับ '{printed}' ของเอกสารนั้นอยู่ในข้อความที่อ้างถึง"
                           + (" เดือนและปีตรงกัน" if month else "") + " แต่อ่านเลขที่ไม่ได้ทั้งหมด"))
    return out


def _by_day(ref: dict, pool: list[Candidate], issuer: str | None) -> list[tuple[Candidate, str]]:
    """A citation whose number and date OCR both spoiled, the date's year run on into a
    speck (`มท 0810. 17ว' ลงวันที่ 20 สิงหาคม: 255212`): the issuer's letter of the day, month
    and Buddhist-era year its text names (linked only when exactly one fits)."""
    if not issuer or ref.get("number") or ref.get("date"):
        return []
    text = to_arabic_digits(ref.get("text") or ref.get("title") or "")
    return [(c, "หน่วยงานตรงกัน และวัน เดือน ปีของเอกสารนั้นอยู่ในข้อความที่อ้างถึง แต่อ่านเลขที่และวันที่ไม่ได้")
            for c in pool if c.issuer == issuer and c.doc_type == "letter" and c.date and _names_day(text, c.date)]


def _names_day(text: str, iso: str) -> bool:
    """The text names the day, the month right after it and the Buddhist-era year of `iso`."""
    return (int(iso[8:10]), int(iso[5:7])) in days_and_months(text) and _names_month(text, iso)


def _serial_read(run: str, serial: str) -> int | None:
    """How many of the serial's digits `run` reads as digits OCR confuses them with (None:
    it is not the serial): the serial itself, with a speck after it or a digit of the office
    before it (its `/` lost)."""
    windows = [run] if len(run) == len(serial) else [run[:-1], run[1:]] if len(run) == len(serial) + 1 else []
    counts = [sum(a != b for a, b in zip(w, serial)) for w in windows
              if all(confusion_cost(a, b) < float("inf") for a, b in zip(w, serial))]
    return min(counts, default=None)


def _names_month(text: str, iso: str) -> bool:
    """The text names the month (full or abbreviated) and the Buddhist-era year of `iso`."""
    year, month = int(iso[:4]) + BE_OFFSET, int(iso[5:7])
    names = (MONTHS_FULL[month - 1], MONTHS_ABBR[month - 1])
    return any(fold_marks(n) in fold_marks(text) for n in names) and (str(year) in text or f" {year % 100}" in text)
