"""Full-build benchmark: on a SYNTHETIC corpus of N letters, our whole build from scratch
(a real `build` subprocess into an empty folder: stages 1-3, pages, the Whoosh index,
MkDocs, the site search, the publish) and a plain `mkdocs build` of the same pages,
side by side, round after round, so both see the same machine.  Wall time, CPU time
(the process and its children), peak RSS (the largest single process), with the load
average, and after the rounds one more build for the peak of all its processes together
(sum of PSS, memory.py: sampling it slows the build it measures); the ratio
is the issue's figure (target: ≤ 1.3× plain MkDocs).  The full-build part of
`./dev bench` alone:

    python benchmarks/full_build.py --size 1000 --work build/full --rounds 2

`--engine zensical` does the same with Zensical: our `build --engine zensical` against a
plain `zensical build` of the same pages (its cache cleared), round after round.

The corpus is kept in --work and reused.  Figures only: nothing here fails on a slow
machine.  The medians are kept in benchmarks/results/measured.json for the report
(bench_report.py --sync docs/benchmarks.md)."""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402
from bench_measure import ROOT, log, plain_mkdocs, plain_zensical, run_build  # noqa: E402
from measured import record  # noqa: E402


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def ours(corpus: Path, out: Path, pss: bool = False, engine: str = "mkdocs") -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cpu = _children_cpu()
    b = run_build(corpus, out, engine=engine, pss=pss)
    return {"wall": b["wall"], "cpu": _children_cpu() - cpu, "rss_mb": b["rss_mb"], "pss_mb": b["pss_mb"],
            "load": os.getloadavg()[0],
            "stages": b["checked"], "mkdocs_and_search": b["mkdocs"], "index_wait": b["index_wait"] or 0.0,
            "publish": b["publish"]}


def plain(out: Path, nav: list, site: Path, engine: str = "mkdocs") -> dict:
    """The engine alone on the pages our build assembled in `out`."""
    shutil.rmtree(site, ignore_errors=True)
    cpu = _children_cpu()
    wall = (plain_zensical if engine == "zensical" else plain_mkdocs)(out, nav, site)
    return {"wall": wall, "cpu": _children_cpu() - cpu, "load": os.getloadavg()[0]}


def navigation(corpus_dir: Path) -> list:
    """The generated pages' navigation, as the build gives it to MkDocs."""
    from build_tools.knowledge.checked import check_corpus
    from build_tools.outputs.site.document_pages import generate_pages

    checked = check_corpus(corpus_dir)
    return generate_pages(checked.corpus, checked.docs, checked.model, checked.review.conflicts)[1]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--size", type=int, default=1000, help="letters in the synthetic corpus")
    p.add_argument("--work", default=str(ROOT / "build" / "full"), help="folder for the corpus and the builds")
    p.add_argument("--rounds", type=int, default=2, help="pairs of builds (the median is reported)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--no-memory", action="store_true", help="no extra build for the memory of all processes")
    p.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                   help="the site engine of both builds (default mkdocs)")
    a = p.parse_args(argv)
    if a.engine == "zensical":
        return zensical_rounds(a)
    corpus, out, rows = paired_rounds(a, "mkdocs")
    # The memory of all the build's processes, in a build of its own: sampling it
    # (memory.py) reads every process's page tables twice a second, which slows the
    # build it measures, more so the more processes it has.
    sampled = {"pss_mb": None}
    if not a.no_memory:
        log(f"N={a.size}: one more build, its memory sampled")
        sampled = ours(corpus, out, pss=True)
    started = time.strftime("%Y-%m-%d %H:%M")
    print(f"\nN = {a.size:,}, {a.rounds} round(s), {started} (load average at the end of each build)\n")
    print("| round | our build: wall / CPU / peak RSS | of which stages 1-3 and pages / "
          "MkDocs and site search / the index waited for / publish | plain mkdocs: wall / CPU | ratio (wall) | load |")
    print("|---:|---:|---:|---:|---:|---:|")
    for k, (o, m) in enumerate(rows, 1):
        print(f"| {k} | {o['wall']:.1f} s / {o['cpu']:.1f} s / {o['rss_mb']:.0f} MB | {o['stages']:.1f} s / "
              f"{o['mkdocs_and_search']:.1f} s / {o['index_wait']:.1f} s / {o['publish']:.1f} s "
              f"| {m['wall']:.1f} s / {m['cpu']:.1f} s | {o['wall'] / m['wall']:.2f} × "
              f"| {o['load']:.1f} / {m['load']:.1f} |")
    ratio = statistics.median(o["wall"] / m["wall"] for o, m in rows)
    print(f"\nmedian ratio: {ratio:.2f} × (target ≤ 1.3 ×)")
    if sampled["pss_mb"]:
        print(f"memory, a build of its own sampled twice a second ({sampled['wall']:.1f} s): largest process "
              f"{sampled['rss_mb']:.0f} MB, all processes together (PSS) {sampled['pss_mb']:.0f} MB")
    record(a.size, {"build_s": statistics.median(o["wall"] for o, _ in rows),
                    "build_peak_rss_mb": statistics.median(o["rss_mb"] for o, _ in rows),
                    **({"build_total_pss_mb": sampled["pss_mb"]} if sampled["pss_mb"] else {}),
                    "checked_s": statistics.median(o["stages"] for o, _ in rows),
                    "mkdocs_step_s": statistics.median(o["mkdocs_and_search"] for o, _ in rows),
                    "plain_mkdocs_s": statistics.median(m["wall"] for _, m in rows), "overhead_ratio": ratio},
           f"benchmarks/full_build.py --size {a.size} --rounds {a.rounds} (medians)",
           "–".join(dict.fromkeys(f"{f(o['load'] for o, _ in rows):.1f}" for f in (min, max))))
    return 0


def paired_rounds(a, engine: str) -> tuple[Path, Path, list[tuple[dict, dict]]]:
    """`a.rounds` pairs, our build with `engine` then the plain engine on the same pages,
    on the corpus in `a.work` (generated once); the corpus, our output folder and the
    pairs."""
    work = Path(a.work).resolve()
    corpus = work / f"corpus-{a.size}"
    out = work / (f"out-{a.size}" if engine == "mkdocs" else f"out-{engine}-{a.size}")
    site = work / f"plain-site-{a.size}" if engine == "mkdocs" else out / "build" / f"plain-{engine}-site"
    if not (corpus / "raw").is_dir():
        log(f"N={a.size}: generating the synthetic corpus")
        synth.write_corpus(corpus, a.size, seed=a.seed)
    nav = navigation(corpus)
    rows = []
    for k in range(a.rounds):
        log(f"N={a.size}: round {k + 1}: our full build" + (f" with --engine {engine}" if engine != "mkdocs" else ""))
        o = ours(corpus, out, engine=engine)
        log(f"N={a.size}: round {k + 1}: plain {engine} build of the same pages")
        m = plain(out, nav, site, engine=engine)
        rows.append((o, m))
        log(f"  ours {o['wall']:.1f} s, plain {m['wall']:.1f} s: {o['wall'] / m['wall']:.2f}x")
    return corpus, out, rows


def zensical_rounds(a) -> int:
    """Our build with --engine zensical against a plain `zensical build` of the same pages."""
    _, _, rows = paired_rounds(a, "zensical")
    print(f"\nN = {a.size:,}, {a.rounds} round(s), Zensical, {time.strftime('%Y-%m-%d %H:%M')} "
          "(load average at the end of each build)\n")
    print("| round | our build: wall / CPU / peak RSS | of which stages 1-3 and pages / "
          "Zensical and site search / publish | plain zensical: wall / CPU | ratio (wall) | load |")
    print("|---:|---:|---:|---:|---:|---:|")
    for k, (o, z) in enumerate(rows, 1):
        print(f"| {k} | {o['wall']:.1f} s / {o['cpu']:.1f} s / {o['rss_mb']:.0f} MB | {o['stages']:.1f} s / "
              f"{o['mkdocs_and_search']:.1f} s / {o['publish']:.1f} s | {z['wall']:.1f} s / {z['cpu']:.1f} s "
              f"| {o['wall'] / z['wall']:.2f} × | {o['load']:.1f} / {z['load']:.1f} |")
    ratio = statistics.median(o["wall"] / z["wall"] for o, z in rows)
    print(f"\nmedian ratio: {ratio:.2f} ×")
    record(a.size, {"zensical_build_s": statistics.median(o["wall"] for o, _ in rows),
                    "plain_zensical_s": statistics.median(z["wall"] for _, z in rows), "zensical_ratio": ratio},
           f"benchmarks/full_build.py --size {a.size} --rounds {a.rounds} --engine zensical (medians)",
           "–".join(dict.fromkeys(f"{f(o['load'] for o, _ in rows):.1f}" for f in (min, max))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
