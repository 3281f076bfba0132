import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_DATA", str(ROOT / ".pythainlp-data"))


def run_cli(*args, check=True, **kwargs) -> subprocess.CompletedProcess:
    """Run `python -m build_tools ...` as a user would, in a subprocess."""
    proc = subprocess.run([sys.executable, "-m", "build_tools", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, **kwargs)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def copy_corpus(dest: Path) -> Path:
    """A writable copy of the project corpus (raw files are read-only in the project)."""
    target = dest / "corpus"
    shutil.copytree(ROOT / "corpus", target)
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


@pytest.fixture(scope="session")
def indexed(tmp_path_factory):
    """A real build without the site (`build --no-site`, in process): the command
    line's index and its query tables, for the search tests that need no browser."""
    from build_tools.cli import main

    out = tmp_path_factory.mktemp("indexed")
    assert main(["build", "--no-site", "--out", str(out)]) == 0
    return out
