"""Extract the parts of a Thai official letter from its OCR lines, by its form
(forms.py): header (header.py), body, closing, signature block, contacts.

Works on (raw line number, text) pairs so every value and every flag can name the line
it came from.  Fields that cannot be found are None and flagged; a date that is not the
form's own date line (a reference's, a deadline in the body, a receipt stamp's) is
flagged as such."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pythainlp import thai_tonemarks

from build_tools.common.thai import THAI_MARKS, to_arabic_digits, without_marks
from build_tools.ingest.date_lines import BE_YEAR
from build_tools.ingest.dates import DateReading, first_date, read_dates, read_with_year, read_with_years_printed
from build_tools.ingest.enclosure_parts import COUNT_WORD, split_count, spoiled_count, tidy_title
from build_tools.ingest.field_lines import CITES, DATE_TO_FOLLOW, after_item_debris
from build_tools.ingest.field_lines import ITEM_RE as HEADER_ITEM_RE
from build_tools.ingest.flags import Flag
from build_tools.ingest.forms import strip_junk, without_lone_letter
from build_tools.ingest.head import Head
from build_tools.ingest.header import read_header
from build_tools.ingest.number_shape import shape_flags
from build_tools.ingest.numbers import Number, find_number
from build_tools.ingest.rows import Row, clean, make_rows
from build_tools.ingest.tail import read_tail
from build_tools.normalization import fuzzy
from build_tools.normalization.rules.unicode_rules import SARA_A_TWICE
from build_tools.normalization.split_words import rejoin_words

__all__ = ["Letter", "extract_letter", "clean", "fold_marks"]

ITEM_RE = re.compile(HEADER_ITEM_RE.pattern + "(.+)$")  # an item: its number, its text
ITEM_LOOSE = re.compile(r"^([2-9๒-๙])\s+(?=[ก-ฮเแโใไ])(.+)$")  # an item number whose dot was lost
# an item number with a speck glued to it, read as a letter: `1ไ. แบบ...`
ITEM_SPECKED = re.compile(r"^\(?([1-9๑-๙])[ก-ฮเแโใไ][\u0e31-\u0e4e]?\s*[.,)]\s*(.+)$")
ITEM_SPECK_BEFORE = re.compile(r"^[ก-ฮ]([1-9๑-๙])\s*[.,)]\s*(.+)$")  # a speck read as a letter before it: `ด๑. แนว...`
CITED_RE = re.compile(r"ที่?\s+([ก-ฮ]{2,6}\.?\s*[0-9๐-๙].*?)\s*(?:ลงวันที่?\s*(.+))?$")
TONE_MARKS = re.compile(f"[{thai_tonemarks}]")


def fold_marks(text: str) -> str:
    """For comparing names: without tone marks (OCR drops and adds them)."""
    return TONE_MARKS.sub("", text)


@dataclass
class Letter:
    form: str = "external"
    urgency: str | None = None
    number: str | None = None
    number_parsed: Number | None = None
    number_line: int | None = None
    number_unread: tuple[int, str] | None = None  # (its line, what OCR read) of a number not read
    date: str | None = None
    date_be: str | None = None
    date_line: int | None = None
    date_source: str = "header"  # header | receipt-stamp | body | none
    offices: list[tuple[int, str]] = field(default_factory=list)  # letterhead / office names
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


THAI = re.compile("[\u0e01-\u0e4e]")
THAI_LETTERS = re.compile("[ก-ฮ]")
SPECK_CHARS = r"\s.,:;|_~\-"  # what OCR leaves beside a field's words (a regex class's body)
TRAILING_JUNK = re.compile(rf"[{SPECK_CHARS}'\"`]+$")
ORPHAN_MARK = re.compile(rf"(?<=\s)[{THAI_MARKS}]+")  # a mark no letter carries: `ส่วนตำบล ่ทุกแห่ง`
SPECK_BEFORE_WORD = re.compile(r"(?<=\s)[.,'`]+(?=[ก-ฮเแโใไ])")  # `นายอำเภอ .ทุกอำเภอ` (a dot follows a letter)
SPECK_AFTER_WORD = re.compile(r"(?<=[\u0e01-\u0e4e])['`]+(?=\s)")  # `จังหวัด' ทุกจังหวัด` (no quote closes there)
TRAILING_TOKEN = re.compile(r"(?:\s|(?<=[\"”]))(\S{1,5})$")
# (a lone 0: a speck's ring; a lone letter with a quote: `ทุกจังหวัด . "ก`; Arabic and Thai
# digits in one figure: none is printed so; up to five characters, a figure glued to Thai
# letters: `0ฮ09่`, where a form's code has its dot: สปช.1)
DEBRIS_TOKEN = re.compile(r"(?=.{1,3}$)(?:.*[@#$%^&*=+<>~\[\]{}].*|[\"“”'‘’`]?[ก-ฮ]|[0-9][ก-ฮ]|[ก-ฮ][0-9]|[0๐]"
                          r"|(?=.*[0-9])(?=.*[๐-๙])[0-9๐-๙]+)|[0-9](?=.*[ก-ฮ])[^.]+")
ABBREVIATION_END = re.compile(r"(?:[ก-ฮ]\.){2,}(?=[\s.]*$)")  # ป.ป.ส. at a line's end
LINE_END_SPECKS = re.compile(rf"[{SPECK_CHARS}]+$")  # (quotes stay: they open a name)
LEADING_SPECKS = re.compile(rf"^[{SPECK_CHARS}'`]+")  # (not quotes: a continued line may open with one)
# Figures and specks before a continued line's words, two pieces or more (`2 . 71 0 .สยามเมืองยิม"`,
# `02 210 สยามเมืองยิ้ม"`): a stamp's or the margin's debris.  One figure may open a line
# (`๔ หน่วยงาน`), and so may a year (`2553 และ...`: four digits are no speck).
LEADING_FIGURE_DEBRIS = re.compile(r"^(?:(?:[0-9๐-๙]{1,3}|[.,:;'`|()\[\]!<>])[.,:;'`|()\[\]!<>]*\s+){2,}")
# An item's number OCR read as one or two letters (`ร รายชื่อ...`, `วล แบบสำรวจ...`): no word.
# With its dot, also read with a vowel or a mark (`ไต่. แบบสำรวจ...`); or its number and dot
# read as two or three figures (`98๐ แบบรายงาน...` for `2. แบบรายงาน...`).
ITEM_NUMBER_LOST = re.compile(r"^(?:[ก-ฮ]{1,2}|[เแโใไ]?[ก-ฮ][\u0e31-\u0e4e]?(?:[ก-ฮ][\u0e31-\u0e4e]?)?[.,:]"
                              r"|[0-9๐-๙]{2,3})\s+"
                              r"(?=[ก-ฮเแโใไ][\u0e01-\u0e4e]{3})")
# The dot leader between a title and its count column, read as a lone figure (`... 0 จำนวน`),
# a speck read as a letter after it (`... 1 ก  จำนวน`).
LEADER_SPECK = re.compile(r"\s+[0-9](?:\s+[ก-ฮ])?$")


def join_lines(parts: list[str]) -> str:
    """Lines of one field as one text: a Thai line ends inside a sentence, never at a
    space, so Thai meets Thai with no space (the normalizer's join_broken_lines rule)."""
    out = ""
    for p in (p.strip() for p in parts if p and p.strip()):
        quoting = _quote_open(out)
        closes = p[0] in "\"”" and quoting
        opens = out[-1:] in ("“", "(") or (out[-1:] == "\"" and quoting)  # (a closing quote ends a word)
        glue = "" if out and (THAI.match(out[-1]) and THAI.match(p[0]) or opens or closes) else " "
        out = out + glue + p if out else p
    return out


def _quote_open(text: str) -> bool:
    """The text opened a quotation it has not closed (an odd count of opening quotes)."""
    return (text.count("\"") + text.count("“")) % 2 == 1


def _joined(pieces: list[tuple[int, str]]) -> str | None:
    """A field's text: its lines joined, OCR debris at its ends taken off, spaces OCR put
    inside a word taken out."""
    if not pieces:
        return None
    parts = [strip_junk(pieces[0][1])] + [LEADING_SPECKS.sub("", LEADING_FIGURE_DEBRIS.sub("", t.lstrip()))
                                          for _, t in pieces[1:]]
    parts = [SCATTERED_FIGURES_AT_END.sub("", t) for t in parts]
    text = join_lines([_without_line_end_specks(t) for t in parts[:-1]] + parts[-1:])
    text = _without_trailing_debris(_without_trailing_junk(text))
    text = SPECK_AFTER_WORD.sub("", SPECK_BEFORE_WORD.sub("", ORPHAN_MARK.sub("", text)))
    return rejoin_words(SARA_A_TWICE.sub("ะ", text)) or None


# Two figures or more apart after a field's line's last word (`...การป้องกันและ 0 0`, a stamp's):
# a field's line may end with one number (`ปีงบประมาณ ๒๕๕๓`, `ครั้งที่ 2`), never with several.
SCATTERED_FIGURES_AT_END = re.compile(r"(?<=[\u0e01-\u0e4e])(?:\s+[0-9๐-๙]{1,2}[.,]?){2,}\s*$")


def _without_trailing_debris(text: str) -> str:
    """A field without the specks OCR read as a last 'word' (`ยิ้ม"0@`, `ชุมชน 0ฮ`, `สร้างสรรค์ ก`):
    a symbol no field ends with, an Arabic figure glued to a Thai letter, a lone consonant,
    a figure of Arabic and Thai digits (`ยิ้ม" 9๐`), a quote that opens nothing."""
    while (m := TRAILING_TOKEN.search(text)) and (DEBRIS_TOKEN.fullmatch(m.group(1)) or _lone_quote_at_end(text, m)):
        text = _without_trailing_junk(text[:m.start(1)].rstrip())
    return text


# Figures after an addressee's last word (`พัฒนาการจังหวัดขอนแก่น 71`, `อธิบดีกรมการพัฒนาชุมชน 1 200`:
# a stamp's or a hand's figures on its line, seed 48): no one is addressed by a number, but for
# the one a numbering word gives (`เขต 1`, `ภาค 3`).
TRAILING_FIGURES = re.compile(r"(?<=[\u0e01-\u0e4e])(?:\s+[0-9๐-๙]{1,4}[.,]?)+$")
NUMBERING_WORDS = ("เขต", "ภาค", "ที่", "ชั้น", "หมู่", "ซอย", "ฉบับ")


def _without_trailing_figures(addressee: str | None) -> str | None:
    m = TRAILING_FIGURES.search(addressee or "")
    return addressee if m is None or addressee[:m.start()].endswith(NUMBERING_WORDS) else addressee[:m.start()]


def _lone_quote_at_end(text: str, token: re.Match) -> bool:
    """The last 'word' is a lone quote that closes no quotation (`ยิ้ม" "`, `ทุกอำเภอ ”`): no field ends so."""
    quote = token.group(1)
    return quote in ('"', "”", "“") and not (quote != "“" and _quote_open(text[:token.start(1)]))


def _without_line_end_specks(text: str) -> str:
    """A field's line without the specks at its end (`ผู้นำชุมชนและ . |`); an abbreviation
    keeps its dot (`ป.ป.ส.`), a quote stays (it opens a name the next line goes on with)."""
    kept = ABBREVIATION_END.search(text)
    return text[:kept.end()] if kept else LINE_END_SPECKS.sub("", text)


def _without_trailing_junk(text: str) -> str:
    """Specks after a field's last word; not a closing quote (`"สยามเมืองยิ้ม"`)."""
    return text if text.endswith('"') else TRAILING_JUNK.sub("", text)


def _cited(text: str, line: int, via: str, flags: list[Flag]) -> dict | None:
    """A cited letter inside a reference or enclosure text: its number and date."""
    num = find_number(text, ("government", "abbreviation"))
    if num is None:
        return None
    read = shape_flags(num, line)
    flags += [f for f in read if f not in flags]  # (an enclosure is read again)
    d = first_date(text[num.end:]) or first_date(text)
    title = clean(re.sub(r"\s*ที่?\s*$", "", text[: num.start])) or None
    return {"title": title, "number": num.printed, "date": d.iso if d else None,
            "date_be": d.stored if d else None, "line": line, "via": via, "text": text}


def _references(L: Letter, pieces: list[tuple[int, str]], label_rows: set[int]) -> None:
    """อ้างถึง: one citation, or numbered ones (or each under its own label), each
    possibly over several lines."""
    groups: list[list[tuple[int, str]]] = []
    for n, t in pieces:
        t = strip_junk(t)
        if groups and DATE_TO_FOLLOW.search(join_lines([p for _, p in groups[-1]])):
            groups[-1].append((n, t))  # (its date: `๔. เม.ย. ๕๓` is no item ๔)
        elif not groups or ITEM_RE.match(t) or n in label_rows or (ITEM_LOOSE.match(t) and CITES.match(t[1:].strip())) \
                or (CITES.match(after_item_debris(t)) and find_number(join_lines([p for _, p in groups[-1]]))):
            groups.append([(n, t)])  # (a citation after a whole one: the next, its item number lost or spoiled)
        else:
            groups[-1].append((n, t))
    for g in groups:
        text = join_lines([t for _, t in g])
        m = ITEM_RE.match(text) or (ITEM_LOOSE.match(text) if len(groups) > 1 else None)
        body = m.group(2) if m else after_item_debris(text)
        ref = _cited(body, g[0][0], "อ้างถึง", L.flags)
        if ref is None and len(THAI_LETTERS.findall(body)) < 3 and len(groups) > 1:
            continue  # a piece of figures and specks (`2: 0  ' |`: a stamp's), its item number read in them
        if ref is None:
            d = first_date(body)
            ref = {"title": clean(body) or None, "number": None, "date": d.iso if d else None,
                   "date_be": d.stored if d else None, "line": g[0][0], "via": "อ้างถึง", "text": body}
        L.references.append(ref)


def _enclosures(L: Letter, pieces: list[tuple[int, str]]) -> None:
    for i, (n, t) in enumerate(pieces):
        text, count = split_count(strip_junk(t))
        later_segment = i > 0 and pieces[i - 1][0] == n
        if later_segment and count is None and L.enclosures and not L.enclosures[-1]["count"] \
                and (spoiled := spoiled_count(text)):
            L.enclosures[-1]["count"] = spoiled  # (its count column, จำนวน spoiled)
            continue
        if not text or COUNT_WORD.match(text) or (later_segment and len(THAI_LETTERS.findall(text)) < 3):
            if L.enclosures and count:  # a count on its own (a right-hand segment), or specks: the last one's
                L.enclosures[-1]["count"] = count
            continue
        if fuzzy.starts_with(text, "ลงวันที่") is not None and L.enclosures:
            enc = L.enclosures[-1]
            enc["title"] = f"{enc['title']} {text}"
            enc["count"] = count or enc["count"]
            _enclosure_citation(L, enc)
            continue
        m = ITEM_RE.match(text) or ITEM_LOOSE.match(text) or ITEM_RE.match(without_lone_letter(text)) \
            or ITEM_SPECKED.match(text) or ITEM_SPECK_BEFORE.match(text)
        no = int(to_arabic_digits(m.group(1))) if m else len(L.enclosures) + 1
        title = strip_junk(m.group(2)).strip() if m else ITEM_NUMBER_LOST.sub("", text)
        enc = {"no": no, "title": tidy_title(LEADER_SPECK.sub("", title)), "count": count, "line": n}
        L.enclosures.append(enc)
        _enclosure_citation(L, enc)


def _enclosure_citation(L: Letter, enc: dict) -> None:
    """An enclosure that is a copy of another letter cites it: record it as a reference."""
    ref = _cited(enc["title"], enc["line"], f"สิ่งที่ส่งมาด้วย {enc['no']}", L.flags)
    L.references = [r for r in L.references if r["via"] != f"สิ่งที่ส่งมาด้วย {enc['no']}"]
    if ref:
        L.references.append(ref)


MISSING = {"number": "เลขที่หนังสือ (ที่ ...)", "date": "วันที่ของหนังสือ", "subject": "เรื่อง",
           "addressee": "เรียน / ถึง (ผู้รับ)", "signatory": "ผู้ลงนาม"}
# What each form prints (a คำสั่ง has no addressee, a หนังสือประทับตรา no subject nor signature).
EXPECTED = {"external": ("number", "date", "subject", "addressee", "signatory"),
            "memo": ("number", "date", "subject", "addressee", "signatory"),
            "stamped": ("number", "date", "addressee"),
            "order": ("number", "date", "subject", "signatory"),
            "announcement": ("date", "subject", "signatory")}


# A field read by its place (header_by_place.py): its label, and what was read as it.
UNLABELLED = {"references": ("อ้างถึง", "บรรทัดที่อ้างหนังสือ (เลขที่ วันที่)"),
              "enclosures": ("สิ่งที่ส่งมาด้วย", "รายการที่ ๑ ที่มีจำนวนแนบ (จำนวน ... ฉบับ)")}


def _header_fields(L: Letter, h: Head) -> None:
    L.form, L.urgency = h.form.key, h.urgency
    if h.number:
        L.number, L.number_parsed, L.number_line = h.number.printed, h.number, h.number_line
    L.number_unread = None if h.number else h.number_unread
    L.offices, L.address = list(h.offices), h.address
    L.subject = _joined(h.fields.get("subject", []))
    L.addressee = _without_trailing_figures(_joined(h.fields.get("addressee", [])))
    if h.fields.get("unit"):  # บันทึกข้อความ: ส่วนราชการ names the office (and its unit, phone)
        unit = _joined(h.fields["unit"])
        L.offices.insert(0, (h.fields["unit"][0][0], re.split(r"\s+โทร", unit)[0]))
    _references(L, h.fields.get("references", []), h.label_rows)
    _enclosures(L, h.fields.get("enclosures", []))
    L.receipt_stamps = h.stamps
    if h.subject_unlabelled:
        under = f"ชื่อ{h.form.name_th}" if h.form.title else "บรรทัดวันที่"
        L.flags.append(Flag("unlabelled", f"ไม่พบคำว่า 'เรื่อง': ใช้บรรทัดใต้{under}เป็นเรื่องตามแบบหนังสือ "
                                          "ตรวจกับต้นฉบับ", h.subject_unlabelled, wrong="subject"))
    if h.addressee_unlabelled:
        where = ("ใช้บรรทัดใต้เลขที่และที่อยู่ของส่วนราชการเป็นผู้รับตามแบบหนังสือประทับตรา" if h.form.key == "stamped"
                 else "ใช้บรรทัดใต้เรื่องที่อยู่ก่อนอ้างถึง สิ่งที่ส่งมาด้วย หรือเนื้อความเป็นผู้รับตามแบบหนังสือ")
        L.flags.append(Flag("unlabelled", f"ไม่พบคำว่า '{'ถึง' if h.form.key == 'stamped' else 'เรียน'}': {where} "
                                          "ตรวจกับต้นฉบับ", h.addressee_unlabelled, wrong="addressee"))
    for name, line in h.unlabelled.items():
        L.flags.append(Flag("unlabelled", f"ไม่พบคำว่า '{UNLABELLED[name][0]}': ใช้{UNLABELLED[name][1]}ใต้เรื่อง"
                                          f"เป็น{UNLABELLED[name][0]}ตามแบบหนังสือ ตรวจกับต้นฉบับ", line, wrong=name))
    L.skip_lines |= h.consumed


def _set_date(L: Letter, d: DateReading | None, line: int | None, source: str, rows: list[Row] | tuple = ()) -> None:
    """`rows`: the letter's, whose years may stand for a damaged one (the number's first)."""
    if d is None:
        return
    if d.iso is None and L.number_parsed is not None and L.number_parsed.year:
        d = read_with_year(d, L.number_parsed.year, f"ปีในเลขที่หนังสือ '{L.number}'") or d
    if d.iso is None and d.unread_year:
        d = read_with_years_printed(d, [r.text for r in rows if r.n != line]) or d
    if d.iso is None:
        L.flags.append(Flag("date_invalid", f"วันที่ '{d.printed}' อ่านไม่ได้เป็นวันที่ที่ถูกต้อง: "
                                            + "; ".join(d.problems), line, wrong=d.printed))
        return
    L.date, L.date_be, L.date_line, L.date_source = d.iso, d.stored, line, source
    for note in d.notes:
        L.flags.append(Flag("date_reading", f"อ่านวันที่ '{d.printed}' เป็น {d.stored}: {note}", line,
                            suggestion=d.stored, wrong=d.printed))


# What introduces a date in running text that is not the letter's own: an event it recalls
# (เมื่อวันที่), a deadline or a meeting (ภายใน / ใน / ก่อน / ตั้งแต่ / ถึง วันที่), a citation
# (ลงวันที่); matched with the marks taken out (OCR drops them: เมือวันที).  A given date
# (ณ วันที่) or a date standing alone may be the letter's.
_NOT_THE_LETTERS = re.compile(r"(?:เมอ|ใน|กอน|ตงแต|ถง|ลง)\s*(?:วน(?:ท)?)?[\s.,:;'\"“”]*$")


def _fallback_date(L: Letter, rows: list[Row], body: tuple[int, int] | None) -> None:
    """No date where the form prints it: the first date of the body that is not an event,
    a deadline or a citation (never a reference's or a receipt stamp's in the header),
    flagged as such."""
    if body is None:
        return
    before = ""
    for r in rows:
        if not body[0] <= r.n <= body[1]:
            continue
        for d in read_dates(r.text):
            lead = without_marks((before + " " + r.text[:d.start])[-40:])
            if d.iso and not _NOT_THE_LETTERS.search(lead):
                L.date, L.date_be, L.date_line, L.date_source = d.iso, d.stored, r.n, "body"
                L.flags.append(Flag("date_source", f"ไม่พบวันที่ของหนังสือในตำแหน่งที่แบบหนังสือกำหนด: "
                                    f"ใช้วันที่ '{d.printed}' จากเนื้อความ (บรรทัด {r.n}) ซึ่งอาจเป็นวันอื่น "
                                    "(กำหนดส่ง วันประชุม): ตรวจกับต้นฉบับ", r.n, suggestion=d.stored, wrong="date"))
                return
        before = r.text


def _missing(L: Letter, h: Head, first_line: int) -> None:
    """A flag for each field the form prints that was not read (a number that was there but
    could not be read: with what OCR gave)."""
    for name in EXPECTED[L.form]:
        value = {"number": L.number, "date": L.date_be, "subject": L.subject, "addressee": L.addressee,
                 "signatory": L.signatory}[name]
        if not value and name == "number" and h.number_unread:
            L.flags.append(Flag("missing", f"อ่าน{MISSING[name]} '{h.number_unread[1]}' ไม่ได้: "
                                           "ตรวจต้นฉบับแล้วเพิ่มในไฟล์เอกสารเอง", h.number_unread[0], wrong=name))
        elif not value:
            L.flags.append(Flag("missing", f"ไม่พบ{MISSING[name]}: ตรวจต้นฉบับแล้วเพิ่มในไฟล์เอกสารเอง",
                                first_line, wrong=name))


def extract_letter(lines: list[tuple[int, str]]) -> Letter:
    L = Letter()
    rows = make_rows(lines)
    if not rows:
        L.flags += [Flag("missing", f"ไม่พบ{what}", None, wrong=name) for name, what in MISSING.items()]
        return L
    h = read_header(rows)
    _header_fields(L, h)
    start = h.body_start if h.body_start is not None else len(rows)
    t = read_tail(rows, start, h.form)
    if start < t.body_end:
        L.body_lines = (rows[start].n, rows[t.body_end - 1].n)
    L.signatory, L.unit, L.contact = (t.signatory if h.form.signed else None), t.unit, t.contact
    L.skip_lines |= t.skip
    if t.sender:
        L.offices.append(t.sender)
    if not (h.date_above_number and h.date_unread):  # (then that date is a receipt stamp's)
        _set_date(L, h.date, h.date_line, "header", rows)
    if L.date and h.date_above_number and h.number is not None:
        L.flags.append(Flag("date_source", f"วันที่ '{h.date.printed}' อยู่เหนือบรรทัดเลขที่หนังสือ (ที่ตรารับมักอยู่) "
                                           "ไม่ใช่ใต้เลขที่ตามแบบหนังสือ: อาจเป็นวันที่รับ ตรวจกับต้นฉบับ", h.date_line,
                            suggestion=None, wrong="date"))
    if L.date is None:
        _set_date(L, t.date, t.date_line, "header", rows)
    if L.date is None and h.date_unread:  # the date line is there: a date elsewhere is not the letter's
        why = "อ่านได้เพียงเดือนและปี" if BE_YEAR.search(h.date_unread[1]) else "ปี พ.ศ. อ่านได้ไม่ครบสี่หลัก"
        L.flags.append(Flag("date_invalid", f"อ่านวันที่ของหนังสือ '{h.date_unread[1]}' ไม่ได้ ({why}): "
                                            "ตรวจกับต้นฉบับ", h.date_unread[0], wrong=h.date_unread[1]))
    elif L.date is None and t.date_unread:
        L.flags.append(Flag("date_invalid", f"อ่านวันที่ใต้ชื่อส่วนราชการ '{t.date_unread[1]}' ไม่ได้: "
                                            "ตรวจกับต้นฉบับ", t.date_unread[0], wrong=t.date_unread[1]))
    elif L.date is None and not any(f.kind == "date_invalid" for f in L.flags):
        _fallback_date(L, rows, L.body_lines)
    _missing(L, h, lines[0][0])
    return L
