"""A header line that failed, read again on its own, several times, and the readings voted.

In the top part of a page, a line that looks like the letter's number (it starts with
ที่, with two Thai letters and digits, or with a speck read as a letter before them: `ห ขก
0518.: .24815`; or with the office's digits, when ที่ and the code were lost: `%้04.
5/1562`, cut then from the header's left edge, where they stand) but holds no readable
number, or one whose form cannot be as printed (a serial padded with 0, a serial/year
longer than a year's serials reach, a government serial of five digits:
numbers.implausible), or a line that holds a cited letter's number damaged (`... ที่ ขก
๐๐๑๗โข/ว 3370 ลงวันที่`), or a line with a month name but no readable
date (its day lost, or a day the month does not have), is cut from the page and read
again by Tesseract on its own: as a block at three sizes (a block reading keeps the
neighbouring lines' fragments apart, where a one-line reading of a damaged crop often
fails), then, when no two of those agree, as a block at 3x and one line at 1.5x; each
reading's Thai digits read again glyph by glyph (digits.py).  The value the readings
agree on (the date, the number; a number whose form cannot be as printed is no value;
for a cited number that wraps after its `/`, the part before the wrap) wins when at
least two of them give it and no other value has as many; the line then takes the text
of the first reading that gave it (a memo row's date kept as the page read it).  A
single reading is no evidence: one crop at one size is as likely to be misread as the
page was.  A header line that lost its label (its start cut off, nothing read left of
it: lost_its_label) is read the same way from the header's left edge, and the readings
agree on which field's label it starts with.  A page's header gets at most
MAX_READINGS_PER_PAGE readings in all."""
from __future__ import annotations

import re
from collections import Counter

from PIL import Image

from build_tools.common.letter_numbers import canonical
from build_tools.common.thai import NOT_A_WORD_START, to_arabic_digits
from build_tools.ingest import digits, tesseract
from build_tools.ingest.dates import MONTHS_ABBR, MONTHS_FULL, read_dates
from build_tools.ingest.forms import label_at, strip_junk
from build_tools.ingest.layout import GAP
from build_tools.ingest.numbers import HEADLESS_NUMBER, SERIAL_DIGITS, find_number, implausible
from build_tools.ingest.tesseract import TLine

HEADER_SHARE = 0.4  # the header is in the top part of the page
# (size factor, Tesseract page segmentation mode) of each reading: a block, one line.  At
# 1.5 and 2.0 a damaged line loses its `/` as often as not where 1.0 and 3.0 keep it
# (benchmarks/letterset L24: `ขก 0518.2/4815` at 1.0 and 3.0 only).
READINGS = ((1.0, 6), (1.5, 6), (2.0, 6), (3.0, 6), (1.5, 7))
FAST_READINGS = 3  # the block readings first: when two of them agree, the rest are not needed
MIN_VOTES = 2
DATE_LABEL_REACH = 8  # characters from วัน(ที่) to its date
MAX_READINGS_PER_PAGE = 12  # Tesseract readings of header crops, all lines of a page together
_DAY_AT_END = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙]{1,2}\W{0,3}$")
# A citation's number inside a line (`หนังสือ... ที่ ขก ๐๐๑๗โข/ว 3370 ลงวันที่ ...`): ที่, a
# two-letter code, digits within a few characters.
_CITED = re.compile(r"(?:^|\s)ที่?\s*[ก-ฮ]{2}\s.{0,4}[0-9๐-๙]")
# One letter (a speck or a bit of the emblem read as a letter) before a number's code and
# digits: `ห ขก 0518.: .24815`.
_DEBRIS_CODE = re.compile(r"^[ก-ฮ][\u0e31-\u0e4e]*\s+[ก-ฮ]{2}\s*[0-9๐-๙]")
_WRAPPED = re.compile(r"[ก-ฮ]{2}\s*[0-9๐-๙]{2,5}(?:\s*\.\s*[0-9๐-๙]{1,3})*\s*/\s*ว?\s*$")
# The same, its `/` also as OCR reads it before ว (a 7: `ขก ๐๐๑๗.๒7ว`): the part of a cited
# number before its wrap, what the readings of a wrapped citation's line can agree on.
_WRAPPED_READ = re.compile(r"(?P<code>[ก-ฮ]{2})\s*(?P<office>[0-9๐-๙]{2,5}(?:\s*\.\s*[0-9๐-๙]{1,3})*)\s*"
                           r"(?:/\s*(?P<circ>ว?)|7\s*(?P<circ7>ว))\s*$")
_THAI_LETTERS = re.compile(r"[ก-ฮ]")
_MONTH = re.compile("|".join(re.escape(m.rstrip(".")) for m in MONTHS_FULL + MONTHS_ABBR))


def wants(text: str, before: str = "") -> str | None:
    """What a header line should hold and does not: 'number' (the letter's own: none
    readable, or one whose form cannot be as printed, numbers.implausible, or a government
    serial longer than SERIAL_DIGITS, often debris or a `/` read as a digit), 'cited' (a
    cited letter's number damaged inside its line), 'date' or None.  A month and year
    under a line that ends with the day (a citation's date wrapped: `ลงวันที่ ๖` /
    `สิงหาคม ๒๕๕๒`) lack nothing; nor does a citation whose number wraps after its `/`."""
    t = strip_junk(text)
    if label_at(t, "number") is not None or re.match(r"[ก-ฮ]{2}\s*[0-9๐-๙]", t) or _DEBRIS_CODE.match(t) \
            or HEADLESS_NUMBER.match(t):
        num = find_number(t)
        if num is None or implausible(num) or (num.kind == "government" and len(num.serial) > SERIAL_DIGITS):
            return "number"
    cited = _CITED.search(t)
    if cited and find_number(t[cited.start():]) is None and not _WRAPPED.search(t):
        return "cited"
    if _MONTH.search(t) and value_of(t, "date") is None and not _DAY_AT_END.search(before):
        return "date"
    return None


def value_of(text: str, what: str) -> str | None:
    """The number (comparable form) or the date (ISO) a reading holds.  A number whose
    form cannot be as printed (numbers.implausible) is none; a cited number may also be
    the part of it before its wrap (`... ที่ ขก ๐๐๑๗.๒/ว` ending the line, its serial on
    the next: a line read alone never holds it)."""
    if what == "date":
        return next((d.iso for d in read_dates(text) if d.iso), None)
    if what == "label":
        return next((f for f in LABELLED if label_at(text, f) is not None), None)
    num = find_number(text)
    if num:
        return canonical(num.printed) if not implausible(num) else None
    m = _WRAPPED_READ.search(text.rstrip(" .,'\"|")) if what == "cited" else None
    return canonical(f"{m['code']}{m['office']}/{m['circ'] or m['circ7'] or ''}") if m else None


LABELLED = ("subject", "addressee", "references", "enclosures")  # the header's fields with a label line
# A line that starts with what cannot begin a word (a vowel after or above its letter, a
# mark), or with a label's last letters before its first item (`วย 1. แบบสำรวจ...` for
# สิ่งที่ส่งมาด้วย): OCR lost the line's start.
_CUT_START = re.compile(f"^[{NOT_A_WORD_START}]")
_LABEL_END_ITEM = re.compile(r"^[ก-ฮ][\u0e01-\u0e4e]{0,3}\s+[0-9๐-๙]\s*[.)]\s*[ก-ฮเแโใไ]")


def lost_its_label(ln: TLine, left: int, lines: list[TLine]) -> bool:
    """A header line that starts well right of the header's left edge with its start cut
    off (`าราชการจังหวัด ทุกจังหวัด` for `เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด`, the lines
    printed tight under each other), nothing read left of it: its label, where the left
    edge is, may be there.  (A piece Tesseract cut out of a line has the line left of it.)"""
    t = strip_junk(ln.text)
    middle = ln.box.top + ln.box.height / 2
    beside = any(o is not ln and o.box.left < ln.box.left and o.box.top < middle < o.box.bottom for o in lines)
    return ln.box.left - left > 2 * ln.box.height and bool(_CUT_START.match(t) or _LABEL_END_ITEM.match(t)) \
        and value_of(t, "label") is None and not HEADLESS_NUMBER.match(t) and not beside


def _digits_of(value: str | None) -> str | None:
    """A number's digits and separators: what the votes compare (the ที่ before a number is
    read into a code as often as not, `ทฑที 474/2553`; the digits are the evidence)."""
    return to_arabic_digits(re.sub(r"[^0-9๐-๙./]", "", value)) or None if value else None


def vote(readings: list[str], what: str) -> str | None:
    """The reading that holds the value most readings agree on (at least MIN_VOTES, and
    more than any other value): for a number, its digits; of the readings that agree, the
    one whose whole number most of them share (the first, on a tie); for a label, the
    line most of them read alike (the label says which field, the words are the value)."""
    values = [(value_of(r, what), r) for r in readings]
    key = _digits_of if what in ("number", "cited") else (lambda v: v)
    counts = Counter(key(v) for v, _ in values if key(v))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_VOTES or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    agreeing = [(v, r) for v, r in values if key(v) == ranked[0][0]]
    agreeing = [(r, r) for _, r in agreeing] if what == "label" else agreeing
    whole = Counter(v for v, _ in agreeing).most_common(1)[0][0]
    return next(r for v, r in agreeing if v == whole)


def column_left(page: Image.Image, lines: list[TLine]) -> int:
    """Where the header's lines start on the left (the leftmost line of the top part
    with a few Thai letters: a speck is no line).  A number's line that starts right of
    it lost its head (ที่ and the code) to OCR: its crop starts here, where they are."""
    limit = page.size[1] * HEADER_SHARE
    lefts = [ln.box.left for ln in lines if ln.box.top < limit and len(_THAI_LETTERS.findall(ln.text)) >= 3]
    return min(lefts, default=0)


def _crop(page: Image.Image, ln: TLine, left: int | None = None) -> Image.Image:
    """The line with half its height above and below; from `left` when it starts right of it."""
    box = ln.box
    pad = box.height // 2
    left = box.left if left is None else min(box.left, left)
    return page.crop((max(0, left - box.height), max(0, box.top - pad), min(page.size[0], box.right + box.height),
                      min(page.size[1], box.bottom + pad)))


class Budget:
    """How many more Tesseract readings of header crops a page may have
    (MAX_READINGS_PER_PAGE): every reading adds to the page's OCR time, which must stay
    within issue #16's 20 s however many of its lines failed; `used` says how many it took."""

    def __init__(self, readings: int = MAX_READINGS_PER_PAGE) -> None:
        self.left = readings
        self.used = 0

    def take(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        self.used += 1
        return True


def readings(crop: Image.Image, what: str, threshold: int, budget: Budget | None = None) -> list[str]:
    """The line as each reading gives it (for a block reading, its line that holds what is
    wanted, or its longest); the block readings first, the others only when no two of
    those agree; none once the page's budget is spent."""
    budget = budget or Budget()
    out: list[str] = []
    for k, (factor, psm) in enumerate(READINGS):
        if k == FAST_READINGS and vote(out, what) is not None or not budget.take():
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
        if what == "label":  # (the lines above and below have labels too: the crop's middle line is the one)
            lines = sorted(lines, key=lambda ln: abs(ln.box.top + ln.box.height / 2 - img.size[1] / 2))[:1]
        texts = [ln.text for ln in lines]
        held = [t for t in texts if value_of(t, what)]
        if texts:
            out.append(held[0] if held else max(texts, key=len))
    return out


def reread_header(page: Image.Image, lines: list[TLine], threshold: int, budget: Budget | None = None,
                  left: int | None = None) -> int:
    """Read the failed header lines again, in place, within the page's budget of readings;
    returns how many were fixed.  (A line that read well is left alone: measured on
    benchmarks/letterset, re-reading those too and counting the page's reading as one vote
    changed right numbers into wrong ones as often as the reverse, and doubled the time
    per page.)  `left`: the header's column_left, when the caller has it."""
    budget = budget or Budget()
    fixed = 0
    limit = page.size[1] * HEADER_SHARE
    left = column_left(page, lines) if left is None else left
    for k, ln in enumerate(lines):
        if ln.box.top >= limit:
            continue
        what = "label" if lost_its_label(ln, left, lines) else wants(ln.text, lines[k - 1].text if k else "")
        if not what:
            continue
        best = vote(readings(_crop(page, ln, left if what in ("number", "label") else None), what, threshold, budget),
                    what)
        if best is not None:
            ln.text = keep_date(ln.text, best) if what == "number" else best
            fixed += 1
    return fixed


def keep_date(page_read: str, reread: str) -> str:
    """The re-read number line, with the date the page read on it kept as the page read
    it (a memo's `ที่ ... วันที่ ...` row: the crop is read for its number, and its date
    comes out of it no better, often worse: `9ธ.ค1.2552`)."""
    date = next((d for d in read_dates(page_read) if d.iso), None)
    num = find_number(reread)
    if date is None or num is None or value_of(reread, "date") == date.iso:
        return reread
    label = page_read.rfind("วัน", 0, date.start)
    start = label if 0 <= label and date.start - label <= DATE_LABEL_REACH else date.start
    return f"{reread[:num.end]}{GAP}{page_read[start:]}"
