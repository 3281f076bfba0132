"""OCR normalization: a fixed chain of small, named rules.

Each rule takes the document's lines and returns new lines, recording every change
(raw line numbers, rule name, before, after) in the Context, so any character of the
normalized text can be traced back to the scan.  Rules work per line or on runs of
lines, never on the whole file as one string (that would lose line provenance).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Line:
    text: str
    src: tuple[int, ...]  # raw line numbers (1-based) this line was made from


@dataclass(frozen=True)
class Change:
    rule: str
    lines: tuple[int, ...]
    before: str
    after: str
    reason: str = ""


@dataclass
class Context:
    doc_id: str = ""
    changes: list[Change] = field(default_factory=list)
    # Facts moved out of the body (receipt stamps, ...), keyed by kind.
    extracted: dict = field(default_factory=dict)
    # Things a maintainer must look at: dicts with kind, message, line, suggestion.
    flags: list[dict] = field(default_factory=list)
    # Where the letter's body starts (first "เรื่อง" line); header lines are never joined.
    body_starts_at: int | None = None
    # Reviewed corrections for this document (build_tools.sources.corrections.Correction).
    corrections: list = field(default_factory=list)
    # Known proper names (corpus/names.yaml): words the dictionary checks must accept.
    names: tuple[str, ...] = ()

    def record(self, rule: str, lines, before: str, after: str, reason: str = "") -> None:
        self.changes.append(Change(rule, tuple(lines), before, after, reason))

    def flag(self, kind: str, line: int, message: str, suggestion: str | None = None) -> None:
        """Something a maintainer must decide; reported by `check`, never applied."""
        entry = {"kind": kind, "line": line, "message": message}
        if suggestion is not None:
            entry["suggestion"] = suggestion
        if entry not in self.flags:
            self.flags.append(entry)


Rule = Callable[[list[Line], Context], list[Line]]


def map_lines(rule_name: str, fn: Callable[[str], str], lines: list[Line], ctx: Context,
              reason: str = "") -> list[Line]:
    """Apply a per-line text function, recording the lines it changed."""
    out = []
    for line in lines:
        new = fn(line.text)
        if new != line.text:
            ctx.record(rule_name, line.src, line.text, new, reason)
            line = Line(new, line.src)
        out.append(line)
    return out


def chain() -> list[Rule]:
    """The normalization chain, in order.  Order matters: Unicode first (so later
    patterns see composed characters), page furniture before layout (a page number
    between two halves of a sentence must be gone before they are joined), reviewed
    corrections after layout (a word broken over two lines is whole again), mixed-script
    detection last (it reports only what the corrections left)."""
    from build_tools.normalization.rules import furniture, layout, reviewed_corrections, script, unicode_rules

    return [
        *unicode_rules.RULES,
        *furniture.RULES,
        *layout.RULES,
        *reviewed_corrections.RULES,
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
    second only confirms it."""
    rules = chain()
    for _ in range(MAX_PASSES):
        before = [l.text for l in lines]
        for rule in rules:
            lines = rule(lines, ctx)
        if [l.text for l in lines] == before:
            break
    return lines


def normalize_text(text: str, first_line: int = 1, ctx: Context | None = None) -> tuple[str, Context]:
    """Normalize a text; return the normalized text (lines joined by newlines) and the context."""
    ctx = ctx or Context()
    lines = [Line(t, (first_line + i,)) for i, t in enumerate(text.split("\n"))]
    out = normalize_lines(lines, ctx)
    return "\n".join(l.text for l in out), ctx
