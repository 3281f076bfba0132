"""Each document file's front matter as stage 1 checked it (parsed, validated against
the schema, its date read), kept in one file by the file's name and a digest of its
text, so a rebuild checks again only the documents whose files changed (at 10,000
letters, validating every front matter costs seconds).  What a record holds depends on
nothing but the file's text and the code that reads it (`common` and `sources`): checks
against other files (agencies, raw lines, duplicates) run on every build."""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import build_tools.common
import build_tools.sources
from build_tools.common.cache import code_version

FORMAT = "1"


def text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class DocumentRecords:
    """rel -> (digest of the text, record) read from and saved to `path` (None: nothing
    kept).  A damaged or unreadable file is an empty store: every document is checked
    again, and the file is written afresh."""

    def __init__(self, path: Path | None):
        self.path = path
        self.code = FORMAT + code_version(build_tools.common, build_tools.sources)
        self.known: dict = {}
        self.seen: dict = {}
        self.changed = False
        if path is None:
            return
        try:
            with path.open("rb") as f:
                saved = pickle.load(f)
            if isinstance(saved, dict) and saved.get("code") == self.code:
                self.known = saved["records"]
        except Exception:  # missing or damaged: checked again
            self.known = {}

    def get(self, rel: str, text: str):
        """The record kept for this file with this text, else None."""
        entry = self.known.get(rel)
        if entry is None or entry[0] != text_digest(text):
            return None
        self.seen[rel] = entry
        return entry[1]

    def put(self, rel: str, text: str, record) -> None:
        self.seen[rel] = (text_digest(text), record)
        self.changed = True

    def save(self) -> None:
        """Keep the records of the files seen this time, when any changed or went (an
        atomic replace); a store that cannot be written only makes the next build slower."""
        if self.path is None or (not self.changed and self.seen.keys() == self.known.keys()):
            return
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as f:
                pickle.dump({"code": self.code, "records": self.seen}, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)
