"""`build`: corpus -> normalized documents -> Whoosh index -> site.

The corpus is validated first; on any error nothing is written, so the previous
normalized documents, index and site stay exactly as they were."""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import time
import zlib
from importlib.metadata import version
from pathlib import Path

from build_tools.analysis.analyzer import analyzer_for_corpus
from build_tools.common.atomic import fresh_dir, replace_dir, write_text_atomic
from build_tools.common.paths import Paths
from build_tools.knowledge.checked import check_corpus
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.open_data import open_data_files
from build_tools.outputs.search_index.query_data import search_data, site_files
from build_tools.outputs.search_index.records import MODEL_GROUP, model_records, records_for
from build_tools.outputs.search_index.whoosh_index import build_index
from build_tools.outputs.site.document_pages import generate_pages
from build_tools.outputs.site.site_search import build_site_index


class SiteBuildError(Exception):
    pass


def write_normalized(paths: Paths, docs: list[NormalizedDoc]) -> None:
    """Write build/normalized.  First time: a staging folder swapped in.  Afterwards only
    files whose text changed are replaced (each atomically) and removed documents'
    files deleted: rewriting thousands of unchanged files costs more than the build."""
    files = {}
    for nd in docs:
        files[f"{nd.id}.md"] = nd.to_markdown()
        files[f"{nd.id}.changes.json"] = nd.changes_json()
    if not paths.normalized.is_dir():
        staged = fresh_dir(paths.normalized)
        for name, text in files.items():
            (staged / name).write_text(text, encoding="utf-8")
        replace_dir(staged, paths.normalized)
        return
    for name, text in files.items():
        target = paths.normalized / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            write_text_atomic(target, text)
    for p in paths.normalized.iterdir():
        if p.name not in files:
            p.unlink()


def assemble_docs(paths: Paths, pages: dict[str, str], incremental: bool = False
                  ) -> tuple[Path, list[str]]:
    """Hand-written docs/ plus generated pages.  Full: in a staging folder (swapped in
    when the site is published).  Incremental: the previous assembly is updated in place
    (only changed pages are written; the caller has invalidated the site state first, so
    a failure here means a full build next time).  Returns the folder and the pages whose
    text changed."""
    changed = []
    if incremental:
        staged = paths.docs
    else:
        staged = fresh_dir(paths.docs)
        shutil.copytree(paths.docs_src, staged, dirs_exist_ok=True)
    for rel, text in pages.items():
        target = staged / rel
        if incremental:
            if target.exists() and target.read_text(encoding="utf-8") == text:
                continue
        elif target.exists():
            raise SiteBuildError(f"generated page {rel} would overwrite docs/{rel}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if incremental:
            write_text_atomic(target, text)
        else:
            target.write_text(text, encoding="utf-8")
        changed.append(rel)
    return staged, changed


# --- Incremental site builds -------------------------------------------------------
# MkDocs renders every page on every build; at thousands of documents that dominates a
# rebuild after one corrected letter.  When nothing but generated pages changed (same
# mkdocs.yml, navigation, hand-written docs/, MkDocs and Material versions, no page
# removed, no document's anchors changed), MkDocs runs in dirty mode told that only those pages changed, into an empty
# staging folder; publishing moves the few files it wrote into the site (each
# atomically) and updates the site search index from its per-page cache.  Anything
# else is a full build.  (Copying or deleting a whole
# site of thousands of files costs more than rendering a few pages.)
SITE_STATE_FORMAT = "2"


def _state_path(paths: Paths) -> Path:
    return paths.work / "site-state.json"


def _site_search_cache(paths: Paths) -> Path:
    """Per-page analysis of the site search (keyed by each page's HTML; see
    site_search.analyze_site)."""
    return paths.work / "site-search-cache.pickle"


def site_key(paths: Paths, nav: list) -> str:
    """Everything besides page text that shapes every page of the site."""
    h = hashlib.sha256(SITE_STATE_FORMAT.encode())
    h.update(paths.config.read_bytes())
    h.update(json.dumps(nav, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    for p in sorted(paths.docs_src.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(paths.docs_src).as_posix().encode("utf-8") + b"\0" + p.read_bytes())
    h.update(f"{version('mkdocs')} {version('mkdocs-material')}".encode())
    return h.hexdigest()


def site_state(key: str, pages: dict[str, str], docs: list[NormalizedDoc]) -> dict:
    """What the next build compares: the site key, the pages, and each document's
    anchors (other pages link to clauses; an unchanged page is not re-validated, so a
    document whose anchors changed needs a full build to catch a now-broken link)."""
    return {"key": key, "pages": sorted(pages),
            "anchors": {nd.id: [b.anchor for b in nd.blocks] for nd in docs}}


def can_build_incrementally(paths: Paths, state: dict) -> bool:
    try:
        old = json.loads(_state_path(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    same_anchors = all(state["anchors"].get(d) == a for d, a in old.get("anchors", {}).items())
    return (old.get("key") == state["key"] and set(old.get("pages", [])) <= set(state["pages"])
            and "anchors" in old and same_anchors
            and (paths.site / "index.html").is_file() and paths.docs.is_dir())


def publish_incremental(staged: Path, site: Path) -> None:
    """Move every file of an incremental build's staging folder into the site."""
    for p in sorted(staged.rglob("*")):
        if p.is_file():
            target = site / p.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(p, target)
    shutil.rmtree(staged)


@contextlib.contextmanager
def _only_modified(changed: set[str] | None):
    """In a dirty build MkDocs asks each file whether it changed (by comparing timestamps
    with the output, which our staging folder does not have): answer from `changed`."""
    if changed is None:
        yield
        return
    from mkdocs.structure.files import File

    original = File.is_modified
    File.is_modified = lambda self: self.src_uri in changed
    try:
        yield
    finally:
        File.is_modified = original


@contextlib.contextmanager
def _without_material_index():
    """Material's search plugin parses every rendered page into its own index, which the
    site never uses (the search box runs on search/th/, see site_search.py): skip that
    work (about a fifth of MkDocs' time), so the search_index.json it writes holds no
    pages and its worker downloads nothing to speak of.  The plugin stays in mkdocs.yml
    because it provides the search box."""
    from material.plugins.search.plugin import SearchIndex

    original = SearchIndex.add_entry_from_context
    SearchIndex.add_entry_from_context = lambda self, page: None
    try:
        yield
    finally:
        SearchIndex.add_entry_from_context = original


PACK_PAGES = True  # False: MkDocs as is (the tests compare both)


PROGRESS_EVERY = 2000  # pages between progress lines of a long MkDocs step


@contextlib.contextmanager
def _pages_packed(log=None, total: int = 0):
    """MkDocs renders every page to HTML first and holds all of it until each page is
    written: at 10,000 letters that is gigabytes.  In between, each page's HTML is kept
    zlib-compressed and its Markdown source dropped (page.content and page.markdown are
    not read between the two steps; the title comes from front matter or the rendered
    <h1>); after writing a page its HTML is dropped too.  Pinned MkDocs (1.6.1) internals,
    checked by the tests that compare built sites.  With `log`, a long build also says
    how far it is (every PROGRESS_EVERY pages of `total`)."""
    from mkdocs.commands import build as mkdocs_build_mod

    populate, build_page = mkdocs_build_mod._populate_page, mkdocs_build_mod._build_page
    done = {"rendered": 0, "written": 0}

    def progress(step):
        done[step] += 1
        if log and done[step] % PROGRESS_EVERY == 0:
            log(f"  {step} {done[step]}/{total} pages")

    def populate_and_pack(page, *args, **kwargs):
        populate(page, *args, **kwargs)
        progress("rendered")
        if PACK_PAGES and page.content is not None:
            page._packed_content = zlib.compress(page.content.encode("utf-8"), 1)
            page.content = None
            page.markdown = ""  # not None: Page.title treats None as "not read yet"

    def unpack_and_build(page, *args, **kwargs):
        packed = page.__dict__.pop("_packed_content", None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")
        try:
            build_page(page, *args, **kwargs)
        finally:
            if packed is not None:
                page.content = None
        progress("written")

    mkdocs_build_mod._populate_page, mkdocs_build_mod._build_page = populate_and_pack, unpack_and_build
    try:
        yield
    finally:
        mkdocs_build_mod._populate_page, mkdocs_build_mod._build_page = populate, build_page


class _DropDirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation; we only use it when
    the navigation is unchanged, and a strict build must not count that warning."""

    def filter(self, record):
        return "'dirty' build" not in record.getMessage()


class _CountWarnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_site(paths: Paths, docs_dir: Path, nav: list, changed: list[str] | None = None,
               log=None) -> Path:
    """Run a real, strict `mkdocs build` of the assembled sources into a staging folder
    (returned; the caller swaps it in as <out>/site).  With `changed`, an incremental
    build that renders only those pages (plus MkDocs' 404 page and sitemap); the caller
    moves these files into the site."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_tmp = paths.site.with_name(paths.site.name + ".tmp")
    shutil.rmtree(site_tmp, ignore_errors=True)
    dirty = changed is not None
    counter = _CountWarnings()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    notice = _DropDirtyNotice()
    logging.getLogger("mkdocs.commands.build").addFilter(notice)
    try:
        cfg = load_config(str(paths.config), docs_dir=str(docs_dir), site_dir=str(site_tmp),
                          nav=nav, strict=True)
        cfg.plugins.on_startup(command="build", dirty=dirty)
        try:
            with _only_modified(set(changed) if dirty else None), _without_material_index(), \
                    _pages_packed(log, sum(1 for _ in docs_dir.rglob("*.md"))):
                mkdocs_build(cfg, dirty=dirty)
        finally:
            cfg.plugins.on_shutdown()
    except SystemExit as exc:  # mkdocs aborts strict builds with SystemExit/Abort
        raise SiteBuildError("mkdocs build --strict failed:\n  " + "\n  ".join(counter.messages)) from exc
    except Exception as exc:
        if type(exc).__name__ == "Abort":
            raise SiteBuildError("mkdocs build --strict failed:\n  " + "\n  ".join(counter.messages)) from exc
        raise
    finally:
        mkdocs_log.removeHandler(counter)
        logging.getLogger("mkdocs.commands.build").removeFilter(notice)
    if counter.messages:
        raise SiteBuildError("mkdocs reported warnings:\n  " + "\n  ".join(counter.messages))
    return site_tmp


def build(paths: Paths, log=print, site: bool = True) -> dict:
    """The pipeline, one way: sources -> normalized documents -> knowledge model (stages
    1-3, check_corpus) -> outputs built from the same model: site pages and open data,
    the strict mkdocs build and the site search index, the Whoosh index.  Every step
    that can fail on bad input runs in staging folders before anything is replaced; only
    then are normalized documents, index and site swapped in."""
    t0 = time.perf_counter()
    checked = check_corpus(paths.corpus, log=log)
    corpus, docs, model, found = checked.corpus, checked.docs, checked.model, checked.review
    undecided = [c.id for c in found.conflicts if c.decision is None]
    log(f"  {len(found.warnings)} warning(s) to review (python -m build_tools check lists them)"
        + (f"; {len(undecided)} undecided number conflict(s): {', '.join(undecided[:5])}"
           + (" …" if len(undecided) > 5 else "") if undecided else ""))
    # Outputs: site pages, open data (files the site publishes under data/), index records.
    pages, nav = generate_pages(corpus, docs, model, found.conflicts)
    if model is not None:
        pages.update(open_data_files(corpus, model, docs))
    analyzer = analyzer_for_corpus(corpus.root, corpus.agencies)
    query_tables = search_data(corpus, model, docs, found.conflicts, analyzer)  # what both searches read
    pages.update(site_files(query_tables))
    staged_site = None
    if site:
        state = site_state(site_key(paths, nav), pages, docs)
        incremental = can_build_incrementally(paths, state)
        if incremental:
            _state_path(paths).unlink()  # build/docs is updated in place from here on
        docs_dir, changed = assemble_docs(paths, pages, incremental)
        pages = dict.fromkeys(pages)  # written: MkDocs reads them from disk (memory at 10,000 letters)
        if not incremental:
            log(f"[3/5] building the site ({len(pages)} generated pages, mkdocs build --strict)")
            staged_site = build_site(paths, docs_dir, nav, log=log)
            build_site_index(staged_site, analyzer, docs_dir, log=log, cache=_site_search_cache(paths))
        elif changed:
            log(f"[3/5] building the site incrementally ({len(changed)} of {len(pages)} generated "
                "pages changed, mkdocs build --strict --dirty)")
            staged_site = build_site(paths, docs_dir, nav, changed)
        else:
            log(f"[3/5] site unchanged ({len(pages)} generated pages)")
            write_text_atomic(_state_path(paths), json.dumps(state))
    log("[4/5] updating the search index")
    write_normalized(paths, docs)
    records = {nd.id: records_for(corpus, nd) for nd in docs}
    fingerprints = {nd.id: nd.fingerprint() for nd in docs}
    records[MODEL_GROUP] = model_records(corpus, model)
    fingerprints[MODEL_GROUP] = hashlib.sha256(json.dumps(records[MODEL_GROUP], ensure_ascii=False, sort_keys=True,
                                                          default=str).encode("utf-8")).hexdigest()[:16]
    stats = build_index(paths.index, records, fingerprints, analyzer, log=log, query_tables=query_tables)
    how = ("full rebuild" if stats["full"]
           else f"re-indexed {len(stats['reindexed'])}, removed {len(stats['removed'])}")
    log(f"  index: {how}")
    if staged_site:
        log("[5/5] publishing the site")
        # A crash between the swaps must not leave a state that claims the old site.
        _state_path(paths).unlink(missing_ok=True)
        if incremental:
            publish_incremental(staged_site, paths.site)
            # The site index ranks with whole-site statistics: rebuilt over the live site
            # (staged and swapped in by build_site_index); only the re-rendered pages are
            # analyzed again, the others come from the cache of the previous build.
            build_site_index(paths.site, analyzer, paths.docs, log=log, cache=_site_search_cache(paths))
        else:
            replace_dir(staged_site, paths.site)
            replace_dir(docs_dir, paths.docs)
        write_text_atomic(_state_path(paths), json.dumps(state))
    log(f"done in {time.perf_counter() - t0:.1f} s: site in {paths.site}, index in {paths.index}")
    return {"documents": [nd.id for nd in docs], "index": stats}
