"""common/collector.py: a build's stages 1-3 run without cyclic collections and what
they made is frozen until the build ends; after it, nothing stays frozen (a process
that runs builds one after another, as the tests do, frees their cycles).
common/process_end.py: what a build holds at its end is kept, not freed, only in a
process that ends without freeing."""
import gc
import weakref

from build_tools.common.collector import fewer_collections, kept_uncollected


class _Node:
    pass


def test_what_a_stage_made_is_frozen_until_the_build_ends_then_collectable():
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with fewer_collections():
        with kept_uncollected():
            assert not gc.isenabled()
            a, b = _Node(), _Node()
            a.other, b.other = b, a  # a cycle, garbage once the names go
            gone = weakref.ref(a)
            del a, b
        assert gc.isenabled() and gc.get_freeze_count() > 0
        gc.collect()
        assert gone() is not None  # frozen: no collection looks at it
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None


def test_the_collector_is_left_as_it_was_found_when_the_stage_fails():
    gc.disable()
    try:
        with fewer_collections():
            try:
                with kept_uncollected():
                    raise ValueError("a stage failed")
            except ValueError:
                pass
            assert not gc.isenabled()  # it was off before: stays off
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0


def test_a_builds_objects_are_kept_to_the_end_only_in_a_process_that_ends_without_freeing(monkeypatch):
    # common/process_end.py: `python -m build_tools` ends with os._exit, so what a build
    # still holds is kept rather than freed object by object; anywhere else, let go.
    from build_tools.common import process_end

    monkeypatch.setattr(process_end, "_kept", [])
    state = _Node()
    gone = weakref.ref(state)
    process_end.keep_until_exit(state)
    del state
    assert gone() is None  # a test process: nothing kept
    monkeypatch.setattr(process_end, "ENDS_WITHOUT_FREEING", True)
    state = _Node()
    gone = weakref.ref(state)
    process_end.keep_until_exit(state)
    del state
    assert gone() is not None

