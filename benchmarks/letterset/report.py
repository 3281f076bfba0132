"""The tables ingest_eval.py prints, with each target of issue #16 met or missed."""
from __future__ import annotations

from letterset.score import FIELDS

DEFAULT_SEED = 16  # the set the main figures in docs/benchmarks.md are of (ingest_eval.md)
PATHS = (("typed", "typed text (no OCR)"), ("text", "OCR text (plain tesseract)"), ("scan", "scan (our OCR)"))


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f} %" if d else "-"


def field_table(rows: list[dict]) -> list[str]:
    head = "| input | " + " | ".join(FIELDS) + " | all | fields |"
    out = [head, "|---" * (len(FIELDS) + 3) + "|"]
    for key, name in PATHS:
        right = [sum(r[key]["score"][f] for r in rows) for f in FIELDS]
        every = sum(all(r[key]["score"][f] for f in FIELDS) for r in rows)
        out.append(f"| {name} | " + " | ".join(str(n) for n in right)
                   + f" | {every} | {_pct(sum(right), len(rows) * len(FIELDS))} |")
    return out + [f"(right, of {len(rows)} letters each)"]


def figures(rows: list[dict]) -> dict:
    """The figures the targets are checked on, from the rows as ingest_eval.py keeps them
    (its JSON results hold them too: the table of every seed is made from those)."""
    n = len(rows)
    both = [r[k]["score"] for r in rows for k in ("text", "scan")]
    pages = [c for r in rows for c in r["page_cer"]]
    return {
        "letters": n,
        "typed_all": sum(all(r["typed"]["score"][f] for f in FIELDS) for r in rows),
        "fields": sum(s[f] for s in both for f in FIELDS) / (len(both) * len(FIELDS)),
        "printed": sum(s["refs"][0] for s in both), "found": sum(s["refs"][1] for s in both),
        "linked": sum(s["refs"][2] for s in both),
        "date": sum(s["date"] for s in both) / len(both), "number": sum(s["number"] for s in both) / len(both),
        "pages": len(pages), "worse": sum(o > p + 1e-9 for o, p in pages),
        "ours": sum(o for o, _ in pages) / len(pages), "plain": sum(p for _, p in pages) / len(pages),
        "raw": sum(r["scan"]["raw_cer"] + r["text"]["raw_cer"] for r in rows) / (2 * n),
        "body": sum(r["scan"]["body_cer"] + r["text"]["body_cer"] for r in rows) / (2 * n),
    }


def seeds_table(results: dict[int, list[dict]]) -> list[str]:
    """One row a letter set (seed), its figures against the targets of issue #16."""
    out = ["| seed | typed: letters all right | scans + OCR text: fields right | references found | dates right "
           "| numbers right or flagged right | pages our OCR read worse | repaired body CER ÷ raw |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for seed in sorted(results):
        f = figures(results[seed])
        out.append(f"| {seed} | {f['typed_all']} / {f['letters']} | {100 * f['fields']:.1f} % "
                   f"| {f['found']} / {f['printed']} | {100 * f['date']:.1f} % | {100 * f['number']:.1f} % "
                   f"| {f['worse']} / {f['pages']} | {f['body'] / f['raw'] if f['raw'] else 0:.2f} |")
    return out


def _targets(rows: list[dict]) -> list[tuple[str, str, bool]]:
    f = figures(rows)
    secs = [p["ours_s"] for r in rows for p in r["pages"]]
    return [
        ("typed text: every field right for every letter", f"{f['typed_all']} of {f['letters']}",
         f["typed_all"] == f["letters"]),
        ("scans and OCR text: field accuracy >= 90 %", f"{100 * f['fields']:.1f} %", f["fields"] >= 0.9),
        ("references found >= 90 % of those printed", f"{f['found']} of {f['printed']} "
         f"({_pct(f['found'], f['printed'])}), {f['linked']} linked right", f["found"] >= 0.9 * f["printed"]),
        ("date >= 95 %", f"{100 * f['date']:.1f} %", f["date"] >= 0.95),
        ("number right or flagged with the right reading >= 90 %", f"{100 * f['number']:.1f} %", f["number"] >= 0.9),
        ("our OCR never worse than plain tesseract on a page", f"worse on {f['worse']} of {f['pages']} pages",
         f["worse"] == 0),
        ("our OCR CER <= 0.8x plain tesseract's (mean)",
         f"{f['ours']:.4f} vs {f['plain']:.4f} ({f['ours'] / f['plain']:.2f}x)", f["ours"] <= 0.8 * f["plain"]),
        ("repaired body CER <= 1/2 raw OCR's (aligned)",
         f"{f['body']:.4f} vs {f['raw']:.4f} ({f['body'] / f['raw'] if f['raw'] else 0:.2f}x)",
         f["body"] <= f["raw"] / 2),
        ("OCR of a page <= 20 s", f"mean {sum(secs) / len(secs):.1f} s, max {max(secs):.1f} s", max(secs) <= 20),
    ]


def flagged_right_line(rows: list[dict]) -> str:
    """How often a check flags a value that was read right (scans and OCR text)."""
    both = [r[k]["score"] for r in rows for k in ("text", "scan")]
    numbers = [r[k]["score"] for r in rows for k in ("text", "scan") if r["truth"]["number"]
               and r[k]["score"]["number_exact"]]
    dates = [s for s in both if s["date"]]
    n_flagged = sum(s.get("flagged_right", (False, False))[0] for s in numbers)
    d_flagged = sum(s.get("flagged_right", (False, False))[1] for s in dates)
    return (f"right values flagged by a check (scans and OCR text): numbers {n_flagged} of {len(numbers)} "
            f"read right, dates {d_flagged} of {len(dates)}")


def misses_table(rows: list[dict]) -> list[str]:
    """The wrong numbers and dates by how they were wrong, per input."""
    kinds = ("not read", "flagged", "not flagged")
    out = ["| input | field | " + " | ".join(kinds) + " |", "|---|---|---:|---:|---:|"]
    for key, name in PATHS[1:]:
        for field in ("number", "date"):
            got = [r[key]["score"].get("misses", {}).get(field) for r in rows]
            out.append(f"| {name} | {field} | " + " | ".join(str(got.count(k)) for k in kinds) + " |")
    return out + ["(flagged: read wrong and flagged, without the right reading as the suggestion)"]


def misread_table(rows: list[dict]) -> list[str]:
    """The numbers and dates read wrong, by the part read wrong (score.misread_parts)."""
    out = ["| input | number: serial right (office or year wrong) | number: serial wrong | date: day only "
           "| date: month or year |", "|---|---:|---:|---:|---:|"]
    for key, name in PATHS[1:]:
        got = [r[key]["score"].get("misread", {}) for r in rows]
        numbers, dates = [m["number"] for m in got if "number" in m], [m["date"] for m in got if "date" in m]
        serial = sum("serial" in n for n in numbers)
        out.append(f"| {name} | {len(numbers) - serial} | {serial} | {dates.count('day')} | "
                   f"{sum(d != 'day' for d in dates)} |")
    return out + ["(a serial or a day read wrong cannot be read right from the text alone: nothing else in a "
                  "new letter repeats it)"]


def body_table(rows: list[dict]) -> list[str]:
    out = ["| input | raw OCR CER (aligned to the body) | repaired body CER | ratio | with spaces: raw | repaired |",
           "|---|---:|---:|---:|---:|---:|"]
    for key, name in PATHS:
        raw, body, raw_s, body_s = (sum(r[key][k] for r in rows) / len(rows)
                                    for k in ("raw_cer", "body_cer", "raw_cer_spaced", "body_cer_spaced"))
        out.append(f"| {name} | {raw:.4f} | {body:.4f} | {body / raw if raw else 0:.2f} | {raw_s:.4f} | {body_s:.4f} |")
    return out


def body_tier_table(rows: list[dict]) -> list[str]:
    """Body CER by damage level (scan and OCR text together): the raw OCR, the repair
    chain alone (the whole repaired text, aligned to the body like the raw), and the body
    as ingested (also wrong where the body was cut in the wrong place)."""
    out = ["| damage | letters | raw OCR (aligned) | repaired text (aligned: the repair alone) | ratio "
           "| repaired body as ingested | ratio |", "|---|---:|---:|---:|---:|---:|---:|"]
    for level in sorted({r["truth"]["damage"] for r in rows}) + [None]:
        sel = [r[k] for r in rows if level is None or r["truth"]["damage"] == level for k in ("text", "scan")]
        raw, rep, body = (sum(x.get(k, 0.0) for x in sel) / len(sel) for k in ("raw_cer", "repair_cer", "body_cer"))
        out.append(f"| {'all' if level is None else level} | {len(sel) // 2} | {raw:.4f} | {rep:.4f} | "
                   f"{rep / raw if raw else 0:.2f} | {body:.4f} | {body / raw if raw else 0:.2f} |")
    return out


CHECKED = ("number", "date", "references")  # the fields numbers and dates are read into


def damage_field_table(rows: list[dict]) -> list[str]:
    """Numbers, dates and references right (as scored: a wrong number flagged with the
    right reading counts), of the letters at each damage level, from the scan and from
    the OCR text."""
    out = ["| damage | letters | " + " | ".join(f"scan: {f}" for f in CHECKED) + " | "
           + " | ".join(f"OCR text: {f}" for f in CHECKED) + " |", "|---" * (2 + 2 * len(CHECKED)) + "|"]
    for level in sorted({r["truth"]["damage"] for r in rows}) + [None]:
        sel = [r for r in rows if level is None or r["truth"]["damage"] == level]
        counts = [sum(r[k]["score"][f] for r in sel) for k in ("scan", "text") for f in CHECKED]
        out.append(f"| {'all' if level is None else level} | {len(sel)} | " + " | ".join(map(str, counts)) + " |")
    return out


def ocr_table(rows: list[dict]) -> list[str]:
    out = ["| damage | pages | plain tesseract CER | our OCR CER | ratio | our s/page | plain s/page |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for level in sorted({r["truth"]["damage"] for r in rows}):
        sel = [(c, p) for r in rows if r["truth"]["damage"] == level for c, p in zip(r["page_cer"], r["pages"])]
        plain = sum(c[1] for c, _ in sel) / len(sel)
        ours = sum(c[0] for c, _ in sel) / len(sel)
        ours_s = sum(p["ours_s"] for _, p in sel) / len(sel)
        plain_s = sum(p["plain_s"] for _, p in sel) / len(sel)
        out.append(f"| {level} | {len(sel)} | {plain:.4f} | {ours:.4f} | {ours / plain:.2f} | "
                   f"{ours_s:.1f} | {plain_s:.1f} |")
    return out


def details(rows: list[dict]) -> list[str]:
    out = []
    for r in rows:
        for key, _ in PATHS:
            s, doc = r[key]["score"], r[key]["doc"] or {}
            wrong = [f for f in FIELDS if not s[f]]
            for f in wrong:
                want = r["truth"].get(f)
                got = doc.get(f) if f != "references" else [(x.get("number"), x.get("date"), x.get("id"))
                                                            for x in doc.get("references") or []]
                out.append(f"{r['key']} {key:5} {f}: want {want!r} got {got!r}")
    return out


def print_report(rows: list[dict], verbose: bool = False) -> bool:
    lines = ["", "Fields right, per input:", *field_table(rows), "",
             "Numbers, dates and references right, by damage level:", *damage_field_table(rows), "",
             "Body CER:", *body_table(rows), "",
             "Body CER by damage level (scan and OCR text):", *body_tier_table(rows), "",
             "OCR per page, by damage level:", *ocr_table(rows), "", "Targets:"]
    targets = _targets(rows)
    lines += [f"  {'met   ' if ok else 'MISSED'} {name}: {value}" for name, value, ok in targets]
    lines += ["", flagged_right_line(rows), "", "Wrong numbers and dates:", *misses_table(rows),
              "", "Parts read wrong:", *misread_table(rows)]
    if verbose:
        lines += ["", "Wrong fields:", *details(rows)]
    print("\n".join(lines))
    return all(ok for _, _, ok in targets)


def markdown_section(rows: list[dict], when: str) -> str:
    """The results as docs/benchmarks.md shows them (included by benchmarks/bench_report.py)."""
    targets = _targets(rows)
    return "\n".join([
        f"`python benchmarks/ingest_eval.py` ({when}) บนชุดหนังสือทดสอบที่โปรแกรมสร้างเอง {len(rows)} ฉบับ "
        "(`benchmarks/letterset/`: หนังสือภายนอก บันทึกข้อความ หนังสือประทับตรา คำสั่ง ประกาศ จากกรม กระทรวง จังหวัด "
        "อำเภอ และสมาคม หนึ่งและสองหน้า ตาราง ตราประทับ ครุฑ ฟอนต์พิมพ์ดีดและฟอนต์ปัจจุบัน ความเสียหายระดับ 0–3 "
        "เป็น PNG/JPEG/PDF) แต่ละฉบับนำเข้าสามแบบ: ข้อความพิมพ์ (ไม่ผ่าน OCR) ข้อความจาก `tesseract PAGE - -l tha` "
        "และภาพสแกนผ่าน OCR ของระบบ นับช่องข้อมูลที่ตรงกับหนังสือจริง", "",
        *field_table(rows), "", "เลขที่ วันที่ และการอ้างถึงที่ถูก ตามระดับความเสียหาย:", "", *damage_field_table(rows), "",
        "CER ของเนื้อความ (เทียบเฉพาะส่วนเนื้อความ):", "", *body_table(rows), "",
        "CER ของเนื้อความตามระดับความเสียหาย (สแกนและข้อความ OCR รวมกัน; ซ่อมทั้งข้อความแล้วเทียบเฉพาะส่วนเนื้อความ "
        "= ผลของการซ่อมเพียงอย่างเดียว):", "", *body_tier_table(rows), "",
        "OCR ต่อหน้า แยกตามระดับความเสียหาย:", "", *ocr_table(rows), "", "เป้าหมายของ issue #16:", "", "```",
        *[f"{'met   ' if ok else 'MISSED'} {name}: {value}" for name, value, ok in targets], "```", "",
        flagged_right_line(rows), "", "เลขที่และวันที่ที่ผิด แยกตามลักษณะ:", "", *misses_table(rows), "",
        "เลขที่และวันที่ที่อ่านผิด แยกตามส่วนที่ผิด:", "", *misread_table(rows), ""])
