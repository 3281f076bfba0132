"""Rows -> A4 pages: wraps long rows at word boundaries (PyThaiNLP's segmentation, the
way a Thai page breaks), paginates (catch-word at the foot of a page, page number at
the head of the next), draws the emblem, tables, signatures, the office seal and a
receiving office's receipt stamp in colour (its values handwritten), and returns each
page's image, the text a typist would have typed, and the truth text of the page."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from build_tools.common.thai import to_thai_digits
from build_tools.ingest.ocr import thai_font
from build_tools.normalization import lexicon
from letterset.compose import LEFT, SIGN, Row, Seg

TLWG = "/usr/share/fonts/truetype/tlwg/"
# Printed size per font (points): TH Sarabun-like Laksaman is set at 16 pt in official
# letters; the others look the same size a little smaller.
POINTS = {"Laksaman": 16, "Garuda": 13, "Norasi": 14, "Kinnari": 14, "TlwgTypewriter": 14}
PAGE_W_CM, PAGE_H_CM, TOP_CM, BOTTOM_CM, RIGHT_CM = 21.0, 29.7, 1.5, 2.0, 2.0
INK = (20, 20, 20)
STAMP_INKS = [(200, 30, 40), (30, 60, 190)]


@dataclass
class Fonts:
    body: ImageFont.FreeTypeFont
    bold: ImageFont.FreeTypeFont
    title: ImageFont.FreeTypeFont
    urgent: ImageFont.FreeTypeFont
    hand: ImageFont.FreeTypeFont
    small: ImageFont.FreeTypeFont
    line_h: int

    def of(self, style: str) -> ImageFont.FreeTypeFont:
        return getattr(self, style)


def load_fonts(name: str, dpi: int) -> Fonts:
    px = round(POINTS.get(name, 14) / 72 * dpi)
    path = f"{TLWG}{name}.ttf"
    bold = f"{TLWG}{name}-Bold.ttf"
    try:
        ImageFont.truetype(bold, px)
    except OSError:
        bold = path
    f = ImageFont.truetype(path, px)
    _, top, _, low = f.getbbox("ที่ปั้นญู่ฐ์")  # the tallest Thai stack: marks above and below
    return Fonts(f, ImageFont.truetype(bold, px), ImageFont.truetype(bold, round(px * 1.5)),
                 ImageFont.truetype(bold, round(px * 1.15)), ImageFont.truetype(f"{TLWG}Purisa.ttf", round(px * 0.9)),
                 ImageFont.truetype(thai_font(), round(px * 0.7)), round((low - top) * 0.82))


@dataclass
class Placed:
    text: str
    x: int
    y: int
    style: str = "body"
    body: bool = False


@dataclass
class Page:
    lines: list[Placed] = field(default_factory=list)
    things: list[tuple[str, int, int, object]] = field(default_factory=list)  # (kind, x, y, data)


@dataclass
class Sheet:
    """Geometry of the page in pixels at the scan's resolution."""
    dpi: int

    def cm(self, v: float) -> int:
        return round(v / 2.54 * self.dpi)

    @property
    def size(self) -> tuple[int, int]:
        return self.cm(PAGE_W_CM), self.cm(PAGE_H_CM)


def wrap(text: str, font, first_w: int, next_w: int) -> list[str]:
    """Break at word boundaries (a Thai line may end inside a sentence, never inside a word)."""
    lines, cur, width = [], "", first_w
    for tok in lexicon.segment(text):
        if cur.strip() and font.getlength(cur + tok) > width:
            lines.append(cur.rstrip())
            cur, width = tok.lstrip(), next_w
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


class Layout:
    def __init__(self, sheet: Sheet, fonts: Fonts, rng: random.Random):
        self.s, self.f, self.rng = sheet, fonts, rng
        self.pages = [Page()]
        self.y = sheet.cm(TOP_CM)
        self.bottom = sheet.size[1] - sheet.cm(BOTTOM_CM)
        self.right = sheet.size[0] - sheet.cm(RIGHT_CM)

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def need(self, h: int, next_text: str | None = None) -> None:
        if self.y + h <= self.bottom:
            return
        if next_text:  # the catch-word: the next page's first words, at this page's foot
            head = "".join(lexicon.segment(next_text)[:2]).strip()
            w = self.f.body.getlength(f"/{head}...")
            self.page.lines.append(Placed(f"/{head}...", round(self.right - w), self.bottom))
        self.pages.append(Page())
        number = to_thai_digits(f"- {len(self.pages)} -")
        w = self.f.body.getlength(number)
        self.page.lines.append(Placed(number, round((self.s.size[0] - w) / 2), self.s.cm(TOP_CM)))
        self.y = self.s.cm(TOP_CM) + 2 * self.f.line_h

    def x_of(self, seg: Seg, text: str, after: int = 0) -> int:
        """Where a segment starts: centred on its x, or at its x but never past the right
        margin (a long letterhead moves left) nor over the segment before it."""
        width = self.f.of(seg.style).getlength(text)
        if seg.centred:
            return round(self.s.cm(seg.x) - width / 2)
        x = min(self.s.cm(seg.x), round(self.right - width))
        return max(x, after + self.s.cm(0.6)) if after else x

    def text_row(self, row: Row) -> None:
        seg0 = row.segs[0]
        font = self.f.of(seg0.style)
        if row.hang is None and not seg0.centred:
            lines = [seg0.text]
        elif seg0.centred:  # a long centred title wraps into centred lines
            lines = wrap(seg0.text, font, self.right - self.s.cm(LEFT), self.right - self.s.cm(LEFT))
        else:
            x0 = self.s.cm(seg0.x)
            lines = wrap(seg0.text, font, self.right - x0, self.right - self.s.cm(row.hang))
        line_h = round(self.f.line_h * (1.5 if seg0.style == "title" else 1))
        for i, text in enumerate(lines):
            self.need(line_h, text if row.body else None)
            x = self.x_of(seg0, text) if i == 0 or seg0.centred else self.s.cm(row.hang)
            self.page.lines.append(Placed(text, x, self.y, seg0.style, row.body))
            if i == 0:
                end = round(x + font.getlength(text))
                for seg in row.segs[1:]:
                    x2 = self.x_of(seg, seg.text, end)
                    self.page.lines.append(Placed(seg.text, x2, self.y, seg.style))
                    end = round(x2 + self.f.of(seg.style).getlength(seg.text))
            self.y += line_h

    def thing(self, row: Row) -> None:
        h = {"emblem": 2.7, "small-emblem": 0.2, "signature": 1.3, "seal": 2.6, "stamp": 0.0,
             "table": 0.9 * len(row.table or []) + 0.2}[row.kind]
        if row.kind == "table":
            self.need(self.s.cm(h))
        x = {"emblem": 10.5, "small-emblem": 3.0, "signature": SIGN, "seal": SIGN, "stamp": 14.2,
             "table": LEFT}[row.kind]
        y = self.s.cm(1.2) if row.kind == "stamp" else self.y  # the blank top right corner
        self.page.things.append((row.kind, self.s.cm(x), y, row.table))
        self.y += self.s.cm(h)

    def add(self, row: Row) -> None:
        self.y += round(row.gap * self.f.line_h)
        if row.segs:
            self.text_row(row)
        else:
            self.thing(row)


def lay_out(rows: list[Row], sheet: Sheet, fonts: Fonts, rng: random.Random) -> list[Page]:
    lay = Layout(sheet, fonts, rng)
    for row in rows:
        lay.add(row)
    return lay.pages


def body_truth(rows: list[Row]) -> str:
    out = []
    for r in rows:
        if r.kind == "para":
            out.append(r.segs[0].text)
        elif r.kind == "table":
            out += [" ".join(cells) for cells in r.table]
    return "\n".join(out)


def typed_text(page: Page, sheet: Sheet) -> str:
    """The page as a typist's text: one line per printed line, the left offset as spaces,
    segments of one line separated by the spaces between them."""
    rows: dict[int, list[Placed]] = {}
    for p in page.lines:
        rows.setdefault(p.y, []).append(p)
    for kind, x, y, table in page.things:
        if kind == "table":
            for i, cells in enumerate(table):
                rows[y + i * sheet.cm(0.9)] = [Placed("   ".join(cells), x, y + i * sheet.cm(0.9))]
    col = sheet.cm(0.25)
    out = []
    for y in sorted(rows):
        line, end = "", sheet.cm(LEFT)
        for p in sorted(rows[y], key=lambda p: p.x):
            pad = max(3 if line else 0, round((p.x - end) / col))
            line += " " * pad + p.text
            end = p.x + len(p.text) * col
        out.append(line)
    return "\n".join(out)


def _emblem(draw: ImageDraw.ImageDraw, cx: int, y: int, size: int) -> None:
    """A stand-in for the Garuda emblem (ตราครุฑ): a dark figure with wings and holes."""
    w, h = size * 0.55, size
    draw.ellipse((cx - w / 3, y, cx + w / 3, y + h * 0.45), fill=INK)
    draw.polygon([(cx - w, y + h * 0.35), (cx, y + h * 0.25), (cx + w, y + h * 0.35), (cx + w * 0.6, y + h * 0.8),
                  (cx, y + h), (cx - w * 0.6, y + h * 0.8)], fill=INK)
    for k in range(5):
        dx = (k - 2) * w / 3
        draw.line((cx + dx, y + h * 0.45, cx + dx * 1.3, y + h * 0.8), fill="white", width=max(2, size // 60))
    draw.ellipse((cx - w / 8, y + h * 0.1, cx + w / 8, y + h * 0.2), fill="white")


def _signature(draw, x: int, y: int, rng: random.Random, sheet: Sheet) -> None:
    ink = rng.choice([(30, 40, 160), INK])
    pts = [(x - sheet.cm(1.8) + i * sheet.cm(0.25), y + sheet.cm(0.5) + rng.randint(-sheet.cm(0.4), sheet.cm(0.4)))
           for i in range(15)]
    draw.line(pts, fill=ink, width=max(2, sheet.dpi // 90), joint="curve")


def _table(draw, x: int, y: int, table, fonts: Fonts, sheet: Sheet) -> None:
    widths = [sheet.cm(1.6), sheet.cm(8.4), sheet.cm(4.5)]
    row_h = sheet.cm(0.9)
    for i, cells in enumerate(table):
        cx = x
        for w, cell in zip(widths, cells):
            draw.rectangle((cx, y + i * row_h, cx + w, y + (i + 1) * row_h), outline=INK, width=2)
            draw.text((cx + sheet.cm(0.2), y + i * row_h + sheet.cm(0.12)), cell, font=fonts.body, fill=INK)
            cx += w


def draw_page(page: Page, sheet: Sheet, fonts: Fonts, rng: random.Random, stamp: dict | None) -> Image.Image:
    img = Image.new("RGB", sheet.size, "white")
    draw = ImageDraw.Draw(img)
    for p in page.lines:
        draw.text((p.x, p.y), p.text, font=fonts.of(p.style), fill=INK)
    for kind, x, y, data in page.things:
        if kind in ("emblem", "small-emblem"):
            _emblem(draw, x if kind == "emblem" else x + sheet.cm(0.8), y, sheet.cm(2.5 if kind == "emblem" else 1.5))
        elif kind == "signature":
            _signature(draw, x, y, rng, sheet)
        elif kind == "table":
            _table(draw, x, y, data, fonts, sheet)
        elif kind == "seal":
            r = sheet.cm(1.2)
            ink = rng.choice(STAMP_INKS)
            draw.ellipse((x - r, y, x + r, y + 2 * r), outline=ink, width=4)
            draw.ellipse((x - r * 0.7, y + r * 0.3, x + r * 0.7, y + r * 1.7), outline=ink, width=2)
        elif kind == "stamp" and stamp:
            paste_stamp(img, x, y, stamp, fonts, rng, sheet)
    return img


def paste_stamp(img: Image.Image, x: int, y: int, stamp: dict, fonts: Fonts, rng: random.Random,
                sheet: Sheet) -> None:
    """A receiving office's receipt stamp: a box with the office, then เลขรับ, วันที่,
    เวลา, their values handwritten; in red or blue, a little askew."""
    ink = rng.choice(STAMP_INKS)
    w, h = sheet.cm(5.6), sheet.cm(2.9)
    layer = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    d = ImageDraw.Draw(layer)
    d.rectangle((2, 2, w - 3, h - 3), outline=ink + (255,), width=4)
    lines = [(stamp["receiver"], None), ("เลขรับ", stamp["number"]), ("วันที่", stamp["date"]), ("เวลา", stamp["time"])]
    for i, (lbl, value) in enumerate(lines):
        yy = sheet.cm(0.15) + i * sheet.cm(0.65)
        d.text((sheet.cm(0.2), yy), lbl, font=fonts.small, fill=ink + (255,))
        if value:
            d.text((sheet.cm(1.5), yy - sheet.cm(0.1)), value, font=fonts.hand, fill=ink + (255,))
    layer = layer.rotate(rng.uniform(-4, 4), expand=True, resample=Image.BICUBIC)
    img.paste(layer, (x, y), layer)


def stamp_truth(stamp: dict) -> list[str]:
    return [stamp["receiver"], f"เลขรับ {stamp['number']}", f"วันที่ {stamp['date']}", f"เวลา {stamp['time']}"]


def page_truth(page: Page, sheet: Sheet, stamp: dict | None) -> str:
    """The page's text in reading order (segments of a line joined by a space); a receipt
    stamp's lines as one block where the stamp begins."""
    lines = typed_text(page, sheet).split("\n")
    text = [" ".join(t.split()) for t in lines if t.strip()]
    for kind, _x, y, _ in page.things:
        if kind == "stamp" and stamp:
            ys = sorted({p.y for p in page.lines})
            at = sum(1 for v in ys if v < y)
            text[at:at] = stamp_truth(stamp)
    return "\n".join(text)
