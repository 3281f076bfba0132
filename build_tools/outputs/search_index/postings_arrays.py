"""The `words` field's postings of each index segment as plain arrays beside the index,
for the command-line scorer (build_tools/search/postings.py), which reads a term's
postings as a slice of memory-mapped arrays: decoding Whoosh's posting blocks (zlib and
pickle, ~150 ns a posting) is most of a search's time on a large corpus, and grows with
it.  Whoosh stays the index: the arrays hold what its public matcher gives, and a
segment without them is read from Whoosh.

A Whoosh segment never changes once written (later deletions are kept apart, and the
scorer leaves deleted records out), so a segment's arrays are written once, after the
commit that made it, into `words-<segment id>/` (written in a temporary folder and
renamed: a reader sees all of them or none); those of segments a merge removed are
deleted.  A term is found by a 64-bit hash of its text (sorted, with the row it names)
and its text is checked, so a hash collision costs a comparison, never a wrong term."""
from __future__ import annotations

import hashlib
import shutil
from array import array
from pathlib import Path

import numpy as np
from whoosh import index

PREFIX = "words-"
FILES = ("keys", "rows", "starts", "ids", "weights", "text", "text_starts")


def term_key(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")


def _segment_arrays(reader, field: str) -> dict[str, np.ndarray]:
    """Every posting of `field` in one segment (deleted records left out, as Whoosh's
    matcher leaves them), term by term in the lexicon's order."""
    texts: list[bytes] = []
    starts = [0]
    ids, weights = array("i"), array("f")  # 4 bytes a posting while they are gathered
    for btext in reader.lexicon(field):
        m = reader.postings(field, btext.decode("utf-8"))
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            m.next()
        texts.append(btext)
        starts.append(len(ids))
    keys = np.array([term_key(t.decode("utf-8")) for t in texts], dtype=np.uint64)
    order = np.argsort(keys, kind="stable")
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    return {"keys": keys[order], "rows": order.astype(np.int64), "starts": np.array(starts, dtype=np.int64),
            "ids": np.frombuffer(ids, dtype=np.intc).astype(np.int32, copy=False),
            "weights": np.frombuffer(weights, dtype=np.float32),
            "text": np.frombuffer(b"".join(texts), dtype=np.uint8),
            "text_starts": np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)}


def write_arrays(index_dir: Path, field: str, log=print) -> int:
    """Write the arrays of every segment of the index at `index_dir` that has none, and
    delete those of segments no longer there; returns how many segments were written."""
    index_dir = Path(index_dir)
    ix = index.open_dir(str(index_dir))
    try:
        with ix.reader() as reader:
            leaves = [sub for sub, _ in reader.leaf_readers()]
            wanted = {PREFIX + sub.segment().segment_id() for sub in leaves}
            written = 0
            for sub in leaves:
                folder = index_dir / (PREFIX + sub.segment().segment_id())
                if folder.is_dir():
                    continue
                tmp = folder.with_name(folder.name + ".tmp")
                shutil.rmtree(tmp, ignore_errors=True)
                tmp.mkdir()
                for name, values in _segment_arrays(sub, field).items():
                    np.save(tmp / f"{name}.npy", values)
                tmp.rename(folder)
                written += 1
    finally:
        ix.close()
    for old in index_dir.glob(PREFIX + "*"):
        if old.name not in wanted:
            shutil.rmtree(old, ignore_errors=True)
    if written:
        log(f"  postings arrays: {written} segment(s)")
    return written


class SegmentArrays:
    """One segment's arrays, memory-mapped (only the pages a search touches are read)."""

    def __init__(self, folder: Path):
        self.a = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in FILES}

    @classmethod
    def load(cls, index_dir: Path, segment_id: str) -> SegmentArrays | None:
        folder = Path(index_dir) / (PREFIX + segment_id)
        try:
            return cls(folder)
        except (OSError, ValueError):
            return None  # not written (yet): the scorer reads Whoosh's blocks

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(ids, weights) of `term` in this segment as Whoosh's matcher gave them when the
        segment was written, or None if the segment does not hold it."""
        a, key = self.a, np.uint64(term_key(term))  # uint64: a Python int this large would become a float
        text = term.encode("utf-8")
        lo, hi = np.searchsorted(a["keys"], key, "left"), np.searchsorted(a["keys"], key, "right")
        for row in a["rows"][lo:hi].tolist():
            s, e = int(a["text_starts"][row]), int(a["text_starts"][row + 1])
            if a["text"][s:e].tobytes() == text:
                s, e = int(a["starts"][row]), int(a["starts"][row + 1])
                return a["ids"][s:e], a["weights"][s:e]
        return None
