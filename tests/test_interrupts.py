"""Ctrl+C during a build is never lost (build_tools.common.interrupts): Python drops a
KeyboardInterrupt raised inside a finalizer ("Exception ignored"); the build still sees
it before it publishes (the end-to-end case: test_publish.py's Ctrl+C test)."""
import os
import signal
import sys
import time

import pytest

from build_tools.common.interrupts import raise_if_interrupted, recorded_interrupts


class _InterruptedWhileFinalized:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # the handler runs here, inside the finalizer


def test_a_ctrl_c_python_dropped_in_a_finalizer_is_still_seen(monkeypatch):
    dropped = []
    monkeypatch.setattr(sys, "unraisablehook", dropped.append)  # where Python reports what it drops
    with recorded_interrupts():
        _InterruptedWhileFinalized()
        assert [d.exc_type for d in dropped] == [KeyboardInterrupt]
        with pytest.raises(KeyboardInterrupt):
            raise_if_interrupted()


def test_no_ctrl_c_nothing_raised_and_the_handler_given_back():
    before = signal.getsignal(signal.SIGINT)
    with recorded_interrupts():
        raise_if_interrupted()
    assert signal.getsignal(signal.SIGINT) is before
