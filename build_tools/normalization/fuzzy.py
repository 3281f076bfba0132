"""Matching printed words through the damage Tesseract's Thai model does to them.

The damage this corpus shows (shared/REFERENCE.md and the scans of issue #16): tone and
vowel marks dropped or added (ที่ -> ที, สิ่ง -> สิง), letters that look alike swapped
(ค/ศ/ด/ต, ย/อ, ข/ย, ช/ซ, บ/ป, ...), sara am decomposed or read as sara aa, a space
inside a word, stray punctuation.  A weighted edit distance prices each kind of damage
(`cost`), so a label or a known name is found at a small cost while an unrelated word
costs as much as its length.  The price list is here, in one place."""
from __future__ import annotations

import functools
import re
import unicodedata

from pythainlp import thai_above_vowels, thai_below_vowels, thai_tonemarks

# Marks OCR drops and adds: tone marks, above and below vowels, thanthakhat, nikhahit, maitaikhu.
MARKS = frozenset(thai_tonemarks + thai_above_vowels + thai_below_vowels + "\u0e4c\u0e4d\u0e47")
# Pairs of letters Tesseract confuses (both ways); classes are their transitive closure.
CONFUSED_PAIRS = ("คศ", "คด", "ดต", "ยอ", "ขย", "ขช", "ชซ", "บป", "ผฝ", "พฟ", "ถภ", "สล", "ฎฏ",
                  "ใไ", "ฃข", "ฅค", "ษบ", "ฆม", "ทห", "นม", "รธ", "รว", "อฮ")
# Pairs Tesseract confuses less often, or only in damaged print, counted over the pages of
# the generated letter sets (seeds 39-48: ten or more substitutions of each pair, both
# directions). Priced between a look-alike and any other letter, and only where a whole
# known name is matched (name_cost): no skeleton class, so a short label (เรียน) is not
# found in another word (เรียบ) and the index of names stays as sharp.
LOOSE_PAIRS = frozenset(frozenset(p) for p in ("พห", "กภ", "นบ", "นห", "นป", "กถ", "กฏ", "กค"))
LOOSE_COST = 0.5
MARK_COST = 0.25  # a mark dropped, added or swapped for another
CONFUSED_COST = 0.35  # a letter read as its look-alike
SPACE_COST = 0.1  # a space inside a word (or dropped between two)
PUNCT_COST = 0.3  # stray punctuation (speckles read as . , ' :)
OTHER_COST = 1.0
PUNCT = frozenset(".,'\":;`|-_~!")


def _classes() -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for a, b in CONFUSED_PAIRS:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {c: find(c) for c in parent}


CLASS = _classes()


def clean(text: str) -> str:
    """NFC, sara am composed (ํ + า -> ำ, also with a tone mark between)."""
    t = unicodedata.normalize("NFC", text)
    return re.sub("\u0e4d([\u0e48-\u0e4b]?)\u0e32", "\\1\u0e33", t)


@functools.lru_cache(maxsize=1024)
def skeleton_char(c: str) -> str:
    """One (already cleaned) character's part of the skeleton ('' when it has none)."""
    if c in MARKS or c.isspace() or c in PUNCT:
        return ""
    return CLASS.get(c, "\u0e32" if c == "\u0e33" else c)


def _skeleton_table() -> dict[int, str | None]:
    """skeleton_char for str.translate: every character whose part differs from itself
    (the whitespace characters are all below U+3001)."""
    changed = set(MARKS) | set(PUNCT) | set(CLASS) | {"\u0e33"} | {chr(i) for i in range(0x3001) if chr(i).isspace()}
    return {ord(c): skeleton_char(c) or None for c in changed}


SKELETON_TABLE = _skeleton_table()
# The characters with no part in the skeleton (skeleton_char gives '').
NOT_IN_SKELETON = frozenset(chr(k) for k, v in SKELETON_TABLE.items() if v is None)


def skeleton_of(text: str) -> str:
    """skeleton_char of each character of `text` (not cleaned first), joined."""
    return text.translate(SKELETON_TABLE)


def skeleton(text: str) -> str:
    """What survives OCR: no marks, no spaces or punctuation, sara am = sara aa, each
    letter as its look-alike class.  Two spellings with the same skeleton differ only by
    damage OCR does."""
    return skeleton_of(clean(text))


def sub_cost(a: str, b: str, loose: bool = False) -> float:
    if a == b:
        return 0.0
    if a in MARKS and b in MARKS:
        return MARK_COST
    if CLASS.get(a, a) == CLASS.get(b, b) or {a, b} == {"\u0e33", "\u0e32"}:
        return CONFUSED_COST
    if loose and frozenset((a, b)) in LOOSE_PAIRS:
        return LOOSE_COST
    return OTHER_COST


def indel_cost(c: str) -> float:
    if c in MARKS:
        return MARK_COST
    if c.isspace():
        return SPACE_COST
    if c in PUNCT:
        return PUNCT_COST
    return OTHER_COST


def cost(a: str, b: str) -> float:
    """The weighted edit distance between two strings (both cleaned first)."""
    return _cost(clean(a), clean(b))


def name_cost(a: str, b: str) -> float:
    """cost, with the pairs OCR confuses less often (LOOSE_PAIRS) priced as damage too: for a
    text matched against a whole known name or title, long enough that one such letter
    does not make another word of it."""
    return _cost(clean(a), clean(b), True)


@functools.lru_cache(maxsize=65536)
def _cost(a: str, b: str, loose: bool = False) -> float:
    prev = [0.0]
    for cb in b:
        prev.append(prev[-1] + indel_cost(cb))
    for ca in a:
        cur = [prev[0] + indel_cost(ca)]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + indel_cost(ca), cur[j - 1] + indel_cost(cb),
                           prev[j - 1] + sub_cost(ca, cb, loose)))
        prev = cur
    return prev[-1]


def prefix_match(text: str, word: str, bound: float = float("inf")) -> tuple[int, float]:
    """The cheapest way `text` can start with `word`: (characters of `text` it takes,
    cost).  The match may swallow spaces and stray punctuation inside the word.  Costs
    only grow row by row, so once a whole row costs more than `bound` the answer is
    (0, inf): no prefix is that close (a label tried on every line mostly ends here)."""
    t, w = clean(text), clean(word)
    limit = min(len(t), len(w) * 2 + 4)
    t_indel = [indel_cost(c) for c in t[:limit]]
    # rows: positions in w; columns: positions in t
    prev = [0.0]
    for j in range(limit):
        prev.append(prev[-1] + t_indel[j])
    for cw in w:
        w_indel = indel_cost(cw)
        cur = [prev[0] + w_indel]
        for j in range(1, limit + 1):
            cur.append(min(prev[j] + w_indel, cur[j - 1] + t_indel[j - 1], prev[j - 1] + sub_cost(cw, t[j - 1])))
        if min(cur) > bound:
            return 0, float("inf")
        prev = cur
    best = min(range(limit + 1), key=lambda j: (prev[j], -j))
    return _original_index(text, t, best), prev[best]


def _original_index(orig: str, cleaned: str, j: int) -> int:
    """Map an index in the cleaned text back to the original (cleaning only composes)."""
    if orig == cleaned:
        return j
    k = 0
    for i in range(len(orig) + 1):
        if len(clean(orig[:i])) >= j:
            return i
        k = i
    return k


def tolerance(word: str) -> float:
    """How much damage a word of this length may show and still be that word: about one
    mark per three characters, one look-alike letter in a short word."""
    n = len(skeleton(word)) or 1
    return max(0.55, 0.35 + 0.12 * n)  # a one-letter word may lose both its marks (ที่ -> ท)


def starts_with(text: str, word: str, slack: float = 1.0) -> int | None:
    """Length of `text`'s prefix that is `word` as OCR printed it, or None.  `slack` > 1
    allows more damage (where the word is expected, e.g. the next label of a form)."""
    if not text:
        return None
    if text.startswith(word):
        return len(word)
    allowed = tolerance(word) * slack
    end, c = prefix_match(text, word, bound=allowed)
    return end if c <= allowed and end > 0 else None


def best_name(text: str, names, max_share: float = 0.25) -> tuple[str, float] | None:
    """The known name `text` most likely is (weighted cost at most `max_share` of the
    name's length), or None; ties (two names equally close) give None."""
    scored = sorted((cost(text, n) / max(1, len(skeleton(n))), n) for n in names)
    if not scored or scored[0][0] > max_share:
        return None
    if len(scored) > 1 and scored[1][0] - scored[0][0] < 0.02 and skeleton(scored[1][1]) != skeleton(scored[0][1]):
        return None
    return scored[0][1], scored[0][0]
