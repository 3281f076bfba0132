"""The postings files of the site search (search/th/p/, see site_search.py): which
bucket file holds a term, the files of a common term's head and tail, and the whole
index's postings written a group of buckets at a time."""
from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from build_tools.outputs.site.search_files import SearchFiles, signature
from build_tools.outputs.site.search_sections import Sections

POSTINGS_TARGET_BYTES = 48_000
# A term in more sections than this gets a head file with its strongest postings (by
# impact) and a tail file with the rest, fetched only when the heads give too few results.
POSTINGS_HEAD = 2000
TAIL_RANGE = 4000  # sections per tail piece
# Postings made at a time when the whole index is written (their files a group of buckets
# at a time): about 100 MB with what sorting them takes.
GROUP_POSTINGS = 4_000_000


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over the UTF-16 code units (what JavaScript's charCodeAt sees)."""
    h = 0x811C9DC5
    data = term.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def postings_buckets(total_bytes: int) -> int:
    """How many postings files: a power of two, so each holds up to POSTINGS_TARGET_BYTES
    (half that on average) and the count, which places every term, changes only when
    the index doubles or halves, not with each letter added (a rebuild then rewrites
    only the files whose terms changed)."""
    return 1 << (max(1, math.ceil(total_bytes / POSTINGS_TARGET_BYTES)) - 1).bit_length()


def postings_size(term: str, df: int) -> int:
    """A term's share of the postings' size that postings_buckets divides (its name and
    df (section, impact) pairs; nothing for a term no section holds): the whole index
    and a rebuild's delta count it alike, so they choose the same number of files."""
    return 2 * len(term) + 8 * df if df else 0


def shard_key(term: str) -> str:
    """Dictionary shard of a term: its first two characters (code points in hex), so the
    browser fetches, for each position of a query, only the terms that can start there."""
    return "-".join(format(ord(c), "x") for c in term[:2])


def write_postings(out: SearchFiles, sections: Sections) -> tuple[dict[str, dict], int, int, int]:
    """Postings into p/, each term's dictionary entry [df, bucket] into the returned
    dictionary shards; also returns the number of buckets, of terms and the postings'
    size.  The files are planned from each term's number of postings first; then the
    postings are made a group of buckets at a time (Sections.postings_in_groups), at most
    about GROUP_POSTINGS of them in memory."""
    counts = sections.term_counts()
    total = sum(postings_size(t, df) for t, df in counts.items())
    buckets = postings_buckets(total)
    groups = max(1, min(buckets, -(-sum(counts.values()) // GROUP_POSTINGS)))
    dicts: dict[str, dict] = defaultdict(dict)
    bucket_of, tails = {}, {}
    for term in sorted(counts):
        df, b = counts[term], fnv1a(term) % buckets
        dicts[shard_key(term)][term] = [df, b]
        bucket_of[term] = b
        if df > POSTINGS_HEAD:
            tails[term] = len(tails)  # its files' number: terms in order, as the browser finds them
    group_of = {term: b * groups // buckets for term, b in bucket_of.items()}
    for postings in sections.postings_in_groups(group_of, groups):
        posting_shards: dict[int, dict[str, object]] = defaultdict(dict)
        for term in sorted(postings):
            plist = postings.pop(term)
            bucket = posting_shards[bucket_of[term]]
            if term not in tails:
                bucket[term] = plist  # a list when the file is written
                continue
            # Own files for head and tail, so buckets stay small however many common
            # terms share one.
            bucket["#" + term] = [counts[term], tails[term], write_common(out, term, plist, tails[term])]
        for b, p in posting_shards.items():
            dump_bucket(out, b, p)
    return dicts, buckets, len(counts), total


def dump_bucket(out: SearchFiles, b: int, p: dict) -> None:
    """Postings file p/<b>.json: `p` is {term: postings (int32 array)} and {"#term":
    [df, n, tail pieces]} in term order, signed by what it holds."""
    sig = signature(*(x for t, v in p.items() for x in (t, v.tobytes() if isinstance(v, np.ndarray) else v)))
    out.dump(f"p/{b}.json", lambda p=p: {t: v.tolist() if isinstance(v, np.ndarray) else v for t, v in p.items()}, sig)


def write_common(out: SearchFiles, term: str, plist: np.ndarray, n: int) -> list[int]:
    """The head file (p/h<n>.json) and tail pieces (p/t<n>-<k>.json) of a common term;
    returns the tail's section ranges k.  A term whose postings and number are an
    earlier build's, with all its files still in place, is not cut again (a rebuild
    after one changed letter keeps nearly all of them)."""
    group = f"#{n}"
    sig = signature(term, plist.tobytes())
    kept = out.kept_group(group, sig)
    if kept is not None:
        return kept
    # The head: the strongest postings (impact down, then section up); head and
    # tail each in section order, as the postings are.
    secs, imps = plist[0::2], plist[1::2]
    order = np.lexsort((secs, -imps.astype(np.int64)))
    head, tail = np.sort(order[:POSTINGS_HEAD]), np.sort(order[POSTINGS_HEAD:])
    flat = {f"p/h{n}.json": np.column_stack((secs[head], imps[head])).ravel()}
    # The tail in pieces by section range: a query that also has a rarer word
    # fetches only the pieces where that word occurs.  Its sections ascend, so each
    # range is one run of it.
    ranges = secs[tail] // TAIL_RANGE
    starts = np.concatenate(([0], np.flatnonzero(np.diff(ranges)) + 1)) if len(ranges) else np.array([], int)
    pieces = ranges[starts].tolist()
    for k, part in zip(pieces, np.split(tail, starts[1:])):
        flat[f"p/t{n}-{k}.json"] = np.column_stack((secs[part], imps[part])).ravel()
    for rel, values in flat.items():
        out.dump(rel, values.tolist, signature(values.tobytes()))
    out.remember_group(group, sig, list(flat), pieces)
    return pieces
