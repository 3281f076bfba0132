"""A reference whose continued line carries a stamp's figures and specks after a wide gap
(`ลงวันที่ 6 สิงหาคม 2552      2: 0  ' |`, seed 51): the piece is debris, not a second
citation whose item number is the `2:` in it; a citation that names no letter but has
words stays a reference."""
import pytest

from build_tools.ingest.letter import extract_letter

OPENING = ["ที่ มท 0810.2/1067                    กรมส่งเสริมการปกครองท้องถิ่น",
           "ถนนนครราชสีมา เขตดุสิต กทม. 10300", "10 มีนาคม 2553",
           "เรื่อง ขอความร่วมมือสนับสนุนการดำเนินงานตามบันทึกความร่วมมือ", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"]
REST = ["สิ่งที่ส่งมาด้วย 1. แนวทางการขยายผลโครงการ จำนวน 3 ฉบับ",
        "          ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับแจ้งว่าการดำเนินงานโครงการมีความก้าวหน้า",
        "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายสมชาย ศรีสุข)", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]


def _references(lines):
    L = extract_letter(list(enumerate(OPENING + lines + REST, 1)))
    return [(r["number"], r["date"]) for r in L.references if r["via"] == "อ้างถึง"]


@pytest.mark.parametrize("debris", ["2: 0  ' |", "2. 0 |", "3: ๑๒ '", "2) 7 .,"])
def test_figures_and_specks_after_a_references_line_are_not_a_second_citation(debris):
    assert _references(["อ้างถึง หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท ๐๔๐๔.๒/๔๙๐๐",
                        f"ลงวันที่ 6 สิงหาคม 2552          {debris}"]) == [("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06")]


def test_a_second_citation_with_words_but_no_number_stays_a_reference():
    assert _references(["อ้างถึง 1. หนังสือกระทรวงมหาดไทย ที่ มท ๐๔๐๔.๒/๔๙๐๐ ลงวันที่ 6 สิงหาคม 2552",
                        "2. การประชุมคณะกรรมการ ลงวันที่ 8 กันยายน 2552"]) == [
        ("มท ๐๔๐๔.๒/๔๙๐๐", "2009-08-06"), (None, "2009-09-08")]
