"""What our glyph reading of Thai digits (build_tools/ingest/digits.py) changes in
Tesseract's reading, judged change by change against the letters as printed.

    .venv/bin/python benchmarks/digit_changes.py 27 28      # seeds of letter sets already written

Every page of each set is read by our OCR (the letter's own font left out of the digit
templates, as benchmarks/ingest_eval.py reads); each run of Thai digits `reread_line` changed
is judged: the new run printed in the letter and the old not, right; the reverse, wrong;
else undecided.  Printed: the changes by (read, new) digit pair and by kind (a recount of the
run's glyphs, a digit changed to one Tesseract confuses it with or not), with the share of
the best template's distance to the next for each digit's glyph (the margin it passed).
Slow: our OCR on every page (about ten minutes a set on two cores)."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.common.thai import to_thai_digits  # noqa: E402
from build_tools.ingest import digits, ocr  # noqa: E402
from build_tools.ingest.inputs import pages_of  # noqa: E402

DIGIT_RUN = re.compile("[๐-๙]+")


def _share(glyph, body, read) -> tuple[str, float] | None:
    """(the best digit, its distance as a share of the next other digit's) for a glyph."""
    cell, box = digits._normalize(glyph), glyph.getbbox()
    if cell is None or box is None:
        return None
    grown, aspect = digits._grown(cell), (box[2] - box[0]) / max(1, box[3] - box[1])
    height = min(digits.SIZES, key=lambda s: abs(s - (body or box[3] - box[1])))
    best: dict[str, float] = {}
    for d, tmpl, tmpl_grown, t_aspect in digits.templates(os.environ.get("SIAM_YIM_DIGIT_FONTS_EXCLUDE", ""), height):
        dist = digits.distance(cell, grown, tmpl, tmpl_grown) * (1 + 0.5 * abs(aspect - t_aspect))
        best[d] = min(best.get(d, dist), dist)
    (first, d1), (_, d2) = sorted(best.items(), key=lambda kv: kv[1])[:2]
    return first, d1 / max(d2, 1e-9)


def watch() -> tuple[list, list]:
    """Wrap digits.classify and digits.reread_line: (the classify calls of the line being
    read, the changed lines so far)."""
    calls, changed = [], []
    classify, reread = digits.classify, digits.reread_line

    def classify_watched(glyph, body=None, read=None):
        out = classify(glyph, body, read)
        if (found := _share(glyph, body, read)) is not None:
            calls.append((read, found[0], round(found[1], 3), out))
        return out

    def reread_watched(page, line, threshold):
        calls.clear()
        new = reread(page, line, threshold)
        if new != line.text:
            changed.append({"old": line.text, "new": new, "calls": list(calls)})
        return new

    digits.classify, digits.reread_line = classify_watched, reread_watched
    return calls, changed


def judge(seeds: list[str]) -> list[dict]:
    _, changed = watch()
    out = []
    for seed in seeds:
        set_dir = ROOT / "build" / ("letter-set" if seed == "16" else f"letter-set-s{seed}")
        for truth in json.loads((set_dir / "truth.json").read_text(encoding="utf-8")):
            os.environ["SIAM_YIM_DIGIT_FONTS_EXCLUDE"] = truth["font"]
            typed = (set_dir / truth["typed"]).read_text(encoding="utf-8")
            printed = set(DIGIT_RUN.findall(to_thai_digits(typed)))
            scan = set_dir / truth["scan"]
            for img in pages_of(scan, "pdf" if scan.suffix == ".pdf" else "image"):
                changed.clear()
                ocr.ocr_page(img)
                for c in changed:
                    for a, b in zip(DIGIT_RUN.findall(c["old"]), DIGIT_RUN.findall(c["new"])):
                        if a != b:
                            verdict = ("right" if b in printed and a not in printed
                                       else "wrong" if a in printed and b not in printed else "undecided")
                            out.append({"seed": seed, "key": truth["key"], "font": truth["font"], "old": a, "new": b,
                                        "verdict": verdict, "calls": c["calls"]})
            print(f"  {seed} {truth['key']}: {len(out)} changes", file=sys.stderr, flush=True)
    return out


def report(rows: list[dict]) -> None:
    print("runs changed:", dict(Counter(r["verdict"] for r in rows)))
    kinds: dict[str, Counter] = defaultdict(Counter)
    pairs: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rows:
        if len(r["old"]) != len(r["new"]):
            kinds["recount: one digit" if len(r["old"]) == 1 else "recount: two or more"][r["verdict"]] += 1
            continue
        for a, b in zip(r["old"], r["new"]):
            if a != b:
                pairs[(a, b)][r["verdict"]] += 1
                known = b in digits.TESSERACT_CONFUSES.get(a, "")
                share = next((c[2] for c in r["calls"] if c[0] == a and c[3] == b), None)
                over = share is not None and share > digits.MARGIN_UNRELATED and not known
                kind = "confused" if known else "not confused"
                kinds[kind + (", share over the unrelated margin" if over else "")][r["verdict"]] += 1
    print("\n| kind | right | wrong | undecided |\n|---|---:|---:|---:|")
    for k, c in sorted(kinds.items()):
        print(f"| {k} | {c['right']} | {c['wrong']} | {c['undecided']} |")
    print("\n| read → new | right | wrong | undecided |\n|---|---:|---:|---:|")
    for (a, b), c in sorted(pairs.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"| {a} → {b} | {c['right']} | {c['wrong']} | {c['undecided']} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", nargs="+", help="seeds of letter sets in build/ (16: build/letter-set)")
    ap.add_argument("--json", help="also write every change to this file")
    args = ap.parse_args(argv)
    rows = judge(args.seeds)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
