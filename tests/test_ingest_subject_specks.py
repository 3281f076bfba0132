"""A subject wrapping onto a line with specks apart on it (seeds 39, 43 and 45 from the OCR
text): a speck before the wrapped part, far left (`'      "สยามเมืองยิ้ม" ระดับกรม`: an
order's subject, centred), ended the header there and put the wrapped part in the body; a
speck or a figure far right of it (`องค์การบริหารส่วนตําบล   !    2`) was taken into it."""
import pytest

from build_tools.ingest.letter import extract_letter

ORDER = ["คําสั่งกรมการพัฒนาชุมชน", "", "ที่ ๕๒๐/๒๕๕๓",
         "เรื่อง แต่งตั้งคณะทํางานขับเคลื่อนโครงการพลังชุมชน พลังสร้างสรรค์", None, "",
         "ตามที่ กรมการพัฒนาชุมชน กรมส่งเสริมการปกครองท้องถิ่น",
         "สํานักงาน ป.ป.ส. และสมาคมองค์การบริหารส่วนตําบลแห่งประเทศไทย ได้ลงนามบันทึกความร่วมมือ"]
WANT = 'แต่งตั้งคณะทำงานขับเคลื่อนโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม" ระดับกรม'


@pytest.mark.parametrize("wrapped", ['                      "สยามเมืองยิ้ม" ระดับกรม',
                                     '\'                      "สยามเมืองยิ้ม" ระดับกรม',
                                     ':          "สยามเมืองยิ้ม" ระดับกรม',
                                     '.,       "สยามเมืองยิ้ม" ระดับกรม      .'])
def test_a_speck_before_a_wrapped_subject_does_not_end_the_header(wrapped):
    L = extract_letter(list(enumerate([wrapped if line is None else line for line in ORDER], 1)))
    assert L.subject == WANT
    assert L.body_lines[0] == 7


@pytest.mark.parametrize("specks", ["!         2", "'", "๓", ".:"])
def test_specks_right_of_a_wrapped_subject_are_not_the_subject(specks):
    lines = ["ที่ มท ๐๔๐๔.๑/ว ๓๒๑๓                   กระทรวงมหาดไทย", "ถนนอัษฎางค์ กทม. ๑๐๒๐๐",
             "๑ กรกฎาคม ๒๕๕๓", "เรื่อง การจัดเวทีแลกเปลี่ยนเรียนรู้ของผู้นำชุมชนและ",
             f".        องค์การบริหารส่วนตำบล   {specks}", "เรียน เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด",
             "ตามที่ กรมการพัฒนาชุมชน กรมส่งเสริมการปกครองท้องถิ่น ได้ลงนามบันทึกความร่วมมือ"]
    L = extract_letter(list(enumerate(lines, 1)))
    assert L.subject == "การจัดเวทีแลกเปลี่ยนเรียนรู้ของผู้นำชุมชนและองค์การบริหารส่วนตำบล"
