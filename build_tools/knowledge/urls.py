"""Where everything lives on the site: the one module that owns source-page paths,
URLs and anchors.  A page path is the Markdown source MkDocs builds (`agencies/cdd.md`);
its URL is the permalink (`agencies/cdd/`, use_directory_urls)."""
from __future__ import annotations

import functools
import os
import posixpath
import re

from build_tools.common.paths import Paths

# Listing and knowledge pages (source paths).
AGENCIES_PAGE = "agencies/index.md"
MATRIX_PAGE = "who-does-what/index.md"
MISSIONS_PAGE = "missions/index.md"
GUIDANCE_PAGE = "guidance/index.md"
MONITORING_PAGE = "monitoring/index.md"
PROJECTS_PAGE = "projects/index.md"
GLOSSARY_PAGE = "glossary/index.md"
TIMELINE_PAGE = "timeline/index.md"
DOCUMENTS_PAGE = "documents/index.md"
OPEN_DATA_PAGE = "open-data.md"

# The page each kind of model entity is shown on (roles and projects: see entity_page).
PAGE_OF_KIND = {
    "mission": MISSIONS_PAGE, "objective": MISSIONS_PAGE, "target": MISSIONS_PAGE,
    "step": GUIDANCE_PAGE, "substep": GUIDANCE_PAGE, "plan": GUIDANCE_PAGE,
    "activity": MONITORING_PAGE, "criterion": MONITORING_PAGE,
    "term": GLOSSARY_PAGE, "event": TIMELINE_PAGE,
}


def page_url(page: str) -> str:
    """Site URL of a source page (use_directory_urls): agencies/cdd.md -> agencies/cdd/,
    guidance/index.md -> guidance/, index.md -> '' (and fooindex.md -> fooindex/)."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def with_anchor(url: str, anchor: str | None) -> str:
    return url + (f"#{anchor}" if anchor else "")


def doc_page(doc_id: str) -> str:
    return f"documents/{doc_id}.md"


def doc_url(doc_id: str, anchor: str | None = None) -> str:
    """Site-relative permalink of a document (or one of its clauses)."""
    return with_anchor(page_url(doc_page(doc_id)), anchor)


def raw_page(doc_id: str) -> str:
    """The page that shows a document's raw OCR text beside the normalized text."""
    return f"raw/{doc_id}.md"


def agency_page(aid: str) -> str:
    return f"agencies/{aid}.md"


def project_page(pid: str) -> str:
    return f"projects/{pid}.md"


def handout_page(entity_id: str) -> str:
    """The printable one-page A4 handout of a guidance step or an agency (ids are unique
    across kinds, so one folder holds both)."""
    return f"handouts/{entity_id}.md"


def entity_page(e) -> tuple[str, str | None]:
    """(source page, anchor) of a model entity."""
    if e.kind == "role":
        return agency_page(str(e.get("agency"))), e.id
    if e.kind == "project":
        return project_page(e.id), None
    return PAGE_OF_KIND[e.kind], e.id


def entity_url(e) -> str:
    page, anchor = entity_page(e)
    return with_anchor(page_url(page), anchor)


def open_data_file(name: str) -> str:
    """A file of the open data (site path): data/roles.json, data/redirects.json."""
    return f"data/{name}.json"


def url_between(from_page: str, to_page: str) -> str:
    """Relative URL from one built page to another, for raw HTML that MkDocs does not
    rewrite: ('projects/index.md', 'projects/x.md') -> 'x/'."""
    target = page_url(to_page)
    rel = relative_path(target or ".", page_url(from_page) or ".")
    return "./" if rel == "." else rel + ("/" if target.endswith("/") or not target else "")


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative Markdown link target between two source pages (MkDocs checks it and
    turns it into the page URL): ('documents/a.md', 'raw/a.md') -> '../raw/a.md'."""
    return with_anchor(_relative(to_page, posixpath.dirname(from_page) or "."), anchor)


@functools.lru_cache(maxsize=65536)
def _relative(to_page: str, from_dir: str) -> str:
    # Cached: pages link the same few targets thousands of times.
    return relative_path(to_page, from_dir)


def relative_path(to_path: str, from_dir: str) -> str:
    """posixpath.relpath for two relative site paths ('.' the site's root), by their
    parts: relpath makes both absolute against the working folder first, which costs
    more than the rest of a link (tens of thousands of links at 10,000 letters)."""
    to_parts = [p for p in to_path.split("/") if p and p != "."]
    from_parts = [p for p in from_dir.split("/") if p and p != "."]
    if ".." in to_parts or ".." in from_parts:  # not a plain site path: the general rule
        return posixpath.relpath(to_path, from_dir)
    common = 0
    for a, b in zip(to_parts, from_parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


# --- the site's public address (printed handouts' QR codes, citations in open data) -----
SITE_URL_ENV = "SIAM_YIM_SITE_URL"
LOCAL_SITE = "http://127.0.0.1:8000/"  # what `./dev serve` serves
_SITE_URL_LINE = re.compile(r"^site_url:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)


def public_base(config_text: str | None = None) -> str:
    """The public address the site is published at, ending in '/': $SIAM_YIM_SITE_URL, else
    `site_url` in mkdocs.yml; '' when neither is set (a local build).  Read from the file
    as text: mkdocs.yml may hold tags a plain YAML loader refuses."""
    url = os.environ.get(SITE_URL_ENV, "").strip()
    if not url:
        if config_text is None:
            try:
                config_text = Paths().config.read_text(encoding="utf-8")
            except OSError:
                config_text = ""
        m = _SITE_URL_LINE.search(config_text)
        url = m.group(1) if m else ""
    return url.rstrip("/") + "/" if url else ""
