"""A บันทึกข้อความ whose title OCR spoiled (seed 27 L24 read from its scan: `โปนทกขอความ`,
a vowel added before the word and บ read as ป) is still a memo, known by its ส่วนราชการ:
its date on the number's row is the letter's date."""
import pytest

from build_tools.ingest.letter import extract_letter

MEMO = ["ส่วนราชการ  ที่ว่าการอำเภอบ้านไผ่ ที่ทำการปกครองอำเภอบ้านไผ่ โทร. ๐ ๔๓๒๗ ๔๑๕๖",
        "ที่ ขก 0518.3/754           วันที่  19 พฤศจิกายน 2552",
        "เรื่อง การขยายผลโครงการพลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิ้ม\"",
        "เรียน   กำนันและผู้ใหญ่บ้าน  ทุกตำบล",
        "ด้วยอำเภอบ้านไผ่ได้รับแจ้งว่าการดำเนินงานโครงการพลังชุมชน พลังสร้างสรรค์",
        "มีความก้าวหน้าเป็นลำดับ และควรขยายผลสู่ตำบลใกล้เคียง",
        "จึงเรียนมาเพื่อทราบและดำเนินการต่อไป", "(นายธีระ สุวรรณรัตน์)", "นายอำเภอบ้านไผ่"]


def _letter(lines):
    return extract_letter(list(enumerate(lines, 1)))


@pytest.mark.parametrize("top", [["บันทึกข้อความ"], ["โปนทกขอความ"], ["๘ฑี    ซิ#", "โปนทกขอความ"], []])
def test_a_memo_whose_title_ocr_spoiled_is_known_by_its_unit(top):
    L = _letter(top + MEMO)
    assert (L.form, L.number, L.date_be) == ("memo", "ขก 0518.3/754", "19 พฤศจิกายน 2552")
    assert L.subject.startswith("การขยายผลโครงการ")
    assert L.body_lines[0] == len(top) + 5


def test_a_unit_label_below_the_subject_makes_no_memo():
    L = _letter(["ที่ ขก 0518.3/754", "19 พฤศจิกายน 2552", "เรื่อง การขยายผลโครงการ", "เรียน นายอำเภอ",
                 "ส่วนราชการ ทุกแห่ง ได้ดำเนินการตามแนวทางแล้ว", "จึงเรียนมาเพื่อทราบ", "(นายธีระ สุวรรณรัตน์)"])
    assert L.form == "external"


@pytest.mark.parametrize("row, read", [
    ("ที ขก 0518.ม3428 2  วันที่ 19 ส.ค. .2553", "ขก 0518.ม3428 2"),  # / read as ม (seed 24 L24)
    ("ที่ ขก ๐๕๑ฆ.๔ม๓๔๒๘  วัวนที่. 19 ส.ค. 2553", "ขก ๐๕๑ฆ.๔ม๓๔๒๘"),  # (its date's label read twice)
])
def test_a_memos_number_row_whose_number_ocr_spoiled_still_gives_the_date(row, read):
    lines = ["บันทึกข้อความ", MEMO[0], row] + MEMO[2:]
    L = _letter(lines)
    assert (L.number, L.date_be[:8], L.subject[:16]) == (None, "19 ส.ค. ", "การขยายผลโครงการ")
    assert not any("ส่วนราชการ" in o[1] and "วันที่" in o[1] for o in L.offices)
    flag = next(f for f in L.flags if f.kind == "missing" and f.wrong == "number")
    assert (flag.line, flag.message) == (3, f"อ่านเลขที่หนังสือ (ที่ ...) '{read}' ไม่ได้: ตรวจต้นฉบับแล้วเพิ่มในไฟล์เอกสารเอง")


@pytest.mark.parametrize("row", ["พื  .ขก 0518.3/754  วันที่  19 พฤศจิกายน 2552",  # ที่ read as พื (seed 18 L24)
                                 "ขก 0518.3/754           วันที่  19 พฤศจิกายน 2552"])  # ที่ lost
def test_a_memos_date_beside_a_number_whose_label_ocr_lost(row):
    L = _letter(["บันทึกข้อความ", MEMO[0], row] + MEMO[2:])
    assert (L.number, L.date_be) == ("ขก 0518.3/754", "19 พฤศจิกายน 2552")
