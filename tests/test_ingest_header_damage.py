"""Header fields read through the OCR damage the letter set shows (issue #16), one class
per test, on small text fixtures: a misread `/` or ว in a number, an implausibly long
serial, debris around a date, a receipt stamp whose date label was lost, a citation's
date checked against the cited document, a signatory's name with specks after it, labels
cut by the left margin, counts of enclosures through specks."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.checks import check_number
from build_tools.ingest.dates import first_date, read_dates
from build_tools.ingest.forms import FORMS, given_date_at, label_at, label_cut_at, strip_junk
from build_tools.ingest.letter import extract_letter, split_count
from build_tools.ingest.numbers import find_number
from build_tools.ingest.resolve import Candidate, resolve
from build_tools.ingest.rows import make_rows
from build_tools.ingest.tail import _name, _tidy, read_tail
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")


# --- numbers: a misread `/` or ว ------------------------------------------------------

@pytest.mark.parametrize("text, printed, read_as", [
    ("ที่ ชม 0019. 27ว 506     สำนักงาน", "ชม 0019.2/ว 506", "ชม 0019. 27ว 506"),  # `/` read as 7 before ว
    ("ขก ๐๐๑๗. ๒7ว ๒๑๙๖ ลงวันที่", "ขก ๐๐๑๗.๒/ว ๒๑๙๖", "ขก ๐๐๑๗. ๒7ว ๒๑๙๖"),
    ("ที่ มท ๐๔๐๔.๒/) ๓๔๒๑", "มท ๐๔๐๔.๒/ว ๓๔๒๑", "มท ๐๔๐๔.๒/) ๓๔๒๑"),  # ว read as a bracket
    ("มท 0810.3/7 2711", "มท 0810.3/ว 2711", "มท 0810.3/7 2711"),  # ว read as 7, a space after it
    ("ที่ สอบต. 058|2553 .-", "สอบต. 058/2553", "สอบต. 058|2553"),  # `/` read as a bar
    ("ที่ สอบต. 058/[2553", "สอบต. 058/2553", "สอบต. 058/[2553"),
    ("ที่ ขก 0518.3!4704      วันที่ 9 ก.ค. 2553", "ขก 0518.3/4704", "ขก 0518.3!4704"),  # `/` read as `!`
    ("ที่ ลป 0518.4, 1731] ที่ว่าการอำเภองาว", "ลป 0518.4/1731", "ลป 0518.4, 1731"),  # as a comma
    ("ที่ ขก 0017.2)ว 3922 :'   ศาลากลางจังหวัดขอนแก่น", "ขก 0017.2/ว 3922", "ขก 0017.2)ว 3922"),  # as a bracket
    ("หึ ขก 0518. 5(3781 +-  จันที่ 7 เมก 2553", "ขก 0518.5/3781", "ขก 0518. 5(3781"),
    ("ที่ ที่ มท์ 0810. 1!(ว 1631 ลงวันที่ 20", "มท 0810.1/ว 1631", "มท์ 0810. 1!(ว 1631"),  # `!` and a bracket
    ("ท มท ๐๔๐๔.๒/ว)ว ๒๓๕๓     กระทรวงมหาดไทย", "มท ๐๔๐๔.๒/ว ๒๓๕๓", "มท ๐๔๐๔.๒/ว)ว ๒๓๕๓"),  # ว read twice
    ("ที ชม ๐๐๑๙.๕/ว) ๓๖๖๔ 7     สำนักงาน", "ชม ๐๐๑๙.๕/ว ๓๖๖๔", "ชม ๐๐๑๙.๕/ว) ๓๖๖๔"),  # a bracket after ว
    ("มท 0810.3/1631", "มท 0810.3/1631", None),  # a serial that starts with 1 is the serial
    ("มท 0810.3/ว 2711", "มท 0810.3/ว 2711", None),
])
def test_a_misread_slash_or_circular_mark_is_read_and_flagged(text, printed, read_as):
    n = find_number(text)
    assert (n.printed, n.read_as) == (printed, read_as)
    flags = check_number(n, None, [], 4)
    if read_as is None:
        assert flags == []
    else:
        (f,) = flags
        assert (f.kind, f.line, f.suggestion, f.wrong) == ("number_reading", 4, printed, read_as)
        assert f.message == (f"อ่านเลขที่ '{read_as}' เป็น '{printed}' (เครื่องหมาย / หรือ ว ที่ OCR อ่านผิด): "
                             "ตรวจกับต้นฉบับ")


@pytest.mark.parametrize("text", ["ถนนเจนจบทิศ ขก ๔๐๑๑๐, ๐๔๓๒", "ขก ๐๐๑๗.๒, ๓ ฉบับ", "ขก ๔๐๑๑๐ (๐๔๓๒)",
                                  "ที่ มท 0810 (ว 1631)"])
def test_a_comma_or_bracket_is_no_slash_after_bare_digits_or_before_a_short_serial(text):
    assert find_number(text) is None  # (an address's post code and telephone, a list)


@pytest.mark.parametrize("text, printed", [("ที่ มท 0810ว 1631", "มท 0810/ว 1631"), ("ที่ ชม 0019 ว 506", "ชม 0019/ว 506")])
def test_a_slash_lost_before_wa_is_read_after_bare_digits_too(text, printed):
    n = find_number(text)  # (a comma or a bracket after bare digits is no `/`; a `/` lost altogether still is one)
    assert (n.printed, n.read_as) == (printed, text.removeprefix("ที่ "))


@pytest.mark.parametrize("row, number", [
    ("|    )   ๐ <   , ที 269/2552 :     :   1 0ไ", "269/2552"),  # seed 36 L29: the emblem's specks
    ("(  ๕ . ที่ ๒๑๘/๒๕๕๓", "๒๑๘/๒๕๕๓"),
    ("ที่ ๒๑๘/๒๕๕๓", "๒๑๘/๒๕๕๓"),
])
def test_an_orders_number_row_behind_a_few_specks_is_its_number(row, number):
    L = _letter(["คำสั่งจังหวัดขอนแก่น", row, "เรื่อง แต่งตั้งคณะทำงาน", "ตามที่ กรมการพัฒนาชุมชน ได้ลงนาม",
                 "สั่ง ณ วันที่ ๑๒ มีนาคม พ.ศ. ๒๕๕๓", "(นายสมชาย ศรีสุข)", "ผู้ว่าราชการจังหวัดขอนแก่น"])
    assert L.number == number


@pytest.mark.parametrize("text, field, rest", [
    (") ๐ < , ที 269/2552", "number", "269/2552"),  # three specks, a bracket among them
    ("ก 2 ) เรียน นายอำเภอ", "addressee", "นายอำเภอ"),
    ("ก 2 ) ๕ เรียน นายอำเภอ", "addressee", None),  # four: a line's text, not specks before a label
    ("ณ วันที่ ๑๒", "number", None),  # ณ is a word
])
def test_a_label_behind_up_to_three_specks_is_found(text, field, rest):
    assert label_at(text, field) == rest


def test_a_headless_number_with_a_colon_or_a_speck_after_wa_is_suggested_and_the_letterhead_kept():
    text = ("810: 4/ว.2771 2037 5 กรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม. 10300\n"
            "12 กันยายน 2553\nเรื่อง ขอส่งแบบรายงาน\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\n")
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert (doc["number"], doc["issuer"]) == (None, "dla")
    (f,) = [f for f in doc["flags"] if f["kind"] == "number_check"]
    assert (f["line"], f["wrong"], f["suggestion"]) == (1, "810: 4/ว.2771", "มท 0810.4/ว 2771")


def test_a_slash_read_as_a_letter_is_not_guessed():
    assert find_number("ที 47ย2553 0") is None  # ย may be ๔/ as well as /: left to the maintainer


def test_an_implausibly_long_serial_is_flagged_without_the_doubled_slash():
    (f,) = check_number(find_number("นม 0023.2/73334"), None, [], 2)
    assert (f.kind, f.suggestion, f.wrong) == ("number_check", "นม 0023.2/3334", "นม 0023.2/73334")
    assert f.message == ("เลขลำดับ '73334' ในเลขที่ 'นม 0023.2/73334' ยาวผิดปกติ: เลข '7' หลัง / อาจเป็น"
                         "เครื่องหมาย / ที่ OCR อ่านซ้ำ ตรวจกับต้นฉบับ")
    assert check_number(find_number("นม 0023.2/3334"), None, [], 2) == []
    assert check_number(find_number("นม 0023.2/23334"), None, [], 2) == []  # not a digit OCR adds


@pytest.mark.parametrize("number", ["มท 0810.2/ว02790", "มท ๐๔๑๐.๒/๐๗๙", "ขก 0017.2/ว 0"])
def test_a_government_serial_that_starts_with_0_is_flagged_without_a_guess(number):
    flags = check_number(find_number(number), None, [], 1)
    num = find_number(number)
    if num.serial == "0":
        assert flags == []  # one digit: nothing padded
        return
    (f,) = flags
    assert (f.kind, f.line, f.suggestion, f.wrong) == ("number_check", 1, None, num.printed)
    assert f.message == (f"เลขลำดับ '{num.serial}' ในเลขที่ '{num.printed}' ขึ้นต้นด้วยเลข 0 (เลขลำดับหนังสือราชการ"
                         "ไม่เติม 0 ข้างหน้า): เลขต้น ๆ อาจเป็นเศษที่ OCR อ่านเป็นตัวเลข ตรวจกับต้นฉบับ")


@pytest.mark.parametrize("text, flagged", [
    ("ที่ ๒๒๖๒๑/๒๕๕๓", True),  # an order's serial with digits OCR added
    ("ที่ สอบต. 05812/2553", True),  # a body's serial/year alike
    ("ที่ ๒๒๖/๒๕๕๓", False),
    ("ที่ 9999/2553", False),  # four digits: a busy office's last order of the year
    ("ที่ ขก 0017.2/ว 23456", False),  # a government serial: its own rules (_long_serial)
])
def test_a_serial_numbered_within_a_year_that_no_year_reaches_is_flagged_without_a_guess(text, flagged):
    num = find_number(text)
    flags = check_number(num, None, [], 3)
    if not flagged:
        assert flags == []
        return
    (f,) = flags
    assert (f.kind, f.line, f.suggestion, f.wrong) == ("number_check", 3, None, num.printed)
    assert f.message.startswith(f"เลขลำดับ '{num.serial}' ในเลขที่ '{num.printed}' ยาวผิดปกติ (เลขที่คำสั่ง")


@pytest.mark.parametrize("text", ["ที่ 12262/2553", "ที่ สอบต. 71234/2553"])
def test_a_serial_before_the_slash_is_not_read_as_a_doubled_slash(text):
    # the doubled-/ reading cuts the serial after a government number's /; a serial/year
    # number's serial stands before it: flagged once, by its length, without a guess
    num = find_number(text)
    (f,) = check_number(num, None, [], 3)
    assert f.suggestion is None and "(เลขที่คำสั่ง" in f.message


def test_an_associations_padded_serial_is_as_printed():
    assert check_number(find_number("สอบต. ๐๑๒/๒๕๕๓"), "2010-01-30", [], 1) == []


# --- dates: debris around them -------------------------------------------------------

@pytest.mark.parametrize("text, iso, stored", [
    (".25- กุมภาพันธ์ 2553", "2010-02-25", "25 กุมภาพันธ์ 2553"),  # debris between day and month
    ("“๑๓ มีนาคม  ๒๕๕๓7]", "2010-03-13", "๑๓ มีนาคม ๒๕๕๓"),  # an Arabic digit glued to a Thai year
    ("ประกาศ ณ วันที่ 27 กรภฎาคม พ.ุค..2553", "2010-07-27", "27 กรกฎาคม 2553"),  # พ.ศ. broken by OCR
    ("ลงวันที่ 21 กะยุ. 52", "2009-09-21", "21 ก.ย. 2552"),  # an abbreviation's dot read as ะ, a mark added
])
def test_dates_are_read_through_debris(text, iso, stored):
    d = first_date(text)
    assert (d.iso, d.stored) == (iso, stored)


def test_a_year_that_goes_on_in_the_same_script_is_no_year():
    assert [d.iso for d in read_dates("12 มีนาคม 25531")] == [None]  # (unread: dates.read_with_year may place it)
    assert [d.iso for d in read_dates("๑๒ มีนาคม ๒๕๕๓๑")] == [None]  # (unread: dates.read_with_year may place it)


# --- the date line and receipt stamps ------------------------------------------------

LETTER_TAIL = ["เรื่อง ขอเชิญประชุม", "เรียน นายอำเภอ ทุกอำเภอ", "ด้วยจังหวัดขอเชิญประชุม",
               "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)", "ผู้ว่าราชการจังหวัดขอนแก่น"]


def _letter(lines):
    return extract_letter(list(enumerate(lines, 1)))


def test_a_stamp_date_whose_label_was_lost_is_the_stamps_not_the_letters():
    L = _letter(["เลขรับ ๑๒๓", "๒๕ มิ.ย. ๒๕๕๓", "เวลา ๑๒.๐๐ น.", "ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น",
                 "21 มิถุนายน 2553"] + LETTER_TAIL)
    assert (L.date, L.date_line) == ("2010-06-21", 5)
    assert [(s["date"], s["line"]) for s in L.receipt_stamps] == [("2010-06-25", 1)]
    assert not [f for f in L.flags if f.kind == "date_source"]


def test_a_date_line_above_the_number_gives_way_to_one_below_it():
    L = _letter(["๒๕ มิ.ย. ๒๕๕๓", "ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น", "21 มิถุนายน 2553"] + LETTER_TAIL)
    assert (L.date, L.date_line) == ("2010-06-21", 3)


def test_a_date_only_above_the_number_is_flagged():  # (no date line below it at all)
    L = _letter(["๒๕ มิ.ย. ๒๕๕๓", "ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น"] + LETTER_TAIL)
    assert L.date == "2010-06-25"
    (f,) = [f for f in L.flags if f.kind == "date_source"]
    assert (f.line, f.wrong) == (1, "date")
    assert f.message == ("วันที่ '๒๕ มิ.ย. ๒๕๕๓' อยู่เหนือบรรทัดเลขที่หนังสือ (ที่ตรารับมักอยู่) ไม่ใช่ใต้เลขที่"
                         "ตามแบบหนังสือ: อาจเป็นวันที่รับ ตรวจกับต้นฉบับ")


def test_an_announcements_given_date_with_marks_beside_na():
    assert given_date_at("ประกาค์ณุ.วันที่ 27 กรภฎาคม พ.ุค..2553", FORMS["announcement"]) == "27 กรภฎาคม พ.ุค..2553"


# --- references ----------------------------------------------------------------------

def test_a_reference_numbered_with_a_comma_is_the_next_item():
    L = _letter(["ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น", "21 มิถุนายน 2553", "เรื่อง ขอเชิญประชุม",
                 "เรียน นายอำเภอ ทุกอำเภอ", "อ้างถึง 1. หนังสือจังหวัดขอนแก่น ที่ มท 0810.3/ว 2579 ลงวันที่ 4",
                 ". พฤศจิกายน 2552", "2, หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.3/ว 3769",
                 "ลงวันที่ 29 พฤศจิกายน 2552", "สิ่งที่ส่งมาด้วย แบบสำรวจข้อมูลหมู่บ้าน  จำนวน 1 ชุด"] + LETTER_TAIL[2:])
    assert [(r["number"], r["date"]) for r in L.references] == [
        ("มท 0810.3/ว 2579", "2009-11-04"), ("มท 0810.3/ว 3769", "2009-11-29")]
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("แบบสำรวจข้อมูลหมู่บ้าน", "1 ชุด")]


CITED = Candidate("moi-letter-2552-08-06", "มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06", "moi", "letter")


@pytest.mark.parametrize("date, date_be, message", [
    (None, None, "อ่านวันที่ที่อ้างถึงไม่ได้: เอกสารที่อ้างถึง (moi-letter-2552-08-06) ลงวันที่ ๖ สิงหาคม ๒๕๕๒"),
    ("2013-08-06", "๖ สิงหาคม ๒๕๕๖", "วันที่ที่อ้างถึง '๖ สิงหาคม ๒๕๕๖' น่าจะอ่านผิด: เอกสารที่อ้างถึง "
                                     "(moi-letter-2552-08-06) ลงวันที่ ๖ สิงหาคม ๒๕๕๒"),
])
def test_a_citations_date_is_checked_against_the_cited_document(date, date_be, message):
    ref = {"number": "มท ๐๔๐๔.๒/๔๙๐๐", "date": date, "date_be": date_be, "line": 7, "title": None}
    out, flags = resolve(ref, [CITED], {}, {})
    assert (out["id"], out["match"]) == ("moi-letter-2552-08-06", "exact")
    (f,) = [f for f in flags if f.kind == "date_check"]
    assert (f.line, f.suggestion, f.wrong, f.message) == (7, "๖ สิงหาคม ๒๕๕๒", date_be, message)


def test_a_citation_with_the_cited_documents_date_raises_no_date_flag():
    ref = {"number": "มท ๐๔๐๔.๒/๔๙๐๐", "date": "2009-08-06", "date_be": "๖ สิงหาคม ๒๕๕๒", "line": 7}
    assert resolve(ref, [CITED], {}, {})[1] == []


# --- the signatory -------------------------------------------------------------------

@pytest.mark.parametrize("line, name", [
    (".(นายวีระพงษ์ ทองมา).   | '", "นายวีระพงษ์ ทองมา"),  # specks in a segment of their own
    ("(นายประเสริฐ บุญมี) 3", "นายประเสริฐ บุญมี"),  # a stray digit after it
    ("(นายสมชาย ศรีสุข)", "นายสมชาย ศรีสุข"),
    ("(นางสุภาพร ใจซื่อ ผี)", "นางสุภาพร ใจซื่อ"),  # the signature's scribble read as a letter or two
    ("(นายวีระพงษ์ ท)", "นายวีระพงษ์ ท"),  # what is left of a surname stays
    ("(ว่าที่ ร.ต. สมชาย ใจดี)", "ว่าที่ ร.ต. สมชาย ใจดี"),
    ("(ลงชื่อ) นายสมชาย", None),
    ("กรม (ผู้ว่า) ฯ", None),
])
def test_the_signatorys_name_through_specks(line, name):
    assert _name(make_rows([(1, line)])[0]) == name


def test_a_whole_letter_with_these_damages():
    text = "\n".join(["เลขรับ ๑๒๓", "๒๕ มิ.ย. ๒๕๕๓", "เวลา ๑๒.๐๐ น.", "ที่ ขก ๐๐๑๗. ๒7ว ๕๘     ศาลากลางจังหวัดขอนแก่น",
                      ".25- มิถุนายน 2553", "เรื่อง ขอเชิญประชุม", "เรียน นายอำเภอ ทุกอำเภอ",
                      "อ้างถึง หนังสือกระทรวงมหาดไทย ที่ มท ๐๔๐๔.๒/๔๙๐๐ ลงวันที่", "ว สิงหาคม ๒๕๕๒",
                      "ด้วยจังหวัดขอเชิญประชุม", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข) 3", "ผู้ว่าราชการจังหวัดขอนแก่น"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert (doc["number"], doc["date"], doc["issuer"]) == ("ขก ๐๐๑๗.๒/ว ๕๘", "2010-06-25", "province")
    assert doc["signatory"]["name"] == "นายสมชาย ศรีสุข"
    (ref,) = doc["references"]
    assert (ref["id"], ref["date"]) == ("moi-letter-2552-08-06", None)
    kinds = {(f["kind"], f["line"], f["suggestion"]) for f in doc["flags"]}
    assert ("number_reading", 4, "ขก ๐๐๑๗.๒/ว ๕๘") in kinds
    assert ("date_check", 8, "๖ สิงหาคม ๒๕๕๒") in kinds


# --- labels cut by the left margin, specks after a label ------------------------------

@pytest.mark.parametrize("line, field, rest", [
    ("รียน ผู้ว่าราชการจังหวัด ทุกจังหวัด", "addressee", "ผู้ว่าราชการจังหวัด ทุกจังหวัด"),
    ("างถึง: หนังสือกระทรวงมหาดไทย", "references", "หนังสือกระทรวงมหาดไทย"),
    ("ที่ส่งมาด้วย แบบรายงาน", "enclosures", "แบบรายงาน"),
])
def test_a_label_that_lost_its_first_letters(line, field, rest):
    assert label_cut_at(line, field) == rest


@pytest.mark.parametrize("line, field", [
    ("ยน อธิบดีกรมการพัฒนาชุมชน", "addressee"),  # too little of เรียน left to be sure
    ("ด้วย สำนักงาน ป.ป.ส. ได้รับแจ้ง", "enclosures"),  # the end of สิ่งที่ส่งมาด้วย, and a body's first word
    ("ถึง ผู้ว่าราชการจังหวัด", "references"),  # ถึง is a label of its own
    ("เรียน ผู้ว่าราชการจังหวัด", "addressee"),  # whole: label_at's
    ("รียนรู้ร่วมกัน", "addressee"),  # no space after it
])
def test_what_is_not_a_cut_label(line, field):
    assert label_cut_at(line, field) is None


def test_a_label_followed_by_a_speck_is_the_label():
    assert strip_junk(label_at("สิ่งที่ส่งมาด้วย'  รายชื่อตำบลเป้าหมาย", "enclosures")) == "รายชื่อตำบลเป้าหมาย"
    assert label_at("เรียนรู้จากชุมชน", "addressee") is None


def test_the_fields_after_a_lost_subject_label_are_still_read():
    L = _letter(["ที่ มท 0810.2/ว 790     กรมส่งเสริมการปกครองท้องถิ่น", "25 กุมภาพันธ์ 2553",
                 ". ขอเชิญประชุมคณะทำงาน", "รียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                 "างถึง: หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๔๐๔.๒/๔๙๐๐ ลงวันที่ ๖ สิงหาคม ๒๕๕๒"] + LETTER_TAIL[2:])
    assert L.addressee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"
    assert [(r["number"], r["date"]) for r in L.references] == [("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06")]


def test_a_final_sara_a_read_twice_is_taken_out_of_a_field():
    L = _letter(["ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น", "21 มิถุนายน 2553", "เรื่อง ขอเชิญประชุม",
                 "เรียน เลขาธิการคณะ ะกรรมการป้องกันและ ะปราบปรามยาเสพติด"] + LETTER_TAIL[2:])
    assert L.addressee == "เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด"


# --- enclosures: counts through specks, items whose dot was lost ----------------------

@pytest.mark.parametrize("text, title, count", [
    ("แบบรายงานผลการดำเนินงาน        . จำนวน' ๑ ฉบับ", "แบบรายงานผลการดำเนินงาน", "๑ ฉบับ"),
    ("แบบรายงานผลการดำเนินงาน   . จำนวน ๓: ฉบับ", "แบบรายงานผลการดำเนินงาน", "๓ ฉบับ"),
    ("แนวทางการขยายผลโครงการ-  '  จำน่วน 2 แผ่น", "แนวทางการขยายผลโครงการ", "2 แผ่น"),  # a tone mark in จำนวน
    ("รายชื่อตำบลเป้าหมาย จํงนวน ๑ชุด๋", "รายชื่อตำบลเป้าหมาย", "๑ ชุด"),  # a speck read as a tone mark
    ("แบบสำรวจข้อมูลหมู่บ้าน จำนวน 3 ฉบับ.", "แบบสำรวจข้อมูลหมู่บ้าน", "3 ฉบับ"),
    ('เอกสารโครงการ "สยามเมืองยิ้ม"', 'เอกสารโครงการ "สยามเมืองยิ้ม"', None),  # a closing quote stays
])
def test_an_enclosures_count_through_specks(text, title, count):
    assert split_count(text) == (title, count)


def test_enclosure_items_whose_dot_was_lost_and_specks_between_title_and_count():
    L = _letter(["ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น", "21 มิถุนายน 2553", "เรื่อง ขอเชิญประชุม",
                 "เรียน นายอำเภอ ทุกอำเภอ", "สิ่งที่ส่งมาด้วย 1. แนวทางการขยายผลโครงการ     ๑     จำนวน 2 แผ่น",
                 "2 กำหนดการประชุมเชิงปฏิบัติการ    จำนวน 3 แผ่น", "|    3! รายชื่อตำบลเป้าหมาย    จำนวน 2 ชุด",
                 "2 ด้วยจังหวัดขอนแก่นขอเชิญประชุม"] + LETTER_TAIL[3:])
    assert [(e["no"], e["title"], e["count"]) for e in L.enclosures] == [
        (1, "แนวทางการขยายผลโครงการ", "2 แผ่น"), (2, "กำหนดการประชุมเชิงปฏิบัติการ", "3 แผ่น"),
        (3, "รายชื่อตำบลเป้าหมาย", "2 ชุด")]
    assert L.body_lines[0] == 8  # a digit before the body's first word does not make it an item


def test_a_date_line_whose_day_is_unreadable_keeps_a_date_from_elsewhere_out():
    lines = ["ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น", "ไซ พฤศจิกายน ๒๕๕๒", "เรื่อง ขอเชิญประชุม",
             "เรียน นายอำเภอ ทุกอำเภอ", "ตามที่ได้ลงนามบันทึกความร่วมมือเมื่อวันที่ ๑๒ มิถุนายน ๒๕๕๒ นั้น"] + LETTER_TAIL[3:]
    L = _letter(lines)
    assert L.date is None
    (f,) = [f for f in L.flags if f.kind.startswith("date")]
    assert (f.kind, f.line, f.wrong) == ("date_invalid", 2, "ไซ พฤศจิกายน ๒๕๕๒")
    assert f.message == "อ่านวันที่ของหนังสือ 'ไซ พฤศจิกายน ๒๕๕๒' ไม่ได้ (อ่านได้เพียงเดือนและปี): ตรวจกับต้นฉบับ"
    # without the date line, the body's date is an event it recalls (เมื่อวันที่): not the letter's
    # date (test_ingest_date_evidence.py: a given date in the body is taken and flagged)
    L = _letter(lines[:1] + lines[2:])
    assert L.date is None and [f.kind for f in L.flags if f.wrong == "date"] == ["missing"]


def test_a_stamp_date_above_the_number_is_not_the_letters_when_the_date_line_is_unreadable():
    L = _letter(["๒๕ มิ.ย. ๒๕๕๓", "ที่ ขก 0017.2/ว 58     ศาลากลางจังหวัดขอนแก่น", "มิถุนายน 2553 ,"] + LETTER_TAIL)
    assert L.date is None
    assert [(f.kind, f.line) for f in L.flags if f.kind.startswith("date")] == [("date_invalid", 3)]


def test_the_signatorys_position_without_specks_around_it():
    rows = make_rows(list(enumerate(["ขอแสดงความนับถือ", "(นายประเสริฐ บุญมี) 3", "0 พัฒนาการอำเภอสันทราย - . :",
                                     "โทร. ๐ ๕๓๔๙ ๑๒๓๕"], 1)))
    t = read_tail(rows, 0, FORMS["external"])
    assert t.signatory == {"name": "นายประเสริฐ บุญมี", "position": "พัฒนาการอำเภอสันทราย", "line": 2}
    assert _name(make_rows([(1, "(นายวีระพงษ์ ทองมา. 7")])[0]) == "นายวีระพงษ์ ทองมา"
    assert _tidy("เลขาธิการ ป.ป.ส. ' :") == "เลขาธิการ ป.ป.ส."


def test_an_announcements_subject_whose_label_was_lost_is_read_by_its_place():
    L = _letter(["ประกาศกรมส่งเสริมการปกครองท้องถิ่น", "การรายงานผลการดำเนินงานหมู่บ้านต้นแบบการป้องกันและ",
                 "แก้ไขปัญหายาเสพติด", "ด้วยกรมส่งเสริมการปกครองท้องถิ่นขอให้รายงานผล", "จึงประกาศมาเพื่อทราบโดยทั่วกัน",
                 "ประกาศ ณ วันที่ 27 กรกฎาคม พ.ศ. 2553", "(นางสุภาพร ใจซื่อ)", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    assert (L.form, L.subject, L.date) == ("announcement",
                                           "การรายงานผลการดำเนินงานหมู่บ้านต้นแบบการป้องกันและแก้ไขปัญหายาเสพติด",
                                           "2010-07-27")
    assert L.signatory["name"] == "นางสุภาพร ใจซื่อ"
    (f,) = [f for f in L.flags if f.kind == "unlabelled"]
    assert (f.line, f.wrong) == (2, "subject")
    assert f.message == "ไม่พบคำว่า 'เรื่อง': ใช้บรรทัดใต้ชื่อประกาศเป็นเรื่องตามแบบหนังสือ ตรวจกับต้นฉบับ"


def test_an_orders_second_title_line_is_no_subject():
    L = _letter(["คำสั่งจังหวัดขอนแก่น", "ที่ ๑๘๕/๒๕๕๓", "เรื่อง แต่งตั้งคณะทำงาน", "ด้วยจังหวัดขอนแก่นแต่งตั้ง",
                 "สั่ง ณ วันที่ ๑๒ มีนาคม พ.ศ. ๒๕๕๓", "(นายสมชาย ศรีสุข)", "ผู้ว่าราชการจังหวัดขอนแก่น"])
    assert (L.number, L.subject) == ("๑๘๕/๒๕๕๓", "แต่งตั้งคณะทำงาน")
    assert not [f for f in L.flags if f.kind == "unlabelled"]


@pytest.mark.parametrize("title, subject, second, whole", [
    # seed 32 L29, seed 21 L33: a wide gap inside the subject's first line (the name's quote
    # apart) is one line of it, not two, so its second line is the subject's too
    ("คำสั่งจังหวัดขอนแก่น", 'เรื่อง  แต่งตั้งคณะทำงานขับเคลื่อนโครงการพลังชุมชน พลังสร้างสรรค์ "     สยามเมือง',
     'ยิ้ม"  ระดับจังหวัด', 'แต่งตั้งคณะทำงานขับเคลื่อนโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม" ระดับจังหวัด'),
    ("ประกาศกรมส่งเสริมการปกครองท้องถิ่น", 'เรื่อง การขยายผลโครงการพลังชุมชน พลังสร้างสรรค์     "สยามเมืองยิ้ม"',
     "ประจำปีงบประมาณ 2553", 'การขยายผลโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม" ประจำปีงบประมาณ 2553'),
])
def test_a_gap_inside_an_orders_subject_line_leaves_its_second_line_to_it(title, subject, second, whole):
    # (and a word after the closing quote the line ended with is a word apart, as printed)
    L = _letter([title, "ที่ ๑๘๕/๒๕๕๓", subject, second, "ด้วยจังหวัดขอนแก่นแต่งตั้งคณะทำงาน",
                 "สั่ง ณ วันที่ ๑๒ มีนาคม พ.ศ. ๒๕๕๓", "(นายสมชาย ศรีสุข)", "ผู้ว่าราชการจังหวัดขอนแก่น"])
    assert L.subject == whole


@pytest.mark.parametrize("lines, joined", [
    (['พลังสร้างสรรค์ "', 'สยามเมืองยิ้ม"'], 'พลังสร้างสรรค์ "สยามเมืองยิ้ม"'),  # the quote the line ended with opens
    (['พลังสร้างสรรค์ "สยามเมืองยิ้ม"', "ประจำปี"], 'พลังสร้างสรรค์ "สยามเมืองยิ้ม" ประจำปี'),  # it closes
    (["พลังสร้างสรรค์ “สยามเมือง", "ยิ้ม” ประจำปี"], "พลังสร้างสรรค์ “สยามเมืองยิ้ม” ประจำปี"),
])
def test_lines_of_a_field_join_as_printed_around_quotes(lines, joined):
    from build_tools.ingest.letter import join_lines

    assert join_lines(lines) == joined


def test_a_letters_subject_whose_label_was_lost_is_read_under_the_date_line_when_เรียน_follows():
    head = ["ที่ มท 0810.2/ว 790     กรมส่งเสริมการปกครองท้องถิ่น", "25 กุมภาพันธ์ 2553",
            ". ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการพลังชุมชน พลัง", "สร้างสรรค์ \"สยามเมืองยิ้ม\""]
    L = _letter(head + ["รียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"] + LETTER_TAIL[2:])
    assert L.subject == 'ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม"'
    assert L.addressee == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"
    (f,) = [f for f in L.flags if f.kind == "unlabelled"]
    assert f.line == 3 and f.message == ("ไม่พบคำว่า 'เรื่อง': ใช้บรรทัดใต้บรรทัดวันที่เป็นเรื่องตามแบบหนังสือ "
                                         "ตรวจกับต้นฉบับ")
    # no เรียน after it: the line is not taken for the subject
    L = _letter(head + LETTER_TAIL[2:])
    assert L.subject is None and not [f for f in L.flags if f.kind == "unlabelled"]
