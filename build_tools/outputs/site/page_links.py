"""What an engine run that renders a few pages must still be given: the files those
pages link to and the pages the navigation lists.

MkDocs lists every file of its docs folder before it renders anything (20,000 pages at
10,000 letters: a second of a one-letter rebuild), although an incremental build renders
only the changed pages.  Those pages are rendered the same from a folder that holds just
them, the navigation's pages (every page shows the navigation) and the files their
links point to (MkDocs resolves a link by the file it names, whether or not that file is
rendered): site_stage.render_site gives MkDocs such a folder."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

# A link's target as Markdown and raw HTML write it: [text](target "title"),
# <a href="target">, <img src="target">, and a reference definition `[id]: target`.
_TARGET = re.compile(r"\]\(\s*<?(?P<inline>[^)\s>]+)"
                     r"|\b(?:href|src)\s*=\s*[\"'](?P<html>[^\"']+)[\"']"
                     r"|^ {0,3}\[[^\]]+\]:\s*<?(?P<ref>[^\s>]+)", re.M)


def linked_files(src: str, markdown: str) -> set[str]:
    """The docs-relative paths the page `src` links to (relative links only: a link with
    a scheme, a host or an absolute path names no file of the docs folder)."""
    base = posixpath.dirname(src)
    out = set()
    for m in _TARGET.finditer(markdown):
        url = m["inline"] or m["html"] or m["ref"]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if not path.startswith("../"):
            out.add(path)
    return out


def nav_pages(nav, titled: bool = True) -> set[str]:
    """Every file the navigation lists (external links left out); `titled` False: only
    those it lists without a title (a bare path), whose title MkDocs takes from the page
    itself, so they are rendered in every build (engine_mkdocs.BuildPlugin)."""
    out: set[str] = set()
    for item in nav if isinstance(nav, list) else [nav]:
        if isinstance(item, str):
            if not urlsplit(item).scheme:
                out.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                if titled or not isinstance(value, str):  # (a path as a dict's value has a title)
                    out |= nav_pages(value, titled)
        elif isinstance(item, list):
            out |= nav_pages(item, titled)
    return out
