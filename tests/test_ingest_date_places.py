"""Where a letter's date is, read through the damage the pooled misses of seeds 16-35 showed
(benchmarks/ingest_rescore.py: the dates not read at all), one class per test: a speck
read between the two halves of a year (`25.52`), a receipt stamp whose own date line OCR
lost (the letter's date line below the number is not the stamp's), a memo's number row
whose number OCR spoiled with the date standing apart behind a damaged label; and a cited
letter's date whose year OCR misread (`2559` for 2552, `92` for 52), flagged with the
reading that puts it before the citing letter."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.checks import check_dates
from build_tools.ingest.dates import first_date, read_dates
from build_tools.ingest.letter import extract_letter
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")
ENV = Env.of(CORPUS)
TAIL = ["เรื่อง ขอเชิญประชุม", "เรียน นายอำเภอ ทุกอำเภอ", "ด้วยจังหวัดขอเชิญประชุมคณะทำงาน",
        "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)", "ผู้ว่าราชการจังหวัดขอนแก่น"]


def _letter(lines):
    return extract_letter(list(enumerate(lines, 1)))


@pytest.mark.parametrize("text, iso, stored", [
    ("ประกาศ ณ วันที่ 29 กันยายน พ.ค. 25.52", "2009-09-29", "29 กันยายน 2552"),  # a dot between the halves
    ("๑๔ มีนาคม ๒๕,๕๓", "2010-03-14", "๑๔ มีนาคม ๒๕๕๓"),  # a comma, Thai digits staying Thai
    ("สั่ง ณ วันที่ 2 ก.พ. 25'53", "2010-02-02", "2 ก.พ. 2553"),  # a quote
])
def test_a_speck_between_the_halves_of_a_year_is_read_through_and_noted(text, iso, stored):
    d = first_date(text)
    assert (d.iso, d.stored) == (iso, stored)
    assert any("มีจุดหรือเครื่องหมายปนระหว่างตัวเลข" in n for n in d.notes)


@pytest.mark.parametrize("text, iso", [
    ("ลงวันที่ 7 ธ.ค. 52,53 ครั้ง", "2009-12-07"),  # 5253 is no year: the two-digit year and a count
    ("ลงวันที่ 7 ธ.ค. 52.", "2009-12-07"),  # a full stop after a two-digit year
])
def test_what_after_a_two_digit_year_makes_no_year_with_it_leaves_it_as_read(text, iso):
    assert first_date(text).iso == iso


def test_a_year_whose_digits_run_on_is_still_no_year():
    # (one digit too many: a reading left unread, for a year printed elsewhere to place; see below)
    assert [(d.iso, d.unread_year) for d in read_dates("12 มีนาคม 25531")] == [(None, "25531")]


def test_a_stamp_whose_date_line_was_lost_does_not_take_the_letters_date_below_the_number():
    L = _letter(["กองแผนงาน", "เลขรับ ๑๖๘", "ที่ ขก ๐๐๑๗.๕/ว ๔๓๙๐        ศาลากลางจังหวัดขอนแก่น",
                 "ถนนศูนย์ราชการ ขก ๔๐๐๐๐", "๑๗ เมษายน ๒๕๕๓"] + TAIL)
    assert (L.date, L.date_line) == ("2010-04-17", 5)
    assert not [s for s in L.receipt_stamps if s["date"]]


def test_a_stamps_own_lines_still_stand_below_it_past_a_speck():
    L = _letter(["เลขรับ ๑๒๓", "ฯ", "๒๕ มิ.ย. ๒๕๕๓", "ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น",
                 "21 มิถุนายน 2553"] + TAIL)
    assert [(s["date"], s["line"]) for s in L.receipt_stamps] == [("2010-06-25", 1)]
    assert (L.date, L.date_line) == ("2010-06-21", 5)


def test_a_memos_spoiled_number_with_its_date_apart_behind_a_damaged_label():
    text = "\n".join(["บันทึกข้อความ", "ส่วนราชการ  กรมส่งเสริมการปกครองท้องถิ่น สำนักพัฒนาและส่งเสริม",
                      ".ที่, มท 0810.โ623     ' จันที 31 ม.ค. 2553.",
                      "เรื่อง การขยายผลโครงการพลังชุมชน", "เรียน  อธิบดีกรมการพัฒนาชุมชน",
                      "ด้วยกรมส่งเสริมการปกครองท้องถิ่นขอความร่วมมือ", "(นายสมชาย ศรีสุข)",
                      "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=ENV)
    assert (doc["form"], doc["number"], doc["date"]) == ("memo", None, "2010-01-31")
    assert (doc["subject"], doc["addressee"]) == ("การขยายผลโครงการพลังชุมชน", "อธิบดีกรมการพัฒนาชุมชน")
    missing = next(f for f in doc["flags"] if f["kind"] == "missing" and f["wrong"] == "number")
    assert "'มท 0810.โ623'" in missing["message"]


@pytest.mark.parametrize("cited_be, cited_iso, suggested", [
    ("6 สิงหาคม 2559", "2016-08-06", "6 สิงหาคม 2552"),  # 2 read as 9: 2553 would still be after the letter
    ("๙ ธันวาคม ๒๕๕๘", "2015-12-09", "๙ ธันวาคม ๒๕๕๒"),  # Thai digits stay Thai
])
def test_a_cited_date_after_the_letters_own_is_flagged_with_its_year_read_again(cited_be, cited_iso, suggested):
    cited = [{"date": cited_iso, "date_be": cited_be, "line": 6}]
    (f,) = check_dates("2010-05-01", "1 พฤษภาคม 2553", 3, [], cited)
    assert (f.kind, f.line, f.wrong, f.suggestion) == ("date_check", 6, cited_be, suggested)


def test_a_cited_date_after_the_letters_own_with_no_year_one_digit_off_gets_no_suggestion():
    cited = [{"date": "2047-08-06", "date_be": "6 สิงหาคม 2590", "line": 6}]  # two digits off any year before
    (f,) = check_dates("2010-05-01", "1 พฤษภาคม 2553", 3, [], cited)
    assert f.suggestion is None


def test_a_cited_date_whose_two_digit_year_is_impossible_is_flagged_with_the_reading_before_the_letter():
    cited = [{"date": None, "date_be": "18 ธ.ค. 92", "line": 7}]  # ๕ read as ๙ (2592 has not come)
    (f,) = check_dates("2010-03-27", "27 มีนาคม 2553", 3, [], cited)
    assert (f.kind, f.line, f.wrong, f.suggestion) == ("date_check", 7, "18 ธ.ค. 92", "18 ธ.ค. 2552")
    assert check_dates("2010-03-27", "27 มีนาคม 2553", 3, [], [{"date": None, "date_be": "18 ธ.ค. 77",
                                                                "line": 7}]) == []  # no reading fits


# --- a year whose first digit OCR read as a letter ----------------------------------------

def test_a_year_whose_first_digit_is_a_letter_is_no_year_alone():
    (d,) = read_dates("7 กรกฎาคม วิ553")
    assert (d.iso, d.unread_year) == (None, "วิ553")
    assert read_dates("ลงวันที่ 5 มีนาคม ว 123") == []  # (a letter and digits apart: no year)


def _dated(date_line: str, body: str) -> tuple:
    L = _letter(["ที่ มท 0810.4/ว 4647          กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. 10300",
                 date_line, "เรื่อง ขอความร่วมมือ", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด", body] + TAIL[2:])
    return L.date, [(f.kind, f.suggestion) for f in L.flags if f.kind in ("date_reading", "date_invalid")]


def test_a_year_whose_first_digit_is_a_letter_is_read_with_the_one_year_printed_elsewhere_and_flagged():
    date, flags = _dated("7 กรกฎาคม วิ553", "โปรดรายงานผลภายในวันที่ 11 ส.ค. 2553")
    assert (date, flags) == ("2010-07-07", [("date_reading", "7 กรกฎาคม 2553")])


def test_a_year_whose_first_digit_is_a_letter_stays_unread_when_no_year_printed_elsewhere_fits():
    for body in ("โปรดรายงานผลโดยเร็ว", "ภายในวันที่ 11 ส.ค. 2552"):
        date, flags = _dated("7 กรกฎาคม วิ553", body)
        assert date is None and [k for k, _ in flags] == ["date_invalid"]


@pytest.mark.parametrize("text, iso", [
    ("ประกาศ ณ วัวนนที่ *20 มีนาคม. พ.ค1 2553", "2010-03-20"),  # seed 36 L33: พ.ศ.'s last dot read as 1
    ("สั่ง ณ วันที่ 3 กุมภาพันธ์ พ.ศ1 2553", "2010-02-03"),
    ("ประกาศ ณ วันที่ 20 มีนาคม 1 2553", None),  # a figure alone after the month: no พ.ศ. it stood for
    ("วันที่ 7 ก.พ.1 2553", None),  # ก.พ. ends as พ.ศ. does: not read through
])
def test_a_be_marks_last_dot_read_as_one_is_read_through(text, iso):
    found = read_dates(text)
    assert (found[0].iso if found else None) == iso
    if iso:
        assert found[0].notes and "อ่านเป็น" in found[0].notes[0]


# --- a year with one digit too many: a speck OCR read as a digit (seeds 41, 42, 44) ------------

@pytest.mark.parametrize("date_line, body, iso, read", [
    ("5  มกราคม  25593", "โปรดรายงานผลภายในวันที่ 30 มกราคม 2553", "2010-01-05", "5 มกราคม 2553"),
    ("๓๐ มกราคม 1๒๕๕๓", "ภายในวันที่ ๑๕ กุมภาพันธ์ ๒๕๕๓", "2010-01-30", "๓๐ มกราคม ๒๕๕๓"),  # an Arabic 1 before it
    ("21 ธันวาคม 25527", "ตามหนังสือลงวันที่ 6 สิงหาคม 2552", "2009-12-21", "21 ธันวาคม 2552"),
])
def test_a_five_digit_year_is_read_as_the_year_printed_elsewhere_that_it_holds_whole_and_flagged(
        date_line, body, iso, read):
    date, flags = _dated(date_line, body)
    assert (date, flags) == (iso, [("date_reading", read)])


@pytest.mark.parametrize("date_line, body", [
    ("5  มกราคม  25593", "โปรดรายงานผลโดยเร็ว"),  # no year printed elsewhere
    ("5  มกราคม  25593", "ภายในวันที่ 30 มกราคม 2552"),  # 2552 is not in 25593 whole (three digits are)
    ("21 ธันวาคม 25527", "ภายใน 6 สิงหาคม 2552 และ 6 กันยายน 2557"),  # 2552 and 2557 both are
])
def test_a_five_digit_year_that_no_one_year_printed_elsewhere_fits_is_flagged_never_guessed(date_line, body):
    date, flags = _dated(date_line, body)
    assert date is None and [k for k, _ in flags] == ["date_invalid"]
    assert read_dates(date_line)[0].problems[0].endswith("มีตัวเลขห้าหลัก (ตัวหนึ่งเป็นเศษจาก OCR ที่อ่านเป็นตัวเลข): "
                                                         "อ่านเป็นปี พ.ศ. ไม่ได้ ตรวจกับต้นฉบับ")


@pytest.mark.parametrize("cited", [["ลงวันที่ 29", "ก.ค. 53"], ["ลงวันที่ 29 ก.ค. 53"], ["ลงวันที่ ๒๙", "ก.ค. ๕๓"]])
def test_a_five_digit_year_is_read_as_a_two_digit_year_printed_elsewhere_a_date_across_two_lines(cited):
    # seed 45 L12: the citation's date, its year in two digits, on two lines
    L = _letter(["ที่ มท 0810.4/ว 4647          กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. 10300",
                 "15 กันยายน 25593", "เรื่อง ขอความร่วมมือ", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                 "อ้างถึง หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๒/ว 1450 " + cited[0]] + cited[1:]
                + ["ด้วยจังหวัดได้รับแจ้งแนวทางการขับเคลื่อนโครงการ"] + TAIL[2:])
    assert L.date == "2010-09-15"
    assert [(f.kind, f.suggestion) for f in L.flags if f.kind.startswith("date")] == [
        ("date_reading", "15 กันยายน 2553")]


@pytest.mark.parametrize("date_line, read", [
    ("๓๐ มกราคม 1๒๕๕๓", "๓๐ มกราคม ๒๕๕๓"),  # seed 44 L19: without any other digit it would be 1xxx
    ("5 มกราคม 72553", "5 มกราคม 2553"),
])
def test_a_five_digit_year_with_one_plausible_reading_is_read_so_with_nothing_printed_elsewhere(date_line, read):
    date, flags = _dated(date_line, "โปรดรายงานผลโดยเร็ว")
    assert flags == [("date_reading", read)] and date is not None


def test_a_year_with_two_digits_too_many_or_a_short_one_run_on_is_no_date():
    assert read_dates("5 มกราคม 255931") == [] and read_dates("5 มกราคม 255") == []


def test_a_be_marks_first_dot_read_as_a_digit_is_read_through():  # seed 46 L33
    (d,) = read_dates("ประกาศ ณ วันที่ 1 เมษายน พ2ค.่2553'")
    assert (d.iso, d.stored) == ("2010-04-01", "1 เมษายน 2553")
