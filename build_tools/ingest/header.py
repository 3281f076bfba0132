"""A letter's header, read by its form: the top block (urgency, number, issuing office and
address, date, receipt stamps) and the labelled fields (ส่วนราชการ, เรื่อง, เรียน / ถึง,
อ้างถึง, สิ่งที่ส่งมาด้วย).  A labelled field continues onto the following lines until
the next label; the body starts after the last header field."""
from __future__ import annotations

import re

from build_tools.ingest.date_lines import date_line, month_and_year, month_year_line
from build_tools.ingest.dates import read_dates
from build_tools.ingest.field_lines import (
    CITED_ABOVE,
    CITES,
    COUNT_AT_END,
    ITEM_NO_DOT,
    ITEM_RE,
    after_item_debris,
    cites_a_letter,
    count_column,
    few_letters,
    figures_before_item,
    is_debris,
    is_separator,
    labels_at,
)
from build_tools.ingest.form_detect import TOP_ROWS, detect_form
from build_tools.ingest.forms import (
    Form,
    label_at,
    label_cut_at,
    label_garbled_at,
    strip_junk,
    urgency_at,
    urgency_cut_at,
)
from build_tools.ingest.head import Head
from build_tools.ingest.header_by_place import MAX_SUBJECT_ROWS, ByPlace
from build_tools.ingest.numbers import HEADLESS_NUMBER, find_number
from build_tools.ingest.row_apart import OPTIONAL_FIELDS, goes_on, label_apart
from build_tools.ingest.rows import ADDRESS_RE, ORG_RE, Row, opens_body, speck_apart
from build_tools.ingest.stamps import read_stamps
from build_tools.ingest.word_check import mostly_not_words
from build_tools.normalization import fuzzy

DEBRIS_ROWS = 2  # rows below a debris row among the fields where the next label may stand
SCATTERED_SEGS = 3  # pieces a wide gap parts on a row that a stamp or a hand scattered (a sentence has one)


class HeaderReader(ByPlace):
    def __init__(self, rows: list[Row], form: Form, title_index: int | None, title_office: str | None):
        self.rows = rows
        self.h = Head(form, title_index=title_index)
        if title_office:
            self.h.offices.append((rows[title_index].n, title_office))
        self.labelled = [f for f in form.header if f not in ("number", "date")]  # the fields with a label line
        self.current: str | None = None
        self.started = False  # a labelled field has been read
        self.whole_rows: set[int] = set()  # rows one segment read whole (the later segments were its)

    def read(self) -> Head:
        for stamp, lines in read_stamps(self.rows):  # receipt stamps: the receiving office's, not the letter's text
            self.h.consumed |= lines
            self.h.stamps.append(stamp)
        for i, row in enumerate(self.rows):
            if row.n in self.h.consumed or i == self.h.title_index:
                continue
            if is_debris(row, self.started or self.h.number is not None):  # (no speed class below the number)
                self.h.consumed.add(row.n)
                continue
            if not self._row(i, row):
                if self._debris_before_label(i, row):
                    self.h.consumed.add(row.n)
                    continue
                self.h.body_start = i
                break
        return self.h

    def _debris_before_label(self, i: int, row: Row) -> bool:
        """A row among the labelled fields that is mostly not words or one short piece (a
        stamp's or a signature's debris: `เ   เฉ   9๑๑1<ี่  ฮ่   ม ส่`, `ซันว`), with a label
        the form may print next right below it: not the body's start."""
        if not self.started:
            return False
        if len(row.segs) >= SCATTERED_SEGS and not opens_body(row.text) and self._label_ahead(i + 1, 0):
            return True  # pieces scattered over the line (`วัวส“รไฟลด     เปสมต      เพ      0`), a label next
        return (mostly_not_words(row.text) or few_letters(row)) and self._label_ahead(i + 1, DEBRIS_ROWS)

    # --- one row: True while the header goes on ------------------------------------
    def _row(self, i: int, row: Row) -> bool:
        row = self._label_apart(row)
        for k, seg in enumerate(row.segs):
            if not self._seg(i, row, k, seg):
                # a later segment that is not header text is still on a header row, unless
                # only specks stood before it (`.    ด้วยกระทรวง...`: the body's indent)
                return k > 0 and any(strip_junk(s) for s in row.segs[:k])
        return True

    def _label_apart(self, row: Row) -> Row:
        return label_apart(row, self.h.form.header, self.labelled, self.current if self.started else None)

    def _seg(self, i: int, row: Row, k: int, seg: str) -> bool:
        if row.n in self.whole_rows:
            return True
        if self._labelled(row, k, seg):
            return True
        if self.started:
            return self._continues(i, row, k, seg)
        return self._top(i, row, k, seg)

    def _labelled(self, row: Row, k: int, seg: str) -> bool:
        expected = self._may_come()
        for name in self.h.form.header:
            if name in self.h.fields and name not in ("references", "enclosures"):
                continue
            if name == "number" and self.h.number is not None:
                continue
            if name == "date" and self.h.date is not None:
                continue
            rest = label_at(seg, name, strict=name not in expected)
            if rest is None and k == 0 and (self.started or self.h.date is not None):  # cut by the left margin
                rest = label_cut_at(seg, name, alone=k + 1 < len(row.segs))
                rest = label_garbled_at(seg, name) if rest is None and name in ("references", "enclosures") else rest
            if rest is None or not self._label_fits(name, rest, row):
                continue
            self._store(name, row, rest)
            return True
        return False

    def _expected(self) -> str | None:
        """The next labelled field the form prints (a label there may be glued to its value)."""
        order = self.labelled
        done = [f for f in order if f in self.h.fields]
        if not done:
            return order[0] if order else None
        nxt = order.index(done[-1]) + 1
        return order[nxt] if nxt < len(order) else None

    def _may_come(self) -> set[str]:
        """The labelled fields that may come next: the next one the form prints and, while
        that one is printed only when the letter has it (OPTIONAL_FIELDS: no อ้างถึง in a
        letter citing nothing), the one after it.  A label there may be more damaged than
        elsewhere (`สิงที่ เงมาด้วย` right after เรียน)."""
        nxt = self._expected()  # (a labelled field, or None)
        if nxt is None:
            return set()
        order = self.labelled
        out = set()
        for name in order[order.index(nxt):]:
            out.add(name)
            if name not in OPTIONAL_FIELDS:
                break
        return out

    def _label_fits(self, name: str, rest: str, row: Row) -> bool:
        if name == "number":
            return find_number(rest, after_label=True) is not None
        if name == "date":
            return bool(read_dates(rest))
        if name == "references":  # อ้างถึง as a header field cites a letter (a number or a date)
            if cites_a_letter(rest):
                return True
            if name in self.h.fields or fuzzy.starts_with(rest, CITED_ABOVE) is not None:
                return False  # (the body's `อ้างถึงหนังสือที่อ้างถึง ...` cites nothing)
            return bool(re.match(r"^\(?[0-9๐-๙]\s*[.,)]", rest) or CITES.match(rest)) or self._cites_below(row, rest)
        if name == "addressee" and fuzzy.starts_with(strip_junk(row.text), "ถึง") is not None:
            return self.h.form.key == "stamped"
        return bool(rest) or name in ("references", "enclosures")

    def _cites_below(self, row: Row, rest: str) -> bool:
        """A citation wrapped onto the lines below (`อ้างถึง หนังสือกรม...` / `ที่ มท ... ลงวันที่ ...`):
        its number or date stands there, before the body or the next label.  A line that
        only begins with the word (a body's `อ้างถึงหนังสือ... ได้แจ้ง...`) cites nothing."""
        return cites_a_letter(self._with_rows_below(row, rest))

    def _store(self, name: str, row: Row, rest: str) -> None:
        if name == "number":
            num = find_number(rest, after_label=True)
            self.h.number, self.h.number_line, self.h.number_labelled = num, row.n, True
            self._after_number(row, rest[num.end:].strip())
            return
        if name == "date":
            self.h.date, self.h.date_line = read_dates(rest)[0], row.n
            return
        if name in self.h.fields:  # the label printed again: a new item
            self.h.label_rows.add(row.n)
        self.h.fields.setdefault(name, []).append((row.n, rest))
        self.current = name
        self.started = name != "unit"

    # --- the top block, before the labelled fields ---------------------------------
    def _top(self, i: int, row: Row, k: int, seg: str) -> bool:
        if self._number_row_unread(row, seg):
            return True
        if self.current == "unit" and self.h.number is None and not ORG_RE.match(seg) and find_number(seg) is None:
            # (ส่วนราชการ wraps until the number's line; a seg of that line before the number is debris)
            self.h.fields["unit"].append((row.n, seg))
            return True
        if (u := urgency_at(seg)) and not self.h.urgency:
            self.h.urgency = u[0]
            return not u[1] or self._top(i, row, k, u[1])
        if not self.h.urgency and self.h.number is None and not self.h.offices and i < TOP_ROWS \
                and not any(re.search("[ก-ฮ]", s) for s in row.segs[:k]) \
                and (u := urgency_cut_at(seg)) and not u[1]:  # a stamp cut at the left edge (specks before it)
            self.h.urgency = u[0]
            return True
        if self.h.number is None and i < TOP_ROWS and self._bare_number(row, seg):
            return True
        if self._top_date(row, seg):
            return True
        if opens_body(seg) and (self.h.number or self.h.offices):
            return False
        if k == 0 and self._subject_by_place(i, seg):
            self.h.fields["subject"], self.h.subject_unlabelled = [(row.n, self._without_cut_label(seg))], row.n
            self.current, self.started = "subject", True
            return True
        if self._addressee_by_place(row, k, seg):
            self.h.fields["addressee"], self.h.addressee_unlabelled = [(row.n, strip_junk(seg))], row.n
            self.current, self.started = "addressee", True
            return True
        if k == 0 and len(row.segs) > 1 and not re.search("[ก-ฮ]", seg) and len(seg) <= 6:
            return True  # the emblem's or a seal's debris before a line's text
        self._top_text(row, seg)
        return True

    def _top_date(self, row: Row, seg: str) -> bool:
        """The date line of a form that prints it below the number; one whose day OCR could
        not read is kept as such (a date from elsewhere is then not the letter's)."""
        if self._number_row_date(row, seg):
            return True
        if not self._date_wanted():
            return False
        if d := date_line(seg):
            self.h.date, self.h.date_line = d, row.n
            self.h.date_above_number = self.h.number is None
            return True
        if self.h.number is not None and self.h.date_unread is None and month_year_line(seg):
            self.h.date_unread = (row.n, strip_junk(seg))
            return True
        return False

    def _number_row_date(self, row: Row, text: str) -> bool:
        """A บันทึกข้อความ's date on the number's line whose label is behind debris or read
        twice (`70, วัวันที่ 30 ก.ค. 2553`): any date there is the letter's; a month and year after
        its label whose day OCR lost (`วันที « มิ.ย. ๒๕๕๓`) are the letter's date unread."""
        if self.h.form.date_place != "number-row" or row.n != self.h.number_line or self.h.date is not None:
            return False
        if found := read_dates(text):
            self.h.date, self.h.date_line = found[0], row.n
        elif (dated := label_at(text, "date")) is not None and month_and_year(dated):  # its day lost: `« มิ.ย. ๒๕๕๓`
            self.h.date_unread = (row.n, strip_junk(dated))
            return True
        return bool(found)

    def _number_row_unread(self, row: Row, seg: str) -> bool:
        """A บันทึกข้อความ's `ที่ ... วันที่ ...` row whose number OCR spoiled past reading
        (`ที ขก 0518.ม3428 2  วันที่ 19 ส.ค. .2553`: / read as ม): it ends ส่วนราชการ, its
        date is the letter's, its number is reported as read (never guessed).  The date may
        stand apart, its label damaged too (`ที่, มท 0810.โ623     ' จันที 31 ม.ค. 2553.`)."""
        if self.h.form.date_place != "number-row" or self.h.number is not None or self.h.date is not None:
            return False
        if (own := label_at(seg, "number")) is None:
            return False
        later = row.segs[row.segs.index(seg) + 1:]
        if not (found := read_dates(rest := "     ".join([own] + later))):
            return False
        if later:
            self.whole_rows.add(row.n)
        label = re.search(r"\S*ว\S*น\S*ท\S*\s*$", rest[:found[0].start])  # (the date's label, as OCR read it)
        number_end = min(label.start() if label else found[0].start, len(own))  # (a later segment: the date's)
        self.h.number_unread = (row.n, strip_junk(rest[:number_end]).strip())
        self.h.number_line = self.h.date_line = row.n
        self.h.date, self.current = found[0], None
        return True

    def _date_wanted(self) -> bool:
        """The form's date is below the number: a date line above it (a receipt stamp's whose
        label was lost) gives way to one below it."""
        if self.h.form.date_place != "header":
            return False
        return self.h.date is None or (self.h.date_above_number and self.h.number is not None)

    def _bare_number(self, row: Row, seg: str) -> bool:
        """A number printed without ที่ (or with emblem debris before it); one whose code and
        first digits OCR lost (`ซิ10.5/1426`) is kept as it was read, never read as a number."""
        kinds = ("yearly",) if self.h.form.key in ("order", "announcement") else ("government", "abbreviation")
        num = find_number(text := strip_junk(seg), kinds)
        if num is None or num.start > 6:
            if kinds != ("yearly",):  # (ที่ read, the code after it spoiled: `ที่ ย์ๆ ๐๖๐๔.๔/ว ๘๑๐`)
                text = next((t for t in (text, label_at(text, "number")) if t and HEADLESS_NUMBER.match(t)), text)
            lost = HEADLESS_NUMBER.match(text) if kinds != ("yearly",) else None
            if lost:  # (the letterhead's name may follow it on the row)
                self.h.number_unread = (row.n, lost.group(0))
                self._after_number(row, text[lost.end():].strip())
            return lost is not None
        self.h.number, self.h.number_line = num, row.n
        self._after_number(row, text[num.end:].strip())
        return True

    def _after_number(self, row: Row, after: str) -> None:
        """What follows the number on its row: a บันทึกข้อความ's date (its label read or not:
        `พื .ขก 0548. 4|4318  วันที่  20 กรกฎาคม 2553`, ที่ read as พื), else the letterhead's text."""
        dated = label_at(after, "date") if after else None
        if dated is not None and read_dates(dated) and self.h.date is None:  # ที่ ... วันที่ ... on one line
            self.h.date, self.h.date_line = read_dates(dated)[0], row.n
        elif after and not self._number_row_date(row, after):
            self._top_text(row, after)

    def _top_text(self, row: Row, text: str) -> None:
        text = strip_junk(text)
        if ADDRESS_RE.search(text) and not self.h.address:
            self.h.address = text
        elif text and len(text) < 90:
            self.h.offices.append((row.n, text))

    # --- continuation of a labelled field -----------------------------------------
    def _label_ahead(self, i: int, limit: int) -> bool:
        """Is one of the form's next labels (the next one's, or a later one's when OCR lost
        the next) within `limit` rows from row i on?"""
        nxt = self._expected()
        ahead = self.labelled[self.labelled.index(nxt):] if nxt in self.labelled else []
        return any(self._opens_field(r, ahead) for r in self.rows[i:i + limit + 1])

    def _opens_field(self, row: Row, fields) -> bool:
        """Does `row` start with the label of one of `fields`, where that label fits (an
        อ้างถึง that cites nothing is the body's word)?"""
        return any(self._label_fits(f, rest, row) for f, rest in labels_at(self._label_apart(row).segs[0], fields))

    def _continues(self, i: int, row: Row, k: int, seg: str) -> bool:
        name = self.current
        if opens_body(seg) and name != "unit":
            return False
        if len(row.segs) > 1 and (not strip_junk(seg) if k == 0 else name == "subject" and speck_apart(seg)):
            return True  # specks before the row's text (`'      "สยามเมืองยิ้ม" ระดับกรม`), or right of a subject's
        if name in ("references", "enclosures") and figures_before_item(row.segs, k):
            return True  # (a stamp's figures, no item's)
        if (placed := self._field_by_place(row, k, seg)) and placed != name:
            self.h.fields[placed] = [(row.n, self._placed_text(seg))]
            self.h.unlabelled[placed] = row.n
            self.current = placed
            return True
        if name == "subject" and k == 0 and self._addressee_before_next_field(i, seg):
            self._take_addressee_by_place(i, row, seg)
            return True
        if name == "subject":
            rows, lines = len(self.h.fields["subject"]), len({n for n, _ in self.h.fields["subject"]})
            more = rows < MAX_SUBJECT_ROWS and (self._label_ahead(i + 1, MAX_SUBJECT_ROWS - rows)
                                                or self._field_by_place_ahead(i + 1, MAX_SUBJECT_ROWS - rows)
                                                or self._addressee_next(i + 1))
            if more or (self.h.form.key in ("order", "announcement") and lines < 2 and not is_separator(seg)):
                self.h.fields["subject"].append((row.n, seg))
                return True
            if is_separator(seg):
                self.h.consumed.add(row.n)
                return True
            return False
        if name in ("references", "enclosures") and self._item_continues(name, row, k, seg):
            self.h.fields[name].append((row.n, seg))
            return True
        if name == "unit":
            self.h.fields["unit"].append((row.n, seg))
            return True
        return False

    def _item_continues(self, name: str, row: Row, k: int, seg: str) -> bool:
        t = strip_junk(seg)
        if not t:  # a speck before the item on its row
            return True
        if ITEM_RE.match(t) or goes_on(t):
            return True
        if k > 0 and any(strip_junk(s) for s in row.segs[:k]):  # a right-hand segment of an item row (its count)
            return True
        if re.match(r"[2-9๒-๙]\s+[ก-ฮเแโใไ]", t) and not opens_body(t[1:]) \
                and (name == "enclosures" or CITES.match(t[1:].strip())):
            return True  # an item whose dot was lost (a citation: `2 หนังสือกรม...`)
        if name == "references" and CITES.match(after_item_debris(t)):
            return True  # a citation whose item number was lost or spoiled (`. หนังสือ...`, `1 ๒1:หนังสือ...`)
        if name == "enclosures" and k == 0 and any(count_column(s) for s in row.segs[1:]):
            return True  # an item whose number OCR lost: its count stands in the right column
        if name == "enclosures" and COUNT_AT_END.search(t) and not opens_body(t):
            return True  # an item whose number OCR read as letters (`ไต่. แบบสำรวจ... จำนวน ๑ ฉบับ`)
        if name == "references":  # a citation cut before its date (or inside it); not อ้างถึง again
            return not read_dates(self._current_item(name)) and not opens_body(t) \
                and label_at(t, "references", strict=False) is None  # (citing nothing: the body's `อ้างถึงหนังสือที่อ้างถึง`)
        return False

    def _current_item(self, name: str) -> str:
        """The text of the field's last item (from its number, or the label, on; a citation
        from its first word when its number was lost)."""
        pieces = []
        for _, t in reversed(self.h.fields[name]):
            pieces.insert(0, t)
            if ITEM_RE.match(s := strip_junk(t)) or (
                    name == "references" and (CITES.match(after_item_debris(s)) or ITEM_NO_DOT.match(s))):
                break  # (an item's start: its number, or a citation's first word when the number was lost)
        return " ".join(pieces)


def read_header(rows: list[Row]) -> Head:
    form, title_index, office = detect_form(rows)
    return HeaderReader(rows, form, title_index, office).read()
