"""Damage classes a second letter set showed (benchmarks/ingest_eval.py --seed 17: the same
forms and offices, other words, numbers and specks), one class per test, on small text
fixtures: a body that opens with อ้างถึง, a citation wrapped under a damaged label, a
label split by a gap inside it, a mark before a month, `.1/` read as บ, an association's
doubled dot, a receipt stamp's receiver above the number, specks and letters read twice
in a field, a citation whose item dot was lost, a spaced abbreviation in a position."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.checks import check_number
from build_tools.ingest.dates import first_date, read_dates
from build_tools.ingest.forms import urgency_cut_at
from build_tools.ingest.letter import _joined, extract_letter
from build_tools.ingest.numbers import find_number
from build_tools.ingest.tail import _tidy
from build_tools.normalization.split_words import rejoin_stutters
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")
ENV = Env.of(CORPUS)
CLOSING = ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)", "นายอำเภอบ้านไผ่"]


def _letter(lines):
    return extract_letter(list(enumerate(lines, 1)))


# --- อ้างถึง: a header field only where it cites a letter ------------------------------

def test_a_body_that_opens_with_the_word_ahang_thueng_is_the_body():
    L = _letter(["ที่ ขก ๐๕๑๘.๓/๑๑๔๐                 ที่ว่าการอำเภอบ้านไผ่", "๒๖ กุมภาพันธ์ ๒๕๕๓",
                 "เรื่อง  การรายงานผลการดำเนินงาน", "เรียน  พัฒนาการจังหวัดขอนแก่น",
                 "          อ้างถึงหนังสือที่อ้างถึง ได้แจ้งแนวทางการขับเคลื่อนโครงการ",
                 "พลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิ้ม\" ให้หน่วยงานที่เกี่ยวข้องทราบ",
                 "และถือปฏิบัติ ความละเอียดแจ้งแล้ว นั้น"] + CLOSING)
    assert L.references == []
    assert L.addressee == "พัฒนาการจังหวัดขอนแก่น"


def test_a_citation_under_a_damaged_label_whose_number_and_date_wrapped_is_a_reference():
    L = _letter(["ที่ มท 0810.2/4762    กรมส่งเสริมการปกครองท้องถิ่น", "27 สิงหาคม 2553",
                 "เรื่อง การติดตามและประเมินผล", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                 "างถึง หนังตกกรมส่งเสริมการปกครองท้องถิ่น", "ที่ มท 0810.1/ว 1631 ลงวันที่ 20 สิงหาคม 2552",
                 "ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับแจ้ง"] + CLOSING)
    assert [(r["number"], r["date"]) for r in L.references] == [("มท 0810.1/ว 1631", "2009-08-20")]


def test_a_second_citation_whose_item_dot_was_lost_is_the_next_reference():
    L = _letter(["นม 0023.2/ว 4162      ศาลากลางจังหวัดนครราชสีมา", "8 มิถุนายน 2553", "เรื่อง ขอเชิญประชุม",
                 "เรียน นายอำเภอ ทุกอำเภอ",
                 "อ้างถึง 1. หนังสือจังหวัดขอนแก่น ที่ มท 0810.3/ว 3788 ลงวันที่ 31 มีนาคม 2553",
                 "2 หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.3/ว 1012", "ลงวันที่ 4 พฤษภาคม 2553",
                 "ตามที่ กรมการพัฒนาชุมชน ได้แจ้ง"] + CLOSING)
    assert [(r["number"], r["date"]) for r in L.references] == [("มท 0810.3/ว 3788", "2010-03-31"),
                                                                ("มท 0810.3/ว 1012", "2010-05-04")]


# --- a label split by a gap inside it ----------------------------------------------------

def test_a_label_split_by_a_gap_still_ends_the_field_above_it():
    L = _letter(["ที่ ชม 0019.2/ว 1940         สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", "14 กุมภาพันธ์ 2553",
                 "เรื่อง  การคัดเลือกตำบลนำร่องการดำเนินงานตามแนวปรัชญา", "เศรษฐกิจพอเพียง",
                 "เ     รียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                 "อ     างถึง  หนังสือกรมการพัฒนาชุมชน ที่ มท 0810.3/ว 276 ลงวันที่ 27", "ัต.ค. 52",
                 "ด้วยสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ได้รับแจ้ง"] + CLOSING)
    assert L.subject == "การคัดเลือกตำบลนำร่องการดำเนินงานตามแนวปรัชญาเศรษฐกิจพอเพียง"
    assert L.addressee == "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"
    assert [(r["number"], r["date"]) for r in L.references] == [("มท 0810.3/ว 276", "2009-10-27")]


@pytest.mark.parametrize("text", ["ลงวันที่ 27 ัต.ค. 52",  # a mark no letter carries before the month
                                  "ลงวันที่ 27 ) ต.ค. 52"])  # a bracket
def test_debris_between_the_day_and_the_month(text):
    d = first_date(text)
    assert (d.iso, d.stored) == ("2009-10-27", "27 ต.ค. 2552")


# --- numbers ----------------------------------------------------------------------------

BO = "เลข ๑ กับเครื่องหมาย / ที่ OCR อ่านรวมเป็นตัว บ"
SECOND_SLASH = "เลข ๑ หน้าเครื่องหมาย / ที่ OCR อ่านเป็น / อีกตัว"
THO = "เลข ๓ กับเครื่องหมาย / ที่ OCR อ่านรวมเป็นตัว ฒ"


@pytest.mark.parametrize("text, printed, read_as, why", [
    ("ที่ มท 0810.บ1534- 7 07", "มท 0810.1/1534", "มท 0810.บ1534", BO),
    ("ที่ มท 0810 . บว 1631 ลงวันที่", "มท 0810.1/ว 1631", "มท 0810 . บว 1631", BO),
    ("มท ๐๘๑๐.บ๑๕๓๔", "มท ๐๘๑๐.๑/๑๕๓๔", "มท ๐๘๑๐.บ๑๕๓๔", BO),
    # the 1 read as a second / (seed 40 L14, from the OCR text)
    ("ที ลป 0518.//ว 2802 - 7        .- ที่ว่าการอำเภองาว", "ลป 0518.1/ว 2802", "ลป 0518.//ว 2802", SECOND_SLASH),
    ("ที่ มท ๐๘๑๐. / /๑๒๓๔", "มท ๐๘๑๐.๑/๑๒๓๔", "มท ๐๘๑๐. / /๑๒๓๔", SECOND_SLASH),
    # ๓ and its / read as one ฒ before ว (seed 40 L20 and seed 41 L10, both inputs)
    ("2. หนังสือจังหวัดขอนแก่น ที่ มท ๐๔๑๐.ฒว 3015 ลงวันที่ 13 มิถุนายน", "มท ๐๔๑๐.๓/ว 3015", "มท ๐๔๑๐.ฒว 3015", THO),
    ("ที่ มท 0410. ฒ ว 3341", "มท 0410.3/ว 3341", "มท 0410. ฒ ว 3341", THO),
])
def test_a_sub_unit_and_its_slash_misread_are_read_and_flagged(text, printed, read_as, why):
    n = find_number(text)
    assert (n.printed, n.read_as, text[n.start:n.end]) == (printed, read_as, read_as)
    (f,) = check_number(n, None, [], 1)
    assert (f.kind, f.suggestion, f.wrong) == ("number_reading", printed, read_as)
    assert f.message == f"อ่านเลขที่ '{read_as}' เป็น '{printed}' ({why}): ตรวจกับต้นฉบับ"


@pytest.mark.parametrize("text, printed, read_as", [  # (seed 19)
    ("ที่ มท ๐๔๑๐.๑ฒว 1002 ลงวันที่ 27", "มท ๐๔๑๐.๑/ว 1002", "มท ๐๔๑๐.๑ฒว 1002"),  # `/` read as ฒ before ว
    ("ที่ มท 0810. 3ว 2176 ลงวันที่ 21", "มท 0810.3/ว 2176", "มท 0810. 3ว 2176"),  # `/` lost before ว
    ("ที่ มท 0810.1/วจ 1631", "มท 0810.1/ว 1631", "มท 0810.1/วจ 1631"),  # a speck read as a letter after ว
    ("ที่ ชม 0019. 27ว 506", "ชม 0019.2/ว 506", "ชม 0019. 27ว 506"),  # (a 7 before ว is still the `/`)
])
def test_more_misread_slashes_are_read_and_flagged(text, printed, read_as):
    n = find_number(text)
    assert (n.printed, n.read_as) == (printed, read_as)
    (f,) = check_number(n, None, [], 1)
    assert (f.kind, f.suggestion, f.wrong) == ("number_reading", printed, read_as)


def test_bo_in_a_word_is_no_number():
    assert find_number("ที่ บ้านบึง 12 หมู่") is None


def test_an_associations_number_with_its_dot_read_twice():
    n = find_number("ที่ สอบต..079/2552  0  สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย")
    assert (n.kind, n.printed) == ("abbreviation", "สอบต. 079/2552")


# --- the issuer: the letterhead, not a receipt stamp's receiver above the number -------------

def test_a_receivers_office_above_the_number_is_not_the_issuer():
    text = "\n".join(["สํานักงจนจังหวัดขอนแก่น", "เลขวับ    7044", "วันที่“, 14 ก.ย๑ 2552", "เวล่า 8๑19 นด",
                      "ที่ สอบต. 079/2552     สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย",
                      "ถนนพิษณุโลก เขตดุสิต กรุงเทพฯ ๑๐๓๐๐", "9 กันยายน 2552", "เรื่อง การติดตามและประเมินผล",
                      "เรียน อธิบดีกรมการพัฒนาชุมชน", "ด้วยสมาคมได้รับแจ้ง", "ขอแสดงความนับถือ",
                      "(นายสมชาย ศรีสุข)", "นายกสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=ENV)
    assert (doc["number"], doc["issuer"]) == ("สอบต. 079/2552", "tao-association")


# --- a field's text --------------------------------------------------------------------------

@pytest.mark.parametrize("pieces, text", [
    ([(1, 'การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมือง'), (2, 'ยิ้ม"0@')],
     'การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม"'),
    ([(1, "อธิ ธิบดีกรมการพัฒนาชุมชน 0ฮ")], "อธิบดีกรมการพัฒนาชุมชน"),  # read twice; specks after
    ([(1, "การติดตามและประเมินผลโครงการ ก")], "การติดตามและประเมินผลโครงการ"),  # a lone consonant
    ([(1, "เลขาธิการคณะ  ณะกรรมการป้องกันและปราบปรามยาเสพติด")], "เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด"),
    ([(1, "นายอำเภอ .ทุกอำเภอ")], "นายอำเภอ ทุกอำเภอ"),  # a speck before a word
    ([(1, "นายกองค์การบริหารส่วนตำบล ่ทุกแห่ง")], "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"),  # a mark no letter carries
    ([(1, "ผู้ว่าราชการจังหวัด' ทุกจังหวัด")], "ผู้ว่าราชการจังหวัด ทุกจังหวัด"),  # and after one
    ([(1, "นายก อบต. ทุกแห่ง")], "นายก อบต. ทุกแห่ง"),  # an abbreviation's dot stays
    ([(1, "การประชุมครั้งที่ 2")], "การประชุมครั้งที่ 2"),  # a figure of its own stays
    ([(1, "แผนปฏิบัติการ (ฉบับที่ ๒)")], "แผนปฏิบัติการ (ฉบับที่ ๒)"),
    # seeds 26 and 25: a figure of Arabic and Thai digits, a quote that opens nothing
    ([(5, 'ขอเชิญประชุมคณะทำงาน พลังสร้างสรรค์ "สยาม'), (6, 'เมืองยิ้ม" .'), (6, "9๐")],
     'ขอเชิญประชุมคณะทำงาน พลังสร้างสรรค์ "สยามเมืองยิ้ม"'),
    ([(5, 'การติดตามและประเมินผล พลังสร้างสรรค์ "'), (6, '..สยามเมืองยิ้ม"'), (6, '"')],
     'การติดตามและประเมินผล พลังสร้างสรรค์ "สยามเมืองยิ้ม"'),
    ([(1, "ประจำปีงบประมาณ ๒๕๕๓")], "ประจำปีงบประมาณ ๒๕๕๓"),  # a year of its own stays
])
def test_specks_after_a_field_and_letters_read_twice_are_taken_out(pieces, text):
    assert _joined(pieces) == text


@pytest.mark.parametrize("text", ["คน คนดี", "การ การประชุม", "มีมติ ติดตาม", "ที่ ที่ตั้ง", "ทุก ทุกจังหวัด"])
def test_words_said_twice_are_not_letters_read_twice(text):
    assert rejoin_stutters(text) == text


@pytest.mark.parametrize("text, position", [
    ("เลขาธิการ ป. ป. สี", "เลขาธิการ ป.ป.ส."),  # spaces after the dots, a speck read as a vowel
    ("เลขาธิการ ป.ป.ส.", "เลขาธิการ ป.ป.ส."),
    ("นางรัชนี 'มีสุข", "นางรัชนี มีสุข"),  # a speck read as a quote before a word
    ("นางรัชนี .มีสุข", "นางรัชนี มีสุข"),  # or as a dot (seeds 24 and 25, L23)
    ("ผู้อำนวยการสำนักงาน ป.ป.ส.", "ผู้อำนวยการสำนักงาน ป.ป.ส."),  # an abbreviation's dots stay
    ("นายวีระพงษ์ ทองม่าา", "นายวีระพงษ์ ทองม่า"),  # a sara aa read twice (seed 48 L21)
    ("นางสาวพรทิพย์ วงศ์ใหญ่", "นางสาวพรทิพย์ วงศ์ใหญ่"),
])
def test_a_signatorys_position_and_name_through_specks(text, position):
    assert _tidy(text) == position


# --- a บันทึกข้อความ whose top lines OCR damaged -----------------------------------------------

def test_a_memos_date_behind_debris_a_speck_before_a_label_and_a_cut_building():
    text = "\n".join(["บันทึกข้อความ -", "ว่าการอำเภอบ้านไผ่ ทีทำการปกครองอำเภอบ้านไผ่ โทร. ๐ ๔๓๒๗ ๒๐๕๕",
                      "ที่ -ขก 0518.4/1876   70, วัวันที่ 30 กรักฎาคม 2553  า-",
                      "เรื่อง,  ขอความร่วมมือสนับสนุนการดำเนินงาน", "0   เรียน กำนันและผู้ใหญ่บ้าน ทุกตำบล",
                      "อำเภอบ้านไผ่พิจารณาแล้ว จึงขอความร่วมมือ", "(นายสมชาย ศรีสุข)", "นายอำเภอบ้านไผ่"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=ENV)
    assert (doc["form"], doc["number"], doc["date"]) == ("memo", "ขก 0518.4/1876", "2010-07-30")
    assert doc["addressee"] == "กำนันและผู้ใหญ่บ้าน ทุกตำบล"
    assert (doc["issuer"], doc["issuer_place"]["district"]) == ("district", "บ้านไผ่")


def test_what_is_no_date_gives_way_to_the_date_after_it():
    assert [d.stored for d in read_dates("70, วัวันที่ 30 กรักฎาคม 2553")] == ["30 กรกฎาคม 2553"]
    assert [d.iso for d in read_dates("12 มีนาคม 25531")] == [None]  # (unread: dates.read_with_year may place it)


@pytest.mark.parametrize("text, urgency", [("วน", "ด่วน"), ("วนมาก", "ด่วนมาก"), ("วนที่สุด", "ด่วนที่สุด"),
                                           ("วนเวียน", None), ("ส่วน", None), ("น", None),
                                           ("สุด", "ด่วนที่สุด"), ("ที่สุด", "ด่วนที่สุด"), ("มาก", "ด่วนมาก"),  # seed 42 L06
                                           ("ด", None), ("มากมาย", None), ("สุดท้าย", None)])
def test_a_speed_class_cut_at_the_left_edge(text, urgency):
    assert (urgency_cut_at(text) or (None,))[0] == urgency


def test_a_speed_class_cut_at_the_left_edge_is_read_alone_on_the_top_line_only():
    top = ["ยธ 0604.1/ว 2158            สำนักงาน ป.ป.ส.", "2 กันยายน 2552", "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้",
           "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด", "ด้วยสำนักงาน ป.ป.ส. ได้รับแจ้ง"] + CLOSING
    assert _letter(["วน         \"         . จ71"] + top).urgency == "ด่วน"
    assert _letter(["๑ู     วนมาก"] + top).urgency == "ด่วนมาก"  # its first letters read as specks (seed 19)
    assert _letter(top).urgency is None
    assert _letter(["สุด"] + top).urgency == "ด่วนที่สุด"  # the stamp's last syllable alone (seed 42 L06)
    assert _letter(top[:2] + ["สุด"] + top[2:]).urgency is None  # not the top line: no stamp's


def test_enclosures_whose_item_numbers_ocr_read_as_letters_or_with_a_colon():
    L = _letter(["ที่ มท ๐๔๐๔.๕/ว ๔๗๐๐     กระทรวงมหาดไทย", "๒๖ กันยายน ๒๕๕๓", "เรื่อง การคัดเลือกตำบลนำร่อง",
                 "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                 "สิ่งที่ส่งมาด้วย ๑: แนวทางการขยายผลโครงการ    .จำนวน ๒ ชุด",
                 "ไต่. แบบสำรวจข้อมูลหมู่บ้าน จ้านวน ๑ ฉบับ 1", "๓. กำหนดการประชุมเชิงปฏิบัติการ   จำนวน ๓ ชุด :",
                 "ด้วยกระทรวงมหาดไทยได้รับแจ้ง"] + CLOSING)
    assert [(e["title"], e["count"]) for e in L.enclosures] == [
        ("แนวทางการขยายผลโครงการ", "๒ ชุด"), ("แบบสำรวจข้อมูลหมู่บ้าน", "๑ ฉบับ"), ("กำหนดการประชุมเชิงปฏิบัติการ", "๓ ชุด")]


def test_the_body_after_a_citation_that_lost_its_day_opens_with_ahang_thueng():
    L = _letter(["ที่ อบ ๐๐๒๓.๕/ว ๔๑๔๗     ศาลากลางจังหวัดอุบลราชธานี", "๒๗ มีนาคม ๒๕๕๓", "เรื่อง ขอเชิญประชุม",
                 "เรียน พัฒนาการอำเภอ ทุกอำเภอ",
                 "อ้างถึง หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๕๐๔. ๒๕๙๐๐ สงวันที่", ".สิงหาคม ๒๕๕๒",
                 "อ้างถึงหนังสือที่อ้างถึง ได้แจ้งแนวทางการขับเคลื่อนโครงการพลังชุมชน",
                 "พลังสร้างสรรค์ ให้หน่วยงานที่เกี่ยวข้องทราบ"] + CLOSING)
    assert [r["line"] for r in L.references] == [5]
    assert L.body_lines[0] == 7


# --- found on a third set (seed 18) -------------------------------------------------------------

@pytest.mark.parametrize("text, iso", [("๑๖๒๘ ลงวันที่ ๑๐ มี.ค. ๕๓", "2010-03-10"),  # March, not ม.ค. without its mark
                                       ("10 ม.ค. 53", "2010-01-10"), ("1 มี.ค 2553", "2010-03-01")])
def test_march_as_printed_is_march(text, iso):
    assert first_date(text).iso == iso


def test_an_addressee_whose_label_was_lost_before_a_citation_is_the_addressee_and_flagged():
    text = "\n".join(["ที่ ชม 0019.2/ว 652     สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", "27 มีนาคม 2553",
                      "เรื่อง  การจัดเวทีแลกเปลี่ยนเรียนรู้ของผู้นำชุมชนและ", "องค์การบริหารส่วนตำบล",
                      "นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                      "างถึง หนังสือกรมการพัฒนาชุมชน ที่ ขก ๐๐๑๗.๒/ว 347 ลงวันที่ 18 ธ.ค. 52",
                      "ด้วยสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ได้รับแจ้ง", "ขอแสดงความนับถือ", "(นายชาตรี พรหมวงศ์)",
                      "พัฒนาการจังหวัดเชียงใหม่"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=ENV)
    assert doc["subject"] == "การจัดเวทีแลกเปลี่ยนเรียนรู้ของผู้นำชุมชนและองค์การบริหารส่วนตำบล"
    assert doc["addressee"] == "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"
    assert [(r["number"], r["date"]) for r in doc["references"]] == [("ขก ๐๐๑๗.๒/ว 347", "2009-12-18")]
    (flag,) = [f for f in doc["flags"] if f["kind"] == "unlabelled"]
    assert (flag["line"], flag["message"]) == (5, "ไม่พบคำว่า 'เรียน': ใช้บรรทัดใต้เรื่องที่อยู่ก่อนอ้างถึง สิ่งที่ส่งมาด้วย "
                                                  "หรือเนื้อความเป็นผู้รับตามแบบหนังสือ ตรวจกับต้นฉบับ")


def test_a_citation_whose_item_number_was_lost_after_a_whole_one_is_the_next_reference():
    L = _letter(["ที่ ลป 0518.5/3824                  ที่ว่าการอำเภองาว", "22 กันยายน 2553",
                 "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้", "เรียน นายกองค์การบริหารส่วนตำบลบ้านค่า",
                 "อ้างถึง  1 หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑๐.๓/ว 2850 ลงวันที่ 6", "มิถุนายน 2553",
                 ". หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๒/ว 2695 ลงวันที่ 24", "มิถุนายน 2553",
                 "สิ่งที่ส่งมาด้วย รายชื่อตำบลเป้าหมาย        จำนวน 3 แผ่น", "ด้วยอำเภองาวได้รับแจ้ง"] + CLOSING)
    assert [(r["number"], r["date"]) for r in L.references] == [("มท ๐๔๑๐.๓/ว 2850", "2010-06-06"),
                                                                ("ขก ๐๐๑๗.๒/ว 2695", "2010-06-24")]
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("รายชื่อตำบลเป้าหมาย", "3 แผ่น")]


def _number_checks(text):
    (doc,), _ = analyze(text, CORPUS, "x.txt", env=ENV)
    return doc, [(f["suggestion"], f["wrong"]) for f in doc["flags"] if f["kind"] == "number_check"]


@pytest.mark.parametrize("number, office, right", [  # (seed 31 L05: ธ read as อ)
    ("ยอ ๐๖๐๔.๕/ว ๑๓๘๖", "สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด", "ยธ ๐๖๐๔.๕/ว ๑๓๘๖"),
    ("ขท ๐๐๑๗.๒/ว ๓๘๘๖", "ศาลากลางจังหวัดขอนแก่น", "ขก ๐๐๑๗.๒/ว ๓๘๘๖"),  # a province's code
])
def test_an_unknown_code_one_letter_from_the_letterheads_is_read_with_it_and_flagged(number, office, right):
    doc, checks = _number_checks(f"ที่ {number}                 {office}\n"
                                 "                    ๒ เมษายน ๒๕๕๓\n"
                                 "เรื่อง  ขอเชิญประชุม\nเรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
                                 "          ด้วยขอเชิญประชุม\n")
    assert doc["number"] == number  # as read: the check suggests, it never rewrites
    assert (right, number) in checks
    (unknown,) = [f for f in doc["flags"] if f["kind"] == "unknown_prefix"]
    assert unknown["suggestion"] == right.split()[0]


def test_an_unknown_code_far_from_the_letterheads_gets_no_reading_from_it():
    doc, checks = _number_checks("ที่ ฮฮ ๐๘๑๐.๒/ว ๓๘๘๖                 กรมส่งเสริมการปกครองท้องถิ่น\n"
                                 "                    ๒ เมษายน ๒๕๕๓\nเรื่อง  ขอเชิญประชุม\n"
                                 "เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด\n          ด้วยขอเชิญประชุม\n")
    assert not any(s and s.startswith("มท") for s, _ in checks)


@pytest.mark.parametrize("unit, agency, place", [  # (seed 31 L24: the building's name damaged beside it)
    ("ที่ว่ากรอ๋จเภอบ้านไผ่ ที่ทำการปกครองอำเภอบ้านไผ่", "district", {"province": "ขอนแก่น", "district": "บ้านไผ่"}),
    ("ที่ทำการปกครองจังหวัดขอนแก่น", "province", {"province": "ขอนแก่น"}),
])
def test_a_memo_from_the_administration_office_of_a_district_or_province(unit, agency, place):
    text = (f"บันทึกข้อความ\nส่วนราชการ  {unit}  โทร. ๐ ๔๓๒๗ ๒๐๕๕\n"
            "ที่ ขก 0518.1/3588     วันที่  25 พฤศจิกายน 2552\n"
            "เรื่อง  การจัดเวทีแลกเปลี่ยนเรียนรู้\nเรียน  พัฒนาการจังหวัดขอนแก่น\n"
            "          ด้วยอำเภอบ้านไผ่ได้รับแจ้งว่า\n")
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=ENV)
    assert (doc["issuer"], doc["issuer_place"]) == (agency, place)


def test_a_double_slash_after_an_office_with_no_dot_is_not_read_as_a_sub_unit():
    assert find_number("ที่ มท 0810//ว 1234") is None


@pytest.mark.parametrize("text, printed", [('ที อน"๐๐๒๓.๒/๓๑๕๒ *', "อน ๐๐๒๓.๒/๓๑๕๒"),  # (seed 40 L11)
                                           ("ที่ ขก“0017.2/ว 12", "ขก 0017.2/ว 12")])
def test_a_quote_between_the_code_and_the_office_is_a_speck(text, printed):
    n = find_number(text)
    assert (n.printed, n.kind) == (printed, "government")
    (f,) = check_number(n, None, [], 1)
    assert f.message == (f"อ่านเลขที่ '{n.read_as}' เป็น '{printed}' (ขีดหรือจุดที่ OCR อ่านแทรกระหว่างรหัสกับตัวเลข): "
                         "ตรวจกับต้นฉบับ")


@pytest.mark.parametrize("text", ["ที่ มท ๐๔๑๐.ฒ๓๓๔๑", "ที่ มท ๐๔๑๐.๑ฒว 1002"])
def test_a_tho_not_standing_for_a_sub_unit_and_its_slash(text):
    n = find_number(text)
    assert n is None or (n.printed, "ฒ" in n.read_as) == ("มท ๐๔๑๐.๑/ว 1002", True)
    if n is not None:
        (f,) = check_number(n, None, [], 1)
        assert "(เครื่องหมาย / หรือ ว ที่ OCR อ่านผิด)" in f.message
