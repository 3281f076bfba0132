"""Cut an OCR'd bundle into its documents.

A letter starts at its header: an urgency line (ด่วนที่สุด / ด่วนมาก / ด่วน) directly
followed by its ที่ line, or the ที่ line itself.  An enclosed document (MOU, annex,
guidance, framework) starts at its title line: a short line beginning with one of the
TITLES below, once the document before it has ended (a letter ends at its signature
block).  Each part runs to its last non-blank line before the next start."""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.ingest.letter import NUMBER_RE, URGENCY_RE, clean

# title beginning -> doc_type (corpus.DOC_TYPES)
TITLES = (
    ("บันทึกความร่วมมือ", "mou"),
    ("บันทึกข้อตกลง", "mou"),
    ("รายละเอียดแนบท้าย", "annex"),
    ("เอกสารแนบท้าย", "annex"),
    ("แนวทาง", "guidance"),
    ("กรอบการติดตาม", "framework"),
)
MAX_TITLE_LEN = 120
# Body sentences about "this MOU" (บันทึกความร่วมมือฉบับนี้ ...) are not titles.
NOT_TITLE = re.compile(r"นี้|ปรากฏ")


@dataclass
class Part:
    first: int  # raw line numbers, 1-based, inclusive
    last: int
    doc_type: str


def _title_type(text: str) -> str | None:
    if len(text) > MAX_TITLE_LEN or NOT_TITLE.search(text):
        return None
    return next((t for prefix, t in TITLES if text.startswith(prefix)), None)


def split_bundle(lines: list[str]) -> list[Part]:
    rows = [(i + 1, clean(t)) for i, t in enumerate(lines)]
    nonblank = [(n, t) for n, t in rows if t]
    starts: list[tuple[int, str]] = []
    in_letter_header = False
    for k, (n, t) in enumerate(nonblank):
        nxt = nonblank[k + 1][1] if k + 1 < len(nonblank) else ""
        if URGENCY_RE.match(t) and NUMBER_RE.match(nxt):
            starts.append((n, "letter"))
            in_letter_header = True
            continue
        if NUMBER_RE.match(t):
            if not in_letter_header:
                starts.append((n, "letter"))
            in_letter_header = False
            continue
        in_letter_header = False
        kind = _title_type(t)
        if kind and (not starts or _ended(nonblank, starts[-1], n)):
            starts.append((n, kind))
    if not starts and nonblank:
        starts = [(nonblank[0][0], "letter" if any(NUMBER_RE.match(t) for _, t in nonblank[:10])
                   else "guidance")]
    parts = []
    for j, (first, kind) in enumerate(starts):
        limit = starts[j + 1][0] if j + 1 < len(starts) else len(lines) + 1
        last = max(n for n, t in nonblank if first <= n < limit)
        parts.append(Part(first, last, kind))
    return parts


def _ended(nonblank, start: tuple[int, str], here: int) -> bool:
    """Has the document that started at `start` ended before line `here`?  A letter ends
    with its signature block; an enclosed document needs some content (at least three
    lines) before the next title can start a new one."""
    first, kind = start
    inside = [t for n, t in nonblank if first <= n < here]
    if kind == "letter":
        return any(t.startswith("ขอแสดงความนับถือ") for t in inside)
    return len(inside) >= 3
