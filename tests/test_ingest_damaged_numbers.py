"""Letter numbers OCR damaged in ways the letter sets of seeds 22 and 25 showed (benchmarks/
ingest_eval.py --seed 22; seed 23 held out), one class per test: a `/` lost altogether
(read only after a ที่ label, flagged), an office code that lost a digit (flagged with the
0 it most likely lost)."""
import pytest

from build_tools.ingest.checks import check_number
from build_tools.ingest.numbers import find_number

SIGNED = ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)", "นายอำเภองาว"]


def _letter(lines):
    from build_tools.ingest.letter import extract_letter

    return extract_letter(list(enumerate(lines, 1)))


@pytest.mark.parametrize("rest, printed, read_as", [
    ("ลป 0518.4243 /- . . ท7ทีว่าการอําเภองาว", "ลป 0518.4/243", "ลป 0518.4243"),  # the sub-unit runs into the serial
    ("ลป 0518.4 243", "ลป 0518.4/243", "ลป 0518.4 243"),  # a gap where the / was
    ("62553", "6/2553", "62553"),  # an order's serial runs into its year
    (". ๑๒๓๒๕๕๓", "๑๒๓/๒๕๕๓", "๑๒๓๒๕๕๓"),
])
def test_a_number_whose_slash_ocr_lost_is_read_after_its_label_and_its_reading_kept(rest, printed, read_as):
    num = find_number(rest, after_label=True)
    assert (num.printed, num.read_as) == (printed, read_as)
    (flag,) = [f for f in check_number(num, None, [], 1) if f.kind == "number_reading"]
    assert flag.suggestion == printed and "เครื่องหมาย / ที่ OCR อ่านไม่ได้" in flag.message


@pytest.mark.parametrize("text", [
    "62553",  # a receipt's number, a postcode: no ที่ before it
    "ลป 0518.4243",
])
def test_digits_without_a_slash_are_no_number_where_no_label_says_so(text):
    assert find_number(text) is None


@pytest.mark.parametrize("rest", ["12345", "10200", "๒๕๕๓"])  # no Buddhist-era year after a serial
def test_digits_without_a_year_after_them_are_no_yearly_number_even_after_a_label(rest):
    assert find_number(rest, after_label=True) is None


def test_a_letter_whose_numbers_slash_was_lost_has_its_number():
    L = _letter(["ที่ ลป 0518.4243 /- . . ท7ทีว่าการอําเภองาว'", "ถนนพหลโยธิน ลป 52110", "13 กันยายน 2552",
                 "เรื่อง การรายงานผลการดำเนินงาน", "เรียน ผู้ว่าราชการจังหวัดลำปาง",
                 "ด้วยอำเภองาวได้ดำเนินงานโครงการพลังชุมชน พลังสร้างสรรค์ ตามที่จังหวัดแจ้ง"] + SIGNED)
    assert L.number == "ลป 0518.4/243"
    flags = check_number(L.number_parsed, L.date, [], L.number_line)
    assert [(f.kind, f.line, f.suggestion) for f in flags] == [("number_reading", 1, "ลป 0518.4/243")]


@pytest.mark.parametrize("printed, suggested", [
    ("สข ๐๑๙.๕/๘๘๕", "สข ๐๐๑๙.๕/๘๘๕"),  # a province's office: 00 and its two
    ("มท 810.3/ว 1183", "มท 0810.3/ว 1183"),
])
def test_an_office_code_of_three_digits_is_flagged_with_the_zero_it_lost(printed, suggested):
    flags = [f for f in check_number(find_number(printed), None, [], 1) if f.kind == "number_check"]
    assert [f.suggestion for f in flags] == [suggested]


def test_an_office_code_of_four_digits_is_not_flagged_for_its_length():
    assert check_number(find_number("สข ๐๐๑๙.๕/๘๘๕"), None, [], 1) == []


@pytest.mark.parametrize("printed, suggested, odd", [
    ("มท ๐๔๐๔.๒/๒๑5๖๒", "มท ๐๔๐๔.๒/๒๑๖๒", "5"),  # seed 25 L03: a speck read as an Arabic 5
    ("ชม ๐๐๑๔.๕/๓๓๕๒9", "ชม ๐๐๑๔.๕/๓๓๕๒", "9"),
    ("ขก 0518.2/34๒8", "ขก 0518.2/348", "๒"),  # Arabic digits, one Thai among them
])
def test_a_number_mixing_thai_and_arabic_digits_is_flagged_without_the_odd_ones(printed, suggested, odd):
    flags = [f for f in check_number(find_number(printed), None, [], 1) if f.kind == "number_check"]
    assert [(f.suggestion, f.wrong) for f in flags] == [(suggested, printed)]
    assert f"'{odd}' อาจเป็นเศษที่ OCR อ่านเป็นตัวเลข" in flags[0].message


@pytest.mark.parametrize("printed", ["มท ๐๔๐๔.๒/ว ๒๑๖๒", "มท 0810.2/ว 2162", "สอบต. ๐๑๒/๒๕๕๓",
                                     "มท ๐๔๑๐.๑/ว 1002"])  # (a serial filled in at dispatch, in other digits)
def test_a_number_in_one_kind_of_digits_is_not_flagged_for_them(printed):
    assert check_number(find_number(printed), None, [], 1) == []


# A body's own number (its abbreviation, serial / year) whose `/` OCR lost or read as a 7,
# the serial and year run together (seeds 18, 20 and 21, L08: the TAO Association's letters).
@pytest.mark.parametrize("rest, printed", [
    ("สอบต: 06772552 -  สม่าคมองค์การบริหารส่วนตําบุล", "สอบต. 067/2552"),  # `/` read as 7, the dot as a colon
    ("สอบต. 0692553     สมาค่มองค์การบริหารส่วนตําบล", "สอบต. 069/2553"),  # `/` lost
    ("สอบต: 09672553      สมาคมองค์ถารบริหาร", "สอบต. 096/2553"),
    ("สอบต. ๐๑๒๗๒๕๕๓", "สอบต. ๐๑๒/๒๕๕๓"),
])
def test_a_body_s_number_whose_slash_was_lost_or_read_as_7_is_read_after_its_label(rest, printed):
    num = find_number(rest, after_label=True)
    assert (num.printed, num.kind, num.read_as) == (printed, "abbreviation", rest.split("  ")[0].strip(" -"))
    (flag,) = [f for f in check_number(num, None, [], 1) if f.kind == "number_reading"]
    assert flag.suggestion == printed


@pytest.mark.parametrize("rest", [
    "มท 08102553",  # two letters are a government office's code: its digits are no serial and year
    "สอบต. 0699999",  # no Buddhist-era year in its last four digits
])
def test_run_together_digits_are_no_body_s_number_unless_a_year_ends_them(rest):
    assert find_number(rest, after_label=True) is None


def test_a_body_s_number_whose_dot_was_read_as_a_colon():
    num = find_number("ที่ สอบต: 069/2553")
    assert (num.printed, num.read_as) == ("สอบต. 069/2553", "สอบต: 069/2553")


# --- a number whose code and first office digits OCR lost (seeds 20 and 27, L15) ----------

@pytest.mark.parametrize("unread, offices, reading", [
    ("ซิ10.5/1426", ["มท 08", "มท 0810"], "มท 0810.5/1426"),
    ("'08 810. 3/2234", ["มท 0810"], "มท 0810.3/2234"),
    ("๑๐.๒/ว ๓๓๓", ["มท 0810"], "มท ๐๘๑๐.๒/ว ๓๓๓"),  # in the digits it was printed in
    ("๐๔.๒/) ๑๑๔๘", ["มท 0404"], "มท ๐๔๐๔.๒/ว ๑๑๔๘"),  # its ว read as a bracket (seed 40 L03)
    ("10.5/1426", ["มท 0810", "มท 0410"], None),  # two offices end so: no reading
    ("0.5/1426", ["มท 0810"], None),  # one digit says too little
    ("10.5/142600", ["มท 0810"], None),  # no serial has six digits
])
def test_a_headless_number_is_read_with_the_one_office_its_digits_end(unread, offices, reading):
    from build_tools.ingest.prefixes import headless_reading

    assert headless_reading(unread, offices) == reading


def test_a_letter_whose_number_lost_its_code_has_it_suggested_from_the_letterhead():
    from conftest import ROOT

    from build_tools.ingest.analyze import Env, analyze
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(ROOT / "corpus")
    text = "\n".join(["ซิ10.5/1426.  - 0 70      กรมส่งเสริมการปกครองท้องถิ่น",
                      "ถนนนครราชสีมา เขตดุสิต กทม. 10300", "25 พฤษภาคม 2553",
                      "เรื่อง  การติดตามและประเมินผลโครงการ", "เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                      "          ด้วยกรมส่งเสริมการปกครองท้องถิ่นขอให้รายงานผลการดำเนินงาน",
                      "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)",
                      "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    (doc,), _ = analyze(text, corpus, "x.txt", env=Env.of(corpus))
    assert (doc["number"], doc["issuer"], doc["date"]) == (None, "dla", "2010-05-25")
    (f,) = [f for f in doc["flags"] if f["kind"] == "number_check"]
    assert (f["line"], f["wrong"], f["suggestion"]) == (1, "ซิ10.5/1426", "มท 0810.5/1426")
    (missing,) = [f for f in doc["flags"] if f["kind"] == "missing"]
    assert missing["message"].startswith("อ่านเลขที่หนังสือ (ที่ ...) 'ซิ10.5/1426' ไม่ได้")


def test_a_citation_with_nothing_read_and_no_link_is_left_out_of_the_front_matter():
    from conftest import ROOT

    from build_tools.ingest.analyze import Env, analyze
    from build_tools.ingest.records import front_matter
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(ROOT / "corpus")
    text = "\n".join(["ที่ มท 0810.2/ว 790     กรมส่งเสริมการปกครองท้องถิ่น", "25 กุมภาพันธ์ 2553",
                      "เรื่อง  ขอเชิญประชุม", "เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                      "อ้างถึง  หนังสือกรมการพัฒนาชุมชน ที่ ท มท บป่ว ลงวันที่",
                      "          ด้วยกรมส่งเสริมการปกครองท้องถิ่นขอเชิญประชุม",
                      "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)",
                      "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    (doc,), _ = analyze(text, corpus, "x.txt", env=Env.of(corpus))
    (ref,) = doc["references"]
    assert (ref["number"], ref["date"], ref["id"]) == (None, None, None)
    assert any(f["kind"] == "unresolved_reference" and f["line"] == 5 for f in doc["flags"])  # what was read
    assert "references" not in front_matter({**doc, "references": [ref], "source": {}}, corpus)
