"""Extraction never crashes on damaged input: any mix of real letter lines, OCR debris
and cut lines gives documents whose ranges cover only real lines, and every field is
either found or flagged as missing."""
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.ingest.letter import EXPECTED, extract_letter
from build_tools.ingest.split import split_bundle

SEED = (ROOT / "corpus" / "raw" / "000_82af3cd14c1fd5a1.txt").read_text(encoding="utf-8").split("\n")
DEBRIS = ["", "ที่", "ที่ มท", "เรื่อง", "เรียน", "อ้างถึง ที่ มท 0404/ ลงวันที่", "สิ่งที่ส่งมาด้วย",
          "จำนวน", "| สิ่งที่ส่งมาด้วย |", "(", "()", "(ลงชื่อ).....", "เลขรับ", "วันที่ 99 ส.ค. 2552",
          "เวลา", "โทร", "ขอแสดงความนับถือ", "ด่วนที่สุด", "๓๑ กุมภาพันธ์ ๒๕๕๒", "กขฃ ญฐ ฑฒ"]
line = st.one_of(st.sampled_from(SEED[:140]), st.sampled_from(DEBRIS),
                 st.sampled_from(SEED[:140]).map(lambda t: t[: len(t) // 2]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=1, max_size=40))
def test_any_mix_of_lines_is_extracted_without_crashing(lines):
    parts = split_bundle(lines)
    for p in parts:
        assert 1 <= p.first <= p.last <= len(lines)
        assert lines[p.first - 1].strip() and lines[p.last - 1].strip()
        L = extract_letter([(n, lines[n - 1]) for n in range(p.first, p.last + 1)])
        missing = {f.wrong for f in L.flags if f.kind == "missing"}
        found = {"number": L.number, "date": L.date_be, "subject": L.subject, "addressee": L.addressee,
                 "signatory": L.signatory}
        for name in EXPECTED[L.form]:  # every field the letter's form prints: read, or flagged missing
            assert found[name] is not None or name in missing, name
