"""Official letter numbers (ที่ มท 0810.1/ว 1631): prefixes, comparison, OCR confusions.

Shared by the corpus checks and by ingest's reference resolution."""
from __future__ import annotations

import re

from build_tools.common.thai import fold_number, to_arabic_digits

PREFIX_RE = re.compile(r"^([ก-ฮ]{2,4})\.?\s*([0-9๐-๙]{4})")
# Thai digits OCR confuses in print (the seed's มท ๐๔๐๔.๒/๔๙๐๐ is cited as 8900): ๘/๕/๓, ๖/๒, ๔/๕.
CONFUSABLE = {frozenset(p) for p in ("85", "83", "53", "62", "45")}


def number_prefix(number: str) -> str | None:
    """'มท ๐๔๐๔.๒/๔๙๐๐' -> 'มท 0404' (agency letters + first digit group, Arabic digits)."""
    m = PREFIX_RE.match(number.strip())
    return f"{m[1]} {to_arabic_digits(m[2])}" if m else None


def canonical(number: str) -> str:
    """Comparable form: Arabic digits, no spaces, no trailing dot."""
    return fold_number(number).strip(".")


def confusable_equal(a: str, b: str) -> bool:
    """Same number except for digits OCR is known to swap (and at least one swap)."""
    a, b = canonical(a), canonical(b)
    if a == b or len(a) != len(b):
        return False
    return all(x == y or frozenset((x, y)) in CONFUSABLE for x, y in zip(a, b))


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
