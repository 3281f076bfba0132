"""Debris around a signatory's name (seed 51; seeds 45 and 48 held out): figures or signs a
stamp or a hand glued before the title (`(แส6นายธีระ ...`, its opening bracket lost or
not) are no part of the name, while a rank before it stays (ร.ต., ว่าที่ร้อยตรี); a
closing bracket read twice with figures after it (`(นายวีระพงษ์ ทองมา)] 2 7 0`) still
closes the name."""
import pytest

from build_tools.ingest.letter import extract_letter

HEAD = ["ที่ มท 0810.2/1067                    กรมส่งเสริมการปกครองท้องถิ่น",
        "ถนนนครราชสีมา เขตดุสิต กทม. 10300", "10 มีนาคม 2553", "เรื่อง ขอความร่วมมือสนับสนุนการดำเนินงาน",
        "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
        "          ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับแจ้งว่าการดำเนินงานโครงการมีความก้าวหน้า",
        "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ"]
POSITION = "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"


def _signatory(name_line: str):
    L = extract_letter(list(enumerate(HEAD + [name_line, POSITION], 1)))
    return L.signatory and (L.signatory["name"], L.signatory["position"])


@pytest.mark.parametrize("line, name", [
    (". แส6นายธีระ สุวรรณรัตน์)", "นายธีระ สุวรรณรัตน์"),  # its opening bracket lost
    ("(แส6นายธีระ สุวรรณรัตน์)", "นายธีระ สุวรรณรัตน์"),
    ("(.:นางสาวพรทิพย์ วงศ์ใหญ่)", "นางสาวพรทิพย์ วงศ์ใหญ่"),
    ("(ร.ต.นายสมชาย ใจดี)", "ร.ต.นายสมชาย ใจดี"),  # a rank is part of the name
    ("(ว่าที่ร้อยตรีนายสมชาย ใจดี)", "ว่าที่ร้อยตรีนายสมชาย ใจดี"),
    ("อ        (นายวีระพงษ์ ทองมา)] 2 7 0", "นายวีระพงษ์ ทองมา"),  # a bracket read twice, figures after
])
def test_debris_before_the_title_or_after_the_bracket_is_no_part_of_the_name(line, name):
    assert _signatory(line) == (name, POSITION)
