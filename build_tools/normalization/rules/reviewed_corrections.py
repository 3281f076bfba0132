"""Reviewed word-level corrections (corpus/corrections.yaml), applied as data."""
from __future__ import annotations

from build_tools.normalization.rules.base import Context, Line


def apply_corrections(lines: list[Line], ctx: Context) -> list[Line]:
    """Apply the document's reviewed corrections (ctx.corrections, already filtered to
    this document's scope), in file order.  A correction limited to one raw line applies
    only to the normalized line made from it.  Each change records the correction id."""
    if not ctx.corrections:
        return lines
    out = []
    for line in lines:
        text = line.text
        for c in ctx.corrections:
            if c.line is not None and c.line not in line.src:
                continue
            if c.wrong in text:
                new = text.replace(c.wrong, c.right)
                ctx.record(f"correction:{c.id}", line.src, text, new, c.reason)
                text = new
        out.append(Line(text, line.src) if text != line.text else line)
    return out


RULES = [apply_corrections]
