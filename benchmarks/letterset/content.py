"""The words of the generated letters, drawn by a seeded RNG: dates, numbers, subjects,
addressees, references (some to letters in the corpus), enclosures, body paragraphs,
tables and signatories.  All fictional except the two corpus letters cited."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import geothai

from build_tools.common.thai import to_arabic_digits, to_thai_digits
from build_tools.common.thaidate import BE_OFFSET, MONTHS_ABBR, MONTHS_FULL

PROGRAMME = 'โครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม"'
SUBJECTS = [
    f"การขยายผล{PROGRAMME} ประจำปีงบประมาณ {{fy}}",
    f"ขอเชิญประชุมคณะทำงานขับเคลื่อน{PROGRAMME}",
    f"การติดตามและประเมินผล{PROGRAMME}",
    "ขอความร่วมมือสนับสนุนการดำเนินงานตามบันทึกความร่วมมือ ๔ หน่วยงาน",
    "การรายงานผลการดำเนินงานหมู่บ้านต้นแบบการป้องกันและแก้ไขปัญหายาเสพติด",
    "การคัดเลือกตำบลนำร่องการดำเนินงานตามแนวปรัชญาเศรษฐกิจพอเพียง",
    "ขอส่งแบบรายงานผลการดำเนินงานโครงการดาวเด่นของกลุ่มจังหวัด",
    "การจัดเวทีแลกเปลี่ยนเรียนรู้ของผู้นำชุมชนและองค์การบริหารส่วนตำบล",
]
SUBJECT_TAILS = [  # a second line for a long subject
    "และการจัดทำแผนปฏิบัติการระดับอำเภอ ประจำปีงบประมาณ {fy}",
    "ร่วมกับองค์กรปกครองส่วนท้องถิ่นและเครือข่ายองค์กรชุมชนในพื้นที่",
]
ADDRESSEES = {
    "ministry": ["ผู้ว่าราชการจังหวัด ทุกจังหวัด", "อธิบดีกรมการพัฒนาชุมชน",
                 "เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด"],
    "province": ["นายอำเภอ ทุกอำเภอ", "นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                 "พัฒนาการอำเภอ ทุกอำเภอ"],
    "district": ["กำนันและผู้ใหญ่บ้าน ทุกตำบล", "นายกองค์การบริหารส่วนตำบล{tambon}",
                 "พัฒนาการจังหวัด{province}"],
}
PEOPLE = ["นายสมชาย ศรีสุข", "นางสาวพรทิพย์ วงศ์ใหญ่", "นายวีระพงษ์ ทองมา", "นางวันเพ็ญ จันทร์หอม",
          "นายประเสริฐ บุญมี", "นายอนันต์ แก้วประเสริฐ", "นางสุภาพร ใจซื่อ", "นายชาตรี พรหมวงศ์",
          "นายธีระ สุวรรณรัตน์", "นางรัชนี มีสุข"]
ENCLOSURES = ["แบบรายงานผลการดำเนินงาน", "กำหนดการประชุมเชิงปฏิบัติการ", "รายชื่อตำบลเป้าหมาย",
              "แนวทางการขยายผลโครงการ", "สำเนาบันทึกความร่วมมือ ๔ หน่วยงาน", "แบบสำรวจข้อมูลหมู่บ้าน"]
UNITS = ["ชุด", "ฉบับ", "แผ่น"]
# The letters of the corpus a follow-up letter cites (their numbers as the corpus has them).
CORPUS_REFS = [
    ("หนังสือกรมส่งเสริมการปกครองท้องถิ่น", "มท 0810.1/ว 1631", dt.date(2009, 8, 20), "dla-letter-2552-08-20"),
    ("หนังสือกระทรวงมหาดไทย ด่วนที่สุด", "มท ๐๔๐๔.๒/๔๙๐๐", dt.date(2009, 8, 6), "moi-letter-2552-08-06"),
]
OPENERS = [
    "ตามที่ กรมการพัฒนาชุมชน กรมส่งเสริมการปกครองท้องถิ่น สำนักงาน ป.ป.ส. และสมาคมองค์การบริหาร"
    f"ส่วนตำบลแห่งประเทศไทย ได้ลงนามบันทึกความร่วมมือ{PROGRAMME} เมื่อวันที่ ๑๒ มิถุนายน ๒๕๕๒ นั้น",
    f"ด้วย{{issuer}}ได้รับแจ้งว่าการดำเนินงาน{PROGRAMME} ในพื้นที่ตำบล{{tambon}} อำเภอ{{district}} "
    "จังหวัด{province} มีความก้าวหน้าเป็นลำดับ และควรขยายผลสู่ตำบลใกล้เคียง",
    f"อ้างถึงหนังสือที่อ้างถึง ได้แจ้งแนวทางการขับเคลื่อน{PROGRAMME} ให้หน่วยงานที่เกี่ยวข้องทราบ "
    "และถือปฏิบัติ ความละเอียดแจ้งแล้ว นั้น",
]
MIDDLES = [
    "{issuer}พิจารณาแล้ว เพื่อให้การดำเนินงานเป็นไปอย่างต่อเนื่องและบรรลุวัตถุประสงค์ของโครงการ "
    "จึงขอความร่วมมือดำเนินการ ดังนี้",
    "เพื่อให้การป้องกันและแก้ไขปัญหายาเสพติดในหมู่บ้านและชุมชนเกิดผลอย่างยั่งยืน ตามยุทธศาสตร์ "
    "๕ รั้วป้องกัน จึงขอให้ประสานองค์การบริหารส่วนตำบลและผู้นำชุมชนร่วมดำเนินการ ดังนี้",
]
ITEMS = [
    "แจ้งองค์การบริหารส่วนตำบลในพื้นที่พิจารณาสนับสนุนงบประมาณตามความเหมาะสม",
    "คัดเลือกหมู่บ้านต้นแบบอย่างน้อยอำเภอละ ๑ หมู่บ้าน และรายงานรายชื่อให้ทราบ",
    "จัดเวทีประชาคมเพื่อจัดทำแผนชุมชนโดยให้ผู้นำอาสาพัฒนาชุมชนเป็นแกนหลัก",
    "รายงานผลการดำเนินงานตามแบบรายงานที่ส่งมาด้วย ภายในวันที่ {deadline}",
    "ประชาสัมพันธ์โครงการให้ประชาชนในพื้นที่ทราบและเข้าร่วมกิจกรรมอย่างทั่วถึง",
]
EXTRA_PARAS = [
    "ทั้งนี้ หากมีข้อสงสัยประการใด สามารถติดต่อสอบถามรายละเอียดเพิ่มเติมได้ที่หน่วยงานเจ้าของเรื่อง "
    "ในวันและเวลาราชการ",
    "อนึ่ง การดำเนินงานดังกล่าวให้คำนึงถึงการมีส่วนร่วมของประชาชน องค์กรสตรี และเครือข่ายองค์กรชุมชน "
    "ในทุกขั้นตอน ตั้งแต่การวางแผนจนถึงการติดตามประเมินผล",
    "ในการนี้ ขอให้มอบหมายเจ้าหน้าที่ผู้รับผิดชอบเข้าร่วมประชุมชี้แจงแนวทางการดำเนินงาน "
    "ณ ห้องประชุมศาลากลางจังหวัด{province} ตามวันและเวลาที่กำหนด",
]
CLOSINGS = {"external": "จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการต่อไป",
            "memo": "จึงเรียนมาเพื่อโปรดทราบและพิจารณา",
            "stamped": "จึงเรียนมาเพื่อโปรดทราบและดำเนินการต่อไป",
            "order": "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป",
            "announcement": "จึงประกาศมาเพื่อทราบโดยทั่วกัน"}
TABLE = [["ลำดับ", "กิจกรรม", "ระยะเวลา"],
         ["๑", "ประชุมชี้แจงแนวทางการดำเนินงาน", "ตุลาคม ๒๕๕๒"],
         ["๒", "คัดเลือกหมู่บ้านต้นแบบ", "พฤศจิกายน ๒๕๕๒"],
         ["๓", "ติดตามและรายงานผล", "มีนาคม ๒๕๕๓"]]


@dataclass
class Ref:
    title: str
    number: str
    date: dt.date
    printed_date: str
    doc_id: str | None


@dataclass
class Words:
    """What one letter says (the truth), before it is laid out on paper."""
    number: str | None
    date: dt.date
    printed_date: str
    subject: str | None
    subject_tail: str | None
    addressee: str | None
    refs: list[Ref] = field(default_factory=list)
    enclosures: list[tuple[str, str]] = field(default_factory=list)  # (title, count)
    paragraphs: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None
    signer: str = ""
    urgency: str | None = None


def digits(text: str, thai: bool) -> str:
    return to_thai_digits(text) if thai else text


def thai_date(d: dt.date, thai: bool, abbr: bool = False, short_year: bool = False) -> str:
    month = (MONTHS_ABBR if abbr else MONTHS_FULL)[d.month - 1]
    year = d.year + BE_OFFSET
    text = f"{d.day} {month} {year % 100 if short_year else year}"
    return digits(text, thai)


def places(rng: random.Random, province: str | None) -> dict:
    """A real district and a made-up tambon of the office's province (gazetteer names)."""
    prov = next(p for p in geothai.provinces() if p.name_th == (province or "ขอนแก่น"))
    district = rng.choice([d.name_th for d in geothai.districts(prov.code) if not d.name_th.startswith("เมือง")])
    tambon = rng.choice([s.name_th for d in geothai.districts(prov.code) for s in geothai.subdistricts(d.code)][:40])
    return {"province": prov.name_th, "district": district, "tambon": tambon}


def _number(spec, office, rng: random.Random, date: dt.date, thai: bool) -> str | None:
    year = date.year + BE_OFFSET
    serial = rng.randint(12, 4999)
    if spec.form == "order":
        return digits(f"{rng.randint(5, 480)}/{year}", thai)
    if spec.form == "announcement":
        return None
    if office.prefix is None:  # the association numbers its letters per year
        return digits(f"สอบต. {rng.randint(1, 99):03d}/{year}", thai)
    circular = "ว " if spec.form in ("external", "stamped") and rng.random() < 0.7 else ""
    prefix = office.prefix.format(u=rng.randint(1, 5))
    prefix = digits(to_arabic_digits(prefix), thai)  # one script per number, as printed
    return digits(prefix + f"/{circular}{serial}", thai)


# A made-up cited letter: whose letter it is and the number that office gives (a title and
# a number of two offices is no letter: `หนังสือกรมการพัฒนาชุมชน ที่ ขก ๐๐๑๗.๒/ว ...`).
CITED_OFFICES = (("หนังสือกรมส่งเสริมการปกครองท้องถิ่น", "มท 0810.3/ว "), ("หนังสือกรมการพัฒนาชุมชน", "มท ๐๔๑๐.๓/ว "),
                 ("หนังสือจังหวัดขอนแก่น", "ขก ๐๐๑๗.๒/ว "))


def _refs(spec, rng: random.Random, date: dt.date, thai: bool, office) -> list[Ref]:
    refs = []
    if "corpus-ref" in spec.extras:
        title, number, when, doc_id = rng.choice(CORPUS_REFS)
        refs.append(Ref(title, number, when, thai_date(when, thai), doc_id))
    n_made_up = (2 if "refs2" in spec.extras else 1) - len(refs)
    if spec.form != "external" or ("refs2" not in spec.extras and "short-year" not in spec.extras):
        n_made_up = 0
    for _ in range(max(0, n_made_up)):
        when = date - dt.timedelta(days=rng.randint(20, 120))
        title, prefix = rng.choice(CITED_OFFICES)
        short = "short-year" in spec.extras
        refs.append(Ref(title, digits(prefix + str(rng.randint(100, 3999)), thai), when,
                        thai_date(when, thai, abbr=short, short_year=short), None))
    return refs


def _paragraphs(spec, office, rng: random.Random, fill: dict, deadline: str) -> list[str]:
    issuer_short = office.order_head or office.head.removeprefix("ศาลากลาง")
    fill = {**fill, "issuer": issuer_short, "deadline": deadline}
    n_items = 4 if spec.pages == 2 else rng.randint(2, 3)
    items = rng.sample(ITEMS, n_items)
    if spec.form in ("order", "announcement"):
        paras = [rng.choice(OPENERS[:2]), rng.choice(EXTRA_PARAS)]
    else:
        paras = [rng.choice(OPENERS), rng.choice(MIDDLES)]
        paras += [f"{digits(str(i), 'thai-digits' in spec.extras)}. {t}" for i, t in enumerate(items, 1)]
    if spec.pages == 2:
        rest = [t for t in ITEMS if t not in items] + [t for t in items if "{deadline}" not in t]
        paras += EXTRA_PARAS[:2] + [rng.choice(MIDDLES)] + [f"{i}) {t}" for i, t in enumerate(rest[:3], 1)]
    elif rng.random() < 0.5:
        paras.append(rng.choice(EXTRA_PARAS))
    paras.append(CLOSINGS[spec.form])
    return [p.format(**fill) for p in paras]


def draw_words(spec, office, rng: random.Random) -> Words:
    thai = "thai-digits" in spec.extras
    date = dt.date(2009, 9, 1) + dt.timedelta(days=rng.randint(0, 390))
    fill = places(rng, office.province)
    fill["fy"] = digits(str(date.year + BE_OFFSET + (1 if date.month >= 10 else 0)), thai)
    subject = rng.choice(SUBJECTS).format(**fill) if spec.form not in ("stamped",) else None
    if spec.form == "order":
        subject = f"แต่งตั้งคณะทำงานขับเคลื่อน{PROGRAMME} ระดับ{'จังหวัด' if office.province else 'กรม'}"
    level = "district" if office.district else ("province" if office.province else "ministry")
    addressee = None
    if spec.form in ("external", "memo", "stamped"):
        addressee = rng.choice(ADDRESSEES[level]).format(**fill)
    deadline = thai_date(date + dt.timedelta(days=rng.randint(20, 45)), thai, abbr=True)
    words = Words(
        number=_number(spec, office, rng, date, thai), date=date,
        printed_date=thai_date(date, thai, abbr=spec.form == "memo" and rng.random() < 0.5),
        subject=subject, subject_tail=rng.choice(SUBJECT_TAILS).format(**fill) if "subject2" in spec.extras else None,
        addressee=addressee, refs=_refs(spec, rng, date, thai, office),
        paragraphs=_paragraphs(spec, office, rng, fill, deadline),
        table=TABLE if "table" in spec.extras else None,
        signer=rng.choice(PEOPLE),
        urgency=rng.choice(["ด่วน", "ด่วนมาก", "ด่วนที่สุด"]) if "urgent" in spec.extras else None)
    if "encl" in spec.extras:
        for title in rng.sample(ENCLOSURES, rng.randint(1, 3)):
            words.enclosures.append((title, digits(f"{rng.randint(1, 3)} {rng.choice(UNITS)}", thai)))
    return words
