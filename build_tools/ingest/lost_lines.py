"""Words one of a page's two readings lost and the other kept.

The page is read as prepared and as scanned, and the reading with more Thai words is
kept (ocr._surer_reading).  Two readings that tie on words can still differ by whole
parts of the page: Tesseract's segmentation of the enlarged page skipped a table's number
and date columns (`๒   คัดเลือกหมู่บ้านต้นแบบ   พฤศจิกายน ๒๕๕๒` read `.คัดเลือกหมู่บ้านต้นแบบ`,
letter set seed 22 L33) that the page as scanned kept.  A run of the other reading's words
that stands where the kept reading has nothing, apart from its words, is added to it as a
line of its own, its boxes moved to the kept reading's page (the two pages differ by the
preparation's scale; a page that preparation turned is left alone: its boxes would not
fall on its glyphs; so is one whose coloured ink was taken off the prepared page: the
stamps are read from that ink on their own)."""
from __future__ import annotations

import re

from build_tools.ingest import layout
from build_tools.ingest.tesseract import Box, TLine, Word

OVERLAP = 0.2  # of a word's box: this much under the kept reading's words and it is read there
MIN_CONF = 60  # a line Tesseract was less sure of is as likely dust as text
MIN_LETTERS = 3  # a shorter run is a piece of a word, not a word the kept reading lost (digits: a table's ๒)
_LETTERS = re.compile("[ก-ฮ0-9๐-๙]")


def scaled(line: TLine, factor: float) -> TLine:
    """The line with its boxes moved onto a page `factor` times the size of its own."""
    def box(b: Box) -> Box:
        return Box(round(b.left * factor), round(b.top * factor), round(b.width * factor), round(b.height * factor))

    return TLine(line.key, [Word(w.text, box(w.box), w.conf) for w in line.words], line.text)


def _covered(box: Box, boxes: list[Box]) -> bool:
    """Whether the kept reading read over OVERLAP of the box's area."""
    area = max(1, box.width * box.height)
    inside = 0
    for by in boxes:
        w = min(box.right, by.right) - max(box.left, by.left)
        h = min(box.bottom, by.bottom) - max(box.top, by.top)
        inside += max(0, w) * max(0, h)
    return inside >= OVERLAP * area


def _uncovered_runs(line: TLine, boxes: list[Box]) -> list[TLine]:
    """The runs of the line's words that stand where `boxes` read nothing, each a line of
    its own with its part of the text (a row's date column, when the kept reading has
    the row's middle: `พฤคจิกายน่๒๕๕๒`)."""
    starts = [i for i, c in enumerate(line.text) if not c.isspace()]
    owner = [k for k, w in enumerate(line.words) for _ in "".join(w.text.split())]
    if len(owner) != len(starts):  # (the text and the words disagree: the line is taken whole or not at all)
        return [] if _covered(line.box, boxes) else [line]
    # a mark or a speck (no letter, no digit) under the kept reading's box does not cut a run
    # (`[จําดับ` stays whole), nor does it make one
    letter = [bool(_LETTERS.search(w.text)) for w in line.words]
    free = [not _covered(w.box, boxes) for w in line.words]
    runs, k = [], 0
    while k < len(line.words):
        if not (free[k] and letter[k]):
            k += 1
            continue
        m = k
        while m + 1 < len(line.words) and (free[m + 1] or not letter[m + 1]):
            m += 1
        while not letter[m]:
            m -= 1
        chars = [i for i, o in zip(starts, owner) if k <= o <= m]
        if chars:
            runs.append(TLine(line.key, line.words[k:m + 1], line.text[chars[0]:chars[-1] + 1]))
        k = m + 1
    return runs


def _union(boxes: list[Box]) -> Box:
    left, top = min(b.left for b in boxes), min(b.top for b in boxes)
    return Box(left, top, max(b.right for b in boxes) - left, max(b.bottom for b in boxes) - top)


def _apart(box: Box, words: list[Box]) -> bool:
    """No word of the kept reading on the box's row stands within half a line's height of
    it: a run beside a kept word is a piece of that word the kept reading read in part
    (`เรือ` before `. ขอเชิญ...`, `อ` before `างถึง`), not something it lost."""
    gap = box.height / 2
    return not any(min(box.bottom, w.bottom) - max(box.top, w.top) > min(box.height, w.height) / 2  # (its row)
                   and w.left - gap < box.right and box.left < w.right + gap for w in words)


def with_lost_lines(kept: list[TLine], other: list[TLine], factor: float) -> list[TLine]:
    """`kept` and the runs of words of `other` (on a page 1/`factor` the size of kept's)
    that stand where `kept` read nothing, apart from its words: text of MIN_LETTERS letters
    or digits at least, not noise, and read with some confidence."""
    height = layout.text_height(kept)
    # (what the kept reading read as a picture or noise does not count: a table's column read
    # as one tall garbled line is read nowhere once the page's text is made)
    read = [ln for ln in kept if ln.words and (t := layout.clean_tokens(ln)).strip()
            and not layout.is_noise(ln, t, height)]
    words = [w.box for ln in read for w in ln.words]
    added = []
    for ln in other:
        if not ln.words or ln.conf < MIN_CONF:
            continue
        for run in _uncovered_runs(scaled(ln, factor), words):
            text = layout.clean_tokens(run)
            letters = [w.box for w in run.words if _LETTERS.search(w.text)]  # (a mark may reach over)
            if (len(_LETTERS.findall(text)) >= MIN_LETTERS or text.strip().isdigit()) \
                    and not layout.is_noise(run, text, height) and _apart(_union(letters), words):
                added.append(run)
    return kept + added
