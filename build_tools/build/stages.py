"""The stages of a build that has something to do (driver.py decides that): stages 1-3,
then each output, named, then one atomic publish of them all (publish.py)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from functools import partial

from build_tools.analysis.analyzer import analyzer_for_corpus
from build_tools.analysis.shared_tokens import SharedTokens
from build_tools.build import publish as pub
from build_tools.build.background import in_background
from build_tools.build.site_stage import build_site, plan_site
from build_tools.common.atomic import write_text_atomic
from build_tools.common.cache import ContentCache
from build_tools.common.collector import fewer_collections, kept_uncollected
from build_tools.common.interrupts import raise_if_interrupted
from build_tools.common.parallel import BESIDE_NICE
from build_tools.common.paths import Paths
from build_tools.common.process_end import keep_until_exit
from build_tools.knowledge.checked import CheckedCorpus, check_corpus
from build_tools.outputs.open_data import open_data_files
from build_tools.outputs.search_index.query_data import search_data, site_files
from build_tools.outputs.search_index.records import MODEL_GROUP, model_records, records_for
from build_tools.outputs.site.document_pages import generate_pages

SHARED_TOKENS = "shared-tokens"  # the staging folder of the texts the index cut, for the site search
INDEX_SEGMENT_MEMO = 20_000  # texts the index process's analyzer keeps cut (see update_index)
INDEX_LATE_MAX = 20  # documents to index or remove that let the index wait for the pages (index_can_wait)
INDEX_NICE = BESIDE_NICE  # below the pages and the first MkDocs; above the site search's page feed (PageFeed)


def run(paths: Paths, log, site: bool, engine: str, previous: dict | None, inputs: str, t0: float) -> dict:
    """Everything after the check that something changed; `previous`: the published
    build's record (None: build from scratch); `inputs`: the inputs' digest."""
    with fewer_collections():  # (common/collector.py: reading caches back was half collections)
        return _run(paths, log, site, engine, previous, inputs, t0)


def _run(paths: Paths, log, site: bool, engine: str, previous: dict | None, inputs: str, t0: float) -> dict:
    checked = checked_corpus(paths, log)  # stages 1-3
    log_review(checked, log)
    analyzer = analyzer_for_corpus(checked.corpus.root, checked.corpus.agencies)
    records, fingerprints = index_records(checked)
    query_tables = query_data(paths, checked, analyzer)
    staging = pub.Staging(paths, pub.new_build_id())
    index_job = writing = None
    try:
        if previous is not None:  # linked copies of what an incremental build changes, made meanwhile
            staging.prefetch(["normalized"] + (["docs", "site"] if engine == "mkdocs" or not site else []))
        index = partial(start_index, paths, staging, previous, records, fingerprints, analyzer, query_tables, site)
        late = index_can_wait(previous, fingerprints)
        if not late:
            index_job, shared = index()
        deps: dict = {}  # the documents' pages' dependency record (outputs/site/page_deps.py)
        pages, nav = site_pages(checked, ContentCache(paths.work / "cache" / "pages"),  # outputs: pages, open data
                                (previous or {}).get("site"), deps)
        log(f"  pages: {deps.get('made', len(checked.docs))} of {len(checked.docs)} documents' pages made, "
            "the others' kept by their dependency record")
        pages.update(site_files(query_tables))
        normalized = {nd.id: normalized_digest(nd) for nd in checked.docs}
        plan = plan_site(paths, pages, nav, checked.docs, engine, previous, analyzer, deps) if site else None
        if previous and plan and plan.unchanged and previous.get("normalized") == normalized \
                and previous.get("index") == fingerprints:
            return nothing_changed(paths, inputs, plan, len(pages), previous, checked, log, t0)
        if late:
            index_job, shared = index()
        # Written while the site is made (the disk's time, not the core's: the site's longest
        # path), by a forked process, not a thread: the site stage forks its workers meanwhile,
        # and a fork copies the locks a running thread holds into the child, held.
        published_normalized = (previous or {}).get("normalized")
        folder = staging.start("normalized", from_published=published_normalized is not None)
        writing = in_background(write_normalized, folder, checked.docs, normalized, published_normalized)
        documents = release_documents(checked, records)
        site_stats = publish_site_too(paths, staging, pages, nav, plan, engine, analyzer, previous, log, shared)
        writing.result()
        log("[4/5] updating the search index")
        index_stats = index_job.result()
        log("  index: " + ("full rebuild" if index_stats["full"] else
                           f"re-indexed {len(index_stats['reindexed'])}, removed {len(index_stats['removed'])}"))
        log("[5/5] publishing normalized documents, index and site together")
        record = {"inputs": inputs if site_stats else None,
                  "engine": engine if site_stats else (previous or {}).get("engine"),
                  "normalized": normalized, "index": fingerprints,
                  "site": plan.state if site_stats else (previous or {}).get("site"),
                  "outputs": staging.names}
        raise_if_interrupted()  # a Ctrl+C Python dropped (in a finalizer) still stops the build here
        pub.publish(staging, record, log)
    finally:
        if index_job is not None:
            index_job.cancel()
        if writing is not None:  # (the site failed or Ctrl+C: the rest is not written)
            writing.cancel()  # before the staging folder is thrown away under it
        staging.discard()
    keep_until_exit(previous, checked, records, query_tables, pages, plan, normalized)  # (common/process_end.py)
    log(f"done in {time.perf_counter() - t0:.1f} s: site in {paths.site}, index in {paths.index}")
    return {"documents": documents, "index": index_stats, "site": site_stats}



def nothing_changed(paths: Paths, inputs: str, plan, n_pages: int, previous: dict, checked: CheckedCorpus,
                    log, t0: float) -> dict:
    """The published build is what these inputs give: recorded so, nothing else done."""
    raise_if_interrupted()
    pub.remember_inputs(paths, inputs, plan.state)  # the next build with these inputs returns at once
    log(f"[3/5] site unchanged ({n_pages} generated pages)\n[4/5] search index\n"
        f"  index: re-indexed 0, removed 0\ndone in {time.perf_counter() - t0:.1f} s: nothing changed "
        f"since build {previous.get('id')}")
    return {"documents": [nd.id for nd in checked.docs], "index": {"reindexed": [], "removed": []}}


def index_can_wait(previous: dict | None, fingerprints: dict) -> bool:
    """The index has at most INDEX_LATE_MAX documents to index or remove (a rebuild's few
    changed letters): it is forked after the pages and the site's plan, not before, and
    written while the site is rendered.  The pages touch every document's objects, and
    a page of memory the build writes while a forked process still shares it is copied:
    at 10,000 letters the pages took 0.3 s longer beside a running index process
    (0.7 s against 1.0 s), while the index of one letter takes 0.45 s, most of it
    opening and committing the index, well within the site's turn."""
    old = (previous or {}).get("index")
    if not old:
        return False
    changed = sum(old.get(doc) != fp for doc, fp in fingerprints.items()) + len(old.keys() - fingerprints.keys())
    return changed <= INDEX_LATE_MAX


def checked_corpus(paths: Paths, log) -> CheckedCorpus:
    """Stages 1-3: what the rest of the build works from, alive to its end (so not
    looked through by the collector: common/collector.py)."""
    with kept_uncollected():
        return check_corpus(paths.corpus, log=log, cache_dir=paths.work / "cache")


def query_data(paths: Paths, checked: CheckedCorpus, analyzer) -> dict:
    """What both searches read besides their index (query_data.search_data), cached."""
    cache = ContentCache(paths.work / "cache" / "query-tables")
    tables = search_data(checked.corpus, checked.model, checked.docs, checked.review.conflicts, analyzer, cache)
    cache.prune()
    return tables


def start_index(paths: Paths, staging: pub.Staging, previous: dict | None, records, fingerprints, analyzer,
                query_tables, site: bool = True) -> tuple:
    """The Whoosh index, written on the other core while pages and site are made (forked
    before the pages exist, so it does not carry them in its memory; a rebuild's few
    letters: after them, see index_can_wait), at a lower
    priority: it has time to spare until the site is done, while the pages (on every
    core) and MkDocs are the build's longest path.  Returns its job, and the texts it
    cuts as the site search reads them (analysis/shared_tokens.py: each text cut once;
    with `site` False, none are kept)."""
    index_dir = staging.start("index", from_published=previous is not None and paths.index.is_dir())
    tokens = staging.path(SHARED_TOKENS) / "tokens.pickle" if site else None  # (--no-site: no site search)
    shutil.rmtree(staging.path(SHARED_TOKENS), ignore_errors=True)  # never an earlier (killed) build's
    job = in_background(update_index, index_dir, records, fingerprints, analyzer, query_tables, tokens,
                        nice=INDEX_NICE)
    return job, SharedTokens(tokens, analyzer)


def release_documents(checked: CheckedCorpus, records: LazyRecords) -> list[str]:
    """The documents' ids; their texts are let go (the index process has its own copy
    and the site needs none of them: memory at 10,000 letters)."""
    ids = [nd.id for nd in checked.docs]
    checked.docs.clear()
    records.by_id.clear()
    return ids


def log_review(checked: CheckedCorpus, log) -> None:
    found = checked.review
    undecided = [c.id for c in found.conflicts if c.decision is None]
    log(f"  {found.warning_count} warning(s) to review (python -m build_tools check lists them)"
        + (f"; {len(undecided)} undecided number conflict(s): {', '.join(undecided[:5])}"
           + (" …" if len(undecided) > 5 else "") if undecided else ""))


def site_pages(checked: CheckedCorpus, cache: ContentCache | None = None, previous_site: dict | None = None,
               deps: dict | None = None) -> tuple[dict[str, str], list]:
    """The generated pages (documents, raw views, the model's pages) and the open-data
    files the site publishes under data/, with the navigation.  `previous_site`: the
    published build's site state (its pages' keys and dependency record); `deps`:
    filled with this build's record (see generate_pages)."""
    pages, nav = generate_pages(checked.corpus, checked.docs, checked.model, checked.review.conflicts, cache=cache,
                                lazy=cache is not None, previous=previous_site, record=deps)
    if checked.model is not None:
        pages.update(open_data_files(checked.corpus, checked.model, checked.docs, cache))
    if cache is not None:
        cache.prune()  # after every user of the cache (the open data's records too)
    return pages, nav


class LazyRecords(dict):
    """document id -> its index records, computed when the index asks for them (only
    for documents whose fingerprint changed) and not kept: the index reads each
    document's once, and holding them all was most of the index process's growth (the
    build's largest process at 10,000 letters)."""

    def __init__(self, checked: CheckedCorpus):
        super().__init__()
        self.by_id = {nd.id: nd for nd in checked.docs}
        self.checked = checked
        self[MODEL_GROUP] = model_records(checked.corpus, checked.model)

    def __missing__(self, doc_id):
        nd = self.by_id[doc_id]
        try:
            return records_for(self.checked.corpus, nd)
        finally:
            nd.release()  # (read once: a full build's index process would hold every text)

    def __iter__(self):
        yield from self.by_id
        yield MODEL_GROUP

    def __contains__(self, doc_id):
        return doc_id in self.by_id or doc_id == MODEL_GROUP

    def __len__(self):
        return len(self.by_id) + 1


def index_records(checked: CheckedCorpus) -> tuple[LazyRecords, dict[str, str]]:
    """The Whoosh index's records (lazily, per document) and each group's fingerprint."""
    records = LazyRecords(checked)
    fingerprints = {nd.id: nd.fingerprint() for nd in checked.docs}
    fingerprints[MODEL_GROUP] = hashlib.sha256(json.dumps(records[MODEL_GROUP], ensure_ascii=False, sort_keys=True,
                                                          default=str).encode("utf-8")).hexdigest()[:16]
    return records, fingerprints


def normalized_digest(nd) -> str:
    """What build/normalized/<id>.md and .changes.json are made from: the normalization's
    cache key when there is one (it hashes all of it), else their text."""
    if nd.key:
        return nd.key
    return hashlib.sha1((nd.to_markdown() + "\0" + nd.changes_json()).encode("utf-8")).hexdigest()


def write_normalized(folder, docs: list, digests: dict[str, str], previous: dict | None) -> None:
    """Bring the staged build/normalized `folder` (a linked copy of the published one, or
    empty) up to date: the changed documents' files replaced and removed documents' files
    deleted (rewriting thousands of unchanged files costs more than the build).
    `digests`: each document's normalized_digest, as the build computed it."""
    previous = previous or {}
    keep = set()
    present = set(os.listdir(folder))  # names, not Path objects: 20,000 files at 10,000 letters
    for nd in docs:
        keep |= {f"{nd.id}.md", f"{nd.id}.changes.json"}
        if previous.get(nd.id) == digests[nd.id] and f"{nd.id}.md" in present:
            continue
        write_text_atomic(folder / f"{nd.id}.md", nd.to_markdown())
        write_text_atomic(folder / f"{nd.id}.changes.json", nd.changes_json())
        nd.release()
    for name in present - keep - {pub.STAMP}:
        os.unlink(os.path.join(folder, name))


def update_index(folder, records, fingerprints, analyzer, query_tables, shared_tokens=None) -> dict:
    """The staged build/index (a linked copy of the published one, or empty) brought up
    to date: changed documents re-indexed, removed ones deleted; the query tables beside
    it; the texts it cut saved to `shared_tokens` for the site search."""
    from build_tools.outputs.search_index.whoosh_index import (
        build_index,  # Whoosh is imported by the index process alone
    )

    # The index cuts a text again mostly within one document's records, so a smaller memo
    # keeps most of the build's large one's hits without holding every text's words to
    # the end.  At 10,000 letters (534,557 texts asked): unbounded, 66,882 cut and a
    # 327 MB memo; 20,000, 76,277 cut (1.56 instead of 1.41 million words) and 79 MB;
    # 5,000, 91,231 cut (1.81 million words).
    analyzer.SEGMENT_CACHE_MAX = INDEX_SEGMENT_MEMO
    try:
        return build_index(folder, records, fingerprints, analyzer, log=lambda m: None, query_tables=query_tables,
                           shared_tokens=shared_tokens)
    finally:
        del analyzer.SEGMENT_CACHE_MAX  # (the class's again: without fork this ran in the build's own process)


def publish_site_too(paths: Paths, staging: pub.Staging, pages, nav, plan, engine, analyzer, previous,
                     log, shared: SharedTokens | None = None) -> dict | None:
    """Stage the site (built, or with --no-site the published one as it is)."""
    if plan is not None:
        return build_site(paths, staging, pages, nav, plan, engine, analyzer, log=log, shared=shared)
    if previous and paths.site.is_dir():
        staging.start("docs", from_published=True)
        staging.start("site", from_published=True)
    return None
