"""Python's cyclic garbage collector tuned for a build: by default a young-generation
collection runs after every 700 new container objects, and the older generations'
collections walk every object alive.  A build holds hundreds of thousands of long-lived
objects (10,000 letters' blocks, front matter, pages, postings), so at 10,000 letters
collections were two thirds of the time spent reading the normalized documents back from
the cache.  Collections still run (cycles are still freed), a hundred times less often."""
from __future__ import annotations

import gc
from contextlib import contextmanager

YOUNG = 100_000  # new container objects between young collections (Python's default: 700)
MIDDLE = 50  # young collections between middle ones (default 10)
OLD = 100  # middle collections between full ones (default 10)


@contextmanager
def fewer_collections():
    """Run the block with the collector's thresholds raised; the previous ones after."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG, MIDDLE, OLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
