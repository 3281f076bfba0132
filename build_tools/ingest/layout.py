"""The page's text from Tesseract's lines and their boxes: what is not text is dropped
(the emblem's shapes, tone marks read as a line of their own, speckles read as
punctuation), lines that stand side by side are one printed row (ที่ ... on the left, the
issuing office on the right, a wide gap between), rows go top to bottom, and the receipt
stamps read from the coloured ink come in as one block where the stamp stands."""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from build_tools.ingest.tesseract import Box, TLine
from build_tools.normalization import fuzzy

GAP = "     "  # what stands for a wide gap between two parts of a printed row
PUNCT_ONLY = re.compile(r"^[\W_]+$")
TALL = 2.4  # a "line" this many times taller than the text is a picture (the emblem, a seal)
TEXT_LETTERS = 12  # a picture's outline reads as a few letters; a line of text as more
ROW_REACH = 0.25  # of a part's height: how far past it the middle of a part beside it may stand
# Parts of a row closer than this (of the text's height) are one run of words that Tesseract
# cut into lines (`รียน ผู้`, `ว่`, `าราชการจังหวัด...`, 3 and 8 pixels apart at a height of 19):
# a space, not a wide gap, between them (the columns of a row stand many heights apart).
NEAR_PARTS = 1.0
# A page askew less than preprocess.MIN_SKEW_DEG is not turned, and its lines slope: below
# this slope (0.3 degrees) the page is taken as level and rows are told as on a straight page.
LEVEL_SLOPE = 0.005
SLOPE_WORDS, SLOPE_LENGTH = 8, 10  # a line tells the slope with this many words, this many text heights long
ROW_LEVEL = 0.5  # of the lower part's height: how far two parts' middles may stand apart, the slope allowed for


@dataclass
class Part:
    text: str
    box: Box
    conf: float
    slope: float | None = None  # pixels down per pixel right, from its words (a long line's only: line_slope)


def _char_confs(line: TLine) -> list[float]:
    out = []
    for w in line.words:
        out += [w.conf] * len("".join(w.text.split()))
    return out


def clean_tokens(line: TLine) -> str:
    """The line's text without the speckles Tesseract read as punctuation: a token that is
    only punctuation or marks, read with low confidence."""
    confs = _char_confs(line)
    out, k = [], 0
    for token in re.split(r"(\s+)", line.text):
        if not token or token.isspace():
            out.append(token)
            continue
        conf = min(confs[k:k + len(token)] or [100.0])
        k += len(token)
        junk = ((PUNCT_ONLY.match(token) or not fuzzy.skeleton(token)) and conf < 75) or set(token) <= set("|[]{}")
        out.append("" if junk else token)
    return re.sub(r"[ \t]+$", "", re.sub(r"^\s+", "", "".join(out)))


def text_height(lines: list[TLine]) -> float:
    """The median height of the boxes of the words that hold letters."""
    heights = [w.box.height for ln in lines for w in ln.words if fuzzy.skeleton(w.text)]
    return statistics.median(heights) if heights else 20.0


def is_noise(line: TLine, text: str, height: float) -> bool:
    """Not text: a picture's outline, a row of marks, a scribble read as letters."""
    box = line.box
    skel = fuzzy.skeleton(text)
    if box.height > TALL * height * 1.6 and line.conf < 70 and len(skel) < TEXT_LETTERS:
        return True  # (a damaged line of text, a stain across it, reads as many letters: kept)
    if len(skel) <= 2 and (box.height < 0.7 * height or line.conf < 60):
        return True
    tokens = text.split()
    if line.conf < 65 and len(tokens) >= 3 and len(skel) <= 1.6 * len(tokens):
        return True  # marks and dust read as a row of single letters, wide apart
    return len(skel) <= 6 and line.conf < 35


def page_parts(lines: list[TLine], height: float) -> list[Part]:
    """The lines that are text (`height`: text_height of the page's lines), with their slopes."""
    parts = []
    for ln in lines:
        text = clean_tokens(ln)
        if text.strip() and not is_noise(ln, text, height):
            parts.append(Part(text, ln.box, ln.conf, line_slope(ln, height)))
    return parts


def line_slope(line: TLine, height: float) -> float | None:
    """The line's slope, fitted (least squares) through its words' middles: Tesseract boxes a
    Thai line's characters one by one, and a mark above or below one moves its middle, so
    only a line of many words, long against the text's height, tells the page's slope."""
    words = [w.box for w in line.words if fuzzy.skeleton(w.text)]  # (a speck's box is no word's)
    if len(words) < SLOPE_WORDS or words[-1].right - words[0].left < SLOPE_LENGTH * height:
        return None
    xs = [b.left + b.width / 2 for b in words]
    ys = [_middle(b) for b in words]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def page_slope(parts: list[Part]) -> float:
    """The median slope of the page's long lines (0 when it has none)."""
    slopes = [p.slope for p in parts if p.slope is not None]
    return statistics.median(slopes) if slopes else 0.0


def _middle(box: Box) -> float:
    return box.top + box.height / 2


def _level(q: Part, p: Part, slope: float) -> bool:
    """Are the middles of `q` and `p` level once the page's slope is allowed for?  On a page
    askew a paragraph's short last line (`แกนหลัก`, at the left margin) reaches, as whole
    lines' boxes, the next line's (`3) จัดเวที...`, indented), whose left end stands a line
    above it; its middle, at its centre, stands level with the short line's."""
    dx = (p.box.left + p.box.width / 2) - (q.box.left + q.box.width / 2)
    return abs(_middle(p.box) - _middle(q.box) - slope * dx) <= ROW_LEVEL * min(p.box.height, q.box.height)


def _gap(q: Part, p: Part) -> int:
    return max(p.box.left - q.box.right, q.box.left - p.box.right)


def rows(parts: list[Part]) -> list[list[Part]]:
    """Parts that stand side by side (their middles within each other's height) are one
    printed row; rows top to bottom, parts left to right.  Both ways: a line whose box a
    speck below it stretched down reaches the middle of the next line's first words
    (`ก.ค. 2553` under a line ending `ภายในวันที่ 31`, seed 22 L10), whose own height does
    not reach the stretched line's middle (a short part, digits without marks, reaches a
    little further: ROW_REACH); on a page askew, their middles stand level once its slope
    is allowed for (_level)."""
    slope = page_slope(parts)
    askew = abs(slope) >= LEVEL_SLOPE
    out: list[list[Part]] = []
    for p in sorted(parts, key=lambda p: _middle(p.box)):
        mid = _middle(p.box)
        if out:
            last = out[-1]
            top = min(q.box.top for q in last)
            bottom = max(q.box.bottom for q in last)
            reach = ROW_REACH * p.box.height
            if top <= mid <= bottom and any(p.box.top - reach <= _middle(q.box) <= p.box.bottom + reach for q in last) \
                    and all(q.box.right <= p.box.left or p.box.right <= q.box.left for q in last) \
                    and (not askew or _level(min(last, key=lambda q: _gap(q, p)), p, slope)):
                last.append(p)
                continue
        out.append([p])
    return [sorted(r, key=lambda p: p.box.left) for r in out]


def page_text(lines: list[TLine], stamps: list[tuple[int, list[str]]] = ()) -> str:
    """The page as text: one printed row a line, its parts separated by a wide gap; each
    stamp's lines as one block before the first row below the stamp's top."""
    height = text_height(lines)
    grid = rows(page_parts(lines, height))
    out: list[str] = []
    pending = sorted(stamps)
    for row in grid:
        top = min(p.box.top for p in row)
        while pending and pending[0][0] <= top:
            out += pending.pop(0)[1]
        text = row[0].text.strip()
        for q, p in zip(row, row[1:]):
            text += (" " if p.box.left - q.box.right < NEAR_PARTS * height else GAP) + p.text.strip()
        out.append(text)
    for _, block in pending:
        out += block
    return "\n".join(out)
