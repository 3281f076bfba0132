"""The analyzer's own pre-split (split_runs) and its two segmenters: nlpo3 (what the
build uses) must cut exactly as PyThaiNLP's newmm (the reference) on the golden set.
Real engines, real dictionaries: nothing is mocked."""
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT

from build_tools.analysis import segmenter as an
from build_tools.analysis.analyzer import ThaiAnalyzer, analyzer_for_corpus, split_runs
from build_tools.analysis.segmenter import segmenter

pytestmark = [pytest.mark.slow]  # segments the golden set with two engines

GOLDEN = sorted((ROOT / "tests" / "golden" / "normalized").glob("*.md"))


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module")
def engines():
    base = analyzer_for_corpus(ROOT / "corpus")
    out = {}
    for engine in an.ENGINES:
        a = ThaiAnalyzer(base.vocabulary, base.synonyms, base.corrections)
        a.engine = engine
        a.SEGMENT_CACHE_MAX = 0
        out[engine] = a
    return out


def _runs(text):
    return [(kind, text[s:e]) for kind, s, e in split_runs(text)]


def test_runs_cover_the_text_and_separate_scripts():
    text = "ที่ มท 0810.1/ว 1631 (อช./วัฒน์) www.thailocaladmin.go.th กำนัน-ผู้ใหญ่บ้าน ๖x๒\n"
    runs = split_runs(text)
    assert "".join(text[s:e] for _, s, e in runs) == text
    assert all(e == s2 for (_, _, e), (_, s2, _) in zip(runs, runs[1:]))
    words = [(k, t) for k, t in _runs(text) if k in ("thai", "word")]
    assert words == [("thai", "ที่"), ("thai", "มท"), ("word", "0810.1"), ("thai", "ว"),
                     ("word", "1631"), ("thai", "อช."), ("thai", "วัฒน์"),
                     ("word", "www.thailocaladmin.go.th"), ("thai", "กำนัน"),
                     ("thai", "ผู้ใหญ่บ้าน"), ("word", "๖x๒")]
    assert ("punct", "/") in _runs(text) and ("punct", "-") in _runs(text)


@pytest.mark.parametrize("text, runs", [
    ("๐๔๐๔.๒/๔๙๐๐", [("word", "๐๔๐๔.๒"), ("punct", "/"), ("word", "๔๙๐๐")]),
    ("21/08/2552", [("word", "21"), ("punct", "/"), ("word", "08"), ("punct", "/"), ("word", "2552")]),
    ("พ.ศ.๒๕๕๒", [("thai", "พ.ศ."), ("word", "๒๕๕๒")]),
    ("(ลงชื่อ).....", [("punct", "(")] + [("thai", "ลงชื่อ")] + [("punct", c) for c in ")....."]),
    ("ONCBปปส", [("word", "ONCB"), ("thai", "ปปส")]),
    ("ยอदनียม", [("thai", "ยอदनียม")]),  # an OCR misreading listed in corrections.yaml
])
def test_runs(text, runs):
    assert _runs(text) == runs


@pytest.mark.parametrize("text, words", [
    ("สำนักงาน ป.ป.ส.", ["สำนักงาน", "ป.ป.ส."]),
    ("โครงการที่อบต.กำหนด", ["โครงการ", "ที่", "อบต.", "กำหนด"]),  # glued to the word before
    ("พ.ศ.๒๕๕๒", ["พ.ศ.", "๒๕๕๒"]),
    ("ศอ.บต.", ["ศอ.บต."]),
    ("โทร.0-2241", ["โทร.", "0", "2241"]),
    ("ดำเนินการ.", ["ดำเนินการ"]),  # a full stop is no abbreviation
    ("(อช./วัฒน์)", ["อช.", "วัฒน์"]),
    ("การประชุมกำนัน-ผู้ใหญ่บ้าน", ["การประชุม", "กำนัน", "ผู้ใหญ่บ้าน"]),
    ("ต่าง ๆ", ["ต่าง", "ๆ"]),
    ("มท 0810.1/ว 1631", ["มท", "0810.1", "ว", "1631"]),
])
def test_words_of_mixed_text(engines, text, words):
    for a in engines.values():
        assert [w for w, _, _ in a.segment(text)] == words, a.engine


def test_searchable_as_before(engines):
    a = engines["nlpo3"]
    assert a.query_terms("ป.ป.ส.") == a.query_terms("ปปส") == ["ปปส"]
    assert a.query_terms("พ.ศ. ๒๕๕๒") == ["พศ", "2552"]
    assert a.query_terms("๐๔๐๔.๒/๔๙๐๐") == ["0404.2", "4900"]
    assert a.query_terms("www.thailocaladmin.go.th") == ["www.thailocaladmin.go.th"]
    # A web address is one term, and its parts are found too (index side only).
    toks = a.tokens("เว็บไซต์ www.thailocaladmin.go.th ที่หัวข้อ")
    assert {"thailocaladmin", "go", "th"} <= {t.text for t in toks if t.sub}
    assert not any(t.sub for t in a.tokens("0810.1"))  # a number is found whole only


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_nlpo3_cuts_the_golden_set_as_newmm(engines, path):
    text = _body(path)
    o3, mm = engines["nlpo3"], engines["newmm"]
    assert o3.segment(text) == mm.segment(text)
    assert o3.tokens(text) == mm.tokens(text)
    assert len(o3.segment(text)) > 100


def test_nlpo3_cut_inside_a_cluster_is_redone_by_newmm(engines):
    """nlpo3 1.4.0's character clusters differ from PyThaiNLP's in a few patterns (OCR's
    เปลียน: nlpo3 เป|ลี|ยน); such a run is re-cut by newmm.  These runs are from the
    synthetic corpus (OCR-damaged) and from damaged dictionary words."""
    vocab = engines["nlpo3"].vocabulary
    o3, mm = segmenter(vocab, "nlpo3"), segmenter(vocab, "newmm")
    runs = ["อาจแปรเปลียนรูปแบบของปัญหา", "เปลียนหน้าเลือดจาง", "ประเวณียจษฏิสอนอ",
            "รถเสบียว", "ตามเวียร์ขาใหญ่", "กราดเบรี้ยวขายเงิน"]
    for run in runs:
        assert an._TCC_RISK.search(run), run
        assert o3(run) == mm(run), run


def test_nlpo3_dictionary_is_the_trie_word_list(engines, tmp_path, monkeypatch):
    monkeypatch.setenv("SIAM_YIM_CACHE", str(tmp_path))
    vocab = ("สยามเมืองยิ้มทดสอบ", "ป.ป.ส.")
    name = an._nlpo3_dict(vocab)
    files = list(tmp_path.glob("nlpo3-*.txt"))
    assert len(files) == 1 and name.endswith(files[0].stem.split("-", 1)[1])
    words = set(files[0].read_text(encoding="utf-8").split("\n")) - {""}
    assert words == set(an._trie(vocab)) == set(an._words(vocab))
    assert {"สยามเมืองยิ้มทดสอบ", "ป.ป.ส.", "ปปส"} <= words
    # The same words under another vocabulary tuple: the same name, loaded once.
    assert an._nlpo3_dict(("ป.ป.ส.", "สยามเมืองยิ้มทดสอบ")) == name
    assert an._nlpo3_dict(("สยามเมืองยิ้มทดสอบอีก",)) != name
    assert segmenter(vocab, "nlpo3")("สยามเมืองยิ้มทดสอบ") == ["สยามเมืองยิ้มทดสอบ"]


def test_engine_choice(monkeypatch):
    try:
        monkeypatch.setenv(an.ENGINE_ENV, "newmm")
        an.default_engine.cache_clear()
        assert ThaiAnalyzer().engine_name == "newmm"
        monkeypatch.setenv(an.ENGINE_ENV, "nlpo3")
        an.default_engine.cache_clear()
        assert ThaiAnalyzer().engine_name == "nlpo3"
        monkeypatch.setenv(an.ENGINE_ENV, "deepcut")
        an.default_engine.cache_clear()
        with pytest.raises(ValueError):
            an.default_engine()
    finally:
        monkeypatch.delenv(an.ENGINE_ENV)
        an.default_engine.cache_clear()
    assert an.default_engine() == "nlpo3"  # installed: a main dependency
    a, b = ThaiAnalyzer(["ก"]), ThaiAnalyzer(["ก"])
    b.engine = "newmm"
    assert a.signature() != b.signature()  # an index cut by the other engine is rebuilt
