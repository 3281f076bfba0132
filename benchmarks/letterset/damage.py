"""Scan damage, light to heavy, and the files a scanner writes.

level 0  a clean scan
level 1  slightly askew, a little blur and dust
level 2  askew, blurred, grey paper, speckles, fainter strokes (JPEG-compressed)
level 3  more askew, uneven light, heavy speckles, faded strokes, low resolution"""
from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

LEVELS = {  # max skew (deg), blur radius, speckles per megapixel, faded strokes (0-1), grey paper, downscale
    0: (0.0, 0.0, 0, 0.0, 255, 1.0),
    1: (0.6, 0.5, 40, 0.0, 245, 1.0),
    2: (1.4, 0.7, 160, 0.3, 225, 1.0),
    3: (2.5, 0.9, 450, 0.45, 210, 0.75),
}


def _speckle(img: Image.Image, n: int, rng: random.Random) -> None:
    d = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(n):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((1, 1, 2, 3))
        d.ellipse((x, y, x + r, y + r), fill=(60, 60, 60))


def _uneven_light(img: Image.Image, floor: int) -> Image.Image:
    """Paper that is greyer towards one side (a page not flat on the glass)."""
    w, h = img.size
    grad = Image.linear_gradient("L").rotate(90).resize((w, h))
    shade = grad.point(lambda v: 255 - (255 - floor) * v // 255)
    return ImageChops.multiply(img, Image.merge("RGB", (shade, shade, shade)))


def damage(img: Image.Image, level: int, rng: random.Random) -> Image.Image:
    skew, blur, speckles, erode, paper, scale = LEVELS[level]
    if erode:  # thinner, partly broken strokes: the worn ribbon or a light photocopy
        img = Image.blend(img, img.filter(ImageFilter.MaxFilter(3)), erode)
    if paper < 255:
        img = _uneven_light(img, paper)
    if speckles:
        _speckle(img, int(speckles * img.size[0] * img.size[1] / 1e6), rng)
    if skew:
        img = img.rotate(rng.uniform(-skew, skew), resample=Image.BICUBIC, fillcolor=(paper,) * 3, expand=False)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if scale != 1.0:
        img = img.resize((round(img.size[0] * scale), round(img.size[1] * scale)), Image.LANCZOS)
    return img


def save(pages: list[Image.Image], path: Path, fmt: str, dpi: int, level: int) -> Path:
    """PNG/JPEG (one page per file: a two-page letter is a PDF or TIFF), PDF, TIFF."""
    path = path.with_suffix(f".{fmt}")
    res = round(dpi * LEVELS[level][5])
    if fmt == "png":
        pages[0].save(path, dpi=(res, res))  # a colour scan: stamps stay red or blue
    elif fmt == "jpg":
        pages[0].save(path, quality=85 - 15 * level, dpi=(res, res))
    elif fmt == "pdf":
        pages[0].save(path, save_all=True, append_images=pages[1:], resolution=res)
    elif fmt == "tif":
        pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(res, res))
    else:
        raise ValueError(f"unknown format {fmt}")
    return path
