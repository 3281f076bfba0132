"""Figures measured apart from `./dev bench` (benchmarks/measured.py) replace an older
whole run's in the report, marked †, and the 100,000-letter extrapolation is fitted over
them; the published page and its growth plot are in step with the results files."""
import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_report  # noqa: E402
import measured  # noqa: E402


def test_record_keeps_each_figure_with_how_and_when(tmp_path, monkeypatch):
    path = tmp_path / "measured.json"
    monkeypatch.setattr(measured, "now", lambda: "2026-11-30 18:00")
    measured.record(10000, {"build_s": 500.04444}, "full_build.py --size 10000", "1.2", path=path)
    monkeypatch.setattr(measured, "now", lambda: "2026-11-30 18:30")
    measured.record(1000, {"build_s": 40.0, "incremental_s": 3.0}, "rebuild.py", path=path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["1000", "10000"]  # by size
    assert data["10000"]["build_s"]["value"] == 500.0444
    assert data["10000"]["build_s"]["how"] == "full_build.py --size 10000"
    assert data["10000"]["build_s"]["when"] == "2026-11-30 18:00" and data["10000"]["build_s"]["load"] == "1.2"
    assert not (tmp_path / "measured.tmp").exists()


def test_only_figures_measured_after_the_whole_run_replace_its_own(tmp_path):
    path = tmp_path / "measured.json"
    entry = {"how": "rebuild.py", "commit": "abc", "load": ""}
    path.write_text(json.dumps({
        "1000": {"incremental_s": {"value": 3.0, "when": "2026-11-30 10:00", **entry},
                 "build_s": {"value": 40.0, "when": "2026-11-29 10:00", **entry}},
        "30000": {"build_s": {"value": 1500.0, "when": "2026-11-30 10:00", **entry}}}), encoding="utf-8")
    run = [{"n": 1000, "build_s": 60.0, "incremental_s": 9.0}]
    shown, apart = measured.merged(run, "2026-11-29 22:00", path=path)
    assert shown == [{"n": 1000, "build_s": 60.0, "incremental_s": 3.0}, {"n": 30000, "build_s": 1500.0}]
    assert set(apart) == {(1000, "incremental_s"), (30000, "build_s")}
    assert run == [{"n": 1000, "build_s": 60.0, "incremental_s": 9.0}]  # the run's own figures are kept as they were
    shown, _ = measured.merged(run, None, path=path)  # an undated run: every figure measured apart is newer
    assert shown[0]["build_s"] == 40.0
    table = bench_report.table(shown, apart)
    assert "| rebuild after one changed letter | s | 3† ✅ |" in table


def test_the_published_page_and_plot_are_in_step_with_the_measurements():
    page = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    synced, svg = bench_report.sync_measured(page)
    assert synced == page, "run: python benchmarks/bench_report.py --sync docs/benchmarks.md"
    assert svg == (ROOT / "docs" / bench_report.PLOT_NAME).read_text(encoding="utf-8")


def test_growth_is_fitted_over_the_largest_sizes_measured():
    # 1,000 lies off the curve of the larger sizes: with two sizes of 10,000 and more, it is left out
    results = [{"n": 1000, "build_s": 100.0}, {"n": 10000, "build_s": 300.0}, {"n": 30000, "build_s": 900.0},
               {"n": 1000, "query_p95_ms": 8.0}, {"n": 10000, "query_p95_ms": 10.0}]
    assert bench_report.fit_points(results, "build_s") == [(10000, 300.0), (30000, 900.0)]
    a, b = bench_report.fit(results, "build_s")
    assert round(b, 6) == 1.0 and round(a * 100000 ** b) == 3000
    # one size of 10,000 and more: fitted over 1,000 and more
    assert bench_report.fit_points(results, "query_p95_ms") == [(1000, 8.0), (10000, 10.0)]
    assert bench_report.fit(results, "nochange_s") is None
    table = bench_report.extrapolation_table(results)
    assert "| full build (MkDocs): wall time | s | 10,000, 30,000 | 1.00 | 3000 ✅ |" in table
    assert "| CLI query p95 (warm, in process) | ms | 1,000, 10,000 | 0.10 |" in table


def test_a_cost_measured_at_100000_is_not_extrapolated_the_others_still_are():
    results = [{"n": 10000, "build_s": 300.0, "plain_mkdocs_s": 200.0},
               {"n": 30000, "build_s": 900.0, "plain_mkdocs_s": 600.0},
               {"n": 100000, "build_s": 2500.0}]
    table = bench_report.extrapolation_table(results)
    assert table.startswith("Measured at 100,000 letters: the table above. The costs not measured there are ")
    assert "| plain `mkdocs build` of the same pages | s | 10,000, 30,000 | 1.00 | 2000 |" in table
    assert "full build (MkDocs): wall time" not in table  # (measured: 2500 s in the table above)
    assert bench_report.extrapolation_table(results[2:]) == "(measured at 100,000: see the table above)"
