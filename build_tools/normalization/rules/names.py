"""Known names restored: a name the corpus data knows (the programme's name, agency and
office names, roads, hotels: ctx.known_names; places after จังหวัด / อำเภอ / ตำบล from the
geothai gazetteer) that OCR damaged by one or two confusions (สยามเมืองอิ้ม, กรมการพัฒนา
ซุมชน, a dropped tone mark) is written as the name.  Matching goes through the damage
model of normalization/fuzzy.py: the damaged text must have the name's skeleton and cost
at most MAX_COST.  A span two names fit equally well is left alone and flagged as a
suggestion.  People's names are never in the list (a name is printed as it is)."""
from __future__ import annotations

import functools
import re

import geothai

from build_tools.normalization import fuzzy
from build_tools.normalization.rules.base import Context, Line, per_line

MAX_COST = 0.75  # two look-alike letters, or three marks
# A long name may carry more damage: up to this much per letter of its skeleton (a
# 22-letter office name OCR read with four damaged letters and marks is still that name).
MAX_SHARE = 0.075
MIN_SKELETON = 5  # shorter names are ordinary words too often
PLACE_WORDS = {"จังหวัด": "province", "จ.": "province", "อำเภอ": "district", "อ.": "district",
               "ตำบล": "subdistrict", "ต.": "subdistrict"}
_PLACE_RE = re.compile(r"(จังหวัด|อำเภอ|ตำบล|(?<![ก-๛])[จอต]\.)\s?")
# จ. อ. ต. starting an abbreviation of letters and dots (ต.ค. is ตุลาคม, อ.ส.ม.), no place
_ABBREVIATION = re.compile(r"[ก-ฮ]{1,2}\.")


def _skeleton_index(text: str) -> list[int]:
    """For each character of the skeleton of `text` (fuzzy.skeleton_of), its index in `text`."""
    dropped = fuzzy.NOT_IN_SKELETON
    return [i for i, ch in enumerate(text) if ch not in dropped]


def _span_end(text: str, i: int) -> int:
    """After the character at i, include the marks that belong to it."""
    j = i + 1
    while j < len(text) and text[j] in fuzzy.MARKS:
        j += 1
    return j


@functools.lru_cache(maxsize=8)
def _index(names: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """(skeleton, its first two letters, the names with it), longest skeleton first."""
    by_skeleton: dict[str, list[str]] = {}
    for n in names:
        sk = fuzzy.skeleton(n)
        if len(sk) >= MIN_SKELETON and " " not in n.strip():
            by_skeleton.setdefault(sk, []).append(n)
    return [(sk, sk[:2], found) for sk, found in sorted(by_skeleton.items(), key=lambda kv: -len(kv[0]))]


@functools.lru_cache(maxsize=8)
def _any_name(names: tuple[str, ...]) -> re.Pattern:
    """Matches where any name's skeleton is in a line's skeleton: most lines hold none
    (seven in ten of a corpus's lines), and one scan tells."""
    return re.compile("|".join(re.escape(sk) for sk, _, _ in _index(names)) or "(?!)")


def _pairs(skel: str) -> set[str]:
    """Every two letters in a row of a skeleton: a name whose skeleton starts with two
    letters not among them is not in the line (most names are in no line)."""
    return {skel[i:i + 2] for i in range(len(skel) - 1)}


@functools.lru_cache(maxsize=4)
def gazetteer(level: str) -> tuple[str, ...]:
    if level == "province":
        return tuple(sorted({p.name_th for p in geothai.provinces()}))
    names = set()
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            if level == "district":
                names.add(d.name_th)
            else:
                names |= {s.name_th for s in geothai.subdistricts(d.code)}
    return tuple(sorted(names))


@functools.lru_cache(maxsize=4)
def _places_by_name(level: str) -> frozenset[str]:
    """The level's names as a set: a word is looked up after every จังหวัด, อำเภอ and
    ตำบล of a corpus (the subdistricts are over 7,000 names)."""
    return frozenset(gazetteer(level))


def warm_places() -> None:
    """Make the gazetteer's tables once, in a process that forks the normalization's
    workers (each would make its own)."""
    for level in set(PLACE_WORDS.values()):
        _places_by_name(level)
        _places_by_skeleton(level)


@functools.lru_cache(maxsize=4)
def _places_by_skeleton(level: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n in gazetteer(level):
        out.setdefault(fuzzy.skeleton(n), []).append(n)
    return out


def max_cost(name: str) -> float:
    return max(MAX_COST, MAX_SHARE * len(fuzzy.skeleton(name)))


def _fix(text: str, start: int, end: int, name: str) -> tuple[str, str] | None:
    found = text[start:end]
    if found == name or " " in found.strip() or fuzzy.cost(found, name) > max_cost(name):
        return None
    return found, text[:start] + name + text[end:]


def restore_line(text: str, names: tuple[str, ...]) -> tuple[str, list[tuple[str, str]], list[str]]:
    """(new text, [(damaged, name)], [ambiguous spans]) for one line."""
    changes, ambiguous = [], []
    taken: list[tuple[int, int]] = []
    skel, idx = fuzzy.skeleton_of(text), None  # idx: made when a skeleton is found
    if not _any_name(names).search(skel):
        return text, changes, ambiguous
    pairs = _pairs(skel)
    for sk, first, candidates in _index(names):
        at = skel.find(sk) if first in pairs else -1
        while at >= 0:
            idx = idx or _skeleton_index(text)
            start, end = idx[at], _span_end(text, idx[at + len(sk) - 1])
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                # The name as printed (most names in most letters): nothing to restore or
                # flag, whatever else would fit.
                fits = [] if text[start:end] in candidates else \
                    sorted({n for n in candidates if fuzzy.cost(text[start:end], n) <= max_cost(n)})
                if len(fits) > 1 and text[start:end] not in fits:
                    ambiguous.append(text[start:end])
                elif len(fits) == 1 and (fixed := _fix(text, start, end, fits[0])):
                    changes.append((fixed[0], fits[0]))
                    delta = len(fits[0]) - (end - start)
                    taken = [(s + delta if s >= end else s, e + delta if e >= end else e) for s, e in taken]
                    taken[-1] = (start, start + len(fits[0]))
                    text = fixed[1]
                    skel, idx = fuzzy.skeleton_of(text), None
                    pairs = _pairs(skel)
            at = skel.find(sk, at + 1)
    return text, changes, ambiguous


TITLE_SLACK = 3  # letters OCR may have added or dropped in a position's title
# letters the damaged title may have more or fewer than the title (a lost head is the cut rule's
# below: องค์การบริหารส่วนตำบล is a name of its own, not นายกองค์การ... damaged)
TITLE_LETTERS_LOST = 1
TITLE_MARGIN = 0.5  # the best title beats the next by this much, or none is taken
TITLE_HEAD_CUT = 8  # letters OCR may have cut off a title's start
TITLE_TAIL = 8  # a title's tail shorter than this is too common a word to tell the title
TITLE_END_CUT = 3  # characters OCR may have cut off a title's end (at the line's end: ป.ป.ส. read ป.ป)


def restore_title(text: str, titles: tuple[str, ...], names: tuple[str, ...] = ()) -> tuple[str, list[tuple[str, str]]]:
    """A position (a signatory's, an addressee's) whose title, one of `titles` (corpus/
    names.yaml positions), OCR damaged past the skeleton restore_line needs (a letter lost:
    `ปลัดกระทรว่งมหาดทย`; a look-alike: `อธิยดีกรม...`) or whose head it cut off
    (`าราชการจังหวัดขอนแก่น`): (the text with its start written as the one title that fits,
    [(damaged, title)]).  The place after the title is restore_places' work.  `names`: the
    known names; a text that starts with one (`องค์การบริหารส่วนตำบล ทุกแห่ง`, `กรมส่งเสริม...`) is
    that name, not a title's cut tail (นายกองค์การ..., อธิบดีกรม...)."""
    if not text or not titles or any(text.startswith(t) for t in titles):
        return text, []
    fits = sorted(min(((fuzzy.name_cost(text[:e], t), e, t) for e in range(max(1, len(t) - TITLE_SLACK),
                                                                      min(len(text), len(t) + TITLE_SLACK) + 1)
                       if abs(len(fuzzy.skeleton(text[:e])) - len(fuzzy.skeleton(t))) <= TITLE_LETTERS_LOST),
                      default=(float("inf"), 0, t))
                  for t in titles if len(text) >= len(t) - TITLE_SLACK)
    if fits and fits[0][0] <= max_cost(fits[0][2]) and (len(fits) == 1 or fits[1][0] - fits[0][0] >= TITLE_MARGIN):
        _, end, title = fits[0]
        end = _span_end(text, end - 1)  # (a mark OCR put on the title's last letter is the title's: `ป.ป.สี`)
        return title + text[end:], [(text[:end], title)]
    if any(text.startswith(n) for n in names if len(n) >= TITLE_TAIL):
        return text, []
    # the head cut off: a title's tail starts the text, OCR's spaces inside it aside (the fewest letters lost wins)
    cut = sorted((j, m.end(), t) for t in titles for j in range(1, min(TITLE_HEAD_CUT, len(t) - TITLE_TAIL) + 1)
                 if (m := re.match(r" ?".join(map(re.escape, t[j:])), text)))
    if cut and (len(cut) == 1 or cut[1][0] > cut[0][0]):
        _, end, title = cut[0]
        return title + text[end:], [(text[:end], title)]
    # the tail cut off, the text all of one title but its last few characters (`เลขาธิการ ป.ป`)
    tail = [t for t in titles if t.startswith(text) and len(text) >= TITLE_TAIL and len(t) - len(text) <= TITLE_END_CUT]
    return (tail[0], [(text, tail[0])]) if len(tail) == 1 else (text, [])


# A place the letter's own issuer names may carry more damage than the gazetteer's
# restoration allows (restore_places: one name of the same skeleton): up to this much per
# letter of the place's skeleton (เชียงเหม่ and เชีเชี่ยงใหม่ are เชียงใหม่, ขา is not ขอนแก่น).
OWN_PLACE_SHARE = 0.4


def restore_own_place(text: str, titles: tuple[str, ...], places: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """A position whose title (one of `titles`) ends with จังหวัด or อำเภอ, and whose place
    after it OCR damaged, when the place is the issuing office's own (`places`: its
    province, its district): a governor signs for his province, a district chief for his
    district.  (the text with the place restored, [(damaged, place)])."""
    for title in titles:
        level = next((lv for word, lv in PLACE_WORDS.items() if title.endswith(word)), None)
        own = places.get(level) if level else None
        if not own or not text.startswith(title):
            continue
        read = text[len(title):]
        tight = read.replace(" ", "")
        if not tight or tight == own or not fuzzy.skeleton(tight):
            return text, []
        if fuzzy.cost(tight, own) <= OWN_PLACE_SHARE * len(fuzzy.skeleton(own)):
            return title + own, [(read, own)]
        return text, []
    return text, []


def restore_places(text: str) -> tuple[str, list[tuple[str, str]], list[str]]:
    """Place names after จังหวัด / อำเภอ / ตำบล (and จ. อ. ต.): restored from the gazetteer
    when the damaged word has exactly one name's skeleton within the damage allowed."""
    changes, ambiguous = [], []
    for m in list(_PLACE_RE.finditer(text))[::-1]:
        level = PLACE_WORDS[m.group(1)]
        rest = text[m.end():]
        word = rest.split(" ")[0]
        if not word or word in _places_by_name(level) or (m.group(1).endswith(".") and _ABBREVIATION.match(rest)):
            continue
        fits = sorted({n for n in _places_by_skeleton(level).get(fuzzy.skeleton(word), ())
                       if fuzzy.cost(word, n) <= MAX_COST}) or _last_letter_lost(word, level)
        if len(fits) == 1:
            changes.append((word, fits[0]))
            text = text[:m.end()] + fits[0] + rest[len(word):]
        elif len(fits) > 1:
            ambiguous.append(word)
    return text, changes, ambiguous


LAST_LETTER_LEVELS = ("province",)  # 77 names: one whose last letter is lost is still one name
MIN_CUT_SKELETON = 5


@functools.lru_cache(maxsize=2)
def _places_by_cut_skeleton(level: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n in gazetteer(level):
        sk = fuzzy.skeleton(n)
        if len(sk) > MIN_CUT_SKELETON:
            out.setdefault(sk[:-1], []).append(n)
    return out


def _last_letter_lost(word: str, level: str) -> list[str]:
    """The province a word is with its last letter lost (เชียงไห: เชียงใหม่, the letter
    at the line's edge faint), within the damage allowed besides that letter."""
    if level not in LAST_LETTER_LEVELS or len(fuzzy.skeleton(word)) < MIN_CUT_SKELETON:
        return []
    return sorted({n for n in _places_by_cut_skeleton(level).get(fuzzy.skeleton(word), ())
                   if fuzzy.cost(word, n) <= MAX_COST + fuzzy.OTHER_COST})


def restore_known_names(lines: list[Line], ctx: Context) -> list[Line]:
    if not ctx.known_names and not ctx.restore_places:
        return lines

    def fix(line: Line) -> tuple[Line, bool]:
        text, changes, ambiguous = restore_line(line.text, ctx.known_names) if ctx.known_names else (line.text, [], [])
        if ctx.restore_places:
            text, more, amb = restore_places(text)
            changes, ambiguous = changes + more, ambiguous + amb
        if changes:
            ctx.record("restore_known_names", line.src, line.text, text,
                       "known names damaged by OCR, restored: "
                       + ", ".join(f"'{w}' -> '{n}'" for w, n in changes)
                       + " (corpus/names.yaml, agencies, letter codes, the geothai gazetteer)")
        for span in ambiguous:
            ctx.flag("name_suggestion", line.src[0], f"'{span}' may be one of several known names: check the scan")
        if text == line.text:
            return line, not ambiguous
        return Line(text, line.src), False

    return per_line("restore_known_names", lines, ctx, fix)


RULES = [restore_known_names]
