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
    thresholds after."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
