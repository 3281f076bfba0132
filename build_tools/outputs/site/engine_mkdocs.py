"""Run MkDocs (+ Material) on the assembled sources, through its public API only.

Everything we change about MkDocs' run goes through one plugin object of ours,
registered on the loaded configuration (`config.plugins[...] = ...`, MkDocs' own plugin
collection) and acting on plugin events:

- memory: MkDocs renders every page first and writes them all afterwards, holding all
  the HTML in between (gigabytes at 10,000 letters).  `on_page_content` keeps each
  page's HTML zlib-compressed in the plugin and hands MkDocs an empty string and an
  empty Markdown source; `on_page_context` (first of all plugins) gives the page its
  HTML back just before its template is rendered; `on_post_page` drops it again;
- Material's search index: the site's search box runs on our own index (search/th/,
  site_search.py), so every page gets Material's documented front-matter option
  `search: {exclude: true}` (in `on_page_context`, before Material's search plugin
  reads it): Material's search_index.json stays empty and its parser does no work;
- incremental builds: `on_files` marks every page that did not change (and is not in
  the navigation) and every static file as excluded (`File.inclusion`, what
  `exclude_docs` does), so MkDocs renders only the changed pages; links to excluded
  pages still resolve (MkDocs logs them at INFO level), and the pages the navigation
  lists without a title are rendered too, so every page's navigation and previous/next
  links are what a full build gives (tests/test_incremental_site.py compares them);
- the site search: `on_post_page` (last of all plugins) hands each page's HTML, as it
  is written, to the build's `written` callback (the site search cuts it on the other
  core meanwhile: page_analysis.PageFeed), unless its own front matter leaves it out of
  search (`search: {exclude: true}`, as site_sections.excluded_pages reads it);
- a full build on two cores (site_stage.render_site): a second MkDocs process renders
  part of the pages (`only`, as an incremental build does); this one reads those pages
  (`skip`) but renders them as nothing: `on_page_markdown` empties their source and
  gives them a template that renders empty (MkDocs writes no file for an empty page),
  so the navigation, the sitemap and every other page are what one process gives;
- anchors: MkDocs checks no link to an anchor on a page it did not render (the other
  process's, or an unchanged page in an incremental build): each run records its pages'
  anchors and such links (`RenderedAnchors`), which the caller checks as MkDocs would
  (site_stage.check_anchors, with the published pages' anchors);
- progress: a line every PROGRESS_EVERY pages of a long build;
- start-up: the theme's Jinja environment (`on_env`) keeps its compiled templates in
  the build cache (Jinja's own bytecode cache, checked against each template's source),
  and an incremental build renders no theme template (`on_config`: the theme's
  `static_templates`, 404.html and sitemap.xml): their pages come from the navigation,
  which is the published build's (else the build is a full one), so the published
  files are kept.
"""
from __future__ import annotations

import logging
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from build_tools.outputs.site.errors import SiteBuildError
from build_tools.outputs.site.page_links import nav_pages
from build_tools.outputs.site.render import compiled_templates

PLUGIN_NAME = "siam-yim-build"
PROGRESS_EVERY = 2000  # pages between progress lines of a long build
# The template of a page another process renders (empty: MkDocs writes no file for it).
ELSEWHERE_TEMPLATE = "siam-yim-rendered-elsewhere.html"


@dataclass
class RenderedAnchors:
    """What one MkDocs run saw of anchors: the anchors of each page it rendered, and its
    links to an anchor on a page it did not render (from, link as written, to, anchor),
    which MkDocs leaves unchecked."""
    present: dict[str, Collection[str]] = field(default_factory=dict)
    elsewhere: list[tuple[str, str, str, str]] = field(default_factory=list)


def anchor_problems(*runs: RenderedAnchors) -> list[str]:
    """The links to anchors no run's page has (a later run's pages replace an earlier
    one's), in MkDocs' words."""
    present = {src: ids for run in runs for src, ids in run.present.items()}
    out = []
    for run in runs:
        for src, link, to, anchor in run.elsewhere:
            if to in present and anchor not in present[to]:
                out.append(f"Doc file '{src}' contains a link '{link}', but the doc '{to}' does not "
                           f"contain an anchor '#{anchor}'.")
    return sorted(set(out))


class BuildPlugin(BasePlugin):
    """Our part of an MkDocs run (see the module docstring); events only."""

    def __init__(self, only: set[str] | None = None, keep: set[str] = frozenset(), log=None,
                 pack: bool = True, written=None, skip: set[str] = frozenset()):
        super().__init__()
        self.only, self.keep, self.log, self.pack, self.written = only, keep, log, pack, written
        self.skip = skip
        self.anchors = RenderedAnchors()
        self.packed: dict[str, bytes] = {}
        self.unsearched: set[str] = set()  # pages whose own front matter excludes them from search
        self.total = 0
        self.done = {"rendered": 0, "written": 0}

    def _progress(self, step: str) -> None:
        self.done[step] += 1
        if self.log and self.done[step] % PROGRESS_EVERY == 0:
            self.log(f"  {step} {self.done[step]}/{self.total} pages")

    def on_config(self, config):
        if self.only is not None:
            config.theme.static_templates = set()
        return config

    def on_env(self, env, *, config, files):
        env.bytecode_cache = compiled_templates("jinja-theme")
        if self.skip:
            env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({ELSEWHERE_TEMPLATE: ""})])
        return env

    @event_priority(-100)
    def on_files(self, files, *, config):
        if self.only is not None:
            for f in files:
                if f.src_uri not in self.only and f.src_uri not in self.keep:
                    f.inclusion = InclusionLevel.EXCLUDED
        self.total = sum(1 for f in files.documentation_pages()
                         if not f.inclusion.is_excluded() and f.src_uri not in self.skip)
        return files

    @event_priority(100)
    def on_page_markdown(self, markdown, *, page, config, files):
        if page.file.src_uri in self.skip:
            page.meta["template"] = ELSEWHERE_TEMPLATE
            return ""
        return markdown

    @event_priority(-100)
    def on_page_content(self, html, *, page, config, files):
        self._note_anchors(page)
        if page.file.src_uri in self.skip:
            return html
        self._progress("rendered")
        if not self.pack:
            return html
        self.packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        page.markdown = ""  # not None: a rendered page's title no longer reads it
        return ""

    def _note_anchors(self, page) -> None:
        """The page's anchors, and its links to anchors MkDocs will not check here."""
        src = page.file.src_uri
        if src in self.skip:
            page.present_anchor_ids = None  # not rendered here: MkDocs checks no link to it
            return
        self.anchors.present[src] = frozenset(page.present_anchor_ids or ())
        for to_file, links in (page.links_to_anchors or {}).items():
            if to_file.src_uri in self.skip or to_file.inclusion.is_excluded():
                self.anchors.elsewhere += [(src, link, to_file.src_uri, anchor) for anchor, link in links.items()]

    @event_priority(100)
    def on_page_context(self, context, *, page, config, nav):
        packed = self.packed.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")
        search = page.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            self.unsearched.add(page.file.src_uri)
        page.meta["search"] = {**search, "exclude": True} if isinstance(search, dict) else {"exclude": True}
        return context

    @event_priority(-100)
    def on_post_page(self, output, *, page, config):
        if self.pack:
            page.content = None
        if page.file.src_uri in self.skip:
            return output
        if self.written is not None and page.file.src_uri not in self.unsearched:
            self.written(page.file.dest_uri, output)
        self._progress("written")
        return output


class _CountWarnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_with_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path, nav: list,
                      only: set[str] | None = None, log=None, pack: bool = True, written=None,
                      skip: set[str] = frozenset()) -> RenderedAnchors:
    """A real, strict `mkdocs build` of `docs_dir` into `site_dir` with `nav`.  `only`:
    render just these pages (and the navigation's pages); the caller keeps the other
    files from the previous site (or takes them from the process that renders `skip`).
    `skip`: pages another process renders (see the module docstring).  `written(path in
    the site, html)`: called with each page as it is written.  Returns the anchors seen
    (the caller checks the links to pages this run did not render: site_stage.check_anchors)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    counter = _CountWarnings()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    try:
        cfg = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir),
                          nav=nav, strict=True)
        plugin = BuildPlugin(only, nav_pages(nav, titled=False), log, pack, written, skip)
        cfg.plugins[PLUGIN_NAME] = plugin
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(cfg)
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
    if counter.messages:
        raise SiteBuildError("mkdocs reported warnings:\n  " + "\n  ".join(counter.messages))
    return plugin.anchors
