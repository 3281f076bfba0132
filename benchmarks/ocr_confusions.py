"""Which Thai letters the project's OCR read as which other letters, counted over the pages
of letter sets benchmarks/ingest_eval.py has read (each page's newest cached reading,
aligned character by character with the page as printed).  The source of the pairs
build_tools/normalization/fuzzy.py prices as damage: its look-alike classes
(CONFUSED_PAIRS) and the pairs OCR confuses less often (LOOSE_PAIRS).

    .venv/bin/python benchmarks/ocr_confusions.py 39-48
    .venv/bin/python benchmarks/ocr_confusions.py 39-48 --min 5

Printed: each pair (printed letter -> letter read) seen at least --min times, how often
the printed letter was read so, and which of fuzzy's tables already holds the pair."""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest_eval import set_folder  # noqa: E402
from ingest_rescore import cached_pages, seeds  # noqa: E402
from pythainlp import thai_consonants  # noqa: E402

from build_tools.normalization import fuzzy  # noqa: E402


def is_consonant(c: str) -> bool:
    return c in thai_consonants


def substitutions(printed: str, read: str) -> Counter:
    """(printed letter, letter read) -> how often, where the alignment replaced a run of
    letters by a run as long (a letter lost or added says nothing of which it became)."""
    a, b = fuzzy.clean(printed), fuzzy.clean(read)
    pairs: Counter = Counter()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            pairs.update((x, y) for x, y in zip(a[i1:i2], b[j1:j2]) if is_consonant(x) and is_consonant(y))
    return pairs


def count(seed_list: list[int]) -> tuple[Counter, Counter]:
    """(substitutions, how often each letter was printed) over the sets' pages."""
    pairs, printed = Counter(), Counter()
    for seed in seed_list:
        set_dir = set_folder(seed)
        try:
            truths = json.loads((set_dir / "truth.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            print(f"seed {seed}: no set in {set_dir}: skipped", file=sys.stderr)
            continue
        for t in truths:
            for page, reading in zip(t["page_texts"], cached_pages(t, set_dir) or []):
                printed.update(c for c in fuzzy.clean(page) if is_consonant(c))
                pairs += substitutions(page, reading["ours"])
    return pairs, printed


def table(pairs: Counter, printed: Counter, least: int) -> list[str]:
    out = ["| printed | read | times | of the letter printed | in fuzzy |", "|---|---|---:|---:|---|"]
    for (x, y), n in pairs.most_common():
        if n < least:
            break
        where = "class" if fuzzy.CLASS.get(x, x) == fuzzy.CLASS.get(y, y) else \
            "LOOSE_PAIRS" if frozenset((x, y)) in fuzzy.LOOSE_PAIRS else ""
        out.append(f"| {x} | {y} | {n} | {100 * n / printed[x]:.2f} % | {where} |")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seeds", nargs="+", help="seeds of sets ingest_eval.py has read: 39 40 or 39-48")
    ap.add_argument("--min", type=int, default=10, help="print the pairs seen at least this often")
    args = ap.parse_args(argv)
    pairs, printed = count(seeds(args.seeds))
    print("\n".join(table(pairs, printed, args.min)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
