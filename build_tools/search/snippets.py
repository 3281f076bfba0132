"""A hit's snippet: the stretch of its text that shows the most of the query's words,
starting at the first of them, with each match «marked» (plain text, safe in a terminal
and in JSON).  Words are found as the index found them (the analyzer's tokens and their
offsets), so a synonym is marked under the name the text uses and a word inside a
compound is marked where it stands.  A record's metadata (a document's number, date,
addressee) is searched but never shown as the snippet; the site does the same in the
browser (docs/javascripts/search-th.js)."""
from __future__ import annotations

WIDTH = 160  # characters of text in a snippet
LEAD_IN = 30  # at most this many characters before the match, from a word's start


def _spans(analyzer, text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    return sorted({(t.start, t.end, t.text) for t in analyzer.matching_tokens(text, terms)})


def _merged(spans: list[tuple[int, int, str]]) -> list[list[int]]:
    """Overlapping matches as one (a compound and a word inside it)."""
    out: list[list[int]] = []
    for s, e, _ in spans:
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def _start(analyzer, text: str, match: int, width: int) -> int:
    """Where the snippet starts: the whole text if it fits, else the start of a word at
    most LEAD_IN characters before the match (๒.๒ การป้องกันและแก้ไขปัญหา«ยาเสพติด»)."""
    if len(text) <= width:
        return 0
    starts = [s for _, s, _ in analyzer.segment(text) if match - LEAD_IN <= s <= match]
    return min(starts) if starts else match


def marked(analyzer, text: str, terms: set[str], width: int = WIDTH) -> str | None:
    """The snippet of `text` for `terms`, or None when the text holds none of them."""
    spans = _spans(analyzer, text, terms)
    if not spans:
        return None
    best, best_count = 0, -1
    for i, (start, _, _) in enumerate(spans):  # the window with the most different words
        count = len({t for s, e, t in spans[i:] if e <= start + width})
        if count > best_count:
            best, best_count = i, count
    start = _start(analyzer, text, spans[best][0], width)
    end = min(len(text), start + width)
    out, pos = ["… "] if start > 0 else [], start
    for s, e in _merged(spans[best:]):
        if s >= end:
            break
        out.append(text[pos:s])
        out.append("«" + text[s:e] + "»")
        pos = e
    end = max(end, pos)
    out.append(text[pos:end])
    if end < len(text):
        out.append(" …")
    return "".join(out)


def snippet(analyzer, fields: dict, terms: set[str]) -> str:
    """The snippet of a hit (its stored fields), starting at the match: in its text; else
    in the clauses it sits in (then its text); else in its page's lead (a page hit).  A
    hit matched only by its title or label (shown on the hit's first line already) shows
    the start of its text."""
    body, lead = fields.get("body") or "", fields.get("lead") or ""
    found = marked(analyzer, body, terms)
    if found:
        return found
    context = fields.get("context") or ""
    ctx = marked(analyzer, context, terms, width=80) if context else None
    if ctx:
        return f"{ctx} › {body[:120]}"
    found = marked(analyzer, lead, terms)
    if found:
        return found
    start = body or lead
    return (start[:WIDTH] + (" …" if len(start) > WIDTH else "")) or fields.get("section") or fields.get("title") or ""
