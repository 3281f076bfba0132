"""Layout: rebuild paragraphs that the printed line width broke, keep real structure
(numbered clauses, lists, tables, the letter's header block)."""
from __future__ import annotations

import re

from build_tools.normalization.rules.base import Context, Line

# A line that starts structure: a numbered clause (๑. / ๑.๑ / ๑) / ๑.๑)), a list dash,
# a table row, a parenthesised name or a signature line.
STRUCTURE_START = re.compile(
    r"^\s*(?:[-•]\s|\||\(|[๐-๙0-9]+(?:\.[๐-๙0-9]+)*(?:[.)]|\s)|ที่\s|เรื่อง|เรียน|อ้างถึง|สิ่งที่ส่งมาด้วย)"
)
THAI = re.compile(r"[\u0e00-\u0e7f]")


def _is_thai(ch: str) -> bool:
    return bool(THAI.match(ch))


def _header_end(lines: list[Line]) -> int:
    """Index of the letter's เรื่อง line; lines before it are the header block."""
    for i, line in enumerate(lines):
        if line.text.lstrip().startswith("เรื่อง"):
            return i
    return 0


def join_broken_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Join a line to the one before it when no blank line separates them and it does
    not start structure.  Thai text is joined with no space: a Thai printed line ends
    inside a sentence (often inside a word, as in ขอด + นียม), never at a space."""
    header_end = _header_end(lines)
    out: list[Line] = []
    for i, line in enumerate(lines):
        prev = out[-1] if out else None
        if (
            prev is not None
            and i > header_end
            and prev.text.strip()
            and line.text.strip()
            and not STRUCTURE_START.match(line.text)
        ):
            a, b = prev.text.rstrip(), line.text.strip()
            sep = "" if _is_thai(a[-1]) and _is_thai(b[0]) else " "
            joined = Line(a + sep + b, prev.src + line.src)
            ctx.record("join_broken_lines", joined.src, prev.text + "\n" + line.text, joined.text,
                       "line broken by the printed page width")
            out[-1] = joined
            continue
        out.append(line)
    return out


def squeeze_blank_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """At most one blank line in a row, none at either end (whitespace only: not a text
    change, so not recorded)."""
    out: list[Line] = []
    for line in lines:
        if not line.text.strip():
            if not out or not out[-1].text.strip():
                continue
            line = Line("", line.src)
        out.append(line)
    while out and not out[-1].text.strip():
        out.pop()
    return out


RULES = [join_broken_lines, squeeze_blank_lines]
