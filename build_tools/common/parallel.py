"""Per-document work spread over the machine's cores (forked workers: they share what
the parent has loaded without copying it), in order; serial for a few items or where
fork is unavailable.  Used for the stages that are embarrassingly parallel across
documents (normalization, the review's word checks, the site search's page analysis)
when their cache misses; `in_background`, a few items computed on another core while
this process goes on (a rebuild's changed letters, while the unchanged ones are read
back); and `Worker`, items handed one at a time to another core as they come (the site
search's pages, as the site engine writes them)."""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal

MIN_ITEMS = 64  # fewer: starting workers costs more than it saves
# The priority of work beside a build's longest path, which the others share a core with
# (the Whoosh index, the second MkDocs process, the site search's analysis of pages): none
# of it leaves the index to run alone at the end while the other core idles.
BESIDE_NICE = 5
_FN = None
_STOPPED = None  # in a worker: its pool's stop flag (shared memory the parent sets)


def _call(item):
    if _STOPPED.value:
        return None  # the caller wants no more results: what is queued is skipped
    return _FN(item)


def _start_worker(nice: int, stopped) -> None:
    global _STOPPED
    gc.freeze()  # the parent's objects, never collected here (a collection would touch, so copy, every page)
    _STOPPED = stopped
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the caller's: it stops the pool
    if nice:
        os.nice(nice)


class _Forked:
    """A multiprocessing pool of forked workers that is stopped without killing them.
    Pool.terminate() kills a worker wherever it is; one killed while it writes a result
    larger than the pipe holds (a page's analysis, the language's word list) leaves the
    pool's result lock taken, and terminate() then waits for its own task thread, stuck
    on that lock, forever (the test suite's builds hung so).  `stop` raises a flag every
    worker reads before each item instead: the items queued are skipped, the ones being
    computed end, and the workers exit of themselves."""

    def __init__(self, fn, processes: int, nice: int):
        global _FN
        ctx = multiprocessing.get_context("fork")
        self.stopped = ctx.RawValue("b", 0)
        _FN = fn
        try:
            self.pool = ctx.Pool(processes, initializer=_start_worker, initargs=(nice, self.stopped))
        finally:
            _FN = None

    def submit(self, item):
        return self.pool.apply_async(_call, (item,))

    def stop(self) -> None:
        self.stopped.value = 1
        self.pool.close()
        self.pool.join()


def _forked_pool(fn, processes: int, nice: int = 0) -> _Forked | None:
    """`processes` forked processes that run `fn` on what is given to `_call`; None
    where this system cannot fork.  `fn` reaches them by the fork (any callable, a
    closure too); `nice`: how much lower their priority is.  Ctrl+C is left to the
    caller, which stops them."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return _Forked(fn, processes, nice)


def pool_size(items: list, workers: int | None = None) -> int:
    """How many forked processes `items` are worth (default at most one per core); 1:
    do them here (a few items, or no fork on this system)."""
    if len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(workers or os.cpu_count() or 1, max(1, len(items) // (MIN_ITEMS // 2)))


def parallel_map(fn, items: list, workers: int | None = None) -> list:
    """[fn(x) for x in items], on up to `workers` processes (default: every core).
    `fn` may be any callable (a closure too): the workers inherit it by forking."""
    workers = pool_size(items, workers)
    if workers < 2:
        return [fn(x) for x in items]
    forked = _forked_pool(fn, workers)
    try:
        return forked.pool.map(_call, items, chunksize=max(1, len(items) // (workers * 8)))
    finally:
        forked.stop()


def parallel_imap(fn, items: list, workers: int | None = None, chunksize: int = 8, nice: int = 0):
    """fn(x) for x in items, yielded in order as they are ready, computed on up to
    `workers` forked processes (default: every core) while the caller consumes them;
    serial for a few items or without fork.  For results too large to hold all at once
    (a site's analysed pages): the caller packs each as it comes.  `nice`: how much
    lower the workers' priority is."""
    workers = pool_size(items, workers)
    if workers < 2:
        yield from map(fn, items)
        return
    forked = _forked_pool(fn, workers, nice)
    try:
        yield from forked.pool.imap(_call, items, chunksize=chunksize)
    finally:
        forked.stop()  # (the caller stopped early or failed: the rest is skipped)


class _Done:
    def __init__(self, value):
        self.value = value

    def ready(self) -> bool:
        return True

    def result(self):
        return self.value

    def stop(self) -> None:
        pass


class _Running:
    def __init__(self, forked: _Forked, pending):
        self.forked, self.pending = forked, pending

    def result(self):
        try:
            return self.pending.get()
        finally:  # (the worker's error, or Ctrl+C: what is left is skipped)
            self.forked.stop()

    def stop(self) -> None:
        """Not waited for: the process ends once done with what it is on."""
        self.forked.stop()


class Worker:
    """One forked process that runs `fn` on items handed to it one at a time while the
    caller goes on (the site search cutting pages as the site engine writes them).
    `submit` returns a handle: `.ready()`, and `.result()`, which waits (an exception in
    `fn` is raised there).  Without fork, `fn` runs at once in `submit`.  `nice`: how
    much lower the process's priority is (work that should only fill a core the build's
    longest path leaves idle)."""

    def __init__(self, fn, nice: int = 0):
        self.fn = fn
        self.pool = _forked_pool(fn, 1, nice)  # forked here, with `fn`

    def submit(self, item):
        if self.pool is None:
            return _Done(self.fn(item))
        return _Pending(self.pool.submit(item))

    def close(self) -> None:
        """Stop the process: what it has not begun is skipped (not wanted), what it is
        on ends first (an item is small: a page)."""
        if self.pool is not None:
            self.pool.stop()
            self.pool = None


class _Pending:
    def __init__(self, async_result):
        self.async_result = async_result

    def ready(self) -> bool:
        return self.async_result.ready()

    def result(self):
        return self.async_result.get()


def in_background(fn, items: list):
    """[fn(x) for x in items] computed in one forked process while the caller goes on;
    `.result()` waits for the list (an exception in `fn` is raised there).  Nothing to
    do, or no fork: computed at once."""
    forked = _forked_pool(fn, 1) if items else None  # forked here, with `fn`
    if forked is None:
        return _Done([fn(x) for x in items])
    return _Running(forked, forked.pool.map_async(_call, items, chunksize=len(items)))
