"""A cache of results keyed by a hash of everything they depend on (the content of
their inputs and the code that computes them), so a rebuild after one changed letter
recomputes only what depends on that letter.

One pickle file per entry under `folder/<kind>/`; small entries that a rebuild reads
for every document (a document's head, its review) many to a file (PackedCache).  A key is never trusted to mean more
than its inputs: callers hash every input (document text, corrections, names, model
files) and `code_version` of the modules that compute the result.  Entries no run
asked for are removed by `prune`.  A damaged or unreadable entry is a miss."""
from __future__ import annotations

import collections
import functools
import hashlib
import os
import pickle
import time
import zlib
from pathlib import Path

from build_tools.common import records_json
from build_tools.common.atomic import write_bytes_atomic, write_pickle_atomic

FORMAT = b"1"
PACK_SHARDS = 32  # files of a PackedCache


def shard_of(name: str, shards: int) -> int:
    """Which of `shards` files keeps the entry called `name` (a cache kept in pieces, so
    a rebuild after one changed letter rewrites one piece; stable across processes)."""
    return zlib.crc32(name.encode("utf-8")) % shards


def digest(*parts) -> str:
    """A stable hash of strings, bytes and pickleable values."""
    h = hashlib.sha256(FORMAT)
    for p in parts:
        if isinstance(p, str):
            p = p.encode("utf-8")
        elif not isinstance(p, bytes):
            p = pickle.dumps(p, protocol=4)
        h.update(len(p).to_bytes(8, "little"))
        h.update(p)  # (not concatenated first: a copy of each part)
    return h.hexdigest()


@functools.lru_cache(maxsize=None)
def code_version(*modules) -> str:
    """Hash of the source files of these modules (a package: every file in it, so its
    page templates too)."""
    h = hashlib.sha256()
    for m in modules:
        path = Path(m.__file__)
        files = ([f for f in sorted(path.parent.rglob("*")) if f.is_file() and "__pycache__" not in f.parts]
                 if path.name == "__init__.py" else [path])
        for f in files:
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


class ContentCache:
    """Entries of one kind; `folder` None: a cache that never hits (nothing stored)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.used: set[str] = set()
        self.hits = self.misses = 0
        # Entries' paths are made as strings: Path objects for the tens of thousands of
        # entries a rebuild looks at cost more than reading the ones it reads.
        self._prefix = os.path.join(folder, "") if folder is not None else ""
        self._names: set[str] | None = None  # the entries there, listed once (see _present)
        self._packed: PackedCache | None = None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def packed(self):
        """This kind's small entries, kept many to a file (a PackedCache in `packed/`);
        a cache without a folder keeps them as it keeps the others."""
        if self.folder is None:
            return self
        if self._packed is None:
            self._packed = PackedCache(self.folder / "packed")
        return self._packed

    def flush(self) -> None:
        """(Entries are written by put.)"""

    def _present(self, key: str) -> bool:
        """An entry's file is there: the folder is listed once, at the first look, and
        kept up to date by put() (a rebuild looks for tens of thousands of entries:
        one listing instead of a file check each).  The build holds the writer lock,
        so no other process adds or removes entries meanwhile; one found here that is
        gone when read is an error naming it (Stored.value), never a silent gap."""
        if self._names is None:
            self._names = {n[:-len(".pickle")] for n in os.listdir(self.folder) if n.endswith(".pickle")}
        return key in self._names

    def _file(self, key: str) -> Path:
        return Path(self._path(key))

    def _path(self, key: str) -> str:
        return f"{self._prefix}{key}.pickle"

    def get(self, key: str):
        if self.folder is None:
            self.misses += 1
            return None
        self.used.add(key)
        try:
            with open(self._path(key), "rb") as f:
                value = pickle.load(f)
        except Exception:  # missing or damaged: computed again
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        if self.folder is None:
            return
        self.used.add(key)
        write_pickle_atomic(self._file(key), value)
        if self._names is not None:
            self._names.add(key)

    def has(self, key: str) -> bool:
        """An entry is there (it may still prove unreadable: get() says so)."""
        return self.folder is not None and self._present(key)

    def stored(self, key: str) -> Stored | None:
        """The entry as a Stored (read only when its value is asked for), or None when
        there is none; an entry kept only in memory is never deferred."""
        if self.folder is None or not self._present(key):
            return None
        self.used.add(key)
        self.hits += 1
        return Stored(self, key)

    def deferred(self, key: str) -> Stored:
        """The entry as a Stored, without looking for it (the caller found it with has()):
        read when its value is asked for, an error naming it if it cannot be."""
        self.used.add(key)
        return Stored(self, key)

    def forget(self, key: str) -> None:
        """The entry `key` is gone (removed as unreadable)."""
        if self._names is not None:
            self._names.discard(key)

    def prune(self) -> int:
        """Remove the entries this run did not use; returns how many."""
        if self.folder is None:
            return 0
        gone = 0
        with os.scandir(self.folder) as entries:  # names, not Path objects: tens of thousands
            for entry in entries:
                if entry.name.endswith(".pickle") and entry.name[:-len(".pickle")] not in self.used:
                    try:
                        os.unlink(entry.path)
                    except FileNotFoundError:
                        pass
                    self.forget(entry.name[:-len(".pickle")])
                    gone += 1
        return gone + self.packed().prune()


class PackedCache:
    """Small entries kept PACK_SHARDS to a folder: each shard file a pickled {key: pickled
    value}, the shard chosen by the key.  A rebuild that reads every document's head
    opens 32 files instead of 10,000 (half a second at 10,000 letters), and one changed
    letter rewrites the one or two shards its old and new entries are in.  put() keeps
    an entry in memory until flush(), which the step that made it calls when done (and
    prune()): a step that fails before only leaves its entries to be computed again.  A
    damaged shard is an empty one, written afresh at the next flush."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()
        self.hits = self.misses = 0
        self._shards: dict[int, dict[str, bytes]] = {}
        self._dirty: set[int] = set()

    def _path(self, k: int) -> Path:
        return self.folder / f"pack.{k:02d}.pickle"

    def _shard(self, k: int) -> dict[str, bytes]:
        shard = self._shards.get(k)
        if shard is None:
            shard = self._shards[k] = self._read(k)
        return shard

    def _read(self, k: int) -> dict[str, bytes]:
        try:
            with open(self._path(k), "rb") as f:
                shard = pickle.load(f)  # noqa: S301 - written by flush()
            if isinstance(shard, dict):
                return shard
        except FileNotFoundError:
            return {}
        except Exception:  # damaged: its entries are computed again
            pass
        self._dirty.add(k)
        return {}

    def has(self, key: str) -> bool:
        return key in self._shard(shard_of(key, PACK_SHARDS))

    def get(self, key: str):
        shard = self._shard(shard_of(key, PACK_SHARDS))
        try:
            value = pickle.loads(shard[key])  # noqa: S301 - written by put()
        except Exception:  # absent, or damaged: computed again
            self.misses += 1
            return None
        self.used.add(key)
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        k = shard_of(key, PACK_SHARDS)
        self._shard(k)[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.used.add(key)
        self._dirty.add(k)

    def flush(self) -> None:
        """Write the shards with entries put (or found damaged) since the last flush."""
        if self._dirty:
            self.folder.mkdir(parents=True, exist_ok=True)
        for k in sorted(self._dirty):
            write_pickle_atomic(self._path(k), self._shards.get(k, {}))
        self._dirty.clear()

    def prune(self) -> int:
        """Remove the entries this run did not use (and write what is pending); returns
        how many were removed."""
        gone = 0
        for k in range(PACK_SHARDS) if self.folder.is_dir() else ():
            shard = self._shard(k)
            stale = [key for key in shard if key not in self.used]
            for key in stale:
                del shard[key]
            if stale:
                self._dirty.add(k)
                gone += len(stale)
        self.flush()
        return gone


class Stored:
    """An entry of a ContentCache not read yet (ContentCache.stored): a build that can
    tell from the key alone that its value is the published one never reads it."""

    __slots__ = ("cache", "key")

    def __init__(self, cache: ContentCache, key: str):
        self.cache, self.key = cache, key

    def value(self):
        value = self.cache.get(self.key)
        if value is None:  # removed or damaged since it was found: never a silent gap
            path = self.cache._file(self.key)
            path.unlink(missing_ok=True)
            self.cache.forget(self.key)
            raise OSError(f"{path}: a cached result could not be read back; it is removed, "
                          "so the next build computes it again")
        return value


class KeyedText(str):
    """A generated file's text with `key`, a digest of everything it is made from (as a
    cache key is), which stands for its text where a build compares files: the open
    data's documents.json is 46 MB at 10,000 letters, and hashing it took a tenth of a
    second of every rebuild."""

    key: str

    def __new__(cls, text: str, key: str):
        self = super().__new__(cls, text)
        self.key = key
        return self


def resolved(value):
    """`value`, or what a Stored holds."""
    return value.value() if isinstance(value, Stored) else value


class _Memory:
    """One kind's pickled entries, least recently used first, and their total size."""

    def __init__(self):
        self.entries: collections.OrderedDict[str, bytes] = collections.OrderedDict()
        self.size = 0


class MemoryCache(ContentCache):
    """Entries kept in this process only, pickled (a hit is a fresh copy, as from disk),
    least recently used first out past `limit` bytes.  For commands that have no build
    folder to keep a cache in but check the same documents more than once in a run
    (`ingest` checks the corpus, then the corpus with the new letter).  Shared by every
    MemoryCache of the same kind; prune is a no-op (an entry ages out instead)."""

    _kinds: dict[str, _Memory] = {}

    def __init__(self, kind: str, limit: int = 256 * 1024 * 1024):
        super().__init__(None)
        self.memory = self._kinds.setdefault(kind, _Memory())
        self.limit = limit

    def get(self, key: str):
        data = self.memory.entries.get(key)
        if data is None:
            self.misses += 1
            return None
        self.memory.entries.move_to_end(key)
        self.used.add(key)
        self.hits += 1
        return pickle.loads(data)  # noqa: S301 - written by put() in this process

    def has(self, key: str) -> bool:
        return key in self.memory.entries

    def put(self, key: str, value) -> None:
        m = self.memory
        self.used.add(key)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        m.size += len(data) - len(m.entries.get(key, b""))
        m.entries[key] = data
        m.entries.move_to_end(key)
        while m.size > self.limit and len(m.entries) > 1:
            m.size -= len(m.entries.popitem(last=False)[1])


class FileDigests:
    """SHA-256 of files, remembered by (size, modification time, inode) in a JSON file,
    so checking whether tens of thousands of inputs changed reads only the ones that did
    (what `make` and git's index do).  A file modified less than RACY_NS before it was
    hashed is hashed again next time: a later change within the file system's clock
    resolution could keep its time."""

    RACY_NS = 2_000_000_000

    def __init__(self, record: Path):
        self.record = record
        try:
            self.known: dict = records_json.loads(record.read_bytes())
        except (OSError, ValueError):
            self.known = {}
        self.seen: dict = {}

    def digest(self, path: Path, st: os.stat_result) -> str:
        key = str(path)
        stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
        entry = self.known.get(key)
        if isinstance(entry, list) and entry[:3] == stamp:
            self.seen[key] = entry
            return entry[3]
        value = hashlib.sha256(path.read_bytes()).hexdigest()
        if time.time_ns() - st.st_mtime_ns > self.RACY_NS:
            self.seen[key] = [*stamp, value]
        return value

    def save(self) -> None:
        """Keep the files seen this time (others are forgotten); never fails the caller."""
        if self.seen == self.known:
            return
        try:
            # (a cache, not synced: see write_pickle_atomic)
            write_bytes_atomic(self.record, records_json.dumps(self.seen), sync=False)
        except OSError:
            pass
