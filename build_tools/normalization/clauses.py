"""Structure of a normalized document: blocks (paragraphs, numbered clauses, list items,
table rows) and stable clause ids built from the printed numbering.

Clause ids are the printed numbers, so they stay put when wording is corrected:
clause ๓.๒ / ๑. / ๑) / ๑.๑) of the MOU annex is `c3-2-1-1-1`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.common.thaidate import to_arabic_digits
from build_tools.normalization.rules import Line

MARKER = re.compile(
    r"^\s*(?P<dash>-\s*)?(?P<num>[๐-๙0-9]{1,2}(?:\.[๐-๙0-9]{1,2})?)(?P<close>[.)]|(?=\s))\s*"
)
# Thai official letters open their body with one of these; what comes before is the
# letter's header block (number, address, date, subject, addressee, enclosures).
BODY_OPENERS = ("ตามที่", "ด้วย", "อนุสนธิ", "ตามหนังสือ", "อ้างถึงหนังสือ", "ตามบันทึก")


@dataclass
class Block:
    kind: str  # header | para | clause | item | table
    text: str
    src: tuple[int, ...]
    clause: str | None = None  # c3-2-1 for numbered clauses
    label: str | None = None  # the marker as printed, e.g. ๓.๒

    @property
    def anchor(self) -> str:
        return self.clause or f"l{self.src[0]}"


def _style(num: str, close: str) -> str:
    sub = "." in num
    if close == ")":
        return "subparen" if sub else "paren"
    return "sub" if sub else "dot"


def header_end(lines: list[Line], doc_type: str) -> int:
    """Number of leading lines that form a letter's header (0 for other documents)."""
    if doc_type != "letter":
        return 0
    for i, line in enumerate(lines):
        if line.text.lstrip().startswith(BODY_OPENERS):
            return i
    return 0


def parse_blocks(lines: list[Line], doc_type: str) -> list[Block]:
    blocks: list[Block] = []
    stack: list[tuple[str, str]] = []  # (style, number) from outermost to innermost
    used: set[str] = set()
    hdr = header_end(lines, doc_type)
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        m = MARKER.match(text) if i >= hdr and not text.startswith("|") else None
        if m is None:
            block = _unnumbered(text, line.src, header=i < hdr)
            if block.kind == "para":
                stack.clear()  # a plain paragraph closes any numbered list
            blocks.append(block)
            continue
        stack = _numbered_stack(stack, to_arabic_digits(m["num"]), m["close"])
        clause = "c" + "-".join(n for _, n in stack)
        while clause in used:  # the same printed number twice: keep ids unique
            clause += "-b"
        used.add(clause)
        blocks.append(Block("clause" if not m["dash"] else "item", text, line.src,
                            clause, (m["num"] + (m["close"] or "")).strip()))
    return blocks


def _unnumbered(text: str, src, header: bool) -> Block:
    """A line that is no numbered clause: header, table row, list item or paragraph."""
    if header:
        return Block("header", text, src)
    if text.startswith("|"):
        return Block("table", text, src)
    if text.startswith(("- ", "• ")):
        return Block("item", text[2:].strip(), src)
    return Block("para", text, src)


def _numbered_stack(stack: list[tuple[str, str]], num: str, close: str | None) -> list[tuple[str, str]]:
    """The clause numbers a clause numbered `num` sits under, itself last."""
    style = _style(num, close)
    parts = num.split(".")
    if style == "sub":
        return [("dot", parts[0]), ("sub", parts[1])]
    own = parts[-1]
    parent = parts[0] if style == "subparen" else None
    kept = None
    for j in range(len(stack) - 1, -1, -1):
        s, n = stack[j]
        if style == "subparen" and s == "paren" and n == parent:
            kept = j + 1  # child of the ๑) it numbers under
            break
        if s == style and n.isdigit() and int(n) == int(own) - 1:
            kept = j  # the next sibling replaces the previous one
            break
    if kept is None and own == "1" and style != "subparen":
        kept = len(stack)  # a list restarting at 1 nests under the current clause
    if kept is None:
        kept = next((j for j, (s, _) in enumerate(stack) if s == style), len(stack))
    return stack[:kept] + [(style, own)]
