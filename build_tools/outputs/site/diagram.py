"""Flow diagrams as inline SVG made at build time (no Mermaid, no CDN, works offline
and in print).  Nodes sit in columns; every node links to its anchor on the page."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape as xml

BOX_W, BOX_H, COL_GAP, ROW_GAP, PAD, HEAD = 250, 58, 90, 22, 16, 40
# Colours are attributes, not CSS, so the diagram looks the same on screen, in print and
# when the SVG is opened on its own.
COLOURS = {"step": ("#e8eaf6", "#3f51b5"), "plan": ("#fff8e1", "#b28704"), "agency": ("#e8f5e9", "#2e7d32")}


@dataclass
class Node:
    id: str
    column: int
    lines: list[str]
    href: str
    kind: str = "step"  # step | plan | agency | other (CSS class)


def wrap(text: str, width: int = 30) -> list[str]:
    """Split a Thai caption at spaces into lines of about `width` characters (Thai has
    no spaces between words, so only the author's spaces are break points)."""
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    if cur:
        lines.append(cur)
    return lines


def flow_svg(title: str, columns: list[str], nodes: list[Node], edges: list[tuple[str, str]]) -> str:
    rows: dict[int, int] = {}
    pos: dict[str, tuple[int, int]] = {}
    for n in nodes:
        r = rows.get(n.column, 0)
        rows[n.column] = r + 1
        pos[n.id] = (PAD + n.column * (BOX_W + COL_GAP), HEAD + PAD + r * (BOX_H + ROW_GAP))
    width = PAD * 2 + len(columns) * BOX_W + (len(columns) - 1) * COL_GAP + 40
    height = HEAD + PAD * 2 + max(rows.values(), default=1) * (BOX_H + ROW_GAP)
    # role="group", not "img": an image's parts are hidden from assistive technology,
    # and every node here is a link a keyboard user tabs to.
    out = [f'<svg class="flow" viewBox="0 0 {width} {height}" role="group" aria-label="{xml(title)}" '
           f'xmlns="http://www.w3.org/2000/svg" style="max-width:100%;height:auto">',
           f"<title>{xml(title)}</title>",
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>']
    for i, col in enumerate(columns):
        x = PAD + i * (BOX_W + COL_GAP)
        out.append(f'<text class="flow-col" x="{x + BOX_W // 2}" y="{PAD + 14}" text-anchor="middle" '
                   f'font-size="15" font-weight="bold" fill="#333">{xml(col)}</text>')
    for a, b in edges:
        (x1, y1), (x2, y2) = pos[a], pos[b]
        if x1 == x2:  # same column: bow out to the right
            sx, sy, ex, ey = x1 + BOX_W, y1 + BOX_H // 2, x2 + BOX_W, y2 + BOX_H // 2
            bow = 30 + abs(ey - sy) // 12
            d = f"M{sx},{sy} C{sx + bow},{sy} {ex + bow},{ey} {ex + 2},{ey}"
        else:
            right = x2 > x1
            sx, sy = (x1 + BOX_W if right else x1), y1 + BOX_H // 2
            ex, ey = (x2 - 2 if right else x2 + BOX_W + 2), y2 + BOX_H // 2
            mx = (sx + ex) // 2
            d = f"M{sx},{sy} C{mx},{sy} {mx},{ey} {ex},{ey}"
        out.append(f'<path class="flow-edge" d="{d}" fill="none" stroke="#555" stroke-width="1.4" '
                   'marker-end="url(#arrow)"/>')
    for n in nodes:
        x, y = pos[n.id]
        out.append(f'<a href="{xml(n.href)}" class="flow-node flow-{n.kind}">')
        rx = 14 if n.kind == "plan" else 4
        fill, stroke = COLOURS.get(n.kind, COLOURS["step"])
        out.append(f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="{rx}" fill="{fill}" '
                   f'stroke="{stroke}" stroke-width="1.2"/>')
        lines = n.lines[:3]
        top = y + BOX_H // 2 - (len(lines) - 1) * 8 + 5
        for i, line in enumerate(lines):
            weight = ' font-weight="bold"' if i == 0 and len(lines) > 1 and n.kind == "step" else ""
            out.append(f'<text x="{x + BOX_W // 2}" y="{top + i * 16}" text-anchor="middle" font-size="13" '
                       f'fill="#111"{weight}>{xml(line)}</text>')
        out.append("</a>")
    out.append("</svg>")
    return "\n".join(out)
