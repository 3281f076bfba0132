"""Labels OCR left in pieces, seen on seed 37 read cold (benchmarks/ingest_eval.py) and
looked for over seeds 16-35: สิ่งที่ส่งมาด้วย split by a gap inside its last word with a
mark misplaced (`สิงที่ส่งมาดั     วย`), the same label under a stamp that left two damaged
pieces (`สงทสง     าด้วย`) before an enclosure and its count, and a few specks read as
marks and figures apart before the addressee's line whose label was lost
(`๊๖7     ว่าราชการจังหวัด`).  Each had ended the header, so the enclosures and the
addressee fell into the body."""
import pytest

from build_tools.ingest.letter import extract_letter

HEAD = ["ที่ มท 0410.4/494                         กรมการพัฒนาชุมชน",
        "ถนนราชดำเนินกลาง กทม. ๑๐๒๐๐", "20 มิถุนายน 2553",
        "เรื่อง ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการพลังชุมชน"]
BODY = ["ตามที่ กรมการพัฒนาชุมชน กรมส่งเสริมการปกครองท้องถิ่น ได้ลงนามบันทึกความร่วมมือ",
        "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ใจดี)", "อธิบดีกรมการพัฒนาชุมชน"]


def letter(lines):
    return extract_letter(list(enumerate(lines, 1)))


@pytest.mark.parametrize("label", ["สิงที่ส่งมาดั     วย", "สิ่งที่ส่งมาด้     วย"])
def test_an_enclosures_label_split_inside_its_last_word_is_the_label(label):
    L = letter(HEAD + ["เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                       f"{label} 1. รายชื่อตำบลเป้าหมาย      . จำนวน 2 แผ่น",
                       "2. แบบสำรวจข้อมูลหมู่บ้าน       จำนวน 1 ชุด"] + BODY)
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("รายชื่อตำบลเป้าหมาย", "2 แผ่น"),
                                                                ("แบบสำรวจข้อมูลหมู่บ้าน", "1 ชุด")]
    assert L.body_lines[0] == 8


def test_an_enclosures_label_a_stamp_left_in_two_pieces_with_the_count_after_it():
    L = letter(HEAD + ["เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                       "สงทสง     าด้วย แบบรายงานผลการดำเนินงาน           จำนวน 1 แผ่น"] + BODY)
    assert [(e["title"], e["count"]) for e in L.enclosures] == [("แบบรายงานผลการดำเนินงาน", "1 แผ่น")]
    assert L.body_lines[0] == 7


def test_pieces_without_a_count_after_them_are_not_taken_for_the_enclosures_label():
    L = letter(HEAD + ["เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                       "สงทสง     าด้วย แบบรายงานผลการดำเนินงาน"] + BODY)
    assert L.enclosures == []


def test_specks_read_as_marks_and_figures_before_an_addressee_whose_label_was_lost():
    L = letter(HEAD + ["๊๖7     ผู้ว่าราชการจังหวัด ทุกจังหวัด",
                       "สิ่งที่ส่งมาด้วย แบบรายงานผลการดำเนินงาน           จำนวน 1 แผ่น"] + BODY)
    assert (L.addressee, L.subject) == ("ผู้ว่าราชการจังหวัด ทุกจังหวัด", "ขอเชิญประชุมคณะทำงานขับเคลื่อนโครงการพลังชุมชน")
    assert L.body_lines[0] == 7
