"""The letter sets already read, scored again with this checkout's ingest code: the fields'
table pooled over many seeds, in a few minutes instead of an OCR run of each set.

    .venv/bin/python benchmarks/ingest_rescore.py 16 17 18      # seeds whose sets were written
    .venv/bin/python benchmarks/ingest_rescore.py 16-32 --jsonl build/rescore.jsonl
    .venv/bin/python benchmarks/ingest_rescore.py 16-32 --confusions
    .venv/bin/python benchmarks/ingest_rescore.py 16-32 --body

Each letter's OCR is taken from its set's cache (benchmarks/ingest_eval.py writes it), the
newest reading there whatever OCR code made it: what is measured is the reading of the
text (header, fields, checks, references), not the OCR.  A set never read by
ingest_eval.py is skipped with a message.  Printed: each set's figures (as ingest_eval.py
prints them, less the CERs), then the letters with each field right, by input, pooled.
`--jsonl`: a line per letter and input (its scores, number, date and references as read), to compare
two checkouts letter by letter.  `--confusions`: which digit Tesseract's reading gave for
which printed digit, in numbers and header days read with the right length
(build_tools/ingest/checks.py's CONFUSED_DIGITS is counted so).  `--body`: the body's CERs too
(raw OCR, the repair chain alone, the body as ingested; by damage level, as ingest_eval.py
prints them), pooled: slower (each body aligned to the truth)."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest_eval import FIELD_KEYS, body_cers, ingest_text, input_texts, scan_key, set_folder  # noqa: E402
from letterset.report import body_tier_table, figures  # noqa: E402
from letterset.score import score  # noqa: E402

from build_tools.common.thai import to_arabic_digits  # noqa: E402
from build_tools.ingest.analyze import Env  # noqa: E402
from build_tools.sources.corpus import load_corpus  # noqa: E402

INPUTS = ("typed", "text", "scan")


def cached_pages(truth: dict, set_dir: Path) -> list[dict] | None:
    """The newest OCR reading of the letter's scan in the set's cache (None: never read)."""
    key = scan_key(truth, set_dir)
    found = [p for p in (set_dir / "cache").glob(f"{truth['key']}-{key}-*.json") if not p.name.endswith("-plain.json")]
    if not found:
        return None
    return json.loads(max(found, key=lambda p: p.stat().st_mtime).read_text(encoding="utf-8"))


def rescore_set(seed: int, corpus, env: Env, out=None, body: bool = False) -> list[dict] | None:
    """The set's rows as figures() reads them; None when the set was never read.  `body`:
    with the body's CERs (ingest_eval.py's evaluate computes them so)."""
    set_dir = set_folder(seed)
    try:
        truths = json.loads((set_dir / "truth.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    rows = []
    for t in truths:
        pages = cached_pages(t, set_dir)
        if pages is None:
            return None
        os.environ["SIAM_YIM_DIGIT_FONTS_EXCLUDE"] = t["font"]  # as ingest_eval.py read it
        texts = input_texts(t, set_dir, pages)
        row = {"key": t["key"], "truth": t, "page_cer": [(0.0, 0.0)] * len(pages)}
        for kind, text in texts.items():
            doc = ingest_text(text, env, corpus) or {}
            row[kind] = {"score": score(t, doc or None), "raw_cer": 0.0, "body_cer": 0.0,
                         "number": doc.get("number"), "date": doc.get("date"),
                         "references": [{k: r.get(k) for k in ("number", "date", "id", "via")}
                                        for r in doc.get("references", [])],
                         **{k: doc.get(k) for k in ("subject", "addressee", "enclosures", "signatory", "urgency")}}
            if body:
                row[kind].update(body_cers(t["body"], text, doc.get("body_markdown") or "", env))
            if out is not None:
                out.write(json.dumps({"seed": seed, "key": t["key"], "input": kind, **row[kind]},
                                     ensure_ascii=False, default=str) + "\n")
        rows.append(row)
    return rows


def pooled_table(results: dict[int, list[dict]]) -> list[str]:
    """Letters with each field right, by input, over every set."""
    rows = [r for rs in results.values() for r in rs]
    out = ["| input | letters | " + " | ".join(FIELD_KEYS) + " | fields right |",
           "|---|---:|" + "---:|" * (len(FIELD_KEYS) + 1)]
    for kind in INPUTS:
        right = [sum(bool(r[kind]["score"][f]) for r in rows) for f in FIELD_KEYS]
        out.append(f"| {kind} | {len(rows)} | " + " | ".join(map(str, right)) + f" | {sum(right)} |")
    return out


def digit_confusions(results: dict[int, list[dict]]) -> Counter:
    """(digit as read, digit printed) -> how often, in the OCR inputs' numbers and days read
    with as many digits as printed (a lost or added digit says nothing of which it was)."""
    pairs: Counter = Counter()
    for rows in results.values():
        for r in rows:
            for kind in ("text", "scan"):
                got, want = r[kind], r["truth"]
                read = re.sub(r"\D", "", to_arabic_digits(got["number"] or ""))
                printed = re.sub(r"\D", "", to_arabic_digits(want["number"] or ""))
                if got["date"] and want["date"] and got["date"][:7] == want["date"][:7]:
                    read, printed = read + " " + got["date"][8:], printed + " " + want["date"][8:]
                if len(read) == len(printed):
                    pairs.update((a, b) for a, b in zip(read, printed) if a != b)
    return pairs


def seeds(args: list[str]) -> list[int]:
    out = []
    for a in args:
        lo, _, hi = a.partition("-")
        out += range(int(lo), int(hi or lo) + 1)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seeds", nargs="+", help="seeds of sets ingest_eval.py has read: 16 17 or 16-32")
    ap.add_argument("--jsonl", type=Path, help="write each letter's scores here, a line per letter and input")
    ap.add_argument("--confusions", action="store_true", help="print the digits OCR read for other digits")
    ap.add_argument("--body", action="store_true", help="also the body's CERs, by damage level (slower)")
    args = ap.parse_args(argv)
    corpus = load_corpus(ROOT / "corpus")
    env = Env.of(corpus)
    out = args.jsonl.open("w", encoding="utf-8") if args.jsonl else None
    results: dict[int, list[dict]] = {}
    try:
        for seed in seeds(args.seeds):
            rows = rescore_set(seed, corpus, env, out, args.body)
            if rows is None:
                print(f"seed {seed}: no set read by ingest_eval.py in {set_folder(seed)}: skipped", file=sys.stderr)
                continue
            results[seed] = rows
            f = figures(rows)
            print(f"seed {seed}: fields {100 * f['fields']:.1f} %  references {f['found']}/{f['printed']}  "
                  f"dates {100 * f['date']:.1f} %  numbers {100 * f['number']:.1f} %  "
                  f"typed all right {f['typed_all']}/{f['letters']}", flush=True)
    finally:
        if out is not None:
            out.close()
    if not results:
        return 1
    print("\n" + "\n".join(pooled_table(results)))
    if args.body:
        print("\nBody CER by damage level (scan and OCR text):\n"
              + "\n".join(body_tier_table([r for rs in results.values() for r in rs])))
    if args.confusions:
        print("\n| read | printed | times |\n|---|---|---:|")
        for (a, b), n in digit_confusions(results).most_common():
            print(f"| {a} | {b} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
