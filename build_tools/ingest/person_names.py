"""A signatory's name read through OCR damage, checked against the Thai given names and
family names PyThaiNLP ships (thai_male_names, thai_female_names, thai_family_names).

A Thai official signs as title + given name + family name (นาย/นาง/นางสาว สมชาย ศรีสุข).
Tesseract damages a name the way it damages every word: a mark dropped or added
(`น่าย`, `มิสุข`), a look-alike letter (`ครีสุข`, `ประเสวิฐ`), a space inside it
(`สุ วรรณรัตน์`), a speck read as punctuation (`นายสมชาย-:`).  A part of the name
that is in no list but shares its skeleton (fuzzy.skeleton: what survives that
damage) with exactly one name of the list, close enough, is that name.  More parts than
two (a space inside a name, a syllable read twice) are made two where exactly one way
gives names the lists know.  A name in the
list is never changed, a short one (three letters or fewer: too many names look alike)
is left as read, and where two names of the list fit about as well, nothing is changed
and the names are flagged as a suggestion.  A name without one of the three titles (a rank, a royal
title) is left as read: the lists know no such names."""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

from build_tools.normalization import fuzzy

# Titles, the longer first (นางสาว before นาง); the given names each title goes with.
TITLES = (("นางสาว", "female"), ("นาง", "female"), ("นาย", "male"))
MIN_SKELETON = 4  # a part with fewer letters is left as read (`ศรี` fits ติธิ; จีระ, in no list, fits จิระ)
MAX_SHARE = 0.25  # the damage allowed: at most this share of the name's letters (fuzzy.cost)
# Of two names of the list that fit, the one closer by a mark's damage or more is the name
# (`วังศ์ใหญ่`: วงศ์ใหญ่, not วงค์ใหญ่); closer by less, neither is taken.
CLEARLY_CLOSER = fuzzy.MARK_COST
_PUNCT_ONLY = re.compile(r"^[^\u0e01-\u0e4e]+$")  # a token of specks (`-`, `'`, `-:`)
_EDGE_SPECKS = re.compile(r"^[^\u0e01-\u0e4e]+|[^\u0e01-\u0e4e]+$")  # specks glued to a name's ends


@dataclass
class NameReading:
    name: str  # the name as restored (or as read)
    ambiguous: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (a part as read, the names it fits)


@functools.lru_cache(maxsize=None)
def _lists() -> dict[str, tuple[frozenset[str], dict[str, tuple[str, ...]]]]:
    """kind -> (the names, skeleton -> the names with it)."""
    out = {}
    for kind, names in (("male", thai_male_names()), ("female", thai_female_names()), ("family", thai_family_names())):
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        for n in names:
            by_skeleton[fuzzy.skeleton(n)].append(n)
        out[kind] = (frozenset(names), {k: tuple(sorted(v)) for k, v in by_skeleton.items()})
    return out


def _title(token: str) -> tuple[str, str, str] | None:
    """(title, its kind of given names, the rest of the token) when `token` starts with a
    title as OCR printed it (`น่ายธีระ`, `นางลาวพรทิพย์`: the same skeleton)."""
    for title, kind in TITLES:
        want = fuzzy.skeleton(title)
        for k in range(len(want), len(title) + 3):
            if fuzzy.skeleton(token[:k]) == want and k < len(token) and token[k] not in fuzzy.MARKS:
                rest = token[k:]
                if len(fuzzy.skeleton(rest)) >= 2:
                    return title, kind, rest
    return None


def fits(part: str, kind: str, leave_out: str | None = None) -> list[tuple[float, str]]:
    """The names of the list of `kind` (but `leave_out`) that `part`, in no list, may be
    as OCR damaged it: (cost, name), the closest first; none for a short part."""
    skel = fuzzy.skeleton(part)
    if len(skel) < MIN_SKELETON:
        return []
    return sorted((c, n) for n in _lists()[kind][1].get(skel, ())
                  if n != leave_out and (c := fuzzy.cost(part, n)) <= MAX_SHARE * len(skel))


def one_name(found: list[tuple[float, str]]) -> str | None:
    """The name `fits` found, when one is (or one is closer than the others by a mark's damage)."""
    if len(found) == 1 or (len(found) > 1 and found[1][0] - found[0][0] >= CLEARLY_CLOSER):
        return found[0][1]
    return None


def _checked(part: str, kind: str, reading: NameReading) -> str:
    """`part` (a given or family name) as the list of `kind` knows it."""
    if part in _lists()[kind][0]:
        return part
    found = fits(part, kind)
    if (name := one_name(found)) is not None:
        return name
    if found:
        reading.ambiguous.append((part, tuple(n for _, n in found)))
    return part


def _merges(a: str, b: str) -> list[list[str]]:
    """What two neighbouring parts may have been before OCR split or stuttered them: one
    word a space split (`ประเ สริฐ`), a word whose end was read twice across the split
    (`ประเสริ ริฐ`), a start read again before the whole (`บุ บุญมี`), an end read again
    after it (`พรทิพย์ ย์`)."""
    out = [[a + b]]
    out += [[a + b[k:]] for k in range(1, min(len(a), len(b))) if a.endswith(b[:k])]
    out += [[b]] if b.startswith(a) else []
    out += [[a]] if a.endswith(b) else []
    return out


def _known(part: str, kind: str) -> str | None:
    """`part` as the list of `kind` knows it (restored when damaged), else None."""
    checked = _checked(part, kind, NameReading(""))
    return checked if checked in _lists()[kind][0] else None


def _rejoined(parts: list[str], kind: str) -> list[str] | None:
    """More than two parts (given name, family name) made two by undoing at most two
    splits or stutters, when exactly one way gives two names the lists know."""
    found: set[tuple[str, str]] = set()
    ways = [parts]
    for _ in range(2):
        ways = [w[:i] + m + w[i + 2:] for w in ways for i in range(len(w) - 1) for m in _merges(w[i], w[i + 1])]
        for w in ways:
            if len(w) == 2 and (given := _known(w[0], kind)) and (family := _known(w[1], "family")):
                found.add((given, family))
    return list(found.pop()) if len(found) == 1 else None


def read_person_name(text: str | None) -> NameReading | None:
    """`text`, a signatory's name, with its title and names restored where the lists
    show what OCR damaged; None for a name that is not title + given name + family name."""
    if not text:
        return None
    tokens = [t for t in text.split() if not _PUNCT_ONLY.match(t)]
    if len(tokens) < 2:
        return None
    found = _title(tokens[0])
    if found is None:
        return None
    title, kind, given = found
    reading = NameReading(text)
    parts = [_EDGE_SPECKS.sub("", t) for t in [given] + tokens[1:]]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return None
    if len(parts) > 2 and (two := _rejoined(parts, kind)):
        parts = two
    given = _checked(parts[0], kind, reading)
    reading.name = " ".join([title + given] + [_checked(p, "family", reading) for p in parts[1:]])
    return reading
