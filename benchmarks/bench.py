"""Scale benchmark: grow a SYNTHETIC corpus to N letters and measure the whole pipeline.

    ./dev bench --sizes 100,1000,10000          (= python benchmarks/bench.py ...)

For each N it generates a synthetic corpus (benchmarks/synth.py), then measures (see
bench_measure.py): normalize throughput, the analyzer alone, a full `build` (a real
subprocess: wall time, peak RSS, step times), a rebuild with nothing changed and one
after one changed letter, command-line query latency (warm, in process) and cold
`search`, the site search in headless Chromium, and side by side in the same run: a
plain `mkdocs build` of the same pages, our build with `--engine zensical` and a plain
`zensical build`, Material's default search index and a Pagefind index.  It prints a
table with ✅/❌ against the targets (bench_report.py), fits each cost's growth as a·N^b
and extrapolates it to 100,000 letters, draws the growth curves (SVG) and writes JSON
and the docs page.  Figures only: nothing here fails on a slow machine.
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402
from bench_measure import (  # noqa: E402,F401  (browser_available: used by the smoke test)
    ROOT,
    SITE_INDEX_GLOBS,
    browser_available,
    du,
    log,
    machine,
    measure_analyzer,
    measure_browser,
    measure_cold_search,
    measure_normalize,
    measure_queries,
    plain_mkdocs,
    plain_zensical,
    run_build,
    run_pagefind,
    touch_one_document,
)
from bench_report import METRICS, PLOT_NAME, docs_page, growth_svg, table  # noqa: E402,F401
from measured import merged, now  # noqa: E402

from build_tools.common.paths import Paths  # noqa: E402


def measure_throughput(res: dict, corpus_dir: Path) -> list:
    """Normalize and analyzer speed; returns the navigation of the generated pages."""
    norm, (corpus, docs) = measure_normalize(corpus_dir)
    res.update(norm)
    res["analyzer_mb_per_s"] = measure_analyzer(corpus, docs)
    from build_tools.knowledge.model_files import load_model
    from build_tools.outputs.site.document_pages import generate_pages

    model, _ = load_model(corpus_dir, corpus, docs)
    return generate_pages(corpus, docs, model)[1]


def measure_builds(res: dict, n: int, corpus_dir: Path, out: Path) -> None:
    """A full build, a rebuild with nothing changed, one after one changed letter."""
    log(f"N={n}: full build (subprocess)")
    b = run_build(corpus_dir, out)
    res.update({"build_s": b["wall"], "build_peak_rss_mb": b["rss_mb"], "checked_s": b["checked"],
                "mkdocs_step_s": b["mkdocs"], "publish_s": b["publish"], "index_bytes": du(out / "build" / "index")})
    log(f"N={n}: built in {b['wall']:.1f} s; one more full build, the memory of all its processes sampled")
    sampled = out.with_name(out.name + "-memory")
    shutil.rmtree(sampled, ignore_errors=True)
    res["build_total_pss_mb"] = run_build(corpus_dir, sampled, pss=True)["pss_mb"]
    shutil.rmtree(sampled, ignore_errors=True)
    log(f"N={n}: rebuild with nothing changed")
    res["nochange_s"] = run_build(corpus_dir, out)["wall"]
    log(f"N={n}: rebuild after one changed letter")
    touch_one_document(corpus_dir)
    inc = run_build(corpus_dir, out)
    res["incremental_s"], res["incremental_rss_mb"] = inc["wall"], inc["rss_mb"]
    res["incremental_log"] = [ln for ln in inc["lines"] if ln.startswith("  index:")]


def measure_engines(res: dict, n: int, work: Path, corpus_dir: Path, out: Path, nav: list,
                    zensical: bool = True) -> Path:
    """Plain MkDocs, our build on Zensical and plain Zensical, same pages; returns the
    plain MkDocs site."""
    log(f"N={n}: plain mkdocs build" + (", our build with --engine zensical, plain zensical build" if zensical else ""))
    plain_site = work / f"plain-site-{n}"
    shutil.rmtree(plain_site, ignore_errors=True)
    res["plain_mkdocs_s"] = plain_mkdocs(out, nav, plain_site)
    res["overhead_ratio"] = res["build_s"] / res["plain_mkdocs_s"]
    if not zensical:
        return plain_site
    zout = work / f"out-zensical-{n}"
    shutil.rmtree(zout, ignore_errors=True)
    res["zensical_build_s"] = run_build(corpus_dir, zout, engine="zensical")["wall"]
    res["plain_zensical_s"] = plain_zensical(zout, nav, zout / "build" / "plain-zensical-site")
    res["zensical_ratio"] = res["zensical_build_s"] / res["plain_zensical_s"]
    shutil.rmtree(zout, ignore_errors=True)
    return plain_site


def bench_size(n: int, work: Path, seed: int, damage: float, browser: bool, pagefind: bool = True,
               zensical: bool = True) -> dict:
    res: dict = {"n": n}
    corpus_dir, out = work / f"corpus-{n}", work / f"out-{n}"
    shutil.rmtree(out, ignore_errors=True)
    log(f"N={n}: generating the synthetic corpus")
    synth.write_corpus(corpus_dir, n, seed=seed, damage=damage)
    res["raw_mb"] = du(corpus_dir / "raw") / 1e6
    log(f"N={n}: normalize throughput, analyzer speed")
    nav = measure_throughput(res, corpus_dir)
    measure_builds(res, n, corpus_dir, out)
    log(f"N={n}: CLI queries")
    res.update(measure_queries(Paths(corpus=corpus_dir, out=out).index))
    res["search_cold_s"] = measure_cold_search(out)
    site = out / "site"
    res["site_index_bytes"] = sum(du(p) for g in SITE_INDEX_GLOBS for p in site.glob(g))
    if browser:
        log(f"N={n}: headless Chromium")
        try:
            res.update(measure_browser(site))
        except Exception as exc:  # e.g. a search index too big to load within the timeout
            res["browser_error"] = f"{type(exc).__name__}: {exc}".strip()[:300]
            log(f"N={n}: browser step failed: {res['browser_error']}")
    plain_site = measure_engines(res, n, work, corpus_dir, out, nav, zensical)
    material = plain_site / "search" / "search_index.json"
    res["material_index_bytes"] = du(material)
    res["material_index_gzip_bytes"] = len(gzip.compress(material.read_bytes(), 6))
    if pagefind:
        log(f"N={n}: Pagefind index of the plain site")
        res.update(run_pagefind(plain_site, work / f"pagefind-{n}") or {})
    return res


def write_outputs(a, results: list[dict], mach: dict, took: float) -> None:
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(json.dumps({"machine": mach, "seconds": took, "seed": a.seed,
                                        "damage": a.damage, "metrics": [m[0] for m in METRICS],
                                        "results": results}, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
    if a.docs_page:
        page = Path(a.docs_page)
        (page.parent / PLOT_NAME).write_text(growth_svg(merged(results, mach["when"])[0]), encoding="utf-8")
        page.write_text(docs_page(results, mach, took, PLOT_NAME), encoding="utf-8")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Scale benchmark on a synthetic corpus (see README).")
    p.add_argument("--sizes", default="100,1000", help="comma-separated N values (default 100,1000)")
    p.add_argument("--work", default=str(ROOT / "build" / "bench"), help="scratch folder")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--damage", type=float, default=0.02, help="OCR damage rate per character")
    p.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    p.add_argument("--docs-page", default=str(ROOT / "docs" / "benchmarks.md"),
                   help="Markdown page with the results table and the growth plot beside it ('' to skip)")
    p.add_argument("--no-browser", action="store_true", help="skip the headless Chromium step")
    p.add_argument("--keep", action="store_true", help="keep the scratch folder")
    p.add_argument("--no-pagefind", action="store_true", help="skip the Pagefind comparison (minutes at 10,000)")
    p.add_argument("--zensical-max", type=int, default=None,
                   help="measure the Zensical builds only up to this N (Zensical 0.0.73 is slower than MkDocs here)")
    a = p.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    browser = not a.no_browser and browser_available()
    if not a.no_browser and not browser:
        log("Chromium/chromedriver/selenium not found: skipping the browser step")
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    mach = {**machine(), "when": now()}  # figures measured apart later replace this run's in the report
    t0 = time.perf_counter()
    results = []
    for n in sizes:
        results.append(bench_size(n, work, a.seed, a.damage, browser, pagefind=not a.no_pagefind,
                                  zensical=a.zensical_max is None or n <= a.zensical_max))
        print(table(results), flush=True)
        write_outputs(a, results, mach, time.perf_counter() - t0)  # after each size: a long run stopped keeps them
    took = time.perf_counter() - t0
    write_outputs(a, results, mach, took)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    log(f"done in {took:.0f} s; JSON: {a.json}" + (f", page: {a.docs_page}" if a.docs_page else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
