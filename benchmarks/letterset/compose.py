"""Each form's printed rows, top to bottom, as the ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ
lays it out: a row is one or more segments at a position (left margin, value column,
right column, centre, signature column), or a drawn thing (emblem, table, signature,
seal, receipt stamp).  render.py wraps long rows and draws them."""
from __future__ import annotations

from dataclasses import dataclass, field

from letterset.content import Words, digits

# x positions in cm from the page's left edge (A4: 21 cm; margins 3 cm left, 2 cm right)
LEFT, INDENT, CENTRE, RIGHT, SIGN, COUNT = 3.0, 5.5, 10.5, 12.0, 13.5, 14.5


@dataclass
class Seg:
    text: str
    x: float  # cm from the page's left edge (ignored when centred)
    centred: bool = False
    style: str = "body"  # body | bold | title | urgent


@dataclass
class Row:
    segs: list[Seg] = field(default_factory=list)
    kind: str = "text"  # text | para | emblem | small-emblem | table | signature | seal | stamp
    hang: float | None = None  # x of a wrapped row's next lines (None: not wrapped)
    gap: float = 0.0  # extra space before the row, in lines
    body: bool = False  # part of the letter's body (the truth's body text)
    table: list[list[str]] | None = None


def label(lbl: str, value: str, gap: float = 0.0, value_x: float | None = None) -> Row:
    """เรื่อง  ... : the label at the margin, its value after two spaces; wrapped lines of
    the value start under its first word."""
    vx = value_x or LEFT + 0.32 * (len(lbl) + 2)
    return Row([Seg(f"{lbl}  {value}", LEFT)], hang=vx, gap=gap)


def para(text: str, gap: float = 0.0) -> Row:
    return Row([Seg(text, INDENT)], kind="para", hang=LEFT, gap=gap, body=True)


def _header_external(w: Words, office, spec) -> list[Row]:
    rows = [Row(kind="emblem")]
    if w.urgency:
        rows.append(Row([Seg(w.urgency, LEFT, style="urgent")]))
    thi = "" if "no-thi" in spec.extras else "ที่ "
    rows.append(Row([Seg(f"{thi}{w.number}", LEFT), Seg(office.head, RIGHT)]))
    rows.append(Row([Seg(office.address, RIGHT)]))
    rows.append(Row([Seg(w.printed_date, CENTRE)], gap=0.5))
    return rows


def _subject_rows(w: Words, gap: float = 0.5) -> list[Row]:
    subject = w.subject + (f" {w.subject_tail}" if w.subject_tail else "")
    return [label("เรื่อง", subject, gap=gap)]


def _refs_rows(w: Words, spec) -> list[Row]:
    thai = "thai-digits" in spec.extras
    texts = [f"{r.title} ที่ {r.number} ลงวันที่ {r.printed_date}" for r in w.refs]
    if len(texts) == 1:
        return [label("อ้างถึง", texts[0])]
    vx = LEFT + 0.32 * 8
    rows = [label("อ้างถึง", f"{digits('1', thai)}. {texts[0]}", value_x=vx + 0.6)]
    rows += [Row([Seg(f"{digits(str(i), thai)}. {t}", vx)], hang=vx + 0.6) for i, t in enumerate(texts[1:], 2)]
    return rows


def _enclosure_rows(w: Words, spec) -> list[Row]:
    thai = "thai-digits" in spec.extras
    rows = []
    for i, (title, count) in enumerate(w.enclosures, 1):
        text = title if len(w.enclosures) == 1 else f"{digits(str(i), thai)}. {title}"
        segs = [Seg(f"สิ่งที่ส่งมาด้วย  {text}" if i == 1 else text, LEFT if i == 1 else LEFT + 3.5),
                Seg(f"จำนวน {count}", COUNT)]
        rows.append(Row(segs))
    return rows


def _body_rows(w: Words, gap: float = 0.5) -> list[Row]:
    rows = []
    for i, p in enumerate(w.paragraphs):
        rows.append(para(p, gap=gap if i == 0 else 0.2))
        if w.table and i == 1:
            rows.append(Row(kind="table", table=w.table, gap=0.3, body=True))
    return rows


def _signature(w: Words, office, closing: str | None = "ขอแสดงความนับถือ") -> list[Row]:
    rows = [Row([Seg(closing, SIGN, centred=True)], gap=0.6)] if closing else []
    rows += [Row(kind="signature"), Row([Seg(f"({w.signer})", SIGN, centred=True)]),
             Row([Seg(office.signer, SIGN, centred=True)])]
    return rows


def _footer(office) -> list[Row]:
    rows = [Row([Seg(line, LEFT)], gap=0.8 if i == 0 else 0) for i, line in enumerate(office.unit.split("\n"))]
    return rows + [Row([Seg(f"โทร. {office.phone}", LEFT)])]


def external(w: Words, office, spec) -> list[Row]:
    rows = _header_external(w, office, spec) + _subject_rows(w) + [label("เรียน", w.addressee)]
    if w.refs:
        rows += _refs_rows(w, spec)
    rows += _enclosure_rows(w, spec) + _body_rows(w) + _signature(w, office) + _footer(office)
    if "stamp" in spec.extras:
        rows.insert(1, Row(kind="stamp"))
    return rows


def memo(w: Words, office, spec) -> list[Row]:
    unit = office.unit.split("\n")[-1]
    head = office.head if unit == office.head else f"{office.head} {unit}"
    return [Row(kind="small-emblem"), Row([Seg("บันทึกข้อความ", CENTRE, centred=True, style="title")]),
            label("ส่วนราชการ", f"{head} โทร. {office.phone}", gap=0.3),
            Row([Seg(f"ที่  {w.number}", LEFT), Seg(f"วันที่  {w.printed_date}", CENTRE - 1.0)]),
            *_subject_rows(w, gap=0), label("เรียน", w.addressee, gap=0.5),
            *_body_rows(w, gap=0.3), *_signature(w, office, closing=None)]


def stamped(w: Words, office, spec) -> list[Row]:
    sender = office.order_head or office.head.removeprefix("ศาลากลาง")
    return [Row(kind="emblem"), Row([Seg(f"ที่ {w.number}", LEFT), Seg(office.head, RIGHT)]),
            Row([Seg(office.address, RIGHT)]), label("ถึง", w.addressee, gap=0.8), *_body_rows(w),
            Row([Seg(sender, SIGN, centred=True)], gap=1.0), Row(kind="seal"),
            Row([Seg(w.printed_date, SIGN, centred=True)]), *_footer(office)]


def order(w: Words, office, spec, kind: str = "คำสั่ง") -> list[Row]:
    thai = "thai-digits" in spec.extras
    be = digits("พ.ศ. ", thai)
    day, month, year = w.printed_date.split(" ")
    rows = [Row(kind="emblem"), Row([Seg(f"{kind}{office.order_head}", CENTRE, centred=True, style="bold")])]
    if w.number:
        rows.append(Row([Seg(f"ที่ {w.number}", CENTRE, centred=True, style="bold")]))
    rows += [Row([Seg(f"เรื่อง  {w.subject}", CENTRE, centred=True, style="bold")]),
             Row([Seg("-" * 24, CENTRE, centred=True)]), *_body_rows(w, gap=0.3),
             Row([Seg(f"{'สั่ง' if kind == 'คำสั่ง' else 'ประกาศ'} ณ วันที่ {day} {month} {be}{year}",
                      CENTRE, centred=True)], gap=0.8),
             *_signature(w, office, closing=None)]
    return rows


def announcement(w: Words, office, spec) -> list[Row]:
    return order(w, office, spec, kind="ประกาศ")


FORMS = {"external": external, "memo": memo, "stamped": stamped, "order": order,
         "announcement": announcement}
