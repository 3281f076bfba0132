"""The forms of Thai official correspondence (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ) and
their printed labels.

หนังสือภายนอก  ที่ (left) and the issuing office (right), the date below, then เรื่อง,
               เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, the body, ขอแสดงความนับถือ, signature,
               position, the unit, โทร / โทรสาร
บันทึกข้อความ   (หนังสือภายใน) ส่วนราชการ, ที่ ... วันที่ ..., เรื่อง, เรียน, body, signature
หนังสือประทับตรา ที่ and the office, ถึง, body, the office's name, its seal, the date below,
               the unit, โทร
คำสั่ง          คำสั่ง<office>, ที่ <n>/<year>, เรื่อง, body, สั่ง ณ วันที่ ..., signature
ประกาศ         ประกาศ<office>, เรื่อง, body, ประกาศ ณ วันที่ ..., signature

Labels are found by a fuzzy match that tolerates OCR damage (normalization/fuzzy.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from build_tools.common.thai import THAI_MARKS
from build_tools.normalization import fuzzy

# Label words of header fields, by field.
LABELS = {
    "unit": ("ส่วนราชการ",),
    "number": ("ที่",),
    "date": ("วันที่",),
    "subject": ("เรื่อง",),
    "addressee": ("เรียน", "ถึง"),
    "references": ("อ้างถึง",),
    "enclosures": ("สิ่งที่ส่งมาด้วย",),
}
URGENCIES = ("ด่วนที่สุด", "ด่วนมาก", "ด่วน")
# What an enclosure is counted in (จำนวน ๒ ชุด).
COUNT_UNITS = ("ฉบับ", "ชุด", "แผ่น", "เล่ม", "หน้า", "แผ่นพับ", "แฟ้ม", "รายการ", "เรื่อง", "ภาพ", "แผ่นซีดี")
CLOSING = "ขอแสดงความนับถือ"
STAMP_LABELS = ("เลขรับ", "เลขที่")
SPECKS = "'\"`“”‘’:;.,|-~"  # what OCR leaves beside a word (a label followed by one is still the label)
JUNK = re.compile(r"^[\s.,:;'\"`“”‘’|_~\-–—•*=<>!?@#%&^]+")


@dataclass(frozen=True)
class Form:
    key: str
    name_th: str
    header: tuple[str, ...]  # labelled header fields, in printed order
    title: str | None = None  # บันทึกข้อความ / คำสั่ง / ประกาศ, the first printed words
    closing: str | None = None
    date_place: str = "header"  # header | number-row | foot | given
    given_word: str | None = None  # สั่ง / ประกาศ (in "สั่ง ณ วันที่ ...")
    signed: bool = True


FORMS = {f.key: f for f in [
    Form("external", "หนังสือภายนอก", ("number", "subject", "addressee", "references", "enclosures"),
         closing=CLOSING),
    Form("memo", "บันทึกข้อความ", ("unit", "number", "date", "subject", "addressee"), title="บันทึกข้อความ",
         date_place="number-row"),
    Form("stamped", "หนังสือประทับตรา", ("number", "addressee"), date_place="foot", signed=False),
    Form("order", "คำสั่ง", ("number", "subject"), title="คำสั่ง", date_place="given", given_word="สั่ง"),
    Form("announcement", "ประกาศ", ("number", "subject"), title="ประกาศ", date_place="given",
         given_word="ประกาศ"),
]}


def strip_junk(text: str) -> str:
    """Without the OCR debris before the first word (speckles, emblem bits read as
    punctuation)."""
    return JUNK.sub("", text)


def label_at(text: str, field: str, strict: bool = True) -> str | None:
    """The text after `field`'s label when `text` starts with it (through OCR damage),
    else None.  Strict: the label must be followed by a space or end the text (เรียน is
    not เรียนรู้); a label where the form expects it may be glued to its value."""
    t = strip_junk(text)
    found = _label_at(t, field, strict)
    if found is None:  # one speck before it, then up to MOST_SPECKS (each text tried once)
        for after in dict.fromkeys((without_lone_letter(t), *after_specks(t))):
            if after != t and (found := _label_at(after, field, True)) is not None:
                break
    return found


def without_lone_letter(t: str) -> str:
    """`t` without a speck read as one letter or figure before its first word (LONE_LETTER)."""
    lone = LONE_LETTER.match(t)
    return strip_junk(t[lone.end():]) if lone else t


def after_specks(t: str) -> list[str]:
    """`t` after each of up to MOST_SPECKS specks read as letters, figures or brackets before
    its first word, one more each time (a marked letter may be a speck or a damaged label:
    `ที 269/2552`, so each is tried)."""
    out = []
    for _ in range(MOST_SPECKS):
        if not (piece := SPECK_PIECE.match(t)):
            break
        t = strip_junk(t[piece.end():])
        out.append(t)
    return out


def without_label_left(t: str, field: str) -> str:
    """`t` without a speck read as one letter before its first word, or without the last
    letters of the field's label that OCR left when it lost the rest (`ยน ผู้ว่าราชการ...`):
    where the field is known to stand (after the subject, the next label below), any
    two letters of the label's end will do, not CUT_SHARE of it."""
    t = without_lone_letter(t)
    return cut_at(t, LABELS[field], alone=False, share=0) or t


# A speck in the margin read as one letter or figure, standing apart before a label or a
# form's title (`น  ถึง  อธิบดี...`, `2 : ที่ มท ...`, `5 ประกาศกรม...`): no label starts with a
# letter alone (ณ is a word: `ณ วันที่`; ก็ has its mark).
_LONE = r"(?!ณ)[ก-ฮ]|[0-9๐-๙]"
_APART = r"\s*[.:,;]?\s+"
LONE_LETTER = re.compile(rf"(?:{_LONE}){_APART}")
# Up to three such specks, a bracket among them (the emblem's edge, a stamp's frame), or a
# letter with a mark or two (`ฟู เรียน นายก...`: seed 48 L34; not ก็, a word), before a label a
# form's header prints (`) ๐ < , ที 269/2552`): only a label is looked for after them.
SPECK_PIECE = re.compile(rf"(?:{_LONE}|[()\[\]{{}}]|(?!ก็)[ก-ฮ][{THAI_MARKS}]{{1,2}}){_APART}")
MOST_SPECKS = 3


def _label_at(t: str, field: str, strict: bool) -> str | None:
    for word in LABELS[field]:
        n = fuzzy.starts_with(t, word, 1.0 if strict else 1.6)
        if n is None:
            continue
        rest = t[n:]
        if strict and rest and not (rest[0].isspace() or rest[0] in SPECKS) and not _glued_ok(word, rest):
            continue
        return rest.strip(" :.").lstrip("-~ ")  # (a speck glued to the label: `เรื่อง-`)
    return None


CUT_SHARE = 0.6  # a label cut at the page's left edge keeps at least this share of its letters


def label_cut_at(text: str, field: str, alone: bool = False) -> str | None:
    """The text after `field`'s label when the label lost its first letters (the scan cut
    at the left margin: `รียน`, `ยน` for เรียน, `างถึง` for อ้างถึง), else None.  The rest
    of the label must be there as printed and a space must follow it (or, `alone`: a
    segment of its own, a wide gap after it, may end with it)."""
    return cut_at(strip_junk(text), LABELS[field], alone=alone)


GARBLED_HEAD = 4  # characters OCR made of a label's first letters and their marks (`เย้้างถึง` for อ้างถึง)


def label_garbled_at(text: str, field: str) -> str | None:
    """The text after `field`'s label whose first letters OCR read as other letters and marks
    (`เย้้างถึง ๑. หนังสือ...`): the label's tail as label_cut_at takes it, after up to
    GARBLED_HEAD characters that are not the tail; the caller checks the rest is the field's."""
    t = strip_junk(text)
    for j in range(1, GARBLED_HEAD + 1):
        if j < len(t) and _BASE.match(t[j]) and (rest := cut_at(t[j:], LABELS[field])) is not None:
            return rest
    return None


def cut_at(t: str, words, alone: bool = False, share: float = CUT_SHARE) -> str | None:
    """The text after one of `words` that lost its first letters (at least `share` of its
    letters left, and two); `alone`: the word may also end the text (nothing after it)."""
    for word in words:
        whole = len(fuzzy.skeleton(word))
        for k in range(1, len(word) - 1):
            part = word[k:]
            if not _BASE.match(part) or len(fuzzy.skeleton(part)) < max(2, share * whole):
                continue
            if t.startswith(part) and (len(t) > len(part) and t[len(part)] in " :" or alone and t == part):
                return t[len(part):].strip(" :.")
    return None


_BASE = re.compile("[ก-ฮะาเแโใไ]")  # a cut label starts at a letter or a leading vowel, not a mark


def _glued_ok(word: str, rest: str) -> bool:
    """A label glued to what follows is still the label when what follows cannot
    continue the word: ที่มท 0810 (a number), เรื่องขอ... is not decidable (strict)."""
    return word in ("ที่", "วันที่") and bool(re.match(r"[ก-ฮ]{2}\s*[0-9๐-๙]|[0-9๐-๙]", rest))


def urgency_at(text: str) -> tuple[str, str] | None:
    """(urgency, the rest of the line) when the line starts with a speed class."""
    t = strip_junk(text)
    for word in URGENCIES:
        n = fuzzy.starts_with(t, word)
        if n is not None and (len(t) == n or t[n].isspace()):
            if word == "ด่วน" and fuzzy.starts_with(t, "ด่วนมาก"):
                continue
            return word, t[n:].strip()
    return None


# A speed class's stamp keeps less of itself than a label and is still that class: its tail
# alone on a line at the top (`สุด`, `มาก`) is no other word's there (seed 42 L06).
URGENCY_CUT_SHARE = 0.3


def urgency_cut_at(text: str) -> tuple[str, str] | None:
    """(urgency, the rest) of a speed class stamped at the page's left edge that lost its
    first letters (`วน` for ด่วน, `สุด` for ด่วนที่สุด): only a line's first part, at the top of a letter."""
    t = strip_junk(text)
    for word in URGENCIES:
        rest = cut_at(t, (word,), alone=True, share=URGENCY_CUT_SHARE)
        if rest is not None:
            return word, rest
    return None


def title_of(text: str) -> tuple[str, str] | None:
    """(form key, the office after the title word) of a form's title line."""
    t = without_lone_letter(strip_junk(text))
    if fuzzy.starts_with(t, "บันทึกข้อความ") is not None and len(fuzzy.skeleton(t)) <= 14:
        return "memo", ""
    for key in ("order", "announcement"):
        word = FORMS[key].title
        n = fuzzy.starts_with(t, word)
        if n is None or re.match(r"\S{0,2}?[\s.,:;'\"]*ณ\s", t[n:]) or len(t) > 90:  # (a given-date line; OCR
            # may leave the title word's last letter, specks after it: `ประกาคศ. ณ วันที่`)
            continue
        return key, t[n:].strip()
    return None


def is_closing(text: str) -> bool:
    return fuzzy.starts_with(strip_junk(text), CLOSING) is not None


GIVEN_WORD_COST = 1.6  # ประกาศ / สั่ง through more damage than a label (ณ must follow it: `ประก่วค ณ`)


# ณ after the given word: a mark or a speck beside it.
_NA = r"[\s.,:;'\"-]*ณ[\u0e31-\u0e4e.,]*\s*"


def _given_word_cut(t: str, word: str) -> str | None:
    """The date after the given word OCR cut short (`สั ณ วันที่ 15 ...` for สั่ง: its first
    letters only), when ณ วันที่ follows it."""
    m = re.match(rf"(\S{{1,6}}?){_NA}", t)
    if not m or not (cut := fuzzy.skeleton(m[1])) or not fuzzy.skeleton(word).startswith(cut):
        return None
    rest = t[m.end():]
    k = fuzzy.starts_with(rest, "วันที่")
    return rest[k:].strip() if k is not None else None


# Figures OCR read before the given word (`2209 ประกาศ-ณ วันที่ ...`, `1สัง ณ วันที่ ...`: a
# stamp's or the margin's specks), apart from it or glued to it.
_FIGURES_BEFORE = re.compile(r"^[0-9๐-๙.,:;'\"|()\[\]-]{1,5}\s*")


def given_date_at(text: str, form: Form) -> str | None:
    """The date part of "สั่ง ณ วันที่ ..." / "ประกาศ ณ วันที่ ..." (behind specks too)."""
    if not form.given_word:
        return None
    t = strip_junk(text)
    for cand in dict.fromkeys((t, *after_specks(t), strip_junk(_FIGURES_BEFORE.sub("", t)))):
        if (found := _given_date(cand, form.given_word)) is not None:
            return found
    return None


def _given_date(t: str, given_word: str) -> str | None:
    n = fuzzy.starts_with(t, given_word, GIVEN_WORD_COST)
    if n is None:
        return _given_word_cut(t, given_word)
    # a letter or two OCR added to the word (`ประกาศค ณ`, `ประกาคศ. ณ`)
    m = re.match(rf"([ก-ฮ\u0e31-\u0e4e]{{0,3}}){_NA}", t[n:])
    if not m:
        return None
    rest = t[n + m.end():]
    k = fuzzy.starts_with(rest, "วันที่")
    if re.search("[ก-ฮ]", m[1]) and k is None and not re.search("[0-9๐-๙]", rest):
        return None  # (another word: `ประกาศผล ณ ที่ทำการ`; a date follows the given word)
    return rest[k:].strip() if k is not None else rest.strip()
