"""Command-line query latency, per query, beside Whoosh's own search on the same index.

    .venv/bin/python benchmarks/query_latency.py INDEX_DIR [--rounds 5] [--profile 1]
    .venv/bin/python benchmarks/query_latency.py /tmp/b/out-10000/build/index --cold

Runs the scale benchmark's keyword queries (benchmarks/bench_measure.py QUERIES) and natural
questions (QUESTIONS below: the question features on: question words, thesaurus,
intent, answer card) through `build_tools.search.query.run(index_dir, q, limit=10)` in
this process, warm (one warm-up round first), as `bench.py` measures query latency,
and prints for each query its p50, p95 and max over `--rounds` rounds (wall time, and
the CPU time of this process, which waits for a core on a shared machine do not
inflate), then the same over all queries.  Beside it, the reference: Whoosh's own
`searcher.search` (BM25F, limit 10) of the same words (every term the query searches, any of them) on the same
open index.  `--profile K` then runs the K slowest queries under
cProfile; `--cold` also times a cold `search` (process start to the first result, as
bench.py does), for which INDEX_DIR must be `<out>/build/index`.  `--letters N` keeps the
figures in benchmarks/results/measured.json for the report; with `--repeat K` the median
of K whole runs (this machine's speed drifts by a fifth within minutes).  Figures only.
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

from bench_measure import QUERIES  # noqa: E402

QUESTIONS = ["ป.ป.ส. ทำอะไรในโครงการนี้", "ใครติดตามประเมินผล", "พื้นที่ดำเนินการมีกี่อำเภอ", "วันที่ลงนาม MOU",
             "ขั้นตอนการขยายผลมีอะไรบ้าง", "ยาเสพติดในหมู่บ้านแก้ยังไง", "กองทุนแม่ของแผ่นดินคืออะไร",
             "ราคาน้ำมันวันนี้เท่าไหร่"]


def pct(times: list[float], p: float) -> float:
    """The same nearest-rank percentile as bench.measure_queries."""
    s = sorted(times)
    return s[min(len(s) - 1, round(p * (len(s) - 1)))]


def whoosh_query(index_dir: Path, text: str):
    """Whoosh's own query for the words our search looks for: any of its terms (BM25F
    ranks those that hold more of them first)."""
    from whoosh import query

    from build_tools.outputs.search_index.whoosh_index import WORDS_FIELD
    from build_tools.search.query import _opened
    from build_tools.search.scoring import QueryScorer

    opened = _opened(index_dir)
    scorer = QueryScorer(opened.view, opened.understanding.parse(text))
    terms = sorted(scorer.terms)
    return opened.searcher, query.Or([query.Term(WORDS_FIELD, t) for t in terms]) if terms else None


def timed(fn, queries: list[str], rounds: int, cpu: dict | None = None) -> dict[str, list[float]]:
    """Wall time of each query (ms) per round; the process's CPU time too into `cpu`
    when given (on a shared machine the wall time also holds the waits for a core)."""
    for q in queries:  # warm-up: imports, trie, OS cache
        fn(q)
    times: dict[str, list[float]] = {q: [] for q in queries}
    for q in queries:
        if cpu is not None:
            cpu[q] = []
    for _ in range(rounds):
        for q in queries:
            c0, t0 = time.process_time(), time.perf_counter()
            fn(q)
            times[q].append((time.perf_counter() - t0) * 1000)
            if cpu is not None:
                cpu[q].append((time.process_time() - c0) * 1000)
    return times


def measure(index_dir: Path, queries: list[str], rounds: int, cpu: dict | None = None) -> dict[str, list[float]]:
    from build_tools.search.query import run

    return timed(lambda q: run(index_dir, q, limit=10), queries, rounds, cpu)


def measure_whoosh(index_dir: Path, queries: list[str], rounds: int,
                   cpu: dict | None = None) -> dict[str, list[float]]:
    """Whoosh's own search of the same words (the reference), its query built untimed."""
    built = {q: whoosh_query(index_dir, q) for q in queries}

    def search(q):
        searcher, wq = built[q]
        if wq is not None:
            searcher.search(wq, limit=10)[:]
    return timed(search, queries, rounds, cpu)


def summary(times: dict[str, list[float]]) -> tuple[float, float, float]:
    every = [x for t in times.values() for x in t]
    return statistics.median(every), pct(every, 0.95), max(every)


def report(ours: dict[str, list[float]], whoosh: dict[str, list[float]], cpu: dict[str, list[float]],
           whoosh_cpu: dict[str, list[float]]) -> None:
    """Per query and over all: wall p50, p95, max and CPU p50, p95 of ours; wall and CPU
    p50, p95 of Whoosh's own search."""
    width = max(len(q) for q in ours) + 2
    print(f"{'':<{width}} {'ours: wall':>23} {'CPU':>15}   {'Whoosh: wall':>15} {'CPU':>15}")
    print(f"{'query':<{width}} {'p50':>7} {'p95':>7} {'max':>7} {'p50':>7} {'p95':>7}   "
          f"{'p50':>7} {'p95':>7} {'p50':>7} {'p95':>7}")

    def cells(t, c, w, wc, ends):
        return (f"{ends(t)[0]:7.1f} {ends(t)[1]:7.1f} {ends(t)[2]:7.1f} {ends(c)[0]:7.1f} {ends(c)[1]:7.1f}   "
                f"{ends(w)[0]:7.1f} {ends(w)[1]:7.1f} {ends(wc)[0]:7.1f} {ends(wc)[1]:7.1f}")
    for q in ours:
        print(f"{q:<{width}} " + cells(ours[q], cpu[q], whoosh[q], whoosh_cpu[q], lambda t: summary({0: t})))
    print(f"{'ALL':<{width}} " + cells(ours, cpu, whoosh, whoosh_cpu, summary)
          + f"   ({sum(len(t) for t in ours.values())} searches each, ms; load average {os.getloadavg()[0]:.1f})")


def profile(index_dir: Path, q: str, runs: int = 3, top: int = 25) -> None:
    from build_tools.search.query import run

    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        run(index_dir, q, limit=10)
    prof.disable()
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(order).print_stats(top)
        text = out.getvalue()
        print(f"\n--- cProfile of {runs} x run({q!r}), by {order} ---")
        print(text[text.find("   ncalls"):].rstrip())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("index_dir", type=Path, help="a Whoosh index (e.g. <out>/build/index)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds over all queries (default 5)")
    ap.add_argument("--profile", type=int, default=1, metavar="K",
                    help="profile the K slowest queries (default 1; 0: none)")
    ap.add_argument("--cold", action="store_true", help="also time a cold `search` subprocess")
    ap.add_argument("--query", action="append", help="time these queries instead of QUERIES + QUESTIONS")
    ap.add_argument("--letters", type=int, metavar="N",
                    help="the index holds N letters: keep the p50/p95 in benchmarks/results/measured.json")
    ap.add_argument("--repeat", type=int, default=1, metavar="K",
                    help="the whole measurement K times; --letters keeps the median of the K runs' figures "
                         "(one run's p95 moves by a fifth with the machine's speed)")
    args = ap.parse_args(argv)
    queries = args.query or QUERIES + QUESTIONS
    runs = []
    for k in range(args.repeat):
        cpu: dict[str, list[float]] = {}
        whoosh_cpu: dict[str, list[float]] = {}
        ours = measure(args.index_dir, queries, args.rounds, cpu)
        whoosh = measure_whoosh(args.index_dir, queries, args.rounds, whoosh_cpu)
        if args.repeat > 1:
            print(f"\nrun {k + 1} of {args.repeat}")
        report(ours, whoosh, cpu, whoosh_cpu)
        runs.append(summary(ours)[:2] + summary(whoosh)[:2])
    p50, p95, w50, w95 = (statistics.median(r[i] for r in runs) for i in range(4))
    if args.repeat > 1:
        print(f"\nmedian of {args.repeat} runs: ours p50 {p50:.1f} / p95 {p95:.1f} ms, "
              f"Whoosh p50 {w50:.1f} / p95 {w95:.1f} ms")
    if args.letters and not args.query:  # the benchmark's own queries only
        from measured import record

        record(args.letters, {"query_p50_ms": p50, "query_p95_ms": p95, "whoosh_p50_ms": w50, "whoosh_p95_ms": w95},
               f"benchmarks/query_latency.py --rounds {args.rounds}"
               + (f" --repeat {args.repeat} (medians)" if args.repeat > 1 else ""), f"{os.getloadavg()[0]:.1f}")
    slowest = sorted(ours, key=lambda q: statistics.median(ours[q]), reverse=True)
    for q in slowest[:args.profile]:
        profile(args.index_dir, q)
    if args.cold:
        from bench import measure_cold_search

        cold = measure_cold_search(args.index_dir.resolve().parent.parent)
        print(f"\ncold search (process start to first result, median of 3): {cold:.2f} s")
        if args.letters:
            from measured import record

            record(args.letters, {"search_cold_s": cold}, "benchmarks/query_latency.py --cold (median of 3)",
                   f"{os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
