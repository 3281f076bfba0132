"""Damage classes the letter set of seed 26 showed (benchmarks/ingest_eval.py --seed 26, held
out in the last round; seed 27 held out in this one), one class per test, on small text
fixtures: a row of a stamp's or a signature's debris between header fields or between the
signatory's name and position, a speck in the left margin before a field's row or an
enclosure's item, a count's figure with a bracket read beside it, and a position whose title
OCR damaged or cut (restored from corpus/names.yaml's positions)."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.letter import extract_letter
from build_tools.ingest.word_check import mostly_not_words
from build_tools.normalization.known_names import restorable_names
from build_tools.normalization.rules.names import restore_title
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")
TOP = ["ที่ ขก 0017.2/ว 3723               ศาลากลางจังหวัดขอนแก่น", "ถนนศูนย์ราชการ ขก ๔๐๐๐๐", "21 สิงหาคม 2553",
       "เรื่อง การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์", "เรียน พัฒนาการอำเภอ ทุกอำเภอ"]
CITES = "อ้างถึง หนังสือกระทรวงมหาดไทย ที่ มท ๐๔๐๔.๒/๔๙๐๐ ลงวันที่ 6 สิงหาคม 2552"
BODY = ["ด้วยจังหวัดขอนแก่นได้รับแจ้งว่าการดำเนินงานโครงการพลังชุมชน พลังสร้างสรรค์",
        "มีความก้าวหน้าเป็นลำดับ และควรขยายผลสู่ตำบลใกล้เคียง"]
SIGNED = ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นางรัชนี มีสุข)", "ผู้ว่าราชการจังหวัดขอนแก่น"]
DEBRIS = ["เ   เฉ             9๑๑1<ี่  ฮ่             ม ส่", "ะ    <     กษ์์:    แลอน       ไล      บ แนว     เฟท",
          "จ้าเอ ชลซี2                  0"]  # (seed 40 L34: handwriting read as short words)


def _letter(lines):
    return extract_letter(list(enumerate(lines, 1)))


@pytest.mark.parametrize("text, garbled", [
    (DEBRIS[0], True), (DEBRIS[1], True), ("เ              ฉณฯ«    ฉณ«              ส", True),
    ("ผู้ว่าราชการจังหวัดนครราชสีมา", False), (CITES, False),
    (".   :              6", False),  # specks, no letters: is_debris's, not this
])
def test_which_lines_are_mostly_not_words(text, garbled):
    assert mostly_not_words(text) is garbled


# --- a row of debris among the header's fields ---------------------------------------------------

@pytest.mark.parametrize("debris", DEBRIS)
def test_a_row_of_debris_before_the_next_label_does_not_end_the_header(debris):
    L = _letter(TOP + [debris, CITES] + BODY + SIGNED)
    assert [(r["number"], r["date"]) for r in L.references] == [("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06")]
    assert L.body_lines[0] == 8


@pytest.mark.parametrize("debris", DEBRIS)
def test_a_row_of_debris_with_no_label_below_it_is_where_the_body_starts(debris):
    L = _letter(TOP + [debris] + BODY + SIGNED)
    assert L.references == [] and L.body_lines[0] == 6


def test_the_reference_after_a_row_of_debris_is_linked_with_the_cited_letters_readings():
    text = "\n".join(TOP + [DEBRIS[0], "อ้างถึง หนังสือกระทรวงมหาดไทย ด้วนที่สุด ที่ มท ๐๕๔๕.เ๕๕๐๐,ลงวันที่ 6",
                            "สิงหาคม 2552"] + BODY + SIGNED)
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert [(r["date"], r["id"]) for r in doc["references"]] == [("2009-08-06", "moi-letter-2552-08-06")]
    assert any(f["kind"] == "number_check" and f["suggestion"] == "มท ๐๔๐๔.๒/๔๙๐๐" for f in doc["flags"])


# --- a speck in the left margin before a field's row ---------------------------------------------

def test_a_speck_in_the_margin_before_an_enclosure_or_after_its_label_is_not_an_item():
    L = _letter(TOP + ["สิงที่ส่งมาด้วย ป 1. กำหนดการประชุมเชิงปฏิบัติการ  จำน่วน 2 ) ชุด",
                       "อ          2. แนวทางการขยายผลโครงการ .    จำนวน 3 แผ่น'"] + BODY + SIGNED)
    assert [(e["no"], e["title"], e["count"]) for e in L.enclosures] == [
        (1, "กำหนดการประชุมเชิงปฏิบัติการ", "2 ชุด"), (2, "แนวทางการขยายผลโครงการ", "3 แผ่น")]


def test_a_figure_in_the_margin_before_a_subjects_second_line_is_a_speck():
    L = _letter(["ที่ มท 0810.3/ว 365                 กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา กทม. 10300",
                 "26 ตุลาคม 2552", "เรื่อง ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการพลังชุมชน พลัง",
                 '1          สร้างสรรค์ "สยามเมืองยิ้ม"', "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"] + BODY + SIGNED)
    assert L.subject == 'ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม"'
    assert L.addressee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"


def test_an_items_number_standing_apart_is_not_a_speck():
    L = _letter(TOP + ["สิ่งที่ส่งมาด้วย 1. แบบรายงานผลการดำเนินงาน      จำนวน 1 ชุด",
                       "2.        แนวทางการขยายผลโครงการ      จำนวน 3 แผ่น",  # (a tab after the number)
                       "3        แบบสำรวจข้อมูลตำบล      จำนวน 2 ฉบับ"] + BODY + SIGNED)  # (its dot lost)
    assert [(e["no"], e["title"], e["count"]) for e in L.enclosures] == [
        (1, "แบบรายงานผลการดำเนินงาน", "1 ชุด"), (2, "แนวทางการขยายผลโครงการ", "3 แผ่น"),
        (3, "แบบสำรวจข้อมูลตำบล", "2 ฉบับ")]


# --- the signatory ---------------------------------------------------------------------------------

def test_a_row_of_a_signatures_debris_between_the_name_and_the_position_is_not_the_position():
    L = _letter(TOP + BODY + ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นางวันเพ็ญ จันทร์หอม)",
                              "เ              ฉณฯ«    ฉณ«              ส", "ผู้ว่าราชการจังหวัดนครราชสีมา",
                              "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", "โทร. 0-4424-3702"])
    assert L.signatory["position"] == "ผู้ว่าราชการจังหวัดนครราชสีมา"


def test_a_garbled_position_with_only_the_unit_below_it_stays_the_position():
    L = _letter(TOP + BODY + ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นางวันเพ็ญ จันทร์หอม)",
                              "เ              ฉณฯ«    ฉณ«              ส", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด"])
    assert L.signatory["position"] == "ฉณฯ« ฉณ«"  # (as read, tidied: not the unit below it)


@pytest.mark.parametrize("name_line, name", [
    ("2 0  ไนางรัชนี มีสุข]", "นางรัชนี มีสุข"),  # ( read as ไ glued to the title, ) as ]
    ("ไนายวีระพงษ์ ทองมา)", "นายวีระพงษ์ ทองมา"),
])
def test_a_names_opening_bracket_read_as_sara_ai_is_the_bracket(name_line, name):
    L = _letter(TOP + BODY + ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", name_line, "นายอำเภอบ้านไผ่"])
    assert (L.signatory["name"], L.signatory["position"]) == (name, "นายอำเภอบ้านไผ่")


def test_a_word_starting_with_sara_ai_is_no_name():
    L = _letter(TOP + BODY + ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "ไนท์ซาฟารี)", "นายอำเภอบ้านไผ่"])
    assert L.signatory is None


@pytest.mark.parametrize("between", [["๐3", "๖7"], ["6   0", ".", "ส"]])
def test_the_position_below_rows_of_a_seals_specks_is_found(between):
    L = _letter(TOP + BODY + ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายประเสริฐ บุญมี)", *between,
                              "อธิบดีกรมการพัฒนาชุมชน", "สำนักงานเลขานุการกรม"])
    assert L.signatory["position"] == "อธิบดีกรมการพัฒนาชุมชน"


def test_a_speck_standing_apart_before_the_position_is_not_part_of_it():
    L = _letter(TOP + BODY + ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายวีระพงษ์ ทองมา)",
                              "น     .,นายอำเภอบ้านไผ่"])
    assert L.signatory["position"] == "นายอำเภอบ้านไผ่"


@pytest.mark.parametrize("row, position, unit", [
    # (seeds 40 and 41, L08: the unit printed below a long position, read as one row with it)
    ("ฝ่ายเลขานุการสมาคม     นายกสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย",
     "นายกสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "ฝ่ายเลขานุการสมาคม"),
    ("กลุ่มงานส่งเสริมการพัฒนาชุมชน    พัฒนาการจังหวัดขอนแก่น", "พัฒนาการจังหวัดขอนแก่น",
     "กลุ่มงานส่งเสริมการพัฒนาชุมชน"),
    # an office's name on both sides: no position to tell from a unit, the row kept whole
    ("สำนักงานจังหวัดขอนแก่น     กลุ่มงานอำนวยการ", "สำนักงานจังหวัดขอนแก่น กลุ่มงานอำนวยการ", None),
])
def test_a_unit_read_on_the_positions_row_is_the_unit_not_the_position(row, position, unit):
    L = _letter(TOP + BODY + ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นางสาวพรทิพย์ วงศ์ใหญ่)", row,
                              "โทร. ๐ ๒๒๘๑ ๙๘๗๖"])
    assert (L.signatory["position"], L.unit) == (position, unit)


# --- labels whose head OCR lost, read by their place ----------------------------------------------

def test_labels_whose_heads_ocr_lost_are_read_by_their_place():
    L = _letter(["ที่ ชม 0019.5/ว 376         สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่",
                 "ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา ชม 50300", "26 เมษายน 2553",
                 "เรื่อง  การคัดเลือกตำบลนำร่องการดำเนินงานตามแนวปรัชญา", "เศรษฐกิจพอเพียง",
                 "น พัฒนาการอำเภอ ทุกอำเภอ",  # เรียน: its last letter left
                 "ถึง  หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ ขก ๐๐๑๗.๒/ว 3555 ลงวันที่ 7 ก.พ. 53",  # อ้างถึง
                 "สิ่งที่ส่งมาด้วย แบบรายงานผลการดำเนินงาน     จำนวน 1 ชุด"] + BODY + SIGNED)
    assert L.subject == "การคัดเลือกตำบลนำร่องการดำเนินงานตามแนวปรัชญาเศรษฐกิจพอเพียง"
    assert L.addressee == "พัฒนาการอำเภอ ทุกอำเภอ"
    assert [(r["number"], r["date"]) for r in L.references] == [("ขก ๐๐๑๗.๒/ว 3555", "2010-02-07")]
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("แบบรายงานผลการดำเนินงาน", "1 ชุด")]


TITLES = tuple(CORPUS.names["positions"])
NAMES = restorable_names(CORPUS)


@pytest.mark.parametrize("read, restored", [
    ("ปลัดกระทรว่งมหาดทย", "ปลัดกระทรวงมหาดไทย"),  # a mark added, a vowel lost: not the skeleton
    ("อธิยดีกรมส่งเสริมการปกครองท้องถิ่น", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"),  # บ read as ย
    ("นายกสัมโคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "นายกสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย"),
    ("าราชการจังหวัดขอนแก่น", "ผู้ว่าราชการจังหวัดขอนแก่น"),  # the head cut off
    ("ราชการจังหวัดขอนแก่น", "ผู้ว่าราชการจังหวัดขอนแก่น"),
    ("ว่าราชการ จังหวัดอุบลราชธานี", "ผู้ว่าราชการจังหวัดอุบลราชธานี"),  # (a space OCR put inside it)
    ("ปสัตกระทรวงมหาดไทย", "ปลัดกระทรวงมหาดไทย"),
    ("รองผู้ว่าราชการจังหวัดขอนแก่น", "รองผู้ว่าราชการจังหวัดขอนแก่น"),  # as printed
    ("นายอำเภอเมืองขอนแก่น", "นายอำเภอเมืองขอนแก่น"),
    ("นักพัฒนาชุมชนชำนาญการ", "นักพัฒนาชุมชนชำนาญการ"),  # no title of the list: as read
    ("องค์การบริหารส่วนตำบล ทุกแห่ง", "องค์การบริหารส่วนตำบล ทุกแห่ง"),  # a known name, not a title's cut tail
    ("กรมส่งเสริมการปกครองท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น"),
    ("นายกเทศมนตรีตำบลบ้านไผ่", "นายกเทศมนตรีตำบลบ้านไผ่"),
    ("หัวหน้าสำนักงานจังหวัด", "หัวหน้าสำนักงานจังหวัด"),
    ("เลขาธิการ ป.ป.สี", "เลขาธิการ ป.ป.ส."),  # a mark on its last letter is the title's (seed 46 L05)
    ("เลขาธิการ ป.ป", "เลขาธิการ ป.ป.ส."),  # its end cut off at the line's end (seed 45 L05)
    ("นายกองค์การบริหารส่วนตำ", "นายกองค์การบริหารส่วนตำบล"),
    # a letter read as one OCR confuses it with less often (fuzzy.LOOSE_PAIRS; seed 41 L24, L11)
    ("ห่ายอำเภอบ้านไผ่", "นายอำเภอบ้านไผ่"), ("พัฒนาการอำเกอสันทราย", "พัฒนาการอำเภอสันทราย"),
    ("ผู้ว่าราชภารจังหวัดขอนแก่น", "ผู้ว่าราชการจังหวัดขอนแก่น"),
    ("เลขาธิการ", "เลขาธิการ"),  # most of a title lost: no title it can be told from
    ("เลขาธิการ ป.ป. ขอนแก่น", "เลขาธิการ ป.ป. ขอนแก่น"),  # a title's cut end only where the field ends
])
def test_a_positions_title_damaged_or_cut_by_ocr_is_restored_from_the_known_titles(read, restored):
    assert restore_title(read, TITLES, NAMES)[0] == restored


def test_a_restored_title_is_recorded_as_a_repair():
    text = "\n".join(TOP + BODY + ["จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)",
                                   "ปลัดกระทรว่งมหาดทย"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert doc["signatory"]["position"] == "ปลัดกระทรวงมหาดไทย"
    assert {"field": "signatory.position", "rule": "restore_known_names", "before": "ปลัดกระทรว่งมหาดทย",
            "after": "ปลัดกระทรวงมหาดไทย"} in doc["repairs"]


# --- an announcement's or an order's given date ----------------------------------------------------

@pytest.mark.parametrize("line, iso", [
    ("ประกาศค ณ รันที่ 19 เมษายน “พ.  2553", "2010-04-19"),  # a letter added to the word, a quote before พ.ศ.
    ("ประก่วค ณ วันที่ 16 เมษายน พ:..ค. 2553", "2010-04-16"),  # the word damaged, ศ read as ค
    ("ประกาศ ณ วันที่ 19- กุ่มภาพันธ์ ฟั.คู. 2553", "2010-02-19"),  # พ read as ฟ
    ("ประกาคศ. ณ วันที่ '3 กุมภาพันธ์ พ.ศค: 2553*", "2010-02-03"),
    ("ประกาศ ณ วันที่ 2 พ.ค. 2553", "2010-05-02"),  # พ.ค. is May, no era
    ("2209 ประกาศ-ณ วันที่. 15.'ตุลาคม พ.ด- 2552 7  7. 27", "2009-10-15"),  # figures before it (seed 39 L33)
])
def test_an_announcements_given_date_through_damage_to_its_word_and_to_pho_so(line, iso):
    from build_tools.ingest.dates import read_dates
    from build_tools.ingest.forms import FORMS, given_date_at

    assert read_dates(given_date_at(line, FORMS["announcement"]))[0].iso == iso


@pytest.mark.parametrize("line, iso", [
    ("สั ณ วันที่ 15 พฤศจิกายน พ.ศ. 2552", "2009-11-15"),  # its last letter and mark lost (seed 42 L29)
    ("ส ณ วันที่ ๒ พฤษภาคม พ.ศ. ๒๕๕๓", "2010-05-02"),
    ("1สัง ณ วันที 28 กรกฎาคม พ.ศ. 2553.", "2010-07-28"),  # a figure glued before it (seed 39 L29)
])
def test_an_orders_given_word_cut_short_before_na_wanthi(line, iso):
    from build_tools.ingest.dates import read_dates
    from build_tools.ingest.forms import FORMS, given_date_at

    assert read_dates(given_date_at(line, FORMS["order"]))[0].iso == iso


@pytest.mark.parametrize("line, form", [("ประชุม ณ ห้องประชุมศาลากลางจังหวัด", "announcement"),
                                        ("ประกาศผล ณ ที่ทำการ", "announcement"),
                                        ("ข้อมูล ณ วันที่ 30 กันยายน 2552", "order"),  # another word: no cut of สั่ง
                                        ("สั ณ ที่ทำการ", "order"),  # no วันที่ after it
                                        ("2552 ประชุม ณ ห้องประชุม", "announcement")])
def test_other_words_before_na_are_no_given_date(line, form):
    from build_tools.ingest.forms import FORMS, given_date_at

    assert given_date_at(line, FORMS[form]) is None


@pytest.mark.parametrize("addressee, restored", [
    ("ราชการจังหวัด ทุกจังหวัด", "ผู้ว่าราชการจังหวัด ทุกจังหวัด"),  # its head cut off
    ("3 เสขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด", "เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด"),
    ("นจยกองค์การบริหารส่วนตำบล ทุกแห่ง", "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"),
    ("กำนันและผู้ใหญ่บ้าน ทุกตำบล", "กำนันและผู้ใหญ่บ้าน ทุกตำบล"),  # no title of the list
])
def test_an_addressees_title_damaged_or_cut_by_ocr_is_restored(addressee, restored):
    text = "\n".join(TOP[:4] + [f"เรียน {addressee}"] + BODY + SIGNED)
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert doc["addressee"] == restored
    assert (addressee != restored) == any(r["field"] == "addressee" for r in doc["repairs"])


@pytest.mark.parametrize("read, field", [
    ('ผู้ว่าราชการจังหวัด ทุกจังหวัด . "ก', "ผู้ว่าราชการจังหวัด ทุกจังหวัด"),  # a speck read as a quoted letter
    ('การขยายผลโครงการพลังชุมชน "สยามเมืองยิ้ม"', 'การขยายผลโครงการพลังชุมชน "สยามเมืองยิ้ม"'),  # its quote stays
])
def test_a_lone_letter_with_a_quote_at_a_fields_end_is_a_speck(read, field):
    from build_tools.ingest.letter import _joined

    assert _joined([(5, read)]) == field


@pytest.mark.parametrize("count_line", ["จำนวัน 3 ฉบับ", "จำนว่น ๓“ ฉบับ-. แ"])
def test_a_count_with_a_mark_read_inside_its_word_is_the_items_count(count_line):
    # (a mark read between ว and น; specks after the unit, one read as a letter apart)
    L = _letter(TOP + ["สิ่งที่ส่งมาด้วย 1. แบบรายงานผลการดำเนินงาน        " + count_line,
                       "2. แนวทางการขยายผลโครงการ        จำนวน 1 แผ่น"] + BODY + SIGNED)
    figure = "๓" if "๓" in count_line else "3"
    assert [(e["title"], e["count"]) for e in L.enclosures] == [
        ("แบบรายงานผลการดำเนินงาน", f"{figure} ฉบับ"), ("แนวทางการขยายผลโครงการ", "1 แผ่น")]


def test_a_figure_in_the_margin_before_a_citations_date_is_a_speck_not_an_item():
    L = _letter(TOP + ["อ้างถึง หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๔๐๔.๒/๔๙๐๐",
                       "1      .ลงวันที่ 6 สิงหาคม 2552",
                       "สิ่งที่ส่งมาด้วย  1. กำหนดการประชุมเชิงปฏิบัติการ  จำนวน 3 ฉบับ"] + BODY + SIGNED)
    assert [(r["number"], r["date"]) for r in L.references] == [("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06")]


# --- เรียน lost and สิ่งที่ส่งมาด้วย cut to its end, below a subject on two lines (seed 39 L04) ---

def test_a_wrapped_subject_before_an_unlabelled_addressee_and_a_cut_enclosures_label():
    top = TOP[:3] + ["เรื่อง  การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิ้ม\"",
                     "ร่วมกับองค์กรปกครองส่วนท้องถิ่นและเครือข่ายองค์กรชุมชนในพื้นที่",
                     "ว่าราชการจังหวัด ทุกจังหวัด      \"ก",
                     "มาด้วย .1. แบบสำรวจข้อมูลหมู่บ้าน             จำนวน 1 แผ่น",
                     "2. กำหนดการประชุมเชิงปฏิบัติการ             จำนวน 3 ชุด"]
    L = _letter(top + BODY + SIGNED)
    assert L.subject == ("การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิ้ม\" "
                         "ร่วมกับองค์กรปกครองส่วนท้องถิ่นและเครือข่ายองค์กรชุมชนในพื้นที่")
    assert L.addressee == "ว่าราชการจังหวัด ทุกจังหวัด"
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("แบบสำรวจข้อมูลหมู่บ้าน", "1 แผ่น"),
                                                                 ("กำหนดการประชุมเชิงปฏิบัติการ", "3 ชุด")]
    assert L.body_lines[0] == 9


def test_the_end_of_the_enclosures_label_alone_is_no_field_without_item_1_and_its_count():
    top = TOP + ["มาด้วย ความร่วมมือของทุกฝ่าย"]
    L = _letter(top + BODY + SIGNED)
    assert L.enclosures == [] and L.body_lines[0] == 6


# --- the addressee's line: a speck read as a marked letter before เรียน, figures after it (seed 48) ----

def test_a_speck_read_as_a_letter_with_a_mark_before_the_label_is_not_the_addressee():
    L = _letter(TOP[:3] + ["เรื่อง ขอส่งแบบรายงานผลการดำเนินงาน", "ฟู เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง"] + BODY + SIGNED)
    assert L.addressee == "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"
    assert not [f for f in L.flags if f.kind == "unlabelled"]


@pytest.mark.parametrize("line, addressee", [
    ("เรียน พัฒนาการจังหวัดขอนแก่น 71        0", "พัฒนาการจังหวัดขอนแก่น"),  # a stamp's or a hand's figures
    ("เรียน. อธิบดีกรมการพัฒนาชุมชน 1 200", "อธิบดีกรมการพัฒนาชุมชน"),
    ("เรียน ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา เขต 1", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา เขต 1"),  # its number
])
def test_figures_after_an_addressees_last_word_are_not_the_addressee_unless_a_word_numbers_it(line, addressee):
    assert _letter(TOP[:4] + [line] + BODY + SIGNED).addressee == addressee
