"""The end of a letter, by its form: where the body stops (ขอแสดงความนับถือ, สั่ง ณ วันที่,
the sender's name over its seal, the signatory's name), the signature block (name,
position, the drafting unit), the contact lines, and the date the form prints there
(คำสั่ง, ประกาศ: "สั่ง/ประกาศ ณ วันที่ ..."; หนังสือประทับตรา: the date under the seal)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_tools.common.thai import THAI_MARKS
from build_tools.ingest import forms
from build_tools.ingest.date_lines import date_line, dated_line
from build_tools.ingest.dates import DateReading, read_dates
from build_tools.ingest.forms import Form, given_date_at, strip_junk
from build_tools.ingest.rows import ORG_RE, Row, clean
from build_tools.ingest.word_check import mostly_not_words
from build_tools.normalization import fuzzy
from build_tools.normalization.rules.unicode_rules import SARA_A_TWICE, SARA_AA_TWICE
from build_tools.normalization.split_words import rejoin_words

# (the signatory's name): OCR specks and a stray digit or Latin letter may follow it; OCR
# reads its bracket as [ or { now and then (`[แรยอนินต์:  แก้วประเสริฐ์)`)
# (a bracket read as [ only with its closing bracket: a table's `[ลำดับ` heading is no name)
# or a lone letter, a speck read as one, apart after the closing bracket (`(นายวีระพงษ์ ทองมา) ว`)
_AFTER_NAME = r"(?:[^()\u0e01-\u0e4e]{0,10}|\s+[ก-ฮ][^()\u0e01-\u0e4e]{0,3})"
NAME_RE = re.compile(rf"^(?:\(+(?!ลงชื่อ)([^()]{{3,}}?)(?:\)+{_AFTER_NAME})?"
                     rf"|[\[{{]+(?!ลงชื่อ)([^()[\]{{}}]{{3,}}?)[)\]}}]+{_AFTER_NAME})\s*$")
CONTACT_RE = re.compile(r"^(โทรศัพท์|โทรสาร|โทร)\s*\.?\s*:?\s*(.*)$")
CLOSING_END = re.compile(r"นับ\s*ถือ[^\u0e01-\u0e4e]*$")  # ขอแสดงความนับถือ's last word
LONE_LETTER_AT_END = re.compile(r"\s+[ก-ฮ]$")  # a speck read as a letter after a position (a name keeps it)
# a speck read as a letter or a figure before the bracket, a dot glued to it: `ย (นายอนันต์ ...)`, `2  .(นาย...`,
# or an upright stroke glued to it, the bracket's edge read again (`. 1(นาง...`)
SPECK_BEFORE_NAME = re.compile(r"^(?:[^\s()]{1,2}\s+)?[.,:;'`|1lI]{0,2}(?=\()")
# a stamp's or a hand's figures and letters glued before the title (`(แส6นายธีระ ...`): a
# piece with a figure or a sign in it, never a rank (ว่าที่ร้อยตรี, ร.ต.) or a word
DEBRIS_BEFORE_TITLE = re.compile(r"^[^\s()]{0,3}[^\sก-๛().][^\s()]{0,3}?(?=(?:นางสาว|นาง|นาย)[ก-ฮ])")
# `อนินต์:  แก้ว...`, `จังห“ วัด...`: no name or position has one
WORD_END_SPECK = re.compile(r"(?<=[\u0e01-\u0e4e])[:;|“”\"'‘’]+(?=\s)")
# a speck read as a bracket or a bar between two words (`นางสุภาพร ] ใจชื่อ`): no name or position has one
SPECK_BETWEEN_WORDS = re.compile(r"(?<=[\u0e01-\u0e4e])\s+[\[\]{}|!]{1,2}\s+(?=[\u0e01-\u0e4e])")
MOTTO_RE = re.compile(r"^[“\"].*[”\"]$")
# The opening bracket read as ไ glued to the title (`2 0  ไนางริชนี มิสุข]`, `ไนายวีระพงิษ์ ทองมา)`): with
# its closing bracket, a name (no Thai word starts ไนา).
BRACKET_READ_AS_AI = re.compile(r"^(?:[^\s()ก-ฮ]{1,2}\s+){0,2}ไ((?:นาย|นาง)[^()\[\]]{3,}?)[)\]]$")
# A speck standing apart before the position, read as a letter or two (`น     .,นายอำเภอ...`, `ฟี   .,นาย...`)
SPECK_BEFORE_POSITION = 2
LETTER_BEFORE_WORD = re.compile(rf"^[^ก-ฮเแโใไ]*([ก-ฮ][{THAI_MARKS}]{{0,2}})\s+(?=[ก-ฮเแโใไ])")  # (specks before it)
POSITION_REACH = 4  # rows below the name where the position may stand (specks of the seal between)
SIGN_WINDOW = 7  # rows after the closing where the signatory's name may stand
THAI_WORD = re.compile("[\u0e01-\u0e4e]+")
# a speck read as a quote or a dot before a word (`นางรัชนี .มีสุข`): no word starts with one
QUOTE_SPECK = re.compile(r"(?<=\s)['`\"‘’“”.]+(?=[ก-ฮเแโใไ])")
# The last letter of a dotted abbreviation that ends a position, a speck read as its
# vowel and its dot lost (`ป.ป.สี` for ป.ป.ส.): an abbreviation's letters carry no vowel there.
ABBREVIATION_MARKED_AT_END = re.compile(rf"(?<=\s)((?:[ก-ฮ]\.){{2,}}[ก-ฮ])[{THAI_MARKS}]\.?$")
SPACED_ABBREVIATION = re.compile(r"(?<=\b[ก-ฮ]\.)\s+(?=[ก-ฮ][\u0e31-\u0e4e]?(?:\.|\s|$))")  # ป. ป. ส.


@dataclass
class Tail:
    body_end: int  # index in rows (exclusive) where the body stops
    signatory: dict | None = None
    unit: str | None = None
    contact: list[dict] = field(default_factory=list)
    skip: set[int] = field(default_factory=set)
    date: DateReading | None = None
    date_line: int | None = None
    date_unread: tuple[int, str] | None = None  # the form's date line, its day or month unreadable
    sender: tuple[int, str] | None = None  # หนังสือประทับตรา: the office over its seal


def _name(row: Row) -> str | None:
    """The name in parentheses on a row (its right-hand part first: a stamp may stand left)."""
    for seg in reversed(row.segs):
        t = re.sub(r"[\s.,:;'`|_~-]+$", "", SPECK_BEFORE_NAME.sub("", strip_junk(seg).lstrip(".,'")))
        if m := BRACKET_READ_AS_AI.match(t):
            t = f"({m[1]})"
        if m := NAME_RE.match(t):
            return _without_scribble(_name_text(m.group(1) or m.group(2))) or None
    return None


def _name_text(text: str) -> str:
    """A signatory's name as read between its brackets: cleaned, without the debris before
    its title or the specks around it."""
    return _tidy(DEBRIS_BEFORE_TITLE.sub("", clean(text)))


def _without_scribble(name: str) -> str:
    """The signature's scribble read as a letter or two after the surname (`ใจซื่อ ผี`)
    is no part of the name: a first name and a surname are there before it."""
    parts = name.split(" ")
    if len(parts) >= 3 and len(parts[-1]) <= 2 and len(parts[-2]) >= 3 and THAI_WORD.fullmatch(parts[-1]):
        return " ".join(parts[:-1])
    return name


def _tidy(text: str, split_words: bool = False) -> str:
    """A name or a position without the specks OCR put before, after or inside it (both
    begin and end with Thai: `0 พัฒนาการอำเภอ`, `ทองมา. 7`, `ขอนแก่น - . :`, `นางรัชนี 'มีสุข`),
    an abbreviation without the spaces OCR put after its dots (`ป. ป. ส.`) or the vowel a
    speck made of its last letter (`ป.ป.สี`), a sara aa read twice; a position also
    without the spaces OCR put inside its words."""
    text = SARA_AA_TWICE.sub("\u0e32", re.sub(r"^[^ก-ฮเแโใไ]+", "", text))
    text = WORD_END_SPECK.sub("", QUOTE_SPECK.sub("", SPACED_ABBREVIATION.sub("", SARA_A_TWICE.sub("ะ", text))))
    text = SPECK_BETWEEN_WORDS.sub(" ", text)
    text = ABBREVIATION_MARKED_AT_END.sub(r"\1.", text)
    if m := re.search(r"[^\u0e01-\u0e4e]+$", text):  # (an abbreviation keeps its last dot: ป.ป.ส.)
        keep = "." if m.group(0).startswith(".") and re.search(r"\.[ก-ฮ]$", text[: m.start()]) else ""
        text = text[: m.start()] + keep
    return rejoin_words(LONE_LETTER_AT_END.sub("", text)) if split_words else text


def _junk(row: Row) -> bool:
    """A row that is no text: a signature's or a seal's scribble read as letters."""
    if date_line(row.text):  # a date the last sentence ends with (ภายในวันที่ / 11 ธ.ค. 2552)
        return False
    letters = re.sub(r"[^ก-ฮ]", "", row.text)
    return len(letters) < 4 or len(strip_junk(row.text)) < 5


def _closing_left(row: Row, form: Form) -> bool:
    """What OCR left of ขอแสดงความนับถือ above the signature (`ป์ ว ามนับถือ`): a short
    line that ends in its last word."""
    t = strip_junk(row.text)
    return bool(form.closing) and len(t) <= len(form.closing) + 6 and bool(CLOSING_END.search(t))


def _date_row(rows: list[Row], lo: int, hi: int) -> int | None:
    return next((i for i in range(hi - 1, lo - 1, -1) if date_line(rows[i].text)), None)


def _seal_date_row(rows: list[Row], lo: int) -> int | None:
    """A หนังสือประทับตรา's date under its seal: the last date line, readable or not,
    with the office's name right above it (a deadline in the body has none)."""
    return next((i for i in range(len(rows) - 1, lo, -1)
                 if dated_line(rows[i].text) and ORG_RE.match(strip_junk(rows[i - 1].text))), None)


LAST_SENTENCE = ("จึงเรียน", "จึงขอ", "จึงแจ้ง")  # how the body's last sentence opens: จึงเรียนมาเพื่อ..., จึงขอ...


def _last_sentence(text: str) -> bool:
    """Does the row open the body's last sentence, as OCR damaged it (`จึง เร ยนมา เพื่อโป รดทราบ`)?"""
    t = re.sub(r"\s+", "", strip_junk(text))
    return any(fuzzy.starts_with(t, opener) is not None for opener in LAST_SENTENCE)


def _after_last_sentence(rows: list[Row], start: int) -> int:
    """The row after the body's last sentence (`จึงเรียนมาเพื่อโปรดทราบ`), where a หนังสือ
    ประทับตรา's seal and date stand; a date above it is the body's (a deadline), not the
    letter's.  `start` when there is none."""
    return next((i + 1 for i in range(len(rows) - 1, start - 1, -1)
                 if _last_sentence(rows[i].text)), start)


def _stamped_date_place(rows: list[Row], start: int) -> int | None:
    """Where a หนังสือประทับตรา's date line stands when it cannot be read: above the unit
    and contact lines at the foot, the line with a year in it."""
    k = len(rows) - 1
    while k > start and (CONTACT_RE.match(strip_junk(rows[k].segs[0])) or ORG_RE.match(strip_junk(rows[k].text))):
        k -= 1
    return k if k > start and re.search(r"[0-9๐-๙]{3,4}", rows[k].text) else None


def _anchor(rows: list[Row], start: int, form: Form, t: Tail) -> int | None:
    """Index of the row the body ends before; fills the form's own date when it is there."""
    for i in range(start, len(rows)):
        if form.closing and any(forms.is_closing(s) for s in rows[i].segs):
            return i
        if form.given_word and (rest := given_date_at(rows[i].text, form)) is not None:
            found = read_dates(rest)
            t.date, t.date_line = (found[0] if found else None), rows[i].n
            return i
    if form.key == "stamped":
        lo = max(start, len(rows) - 8, _after_last_sentence(rows, start))
        d = _seal_date_row(rows, lo)
        d = d if d is not None else _date_row(rows, lo, len(rows))
        if d is not None and (found := read_dates(rows[d].text)):
            t.date, t.date_line = found[0], rows[d].n
        elif d is not None:
            t.date_unread = (rows[d].n, strip_junk(rows[d].text))
        elif (d := _stamped_date_place(rows, start)) is not None and dated_line(rows[d].text):
            t.date_unread = (rows[d].n, strip_junk(rows[d].text))  # (`.. มิถุนายน 2553.`: its day lost)
        if d is not None:
            k = d - 1
            while k > start and _junk(rows[k]):
                k -= 1
            if _last_sentence(rows[k].text):
                return d  # the office's name over the seal was lost: the body's last sentence stays the body's
            t.sender = (rows[k].n, strip_junk(rows[k].text))
            return k
    names = [i for i in range(max(start, len(rows) - 10), len(rows)) if _name(rows[i])]
    return names[0] if names else None


def read_tail(rows: list[Row], start: int, form: Form) -> Tail:
    t = Tail(body_end=len(rows))
    anchor = _anchor(rows, start, form, t)
    if anchor is not None:
        t.body_end = anchor
    else:  # no closing, no signature (a page OCR lost): the foot's unit and contact lines still are none
        t.body_end = _above_contact_block(rows, start)
    while t.body_end > start and (_junk(rows[t.body_end - 1]) or _closing_left(rows[t.body_end - 1], form)):
        t.body_end -= 1
    after = rows[(anchor if anchor is not None else max(start, len(rows) - 15)):]
    _signature(after, t)
    for r in after:
        if (m := CONTACT_RE.match(strip_junk(r.segs[0]))):
            kind = "โทรสาร" if m.group(1) == "โทรสาร" else "โทร"
            t.contact.append({"kind": kind, "number": re.sub(r"\s*-\s*", "-", clean(m.group(2))).strip(" .:"),
                              "line": r.n})
            t.skip.add(r.n)
    return t


def _above_contact_block(rows: list[Row], start: int) -> int:
    """Where the body ends when nothing marks it: above the last lines that are the unit
    and its โทร / โทรสาร (with specks between)."""
    end = len(rows)
    while end > start and _junk(rows[end - 1]):
        end -= 1
    k = end
    while k > start and CONTACT_RE.match(strip_junk(rows[k - 1].segs[0])):
        k -= 1
    if k == end:
        return len(rows)
    while k > start and (_unit_line(strip_junk(rows[k - 1].text)) or _junk(rows[k - 1])):
        k -= 1
    return k


def _unit_line(text: str) -> bool:
    """The drafting unit's line at the foot (สำนักพัฒนาและส่งเสริม...): an office's name."""
    return bool(ORG_RE.match(text)) and len(text) < 80


# The name whose opening bracket (and more) OCR lost: words and its closing bracket (`ปหราหย ทองมา)`).
NAME_WITHOUT_OPENING = re.compile(r"^([^()]*[ก-ฮ][^()]*?\s+[^()\s]*[ก-ฮ][^()\s]*)\)+[^()\u0e01-\u0e4e]{0,6}$")


def _name_without_opening(rows: list[Row]) -> int | None:
    """The first row after the anchor (`rows[0]`: the closing or the given-date line) that
    is a name whose opening bracket OCR lost, with a position below it; only where no row
    holds a whole name."""
    for k, r in enumerate(rows[:3]):
        if NAME_WITHOUT_OPENING.match(strip_junk(r.text)) and k + 1 < len(rows) and not _junk(rows[k + 1]):
            return k
        if k and not _junk(r):
            return None
    return None


def _position_text(row: Row) -> str:
    """The position's row without a speck standing apart before it, read as a letter or two,
    or before its first word: a lone letter, or that word's first syllable read twice
    (`ง นายอำเภอ...`, `ผู้ ผู้ว่าราชการ...`); without the unit's name, where OCR read the unit
    at the left and the position at the right as one row (_unit_beside)."""
    first = strip_junk(row.segs[0])
    if len(row.segs) > 1 and (len(re.sub(r"\W", "", first)) <= SPECK_BEFORE_POSITION or _unit_beside(row)):
        return strip_junk(" ".join(row.segs[1:]))
    text = strip_junk(row.text)
    if (m := LETTER_BEFORE_WORD.match(text)) and (len(m[1]) == 1 or text[m.end():].startswith(m[1])):
        return text[m.end():]
    return text


def _unit_beside(row: Row) -> str | None:
    """The unit's name at the left of the position's row, a wide gap apart: the unit is
    printed at the left margin below the position, and a long position (นายกสมาคม...
    แห่งประเทศไทย) or a slightly skewed page puts both on one row as OCR reads them."""
    first, rest = strip_junk(row.segs[0]), strip_junk(" ".join(row.segs[1:]))
    if len(row.segs) > 1 and _unit_line(first) and not _unit_line(rest) and not mostly_not_words(rest):
        return first
    return None


def _position_like(row: Row) -> bool:
    """Could the row, a text row below the name that is no contact line, be the signatory's
    position (below a row of a signature's debris: `เ    ฉณฯ«    ฉณ«    ส`)?  Words, not the
    unit's name."""
    text = strip_junk(row.text)
    return not _unit_line(text) and not mostly_not_words(text)


def _signature(after: list[Row], t: Tail) -> None:
    at = next((k for k, r in enumerate(after[:SIGN_WINDOW + 2]) if _name(r)), None)
    if at is None and (at := _name_without_opening(after)) is not None:
        name_row = after[at]
        name = _name_text(NAME_WITHOUT_OPENING.match(strip_junk(name_row.text)).group(1))
    elif at is None:
        return
    else:
        name_row = after[at]
        name = _name(name_row)
    position = None
    window = []  # the two rows below the name that are text (a seal's specks are read as rows too)
    for r in after[at + 1:at + 1 + POSITION_REACH]:
        text = strip_junk(r.text)
        if CONTACT_RE.match(text) or MOTTO_RE.match(text) or len(window) == 2:
            break
        if not _junk(r):
            window.append(r)
    unit = []
    for k, r in enumerate(window):
        text = _position_text(r)
        if not (k + 1 < len(window) and mostly_not_words(text) and _position_like(window[k + 1])):
            position = _tidy(text, split_words=True)
            unit += [beside] if (beside := _unit_beside(r)) else []
            break
    t.signatory = {"name": name, "position": position, "line": name_row.n}
    t.skip.add(name_row.n)
    for r in after[at + 2:]:
        text = strip_junk(r.segs[0])
        if CONTACT_RE.match(text) or MOTTO_RE.match(text):
            break
        if _unit_line(text) and text != position:
            unit.append(text)
    t.unit = " ".join(unit) or None
