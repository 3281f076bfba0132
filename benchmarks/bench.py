"""Scale benchmark: grow a SYNTHETIC corpus to N letters and measure the whole pipeline.

    ./dev bench --sizes 100,1000,10000          (= python benchmarks/bench.py ...)

For each N it generates a synthetic corpus (benchmarks/synth.py), then measures:
normalize throughput, the analyzer alone, a full `build` (a real subprocess: wall time,
peak RSS), the Whoosh index (build time, size), an incremental rebuild after one changed
document, command-line query latency (warm, in process) and cold `search`, the site
search (bytes a browser downloads before its first result, time to first result in
headless Chromium), and side by side: a plain `mkdocs build` of the same pages,
Material's default search index and a Pagefind index.  Prints a table, writes JSON and a
Markdown page for the docs.  Figures only: nothing here fails on a slow machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.server
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from build_tools.common.paths import Paths  # noqa: E402

# --- Site-search adapter: point these at the site's own search after it changes. ---
# Files that make up the site's search index (globs relative to site/), for the static size.
SITE_INDEX_GLOBS = ["search/search_index.json", "search/th/**/*.json"]
# Served paths counted as "search index" bytes (substring match on the request path).
SITE_INDEX_PATH_PARTS = ["/search/"]
SEARCH_INPUT_SELECTOR = "input.md-search__input"
RESULT_SELECTOR = ".md-search-result__item"
BROWSER_QUERY = "โครงการ"
# --- end of adapter ---

QUERIES = ["ยาเสพติด", "เศรษฐกิจพอเพียง", "บทบาทร่วม", "กรมส่งเสริมการปกครองท้องถิ่น",
           "ป.ป.ส.", "งบประมาณ", '"พลังชุมชน"', "หมู่บ้าน ยากจน", "๒๕๕๓", "องค์การบริหารส่วนตำบล"]
COLD_QUERY = "ยาเสพติด"
PAGEFIND_VERSION = "1.5.2"

# (key, label, unit, {N: (op, limit)}) — the targets, checked per size.
METRICS = [
    ("normalize_docs_per_s", "normalize: documents/s", "doc/s", {}),
    ("normalize_mb_per_s", "normalize: MB/s (raw text)", "MB/s", {}),
    ("analyzer_mb_per_s", "analyzer alone (segmentation + sub-words): MB/s", "MB/s", {}),
    ("build_s", "full build: wall time", "s", {1000: 90, 10000: 900}),
    ("build_peak_rss_mb", "full build: peak memory (RSS)", "MB", {10000: 3072}),
    ("mkdocs_step_s", "  of which the mkdocs step", "s", {}),
    ("index_build_s", "index build time (in the full build)", "s", {}),
    ("index_bytes", "index size on disk", "MB", {}),
    ("incremental_s", "incremental rebuild after one changed document", "s", {1000: 15}),
    ("query_p50_ms", "CLI query p50 (warm, in process)", "ms", {}),
    ("query_p95_ms", "CLI query p95 (warm, in process)", "ms", {1000: 50, 10000: 100}),
    ("whoosh_p50_ms", "  Whoosh's own search of the same words, p50 (reference)", "ms", {}),
    ("whoosh_p95_ms", "  Whoosh's own search of the same words, p95 (reference)", "ms", {}),
    ("search_cold_s", "cold `search` (process start to first result)", "s", {1000: 1.5}),
    ("site_index_bytes", "site search index on disk (SITE_INDEX_GLOBS)", "MB", {}),
    ("browser_bytes", "browser: bytes downloaded before first result", "MB", {10000: 1.0}),
    ("browser_index_bytes", "  of which search-index files", "MB", {}),
    ("browser_first_result_s", "browser: typing to first result", "s", {10000: 1.0}),
    ("browser_load_to_result_s", "browser: page open to first result", "s", {}),
    ("plain_mkdocs_s", "plain `mkdocs build` of the same pages", "s", {}),
    ("overhead_ratio", "our build / plain mkdocs (ratio)", "×", {}),
    ("material_index_bytes", "Material default search_index.json", "MB", {}),
    ("material_index_gzip_bytes", "  gzipped", "MB", {}),
    ("pagefind_s", "Pagefind indexing time", "s", {}),
    ("pagefind_bytes", "Pagefind bundle, all files", "MB", {}),
    ("pagefind_first_query_bytes", "Pagefind: bytes for a first query (est.)", "MB", {}),
]
MB_KEYS = {k for k, _, unit, _ in METRICS if unit == "MB"}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def machine() -> dict:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    # The machine may be shared: the load at the start says how much to trust timings.
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": ram,
            "python": platform.python_version(), "os": platform.platform(),
            "load_at_start": round(os.getloadavg()[0], 2)}


def du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def env() -> dict:
    e = dict(os.environ)
    e.setdefault("NO_MKDOCS_2_WARNING", "1")
    e.setdefault("PYTHAINLP_OFFLINE", "1")
    e.setdefault("PYTHAINLP_DATA", str(ROOT / ".pythainlp-data"))
    return e


# Runs a command and reports its wall time and the peak RSS of its process tree's
# largest process (ru_maxrss of the waited-for children) on the last stderr line.
_RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[1:])\n"
    "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(rc)\n"
)


def run_build(corpus: Path, out: Path) -> dict:
    """`python -m build_tools build` as a subprocess; wall time, peak RSS, step times."""
    cmd = [sys.executable, "-c", _RSS_WRAPPER, sys.executable, "-u", "-m", "build_tools", "build",
           "--corpus", str(corpus), "--out", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    marks: dict[str, float] = {}
    lines = []
    for line in proc.stdout:
        now = time.perf_counter() - t0
        lines.append(line.rstrip())
        for key in ("[3/5]", "[4/5]", "  index:", "[5/5]"):
            if line.startswith(key):
                marks[key] = now
    err = proc.stderr.read()
    rc = proc.wait()
    wall = time.perf_counter() - t0
    if rc != 0:
        raise RuntimeError(f"build failed ({rc}):\n" + "\n".join(lines[-20:]) + "\n" + err[-3000:])
    rss_kb = next((int(ln.split()[1]) for ln in err.splitlines() if ln.startswith("PEAK_RSS_KB")), 0)
    return {"wall": wall, "rss_mb": rss_kb / 1024, "lines": lines,
            "mkdocs": marks.get("[4/5]", 0) - marks.get("[3/5]", 0) if "[3/5]" in marks else None,
            "index": marks.get("  index:", 0) - marks.get("[4/5]", 0)}


def measure_normalize(corpus_dir: Path) -> tuple[dict, list]:
    from build_tools.normalization.documents import normalize_corpus
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(corpus_dir)
    raw_bytes = sum(len("\n".join(corpus.raw_lines(d)).encode("utf-8")) for d in corpus.documents)
    t0 = time.perf_counter()
    docs = normalize_corpus(corpus)
    took = time.perf_counter() - t0
    return ({"normalize_docs_per_s": len(docs) / took, "normalize_mb_per_s": raw_bytes / took / 1e6},
            [corpus, docs])


def measure_analyzer(corpus, docs, max_docs: int = 200) -> float:
    """MB/s of the analyzer alone (segmentation + normalization + sub-words) on up to
    `max_docs` normalized documents, after one warm-up call (builds the word trie)."""
    from build_tools.analysis.analyzer import analyzer_for_corpus

    an = analyzer_for_corpus(corpus.root, corpus.agencies)
    an.SEGMENT_CACHE_MAX = 0  # time the cutting itself, not the build's memo
    an.tokens("ยาเสพติด")
    texts = [nd.text for nd in docs[:max_docs]]
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    for t in texts:
        an.tokens(t)
    return size / (time.perf_counter() - t0) / 1e6


def touch_one_document(corpus_dir: Path) -> None:
    """Change one document the way a maintainer would: a corrected title."""
    doc = sorted((corpus_dir / "documents").glob("*.md"))[0]
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("\ntitle: ", "\ntitle: (แก้ไข) ", 1), encoding="utf-8")


def measure_queries(index_dir: Path, rounds: int = 3) -> dict:
    """Keyword queries and natural questions (the question features on), warm, in
    process; beside them Whoosh's own search of the same words on the same index
    (benchmarks/query_latency.py)."""
    from query_latency import QUESTIONS, measure, measure_whoosh, summary

    ours = summary(measure(index_dir, QUERIES + QUESTIONS, rounds))
    whoosh = summary(measure_whoosh(index_dir, QUERIES + QUESTIONS, rounds))
    return {"query_p50_ms": ours[0], "query_p95_ms": ours[1], "whoosh_p50_ms": whoosh[0], "whoosh_p95_ms": whoosh[1]}


def measure_cold_search(out: Path, runs: int = 3) -> float:
    """Process start to the first result line on stdout, median of `runs`."""
    took = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "build_tools", "search", COLD_QUERY,
                                 "--limit", "1", "--out", str(out)],
                                cwd=ROOT, env=env(), stdout=subprocess.PIPE, text=True)
        first = None
        for line in proc.stdout:
            if line.startswith("1."):
                first = time.perf_counter() - t0
                break
        proc.stdout.read()
        proc.wait()
        if first is None:
            raise RuntimeError(f"cold search for {COLD_QUERY} printed no result")
        took.append(first)
    return statistics.median(took)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _CountingServer:
    """http.server on a free port that records the bytes it serves, per path."""

    def __init__(self, site: Path):
        served = self.served = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=str(site), **kw)

            def copyfile(self, source, outputfile):
                data = source.read()
                outputfile.write(data)
                served.append((time.perf_counter(), self.path, len(data)))

            def log_message(self, *a):
                pass

        self.port = free_port()
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def browser_available() -> bool:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return False
    return Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()


def measure_browser(site: Path, timeout: float = 120) -> dict:
    """Headless Chromium, fresh profile: open the home page, type BROWSER_QUERY into the
    header search box, wait for the first result element."""
    import tempfile

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1280,900", "--disable-background-networking", "--no-first-run",
              f"--user-data-dir={profile}"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        with _CountingServer(site) as srv:
            t_open = time.perf_counter()
            driver.get(f"http://127.0.0.1:{srv.port}/")
            box = WebDriverWait(driver, timeout, poll_frequency=0.02).until(
                EC.element_to_be_clickable((By.CSS_SELECTOR, SEARCH_INPUT_SELECTOR)))
            box.click()
            t_type = time.perf_counter()
            box.send_keys(BROWSER_QUERY)
            WebDriverWait(driver, timeout, poll_frequency=0.02).until(
                EC.presence_of_element_located((By.CSS_SELECTOR, RESULT_SELECTOR)))
            t_first = time.perf_counter()
            before = [(p, n) for t, p, n in srv.served if t <= t_first]
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return {
        "browser_bytes": sum(n for _, n in before),
        "browser_index_bytes": sum(n for p, n in before if any(s in p for s in SITE_INDEX_PATH_PARTS)),
        "browser_first_result_s": t_first - t_type,
        "browser_load_to_result_s": t_first - t_open,
    }


def plain_mkdocs(out: Path, nav: list, dest: Path) -> float:
    """A plain `mkdocs build` of the pages our build assembled (same config and nav,
    none of our steps)."""
    import yaml

    cfg = out / "plain-mkdocs.yml"
    cfg.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\n" + yaml.safe_dump(
        {"docs_dir": str(out / "build" / "docs"), "site_dir": str(dest), "nav": nav,
         "strict": False}, allow_unicode=True), encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg)], cwd=ROOT,
                   env=env(), check=True)
    return time.perf_counter() - t0


def run_pagefind(site: Path, dest: Path) -> dict | None:
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return None
    shutil.rmtree(dest, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(dest),
                    "--quiet"], check=True, env=env(), stdout=subprocess.DEVNULL)
    took = time.perf_counter() - t0
    chunks = list((dest / "index").glob("*")) or [None]
    avg_chunk = (sum(p.stat().st_size for p in chunks if p) / len(chunks)) if chunks[0] else 0
    frags = list((dest / "fragment").glob("*")) or [None]
    avg_frag = (sum(p.stat().st_size for p in frags if p) / len(frags)) if frags[0] else 0
    # A first query loads the JS, the WASM, the entry and meta files, one index chunk and
    # the fragment of the first result.
    fixed = sum(p.stat().st_size for p in dest.iterdir() if p.is_file()
                and (p.name in ("pagefind.js", "pagefind-entry.json") or p.suffix in (".pf_meta",)
                     or p.name.startswith("wasm.")))
    fixed += sum(p.stat().st_size for p in dest.glob("pagefind.*.pf_meta"))
    return {"pagefind_s": took, "pagefind_bytes": du(dest),
            "pagefind_first_query_bytes": fixed + avg_chunk + avg_frag}


def bench_size(n: int, work: Path, seed: int, damage: float, browser: bool) -> dict:
    res: dict = {"n": n}
    corpus_dir, out = work / f"corpus-{n}", work / f"out-{n}"
    shutil.rmtree(out, ignore_errors=True)
    log(f"N={n}: generating the synthetic corpus")
    synth.write_corpus(corpus_dir, n, seed=seed, damage=damage)
    res["raw_mb"] = du(corpus_dir / "raw") / 1e6

    log(f"N={n}: normalize throughput, analyzer speed")
    norm, (corpus, docs) = measure_normalize(corpus_dir)
    res.update(norm)
    res["analyzer_mb_per_s"] = measure_analyzer(corpus, docs)
    from build_tools.knowledge.model import load_model
    from build_tools.outputs.site.document_pages import generate_pages

    model, _ = load_model(corpus_dir, corpus, docs)
    _, nav = generate_pages(corpus, docs, model)
    del corpus, docs

    log(f"N={n}: full build (subprocess)")
    b = run_build(corpus_dir, out)
    res.update({"build_s": b["wall"], "build_peak_rss_mb": b["rss_mb"], "mkdocs_step_s": b["mkdocs"],
                "index_build_s": b["index"], "index_bytes": du(out / "build" / "index")})
    log(f"N={n}: built in {b['wall']:.1f} s")

    log(f"N={n}: incremental rebuild after one changed document")
    touch_one_document(corpus_dir)
    inc = run_build(corpus_dir, out)
    res["incremental_s"] = inc["wall"]
    res["incremental_log"] = [ln for ln in inc["lines"] if ln.startswith("  index:")]

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

    log(f"N={n}: plain mkdocs build, Material and Pagefind indexes")
    plain_site = work / f"plain-site-{n}"
    shutil.rmtree(plain_site, ignore_errors=True)
    res["plain_mkdocs_s"] = plain_mkdocs(out, nav, plain_site)
    res["overhead_ratio"] = res["build_s"] / res["plain_mkdocs_s"]
    material = plain_site / "search" / "search_index.json"
    res["material_index_bytes"] = du(material)
    res["material_index_gzip_bytes"] = len(gzip.compress(material.read_bytes(), 6))
    pf = run_pagefind(plain_site, work / f"pagefind-{n}")
    if pf:
        res.update(pf)
    return res


def fmt(key: str, v) -> str:
    if v is None:
        return "—"
    if key in MB_KEYS:
        return f"{v / 1e6:.2f}" if key != "build_peak_rss_mb" else f"{v:.0f}"
    if isinstance(v, float):
        return f"{v:.3g}" if v < 100 else f"{v:.0f}"
    return str(v)


def verdict(key: str, n: int, v) -> str:
    target = dict(next(t for k, _, _, t in METRICS if k == key)).get(n)
    if target is None or v is None:
        return ""
    shown = v / 1e6 if (key in MB_KEYS and key != "build_peak_rss_mb") else v
    return " ✅" if shown <= target else f" ❌ (>{target})"


def table(results: list[dict]) -> str:
    head = "| metric | unit | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |"
    rows = [head, "|---|---|" + "---:|" * len(results)]
    for key, label, unit, _ in METRICS:
        cells = [fmt(key, r.get(key)) + verdict(key, r["n"], r.get(key)) for r in results]
        rows.append(f"| {label} | {unit} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def targets_text() -> str:
    out = []
    for _key, label, unit, t in METRICS:
        for n, limit in t.items():
            out.append(f"- N = {n:,}: {label.strip()} ≤ {limit} {unit}")
    return "\n".join(out)


def docs_page(results: list[dict], mach: dict, took: float) -> str:
    return "\n".join([
        "---", "title: ผลทดสอบความเร็วและขนาด", "---", "",
        "# ผลทดสอบความเร็วและขนาด (benchmark)", "",
        "ผลจากคำสั่ง `./dev bench` บนคลังเอกสาร **สังเคราะห์** (สร้างจากข้อความจริงของคลัง "
        "สลับประโยค หน่วยงาน วันที่ และตัวเลข แล้วใส่ความผิดพลาดแบบ OCR) "
        "เพื่อดูว่าระบบยังทำงานได้ทันเมื่อมีหนังสือหลายพันฉบับ เอกสารสังเคราะห์ไม่ถูกเผยแพร่บนเว็บไซต์นี้", "",
        "## เครื่องที่ใช้ทดสอบ", "",
        f"- CPU: {mach['cpu']}, {mach['cores']} cores",
        f"- RAM: {mach['ram_gb']} GB",
        f"- Python {mach['python']} ({mach['os']})",
        f"- load average ตอนเริ่มทดสอบ: {mach.get('load_at_start')} (เครื่องอาจถูกใช้งานร่วมกับงานอื่น)",
        f"- วันที่ทดสอบ: {dt.date.today().isoformat()}, ใช้เวลาทั้งหมด {took / 60:.1f} นาที", "",
        "## ผลการวัด", "",
        "✅ = ผ่านเป้าหมาย ❌ = ไม่ผ่าน (MB = 10^6 ไบต์)", "",
        table(results), "",
        "## เป้าหมาย", "",
        targets_text(), "",
    ])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Scale benchmark on a synthetic corpus (see README).")
    p.add_argument("--sizes", default="100,1000", help="comma-separated N values (default 100,1000)")
    p.add_argument("--work", default=str(ROOT / "build" / "bench"), help="scratch folder")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--damage", type=float, default=0.02, help="OCR damage rate per character")
    p.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    p.add_argument("--docs-page", default=str(ROOT / "docs" / "benchmarks.md"),
                   help="Markdown page with the results table ('' to skip)")
    p.add_argument("--no-browser", action="store_true", help="skip the headless Chromium step")
    p.add_argument("--keep", action="store_true", help="keep the scratch folder")
    a = p.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    browser = not a.no_browser and browser_available()
    if not a.no_browser and not browser:
        log("Chromium/chromedriver/selenium not found: skipping the browser step")
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    mach = machine()
    t0 = time.perf_counter()
    results = []
    for n in sizes:
        results.append(bench_size(n, work, a.seed, a.damage, browser))
        print(table(results), flush=True)
    took = time.perf_counter() - t0
    Path(a.json).parent.mkdir(parents=True, exist_ok=True)
    Path(a.json).write_text(json.dumps({"machine": mach, "seconds": took, "seed": a.seed,
                                        "damage": a.damage, "metrics": [m[0] for m in METRICS],
                                        "results": results}, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
    if a.docs_page:
        Path(a.docs_page).write_text(docs_page(results, mach, took), encoding="utf-8")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    log(f"done in {took:.0f} s; JSON: {a.json}" + (f", page: {a.docs_page}" if a.docs_page else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
