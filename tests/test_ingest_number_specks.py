"""Letter numbers read through the damage the pooled misses of seeds 16-35 showed
(benchmarks/ingest_rescore.py, the numbers wrong with no right reading suggested), one
class per test: a speck or a mark between a body's abbreviation and its serial (the TAO
Association's `สอบต.'097/2553`), and an office's four digits with one digit of the other
kind among them (`ชม ๐6๑๙.๕`: a digit misread, not a speck to drop)."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.checks import check_number
from build_tools.ingest.numbers import find_number
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")
ENV = Env.of(CORPUS)


@pytest.mark.parametrize("line, printed, read_as", [
    ("ที่ สอบต.'097/2553  สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "สอบต. 097/2553", "สอบต.'097/2553"),
    ("ที่ สอบต.:045/2553        สมาคมองค์การบริหารส่วนตำบล", "สอบต. 045/2553", "สอบต.:045/2553"),
    ("ที่ สอบต๋.'056/2552 .     สมาคม", "สอบต. 056/2552", "สอบต๋.'056/2552"),  # a mark on its last letter too
    ("ที่ สอบต. “๐๑๒/๒๕๕๓", "สอบต. ๐๑๒/๒๕๕๓", "สอบต. “๐๑๒/๒๕๕๓"),
])
def test_a_speck_between_a_bodys_abbreviation_and_its_serial_is_read_through(line, printed, read_as):
    num = find_number(line)
    assert (num.printed, num.kind, num.code, num.read_as) == (printed, "abbreviation", "สอบต.", read_as)


@pytest.mark.parametrize("line", ["ที ทฑที 474/2553", "ที่ ๑๒๑/๒๕๕๓"])
def test_a_label_read_into_letters_before_an_orders_number_is_no_abbreviation(line):
    assert find_number(line).kind == "yearly"


def test_an_office_with_a_digit_of_the_other_kind_is_read_from_the_offices_data_not_cut_short():
    text = "\n".join(["ที่ ชม ๐6๑๙.๕/ว ๓๐๓๓          สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่",
                      "ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา ชม ๕๐๓๐๐", "๒๘ มกราคม ๒๕๕๓",
                      "เรื่อง การรายงานผลการดำเนินงาน", "เรียน นายอำเภอ ทุกอำเภอ",
                      "ด้วยสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ขอความร่วมมือ",
                      "ขอแสดงความนับถือ", "(นายประเสริฐ บุญมี)", "พัฒนาการจังหวัดเชียงใหม่"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=ENV)
    suggested = [f["suggestion"] for f in doc["flags"] if f["kind"] == "number_check" and f["suggestion"]]
    assert suggested == ["ชม ๐๐๑๙.๕/ว ๓๐๓๓"]
    mixed = next(f for f in doc["flags"] if "มีทั้งเลขไทยและเลขอารบิก" in f["message"])
    assert "'6' อาจเป็นตัวเลขที่ OCR อ่านผิด" in mixed["message"]


def test_a_stray_digit_of_the_other_kind_in_a_serial_is_still_a_speck_to_drop():
    flags = [f for f in check_number(find_number("ชม ๐๐๑๙.๕/๓๓๕๒9"), None, [], 1) if f.kind == "number_check"]
    assert [f.suggestion for f in flags] == ["ชม ๐๐๑๙.๕/๓๓๕๒"]


@pytest.mark.parametrize("line, printed, read_as", [
    ("ทีอบ ๐๑๒๓.๑/0 ๕๑๒๔ 7 0 0 2 .1  ศาลากลางจังหวัดอุบลราชธานี", "อบ ๐๑๒๓.๑/ว ๕๑๒๔", "อบ ๐๑๒๓.๑/0 ๕๑๒๔"),
    ("ที่ มท 0810.2/o 1631", "มท 0810.2/ว 1631", "มท 0810.2/o 1631"),
    ("ที่ ชม 0019/O 2506", "ชม 0019/ว 2506", "ชม 0019/O 2506"),
])
def test_a_circulars_wo_read_as_a_round_zero_is_read_as_wo_and_flagged(line, printed, read_as):
    num = find_number(line)
    assert (num.printed, num.circular, num.read_as) == (printed, True, read_as)
    (f,) = check_number(num, None, [], 1)
    assert (f.kind, f.suggestion, f.wrong) == ("number_reading", printed, read_as)
    assert f.message == f"อ่านเลขที่ '{read_as}' เป็น '{printed}' (เครื่องหมาย / หรือ ว ที่ OCR อ่านผิด): ตรวจกับต้นฉบับ"


@pytest.mark.parametrize("line, serial", [("ที่ ขก 0017.2/0 1", "0"), ("ที่ ขก 0017.2/ว 0", "0")])
def test_a_zero_before_a_single_digit_is_not_read_as_wo(line, serial):
    assert find_number(line).serial == serial


# --- a sub-unit ๓ and its `/` read as one ๗ (seeds 39, 41, 42, 44: Garuda) -------------------

def test_a_seven_before_wo_with_no_slash_is_kept_and_the_three_it_may_be_suggested():
    (check,) = [f for f in check_number(find_number("ที มท ๐๔๑๐.๗ว 199 ลงวันที่ 29 พฤษภาคม 2553"), None, [], 7)
                if f.kind == "number_check"]
    assert (check.wrong, check.suggestion, check.line) == ("มท ๐๔๑๐.๗/ว 199", "มท ๐๔๑๐.๓/ว 199", 7)
    assert "เลข ๗ หน้า ว ที่ไม่มีเครื่องหมาย /" in check.message


@pytest.mark.parametrize("line", ["ที่ มท ๐๔๑๐.๗/ว 199",  # the `/` read: the ๗ is a ๗
                                  "ที่ มท ๐๔๑๐.๓ว 199",  # no ๗
                                  "ที่ มท 0810.7ว 199"])  # an Arabic 7 is no 3 with a stroke
def test_a_seven_with_its_slash_or_no_thai_seven_raises_no_such_check(line):
    assert not [f for f in check_number(find_number(line), None, [], 1) if f.kind == "number_check"]


def test_a_cited_number_read_with_a_seven_before_wo_carries_the_suggestion_for_its_reading():
    text = "\n".join(["ที่ นม ๐๐๒๓.๔/ว ๓๔๑๐        ศาลากลางจังหวัดนครราชสีมา", "ถนนมหาดไทย นม 30000", "๕ มิถุนายน ๒๕๕๓",
                      "เรื่อง ขอเชิญประชุม", "เรียน นายอำเภอ ทุกอำเภอ",
                      "อ้างถึง หนังสือจังหวัดขอนแก่น ที่ มท ๐๔๑๐.๗ว 199 ลงวันที่ 29 พฤษภาคม 2553",
                      "ด้วยจังหวัดขอเชิญประชุมคณะทำงาน", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)",
                      "ผู้ว่าราชการจังหวัดนครราชสีมา"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=ENV)
    (ref,) = doc["references"]
    assert any(f["suggestion"] == "มท ๐๔๑๐.๓/ว 199" and f["wrong"] == ref["number"] for f in doc["flags"])
