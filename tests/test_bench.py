"""Smoke test of the scale benchmark at a small N: the synthetic corpus passes the real
corpus check and builds, and the benchmark reports every metric.  Timings are printed by
the benchmark, never asserted here."""
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, seed

from build_tools.knowledge.checked import check_corpus

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench  # noqa: E402
import synth  # noqa: E402

pytestmark = [pytest.mark.slow]  # runs the scale benchmark at N=20


def test_synthetic_corpus_is_valid_marked_and_deterministic(tmp_path):
    a = synth.write_corpus(tmp_path / "a", 30, seed=3, damage=0.05)
    b = synth.write_corpus(tmp_path / "b", 30, seed=3, damage=0.05)
    corpus = check_corpus(a, with_review=False).corpus  # real validation: hashes, front matter, line ranges, model
    real = {d.id for d in seed().corpus.documents}
    synthetic = [d for d in corpus.documents if d.id not in real]
    assert len(synthetic) == 30 and len(corpus.documents) == 30 + len(real)
    assert all(d.get("synthetic") is True for d in synthetic)
    assert all(synth.NOTE in d.notes for d in synthetic)
    for raw in (a / "raw").glob("synth_*.txt"):
        assert raw.read_text(encoding="utf-8").startswith(synth.MARKER)
        assert raw.read_bytes() == (b / "raw" / raw.name).read_bytes()
    text = "\n".join(r.path.read_text(encoding="utf-8") for r in corpus.raw.values()
                     if r.name.startswith("synth_"))
    # OCR damage the pipeline must repair is present: decomposed sara am, page numbers,
    # catch-words, broken lines.
    assert "\u0e4d\u0e32" in text
    assert "\n(๒)\n" in text
    assert "....\n" in text


def test_damage_rate_zero_leaves_text_alone():
    import random

    s = "กรมส่งเสริมการปกครองท้องถิ่น ๒๕๕๒ สำนักงาน"
    assert synth.damage_text(s, random.Random(1), 0) == s
    assert synth.damage_text(s * 20, random.Random(1), 0.5) != s * 20


def test_benchmark_smoke_reports_every_metric(tmp_path):
    out_json, page = tmp_path / "r.json", tmp_path / "r.md"
    args = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "20",
            "--work", str(tmp_path / "work"), "--json", str(out_json), "--docs-page", str(page)]
    browser = bench.browser_available()
    if not browser:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium + chromedriver are required on CI")
        args.append("--no-browser")
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["metrics"] == [m[0] for m in bench.METRICS]
    (res,) = data["results"]
    assert res["n"] == 20
    skipped = set() if browser else {k for k in data["metrics"] if k.startswith("browser_")}
    for key in data["metrics"]:
        if key in skipped:
            continue
        assert isinstance(res.get(key), (int, float)) and res[key] >= 0, key
    assert res["browser_first_result_s" if browser else "build_s"] > 0
    # Plausibility, not speed: normalizing is timed for real (a memoized result once
    # reported millions of documents per second).
    assert res["normalize_docs_per_s"] < 100_000 and res["normalize_mb_per_s"] < 1_000
    # The incremental rebuild re-indexed exactly the one changed document.
    assert res["incremental_log"] == ["  index: re-indexed 1, removed 0"]
    for _, label, _, _ in bench.METRICS:
        assert label in proc.stdout and label in page.read_text(encoding="utf-8")
    assert "CPU:" in page.read_text(encoding="utf-8")
    assert not (tmp_path / "work").exists()  # scratch removed


def test_the_report_page_keeps_the_results_measured_apart():
    # ./dev bench rewrites docs/benchmarks.md: the fault trials, the ingest evaluation, the
    # rebuild and query latency measurements (benchmarks/results/*.md) must come back in it.
    import bench_report

    data = json.loads((ROOT / "benchmarks" / "results" / "latest.json").read_text(encoding="utf-8"))
    page = bench_report.docs_page(data["results"], data["machine"], data["seconds"], None)
    for name in ("faults.md", "ingest_eval.md", "ingest_held_out.md", "rebuild.md", "query_latency.md"):
        text = (ROOT / "benchmarks" / "results" / name).read_text(encoding="utf-8")
        body = bench_report._without_comment(text)
        assert body and body in page, name
    assert "<!--" not in page
