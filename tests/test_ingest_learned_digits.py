"""Per-letter digit confusions (issue #16): the swaps a letter's OCR made where its digits are
checked (a reference linked to a corpus letter, an office part the data knows) give the
most likely reading of the digits nothing checks (a flagged number's serial, the day), as
suggestions only."""
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.checks import uncertain_day
from build_tools.ingest.flags import Flag
from build_tools.ingest.issuers import Registry
from build_tools.ingest.learned_digits import Swaps, learn, learned_day, learned_number
from build_tools.ingest.numbers import find_number
from build_tools.ingest.prefixes import known_length
from build_tools.ingest.resolve import known_prefixes
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")
REG = Registry(CORPUS, known_prefixes(CORPUS.prefixes, []))
DATED = {"moi-letter-2552-08-06": ("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06")}
# the seed's MOI letter cited with ๔ read as ๕ (and ๙ as ๕), its day ๖ as ๒
CITED = {"number": "มท ๐๕๐๕.๒/๕๕๐๐", "date_be": "๒ สิงหาคม ๒๕๕๒", "id": "moi-letter-2552-08-06",
         "match": "probable", "line": 9}


def _swaps(*pairs: tuple[str, str]) -> Swaps:
    s = Swaps()
    for read, printed in pairs:
        s.add(read, printed)
    return s


def test_a_digit_is_read_as_the_digit_the_checked_parts_show_most_often():
    s = _swaps(("๕๕๕", "๔๔๙"))
    assert (s.likely("5"), s.likely("3")) == ("4", "3")  # ๕ was ๔ twice, ๙ once; ๓ never seen
    assert s.reading("๓๕๒๑") == "๓๔๒๑"
    assert s.shown() == "๕→๔ ๒ ครั้ง, ๕→๙ ๑ ครั้ง"


def test_a_digit_read_right_about_as_often_as_misread_stays_as_read():
    assert _swaps(("๕๕๕", "๔๔๕")).likely("5") == "5"  # twice ๔, once ๕, and the reading itself
    assert _swaps(("๕๕๕๕", "๔๔๔๕")).likely("5") == "4"


def test_a_swap_seen_once_is_no_pattern():
    assert _swaps(("๓", "๗")).likely("3") == "3"
    assert _swaps(("๓๓", "๗๗")).likely("3") == "7"


def test_arabic_digits_teach_nothing_and_are_read_as_printed():
    s = _swaps(("5505", "4404"))
    assert s.seen == {}
    assert _swaps(("๕๕", "๔๔")).reading("๕ 5") == "๔ 5"


def test_a_reference_linked_to_a_corpus_letter_shows_its_number_and_dates_digits():
    s = learn([CITED], DATED, [], REG)
    # number: ๐๕๐๕.๒/๕๕๐๐ against ๐๔๐๔.๒/๔๙๐๐; date: ๒ ... ๒๕๕๒ against ๖ ... ๒๕๕๒
    assert s.shown() == "๒→๖ ๑ ครั้ง, ๕→๔ ๓ ครั้ง, ๕→๙ ๑ ครั้ง"
    assert s.seen[("5", "5")] == 2 and s.seen[("0", "0")] == 4  # the year's ๕๕, the number's ๐s


def test_an_unlinked_reference_shows_nothing():
    assert learn([{**CITED, "id": None, "match": "none"}], DATED, [], REG).seen == {}


def test_an_office_reading_shows_the_digits_the_data_knows_and_those_it_changes():
    assert known_length("มท", "0405", REG) == 2  # กรมการพัฒนาชุมชน's มท 04..
    assert known_length("มท", "0404", REG) == 4  # the seed letter's มท 0404
    assert known_length("ขก", "0017", REG) == 4  # a province's office
    assert known_length("ขก", "0518", REG) == 0
    office = Flag("number_check", "m", 2, suggestion="มท ๐๔๑๕.๒/ว ๓๕๒๑", wrong="มท ๐๕๑๕.๒/ว ๓๕๒๑")
    s = learn([], DATED, [office], REG)
    # ๐๕ against ๐๔ (the data knows มท 04); ๑๕ of the office and the serial are not checked
    assert dict(s.seen) == {("0", "0"): 1, ("5", "4"): 1}


def test_a_flagged_number_reads_its_unchecked_digits_by_the_letters_swaps():
    num = find_number("มท ๐๕๐๕.๒/ว ๓๕๒๑")
    office = Flag("number_check", "รหัสผิด", 2, suggestion="มท ๐๔๐๕.๒/ว ๓๕๒๑", wrong=num.printed)
    s = learn([CITED], DATED, [office], REG)
    f = learned_number(office, num, s, REG)
    assert (f.kind, f.line, f.suggestion, f.wrong) == ("number_check", 2, "มท ๐๔๐๔.๒/ว ๓๔๒๑", num.printed)
    assert f.message == ("รหัสผิด (เลขที่ข้อมูลไม่ได้ตรวจอ่านตามตัวเลขที่ OCR อ่านสลับในส่วนที่ตรวจได้ของหนังสือนี้ "
                         "(๒→๖ ๑ ครั้ง, ๕→๔ ๔ ครั้ง, ๕→๙ ๑ ครั้ง): 'มท ๐๔๐๕.๒/ว ๓๕๒๑' อ่านเป็น "
                         "'มท ๐๔๐๔.๒/ว ๓๔๒๑' ตรวจกับต้นฉบับ)")


def test_a_number_reading_without_learned_swaps_or_from_a_citation_stays():
    num = find_number("มท ๐๕๑๐.๒/ว ๓๒๓๒")
    office = Flag("number_check", "m", 2, suggestion="มท ๐๔๑๐.๒/ว ๓๒๓๒", wrong=num.printed)
    assert learned_number(office, num, Swaps(), REG) is office  # nothing learned
    s = _swaps(("๕๕", "๔๔"))
    assert learned_number(office, num, s, REG) is office  # no ๕ left unchecked
    whole = Flag("number_check", "m", 2, suggestion="มท ๐๔๑๐.๒/ว ๓๒๗๒", wrong=num.printed)
    assert learned_number(whole, num, _swaps(("๓๓", "๗๗")), REG) is whole  # a citing letter's reading


def test_a_day_in_doubt_gets_the_day_the_letters_swaps_give():
    s = _swaps(("๕๕", "๔๔"))
    learned = learned_day("๕ กรกฎาคม ๒๕๕๓", s)
    assert learned == "๔ กรกฎาคม ๒๕๕๓"
    swapped = [Flag("number_check", "m", 2, suggestion="มท ๐๔๐๔.๒/ว ๓๔๒๑", wrong="มท ๐๕๐๕.๒/ว ๓๕๒๑")]
    (f,) = uncertain_day("๕ กรกฎาคม ๒๕๕๓", 6, swapped, learned, s.shown())
    assert (f.kind, f.line, f.suggestion, f.wrong) == ("date_check", 6, "๔ กรกฎาคม ๒๕๕๓", "๕ กรกฎาคม ๒๕๕๓")
    assert f.message == ("วันที่ '๕ กรกฎาคม ๒๕๕๓': เลข '๕' ของวันเป็นเลขที่ OCR มักอ่านแทนเลขอื่น และหนังสือนี้มี"
                         "เลขที่อ่านสลับแล้ว วันที่จริงอาจเป็นวันที่ ๔ ๖ ๗ ๘ ๙: ตรวจกับต้นฉบับ "
                         "(ตัวเลขที่หนังสือนี้อ่านสลับในส่วนที่ตรวจได้ (๕→๔ ๒ ครั้ง) ให้วันที่ ๔ กรกฎาคม ๒๕๕๓)")
    assert learned_day("๑๒ กรกฎาคม ๒๕๕๓", s) is None  # nothing to read otherwise
    assert uncertain_day("๕ กรกฎาคม ๒๕๕๓", 6, [], learned, s.shown()) == []  # no misread digits found


LETTER = ("ที่ มท ๐๕๐๕.๒/ว ๓๕๒๑                 กระทรวงมหาดไทย\n"
          "                    ถนนอัษฎางค์ กทม. ๑๐๒๐๐\n"
          "                    ๕ กรกฎาคม ๒๕๕๓\n"
          "เรื่อง  การจัดเวทีแลกเปลี่ยนเรียนรู้\n"
          "เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
          "อ้างถึง  หนังสือกระทรวงมหาดไทย ที่ มท ๐๕๐๕.๒/๕๕๐๐ ลงวันที่ ๒ สิงหาคม ๒๕๕๒\n"
          "          ตามที่กระทรวงมหาดไทยได้แจ้งแนวทางการดำเนินงาน นั้น\n")


def test_a_letter_whose_checked_digits_show_its_swaps_gets_their_readings():
    (doc,), _ = analyze(LETTER, CORPUS, "x.txt", env=Env.of(CORPUS))
    got = {(f["kind"], f["line"]): (f["suggestion"], f["wrong"]) for f in doc["flags"]
           if f["kind"] in ("number_check", "date_check") and f["suggestion"]}
    assert doc["number"] == "มท ๐๕๐๕.๒/ว ๓๕๒๑" and doc["date_be"] == "๕ กรกฎาคม ๒๕๕๓"  # values stay as read
    assert got[("number_check", 1)] == ("มท ๐๔๐๔.๒/ว ๓๔๒๑", "มท ๐๕๐๕.๒/ว ๓๕๒๑")
    assert got[("date_check", 3)] == ("๔ กรกฎาคม ๒๕๕๓", "๕ กรกฎาคม ๒๕๕๓")
    assert got[("number_check", 6)] == ("มท ๐๔๐๔.๒/๔๙๐๐", "มท ๐๕๐๕.๒/๕๕๐๐")  # the cited letter's number
