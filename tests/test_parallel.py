"""build_tools.common.parallel (and build/background.py): work spread over forked
processes gives what the serial loop gives, in order; a worker's error is raised in the
caller; stopping early leaves no worker behind; a worker runs at the priority asked for."""
from __future__ import annotations

import multiprocessing
import signal
import time

import pytest

from build_tools.common import parallel


def _square_or_fail(x: int) -> int:
    if x == 50:
        raise ValueError(f"item {x} is bad")
    return x * x


def test_parallel_imap_yields_every_result_in_order():
    items = list(range(300))
    got = parallel.parallel_imap(lambda x: (x, x * x), items, workers=2, chunksize=7)
    assert list(got) == [(x, x * x) for x in items]


def test_parallel_imap_is_serial_for_a_few_items(monkeypatch):
    monkeypatch.setattr(multiprocessing, "get_context", None)  # a pool would fail
    assert list(parallel.parallel_imap(str, [1, 2, 3], workers=2)) == ["1", "2", "3"]


def test_parallel_imap_raises_the_workers_error():
    with pytest.raises(ValueError, match="item 50 is bad"):
        list(parallel.parallel_imap(_square_or_fail, list(range(200)), workers=2))


def test_parallel_imap_stopped_early_leaves_no_worker():
    before = set(multiprocessing.active_children())
    results = parallel.parallel_imap(lambda x: x + 1, list(range(500)), workers=2, chunksize=4)
    assert [next(results) for _ in range(3)] == [1, 2, 3]
    results.close()  # the caller stops (an error, Ctrl+C, a break)
    assert set(multiprocessing.active_children()) <= before


def test_worker_runs_items_as_they_are_handed_over():
    worker = parallel.Worker(lambda x: x * x)
    try:
        handles = [worker.submit(x) for x in range(20)]
        assert [h.result() for h in handles] == [x * x for x in range(20)]
        assert all(h.ready() for h in handles)
    finally:
        worker.close()
    assert worker.pool is None


def test_worker_runs_at_the_priority_asked_for():
    import os

    worker = parallel.Worker(lambda x: os.nice(0), nice=5)
    try:
        assert worker.submit(None).result() == min(os.nice(0) + 5, 19)  # 19: the lowest priority
    finally:
        worker.close()


def test_worker_raises_the_error_where_the_result_is_asked_for():
    worker = parallel.Worker(_square_or_fail)
    try:
        good, bad = worker.submit(3), worker.submit(50)
        assert good.result() == 9
        with pytest.raises(ValueError, match="item 50 is bad"):
            bad.result()
    finally:
        worker.close()


def _sleep_then_mark(path: str) -> bytes:
    import pathlib
    import time

    pathlib.Path(path + ".started").touch()
    time.sleep(0.3)
    pathlib.Path(path).write_text("done")
    return b"x" * 1_000_000  # more than a pipe holds: written in pieces, under the pool's lock


def test_closing_a_worker_ends_the_item_it_is_on_and_skips_the_rest(tmp_path):
    # Pool.terminate() killed the worker wherever it was: killed while it wrote a large
    # result, it left the pool's result lock taken and terminate() waited forever.
    worker = parallel.Worker(_sleep_then_mark)
    on, queued = tmp_path / "on", tmp_path / "queued"
    worker.submit(str(on)), worker.submit(str(queued))
    deadline = time.monotonic() + 60
    while not (tmp_path / "on.started").exists():  # the worker is on the first item
        assert time.monotonic() < deadline, "the worker never started"
        time.sleep(0.01)
    worker.close()
    assert on.read_text() == "done" and not queued.exists()
    assert not multiprocessing.active_children()


def test_ctrl_c_is_left_to_the_caller():
    worker = parallel.Worker(lambda x: signal.getsignal(signal.SIGINT))
    try:
        assert worker.submit(None).result() == signal.SIG_IGN  # the caller stops the workers
    finally:
        worker.close()


def test_worker_without_fork_works_at_once(monkeypatch):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    worker = parallel.Worker(lambda x: x + 1)
    handle = worker.submit(1)
    assert worker.pool is None and handle.ready() and handle.result() == 2
    worker.close()


def test_a_background_step_runs_at_the_priority_asked_for():
    # The build's index process (build/background.py) runs below the pages and MkDocs.
    import os

    from build_tools.build.background import in_background

    assert in_background(os.nice, 0, nice=3).result() == min(os.nice(0) + 3, 19)
    assert in_background(os.nice, 0).result() == os.nice(0)
