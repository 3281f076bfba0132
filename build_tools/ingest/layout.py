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


@dataclass
class Part:
    text: str
    box: Box
    conf: float


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


def page_parts(lines: list[TLine]) -> list[Part]:
    height = text_height(lines)
    parts = []
    for ln in lines:
        text = clean_tokens(ln)
        if text.strip() and not is_noise(ln, text, height):
            parts.append(Part(text, ln.box, ln.conf))
    return parts


def _middle(box: Box) -> float:
    return box.top + box.height / 2


def rows(parts: list[Part]) -> list[list[Part]]:
    """Parts that stand side by side (their middles within each other's height) are one
    printed row; rows top to bottom, parts left to right.  Both ways: a line whose box a
    speck below it stretched down reaches the middle of the next line's first words
    (`ก.ค. 2553` under a line ending `ภายในวันที่ 31`, seed 22 L10), whose own height does
    not reach the stretched line's middle (a short part, digits without marks, reaches a
    little further: ROW_REACH)."""
    out: list[list[Part]] = []
    for p in sorted(parts, key=lambda p: _middle(p.box)):
        mid = _middle(p.box)
        if out:
            last = out[-1]
            top = min(q.box.top for q in last)
            bottom = max(q.box.bottom for q in last)
            reach = ROW_REACH * p.box.height
            if top <= mid <= bottom and any(p.box.top - reach <= _middle(q.box) <= p.box.bottom + reach for q in last) \
                    and all(q.box.right <= p.box.left or p.box.right <= q.box.left for q in last):
                last.append(p)
                continue
        out.append([p])
    return [sorted(r, key=lambda p: p.box.left) for r in out]


def page_text(lines: list[TLine], stamps: list[tuple[int, list[str]]] = ()) -> str:
    """The page as text: one printed row a line, its parts separated by a wide gap; each
    stamp's lines as one block before the first row below the stamp's top."""
    grid = rows(page_parts(lines))
    out: list[str] = []
    pending = sorted(stamps)
    for row in grid:
        top = min(p.box.top for p in row)
        while pending and pending[0][0] <= top:
            out += pending.pop(0)[1]
        out.append(GAP.join(p.text.strip() for p in row))
    for _, block in pending:
        out += block
    return "\n".join(out)
