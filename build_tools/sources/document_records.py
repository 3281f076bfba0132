"""Each document file's front matter as stage 1 checked it (parsed, validated against
the schema, its date read), kept by the file's name and a digest of its bytes, so a
rebuild checks again only the documents whose files changed (at 10,000 letters,
validating every front matter costs seconds).  The digest of a file whose size, time
and inode are those the build recorded for it (build/cache/INPUT_DIGESTS, kept by the
build's check for changed inputs, build/driver.py) is taken from there: a rebuild does
not read the letters that did not change.  The records are kept in SHARDS files by a
hash of the file's name, so a rebuild after one changed letter rewrites one small file,
not the records of every letter.  What a record holds depends on nothing but the file's
text and the code that reads it (`common` and `sources`): checks against other files
(agencies, raw lines, duplicates) run on every build."""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import build_tools.common
import build_tools.sources
from build_tools.common.atomic import write_pickle_atomic
from build_tools.common.cache import FileDigests, code_version
from build_tools.common.cache import shard_of as common_shard_of

FORMAT = "3"
SHARDS = 32
INPUT_DIGESTS = "input-files.json"  # beside the records: the build's digests of its input files


def bytes_digest(data: bytes) -> str:
    """What common.cache.FileDigests records of a file (its bytes' SHA-256)."""
    return hashlib.sha256(data).hexdigest()


def shard_of(rel: str) -> int:
    """Which of the SHARDS files keeps the record of the document file `rel`."""
    return common_shard_of(rel, SHARDS)


class DocumentRecords:
    """rel -> (digest of the text, record) read from and saved to the shard files named
    after `path` (<stem>.<shard>.pickle beside it; None: nothing kept).  A damaged or
    unreadable shard is an empty one: its documents are checked again, and it is written
    afresh."""

    def __init__(self, path: Path | None):
        self.path = path
        self.code = FORMAT + code_version(build_tools.common, build_tools.sources)
        self.files = FileDigests(path.with_name(INPUT_DIGESTS)) if path is not None else None
        self.known: dict = {}
        self.seen: dict = {}
        self.changed: set[int] = set()  # shards with a record put this run
        self.unreadable: set[int] = set()
        if path is None:
            return
        for k in range(SHARDS):
            try:
                with self.shard_path(k).open("rb") as f:
                    saved = pickle.load(f)
                if isinstance(saved, dict) and saved.get("code") == self.code:
                    self.known.update(saved["records"])
                    continue
            except FileNotFoundError:
                continue
            except Exception:  # damaged: its documents are checked again
                pass
            self.unreadable.add(k)

    def shard_path(self, k: int) -> Path:
        return self.path.with_name(f"{self.path.stem}.{k:02d}{self.path.suffix}")

    def file_digest(self, file: Path) -> str | None:
        """The digest of the file's bytes as the build recorded it while its size, time
        and inode are the same (else read and hashed); None when it cannot be read."""
        try:
            st = os.stat(file)
            return self.files.digest(file, st) if self.files is not None else bytes_digest(file.read_bytes())
        except OSError:
            return None

    def get(self, rel: str, digest: str | None):
        """The record kept for this file with bytes of this digest, else None."""
        entry = self.known.get(rel)
        if entry is None or digest is None or entry[0] != digest:
            return None
        self.seen[rel] = entry
        return entry[1]

    def put(self, rel: str, digest: str, record) -> None:
        """`digest`: bytes_digest of the very bytes `record` was checked from."""
        self.seen[rel] = (digest, record)
        self.changed.add(shard_of(rel))

    def save(self) -> None:
        """Keep the records of the files seen this time: each shard with a record put,
        one gone or unreadable is replaced atomically; a store that cannot be written
        only makes the next build slower."""
        if self.path is None:
            return
        by_shard: dict[int, dict] = {k: {} for k in range(SHARDS)}
        for rel, entry in self.seen.items():
            by_shard[shard_of(rel)][rel] = entry
        gone = {shard_of(rel) for rel in self.known.keys() - self.seen.keys()}
        for k in sorted(self.changed | gone | self.unreadable):
            self._write(self.shard_path(k), {"code": self.code, "records": by_shard[k]})
        self.path.unlink(missing_ok=True)  # the single file of FORMAT 1

    def _write(self, target: Path, data: dict) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_pickle_atomic(target, data)
        except OSError:
            pass
