"""Mixed-script intrusions: letters of another script glued to Thai letters (Devanagari
द in ยอदनียม, Latin `riminal` in ปัญหาคriminal).  A look-alike reading is applied only
when it turns the word into a dictionary word (unambiguous); otherwise it is flagged."""
from __future__ import annotations

import re
import unicodedata

from build_tools.normalization import lexicon
from build_tools.normalization.rules.base import Context, Line

THAI_LETTER = "\u0e01-\u0e3a\u0e40-\u0e4e"
# Glyphs of other scripts that OCR confuses with a Thai letter of the same shape.
LOOKALIKE = {
    "द": "ด", "न": "น", "ब": "บ", "व": "ว", "ग": "ก", "प": "ป", "म": "ม", "ल": "ล", "र": "ร",
    "ठ": "ร", "ड": "ค",
}
_FOREIGN = r"[^\W\d_\u0e00-\u0e7f]"  # a letter (any script) that is not Thai
_INTRUSION = re.compile(
    f"(?<=[{THAI_LETTER}]){_FOREIGN}+|{_FOREIGN}+(?=[{THAI_LETTER}])")
_WORD = re.compile(f"[{THAI_LETTER}]*(?:{_FOREIGN}+[{THAI_LETTER}]*)+|[{THAI_LETTER}]+")


def script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0].capitalize() if name else "Unknown"


def find_intrusions(text: str) -> list[re.Match]:
    return list(_INTRUSION.finditer(text))


def _repair(text: str, m: re.Match, known: frozenset[str], extra: tuple[str, ...]) -> str | None:
    """The text with this intrusion read as Thai look-alikes, if every glyph has one and
    the word around it then segments into dictionary words only."""
    if not all(ch in LOOKALIKE for ch in m[0]):
        return None
    mapped = text[:m.start()] + "".join(LOOKALIKE[ch] for ch in m[0]) + text[m.end():]
    # The Thai run around the intrusion, segmented: every token touching it must be a word.
    start = m.start()
    while start > 0 and re.match(f"[{THAI_LETTER}]", mapped[start - 1]):
        start -= 1
    end = m.end()
    while end < len(mapped) and re.match(f"[{THAI_LETTER}]", mapped[end]):
        end += 1
    pos = start
    for tok in lexicon.segment(mapped[start:end], extra):
        t0, t1 = pos, pos + len(tok)
        pos = t1
        if t1 > m.start() and t0 < m.end() and tok not in known:
            return None
    return mapped


def repair_mixed_script(lines: list[Line], ctx: Context) -> list[Line]:
    out = []
    for line in lines:
        text = line.text
        if not find_intrusions(text):
            out.append(line)
            continue
        extra = tuple(ctx.names)
        known = lexicon.words(extra)
        while True:
            for m in find_intrusions(text):
                fixed = _repair(text, m, known, extra)
                if fixed is not None:
                    ctx.record("repair_mixed_script", line.src, text, fixed,
                               f"{script_of(m[0][0])} look-alike '{m[0]}' inside a Thai word")
                    text = fixed
                    break
            else:
                break
        for m in find_intrusions(text):
            word = next((w[0] for w in _WORD.finditer(text) if w.start() <= m.start() < w.end()), m[0])
            ctx.flag("mixed-script", line.src[0],
                     f"{script_of(m[0][0])} letters '{m[0]}' inside Thai text '{word}'; "
                     "add a reviewed fix to corpus/corrections.yaml")
        out.append(Line(text, line.src) if text != line.text else line)
    return out


RULES = [repair_mixed_script]
