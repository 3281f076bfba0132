"""The site search's cache between builds (site_search.build_site_index): each page's
analysis, kept by its URL, with the vocabulary its term ids point into, and what the
last build listed.  At 10,000 letters the pages' analyses are about 150 MB: they are
kept in PAGE_SHARDS files by a hash of the URL, so a rebuild after one changed letter
rewrites the shard holding that letter's page, not all of them.

A shard is read only with the vocabulary it was written with: the same `vocab_id` (new
whenever the term ids are numbered afresh; otherwise terms are only ever added at the
end) and a vocabulary at least as long as it was then (a stopped build may have
written a shard and not the main file).  Its entries' term ids mean nothing in another.
A shard that is not read is a slower build, never a wrong one (its pages are analysed
again)."""
from __future__ import annotations

import pickle
import uuid
from pathlib import Path

from build_tools.common.atomic import write_pickle_atomic
from build_tools.common.cache import shard_of as common_shard_of

PAGE_SHARDS = 32


def shard_of(url: str) -> int:
    return common_shard_of(url, PAGE_SHARDS)


def shard_path(cache: Path, k: int) -> Path:
    return cache.with_name(f"{cache.stem}-pages.{k:02d}{cache.suffix}")


def _read(path: Path) -> dict | None:
    try:
        with path.open("rb") as f:
            saved = pickle.load(f)  # noqa: S301 - written by save() of this build folder
        return saved if isinstance(saved, dict) else None
    except Exception:  # missing or damaged: only a slower build
        return None


class SearchCache:
    """What load() found for `key` (the site search's index_key): `saved` (pages: url
    -> entry; vocab; the rest as the last build left it); save() writes it back.
    `pages` False: the main file alone, the pages' shards read when asked for
    (load_pages; entry: one page's, reading its shard alone)."""

    def __init__(self, cache: Path | None, key: str, pages: bool = True):
        self.cache, self.key = cache, key
        self.saved: dict = {}
        self.read_shards: set[int] = set()
        self.shards: dict[int, dict | None] = {}  # shard -> its pages (None: not readable)
        main = _read(cache) if cache is not None else None
        if main is None or main.get("key") != key:
            return
        self.saved = main
        if pages:
            self.load_pages()

    def _shard(self, k: int) -> dict | None:
        """The pages of shard `k` when it was written with the main file's vocabulary."""
        if k not in self.shards:
            shard = _read(shard_path(self.cache, k))
            ok = shard is not None and shard.get("vocab_id") == self.saved.get("vocab_id") \
                and shard.get("vocab_len", 0) <= len(self.saved.get("vocab") or ())
            self.shards[k] = shard["pages"] if ok else None
        return self.shards[k]

    def entry(self, url: str) -> tuple | None:
        """The kept entry of the page at `url` (its shard read alone), None: none."""
        pages = self._shard(shard_of(url)) if self.saved else None
        return pages.get(url) if pages is not None else None

    def load_pages(self) -> None:
        """Every shard's pages into saved["pages"]."""
        if not self.saved:
            return
        pages: dict = {}
        for k in range(PAGE_SHARDS):
            shard = self._shard(k)
            if shard is not None:
                pages.update(shard)
                self.read_shards.add(k)
        self.saved["pages"] = pages
        self.loaded = dict(pages)  # the entries as read (compared by identity in save())

    def save_changed(self, entries: dict, **rest) -> None:
        """A rebuild by delta (search_delta.py): `entries` (url -> entry) replace theirs
        in the shards entry() read, which are written back with the main file and `rest`
        (vocab, sources, urls, pages_key); the other shards stay as they are."""
        shards = sorted({shard_of(url) for url in entries})
        for k in shards:
            pages = self.shards[k]
            pages.update((url, e) for url, e in entries.items() if shard_of(url) == k)
            write_pickle_atomic(shard_path(self.cache, k), {"vocab_id": self.saved["vocab_id"],
                                                            "vocab_len": len(rest["vocab"]), "pages": pages})
        write_pickle_atomic(self.cache, {"key": self.key, "vocab_id": self.saved["vocab_id"], **rest})

    def save(self, pages: dict, renumbered: bool, **rest) -> None:
        """Keep `pages` (url -> entry; an entry kept from the last build is the very
        object loaded) and `rest` (vocab, sources, urls, pages_key).
        `renumbered`: the term ids are not the loaded cache's (every shard is written)."""
        if self.cache is None:
            return
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        old = getattr(self, "loaded", {}) if not renumbered else {}
        vocab_id = self.saved.get("vocab_id") if old else uuid.uuid4().hex
        by_shard: dict[int, dict] = {k: {} for k in range(PAGE_SHARDS)}
        for url, entry in pages.items():
            by_shard[shard_of(url)][url] = entry
        stale = {shard_of(url) for url, entry in pages.items() if old.get(url) is not entry}
        stale |= {shard_of(url) for url in old.keys() - pages.keys()}
        stale |= set(range(PAGE_SHARDS)) - (self.read_shards if old else set())
        for k in sorted(stale):  # the shards first: a main file never names a vocabulary none has
            write_pickle_atomic(shard_path(self.cache, k), {"vocab_id": vocab_id, "vocab_len": len(rest["vocab"]),
                                                            "pages": by_shard[k]})
        write_pickle_atomic(self.cache, {"key": self.key, "vocab_id": vocab_id, **rest})
