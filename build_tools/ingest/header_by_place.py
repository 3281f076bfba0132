"""Header fields whose label OCR lost, read by their place in the form: เรื่อง under the
title or the date line, ถึง under a หนังสือประทับตรา's number, เรียน right before อ้างถึง,
สิ่งที่ส่งมาด้วย or the body, อ้างถึง by the letter it cites (หนังสือ... with a number or a
date), and สิ่งที่ส่งมาด้วย by its first item and that item's count.
A mixin of HeaderReader (header.py): it reads the same rows and fills the same Head."""
from __future__ import annotations

import re

from build_tools.common.thai import THAI_MARKS
from build_tools.ingest.date_lines import date_line
from build_tools.ingest.dates import read_dates
from build_tools.ingest.field_lines import CITES, COUNT_AT_END, cites_a_letter, count_column, labels_at
from build_tools.ingest.forms import CUT_SHARE, LABELS, cut_at, strip_junk, without_label_left
from build_tools.ingest.numbers import find_number
from build_tools.ingest.rows import ADDRESS_RE, ORG_RE, Row, opens_body
from build_tools.normalization import fuzzy

MAX_SUBJECT_ROWS = 4
CITATION_ROWS = 2  # lines below อ้างถึง a citation's number and date may wrap onto
# What OCR left of a lost label before its field's text: one or two letters (with their
# marks) or specks, a speck or two may follow them (`ง หนังสือ...`, `ถึง. หนังสือ...` for อ้างถึง).
LABEL_LEFT = re.compile(rf"^(?:[^\s0-9๐-๙{THAI_MARKS}][{THAI_MARKS}]*){{1,2}}[.,:;'\"`“”‘’|]*\s+")
FIRST_ITEM = re.compile(r"^[1๑]\s*[.,)]\s*(?=[ก-ฮเแโใไ])")
# สิ่งที่ส่งมาด้วย cut further at the left margin than a label read alone may be (`มาด้วย 1. แบบ...`):
# enough before item 1 and its count, which say the field by themselves.
ITEM_CUT_SHARE = 0.4


class ByPlace:
    """Fields read by their place (HeaderReader provides rows, h, _label_apart, _opens_field)."""

    def _subject_by_place(self, i: int, seg: str) -> bool:
        """เรื่อง stands right under a คำสั่ง's / ประกาศ's title (and number), and right under
        a letter's date line with เรียน after it: a line there without its label, that is
        no office, address or body, is the subject."""
        t = strip_junk(seg)
        if "subject" in self.h.fields or ORG_RE.match(t) or ADDRESS_RE.search(t) or len(re.sub(r"[^ก-ฮ]", "", t)) < 5:
            return False
        if self.h.form.key in ("order", "announcement"):
            above = self.h.title_index
        elif self.h.form.key in ("external", "memo") and self.h.date is not None and self._addressee_ahead(i + 1):
            above = next((k for k, r in enumerate(self.rows) if r.n == self.h.date_line), None)
        else:
            return False
        if above is None or i <= above:
            return False
        return not [r for r in self.rows[above + 1:i] if r.n not in self.h.consumed and r.n != self.h.number_line]

    def _addressee_by_place(self, row: Row, k: int, seg: str) -> bool:
        """ถึง whose label OCR lost: in a หนังสือประทับตรา, the first line under the number,
        the office and its address that is none of them (only debris before it on its row)."""
        t = strip_junk(seg)
        if self.h.form.key != "stamped" or "addressee" in self.h.fields or self.h.number is None:
            return False
        if any(re.search("[ก-ฮ]", s) for s in row.segs[:k]) or ORG_RE.match(t) or ADDRESS_RE.search(t):
            return False
        return 5 <= len(re.sub(r"[^ก-ฮ]", "", t)) and len(t) < 70 and not opens_body(t) and not date_line(t)

    def _addressee_ahead(self, i: int) -> bool:
        return any(next(labels_at(self._label_apart(r).segs[0], ("addressee",)), None)
                   for r in self.rows[i:i + MAX_SUBJECT_ROWS])

    def _addressee_before_next_field(self, i: int, seg: str) -> bool:
        """เรียน whose label OCR lost (หนังสือภายนอก, บันทึกข้อความ): the addressee stands right
        before อ้างถึง, สิ่งที่ส่งมาด้วย or the body, so an unlabelled line after the subject
        that the next line's label (or the body) follows is the addressee."""
        if self.h.form.key not in ("external", "memo") or "addressee" in self.h.fields or i + 1 >= len(self.rows):
            return False
        t = strip_junk(seg)
        if len(re.sub(r"[^ก-ฮ]", "", t)) < 5 or ORG_RE.match(t) or read_dates(t) or find_number(t):
            return False  # (no addressee holds a date or a letter's number: a citation's lines)
        if self._addressee_label_below(i) and i + 2 < len(self.rows):
            i += 1  # (its label, read alone below it: what follows that tells)
        below = self.rows[i + 1]
        first = self._label_apart(below).segs[0]
        return opens_body(first) or self._opens_field(below, ("references", "enclosures")) \
            or self._field_by_place(below, 0, first) is not None

    def _addressee_next(self, i: int) -> bool:
        """Is row i the addressee whose เรียน OCR lost (the next field's items below it, their
        label damaged too)?  Then the row before it still wraps the subject."""
        return i + 1 < len(self.rows) and self._addressee_before_next_field(i, self.rows[i].segs[0])

    def _take_addressee_by_place(self, i: int, row: Row, seg: str) -> None:
        """Row i is the addressee whose เรียน OCR lost or read below it (_addressee_before_next_field)."""
        # (a letter or two left of it are what OCR left of เรียน: `น พัฒนาการอำเภอ ทุกอำเภอ`)
        self.h.fields["addressee"] = [(row.n, without_label_left(strip_junk(seg), "addressee"))]
        self.h.addressee_unlabelled = row.n
        self.current = "addressee"
        if self._addressee_label_below(i):
            self.whole_rows.add(self.rows[i + 1].n)

    def _addressee_label_below(self, i: int) -> bool:
        """Is the row below row i เรียน alone, nothing after it?  A margin's damage or a
        skewed line can make OCR read the label a line below its text (`เลขาธิการคณะ...`
        then `รียน`)."""
        if i + 1 >= len(self.rows) or len(self.rows[i + 1].segs) != 1:
            return False
        return any(not rest.strip() for _, rest in labels_at(self.rows[i + 1].segs[0], ("addressee",)))

    def _field_by_place(self, row: Row, k: int, seg: str) -> str | None:
        """อ้างถึง or สิ่งที่ส่งมาด้วย whose label OCR lost (a letter or a speck of it may be
        left, or the end of สิ่งที่ส่งมาด้วย: `มาด้วย 1. ...`), after the subject: a citation of a
        letter (`ง หนังสือกรม... ที่ ขภ ... ลงวันที่`), or item 1 with its count (`ย 1. แบบสำรวจ...
        จำนวน 1 ฉบับ`), or a lone item with its count after what was left of the label (`วย
        แบบรายงานผล...   จำนวน 1 ฉบับ`)."""
        if not self.started or k > 0:
            return None
        t = self._placed_text(seg)
        if opens_body(t):
            return None
        if "references" in self.h.form.header and "references" not in self.h.fields \
                and "enclosures" not in self.h.fields and CITES.match(t) \
                and cites_a_letter(self._with_rows_below(row, t)):
            return "references"
        if "enclosures" in self.h.form.header and "enclosures" not in self.h.fields \
                and (FIRST_ITEM.match(t) or t != strip_junk(seg)) \
                and (COUNT_AT_END.search(t) or any(count_column(s) for s in row.segs[1:])):
            return "enclosures"
        return None

    @staticmethod
    def _without_cut_label(seg: str, name: str = "subject") -> str:
        """The subject read by its place without what the left margin left of its label
        (`รือง การขยายผล...`: the end of เรื่อง, its mark lost too)."""
        first, _, rest = strip_junk(seg).partition(" ")
        left = fuzzy.skeleton(first)
        for word in LABELS[name]:
            whole = fuzzy.skeleton(word)
            if rest.strip() and len(left) >= CUT_SHARE * len(whole) and left != whole and whole.endswith(left):
                return rest.strip()
        return seg

    @staticmethod
    def _placed_text(seg: str) -> str:
        """A field's text read by its place: without what was left of its label."""
        t = strip_junk(seg)  # (specks may stand after what was left of the label too: `ง 'หนังสือ...`)
        return cut_at(t, LABELS["enclosures"], share=ITEM_CUT_SHARE) or strip_junk(LABEL_LEFT.sub("", t))

    def _with_rows_below(self, row: Row, text: str) -> str:
        """`text` and the lines a citation wraps onto (up to the next label or the body)."""
        at = next(k for k, r in enumerate(self.rows) if r.n == row.n)
        for below in self.rows[at + 1:at + 1 + CITATION_ROWS]:
            seg = self._label_apart(below).segs[0]
            if opens_body(seg) or next(labels_at(seg, self.labelled), None):
                break
            text += " " + strip_junk(below.text)
        return text

    def _field_by_place_ahead(self, i: int, limit: int) -> bool:
        """Is a field read by its place within `limit` rows from row i on?"""
        return any(self._field_by_place(r, 0, self._label_apart(r).segs[0]) for r in self.rows[i:i + limit + 1])
