"""A letter checked against the letters of the corpus that cite it (issue #16: "a date that
disagrees with ... a citing letter is flagged with the most likely reading"): the cited
number and date are the suggestion where the letter's own reading differs only by digits
OCR confuses; a letter no citation fits is not flagged."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.citations import Citation, check_citations, citations_of
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")
CITES = [Citation("มท ๐๔๐๔/๕๑๗๑", "2009-05-21", "moi-letter-2552-08-06"),
         Citation("ขก 0017.2/ว 3370", "2010-04-30", "kk-letter")]


def test_the_corpus_letters_citations_are_read_from_their_references():
    got = {(c.number, c.date, c.by) for c in citations_of(CORPUS.documents)}
    assert ("มท ๐๔๐๔/๕๑๗๑", "2009-05-21", "moi-letter-2552-08-06") in got
    assert ("มท 0404.2/8900", "2009-08-06", "dla-letter-2552-08-20") in got


@pytest.mark.parametrize("number, date, date_be, want", [
    # ๗ read as ๓ in the serial, ๔ as ๕ in the office: the citing letter's number
    ("มท ๐๕๐๔/๕๑๓๑", "2009-05-21", "๒๑ พฤษภาคม ๒๕๕๒", [("number_check", 3, "มท ๐๔๐๔/๕๑๗๑", "มท ๐๕๐๔/๕๑๓๑")]),
    # Arabic digits alike, no date on the letter
    ("ขก 0017.2/ว 3330", None, None, [("number_check", 3, "ขก 0017.2/ว 3370", "ขก 0017.2/ว 3330")]),
    # the number read right, the day misread: the citation's date
    ("มท ๐๔๐๔/๕๑๗๑", "2009-05-27", "๒๗ พฤษภาคม ๒๕๕๒", [("date_check", 5, "๒๑ พฤษภาคม ๒๕๕๒", "๒๗ พฤษภาคม ๒๕๕๒")]),
    # the citation's digits are the letter's script's in the suggestion
    ("ขก ๐๐๑๗.๒/ว ๓๓๓๐", "2010-04-30", "๓๐ เมษายน ๒๕๕๓", [("number_check", 3, "ขก ๐๐๑๗.๒/ว ๓๓๗๐", "ขก ๐๐๑๗.๒/ว ๓๓๓๐")]),
])
def test_a_letter_a_citation_reads_otherwise_is_flagged_with_the_citation(number, date, date_be, want):
    got = check_citations(number, date, date_be, (3, 5), CITES)
    assert [(f.kind, f.line, f.suggestion, f.wrong) for f in got] == want


def test_number_and_date_both_misread_get_both_suggestions():
    got = check_citations("มท ๐๕๐๔/๕๑๓๑", "2009-05-27", "๒๗ พฤษภาคม ๒๕๕๒", (3, 5), CITES[:1])
    assert [(f.kind, f.suggestion) for f in got] == [("number_check", "มท ๐๔๐๔/๕๑๗๑"),
                                                      ("date_check", "๒๑ พฤษภาคม ๒๕๕๒")]
    assert got[1].message == ("หนังสือ moi-letter-2552-08-06 อ้างถึงหนังสือที่ มท ๐๔๐๔/๕๑๗๑ ว่าลงวันที่ "
                              "๒๑ พฤษภาคม ๒๕๕๒ แต่หนังสือนี้อ่านได้ '๒๗ พฤษภาคม ๒๕๕๒': ตรวจวันที่กับต้นฉบับ")


@pytest.mark.parametrize("number, date", [
    ("มท ๐๔๐๔/๕๑๗๑", "2009-05-21"),  # as cited: nothing to say
    ("มท ๐๔๐๔/๕๑๗๒", "2009-05-21"),  # ๒ is no misreading of ๑: another letter
    ("มท ๐๕๐๔/๕๑๓๑", "2009-06-21"),  # another month: another letter
    ("มท ๐๕๐๔/๕๑๓๑", "2009-05-12"),  # a day OCR does not confuse with the cited one
    (None, "2009-05-21"),
])
def test_a_letter_no_citation_fits_is_not_flagged(number, date):
    assert check_citations(number, date, "-", (3, 5), CITES) == []


def test_two_citations_that_fit_give_no_suggestion():
    both = [Citation("มท 0404/5171", None, "a"), Citation("มท 0404/5131", None, "b")]
    assert check_citations("มท 0505/5131", "2009-05-21", "-", (3, 5), both[:1] + [Citation("มท 0505/5171", None, "c")]) == []
    assert check_citations("มท 0404/5131", "2009-05-21", "-", (3, 5), both) == []  # cited as read: no flag


def test_an_ingested_letter_is_checked_against_the_corpus_letters_that_cite_it():
    text = ("ที่ มท ๐๕๐๔/๕๑๓๑                 กระทรวงมหาดไทย\n"
            "                    ถนนอัษฎางค์ กทม. ๑๐๒๐๐\n"
            "                    ๒๗ พฤษภาคม ๒๕๕๒\n"
            "เรื่อง  การขยายผลโครงการ\nเรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด\n"
            "          ด้วยกระทรวงมหาดไทยขอแจ้ง\n")
    (doc,), _ = analyze(text, CORPUS, "x.txt", env=Env.of(CORPUS))
    got = [(f["kind"], f["line"], f["suggestion"], f["wrong"]) for f in doc["flags"]
           if f["kind"] in ("number_check", "date_check")]
    assert got == [("number_check", 1, "มท ๐๔๐๔/๕๑๗๑", "มท ๐๕๐๔/๕๑๓๑"),
                   ("date_check", 3, "๒๑ พฤษภาคม ๒๕๕๒", "๒๗ พฤษภาคม ๒๕๕๒")]
