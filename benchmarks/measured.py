"""Figures measured apart from `./dev bench`: `full_build.py`, `rebuild.py` and
`query_latency.py --letters N` record their medians here, per size and metric, with how,
when and on which commit each was taken (benchmarks/results/measured.json).  The report
(bench_report.py) shows them in place of an older whole run's figures, marked, and fits
the 100,000-letter extrapolation and the growth plot over them: the figures a maintainer
measured last on an idle machine, not the last whole run's."""
from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

MEASURED = Path(__file__).resolve().parent / "results" / "measured.json"
ROOT = Path(__file__).resolve().parent.parent


def commit() -> str:
    """The checkout's commit, `+changes` when tracked files differ from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    rev = git("rev-parse", "--short", "HEAD") or "?"
    # the results files and the page they make are what a run changes: not the code measured
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".",
                  ":!benchmarks/results", ":!docs/benchmarks.md", ":!docs/benchmarks-growth.svg")
    return rev + ("+changes" if changed else "")


def now() -> str:
    return time.strftime("%Y-%m-%d %H:%M")


def load(path: Path = MEASURED) -> dict[str, dict[str, dict]]:
    """{size: {metric: {"value", "how", "when", "commit", "load"}}}."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def record(n: int, figures: dict[str, float], how: str, load_average: str = "",
           path: Path = MEASURED) -> None:
    """Keep `figures` as the latest measurement of N letters (atomically: a run stopped
    half-way leaves the file as it was)."""
    data = load(path)
    entry = {"how": how, "when": now(), "commit": commit(), "load": load_average}
    data.setdefault(str(n), {}).update({key: {"value": round(v, 4), **entry} for key, v in figures.items()})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(dict(sorted(data.items(), key=lambda kv: int(kv[0]))), ensure_ascii=False,
                              indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def merged(results: list[dict], run_when: str | None,
           path: Path = MEASURED) -> tuple[list[dict], dict[tuple[int, str], dict]]:
    """The whole run's `results` with every figure measured apart after it (every one,
    when the run has no date) in its place, and sizes measured only apart added; and
    which (size, metric) came from here."""
    by_n = {r["n"]: dict(r) for r in results}
    apart: dict[tuple[int, str], dict] = {}
    for size, figures in load(path).items():
        for key, entry in figures.items():
            if run_when is None or entry["when"] > run_when:
                by_n.setdefault(int(size), {"n": int(size)})[key] = entry["value"]
                apart[int(size), key] = entry
    return [by_n[n] for n in sorted(by_n)], apart
