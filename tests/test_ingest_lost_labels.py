"""Damage classes the letter sets of seeds 20 and 21 showed (benchmarks/ingest_eval.py
--seed N; seed 18 beside them), one class per test on small text fixtures: a letter whose
number and labels OCR damaged is still a letter (by how many of a letter's parts are
left), header fields whose labels were lost at the margin read by their place, specks
scattered across a header line, the end of a body whose closing OCR damaged, a citation
whose number OCR spoiled linked by its issuer's damaged name and its date, dates and
numbers with specks inside, receipt stamps OCR damaged, and a bundle's first document
whose start nothing marks (none of its lines dropped)."""
import pytest

from build_tools.ingest.split import split_bundle

SIGNED = ["จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการต่อไป", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)",
          "ผู้ว่าราชการจังหวัดขอนแก่น", "สำนักงานจังหวัด", "โทร. ๐ ๔๓๒๔ ๒๒๒๒"]
BODY = ["ด้วยจังหวัดนครราชสีมาได้รับแจ้งว่าการดำเนินงานโครงการพลังชุมชน",
        "พลังสร้างสรรค์ \"สยามเมืองยิ้ม\" ในพื้นที่ตำบลพลกรัง มีความก้าวหน้าเป็นลำดับ"]


# --- a letter by its parts, when its number and labels were damaged ----------------------

@pytest.mark.parametrize("top, foot", [
    # the number's prefix lost, เรียน lost, the closing lost: its shape, date, subject, name
    (["ก", "604.5/ว 4946            สำนักงาน ป.ป.ส.", "21 ตุลาคม 2552", "เรื่อง  การติดตามและประเมินผล",
      "ราชการจังหวัด ทุกจังหวัด"], ["จึงเรียนมาเพื่อโปรดพิจารณา", "ศ", "(นายชาตรี พรหมวงศ์)", "เลขาธิการ ป.ป.ส."]),
    # a หนังสือประทับตรา (no เรื่อง) whose number a quote and a misread letter spoiled
    (["ที่' นม ๐๐๒๓.ส/ว ๘๒๗           ' ศาลากลางจังหวัดนครราชสีมา", "ถนนมหาดไทย นม 30000",
      "ถึง นายอำเภอ ทุกอำเภอ"], ["จึงเรียนมาเพื่อโปรดทราบ", "จังหวัดนครราชสีมา", "๙ พฤษภาคม ๒๕๕๓",
                                "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", "โทร. 0-4424-3702"]),
    # a ประกาศ whose title OCR spoiled: its subject, given-date line and signatory are there
    (["เพชะ:  กาศสำนักงาน ป 1 ส.", "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้"],
     ["จึงประกาศมาเพื่อทราบโด่ยทั่วกัน-", "ประกาศ ณ วันที ๒๖ ธันวาคม พ.ศ: ๒๕๕๒", "(นายชาตรี พรหมวงศ์",
      "เลขาธิการ ป.ป.ส."]),
])
def test_a_letter_whose_number_and_labels_were_damaged_is_still_a_letter(top, foot):
    (part,) = split_bundle(top + BODY + foot)
    assert part.doc_type == "letter"


def test_a_text_with_one_part_of_a_letter_is_not_a_letter():
    lines = ["แนวทางการดำเนินงาน ปีงบประมาณ ๒๕๕๓", "เรื่อง ที่ควรรู้"] + BODY + ["๑. การประชาสัมพันธ์"]
    (part,) = split_bundle(lines[1:])  # (its title cut off: nothing marks it as a letter but one label)
    assert part.doc_type == "guidance"


# --- the parts of a header whose labels were lost at the margin ---------------------------

def _letter(lines):
    from build_tools.ingest.letter import extract_letter

    return extract_letter(list(enumerate(lines, 1)))


OPENING = ["ที่ ขก ๐๐๑๗.๓/ว ๒๖๘๑            ศาลากลางจังหวัดขอนแก่น", "๑๘ ตุลาคม ๒๕๕๒",
           "เรื่อง  การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์", "สยามเมืองยิ้ม\""]


def test_enclosures_whose_label_was_lost_are_read_by_their_first_item_and_its_count():
    L = _letter(OPENING + ["ราชการจังหวัด ทุกจังหวัด", "ย 1. แบบสำรวจข้อมูลหมู่บ้าน :     จำนวน .1 ฉบับ",
                           "2. แบบรายงานผลการดำเนินงาน จำนวน 1 ฉบับ",
                           "อ้างถึงหนังสือที่อ้างถึง ได้แจ้งแนวทางการขับเคลื่อนโครงการ"] + BODY + SIGNED)
    assert L.subject == "การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์สยามเมืองยิ้ม\""
    assert L.addressee == "ราชการจังหวัด ทุกจังหวัด"
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("แบบสำรวจข้อมูลหมู่บ้าน", "1 ฉบับ"),
                                                                ("แบบรายงานผลการดำเนินงาน", "1 ฉบับ")]
    assert L.body_lines[0] == 8
    assert [(f.wrong, f.line) for f in L.flags if f.kind == "unlabelled"] == [("addressee", 5), ("enclosures", 6)]


def test_a_citation_whose_label_was_lost_is_read_by_the_letter_it_cites():
    L = _letter(OPENING + ["นายกองค์การบริหารส่วนตำบล ทุกแห่ง ]",
                           "ง หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑๐.๒/ว ๓๔๗ ลงวันที่ 18", ". ธ.ค. 2552",
                           "สิ่งที่ส่งมาด้วย 1. แนวทางการขยายผลโครงการ จำนวน 2 ฉบับ"] + BODY + SIGNED)
    assert L.addressee == "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"
    assert [(r["number"], r["date"]) for r in L.references] == [("มท ๐๔๑๐.๒/ว ๓๔๗", "2009-12-18")]
    assert L.body_lines[0] == 9


@pytest.mark.parametrize("citation", [
    "ง หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑๐.๒/ว ๓๔๗ ลงวันที่ 18",
    "ง 'หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑๐.๒/ว ๓๔๗ ลงวันที่ 18",  # a speck after what was left of อ้างถึง (seed 42 L15)
])
def test_a_citation_whose_label_was_lost_behind_specks_is_still_read_by_the_letter_it_cites(citation):
    L = _letter(OPENING + ["เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด", citation, ". ธ.ค. 2552",
                           "สิ่งที่ส่งมาด้วย 1. แนวทางการขยายผลโครงการ จำนวน 2 ฉบับ"] + BODY + SIGNED)
    assert (L.subject, L.addressee) == ("การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์สยามเมืองยิ้ม\"",
                                        "เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด")
    assert [(r["number"], r["date"]) for r in L.references] == [("มท ๐๔๑๐.๒/ว ๓๔๗", "2009-12-18")]


@pytest.mark.parametrize("label", ["รียน", "เรียน", "เรียน ."])
def test_an_addressee_whose_label_ocr_read_a_line_below_it_is_the_addressee(label):
    # (seed 49 L15: `เลขาธิการคณะ ...` then `รียน` alone, then อ้างถึง)
    L = _letter(OPENING + ["เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด", label,
                           "อ้างถึง หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑๐.๒/ว ๓๔๗ ลงวันที่ 18 ธ.ค. 2552"]
                + BODY + SIGNED)
    assert L.subject == "การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์สยามเมืองยิ้ม\""
    assert L.addressee == "เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด"
    assert [(r["number"], r["date"]) for r in L.references] == [("มท ๐๔๑๐.๒/ว ๓๔๗", "2009-12-18")]
    assert L.body_lines[0] == 8


def test_a_line_of_scattered_specks_does_not_end_the_header():
    L = _letter(OPENING[:3] + ["เรียน พัฒนาการอำเภอ ทุกอำเภอ", "2 2 0       |      . 00      -",
                               "อ้างถึง หนังสือกระทรวงมหาดไทย ที่ มท ๐๕๐๕.๒/ว ๕๕๐๐ ลงวันที่ 6 สิงหาคม 2552"]
                + BODY + SIGNED)
    assert [r["number"] for r in L.references] == ["มท ๐๕๐๕.๒/ว ๕๕๐๐"]
    assert L.body_lines[0] == 7


# --- where the body ends -----------------------------------------------------------------

def test_what_ocr_left_of_the_closing_is_not_the_body():
    L = _letter(OPENING[:3] + ["เรียน พัฒนาการอำเภอ ทุกอำเภอ"] + BODY
                + ["จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการต่อไป", "ป์ ว ามนับถือ  .", "เฒ \"ก 3",
                   "(นายธีระ สุวรรณรัตน์)", "ผู้ว่าราชการจังหวัดอุบลราชธานี"])
    assert L.body_lines == (5, 7)
    assert L.signatory["name"] == "นายธีระ สุวรรณรัตน์"


@pytest.mark.parametrize("given", ["ประกาศ.ณ วันที 18 กันยายน พ.ศ. 2553", "\"ประกาศ. .ณ -วันที่ 18 กันยายน 'พ.ศ.  2553."])
def test_an_announcements_given_date_behind_specks_ends_the_body(given):
    L = _letter(["ประกาศสำนักงาน ป.ป.ส.", "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้"] + BODY
                + ["จึงประกาศมาเพื่อทราบโดยทั่วกัน", given, "(นายชาตรี พรหมวงศ์)", "เลขาธิการ ป.ป.ส."])
    assert L.body_lines == (3, 5)
    assert L.date == "2010-09-18"


# --- a citation whose number OCR spoiled, linked by its issuer's name and its date -------

def _resolve(title, number, date, date_be, text=None):
    from build_tools.ingest.resolve import Candidate, resolve

    cited = Candidate("moi-letter-2552-08-06", "มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06", "moi", "letter")
    other = Candidate("cdd-letter-2552-08-06", "มท ๐๔๑๐.๒/ว ๒๐๐๐", "2009-08-06", "cdd", "letter")
    dla = Candidate("dla-letter-2552-08-20", "มท 0810.1/ว 1631", "2009-08-20", "dla", "letter")
    ref = {"title": title, "number": number, "date": date, "date_be": date_be, "line": 9, "via": "อ้างถึง",
           "text": text}
    return resolve(ref, [cited, other, dla], {}, {"moi": "กระทรวงมหาดไทย", "cdd": "กรมการพัฒนาชุมชน",
                                                  "dla": "กรมส่งเสริมการปกครองท้องถิ่น"})


@pytest.mark.parametrize("title", ["หนังสือกระ รทรวงมหาดไทย ด่วนที่สุด", "หนังสือกระทรวงมหลดไทย ด่วนที่สุด"])
def test_a_citation_names_its_issuer_through_ocr_damage(title):
    out, flags = _resolve(title, "มท ๐๕๐๕.๒/๕๕๐๐6", "2009-08-06", "6 สิงหาคม 2552")
    assert (out["id"], out["match"]) == ("moi-letter-2552-08-06", "probable")
    assert [(f.suggestion, f.wrong) for f in flags if f.kind == "number_check"] == [("มท ๐๔๐๔.๒/๔๙๐๐",
                                                                                     "มท ๐๕๐๕.๒/๕๕๐๐6")]


def test_a_citation_whose_day_ocr_confused_is_linked_with_the_day_suggested():
    out, flags = _resolve("หนังสือกระทรวงมหาดไทย ด่วนที่สุด", None, "2009-08-02", "๒ สิงหาคม ๒๕๕๒")
    assert (out["id"], out["match"]) == ("moi-letter-2552-08-06", "probable")
    assert [(f.kind, f.suggestion) for f in flags if f.kind in ("number_check", "date_check")] == [
        ("number_check", "มท ๐๔๐๔.๒/๔๙๐๐"), ("date_check", "๖ สิงหาคม ๒๕๕๒")]


def test_a_citation_of_another_month_is_not_linked_by_its_issuer():
    out, _ = _resolve("หนังสือกระทรวงมหาดไทย", None, "2009-09-06", "๖ กันยายน ๒๕๕๒")
    assert out["id"] is None


# --- a citation whose number OCR damaged past reading: linked by the pieces that stand -----

DLA_CITED = "หนังสือกรมส่งเสริมการปกครองท้องถิน ที่ ท มท 0810. บป่ว 1631 ลงวันที่ ๒๐7 -สิงหาคม ๒๕๕๒"  # seeds 27, 30


@pytest.mark.parametrize("title, number, date, text, cited", [
    # no number, no date read: the serial (as printed) and the month and year in its text
    (DLA_CITED, None, None, DLA_CITED, "dla-letter-2552-08-20"),
    ("หนังสือกรมส่งเสริมการปกครองท้องถิน", None, None,
     "หนังสือกรมส่งเสริมการปกครองท้องถิน ที่ ท มท 0810. บา 1631 ลงวันที่ โ๕๕๕ สิงหาคม ๒๕๕๒", "dla-letter-2552-08-20"),
    # a number read through a speck after the serial, ๙ read as ๕, the day as a confusable one
    ("หนังสือกระทรวงมหาดไทย ด่วนที่สุด", "มท ๐๕๑๕.๒/๔๕๐๐7", "2009-08-05",
     "หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๕๑๕.๒/๔๕๐๐7 ลงวันที่ 5 สิงหาคม ๒๕๕๒", "moi-letter-2552-08-06"),
    # the `/` lost: the office's last digit before the serial; no day, the month on the next line
    ("หนังสือกระทรวงมหาดไทย", None, None, "หนังสือกระทรวงมหาดไทย ที่ มท ๐๔๐๔.๒๔๙๐๐ ลงวันที่ . สิงหาคม ๒๕๕๒",
     "moi-letter-2552-08-06"),
])
def test_a_citation_whose_number_ocr_spoiled_is_linked_by_its_serial_and_month(title, number, date, text, cited):
    out, flags = _resolve(title, number, date, None, text)
    assert (out["id"], out["match"]) == (cited, "probable")
    (link,) = [f for f in flags if f.kind == "probable_reference"]
    assert "อยู่ในข้อความที่อ้างถึง เดือนและปีตรงกัน" in link.message
    assert [f.wrong for f in flags if f.kind == "number_check"] == [number]  # the cited number suggested


@pytest.mark.parametrize("number, date, text", [
    (None, None, DLA_CITED.replace("สิงหาคม", "ตุลาคม")),  # another month
    (None, None, DLA_CITED.replace("1631", "1431")),  # ๔ is not what OCR reads for ๖
    (None, None, "หนังสือกรมส่งเสริมการปกครองท้องถิน ที่ มท 0810. บป่ว 1651 ลงวันที่"),  # no month: the serial as printed only
    ("มท ๐๕๑๕.๒/๔๕๐๐7", "2009-09-05", "หนังสือกระทรวงมหาดไทย ที่ มท ๐๕๑๕.๒/๔๕๐๐7 ลงวันที่ 5 กันยายน ๒๕๕๒"),  # its date's month
    (None, None, "หนังสือกรมการพัฒนาชุมชน ที่ มท 0810. บป่ว 1631 ลงวันที่ 20 สิงหาคม ๒๕๕๒"),  # another issuer
])
def test_a_spoiled_citation_is_not_linked_by_pieces_that_do_not_all_fit(number, date, text):
    out, _ = _resolve(text.split(" ที่ ")[0], number, date, None, text)
    assert out["id"] is None


def test_a_spoiled_citation_with_no_month_is_linked_by_its_serial_as_printed():
    text = "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810. บป่ว 1631 ลงวันที่"
    out, flags = _resolve("หนังสือกรมส่งเสริมการปกครองท้องถิ่น", None, None, None, text)
    assert (out["id"], out["match"]) == ("dla-letter-2552-08-20", "probable")
    assert "เดือนและปีตรงกัน" not in next(f.message for f in flags if f.kind == "probable_reference")


# --- dates: specks between the day and the month, a mark inside the year ------------------

@pytest.mark.parametrize("printed, iso", [
    ("18 “ตุลาคม 2552", "2009-10-18"), ("18 ”ตุลาคม 2552", "2009-10-18"), ("18*ตุลาคม 2552", "2009-10-18"),
    ("12  ม่กราคม 2ิ553", "2010-01-12"), ("28' มีนาคม พค์. 2553", "2010-03-28"),
])
def test_a_date_behind_specks_or_with_a_mark_in_its_year_is_read(printed, iso):
    from build_tools.ingest.dates import read_dates

    (d,) = read_dates(printed)
    assert d.iso == iso and "ิ" not in d.stored


def test_a_date_line_whose_day_has_a_digit_too_many_is_flagged_not_replaced_by_a_body_date():
    L = _letter(["ที่ สอบต 069/2553          สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "212  ม่กราคม 2ิ553",
                 "เรื่อง การติดตามและประเมินผล", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                 "ด้วยสมาคมขอให้รายงานผลภายในวันที่ 22 ก.พ. 2553"] + SIGNED)
    assert L.date is None
    assert [(f.kind, f.line) for f in L.flags if f.kind.startswith("date")] == [("date_invalid", 2)]


# --- numbers: a speck between the code and the digits, or between ว and the serial -------

@pytest.mark.parametrize("line, printed, read_as", [
    ("ที่ ยธ-๐๖๐๔.๓/ว ๘๘๑         สำนักงาน ป.ป.ส.", "ยธ ๐๖๐๔.๓/ว ๘๘๑", "ยธ-๐๖๐๔.๓/ว ๘๘๑"),
    ("ผ่ ขก'0518.5/2083     . วันที่ 4 กันยายน 2552", "ขก 0518.5/2083", "ขก'0518.5/2083"),
    ("ที่ อบ ๐๐๒๓.๑/ว-๕๑๓๕         ศาลากลางจังหวัดอุบลราชธานี", "อบ ๐๐๒๓.๑/ว ๕๑๓๕", "อบ ๐๐๒๓.๑/ว-๕๑๓๕"),
    ("ที่ มท. 0810.1/ว 1631", "มท 0810.1/ว 1631", None),  # (a dot after the code is printed so)
    ('มท 0810.1/ว"4779             กรมส่งเสริมการปกครองท้องถิน', "มท 0810.1/ว 4779", 'มท 0810.1/ว"4779'),  # seed 18 L15
    ("มท 0810.4/ว:1031 270..        กรมส่งเสริมการปกครองท้องถิน", "มท 0810.4/ว 1031", "มท 0810.4/ว:1031"),  # seed 42 L15
])
def test_a_number_with_a_speck_inside_is_read_and_its_reading_kept(line, printed, read_as):
    from build_tools.ingest.numbers import find_number

    num = find_number(line)
    assert (num.printed, num.read_as) == (printed, read_as)


def test_a_citation_whose_number_was_read_is_not_linked_to_a_letter_of_a_confusable_day():
    out, _ = _resolve("หนังสือกระทรวงมหาดไทย", "มท ๐๘๑๐.๓/ว ๑๑๘๓", "2009-08-02", "๒ สิงหาคม ๒๕๕๒")
    assert out["id"] is None


# --- a ประกาศ whose title OCR spoiled: known by its foot ---------------------------------

def test_an_announcement_whose_title_ocr_spoiled_is_known_by_its_given_date_line():
    L = _letter(["เพชะ:  กาศสำนักงาน ป 1 ส.", "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้ของผู้นำชุมชนและ . |",
                 ". องค์การบริหารส่วนตำบล."] + BODY
                + ["จึงประกาศมาเพื่อทราบโด่ยทั่วกัน- “", "ประกาศ ณ วันที ๒๒ ธันวาคม พ.ศ: ๒๕๕๒ .", "(นายชาตรี พรหมวงศ์",
                   "|  เลขาธิการ ป. ป.ส."])
    assert L.form == "announcement"
    assert L.subject == "การจัดเวทีแลกเปลี่ยนเรียนรู้ของผู้นำชุมชนและองค์การบริหารส่วนตำบล"
    assert L.body_lines == (4, 6) and L.date == "2009-12-22"


def test_an_abbreviation_at_the_end_of_a_fields_line_keeps_its_dot():
    from build_tools.ingest.letter import _joined

    assert _joined([(1, "ขอความร่วมมือสำนักงาน ป.ป.ส."), (2, "ในการดำเนินงาน")]) == \
        "ขอความร่วมมือสำนักงาน ป.ป.ส. ในการดำเนินงาน"


# --- receipt stamps whose label or date OCR damaged; an abbreviation without its dot -----

def test_a_receipt_stamp_with_a_gap_in_its_label_and_a_damaged_receiver_is_no_letterhead():
    L = _letter(["สานกงานพัฒนาซุมชนจังหวัดลำปาง", ". เลข รับ |๒๑๐๕”", "๑๓ มิ.ย. ๒๕๕๓", "| เวลา 6๐๑”.๕๕ น.",
                 "ที่ มท 0810.4/379          กระทรวงมหาดไทย", "ถนนอัษฎางค์ กทม. ๑๐๒๐๐", "7 มิถุนายน 2553",
                 "เรื่อง การรายงานผล", "เรียน อธิบดีกรมการพัฒนาชุมชน"] + BODY + SIGNED)
    assert [o for _, o in L.offices] == ["กระทรวงมหาดไทย"]
    assert [(s["number"], s["receiver"]) for s in L.receipt_stamps] == [("๒๑๐๕", "สานกงานพัฒนาซุมชนจังหวัดลำปาง")]


@pytest.mark.parametrize("label_row", [
    "เลขรวับ ๘๐๘๘   ว",  # a letter more in its label, and a speck apart after it (seed 43 L08's scan)
    "เลขรับ ๕๐๕๕   ะ",  # a speck apart after it (its OCR text)
])
def test_a_receipt_stamps_label_with_a_letter_more_or_a_speck_after_it_is_still_the_stamps(label_row):
    L = _letter(["สํานักงานพัฒนาซุมชนจังหวัดลําป้าง", label_row, "วันท     ๕ก.ค. ๒๕๕๓", "๙.๐๐ ห",
                 "ที่ สอบต.052/2553          สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "27 มิถุนายน 2553",
                 "เรื่อง การติดตามและประเมินผล", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง"] + BODY + SIGNED)
    assert [o for _, o in L.offices] == ["สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย"]
    assert [(s["number"], s["date"], s["time"], s["receiver"]) for s in L.receipt_stamps] == [
        (label_row.split()[1], "2010-07-05", "๙.๐๐", "สำนักงานพัฒนาซุมชนจังหวัดลำป้าง")]  # (sara am composed)


def test_a_receipt_stamp_whose_dates_month_ocr_spoiled_is_still_a_stamp():
    L = _letter(["สำนักงานจังหวัดขอนแก่น", "'เลขรับ .@%๐9๑๑", "๒๐ มวูค. ๒๕๕๓",
                 "ที สอบต 069/2553          สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "12 มกราคม 2553",
                 "เรื่อง การติดตามและประเมินผล", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง"] + BODY + SIGNED)
    assert [o for _, o in L.offices] == ["สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย"]
    assert L.number == "สอบต. 069/2553"


@pytest.mark.parametrize("line, printed", [
    ("ที สอบต 069/2553     :    ” สมาคม", "สอบต. 069/2553"),  # (not the government code บต)
    ("ที่มท 0810.4/379", "มท 0810.4/379"),
])
def test_an_abbreviation_whose_dot_was_lost_is_the_abbreviation(line, printed):
    from build_tools.ingest.number_shape import number_reading
    from build_tools.ingest.numbers import find_number

    num = find_number(line)
    assert num.printed == printed
    if num.read_as:
        assert "จุดท้ายอักษรย่อ" in number_reading(num, 1)[0].message


def test_a_place_name_a_gap_split_still_names_the_office_place():
    from conftest import ROOT

    from build_tools.ingest.analyze import Env
    from build_tools.sources.corpus import load_corpus

    reg = Env.of(load_corpus(ROOT / "corpus")).registry
    office = reg.office_of_name("จังหวัดข อนแก่น")
    assert (office.agency, office.province) == ("province", "ขอนแก่น")


def test_a_quote_at_the_end_of_a_fields_line_stays():
    from build_tools.ingest.letter import _joined

    assert _joined([(1, "พลังชุมชน พลังสร้างสรรค์ \""), (2, "สยามเมืองยิ้ม\"")]) == \
        "พลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิ้ม\""


# --- the signature block and an enclosure's count, with specks ----------------------------

def test_a_speck_read_as_a_letter_before_the_signatorys_name_or_after_the_position():
    L = _letter(OPENING[:3] + ["เรียน พัฒนาการอำเภอ ทุกอำเภอ"] + BODY
                + ["จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการต่อไป", "ขอแสดงความนับถือ.", "ย (นายอนันต์ แก้วประเสริฐ)",
                   "ปลัดกระทรวงมหาดไทย ก"])
    assert L.signatory == {"name": "นายอนันต์ แก้วประเสริฐ", "position": "ปลัดกระทรวงมหาดไทย", "line": 9}


def test_an_enclosures_count_with_a_dash_before_its_unit():
    L = _letter(OPENING[:3] + ["เรียน นายอำเภอ ทุกอำเภอ",
                               "สิงทีส่งมาด้วย แนวทางการขยายผลโครงการ     จ้านวน ๑ -แผ่น ."] + BODY + SIGNED)
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("แนวทางการขยายผลโครงการ", "๑ แผ่น")]


def test_a_stamped_letters_date_whose_day_was_lost_is_flagged_not_replaced_by_a_body_date():
    L = _letter(["ที่ มท 0810.5/ว 3895            กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. 10300",
                 "ถึง ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                 "ตามที่ กรมการพัฒนาชุมชน ได้ลงนามบันทึกความร่วมมือ เมื่อวันที่ ๑๒ มิถุนายน ๒๕๕๒ นั้น",
                 "จึงเรียนมาเพื่อโปรดทราบและดำเนินการต่อไป", ".. มิถุนายน  2553.",
                 "สำนักพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "โทร. 0-2241-9000 ต่อ 2202"])
    assert L.form == "stamped" and L.date is None
    assert [(f.kind, f.line) for f in L.flags if f.kind.startswith("date")] == [("date_invalid", 6)]


def test_a_date_line_whose_year_lost_a_digit_is_flagged_as_such():
    L = _letter(["ที่ ขก ๐๐๑๗.๑/๒๔๖          ศาลากลางจังหวัดขอนแก่น", "ถนนศูนย์ราชการ ขก ๔๐๐๐๐", "๓๑ ธันวาคม ๒๕๘",
                 "เรื่อง ขอเชิญประชุม", "เรียน นายอำเภอ ทุกอำเภอ",
                 "ตามที่ ได้ลงนามบันทึกความร่วมมือ เมื่อวันที่ ๑๒ มิถุนายน ๒๕๕๒ นั้น"] + SIGNED)
    assert L.date is None
    (f,) = [f for f in L.flags if f.kind.startswith("date")]
    assert (f.kind, f.line) == ("date_invalid", 3) and "ปี พ.ศ. อ่านได้ไม่ครบสี่หลัก" in f.message


@pytest.mark.parametrize("line, printed, why", [
    ("นม 002ร3่.1/522                          ศาลากลางจังหวัดนครราชสีมา", "นม 0023.1/522", "ตัวอักษรแทรกในตัวเลข"),
    ("2. หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑๐. ๗ฆว 1002 ลงวันที่ 13", "มท ๐๔๑๐.๗/ว 1002", "เครื่องหมาย / หรือ ว"),
])
def test_a_speck_read_as_a_letter_in_a_numbers_digits_or_its_slash_read_as_a_letter(line, printed, why):
    from build_tools.ingest.number_shape import number_reading
    from build_tools.ingest.numbers import find_number

    num = find_number(line)
    assert num.printed == printed and why in number_reading(num, 1)[0].message


# --- seed 21's classes ---------------------------------------------------------------------

def test_a_label_whose_last_letter_ocr_lost_alone_in_its_segment_is_still_the_label():
    L = _letter(OPENING[:3] + ["เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                               "สิงที่ส่งมาด้ว    1. กำหนดการประชุมเชิงปฏิบัติการ   จำนวน 3 ฉบับ",
                               "2. รายชื่อตำบลเป้าหมาย        จำนวน 1 แผ่น"] + BODY + SIGNED)
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("กำหนดการประชุมเชิงปฏิบัติการ", "3 ฉบับ"),
                                                                ("รายชื่อตำบลเป้าหมาย", "1 แผ่น")]
    assert L.body_lines[0] == 7


def test_a_letter_whose_number_is_unreadable_is_not_cut_at_a_body_line_that_begins_like_a_title():
    lines = (["สำนักงานจังหวัดขอนแก่น", "เลขรับ '9493", "ที่ สอบต: 09672553      สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย",
              "5 เมษายน 2553", "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"] + BODY
             + ["ในการนี้ ขอให้มอบหมายเจ้าหน้าที่ผู้รับผิดชอบเข้าร่วมประชุมชี้แจง",
                "แนวทางการดำเนินงาน ณ ห้องประชุมศาลากลางจังหวัดขอนแก่น"] + SIGNED)
    assert [(p.first, p.last, p.doc_type) for p in split_bundle(lines)] == [(1, len(lines), "letter")]


def test_the_lines_before_the_first_title_are_that_documents_own():
    lines = ["ฐ ฒ", "๑ ๒", "แนวทางการขยายผลโครงการ ปีงบประมาณ ๒๕๕๓", "๑. ความเป็นมา", "๒. วัตถุประสงค์", "๓. วิธีดำเนินการ"]
    assert [(p.first, p.last, p.doc_type) for p in split_bundle(lines)] == [(1, 6, "guidance")]


def test_rows_of_scattered_specks_between_labelled_fields_do_not_end_the_header():
    L = _letter(OPENING[:3] + ["ส       '=     ว     %๑“|     ฉ-      =-", "เรียน เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด",
                               "๑ =:     ฉณ- ส     1     ”-     งุ     ฆ", "อ้างถึง 1. หนังสือกรมส่งเสริมการปกครองท้องถิ่น "
                               "ที่ มท 0810.1/ว 1631 ลงวันที่ 20", "สิงหาคม 2552", "ณ ส ๓๓ ๑       1 ซ     -",
                               "2. หนังสือจังหวัดขอนแก่น ที่ มท 0810.3/ว 3142 ลงวันที่ 24 ตุลาคม 2552"] + BODY + SIGNED)
    assert L.addressee == "เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด"
    assert [r["number"] for r in L.references] == ["มท 0810.1/ว 1631", "มท 0810.3/ว 3142"]
    assert L.body_lines[0] == 11


def test_a_memos_unit_ends_at_the_numbers_line():
    L = _letter(["บันทึกข้อความ", "ส่วนราชการ ที่ว่าการอำเภอบ้านไผ่ โทร. ๐ ๔๓๒๗ ๒๐๕๕",
                 "ท       ขก 0518.5/403       วันที่ 23 กันยายน 2553", "1เรื่", "รอง ขอความร่วมมือสนับสนุนการดำเนินงาน",
                 "6 ยน .กำนันและผู้ใหญ่บ้าน ทุกตำบล"] + BODY + SIGNED)
    assert L.number == "ขก 0518.5/403" and L.date == "2010-09-23"
    assert L.body_lines[0] == 7


def test_a_memos_subject_under_specks_and_a_label_the_margin_cut_with_its_mark():
    L = _letter(["บันทึกข้อความ", "ส่วนราชการ กรมส่งเสริมการปกครองท้องถิ่น โทร. 0-2241-9000 ต่อ 2202",
                 "' ที่ มท 0810.5/1862     วันที่ 26 ก.พ. 2553", "ฆ          ๑          <     .  ฆ รื่",
                 "รือง การขยายผลโครงการพลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิม", ".\" ประจำปีงบประมาณ 2553",
                 "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด : 0 0"] + BODY + SIGNED)
    assert L.subject == "การขยายผลโครงการพลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิม\" ประจำปีงบประมาณ 2553"
    assert L.addressee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"
    assert L.body_lines[0] == 8
