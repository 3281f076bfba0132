"""The files of the site search index (search/th/), written so that a rebuild changes
only what changed."""
from __future__ import annotations

import json
import os
from pathlib import Path


class SearchFiles:
    """The index's files under `folder`.  A file whose bytes are already there is left
    alone; any other is written beside it and renamed over it (never written through:
    in a build's staging copy the old file is a hard link to the published one)."""

    SUBDIRS = ("d", "p", "s")

    def __init__(self, folder: Path):
        self.folder = folder
        for sub in self.SUBDIRS:
            (folder / sub).mkdir(parents=True, exist_ok=True)
        self.names: set[str] = set()
        self.size = self.written = 0

    def dump(self, rel: str, data) -> None:
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.names.add(rel)
        self.size += len(raw)
        path = self.folder / rel
        try:
            if path.stat().st_size == len(raw) and path.read_bytes() == raw:
                return
        except OSError:  # not there yet
            pass
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(raw)
        os.replace(tmp, path)
        self.written += 1

    def remove_others(self) -> None:
        """Delete the files of an earlier index that this one does not have."""
        for sub in self.SUBDIRS:
            for p in (self.folder / sub).iterdir():
                if f"{sub}/{p.name}" not in self.names:
                    p.unlink()
