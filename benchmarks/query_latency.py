"""Command-line query latency, per query, and where the time goes.

    .venv/bin/python benchmarks/query_latency.py INDEX_DIR [--rounds 5] [--profile 1]
    .venv/bin/python benchmarks/query_latency.py /tmp/b/out-1000/build/index --cold
    .venv/bin/python benchmarks/query_latency.py INDEX_DIR --whoosh   # Whoosh's own ranking

Runs the scale benchmark's queries (benchmarks/bench.py QUERIES) through
`build_tools.search.query.search(index_dir, q, limit=10)` in this process, warm (one warm-up
round first), exactly as `bench.py` measures query latency, and prints for each query
its p50, p95 and max over `--rounds` rounds, then the same over all queries (the p50/p95
that bench.py reports).  `--profile K` then runs the K slowest queries (by p50) under
cProfile and prints the functions with the most cumulative and own time, to show where
the time goes.  `--cold` also times a cold `search` (process start to the first result,
as bench.py does), for which INDEX_DIR must be `<out>/build/index`.  `--whoosh` ranks
with Whoosh's own searcher.search instead of build_tools.search.topk (the same hits), to compare.
Figures only.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_DATA", str(ROOT / ".pythainlp-data"))

from bench import QUERIES  # noqa: E402


def pct(times: list[float], p: float) -> float:
    """The same nearest-rank percentile as bench.measure_queries."""
    s = sorted(times)
    return s[min(len(s) - 1, round(p * (len(s) - 1)))]


def measure(index_dir: Path, queries: list[str], rounds: int) -> dict[str, list[float]]:
    from build_tools.search.query import search

    for q in queries:  # warm-up: imports, trie, OS cache
        search(index_dir, q, limit=10)
    times: dict[str, list[float]] = {q: [] for q in queries}
    for _ in range(rounds):
        for q in queries:
            t0 = time.perf_counter()
            search(index_dir, q, limit=10)
            times[q].append((time.perf_counter() - t0) * 1000)
    return times


def report(times: dict[str, list[float]]) -> None:
    width = max(len(q) for q in times) + 2
    print(f"{'query':<{width}} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for q, t in times.items():
        print(f"{q:<{width}} {statistics.median(t):8.1f} {pct(t, 0.95):8.1f} {max(t):8.1f}")
    every = [x for t in times.values() for x in t]
    print(f"{'ALL':<{width}} {statistics.median(every):8.1f} {pct(every, 0.95):8.1f} {max(every):8.1f}"
          f"   ({len(every)} searches)")


def profile(index_dir: Path, q: str, runs: int = 3, top: int = 25) -> None:
    from build_tools.search.query import search

    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        search(index_dir, q, limit=10)
    prof.disable()
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(order).print_stats(top)
        text = out.getvalue()
        print(f"\n--- cProfile of {runs} x search({q!r}), by {order} ---")
        print(text[text.find("   ncalls"):].rstrip())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("index_dir", type=Path, help="a Whoosh index (e.g. <out>/build/index)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds over all queries (default 5)")
    ap.add_argument("--profile", type=int, default=1, metavar="K",
                    help="profile the K slowest queries (default 1; 0: none)")
    ap.add_argument("--cold", action="store_true", help="also time a cold `search` subprocess")
    ap.add_argument("--query", action="append", help="time these queries instead of bench.QUERIES")
    ap.add_argument("--whoosh", action="store_true",
                    help="rank with Whoosh's own search instead of build_tools.search.topk")
    args = ap.parse_args(argv)
    if args.whoosh:
        import build_tools.search.query

        build_tools.search.query.FAST_TOPK = False
    queries = args.query or QUERIES
    times = measure(args.index_dir, queries, args.rounds)
    report(times)
    slowest = sorted(times, key=lambda q: statistics.median(times[q]), reverse=True)
    for q in slowest[:args.profile]:
        profile(args.index_dir, q)
    if args.cold:
        from bench import measure_cold_search

        out = args.index_dir.resolve().parent.parent
        print(f"\ncold search (process start to first result, median of 3): "
              f"{measure_cold_search(out):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
