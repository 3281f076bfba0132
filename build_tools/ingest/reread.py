"""A header line that failed, read again on its own, several times, and the readings voted.

In the top part of a page, a line that looks like the letter's number (it starts with
ที่, or with two Thai letters and digits) or holds a cited letter's number (`... ที่ ขก
๐๐๑๗โข/ว 3370 ลงวันที่`) but holds no readable number, or a line with a
month name but no readable date (its day lost, or a day the month does not have), is cut
from the page and read again by Tesseract on its own: as a block at three sizes (a block
reading keeps the neighbouring lines' fragments apart, where a one-line reading of a
damaged crop often fails), then, when no two of those agree, as one line at two sizes;
each reading's Thai digits read again glyph by glyph (digits.py).  The value the
readings agree on (the date, the number) wins when at least two of them give it and no
other value has as many; the line then takes the text of the first reading that gave it.
A single reading is no evidence: one crop at one size is as likely to be misread as the
page was."""
from __future__ import annotations

import re
from collections import Counter

from PIL import Image

from build_tools.common.letter_numbers import canonical
from build_tools.common.thai import to_arabic_digits
from build_tools.ingest import digits, tesseract
from build_tools.ingest.dates import MONTHS_ABBR, MONTHS_FULL, read_dates
from build_tools.ingest.forms import label_at, strip_junk
from build_tools.ingest.numbers import find_number
from build_tools.ingest.tesseract import TLine

HEADER_SHARE = 0.4  # the header is in the top part of the page
# (size factor, Tesseract page segmentation mode) of each reading: one line, a block
READINGS = ((1.0, 6), (1.5, 6), (2.0, 6), (1.5, 7), (2.0, 7))
FAST_READINGS = 3  # the block readings first: when two of them agree, the rest are not needed
MIN_VOTES = 2
_DAY_AT_END = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙]{1,2}\W{0,3}$")
# A citation's number inside a line (`หนังสือ... ที่ ขก ๐๐๑๗โข/ว 3370 ลงวันที่ ...`): ที่, a
# two-letter code, digits within a few characters.
_CITED = re.compile(r"(?:^|\s)ที่?\s*[ก-ฮ]{2}\s.{0,4}[0-9๐-๙]")
_WRAPPED = re.compile(r"[ก-ฮ]{2}\s*[0-9๐-๙]{2,5}(?:\s*\.\s*[0-9๐-๙]{1,3})*\s*/\s*ว?\s*$")
_MONTH = re.compile("|".join(re.escape(m.rstrip(".")) for m in MONTHS_FULL + MONTHS_ABBR))


def wants(text: str, before: str = "") -> str | None:
    """What a header line should hold and does not: 'number', 'date' or None.  A month and
    year under a line that ends with the day (a citation's date wrapped: `ลงวันที่ ๖` /
    `สิงหาคม ๒๕๕๒`) lack nothing; nor does a citation whose number wraps after its `/`."""
    t = strip_junk(text)
    if (label_at(t, "number") is not None or re.match(r"[ก-ฮ]{2}\s*[0-9๐-๙]", t)) and find_number(t) is None:
        return "number"
    cited = _CITED.search(t)
    if cited and find_number(t[cited.start():]) is None and not _WRAPPED.search(t):
        return "number"
    if _MONTH.search(t) and value_of(t, "date") is None and not _DAY_AT_END.search(before):
        return "date"
    return None


def value_of(text: str, what: str) -> str | None:
    """The number (comparable form) or the date (ISO) a reading holds."""
    if what == "number":
        num = find_number(text)
        return canonical(num.printed) if num else None
    return next((d.iso for d in read_dates(text) if d.iso), None)


def _digits_of(value: str | None) -> str | None:
    """A number's digits and separators: what the votes compare (the ที่ before a number is
    read into a code as often as not, `ทฑที 474/2553`; the digits are the evidence)."""
    return to_arabic_digits(re.sub(r"[^0-9๐-๙./]", "", value)) or None if value else None


def vote(readings: list[str], what: str) -> str | None:
    """The reading that holds the value most readings agree on (at least MIN_VOTES, and
    more than any other value): for a number, its digits; of the readings that agree, the
    one whose whole number most of them share (the first, on a tie)."""
    values = [(value_of(r, what), r) for r in readings]
    key = _digits_of if what == "number" else (lambda v: v)
    counts = Counter(key(v) for v, _ in values if key(v))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_VOTES or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    agreeing = [(v, r) for v, r in values if key(v) == ranked[0][0]]
    whole = Counter(v for v, _ in agreeing).most_common(1)[0][0]
    return next(r for v, r in agreeing if v == whole)


def _crop(page: Image.Image, ln: TLine) -> Image.Image:
    box = ln.box
    pad = box.height // 2
    return page.crop((max(0, box.left - box.height), max(0, box.top - pad), min(page.size[0], box.right + box.height),
                      min(page.size[1], box.bottom + pad)))


def readings(crop: Image.Image, what: str, threshold: int) -> list[str]:
    """The line as each reading gives it (for a block reading, its line that holds what is
    wanted, or its longest); the block readings first, the others only when no two of
    those agree."""
    out: list[str] = []
    for k, (factor, psm) in enumerate(READINGS):
        if k == FAST_READINGS and vote(out, what) is not None:
            break
        img = crop if factor == 1.0 else crop.resize((round(crop.size[0] * factor), round(crop.size[1] * factor)),
                                                     Image.LANCZOS)
        try:
            _, lines = tesseract.run(img, psm=psm)
        except Exception:  # noqa: BLE001  (Tesseract fails on some tiny crops: that reading is lost)
            continue
        for line in lines:
            if any(c in digits.THAI_DIGITS for c in line.text):
                line.text = digits.reread_line(img, line, threshold)
        texts = [ln.text for ln in lines]
        held = [t for t in texts if value_of(t, what)]
        if texts:
            out.append(held[0] if held else max(texts, key=len))
    return out


def reread_header(page: Image.Image, lines: list[TLine], threshold: int) -> int:
    """Read the failed header lines again, in place; returns how many were fixed.  (A line
    that read well is left alone: measured on benchmarks/letterset, re-reading those too
    and counting the page's reading as one vote changed right numbers into wrong ones as
    often as the reverse, and doubled the time per page.)"""
    fixed = 0
    limit = page.size[1] * HEADER_SHARE
    for k, ln in enumerate(lines):
        what = wants(ln.text, lines[k - 1].text if k else "") if ln.box.top < limit else None
        if not what:
            continue
        best = vote(readings(_crop(page, ln), what, threshold), what)
        if best is not None:
            ln.text = best
            fixed += 1
    return fixed
