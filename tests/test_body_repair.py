"""The body repairs of OCR damage, one class each (issue #16): marks OCR dropped restored
from the dictionary, known names and places, and what must be left alone.  Each case
gives the exact text out and the rule recorded for it."""
from __future__ import annotations

import pytest

from build_tools.ingest.word_check import check_line, suggest
from build_tools.normalization import mark_words
from build_tools.normalization.rules import normalize_text
from build_tools.normalization.rules.base import Context
from build_tools.normalization.rules.names import restore_places


@pytest.mark.parametrize("raw, fixed", [
    ("กรมส่งเสริมการปกครองท้องถิน", "กรมส่งเสริมการปกครองท้องถิ่น"),  # tone mark dropped
    ("หนังสือดวนที่สุด", "หนังสือด่วนที่สุด"),  # ด่วน, not วน (a letter deleted)
    ("ให้ทัวถึงกัน", "ให้ทั่วถึงกัน"),
    ("เพือให้ทราบ", "เพื่อให้ทราบ"),
    ("ไมสามารถ", "ไม่สามารถ"),  # two letters: ไม่ is far commoner than ไม้
    ("ผูใหญบ้าน", "ผู้ใหญ่บ้าน"),  # two marks on a five-letter word
])
def test_dropped_marks_are_restored_and_recorded(raw, fixed):
    out, ctx = normalize_text(raw)
    assert out == fixed
    assert [c.rule for c in ctx.changes] == ["restore_dropped_marks"]
    assert ctx.flags == []


@pytest.mark.parametrize("raw, fixed", [
    # a damaged word the segmenter cut into two words that happen to exist (seed 49 L03's body)
    ("เกิดผลอย่างยังยืน ตามยุทธศาสตร์", "เกิดผลอย่างยั่งยืน ตามยุทธศาสตร์"),
    ("ในทุกขันตอน ตังแต่การวางแผน", "ในทุกขั้นตอน ตั้งแต่การวางแผน"),
    ("ประชุมชีแจงแนวทาง", "ประชุมชี้แจงแนวทาง"), ("ในพื้นทีพิจารณา", "ในพื้นที่พิจารณา"),
    ("ร่วมดำเนินการ ดังนี่", "ร่วมดำเนินการ ดังนี้"),  # a tone mark read as its look-alike
])
def test_a_word_whose_dropped_mark_left_two_words_is_restored(raw, fixed):
    out, ctx = normalize_text(raw)
    assert out == fixed
    assert {c.rule for c in ctx.changes} == {"restore_dropped_marks"}


@pytest.mark.parametrize("raw, fixed", [
    # a damaged word the segmenter cut into three or four pieces, the unknown one last
    ("คณะทำงานขับเคลือนโครงการ", "คณะทำงานขับเคลื่อนโครงการ"),  # ขับ|เค|ลือ|น
    ("แนวทางการขับเคลือน ในพื้นที่", "แนวทางการขับเคลื่อน ในพื้นที่"),
])
def test_a_damaged_word_cut_into_several_pieces_is_restored_whole(raw, fixed):
    out, ctx = normalize_text(raw)
    assert out == fixed
    assert [c.rule for c in ctx.changes] == ["restore_dropped_marks"]


@pytest.mark.parametrize("raw, fixed", [
    # a dropped tone mark that left a word the dictionary knows but text hardly uses
    ("เมือวันที่ ๕ ธันวาคม ๒๕๕๒", "เมื่อวันที่ ๕ ธันวาคม ๒๕๕๒"),  # เมือ 180 against เมื่อ 90,185
    ("โครงการซึงได้รับการคัดเลือก", "โครงการซึ่งได้รับการคัดเลือก"),
    ("อำเภอตองรายงานผล", "อำเภอต้องรายงานผล"),
    ("ภายในวันที ๑๕ มกราคม", "ภายในวันที่ ๑๕ มกราคม"),  # วันที: a dictionary word, never in the TNC
    ("ในดานการพัฒนา เชน การฝึกอบรม", "ในด้านการพัฒนา เช่น การฝึกอบรม"),
])
def test_a_rare_word_a_dropped_tone_mark_left_is_the_common_word(raw, fixed):
    out, ctx = normalize_text(raw)
    assert out == fixed
    assert {c.rule for c in ctx.changes} == {"restore_dropped_marks"}


@pytest.mark.parametrize("raw, fixed", [
    # a speck read as a mark on one of the commonest words (a mark too many, ำ for า)
    ("โค่รงการพลังชุมชน", "โครงการพลังชุมชน"), ("ขอุให้ดำเนินกำร", "ขอให้ดำเนินการ"),
    ("ความเหมาะส่ม", "ความเหมาะสม"), ("ถื่อปฏิบัติ", "ถือปฏิบัติ"),
])
def test_a_speck_read_as_a_mark_on_a_common_word_is_taken_away(raw, fixed):
    out, ctx = normalize_text(raw)
    assert out == fixed
    assert [c.rule for c in ctx.changes] == ["restore_dropped_marks"]
    assert "read from a speck" in ctx.changes[0].reason


@pytest.mark.parametrize("text", [
    "ผ้าห่มหนาดี",  # หนา is used in its own right (2,358 against หน้า 44,132)
    "สร้างฝายชะลอน้ำ",  # ฝาย, a weir: 185 against ฝ่าย 24,780, too common to be damage
    "โครงการเลี้ยงกบ",  # กบ -> กับ would restore a vowel sign, not a tone mark
    "ขอให้ขืนทะเบียน",  # ขืน -> ขึ้น: a vowel sign swapped as well as a tone mark dropped
    "นายเรือง ใจดี",  # a person's name after a title, not เรื่อง
])
def test_a_rare_word_used_in_its_own_right_is_left_alone(text):
    out, ctx = normalize_text(text)
    assert out == text and ctx.changes == []


@pytest.mark.parametrize("text", [
    "ตำบลเสือโก้ก",  # a mark printed is never taken away (โกก is a word, โก้ก a place)
    "สวนาทประเทา",  # garbled all round: a word restored here would be a guess
    "นายสมชาย ใจดี",  # words the dictionary knows
    "ตามทีเห็นสมควร",  # ตามที and เห็นสมควร are words; ตามที่เห็นสมควร, a compound text hardly uses, is no reading
    "เขาเป็นคนดี", "มาถึงทีนี่",  # two words that make no common word with a mark restored
])
def test_what_is_not_a_dropped_mark_is_left_alone(text):
    out, ctx = normalize_text(text)
    assert out == text and ctx.changes == []


def test_an_ambiguous_reading_stays_a_suggestion():
    # วานลลา is วานิลลา or วานิลล่า (not วาน + ลีลา): left as printed, and the review's
    # word check suggests the commoner reading
    out, ctx = normalize_text("ไอศกรีมรสวานลลา")
    assert out == "ไอศกรีมรสวานลลา" and ctx.changes == []
    assert mark_words.readings("วานลลา") == ["วานิลลา", "วานิลล่า"]
    assert suggest("วานลลา") == "วานิลลา"


def test_readings_prefer_restoring_marks_to_changing_letters():
    assert mark_words.readings("ดวน") == ["ด่วน", "ด้วน"]
    assert mark_words.choose(["ด่วน", "ด้วน"]) == "ด่วน"  # 1,353 against 143 in the TNC
    assert mark_words.readings("ขอุ") == []  # a mark too many is not restored here
    assert mark_words.damage("ถิน", "ถิ่น") == (1, 0, 0)
    assert mark_words.damage("ผูใหญ", "ผู้ใหญ่") == (2, 0, 0)
    assert mark_words.damage("ดีด", "ดิด") == (0, 1, 0)
    assert mark_words.damage("ดวน", "วน") is None


@pytest.mark.parametrize("wrong, right", [("ดวน", "ด่วน"), ("ถิน", "ถิ่น"), ("ทัว", "ทั่ว"), ("นี", "นี้")])
def test_review_suggestions_restore_marks_before_changing_letters(wrong, right):
    assert suggest(wrong) == right  # PyThaiNLP's speller said วน, สิน, ตัว, ที


def test_one_letter_is_restored_in_a_suggestion_only():
    # a one-letter word's marks are a hint for the reviewer, never a repair of the text
    assert mark_words.readings("นี") == [] and mark_words.readings("นี", shortest=1) == ["นี้", "นี่", "นิ"]


def test_known_names_and_places_are_restored_and_recorded():
    ctx = Context(known_names=("กรมการพัฒนาชุมชน",), restore_places=True)
    out, ctx = normalize_text("กรมการพัฒนาซุมชน จ.ขอนแกน", ctx=ctx)
    assert out == "กรมการพัฒนาชุมชน จ.ขอนแก่น"
    assert [c.rule for c in ctx.changes] == ["restore_known_names"]


def test_the_confirming_pass_skips_lines_a_rule_left_as_they_were(monkeypatch):
    # A repair makes the chain run a second, confirming pass; the known-names rule looks
    # again only at the line it changed (new text), not at the ones it left alone.
    from build_tools.normalization.rules import names

    seen = []
    real = names.restore_line
    monkeypatch.setattr(names, "restore_line", lambda text, known: seen.append(text) or real(text, known))
    out, ctx = normalize_text("ตามที่กรมการพัฒนาซุมชน ได้ส่งหนังสือ\n\nเรื่อง ขอเชิญประชุม",
                              ctx=Context(known_names=("กรมการพัฒนาชุมชน",)))
    assert out == "ตามที่กรมการพัฒนาชุมชน ได้ส่งหนังสือ\n\nเรื่อง ขอเชิญประชุม"
    assert seen == ["ตามที่กรมการพัฒนาซุมชน ได้ส่งหนังสือ", "", "เรื่อง ขอเชิญประชุม",
                    "ตามที่กรมการพัฒนาชุมชน ได้ส่งหนังสือ"]


NAMES = ("กรมการพัฒนาชุมชน", "นายกองค์การบริหารส่วนตำบล", "กรมส่งเสริมการปกครองท้องถิ่น")


@pytest.mark.parametrize("raw, fixed", [
    ("เรียน นำยุกฮงค์การบริหารส่วนต้าบลโคกงาม", "เรียน นายกองค์การบริหารส่วนตำบลโคกงาม"),  # ฮ for อ, ำ for า, marks
    ("ตามที่กรมส่งเสริมการปกครฮงท้องถิน", "ตามที่กรมส่งเสริมการปกครองท้องถิ่น"),
])
def test_a_long_name_is_restored_through_more_damage_than_a_short_one(raw, fixed):
    out, ctx = normalize_text(raw, ctx=Context(known_names=NAMES))
    assert out == fixed
    assert "restore_known_names" in [c.rule for c in ctx.changes]


def test_damage_beyond_the_share_a_name_allows_is_left_alone():
    # กรมการพัฒนาชุมชน (14 letters) allows three look-alike letters, not four
    ctx = Context(known_names=NAMES)
    assert normalize_text("กรฆการพัฒนาซุมซน", ctx=ctx)[0] == "กรมการพัฒนาชุมชน"
    assert normalize_text("กรฆการพัฒนาซุมซม", ctx=Context(known_names=NAMES))[0] == "กรฆการพัฒนาซุมซม"


@pytest.mark.parametrize("raw, fixed", [
    ("พัฒนาการจังหวัดเชียงไห", "พัฒนาการจังหวัดเชียงใหม่"),  # ม่ lost, ใ read as ไ
    ("ผู้ว่าราชการจังหวัดนครราชสีม", "ผู้ว่าราชการจังหวัดนครราชสีมา"),
    ("จังหวัดสุพรรณบุร", "จังหวัดสุพรรณบุรี"),
    ("จังหวัดเชียง", "จังหวัดเชียง"),  # too short to tell เชียงใหม่ from เชียงราย
    ("อำเภอบ้านไ", "อำเภอบ้านไ"),  # only a province: districts and subdistricts are too many
])
def test_a_province_whose_last_letter_ocr_lost_is_restored(raw, fixed):
    assert restore_places(raw)[0] == fixed


@pytest.mark.parametrize("text", ["ลงวันที่ ๑๒ ต.ค. ๒๕๕๒", "ประชุม อ.ส.ม. ทุกคน", "ภายใน จ.ค. นี้"])
def test_an_abbreviation_after_a_place_word_is_no_place(text):
    # ต.ค. is ตุลาคม, not ตำบล ค. (it was "restored" to the subdistrict คู)
    assert restore_places(text) == (text, [], [])


# --- OCR specks read as punctuation (normalization/rules/specks.py) ----------------------

@pytest.mark.parametrize("raw, fixed", [
    ("ให้หน่วยงานที่เกี่ยวข้องทราบ. และถือปฏิบัติ", "ให้หน่วยงานที่เกี่ยวข้องทราบ และถือปฏิบัติ"),  # a dot after a word
    (".ภายในวันที่ ๑๒ ม.ค. ๒๕๕๓", "ภายในวันที่ ๑๒ ม.ค. ๒๕๕๓"),  # before a line's first word
    ("ติดตามและรายงานผล 'มีนาคม .๒๕๕๓", "ติดตามและรายงานผล มีนาคม ๒๕๕๓"),  # an apostrophe, a dot before a figure
    ("ให้ประชาชนทราบและ เข้าร่วม . กิจกรรม", "ให้ประชาชนทราบและ เข้าร่วม  กิจกรรม"),  # alone between spaces
    ("เข้าร่วมกิจกรรมอย่างทั่วถึง '|", "เข้าร่วมกิจกรรมอย่างทั่วถึง "),  # a bar and a quote at the end
    ("ขอความร่วมมือดำเนินการ ดังนี้ :", "ขอความร่วมมือดำเนินการ ดังนี้ "),
    ("ในวันและเวลาราชการ;", "ในวันและเวลาราชการ"),
])
def test_specks_read_as_punctuation_are_removed_and_recorded(raw, fixed):
    out, ctx = normalize_text(raw)
    assert out.rstrip() == fixed.rstrip()
    assert "remove_specks" in [c.rule for c in ctx.changes]
    (change,) = [c for c in ctx.changes if c.rule == "remove_specks"]
    assert change.reason == "OCR specks read as punctuation Thai prose does not print there"


@pytest.mark.parametrize("text", [
    "ที่ สอบต. ๐๕๘/๒๕๕๓",  # an abbreviation's dot
    "ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐",  # a short abbreviation that is also a word
    "สำนักงาน ป.ป.ส. ได้รับแจ้ง",
    "ประกาศ ณ วันที่ ๒๗ กรกฎาคม พ.ศ. ๒๕๕๓",
    "โทรสาร. 0-2243-1812",  # a label's dot before a figure
    "งบประมาณตาม...",  # an ellipsis
    "เวลา 13.00 น.",
    "1 . จึงเรียนมาเพื่อโปรดพิจารณา",  # an item's number, its dot apart
    "| สิ่งที่ส่งมาด้วย | ๑. เอกสารโครงการ | จำนวน ๑ เล่ม |",  # a table row
    "- รายการแรก",  # a list marker
    "ดูที่ www.dla.go.th",
    'โครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม"',  # quotes Thai prints
])
def test_punctuation_thai_prints_is_left_as_printed(text):
    out, ctx = normalize_text(text)
    assert out == text
    assert "remove_specks" not in [c.rule for c in ctx.changes]


@pytest.mark.parametrize("line, wrong, suggestion", [
    ("เขตดุสิต กทม์ 10300", "กทม์", "กทม"),  # Bangkok's abbreviation (the speller gave กม)
    ("ตามหนังสือ ยธ์ ลงวันที่", "ยธ์", "ยธ"),  # a letter code (the speller gave ย่า)
    ("ส่งให้ ขก่ แล้ว", "ขก่", "ขก"),
])
def test_a_code_with_a_speck_read_as_a_mark_on_its_last_letter_is_suggested_without_it(line, wrong, suggestion):
    from build_tools.sources.letter_codes import LetterCodes

    codes = LetterCodes(ministries={"ยธ": {}}, provinces={"ขก": "ขอนแก่น"}).letters()
    flags = [(f.wrong, f.suggestion) for f in check_line(line, 1, (), codes) if f.kind == "unknown_word"]
    assert flags == [(wrong, suggestion)]


@pytest.mark.parametrize("line", [
    "๒. หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๗.๒/ว ๙๓๑ ลงวันที่",  # a cited number
    "ที่ขก 0017.2/ว 931",  # glued to ที่, Arabic digits
    "ตามหนังสือ ยธ. ๐๕๐๑/๑๒๓",  # a ministry's, with its dot
])
def test_a_letter_code_before_a_number_is_not_an_unknown_word(line):
    from build_tools.sources.letter_codes import LetterCodes

    codes = LetterCodes(ministries={"ยธ": {}}, provinces={"ขก": "ขอนแก่น"}).letters()
    assert [f.wrong for f in check_line(line, 1, (), codes) if f.kind == "unknown_word"] == []


def test_a_letter_code_is_checked_as_text_where_no_number_follows_it():
    # the same two letters in running text are no number's code: still flagged
    from build_tools.sources.letter_codes import LetterCodes

    codes = LetterCodes(ministries={}, provinces={"ขก": "ขอนแก่น"}).letters()
    assert "ขก" in [f.wrong for f in check_line("ขก ขอความร่วมมือ", 1, (), codes) if f.kind == "unknown_word"]


def test_a_mark_inside_a_word_is_left_to_the_speller():
    # only a mark on the last letter is a speck's: อิ้ม is ยิ้ม misread, not อม with specks
    assert [(f.wrong, f.suggestion) for f in check_line("สยามเมืองอิ้ม", 1)] == [("อิ้ม", "ยิ้ม")]


def test_a_word_unknown_twice_on_a_line_is_flagged_once():
    flags = check_line("ขอความร่ วมมือ และความร่ วมมือ", 4)  # (the two would share one id in the report)
    assert [f.wrong for f in flags] == ["ร่", "วม"]
