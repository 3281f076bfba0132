"""The scale benchmark's report: the metrics and the issue's targets (✅/❌ per size),
the table, the growth of each cost fitted as a·N^b over the measured sizes with its
extrapolation to 100,000 letters, the growth-curve plot (SVG) and the docs page."""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

from letterset.report import DEFAULT_SEED, seeds_table
from measured import merged

FAULTS_TABLE = Path(__file__).resolve().parent / "results" / "faults.md"
INGEST_TABLE = Path(__file__).resolve().parent / "results" / "ingest_eval.md"  # benchmarks/ingest_eval.py
INGEST_NOTES = Path(__file__).resolve().parent / "results" / "ingest_held_out.md"  # kept by hand
INGEST_RESULTS = Path(__file__).resolve().parent / "results"  # ingest_eval*.json: each seed's last run
SEEDS_HEADING = "### ทุกชุดหนังสือทดสอบ (every letter set, its last run)"
SEEDS_INTRO = ("Made from each set's JSON results (`ingest_eval.py --seed N`): the same 34 specifications, "
               "other words, numbers and specks. \"scans + OCR text\" pools the scan (our OCR) and the plain "
               "`tesseract` text. Which sets were studied and which are held out: the notes below.")
# Rebuild measurements taken apart from a whole run (benchmarks/rebuild.py), with notes.
REBUILD_NOTES = Path(__file__).resolve().parent / "results" / "rebuild.md"
# Full builds side by side with plain MkDocs, measured apart (benchmarks/full_build.py).
FULL_BUILD_NOTES = Path(__file__).resolve().parent / "results" / "full_build.md"
# Query latency measured apart (benchmarks/query_latency.py), per query, beside Whoosh's own.
# The last whole run (`./dev bench`) and its growth plot beside the docs page.
LATEST = Path(__file__).resolve().parent / "results" / "latest.json"
PLOT_NAME = "benchmarks-growth.svg"
QUERY_NOTES = Path(__file__).resolve().parent / "results" / "query_latency.md"

# (key, label, unit, {N: limit}) — the targets, checked per size.
METRICS = [
    ("normalize_docs_per_s", "normalize: documents/s", "doc/s", {}),
    ("normalize_mb_per_s", "normalize: MB/s (raw text)", "MB/s", {}),
    ("analyzer_mb_per_s", "analyzer alone (segmentation + sub-words): MB/s", "MB/s", {}),
    ("build_s", "full build (MkDocs): wall time", "s", {1000: 90, 10000: 900, 100000: 3600}),
    ("build_peak_rss_mb", "full build: peak memory (RSS)", "MB", {10000: 3072, 100000: 8192}),
    ("build_total_pss_mb", "  all its processes together (sum of PSS, memory.py)", "MB", {}),
    ("checked_s", "  of which stages 1-3 (check, normalize, review) and pages", "s", {}),
    ("mkdocs_step_s", "  of which rendering the site (MkDocs)", "s", {}),
    ("publish_s", "  of which the atomic publish", "s", {}),
    ("plain_mkdocs_s", "plain `mkdocs build` of the same pages", "s", {}),
    ("overhead_ratio", "our build / plain mkdocs (ratio)", "×", {1000: 1.3, 10000: 1.3}),
    ("zensical_build_s", "full build with --engine zensical: wall time", "s", {}),
    ("plain_zensical_s", "plain `zensical build` of the same pages", "s", {}),
    ("zensical_ratio", "our zensical build / plain zensical (ratio)", "×", {}),
    ("index_bytes", "index size on disk", "MB", {}),
    ("nochange_s", "rebuild with nothing changed", "s", {10000: 2}),
    ("incremental_s", "rebuild after one changed letter", "s", {1000: 5, 10000: 5, 100000: 15}),
    ("incremental_rss_mb", "  its peak memory (RSS)", "MB", {}),
    ("query_p50_ms", "CLI query p50 (warm, in process)", "ms", {}),
    ("query_p95_ms", "CLI query p95 (warm, in process)", "ms", {1000: 50, 10000: 100, 100000: 150}),
    ("whoosh_p50_ms", "  Whoosh's own search of the same words, p50 (reference)", "ms", {}),
    ("whoosh_p95_ms", "  Whoosh's own search of the same words, p95 (reference)", "ms", {}),
    ("search_cold_s", "cold `search` (process start to first result)", "s", {1000: 1.5}),
    ("site_index_bytes", "site search index on disk (SITE_INDEX_GLOBS)", "MB", {}),
    ("browser_bytes", "browser: bytes downloaded before first result", "MB", {10000: 1.0, 100000: 1.0}),
    ("browser_index_bytes", "  of which search-index files", "MB", {}),
    ("browser_first_result_s", "browser: typing to first result", "s", {10000: 1.0, 100000: 1.0}),
    ("browser_load_to_result_s", "browser: page open to first result", "s", {}),
    ("material_index_bytes", "Material default search_index.json", "MB", {}),
    ("material_index_gzip_bytes", "  gzipped", "MB", {}),
    ("pagefind_s", "Pagefind indexing time", "s", {}),
    ("pagefind_bytes", "Pagefind bundle, all files", "MB", {}),
    ("pagefind_first_query_bytes", "Pagefind: bytes for a first query (est.)", "MB", {}),
]
MB_KEYS = {k for k, _, unit, _ in METRICS if unit == "MB"}
# Costs whose growth is fitted and extrapolated to EXTRAPOLATE_TO letters.
GROWTH = ["build_s", "plain_mkdocs_s", "zensical_build_s", "incremental_s", "nochange_s", "build_peak_rss_mb",
          "build_total_pss_mb",
          "query_p95_ms", "browser_bytes", "browser_first_result_s"]
EXTRAPOLATE_TO = 100_000


def _without_comment(text: str) -> str:
    """A results file without its leading HTML comment (a note to maintainers)."""
    if text.startswith("<!--"):
        text = text[text.index("-->") + 3:]
    return text.strip()


def fmt(key: str, v) -> str:
    if v is None:
        return "—"
    if key in MB_KEYS:
        return f"{v / 1e6:.2f}" if not key.endswith("_mb") else f"{v:.0f}"
    if isinstance(v, float):
        return f"{v:.3g}" if v < 100 else f"{v:.0f}"
    return str(v)


def verdict(key: str, n: int, v) -> str:
    target = dict(next(t for k, _, _, t in METRICS if k == key)).get(n)
    if target is None or v is None:
        return ""
    shown = v / 1e6 if (key in MB_KEYS and not key.endswith("_mb")) else v
    return " ✅" if shown <= target else f" ❌ (>{target})"


def table(results: list[dict], apart: dict | None = None) -> str:
    """Metrics by size; a figure measured apart (measured.py) is marked †."""
    apart = apart or {}
    head = "| metric | unit | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |"
    rows = [head, "|---|---|" + "---:|" * len(results)]
    for key, label, unit, _ in METRICS:
        cells = [fmt(key, r.get(key)) + ("†" if (r["n"], key) in apart else "") + verdict(key, r["n"], r.get(key))
                 for r in results]
        rows.append(f"| {label} | {unit} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def sources_note(apart: dict, run_when: str | None) -> str:
    """Where the † figures come from; the others are the whole run's."""
    if not apart:
        return ""
    hows: dict[tuple, list[str]] = {}
    for (n, key), e in sorted(apart.items()):
        hows.setdefault((e["how"], e["when"], e["commit"], e.get("load", "")), []).append(f"{key} at {n:,}")
    lines = [f"† measured apart from the whole run ({'of ' + run_when if run_when else 'undated'}), "
             "by the scripts below; the other figures are the whole run's:"]
    for (how, when, rev, load), what in hows.items():
        lines.append(f"- `{how}`, {when}, commit {rev}" + (f", load {load}" if load else "") + ": "
                     + ", ".join(what))
    return "\n".join(lines)


def targets_text() -> str:
    out = []
    for _key, label, unit, t in METRICS:
        for n, limit in t.items():
            out.append(f"- N = {n:,}: {label.strip()} ≤ {limit} {unit}")
    return "\n".join(out)


# Fits are made over the largest sizes: those of 10,000 letters and more when two of them
# are measured (the issue asks for 10,000 and 30,000), else those of 1,000 and more, else all.
FIT_FLOORS = (10_000, 1_000, 0)


def fit_points(results: list[dict], key: str) -> list[tuple[int, float]]:
    """The (N, value) points a cost's growth is fitted over (FIT_FLOORS)."""
    pts = [(r["n"], r[key]) for r in results if isinstance(r.get(key), (int, float)) and r[key] > 0]
    for floor in FIT_FLOORS:
        big = [p for p in pts if p[0] >= floor]
        if len({n for n, _ in big}) >= 2:
            return big
    return []


def fit(results: list[dict], key: str) -> tuple[float, float] | None:
    """a, b of value = a·N^b, least squares in log-log over `fit_points`."""
    pts = fit_points(results, key)
    if not pts:
        return None
    xs, ys = [math.log(n) for n, _ in pts], [math.log(v) for _, v in pts]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return math.exp(my - b * mx), b


def extrapolated(results: list[dict]) -> dict:
    """key -> (value at EXTRAPOLATE_TO, exponent b) for every fitted cost."""
    out = {}
    for key in GROWTH:
        f = fit(results, key)
        if f:
            out[key] = (f[0] * EXTRAPOLATE_TO ** f[1], f[1])
    return out


def extrapolation_table(results: list[dict]) -> str:
    # A cost measured at EXTRAPOLATE_TO letters is in the table above: only the others are fitted.
    measured = {k for r in results if r["n"] >= EXTRAPOLATE_TO for k, v in r.items() if v is not None}
    ext = {k: v for k, v in extrapolated([r for r in results if r["n"] < EXTRAPOLATE_TO]).items()
           if k not in measured}
    if not ext:
        return f"(measured at {EXTRAPOLATE_TO:,}: see the table above)"
    lead = (f"Measured at {EXTRAPOLATE_TO:,} letters: the table above. The costs not measured there are "
            if measured else "Not measured: ")
    rows = [lead + "extrapolated with the fitted growth a·N^b (b > 1: grows faster than linearly), "
            "each cost over the largest sizes it was measured at (the figures of the table above, † included): "
            "10,000 letters and more where two such sizes are measured, else 1,000 and more.", "",
            f"| metric | unit | fitted over N = | b | N = {EXTRAPOLATE_TO:,} (extrapolated) |",
            "|---|---|---|---:|---:|"]
    for key, label, unit, _ in METRICS:
        if key in ext:
            v, b = ext[key]
            sizes = ", ".join(f"{n:,}" for n in sorted({n for n, _ in fit_points(results, key)} - {EXTRAPOLATE_TO}))
            rows.append(f"| {label.strip()} | {unit} | {sizes} | {b:.2f} | "
                        f"{fmt(key, v)}{verdict(key, EXTRAPOLATE_TO, v)} |")
    return "\n".join(rows)


def growth_svg(results: list[dict], keys=("build_s", "plain_mkdocs_s", "zensical_build_s", "incremental_s",
                                          "nochange_s")) -> str:
    """Log-log plot of the build times against N, measured points and fitted lines
    extended to EXTRAPOLATE_TO (dashed)."""
    w, h, pad = 640, 400, 60
    colors = ["#1f77b4", "#7f7f7f", "#2ca02c", "#d62728", "#9467bd"]
    ns = [r["n"] for r in results] + [EXTRAPOLATE_TO]
    vals = [r[k] for r in results for k in keys if isinstance(r.get(k), (int, float)) and r[k] > 0]
    ext = extrapolated(results)
    vals += [ext[k][0] for k in keys if k in ext]
    x0, x1 = math.log10(min(ns)), math.log10(max(ns))
    y0, y1 = math.floor(math.log10(min(vals or [0.1]))), math.ceil(math.log10(max(vals or [10])))
    X = lambda n: pad + (math.log10(n) - x0) / max(x1 - x0, 1e-9) * (w - 2 * pad)
    Y = lambda v: h - pad - (math.log10(v) - y0) / max(y1 - y0, 1e-9) * (h - 2 * pad)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" '
           'font-size="11"><rect width="100%" height="100%" fill="white"/>',
           f'<text x="{w / 2}" y="20" text-anchor="middle" font-size="14">build time (s) against letters (N), '
           'log-log; dashed: fitted, extrapolated</text>']
    for e in range(y0, y1 + 1):
        out.append(f'<line x1="{pad}" x2="{w - pad}" y1="{Y(10 ** e):.1f}" y2="{Y(10 ** e):.1f}" stroke="#ddd"/>'
                   f'<text x="{pad - 6}" y="{Y(10 ** e) + 4:.1f}" text-anchor="end">{10 ** e:g}</text>')
    for n in ns:
        out.append(f'<text x="{X(n):.1f}" y="{h - pad + 16}" text-anchor="middle">{n:,}</text>')
    for i, key in enumerate(keys):
        c, pts = colors[i % len(colors)], [(r["n"], r[key]) for r in results if isinstance(r.get(key), (int, float))
                                           and r[key] > 0]
        label = next(lb for k, lb, _, _ in METRICS if k == key).strip()
        out.append(f'<text x="{pad + 8}" y="{40 + 14 * i}" fill="{c}">● {label}</text>')
        for n, v in pts:
            out.append(f'<circle cx="{X(n):.1f}" cy="{Y(v):.1f}" r="3.5" fill="{c}"/>')
        if key in ext and pts:
            a, b = fit(results, key)
            start = min(n for n, _ in fit_points(results, key))  # the line spans the sizes it was fitted over
            out.append(f'<line x1="{X(start):.1f}" y1="{Y(a * start ** b):.1f}" x2="{X(EXTRAPOLATE_TO):.1f}" '
                       f'y2="{Y(ext[key][0]):.1f}" stroke="{c}" stroke-dasharray="5,4"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def docs_page(results: list[dict], mach: dict, took: float, plot: str | None) -> str:
    shown, apart = merged(results, mach.get("when"))
    return "\n".join([
        "---", "title: ผลทดสอบความเร็วและขนาด",
        # synthetic figures, no programme content: the site search leaves the page out
        "search:", "  exclude: true  # synthetic figures, no programme content: the site search leaves it out",
        "---", "",
        "# ผลทดสอบความเร็วและขนาด (benchmark)", "",
        "ผลจากคำสั่ง `./dev bench` บนคลังเอกสาร **สังเคราะห์** (สร้างจากข้อความจริงของคลัง "
        "สลับประโยค หน่วยงาน วันที่ และตัวเลข แล้วใส่ความผิดพลาดแบบ OCR) "
        "เพื่อดูว่าระบบยังทำงานได้ทันเมื่อมีหนังสือหลายพันฉบับ เอกสารสังเคราะห์ไม่ถูกเผยแพร่บนเว็บไซต์นี้", "",
        "## เครื่องที่ใช้ทดสอบ", "",
        f"- CPU: {mach['cpu']}, {mach['cores']} cores",
        f"- RAM: {mach['ram_gb']} GB",
        f"- Python {mach['python']} ({mach['os']})",
        f"- load average ตอนเริ่มทดสอบ: {mach.get('load_at_start')} (เครื่องอาจถูกใช้งานร่วมกับงานอื่น "
        "จึงควรดูอัตราส่วนต่อ MkDocs ธรรมดาที่วัดในรอบเดียวกันมากกว่าเวลาตรง ๆ)",
        f"- วันที่ทดสอบ: {dt.date.today().isoformat()}, ใช้เวลาทั้งหมด {took / 60:.1f} นาที", "",
        "## " + RESULTS_HEADING, "",
        results_section(shown, apart, mach.get("when")), "",
        *(["## " + FULL_BUILD_HEADING, "", _without_comment(FULL_BUILD_NOTES.read_text(encoding="utf-8")), ""]
          if FULL_BUILD_NOTES.is_file() else []),
        *(["## " + REBUILD_HEADING, "", _without_comment(REBUILD_NOTES.read_text(encoding="utf-8")), ""]
          if REBUILD_NOTES.is_file() else []),
        *(["## " + QUERY_HEADING, "", _without_comment(QUERY_NOTES.read_text(encoding="utf-8")), ""]
          if QUERY_NOTES.is_file() else []),
        "## " + GROWTH_HEADING, "",
        growth_section(shown, plot), "",
        "## เป้าหมาย", "",
        targets_text(), "",
        "## การทดสอบความผิดพลาด (fault trials)", "",
        "ผลจาก `benchmarks/faults.py`: สร้างเว็บไซต์และนำเข้าหนังสือพร้อมกัน หยุดกระบวนการกลางคัน "
        "ข้อมูลผิดรูปแบบ และคำสั่งผิด นับว่าได้ข้อความแจ้งที่ชัดเจน traceback หรือสถานะไม่สอดคล้อง/ข้อมูลหาย", "",
        FAULTS_TABLE.read_text(encoding="utf-8") if FAULTS_TABLE.is_file() else "(not run yet)", "",
        "## " + INGEST_HEADING, "",
        ingest_section(), "",
    ])


def ingest_section() -> str:
    """The ingest evaluation's table (written by ingest_eval.py), the table of every letter
    set's last run (one row a seed, from their JSON results) and, after them, the notes
    kept by hand on the sets of other seeds (held-out checks)."""
    table = INGEST_TABLE.read_text(encoding="utf-8") if INGEST_TABLE.is_file() else "(not run yet)"
    notes = _without_comment(INGEST_NOTES.read_text(encoding="utf-8")) if INGEST_NOTES.is_file() else ""
    seeds = seeds_section()
    return table.rstrip("\n") + ("\n\n" + seeds if seeds else "") + ("\n\n" + notes if notes else "")


def seeds_section() -> str:
    """Every letter set's last whole run, side by side (`ingest_eval.py --seed N` keeps its
    rows in ingest_eval-seedN.json; the default seed's in ingest_eval.json)."""
    results = {}
    for path in sorted(INGEST_RESULTS.glob("ingest_eval*.json")):
        m = re.fullmatch(r"ingest_eval(?:-seed(\d+))?\.json", path.name)
        if m:
            results[int(m[1]) if m[1] else DEFAULT_SEED] = json.loads(path.read_text(encoding="utf-8"))
    if len(results) < 2:
        return ""
    return "\n".join([SEEDS_HEADING, "", SEEDS_INTRO, "", *seeds_table(results)])


RESULTS_HEADING = "ผลการวัด"
GROWTH_HEADING = f"{EXTRAPOLATE_TO:,} ฉบับ (ประมาณจากการเติบโตที่วัดได้)"


def results_section(shown: list[dict], apart: dict, run_when: str | None) -> str:
    note = sources_note(apart, run_when)
    return "✅ = ผ่านเป้าหมาย ❌ = ไม่ผ่าน (MB = 10^6 ไบต์)\n\n" + table(shown, apart) + ("\n\n" + note if note else "")


def growth_section(shown: list[dict], plot: str | None) -> str:
    return extrapolation_table(shown) + (f"\n\n![เวลาสร้างเว็บไซต์เทียบกับจำนวนหนังสือ]({plot})" if plot else "")


# The page's sections measured apart from `./dev bench`, each from its results file.
FULL_BUILD_HEADING = "การสร้างทั้งหมด (full build) เทียบกับ MkDocs ธรรมดา: วัดแยกด้วย `benchmarks/full_build.py`"
REBUILD_HEADING = "การสร้างซ้ำ (rebuild): วัดแยกด้วย `benchmarks/rebuild.py`"
QUERY_HEADING = "คำค้นบนบรรทัดคำสั่ง (CLI query latency): วัดแยกด้วย `benchmarks/query_latency.py`"
INGEST_HEADING = "การอ่านหนังสือราชการจากภาพสแกน (ingest)"


def sync_sections(page: str) -> str:
    """`page` (docs/benchmarks.md as written by the last `./dev bench`) with the sections
    measured apart (full builds, rebuild notes, query latency, ingest evaluation) taken
    again from their results files: after `benchmarks/ingest_eval.py`, `full_build.py` or
    `rebuild.py`, without re-running the whole benchmark.  A section the page does not
    have yet is left for `./dev bench`."""
    for heading, path in ((FULL_BUILD_HEADING, FULL_BUILD_NOTES), (REBUILD_HEADING, REBUILD_NOTES),
                          (QUERY_HEADING, QUERY_NOTES)):
        if path.is_file():
            page = _with_section(page, heading, _without_comment(path.read_text(encoding="utf-8")))
    if INGEST_TABLE.is_file():
        page = _with_section(page, INGEST_HEADING, ingest_section())
    return page


def _with_section(page: str, heading: str, body: str) -> str:
    """`page` with the body of its section `heading` replaced (a page without it: as it is)."""
    marker = f"\n## {heading}\n"
    if marker not in page:
        return page
    start = page.index(marker) + len(marker)
    end = page.find("\n## ", start)
    end = len(page) if end < 0 else end + 1
    return page[:start] + "\n" + body + "\n" + ("\n" if end < len(page) else "") + page[end:]


def sync_measured(page: str, latest: Path = LATEST) -> tuple[str, str]:
    """`page` with its results table and its 100,000-letter extrapolation made again from
    the last whole run (`latest`) and the figures measured apart since (measured.py), and
    the growth plot (SVG) drawn from the same figures."""
    data = json.loads(latest.read_text(encoding="utf-8"))
    shown, apart = merged(data["results"], data["machine"].get("when"))
    page = _with_section(page, RESULTS_HEADING, results_section(shown, apart, data["machine"].get("when")))
    page = _with_section(page, GROWTH_HEADING, growth_section(shown, PLOT_NAME))
    return page, growth_svg(shown)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] != ["--sync"] or len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/bench_report.py --sync docs/benchmarks.md")
    target = Path(sys.argv[2])
    synced, svg = sync_measured(sync_sections(target.read_text(encoding="utf-8")))
    target.write_text(synced, encoding="utf-8")
    (target.parent / PLOT_NAME).write_text(svg, encoding="utf-8")
