"""Step 1 of the analyzer: a text as runs, and a Thai run as words.

The text is split by our own rules (`split_runs`): Thai runs go to the segmenter; a
Latin word or a number is one word with its inner dots (0810.1, ๐๔๐๔.๒,
www.thailocaladmin.go.th); whitespace and punctuation separate.  In a Thai run a dotted
abbreviation (ป.ป.ส., สถ.) stays one word (`cut_thai`).  Terms are normalized for search
by `normalize_term`.  The character classes are also written for the browser
(build_tools.analysis.browser_tables), so the site cuts a query as this module does."""
from __future__ import annotations

import functools
import re
import unicodedata

from build_tools.common.thai import to_arabic_digits

WORDLIKE = re.compile(r"[\u0e01-\u0e4e0-9a-zA-Z๐-๙]")
THAI = re.compile(r"[\u0e01-\u0e4e]")
LATIN = re.compile(r"[A-Za-z]")
# Dotted Thai abbreviations: ป.ป.ส.  สถ.  อบต.  พ.ศ.  ส.ค.
ABBR_LETTERS = "\u0e01-\u0e2e\u0e30-\u0e39\u0e40-\u0e4c"
ABBR = re.compile(rf"^(?:[{ABBR_LETTERS}]{{1,4}}\.)+$")
# Thai letters, vowels and tone marks (not the Thai digits, ฿, ๏, ๚, ๛); with them the
# letters of scripts an OCR mistakes Thai for (Devanagari द for ด, Lao, Khmer, Myanmar),
# so a known misreading (corpus/corrections.yaml: ยอदनียม) stays one word.
THAI_LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e\u0900-\u0dff\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
WORD_CHARS = "A-Za-z0-9\u0e50-\u0e59"  # Latin letters, Arabic and Thai digits
_RUNS = re.compile(rf"""
  (?P<thai>[{THAI_LETTERS}]+(?:\.[{THAI_LETTERS}]+)*(?:\.(?!\.))?)
      # Thai text; dots between and after it may make abbreviations (decided in _cut_thai)
| (?P<word>[{WORD_CHARS}]+(?:\.[{WORD_CHARS}]+)*)
      # a Latin word, a number, both mixed (๖x๒), dotted (0810.1, ๐๔๐๔.๒, 12.30,
      # www.thailocaladmin.go.th); "/", "-", ",", ":" and "@" separate
| (?P<space>\s+)
| (?P<punct>.)  # anything else, one character each
""", re.X | re.S)


def split_runs(text: str) -> list[tuple[str, int, int]]:
    """`text` as consecutive runs (kind, start, end) covering every character; kind is
    "thai" (for the segmenter; may hold abbreviation dots), "word" (a Latin word or a
    number, one token as it is), "space" or "punct" (one character)."""
    return [(m.lastgroup, m.start(), m.end()) for m in _RUNS.finditer(text)]


_ABBR_FIRST = re.compile(rf"[{ABBR_LETTERS}]{{1,4}}")
_ABBR_NEXT = re.compile(rf"[{ABBR_LETTERS}]{{1,3}}")


def cut_thai(run: str, start: int, segment) -> list[tuple[str, int, int]]:
    """The words of a "thai" run (it may hold dots) at offset `start`, cut by `segment`
    (Thai text without dots -> its words).  A dotted abbreviation is one word: its
    first letters are the last word the segmenter cut before the first dot (1-4 letters:
    สถ., ที่อบต. -> ที่ + อบต.), every further part has 1-3 letters and a dot (ป.ป.ส.,
    ศอ.บต.).  Any other dot is punctuation and dropped (ดำเนินการ.)."""
    parts, pos = [], 0
    for piece in run.split("."):
        parts.append((piece, pos))
        pos += len(piece) + 1
    dotted = len(parts) - 1  # parts[i] is followed by a dot when i < dotted
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(parts):
        piece, p = parts[i]
        if not piece:
            break
        words, q = [], p
        for w in segment(piece):
            words.append((w, start + q, start + q + len(w)))
            q += len(w)
        if i < dotted and words and _ABBR_FIRST.fullmatch(words[-1][0]):
            abbr_start = words[-1][1]
            j = i + 1
            while j < dotted and _ABBR_NEXT.fullmatch(parts[j][0]):
                j += 1
            end = start + parts[j - 1][1] + len(parts[j - 1][0]) + 1  # through its dot
            out.extend(words[:-1])
            out.append((run[abbr_start - start:end - start], abbr_start, end))
            i = j
        else:
            out.extend(words)
            i += 1
    return out


@functools.lru_cache(maxsize=1 << 17)  # a corpus repeats its words; this is per token
def normalize_term(token: str) -> str:
    t = to_arabic_digits(unicodedata.normalize("NFC", token)).lower()
    if ABBR.match(t):
        t = t.replace(".", "")
    return t


_NOT_PLAIN = re.compile(r"[^\x00-\x7f\u0e00-\u0e7f]")  # neither ASCII nor Thai


def term_starts(text: str, terms: set[str]) -> list[int] | None:
    """Every offset of the NFC `text` where a stretch of it begins that normalize_term
    turns into one of `terms` (a superset: dots may stand anywhere in it), ascending;
    None when the text holds a character that normalize_term does not map one for one
    wherever it stands (a combining mark outside Thai, a Greek capital sigma, a letter
    that lower-cases into two), so offsets cannot be found this way."""
    odd = _NOT_PLAIN.findall(text)
    folded = to_arabic_digits(text).lower()
    if len(folded) != len(text) or any(c == "\u03a3" or unicodedata.combining(c) for c in odd):
        return None
    found = _starts_of(frozenset(terms))
    return None if found is None else [m.start() for m in found.finditer(folded)]


@functools.lru_cache(maxsize=256)  # a search looks for the same terms in each hit's fields
def _starts_of(terms: frozenset[str]) -> re.Pattern | None:
    """A pattern that matches (empty) where one of `terms` begins, dots allowed between
    its characters; None for a term of dots alone."""
    alternatives = sorted(r"\.*".join(map(re.escape, t.replace(".", ""))) for t in terms)
    if not all(alternatives):
        return None
    return re.compile("(?=" + "|".join(alternatives) + ")") if alternatives else re.compile("(?!)")


def normalize_query_text(text: str) -> str:
    return to_arabic_digits(unicodedata.normalize("NFC", text))
