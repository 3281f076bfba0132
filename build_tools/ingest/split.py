"""Cut an OCR'd bundle into its documents.

A letter starts at its header: an urgency line (ด่วนที่สุด / ด่วนมาก / ด่วน) directly
followed by its ที่ line, the ที่ line itself, or the title of its form (บันทึกข้อความ,
คำสั่ง..., ประกาศ...).  An enclosed document (MOU, annex, guidance, framework) starts at
its title line: a short line beginning with one of the TITLES below.  A new document
starts only once the one before it has ended (a letter ends at its closing or signature;
an enclosed document needs some content first).  The first document starts at the file's
first line (a receipt stamp or the emblem's debris above the number belongs to it; when
nothing marks its start, it is a letter if enough of a letter's parts are there, and no
line before the first title is dropped); each runs to its last non-blank line before the
next start."""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.ingest.date_lines import dated_line
from build_tools.ingest.forms import is_closing, label_at, strip_junk, title_of, urgency_at
from build_tools.ingest.numbers import find_number
from build_tools.ingest.rows import clean, segments
from build_tools.ingest.tail import CONTACT_RE, NAME_RE
from build_tools.normalization import fuzzy

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
GIVEN = re.compile(r"^(สั่ง|ประกาศ)\W*ณ\W*วันที")
# A letter number's shape whatever OCR made of its prefix (`604.5/ว 4946`, `ซิ10.1/ว4779`).
NUMBER_SHAPE = re.compile(r"[0-9๐-๙][.,][0-9๐-๙ก-ฮ]{1,3}\s*/\s*ว?\s*[-.]?\s*[0-9๐-๙]{2,}")
CLOSING_SENTENCE = ("จึงเรียนมาเพื่อ", "จึงประกาศมาเพื่อ")  # the body's last sentence
LETTER_PARTS = 3


@dataclass
class Part:
    first: int  # raw line numbers, 1-based, inclusive
    last: int
    doc_type: str


def _title_type(text: str) -> str | None:
    if len(text) > MAX_TITLE_LEN or NOT_TITLE.search(text):
        return None
    return next((t for prefix, t in TITLES if text.startswith(prefix)), None)


def _number_line(text: str) -> bool:
    rest = label_at(text, "number")
    kinds = ("government", "abbreviation", "yearly")
    return rest is not None and find_number(rest, kinds, after_label=True) is not None


def _bare_number(text: str) -> bool:
    """A number printed without ที่ (or after emblem debris) at the start of a line."""
    num = find_number(strip_junk(text), ("government", "abbreviation"))
    return num is not None and num.start <= 6


def _letter_start(t: str, nxt: str, first: bool, raw: str) -> bool:
    """A letter's first line; before any document, a number printed without ที่ counts."""
    number = _number_line if not first else (lambda x: _number_line(x) or _bare_number(x))
    if (u := urgency_at(t)) and (number(nxt) or number(u[1])):
        return True
    return number(t) or any(title_of(seg) is not None for seg in segments(raw))


def _ends_letter(t: str) -> bool:
    t = strip_junk(t)
    return is_closing(t) or bool(NAME_RE.match(t)) or bool(GIVEN.match(t))


def split_bundle(lines: list[str]) -> list[Part]:
    rows = [(i + 1, clean(t)) for i, t in enumerate(lines)]
    nonblank = [(n, t) for n, t in rows if t]
    if not nonblank:
        return []
    starts = _starts(nonblank, lines, [])
    if not starts or (starts[0][0] > nonblank[0][0] and starts[0][1] != "letter"):
        # Nothing marks the first document's start: a letter whose number OCR spoiled (then a
        # wrapped body line that begins like a title, `แนวทางการดำเนินงาน ณ ...`, is no title),
        # or the lines before the first title, which are that document's: none is dropped.
        before = [(n, t) for n, t in nonblank if not starts or n < starts[0][0]]
        if _looks_like_letter(before):
            starts = _starts(nonblank, lines, [(nonblank[0][0], "letter")])
        else:
            starts = [(nonblank[0][0], starts[0][1] if starts else "guidance")] + starts[1:]
    if starts[0][0] > nonblank[0][0]:
        starts[0] = (nonblank[0][0], "letter")  # a stamp or the emblem above the first letter's number
    parts = []
    for j, (first, kind) in enumerate(starts):
        limit = starts[j + 1][0] if j + 1 < len(starts) else len(lines) + 1
        last = max(n for n, t in nonblank if first <= n < limit)
        parts.append(Part(first, last, kind))
    return parts


def _starts(nonblank: list[tuple[int, str]], lines: list[str], starts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(first line, kind) of each document, after `starts` (a letter already begun at the
    first line, or none)."""
    starts = list(starts)
    ended = not starts  # the document before (none yet) has ended
    skip_next = False
    for k, (n, t) in enumerate(nonblank):
        if skip_next or (starts and n == starts[0][0]):
            skip_next = False
            continue
        nxt = nonblank[k + 1][1] if k + 1 < len(nonblank) else ""
        if ended and _letter_start(t, nxt, not starts, lines[n - 1]):
            starts.append((n, "letter"))
            ended = False
            skip_next = bool(urgency_at(t)) and (_number_line(nxt) or _bare_number(nxt))
            continue
        kind = _title_type(t)
        if kind and (not starts or _ended(nonblank, starts[-1], n)):
            starts.append((n, kind))
            ended = True
            continue
        if starts and starts[-1][1] == "letter" and _ends_letter(t):
            ended = True
    return starts


def _looks_like_letter(nonblank: list[tuple[int, str]]) -> bool:
    """A text whose number is unreadable is still a letter when enough of a letter's
    parts are there, whatever OCR lost of the others: the number's shape or a date line
    at its top, its labels, its closing or given-date line, the signatory's name and the
    contact line at its foot (LETTER_PARTS of them; one part alone is no letter)."""
    top = [t for _, t in nonblank[:25]]
    if any(_number_line(t) or _bare_number(t) for t in top[:12]):
        return True
    foot = [strip_junk(t) for _, t in nonblank[-12:]]
    parts = (
        any(NUMBER_SHAPE.search(t) for t in top[:12]),
        any(dated_line(t) for t in top[:14]),
        any(label_at(t, "subject") is not None for t in top),
        any(label_at(t, "addressee") is not None for t in top),
        any(label_at(t, f) is not None for t in top for f in ("references", "enclosures")),
        any(is_closing(t) or GIVEN.match(t) or any(fuzzy.starts_with(t, w) is not None for w in CLOSING_SENTENCE)
            for _, t in nonblank),
        any(NAME_RE.match(t) for t in foot),
        any(CONTACT_RE.match(t) for t in foot[-6:]),
    )
    return sum(parts) >= LETTER_PARTS


def _ended(nonblank, start: tuple[int, str], here: int) -> bool:
    """Has the document that started at `start` ended before line `here`?  A letter ends
    with its signature block; an enclosed document needs some content (at least three
    lines) before the next title can start a new one."""
    first, kind = start
    inside = [t for n, t in nonblank if first <= n < here]
    if kind == "letter":
        return any(_ends_letter(t) for t in inside)
    return len(inside) >= 3
