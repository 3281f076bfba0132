"""The site search index updated by delta (site_search.build_site_index): a rebuild
that re-renders a few pages of thousands rewrites only the index files their sections
reach, merged into the published build's files, when that gives what making the index
whole gives, byte for byte:

- the same pages in the same order, each changed page with as many sections as before
  (so every other section keeps its number);
- the sections' total length is the published build's: BM25's average section length
  is the same, so is every impact of an unchanged section (a corrected title, a date,
  an issuer);
- every file of the published index is the one the build that kept `state` wrote (the
  files cache's inode, size and time; the state is saved with them, after the files);
- no term crosses POSTINGS_HEAD, and the number of postings files stays.

Otherwise (or with more than MAX_CHANGED pages changed) the index is made whole, as
before.  The terms rewritten are those whose postings in the changed sections differ,
so a corrected title touches its own words and not every word of the page.  The
state (`index_state`): each page's digest, file id and number of sections, in site
order, the sections' total length and count, the postings' total size, the number of
postings files and meta.json's figures."""
from __future__ import annotations

import json
import os
from bisect import bisect_right
from pathlib import Path

import numpy as np

from build_tools.outputs.site import search_postings as sp
from build_tools.outputs.site.page_analysis import analysed_page, page_digest, page_file_id
from build_tools.outputs.site.search_files import SearchFiles, signature
from build_tools.outputs.site.search_sections import Sections, average_length, impacts, section_norms
from build_tools.outputs.site.search_state import EarlyChecks, Refused, may_update, verify_files
from build_tools.outputs.site.site_sections import indexed_urls

MAX_CHANGED = 32  # pages: beyond, the index is made whole (a delta merges term by term)


def rows_of(packed: tuple) -> int:
    """How many sections a packed page has (its runs of row kinds)."""
    return sum(n for _, n in packed[1])


def length_of(packed: tuple) -> int:
    """The total length of a packed page's sections."""
    return int(np.frombuffer(packed[5], dtype=np.int32).astype(np.int64).sum())


def page_states(entries: dict) -> dict:
    """url -> (digest, file id, number of sections) of each page (`entries`: url -> cache
    entry, in site order)."""
    return {url: (e[0], e[2], rows_of(e[1])) for url, e in entries.items()}


def index_state(pages: dict, length: int, count: int, total: int, buckets: int, meta: dict, terms: int) -> dict:
    """What a later rebuild's delta starts from (see the module): `pages` (page_states),
    the sections' total `length` and `count`, the postings' `total` size, the number
    of postings files, meta.json without the analyzer's tables, the number of terms."""
    return {"pages": pages, "length": length, "sections": count, "total": total, "buckets": buckets,
            "meta": meta, "terms": terms}


def update(final: Path, site_dir: Path, analyzer, docs_dir: Path | None, kept, files_saved: dict,
           pages_key: str | None, feed, shared, language_of,
           early: EarlyChecks | None = None) -> tuple[dict | None, dict]:
    """Update the index in `final` (a staged, linked copy of the published one) by delta:
    its figures, with the state and the files seen to keep ("state", "seen"), or None
    when refused (see the module); and the pages analysed here (url -> analysed_page's
    tuple: making the index whole takes them).  `kept`: the SearchCache (main file
    only); `language_of()`: the language's words (site_search._language); `early`:
    the checks of the published state, made while the engine rendered (EarlyChecks)."""
    state, saved, fresh = files_saved.get("index"), kept.saved, {}
    if not may_update(saved, files_saved, pages_key):
        return None, fresh
    checked = early.result() if early is not None else None
    try:
        if checked is None:
            changed, moved = _changed_pages(site_dir, docs_dir, saved, state)
            verify_files(final, files_saved.get("files") or {})
        else:
            excluded, sources, files_written = checked
            saved.setdefault("sources", {}).update(sources)
            changed, moved = _changed_pages(site_dir, docs_dir, saved, state, excluded)
            if not files_written:
                raise Refused
        fresh = _analyses(changed, analyzer, feed, shared)
        delta = _Delta(final, state, kept, Sections(None, saved.get("vocab")))
        delta.postings(changed, fresh)
        delta.plan(language_of)
    except Refused:
        return None, {url: got for url, (got, _) in fresh.items()}
    kept.save_changed(delta.entries, vocab=list(delta.sections.vocab), sources=saved.get("sources", {}),
                      urls=saved["urls"], pages_key=pages_key)
    out = SearchFiles(final, files_saved["files"])
    out.seen = dict(out.known)
    delta.write(out)
    pages = state["pages"]
    for url, digest, file_id in moved + [(url, e[0], e[2]) for url, e in delta.entries.items()]:
        pages[url] = (digest, file_id, pages[url][2])
    state["total"], state["terms"] = delta.total, delta.terms
    files = [e for rel, e in out.seen.items() if not rel.startswith("#")]  # (not a common term's group)
    size = sum(e[2] for e in files) + (final / "meta.json").stat().st_size
    return {"sections": state["sections"], "terms": delta.terms, "bytes": size, "pages_analyzed": len(changed),
            "files_written": out.written, "files": len(files) + 1, "delta_terms": len(delta.changed),
            "by_feed": delta.by_feed, "pages": len(pages), "state": state, "seen": out.seen}, fresh


def _changed_pages(site_dir: Path, docs_dir: Path | None, saved: dict, state: dict,
                   excluded: set[str] | None = None) -> tuple[list, list]:
    """(url, built file, first section) of each page whose HTML is not the state's, and
    (url, digest, file id) of each page with the same bytes in another file; `excluded`:
    see indexed_urls."""
    listed = indexed_urls(site_dir, docs_dir, saved.get("sources", {}), saved["urls"], same_sources=True,
                          excluded=excluded)
    pages = state["pages"]
    if len(listed) != len(pages):
        raise Refused
    changed, moved, start = [], [], 0
    top = os.path.join(site_dir, "")
    for url, (known, (digest, file_id, rows)) in zip(listed, pages.items()):
        if url != known:
            raise Refused
        now = page_file_id(top + url + "index.html")
        if now != file_id:
            page = site_dir / (url + "index.html")
            if page_digest(page.read_bytes()) == digest:
                moved.append((url, digest, now))
            else:
                changed.append((url, page, start))
        start += rows
    if len(changed) > MAX_CHANGED:
        raise Refused
    return changed, moved


def _analyses(changed: list, analyzer, feed, shared) -> dict:
    """The changed pages' analyses: the feed's (as the engine wrote them), else cut here."""
    if feed is not None:
        feed.finish()
    out = {}
    for url, page, _ in changed:
        got = feed.take(url, page) if feed is not None else None
        out[url] = (got, True) if got is not None else (analysed_page((url, page), analyzer, shared), False)
    return out


def _page_postings(packed: tuple, start: int, avg: float) -> tuple:
    """(term id, section, impact) of each posting of a packed page whose first section is
    `start`, computed as Sections.postings computes them."""
    _, _, ids, weights, sizes, lengths = packed
    local = np.repeat(np.arange(len(sizes) // 4), np.frombuffer(sizes, dtype=np.int32))
    norm = section_norms(np.frombuffer(lengths, dtype=np.int32).astype(np.int64), avg)
    return (np.frombuffer(ids, dtype=np.int32), (start + local).astype(np.int32),
            impacts(np.frombuffer(weights, dtype=np.float64), norm[local]))


def _differing(old: list[tuple], new: list[tuple]) -> dict[int, np.ndarray]:
    """term id -> its new postings [section, impact, ...] in the changed sections, for
    each term whose postings there are not what they were."""
    def triples(parts):
        return set(zip(*(np.concatenate(a).tolist() for a in zip(*parts)))) if parts else set()

    before, after = triples(old), triples(new)
    by_term: dict[int, list] = {t: [] for t, _, _ in before ^ after}
    for t, s, i in sorted(after):  # by term, then section
        if t in by_term:
            by_term[t] += (s, i)
    return {t: np.array(v, dtype=np.int32) for t, v in by_term.items()}


def _merged(old: np.ndarray, new: np.ndarray, ranges: list[tuple[int, int]]) -> np.ndarray:
    """A term's postings: `old` without the changed sections' (`ranges`), with `new`, by section."""
    pairs = old.reshape(-1, 2)
    keep = np.ones(len(pairs), dtype=bool)
    for a, b in ranges:
        keep &= (pairs[:, 0] < a) | (pairs[:, 0] >= b)
    both = np.concatenate((pairs[keep], new.reshape(-1, 2)))
    return both[np.argsort(both[:, 0], kind="stable")].ravel().astype(np.int32)


def _is_common(value) -> bool:
    """A postings file's entry of a common term: [df, n, tail pieces] (a term's own
    postings are a flat list of numbers)."""
    return len(value) == 3 and isinstance(value[2], list)


def _read(folder: Path, rel: str, missing=None):
    """A file of the published index; `missing` when it is not there (None: refused)."""
    try:
        with open(os.path.join(folder, rel), "rb") as f:
            return json.loads(f.read())
    except FileNotFoundError:
        if missing is None:
            raise Refused from None
        return missing


def _remove(out: SearchFiles, rel: str) -> None:
    """A file of the published index that a whole build would not write."""
    (out.folder / rel).unlink(missing_ok=True)
    out.seen.pop(rel, None)


class _Delta:
    """The changed pages' postings merged into the published files (see the module)."""

    def __init__(self, folder: Path, state: dict, kept, sections: Sections):
        self.folder, self.state, self.kept, self.sections = folder, state, kept, sections
        self.entries: dict = {}  # url -> the new cache entry of a changed page
        self.rows: dict[int, list] = {}  # first section -> a changed page's snippet rows
        self.changed: dict[str, np.ndarray] = {}  # term -> its new postings in the changed sections
        self.ranges: list[tuple[int, int]] = []
        self.by_feed = 0
        self.total, self.terms = state["total"], state["terms"]

    def postings(self, changed: list, fresh: dict) -> None:
        """The changed pages packed, checked (same sections, same total length) and their
        terms whose postings changed (self.changed)."""
        length, old, new = self.state["length"], [], []
        for url, _, start in changed:
            (digest, rows, terms, file_id), by_feed = fresh[url]
            before = self.kept.entry(url)
            if before is None or before[0] != self.state["pages"][url][0] or len(rows) != self.state["pages"][url][2]:
                raise Refused
            packed = self.sections.pack(rows, terms)
            self.entries[url] = (digest, packed, file_id)
            self.rows[start] = rows
            self.ranges.append((start, start + len(rows)))
            self.by_feed += by_feed
            length += length_of(packed) - length_of(before[1])
            old.append((url, before[1], start))
            new.append((url, packed, start))
        if length != self.state["length"]:
            raise Refused  # the average section length moved: every impact may round otherwise
        avg = average_length(length, self.state["sections"])
        vocab = list(self.sections.vocab)
        differing = _differing([_page_postings(p, s, avg) for _, p, s in old],
                               [_page_postings(p, s, avg) for _, p, s in new])
        self.changed = {vocab[t]: v for t, v in differing.items()}

    def plan(self, language_of) -> None:
        """Every file's new content, before any is written (a refusal writes nothing)."""
        buckets = self.state["buckets"]
        by_bucket: dict[int, list[str]] = {}
        for term in self.changed:
            by_bucket.setdefault(sp.fnv1a(term) % buckets, []).append(term)
        self.buckets, self.common, self.dfs = {}, {}, {}
        for b, terms in sorted(by_bucket.items()):
            self.buckets[b] = self._bucket(b, terms)
        if sp.postings_buckets(self.total) != buckets:
            raise Refused
        self.dicts = self._dictionaries(language_of) if self.dfs else {}

    def _bucket(self, b: int, terms: list[str]) -> dict:
        """Postings file p/<b>.json with `terms` merged: {key: value} in the file's order
        (a term's own postings as an int32 array)."""
        entries = _read(self.folder, f"p/{b}.json", missing={})  # (a new term's file may be new)
        for term in terms:
            common = entries.get("#" + term) if _is_common(entries.get("#" + term) or ()) else None
            old = self._common_postings(common) if common else np.array(entries.get(term, ()), dtype=np.int32)
            plist = _merged(old, self.changed[term], self.ranges)
            df, was = len(plist) // 2, len(old) // 2
            if (df > sp.POSTINGS_HEAD) != (was > sp.POSTINGS_HEAD):
                raise Refused  # a common term's number (and every later one's) would move
            if df != was:
                self.dfs[term] = df
                self.total += sp.postings_size(term, df) - sp.postings_size(term, was)
                self.terms += (not was) - (not df)
            if common:
                self.common[term] = (plist, common)
            elif df:
                entries[term] = plist
            else:
                entries.pop(term, None)
        return dict(sorted(((k, v if _is_common(v) or isinstance(v, np.ndarray) else np.array(v, dtype=np.int32))
                            for k, v in entries.items()), key=lambda kv: kv[0][1:] if _is_common(kv[1]) else kv[0]))

    def _common_postings(self, entry: list) -> np.ndarray:
        """A common term's postings from its head and tail files, by section."""
        _, n, pieces = entry
        parts = [_read(self.folder, f"p/h{n}.json")] + [_read(self.folder, f"p/t{n}-{k}.json") for k in pieces]
        pairs = np.array([x for part in parts for x in part], dtype=np.int32).reshape(-1, 2)
        return pairs[np.argsort(pairs[:, 0], kind="stable")].ravel()

    def _dictionaries(self, language_of) -> dict[str, tuple[dict, str]]:
        """Dictionary shards d/<shard>.json with the new document frequencies, and their signatures."""
        by_shard: dict[str, list[str]] = {}
        for term in self.dfs:
            by_shard.setdefault(sp.shard_key(term), []).append(term)
        language = language_of()
        out = {}
        for shard, terms in by_shard.items():
            entries = _read(self.folder, f"d/{shard}.json", missing={})
            corpus = {t: v for t, v in entries.items() if v != 0}
            for term in terms:
                if self.dfs[term]:
                    corpus[term] = [self.dfs[term], sp.fnv1a(term) % self.state["buckets"]]
                else:
                    corpus.pop(term, None)
            d = dict(sorted(corpus.items()))
            sig = signature(list(d.items())) if d else ""
            for key, t in language:
                if key == shard and t not in d:
                    d[t] = 0
            out[shard] = (d, sig)  # (empty: the shard goes)
        shards = set(self.state["meta"]["dict_shards"]) | {k for k, (d, _) in out.items() if d}
        self.state["meta"]["dict_shards"] = sorted(shards - {k for k, (d, _) in out.items() if not d})
        return out

    def write(self, out: SearchFiles) -> None:
        """The planned files, each written only when its bytes change (SearchFiles.dump)."""
        for term, (plist, (_, n, old_pieces)) in self.common.items():
            pieces = sp.write_common(out, term, plist, n)
            for k in set(old_pieces) - set(pieces):
                _remove(out, f"p/t{n}-{k}.json")
            b = sp.fnv1a(term) % self.state["buckets"]
            self.buckets[b]["#" + term] = [len(plist) // 2, n, pieces]
        for b, entries in self.buckets.items():
            if entries:
                sp.dump_bucket(out, b, entries)
            else:
                _remove(out, f"p/{b}.json")
        for shard, (d, sig) in self.dicts.items():
            if d:
                out.dump(f"d/{shard}.json", d, sig)
            else:
                _remove(out, f"d/{shard}.json")
        self._snippets(out)
        out.dump("meta.json", {**self.state["meta"], "analyzer": self._analyzer_tables()})

    def _analyzer_tables(self):
        """meta.json's analyzer tables: the published ones (a delta runs only with the
        published index's key, which holds the analyzer, its code and PyThaiNLP's
        version, and only on the very files that build wrote); making them again took
        half a second of every rebuild."""
        return json.loads((self.folder / "meta.json").read_bytes())["analyzer"]

    def _snippets(self, out: SearchFiles) -> None:
        """The snippet shards holding the changed pages' rows, with their sources' signature."""
        per, starts, urls = self.state["meta"]["per_shard"], [], []
        pages, at = self.state["pages"], 0
        for url, (_, _, rows) in pages.items():
            starts.append(at)
            urls.append(url)
            at += rows
        shards = sorted({k for a, b in self.ranges for k in range(a // per, (b - 1) // per + 1)})
        for k in shards:
            rows = _read(self.folder, f"s/{k}.json")
            lo, hi = k * per, k * per + len(rows)
            for start, new in self.rows.items():
                for i in range(max(lo, start), min(hi, start + len(new))):
                    rows[i - lo] = new[i - start]
            sources = []  # (url, page digest, row), as Sections keeps them (the same objects per page)
            for j in range(bisect_right(starts, lo) - 1, len(urls)):
                if starts[j] >= hi:
                    break
                url, first = urls[j], starts[j]
                digest = self.entries[url][0] if url in self.entries else pages[url][0]
                sources += [(url, digest, i - first) for i in range(max(lo, first), min(hi, first + pages[url][2]))]
            out.dump(f"s/{k}.json", rows, signature(sources))
