"""OCR normalization: a fixed chain of small, named rules.

Each rule takes the document's lines and returns new lines, recording every change
(raw line numbers, rule name, before, after) in the Context, so any character of the
normalized text can be traced back to the scan.  Rules work per line or on runs of
lines, never on the whole file as one string (that would lose line provenance).
"""
from __future__ import annotations

from build_tools.normalization.rules import (
    furniture,
    layout,
    marks,
    names,
    reviewed_corrections,
    script,
    specks,
    unicode_rules,
)
from build_tools.normalization.rules.base import Change, Context, Line, Rule, map_lines

__all__ = ["Change", "Context", "Line", "Rule", "map_lines", "chain", "normalize_lines", "normalize_text"]


def chain() -> list[Rule]:
    """The normalization chain, in order.  Order matters: Unicode first (so later
    patterns see composed characters), page furniture before layout (a page number
    between two halves of a sentence must be gone before they are joined), reviewed
    corrections after layout (a word broken over two lines is whole again), mixed-script
    detection last (it reports only what the corrections left).  Specks go before layout:
    a line's joins are decided on its words, not on the dust beside them.  Known names are restored
    after the reviewed corrections (a maintainer's decision wins) and after layout (a name
    broken over two lines is whole again)."""
    return [
        *unicode_rules.RULES,
        *furniture.RULES,
        *specks.RULES,
        *layout.RULES,
        *reviewed_corrections.RULES,
        *names.RULES,
        *marks.RULES,
        *script.RULES,
        # Again at the end: removing markup or a correction can leave a trailing space.
        unicode_rules.strip_trailing_space,
    ]


MAX_PASSES = 4


def normalize_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Run the chain until it changes nothing (so normalizing normalized text is a no-op):
    a join can bring together what a per-line rule has to see whole (a tone mark at
    the end of one line and its vowel at the start of the next; a catch-word that only
    shows once the next page's first line is whole).  One pass is usually enough; the
    second only confirms it, and the per-line rules skip the lines they already left as
    they were (Context.settled): the confirming pass costs a fifth of the first."""
    rules = chain()
    for _ in range(MAX_PASSES):
        before = [ln.text for ln in lines]
        for rule in rules:
            lines = rule(lines, ctx)
        if [ln.text for ln in lines] == before:
            break
    ctx.settled.clear()  # only this run's passes use it (not kept with the document)
    return lines


def normalize_text(text: str, first_line: int = 1, ctx: Context | None = None) -> tuple[str, Context]:
    """Normalize a text; return the normalized text (lines joined by newlines) and the context."""
    ctx = ctx or Context()
    lines = [Line(t, (first_line + i,)) for i, t in enumerate(text.split("\n"))]
    out = normalize_lines(lines, ctx)
    return "\n".join(ln.text for ln in out), ctx
