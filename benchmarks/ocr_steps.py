"""What each page preparation step buys, and which reading of a page to keep (issue #16).

Every page of the generated letter set (benchmarks/letterset/, written by ingest_eval.py)
is prepared with no step, each step of build_tools/ingest/preprocess.py alone, and the
default steps; each distinct page image is read once by Tesseract (automatic page
segmentation, as ocr.py reads) and its text rebuilt by layout.py.  Two tables, per
damage level (mean page CER against the printed page):

  steps    CER with each step alone (in brackets: on how many pages it changed the page)
  choice   which of the two readings ocr.py makes (the page as scanned, the page as
           prepared) to keep: by Tesseract's confidence (the rule before), by the Thai
           dictionary words read (ocr.py now), the better one (an oracle); against plain
           `tesseract PAGE - -l tha`

Only Tesseract and the layout are measured here (no digit or header re-reading, no
stamps): ingest_eval.py measures the whole OCR.  Readings are cached in
build/letter-set/steps-cache (keyed by the page image), so a second run is quick.

    .venv/bin/python benchmarks/ocr_steps.py              # ~10 min the first time
    .venv/bin/python benchmarks/ocr_steps.py --only L15,L33"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest_eval import SET_DIR, ensure_set  # noqa: E402
from letterset.score import cer  # noqa: E402

from build_tools.ingest import layout, tesseract  # noqa: E402
from build_tools.ingest.inputs import pages_of  # noqa: E402
from build_tools.ingest.ocr import _thai_word_chars  # noqa: E402
from build_tools.ingest.preprocess import ALL_STEPS, STEPS, prepare  # noqa: E402

CONFIGS = {"none": (), **{s: (s,) for s in ALL_STEPS if s != "colour"}, "default": STEPS}
OLD_SURER_BY = 3.0  # the confidence margin of the rule before


def _reading(page, cache: Path) -> dict:
    """Tesseract's reading of one page image: text and TSV, cached by the image."""
    key = hashlib.sha256(page.tobytes() + repr(page.size).encode()).hexdigest()[:16]
    path = cache / f"{key}-psm3.json"
    if not path.exists():
        with tempfile.TemporaryDirectory() as tmp:
            src, base = Path(tmp) / "p.png", Path(tmp) / "o"
            page.save(src)
            subprocess.run(["tesseract", str(src), str(base), "-l", "tha", "--psm", "3", "txt", "tsv"],
                           capture_output=True, check=True, env=tesseract.ENV)
            path.write_text(json.dumps({"text": base.with_suffix(".txt").read_text(encoding="utf-8"),
                                        "tsv": base.with_suffix(".tsv").read_text(encoding="utf-8")},
                                       ensure_ascii=False), encoding="utf-8")
    return {"key": key, **json.loads(path.read_text(encoding="utf-8"))}


def _confidence(lines) -> float:
    chars = [(sum(len(w.text) for w in ln.words if w.text.strip()), ln.conf) for ln in lines]
    total = sum(n for n, _ in chars)
    return sum(n * c for n, c in chars) / total if total else 0.0


def page_rows(truth: dict, cache: Path) -> list[dict]:
    """Per page: for each configuration, its CER, confidence, Thai word characters."""
    scan = SET_DIR / truth["scan"]
    out = []
    for i, img in enumerate(pages_of(scan, "pdf" if scan.suffix == ".pdf" else "image")):
        row = {"damage": truth["damage"], "page": f"{truth['key']}/{i + 1}"}
        for name, steps in CONFIGS.items():
            r = _reading(prepare(img, steps).page, cache)
            lines = tesseract.attach_text(r["text"], tesseract.parse_tsv(r["tsv"]))
            row[name] = {"image": r["key"], "cer": cer(truth["page_texts"][i], layout.page_text(lines)),
                         "conf": _confidence(lines), "words": _thai_word_chars(lines)}
        out.append(row)
    return out


def plain_cers(truth: dict) -> list[float]:
    """Plain `tesseract PAGE - -l tha` per page, from ingest_eval.py's cache."""
    found = sorted((SET_DIR / "cache").glob(f"{truth['key']}-*-plain.json"))
    if not found:
        raise SystemExit(f"no plain Tesseract reading of {truth['key']}: run benchmarks/ingest_eval.py first")
    pages = json.loads(found[-1].read_text(encoding="utf-8"))
    return [cer(truth["page_texts"][i], p["plain"]) for i, p in enumerate(pages)]


def _mean(xs) -> float:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else 0.0


def steps_table(rows: list[dict]) -> list[str]:
    out = ["| damage | pages | " + " | ".join(CONFIGS) + " |", "|---|---:|" + "---:|" * len(CONFIGS)]
    for level in sorted({r["damage"] for r in rows}) + [None]:
        sel = [r for r in rows if level is None or r["damage"] == level]
        cells = [f"{_mean(r[c]['cer'] for r in sel):.4f} ({sum(r[c]['image'] != r['none']['image'] for r in sel)})"
                 for c in CONFIGS]
        out.append(f"| {'all' if level is None else level} | {len(sel)} | " + " | ".join(cells) + " |")
    return out


CHOICES = {
    "as scanned": lambda r: r["none"],
    "as prepared": lambda r: r["default"],
    "confidence (before)": lambda r: r["none"] if r["none"]["conf"] > r["default"]["conf"] + OLD_SURER_BY
    else r["default"],
    "Thai words (now)": lambda r: r["default"] if r["default"]["words"] > r["none"]["words"] else r["none"],
    "better of the two": lambda r: min(r["none"], r["default"], key=lambda x: x["cer"]),
}


def choice_table(rows: list[dict]) -> list[str]:
    out = ["| reading kept | " + " | ".join(f"damage {d}" for d in sorted({r['damage'] for r in rows}))
           + " | all | pages worse than plain |", "|---|" + "---:|" * (len({r['damage'] for r in rows}) + 2)]
    out.append("| plain tesseract | " + " | ".join(
        f"{_mean(r['plain'] for r in rows if r['damage'] == d):.4f}" for d in sorted({r['damage'] for r in rows}))
        + f" | {_mean(r['plain'] for r in rows):.4f} | |")
    for name, pick in CHOICES.items():
        cells = []
        for d in sorted({r["damage"] for r in rows}):
            sel = [r for r in rows if r["damage"] == d]
            ours, plain = _mean(pick(r)["cer"] for r in sel), _mean(r["plain"] for r in sel)
            cells.append(f"{ours:.4f} ({ours / plain:.2f}×)")
        ours, plain = _mean(pick(r)["cer"] for r in rows), _mean(r["plain"] for r in rows)
        worse = [r["page"] for r in rows if pick(r)["cer"] > r["plain"] + 1e-9]
        out.append(f"| {name} | " + " | ".join(cells) + f" | {ours:.4f} ({ours / plain:.2f}×) | "
                   f"{len(worse)} {' '.join(worse)} |")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="comma-separated letter keys")
    args = ap.parse_args(argv)
    truths = ensure_set(SET_DIR, 16)
    if args.only:
        truths = [t for t in truths if t["key"] in args.only.split(",")]
    cache = SET_DIR / "steps-cache"
    cache.mkdir(parents=True, exist_ok=True)
    rows = []
    for t in truths:
        for row, plain in zip(page_rows(t, cache), plain_cers(t)):
            rows.append({**row, "plain": plain})
        print(f"  {t['key']}", file=sys.stderr, flush=True)
    print("Page CER with each preparation step alone (pages it changed):\n", *steps_table(rows), sep="\n")
    print("\nWhich reading to keep: page CER (ratio to plain tesseract):\n", *choice_table(rows), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
