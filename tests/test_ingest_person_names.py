"""A signatory's name (title, given name, family name) damaged by OCR is restored from the
Thai names PyThaiNLP ships, recorded like every repair; a name in the lists, a short one,
one that fits two names about as well, or one without นาย/นาง/นางสาว is left as read.
Seen on the letter sets of seeds 16-35 (benchmarks/ingest_rescore.py): marks dropped or
added (`น่ายชาตรี พร่หมวงค์`, `นางริชนี มิสุข`), look-alike letters (`ครีสุข`,
`นายประเสวิฐ`), a space inside a family name (`สุ วรรณรัตน์`), specks between the parts
(`นายสมชาย-: ครีสุข`).  The names below include others than those sets print."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.person_names import read_person_name
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")


@pytest.mark.parametrize("read, restored", [
    ("น่ายชาตรี พร่หมวงค์", "นายชาตรี พรหมวงศ์"),  # marks added, ศ read as ค
    ("นางสุนันท่า ทองค่ำ", "นางสุนันทา ทองคำ"),  # marks added
    ("นางมะลิวัลย ทองดี", "นางมะลิวัลย์ ทองดี"),  # thanthakhat lost
    ("นางสาวกาญจนา ศรีสุซ", "นางสาวกาญจนา ศรีสุข"),  # ข read as ซ
    ("นายสมชาย ครีสุข", "นายสมชาย ศรีสุข"),  # a look-alike letter
    ("นายประเสวิฐ บุญมี", "นายประเสริฐ บุญมี"),  # ร read as ว
    ("นายสมข้าย ศรีสุข", "นายสมชาย ศรีสุข"),  # ช read as ข, a mark added
    ("น้ายธีระ สุ วรรณรัตน์", "นายธีระ สุวรรณรัตน์"),  # a space inside the family name
    ("นายสมชาย-: ครีสุข", "นายสมชาย ศรีสุข"),  # specks glued to the given name
    ("นางวันเพ็ญ์ - จันทร์หอม", "นางวันเพ็ญ จันทร์หอม"),  # a speck between the parts
    ("นางลาวกาญจนา แลงทอง", "นางสาวกาญจนา แสงทอง"),  # the title's ส read as ล
    ("นายอำนวย บุญประเสรีฐ", "นายอำนวย บุญประเสริฐ"),  # a mark swapped
    ("นางมาลี สุขสวัสดิ", "นางมาลี สุขสวัสดิ์"),  # thanthakhat lost
    ("นายวิระพงษ์ ทองมา", "นายวีระพงษ์ ทองมา"),  # วีระพงษ์ is closer than ธีระพงษ์ by a mark's damage
    ("นายประเ สริฐ บุ บุญมี", "นายประเสริฐ บุญมี"),  # a space inside the given name, a start read twice
    ("นายประเสริ ริฐ บุญมี", "นายประเสริฐ บุญมี"),  # a syllable read twice across a split
    ("นางสาวพรทิพย์ ย์ วงศ์ใหญ่", "นางสาวพรทิพย์ วงศ์ใหญ่"),  # an end read twice after the whole
    ("นางสาวกาญจนา แสง ทอง", "นางสาวกาญจนา แสงทอง"),
])
def test_a_name_ocr_damaged_is_restored_from_the_thai_names_lists(read, restored):
    assert read_person_name(read).name == restored


@pytest.mark.parametrize("read", [
    "นายสุนทร ทองดี",  # both in the lists
    "นางสาวสุนันทา ทองดำ",  # ทองดำ is in the list: never taken for ทองคำ, which it fits
    "นายวีระพงษ์ ทองมา",  # a family name in no list, fitting none: as read
    "นายสมชาย ศรี",  # too short to say (ศรี fits ติธิ as well)
    "นายจีระ สุวรรณรัตน์",  # จีระ (in no list) has three letters: left as read, though it fits จิระ
    "นางริชนี มิสุข",  # so is a damaged name of three letters (รัชนี, มีสุข)
    "นายสมชาย ณ อยุธยา",  # three parts no list joins: as read
])
def test_a_name_the_lists_do_not_show_damaged_is_left_as_read(read):
    assert read_person_name(read).name == read


@pytest.mark.parametrize("read, part, fits", [
    ("นางสุถาพร ใจดี", "สุถาพร", ("สถาพร", "สุภาพร")),
    ("นางสาวริชนีกร มีสุข", "ริชนีกร", ("รชนีกร", "รัชนีกร")),
])
def test_a_name_that_fits_two_names_about_as_well_is_left_and_both_are_given(read, part, fits):
    reading = read_person_name(read)
    assert reading.name == read
    assert reading.ambiguous == [(part, fits)]


@pytest.mark.parametrize("read", ["ว่าที่ร้อยตรีสมศักดิ์ ทองดี", "พลตำรวจตรีสมชาย ศรีสุข", "นายสมชาย", "", None])
def test_a_name_without_nai_nang_or_nangsao_or_without_a_family_name_is_not_read(read):
    assert read_person_name(read) is None


LETTER = ["ที่ มท 0810.4/ว 1180          กรมส่งเสริมการปกครองท้องถิ่น",
          "ถนนนครราชสีมา เขตดุสิต กทม. 10300", "2 กันยายน 2553",
          "เรื่อง การรายงานผลการดำเนินงาน", "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
          "ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้รับแจ้งว่าการดำเนินงานโครงการ",
          "จึงเรียนมาเพื่อโปรดทราบ", "ขอแสดงความนับถือ"]


def test_the_restored_name_is_recorded_as_a_repair():
    text = "\n".join(LETTER + ["(น่ายชาตรี พร่หมวงค์)", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert doc["signatory"]["name"] == "นายชาตรี พรหมวงศ์"
    assert {"field": "signatory.name", "rule": "restore_person_name", "before": "น่ายชาตรี พร่หมวงค์",
            "after": "นายชาตรี พรหมวงศ์"} in doc["repairs"]


def test_a_name_that_fits_two_is_flagged_with_both():
    text = "\n".join(LETTER + ["(นางสุถาพร ใจดี)", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert doc["signatory"]["name"] == "นางสุถาพร ใจดี"
    flag = next(f for f in doc["flags"] if f["kind"] == "name_suggestion")
    assert (flag["wrong"], flag["suggestion"]) == ("สุถาพร", "สถาพร")
    assert flag["message"] == "ชื่อผู้ลงนาม 'สุถาพร' อาจเป็น สถาพร หรือ สุภาพร (รายชื่อของ PyThaiNLP): ตรวจกับต้นฉบับ"
