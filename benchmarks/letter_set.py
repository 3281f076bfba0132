"""Write the evaluation set of generated Thai official letters (issue #16): each letter's
scan (PNG/JPEG/PDF/TIFF), the text a typist would have typed, and truth.json.

    .venv/bin/python benchmarks/letter_set.py --out build/letter-set [--only L01,L02]

The set is fictional and deterministic for a seed (benchmarks/letterset/)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from letterset.build import write_set  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "build" / "letter-set"))
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--only", help="comma-separated letter keys (L01,L02,...)")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    truths = write_set(Path(args.out), args.seed, only)
    print(f"{len(truths)} letters in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
