"""The engines the search evaluation compares (benchmarks/search_eval.py), each run on
a list of queries and returning, per query, the URLs it ranks first and the answer card
it shows (None for engines without cards):

  cli           python -m build_tools search (Whoosh, in process)
  site          our site search, typed into the real header search box in headless Chromium
  material      Material for MkDocs' default search (language: th) on the same pages
  material-seg  the same, its index text and the typed queries cut by our analyzer
  pagefind      Pagefind's extended build (Thai segmentation) over the same pages
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

# The browser harness (tests/browser.py) is the tests'; the benchmarks borrow it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # TESTS_DIR

ROOT = Path(__file__).resolve().parent.parent
K_MRR = 10


def run_cli(out: Path, queries: list[str]) -> dict[str, dict]:
    """Each query through the command line's search, in process: {urls, card}."""
    from build_tools.search.query import run

    res = {}
    for q in queries:
        r = run(out / "build" / "index", q, limit=K_MRR)
        res[q] = {"urls": [h["url"] for h in r.hits], "card": r.answer}
    return res


def _rel(url: str, base: str) -> str:
    """Site-relative URL without index.html and without a query string (Material adds
    ?h=… to highlight the words on the page it opens)."""
    from urllib.parse import urlsplit, urlunsplit

    url = url[len(base):] if url.startswith(base) else url
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path.replace("index.html", ""), "", parts.fragment))


def run_site(site: Path, queries: list[str]) -> dict[str, dict]:
    """Each query typed into the site's search box in headless Chromium: {urls, card}."""
    from browser import answer_card, chromium, serve, type_in_search_box

    res = {}
    with serve(site) as base, chromium() as driver:
        driver.get(base)
        for q in queries:
            urls = [_rel(h["href"], base) for h in type_in_search_box(driver, q)]
            card = answer_card(driver)
            if card:
                card["url"] = _rel(card["url"], base)
                for item in card.get("items", []):
                    item["url"] = _rel(item["url"], base)
            res[q] = {"urls": urls, "card": card}
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


def run_material(site: Path, queries: list[str], prepare=lambda q: q) -> dict[str, dict]:
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
        for q in queries:
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
            res[q] = {"urls": [_rel(u, base) for u in (last or [])[:-1]], "card": None}
    return res


def build_pagefind(site: Path, log=print) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"pagefind failed:\n{proc.stdout}\n{proc.stderr}")
    log("  " + " ".join(ln.strip() for ln in proc.stdout.splitlines() if "Indexed" in ln or "language" in ln))


def run_pagefind(site: Path, queries: list[str]) -> dict[str, dict]:
    from browser import chromium, serve

    res = {}
    with serve(site) as base, chromium() as driver:
        driver.get(base)
        for q in queries:
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
            res[q] = {"urls": ordered[:K_MRR], "card": None}
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
