"""Writing Markdown safely: corpus text must render as text, never as markup."""
from __future__ import annotations

import functools
import posixpath
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


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative Markdown link target between two source pages (MkDocs checks it and
    turns it into the page URL): link('documents/a.md', 'raw/a.md') -> '../raw/a.md'."""
    rel = _relative(to_page, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=65536)
def _relative(to_page: str, from_dir: str) -> str:
    # Cached: pages link the same few targets thousands of times (relpath is slow).
    return posixpath.relpath(to_page, from_dir)


def page_url(page: str) -> str:
    """Site URL of a source page (use_directory_urls): agencies/cdd.md -> agencies/cdd/,
    guidance/index.md -> guidance/, index.md -> '' (and fooindex.md -> fooindex/)."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"
