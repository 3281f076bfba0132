"""Ctrl+C that cannot be lost.  Python raises KeyboardInterrupt wherever the signal
lands; one that lands inside a finalizer or a weakref callback (the garbage collector
runs them at any moment) is printed as "Exception ignored" and dropped, and the build
would go on to publish.  So a build records each interrupt, and checks the record
before it publishes."""
from __future__ import annotations

import contextlib
import signal

_interrupted = False


def _record_and_raise(signum, frame):
    global _interrupted
    _interrupted = True
    raise KeyboardInterrupt


@contextlib.contextmanager
def recorded_interrupts():
    """Ctrl+C raises KeyboardInterrupt as usual, and is also recorded until the block ends."""
    global _interrupted
    _interrupted = False
    try:
        previous = signal.signal(signal.SIGINT, _record_and_raise)
    except ValueError:  # not the main thread: signals are not ours to handle
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def raise_if_interrupted() -> None:
    """KeyboardInterrupt if Ctrl+C came during the block, even where Python dropped it."""
    if _interrupted:
        raise KeyboardInterrupt
