"""Page furniture: what the printed page carries that is not the document's text
(page numbers, catch-words at a page foot, the OCR tool's Markdown emphasis)."""
from __future__ import annotations

import re

from build_tools.common.thai import dictionary_words
from build_tools.normalization import lexicon
from build_tools.normalization.rules.base import Context, Line, map_lines

# Every ** is the OCR tool's bold markup (Thai letters never use it), paired or not: a
# stray one left on a line would pair up with another once broken lines are joined.
_EMPHASIS = re.compile(r"\*\*|__(?=\S)(.+?)(?<=\S)__")


def strip_markdown_emphasis(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("strip_markdown_emphasis",
                     lambda t: _EMPHASIS.sub(lambda m: m.group(1) or "", t),
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
    so a heading followed by a sentence that begins with the same words is kept.  Read
    from the end, each line against the next line that stays, so a run of catch-words
    goes in one pass (normalizing the result again changes nothing)."""
    kept: list[Line] = []  # in reverse order
    dropped: list[tuple[Line, Line]] = []  # (catch-word, the line it repeats), in reverse order
    nxt: Line | None = None  # the next text line that stays
    between = False  # a page number between this line and `nxt`
    for line in reversed(lines):
        if line.text.strip() and PAGE_NUMBER.match(line.text):
            between = True
        elif line.text.strip():
            if _is_catch_word(line, nxt, between):
                dropped.append((line, nxt))
                continue
            nxt, between = line, False
        kept.append(line)
    for line, repeated in reversed(dropped):  # recorded in reading order
        ctx.record("drop_catch_words", line.src, line.text, "", f"catch-word repeated at raw line {repeated.src[0]}")
    return kept[::-1]


def _is_catch_word(line: Line, nxt: Line | None, between: bool) -> bool:
    key = _catch_key(line.text)
    if not key or len(key) > CATCH_WORD_MAX or nxt is None:
        return False
    marked = line.text.strip().startswith("/") or line.text.rstrip().endswith(("..", "…"))
    evidence = marked or between or bool(_CLAUSE_START.match(key))
    return evidence and len(nxt.text.strip()) > len(key) and nxt.text.strip().startswith(key)


_TABLE_ROW = re.compile(r"^\s*(?:-\s*)?\|")
_EMPTY_CELL = re.compile(r"^[\s:-]*$")


def _cells(text: str) -> list[str]:
    body = re.sub(r"^\s*(?:-\s*)?\|", "", text.strip())
    body = body[:-1] if body.endswith("|") else body
    return [c.strip() for c in body.split("|")]


def clean_table_debris(lines: list[Line], ctx: Context) -> list[Line]:
    """The OCR tool turns a letter's aligned block (enclosures, signatures) into a
    Markdown table: rows of empty cells, a `|---|` rule, text split into cells.  Such a
    run (recognised by its empty or rule rows) becomes plain lines: one per row, the
    non-empty cells joined by a space.  A table without that signature is kept."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not _TABLE_ROW.match(lines[i].text):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and _TABLE_ROW.match(lines[j].text):
            j += 1
        run = lines[i:j]
        if not any(all(_EMPTY_CELL.match(c) for c in _cells(ln.text)) for ln in run):
            out.extend(run)
        else:
            for line in run:
                cells = [c for c in _cells(line.text) if not _EMPTY_CELL.match(c)]
                new = " ".join(cells)
                ctx.record("clean_table_debris", line.src, line.text, new,
                           "table markup added by the OCR tool" if new
                           else "empty table row or rule added by the OCR tool")
                if new:
                    out.append(Line(new, line.src))
        i = j
    return out


_STAMP_NUMBER = re.compile(r"^\s*(?P<kind>เลขรับ|เลขที่)[\s.…]*(?P<value>[0-9๐-๙]*)\s*$")
_STAMP_DATE = re.compile(r"^\s*วันที่[\s.…]*(?P<value>.*?)[\s.…]*$")
_STAMP_TIME = re.compile(r"^\s*เวลา[\s.…]*(?P<value>.*?)[\s.…]*$")
_STAMP_OFFICE = re.compile(r"^\s*(?:สำนัก|กรม|กอง|ฝ่าย|กระทรวง|ศูนย์|จังหวัด)\S*(?:\s\S+){0,3}\s*$")


def move_receipt_stamps(lines: list[Line], ctx: Context) -> list[Line]:
    """A receiving office's stamp (its name, เลขรับ/เลขที่ ..., วันที่ ..., เวลา ...) is
    not part of the letter: it is moved out of the body into the document's metadata
    (ctx.extracted["receipt_stamps"], shown in the normalized front matter)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        m = _STAMP_NUMBER.match(lines[i].text)
        if m and i + 2 < len(lines):
            d = _STAMP_DATE.match(lines[i + 1].text)
            t = _STAMP_TIME.match(lines[i + 2].text)
            if d and t:
                stamp_lines = lines[i:i + 3]
                office = None
                if out and _STAMP_OFFICE.match(out[-1].text) and len(out[-1].text) <= 60:
                    office = out.pop()
                    stamp_lines = [office] + stamp_lines
                stamp = {"office": office.text.strip() if office else None,
                         "kind": m["kind"], "number": m["value"] or None,
                         "date": d["value"] or None, "time": t["value"] or None,
                         "raw_lines": [n for ln in stamp_lines for n in ln.src]}
                ctx.extracted.setdefault("receipt_stamps", []).append(
                    {k: v for k, v in stamp.items() if v is not None})
                for ln in stamp_lines:
                    ctx.record("move_receipt_stamps", ln.src, ln.text, "",
                               "receiving office's stamp, moved to the front matter (receipt_stamps)")
                i += 3
                continue
        out.append(lines[i])
        i += 1
    return out


_GAP = re.compile(r"\S\s{3,}(?=\S)")


def _word_share(text: str) -> float:
    """Share of the line's non-space characters that belong to dictionary words of two
    or more characters (Thai), or to Latin/Arabic-digit words of three or more."""
    chars = len(re.sub(r"\s", "", text)) or 1
    known = dictionary_words()
    inword = 0
    for tok in lexicon.segment(text):
        t = tok.strip()
        if (len(t) >= 2 and t in known) or re.fullmatch(r"[A-Za-z0-9]{3,}", t):
            inword += len(t)
    return inword / chars


def drop_ocr_noise(lines: list[Line], ctx: Context) -> list[Line]:
    """A line of scattered marks, digits and single letters with wide gaps (what the OCR
    makes of a stamp, a signature or of vowel marks it read as their own line) is not
    text: it has two or more gaps of 3+ spaces and less than half of it is words.  Real
    text never has such gaps (tables are handled before), so prose is never touched."""
    out = []
    for line in lines:
        if len(_GAP.findall(line.text)) >= 2 and _word_share(line.text) < 0.5:
            ctx.record("drop_ocr_noise", line.src, line.text, "",
                       "scattered marks and digits with wide gaps: OCR noise, not text")
            continue
        out.append(line)
    return out


RULES = [strip_markdown_emphasis, clean_table_debris, move_receipt_stamps, drop_ocr_noise,
         drop_catch_words, drop_page_numbers]
