"""SYNTHETIC corpus generator: a benchmark fixture, never published.

Writes a complete corpus folder (raw/*.txt + MANIFEST.yaml with real SHA-256,
documents/*.md in the format of the real ones, agencies.yaml copied) of N letters made
by recombining the normalized clauses, agencies, dates and numbers of the real corpus,
then damaged the way OCR damages Thai (digit and letter swaps, decomposed sara am,
dropped/added tone marks, broken lines, page numbers, catch-words), so that every step
of the pipeline has work to do.  Deterministic for a given seed.

Every generated file says it is synthetic: a marker line at the top of each raw file,
`synthetic: true` in each document's front matter (the site then shows a Thai warning
banner) and a note in each document.

    python benchmarks/synth.py --n 1000 --out /tmp/synth --seed 7 --damage 0.02
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_tools.common.thaidate import MONTHS_FULL, to_thai_digits  # noqa: E402
from build_tools.normalization.documents import normalize_corpus  # noqa: E402
from build_tools.normalization.rules.layout import STRUCTURE_START  # noqa: E402
from build_tools.sources.corpus import load_corpus  # noqa: E402

MARKER = "# SYNTHETIC BENCHMARK FIXTURE - not a real scan, never publish (benchmarks/synth.py)"
NOTE = ("เอกสารสังเคราะห์สำหรับทดสอบความเร็วของระบบ (benchmarks/synth.py) "
        "ไม่ใช่หนังสือราชการจริง ห้ามเผยแพร่")
LETTERS_PER_RAW = 25  # letters per scan bundle, as a scanning batch would hold
LINE_WIDTH = (60, 110)  # printed line width range, in characters
PAGE_LINES = 30  # raw lines per printed page before a page break
# The synthetic corpus is the real corpus grown by N synthetic letters: the real six
# documents, their model (agencies, roles, guidance, ...), corrections and permalinks are
# copied as they are, so the benchmark builds every kind of page the real site has.

PROVINCES = [
    "เชียงใหม่", "เชียงราย", "ลำปาง", "ลำพูน", "แพร่", "น่าน", "พะเยา", "แม่ฮ่องสอน",
    "ขอนแก่น", "อุดรธานี", "นครราชสีมา", "บุรีรัมย์", "สุรินทร์", "ศรีสะเกษ", "อุบลราชธานี",
    "ร้อยเอ็ด", "มหาสารคาม", "กาฬสินธุ์", "สกลนคร", "นครพนม", "มุกดาหาร", "เลย", "หนองคาย",
    "ชัยภูมิ", "ยโสธร", "อำนาจเจริญ", "พิษณุโลก", "สุโขทัย", "ตาก", "กำแพงเพชร",
    "นครสวรรค์", "อุทัยธานี", "ชัยนาท", "ลพบุรี", "สระบุรี", "อยุธยา", "อ่างทอง",
    "สุพรรณบุรี", "กาญจนบุรี", "ราชบุรี", "เพชรบุรี", "ประจวบคีรีขันธ์", "ชุมพร",
    "สุราษฎร์ธานี", "นครศรีธรรมราช", "กระบี่", "พังงา", "ภูเก็ต", "ตรัง", "พัทลุง",
    "สงขลา", "สตูล", "ปัตตานี", "ยะลา", "นราธิวาส", "ชลบุรี", "ระยอง", "จันทบุรี", "ตราด",
    "ฉะเชิงเทรา", "ปราจีนบุรี", "สระแก้ว", "นครนายก",
]
# Syllables for made-up tambon names: every letter names a different place, so the
# vocabulary grows with N the way a real archive's does.
SYLLABLES = ["บ้าน", "นา", "หนอง", "โนน", "ดอน", "ทุ่ง", "ห้วย", "บึง", "โคก", "คำ", "สร้าง",
             "ป่า", "แม่", "ท่า", "วัง", "เขา", "ศรี", "ชัย", "สุข", "ทอง", "แก้ว", "เจริญ",
             "ใหม่", "กลาง", "เหนือ", "ใต้", "งาม", "ไผ่", "ขาม", "แดง", "หลวง", "น้อย"]
SUBJECTS = [
    'โครงการพลังชุมชนพลังสร้างสรรค์ "สยามเมืองยิ้ม"',
    'การขยายผลโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม" ประจำปีงบประมาณ {fy}',
    'การติดตามและประเมินผลโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม"',
    "ขอความร่วมมือสนับสนุนการดำเนินงานตามบันทึกความร่วมมือ",
    "การป้องกันและแก้ไขปัญหายาเสพติดในหมู่บ้าน/ชุมชน ตำบล{tambon}",
    "การแก้ไขปัญหาความยากจนตามแนวปรัชญาเศรษฐกิจพอเพียง จังหวัด{province}",
    "ขอเชิญประชุมเชิงปฏิบัติการ ตำบล{tambon} อำเภอ{district}",
    "รายงานผลการดำเนินงานโครงการดาวเด่นของกลุ่มจังหวัด",
]
ADDRESSEES = [
    "ผู้ว่าราชการจังหวัด ทุกจังหวัด", "ผู้ว่าราชการจังหวัด{province}", "นายอำเภอ{district}",
    "นายกองค์การบริหารส่วนตำบล{tambon}", "อธิบดีกรมการพัฒนาชุมชน",
    "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", "เลขาธิการคณะกรรมการป้องกันและปราบปรามยาเสพติด",
]
OPENERS = ["ตามที่", "ด้วย", "อนุสนธิ", "ตามหนังสือ"]
CLOSINGS = ["จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการต่อไป", "จึงเรียนมาเพื่อโปรดทราบและพิจารณา",
            "จึงเรียนมาเพื่อพิจารณา และขอขอบคุณมา ณ โอกาสนี้"]
SIGNERS = ["(นายนิสิต วัฒนเสน)", "(นายวิชัย ศรีขวัญ)", "(นายไพรัตน์ สกลพันธุ์)",
           "(นายจรินทร์ จักกะพาก)", "(นายพิทยา จินาวัฒน์)", "(นายนพดล แก้วสุพัฒน์)"]
ISSUERS = {  # issuer id -> (letter-number prefix, address line)
    "moi": ("มท 0404.{a}", "ถนนอัษฎางค์ กทม. ๑๐๒๐๐"),
    "cdd": ("มท 0401.{a}", "ถนนแจ้งวัฒนะ กรุงเทพฯ ๑๐๒๑๐"),
    "dla": ("มท 0810.{a}", "ถนนนครราชสีมา กรุงเทพฯ ๑๐๓๐๐"),
    "oncb": ("ยธ 0703.{a}", "ถนนดินแดง กรุงเทพฯ ๑๐๔๐๐"),
}

# OCR look-alikes (both ways), as the real scans show them.
DIGIT_SWAPS = {"๘": "๕๓", "๕": "๘", "๓": "๘", "๖": "๒", "๒": "๖"}
LETTER_SWAPS = {"ย": "อ", "อ": "ย", "ด": "ต", "ต": "ด", "ค": "ศ", "ศ": "ค"}
TONES = "่้"
CONSONANT = re.compile(r"[ก-ฮ]")


@dataclass
class Material:
    paragraphs: list[str]  # plain normalized paragraphs of the real corpus
    clauses: list[str]  # clause texts with their printed number removed


def harvest(corpus_dir: Path) -> Material:
    """Normalize the real corpus on the fly and keep its reusable text."""
    docs = normalize_corpus(load_corpus(corpus_dir))
    paras, clauses = [], []
    number = re.compile(r"^\s*-?\s*[๐-๙0-9]{1,2}(?:\.[๐-๙0-9]{1,2})?[.)]?\s*")
    for nd in docs:
        for b in nd.blocks:
            if b.kind == "para" and len(b.text) >= 40 and not b.text.startswith(("(", "|")):
                paras.append(b.text)
            elif b.kind in ("clause", "item") and len(b.text) >= 20:
                clauses.append(number.sub("", b.text).strip())
    return Material(sorted(set(paras)), sorted(set(c for c in clauses if c)))


def _thai_num(rng: random.Random, n: int, thai: bool) -> str:
    return to_thai_digits(str(n)) if thai else str(n)


def _place(rng: random.Random) -> str:
    return "".join(rng.sample(SYLLABLES, rng.choice((2, 2, 3))))


def damage_text(text: str, rng: random.Random, rate: float) -> str:
    """OCR-style character damage at `rate` per eligible character."""
    if rate <= 0:
        return text
    out = []
    for i, ch in enumerate(text):
        r = rng.random()
        if ch in DIGIT_SWAPS and r < rate:
            ch = rng.choice(DIGIT_SWAPS[ch])
        elif ch in LETTER_SWAPS and r < rate / 2:
            ch = LETTER_SWAPS[ch]
        elif ch == "ำ" and r < rate * 5:
            ch = "\u0e4dา"  # decomposed sara am: nikhahit + sara aa
        elif ch in TONES and r < rate:
            ch = ""  # dropped tone mark
        elif CONSONANT.match(ch) and r < rate / 10 and (i + 1 == len(text) or text[i + 1] not in TONES):
            ch += "่"  # a speck read as a tone mark
        out.append(ch)
    return "".join(out)


def break_lines(text: str, rng: random.Random) -> list[str]:
    """Cut a paragraph at the printed line width, mid-word as Thai printing does, never
    before a combining mark and never so that the next line looks like new structure."""
    lines = []
    while len(text) > LINE_WIDTH[1]:
        cut = rng.randint(*LINE_WIDTH)
        while cut < len(text) - 1 and (
            "\u0e31" <= text[cut] <= "\u0e3a" or "\u0e47" <= text[cut] <= "\u0e4e"
            or text[cut] == "ำ" or text[cut].isspace() or text[cut - 1].isspace()
            or STRUCTURE_START.match(text[cut:])
        ):
            cut += 1
        lines.append(text[:cut])
        text = text[cut:]
    lines.append(text)
    return lines


def make_letter(rng: random.Random, i: int, m: Material) -> tuple[dict, list[str]]:
    """One letter: (front-matter fields, clean raw lines before damage)."""
    issuer = rng.choice(sorted(ISSUERS))
    prefix, address = ISSUERS[issuer]
    thai = rng.random() < 0.5  # half the letters print Thai digits
    year = rng.randint(2552, 2562)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    date_be = f"{_thai_num(rng, day, thai)} {MONTHS_FULL[month - 1]} {_thai_num(rng, year, thai)}"
    number = (prefix.format(a=rng.randint(1, 9)) + f"/ว {rng.randint(100, 9999)}")
    if thai:
        number = to_thai_digits(number)
    fill = {"province": rng.choice(PROVINCES), "district": _place(rng), "tambon": _place(rng),
            "fy": _thai_num(rng, year + 1, thai)}
    subject = rng.choice(SUBJECTS).format(**fill)
    addressee = rng.choice(ADDRESSEES).format(**fill)
    body = [f"{rng.choice(OPENERS)} " + rng.choice(m.paragraphs)]
    body.append(f"ในการนี้ ตำบล{fill['tambon']} อำเภอ{fill['district']} จังหวัด{fill['province']} "
                f"ได้รับงบประมาณ {_thai_num(rng, rng.randint(5, 900) * 1000, thai)} บาท "
                f"สำหรับ {_thai_num(rng, rng.randint(2, 40), thai)} หมู่บ้าน")
    for k in range(1, rng.randint(2, 6) + 1):
        body.append(f"{_thai_num(rng, k, thai)}. " + rng.choice(m.clauses))
    for _ in range(rng.randint(0, 3)):
        body.append(rng.choice(m.paragraphs))
    body.append(rng.choice(CLOSINGS))
    lines = [f"ที่ {number}", "", _agency_name(issuer), address, "",
             date_be, "", f"เรื่อง {subject}", "", f"เรียน {addressee}", ""]
    for para in body:
        lines += break_lines(para, rng) + [""]
    lines += ["ขอแสดงความนับถือ", "", "", rng.choice(SIGNERS), ""]
    doc_id = f"synth-letter-{i:05d}"
    meta = {"id": doc_id,
            "title": f"หนังสือ{_agency_name(issuer)} ที่ {number} เรื่อง {subject}",
            "short_title": f"หนังสือสังเคราะห์ ที่ {number}",
            "doc_type": "letter", "number": number, "date_be": date_be, "issuer": issuer,
            "addressee": addressee, "subject": subject}
    return meta, lines


_AGENCY_NAMES = {"moi": "กระทรวงมหาดไทย", "cdd": "กรมการพัฒนาชุมชน",
                 "dla": "กรมส่งเสริมการปกครองท้องถิ่น",
                 "oncb": "สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด"}


def _agency_name(issuer: str) -> str:
    return _AGENCY_NAMES[issuer]


def paginate(lines: list[str], rng: random.Random) -> list[str]:
    """Page breaks every PAGE_LINES lines, at a paragraph start: a catch-word
    (/first words....) at the page foot, then the next page's number (๒)."""
    out, page, since = [], 1, 0
    for k, line in enumerate(lines):
        starts_para = k > 0 and not lines[k - 1].strip() and line.strip()
        if since >= PAGE_LINES and starts_para and not line.startswith(("ขอแสดง", "(")):
            page += 1
            out += [f"/{line[:rng.randint(6, 14)].rstrip()}....", "",
                    f"({to_thai_digits(str(page))})", ""]
            since = 0
        out.append(line)
        since += 1
    return out


def _fm_value(v: str) -> str:
    """A front-matter scalar as the hand-written documents have it: plain if YAML reads
    it back unchanged, else double-quoted."""
    import yaml

    try:
        if yaml.safe_load(f"k: {v}") == {"k": v}:
            return v
    except yaml.YAMLError:
        pass
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_corpus(out: Path, n: int, seed: int = 7, damage: float = 0.02,
                 source: Path = ROOT / "corpus", material: Material | None = None) -> Path:
    """Write a synthetic corpus of `n` letters into `out` (replaced if it exists)."""
    rng = random.Random(seed)
    m = material or harvest(source)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out, copy_function=shutil.copyfile)  # copyfile: writable copies
    manifest = [(out / "raw" / "MANIFEST.yaml").read_text(encoding="utf-8").rstrip("\n"),
                "# SYNTHETIC benchmark bundles below (benchmarks/synth.py): never publish."]
    for b0 in range(0, n, LETTERS_PER_RAW):
        raw_name = f"synth_{b0 // LETTERS_PER_RAW:05d}.txt"
        raw = [MARKER, ""]
        for i in range(b0, min(n, b0 + LETTERS_PER_RAW)):
            meta, lines = make_letter(rng, i + 1, m)
            lines = paginate([damage_text(t, rng, damage) if k > 0 else t
                              for k, t in enumerate(lines)], rng)
            first = len(raw) + 1
            raw += lines
            last = len(raw)
            raw.append("")
            fm = [f"{k}: {_fm_value(str(v))}" for k, v in meta.items()]
            fm += ["synthetic: true", "source:", f"  raw: {raw_name}", f"  lines: {first}-{last}"]
            (out / "documents" / f"{meta['id']}.md").write_text(
                "---\n" + "\n".join(fm) + "\n---\n" + NOTE + "\n", encoding="utf-8")
        data = ("\n".join(raw) + "\n").encode("utf-8")
        (out / "raw" / raw_name).write_bytes(data)
        manifest += [f"{raw_name}:", f"  sha256: {hashlib.sha256(data).hexdigest()}",
                     "  received: 2026-11-26", f"  description: SYNTHETIC benchmark bundle, seed {seed}"]
    (out / "raw" / "MANIFEST.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, required=True, help="number of letters")
    p.add_argument("--out", required=True, help="corpus folder to write (replaced)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--damage", type=float, default=0.02, help="OCR damage rate per character")
    a = p.parse_args(argv)
    write_corpus(Path(a.out), a.n, a.seed, a.damage)
    print(f"wrote {a.n} synthetic letters to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
