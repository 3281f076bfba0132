"""benchmarks/memory.py: the memory of a process tree, as the sum of its processes' PSS."""
import os
import subprocess
import sys
import time

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import memory  # noqa: E402

pytestmark = pytest.mark.skipif(not memory.PROC.joinpath(str(os.getpid()), "smaps_rollup").is_file(),
                                reason="needs Linux /proc/PID/smaps_rollup")

# A parent that holds 60 MB of its own and starts a child holding 120 MB of its own.
HOLDER = """
import subprocess, sys, time
block = bytearray(60 * 2**20)
child = subprocess.Popen([sys.executable, "-c", "import time; b = bytearray(120 * 2**20); time.sleep(3)"])
time.sleep(3); child.wait()
"""


def test_the_peak_counts_every_process_of_the_tree():
    proc = subprocess.Popen([sys.executable, "-c", HOLDER])
    peak = memory.PeakPss(proc.pid)
    time.sleep(2)
    assert set(memory.tree(proc.pid)) >= {proc.pid} and len(memory.tree(proc.pid)) == 2
    proc.wait()
    mb = peak.stop()
    assert 180 <= mb < 260  # both blocks (bytearray pages are touched: zeroed) and two interpreters


def test_a_process_that_has_ended_counts_nothing_and_raises_nothing():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert memory.pss_kb(proc.pid) == 0  # reaped: /proc has no such process, and no error
    assert memory.tree(10**7) == [10**7]  # no such process: itself only, no error
