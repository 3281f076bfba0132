"""What two cores of this machine give: the same pure-Python work run alone, then as two
processes at once, then the plain MkDocs build of the benchmark's pages alone and as two
at once (with --pages).  On a machine whose two cores are real, two processes take the
time one takes and the throughput is 2x; where the cores share one physical core (or the
host's time), each process runs slower, its CPU time grows with its wall time, and the
throughput is less.  The full-build target (our build <= 1.3x plain MkDocs, which runs
on one core) depends on it: our build does about twice MkDocs' work, on both cores.

    python benchmarks/cores.py
    python benchmarks/cores.py --pages build/full/out-1000   # also two plain MkDocs builds

Figures only; run it on an idle machine (another process at work skews it)."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_measure import ROOT, env  # noqa: E402

WORK = """
import time
t, c = time.perf_counter(), time.process_time()
d = {}
for i in range(%d):
    d[i %% 1000] = d.get(i %% 1000, 0) + i
print(time.perf_counter() - t, time.process_time() - c)
"""


def _at_once(commands: list[list[str]], **kw) -> tuple[float, list[str]]:
    """Wall time of `commands` started together, and each one's standard output."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, text=True, **kw) for c in commands]
    outs = [p.communicate()[0] for p in procs]
    if any(p.returncode for p in procs):
        raise SystemExit(f"a run failed: {commands}")
    return time.perf_counter() - t0, outs


def python_work(loops: int) -> dict:
    """One process alone, then two at once: each one's wall and CPU time."""
    cmd = [sys.executable, "-c", WORK % loops]
    _, (alone,) = _at_once([cmd])
    _, both = _at_once([cmd, cmd])
    wall1, cpu1 = map(float, alone.split())
    pairs = [tuple(map(float, o.split())) for o in both]
    return {"alone": (wall1, cpu1), "both": pairs,
            "throughput": 2 * wall1 / max(w for w, _ in pairs)}


def plain_mkdocs_twice(out: Path) -> dict:
    """The benchmark's plain MkDocs build (full_build.py leaves its config in `out`) alone,
    then two at once into two folders."""
    cfg = out / "plain-mkdocs.yml"
    if not cfg.is_file():
        raise SystemExit(f"{cfg}: no plain MkDocs config (run full_build.py with --work first)")
    text = cfg.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        configs = []
        for k in range(2):
            c = Path(tmp) / f"plain-{k}.yml"
            lines = [ln if not ln.startswith("site_dir:") else f"site_dir: {tmp}/site-{k}" for ln in text.splitlines()]
            c.write_text("\n".join(lines) + "\n", encoding="utf-8")
            configs.append([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(c)])
        alone, _ = _at_once(configs[:1], cwd=ROOT, env=env())
        both, _ = _at_once(configs, cwd=ROOT, env=env())
    return {"alone": alone, "both": both, "throughput": 2 * alone / both}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--loops", type=int, default=12_000_000, help="size of the pure-Python work")
    p.add_argument("--pages", help="a full_build.py work folder's out-N (its plain-mkdocs.yml)")
    a = p.parse_args(argv)
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    w = python_work(a.loops)
    print(f"pure Python alone: {w['alone'][0]:.2f} s wall, {w['alone'][1]:.2f} s CPU")
    for k, (wall, cpu) in enumerate(w["both"], 1):
        print(f"  two at once, process {k}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  throughput of two cores: {w['throughput']:.2f}x one process alone")
    if a.pages:
        m = plain_mkdocs_twice(Path(a.pages))
        print(f"plain MkDocs alone: {m['alone']:.1f} s; two at once: {m['both']:.1f} s "
              f"(throughput {m['throughput']:.2f}x)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
