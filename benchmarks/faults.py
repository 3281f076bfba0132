"""Fault trials (issue #12): what a careless or hurried maintainer does, repeated.

    .venv/bin/python benchmarks/faults.py [--pairs 50] [--kills 50] [--work DIR]

On a copy of the corpus it runs: build and ingest at the same time (--pairs times),
build or ingest killed (SIGKILL) at a random moment (--kills times), a build into an
immutable site (chattr +i), and the bad inputs the issue lists.  After every trial the
published state is examined (build/publish.py: state_problems) and `check` is run;
after a kill the next build must repair what `check` named.  It prints a table: tried /
clear error / traceback / inconsistent or lost, with the part of the code each row
belongs to.  A row's trial counts as a traceback if any command printed one, and as
inconsistent or lost if, after the trial (and the repair a maintainer is told to run),
the site, index and normalized documents are not one complete build or `check` fails."""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.build.publish import state_problems  # noqa: E402
from build_tools.common.paths import Paths  # noqa: E402


@dataclass
class Row:
    trial: str
    owner: str
    tried: int = 0
    clear: int = 0
    traceback: int = 0
    inconsistent: int = 0
    note: str = ""


def run(*args, out: Path, corpus: Path, timeout=600, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_tools", *map(str, args), "--corpus", str(corpus),
                           "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def start(*args, out: Path, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "build_tools", *map(str, args), "--corpus", str(corpus),
                             "--out", str(out)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def consistent(out: Path, corpus: Path) -> bool:
    """One complete published build, and `check` passes (corpus and published state)."""
    return not state_problems(Paths(corpus=corpus, out=out)) and run("check", out=out, corpus=corpus).returncode == 0


def new_letter(work: Path, k: int) -> Path:
    """An OCR text of a letter, made unique (ingest refuses a file it already holds)."""
    seed = next((ROOT / "corpus" / "raw").glob("*.txt")).read_text(encoding="utf-8").splitlines()
    path = work / f"letter-{k}.txt"
    path.write_text("\n".join(seed[:120] + [f"ทดสอบการนำเข้าครั้งที่ {k}"]) + "\n", encoding="utf-8")
    return path


def touch_title(corpus: Path, k: int) -> None:
    """A change that makes the next build publish something."""
    doc = sorted((corpus / "documents").glob("*.md"))[k % 6]
    text = doc.read_text(encoding="utf-8")
    head, _, rest = text.partition("\ntitle: ")
    title, _, tail = rest.partition("\n")
    doc.write_text(f"{head}\ntitle: {title.split(' ~')[0]} ~{k}\n{tail}", encoding="utf-8")


def pairs(row: Row, n: int, work: Path, corpus: Path, out: Path) -> None:
    for k in range(n):
        touch_title(corpus, k)
        b = start("build", out=out, corpus=corpus)
        i = start("ingest", new_letter(work, k), "--issuer", "dla", out=out, corpus=corpus)
        results = [p.communicate(timeout=900) for p in (b, i)]
        row.tried += 1
        row.traceback += any("Traceback" in err for _, err in results)
        row.clear += any(p.returncode not in (0,) for p in (b, i)) and not any("Traceback" in e for _, e in results)
        row.inconsistent += not consistent(out, corpus)


def kills(row: Row, n: int, work: Path, corpus: Path, out: Path, what: str, rng: random.Random) -> None:
    for k in range(n):
        touch_title(corpus, 100 + k)
        args = ("build",) if what == "build" else ("ingest", new_letter(work, 1000 + k), "--issuer", "dla")
        p = start(*args, out=out, corpus=corpus)
        time.sleep(rng.uniform(0.2, 8.0 if what == "build" else 4.0))
        p.send_signal(signal.SIGKILL)
        p.communicate()
        row.tried += 1
        repair = [run("ingest", "--recover", out=out, corpus=corpus)] if what == "ingest" else []
        repair.append(run("build", out=out, corpus=corpus))
        row.traceback += any("Traceback" in r.stderr for r in repair)
        row.inconsistent += not consistent(out, corpus)


def immutable_site(row: Row, corpus: Path, out: Path) -> None:
    touch_title(corpus, 999)
    if subprocess.run(["chattr", "+i", str(out / "site")], capture_output=True).returncode != 0:
        row.note = "chattr +i not supported here"
        return
    try:
        r = run("build", out=out, corpus=corpus)
    finally:
        subprocess.run(["chattr", "-i", str(out / "site")])
    row.tried += 1
    row.traceback += "Traceback" in r.stderr
    row.clear += r.returncode != 0 and "Traceback" not in r.stderr
    row.inconsistent += not consistent(out, corpus)


# Bad inputs of issue #12 that exist today: (trial, owner, command args, corpus edit or None).
BAD_INPUTS = [
    ("serve --port 99999", "build (serve)", ("serve", "--port", "99999"), None),
    ("serve --host no-such-host.invalid", "build (serve)", ("serve", "--host", "no-such-host.invalid"), None),
    ("search: a query of 1,250 words", "search", ("search", "ยาเสพติด" * 1250), None),
    ("search --from 2552-01-01 (a BE year)", "search", ("search", "ยาเสพติด", "--from", "2552-01-01"), None),
    ("search --type nonsense", "search", ("search", "ยาเสพติด", "--type", "nonsense"), None),
    ("search --from 2010-01-01 --to 2009-01-01", "search",
     ("search", "ยาเสพติด", "--from", "2010-01-01", "--to", "2009-01-01"), None),
    ("agencies.yaml: name_th: 12345", "data (lead)", ("build",),
     ("agencies.yaml", "name_th: ", "name_th: 12345 #")),
    ("agencies.yaml: aliases: DLA", "data (lead)", ("build",), ("agencies.yaml", "aliases: [", "aliases: DLA #[")),
    ("glossary.yaml: term: 42", "data (lead)", ("build",), ("model/glossary.yaml", "term: ", "term: 42 #")),
    ("corrections.yaml emptied", "data (lead)", ("build",), ("corrections.yaml", None, "")),
]


def bad_inputs(rows: list[Row], corpus: Path, out: Path) -> None:
    for trial, owner, args, edit in BAD_INPUTS:
        row = Row(trial, owner)
        saved = None
        if edit:
            f = corpus / edit[0]
            saved = f.read_text(encoding="utf-8")
            f.write_text(edit[2] if edit[1] is None else saved.replace(edit[1], edit[2], 1), encoding="utf-8")
        try:
            r = run(*args, out=out, corpus=corpus, timeout=120)
            row.tried = 1
            row.traceback = int("Traceback" in r.stderr)
            row.clear = int(r.returncode != 0 and not row.traceback)
            row.note = (r.stderr.strip().splitlines() or [r.stdout.strip().splitlines()[-1:] and
                                                          r.stdout.strip().splitlines()[-1] or ""])[-1][:90]
        except subprocess.TimeoutExpired:
            row.tried, row.note = 1, "no answer within 120 s"
        finally:
            if saved is not None:
                (corpus / edit[0]).write_text(saved, encoding="utf-8")
        row.inconsistent = int(not consistent(out, corpus))
        rows.append(row)


def table(rows: list[Row]) -> str:
    out = ["| trial | part | tried | clear error | traceback | inconsistent or lost | note |",
           "|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        out.append(f"| {r.trial} | {r.owner} | {r.tried} | {r.clear} | {r.traceback} | {r.inconsistent} | "
                   f"{r.note.replace('|', '/')} |")
    return "\n".join(out)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Fault trials of issue #12 (see the module docstring).")
    p.add_argument("--pairs", type=int, default=50, help="concurrent build/ingest pairs")
    p.add_argument("--kills", type=int, default=50, help="kills at random moments (half build, half ingest)")
    p.add_argument("--work", default=str(ROOT / "build" / "faults"))
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--table", default=str(ROOT / "benchmarks" / "results" / "faults.md"),
                   help="write the table here too (docs/benchmarks.md includes it; '' to skip)")
    a = p.parse_args(argv)
    work = Path(a.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    corpus, out = work / "corpus", work / "out"
    shutil.copytree(ROOT / "corpus", corpus)
    for f in corpus.rglob("*"):
        f.chmod(f.stat().st_mode | 0o200)
    subprocess.run([sys.executable, "-m", "build_tools", "build", "--corpus", str(corpus), "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    rng = random.Random(a.seed)
    rows = [Row("build and ingest at the same time", "build + ingest (lock)"),
            Row("build killed (SIGKILL) at a random moment, then build", "build (publish)"),
            Row("ingest killed (SIGKILL) at a random moment, then ingest --recover, build", "ingest"),
            Row("build into an immutable site (chattr +i)", "build (publish)")]
    pairs(rows[0], a.pairs, work, corpus, out)
    kills(rows[1], a.kills - a.kills // 2, work, corpus, out, "build", rng)
    kills(rows[2], a.kills // 2, work, corpus, out, "ingest", rng)
    immutable_site(rows[3], corpus, out)
    bad_inputs(rows, corpus, out)
    print(table(rows))
    if a.table:
        Path(a.table).parent.mkdir(parents=True, exist_ok=True)
        Path(a.table).write_text(f"`python benchmarks/faults.py --pairs {a.pairs} --kills {a.kills}` "
                                 f"({time.strftime('%Y-%m-%d')}):\n\n{table(rows)}\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
