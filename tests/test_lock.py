"""The one writer lock (build_tools.common.lock): a second writer is told who holds it,
waits or gives up with a clear message, and a killed holder leaves no stale lock."""
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT

from build_tools.common.lock import LockBusy, lock_files, writing
from build_tools.common.paths import Paths

HOLDER = """
import sys, time
from pathlib import Path
from build_tools.common.lock import writing
from build_tools.common.paths import Paths
with writing(Paths(corpus=Path(sys.argv[1]), out=Path(sys.argv[2])), "build"):
    print("held", flush=True)
    time.sleep(60)
"""


@pytest.fixture
def paths(tmp_path):
    (tmp_path / "corpus").mkdir()
    return Paths(corpus=tmp_path / "corpus", out=tmp_path / "out")


def _hold(paths):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.corpus), str(paths.out)],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.slow  # waits for the lock
def test_a_second_writer_is_told_who_holds_the_lock(paths):
    proc = _hold(paths)
    try:
        with pytest.raises(LockBusy, match=r"`build` \(process \d+, started .*\) is writing .*try again"):
            with writing(paths, "ingest", wait_s=0):
                pass
        said = []
        t0 = time.monotonic()
        with pytest.raises(LockBusy, match=r"is still writing .* after 1 s"):
            with writing(paths, "ingest", log=said.append, wait_s=1):
                pass
        assert time.monotonic() - t0 >= 1
        assert said and said[0].startswith("waiting for `build` (process")
    finally:
        proc.kill()
        proc.wait()


def test_a_killed_holder_leaves_no_stale_lock(paths):
    proc = _hold(paths)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with writing(paths, "build", wait_s=0):
        assert all(f.exists() for f in lock_files(paths))


def test_the_lock_is_reentrant_in_one_process(paths):
    with writing(paths, "build", wait_s=0):
        with writing(paths, "build", wait_s=0):
            pass
