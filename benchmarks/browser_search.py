"""The site's search box in a real browser, on a site already built (e.g. by
full_build.py): headless Chromium with a fresh profile opens the home page, types the
benchmark's query into the header search box and waits for the first result (the
browser step of `./dev bench`, bench_measure.measure_browser, alone).  Prints the bytes
downloaded before the first result (all, and the search index's files) and the times;
`--letters N` keeps the medians in benchmarks/results/measured.json for the report.

    .venv/bin/python benchmarks/browser_search.py build/full/out-30000/site --letters 30000

Figures only: nothing here fails on a slow machine."""
from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_measure import log, measure_browser  # noqa: E402
from measured import record  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("site", help="a built site folder (<out>/site)")
    p.add_argument("--rounds", type=int, default=3, help="fresh browsers, one after another (medians reported)")
    p.add_argument("--letters", type=int, help="the site holds N letters: keep the figures for the report")
    a = p.parse_args(argv)
    site = Path(a.site).resolve()
    if not (site / "index.html").is_file():
        sys.exit(f"{site}: no index.html (build the site first)")
    rows = []
    for k in range(a.rounds):
        rows.append(measure_browser(site))
        log(f"round {k + 1}: " + ", ".join(f"{key} {v:,.3f}" for key, v in rows[-1].items()))
    figures = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
    print("medians: " + ", ".join(f"{key} {v:,.3f}" for key, v in figures.items()))
    if a.letters:
        record(a.letters, figures, f"benchmarks/browser_search.py --rounds {a.rounds} (medians)",
               f"{os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
