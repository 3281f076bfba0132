"""Extract the parts of a Thai official letter (หนังสือภายนอก) from its OCR lines.

Works on (raw line number, text) pairs so every value and every flag can name the line
it came from.  Layout of the letter, top to bottom: urgency, ที่ number, issuing agency
and address, date, receipt stamps of the receiving offices (เลขรับ / วันที่ / เวลา),
เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, body, ขอแสดงความนับถือ, (signatory name),
position, issuing unit, โทร / โทรสาร.  Fields that cannot be found are None and flagged."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from build_tools.common.thaidate import DATE_RE, parse_thai_date, to_arabic_digits
from build_tools.ingest.flags import Flag

URGENCY_RE = re.compile(r"^(ด่วนที่สุด|ด่วนมาก|ด่วน)$")
NUMBER_RE = re.compile(r"^(?:(ด่วนที่สุด|ด่วนมาก|ด่วน)\s+)?ที่?\s*(?=[ก-ฮ]{2,4}\.?\s*[0-9๐-๙])(.+)$")
STAMP_RE = re.compile(r"^(เลขรับ|เลขที่)[\s.…:_-]*([0-9๐-๙][0-9๐-๙/.\-]*)?")
STAMP_DATE_RE = re.compile(r"^วันที่?[\s.…:_-]*(.*)$")
STAMP_TIME_RE = re.compile(r"^เวลา[\s.…:_-]*([0-9๐-๙][0-9๐-๙.:]*)?")
SUBJECT_RE = re.compile(r"^เรื่?อง\s*(.+)$")
ADDRESSEE_RE = re.compile(r"^เรียน\s*(.+)$")
REFERENCE_RE = re.compile(r"^อ้?างถึง\s*(.*)$")
ENCLOSURE_RE = re.compile(r"^สิ่?งที่?ส่งมาด้วย\s*(.*)$")
ITEM_RE = re.compile(r"^([0-9๐-๙]{1,2})[.)]\s*(.+)$")
COUNT_RE = re.compile(r"จำนวน\s*([0-9๐-๙]+\s*\S+)\s*$")
CITED_RE = re.compile(r"ที่?\s+([ก-ฮ]{2,4}\.?\s*[0-9๐-๙][^ล]*?)\s*(?:ลงวันที่?\s*(.+))?$")
CLOSING_RE = re.compile(r"^ขอแสดงความนับถือ")
NAME_RE = re.compile(r"^\((?!ลงชื่อ)([^()]{3,})\)$")
CONTACT_RE = re.compile(r"^(โทรศัพท์|โทรสาร|โทร)\.?\s*:?\s*(.*)$")
MOTTO_RE = re.compile(r"^[“\"].*[”\"]$")
ORG_RE = re.compile(r"^(กระทรวง|กรม|สำนัก|สำนักงาน|กอง|ฝ่าย|กลุ่ม|ศูนย์|จังหวัด|ศาลากลาง|อำเภอ|"
                    r"องค์การ|เทศบาล|สมาคม)")
# Tesseract often drops tone marks (ที่ -> ที, เรื่อง -> เรือง): keywords accept both.
DATED_RE = re.compile(r"^ลงวันที่?")
STAMP_WORD_RE = re.compile(r"^วันที่?")
TONE_MARKS = re.compile("[\u0e48-\u0e4b]")


def fold_marks(text: str) -> str:
    """For comparing names: without tone marks (OCR drops and adds them)."""
    return TONE_MARKS.sub("", text)


ADDRESS_RE = re.compile(r"^(ถนน|ถ\.|เลขที่\s+[0-9๐-๙]+\s+ถนน)|[0-9๐-๙]{5}$")


def clean(text: str) -> str:
    """The small per-line cleanup extraction needs (the full repair chain runs later on
    the document text): composed Unicode, sara am, no OCR emphasis, single spaces."""
    t = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    t = t.replace("**", "").replace("\u200b", "")
    return re.sub(r"\s+", " ", t).strip()


def clean_number(text: str) -> str:
    """'มท 0810.1 /ว 1631' -> 'มท 0810.1/ว 1631' (as printed, spaces tidied)."""
    t = re.sub(r"\s*/\s*", "/", clean(text))
    t = re.sub(r"\s*\.\s*(?=[0-9๐-๙])", ".", t)
    return t.strip(" .")


def clean_phone(text: str) -> str:
    return re.sub(r"\s*-\s*", "-", clean(text)).strip(" .:")


def find_date(text: str):
    """(iso date, text as printed) of the first Thai date in text, or (None, None)."""
    m = DATE_RE.search(text)
    if not m:
        return None, None
    try:
        return parse_thai_date(m.group(0)).isoformat(), clean(m.group(0))
    except ValueError:
        return None, clean(m.group(0))


@dataclass
class Letter:
    urgency: str | None = None
    number: str | None = None
    number_line: int | None = None
    date: str | None = None
    date_be: str | None = None
    issuer_name: str | None = None
    issuer_line: int | None = None
    address: str | None = None
    subject: str | None = None
    addressee: str | None = None
    references: list[dict] = field(default_factory=list)
    enclosures: list[dict] = field(default_factory=list)
    signatory: dict | None = None
    unit: str | None = None
    contact: list[dict] = field(default_factory=list)
    receipt_stamps: list[dict] = field(default_factory=list)
    body_lines: tuple[int, int] | None = None  # raw line range of the body paragraphs
    skip_lines: set[int] = field(default_factory=set)  # stamps, names, contacts: no word check
    flags: list[Flag] = field(default_factory=list)


def _cited(text: str, line: int, via: str) -> dict | None:
    """A cited letter inside a reference or enclosure text: its number and date."""
    m = CITED_RE.search(text)
    if not m:
        return None
    iso, printed = find_date(m.group(2) or "")
    title = clean(text[: m.start()]) or None
    return {"title": title, "number": clean_number(m.group(1)), "date": iso, "date_be": printed,
            "line": line, "via": via}


def extract_letter(lines: list[tuple[int, str]]) -> Letter:  # noqa: C901  (over the limit: to split this round)
    L = Letter()
    rows = [(n, clean(t)) for n, t in lines]
    text_rows = [(n, t) for n, t in rows if t]
    subject_at = next((i for i, (_, t) in enumerate(text_rows) if SUBJECT_RE.match(t)), None)
    header = text_rows[: subject_at if subject_at is not None else min(25, len(text_rows))]

    # Receipt stamps first: their lines (and the receiving office above them) are not
    # the letter's own agency or date.
    consumed: set[int] = set()
    for i, (n, t) in enumerate(header):
        m = STAMP_RE.match(t)
        if not m:
            continue
        stamp = {"kind": m.group(1), "number": m.group(2), "date": None, "date_text": None,
                 "time": None, "receiver": None, "line": n}
        consumed.add(n)
        if i > 0 and header[i - 1][0] not in consumed and ORG_RE.match(header[i - 1][1]):
            stamp["receiver"] = header[i - 1][1]
            consumed.add(header[i - 1][0])
        for n2, t2 in header[i + 1 : i + 3]:
            if (dm := STAMP_DATE_RE.match(t2)):
                stamp["date"], stamp["date_text"] = find_date(dm.group(1))
                consumed.add(n2)
            elif (tm := STAMP_TIME_RE.match(t2)):
                stamp["time"] = tm.group(1)
                consumed.add(n2)
        L.receipt_stamps.append(stamp)
    L.skip_lines |= consumed

    for n, t in header:
        if n in consumed:
            continue
        if URGENCY_RE.match(t) and not L.urgency:
            L.urgency = t
        elif (m := NUMBER_RE.match(t)) and not L.number:
            L.urgency = L.urgency or m.group(1)
            L.number, L.number_line = clean_number(m.group(2)), n
        elif ADDRESS_RE.search(t) and not DATE_RE.search(t) and not L.address:
            L.address = t
        elif DATE_RE.search(t) and not STAMP_WORD_RE.match(t) and not L.date_be:
            iso, printed = find_date(t)
            if len(t) <= len(printed or "") + 6:  # a line that is just the date
                L.date, L.date_be = iso, printed
                if iso is None:
                    L.flags.append(Flag("missing", f"วันที่ '{printed}' ไม่ถูกต้อง", n))
        elif ORG_RE.match(t) and not L.issuer_name and len(t) < 80:
            L.issuer_name, L.issuer_line = t, n

    # เรื่อง / เรียน / อ้างถึง / สิ่งที่ส่งมาด้วย, then the body.
    body_start = None
    i = subject_at if subject_at is not None else len(header)
    mode = None
    while i < len(text_rows):
        n, t = text_rows[i]
        if (m := SUBJECT_RE.match(t)) and L.subject is None:
            L.subject, mode = m.group(1), None
        elif (m := ADDRESSEE_RE.match(t)) and L.addressee is None:
            L.addressee, mode = m.group(1), None
        elif (m := REFERENCE_RE.match(t)):
            mode = "ref"
            if m.group(1):
                _add_reference(L, m.group(1), n)
        elif (m := ENCLOSURE_RE.match(t)):
            mode = "enc"
            if m.group(1):
                _add_enclosure(L, m.group(1), n)
        elif t.startswith("|"):
            cells = [c.strip() for c in t.strip("|").split("|")]
            if set("".join(cells)) <= set("-: "):
                pass  # Markdown table rule
            elif cells and (ENCLOSURE_RE.match(cells[0]) or (mode == "enc" and not cells[0])):
                mode = "enc"
                _add_enclosure(L, " ".join(c for c in cells[1:] if c), n)
            elif cells and REFERENCE_RE.match(cells[0]):
                mode = "ref"
                _add_reference(L, " ".join(c for c in cells[1:] if c), n)
        elif t == "-" or set(t) <= set("-|: "):
            pass  # OCR table debris
        elif mode == "ref" and (DATED_RE.match(t) or ITEM_RE.match(t)) and len(t) < 120:
            _add_reference(L, t, n, continuation=bool(DATED_RE.match(t)))
        elif mode == "enc" and (DATED_RE.match(t) or t.startswith("จำนวน") or ITEM_RE.match(t)) \
                and len(t) < 120:
            _add_enclosure(L, t, n)
        else:
            body_start = n
            break
        i += 1

    closing_at = next((k for k, (_, t) in enumerate(text_rows) if CLOSING_RE.match(t)), None)
    tail = text_rows[closing_at + 1 :] if closing_at is not None else text_rows[-15:]
    if body_start is not None:
        end = text_rows[closing_at - 1][0] if closing_at is not None and closing_at > 0 else text_rows[-1][0]
        if end >= body_start:
            L.body_lines = (body_start, end)

    # Signature block: (name), position, issuing unit lines, contacts.
    name_at = next((k for k, (_, t) in enumerate(tail) if NAME_RE.match(t)), None)
    if name_at is not None:
        n, t = tail[name_at]
        position = tail[name_at + 1][1] if name_at + 1 < len(tail) else None
        if position and (CONTACT_RE.match(position) or MOTTO_RE.match(position)):
            position = None
        L.signatory = {"name": NAME_RE.match(t).group(1).strip(), "position": position, "line": n}
        L.skip_lines.add(n)
        unit = []
        for _, t2 in tail[name_at + 2 :]:
            if CONTACT_RE.match(t2) or MOTTO_RE.match(t2):
                break
            if ORG_RE.match(t2) and len(t2) < 80:
                unit.append(t2)
        L.unit = " ".join(unit) or None
    for n, t in tail:
        if (m := CONTACT_RE.match(t)):
            kind = "โทรสาร" if m.group(1) == "โทรสาร" else "โทร"
            L.contact.append({"kind": kind, "number": clean_phone(m.group(2)), "line": n})
            L.skip_lines.add(n)

    for name, value, what in (("number", L.number, "เลขที่หนังสือ (ที่ ...)"),
                              ("date", L.date_be, "วันที่ของหนังสือ"),
                              ("subject", L.subject, "เรื่อง"),
                              ("addressee", L.addressee, "เรียน (ผู้รับ)"),
                              ("signatory", L.signatory, "ผู้ลงนาม")):
        if not value:
            L.flags.append(Flag("missing", f"ไม่พบ{what}: ตรวจต้นฉบับแล้วเพิ่มในไฟล์เอกสารเอง",
                                lines[0][0] if lines else None, wrong=name))
    return L


def _add_reference(L: Letter, text: str, line: int, continuation: bool = False) -> None:
    if continuation and L.references:
        ref = L.references[-1]
        ref["date"], ref["date_be"] = find_date(text)
        return
    m = ITEM_RE.match(text)
    body = m.group(2) if m else text
    ref = _cited(body, line, "อ้างถึง")
    if ref is None:
        iso, printed = find_date(body)
        ref = {"title": clean(body) or None, "number": None, "date": iso, "date_be": printed,
               "line": line, "via": "อ้างถึง"}
    L.references.append(ref)


def _add_enclosure(L: Letter, text: str, line: int) -> None:
    text = clean(text)
    count = None
    if (c := COUNT_RE.search(text)):
        count = re.sub(r"\s+", " ", c.group(1))
        text = text[: c.start()].strip()
    if not text:  # a count on its own line belongs to the last enclosure
        if L.enclosures and count:
            L.enclosures[-1]["count"] = count
        return
    if DATED_RE.match(text) and L.enclosures:
        enc = L.enclosures[-1]
        enc["title"] = f"{enc['title']} {text}"
        if count:
            enc["count"] = count
        _enclosure_citation(L, enc)
        return
    m = ITEM_RE.match(text)
    no = int(to_arabic_digits(m.group(1))) if m else len(L.enclosures) + 1
    enc = {"no": no, "title": m.group(2).strip() if m else text, "count": count, "line": line}
    L.enclosures.append(enc)
    _enclosure_citation(L, enc)


def _enclosure_citation(L: Letter, enc: dict) -> None:
    """An enclosure that is a copy of another letter cites it: record it as a reference."""
    ref = _cited(enc["title"], enc["line"], f"สิ่งที่ส่งมาด้วย {enc['no']}")
    L.references = [r for r in L.references if r["via"] != ref["via"]] if ref else L.references
    if ref:
        L.references.append(ref)
