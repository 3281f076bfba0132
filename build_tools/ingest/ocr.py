"""OCR of scanned pages with Tesseract's Thai model, and rendering of clean Thai text to
an image (to make test and benchmark scans whose true text is known).

A page is prepared (preprocess.py) and read by Tesseract with automatic page segmentation
(text and word boxes together), as prepared and as scanned when preparing changed it; the
reading with more Thai words is kept (`_surer_reading`), text in the header that it took for
a picture read on its own (picture_blocks.py), its Thai digits and failed header lines read
again, and its text rebuilt from the boxes (layout.py); coloured ink (receipt stamps) is
read on its own and put back as a block.

Tesseract is a system program (Debian: tesseract-ocr + tesseract-ocr-tha); everything
that only handles text works without it, and `ocr_unavailable()` says why OCR cannot run."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from build_tools.ingest import digits, layout, tesseract
from build_tools.ingest.lost_lines import with_lost_lines
from build_tools.ingest.picture_blocks import read_picture_blocks
from build_tools.ingest.preprocess import STEPS, otsu, prepare
from build_tools.ingest.reread import Budget, column_left, reread_header
from build_tools.ingest.urgency_reread import reread_urgency
from build_tools.normalization import fuzzy, lexicon

THAI_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/tlwg/Garuda.ttf",  # Debian fonts-thai-tlwg
    "/usr/share/fonts/truetype/tlwg/Loma.ttf",
    "/usr/share/fonts/truetype/tlwg/Norasi.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
)
INSTALL_HINT = "sudo apt-get install tesseract-ocr tesseract-ocr-tha"
STAMP_MIN_SHARE = 0.03  # a coloured region narrower than this share of the page is no stamp
STAMP_GRID = 8  # the colour layer is searched for regions on a grid of this many pixels


def ocr_unavailable(lang: str = "tha") -> str | None:
    """None when OCR can run; otherwise a plain sentence saying what to install."""
    exe = shutil.which("tesseract")
    if not exe:
        return f"Tesseract is not installed ({INSTALL_HINT})"
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract does not run: {exc}"
    if lang not in langs.split():
        return f"Tesseract has no '{lang}' model ({INSTALL_HINT})"
    return None


def _regions(ink) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) of the clusters of coloured ink."""
    g = STAMP_GRID
    small = ink.resize((max(1, ink.size[0] // g), max(1, ink.size[1] // g)))
    w, h = small.size
    on = {(x, y) for y in range(h) for x in range(w) if small.getpixel((x, y)) < 200}
    boxes = []
    while on:
        stack = [on.pop()]
        xs, ys = [], []
        while stack:
            x, y = stack.pop()
            xs.append(x)
            ys.append(y)
            for dx in (-2, -1, 0, 1, 2):
                for dy in (-2, -1, 0, 1, 2):
                    if (x + dx, y + dy) in on:
                        on.remove((x + dx, y + dy))
                        stack.append((x + dx, y + dy))
        if (max(xs) - min(xs)) >= STAMP_MIN_SHARE * w:
            boxes.append((min(xs) * g, min(ys) * g, (max(xs) + 1) * g, (max(ys) + 1) * g))
    return boxes


def read_stamps(ink) -> list[tuple[int, list[str]]]:
    """(top, lines) of each coloured region that reads as text (a stamp, not a scribble)."""
    out = []
    for left, top, right, bottom in _regions(ink):
        crop = ink.crop((max(0, left - 8), max(0, top - 8), right + 8, bottom + 8))
        crop = crop.resize((crop.size[0] * 2, crop.size[1] * 2))
        _, lines = tesseract.run(crop, psm=6)
        texts = [layout.clean_tokens(ln) for ln in lines if ln.conf >= 45]
        kept: list[str] = []
        for t in texts:  # a handwritten value Tesseract also read as a line of its own
            if len(fuzzy.skeleton(t)) >= 3 and not any("".join(t.split()) in "".join(k.split()) for k in kept):
                kept.append(t)
        if kept:
            out.append((top, kept))
    return out


def ocr_page(img, steps: tuple[str, ...] = STEPS, budget: Budget | None = None) -> str:
    """The text of one page image (a PIL image); `budget`: the header re-reading's
    (reread.py), whose `used` then says how many readings it took."""
    prepared = prepare(img, steps)
    page, lines, pictures = _surer_reading(prepared, img)
    lines += read_picture_blocks(page, lines, pictures)
    threshold = otsu(page)
    for ln in lines:
        if any(c in digits.THAI_DIGITS for c in ln.text):
            ln.text = digits.reread_line(page, ln, threshold)
    left = column_left(page, lines)  # (the header's left edge, before any line is read again)
    reread_header(page, lines, threshold, budget, left)
    reread_urgency(page, lines, budget, left)
    stamps = read_stamps(prepared.colour) if prepared.colour is not None else []
    return layout.page_text(lines, stamps)


def _thai_word_chars(lines) -> int:
    """How much of a reading is Thai words: the characters of its text (as the page will
    read, noise dropped) that PyThaiNLP's dictionary segments into words of two letters
    or more.  A misreading loses words (garbled pieces, single letters, dropped lines)."""
    return lexicon.word_chars(layout.page_text(lines))


def _surer_reading(prepared, original):
    """The reading of the prepared page (flattened, deskewed, scaled) or of the page as
    scanned, whichever reads as more Thai words.  Preparation that helps most pages can
    hurt a heavily damaged one (lines lost after enlarging, strokes blurred by turning),
    and the project's OCR must never read worse than plain Tesseract.  Tesseract's own
    confidence does not tell (it is as sure of a reading that lost whole lines);
    measured in docs/maintainers.md ("OCR: which reading").  Lines the kept reading lost
    and the other has are added to it (lost_lines.py).  (page, lines, the boxes the kept
    reading took for pictures)."""
    plain_page = original.convert("L")
    _, plain, plain_pictures = tesseract.run_with_pictures(plain_page)
    if not prepared.applied:  # nothing was done to the page: one reading is enough
        return plain_page, plain, plain_pictures
    _, ours, pictures = tesseract.run_with_pictures(prepared.page)
    fill = not {"deskew", "colour"} & set(prepared.applied)  # (lost_lines.py: the pages differ by scale alone)
    if _thai_word_chars(ours) > _thai_word_chars(plain):
        return prepared.page, with_lost_lines(ours, plain, prepared.factor) if fill else ours, pictures
    return plain_page, with_lost_lines(plain, ours, 1 / prepared.factor) if fill else plain, plain_pictures


def ocr_image(path: Path, lang: str = "tha") -> str:
    """Text of one page image file (PNG, JPEG, TIFF)."""
    from PIL import Image

    reason = ocr_unavailable(lang)
    if reason:
        raise RuntimeError(reason)
    with Image.open(path) as img:
        return ocr_page(img.convert("RGB"))


def thai_font() -> str:
    for candidate in THAI_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    raise RuntimeError("no Thai font found (sudo apt-get install fonts-thai-tlwg)")


def render_text_image(text: str, path: Path, font_path: str | None = None, size: int = 36,
                      width: int = 1800, margin: int = 60) -> Path:
    """Render lines of text (no wrapping: one input line, one printed line) as a white
    page with black text, the way a clean scan looks."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(font_path or thai_font(), size)
    lines = text.split("\n")
    line_height = int(size * 1.9)  # room for Thai marks above and below the line
    img = Image.new("L", (width, 2 * margin + line_height * max(1, len(lines))), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * line_height), line, font=font, fill=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return path
