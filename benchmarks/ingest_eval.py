"""How well `ingest` reads letters (issue #16): the generated set of benchmarks/letterset/
(32+ letters of every form and agency kind, scans with their truth) ingested three ways,
each scored field by field (benchmarks/letterset/score.py):

  typed   the clean text a typist would have typed (no OCR at all)
  text    the OCR text a maintainer's own tool gives: plain `tesseract PAGE - -l tha`
  scan    the scan itself, read by the project's OCR (build_tools/ingest/ocr.py)

It prints the per-field tables, the body's character error rate (raw OCR against the
repaired body, both aligned to the true body), each page's OCR CER (ours against plain
Tesseract) and the OCR time per page, and writes benchmarks/results/ingest_eval.json (a run
of the whole set only: `--only` prints its figures and writes nothing).

    .venv/bin/python benchmarks/ingest_eval.py                # the whole set (~10 min on 2 cores)
    .venv/bin/python benchmarks/ingest_eval.py --only L01,L02 --verbose
    .venv/bin/python benchmarks/ingest_eval.py --steps        # CER per preprocessing step
    .venv/bin/python benchmarks/ingest_eval.py --seed 18      # a held-out set: other letters

Another seed writes the same forms and offices with other words, numbers, dates and
specks (into build/letter-set-seed<N>, its results into ingest_eval-seed<N>.json/.md):
a fix made while looking at one set's failures is checked on a set it never saw.

OCR results are cached in the set's folder (keyed by the scan and the OCR code), so a
second run re-reads only what changed; --no-cache times every page afresh."""
from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from letterset.build import write_set  # noqa: E402
from letterset.report import DEFAULT_SEED, markdown_section, print_report  # noqa: E402
from letterset.score import cer, fold, score  # noqa: E402

from build_tools.ingest.analyze import Env, analyze  # noqa: E402
from build_tools.ingest.inputs import pages_of  # noqa: E402
from build_tools.ingest.ocr import ocr_page  # noqa: E402
from build_tools.ingest.preprocess import ALL_STEPS, STEPS  # noqa: E402
from build_tools.ingest.reread import Budget  # noqa: E402
from build_tools.ingest.tesseract import ENV  # noqa: E402
from build_tools.normalization.rules import Context, normalize_text  # noqa: E402
from build_tools.sources.corpus import load_corpus  # noqa: E402

SET_DIR = ROOT / "build" / "letter-set"
# The results section of docs/benchmarks.md (benchmarks/bench_report.py includes it).
MARKDOWN = ROOT / "benchmarks" / "results" / "ingest_eval.md"
NOT_GENERATOR = ("report.py", "score.py")


def ocr_code() -> list[str]:
    """What a page's OCR result depends on (the key of its cache entry): ocr.py and every
    module of ours it imports, and those theirs (the header re-reading's number, date and
    label readers included), found by their import statements, so that no module can be
    left out of the key; and inputs.py, which rasterizes the pages.  (A package's
    __init__ is not followed: ocr.py's readings do not depend on the rest of its package.)"""
    found, todo = {"build_tools/ingest/inputs.py"}, ["build_tools.ingest.ocr"]
    while todo:
        path = todo.pop().replace(".", "/") + ".py"
        if path in found or not (ROOT / path).exists():
            continue
        found.add(path)
        for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("build_tools"):
                todo += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return sorted(found)


def _code_hash(files, base: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update((base / f).read_bytes())
    return h.hexdigest()[:12]


# The OCR code this process loaded (ocr_page is imported above): taken once, so that a
# module edited while a long run reads pages does not label the old code's readings as its own.
OCR_CODE_HASH = _code_hash(ocr_code(), ROOT)


def ensure_set(out: Path, seed: int) -> list[dict]:
    # The generator's modules only: a change to how the set is scored or reported does
    # not make a new set (writing one takes minutes, and its PDFs come out new bytes).
    generator = sorted(p.name for p in (ROOT / "benchmarks" / "letterset").glob("*.py") if p.name not in NOT_GENERATOR)
    stamp = _code_hash(generator, ROOT / "benchmarks" / "letterset") + f"-{seed}"
    marker = out / "generator.hash"
    if not (out / "truth.json").exists() or not marker.exists() or marker.read_text() != stamp:
        print(f"writing the letter set into {out} …", file=sys.stderr)
        write_set(out, seed, log=lambda m: print(m, file=sys.stderr))
        marker.write_text(stamp)
    return json.loads((out / "truth.json").read_text(encoding="utf-8"))


def set_folder(seed: int) -> Path:
    """Where the letter set of `seed` is written (the default seed's: build/letter-set)."""
    return SET_DIR if seed == DEFAULT_SEED else SET_DIR.with_name(f"{SET_DIR.name}-seed{seed}")


def scan_key(truth: dict, set_dir: Path) -> str:
    """What a letter's cached OCR is named by: a hash of its scan's bytes."""
    return hashlib.sha256((set_dir / truth["scan"]).read_bytes()).hexdigest()[:12]


def input_texts(truth: dict, set_dir: Path, pages: list[dict]) -> dict[str, str]:
    """The three inputs a letter is ingested from: its typed text, plain Tesseract's text of
    its pages and our OCR's."""
    return {"typed": (set_dir / truth["typed"]).read_text(encoding="utf-8"),
            "text": "\f\n".join(p["plain"] for p in pages),
            "scan": "\n\n".join(p["ours"] for p in pages)}


def plain_tesseract(img) -> str:
    """`tesseract PAGE - -l tha`, as a maintainer would run it."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.png"
        img.save(page)
        return subprocess.run(["tesseract", str(page), "-", "-l", "tha"], capture_output=True, text=True,
                              env=ENV, check=True).stdout


def read_pages(truth: dict, set_dir: Path, cache: bool, steps=STEPS) -> list[dict]:
    """Per page: our OCR text and time, plain Tesseract's text and time (cached).  Thai
    digits are read again without the templates of the font the letter was printed in
    (build_tools/ingest/digits.py): the figures hold for fonts the templates never saw."""
    os.environ["SIAM_YIM_DIGIT_FONTS_EXCLUDE"] = truth["font"]
    scan = set_dir / truth["scan"]
    tag = OCR_CODE_HASH + "-" + "-".join(steps)
    key = scan_key(truth, set_dir)
    path = set_dir / "cache" / f"{truth['key']}-{key}-{tag}.json"
    plain_path = set_dir / "cache" / f"{truth['key']}-{key}-plain.json"
    if cache and path.exists() and plain_path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    plain = json.loads(plain_path.read_text(encoding="utf-8")) if plain_path.exists() else None
    kind = "pdf" if scan.suffix == ".pdf" else "image"
    pages = []
    t0 = time.perf_counter()
    for i, img in enumerate(pages_of(scan, kind)):
        render = time.perf_counter() - t0
        t1 = time.perf_counter()
        budget = Budget()
        ours = ocr_page(img, steps, budget)
        t_ours = time.perf_counter() - t1 + render
        mine = {"ours": ours, "ours_s": t_ours, "rereads": budget.used}
        if plain is None:
            t2 = time.perf_counter()
            text = plain_tesseract(img)
            pages.append(mine | {"plain": text, "plain_s": time.perf_counter() - t2})
        else:
            pages.append(mine | plain[i])
        t0 = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    plain_path.write_text(json.dumps([{"plain": p["plain"], "plain_s": p["plain_s"]} for p in pages],
                                     ensure_ascii=False), encoding="utf-8")
    return pages


def aligned(truth_body: str, text: str) -> str:
    """The part of `text` that stands where the true body does (between the best matches
    of its first and last words)."""
    from difflib import SequenceMatcher

    t, s = fold(truth_body), fold(text)
    m = SequenceMatcher(None, t, s, autojunk=False)
    blocks = [b for b in m.get_matching_blocks() if b.size >= 8]
    if not blocks:
        return ""
    start = max(0, blocks[0].b - blocks[0].a)
    last = blocks[-1]
    end = min(len(s), last.b + last.size + (len(t) - last.a - last.size))
    return s[start:end]


def body_cers(truth_body: str, text: str, body: str, env: Env) -> dict[str, float]:
    """The body's CERs, without spaces: the raw OCR's and the repaired text's (both aligned
    to the body), the ingested body's; and with spaces, the raw OCR's and the body's."""
    raw = aligned(truth_body, text)
    return {"raw_cer": cer(truth_body, raw, spaces=False),
            "repair_cer": cer(truth_body, aligned(truth_body, repair(text, env)), spaces=False),
            "body_cer": cer(truth_body, body, spaces=False), "raw_cer_spaced": cer(truth_body, raw),
            "body_cer_spaced": cer(truth_body, body)}


def repair(text: str, env: Env) -> str:
    """The whole text through the body's repair chain (as ingest repairs a body): aligned
    to the body like the raw text, it measures the repair apart from where the body was cut."""
    return normalize_text(text, ctx=Context(known_names=env.names, restore_places=True))[0]


def ingest_text(text: str, env: Env, corpus) -> dict | None:
    docs, _ = analyze(text, corpus, "eval.txt", env=env)
    letters = [d for d in docs if d["doc_type"] == "letter"]
    return letters[0] if letters else (docs[0] if docs else None)


def evaluate(truths: list[dict], set_dir: Path, cache: bool) -> list[dict]:
    corpus = load_corpus(ROOT / "corpus")
    env = Env.of(corpus)
    rows = []
    for t in truths:
        pages = read_pages(t, set_dir, cache)
        texts = input_texts(t, set_dir, pages)
        row = {"key": t["key"], "truth": t, "pages": pages}
        for path, text in texts.items():
            doc = ingest_text(text, env, corpus)
            body = doc.get("body_markdown") if doc else ""
            row[path] = {"doc": doc, "score": score(t, doc), **body_cers(t["body"], text, body, env)}
        row["page_cer"] = [(cer(t["page_texts"][i], p["ours"]), cer(t["page_texts"][i], p["plain"]))
                           for i, p in enumerate(pages)]
        rows.append(row)
        print(f"  {t['key']}: " + "  ".join(f"{k} {sum(v for f, v in row[k]['score'].items() if f in FIELD_KEYS)}/9"
                                          for k in ("typed", "text", "scan")), file=sys.stderr, flush=True)
    return rows


FIELD_KEYS = ("number", "date", "issuer", "subject", "addressee", "references", "enclosures", "signatory", "urgency")


def steps_ablation(truths: list[dict], set_dir: Path) -> None:
    """Page CER of our OCR with each preprocessing step alone, none, and all."""
    configs = [("none", ())] + [(s, (s,)) for s in ALL_STEPS] + [("default", STEPS), ("all", ALL_STEPS)]
    print("\nPreprocessing steps: page CER of our OCR (mean over pages), and on how many pages each"
          " step made it worse / better than none")
    print(f"{'steps':12} {'mean CER':>9} {'vs none':>8} {'worse':>6} {'better':>7}")
    base: list[float] = []
    for name, steps in configs:
        cers = []
        for t in truths:
            for i, p in enumerate(read_pages(t, set_dir, True, steps)):
                cers.append(cer(t["page_texts"][i], p["ours"]))
        base = base or cers
        mean, mean0 = sum(cers) / len(cers), sum(base) / len(base)
        worse = sum(c > b + 0.002 for c, b in zip(cers, base))
        better = sum(c < b - 0.002 for c, b in zip(cers, base))
        print(f"{name:12} {mean:>9.4f} {mean / mean0:>8.2f} {worse:>6} {better:>7}", flush=True)


def print_rereads(rows: list[dict]) -> None:
    """How many Tesseract readings of header crops the re-reading (reread.py) took per page,
    beyond the page's own (pages read before it was counted say nothing)."""
    counts = [p["rereads"] for r in rows for p in r["pages"] if "rereads" in p]
    if counts:
        mean = sum(counts) / len(counts)
        print(f"\nHeader re-reading: Tesseract readings of header crops per page: mean {mean:.1f}, "
              f"max {max(counts)}, pages with any {sum(c > 0 for c in counts)} of {len(counts)}; "
              f"by page: {' '.join(str(c) for c in counts)}")


def summary(row: dict) -> dict:
    """What results/ingest_eval.json keeps of a letter: scores, CERs, times (no texts)."""
    out = {"key": row["key"], "page_cer": row["page_cer"],
           "seconds": [round(p["ours_s"], 2) for p in row["pages"]],
           "rereads": [p.get("rereads") for p in row["pages"]],
           "plain_seconds": [round(p["plain_s"], 2) for p in row["pages"]]}
    for path in ("typed", "text", "scan"):
        out[path] = {k: v for k, v in row[path].items() if k != "doc"}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", help="folder of the letter set (generated if missing; "
                                   "default build/letter-set, build/letter-set-seed<N> for another seed)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED,
                    help="the set's seed: another seed writes other letters (words, numbers, specks), a held-out check")
    ap.add_argument("--only", help="comma-separated letter keys")
    ap.add_argument("--no-cache", action="store_true", help="OCR every page afresh (for the timing figures)")
    ap.add_argument("--verbose", action="store_true", help="every wrong field of every letter")
    ap.add_argument("--steps", action="store_true", help="measure each preprocessing step (slow)")
    args = ap.parse_args(argv)
    set_dir = Path(args.set) if args.set else set_folder(args.seed)
    truths = ensure_set(set_dir, args.seed)
    if args.only:
        truths = [t for t in truths if t["key"] in args.only.split(",")]
    if args.steps:
        steps_ablation(truths, set_dir)
        return 0
    rows = evaluate(truths, set_dir, cache=not args.no_cache)
    ok = print_report(rows, args.verbose)
    print_rereads(rows)
    if not args.only:  # the results files hold the whole set only (a subset would replace them)
        # (another seed's set, a held-out check, keeps its results beside the set's own)
        stem = "ingest_eval" if args.seed == DEFAULT_SEED else f"ingest_eval-seed{args.seed}"
        out = ROOT / "benchmarks" / "results" / f"{stem}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps([summary(r) for r in rows], ensure_ascii=False, indent=1), encoding="utf-8")
        when = time.strftime("%Y-%m-%d") + ("" if args.seed == DEFAULT_SEED else f", seed {args.seed}")
        (MARKDOWN if args.seed == DEFAULT_SEED else out.with_suffix(".md")).write_text(markdown_section(rows, when),
                                                                                       encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
