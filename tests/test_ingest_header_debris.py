"""Debris among a letter's header fields (seeds 45 and 51; seeds 48-50 held out): a
reference whose continued line carries a stamp's figures and specks after a wide gap
(`ลงวันที่ 6 สิงหาคม 2552      2: 0  ' |`) is one citation, not a second whose item number is
the `2:` in them, while a citation that names no letter but has words stays a reference; a
row of pieces a stamp scattered over the line right above a label (`วัวส“รไฟลด     เปสมต
เพ      0`) does not end the header; a body whose opener OCR put a space in (`ด้ วยจังห
วัด`, `ต่ามที่`) starts the body, its numbered paragraphs no references; figures apart at a
subject line's end, a digit of the other script after a day, a bar read for an item's dot
and a quote inside a word are specks."""
import pytest

from build_tools.ingest.letter import extract_letter

OPENING = ["ที่ มท 0810.2/1067                    กรมส่งเสริมการปกครองท้องถิ่น",
           "ถนนนครราชสีมา เขตดุสิต กทม. 10300", "10 มีนาคม 2553",
           "เรื่อง ขอความร่วมมือสนับสนุนการดำเนินงานตามบันทึกความร่วมมือ", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"]
REST = ["สิ่งที่ส่งมาด้วย 1. แนวทางการขยายผลโครงการ จำนวน 3 ฉบับ",
        "          ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับแจ้งว่าการดำเนินงานโครงการมีความก้าวหน้า",
        "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]


def _references(lines):
    L = extract_letter(list(enumerate(OPENING + lines + REST, 1)))
    return [(r["number"], r["date"]) for r in L.references if r["via"] == "อ้างถึง"]


@pytest.mark.parametrize("debris", ["2: 0  ' |", "2. 0 |", "3: ๑๒ '", "2) 7 .,"])
def test_figures_and_specks_after_a_references_line_are_not_a_second_citation(debris):
    assert _references(["อ้างถึง หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๔๐๔.๒/๔๙๐๐",
                        f"ลงวันที่ 6 สิงหาคม 2552          {debris}"]) == [("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06")]


def test_a_second_citation_with_words_but_no_number_stays_a_reference():
    assert _references(["อ้างถึง 1. หนังสือกระทรวงมหาดไทย ที่ มท ๐๔๐๔.๒/๔๙๐๐ ลงวันที่ 6 สิงหาคม 2552",
                        "2. การประชุมคณะกรรมการ ลงวันที่ 8 กันยายน 2552"]) == [
        ("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06"), (None, "2009-09-08")]


SCATTERED = ["วัวส“รไฟลด     เปสมต           เพ                   0", "ะ     สล     ห์ร       วง ถิ     ไฟ่วแม่”"]


@pytest.mark.parametrize("debris", SCATTERED)
def test_a_row_of_scattered_pieces_right_above_a_label_does_not_end_the_header(debris):
    assert _references([debris, "อ้างถึง หนังสือกระทรวงมหาดไทย ที่ มท ๐๔๐๔.๒/๔๙๐๐ ลงวันที่ 6 สิงหาคม 2552"]) == [
        ("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06")]


def test_a_row_of_scattered_pieces_with_no_label_below_is_not_a_header_row():
    L = extract_letter(list(enumerate(OPENING + [SCATTERED[0], "ถนนราชดำเนิน เขตพระนคร"] + REST, 1)))
    assert L.enclosures == []  # the header ended at the debris: สิ่งที่ส่งมาด้วย is in the body


@pytest.mark.parametrize("opener", ["ด้ วยจังห วัดขอนแก่นได้รับแจ้ง", "ตาม ที่ จังหวัดได้แจ้ง", "เนื่อง จากจังหวัดได้รับ"])
def test_a_body_whose_opener_ocr_put_a_space_in_starts_the_body(opener):
    from build_tools.ingest.rows import opens_body

    assert opens_body(opener)
    L = extract_letter(list(enumerate(OPENING[:4] + ["เรียน นายอำเภอ ทุกอำเภอ",
                                                     "อ้างถึง หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๒/ว ๒๒๕๓ ลงวันที่ 7 สิงหาคม 2552",
                                                     opener, "๒. รายงานผลภายในวันที่ ๕ ก.ค. ๒๕๕๓"] + REST[1:], 1)))
    assert [(r["number"], r["date"]) for r in L.references] == [("ขก ๐๐๑๗.๒/ว ๒๒๕๓", "2009-08-07")]


@pytest.mark.parametrize("first, second, subject", [
    ("เรื่อง การรายงานผลการดำเนินงานหมู่บ้านต้นแบบการป้องกันและ 0 0", ". ยาเสพติด",
     "การรายงานผลการดำเนินงานหมู่บ้านต้นแบบการป้องกันและยาเสพติด"),  # a stamp's figures, taken off
    ("เรื่อง การขยายผลโครงการ ระยะที่ 2", "ประจำปีงบประมาณ ๒๕๕๓",
     "การขยายผลโครงการ ระยะที่ 2 ประจำปีงบประมาณ ๒๕๕๓"),  # one number ends a line: kept
])
def test_figures_apart_at_a_subject_lines_end_are_a_stamps_but_one_number_is_the_subjects(first, second, subject):
    L = extract_letter(list(enumerate(OPENING[:3] + [first, second] + OPENING[4:] + REST, 1)))
    assert L.subject == subject


@pytest.mark.parametrize("opener", ["ต่ามที่ กรมการพัฒนาชุมชนได้แจ้ง", "เนืองจากจังหวัดได้รับแจ้ง"])
def test_a_long_opener_with_a_mark_added_or_dropped_starts_the_body(opener):
    from build_tools.ingest.rows import opens_body

    assert opens_body(opener)
    assert not opens_body("ตามทะเบียนบ้านเลขที่ 12")  # (ตามท... with its letters changed is no opener)


@pytest.mark.parametrize("text, iso, note", [
    ("ลงวันที่ ๒๐7 สิงหาคม ๒๕๕๒", "2009-08-20", "'๒๐7' มีตัวเลขอีกแบบติดท้าย (เศษจาก OCR): อ่านเป็น ๒๐"),
    ("ลงวันที่ 20๕ ธ.ค. 2552", "2009-12-20", "'20๕' มีตัวเลขอีกแบบติดท้าย (เศษจาก OCR): อ่านเป็น 20"),
    ("ลงวันที่ 207 สิงหาคม 2552", None, None),  # three digits of one script: no day
    ("ลงวันที่ ๑๓๕ มีนาคม ๒๕๕๓", None, None),
])
def test_a_digit_of_the_other_script_after_a_day_is_a_speck(text, iso, note):
    from build_tools.ingest.dates import read_dates

    found = read_dates(text)
    assert (found[0].iso if found else None) == iso
    if note:
        assert found[0].notes == [f"วันที่ {note}"]


@pytest.mark.parametrize("items, titles", [
    (["สิ่งที่ส่งมาด้วย  1| แบบสำรวจข้อมูลหมู่บ้าน       จำนวน 2 ชุด",  # a bar read for the item's dot
      "2. กำหนดการประชุม'เชิงปฏิบัติการ   จำนวน 3 ชุด"],  # a speck read as a quote inside a word
     ["แบบสำรวจข้อมูลหมู่บ้าน", "กำหนดการประชุมเชิงปฏิบัติการ"]),
    (['สิ่งที่ส่งมาด้วย  1. แบบรายงาน "สยามเมืองยิ้ม"   จำนวน 1 ชุด'], ['แบบรายงาน "สยามเมืองยิ้ม"']),  # quotes stay
])
def test_enclosure_items_read_through_a_bar_for_their_dot_and_a_quote_inside_a_word(items, titles):
    L = extract_letter(list(enumerate(OPENING + items + REST[1:], 1)))
    assert [e["title"] for e in L.enclosures] == titles


@pytest.mark.parametrize("label", ["ลงวันที่", "ลงวันที", "ลงวันที่ :"])
def test_a_citations_date_on_the_line_after_its_label_is_its_date_not_an_item(label):
    # seed 44 L05: `๔. เม.ย. ๕๓` after a line ending with ลงวันที่ is no item ๔
    assert _references(["อ้างถึง ๑. หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๓/ว ๓๒๐๓ ลงวันที่ ๒๒ เม.ย. ๕๓",
                        f"๒. หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๒/ว ๓๘๓๗ {label}", "๔. เม.ย. ๕๓"]) == [
        ("มท ๐๘๑๐.๓/ว ๓๒๐๓", "2010-04-22"), ("ขก ๐๐๑๗.๒/ว ๓๘๓๗", "2010-04-04")]
