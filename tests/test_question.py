"""Query understanding (build_tools/analysis/question.py), the one module both engines
follow: question words are dropped and give the intent, a kept duty word stays a search
word, the thesaurus adds synonyms, a count question names its unit."""
import pytest
from conftest import ROOT

from build_tools.analysis.analyzer import analyzer_for_corpus
from build_tools.analysis.question import EXACT, MAX_GROUPS, MAX_QUERY_CHARS, NAME, SYNONYM, QueryUnderstanding
from build_tools.sources.corpus import load_corpus


@pytest.fixture(scope="module")
def qu():
    corpus = load_corpus(ROOT / "corpus")
    return QueryUnderstanding.from_vocabulary(analyzer_for_corpus(corpus.root, corpus.agencies), corpus.search)


def _words(p):
    return [g.word for g in p.groups]


@pytest.mark.parametrize("q, words, intent", [
    ("ป.ป.ส. ทำอะไรในโครงการนี้", ["ปปส", "โครงการ"], "who"),
    ("สถ. มีหน้าที่อะไร", ["สถ", "หน้าที่"], "who"),  # a duty word is kept
    ("ใครเป็นผู้ลงนามบันทึกความร่วมมือ", ["ผู้ลงนาม", "บันทึกความร่วมมือ"], "who"),
    ("โครงการนี้มีกี่ภารกิจ", ["โครงการ", "ภารกิจ"], "how_many"),
    ("วันที่ลงนาม MOU", ["ลงนาม", "mou"], "when"),
    ("กองทุนแม่ของแผ่นดินคืออะไร", ["กองทุนแม่ของแผ่นดิน"], "what_is"),
    ("ขั้นตอนแรกของการขยายผลคืออะไร", ["ขยายผล"], "what_is"),  # ขั้น|ตอนแรก re-cut: ขั้นตอน + แรก
    ("ยาเสพติด", ["ยาเสพติด"], None),
    ("ใคร", ["ใคร"], "who"),  # only question words: they are what is searched
])
def test_question_words_are_dropped_and_give_the_intent(qu, q, words, intent):
    p = qu.parse(q)
    assert (_words(p), p.intent) == (words, intent)


def test_intents_in_order_of_precedence(qu):
    p = qu.parse("ลงวันที่เท่าไร")
    assert p.intents == ["when", "how_many"] and p.intent == "when"
    assert qu.parse("ขั้นตอนแรกของการขยายผลคืออะไร").intents == ["what_is", "steps"]


def test_how_many_names_its_unit(qu):
    assert qu.parse("พื้นที่ดำเนินการมีกี่อำเภอ").unit == "อำเภอ"
    assert qu.parse("สถ. มีบทบาทกี่ข้อ").unit == "ข้อ"  # มีบทบาท: one dictionary word, re-cut
    assert qu.parse("แนวทางการขยายผลมีกี่ขั้นตอน").unit == "ขั้นตอน"  # the unit is a question word itself


def test_thesaurus_synonyms_are_alternatives_below_the_word(qu):
    g = qu.parse("สถ. มีหน้าที่อะไร").groups[1]
    assert g.alternatives[0].terms == ("หน้าที่",) and g.alternatives[0].kind == EXACT
    assert ("บทบาท",) in [a.terms for a in g.alternatives if a.kind == SYNONYM]
    phone = qu.parse("เบอร์โทร").groups[0]
    assert phone.alternatives[0].terms == ("เบอร์", "โทร")  # a phrase: its words in a row
    assert ("โทรศัพท์",) in [a.terms for a in phone.alternatives]


def test_other_names_of_an_agency(qu):
    g = qu.parse("ONCB").groups[0]
    assert [(a.terms, a.kind) for a in g.alternatives] == [(("oncb",), EXACT), (("ปปส",), NAME)]


def test_tone_marks_stay_distinct(qu):
    assert _words(qu.parse("ข้าว")) == ["ข้าว"] and _words(qu.parse("ขาว")) == ["ขาว"]


def test_phrases_are_kept_as_typed(qu):
    p = qu.parse('"แผนชุมชน" ต้องส่งให้ใคร')
    assert p.phrases == [["แผนชุมชน"]] and _words(p) == ["ส่ง"] and p.intent == "who"


def test_a_word_typed_twice_counts_once(qu):
    assert _words(qu.parse("ยาเสพติด ยาเสพติด ยาเสพติด")) == ["ยาเสพติด"]


def test_a_long_query_is_cut(qu):
    p = qu.parse("ยาเสพติด " * 1250)
    assert p.truncated and len(p.text) <= MAX_QUERY_CHARS and _words(p) == ["ยาเสพติด"]
    many = qu.parse(" ".join(f"คำ{i}" for i in range(200)))
    assert many.truncated and len(many.groups) <= MAX_GROUPS


def test_explain_says_what_was_understood(qu):
    lines = qu.parse("สถ. มีหน้าที่อะไร").explain()
    assert lines[0] == "search words: สถ · หน้าที่"
    assert "question words (never required): มี · อะไร" in lines
    assert "intent: who (from หน้าที่)" in lines
    assert any(line.startswith("  หน้าที่ also finds บทบาท") and "ranks below" in line for line in lines)
