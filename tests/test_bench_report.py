"""`python benchmarks/bench_report.py --sync docs/benchmarks.md`: the sections measured
apart from `./dev bench` (rebuild notes, query latency, ingest evaluation and its held-out
notes) are taken again
from their results files; everything else on the page stays as written."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_report  # noqa: E402


def test_sync_replaces_only_the_sections_measured_apart(tmp_path, monkeypatch):
    notes = {name: tmp_path / f"{name}.md" for name in ("full", "rebuild", "query", "ingest")}
    notes["full"].write_text("new full-build table\n", encoding="utf-8")
    notes["rebuild"].write_text("<!-- a note to maintainers -->\n### new rebuild figures\n", encoding="utf-8")
    notes["ingest"].write_text("new ingest table\n", encoding="utf-8")  # the query notes: no file
    held_out = tmp_path / "held_out.md"
    held_out.write_text("<!-- kept by hand -->\n### other seeds\n", encoding="utf-8")
    monkeypatch.setattr(bench_report, "INGEST_NOTES", held_out)
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
