import contextlib
import functools
import io
import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_DATA", str(ROOT / ".pythainlp-data"))


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args, check=True, env=None) -> CliResult:
    """Run `python -m build_tools ...` in this process, as sqlite-utils tests its CLI:
    the same parser, output and exit codes, without starting an interpreter each time
    (tests/test_cli.py runs the real command once as a process).  `env`: the
    environment while it runs (restored afterwards)."""
    from build_tools import cli

    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    if env is not None:
        os.environ.clear()
        os.environ.update({k: str(v) for k, v in env.items()})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main([str(a) for a in args])
            except SystemExit as exc:  # argparse errors and --help
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        if env is not None:
            os.environ.clear()
            os.environ.update(saved)
    result = CliResult(code, out.getvalue(), err.getvalue())
    if check and code != 0:
        raise AssertionError(f"exit {code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return result


def run_cli_process(*args, check=True, **kwargs) -> subprocess.CompletedProcess:
    """Run `python -m build_tools ...` as a user would, in a subprocess (for what only a
    process shows: signals, exit on Ctrl+C, the interpreter's own start)."""
    proc = subprocess.run([sys.executable, "-m", "build_tools", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, **kwargs)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def ctrl_c_as_at_a_terminal() -> None:
    """preexec_fn for a process a test sends SIGINT to: Ctrl+C at a terminal reaches a
    program whose SIGINT is the default, but a test suite started in the background
    (`.ci/run &`, nohup) passes SIGINT ignored to its children, and Python then never
    raises KeyboardInterrupt: restore the default so the test sees what a user does."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


@functools.cache
def seed():
    """The project corpus through stages 1-3 (sources, normalization, model), loaded once
    per test process; tests must not change it (copy_corpus gives a writable copy)."""
    from build_tools.knowledge.checked import check_corpus

    return check_corpus(ROOT / "corpus", with_review=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under `folder`, but the writer lock's (common/lock.py:
    git-ignored, left in place): to show that a failed command changed nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.name.startswith(".siam-yim.lock")}


# A follow-up letter of the programme (Arabic digits, abbreviated month): what the ingest
# tests add to a copy of the corpus.
SAMPLE_LETTER = (ROOT / "tests" / "cases" / "ingest" / "arabic-digits-abbrev-month" / "input.txt").read_text(
    encoding="utf-8")


def copy_built(src: Path, dest: Path) -> Path:
    """A copy of a build's output folder.  Left out: the publish's trash, whose contents
    a detached process of the build that made `src` may still be deleting (copying them
    failed now and then with FileNotFoundError)."""
    shutil.copytree(src, dest, symlinks=True, ignore=shutil.ignore_patterns("publish-trash"))
    return dest


def copy_corpus(dest: Path) -> Path:
    """A writable copy of the project corpus (raw files are read-only in the project)."""
    target = dest / "corpus"
    shutil.copytree(ROOT / "corpus", target, ignore=shutil.ignore_patterns(".siam-yim.lock*"))
    for p in target.rglob("*"):
        p.chmod(p.stat().st_mode | stat.S_IWUSR)
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """One real end-to-end build (corpus -> index -> strict mkdocs build) into a temp folder."""
    out = tmp_path_factory.mktemp("out")
    run_cli("build", "--out", out)
    return out


@pytest.fixture
def search_json(built):
    def _search(*query, **opts):
        extra = []
        for k, v in opts.items():
            extra += [f"--{k.replace('_', '-')}", str(v)]
        proc = run_cli("search", *query, "--json", "--out", built, *extra)
        return json.loads(proc.stdout)["hits"]  # the answer card: see test_search_cli.py
    return _search


def pytest_collection_modifyitems(items):
    # A test that uses the session build (or the index-only build) is slow wherever it is
    # (the build takes seconds).
    for item in items:
        if {"built", "search_json", "indexed"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def indexed(tmp_path_factory):
    """A real build without the site (`build --no-site`, in process): the command
    line's index and its query tables, for the search tests that need no browser."""
    from build_tools.cli import main

    out = tmp_path_factory.mktemp("indexed")
    assert main(["build", "--no-site", "--out", str(out)]) == 0
    return out
