"""The scale benchmark's measurements (bench.py runs them per N): a build as a real
subprocess (wall time, peak RSS, step marks), normalize and analyzer throughput, CLI
queries warm and cold, the site search in headless Chromium, and side by side plain
MkDocs, plain Zensical and Pagefind on the same pages."""
from __future__ import annotations

import http.server
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

# The browser harness (tests/browser.py) is the tests'; the benchmarks borrow it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # TESTS_DIR

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory import PeakPss  # noqa: E402

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
    # As ./dev runs the build: compiled modules kept in __pycache__, not compiled again
    # by every build (a machine that sets this would time Python's compiler).
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    return e


# Runs a command and reports its wall time and the peak RSS of its process tree's
# largest process (ru_maxrss of the waited-for children) on the last stderr line.
_RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[1:])\n"
    "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(rc)\n"
)


def run_build(corpus: Path, out: Path, engine: str = "mkdocs", pss: bool = False) -> dict:
    """`python -m build_tools build` as a subprocess; wall time, peak RSS (the largest
    process), step times; with `pss`, the peak memory of all its processes together too
    (memory.py: off unless asked, as reading every process's page tables twice a second
    took a third of a core at 100,000 letters, beside the two cores the build uses, and
    so slows the build it measures)."""
    cmd = [sys.executable, "-c", _RSS_WRAPPER, sys.executable, "-u", "-m", "build_tools", "build",
           "--corpus", str(corpus), "--out", str(out), "--engine", engine]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    sampler = PeakPss(proc.pid) if pss else None
    marks: dict[str, float] = {}
    lines = []
    for line in proc.stdout:
        now = time.perf_counter() - t0
        lines.append(line.rstrip())
        for key in ("[3/5]", "  site search:", "[4/5]", "  index:", "[5/5]"):
            if line.startswith(key):
                marks[key] = now
    err = proc.stderr.read()
    rc = proc.wait()
    wall = time.perf_counter() - t0
    total_mb = sampler.stop() if sampler else None
    if rc != 0:
        raise RuntimeError(f"build failed ({rc}):\n" + "\n".join(lines[-20:]) + "\n" + err[-3000:])
    rss_kb = next((int(ln.split()[1]) for ln in err.splitlines() if ln.startswith("PEAK_RSS_KB")), 0)
    return {"wall": wall, "rss_mb": rss_kb / 1024, "pss_mb": total_mb, "lines": lines,
            "checked": marks.get("[3/5]"),
            "mkdocs": marks.get("  site search:", 0) - marks.get("[3/5]", 0) if "[3/5]" in marks else None,
            "index_wait": marks.get("  index:", 0) - marks.get("[4/5]", 0) if "[4/5]" in marks else None,
            "publish": wall - marks.get("[5/5]", wall)}


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


def touch_one_document(corpus_dir: Path, k: int = 0) -> None:
    """Change one letter the way a maintainer would: a corrected title."""
    doc = sorted((corpus_dir / "documents").glob("synth-*.md"))[k]
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
    """Headless Chromium, fresh profile (the tests' harness, tests/browser.py): open the
    home page, type BROWSER_QUERY into the header search box, wait for the first result."""
    from browser import chromium
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium() as driver, _CountingServer(site) as srv:
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


def plain_zensical(out: Path, nav: list, dest: Path) -> float:
    """A plain `zensical build` of the same pages (its own cache cleared first)."""
    import yaml

    root = out / "build"
    cfg = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg.update(docs_dir="docs", site_dir=os.path.relpath(dest, root), nav=nav,
               plugins=[{"search": {"enabled": False}}])
    path = root / "plain-zensical.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.rmtree(root / ".cache", ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "zensical", "build", "-f", str(path)], cwd=root, env=env(), check=True,
                   capture_output=True)
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


