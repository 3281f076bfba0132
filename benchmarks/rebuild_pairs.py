"""Paired one-letter rebuilds of two code trees, for a change whose gain is smaller than
this machine's drift (the same rebuild took 4.3-6.4 s at 10,000 letters within the hour):
each tree rebuilds its own copy of the same built corpus, one changed letter each time,
the two alternating, so both see the same moments of the machine.

    git worktree add /tmp/old <commit> && ln -s "$PWD/.venv" /tmp/old/.venv
    mkdir /tmp/rb && cp -r build/rebuild/corpus-10000 /tmp/rb/corpus
    cp -al build/rebuild/out-10000 /tmp/rb/out    # hard links: builds replace, never write through
    python benchmarks/rebuild_pairs.py 8 /tmp/old:/tmp/rb/corpus:/tmp/rb/out \\
        "$PWD:$PWD/build/rebuild/corpus-10000:$PWD/build/rebuild/out-10000"

Each tree first builds whatever its code changes (the warm-up, not counted).  Figures
only: the medians and how many pairs each tree won are printed, nothing is kept."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ENV = dict(os.environ, PYTHAINLP_OFFLINE="1",
           PYTHAINLP_DATA=str(Path(__file__).resolve().parent.parent / ".pythainlp-data"))


def touch(corpus: str, k: int) -> None:
    """A corrected title, as benchmarks/bench_measure.touch_one_document makes it."""
    doc = sorted((Path(corpus) / "documents").glob("synth-*.md"))[k]
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("\ntitle: ", "\ntitle: (แก้ไข) ", 1), encoding="utf-8")


def build(root: str, corpus: str, out: str) -> float:
    t0 = time.perf_counter()
    r = subprocess.run([f"{root}/.venv/bin/python", "-m", "build_tools", "build", "--corpus", corpus, "--out", out],
                       cwd=root, env=ENV, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"{root}: build failed\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    rounds, trees = int(argv[0]), [a.split(":") for a in argv[1:]]
    for root, corpus, out in trees:
        print(f"{root}: warm-up {build(root, corpus, out):.1f} s", flush=True)
    walls: dict[str, list[float]] = {t[0]: [] for t in trees}
    for k in range(rounds):
        for root, corpus, out in trees if k % 2 == 0 else trees[::-1]:
            touch(corpus, 20 + k)
            walls[root].append(build(root, corpus, out))
            print(f"round {k} {root}: {walls[root][-1]:.2f} s, load {os.getloadavg()[0]:.1f}", flush=True)
    first, second = (walls[t[0]] for t in trees[:2])
    for root, ws in walls.items():
        print(f"{root}: median {statistics.median(ws):.2f} s (min {min(ws):.2f}, max {max(ws):.2f})")
    print(f"the second tree faster in {sum(b < a for a, b in zip(first, second))} of {rounds} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
