"""Character error rate (CER) of raw OCR versus normalized text, against hand-checked
references.  Prints a table; exits 1 when a sample misses the target.

    .venv/bin/python benchmarks/ocr_cer.py            # seed documents + 2 Tesseract scans
    .venv/bin/python benchmarks/ocr_cer.py --no-ocr   # seed documents only

Samples:
- the six seed documents: raw = their lines of the OCR'd scan, normalized = the build's
  text (rule chain + corpus/corrections.yaml), reference = benchmarks/reference/<id>.txt
  (the text as printed, read by hand; numbers kept as printed where the corpus disagrees);
- scans made here: clean Thai text (from the references) broken into printed lines,
  rendered to a page image (build_tools.ingest.ocr.render_text_image) and OCR'd with
  Tesseract's Thai model; raw = Tesseract's output, normalized = the rule chain with the
  corpus-wide corrections only (nothing specific to the sample).

CER is PyThaiNLP's character_error_rate over text whose whitespace runs are folded to
one space (line layout is not an OCR error; a space inside a word still counts).
Target: normalized CER <= half the raw CER on every sample; normalizing a clean
reference changes nothing (zero new errors)."""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.normalization import lexicon  # noqa: E402
from build_tools.normalization.documents import normalize_corpus  # noqa: E402
from build_tools.normalization.rules import Context, normalize_text  # noqa: E402
from build_tools.sources.corpus import load_corpus  # noqa: E402
from build_tools.sources.corrections import CORPUS_SCOPE, known_names  # noqa: E402

REFERENCE = ROOT / "benchmarks" / "reference"


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def cer(reference: str, hypothesis: str) -> float:
    from pythainlp.benchmarks import character_error_rate

    return character_error_rate(fold(reference), fold(hypothesis))


def wrap(paragraph: str, width: int) -> list[str]:
    """Break a paragraph into printed lines at word boundaries, the way a Thai page
    does: no hyphen, the break falls between two words that have no space between."""
    lines, cur = [], ""
    for tok in lexicon.segment(paragraph):
        if len(cur) + len(tok) > width and cur.strip():
            lines.append(cur.rstrip())
            cur = tok.lstrip()
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def _paragraphs(doc_id: str, starts: tuple[str, ...]) -> list[str]:
    text = (REFERENCE / f"{doc_id}.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n") if p.startswith(starts)]


SCANS = {
    # name: (paragraphs of clean text, font, page furniture inserted after paragraph 1)
    "scan-mou-principles (Garuda)": (
        lambda: _paragraphs("mou-2552-06-12", ("สภาพสังคมไทย", "บันทึกความร่วมมือนี้ มุ่งเน้น")),
        "/usr/share/fonts/truetype/tlwg/Garuda.ttf", "(๒)"),
    "scan-guidance-steps (Norasi)": (
        lambda: _paragraphs("expansion-guidance-2553", ("๑. ", "๒. ", "๔. ")),
        "/usr/share/fonts/truetype/tlwg/Norasi.ttf", "- ๒ -"),
}


def scan_sample(name: str, work: Path, ctx_factory) -> tuple[str, str, str]:
    from build_tools.ingest.ocr import ocr_image, render_text_image

    paras_fn, font, furniture = SCANS[name]
    paras = paras_fn()
    printed: list[str] = []
    for i, p in enumerate(paras):
        printed += wrap(p, 58)
        if i == 0:
            printed += ["", furniture, ""]
        printed.append("")
    image = render_text_image("\n".join(printed), work / (re.sub(r"\W+", "-", name) + ".png"),
                              font_path=font if Path(font).is_file() else None)
    raw = ocr_image(image)
    normalized, _ = normalize_text(raw, ctx=ctx_factory())
    return "\n\n".join(paras), raw, normalized


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-ocr", action="store_true", help="skip the Tesseract scans")
    ap.add_argument("--keep", help="folder for the rendered scan images (default: a temp folder)")
    args = ap.parse_args(argv)

    corpus = load_corpus(ROOT / "corpus")
    names = tuple(known_names(corpus.names))
    wide = [c for c in corpus.corrections if c.scope == CORPUS_SCOPE]

    def ctx_factory():
        return Context(corrections=list(wide), names=names)

    rows = []
    t0 = time.perf_counter()
    for nd in normalize_corpus(corpus):
        ref = (REFERENCE / f"{nd.id}.txt").read_text(encoding="utf-8")
        raw = "\n".join(corpus.raw_lines(nd.doc))
        rows.append((nd.id, ref, raw, nd.text))
        print(f"  measured {nd.id}", file=sys.stderr, flush=True)
    if not args.no_ocr:
        from build_tools.ingest.ocr import ocr_unavailable

        why = ocr_unavailable()
        if why:
            print(f"scans skipped: {why}", file=sys.stderr)
        else:
            work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ocr-cer-"))
            for name in SCANS:
                ref, raw, norm = scan_sample(name, work, ctx_factory)
                rows.append((name, ref, raw, norm))
                print(f"  scanned and measured {name}", file=sys.stderr, flush=True)

    print(f"{'sample':34} {'chars':>6} {'raw CER':>8} {'norm CER':>8} {'ratio':>6}  target")
    ok = True
    for name, ref, raw, norm in rows:
        r, n = cer(ref, raw), cer(ref, norm)
        met = n <= r / 2
        ok &= met
        ratio = f"{n / r:.2f}" if r else "-"
        print(f"{name:34} {len(fold(ref)):>6} {r:>8.4f} {n:>8.4f} {ratio:>6}  {'met' if met else 'MISSED'}")
    new_errors = 0
    for name, ref, _, _ in rows:
        out, _ = normalize_text(ref, ctx=ctx_factory())
        if out != ref.rstrip("\n"):
            new_errors += 1
            print(f"clean text changed by normalization: {name}: CER {cer(ref, out):.4f}")
    print(f"clean references normalized: {len(rows)}, changed: {new_errors} (new errors: "
          f"{'none' if not new_errors else new_errors})")
    print(f"done in {time.perf_counter() - t0:.0f} s")
    return 0 if ok and not new_errors else 1


if __name__ == "__main__":
    sys.exit(main())
