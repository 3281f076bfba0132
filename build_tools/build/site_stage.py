"""The site stage of a build: assemble the sources (hand-written docs/ plus the generated
pages), render them with the chosen engine into a staging folder, and write the site
search index over the rendered pages.

Incremental (MkDocs): when nothing but generated pages changed since the published
build (same site key: mkdocs.yml, navigation, docs/, engine versions; no page added or
removed; no document's clause/paragraph anchors changed, since other pages link to
them and unchanged pages are not rendered again), only the changed pages (and the
navigation's own pages) are rendered, into a side folder, and moved into a linked copy
of the published site (MkDocs is given a docs folder of those pages, the navigation's
and the files they link to: it lists every file of its docs folder first); their links
to anchors on unchanged pages are checked against the anchors the published build
recorded (check_anchors).  Zensical keeps its own cache and always builds the whole site."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from functools import partial
from importlib.metadata import version
from pathlib import Path

from build_tools.analysis.shared_tokens import SharedTokens
from build_tools.build.background import in_background
from build_tools.build.publish import Staging
from build_tools.common.atomic import write_text_atomic
from build_tools.common.cache import KeyedText, Stored, code_version, resolved
from build_tools.common.parallel import BESIDE_NICE, pool_size
from build_tools.common.paths import Paths
from build_tools.outputs.site import engine_mkdocs, engine_zensical
from build_tools.outputs.site.engine_mkdocs import (
    RenderedAnchors,
    SiteBuildError,
    anchor_problems,
    build_with_mkdocs,
)
from build_tools.outputs.site.engine_zensical import build_with_zensical
from build_tools.outputs.site.page_analysis import PageFeed
from build_tools.outputs.site.page_links import linked_files, nav_pages
from build_tools.outputs.site.site_search import (
    build_site_index,
    early_checks,
    index_key,
    kept_language,
    language_terms,
)

SITE_STATE_FORMAT = "5"
# Written by MkDocs from the pages it rendered: an incremental build keeps the published
# ones (the page set is the same, or the build is a full one).
WHOLE_SITE_FILES = ("sitemap.xml", "sitemap.xml.gz")
# A full MkDocs build of at least this many generated pages renders on two processes.
SPLIT_MIN_PAGES = 400


def engine_versions(engine: str) -> str:
    if engine == "zensical":
        return f"zensical {version('zensical')}"
    return f"mkdocs {version('mkdocs')} mkdocs-material {version('mkdocs-material')}"


def site_key(paths: Paths, nav: list, engine: str) -> str:
    """Everything besides page text that shapes every rendered page of the site (the
    site search has its own key, search_key: a change to how pages are searched
    rebuilds the search index, not every page)."""
    h = hashlib.sha256(SITE_STATE_FORMAT.encode())
    h.update(paths.config.read_bytes())
    h.update(json.dumps(nav, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    for p in sorted(paths.docs_src.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(paths.docs_src).as_posix().encode("utf-8") + b"\0" + p.read_bytes())
    h.update(engine_versions(engine).encode())
    h.update(code_version(engine_mkdocs, engine_zensical).encode())  # the code that runs the engines
    return h.hexdigest()


def page_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def page_digests(pages: dict, old: dict) -> tuple[dict[str, str], dict[str, str]]:
    """Each page's digest, and the cache key of each page kept in the cache (a
    common.cache.Stored).  A page whose key is the one the published build recorded is
    the published page: its digest is taken from that build's record, unread."""
    old_keys, old_pages = old.get("page_keys") or {}, old.get("pages") or {}
    digests, keys = {}, {}
    for rel, value in pages.items():
        if isinstance(value, Stored):
            keys[rel] = value.key
            if old_keys.get(rel) == value.key and rel in old_pages:
                digests[rel] = old_pages[rel]
                continue
        digests[rel] = "key:" + value.key if isinstance(value, KeyedText) else page_digest(resolved(value))
    return digests, keys


@dataclass
class SitePlan:
    """What the site stage will do, decided before anything is written."""
    state: dict
    incremental: bool
    changed: list[str] = field(default_factory=list)
    search_changed: bool = False  # the site search's code, analyzer or ranking

    @property
    def unchanged(self) -> bool:
        return self.incremental and not self.changed and not self.search_changed


def document_anchors(docs, old: dict) -> dict[str, list[str]]:
    """Each document's anchors; a document normalized as the published build's was (the
    same normalization key) has that build's, not listed again from its blocks."""
    kept, keys = old.get("anchors") or {}, old.get("anchor_keys") or {}
    return {nd.id: kept[nd.id] if nd.key and keys.get(nd.id) == nd.key and nd.id in kept else nd.anchors()
            for nd in docs}


def plan_site(paths: Paths, pages: dict[str, str], nav: list, docs, engine: str,
              previous: dict | None, analyzer=None, deps: dict | None = None) -> SitePlan:
    """Compare the new pages with the published build's site state (None: full build).
    The plan is `unchanged` only when the site search's key (its code, the analyzer and
    the ranking: site_search.index_key) is the published one's too.  `deps`: the
    documents' pages' dependency record, kept in the state for the next build."""
    old = (previous or {}).get("site") or {}
    digests, keys = page_digests(pages, old)
    state = {"key": site_key(paths, nav, engine), "engine": engine,
             "search": index_key(analyzer) if analyzer is not None else None,
             "pages": digests, "page_keys": keys,
             "anchors": document_anchors(docs, old), "anchor_keys": {nd.id: nd.key for nd in docs if nd.key},
             "deps": deps or {},
             "page_anchors": old.get("page_anchors") or {}}  # (the rendered pages': see check_anchors)
    same_anchors = all(state["anchors"].get(d) == a for d, a in old.get("anchors", {}).items())
    incremental = (old.get("key") == state["key"] and set(old.get("pages", {})) == set(state["pages"])
                   and "anchors" in old and "page_anchors" in old and same_anchors)
    if engine == "zensical" and incremental:
        incremental = False
        if old.get("pages") == state["pages"] and old.get("search") == state["search"]:
            return SitePlan(state, True, [])
    changed = [rel for rel, d in state["pages"].items() if old.get("pages", {}).get(rel) != d] \
        if incremental else sorted(pages)
    return SitePlan(state, incremental, changed, search_changed=old.get("search") != state["search"])


def assemble_docs(paths: Paths, staging: Staging, pages: dict[str, str], plan: SitePlan) -> Path:
    """The engine's sources in the staging folder: a linked copy of the published ones
    with the changed pages replaced, or docs/ plus every generated page."""
    if plan.incremental:
        docs = staging.start("docs", from_published=True)
        for rel in plan.changed:  # (new files: the old are the published build's, linked)
            write_text_atomic(docs / rel, resolved(pages[rel]), sync=False)  # (a full build's are not synced either)
        return docs
    docs = staging.start("docs", from_published=False)
    shutil.copytree(paths.docs_src, docs, dirs_exist_ok=True)
    for rel, text in pages.items():
        target = docs / rel
        if target.exists():
            raise SiteBuildError(f"generated page {rel} would overwrite docs/{rel}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(resolved(text), encoding="utf-8")
    return docs


def render_site(paths: Paths, staging: Staging, docs: Path, nav: list, plan: SitePlan, engine: str,
                log=print, written=None, site: Path | None = None) -> Path:
    """Render the staged sources into the staged site; returns the site folder.
    `written(path, html)`: see build_with_mkdocs (MkDocs only); `site`: the staged
    site, when an incremental build started it already."""
    if engine == "zensical":
        site = staging.start("site", from_published=False)
        build_with_zensical(paths.config, paths.work, docs, site, nav, log=log)
        plan.state["page_anchors"] = {}  # (Zensical builds the whole site every time)
        return site
    if not plan.incremental:
        site = staging.start("site", from_published=False)
        second = second_process_pages(plan.changed, nav)
        if not second:
            check_anchors(plan, build_with_mkdocs(paths.config, docs, site, nav, log=log, written=written))
            return site
        log(f"  rendering on two processes ({len(second)} of the generated pages in the second)")
        side = staging.path("site-second")
        shutil.rmtree(side, ignore_errors=True)
        job = in_background(build_with_mkdocs, paths.config, docs, side, nav, second, nice=BESIDE_NICE)
        try:
            mine = build_with_mkdocs(paths.config, docs, site, nav, log=log, written=written, skip=second)
            theirs = job.result()
        finally:
            job.cancel()
        check_anchors(plan, mine, theirs)
        _move_pages(side, site)
        return site
    side = staging.path("site-changes")
    shutil.rmtree(side, ignore_errors=True)
    sources, given = changed_sources(docs, plan.changed, nav, staging.path("docs-changes"))
    log(f"  MkDocs reads {given} sources: the changed pages, the navigation's and the files they link to")
    try:
        check_anchors(plan, build_with_mkdocs(paths.config, sources, side, nav, only=set(plan.changed), log=log,
                                              written=written))
    finally:
        shutil.rmtree(sources, ignore_errors=True)
    site = site or staging.start("site", from_published=True)
    _move_pages(side, site)
    return site


def changed_sources(docs: Path, changed: list[str], nav: list, folder: Path) -> tuple[Path, int]:
    """A docs folder for an incremental MkDocs run, and how many files it holds: hard links
    to the changed pages, the navigation's pages and the files the changed pages link to,
    out of the staged `docs` (MkDocs lists every file of its docs folder first: page_links.py)."""
    shutil.rmtree(folder, ignore_errors=True)
    wanted = set(changed) | nav_pages(nav)
    for rel in changed:
        if rel.endswith(".md"):  # (MkDocs resolves links in pages only, not in data files)
            wanted |= linked_files(rel, (docs / rel).read_text(encoding="utf-8"))
    given = 0
    for rel in sorted(wanted):
        source = docs / rel
        if source.is_file():  # (a link to nothing: MkDocs reports it, as in a full build)
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(source, folder / rel)
            given += 1
    return folder, given


def check_anchors(plan: SitePlan, *runs: RenderedAnchors) -> None:
    """Check the links MkDocs left unchecked, to an anchor on a page another run rendered
    (the other process of a full build; in an incremental build, an unchanged page,
    whose anchors the published build recorded), in MkDocs' words; then record every
    page's anchors in the site state for the next incremental build."""
    kept = plan.state["page_anchors"] if plan.incremental else {}  # (lists: only a link's target is looked in)
    problems = anchor_problems(RenderedAnchors(kept), *runs)
    if problems:
        raise SiteBuildError("mkdocs reported warnings:\n  " + "\n  ".join(problems))
    plan.state["page_anchors"] = {**kept, **{src: sorted(ids) for run in runs for src, ids in run.present.items()}}


def second_process_pages(generated: list[str], nav: list) -> set[str]:
    """The generated pages a second MkDocs process renders in a full build: every other
    one (the first keeps the hand-written pages, the theme's files and the pages the
    navigation lists without a title, which both render); none for a small site (a
    second MkDocs starting costs more than it saves) or on one core."""
    if len(generated) < SPLIT_MIN_PAGES or pool_size(generated) < 2:  # (one core, or no fork)
        return set()
    return set(sorted(generated)[1::2]) - nav_pages(nav, titled=False)


def _move_pages(side: Path, site: Path) -> None:
    """The pages another MkDocs run wrote into `side`, moved into `site` (not the files
    of the whole site: the run that wrote them there rendered only some pages)."""
    for p in sorted(side.rglob("*")):
        rel = p.relative_to(side).as_posix()
        if p.is_file() and rel not in WHOLE_SITE_FILES:
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(p, site / rel)
    shutil.rmtree(side)


def search_cache(paths: Paths) -> Path:
    """Per-page analysis of the site search (keyed by each page's HTML; see
    site_search.analyze_site)."""
    return paths.work / "cache" / "site-search.pickle"


def build_site(paths: Paths, staging: Staging, pages: dict[str, str], nav: list, plan: SitePlan,
               engine: str, analyzer, log=print, shared: SharedTokens | None = None) -> dict:
    """Assemble, render and index the site into the staging folders.  `pages` is emptied
    once the sources are written.  `shared`: the texts the Whoosh index cut (the site
    search looks them up instead of cutting them again)."""
    how = ("incrementally ({n} of {total} generated pages changed)" if plan.incremental
           else "({total} generated pages)").format(n=len(plan.changed), total=len(pages))
    log(f"[3/5] building the site {how} with {engine}" + (" --strict" if engine == "mkdocs" else ""))
    docs = assemble_docs(paths, staging, pages, plan)
    pages.clear()  # written: the engine reads them from disk (gigabytes at 10,000 letters)
    # The site's pages follow from its key (docs/, mkdocs.yml, navigation, engine) and
    # the generated pages' names: the site search lists the folders again only when
    # these changed.
    pages_key = hashlib.sha256(json.dumps([plan.state["key"], sorted(plan.state["pages"])]).encode()).hexdigest()
    site = checks = None
    if plan.incremental and engine == "mkdocs":  # (the site search's delta: its checks on the other core)
        site = staging.start("site", from_published=True)
        checks = early_checks(site, analyzer, docs, search_cache(paths), pages_key)
    # MkDocs hands each page over as it writes it: the site search cuts it on the other
    # core meanwhile (Zensical runs in its own process: its pages are cut afterwards);
    # before the first page comes, the worker lists the language's words the index holds
    # (unless the last build with this analyzer kept them).
    language = kept_language(search_cache(paths), plan.state.get("search") or index_key(analyzer))
    first = partial(language_terms, analyzer) if language is None else None
    feed = PageFeed(analyzer, shared, first=first) if engine == "mkdocs" else None
    try:
        site = render_site(paths, staging, docs, nav, plan, engine, log=log,
                           written=feed.page_written if feed else None, site=site)
        stats = build_site_index(site, analyzer, docs, log=log, cache=search_cache(paths), in_place=True,
                                 pages_key=pages_key, feed=feed, shared=shared, language=language, checks=checks)
    finally:
        if feed is not None:
            feed.close()
        if checks is not None:
            checks.stop()
    return {"engine": engine, "incremental": plan.incremental, "changed": len(plan.changed), **stats}
