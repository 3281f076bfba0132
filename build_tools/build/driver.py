"""`build`: corpus -> normalized documents -> knowledge model -> outputs (site pages and
open data, the site, the Whoosh index) -> one atomic publish.

The corpus is validated first; on any error nothing is written.  Every output is made
in a staging folder and all of them are published together (publish.py), under the one
writer lock, so the previous normalized documents, index and site stay exactly as they
were until the new ones replace them all at once.

This module decides whether there is anything to do (a build whose inputs are the
published build's returns at once, before the stages are even imported); the stages
themselves are run by stages.py."""
from __future__ import annotations

import hashlib
import os
import stat
import time
from importlib.metadata import version
from pathlib import Path

import build_tools
from build_tools.build import publish as pub
from build_tools.common.cache import FileDigests
from build_tools.common.collector import fewer_collections
from build_tools.common.interrupts import recorded_interrupts
from build_tools.common.listing import files_under
from build_tools.common.lock import writing
from build_tools.common.paths import Paths

ENGINES = ("mkdocs", "zensical")


def build(paths: Paths, log=print, site: bool = True, engine: str = "mkdocs") -> dict:
    """The whole build, holding the writer lock (a second writer waits)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown site engine {engine!r}; one of {', '.join(ENGINES)}")
    # Fewer collections from the start: importing the stages' libraries and reading the
    # published build's record (megabytes of JSON at 10,000 letters) ran two hundred
    # young-generation collections before the stages began.
    with recorded_interrupts(), writing(paths, "build", log=log), fewer_collections():
        return _build(paths, log, site, engine)


def _build(paths: Paths, log, site: bool, engine: str) -> dict:
    t0 = time.perf_counter()
    pub.recover(paths, log)  # a publish a killed build left halfway is finished or undone first
    previous = pub.published(paths)
    if previous is not None and pub.state_problems(paths, previous):
        previous = None
    inputs = inputs_digest(paths, site, engine)
    if previous and previous.get("inputs") == inputs:
        log(f"[1/5] nothing changed since build {previous.get('id')} (corpus, docs/, mkdocs.yml, code and "
            f"versions are the same); the published build stays\n  index: re-indexed 0, removed 0")
        return {"documents": sorted(previous.get("normalized", {})), "index": {"reindexed": [], "removed": []}}
    from build_tools.build import stages  # the stages' code: only when there is work

    return stages.run(paths, log, site, engine, previous, inputs, t0)


def inputs_digest(paths: Paths, site: bool, engine: str) -> str:
    """A hash of everything a build reads: the corpus folder, docs/, mkdocs.yml, this
    code and the versions of the libraries that shape the output.  When it equals the
    published build's, the build has nothing to do.  Files are read only when their
    size, time or inode changed since the last build (build/cache/input-files.json)."""
    h = hashlib.sha256(f"{site} {engine}".encode())
    files = FileDigests(paths.work / "cache" / "input-files.json")  # (sources/document_records.py reads it too)
    for root in (paths.corpus, paths.docs_src, Path(build_tools.__file__).parent):
        top = os.path.join(root, "")
        for rel in files_under(root, _read_by_builds, skip=_not_read, follow_links=True):
            full = top + rel
            try:
                st = os.stat(full)
            except OSError:  # e.g. a dangling link
                continue
            if stat.S_ISREG(st.st_mode):
                h.update(rel.encode("utf-8") + b"\0" + files.digest(Path(full), st).encode() + b"\0")
    files.save()
    h.update(paths.config.read_bytes())
    for dist in ("pythainlp", "mkdocs", "mkdocs-material", "zensical", "whoosh-ng", "nlpo3"):
        h.update(f"{dist} {version(dist)}".encode())
    return h.hexdigest()


def _read_by_builds(name: str) -> bool:
    return ".siam-yim.lock" not in name and not name.startswith(".ingest-")  # (the writer lock, ingest staging)


def _not_read(folder: str) -> bool:
    return folder.rsplit("/", 1)[-1] == "__pycache__" or folder.startswith(".ingest-")
