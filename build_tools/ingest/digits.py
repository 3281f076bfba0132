"""Thai digits read again, glyph by glyph.

Tesseract's Thai model (Debian's tesseract-ocr-tha) reads ๔ ๖ ๗ ๘ ๙ as ๕ ๒ ๓ ๕ ๕ more often
than not, so letter numbers and dates printed in Thai digits come out wrong.  Every run
of Thai digits Tesseract reports is cut from the page into its glyphs (connected blobs of
ink) and each glyph is matched against the ten Thai digits drawn in the Thai fonts
installed on the machine (fonts-thai-tlwg: the TH Sarabun look-alike Laksaman, Garuda,
Norasi, ...); a glyph that matches one digit clearly better than any other is that
digit.  When the glyphs cannot be told apart (a broken or merged blob, no clear match),
Tesseract's reading stays.

SIAM_YIM_DIGIT_FONTS_EXCLUDE (comma-separated font families) leaves fonts out of the
templates: the benchmark reads each scan without the font it was printed in, so the
figures it reports hold for fonts the templates have never seen."""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageStat

from build_tools.ingest.tesseract import TLine

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
FONT_DIRS = ("/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto")
CELL = (24, 32)  # a glyph is compared at this size (width, height)
# The best digit's distance must be below this share of the next other digit's; less sure
# when it is not a digit Tesseract confuses with the one it read: on seeds 27 and 28 (fonts
# left out of the templates) such changes at a share over 0.5 were wrong 44 times, right 9
# (Garuda's ๑ matched other fonts' ๘ 22 times, never rightly).
MARGIN = 0.85
MARGIN_UNRELATED = 0.5
# A run of Thai digits, with the letters glued inside it or to its end, whose glyphs may
# show them to be digits Tesseract read as letters (`๕๓๓ณ`: ๙ read as ณ, seed 22 L27;
# `๑อด๕`: ๖ and ๑ read as อ and ด, seed 23 L05).
_RUN = re.compile(f"([{THAI_DIGITS}]+(?:[ก-ฮ]{{1,2}}[{THAI_DIGITS}]+)*)([ก-ฮ](?![\u0e01-\u0e59]))?")
_LETTER = re.compile("[ก-ฮ]")
# What Tesseract's Thai model writes for a digit it misreads (its reading -> the printed digits);
# ๙ read as ๓, ๖ as ๐ and ๗ as ๕ measured on seeds 16-29 (checks.CONFUSED_DIGITS), and their
# glyph readings right 8, 9 and 6 times of 8, 9 and 7 on seeds 27 and 28.
TESSERACT_CONFUSES = {"๕": "๔๘๙๖๗", "๒": "๖", "๓": "๗๘๙", "๑": "๗๖", "๐": "๘๖"}
BELOW_BASELINE = 0.06  # of a digit's height: how far a digit's ink may reach below the run's baseline
SPECK = 0.3  # a blob less tall than this share of the tallest is a speck (no help to find the baseline)
GLYPH = 0.55  # a blob less tall than this share of a run's digits is a mark, a speck or a piece of a glyph
TOUCHING = 1.6  # a blob this many times wider than the run's other glyphs is two of them touching
# No Thai digit is wider than this share of its height (the templates' widest, ๘ and ๓: 1.38):
# a wider blob is digits touching (a damaged year `๒๕๕๒` as one blob read as ๙, 18 times on
# seeds 27 and 28).
ONE_DIGIT_ASPECT = 1.5


def _normalize(glyph: Image.Image) -> Image.Image | None:
    """Ink (255) on black, cropped and scaled into CELL keeping its shape."""
    box = glyph.getbbox()
    if box is None:
        return None
    ink = glyph.crop(box)
    w, h = ink.size
    scale = min(CELL[0] / w, CELL[1] / h)
    ink = ink.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.BILINEAR)
    cell = Image.new("L", CELL, 0)
    cell.paste(ink.point(lambda v: 255 if v > 100 else 0), ((CELL[0] - ink.size[0]) // 2, (CELL[1] - ink.size[1]) // 2))
    return cell


def _grown(cell: Image.Image) -> Image.Image:
    return cell.filter(ImageFilter.MaxFilter(3))


def distance(a: Image.Image, a_grown: Image.Image, b: Image.Image, b_grown: Image.Image) -> float:
    """How much of each shape's ink lies off the other's (each grown by a pixel, so a
    thinner or bolder stroke of the same shape costs little)."""
    return (ImageStat.Stat(ImageChops.subtract(a, b_grown)).mean[0]
            + ImageStat.Stat(ImageChops.subtract(b, a_grown)).mean[0])


def _font_files() -> list[Path]:
    skip = {s.strip().lower() for s in os.environ.get("SIAM_YIM_DIGIT_FONTS_EXCLUDE", "").split(",") if s.strip()}
    files = []
    for d in FONT_DIRS:
        for f in sorted(Path(d).glob("*.[ot]tf")) if Path(d).is_dir() else []:
            family = f.stem.split("-")[0].lower()
            if family in skip or "oblique" in f.stem.lower() or "italic" in f.stem.lower():
                continue
            if "noto" in family and "thai" not in family:
                continue
            files.append(f)
    return files


SIZES = (22, 30, 40, 56)  # template heights (pixels of a digit's body): stroke weight follows size


@functools.lru_cache(maxsize=8)
def templates(exclude: str = "", height: int = 40) -> list[tuple[str, Image.Image, Image.Image, float]]:
    """(digit, normalized glyph, aspect ratio) for every Thai digit in every installed Thai
    font, drawn so that the digit ๐ stands `height` pixels tall."""
    out = []
    for path in _font_files():
        probe = ImageFont.truetype(str(path), 100)
        box = probe.getbbox("๐")
        size = max(8, round(100 * height / max(1, box[3] - box[1])))
        font = ImageFont.truetype(str(path), size)
        for d in THAI_DIGITS:
            img = Image.new("L", (size * 2, size * 2), 0)
            ImageDraw.Draw(img).text((size // 4, size // 4), d, font=font, fill=255)
            ink = img.point(lambda v: 255 if v > 127 else 0)
            box = ink.getbbox()
            cell = _normalize(ink)
            if cell is not None and box:
                out.append((d, cell, _grown(cell), (box[2] - box[0]) / max(1, box[3] - box[1])))
    return out


def classify(glyph: Image.Image, body: int | None = None, read: str | None = None) -> str | None:
    """The Thai digit a glyph (ink 255 on 0) is, or None when no digit fits clearly.
    `body`: the height of a digit's body on this line (pixels), for the template size;
    `read`: what Tesseract read there (a digit it confuses with it needs less margin)."""
    cell = _normalize(glyph)
    box = glyph.getbbox()
    if cell is None or box is None:
        return None
    grown = _grown(cell)
    aspect = (box[2] - box[0]) / max(1, box[3] - box[1])
    height = min(SIZES, key=lambda s: abs(s - (body or box[3] - box[1])))
    best: dict[str, float] = {}
    for d, tmpl, tmpl_grown, t_aspect in templates(os.environ.get("SIAM_YIM_DIGIT_FONTS_EXCLUDE", ""), height):
        dist = distance(cell, grown, tmpl, tmpl_grown) * (1 + 0.5 * abs(aspect - t_aspect))
        best[d] = min(best.get(d, dist), dist)
    (first, d1), (_, d2) = sorted(best.items(), key=lambda kv: kv[1])[:2]
    related = read is None or first == read or first in TESSERACT_CONFUSES.get(read, "")
    return first if d1 <= (MARGIN if related else MARGIN_UNRELATED) * d2 else None


def _components(ink: Image.Image, merge: bool = True) -> list[tuple[int, int, int, int]]:
    """Boxes of the blobs of ink, left to right; with `merge`, blobs that overlap across
    are one glyph (a stroke broken by a faint scan)."""
    w, h = ink.size
    px = ink.load()
    seen: set[tuple[int, int]] = set()
    boxes = []
    for x0 in range(w):
        for y0 in range(h):
            if px[x0, y0] == 0 or (x0, y0) in seen:
                continue
            stack, xs, ys = [(x0, y0)], [], []
            seen.add((x0, y0))
            while stack:
                x, y = stack.pop()
                xs.append(x)
                ys.append(y)
                for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                    if 0 <= nx < w and 0 <= ny < h and px[nx, ny] and (nx, ny) not in seen:
                        seen.add((nx, ny))
                        stack.append((nx, ny))
            if len(xs) >= 6:
                boxes.append((min(xs), min(ys), max(xs) + 1, max(ys) + 1))
    boxes.sort()
    merged: list[list[int]] = []
    for b in boxes:
        if merge and merged and b[0] < merged[-1][2] - 1:
            m = merged[-1]
            merged[-1] = [min(m[0], b[0]), min(m[1], b[1]), max(m[2], b[2]), max(m[3], b[3])]
        else:
            merged.append(list(b))
    return [tuple(m) for m in merged]


def _char_boxes(line: TLine) -> list:
    """The box of each non-space character of the line's text (that of its TSV word)."""
    boxes = []
    for w in line.words:
        boxes += [w.box] * len("".join(w.text.split()))
    return boxes


def _run_box(boxes: list, start: int, end: int) -> tuple[int, int, int, int]:
    """The box of the run of characters start..end: their words' boxes, ending where the
    line's next word begins.  Tesseract sometimes boxes a word over the words after it
    (`๐๕๑๘.` boxed across `๔/๓๖๘๒`, letter set seed 22 L13, L05): the digits' window then
    slid onto the next word's digit and every digit of the run took its neighbour's
    reading (`๐๕๑๘.๔` read `๕๑๘๔.๔`)."""
    run = boxes[start:end]
    left, right = min(b.left for b in run), max(b.right for b in run)
    after = [b.left for b in boxes[end:] if b.left > left and b not in run]
    if after:
        right = min(right, max(min(after), left + 1))
    return (left, min(b.top for b in run), right, max(b.bottom for b in run))


def _glyphs(page: Image.Image, box: tuple[int, int, int, int], n: int, threshold: int, merge: bool = True):
    """The n glyphs (crops, ink 255) of a run of n digits whose box Tesseract reported."""
    found = _glyph_boxes(page, box, n, threshold, merge)
    return [crop.crop(b) for crop, b in found] if found else None


def _glyph_boxes(page: Image.Image, box: tuple[int, int, int, int], n: int, threshold: int, merge: bool = True):
    """(crop, box in it) of the n glyphs of a run of n digits whose box Tesseract reported
    (approximately): the blobs around it, small specks and marks left out, the n
    consecutive blobs that sit best inside the box."""
    left, top, right, bottom = box
    pad = (bottom - top) // 2
    area = (max(0, left - pad), max(0, top - pad // 2), min(page.size[0], right + pad),
            min(page.size[1], bottom + pad // 2))
    crop = page.crop(area).point(lambda v: 255 if v <= threshold else 0)
    blobs = _components(crop, merge)
    if not blobs:
        return None
    blobs = _clipped(blobs)
    # marks and specks are less tall than the run's digits; the n-th tallest blob is one of
    # them (the tallest can be a letter or `/` beside the run, and ๐, the shortest digit,
    # then went as a mark: `มท ๐๔๐๔.๑` read `๔๔๑๕`, letter set L19)
    nth_tallest = sorted((b[3] - b[1] for b in blobs), reverse=True)[min(n, len(blobs)) - 1]
    blobs = [b for b in blobs if b[3] - b[1] >= GLYPH * nth_tallest]
    if len(blobs) < n:
        return None
    inner = (left - area[0], right - area[0])

    def inside(window):
        return sum(max(0, min(b[2], inner[1]) - max(b[0], inner[0])) for b in window)

    best = max((blobs[i:i + n] for i in range(len(blobs) - n + 1)), key=inside)
    heights = [b[3] - b[1] for b in best]
    if min(heights) < GLYPH * max(heights):  # pieces of broken glyphs, or a window that slipped onto them
        return None
    return [(crop, b) for b in best]


def _clipped(blobs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Thai digits stand on the baseline (๒ ๔ ๕ ๖ ๗ rise above the others, none goes below):
    ink of a blob that goes on below the baseline is a speck or a mark of the next line
    joined to the digit, and is cut off.  The baseline: the lower median of the bottoms of
    the blobs that are no specks."""
    tallest = max(b[3] - b[1] for b in blobs)
    sizable = [b for b in blobs if b[3] - b[1] >= SPECK * tallest]
    bottoms = sorted(b[3] for b in sizable)
    heights = sorted(b[3] - b[1] for b in sizable)
    baseline = bottoms[(len(bottoms) - 1) // 2]  # a joined blob only reaches lower
    limit = baseline + max(1, round(BELOW_BASELINE * heights[(len(heights) - 1) // 2]))
    return [b if b[3] <= limit or b not in sizable else (b[0], b[1], b[2], limit) for b in blobs]


def reread_line(page: Image.Image, line: TLine, threshold: int) -> str:
    """The line's text with each run of Thai digits read again from the page."""
    boxes = _char_boxes(line)
    text = line.text
    if len(boxes) != len("".join(text.split())):
        return text
    changes = []
    for m in _RUN.finditer(text):
        start = len("".join(text[: m.start()].split()))
        run, tail = m.group(1), m.group(2) or ""
        # (a run read as more or fewer digits than it has glyphs: only one of digits alone,
        # and of two or more: a lone digit "recounted" took in a speck or the letter before it
        # (`๕` as `๕๑`, `๐` as `๐๕`: 19 times on seeds 27 and 28, rightly once))
        recounted = len(run) > 1 and not _LETTER.search(run) and (_fewer_glyphs(page, line, start, run, threshold)
                                                 or _digit_lost(page, line, start, run, threshold))
        if recounted:
            changes.append((m.start(), m.start() + len(run), recounted))
            continue
        box = _run_box(boxes, start, start + len(run) + len(tail))
        read = _read_run(page, box, run + tail, threshold) if tail else None
        if not read:  # (with its letter or without)
            tail = ""
            read = _read_run(page, _run_box(boxes, start, start + len(run)), run, threshold)
        if read:
            digits_read = "".join(r or c for r, c in zip(read, run))
            tail_read = (read[-1] or tail) if tail else ""
            changes.append((m.start(), m.start() + len(run) + len(tail), digits_read + tail_read))
    for s, e, new in reversed(changes):
        text = text[:s] + new + text[e:]
    return text


def _char_spans(line: TLine) -> list[tuple[float, float]]:
    """The x-extent of each non-space character of the line's text: its word's box cut
    evenly among the word's characters (Tesseract boxes words, not characters)."""
    spans = []
    for w in line.words:
        n = len("".join(w.text.split()))
        spans += [(w.box.left + w.box.width * i / n, w.box.left + w.box.width * (i + 1) / n) for i in range(n)]
    return spans


def _fewer_glyphs(page: Image.Image, line: TLine, start: int, run: str, threshold: int) -> str | None:
    """A run Tesseract read as more digits than the page has glyphs there, read glyph by
    glyph: it cut one glyph into two readings (`๒๒๖/` read `๒๒๒๒๑/`, `๓๘๘๖` read
    `๓๕๕๐๒`: benchmarks/letterset L28, L09).  None unless every digit read stands on a
    glyph, every glyph within the run has a digit on it, there are fewer glyphs than
    digits, and each glyph is clearly a digit (no hint from the reading: it split them)."""
    own = _char_spans(line)[start:start + len(run)]
    left = max(0, int(own[0][0]) - line.box.height // 2)
    right = min(page.size[0], int(own[-1][1]) + line.box.height // 2)
    crop, blobs = _line_blobs(page, line, left, right, threshold, SPECK)
    if not blobs:
        return None

    def overlap(span, b):
        return min(span[1] - left, b[2]) - max(span[0] - left, b[0])

    hit = [max(blobs, key=lambda b: overlap(span, b)) for span in own]
    if any(overlap(span, b) <= 0 for span, b in zip(own, hit)):
        return None
    glyphs = sorted(set(hit))
    within = {b for b in blobs if own[0][0] - left <= (b[0] + b[2]) / 2 <= own[-1][1] - left}
    if len(glyphs) >= len(run) or within - set(glyphs):
        return None
    widths = sorted(b[2] - b[0] for b in glyphs)
    if widths[-1] > TOUCHING * widths[len(widths) // 2]:
        return None  # two glyphs touching, one blob (`๐๔๑๐` read `๐๘๐`, seed 23 L21): not one glyph cut in two
    return _read_glyphs(crop, glyphs)


def _line_blobs(page: Image.Image, line: TLine, left: int, right: int, threshold: int, share: float):
    """(the crop of the line's height from left to right, its blobs below the baseline cut
    off, those less tall than `share` of the tallest left out)."""
    crop = page.crop((left, line.box.top, right, line.box.bottom)).point(lambda v: 255 if v <= threshold else 0)
    blobs = _components(crop)
    if not blobs:
        return crop, []
    blobs = _clipped(blobs)
    tallest = max(b[3] - b[1] for b in blobs)
    return crop, [b for b in blobs if b[3] - b[1] >= share * tallest]


def _read_glyphs(crop: Image.Image, glyphs: list) -> str | None:
    """Each glyph's digit, at the template size of their median height; None unless every
    one is clearly a digit (and no wider than one: ONE_DIGIT_ASPECT)."""
    if any(b[2] - b[0] > ONE_DIGIT_ASPECT * (b[3] - b[1]) for b in glyphs):
        return None
    heights = sorted(b[3] - b[1] for b in glyphs)
    read = [classify(crop.crop(b), heights[len(heights) // 2]) for b in glyphs]
    return "".join(read) if None not in read else None


def _digit_lost(page: Image.Image, line: TLine, start: int, run: str, threshold: int) -> str | None:
    """A run Tesseract read as one digit fewer than the page has glyphs there, read glyph
    by glyph: it boxed two glyphs as one character (`ว ๑๖๓๗` read `ว ๑๒๓`, its last box
    over ๓ and ๗: seed 22 L25).  The glyphs counted are those whose middle stands after
    the character before the run and within the run's last character.  None unless there
    is exactly one glyph more than digits read, and each glyph is clearly a digit (no hint
    from the reading: it lost one)."""
    spans = _char_spans(line)
    own = spans[start:start + len(run)]
    if not own:
        return None
    before = spans[start - 1][1] if start else own[0][0] - line.box.height
    lb = line.box
    end = min(own[-1][1], _run_box(_char_boxes(line), start, start + len(run))[2])  # (not into the next word)
    left, right = max(0, int(before)), min(page.size[0], int(end) + lb.height // 4)
    if right - left < lb.height // 2:
        return None
    crop, blobs = _line_blobs(page, line, left, right, threshold, GLYPH)
    glyphs = [b for b in blobs if before - left < (b[0] + b[2]) / 2 <= end - left]
    if len(glyphs) != len(run) + 1:
        return None
    return _read_glyphs(crop, glyphs)


def _classified(glyphs, run: str) -> list[str | None]:
    body = sorted(g.getbbox()[3] - g.getbbox()[1] for g in glyphs if g.getbbox())
    return [classify(g, body[len(body) // 2] if body else None, c) for g, c in zip(glyphs, run)]


def _read_run(page: Image.Image, box, run: str, threshold: int) -> list[str | None] | None:
    """Each digit of a run as read from its glyph (None: no clear match).  Where a glyph
    made of blobs that overlap across matches no digit, the one blob of it that is a
    glyph of the run read apart is read instead: the tail of ๔ reaches under the `/`
    after it, and as one glyph with it the digit matched no template (benchmarks/
    letterset L17, `ชม ๐๐๑๙.๔/๒๕๐`); a glyph broken by a faint scan that matched stays
    as it was read (L23, Norasi's ๙)."""
    joined = _glyph_boxes(page, box, len(run), threshold)
    if not joined:
        return None
    read = _classified([c.crop(b) for c, b in joined], run)
    apart = _glyph_boxes(page, box, len(run), threshold, merge=False) if None in read else None
    for i, (_, b) in enumerate(joined):
        pieces = [(c, p) for c, p in apart or [] if b[0] <= p[0] and p[2] <= b[2]] if read[i] is None else []
        if len(pieces) == 1:
            read[i] = _classified([pieces[0][0].crop(pieces[0][1])], run[i])[0]
    return read
