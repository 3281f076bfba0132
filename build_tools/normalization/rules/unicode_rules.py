"""Unicode repairs: composed form, canonical mark order, no invisible characters."""
from __future__ import annotations

import re
import unicodedata

from build_tools.normalization.rules.base import Context, Line, map_lines


def nfc(lines: list[Line], ctx: Context) -> list[Line]:
    # NFC, never NFKC: NFKC decomposes sara am (ำ -> ํ + า) and breaks search.
    return map_lines("nfc", lambda t: unicodedata.normalize("NFC", t), lines, ctx,
                     "Unicode NFC")


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_invisible(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("strip_invisible", lambda t: _INVISIBLE.sub("", t), lines, ctx,
                     "zero-width or control character from the OCR tool")


TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
# Sara am typed as nikhahit + sara aa (ํ + า), with the tone mark on either side of ํ.
_DECOMPOSED_AM = re.compile(f"([{TONES}]?)\u0e4d([{TONES}]?)\u0e32")


def compose_sara_am(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("compose_sara_am",
                     lambda t: _DECOMPOSED_AM.sub(lambda m: m[1] + m[2] + "\u0e33", t),
                     lines, ctx, "sara am written as nikhahit + sara aa (ํ + า -> ำ)")


# Two sara e (เ + เ) are how OCR and old typists wrote sara ae (แ).
_DOUBLE_E = re.compile("\u0e40\u0e40")


def merge_doubled_vowels(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("merge_doubled_vowels", lambda t: _DOUBLE_E.sub("\u0e41", t), lines, ctx,
                     "two sara e (เเ) for sara ae (แ)")


# A word's final sara a read again after a space (`ประ ะเสริฐ`, `คณะ ะกรรมการ`): no Thai
# word begins with ะ.
SARA_A_TWICE = re.compile(r"ะ\s+ะ")
# Two sara aa in a row (`ทองม่าา`): no Thai word has them, OCR read one twice (ingest's names).
SARA_AA_TWICE = re.compile("\u0e32{2,}")


def drop_repeated_sara_a(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("drop_repeated_sara_a", lambda t: SARA_A_TWICE.sub("ะ", t), lines, ctx,
                     "sara a (ะ) read twice across a space: no word begins with ะ")


# Above/below vowels and the short-vowel mark come before the tone mark in Thai
# encoding order (กิ่ = ก + ิ + ่); OCR sometimes emits the tone first.
_UPPER_LOWER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"
_TONE_FIRST = re.compile(f"([{TONES}\u0e4c])([{_UPPER_LOWER}])")


def order_tone_marks(lines: list[Line], ctx: Context) -> list[Line]:
    def fix(t: str) -> str:
        while True:  # a run like ่ ่ ิ needs more than one swap
            new = _TONE_FIRST.sub(r"\2\1", t)
            if new == t:
                return t
            t = new

    return map_lines("order_tone_marks", fix, lines, ctx,
                     "tone mark typed before the vowel it sits on")


# The same combining mark twice in a row (ก่่, กิิ) is an OCR stutter, never Thai.
_DUP_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")


def drop_duplicate_marks(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("drop_duplicate_marks", lambda t: _DUP_MARK.sub(r"\1", t), lines, ctx,
                     "the same vowel or tone mark twice in a row")


def strip_trailing_space(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("strip_trailing_space", lambda t: t.rstrip(), lines, ctx)


# Order before de-duplication: once every vowel precedes every tone in a cluster,
# dropping repeats cannot unsort it (so the chain is idempotent).
RULES = [nfc, strip_invisible, compose_sara_am, merge_doubled_vowels, drop_repeated_sara_a, order_tone_marks,
         drop_duplicate_marks, strip_trailing_space]
