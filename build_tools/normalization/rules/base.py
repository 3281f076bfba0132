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

    def record(self, rule: str, lines, before: str, after: str, reason: str = "") -> None:
        self.changes.append(Change(rule, tuple(lines), before, after, reason))

    def flag(self, kind: str, line: int, message: str, suggestion: str | None = None) -> None:
        """Something a maintainer must decide; reported by `check`, never applied."""
        entry = Finding(kind, message, line, suggestion)
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
