"""A letter's date checked against the deadline its body sets (issue #16: "the date in the
body or a deadline relative to it"): a deadline before the letter's date means one of the
two is misread; the letter's date is flagged, with the one reading of it (its digits
changed by OCR confusions) that falls before the deadline as the suggestion."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.deadlines import check_deadline
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")


@pytest.mark.parametrize("date_iso, date_be, body, suggestion", [
    # the year's ๒ read as ๖: the letter's date after its own deadline
    ("2013-12-15", "๑๕ ธันวาคม ๒๕๕๖", ["๓. รายงานผลการดำเนินงานตามแบบรายงานที่ส่งมาด้วย ภายในวันที่ ๒๐ ม.ค. ๒๕๕๓"],
     "๑๕ ธันวาคม ๒๕๕๒"),
    # the deadline wrapped onto the next line, ที่ without its mark; no reading fits: no suggestion
    ("2010-07-25", "๒๕ กรกฎาคม ๒๕๕๓", ["ขอให้รายงานผลภายในวันที", "๑๐ ก.ค. ๒๕๕๓ ด้วย"], None),
])
def test_a_deadline_before_the_letters_date_flags_the_date(date_iso, date_be, body, suggestion):
    (f,) = check_deadline(date_iso, date_be, 4, list(enumerate(body, 10)))
    assert (f.kind, f.line, f.suggestion, f.wrong) == ("date_check", 4, suggestion, date_be)
    assert f.message.startswith("เนื้อความกำหนดให้ดำเนินการภายในวันที่ ")
    assert f.message.endswith(f"ซึ่งอยู่ก่อนวันที่หนังสือ ({date_be}): วันที่หนึ่งในสองอ่านผิด ตรวจกับต้นฉบับ")


@pytest.mark.parametrize("body", [
    ["รายงานผลภายในวันที่ ๓๐ ส.ค. ๒๕๕๓"],  # after the letter: as it should be
    ["ภายในเดือนกรกฎาคม ๒๕๕๓"],  # no day: no date to compare
    ["ตามหนังสือลงวันที่ ๑ ก.ค. ๒๕๕๓ ภายในจังหวัด"],  # a date that is no deadline
    [],
])
def test_no_flag_without_a_deadline_before_the_letter(body):
    assert check_deadline("2010-07-25", "๒๕ กรกฎาคม ๒๕๕๓", 4, list(enumerate(body, 10))) == []


@pytest.mark.parametrize("date_iso, date_be, deadline", [
    ("2010-01-30", "๓๐ มกราคม ๒๕๕๓", "๕ ม.ค. ๒๕๕๓"),  # มี.ค. with its mark lost: the deadline may be the misread one
    ("2010-06-20", "๒๐ มิถุนายน ๒๕๕๓", "๕ ม.ค. ๒๕๕๔"),  # (a later year is no deadline before the letter)
])
def test_a_deadline_whose_month_may_have_lost_its_marks_flags_nothing(date_iso, date_be, deadline):
    assert check_deadline(date_iso, date_be, 4, [(10, f"รายงานผลภายในวันที่ {deadline}")]) == []


def test_a_month_without_marks_that_stays_before_the_letter_still_flags():
    # มี.ค. read with its marks or without, both before the letter's date
    (f,) = check_deadline("2010-05-20", "๒๐ พฤษภาคม ๒๕๕๓", 4, [(10, "รายงานผลภายในวันที่ ๕ ม.ค. ๒๕๕๓")])
    assert (f.kind, f.wrong) == ("date_check", "๒๐ พฤษภาคม ๒๕๕๓")


def test_an_ingested_letter_is_checked_against_its_deadline():
    text = ("ที่ มท 0810.5/ว 2999                 กรมส่งเสริมการปกครองท้องถิ่น\n"
            "                    ถนนนครราชสีมา เขตดุสิต กทม. 10300\n"
            "                    15 ธันวาคม 2556\n"
            "เรื่อง  การรายงานผลโครงการ\nเรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
            "          ขอให้จังหวัดรายงานผลการดำเนินงาน ภายในวันที่ 20 ม.ค. 2553\n"
            "          จึงเรียนมาเพื่อโปรดพิจารณา\n")
    (doc,), _ = analyze(text, CORPUS, "x.txt", env=Env.of(CORPUS))
    got = [(f["line"], f["suggestion"], f["wrong"]) for f in doc["flags"] if f["kind"] == "date_check"]
    assert got == [(3, "15 ธันวาคม 2552", "15 ธันวาคม 2556")]
