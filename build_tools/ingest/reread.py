"""A header line that failed, read again on its own.

In the top part of a page, a line that looks like the letter's number (it starts with
ที่, or with two Thai letters and digits) but holds no readable number, or a line with a
month name but no readable date, is cut from the page, enlarged and read again by
Tesseract as a single line (its Thai digits again glyph by glyph); the new reading
replaces the old only when it has what the old one lacked."""
from __future__ import annotations

import re

from PIL import Image

from build_tools.ingest import digits, tesseract
from build_tools.ingest.dates import MONTHS_ABBR, MONTHS_FULL, read_dates
from build_tools.ingest.forms import label_at, strip_junk
from build_tools.ingest.numbers import find_number
from build_tools.ingest.tesseract import TLine

HEADER_SHARE = 0.4  # the header is in the top part of the page
ENLARGE = 2.0
_MONTH = re.compile("|".join(re.escape(m.rstrip(".")) for m in MONTHS_FULL + MONTHS_ABBR))


def _wants(text: str) -> str | None:
    """What a header line should hold and does not: 'number', 'date' or None."""
    t = strip_junk(text)
    if (label_at(t, "number") is not None or re.match(r"[ก-ฮ]{2}\s*[0-9๐-๙]", t)) and find_number(t) is None:
        return "number"
    if _MONTH.search(t) and not read_dates(t):
        return "date"
    return None


def _has(text: str, what: str) -> bool:
    return bool(find_number(text)) if what == "number" else bool(read_dates(text))


def reread_header(page: Image.Image, lines: list[TLine], threshold: int) -> int:
    """Read the failed header lines again, in place; returns how many were fixed."""
    fixed = 0
    limit = page.size[1] * HEADER_SHARE
    for ln in lines:
        box = ln.box
        what = _wants(ln.text) if box.top < limit else None
        if not what:
            continue
        pad = box.height // 2
        crop = page.crop((max(0, box.left - pad), max(0, box.top - pad), min(page.size[0], box.right + pad),
                          min(page.size[1], box.bottom + pad)))
        crop = crop.resize((round(crop.size[0] * ENLARGE), round(crop.size[1] * ENLARGE)), Image.LANCZOS)
        _, again = tesseract.run(crop, psm=7)
        if not again:
            continue
        line = again[0]
        if any(c in digits.THAI_DIGITS for c in line.text):
            line.text = digits.reread_line(crop, line, threshold)
        if _has(line.text, what):
            ln.text = line.text
            fixed += 1
    return fixed
