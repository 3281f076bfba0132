"""`python benchmarks/bench_report.py --sync docs/benchmarks.md`: the sections measured
apart from `./dev bench` (rebuild notes, query latency, ingest evaluation and its held-out
notes) are taken again
from their results files; everything else on the page stays as written."""
import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_report  # noqa: E402
from letterset.score import FIELDS  # noqa: E402


def test_sync_replaces_only_the_sections_measured_apart(tmp_path, monkeypatch):
    notes = {name: tmp_path / f"{name}.md" for name in ("full", "rebuild", "query", "ingest")}
    notes["full"].write_text("new full-build table\n", encoding="utf-8")
    notes["rebuild"].write_text("<!-- a note to maintainers -->\n### new rebuild figures\n", encoding="utf-8")
    notes["ingest"].write_text("new ingest table\n", encoding="utf-8")  # the query notes: no file
    held_out = tmp_path / "held_out.md"
    held_out.write_text("<!-- kept by hand -->\n### other seeds\n", encoding="utf-8")
    monkeypatch.setattr(bench_report, "INGEST_NOTES", held_out)
    monkeypatch.setattr(bench_report, "INGEST_RESULTS", tmp_path)  # (no seed's JSON results: no table of sets)
    monkeypatch.setattr(bench_report, "FULL_BUILD_NOTES", notes["full"])
    monkeypatch.setattr(bench_report, "REBUILD_NOTES", notes["rebuild"])
    monkeypatch.setattr(bench_report, "QUERY_NOTES", notes["query"])
    monkeypatch.setattr(bench_report, "INGEST_TABLE", notes["ingest"])
    page = "\n".join([
        "# title", "", "## ผลการวัด", "", "| table |", "",
        "## " + bench_report.FULL_BUILD_HEADING, "", "old full-build table", "",
        "## " + bench_report.REBUILD_HEADING, "", "### old rebuild figures", "", "text", "",
        "## " + bench_report.QUERY_HEADING, "", "old query figures", "",
        "## เป้าหมาย", "", "- targets", "",
        "## " + bench_report.INGEST_HEADING, "", "old ingest table", ""])
    assert bench_report.sync_sections(page) == "\n".join([
        "# title", "", "## ผลการวัด", "", "| table |", "",
        "## " + bench_report.FULL_BUILD_HEADING, "", "new full-build table", "",
        "## " + bench_report.REBUILD_HEADING, "", "### new rebuild figures", "",
        "## " + bench_report.QUERY_HEADING, "", "old query figures", "",
        "## เป้าหมาย", "", "- targets", "",
        "## " + bench_report.INGEST_HEADING, "", "new ingest table", "", "### other seeds", ""])


def test_the_published_page_is_in_step_with_its_results_files():
    page = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    assert bench_report.sync_sections(page) == page, "run: python benchmarks/bench_report.py --sync docs/benchmarks.md"


def test_every_letter_sets_last_run_is_one_row_of_the_table(tmp_path, monkeypatch):
    score = dict.fromkeys(FIELDS, True) | {"refs": [1, 1, 1]}
    row = {"typed": {"score": score}, "page_cer": [[0.05, 0.10]],
           "text": {"raw_cer": 0.1, "body_cer": 0.05}, "scan": {"raw_cer": 0.1, "body_cer": 0.03}}
    row["text"]["score"] = score
    row["scan"]["score"] = score | {"date": False}
    for name in ("ingest_eval.json", "ingest_eval-seed21.json"):
        (tmp_path / name).write_text(json.dumps([row]), encoding="utf-8")
    (tmp_path / "ingest_eval-seed21.md").write_text("not a seed's rows", encoding="utf-8")
    monkeypatch.setattr(bench_report, "INGEST_RESULTS", tmp_path)
    table = bench_report.seeds_section().splitlines()[-2:]
    assert table == [f"| {seed} | 1 / 1 | 94.4 % | 2 / 2 | 50.0 % | 100.0 % | 0 / 1 | 0.40 |"
                     for seed in (bench_report.DEFAULT_SEED, 21)]
