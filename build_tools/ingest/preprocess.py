"""Page images made easier for Tesseract, with Pillow only.  Each step is a named function
that decides from the page whether it is needed, so an ordinary scan passes through
unchanged; benchmarks/ingest_eval.py --steps measures what each one buys in CER.

Measured on the generated letters (docs/maintainers.md, "ผลการวัด"): applied to every page
that showed a little of their symptom, each step made Tesseract's Thai model read worse,
not better (it follows slightly askew lines, grey paper and 200 dpi print well; turning,
evening or enlarging the page blurs the thin strokes of Thai marks).  So each step acts
only on a page far outside that range (the thresholds below); `colour` is not in the
default steps (reading a stamp apart read its handwriting worse than in place).

colour    coloured ink (receipt stamps, seals, a blue signature) is taken off the page and
          kept apart: stamps are read on their own (ocr.py), the page's black text no
          longer runs into them
flatten   uneven paper and light (a page not flat on the glass) evened out
despeckle dust and speckles removed (Tesseract reads them as . , ' :) when the page has many
deskew    a page scanned askew turned straight (projection profiles)
scale     small print enlarged to the size Tesseract reads best"""
from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageChops, ImageFilter, ImageOps

ALL_STEPS = ("colour", "flatten", "despeckle", "deskew", "scale")
STEPS = ("flatten", "despeckle", "deskew", "scale")  # the default
SATURATED = 70  # HSV saturation above which a pixel is coloured ink
DARK_INK = 230  # ... and below this value (not paper)
SPECKLE_SHARE = 0.012  # isolated dark pixels per dark pixel above which the page is despeckled
# Grey levels of difference in the paper's brightness across the page above which it is
# evened out.  Paper that varies by 40-45 levels (a shadow at one side) already lost lines
# (benchmarks/letterset: L15 page 2 lost its signature block at 45); even pages vary by
# 14-31.  A flattened page that reads worse is not kept (ocr._surer_reading).
UNEVEN_PAPER = 40
TARGET_PITCH = 56  # line pitch (pixels) small print is enlarged to
SMALL_PITCH = 34  # ... when its lines are closer than this (a scan of about 120 dpi or less)
MIN_PITCH = 24  # no Thai line of print is closer (shorter periods are marks, not lines)
# Tesseract follows a slightly askew line itself, and turning the page blurs thin strokes:
# measured on benchmarks/letterset (ingest_eval.py --steps), turning pages askew by up to
# 2.5 degrees made the OCR worse; only a page further askew is turned.
MIN_SKEW_DEG = 3.0
MAX_SKEW_DEG = 8.0  # the search range; a best angle at its edge is no estimate (see skew_angle)


@dataclass
class Prepared:
    page: Image.Image  # greyscale, ready for Tesseract
    colour: Image.Image | None = None  # the coloured ink alone (dark on white), same geometry
    applied: list[str] = field(default_factory=list)
    angle: float = 0.0
    factor: float = 1.0


def colour_split(img: Image.Image) -> tuple[Image.Image, Image.Image | None]:
    """(the page without coloured ink, the coloured ink alone) in greyscale."""
    grey = img.convert("L")
    if img.mode not in ("RGB", "RGBA", "P"):
        return grey, None
    _, sat, val = img.convert("RGB").convert("HSV").split()
    mask = ImageChops.multiply(sat.point(lambda v: 255 if v > SATURATED else 0),
                               val.point(lambda v: 255 if v < DARK_INK else 0)).filter(ImageFilter.MaxFilter(3))
    if mask.histogram()[255] < 200:
        return grey, None
    page = grey.copy()
    page.paste(255, mask=mask)
    ink = Image.new("L", grey.size, 255)
    ink.paste(grey.point(lambda v: max(0, v - 60)), mask=mask)
    return page, ink


def flatten(grey: Image.Image) -> Image.Image | None:
    """Paper brought to white where its brightness varies across the page (None: even)."""
    small = grey.resize((max(1, grey.size[0] // 16), max(1, grey.size[1] // 16)), Image.BOX)
    paper = small.filter(ImageFilter.MaxFilter(5))
    lo, hi = paper.getextrema()
    if hi - lo < UNEVEN_PAPER:
        return None
    background = paper.filter(ImageFilter.GaussianBlur(2)).resize(grey.size, Image.BILINEAR)
    return ImageOps.invert(ImageChops.subtract(background, grey))


def otsu(grey: Image.Image) -> int:
    hist = grey.histogram()
    total = sum(hist)
    sum_all = sum(i * h for i, h in enumerate(hist))
    best, threshold, w0, sum0 = 0.0, 128, 0, 0.0
    for t, h in enumerate(hist):
        w0 += h
        if w0 == 0 or w0 == total:
            continue
        sum0 += t * h
        m0, m1 = sum0 / w0, (sum_all - sum0) / (total - w0)
        between = w0 * (total - w0) * (m0 - m1) ** 2
        if between > best:
            best, threshold = between, t
    return threshold


def speckle_share(grey: Image.Image) -> float:
    """Dark pixels with no dark neighbour (dust), per dark pixel."""
    t = otsu(grey)
    ink = grey.point(lambda v: 255 if v <= t else 0)
    dark = ink.histogram()[255] or 1
    neighbours = ink.filter(ImageFilter.BoxBlur(1))  # mean of the 3x3 around each pixel
    alone = ImageChops.multiply(ink, neighbours.point(lambda v: 255 if v <= 255 // 9 + 1 else 0))
    return alone.histogram()[255] / dark


def despeckle(grey: Image.Image) -> Image.Image | None:
    if speckle_share(grey) < SPECKLE_SHARE:
        return None
    return grey.filter(ImageFilter.MedianFilter(3))


def _profile_score(ink: Image.Image, angle: float) -> float:
    rot = ink.rotate(angle, resample=Image.BILINEAR, fillcolor=0)
    rows = list(rot.resize((1, rot.size[1]), Image.BOX).get_flattened_data())
    mean = sum(rows) / len(rows)
    return sum((r - mean) ** 2 for r in rows)


def skew_angle(grey: Image.Image) -> float | None:
    """The rotation (degrees) that makes text lines horizontal: the one whose rows of ink
    vary most (sharp lines, white between them).  None when the best angle is the edge
    of the search range: on a page of a few lines among dust and the scanner's shadow the
    profile has no peak, and turning by the edge angle ruined such a page (benchmarks/
    letterset L15, page 2, searched within 4 degrees: turned 4.25 the wrong way)."""
    width = 900
    small = grey.resize((width, max(1, round(grey.size[1] * width / grey.size[0]))), Image.BOX)
    t = otsu(small)
    ink = small.point(lambda v: 255 if v <= t else 0)
    steps = round(MAX_SKEW_DEG * 4)
    best = max((a / 4 for a in range(-steps, steps + 1)), key=lambda a: _profile_score(ink, a))
    if abs(best) >= MAX_SKEW_DEG:
        return None
    return max((best + d / 20 for d in range(-5, 6)), key=lambda a: _profile_score(ink, a))


def deskew(grey: Image.Image) -> tuple[Image.Image | None, float]:
    angle = skew_angle(grey)
    if angle is None or abs(angle) < MIN_SKEW_DEG:
        return None, 0.0
    return grey.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False), angle


def line_pitch(grey: Image.Image) -> float | None:
    """The distance between text lines (pixels), from the period of the row profile."""
    width = 600
    f = width / grey.size[0]
    small = grey.resize((width, max(1, round(grey.size[1] * f))), Image.BOX)
    t = otsu(small)
    rows = list(small.point(lambda v: 255 if v <= t else 0).resize((1, small.size[1]), Image.BOX).get_flattened_data())
    mean = sum(rows) / len(rows)
    dev = [r - mean for r in rows]
    best, lag_best = 0.0, None
    for lag in range(int(MIN_PITCH * f), int(160 * f) + 1):
        c = sum(a * b for a, b in zip(dev, dev[lag:])) / (len(dev) - lag)
        if c > best:
            best, lag_best = c, lag
    return lag_best / f if lag_best else None


def scale(grey: Image.Image) -> tuple[Image.Image | None, float]:
    pitch = line_pitch(grey)
    if not pitch or pitch >= SMALL_PITCH:
        return None, 1.0
    factor = min(2.0, TARGET_PITCH / pitch)
    size = (round(grey.size[0] * factor), round(grey.size[1] * factor))
    return grey.resize(size, Image.LANCZOS), factor


def prepare(img: Image.Image, steps: tuple[str, ...] = STEPS) -> Prepared:
    page, ink = colour_split(img) if "colour" in steps else (img.convert("L"), None)
    out = Prepared(page, ink, ["colour"] if ink is not None else [])
    if "flatten" in steps and (flat := flatten(out.page)) is not None:
        out.page, out.applied = flat, out.applied + ["flatten"]
    if "despeckle" in steps and (clean := despeckle(out.page)) is not None:
        out.page, out.applied = clean, out.applied + ["despeckle"]
    if "deskew" in steps:
        straight, out.angle = deskew(out.page)
        if straight is not None:
            out.page, out.applied = straight, out.applied + ["deskew"]
            if out.colour is not None:
                out.colour = out.colour.rotate(out.angle, resample=Image.BICUBIC, fillcolor=255)
    if "scale" in steps:
        bigger, out.factor = scale(out.page)
        if bigger is not None:
            out.page, out.applied = bigger, out.applied + ["scale"]
            if out.colour is not None:
                out.colour = out.colour.resize(out.page.size, Image.LANCZOS)
    return out
