"""Small units: Thai dates, the analyzer, clause numbering."""
import datetime as dt

import pytest

from build_tools.analysis.analyzer import ThaiAnalyzer, normalize_term
from build_tools.common.thaidate import format_thai_date, parse_thai_date
from build_tools.normalization.clauses import parse_blocks
from build_tools.normalization.rules import Line


@pytest.mark.parametrize("text, iso", [
    ("๖ สิงหาคม ๒๕๕๒", "2009-08-06"),
    ("20 สิงหาคม 2552", "2009-08-20"),
    ("วันที่ 11 ส.ค. 2552", "2009-08-11"),
    ("ลงวันที่ ๒๑ พฤษภาคม ๒๕๕๒", "2009-05-21"),
    ("๑๒ มิ.ย. พ.ศ. ๒๕๕๒", "2009-06-12"),
])
def test_parse_thai_date(text, iso):
    assert parse_thai_date(text).isoformat() == iso


@pytest.mark.parametrize("text", ["ไม่มีวันที่", "32 สิงหาคม 2552", "6 สิงหาคม 2009"])
def test_parse_thai_date_rejects(text):
    with pytest.raises(ValueError):
        parse_thai_date(text)


def test_format_thai_date():
    assert format_thai_date(dt.date(2009, 8, 6)) == "๖ สิงหาคม ๒๕๕๒"
    assert format_thai_date(dt.date(2009, 8, 6), thai_digits=False) == "6 สิงหาคม 2552"


@pytest.fixture(scope="module")
def analyzer():
    return ThaiAnalyzer(["สถ.", "ป.ป.ส.", "กองทุนแม่ของแผ่นดิน"])


def test_words_inside_sentences_and_compounds(analyzer):
    terms = {t.text for t in analyzer.tokens("การป้องกันและแก้ไขปัญหายาเสพติดของกระทรวงมหาดไทย")}
    assert {"ยาเสพติด", "กระทรวงมหาดไทย", "มหาดไทย", "กระทรวง"} <= terms


def test_domain_compound_and_its_parts(analyzer):
    toks = analyzer.tokens("โครงการกองทุนแม่ของแผ่นดิน")
    assert [t.text for t in toks if not t.sub] == ["โครงการ", "กองทุนแม่ของแผ่นดิน"]
    assert [t.text for t in toks if t.sub and t.pos == 1] == ["กองทุน", "แม่", "ของ", "แผ่นดิน"]


def test_digits_abbreviations_and_tone_marks(analyzer):
    assert analyzer.query_terms("๒๕๕๒") == analyzer.query_terms("2552") == ["2552"]
    assert analyzer.query_terms("ป.ป.ส.") == analyzer.query_terms("ปปส") == ["ปปส"]
    assert analyzer.query_terms("สถ.") == ["สถ"]
    assert normalize_term("ข้าว") != normalize_term("ขาว")


def test_offsets_point_into_the_text(analyzer):
    text = "ส่งเสริมเศรษฐกิจพอเพียง ๒๕๕๓"
    for t in analyzer.tokens(text):
        assert normalize_term(text[t.start:t.end]) == t.text


def _blocks(*texts, doc_type="mou"):
    return parse_blocks([Line(t, (i + 1,)) for i, t in enumerate(texts)], doc_type)


def test_clause_ids_follow_printed_numbering():
    blocks = _blocks("๓. บทบาท", "๓.๒ บทบาทของแต่ละหน่วยงาน", "๑. กรมการพัฒนาชุมชน", "๑) กิจกรรม",
                     "๑.๑) สนับสนุน", "๑.๒) รวบรวม", "๒) การปกป้อง", "๒. กรมส่งเสริม", "๑) สนับสนุน")
    assert [b.clause for b in blocks] == [
        "c3", "c3-2", "c3-2-1", "c3-2-1-1", "c3-2-1-1-1", "c3-2-1-1-2", "c3-2-1-2", "c3-2-2", "c3-2-2-1"]


def test_plain_paragraph_closes_a_list_and_dash_items_keep_numbers():
    blocks = _blocks("๒.๑ เป้าหมาย คือ", "- ๑) การปกป้อง", "- ๒) การป้องกัน", "ข้อความธรรมดา", "๑) ใหม่")
    assert [(b.kind, b.clause) for b in blocks] == [
        ("clause", "c2-1"), ("item", "c2-1-1"), ("item", "c2-1-2"), ("para", None), ("clause", "c1")]


def test_letter_header_is_not_numbered():
    blocks = _blocks("ที่ มท 0810.1/ว 1631", "สิ่งที่ส่งมาด้วย 1. สำเนา", "2. บันทึก", "ตามที่ ...", "1) พิจารณา",
                     doc_type="letter")
    assert [b.kind for b in blocks] == ["header", "header", "header", "para", "clause"]
    assert blocks[-1].clause == "c1"


def test_index_positions_survive_a_gap_of_46():
    """whoosh-ng reads a varint value ending in b"." as a pickle; SafePositions pads it."""
    from build_tools.outputs.search_index.whoosh_index import SafePositions

    fmt = SafePositions()
    for poslist in ([46], [0, 46], [3, 3 + 46 + 128], list(range(0, 46 * 50, 46)), [0, 1, 2]):
        assert fmt.decode_positions(fmt.encode(poslist)) == poslist
