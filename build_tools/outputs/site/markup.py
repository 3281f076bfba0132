"""Writing Markdown safely: corpus text must render as text, never as markup."""
from __future__ import annotations

import functools
import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>|{}])")
_LEADING_ORDERED = re.compile(r"^(\d+)\.(\s)")
_LEADING_BLOCK = re.compile(r"^([#>+=-])")


def escape(text: str) -> str:
    """Escape Markdown syntax in corpus text (Thai digits never start a list)."""
    if len(text) < 200:
        return _escape_short(text)
    return _escape(text)


@functools.lru_cache(maxsize=65536)
def _escape_short(text: str) -> str:
    # Cached: titles and numbers are escaped again on every page that cites them.
    return _escape(text)


def _escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LEADING_ORDERED.sub(r"\1\\.\2", text)
    return _LEADING_BLOCK.sub(r"\\\1", text)


def attrs(anchor: str, *classes: str) -> str:
    cls = " ".join("." + c for c in classes)
    return "{: #" + anchor + (" " + cls if cls else "") + " }"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped or be trusted Markdown."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(c.replace("\n", " ") for c in row) + " |" for row in rows]
    return "\n".join(out)


def yaml_str(s) -> str:
    """A double-quoted YAML scalar (front matter titles)."""
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'
