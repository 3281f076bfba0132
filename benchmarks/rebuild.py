"""Rebuild benchmark: on a SYNTHETIC corpus of N letters, a rebuild with nothing changed
and a rebuild after one changed letter (a corrected title, as bench.py does), each a
real `build` subprocess: wall time, CPU time (the build and its index process) and
peak RSS, with the machine's load average.  The slow part of `./dev bench` alone, for
working on rebuild speed:

    python benchmarks/rebuild.py --size 1000 --work build/rebuild --rounds 3

The corpus and its first (full) build are kept in --work and reused by later runs
(`--fresh` starts again).  Figures only: nothing here fails on a slow machine.  The
medians are kept in benchmarks/results/measured.json for the report."""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402
from bench_measure import ROOT, log, run_build, touch_one_document  # noqa: E402
from measured import record  # noqa: E402


def timed_build(corpus: Path, out: Path) -> dict:
    """run_build plus the CPU time of the build process and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    b = run_build(corpus, out)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": b["wall"], "cpu": cpu, "rss_mb": b["rss_mb"], "load": os.getloadavg()[0], "lines": b["lines"]}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--size", type=int, default=1000, help="letters in the synthetic corpus")
    p.add_argument("--work", default=str(ROOT / "build" / "rebuild"), help="folder for the corpus and its build")
    p.add_argument("--rounds", type=int, default=3, help="rebuilds of each kind (the median is reported)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--fresh", action="store_true", help="generate the corpus and build it again")
    p.add_argument("--reuse-corpus", action="store_true",
                   help="a first build takes the corpus an earlier run wrote in --work (same size and seed; "
                        "100,000 letters take minutes to write) instead of writing it again")
    a = p.parse_args(argv)
    work = Path(a.work).resolve()
    corpus, out = work / f"corpus-{a.size}", work / f"out-{a.size}"
    if a.fresh or not (out / "build" / "published.json").is_file():
        if a.reuse_corpus and (corpus / "documents").is_dir():
            log(f"N={a.size}: building the synthetic corpus already in {corpus} (once)")
        else:
            log(f"N={a.size}: generating the synthetic corpus and building it (once)")
            synth.write_corpus(corpus, a.size, seed=a.seed)
        first = timed_build(corpus, out)
        log(f"N={a.size}: full build {first['wall']:.1f} s, largest process {first['rss_mb']:.0f} MB")
        # (a full build into an empty folder, as full_build.py's, without plain MkDocs beside it)
        record(a.size, {"build_s": first["wall"], "build_peak_rss_mb": first["rss_mb"]},
               f"benchmarks/rebuild.py --size {a.size} (its first, full build)", f"{first['load']:.1f}")
    timed_build(corpus, out)  # whatever changed since (e.g. the code) is built first
    rows = {"nothing changed": [], "one changed letter": []}
    for k in range(a.rounds):
        rows["nothing changed"].append(timed_build(corpus, out))
        touch_one_document(corpus, k)
        rows["one changed letter"].append(timed_build(corpus, out))
    print(f"\nN = {a.size:,}, {a.rounds} rounds (median; load average at the end of each build)\n")
    print("| rebuild | wall s | CPU s | peak RSS MB | load average |")
    print("|---|---:|---:|---:|---:|")
    for (name, runs), keys in zip(rows.items(), (("nochange_s", None), ("incremental_s", "incremental_rss_mb"))):
        med = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "rss_mb")}
        loads = "–".join(f"{x:.1f}" for x in (min(r["load"] for r in runs), max(r["load"] for r in runs)))
        print(f"| {name} | {med['wall']:.2f} | {med['cpu']:.2f} | {med['rss_mb']:.0f} | {loads} |")
        figures = {keys[0]: med["wall"], **({keys[1]: med["rss_mb"]} if keys[1] else {})}
        record(a.size, figures, f"benchmarks/rebuild.py --size {a.size} --rounds {a.rounds} (medians)", loads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
