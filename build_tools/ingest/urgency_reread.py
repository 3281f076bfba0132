"""A speed class (ด่วน, ด่วนมาก, ด่วนที่สุด) stamped so close above the number's line that
Tesseract read the two as one line: the stamp is lost, or only its last letters are left
on a line of their own (`าก`), and the number's line often loses its ที่ (`มท ๐๔๐๔.๑/ว
...`, letter set seed 22 L03, L06).  When the page's header read no speed class, the left
part of the page around the number's line (with its ที่ or without) is cut out and read
again as a block, where the two lines come apart: two readings of a small crop, about
half a second a page.  The speed class is taken when both readings (at two sizes) give
it, and stands as a line of its own above the number."""
from __future__ import annotations

import re

from PIL import Image

from build_tools.common.thai import THAI_MARKS
from build_tools.ingest import tesseract
from build_tools.ingest.forms import strip_junk, urgency_at, without_lone_letter
from build_tools.ingest.numbers import HEADLESS_NUMBER
from build_tools.ingest.reread import HEADER_SHARE, Budget, column_left
from build_tools.ingest.tesseract import Box, TLine, Word

# The number's line: its code's two letters and digits, after ที่ (or what OCR left of it,
# or a speck read as a letter or a figure: forms.LONE_LETTER, `2 : ที มท ...`) or without
# it; or its office's digits and serial when the code was lost too (numbers.HEADLESS_NUMBER).
_NUMBER_LINE = re.compile(rf"^(?:[ก-ฮ][{THAI_MARKS}]*\s+)?[ก-ฮ]{{2}}\.?\s*[0-9๐-๙]")
NUMBER_COLUMN = 0.45  # of the page's width: the number stands in its left part, the office's name right
ABOVE = 1.5  # line heights above the number's line that the crop takes in
READINGS = (1.0, 1.5)  # size factors, each read as a block (psm 6): both must give the speed class


def reread_urgency(page: Image.Image, lines: list[TLine], budget: Budget | None = None,
                   left: int | None = None) -> str | None:
    """Insert the speed class stamped over the number's line into `lines` (in place),
    dropping what the page read of it (a line above the number that ends the word);
    returns the speed class, or None when there is none to read.  `left`: the header's
    column_left, when the caller has it."""
    budget = budget or Budget()
    limit = page.size[1] * HEADER_SHARE
    top = [(k, ln) for k, ln in enumerate(lines) if ln.words and ln.box.top < limit]
    if any(urgency_at(ln.text) for _, ln in top):
        return None
    at = next((k for k, ln in top
               if _NUMBER_LINE.match(t := without_lone_letter(strip_junk(ln.text))) or HEADLESS_NUMBER.match(t)), None)
    if at is None:
        return None
    number = lines[at].box
    left = column_left(page, lines) if left is None else left
    column = min(number.left, left)  # (a line that lost its head starts right of it)
    box = (max(0, column - 2 * number.height), max(0, number.top - round(ABOVE * number.height)),
           min(page.size[0], column + round(NUMBER_COLUMN * page.size[0])), number.bottom)
    crop = page.crop(box)
    found = []
    for factor in READINGS:
        if not budget.take():
            return None
        img = crop if factor == 1.0 else crop.resize((round(crop.size[0] * factor), round(crop.size[1] * factor)),
                                                     Image.LANCZOS)
        try:
            _, read = tesseract.run(img, psm=6)
        except Exception:  # noqa: BLE001  (Tesseract fails on some tiny crops: that reading is lost)
            return None
        found.append(next((u[0] for ln in read if (u := urgency_at(ln.text))), None))
    if found[0] is None or len(set(found)) > 1:
        return None
    word = found[0]
    for k in range(at - 1, -1, -1):  # what the page read of the stamp: the word's last letters
        left = strip_junk(lines[k].text)
        if lines[k].words and lines[k].box.top >= box[1] and left and word.endswith(left):
            del lines[k]
            at -= 1
    stamp = Box(column, box[1], number.height * len(word) // 2, max(1, number.top - box[1]))
    lines.insert(at, TLine(key=(0, 0, 0), words=[Word(word, stamp, 90.0)], text=word))
    return word
