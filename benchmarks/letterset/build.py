"""write_set(): every letter of the set as a scan file, the text a typist would have
typed, and its truth (truth.json): the fields as printed, the body text, each page's text."""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from letterset.compose import FORMS
from letterset.content import digits, draw_words, thai_date
from letterset.damage import damage, save
from letterset.render import Sheet, body_truth, draw_page, lay_out, load_fonts, page_truth, typed_text
from letterset.specs import OFFICES, SPECS

RECEIVERS = ["สำนักงานจังหวัดขอนแก่น", "กองแผนงาน", "สำนักพัฒนาและส่งเสริมการบริหารงานท้องถิ่น",
             "สำนักงานพัฒนาชุมชนจังหวัดลำปาง", "กลุ่มงานส่งเสริมการพัฒนาชุมชน"]


def _stamp(words, spec, rng: random.Random) -> dict | None:
    if "stamp" not in spec.extras:
        return None
    thai = rng.random() < 0.5
    when = words.date + dt.timedelta(days=rng.randint(2, 9))
    return {"receiver": rng.choice(RECEIVERS), "number": digits(str(rng.randint(1000, 9999)), thai),
            "date": thai_date(when, thai, abbr=True), "date_iso": when.isoformat(),
            "time": digits(f"{rng.randint(8, 15)}.{rng.choice(['00', '15', '30', '45'])} น.", thai)}


def _truth(spec, office, words, rows, pages, sheet, stamp) -> dict:
    subject = words.subject and (words.subject + (f" {words.subject_tail}" if words.subject_tail else ""))
    signed = spec.form != "stamped"
    return {
        "key": spec.key, "form": spec.form, "office": office.key, "font": spec.font, "damage": spec.damage,
        "dpi": spec.dpi, "format": spec.fmt, "pages": len(pages), "extras": sorted(spec.extras),
        "number": words.number, "date": words.date.isoformat(), "date_be": words.printed_date,
        "issuer": office.agency, "province": office.province, "district": office.district,
        "drafted_by": office.drafted_by, "subject": subject, "addressee": words.addressee,
        "urgency": words.urgency,
        "references": [{"number": r.number, "date": r.date.isoformat(), "id": r.doc_id} for r in words.refs],
        "enclosures": [{"title": t, "count": c} for t, c in words.enclosures],
        "signatory": {"name": words.signer, "position": office.signer} if signed else None,
        "receipt_stamp": stamp, "body": body_truth(rows),
        "page_texts": [page_truth(p, sheet, stamp if i == 0 else None) for i, p in enumerate(pages)],
    }


def make_letter(spec, out: Path, seed: int) -> dict:
    rng = random.Random(f"{seed}-{spec.key}")
    office = OFFICES[spec.office]
    words = draw_words(spec, office, rng)
    fonts = load_fonts(spec.font, spec.dpi)
    sheet = Sheet(spec.dpi)
    while True:  # a letter that does not fit its pages loses paragraphs before its closing
        rows = FORMS[spec.form](words, office, spec)
        pages = lay_out(rows, sheet, fonts, random.Random(f"{seed}-{spec.key}-layout"))
        if len(pages) <= spec.pages or len(words.paragraphs) <= 3:
            break
        del words.paragraphs[-2]
    if len(pages) != spec.pages:
        raise AssertionError(f"{spec.key}: laid out on {len(pages)} pages, the spec says {spec.pages}")
    stamp = _stamp(words, spec, rng)
    images = [damage(draw_page(p, sheet, fonts, rng, stamp if i == 0 else None), spec.damage, rng)
              for i, p in enumerate(pages)]
    scan = save(images, out / spec.key, spec.fmt, spec.dpi, spec.damage)
    typed = out / f"{spec.key}.typed.txt"
    typed.write_text("\n".join(typed_text(p, sheet) for p in pages) + "\n", encoding="utf-8")
    truth = _truth(spec, office, words, rows, pages, sheet, stamp)
    truth.update(scan=scan.name, typed=typed.name)
    return truth


def write_set(out: Path, seed: int = 16, only: set[str] | None = None, log=print) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    truths = []
    for spec in SPECS:
        if only and spec.key not in only:
            continue
        truths.append(make_letter(spec, out, seed))
        log(f"  wrote {spec.key} ({spec.form}, {spec.office}, {spec.font}, damage {spec.damage}, {spec.fmt})")
    (out / "truth.json").write_text(json.dumps(truths, ensure_ascii=False, indent=1), encoding="utf-8")
    return truths
