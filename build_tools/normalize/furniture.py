"""Page furniture: what the printed page carries that is not the document's text
(page numbers, catch-words at a page foot, the OCR tool's Markdown emphasis)."""
from __future__ import annotations

import re

from build_tools.normalize import Context, Line, map_lines

_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


def strip_markdown_emphasis(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("strip_markdown_emphasis",
                     lambda t: _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), t),
                     lines, ctx, "bold markup added by the OCR tool, not in the letter")


# "(๒)", "- ๓ -", "๔" alone on a line: a page number.
PAGE_NUMBER = re.compile(r"^\s*(?:\(\s*[๐-๙0-9]{1,3}\s*\)|-\s*[๐-๙0-9]{1,3}\s*-)\s*$")


def drop_page_numbers(lines: list[Line], ctx: Context) -> list[Line]:
    out = []
    for line in lines:
        if PAGE_NUMBER.match(line.text):
            ctx.record("drop_page_numbers", line.src, line.text, "", "page number")
            continue
        out.append(line)
    return out


def _catch_key(text: str) -> str:
    # "/๒. นายกองดีการ...." -> "๒. นายกองดีการ"
    return text.strip().lstrip("/").rstrip(".…").strip()


CATCH_WORD_MAX = 40  # a catch-word repeats only the first few words of the next page


_CLAUSE_START = re.compile(r"^[๐-๙0-9]+(?:\.[๐-๙0-9]+)*[.)]")


def drop_catch_words(lines: list[Line], ctx: Context) -> list[Line]:
    """A short line that the next text line starts with is a catch-word: the printer's
    repeat, at a page foot, of the first words of the next page.  Needs evidence of a
    page break (a page number between, the /... catch-word marks, or a clause number),
    so a heading followed by a sentence that begins with the same words is kept."""
    out = []
    for i, line in enumerate(lines):
        key = _catch_key(line.text)
        if key and len(key) <= CATCH_WORD_MAX:
            between = []
            nxt = None
            for cand in lines[i + 1:]:
                if cand.text.strip():
                    if PAGE_NUMBER.match(cand.text):
                        between.append(cand)
                        continue
                    nxt = cand
                    break
            marked = line.text.strip().startswith("/") or line.text.rstrip().endswith(("..", "…"))
            evidence = marked or bool(between) or bool(_CLAUSE_START.match(key))
            if nxt is not None and evidence and len(nxt.text.strip()) > len(key) and \
                    nxt.text.strip().startswith(key):
                ctx.record("drop_catch_words", line.src, line.text, "",
                           f"catch-word repeated at raw line {nxt.src[0]}")
                continue
        out.append(line)
    return out


RULES = [strip_markdown_emphasis, drop_catch_words, drop_page_numbers]
