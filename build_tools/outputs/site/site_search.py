"""The site's search index, written at build time from the built HTML pages
(build_tools.outputs.site.site_sections) and cut by the one Thai analyzer, weighted by
the one ranking configuration (build_tools.outputs.search_index.ranking), so the browser
matches and ranks as the command line does.

The index is sharded so a visitor downloads only what a query needs (search/th/):
- meta.json: counts, shard layout, the page kinds' section ranges, and the analyzer's
  rules as data (build_tools.analysis.browser_tables: the query's pieces, the character
  clusters, digits, synonyms, corrections);
- d/<first two characters>.json: the term dictionary, one shard per first two
  characters of a term: {term: [document frequency, postings bucket]}.  The browser
  cuts a query by maximal matching over exactly these terms (the index's own terms), so
  it never cuts differently from the index, and finds each term's postings file here;
- p/<bucket>.json: postings {term: [section, impact, section, impact, ...]}, bucket =
  FNV-1a(term) mod buckets; impact = BM25 term-frequency part x 100 (idf is applied in
  the browser from the document frequency).  A very common term has instead
  {"#term": [document frequency, n, tail pieces]} there, its POSTINGS_HEAD strongest
  postings in p/h<n>.json and the rest in p/t<n>-<k>.json by section range k, fetched
  only when the heads give fewer than a page of results, and then only the ranges where
  the query's rarer words occur;
- s/<n>.json: the sections themselves (url, page title, section label, the text a
  snippet may quote), SECTIONS_PER_SHARD per file; only the shards of the shown hits
  are fetched.
What the browser reads besides (question words, thesaurus, answers, the ranking's
query-time settings) is search/th-query.json (build_tools.outputs.search_index.query_data).
"""
from __future__ import annotations

import hashlib
import json
import pickle
from functools import partial
from pathlib import Path

import pythainlp

from build_tools.analysis.analyzer import ThaiAnalyzer, normalize_term
from build_tools.analysis.browser_tables import browser_tables
from build_tools.analysis.shared_tokens import SharedTokens
from build_tools.common.atomic import fresh_dir, replace_dir, write_pickle_atomic
from build_tools.common.parallel import BESIDE_NICE, parallel_imap
from build_tools.common.thai import dictionary_words
from build_tools.outputs.search_index import ranking
from build_tools.outputs.site import page_analysis, search_cache, search_postings, search_sections
from build_tools.outputs.site.page_analysis import PageFeed, analysed_page, cached_analysis
from build_tools.outputs.site.search_cache import SearchCache
from build_tools.outputs.site.search_files import SearchFiles, signature
from build_tools.outputs.site.search_postings import fnv1a, shard_key, write_postings
from build_tools.outputs.site.search_sections import SECTIONS_PER_SHARD, Sections, impact
from build_tools.outputs.site.search_state import EarlyChecks
from build_tools.outputs.site.site_sections import indexed_pages, page_sections, site_page_urls

__all__ = ["SECTIONS_PER_SHARD", "build_site_index", "fnv1a", "impact", "index_key", "page_sections"]
_Sections = Sections  # the name tests and earlier callers use

INDEX_DIR = "search/th"
FORMAT = 2
# What a cache entry holds (see analyze_site).
CACHE_FORMAT = "page digest, (packed rows, row kinds, term ids, weights, sizes, lengths), file id; vocabulary"
MAX_TERM_CHARS = 40  # the browser's maximal matching tries terms up to this long


def index_key(analyzer: ThaiAnalyzer) -> str:
    """What a cached page analysis depends on besides the page: the code that reads and
    weighs pages, the analyzer (its code and vocabulary) and the ranking weights."""
    import build_tools.analysis as analysis_pkg

    h = hashlib.sha256()
    for f in [Path(__file__), Path(page_analysis.__file__), Path(search_sections.__file__), Path(search_cache.__file__),
              Path(__file__).with_name("search_delta.py"), Path(__file__).with_name("search_postings.py"),
              Path(page_sections.__code__.co_filename),
              Path(ranking.__file__),
              Path(SearchFiles.dump.__code__.co_filename),
              *sorted(Path(analysis_pkg.__file__).parent.glob("*.py"))]:
        h.update(f.read_bytes())
    h.update(json.dumps(analyzer.signature(), ensure_ascii=False).encode("utf-8"))
    h.update(pythainlp.__version__.encode())  # its dictionary and cluster rules (meta.json's tables)
    h.update(CACHE_FORMAT.encode())
    return h.hexdigest()


def language_cache(cache: Path) -> Path:
    """Where the language's words (language_terms) are kept for the next build: a file
    of their own, read before the site engine starts (kept_language)."""
    return cache.with_name(cache.stem + "-language.pickle")


def kept_language(cache: Path | None, key: str) -> list[tuple[str, str]] | None:
    """The language's words a build with the same index_key `key` kept; None: none.
    A rebuild then asks the page feed's worker for nothing before its pages (its
    listing of them, when not wanted, still held up the end of the feed)."""
    return _load_cache(language_cache(cache), key).get("terms") if cache is not None else None


def _load_cache(cache: Path | None, key: str) -> dict:
    if cache is None or not cache.is_file():
        return {}
    try:
        with cache.open("rb") as f:
            saved = pickle.load(f)
        return saved if saved.get("key") == key else {}
    except Exception:  # a damaged cache is only a slower build
        return {}


def analyze_site(site_dir: Path, analyzer: ThaiAnalyzer, docs_dir: Path | None, old: dict,
                 sink: Sections, sources: dict | None = None, urls: list[str] | None = None,
                 same_sources: bool = False, feed: PageFeed | None = None,
                 shared: SharedTokens | None = None, ready: dict | None = None) -> tuple[dict, int, int]:
    """Feed every searchable section of the site to `sink`; returns each page's cache
    entry, how many pages were analyzed afresh, and how many of those by the feed.  A page whose HTML is unchanged since
    the build that made `old` (url -> entry) reuses that build's analysis (an incremental
    build re-renders a few pages of thousands); a page `feed` analysed as the engine
    wrote it is taken from there; `sources`, `urls`, `same_sources`: see indexed_pages;
    `shared`: the texts the Whoosh index cut (analysis/shared_tokens.py); `ready`: url ->
    the analysis of a page made already (a rebuild's delta refused after it)."""
    listed = [(url, page, cached_analysis(page, old.pop(url, None)))
              for url, page in indexed_pages(site_dir, docs_dir, sources, urls, same_sources)]
    if feed is not None:
        feed.finish()  # (a rebuild: the worker's last few pages are waited for, not cut again)
    ready = ready or {}
    fed = {url: got for url, page, entry in listed if entry is None
           for got in [ready.get(url) or (feed.take(url, page) if feed is not None else None)] if got is not None}
    if feed is not None:
        feed.close()  # what it has not done yet is cut below, on every core
    # Pages left to analyse are cut on every core (a full build: thousands); each is
    # packed here, in site order, as it comes back.
    # (at the Whoosh index's priority: the two end together, not the index alone)
    analysed = parallel_imap(partial(analysed_page, analyzer=analyzer, shared=shared),
                             [(url, page) for url, page, entry in listed if entry is None and url not in fed],
                             nice=BESIDE_NICE)
    new: dict = {}
    fresh, by_feed = 0, len(fed)
    try:
        for url, _, entry in listed:
            if entry is None:
                digest, rows, terms, file_id = fed.pop(url) if url in fed else next(analysed)
                entry = (digest, sink.pack(rows, terms), file_id)
                fresh += 1
            new[url] = entry
            sink.add_packed(entry[1], (url, entry[0]))
    finally:
        analysed.close()  # a failure here stops the workers at once
    sink.finish()
    return new, fresh, by_feed


def _rest(done: int, total: int) -> str:
    return ", the others unchanged" if done < total else ""


def _save_cache(cache: Path | None, saved: dict) -> None:
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_pickle_atomic(cache, saved)


def language_terms(analyzer: ThaiAnalyzer) -> list[tuple[str, str]]:
    """(dictionary shard, term) of every word of the language (PyThaiNLP's word list and
    the corpus vocabulary) the browser may cut a query into; kept in the cache (the
    same for every build with the same analyzer)."""
    out = []
    for w in sorted(dictionary_words() | set(analyzer.vocabulary)):
        t = normalize_term(w)
        if t and len(t) <= MAX_TERM_CHARS and not any(c.isspace() for c in t):
            out.append((shard_key(t), t))
    return out


def _add_language_words(dicts: dict[str, dict], terms: list[tuple[str, str]]) -> int:
    """The words of the language the corpus does not use, as entries 0: the browser
    cuts a query over them too, so a word such as เลือกตั้ง is one absent word, as the
    analyzer cuts it, and not two words the corpus happens to hold (เลือก, ตั้ง)."""
    added = 0
    for key, t in terms:
        shard = dicts[key]
        if t not in shard:
            shard[t] = 0
            added += 1
    return added


def _language(cache: Path | None, key: str, given: list | None, early: list | None,
              analyzer: ThaiAnalyzer) -> list[tuple[str, str]]:
    """The language's words: `given` (what kept_language gave the caller), else the ones
    kept for `key`, else what the feed's worker listed (`early`), else listed here; kept
    for the next build when they were not read."""
    language = given or kept_language(cache, key)
    if language is None:
        language = early or language_terms(analyzer)
        _save_cache(language_cache(cache) if cache is not None else None, {"key": key, "terms": language})
    return language


def build_site_index(site_dir: Path, analyzer: ThaiAnalyzer, docs_dir: Path | None = None,
                     log=print, cache: Path | None = None, in_place: bool = False,
                     pages_key: str | None = None, feed: PageFeed | None = None,
                     shared: SharedTokens | None = None, language: list | None = None, checks=None) -> dict:
    """Write search/th/ into the (staged) site built from `docs_dir`; returns figures.
    `cache`: a file keeping each page's analysis for the next build (see analyze_site).
    `pages_key`: a hash of what decides which pages the site has (the site's key and
    its sources' names); the build that kept the cache with the same key had the same
    pages and sources, so neither folder is listed again.
    `in_place`: the site is a build's staging copy (a linked copy of the published site):
    only the files whose bytes change are replaced there (a one-letter rebuild rewrites a
    few shards), by delta when it can be (search_delta.py); otherwise the index is
    written beside the live one and swapped in whole.
    `feed`: pages already analysed as the engine wrote them (PageFeed); `shared`: the
    texts the Whoosh index cut (the same terms); `language`: see _language; `checks`:
    early_checks, begun before the engine rendered (for the same cache and key)."""
    key = index_key(analyzer)
    files_cache = _files_cache(cache)
    files_saved = checks.files_saved if checks is not None else _load_cache(files_cache, key)
    kept = checks.kept if checks is not None else SearchCache(cache, key, pages=False)
    ready: dict = {}
    if in_place:
        from build_tools.outputs.site import search_delta  # (it builds on this module's writers)

        early = feed.first_result() if feed is not None else None
        figures, ready = search_delta.update(site_dir / INDEX_DIR, site_dir, analyzer, docs_dir, kept, files_saved,
                                             pages_key, feed, shared,
                                             lambda: _language(cache, key, language, early, analyzer), checks)
        if figures is not None:
            _save_cache(files_cache, {"key": key, "files": figures.pop("seen"), "index": figures.pop("state")})
            _log_delta(log, figures)
            return {k: figures[k] for k in ("sections", "terms", "bytes", "pages_analyzed", "files_written")}
    kept.load_pages()
    return _whole_index(site_dir, analyzer, docs_dir, log, cache, in_place, pages_key, feed, shared, language,
                        (key, files_cache, files_saved, kept, ready))


def early_checks(site_dir: Path, analyzer: ThaiAnalyzer, docs_dir: Path | None, cache: Path,
                 pages_key: str | None):
    """The checks of a rebuild's delta that read only the staged sources and the
    published index, begun in a forked process now, before the engine renders
    (search_state.EarlyChecks); build_site_index(checks=...) takes them."""
    key = index_key(analyzer)
    return EarlyChecks(site_dir / INDEX_DIR, docs_dir, SearchCache(cache, key, pages=False),
                                    _load_cache(_files_cache(cache), key), pages_key)


def _files_cache(cache: Path | None) -> Path | None:
    """Where the index's files are recorded (search_files.SearchFiles' `known`), beside `cache`."""
    return cache.with_name(cache.stem + "-files.pickle") if cache is not None else None


def _log_delta(log, f: dict) -> None:
    fed = f", {f['by_feed']} of them as the engine wrote them" if f["by_feed"] else ""
    log(f"  site search: {f['sections']} sections ({f['pages_analyzed']} of {f['pages']} pages analyzed{fed}"
        f"{_rest(f['pages_analyzed'], f['pages'])}), by delta: {f['delta_terms']} terms' postings merged, "
        f"{f['terms']} terms, {f['bytes'] / 1024:.0f} KiB ({f['files_written']} of {f['files']} files written"
        f"{_rest(f['files_written'], f['files'])})")


def _whole_index(site_dir: Path, analyzer: ThaiAnalyzer, docs_dir: Path | None, log, cache: Path | None,
                 in_place: bool, pages_key: str | None, feed: PageFeed | None, shared: SharedTokens | None,
                 language: list | None, loaded: tuple) -> dict:
    """The index made whole (every page's analysis added, every posting computed; the
    files whose bytes are the same are kept); `loaded`: what build_site_index read."""
    from build_tools.outputs.site import search_delta  # (it builds on this module's writers)

    key, files_cache, files_saved, kept, ready = loaded
    final = site_dir / INDEX_DIR
    out = SearchFiles(final if in_place else fresh_dir(final), files_saved.get("files"))
    saved = kept.saved
    sections = Sections(out, saved.get("vocab"), SECTIONS_PER_SHARD)
    sources = saved.get("sources", {})
    same = pages_key is not None and saved.get("pages_key") == pages_key and saved.get("urls") is not None
    urls = saved["urls"] if same else site_page_urls(site_dir)
    early = feed.first_result() if feed is not None else None  # (the language's words: see build_site)
    analyzed, fresh, by_feed = analyze_site(site_dir, analyzer, docs_dir, saved.get("pages", {}), sections, sources,
                                            urls, same_sources=same, feed=feed, shared=shared, ready=ready)
    compacted = sections.compact(analyzed)
    language = _language(cache, key, language, early, analyzer)
    kept.save(compacted, renumbered=compacted is not analyzed, sources=sources,
              vocab=list(sections.vocab), urls=urls, pages_key=pages_key)
    pages, length = len(compacted), sections.length_total()
    light = search_delta.page_states(compacted) if in_place else None
    del analyzed, compacted, saved, kept
    dicts, buckets, n_terms, total = write_postings(out, sections)
    # A dictionary shard is made from its corpus terms (the language's words are the
    # same for every build with this key).
    sigs = {shard: signature(list(d.items())) for shard, d in dicts.items()}
    _add_language_words(dicts, language)
    for shard, d in dicts.items():
        out.dump(f"d/{shard}.json", d, sigs.get(shard, ""))
    out.remove_others()
    meta = {"format": FORMAT, "sections": sections.count, "buckets": buckets, "per_shard": SECTIONS_PER_SHARD,
            "tail_range": search_postings.TAIL_RANGE, "dict_shards": sorted(dicts), "max_term": MAX_TERM_CHARS,
            "kinds": sections.kinds}
    out.dump("meta.json", {**meta, "analyzer": browser_tables(analyzer)})
    if not in_place:
        replace_dir(out.folder, final)
    _save_cache(files_cache, {"key": key, "files": out.seen if in_place else {},
                              "index": search_delta.index_state(light, length, sections.count, total, buckets, meta,
                                                                n_terms) if in_place else None})
    fed = f", {by_feed} of them as the engine wrote them" if by_feed else ""
    log(f"  site search: {sections.count} sections ({fresh} of {pages} pages analyzed{fed}{_rest(fresh, pages)}), "
        f"{n_terms} terms, {len(dicts)} dictionary shards, {buckets} postings shards, "
        f"{out.size / 1024:.0f} KiB ({out.written} of {len(out.names)} files written"
        f"{_rest(out.written, len(out.names))})")
    return {"sections": sections.count, "terms": n_terms, "bytes": out.size, "pages_analyzed": fresh,
            "files_written": out.written}
