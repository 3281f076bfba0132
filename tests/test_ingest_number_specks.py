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
