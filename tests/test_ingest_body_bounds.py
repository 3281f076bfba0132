"""Where a letter's body starts and ends through OCR damage (issue #16), one class per
test, on small text fixtures: a body line whose indent OCR read as specks, a second
อ้างถึง that cites nothing, a label a wide gap cut in two, enclosure items whose number
was lost, a หนังสือประทับตรา whose ถึง was lost, the unit and contact lines at the foot
of a page whose closing and signature OCR lost."""
import pytest

from build_tools.ingest.letter import extract_letter, split_count


def letter(text: str):
    return extract_letter(list(enumerate(text.strip("\n").splitlines(), 1)))


HEAD = """ที่ มท ๐๔๑๐.๓/ว ๒๘๓๐           กรมการพัฒนาชุมชน
                                  ถนนราชดำเนินกลาง กทม. ๑๐๒๐๐
                                  ๑๑ สิงหาคม ๒๕๕๒
เรื่อง ขอความร่วมมือขยายผลโครงการ
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
"""
TAIL = """
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
อธิบดีกรมการพัฒนาชุมชน
"""


@pytest.mark.parametrize("specks", [".", "'", ":", ". ,"])
@pytest.mark.parametrize("field_lines", [
    "อ้างถึง ๑. หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๒/ว ๒๑๙๖\n. ๒๑๕๒ ลงวันที ๒๒๐ ส.ค. ๕๒",  # the date unreadable
    "สิ่งที่ส่งมาด้วย แบบรายงานผลการดำเนินงาน        จำนวน ๑ ชุด",
])
def test_a_body_line_whose_indent_ocr_read_as_specks_starts_the_body(specks, field_lines):
    text = HEAD + field_lines + f"\n{specks}       ด้วยกรมการพัฒนาชุมชนได้รับแจ้งว่าการดำเนินงาน\nมีความก้าวหน้าเป็นลำดับ\n" + TAIL
    L = letter(text)
    body_first = len(HEAD.splitlines()) + len(field_lines.splitlines()) + 1
    assert L.body_lines == (body_first, body_first + 1)
    assert len(L.references) + len(L.enclosures) == 1


def test_a_second_referring_label_that_cites_nothing_is_the_body():
    text = HEAD + ("อ้างถึง หนังสือกรมการพัฒนาชุมชน ที่ มท 0810.3/ว 2711 ลงวันที่ 17 พฤษภาคม 2553\n"
                   ":       อ้างถึงหนังสือที่ อ้างถึง ได้ แจ้งแนวทางการขับเคลื่อนโครงการ\nให้ทราบแล้ว นั้น\n") + TAIL
    L = letter(text)
    assert [r["number"] for r in L.references] == ["มท 0810.3/ว 2711"]
    assert L.body_lines == (7, 8)


def test_a_second_referring_label_with_a_citation_is_another_reference():
    text = HEAD + ("อ้างถึง หนังสือกรมการพัฒนาชุมชน ที่ มท 0810.3/ว 2711 ลงวันที่ 17 พฤษภาคม 2553\n"
                   "อ้างถึง หนังสือจังหวัดขอนแก่น ที่ ขก 0017.2/ว 3370 ลงวันที่ 30 เมษายน 2553\n"
                   "ด้วยกรมการพัฒนาชุมชนได้รับแจ้งว่า\n") + TAIL
    assert [r["number"] for r in letter(text).references] == ["มท 0810.3/ว 2711", "ขก 0017.2/ว 3370"]


@pytest.mark.parametrize("label", ["สิ่งที่ส่   ส่งมาด้วย", "สิ่งที่   ส่งมาด้วย", "สิ่ง   ที่ส่งมาด้วย"])
def test_a_label_a_wide_gap_cut_in_two_is_the_label(label):
    text = HEAD + (f"{label}  ๑. สำเนาบันทึกความร่วมมือ ๔ หน่วยงาน  จำนวน ๑ ฉบับ\n"
                   "๒. แบบรายงานผลการดำเนินงาน   จำนวน ๓ ฉบับ\nด้วยจังหวัดขอนแก่นได้รับแจ้งว่า\n") + TAIL
    L = letter(text)
    assert [(e["title"], e["count"]) for e in L.enclosures] == [
        ("สำเนาบันทึกความร่วมมือ ๔ หน่วยงาน", "๑ ฉบับ"), ("แบบรายงานผลการดำเนินงาน", "๓ ฉบับ")]
    assert L.body_lines == (8, 8)


@pytest.mark.parametrize("lost_number", ["ร", "วล", "", "."])
def test_an_enclosure_whose_item_number_ocr_lost_is_read_by_its_count_column(lost_number):
    text = HEAD + ("สิ่งที่ส่งมาด้วย 1. แบบรายงานผลการดำเนินงาน       จำนวน 1 แผ่น\n"
                   f"{lost_number} รายชื่อตำบลเป้าหมาย 0      จำนวน 2 ชุด\n"
                   "ด้วยกรมการพัฒนาชุมชนได้รับแจ้งว่า\n") + TAIL
    L = letter(text)
    assert [(e["no"], e["title"], e["count"]) for e in L.enclosures] == [
        (1, "แบบรายงานผลการดำเนินงาน", "1 แผ่น"), (2, "รายชื่อตำบลเป้าหมาย", "2 ชุด")]
    assert L.body_lines == (8, 8)


def test_a_count_is_read_through_a_speck_before_its_figure_or_its_unit():
    assert split_count("แบบสำรวจข้อมูลหมู่บ้าน   0 .จำนวน 3. ซชุด.") == ("แบบสำรวจข้อมูลหมู่บ้าน   0", "3 ชุด")


STAMPED = """ที มท 0810.2/ว 692  กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. 10300
๐๑ *     ผู้ว่าราชการจังหวัด ทุกจังหวัด
ร=.
ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้แจ้งแนวทางการขับเคลื่อนโครงการ
ขอให้รายงานผลการดำเนินงาน ภายในวันที่
11 ธ.ค. 2552
กรมส่งเสริมการปกครองท้องถิ่น
{date}
สำนักพัฒนาและส่งเสริมการบริหารงานท้องถิ่น
โทร. 0-2241-9000 ต่อ 2202
"""


def test_a_stamped_letter_whose_addressee_label_ocr_lost_is_read_by_its_form():
    L = letter(STAMPED.format(date="8 พฤศจิกายน 2552"))
    assert (L.form, L.addressee, L.date, L.body_lines) == ("stamped", "ผู้ว่าราชการจังหวัด ทุกจังหวัด", "2009-11-08", (5, 7))
    (f,) = [f for f in L.flags if f.kind == "unlabelled"]
    assert (f.line, f.wrong) == (3, "addressee")
    assert f.message == ("ไม่พบคำว่า 'ถึง': ใช้บรรทัดใต้เลขที่และที่อยู่ของส่วนราชการเป็นผู้รับตามแบบหนังสือประทับตรา "
                         "ตรวจกับต้นฉบับ")


def test_an_unreadable_date_under_the_seal_is_flagged_not_replaced_by_a_deadline_in_the_body():
    L = letter(STAMPED.format(date="8 หฤก 2552"))
    assert (L.form, L.date, L.body_lines) == ("stamped", None, (5, 7))
    (f,) = [f for f in L.flags if f.kind == "date_invalid"]
    assert (f.line, f.wrong, f.message) == (9, "8 หฤก 2552", "อ่านวันที่ใต้ชื่อส่วนราชการ '8 หฤก 2552' ไม่ได้: ตรวจกับต้นฉบับ")


def test_an_external_letter_is_not_taken_for_a_stamped_one():
    L = letter(HEAD + "ด้วยกรมการพัฒนาชุมชนได้รับแจ้งว่า\n" + TAIL)
    assert L.form == "external"


@pytest.mark.parametrize("foot", [
    "สำนักพัฒนาและส่งเสริมการบริหาร\nโทร. 0-2241-9000 ต่อ 250\n",
    ".สำนักพัฒนาและส่งเสริมการบริหาร.\nโทร. 0-2241-9000 ต่อ 250\nโทรสาร 0-2241-9001\n",
    "โทร. 0-2241-9000\n",
])
def test_the_unit_and_contact_lines_are_not_body_when_the_closing_and_signature_were_lost(foot):
    text = HEAD + "ด้วยกรมการพัฒนาชุมชนได้รับแจ้งว่า\nจึงเรียนมาเพื่อโปรดพิจารณา\nล\n" + foot
    assert letter(text).body_lines == (6, 7)
