"""Who writes which letter: the issuing offices (every agency kind of the programme) and
the specification of each letter of the set (form, office, font, damage, file format,
pages, extras).  Numbers' office digits of provincial and district offices are made up
for the set (the reference data never claims them)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Office:
    key: str
    agency: str  # agency id in corpus/agencies.yaml (the truth's issuer)
    head: str  # letterhead: the office as printed
    address: str
    prefix: str | None  # letter-number prefix with the unit digits, '{u}' = a sub-unit digit
    signer: str  # position of whoever signs
    unit: str  # the unit that drafted it (printed under the signature)
    phone: str
    province: str | None = None
    district: str | None = None
    drafted_by: str | None = None
    order_head: str | None = None  # คำสั่ง... / ประกาศ... names it like this


OFFICES = {o.key: o for o in [
    Office("moi", "moi", "กระทรวงมหาดไทย", "ถนนอัษฎางค์ กทม. ๑๐๒๐๐", "มท ๐๔๐๔.{u}",
           "ปลัดกระทรวงมหาดไทย", "กรมการพัฒนาชุมชน\nสำนักเสริมสร้างความเข้มแข็งชุมชน",
           "๐ ๒๑๔๑ ๖๑๕๗", drafted_by="cdd"),
    Office("moi-dla", "moi", "กระทรวงมหาดไทย", "ถนนอัษฎางค์ กทม. ๑๐๒๐๐", "มท 0810.{u}",
           "ปลัดกระทรวงมหาดไทย", "กรมส่งเสริมการปกครองท้องถิ่น\nสำนักพัฒนาและส่งเสริมการบริหารงานท้องถิ่น",
           "0-2241-9000 ต่อ 2202", drafted_by="dla"),
    Office("cdd", "cdd", "กรมการพัฒนาชุมชน", "ถนนราชดำเนินกลาง กทม. ๑๐๒๐๐", "มท ๐๔๑๐.{u}",
           "อธิบดีกรมการพัฒนาชุมชน", "สำนักเสริมสร้างความเข้มแข็งชุมชน", "๐ ๒๑๔๑ ๖๑๕๗",
           order_head="กรมการพัฒนาชุมชน"),
    Office("dla", "dla", "กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. 10300",
           "มท 0810.{u}", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
           "สำนักพัฒนาและส่งเสริมการบริหารงานท้องถิ่น", "0-2241-9000 ต่อ 2202",
           order_head="กรมส่งเสริมการปกครองท้องถิ่น"),
    Office("oncb", "oncb", "สำนักงาน ป.ป.ส.", "๕ ถนนดินแดง เขตพญาไท กทม. ๑๐๔๐๐", "ยธ ๐๖๐๔.{u}",
           "เลขาธิการ ป.ป.ส.", "สำนักป้องกันยาเสพติด", "๐ ๒๒๔๗ ๐๙๐๑",
           order_head="สำนักงาน ป.ป.ส."),
    Office("tao-assoc", "tao-association", "สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย",
           "๙๙ ถนนพิษณุโลก เขตดุสิต กรุงเทพฯ ๑๐๓๐๐", None,
           "นายกสมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย", "ฝ่ายเลขานุการสมาคม", "๐ ๒๒๘๑ ๙๘๗๖",
           order_head="สมาคมองค์การบริหารส่วนตำบลแห่งประเทศไทย"),
    Office("kk", "province", "ศาลากลางจังหวัดขอนแก่น", "ถนนศูนย์ราชการ ขก ๔๐๐๐๐", "ขก ๐๐๑๗.{u}",
           "ผู้ว่าราชการจังหวัดขอนแก่น", "สำนักงานจังหวัด", "๐ ๔๓๒๓ ๖๙๓๒", province="ขอนแก่น",
           order_head="จังหวัดขอนแก่น"),
    Office("nm-la", "province", "ศาลากลางจังหวัดนครราชสีมา", "ถนนมหาดไทย นม 30000", "นม 0023.{u}",
           "ผู้ว่าราชการจังหวัดนครราชสีมา", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
           "0-4424-3702", province="นครราชสีมา"),
    Office("ub", "province", "ศาลากลางจังหวัดอุบลราชธานี", "ถนนสรรพสิทธิ์ อบ ๓๔๐๐๐", "อบ ๐๐๒๓.{u}",
           "ผู้ว่าราชการจังหวัดอุบลราชธานี", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
           "๐ ๔๕๒๕ ๔๙๕๐", province="อุบลราชธานี"),
    Office("cm-cd", "provincial-cd-office", "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่",
           "ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา ชม 50300", "ชม 0019.{u}",
           "พัฒนาการจังหวัดเชียงใหม่", "กลุ่มงานส่งเสริมและพัฒนาชุมชน", "0-5311-2491",
           province="เชียงใหม่", order_head="สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่"),
    Office("sk-cd", "provincial-cd-office", "สำนักงานพัฒนาชุมชนจังหวัดสงขลา",
           "ถนนราชดำเนินนอก สข ๙๐๐๐๐", "สข ๐๐๑๙.{u}", "พัฒนาการจังหวัดสงขลา",
           "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน", "๐ ๗๔๓๑ ๒๒๖๗", province="สงขลา"),
    Office("kk-banphai", "district", "ที่ว่าการอำเภอบ้านไผ่", "ถนนเจนจบทิศ ขก ๔๐๑๑๐", "ขก ๐๕๑๘.{u}",
           "นายอำเภอบ้านไผ่", "ที่ทำการปกครองอำเภอบ้านไผ่", "๐ ๔๓๒๗ ๒๐๕๕", province="ขอนแก่น",
           district="บ้านไผ่", order_head="อำเภอบ้านไผ่"),
    Office("lp-ngao", "district", "ที่ว่าการอำเภองาว", "ถนนพหลโยธิน ลป 52110", "ลป 0518.{u}",
           "นายอำเภองาว", "ที่ทำการปกครองอำเภองาว", "0-5426-1023", province="ลำปาง", district="งาว",
           order_head="อำเภองาว"),
    Office("cm-sansai", "district-cd-office", "สำนักงานพัฒนาชุมชนอำเภอสันทราย",
           "ที่ว่าการอำเภอสันทราย ชม ๕๐๒๑๐", "ชม ๐๐๑๙.{u}", "พัฒนาการอำเภอสันทราย",
           "สำนักงานพัฒนาชุมชนอำเภอสันทราย", "๐ ๕๓๔๙ ๑๒๓๔", province="เชียงใหม่", district="สันทราย"),
]}


@dataclass(frozen=True)
class Spec:
    key: str
    form: str  # external | memo | stamped | order | announcement
    office: str
    font: str  # a TLWG font: Laksaman (like TH Sarabun), Garuda, Norasi, Kinnari, TlwgTypewriter
    damage: int  # 0 clean scan .. 3 heavy damage
    fmt: str  # png | jpg | pdf | tif
    pages: int = 1
    extras: frozenset = field(default_factory=frozenset)  # stamp, table, refs2, corpus-ref, ...
    dpi: int = 200


def _s(key, form, office, font, damage, fmt, pages=1, extras="", dpi=200) -> Spec:
    return Spec(key, form, office, font, damage, fmt, pages, frozenset(extras.split()), dpi)


# Every form, every agency kind, one and two pages, tables, stamps, the emblem, typewriter
# and modern fonts, damage 0-3, PNG/JPEG/PDF/TIFF.  Extras: stamp (a receipt stamp in
# colour), table (a table in the body), refs2 (two references), corpus-ref (cites a letter
# in the corpus), encl (enclosures), urgent, thai-digits, short-year (a two-digit year in a
# reference), no-thi (the number printed without ที่), subject2 (a two-line subject),
# wide (letterhead on the number's line).
SPECS = [
    _s("L01", "external", "dla", "Laksaman", 0, "png", 1, "corpus-ref encl urgent wide"),
    _s("L02", "external", "cdd", "Laksaman", 1, "jpg", 1, "stamp refs2 corpus-ref thai-digits wide"),
    _s("L03", "external", "moi", "Norasi", 1, "pdf", 2, "corpus-ref encl table thai-digits urgent"),
    _s("L04", "external", "moi-dla", "Garuda", 2, "png", 1, "stamp encl subject2 wide", 300),
    _s("L05", "external", "oncb", "Laksaman", 2, "jpg", 1, "refs2 short-year thai-digits"),
    _s("L06", "external", "oncb", "TlwgTypewriter", 1, "png", 1, "encl urgent"),
    _s("L07", "external", "tao-assoc", "Laksaman", 1, "pdf", 1, "no-thi corpus-ref thai-digits"),
    _s("L08", "external", "tao-assoc", "Kinnari", 3, "jpg", 1, "encl stamp"),
    _s("L09", "external", "kk", "Laksaman", 2, "pdf", 2, "stamp corpus-ref encl table thai-digits wide"),
    _s("L10", "external", "nm-la", "Garuda", 1, "png", 1, "no-thi refs2 urgent"),
    _s("L11", "external", "ub", "Norasi", 3, "png", 1, "corpus-ref thai-digits subject2"),
    _s("L12", "external", "cm-cd", "TlwgTypewriter", 2, "jpg", 1, "encl short-year"),
    _s("L13", "external", "kk-banphai", "Laksaman", 1, "png", 1, "stamp thai-digits wide"),
    _s("L14", "external", "lp-ngao", "Kinnari", 2, "pdf", 1, "refs2 encl"),
    _s("L15", "external", "dla", "TlwgTypewriter", 3, "pdf", 2, "corpus-ref encl table urgent", 300),
    _s("L16", "external", "cdd", "Garuda", 0, "jpg", 1, "subject2 encl"),
    _s("L17", "external", "cm-sansai", "Laksaman", 2, "png", 1, "thai-digits stamp"),
    _s("L18", "external", "sk-cd", "Norasi", 1, "pdf", 1, "corpus-ref refs2 thai-digits"),
    _s("L19", "external", "moi", "Laksaman", 3, "jpg", 1, "encl thai-digits wide"),
    _s("L20", "external", "dla", "Garuda", 1, "tif", 2, "table refs2 corpus-ref"),
    _s("L21", "memo", "cdd", "Laksaman", 1, "png", 1, "thai-digits"),
    _s("L22", "memo", "dla", "TlwgTypewriter", 2, "jpg", 1, "short-year"),
    _s("L23", "memo", "cm-cd", "Norasi", 0, "pdf", 1, "table thai-digits"),
    _s("L24", "memo", "kk-banphai", "Garuda", 3, "png", 1, ""),
    _s("L25", "stamped", "nm-la", "Laksaman", 1, "png", 1, "thai-digits"),
    _s("L26", "stamped", "dla", "Kinnari", 2, "pdf", 1, ""),
    _s("L27", "stamped", "sk-cd", "TlwgTypewriter", 1, "jpg", 1, "thai-digits"),
    _s("L28", "order", "cdd", "Laksaman", 1, "pdf", 1, "thai-digits"),
    _s("L29", "order", "kk", "Norasi", 2, "png", 1, "table"),
    _s("L30", "order", "lp-ngao", "Garuda", 1, "jpg", 1, "thai-digits"),
    _s("L31", "announcement", "oncb", "Laksaman", 2, "png", 1, "thai-digits"),
    _s("L32", "announcement", "tao-assoc", "Kinnari", 1, "pdf", 1, ""),
    _s("L33", "announcement", "dla", "TlwgTypewriter", 3, "jpg", 1, "table"),
    _s("L34", "external", "kk", "Garuda", 2, "png", 1, "corpus-ref short-year", 150),
]
