"""Word-level OCR confusions, found with the dictionary and a Thai confusion model.

Never applied: each finding is a suggestion for a maintainer, who confirms it by adding
an entry to corpus/corrections.yaml (then the corrections rule applies it).

The confusion model is how Thai OCR misreads glyphs (seen in the seed scan): letters of
similar shape swap (ค/ศ/ด/ต, ข/ย, ย/อ, บ/ป, ...), a vowel's length flips (ิ/ี, ึ/ิ), a
letter or mark is dropped (นายองค์การ for นายกองค์การ, ร้ว for รั้ว) or added."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from build_tools.common.thai import dictionary_prefixes
from build_tools.normalization import lexicon
from build_tools.normalization.rules import Line

CONFUSABLE = ["คศดต", "ขย", "ยอ", "บปษ", "ถภ", "ผฝพฟ", "ซช", "ฎฏ", "ิีึื", "ุู", "่้"]
SWAPS: dict[str, str] = {}
for group in CONFUSABLE:
    for ch in group:
        SWAPS[ch] = SWAPS.get(ch, "") + "".join(o for o in group if o != ch)
CONSONANTS = "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
DROPPABLE = CONSONANTS + "ัิีึืุู่้็์า"
MIN_WORD = 4  # shorter dictionary words are too easy to hit by accident
# Two known words glued into a compound one confusion away (แดก|แยก -> แตกแยก): only
# long compounds, short ones are hit by accident (ยัง|มิ -> ยังมี, but ยังมิได้ is Thai).
MIN_PAIR = 6


@dataclass(frozen=True)
class Suggestion:
    line: int  # raw line
    wrong: str
    right: str
    context: str


def _swaps_and_removals(s: str) -> set[str]:
    """Strings one confusable swap or one extra character removed away from s."""
    out = set()
    for i, ch in enumerate(s):
        for o in SWAPS.get(ch, ""):
            out.add(s[:i] + o + s[i + 1:])
        out.add(s[:i] + s[i + 1:])
    return out


def edits(s: str, inserts: bool) -> set[str]:
    """Strings one confusion away from s: a confusable swap, a dropped character
    restored (only when `inserts`), or an extra character removed."""
    out = _swaps_and_removals(s)
    if inserts:
        for i in range(1, len(s) + 1):
            for ch in DROPPABLE:
                out.add(s[:i] + ch + s[i:])
    return out


def _best(cands: set[str], known: frozenset[str]) -> str | None:
    hits = sorted(c for c in cands if len(c) >= MIN_WORD and c in known)
    return hits[0] if len(hits) == 1 else None


@functools.lru_cache(maxsize=8)
def _beginnings(known: frozenset[str]) -> frozenset[str]:
    """Every beginning of a known word (the word itself too): the dictionary's prefix
    sets (made once per process) and the few added words' own."""
    base = dictionary_prefixes()
    added = known - base.words
    return base.starts | base.words | {w[:j] for w in added for j in range(1, len(w) + 1)}


def known_edits(s: str, inserts: bool, known: frozenset[str]) -> set[str]:
    """The edits of `s` (see edits) that can be known words: the same hits as edits, in
    a fraction of the time.  A dropped character restored at i gives a word only if the
    word begins with s[:i] and that character, so the insertions stop at the first i
    that no known word begins with s[:i]."""
    out = _swaps_and_removals(s)
    if inserts:
        begins = _beginnings(known)
        for i in range(1, len(s) + 1):
            head = s[:i]
            if head not in begins:
                break  # no word begins so: nor with a character inserted further on
            out.update(head + ch + s[i:] for ch in DROPPABLE if head + ch in begins)
    return out


@functools.lru_cache(maxsize=100_000)
def _fix(s: str, inserts: bool, known: frozenset[str]) -> str | None:
    # Memoized: the same misreading recurs across letters, and each costs hundreds of
    # candidate strings.  (`known` hashes once: a frozenset caches its hash.)
    return _best(known_edits(s, inserts, known), known)


def suggest_line(text: str, known: frozenset[str], extra: tuple[str, ...]) -> list[tuple[str, str]]:
    """(wrong, right) pairs for one line: a token span that is not a word while exactly
    one confusion of it is a dictionary word."""
    found: list[tuple[str, str]] = []
    for run in lexicon.THAI_RUN.finditer(text):
        toks = lexicon.segment(run[0], extra)
        n = len(toks)
        for i in range(n):
            for width in (1, 2, 3):
                if i + width > n:
                    break
                span = toks[i:i + width]
                s = "".join(span)
                if s in known or len(s) < MIN_WORD - 1:
                    continue
                unknown = any(t not in known or len(t) == 1 for t in span)
                if width == 1 and not unknown:
                    continue
                right = _fix(s, unknown, known)
                if right and not unknown and len(right) < MIN_PAIR:
                    continue
                if right and right not in run[0] and (right, s) not in [(r, w) for w, r in found]:
                    if not any(s in w or w in s for w, _ in found):
                        found.append((s, right))
    return found


def name_words(names: tuple[str, ...]) -> tuple[str, ...]:
    """Known names as dictionary words: multi-word names (people) by their parts."""
    return tuple(sorted({w for n in names for w in n.split()}))


def find_suggestions(lines: list[Line], names: tuple[str, ...] = ()) -> list[Suggestion]:
    extra = name_words(names)
    known = lexicon.words(extra)
    out = []
    for line in lines:
        for wrong, right in suggest_line(line.text, known, extra):
            at = line.text.find(wrong)
            out.append(Suggestion(line.src[0], wrong, right, line.text[max(0, at - 20):at + len(wrong) + 20]))
    return out


def unknown_tokens(lines: list[Line], names: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """Thai runs the dictionary cannot segment into words: (raw line, text).  Single
    letters left by the segmenter are merged with their unknown neighbours."""
    extra = name_words(names)
    known = lexicon.words(extra)
    out = []
    for line in lines:
        for run in lexicon.THAI_RUN.finditer(line.text):
            cur = ""
            for tok in lexicon.segment(run[0], extra) + [""]:
                if tok and tok not in known and not _ok_short(tok):
                    cur += tok
                    continue
                if cur:
                    out.append((line.src[0], cur))
                    cur = ""
    return out


def _ok_short(tok: str) -> bool:
    # ฯ, ๆ and abbreviation letters (อช in อช.) are not words but are not errors either.
    return tok in ("ฯ", "ๆ") or len(tok) <= 2
