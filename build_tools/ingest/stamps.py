"""Receipt stamps at the top of a letter (เลขรับ / วันที่ / เวลา, and the receiving office's
name above them): the receiving office's, not the letter's own text.  Their date checks
the letter's (checks.check_dates): a letter is dated before it is received."""
from __future__ import annotations

import re

from build_tools.ingest import forms
from build_tools.ingest.date_lines import date_line, dated_line
from build_tools.ingest.dates import read_dates
from build_tools.ingest.form_detect import TOP_ROWS
from build_tools.ingest.forms import strip_junk
from build_tools.ingest.numbers import find_number
from build_tools.ingest.rows import Row, names_an_office
from build_tools.normalization import fuzzy

STAMP_ROWS = 3  # lines under a stamp's label that may be its own
STAMP_REACH = 6  # rows past the top block where a stamp may stand
SPECK_LETTERS = 2  # a segment of this many letters or fewer after the stamp's label is a speck read
LABEL_SLACK = 1.1  # a stamp's label read with a letter more (ink of a hand stamp) is still the label
WORDS_END_STAMP = 4  # letters a row that is no stamp line shows to end the stamp (fewer: a speck read)
# A stamp's time whose เวลา OCR lost: hours and minutes, น. read as a letter or two (`๙.๐๐ ห`)
BARE_TIME = re.compile(r"^([0-9๐-๙]{1,2}[.:][0-9๐-๙]{2})\s*[ก-ฮ]{0,2}\.?$")
LETTERS = re.compile("[ก-ฮ]")
LABEL_GAP = re.compile(r"^(เลข)\s+(?=[ก-ฮ])")  # เลข รับ: a gap OCR put inside the label


def read_stamps(rows: list[Row]) -> list[tuple[dict, set[int]]]:
    """Each receipt stamp near the top, with the raw lines it takes (its label, its lines,
    the receiving office above it)."""
    out = []
    taken: set[int] = set()
    for i, row in enumerate(rows[:TOP_ROWS + STAMP_REACH]):
        if _stamp_label(row) is None:
            continue
        block = _block(rows[i + 1:i + 1 + STAMP_ROWS])
        if not block:
            continue
        lines = {row.n} | {r.n for r in block}
        above = rows[i - 1] if i > 0 else None
        receiver = None
        if above and above.n not in taken and names_an_office(strip_junk(above.segs[-1])) \
                and len(above.segs) == 1 and find_number(above.text) is None:
            lines.add(above.n)
            receiver = strip_junk(above.text)
        taken |= lines
        out.append((_stamp(row, block, receiver), lines))
    return out


def _block(below: list[Row]) -> list[Row]:
    """The stamp's lines among the rows below its label: they stand together, so a row of
    words that is none of them (the letter's number, the office's address) ends them, and
    the letter's own date line below it is not the stamp's (seed 24 L09)."""
    out = []
    for r in below:
        if _stamp_row(r):
            out.append(r)
        elif len(LETTERS.findall(strip_junk(r.text))) >= WORDS_END_STAMP:
            break
    return out


def _stamp(row: Row, block: list[Row], receiver: str | None) -> dict:
    """เลขรับ/เลขที่ ..., วันที่ ..., เวลา ... of one receipt stamp."""
    kind, rest = _stamp_label(row)
    number = re.search(r"[0-9๐-๙][0-9๐-๙/.\-]*", rest)
    stamp = {"kind": kind, "number": number.group(0) if number else None, "date": None, "date_text": None,
             "time": None, "receiver": receiver, "line": row.n}
    for r in block:
        t = strip_junk(r.segs[-1])
        labelled = fuzzy.starts_with(t, "วันที่") is not None
        if d := ((read_dates(t) or [None])[0] if labelled else date_line(t)):
            stamp["date"], stamp["date_text"] = d.iso, d.stored
        elif fuzzy.starts_with(t, "เวลา") is not None and (tm := re.search(r"[0-9๐-๙][0-9๐-๙.:]*", t)):
            stamp["time"] = tm.group(0)
        elif tm := BARE_TIME.match(t):
            stamp["time"] = tm.group(1)
    return stamp


def _stamp_label(row: Row) -> tuple[str, str] | None:
    """(the stamp's label, the text after it) when the row's last segment of words starts
    with เลขรับ / เลขที่, also split by a gap OCR put inside it (`เลข รับ ๒๑๐๕`), or with a
    letter more (`เลขรวับ ๘๐๘๘`: its block of stamp lines below must follow, read_stamps).
    A speck OCR read as a letter or two may stand apart after it (`เลขรวับ ๘๐๘๘   ว`)."""
    segs = [strip_junk(s) for s in row.segs]
    seg = next((s for s in reversed(segs) if len(LETTERS.findall(s)) > SPECK_LETTERS), segs[-1])
    for text in (seg, LABEL_GAP.sub(r"\1", seg, count=1)):
        for word in forms.STAMP_LABELS:
            if (n := fuzzy.starts_with(text, word, slack=LABEL_SLACK)) is not None:
                return word, text[n:]
    return None


def _stamp_row(row: Row) -> bool:
    """A line of a receipt stamp under its เลขรับ: วันที่ / เวลา, or a date whose label was lost
    (readable or not: `๒๐ มวูค. ๒๕๕๓`)."""
    t = strip_junk(row.segs[-1])
    return any(fuzzy.starts_with(t, w) is not None for w in ("วันที่", "เวลา")) or dated_line(t) \
        or BARE_TIME.match(t) is not None
