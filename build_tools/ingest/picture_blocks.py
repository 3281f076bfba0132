"""Text in the header that Tesseract's page layout took for a picture, read on its own.

Tesseract's automatic page segmentation may put the emblem and the lines beside or below
it into one picture block, and then reads none of them: the speed class and the number
printed tight above each other left of the emblem (seed 42 L03: block (242, 114, 706 x 311)
with one empty word, `ด่วนมาก` and `ที่ มท ๐๔๐๔.๒/ว ๒๖๓๐` in it, neither read by either
reading of the page).  Such a block in the header is cut from the page and read as one
block of text (--psm 6); its lines that read as text (a letter number, a speed class, a
date, or Thai words: not the emblem's strokes read as specks) join the page's lines, where
no line of the page stands already and what they say is not read already (a receipt stamp
inside the block, read with the page: seeds 40 L02, 42 L17, 44 L09)."""
from __future__ import annotations

from build_tools.ingest import tesseract
from build_tools.ingest.dates import read_dates
from build_tools.ingest.forms import urgency_at
from build_tools.ingest.numbers import find_number
from build_tools.ingest.reread import HEADER_SHARE
from build_tools.ingest.tesseract import Box, TLine, Word
from build_tools.normalization import lexicon

MAX_BLOCKS = 2  # picture blocks read per page (the emblem's, and one more)
MIN_HEIGHT = 40  # pixels: a smaller empty block is a speck, no picture with lines in it
PAD = 10  # pixels around the block's crop
MIN_WORD_CHARS = 8  # a line kept for its words has this many characters of dictionary words


def header_pictures(pictures: list[Box], height: int) -> list[Box]:
    """The picture blocks (tesseract.run_with_pictures) in the header, big enough to hold lines."""
    out = [b for b in pictures if b.top < HEADER_SHARE * height and b.height >= MIN_HEIGHT]
    return sorted(out, key=lambda b: b.top)[:MAX_BLOCKS]


def read_picture_blocks(page, lines: list[TLine], pictures: list[Box]) -> list[TLine]:
    """The text lines found in the page's header picture blocks (`pictures`: the reading's),
    their boxes on the page; none where a line of `lines` stands."""
    found: list[TLine] = []
    for box in header_pictures(pictures, page.height):
        left, top = max(0, box.left - PAD), max(0, box.top - PAD)
        crop = page.crop((left, top, min(page.width, box.right + PAD), min(page.height, box.bottom + PAD)))
        _, read = tesseract.run(crop, psm=6)
        for ln in read:
            if not ln.text.strip() or not _reads_as_text(ln.text) or _read_already(ln.text, lines):
                continue
            moved = TLine(("picture", *ln.key), [Word(w.text, Box(w.box.left + left, w.box.top + top, w.box.width,
                                                                  w.box.height), w.conf) for w in ln.words], ln.text)
            if not any(_overlap(moved.box, other.box) for other in lines if other.text.strip()):
                found.append(moved)
    return found


def _reads_as_text(text: str) -> bool:
    """A letter number, a speed class, a date, or a few Thai dictionary words (not the
    emblem's strokes read as specks, nor a stamp's label read on its own: `เลขรับ`)."""
    if find_number(text) is not None or urgency_at(text) or read_dates(text):
        return True
    return lexicon.word_chars(text) >= MIN_WORD_CHARS


def _read_already(text: str, lines: list[TLine]) -> bool:
    """Every run of Thai letters of `text` is in one line the page read (a receipt stamp
    beside the emblem, read with the page and again inside the picture block)."""
    runs = [r for r in lexicon.THAI_RUN.findall(text) if len(r) >= 3]
    return any(all(r in "".join(ln.text.split()) for r in runs) for ln in lines) if runs else False


def _overlap(a: Box, b: Box) -> bool:
    """More than half of the smaller box is inside the other."""
    w = min(a.right, b.right) - max(a.left, b.left)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    return w > 0 and h > 0 and w * h > 0.5 * min(a.width * a.height, b.width * b.height)
