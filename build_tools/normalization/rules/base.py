"""What every normalization rule works on: lines that remember their raw line numbers,
and the context that records each change (rule, raw lines, before, after)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from build_tools.common.findings import Finding


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
    # Things a maintainer must decide (build_tools.common.findings), reported by `check`.
    flags: list[Finding] = field(default_factory=list)
    # Where the letter's body starts (first "เรื่อง" line); header lines are never joined.
    body_starts_at: int | None = None
    # Reviewed corrections for this document (build_tools.sources.corrections.Correction).
    corrections: list = field(default_factory=list)
    # Known proper names (corpus/names.yaml): words the dictionary checks must accept.
    names: tuple[str, ...] = ()
    # Names the chain may restore where OCR damaged them (never people's names), and
    # whether place names after จังหวัด/อำเภอ/ตำบล are restored from the gazetteer.
    known_names: tuple[str, ...] = ()
    restore_places: bool = False
    # (rule, text): a line a per-line rule left as it was, with nothing to flag.  The
    # chain runs until nothing changes (rules.normalize_lines); a later pass does not
    # run that rule on that text again (the same text gives the same result).
    settled: set[tuple[str, str]] = field(default_factory=set)

    def record(self, rule: str, lines, before: str, after: str, reason: str = "") -> None:
        self.changes.append(Change(rule, tuple(lines), before, after, reason))

    def flag(self, kind: str, line: int, message: str, suggestion: str | None = None) -> None:
        """Something a maintainer must decide; reported by `check`, never applied."""
        entry = Finding(kind, message, line, suggestion)
        if entry not in self.flags:
            self.flags.append(entry)


Rule = Callable[[list[Line], Context], list[Line]]


def per_line(rule_name: str, lines: list[Line], ctx: Context,
             fix: Callable[[Line], tuple[Line, bool]]) -> list[Line]:
    """Run `fix` on every line `rule_name` has not settled.  `fix` returns the line to
    keep and whether it settles the line (left it as it was, with nothing to flag): a
    later pass of the chain skips a settled line (Context.settled)."""
    out = []
    for line in lines:
        if (rule_name, line.text) not in ctx.settled:
            line, settled = fix(line)
            if settled:
                ctx.settled.add((rule_name, line.text))
        out.append(line)
    return out


def map_lines(rule_name: str, fn: Callable[[str], str], lines: list[Line], ctx: Context,
              reason: str = "") -> list[Line]:
    """Apply a per-line text function, recording the lines it changed."""
    def fix(line: Line) -> tuple[Line, bool]:
        new = fn(line.text)
        if new == line.text:
            return line, True
        ctx.record(rule_name, line.src, line.text, new, reason)
        return Line(new, line.src), False

    return per_line(rule_name, lines, ctx, fix)
