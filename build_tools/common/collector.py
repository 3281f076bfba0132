"""Python's cyclic garbage collector tuned for a build: by default a young-generation
collection runs after every 700 new container objects.  A build makes millions of them
(10,000 letters' blocks, front matter, pages, postings), and reading the normalized
documents back from the cache at 10,000 letters spent about half its time in collections.
Young collections run a hundred times less often here; the older generations keep
Python's cadence relative to them, so cycles that die old are still freed."""
from __future__ import annotations

import gc
from contextlib import contextmanager

YOUNG = 100_000  # new container objects between young collections (Python's default: 700)


@contextmanager
def fewer_collections():
    """Run the block with the young generation's threshold raised; the previous
    thresholds after, and whatever `kept_uncollected` froze in it collectable again."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


@contextmanager
def kept_uncollected():
    """Run the block without cyclic collections, then move every object alive into the
    permanent generation (gc.freeze), out of later collections' way until the
    enclosing fewer_collections ends.  For the stage that reads a build's long-lived
    state back (the corpus, each document's head and review): at 10,000 letters a
    one-letter rebuild made millions of objects there and forty young collections (half
    a second) found 400 in cycles; collected after the block, they would take another
    half second to look through once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
