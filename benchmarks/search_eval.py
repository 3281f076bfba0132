"""Search evaluation: the query set in tests/search_queries.yaml, run through

  cli       python -m build_tools search (Whoosh, in process)
  site      our site search, typed into the real header search box in headless Chromium
  material  Material for MkDocs' default search (language: th) on the same pages, typed
            into its search box in the same browser
  material-seg  the same, its index text and the typed queries cut by our analyzer
            (the issue's variant (a))
  pagefind  Pagefind's extended build (Thai segmentation) over the same pages, through
            its JavaScript API in the same browser

and reports Recall@5 and MRR (first 10 hits) per engine, at section level (the hit must
be the expected clause or heading anchor where one is given) and at page level, plus the
number of negative queries that returned something.  Prints a table and writes JSON.

    .venv/bin/python benchmarks/search_eval.py                 # all five engines
    .venv/bin/python benchmarks/search_eval.py --engines cli   # just the command line
    .venv/bin/python benchmarks/search_eval.py --out /tmp/x --json /tmp/x/eval.json
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
QUERIES = ROOT / "tests" / "search_queries.yaml"
K_RECALL, K_MRR = 5, 10
ENGINES = ("cli", "site", "material", "material-seg", "pagefind")


def load_queries(path: Path = QUERIES) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def page_of(url: str) -> str:
    return url.split("#", 1)[0]


def targets_for(q: dict, site_pages: set[str] | None) -> list[str]:
    """What counts as right for this query in this build: `prefer` pages once they exist."""
    if site_pages is not None:
        present = [p for p in q.get("prefer") or [] if page_of(p) in site_pages]
        if present:
            return present
    return list(q["first"])


def rank_of(hits: list[str], targets: list[str], page_level: bool) -> int | None:
    """1-based rank of the first right hit, or None."""
    for i, url in enumerate(hits, 1):
        for t in targets:
            if page_level or "#" not in t:
                if page_of(url).startswith(page_of(t)) and (page_of(t) or not page_of(url)):
                    return i
            elif url == t:
                return i
    return None


def score(results: dict[str, list[str]], data: dict, site_pages: set[str] | None) -> dict:
    out = {}
    for level in ("section", "page"):
        recall = mrr = 0.0
        misses = []
        for q in data["queries"]:
            r = rank_of(results.get(q["q"], [])[:K_MRR], targets_for(q, site_pages), level == "page")
            if r is not None and r <= K_RECALL:
                recall += 1
            if r is not None:
                mrr += 1 / r
            if r is None or r > 1:
                misses.append({"q": q["q"], "rank": r, "top": results.get(q["q"], [])[:3]})
        n = len(data["queries"])
        out[level] = {"recall@5": round(recall / n, 3), "mrr": round(mrr / n, 3), "not_first": misses}
    neg = [q for q in data["negatives"] if results.get(q)]
    out["negatives_with_results"] = neg
    out["queries"] = len(data["queries"])
    out["negatives"] = len(data["negatives"])
    return out


def site_pages_of(site: Path) -> set[str]:
    return {("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/")
            for p in site.rglob("index.html")}


# ---------------------------------------------------------------- engines

def run_cli(out: Path, data: dict) -> dict[str, list[str]]:
    from build_tools.search.query import search

    res = {}
    for q in [x["q"] for x in data["queries"]] + data["negatives"]:
        res[q] = [h["url"] for h in search(out / "build" / "index", q, limit=K_MRR)]
    return res


def _rel(url: str, base: str) -> str:
    """Site-relative URL without index.html and without a query string (Material adds
    ?h=… to highlight the words on the page it opens)."""
    from urllib.parse import urlsplit, urlunsplit

    url = url[len(base):] if url.startswith(base) else url
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path.replace("index.html", ""), "", parts.fragment))


def run_site(site: Path, data: dict, queries: list[str] | None = None) -> dict[str, list[str]]:
    from browser import chromium, serve, type_in_search_box

    queries = queries or [x["q"] for x in data["queries"]] + data["negatives"]
    res = {}
    with serve(site) as base, chromium() as driver:
        driver.get(base)
        for q in queries:
            res[q] = [_rel(h["href"], base) for h in type_in_search_box(driver, q)]
    return res


def cold_first_results(site: Path, queries: list[str]) -> dict[str, dict]:
    """For each query, in a fresh browser (empty cache): bytes the search downloaded and
    milliseconds until its results were ready, from the page's first load."""
    from browser import first_search_in_fresh_browser, serve

    out = {}
    with serve(site) as base:
        for q in queries:
            bytes_, ms, n, _ = first_search_in_fresh_browser(base, q)
            out[q] = {"bytes": bytes_, "ms": round(ms, 1), "hits": n}
    return out


def presegment_material_site(plain: Path, seg: Path, analyzer) -> None:
    """Variant (a) of the issue: Material's own search fed at build time with text cut by
    OUR analyzer (normalized terms and compound parts, space separated; the separator also
    takes U+200B), on a copy of the plain site.  Its queries are cut by the same analyzer
    before they are typed (run_material's `prepare`), the best case for a browser-side
    segmenter that reproduced ours exactly."""
    shutil.copytree(plain, seg)
    f = seg / "search" / "search_index.json"
    data = json.loads(f.read_text(encoding="utf-8"))
    data["config"]["separator"] = r"[\s\u200b\-]+"
    data["config"]["pipeline"] = []  # no stop-word filter: every cut word stays searchable
    for d in data["docs"]:
        for field in ("title", "text"):
            d[field] = " ".join(t.text for t in analyzer.tokens(re.sub(r"<[^>]+>", " ", d.get(field) or "")))
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def run_material(site: Path, data: dict, prepare=lambda q: q) -> dict[str, list[str]]:
    from browser import chromium, serve
    from selenium.webdriver.common.by import By

    res = {}
    with serve(site) as base, chromium() as driver:
        driver.get(base)
        box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
        box.click()
        # Wait for Material's worker to have loaded its index.
        for _ in range(100):
            if driver.execute_script("return document.querySelector('.md-search-result__meta').textContent"
                                     ).strip() not in ("", "กำลังเริ่มต้นการค้นหา", "Initializing search"):
                break
            time.sleep(0.1)
        for q in [x["q"] for x in data["queries"]] + data["negatives"]:
            driver.execute_script("arguments[0].value=''; arguments[0].dispatchEvent(new Event('input'))", box)
            box.send_keys(prepare(q))
            last, stable = None, 0
            for _ in range(60):  # results are stable for 0.3 s
                time.sleep(0.1)
                now = driver.execute_script(
                    "return Array.from(document.querySelectorAll('.md-search-result__item a')).map(a=>a.href)"
                    ".concat([document.querySelector('.md-search-result__meta').textContent])")
                stable = stable + 1 if now == last else 0
                last = now
                if stable >= 3:
                    break
            res[q] = [_rel(u, base) for u in (last or [])[:-1]]
    return res


def build_pagefind(site: Path, log=print) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"pagefind failed:\n{proc.stdout}\n{proc.stderr}")
    log("  " + " ".join(ln.strip() for ln in proc.stdout.splitlines() if "Indexed" in ln or "language" in ln))


def run_pagefind(site: Path, data: dict) -> dict[str, list[str]]:
    from browser import chromium, serve

    res = {}
    with serve(site) as base, chromium() as driver:
        driver.get(base)
        for q in [x["q"] for x in data["queries"]] + data["negatives"]:
            urls = driver.execute_async_script("""
              const [q, done] = arguments;
              import('/pagefind/pagefind.js').then(async pf => {
                const r = await pf.search(q);
                const top = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
                const urls = [];
                for (const d of top) {
                  for (const s of d.sub_results || []) urls.push(s.url);
                  urls.push(d.url);
                }
                done(urls);
              }).catch(e => done(['ERROR ' + e]));""", q)
            seen, ordered = set(), []
            for u in urls:
                u = _rel(u, base).lstrip("/")
                if u not in seen:
                    seen.add(u)
                    ordered.append(u)
            res[q] = ordered[:K_MRR]
    return res


def plain_site(out: Path, dest: Path) -> Path:
    """The same assembled pages built by plain `mkdocs build` with Material's own search
    (our search script left out): the baseline."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cfg = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(out / "build" / "docs"), site_dir=str(dest),
                      strict=False)
    cfg["extra_javascript"] = [j for j in cfg["extra_javascript"] if "search-th" not in str(j)]
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return dest


# ---------------------------------------------------------------- report

def table(report: dict) -> str:
    rows = ["| engine | Recall@5 (section) | MRR (section) | Recall@5 (page) | MRR (page) | negatives with results |",
            "|---|---|---|---|---|---|"]
    names = {"cli": "command line (Whoosh)", "site": "site search (ours, Chromium)",
             "material": "Material default search (Chromium)",
             "material-seg": "Material fed text cut by our analyzer (Chromium)",
             "pagefind": "Pagefind extended (Chromium)"}
    for eng, r in report["engines"].items():
        rows.append(f"| {names.get(eng, eng)} | {r['section']['recall@5']:.2f} | {r['section']['mrr']:.2f} | "
                    f"{r['page']['recall@5']:.2f} | {r['page']['mrr']:.2f} | "
                    f"{len(r['negatives_with_results'])} of {r['negatives']} |")
    return "\n".join(rows)


def kind_table(report: dict, data: dict) -> str:
    """Recall@5 (section level) per kind of query and engine."""
    kinds = sorted({q["kind"] for q in data["queries"]})
    engines = list(report["engines"])
    rows = ["| kind of query | n | " + " | ".join(engines) + " |", "|---|---|" + "---|" * len(engines)]
    for k in kinds:
        qs = [q for q in data["queries"] if q["kind"] == k]
        cells = []
        for eng in engines:
            misses = {m["q"]: m["rank"] for m in report["engines"][eng]["section"]["not_first"]}
            ok = sum(1 for q in qs if q["q"] not in misses or (misses[q["q"]] or 99) <= K_RECALL)
            cells.append(f"{ok}/{len(qs)}")
        rows.append(f"| {k} | {len(qs)} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv=None) -> int:  # noqa: C901  (over the limit: to split this round)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="build into this folder (default: a temporary one)")
    ap.add_argument("--no-build", action="store_true", help="reuse the build already in --out")
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset of " + ",".join(ENGINES))
    ap.add_argument("--json", help="write the full report here (default: <out>/search-eval.json)")
    ap.add_argument("--verbose", action="store_true", help="list the queries whose right answer is not first")
    args = ap.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    out = Path(args.out or tempfile.mkdtemp(prefix="siam-yim-eval-")).resolve()
    data = load_queries()
    if not args.no_build:
        print(f"building into {out} …", flush=True)
        proc = subprocess.run([sys.executable, "-m", "build_tools", "build", "--out", str(out)],
                              cwd=ROOT, capture_output=True, text=True)
        if proc.returncode:
            print(proc.stdout, proc.stderr, file=sys.stderr)
            return 1
    site = out / "site"
    pages = site_pages_of(site) if site.exists() else None
    results, report = {}, {"queries_file": str(QUERIES.relative_to(ROOT)), "engines": {}, "timings_s": {}}
    for eng in engines:
        t0 = time.perf_counter()
        print(f"[{eng}] running {len(data['queries'])} queries + {len(data['negatives'])} negatives …", flush=True)
        if eng == "cli":
            results[eng] = run_cli(out, data)
        elif eng == "site":
            results[eng] = run_site(site, data)
            cold = [q["q"] for q in data["queries"] if q.get("browser")][:6]
            report["site_first_result_cold"] = cold_first_results(site, cold)
        elif eng in ("material", "material-seg", "pagefind"):
            plain = out / "plain-site"
            if not (plain / "index.html").exists():
                shutil.rmtree(plain, ignore_errors=True)
                plain_site(out, plain)
            if eng == "material":
                results[eng] = run_material(plain, data)
            elif eng == "material-seg":
                from build_tools.analysis.analyzer import analyzer_for_corpus

                analyzer = analyzer_for_corpus(ROOT / "corpus")
                seg = out / "material-seg-site"
                shutil.rmtree(seg, ignore_errors=True)
                presegment_material_site(plain, seg, analyzer)
                results[eng] = run_material(seg, data, lambda q, a=analyzer: " ".join(a.query_terms(q)))
            else:
                if not (plain / "pagefind").exists():
                    build_pagefind(plain)
                results[eng] = run_pagefind(plain, data)
        else:
            ap.error(f"unknown engine {eng}")
        report["timings_s"][eng] = round(time.perf_counter() - t0, 1)
        report["engines"][eng] = score(results[eng], data, pages)
        report["engines"][eng]["results"] = results[eng]
    print()
    print(table(report))
    print()
    print(kind_table(report, data))
    if "site_first_result_cold" in report:
        print("\nsite search, first query in a fresh browser: bytes downloaded, ms to results")
        for q, r in report["site_first_result_cold"].items():
            print(f"  {q}: {r['bytes'] / 1024:.0f} KiB, {r['ms']:.0f} ms, {r['hits']} hits")
    if args.verbose:
        for eng, r in report["engines"].items():
            print(f"\n{eng}: not first (section level)")
            for m in r["section"]["not_first"]:
                print(f"  {m['q']!r}: rank {m['rank']}, top {m['top']}")
            for n in r["negatives_with_results"]:
                print(f"  negative {n!r} returned {r['results'][n][:3]}")
    target = Path(args.json) if args.json else out / "search-eval.json"
    target.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nfull report: {target}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    sys.exit(main())
