"""Damage classes of the header date that seed 32's letter set showed (held out first,
benchmarks/ingest_eval.py --seed 32), checked across the other sets' cached OCR, one class
per test on small text fixtures: a year OCR damaged past reading (a digit read as a letter,
`25ร33`; a digit read as another, out of range, `๒๕๘๓`) is never read as a two-digit year,
and is read as the year the letter's own number prints only when the damaged year fits it;
a memo's date on the number's row whose day OCR lost is the letter's date unread, not a
reason to take a date from the body."""
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
