"""Run one step of the build in a second process (forked: it shares what the build has
computed so far without copying it), so the two cores work at once: the Whoosh index
is written while the site is rendered."""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal


class Job:
    def __init__(self, fn, args, nice: int = 0):
        self.process = None
        try:
            ctx = multiprocessing.get_context("fork")
        except ValueError:  # no fork on this system: run it here
            self.value = ("ok", fn(*args))
            return
        self.conn, child = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_run, args=(child, fn, args, nice), daemon=True)
        self.process.start()
        child.close()

    def result(self):
        """Wait for the step; its exception is raised here."""
        if self.process is not None:
            try:
                self.value = self.conn.recv()
            except EOFError:
                self.value = ("error", RuntimeError(f"the background step died (exit code "
                                                    f"{self.process.exitcode})"))
            self.process.join()
            self.process = None
        kind, value = self.value
        if kind == "error":
            raise value
        return value

    def cancel(self) -> None:
        """Stop the step if it is still running (the build failed or was interrupted)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()
        self.process = None


def _run(conn, fn, args, nice: int) -> None:
    gc.freeze()  # the build's objects, never collected here (a collection would touch, so copy, every page)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    if nice:
        os.nice(nice)
    try:
        conn.send(("ok", fn(*args)))
    except BaseException as exc:  # noqa: B902 - reported to the parent, which raises it
        try:
            conn.send(("error", exc))
        except Exception:  # an exception that cannot be pickled
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def in_background(fn, *args, nice: int = 0) -> Job:
    """fn(*args) in a forked process; `nice`: how much lower its priority is (a step
    with time to spare, so the build's longest path keeps its core)."""
    return Job(fn, args, nice)
