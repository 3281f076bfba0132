"""The memory a build really takes: the sum of the proportional set size (PSS) of all its
processes, sampled while it runs.  The peak RSS of the largest process (what `time -v`
and getrusage give) misses the other processes' memory and counts, in a forked process
(the Whoosh index, the site search's workers), every page it shares with the build; PSS
shares such a page among the processes that map it, so the sum is what the machine
gives the build.  Linux only (/proc/PID/smaps_rollup); elsewhere it reports nothing."""
from __future__ import annotations

import os
import threading
from pathlib import Path

PROC = Path("/proc")
EVERY_S = 0.5


def tree(root: int) -> list[int]:
    """`root` and every process below it (from the /proc/PID/task/*/children lists)."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        for task in (PROC / str(pid) / "task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:  # the task ended meanwhile
                pass
    return out


def pss_kb(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):  # ended meanwhile, or not ours to read
        pass
    return 0


class PeakPss:
    """Samples the sum of PSS over `root`'s process tree until stopped; .peak_mb."""

    def __init__(self, root: int):
        self.root, self.peak_kb = root, 0
        self.available = (PROC / str(os.getpid()) / "smaps_rollup").is_file()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if self.available:
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(EVERY_S):
            self.peak_kb = max(self.peak_kb, sum(pss_kb(p) for p in tree(self.root)))

    def stop(self) -> float | None:
        """The peak in MB (None where PSS cannot be read)."""
        self._stop.set()
        if self.available:
            self._thread.join()
        return self.peak_kb / 1024 if self.available else None
