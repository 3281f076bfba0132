"""A term's postings read a block at a time: the one module that reads Whoosh's private
internals, pinned to the whoosh-ng version it was written against (PINNED).

Walking Whoosh's public matcher (build_tools.search.postings.read_public) costs a Python
call per posting; a word in most sections of a 10,000-letter index has ~100,000 of them.
Whoosh's on-disk matcher decodes a whole block of ids and weights at once: this reads
those decoded blocks (its private _read_data / _read_weights / _next_block and the
fields they fill).  With any other Whoosh version, or another kind of matcher, `read`
returns None and the caller walks the public matcher: tests/test_search_postings.py checks
that both readers give exactly the same postings on a real index with deletions.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from importlib.metadata import PackageNotFoundError, version

import numpy as np
from whoosh.columns import NumericColumn

PINNED = "5.4.0"  # whoosh-ng, as pinned in pyproject.toml
_NEEDED = ("_read_data", "_read_weights", "_next_block", "_i", "_data", "_byteids", "_weights", "_ids")
_NEEDED_VALUES = ("_read_ids", "_read_values", "_next_block", "_maxid", "_ids", "_values", "_byteids", "format")


def _installed() -> str | None:
    try:
        return version("whoosh-ng")
    except PackageNotFoundError:
        return None


ENABLED = _installed() == PINNED


def read(matcher, deleted: frozenset) -> tuple[np.ndarray, np.ndarray] | None:
    """(ids, weights) of a fresh leaf matcher of one segment, without the `deleted`
    documents, as arrays (int64, float64: the values Whoosh's matcher gives); None when
    this Whoosh or this matcher is not the one this module knows."""
    if not ENABLED:
        return None
    m = getattr(matcher, "child", matcher) if deleted else matcher  # the deletion filter's child
    if not all(hasattr(m, a) for a in _NEEDED):
        return None
    ids: list = []
    weights: list = []
    start = m._i
    while m.is_active():
        if m._ids is not None:
            block = np.array(m._ids, dtype=np.int64)
        else:
            if m._data is None:
                m._read_data()
            block = np.array(m._data[0], dtype=np.int64)
            if not m._byteids:
                block = np.cumsum(block)  # delta-coded within the block
        if m._weights is None:
            m._read_weights()
        w = m._weights  # an array("f") or a tuple of floats
        ids.append(block[start:])
        weights.append((np.frombuffer(w, dtype=np.float32) if isinstance(w, array) else
                        np.array(w, dtype=np.float64))[start:].astype(np.float64))
        start = 0
        m._next_block()
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    got_ids, got_weights = np.concatenate(ids), np.concatenate(weights)
    if deleted:
        keep = ~np.isin(got_ids, np.fromiter(deleted, dtype=np.int64, count=len(deleted)))
        got_ids, got_weights = got_ids[keep], got_weights[keep]
    return got_ids, got_weights


def positions(matcher, targets: list[int], deleted: frozenset) -> dict[int, list[int]] | None:
    """{document: its positions} of a fresh leaf matcher of one segment, for the live
    documents `targets` (ascending) that hold the term; None as for `read`.  A block whose
    last id lies before the next target is skipped by its header alone (Whoosh's own
    skip_to walks the postings of a block one by one); in a block, a bisection."""
    if not ENABLED:
        return None
    m = getattr(matcher, "child", matcher) if deleted else matcher
    if not all(hasattr(m, a) for a in _NEEDED_VALUES) or m._byteids:
        return None
    decode = m.format.decoder("positions")
    out: dict[int, list[int]] = {}
    k = 0
    while k < len(targets) and m.is_active():
        if m._maxid >= targets[k]:
            if m._ids is None:
                m._read_ids()
            if m._values is None:
                m._read_values()
            ids = m._ids
            while k < len(targets) and targets[k] <= m._maxid:
                i = bisect_left(ids, targets[k])
                if i < len(ids) and ids[i] == targets[k]:
                    out[targets[k]] = list(decode(m._values[i]))
                k += 1
        m._next_block()
    return out


_COLUMN = ("_dbfile", "_basepos", "_count", "_doccount", "_typecode", "_default", "_fixedlen")


def numeric_column(column) -> np.ndarray | None:
    """Every value of a numeric column of one segment (an untranslated column reader: the
    values as stored), read in one piece instead of value by value; None as for `read`."""
    if not ENABLED or not isinstance(column, NumericColumn.Reader) or not all(hasattr(column, a) for a in _COLUMN):
        return None
    raw = column._dbfile.get(column._basepos, column._count * column._fixedlen)
    values = np.frombuffer(raw, dtype=">" + column._typecode).astype(np.float64 if column._typecode in "fd"
                                                                      else np.int64)
    if column._doccount > column._count:  # documents after the last one with a value
        values = np.concatenate([values, np.full(column._doccount - column._count, column._default,
                                                 dtype=values.dtype)])
    return values
