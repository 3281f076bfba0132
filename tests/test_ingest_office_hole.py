"""A cited number whose province office digits lost a digit to OCR (issue #16: numbers are
"never guessed, always checked"): read with the one office of that province its citation
names, and flagged for a maintainer to confirm; a title naming no such office, or a number
read whole, is left as it was."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env
from build_tools.ingest.office_hole import filled_office
from build_tools.sources.corpus import load_corpus

REGISTRY = Env.of(load_corpus(ROOT / "corpus")).registry


def _ref(text: str, number: str | None = None) -> dict:
    return {"text": text, "number": number, "line": 9}


@pytest.mark.parametrize("text, number, want", [
    # the last office digit read as a letter with a mark, a space before the sub-unit
    ("หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑ฆ่. ๒/ว 409 ลงวันที่ 14 มิถุนายน 2553", None, "ขก ๐๐๑๗.๒/ว 409"),
    # read as a sign; Arabic digits; no ว
    ("หนังสือจังหวัดเชียงใหม่ ที่ ชม 00%7.3/1978 ลงวันที่ 10 มีนาคม 2553", None, "ชม 0017.3/1978"),
    # dropped: OCR read a three-digit office, which the number took
    ("หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑.๒/ว ๖๗๐ ลงวันที่ ๒ สิงหาคม ๒๕๕๒", "ขก ๐๐๑.๒/ว ๖๗๐", "ขก ๐๐๑๗.๒/ว ๖๗๐"),
    # the provincial CD office's own name: its office (0019)
    ("หนังสือสำนักงานพัฒนาชุมชนจังหวัดสงขลา ที่ สข ๐๐๑ซ.๓/ว ๔๘๑ ลงวันที่ ๓ มีนาคม ๒๕๕๓", None, "สข ๐๐๑๙.๓/ว ๔๘๑"),
    # the office of local administration of a province (0023), its first digit a speck
    ("หนังสือสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดอุบลราชธานี ที่ อบ 0ก23.1/ว 2841", None, "อบ 0023.1/ว 2841"),
])
def test_a_lost_office_digit_is_read_with_the_office_the_citation_names(text, number, want):
    ref = _ref(text, number)
    flags = filled_office(ref, REGISTRY)
    assert ref["number"] == want
    assert [(f.kind, f.line, f.suggestion) for f in flags] == [("number_reading", 9, want)]
    assert "ตรวจกับต้นฉบับ" in flags[0].message


@pytest.mark.parametrize("text, number", [
    # a department's letter under a province's code: which office, the title does not say
    ("หนังสือกรมการพัฒนาชุมชน ที่ ขก ๐๐๑ฆ่.๒/ว 409 ลงวันที่ 14 มิถุนายน 2553", None),
    # no title
    ("ที่ ขก ๐๐๑ฆ่.๒/ว 409 ลงวันที่ 14 มิถุนายน 2553", None),
    # read whole: nothing was lost
    ("หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๒/ว 409", "ขก ๐๐๑๗.๒/ว 409"),
    # two digits lost: the office is not known by one
    ("หนังสือจังหวัดขอนแก่น ที่ ขก ๐ซซ๗.๒/ว 409", None),
    # a ministry's code: its offices are known by their first digits only
    ("หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑ซ.๓/ว 199", None),
    # no office of the province ends so (00ก3: 0013, 0023 fits, but the title names the province itself)
    ("หนังสือจังหวัดอุบลราชธานี ที่ อบ 00ก3.1/ว 2841", None),
])
def test_a_number_the_title_does_not_settle_is_left_as_read(text, number):
    ref = _ref(text, number)
    assert filled_office(ref, REGISTRY) == []
    assert ref["number"] == number
