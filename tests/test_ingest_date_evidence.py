"""Damage classes of the header date that seed 32's letter set showed (held out first,
benchmarks/ingest_eval.py --seed 32), checked across the other sets' cached OCR, one class
per test on small text fixtures: a year OCR damaged past reading (a digit read as a letter,
`25ร33`; a digit read as another, out of range, `๒๕๘๓`) is never read as a two-digit year,
and is read as the year the letter's own number prints only when the damaged year fits it;
a memo's date on the number's row whose day OCR lost is the letter's date unread, not a
reason to take a date from the body.  And the header's item lists there: a citation whose
item number OCR read as a letter (`ว หนังสือ...` for `๒. หนังสือ...`, seen on seeds 18, 21,
22, 25, 27 and 32), a speck read as 0 before a wrapped citation's date line, a figure apart
before the next label (`๕     ที่ส่งมาด้วย`, the label's first syllable lost)."""
import pytest

from build_tools.ingest.dates import read_dates
from build_tools.ingest.letter import extract_letter

BODY = ["ด้วยสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทยได้รับแจ้งว่าการดำเนินงานโครงการ",
        "ขอให้รายงานผลภายในวันที่ ๑ ตุลาคม ๒๕๕๒"]
SIGNED = ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมศักดิ์ ใจดี)",
          "นายกสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย"]


def _letter(lines):
    return extract_letter(list(enumerate(lines, 1)))


def _dated(number_line, date_line):
    return _letter([number_line, "ถนนพิษณุโลก เขตดุสิต กรุงเทพฯ ๑๐๓๐๐", date_line,
                    "เรื่อง ขอเชิญประชุมคณะทำงาน", "เรียน อธิบดีกรมการพัฒนาชุมชน"] + BODY + SIGNED)


def test_a_two_digit_year_with_a_letter_and_digits_glued_after_it_is_a_damaged_year_not_a_short_one():
    (d,) = read_dates("25 มีนาคม 25ร33")
    assert d.iso is None and d.unread_year == "25ร33"
    assert d.problems == ["ปี '25ร33' มีตัวอักษรปนในตัวเลข: อ่านเป็นปี พ.ศ. ไม่ได้ ตรวจกับต้นฉบับ"]
    assert read_dates("ลงวันที่ ๗ ธ.ค. ๕๒ นั้น")[0].iso == "2009-12-07"  # a two-digit year stays one


@pytest.mark.parametrize("number_line, date_line, iso, read", [
    # a digit of the year read as a letter and a digit
    ("ที่ สอบต. 094/2553        สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "25 มีนาคม 25ร33", "2010-03-25",
     "25 มีนาคม 2553"),
    # a digit of the year read as another: a year no letter can carry yet
    ("ที่ สอบต. ๐๑๒/๒๕๕๓        สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "๔ สิงหาคม ๒๕๘๓", "2010-08-04",
     "๔ สิงหาคม ๒๕๕๓"),
])
def test_a_damaged_year_that_fits_the_year_of_the_letters_number_is_read_as_it_and_flagged(
        number_line, date_line, iso, read):
    L = _dated(number_line, date_line)
    assert (L.date, L.date_be, L.date_source) == (iso, read, "header")
    (f,) = [f for f in L.flags if f.kind.startswith("date")]
    assert (f.kind, f.line, f.suggestion) == ("date_reading", 3, read)
    assert f"ปีในเลขที่หนังสือ '{L.number}'" in f.message
    assert not [f for f in L.flags if f.kind == "number_check"]  # the number's year is not the one in doubt


@pytest.mark.parametrize("number_line, date_line", [
    # a government number carries no year: nothing to read the damaged year by
    ("ที่ มท ๐๘๑๐.๓/ว ๓๓๐๕        กรมส่งเสริมการปกครองท้องถิ่น", "25 มีนาคม 25ร33"),
    # the number's year is not what the damaged year can be (two of its digits differ)
    ("ที่ สอบต. 094/2553        สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "25 มีนาคม 25ร99"),
])
def test_a_damaged_year_with_nothing_it_fits_is_flagged_never_guessed_nor_taken_from_the_body(number_line, date_line):
    L = _dated(number_line, date_line)
    assert L.date is None
    (f,) = [f for f in L.flags if f.kind.startswith("date")]
    assert (f.kind, f.line) == ("date_invalid", 3) and "มีตัวอักษรปนในตัวเลข" in f.message


def test_a_memos_date_on_the_number_row_whose_day_was_lost_is_flagged_not_replaced_by_a_body_date():
    L = _letter(["บันทึกข้อความ", "ส่วนราชการ สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ โทร. 0-5311-2491",
                 "ที ชม ๐๐๑๙.๕/๑๒๓๕      วันที « มิ.ย. ๒๕๕๓",
                 "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง"] + BODY
                + ["จึงเรียนมาเพื่อโปรดทราบ", "(นายประเสริฐ บุญมี)", "พัฒนาการจังหวัดเชียงใหม่"])
    assert L.form == "memo" and L.number == "ชม ๐๐๑๙.๕/๑๒๓๕" and L.date is None
    (f,) = [f for f in L.flags if f.kind.startswith("date")]
    assert (f.kind, f.line, f.wrong) == ("date_invalid", 3, "« มิ.ย. ๒๕๕๓")


# --- a citation's item number read as a letter -----------------------------------------------

@pytest.mark.parametrize("item", ["ว หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ ที่ มท ๐๔๑๐.๓/ว 2794",
                                  "ง' หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๔๑๐.๓/ว 2794"])
def test_a_citation_whose_item_number_ocr_read_as_a_letter_goes_on_and_the_header_after_it_is_read(item):
    L = _letter(["ที ลป 0518.2/ว 1284          ที่ว่าการอำเภองาว", "ถนนพหลโยธิน ลป 52110", "5 สิงหาคม 2553",
                 "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้", "เรียน กำนันและผู้ใหญ่บ้าน ทุกตำบล",
                 "อ้างถึง 1. หนังสือกรมการพัฒนาชุมชน ที่ มท 0810.3/ว 3537 ลงวันที่ 22", "เมษายน 2553",
                 item, "ลงวันที่ 11 กรกฎาคม 2553",
                 "สิ่งที่ส่งมาด้วย 1. แบบรายงานผลการดำเนินงาน      จำนวน 2 ชุด"] + BODY
                + ["จึงเรียนมาเพื่อโปรดทราบ", "(นายสมชาย ศรีสุข)", "นายอำเภองาว"])
    assert [(r["number"], r["date"]) for r in L.references] == [("มท 0810.3/ว 3537", "2010-04-22"),
                                                                ("มท ๐๔๑๐.๓/ว 2794", "2010-07-11")]
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("แบบรายงานผลการดำเนินงาน", "2 ชุด")]


def test_a_body_line_that_starts_with_a_letter_alone_and_cites_nothing_ends_the_citations():
    L = _letter(["ที ลป 0518.2/ว 1284          ที่ว่าการอำเภองาว", "ถนนพหลโยธิน ลป 52110", "5 สิงหาคม 2553",
                 "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้", "เรียน กำนันและผู้ใหญ่บ้าน ทุกตำบล",
                 "อ้างถึง หนังสือกรมการพัฒนาชุมชน ที่ มท 0810.3/ว 3537 ลงวันที่ 22 เมษายน 2553",
                 "ก หนังสือที่อ้างถึง ได้แจ้งแนวทางการขับเคลื่อนโครงการให้ทราบแล้ว นั้น"] + BODY
                + ["จึงเรียนมาเพื่อโปรดทราบ", "(นายสมชาย ศรีสุข)", "นายอำเภองาว"])
    assert [r["number"] for r in L.references] == ["มท 0810.3/ว 3537"]
    assert L.body_lines[0] == 7


def test_a_speck_read_as_0_before_a_wrapped_citations_date_is_no_item_number():
    L = _letter(["ที่ มท 0810.1/ว 2709         กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. 10300",
                 "13 กันยายน 2553", "เรื่อง  การจัดเวทีแลกเปลี่ยนเรียนรู้",
                 "เรียน     เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด",
                 "อ้างถึง  หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.1/ว 1631", "0  .ลงรันที่ 20 สิงหาคม 2552",
                 "สิ่งที่ส่งมาด้วย สำเนาบันทึกความร่วมมือ ๔ หน่วยงาน  จำนวน 3 แผ่น"] + BODY
                + ["จึงเรียนมาเพื่อโปรดทราบ", "(นายสมชาย ศรีสุข)", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    assert [(r["number"], r["date"]) for r in L.references] == [("มท 0810.1/ว 1631", "2009-08-20")]


@pytest.mark.parametrize("label", ["สิ่งที่ส่งมาด้วย", "ที่ส่งมาด้วย"])
def test_a_figure_apart_before_the_next_label_is_a_speck_not_an_item_of_the_field_above(label):
    from build_tools.ingest.layout import GAP

    L = _letter(["ที่ ชม 0019.1/ว 898          สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", "ถนนโชตนา ชม 50300",
                 "2 กันยายน 2553", "เรื่อง การรายงานผลการดำเนินงาน", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                 "อ้างถึง หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๒/ว 3642 ลงวันที่ 7 พ.ค. 53",
                 f"๕{GAP}{label}{GAP}1 'กำหนดการประชุมเชิงปฏิบัติการ  จำนวน 1 ฉบับ",
                 "2. แบบสำรวจข้อมูลหมู่บ้าน       จำนวน 1 แผ่น"] + BODY
                + ["จึงเรียนมาเพื่อโปรดทราบ", "(นายประเสริฐ บุญมี)", "พัฒนาการจังหวัดเชียงใหม่"])
    assert [r["number"] for r in L.references] == ["ขก ๐๐๑๗.๒/ว 3642"]
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("กำหนดการประชุมเชิงปฏิบัติการ", "1 ฉบับ"),
                                                                ("แบบสำรวจข้อมูลหมู่บ้าน", "1 แผ่น")]


# --- the body's dates when the header's is missing -------------------------------------------

@pytest.mark.parametrize("body_line", [
    "ได้ลงนามบันทึกความร่วมมือ เมือวันที ๑๒ มิถุนายน ๒๕๕๒ นัน",  # an event the letter recalls
    "ขอให้รายงานผลภายในวันที่ 16 ต.ค. 2553",  # a deadline
    "ขอเชิญประชุมในวันที่ 17 มี.ค. 2553 เวลา 09.00 น.",  # a meeting
    "ตามหนังสือที่ มท 0810.3/ว 3537 ลงวันที่ 22 เมษายน 2553",  # a citation
])
def test_a_body_date_that_is_an_event_a_deadline_or_a_citation_is_not_the_letters_date(body_line):
    L = _letter(["ที่ มท 0810.1/ว 2709         กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. 10300",
                 "เรื่อง  การจัดเวทีแลกเปลี่ยนเรียนรู้", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                 "ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับแจ้งว่าการดำเนินงานโครงการ", body_line,
                 "จึงเรียนมาเพื่อโปรดทราบ", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)",
                 "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    assert L.date is None
    assert [(f.kind, f.wrong) for f in L.flags if f.kind.startswith("date") or f.wrong == "date"] == \
        [("missing", "date")]


@pytest.mark.parametrize("body_line, iso", [
    ("สั่ง ณ วันที่ ๑๗ สิงหาคม พ.ศ. ๒๕๕๓", "2010-08-17"),  # the form's given date, its line not recognised
    ("๑๗ สิงหาคม ๒๕๕๓", "2010-08-17"),  # a date line alone
])
def test_a_given_date_or_a_date_alone_in_the_body_is_still_taken_and_flagged(body_line, iso):
    L = _letter(["ที่ มท 0810.1/ว 2709         กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. 10300",
                 "เรื่อง  การจัดเวทีแลกเปลี่ยนเรียนรู้", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                 "ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับแจ้งว่าการดำเนินงานโครงการ", body_line,
                 "จึงเรียนมาเพื่อโปรดทราบ", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)",
                 "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    assert (L.date, L.date_source) == (iso, "body")
    assert [f.kind for f in L.flags if f.wrong == "date"] == ["date_source"]
