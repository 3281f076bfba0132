"""The searchable sections of the built site, read from its HTML pages (so a page added
by any build step is searchable without changes here): the page itself (its <h1> and
the text up to the first element with an id) and every element with an id inside the
article (headings, clauses, paragraphs, list-item anchors), each with its URL `page/#id`.

Each section keeps two texts: `text`, everything it says (what is indexed), and `shown`,
what a result snippet may quote: without tables (a page's metadata table: "รายการ
ข้อมูล ประเภท ..."), navigation links ("← กลับไปยัง...") and source notes (<small>).
Text is NFC, so the browser's highlight offsets are the stored text's own."""
from __future__ import annotations

import os
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from build_tools.common.listing import files_under
from build_tools.knowledge.urls import page_url

NO_SEARCH_CLASS = "no-search"  # class of page parts the site search leaves out
_CLAUSE_NUMBER = re.compile(r"^\s*([๐-๙0-9]+(?:[.][๐-๙0-9]+)*[.)]?)\s")
_BLOCK_TAGS = {"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "pre",
               "dt", "dd", "blockquote", "table", "ul", "ol", "br"}
_NOT_SHOWN = {"table", "small", "nav"}  # indexed, never quoted in a snippet
_VOID = ("br", "img", "hr", "input", "meta", "link", "wbr")
_NAV_LINK = re.compile(r"^\s*[←→↑«»]")


def _skipped(tag: str, classes: list[str]) -> bool:
    """Scripts, buttons (copy link, cite: their labels are no part of the text), permalink
    anchors, and editorial boxes (e.g. both readings of a disputed number), which quote
    other sections' words."""
    return (tag in ("script", "style", "button")
            or (tag == "a" and ("headerlink" in classes or "permalink-copy" in classes))
            or (tag == "div" and NO_SEARCH_CLASS in classes))


class _ArticleParser(HTMLParser):
    """Splits <article> into sections at every element carrying an id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skip = 0  # inside a permalink/headerlink anchor or a script
        self.hidden = 0  # inside a table, a source note: indexed, not shown
        self.heading = None  # tag name while inside h1-h6
        self.sections: list[dict] = [_section("", "")]
        self.current_heading = ""
        self.title = ""
        self._heading_text: list[str] = []
        self._stack: list[str] = []
        self._link: list[str] | None = None  # text of the link being read, if any

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article += 1
            return
        if not self.in_article:
            return
        if _skipped(tag, (a.get("class") or "").split()):
            self.skip += 1
            self._stack.append(tag + "!")  # only its own end tag ends the skip
            return
        if tag not in _VOID:
            self._stack.append(tag + ("~" if tag in _NOT_SHOWN else ""))
        self.hidden += tag in _NOT_SHOWN
        if tag in _BLOCK_TAGS:
            self._text(" ")
        if tag == "a":
            self._link = []
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = tag
            self._heading_text = []
        ident = a.get("id")
        if ident and tag != "h1" and not self.skip:
            self.sections.append(_section(ident, self.current_heading, bool(re.fullmatch(r"h[2-6]", tag))))

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
            return
        if not self.in_article or not self._stack:
            return
        while self._stack:  # pop up to the matching tag (tolerates unclosed <p>/<li>)
            t = self._stack.pop()
            if t == tag + "!":
                self.skip -= 1
                break
            if t.endswith("~"):
                self.hidden -= 1
            if t.rstrip("~") == tag:
                break
        if tag == "a" and self._link is not None:
            self._nav_link("".join(self._link))
        if tag == self.heading:
            self._end_heading(tag)
        if tag in _BLOCK_TAGS:
            self._text(" ")

    def _nav_link(self, text: str) -> None:
        """A "← back to ..." link: not quoted in a snippet."""
        self._link = None
        if _NAV_LINK.match(text):
            shown = self.sections[-1]["shown"]
            joined = "".join(shown)
            if joined.endswith(text):
                shown[:] = [joined[: -len(text)]]

    def _end_heading(self, tag: str) -> None:
        text = " ".join("".join(self._heading_text).split())
        if tag == "h1":
            self.title = self.title or text
        else:
            self.current_heading = text
            if self.sections[-1].get("is_heading"):
                self.sections[-1]["label"] = text
        self.heading = None

    def handle_data(self, data):
        if not self.in_article or self.skip:
            return
        if self._link is not None:
            self._link.append(data)
        if self.heading:
            self._heading_text.append(data)
            if self.heading == "h1":
                return
        self._text(data)

    def _text(self, s):
        self.sections[-1]["text"].append(s)
        if not self.hidden:
            self.sections[-1]["shown"].append(s)


def _section(ident: str, heading: str, is_heading: bool = False) -> dict:
    return {"id": ident, "text": [], "shown": [], "heading": heading, "is_heading": is_heading}


class _TitleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "title"

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.title += data


def _clean(parts: list[str]) -> str:
    return unicodedata.normalize("NFC", " ".join("".join(parts).split()))


def _label(s: dict, text: str) -> str:
    if s.get("is_heading"):
        return s.get("label", "")
    m = _CLAUSE_NUMBER.match(text)
    return (s["heading"] + " · " if s["heading"] else "") + "ข้อ " + m.group(1) if m else s["heading"]


def _articles(html_text: str) -> str | None:
    """The page from its first <article> to its last </article>, all the sections come
    from (a theme's header, navigation and scripts are two thirds of a page: parsing
    them was a third of the site search's time); None when that cannot be cut out
    safely (no article, or its tag inside a script or a comment)."""
    start, end = html_text.find("<article"), html_text.rfind("</article>")
    if start < 0 or end < start:
        return None
    before = html_text[:start]
    if before.count("<script") != before.count("</script>") or before.count("<!--") != before.count("-->"):
        return None
    return html_text[start:end + len("</article>")]


def searchable_part(html_text: str) -> str:
    """What page_sections reads of a page, giving the same sections as the whole page:
    its <title> element (the page's title when the article has no <h1>) and its
    articles; the whole page when they cannot be cut out safely."""
    articles = _articles(html_text)
    start, end = html_text.find("<title"), html_text.find("</title>")
    if articles is None or not 0 <= start < end < html_text.find("<article"):
        return html_text
    return html_text[start:end + len("</title>")] + articles


def page_sections(html_text: str, url: str) -> list[dict]:
    """The searchable sections of one built page: {url, title, section, context, text,
    shown, page}."""
    p = _ArticleParser()
    p.feed(_articles(html_text) or html_text)
    title = p.title
    if not title:
        t = _TitleParser()
        t.feed(html_text)
        title = t.title.split(" - ")[0].strip()
    title = unicodedata.normalize("NFC", title)
    by_id: dict[str, str] = {}
    out = []
    for s in p.sections:
        text, shown = _clean(s["text"]), _clean(s["shown"])
        if s["id"] == "":
            out.append({"url": url, "title": title, "section": "", "context": "", "text": text, "shown": shown,
                        "page": True})
            continue
        if not text and not s.get("is_heading"):
            continue
        by_id[s["id"]] = text
        # Clause ids are hierarchical (c3-2-3 is inside c3-2 and c3): the parents' text
        # is context, so "บทบาท ป.ป.ส." finds the clause under "บทบาทของแต่ละหน่วยงาน".
        parts = s["id"].split("-")
        parents = [by_id["-".join(parts[:k])][:80] for k in range(1, len(parts)) if by_id.get("-".join(parts[:k]))]
        out.append({"url": f"{url}#{s['id']}", "title": title, "section": unicodedata.normalize("NFC", _label(s, text)),
                    "context": " ".join(parents), "text": text, "shown": shown, "page": False})
    if out and out[0]["page"] and not out[0]["shown"]:
        # A page top without prose (a title and its metadata table): its snippet is the
        # page's lead, the first prose that follows.
        out[0]["shown"] = next((s["shown"] for s in out[1:] if s["shown"]), "")
    return [s for s in out if s["text"] or s["section"]]


def _excluded(md: Path) -> bool:
    import yaml

    text = md.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return False
    front = text[4:text.find("\n---", 4)]
    if "exclude" not in front:  # most pages: no need to parse their front matter
        return False
    fm = yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    search = fm.get("search") if isinstance(fm, dict) else None
    return bool(isinstance(search, dict) and search.get("exclude"))


def excluded_pages(docs_dir: Path | None, known: dict | None = None) -> set[str]:
    """URLs of pages whose front matter says `search: {exclude: true}` (Material's own
    convention, so its search and ours leave out the same pages).  `known`: page ->
    (inode, size, time, excluded) of an earlier build, updated in place: a source file
    with the same inode, size and time is not read again (a rebuild's sources are a
    linked copy of the published ones, in which only changed pages are new files)."""
    known = {} if known is None else known
    seen, out = {}, set()
    top = os.path.join(docs_dir, "") if docs_dir else ""
    for rel in files_under(docs_dir, lambda name: name.endswith(".md")) if docs_dir else []:
        seen[rel] = _source_record(top + rel, os.stat(top + rel), known.get(rel))
        if seen[rel][3]:
            out.add(page_url(rel))
    known.clear()
    known.update(seen)
    return out


def _source_record(md: str, st: os.stat_result, entry: list | None) -> list:
    """[inode, size, time, excluded] of the source file `md` (a string: Path objects for
    thousands of pages cost more than the check): `entry`, an earlier build's record,
    when it is still this file, else the file read again."""
    stamp = [st.st_ino, st.st_size, st.st_mtime_ns]
    return entry if entry and entry[:3] == stamp else [*stamp, _excluded(Path(md))]


def excluded_again(docs_dir: Path | None, known: dict) -> set[str] | None:
    """excluded_pages for a rebuild whose sources are those `known` lists (the same
    pages, not listed again): each is looked at (a stat) and read only when it is not
    the file `known` saw.  None when one of them is gone (then they must be listed)."""
    top = os.path.join(docs_dir, "") if docs_dir else ""
    out = set()
    for rel, entry in known.items():
        try:
            st = os.stat(top + rel)
        except OSError:
            return None
        known[rel] = entry = _source_record(top + rel, st, entry)
        if entry[3]:
            out.add(page_url(rel))
    return out


def site_page_urls(site_dir: Path) -> list[str]:
    """The URL of every built page the site search may cover (before exclusions), in a
    stable order (by path, so the pages of one kind, documents/ or agencies/, are
    neighbours)."""
    out = []
    for path in files_under(site_dir, lambda name: name == "index.html"):
        url = built_page_url(path)
        if url is not None:
            out.append(url)
    return out


def built_page_url(path: str) -> str | None:
    """The URL of a built file (its path in the site, with /) when it is a page the site
    search may cover: `index.html` of any folder but the search's and the theme's."""
    folder, _, name = path.rpartition("/")
    if name != "index.html" or folder.startswith(("search", "assets")):
        return None
    return folder + "/" if folder else ""


def indexed_pages(site_dir: Path, docs_dir: Path | None = None, known: dict | None = None,
                  urls: list[str] | None = None, same_sources: bool = False) -> list[tuple[str, Path]]:
    """(url, built file) of every page the site search covers, in site_page_urls' order;
    the arguments: see indexed_urls."""
    return [(url, site_dir / (url + "index.html")) for url in indexed_urls(site_dir, docs_dir, known, urls,
                                                                            same_sources)]


def indexed_urls(site_dir: Path, docs_dir: Path | None = None, known: dict | None = None,
                 urls: list[str] | None = None, same_sources: bool = False,
                 excluded: set[str] | None = None) -> list[str]:
    """The URL of every page the site search covers, in site_page_urls' order (a
    rebuild's delta makes a Path only for the few pages that changed); `known`: see
    excluded_pages.  `urls`: the site's site_page_urls when the caller knows them;
    `same_sources`: the sources are the ones `known` lists (a rebuild of the same pages:
    only they are looked at, the folder is not listed again); `excluded`: what
    excluded_again gave for them, when the caller has it already."""
    skip = excluded if excluded is not None else excluded_again(docs_dir, known) if same_sources and known else None
    if skip is None:
        skip = excluded_pages(docs_dir, known)
    urls = site_page_urls(site_dir) if urls is None else urls
    return [url for url in urls if url not in skip]
