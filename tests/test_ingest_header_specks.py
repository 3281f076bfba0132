"""Header rows OCR spoiled around their text (seeds 39, 43, 45 and 46).  A subject wrapping
onto a line with specks apart on it: a speck before the wrapped part, far left (`'
"สยามเมืองยิ้ม" ระดับกรม`: an order's subject, centred), ended the header there and put the
wrapped part in the body; a speck or a figure far right of it (`องค์การบริหารส่วนตําบล   !
2`) was taken into it.  A label whose first letters OCR garbled (`. เย้้างถึง ๑. หนังสือ...`)
put both citations into the body."""
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


# --- a label whose first letters OCR garbled (seed 46 L05 from the scan) ---------------------------

HEAD = ["ที่ ยธ ๐๖๐๔.๓/ว ๑๑๘๑             สำนักงาน ป.ป.ส.", "๕ ถนนดินแดง เขตพญาไท กทม. ๑๐๔๐๐", "๑๔ กรกฎาคม ๒๕๕๓",
        "เรื่อง การติดตามและประเมินผลโครงการ", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"]
REST = ["ด้วยสำนักงาน ป.ป.ส. ได้รับแจ้งว่าการดำเนินงานโครงการมีความก้าวหน้าเป็นลำดับ",
        "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ", "(นายประเสริฐ บุญมี)", "เลขาธิการ ป.ป.ส."]


@pytest.mark.parametrize("label", [". เย้้างถึง", "ฮ้างถึง", "ย้างถึง", "อ้างถึง"])
def test_a_references_label_whose_first_letters_ocr_garbled_is_still_the_label(label):
    L = extract_letter(list(enumerate(HEAD + [f"{label} ๑. หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๓/ว",
                                              "๓๖๒๒ ลงวันที่ ๒๘ มิ.ย. ๕๓",
                                              "๒. หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๓/ว ๑๐๔๕ ลงวันที่ ๔ ก.ค. ๕๓"]
                                  + REST, 1)))
    assert [r["number"] for r in L.references] == ["มท ๐๘๑๐.๓/ว ๓๖๒๒", "มท ๐๘๑๐.๓/ว ๑๐๔๕"]
    assert L.body_lines[0] == 9


def test_a_body_line_whose_word_ends_like_the_label_is_not_taken_for_it():
    # (the tail of อ้างถึง after letters, citing no letter: the body's first line)
    L = extract_letter(list(enumerate(HEAD + ["ข้างถึง ความร่วมมือของทุกหน่วยงานในพื้นที่"] + REST, 1)))
    assert L.references == []
