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
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from build_tools.outputs.site.errors import SiteBuildError
from build_tools.outputs.site.render import compiled_templates

PLUGIN_NAME = "siam-yim-build"
PROGRESS_EVERY = 2000  # pages between progress lines of a long build


def untitled_nav_pages(nav) -> set[str]:
    """Pages the navigation lists without a title (a bare path): MkDocs takes their
    title from the page itself, so they are rendered in every build for the navigation
    and the previous/next links of the other pages to show it."""
    out: set[str] = set()
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, str):
            out.add(item)
        elif isinstance(item, dict):
            for v in item.values():
                out |= untitled_nav_pages(v)
    return out


class BuildPlugin(BasePlugin):
    """Our part of an MkDocs run (see the module docstring); events only."""

    def __init__(self, only: set[str] | None = None, keep: set[str] = frozenset(), log=None,
                 pack: bool = True, written=None):
        super().__init__()
        self.only, self.keep, self.log, self.pack, self.written = only, keep, log, pack, written
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
        return env

    @event_priority(-100)
    def on_files(self, files, *, config):
        if self.only is not None:
            for f in files:
                if f.src_uri not in self.only and f.src_uri not in self.keep:
                    f.inclusion = InclusionLevel.EXCLUDED
        self.total = sum(1 for f in files.documentation_pages() if not f.inclusion.is_excluded())
        return files

    @event_priority(-100)
    def on_page_content(self, html, *, page, config, files):
        self._progress("rendered")
        if not self.pack:
            return html
        self.packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        page.markdown = ""  # not None: a rendered page's title no longer reads it
        return ""

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
                      only: set[str] | None = None, log=None, pack: bool = True, written=None) -> None:
    """A real, strict `mkdocs build` of `docs_dir` into `site_dir` with `nav`.  `only`:
    render just these pages (and the navigation's pages); the caller keeps the other
    files from the previous site.  `written(path in the site, html)`: called with each
    page as it is written."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    counter = _CountWarnings()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    try:
        cfg = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir),
                          nav=nav, strict=True)
        cfg.plugins[PLUGIN_NAME] = BuildPlugin(only, untitled_nav_pages(nav), log, pack, written)
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
