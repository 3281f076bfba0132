"""Speed and memory of `python -m build_tools normalize FILE` on a large text (default
50 MB: the seed scan repeated).  Prints lines, changes, seconds and peak memory.

    .venv/bin/python benchmarks/normalize_large.py [--mb 50]"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=int, default=50, help="size of the test text in MB (default 50)")
    args = ap.parse_args(argv)
    seed = (ROOT / "corpus" / "raw" / "000_82af3cd14c1fd5a1.txt").read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "big.txt", Path(tmp) / "big.normalized.txt"
        src.write_bytes(seed * (args.mb * 1024 * 1024 // len(seed) + 1))
        print(f"input: {src.stat().st_size / 1e6:.1f} MB", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "build_tools", "normalize", str(src), "-o", str(out)],
                              cwd=ROOT, capture_output=True, text=True)
        took = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(proc.stderr.strip().split("\n")[-1])
        print(f"exit {proc.returncode}; {took:.1f} s wall; peak memory {peak:.0f} MB; "
              f"output {out.stat().st_size / 1e6:.1f} MB" if out.exists() else f"exit {proc.returncode}")
        return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
