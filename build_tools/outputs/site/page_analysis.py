"""One page's analysis for the site search (build_tools.outputs.site.site_search): its
sections (site_sections.page_sections), the snippet rows and each section's weighted
terms, read from the built file or handed over as MkDocs writes it (PageFeed: cut on the
other core during MkDocs' run), and when a cached analysis still holds for a file."""
from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from collections import defaultdict, deque
from functools import partial
from pathlib import Path

from build_tools.analysis.analyzer import ThaiAnalyzer
from build_tools.analysis.shared_tokens import SharedTokens, term_pairs
from build_tools.common.parallel import Worker
from build_tools.outputs.search_index import ranking
from build_tools.outputs.site.site_sections import built_page_url, page_sections, searchable_part

SNIPPET_CHARS = 1000  # text kept per section for the result snippet
# Pages that are the circulars themselves; every other page restates them (ranking.DERIVED_TEXT).
PRIMARY_PAGES = ("documents/",)


def _terms_of(text: str, analyzer: ThaiAnalyzer, shared: SharedTokens | None):
    """(term, sub) of each token of `text`: as the Whoosh index cut it, if it did."""
    hit = shared.get(text) if shared is not None else None
    return hit if hit is not None else term_pairs(analyzer, text)


def _page_terms(sections: list[dict], analyzer: ThaiAnalyzer,
                shared: SharedTokens | None = None) -> list[tuple[tuple, tuple, int]]:
    """Each section's weighted terms (terms, weights) and its length in words (for BM25):
    the fields weighted as ranking.field_weights says, a word inside a compound or a
    synonym's canonical name with ranking.SUBWORD.  `shared`: the texts the Whoosh
    index already cut (analysis/shared_tokens.py)."""
    out = []
    cut: dict[str, list] = {}  # a page's title is on each of its sections: cut once
    for s in sections:
        w: dict[str, float] = defaultdict(float)
        n = 0
        weights = ranking.field_weights(s["page"], not s["url"].startswith(PRIMARY_PAGES))
        for field, key in (("title", "title"), ("section", "section"), ("context", "context"), ("text", "body")):
            fw = weights[key]
            if not fw or not s.get(field):
                continue
            if field != "text" and s[field] not in cut:
                cut[s[field]] = _terms_of(s[field], analyzer, None)
            for term, sub in cut[s[field]] if field != "text" else _terms_of(s[field], analyzer, shared):
                w[term] += fw * (ranking.SUBWORD if sub else 1.0)
                if field == "text" and not sub:
                    n += 1
        out.append((tuple(w), tuple(w.values()), max(n, 1)))
    return out


def page_digest(data: bytes) -> bytes:
    """What a page's analysis is kept by: a digest of its HTML's bytes."""
    return hashlib.blake2b(data, digest_size=16).digest()


def page_file_id(page) -> tuple[int, int, int]:
    """(inode, size, time) of a built file (a Path or a string path)."""
    st = os.stat(page)
    return st.st_ino, st.st_size, st.st_mtime_ns


_digest, _file_id = page_digest, page_file_id


def cached_analysis(page: Path, hit: tuple | None) -> tuple | None:
    """The cache entry (digest, packed analysis, file id) when it still holds for the
    page: the same file (a staged site links the pages it did not render again to the
    published ones: same inode, size and time, nothing to read), else the same bytes."""
    if hit is None:
        return None
    file_id = _file_id(page)
    if hit[2] == file_id:
        return hit
    if hit[0] == _digest(page.read_bytes()):
        return hit[0], hit[1], file_id
    return None


def analysed_page(url_page: tuple[str, Path], analyzer: ThaiAnalyzer, shared: SharedTokens | None = None) -> tuple:
    """A page's digest, snippet rows, each section's weighted terms, and file id (the
    caller packs rows and terms: kept compressed, as the cache of a whole site is read
    back into memory)."""
    url, page = url_page
    data = page.read_bytes()
    return (_digest(data), *_rows_and_terms(url, data.decode("utf-8"), analyzer, shared), _file_id(page))


def _rows_and_terms(url: str, html_text: str, analyzer: ThaiAnalyzer,
                    shared: SharedTokens | None = None) -> tuple[list, list]:
    sections = page_sections(html_text, url)
    rows = [[s["url"], s["title"], s["section"], s["shown"][:SNIPPET_CHARS]] for s in sections]
    return rows, _page_terms(sections, analyzer, shared)


def _fed_analysis(url_part: tuple[str, str], analyzer: ThaiAnalyzer, shared: SharedTokens | None = None) -> bytes:
    """A handed-over page's rows and terms, packed in the worker (kept compressed until
    the engine is done: memory at 10,000 letters)."""
    packed = pickle.dumps(_rows_and_terms(*url_part, analyzer, shared), protocol=pickle.HIGHEST_PROTOCOL)
    return zlib.compress(packed, 1)


def _fed_work(item, analyzer: ThaiAnalyzer, shared: SharedTokens | None, first):
    """The feed worker's job: a handed-over page (url, searchable part), or None: `first()`."""
    return first() if item is None else _fed_analysis(item, analyzer, shared)


class PageFeed:
    """Pages cut while the site engine is still writing the site: the engine hands over
    each page's HTML as it writes it (engine_mkdocs' on_post_page), a forked worker on
    the other core analyses the part of it the search reads (site_sections.
    searchable_part: a fifth of the page, so handing it over costs the engine little),
    and analyze_site takes the result for a page whose file holds exactly the bytes
    handed over.  What the worker has not done when the engine is finished is left to
    analyze_site, which stops the worker and cuts the rest on every core.  At most
    MAX_WAITING characters wait for the worker at a time (memory at 10,000 letters); a
    page handed over beyond that is left to analyze_site too."""

    MAX_WAITING = 8_000_000
    NICE = 10  # the engine's own run is the build's longest path: the worker only fills a spare core
    # Pages the worker has left when the engine is done, waited for (see finish).
    FINISH_AT_MOST = 4

    def __init__(self, analyzer: ThaiAnalyzer, shared: SharedTokens | None = None, first=None):
        """`shared`: the texts the Whoosh index cut; `first`: a function the worker runs
        before any page (the engine renders every page before it writes the first one)."""
        self.worker = Worker(partial(_fed_work, analyzer=analyzer, shared=shared, first=first), nice=self.NICE)
        self.first = self.worker.submit(None) if first is not None else None
        self.results: dict[str, tuple[bytes, object]] = {}  # url -> (digest of the page, the worker's handle)
        # (handle, characters) not done yet, oldest first: the one worker takes them in
        # order, so the done ones are at the front; and their characters in all
        self.waiting: deque[tuple[object, int]] = deque()
        self.waiting_chars = 0

    def page_written(self, path: str, html: str) -> None:
        """`path`: the page's file in the site (with /); `html`: what is written there."""
        url = built_page_url(path)
        if url is None:
            return
        while self.waiting and self.waiting[0][0].ready():  # (each page: a look at the front only)
            self.waiting_chars -= self.waiting.popleft()[1]
        part = searchable_part(html)
        if self.waiting_chars + len(part) > self.MAX_WAITING:
            return
        handle = self.worker.submit((url, part))
        self.results[url] = (_digest(html.encode("utf-8", "xmlcharrefreplace")), handle)  # as MkDocs writes it
        self.waiting.append((handle, len(part)))
        self.waiting_chars += len(part)

    def first_result(self):
        """What `first` returned, if the worker has done it; else None (the caller does it)."""
        return self.first.result() if self.first is not None and self.first.ready() else None

    def pending(self) -> int:
        """How many pages handed over the worker has not analysed yet."""
        return len(self._unfinished())

    def _unfinished(self) -> list:
        return [h for _, h in self.results.values() if not h.ready()]

    def finish(self) -> None:
        """Wait for the pages the worker has left when they are at most FINISH_AT_MOST (a
        rebuild: the few pages the engine rendered again): stopping the worker waits
        for the page it is on anyway, and a page it skipped would be cut again here."""
        left = self._unfinished()
        if len(left) <= self.FINISH_AT_MOST:
            for handle in left:
                handle.result()  # (an error in the worker is raised here, as in take)

    def take(self, url: str, page: Path) -> tuple | None:
        """(digest, rows, terms, file id) of the page at `url`, built file `page`, if it
        was analysed as written; None if not (never handed over, not analysed yet, or
        changed since)."""
        digest, handle = self.results.pop(url, (None, None))
        if handle is None or not handle.ready():
            return None
        packed = handle.result()
        if _digest(page.read_bytes()) != digest:
            return None  # changed after the engine handed it over
        return (digest, *pickle.loads(zlib.decompress(packed)), _file_id(page))

    def close(self) -> None:
        self.worker.close()
        self.results.clear()
        self.waiting.clear()
        self.waiting_chars = 0
