"""`build`: corpus -> normalized documents -> Whoosh index -> site.

The corpus is validated first; on any error nothing is written, so the previous
normalized documents, index and site stay exactly as they were."""
from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from build_tools.analyzer import analyzer_for_corpus
from build_tools.corpus import Corpus, load_corpus
from build_tools.fsutil import fresh_dir, replace_dir
from build_tools.normalized import NormalizedDoc, normalize_corpus
from build_tools.paths import Paths
from build_tools.search_records import records_for
from build_tools.site_pages import generate_pages
from build_tools.site_search import build_site_index
from build_tools.whoosh_index import build_index


class SiteBuildError(Exception):
    pass


def corpus_vocabulary(corpus: Corpus) -> list[str]:
    """Words the analyzer knows beyond PyThaiNLP's list (kept for callers of the old API;
    the analyzer itself comes from analyzer_for_corpus)."""
    return list(analyzer_for_corpus(corpus.root, corpus.agencies).vocabulary)


def write_normalized(paths: Paths, docs: list[NormalizedDoc]) -> None:
    staged = fresh_dir(paths.normalized)
    for nd in docs:
        (staged / f"{nd.id}.md").write_text(nd.to_markdown(), encoding="utf-8")
        (staged / f"{nd.id}.changes.json").write_text(nd.changes_json(), encoding="utf-8")
    replace_dir(staged, paths.normalized)


def assemble_docs(paths: Paths, pages: dict[str, str]) -> Path:
    """Hand-written docs/ plus generated pages, in a staging folder."""
    staged = fresh_dir(paths.docs)
    shutil.copytree(paths.docs_src, staged, dirs_exist_ok=True)
    for rel, text in pages.items():
        target = staged / rel
        if target.exists():
            raise SiteBuildError(f"generated page {rel} would overwrite docs/{rel}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return staged


class _CountWarnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_site(paths: Paths, docs_dir: Path, nav: list) -> Path:
    """Run a real, strict `mkdocs build` of the assembled sources into a staging folder
    (returned; the caller swaps it in as <out>/site)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_tmp = paths.site.with_name(paths.site.name + ".tmp")
    shutil.rmtree(site_tmp, ignore_errors=True)
    counter = _CountWarnings()
    log = logging.getLogger("mkdocs")
    log.addHandler(counter)
    try:
        cfg = load_config(str(paths.config), docs_dir=str(docs_dir), site_dir=str(site_tmp),
                          nav=nav, strict=True)
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
        log.removeHandler(counter)
    if counter.messages:
        raise SiteBuildError("mkdocs reported warnings:\n  " + "\n  ".join(counter.messages))
    return site_tmp


def build(paths: Paths, log=print, site: bool = True) -> dict:
    """Every step that can fail on bad input runs before anything is replaced: the
    corpus check, normalization, page generation and the strict mkdocs build all work
    in staging folders; only then are normalized documents, index and site swapped in."""
    t0 = time.perf_counter()
    log(f"[1/5] checking corpus in {paths.corpus}")
    corpus = load_corpus(paths.corpus)
    for w in corpus.warnings:
        log(f"  {w}")
    log(f"[2/5] normalizing {len(corpus.documents)} documents")
    docs = normalize_corpus(corpus)
    pages, nav = generate_pages(corpus, docs)
    analyzer = analyzer_for_corpus(corpus.root, corpus.agencies)
    staged_site = None
    if site:
        log(f"[3/5] building the site ({len(pages)} generated pages, mkdocs build --strict)")
        docs_dir = assemble_docs(paths, pages)
        staged_site = build_site(paths, docs_dir, nav)
        build_site_index(staged_site, analyzer, docs_dir, log=log)
    log("[4/5] updating the search index")
    write_normalized(paths, docs)
    records = {nd.id: records_for(corpus, nd) for nd in docs}
    fingerprints = {nd.id: nd.fingerprint() for nd in docs}
    stats = build_index(paths.index, records, fingerprints, analyzer, log=log)
    how = ("full rebuild" if stats["full"]
           else f"re-indexed {len(stats['reindexed'])}, removed {len(stats['removed'])}")
    log(f"  index: {how}")
    if staged_site:
        log("[5/5] publishing the site")
        replace_dir(staged_site, paths.site)
        replace_dir(docs_dir, paths.docs)
    log(f"done in {time.perf_counter() - t0:.1f} s: site in {paths.site}, index in {paths.index}")
    return {"documents": [nd.id for nd in docs], "index": stats}
