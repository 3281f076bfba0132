"""The pieces of letter extraction, each on its own: labels through OCR damage, dates,
numbers, the letter codes data (and its checks, with exact file:line messages), issuer
identification, number and date checks, the bundle split."""
import pytest
from conftest import ROOT, copy_corpus, run_cli

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.checks import check_dates, check_number
from build_tools.ingest.dates import first_date, read_dates
from build_tools.ingest.forms import label_at, title_of, urgency_at
from build_tools.ingest.issuers import Registry, identify
from build_tools.ingest.numbers import find_number
from build_tools.ingest.split import split_bundle
from build_tools.normalization import fuzzy
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")
REG = Registry(CORPUS, {})


# --- labels through OCR damage ------------------------------------------------------

@pytest.mark.parametrize("line, field, rest", [
    ("เรื่อง  ขอเชิญประชุม", "subject", "ขอเชิญประชุม"),
    ("เรือง ขอเชิญประชุม", "subject", "ขอเชิญประชุม"),  # tone mark dropped
    ("เวือง การจัดเวที", "subject", "การจัดเวที"),  # ร read as ว
    ("สิงทีส่งมาด้วย  1. แบบรายงาน", "enclosures", "1. แบบรายงาน"),  # marks dropped
    ('. "สิ่งที่ส่งมาด้วย  แบบรายงาน', "enclosures", "แบบรายงาน"),  # speckles before it
    ("อ้างถิง หนังสือกรม", "references", "หนังสือกรม"),
    ("ท มท ๐๔๐๔.๒/ว ๑", "number", "มท ๐๔๐๔.๒/ว ๑"),  # ที่ with both marks dropped
    ("ถึง  องค์การบริหารส่วนตำบล", "addressee", "องค์การบริหารส่วนตำบล"),
])
def test_labels_are_found_through_ocr_damage(line, field, rest):
    assert label_at(line, field) == rest


@pytest.mark.parametrize("line, field", [
    ("เรียนรู้จากชุมชน", "addressee"),  # a word that begins with the label is not the label
    ("ตามที่ กรมการพัฒนาชุมชน", "number"),
    ("อ้างถึงหนังสือที่อ้างถึง ได้แจ้ง", "references"),  # glued: body text, not the label
    ("เรียน ผู้ว่าราชการจังหวัด", "subject"),
])
def test_what_is_not_a_label(line, field):
    assert label_at(line, field) is None


def test_a_label_where_the_form_expects_it_may_be_glued_or_more_damaged():
    assert label_at("เรียนผู้ว่าราชการจังหวัด", "addressee") is None
    assert label_at("เรียนผู้ว่าราชการจังหวัด", "addressee", strict=False) == "ผู้ว่าราชการจังหวัด"


def test_urgency_and_form_titles():
    assert urgency_at("ด่วนที่สุด") == ("ด่วนที่สุด", "")
    assert urgency_at("ด่วนมาก   ะญ่")[0] == "ด่วนมาก"  # emblem debris after it
    assert urgency_at("ด่วน") == ("ด่วน", "")
    assert title_of("บันทึกข้อความ") == ("memo", "")
    assert title_of("คำสั่งจังหวัดขอนแก่น") == ("order", "จังหวัดขอนแก่น")
    assert title_of("ประกาศสำนักงาน ป.ป.ส.") == ("announcement", "สำนักงาน ป.ป.ส.")
    assert title_of("ประกาศ ณ วันที่ ๑ มีนาคม ๒๕๕๓") is None


def test_skeletons_equal_what_ocr_confuses_and_only_that():
    assert fuzzy.skeleton("สยามเมืองอิ้ม") == fuzzy.skeleton("สยามเมืองยิ้ม")
    assert fuzzy.skeleton("กรมการพัฒนาซุมชน") == fuzzy.skeleton("กรมการพัฒนาชุมชน")
    assert fuzzy.skeleton("สํานักงาน") == fuzzy.skeleton("สำนักงาน")
    assert fuzzy.skeleton("กรมการปกครอง") != fuzzy.skeleton("กรมการพัฒนาชุมชน")


def test_pairs_ocr_confuses_less_often_are_damage_only_inside_a_whole_known_name():
    assert fuzzy.name_cost("ห่ายอำเภอ", "นายอำเภอ") == fuzzy.LOOSE_COST + fuzzy.MARK_COST
    assert fuzzy.cost("ห่ายอำเภอ", "นายอำเภอ") == fuzzy.OTHER_COST + fuzzy.MARK_COST
    assert fuzzy.skeleton("หาย") != fuzzy.skeleton("นาย")  # (no class: the index of names stays sharp)
    assert fuzzy.starts_with("เรียบร้อยแล้ว", "เรียน") is None  # a label is not found in another word


# --- dates ------------------------------------------------------------------------

@pytest.mark.parametrize("text, iso, stored", [
    ("๖ สิงหาคม ๒๕๕๒", "2009-08-06", "๖ สิงหาคม ๒๕๕๒"),
    ("7 ธ.ค. 52", "2009-12-07", "7 ธ.ค. 2552"),  # a two-digit year
    ("๙ ม.ค. ๕๓", "2010-01-09", "๙ ม.ค. ๒๕๕๓"),
    ("18 ก.พ. 53", "2010-02-18", "18 ก.พ. 2553"),  # ก.พ. ends as a damaged พ.ศ. does: no พ.ศ. here
    ("๕ พ.ค. ๕๓", "2010-05-05", "๕ พ.ค. ๒๕๕๓"),
    ("14 ก.ค, 2553", "2010-07-14", "14 ก.ค. 2553"),  # a comma for a dot
    ("ลงวันที่ 6 สิงหาดม 2552", "2009-08-06", "6 สิงหาคม 2552"),  # a damaged month
    ("สั่ง ณ วันที่ ๑๒ มีนาคม พ.ศ. ๒๕๕๓", "2010-03-12", "๑๒ มีนาคม พ.ศ. ๒๕๕๓"),
    ("ระหว่างวันที่ 11-12 มิถุนายน 2552", "2009-06-12", "12 มิถุนายน 2552"),
])
def test_dates_as_printed(text, iso, stored):
    d = first_date(text)
    assert (d.iso, d.stored) == (iso, stored)


@pytest.mark.parametrize("text, problem", [
    ("3 กันยายน 3000", "ปี พ.ศ. 3000 อยู่นอกช่วงที่เป็นไปได้"),
    ("31 กุมภาพันธ์ 2552", "วันที่ 31 ไม่มีในเดือนกุมภาพันธ์"),
    ("7 ธ.ค. 89", "ปีสองหลัก '89' อ่านเป็น 2589 ซึ่งยังมาไม่ถึง"),
    # with พ.ศ. the year is printed in full: two digits after it are a year cut short
    # (by the scan's edge or OCR), never a short year (`25` is not 2525)
    ("19 สิงหาคม พ.ศ. 25", "ปีหลัง พ.ศ. อ่านได้เพียงสองหลัก '25'"),
    ("19 สิงหาคม พุค. ะ25", "ปีหลัง พ.ศ. อ่านได้เพียงสองหลัก '25'"),  # พ.ศ. as OCR damaged it
    ("๕ ก.ค. พ.ศ. ๕๓", "ปีหลัง พ.ศ. อ่านได้เพียงสองหลัก '53'"),
])
def test_impossible_dates_are_never_stored(text, problem):
    d = first_date(text)
    assert d.iso is None and problem in d.problems[0]


def test_no_date_in_ordinary_numbers():
    assert read_dates("หมู่ 5 ตำบล 12 และ ๕ รั้วป้องกัน") == []


# --- numbers ------------------------------------------------------------------------

@pytest.mark.parametrize("text, printed, kind", [
    ("มท 0810.1 /ว 1631", "มท 0810.1/ว 1631", "government"),
    ("มท ๐๔๐๔.๒ / ๔๙๐๐", "มท ๐๔๐๔.๒/๔๙๐๐", "government"),
    ("นม 0023.4/ว 1180          ศาลากลางจังหวัดนครราชสีมา", "นม 0023.4/ว 1180", "government"),
    ("ยธ์ ๐๖๐๔.๔/ว ๑๓๓๕", "ยธ ๐๖๐๔.๔/ว ๑๓๓๕", "government"),  # a mark added to the code
    ("สอบต. ๐๑๒/๒๕๕๓", "สอบต. ๐๑๒/๒๕๕๓", "abbreviation"),
    ("๑๘๕/๒๕๕๓", "๑๘๕/๒๕๕๓", "yearly"),
])
def test_numbers_as_printed(text, printed, kind):
    n = find_number(text)
    assert (n.printed, n.kind) == (printed, kind)


def test_number_checks_suggest_the_likely_reading():
    # the year of a yearly number is the letter's year
    (f,) = check_number(find_number("๑๘๕/๒๕๕๘"), "2010-03-12", [], 3)
    assert f.kind == "number_check" and f.suggestion == "๑๘๕/๒๕๕๓"
    # a DLA letter's office digits are มท 08..: ๖ read for ๘ is suggested back
    (f,) = check_number(find_number("มท 0610.3/ว 515"), "2010-03-04", ["มท 08"], 1)
    assert f.suggestion == "มท 0810.3/ว 515"
    assert check_number(find_number("มท 0810.3/ว 515"), "2010-03-04", ["มท 08"], 1) == []


def test_date_checks_against_the_receipt_stamp_and_the_references():
    stamp = [{"date": "2009-08-11", "date_text": "11 ส.ค. 2552"}]
    assert check_dates("2009-08-06", "6 สิงหาคม 2552", 5, stamp, []) == []
    (f,) = check_dates("2009-08-16", "16 สิงหาคม 2552", 5, stamp, [])  # received before it was written
    assert f.kind == "date_check" and f.suggestion == "11 สิงหาคม 2552"  # 6 misread for 1
    # (6 read for 0 gives 10 August too: the readings cost what checks.CONFUSED_DIGITS' order
    # says, and the cheapest is suggested when no other costs as little)
    # a day printed without a leading zero: 15 read for 05 is no reading, so nothing fits
    (f,) = check_dates("2009-08-15", "15 สิงหาคม 2552", 5, stamp, [])
    assert f.kind == "date_check" and f.suggestion is None
    later = [{"date": "2009-09-01", "date_be": "1 กันยายน 2552", "line": 9}]
    # years after the newest letter it cites: the year is in doubt (seed 24 L14's 2559 for 2552)
    cited = [{"date": "2009-09-25", "date_be": "25 กันยายน 2552", "line": 8},
             {"date": "2009-08-31", "date_be": "31 สิงหาคม 2552", "line": 9}]
    (f,) = check_dates("2016-10-15", "15 ตุลาคม 2559", 4, [], cited)
    assert (f.kind, f.line, f.wrong) == ("date_check", 4, "15 ตุลาคม 2559")
    assert "ห่างจากหนังสือที่อ้างถึงฉบับล่าสุด (ลงวันที่ 25 กันยายน 2552) กว่า 3 ปี" in f.message
    assert check_dates("2011-01-15", "15 มกราคม 2554", 4, [], cited) == []  # a year and a half: a follow-up
    (f,) = check_dates("2009-08-06", "6 สิงหาคม 2552", 5, [], later)
    assert f.line == 9 and "หลังวันที่ของหนังสือนี้" in f.message


def test_a_letter_dated_years_before_a_letter_it_cites_has_its_own_year_suggested():
    from build_tools.ingest.checks import before_cited

    # seed 44 L15 from the scan: 2552 read 2502 (a confusion the digit table does not list)
    (f,) = before_cited("1959-12-01", "1 ธันวาคม 2502", 3, ["2009-08-06"])
    assert (f.kind, f.line, f.suggestion, f.wrong) == ("date_check", 3, "1 ธันวาคม 2552", "1 ธันวาคม 2502")
    assert f.message == ("วันที่หนังสือ 1 ธันวาคม 2502 ก่อนหนังสือที่อ้างถึง (ซึ่งมีในคลังเอกสาร) กว่า 3 ปี: OCR น่าจะอ่านปี"
                         "ของหนังสือนี้ผิด อ่านตัวเลขต่างไปหนึ่งตัวได้ 1 ธันวาคม 2552 ตรวจกับต้นฉบับ")
    assert before_cited("2009-07-01", "1 กรกฎาคม 2552", 3, ["2009-08-06"]) == []  # weeks: check_dates's
    assert before_cited("2010-07-01", "1 กรกฎาคม 2553", 3, ["2009-08-06"]) == []  # after it: nothing wrong


def test_an_ingested_letter_dated_years_before_the_corpus_letter_it_cites_is_flagged():
    text = "\n".join(["ที่ มท 0810.3/3164                   กรมส่งเสริมการปกครองท้องถิ่น",
                      "ถนนนครราชสีมา เขตดุสิต กทม. 10300", "1 ธันวาคม 2502",
                      "เรื่อง ขอความร่วมมือสนับสนุนการดำเนินงาน", "เรียน เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด",
                      "อ้างถึง หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๔๐๔.๒/๔๙๐๐ ลงวันที่ 6 สิงหาคม 2552",
                      "          ตามหนังสือที่อ้างถึง กระทรวงมหาดไทยได้แจ้งแนวทางการดำเนินงาน",
                      "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)",
                      "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert doc["references"][0]["id"] == "moi-letter-2552-08-06"
    own = [f for f in doc["flags"] if f["kind"] == "date_check" and f["line"] == 3]
    assert [(f["suggestion"], f["wrong"]) for f in own] == [("1 ธันวาคม 2552", "1 ธันวาคม 2502")]


# --- issuers -------------------------------------------------------------------------

@pytest.mark.parametrize("heads, number, agency, place, drafted", [
    ([(1, "กรมการพัฒนาชุมชน")], "มท 0410.2/ว 3305", "cdd", None, None),
    ([(1, "กระทรวงมหาดไทย")], "มท ๐๔๐๔.๒/๔๙๐๐", "moi", None, "cdd"),  # drafted by the department
    ([(1, "กระทรวงมหาดไทย")], "มท 0810.5/2787", "moi", None, "dla"),
    ([(1, "ศาลากลางจังหวัดขอนแก่น")], "ขก ๐๐๑๗.๒/ว ๑", "province", {"province": "ขอนแก่น"}, None),
    ([(1, "/7 7ศาลากลางจังห์วัดนครราชสีมา")], "นม 0023.4/ว 1180", "province", {"province": "นครราชสีมา"}, None),
    ([(1, "ที่ว่าการอำเภอบ้านไผ่")], "ขก ๐๕๑๘/ว ๓๓", "district", {"province": "ขอนแก่น", "district": "บ้านไผ่"}, None),
    ([(1, "สำนักงานพัฒนาชุมชนอำเภอสันทราย")], "ชม ๐๐๑๙.๔/๒๕๐", "district-cd-office",
     {"province": "เชียงใหม่", "district": "สันทราย"}, None),
    ([], "นม 0023.4/ว 1180", "province", {"province": "นครราชสีมา"}, None),  # the number alone
    ([(1, "สํานักงาน .ป1]ป.ส.")], "ยธ 0604.1/1342", "oncb", None, None),  # an office known by its code alone
    ([(1, "สมคมองค์การบริหารส่วนตำบลแห่งประเทศไทย")], "สอบต. ๐๑๒/๒๕๕๓", "tao-association", None, None),
])
def test_issuer_from_letterhead_and_number(heads, number, agency, place, drafted):
    iss = identify(heads, find_number(number), 1, REG)
    got_place = {k: v for k, v in (("province", iss.province), ("district", iss.district)) if v} or None
    assert (iss.agency, got_place, iss.drafted_by) == (agency, place, drafted)
    assert not [f for f in iss.flags if f.kind == "number_conflict"]


@pytest.mark.parametrize("heads, agency, place", [
    # a ประกาศ's title OCR damaged, glued to its office's name (seed 40 L33: no number printed)
    ([(1, "อ"), (1, "ประกวิติก่รมส่งเสริมการปักครองท้องถิ่น")], "dla", None),
    ([(1, "คำสั่งอำเภองาว")], "district", {"province": "ลำปาง", "district": "งาว"}),
    ([(1, "การประชุมจังหวัด")], None, None),  # a place-level word inside a word names no office without its place
])
def test_an_office_named_inside_a_damaged_title_word(heads, agency, place):
    iss = identify(heads, None, None, REG)
    got_place = {k: v for k, v in (("province", iss.province), ("district", iss.district)) if v} or None
    assert (iss.agency, got_place) == (agency, place)


def test_an_unknown_code_is_flagged_with_the_nearest():
    iss = identify([], find_number("ฉข ๐๐๑๗.๒/ว ๓"), 2, REG)  # ช read as its look-alike ข
    (f,) = iss.flags
    assert f.kind == "unknown_prefix" and f.wrong == "ฉข" and f.suggestion == "ฉช"


def test_a_letterhead_and_a_number_of_different_provinces_are_flagged():
    iss = identify([(1, "ศาลากลางจังหวัดขอนแก่น")], find_number("นม 0017.2/ว 9"), 2, REG)
    assert [f.kind for f in iss.flags] == ["number_conflict"] and iss.flags[0].suggestion == "นครราชสีมา"


# --- the letter codes data file: exact file:line messages ------------------------------

CODE_CASES = {
    "bad code": ("  - {code: ขก, name: ขอนแก่น}", "  - {code: ขกข, name: ขอนแก่น}",
                 ["corpus/letter_codes.yaml:1: provinces without a code: ขอนแก่น",
                  "corpus/letter_codes.yaml:{line}: code 'ขกข' must be two Thai letters"]),
    "not a province": ("  - {code: ขก, name: ขอนแก่น}", "  - {code: ขก, name: ขอนแก่นนคร}",
                       ["corpus/letter_codes.yaml:1: provinces without a code: ขอนแก่น",
                        "corpus/letter_codes.yaml:{line}: 'ขอนแก่นนคร' is not a province in the gazetteer (geothai)"]),
    "unknown agency": ("agency: dla, verified: true", "agency: dlaa, verified: true",
                       ["corpus/letter_codes.yaml:{line}: agency 'dlaa' is not an agency id in corpus/agencies.yaml"]),
    "twice": ("  - {code: ขก, name: ขอนแก่น}", "  - {code: ขก, name: ขอนแก่น}\n  - {code: ขก, name: ขอนแก่น}",
              ["corpus/letter_codes.yaml:{next}: 'ขก' is listed twice (also line {line})"]),
}


@pytest.mark.parametrize("name", sorted(CODE_CASES))
def test_check_reports_letter_code_problems(tmp_path, name):
    corpus = copy_corpus(tmp_path)
    old, new, expected = CODE_CASES[name]
    path = corpus / "letter_codes.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().split("\n")[:-1] == [e.format(line=line, next=line + 1) for e in expected]


def test_every_province_has_its_code():
    assert len(CORPUS.letter_codes.provinces) == 77
    assert CORPUS.letter_codes.provinces["นม"] == "นครราชสีมา" and CORPUS.letter_codes.provinces["พช"] == "เพชรบูรณ์"


# --- the bundle split ---------------------------------------------------------------

def test_a_letter_whose_number_is_unreadable_is_still_a_letter():
    lines = ["ง 8 :", "ทt  xx", "เรื่อง การประชุม", "เรียน นายอำเภอ", "ขอเชิญประชุม", "ขอแสดงความนับถือ"]
    (part,) = split_bundle(lines)
    assert (part.first, part.doc_type) == (1, "letter")


def test_the_first_letter_keeps_the_stamp_above_its_number():
    lines = ["สำนักงานจังหวัดขอนแก่น", "เลขรับ 1444", "วันที่ 2 พ.ย. 2552", "ที่ มท 0810.5/2787", "เรื่อง ก",
             "เรียน ข", "ขอแสดงความนับถือ", "(นายก ข)", "ที่ มท 0810.5/2788", "เรื่อง ค", "เรียน ง"]
    parts = split_bundle(lines)
    assert [(p.first, p.last) for p in parts] == [(1, 8), (9, 11)]


@pytest.mark.parametrize("ocr, printed", [
    ("ธนาคารข ยะชุมชน", "ธนาคารขยะชุมชน"),  # a space inside a word
    ("การป้องกันและแก้ไขปัญหายาเส พติด", "การป้องกันและแก้ไขปัญหายาเสพติด"),
    ("โครงการพลังชุมชน พลังสร้างสรรค์", "โครงการพลังชุมชน พลังสร้างสรรค์"),  # between phrases: kept
    ("ขอความร่วมมือ ดำเนินการ", "ขอความร่วมมือ ดำเนินการ"),
    ("ที่ มท 0810.5/ว 2999", "ที่ มท 0810.5/ว 2999"),
])
def test_spaces_ocr_put_inside_a_word_are_taken_out(ocr, printed):
    from build_tools.normalization.split_words import rejoin_split_words

    assert rejoin_split_words(ocr) == printed


@pytest.mark.parametrize("number, suggestion", [
    ("ที่ สอบต 089/255วํ", "สอบต. 089/2553"),  # seed 38 L08 from the scan: the year's 3 read as ว with a mark
    ("ที่ สอบต. ๐๘๙/๒๕๕ว", "สอบต. ๐๘๙/๒๕๕๓"),  # Thai digits stay Thai
    ("ที่ ๒๒๕/๒๕๕ซ", "๒๒๕/๒๕๕๓"),  # an order's: the date's year, not the look-alike's ๗
    ("ที่ สอบต 089/254วํ", None),  # its three digits are not the date's year's: nothing suggested
])
def test_a_number_whose_years_last_digit_was_read_as_a_letter_has_the_dates_year_suggested(number, suggestion):
    text = "\n".join([number + "          สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย",
                      "ถนนพิษณุโลก เขตดุสิต กรุงเทพฯ 10300", "18 พฤศจิกายน 2553",
                      "เรื่อง ขอความร่วมมือสนับสนุนการดำเนินงาน", "เรียน อธิบดีกรมการพัฒนาชุมชน",
                      "          ด้วยสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทยขอความร่วมมือในการดำเนินงาน",
                      "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายธีระ สุวรรณรัตน์)",
                      "นายกสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert doc["number"] is None  # never read so: only suggested
    got = [f for f in doc["flags"] if f["kind"] == "number_check"]
    assert [(f["line"], f["suggestion"]) for f in got] == ([(1, suggestion)] if suggestion else [])
    if suggestion:
        read = number.removeprefix("ที่ ")
        assert got[0]["message"] == (f"อ่านเลขที่ได้ '{read}' (ตัวเลขตัวท้ายของปีอ่านเป็นตัวอักษร): หนังสือลงวันที่ "
                                     f"18 พฤศจิกายน 2553 เลขที่จึงน่าจะเป็น '{suggestion}' ตรวจกับต้นฉบับ")
