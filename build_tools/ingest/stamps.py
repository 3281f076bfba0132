"""Receipt stamps at the top of a letter (เลขรับ / วันที่ / เวลา, and the receiving office's
name above them): the receiving office's, not the letter's own text.  Their date checks
the letter's (checks.check_dates): a letter is dated before it is received."""
from __future__ import annotations

import re

from build_tools.ingest import forms
from build_tools.ingest.date_lines import date_line
from build_tools.ingest.dates import read_dates
from build_tools.ingest.form_detect import TOP_ROWS
from build_tools.ingest.forms import strip_junk
from build_tools.ingest.numbers import find_number
from build_tools.ingest.rows import ORG_RE, Row
from build_tools.normalization import fuzzy

STAMP_ROWS = 3  # lines under a stamp's label that may be its own
STAMP_REACH = 6  # rows past the top block where a stamp may stand


def read_stamps(rows: list[Row]) -> list[tuple[dict, set[int]]]:
    """Each receipt stamp near the top, with the raw lines it takes (its label, its lines,
    the receiving office above it)."""
    out = []
    taken: set[int] = set()
    for i, row in enumerate(rows[:TOP_ROWS + STAMP_REACH]):
        seg = strip_junk(row.segs[-1])
        if not any(fuzzy.starts_with(seg, w) is not None for w in forms.STAMP_LABELS):
            continue
        block = [r for r in rows[i + 1:i + 1 + STAMP_ROWS] if _stamp_row(r)]
        if not block:
            continue
        lines = {row.n} | {r.n for r in block}
        above = rows[i - 1] if i > 0 else None
        receiver = None
        if above and above.n not in taken and ORG_RE.match(strip_junk(above.segs[-1])) \
                and len(above.segs) == 1 and find_number(above.text) is None:
            lines.add(above.n)
            receiver = strip_junk(above.text)
        taken |= lines
        out.append((_stamp(row, block, receiver), lines))
    return out


def _stamp(row: Row, block: list[Row], receiver: str | None) -> dict:
    """เลขรับ/เลขที่ ..., วันที่ ..., เวลา ... of one receipt stamp."""
    seg = strip_junk(row.segs[-1])
    kind = next(w for w in forms.STAMP_LABELS if fuzzy.starts_with(seg, w) is not None)
    number = re.search(r"[0-9๐-๙][0-9๐-๙/.\-]*", seg[fuzzy.starts_with(seg, kind):])
    stamp = {"kind": kind, "number": number.group(0) if number else None, "date": None, "date_text": None,
             "time": None, "receiver": receiver, "line": row.n}
    for r in block:
        t = strip_junk(r.segs[-1])
        labelled = fuzzy.starts_with(t, "วันที่") is not None
        if d := ((read_dates(t) or [None])[0] if labelled else date_line(t)):
            stamp["date"], stamp["date_text"] = d.iso, d.stored
        elif fuzzy.starts_with(t, "เวลา") is not None and (tm := re.search(r"[0-9๐-๙][0-9๐-๙.:]*", t)):
            stamp["time"] = tm.group(0)
    return stamp


def _stamp_row(row: Row) -> bool:
    """A line of a receipt stamp under its เลขรับ: วันที่ / เวลา, or a date whose label was lost."""
    t = strip_junk(row.segs[-1])
    return any(fuzzy.starts_with(t, w) is not None for w in ("วันที่", "เวลา")) or date_line(t) is not None
