"""A signatory's position names the issuing office's own place (a governor signs for his
province, a district chief for his district): a place there that OCR damaged more than the
gazetteer's restoration allows (restore_places: one name of the same skeleton) is restored
to the issuer's own place when it is close to it, and recorded like every repair.  Seen on
the letter sets of seeds 17, 30, 31 and 32 (benchmarks/ingest_eval.py): `เชียงเหม่`,
`เชีเชี่ยงใหม่`, `บ้านไ`, `บ้าน ผ่`."""
import pytest
from conftest import ROOT

from build_tools.ingest.analyze import Env, analyze
from build_tools.normalization.rules.names import restore_own_place
from build_tools.sources.corpus import load_corpus

CORPUS = load_corpus(ROOT / "corpus")
TITLES = tuple(CORPUS.names["positions"])
CM = {"province": "เชียงใหม่"}
BANPHAI = {"province": "ขอนแก่น", "district": "บ้านไผ่"}


@pytest.mark.parametrize("read, places, restored", [
    ("พัฒนาการจังหวัดเชียงเหม่", CM, "พัฒนาการจังหวัดเชียงใหม่"),  # ใ read as เ
    ("พัฒนาการจังหวัดเชีเชี่ยงใหม่", CM, "พัฒนาการจังหวัดเชียงใหม่"),  # a syllable read twice
    ("นายอำเภอบ้านไ", BANPHAI, "นายอำเภอบ้านไผ่"),  # its end lost
    ("นายอำเภอบ้าน ผ่", BANPHAI, "นายอำเภอบ้านไผ่"),  # a vowel lost, a space put in
    ("ผู้ว่าราชการจังหวัดขอนแก่น", BANPHAI, "ผู้ว่าราชการจังหวัดขอนแก่น"),  # as printed
    ("ผู้ว่าราชการจังหวัดขา", BANPHAI, "ผู้ว่าราชการจังหวัดขา"),  # too little left to say it is ขอนแก่น
    ("พัฒนาการจังหวัดลำปาง", CM, "พัฒนาการจังหวัดลำปาง"),  # another place, whole: as read
    ("นายอำเภอบ้านไ", {"province": "ขอนแก่น"}, "นายอำเภอบ้านไ"),  # the issuer's district unknown
    ("ปลัดกระทรวงมหาดไทย", CM, "ปลัดกระทรวงมหาดไทย"),  # no place in the title
])
def test_a_positions_place_ocr_damaged_is_restored_to_the_issuers_own_place_when_close(read, places, restored):
    assert restore_own_place(read, TITLES, places)[0] == restored


def test_the_restored_place_is_recorded_as_a_repair():
    text = "\n".join(["ที่ ชม 0019.1/ว 898          สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่",
                      "ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา ชม 50300", "2 กันยายน 2553",
                      "เรื่อง การรายงานผลการดำเนินงาน", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                      "ด้วยสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่ได้รับแจ้งว่าการดำเนินงานโครงการ",
                      "จึงเรียนมาเพื่อโปรดทราบ", "ขอแสดงความนับถือ", "(นายประเสริฐ บุญมี)",
                      "พัฒนาการจังหวัดเชียงเหม่"])
    (doc,), _ = analyze(text, CORPUS, "t.txt", env=Env.of(CORPUS))
    assert doc["issuer_place"] == CM
    assert doc["signatory"]["position"] == "พัฒนาการจังหวัดเชียงใหม่"
    assert {"field": "signatory.position", "rule": "restore_own_place", "before": "เชียงเหม่",
            "after": "เชียงใหม่"} in doc["repairs"]
