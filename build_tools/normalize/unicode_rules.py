"""Unicode repairs: composed form, no invisible characters."""
from __future__ import annotations

import re
import unicodedata

from build_tools.normalize import Context, Line, map_lines


def nfc(lines: list[Line], ctx: Context) -> list[Line]:
    # NFC, never NFKC: NFKC decomposes sara am (ำ -> ํ + า) and breaks search.
    return map_lines("nfc", lambda t: unicodedata.normalize("NFC", t), lines, ctx,
                     "Unicode NFC")


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_invisible(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("strip_invisible", lambda t: _INVISIBLE.sub("", t), lines, ctx,
                     "zero-width or control character from the OCR tool")


def strip_trailing_space(lines: list[Line], ctx: Context) -> list[Line]:
    return map_lines("strip_trailing_space", lambda t: t.rstrip(), lines, ctx)


RULES = [nfc, strip_invisible, strip_trailing_space]
