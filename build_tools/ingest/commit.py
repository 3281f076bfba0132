"""The atomic commit of an ingest into corpus/, and its recovery.

Every new file is staged in a folder inside corpus/ (.ingest-*), a full copy of the
resulting corpus is checked, then a journal (the list of moves, the manifest as it was)
is written and the files are moved into place: documents, raw files, the manifest last.
SIGINT and SIGTERM are held back while files move, so Ctrl+C lands before or after the
moves, never between a move and its record.  If a move fails, what the staging folder no
longer holds was moved and is taken back, so the corpus is byte-identical; if the process
is killed outright (kill -9, power cut), the journal stays and `check` reports it, and
`ingest --recover` (or the next ingest) undoes the moves the same way.  A staging folder
without a journal was stopped before anything reached the corpus: it is stale, `check`
warns of it and `--recover` removes it."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.ingest import store
from build_tools.ingest.store import IngestError

MANIFEST = "raw/MANIFEST.yaml"
JOURNAL = "JOURNAL.json"
BACKUP = "MANIFEST.before"
STAGE_PREFIX = ".ingest-"


@dataclass
class Recovery:
    undone: list[str] = field(default_factory=list)  # files a killed commit had moved, taken back
    stale: list[str] = field(default_factory=list)  # staging folders removed (nothing had moved)

    def __bool__(self) -> bool:
        return bool(self.undone or self.stale)


@contextlib.contextmanager
def signals_held():
    """Hold SIGINT/SIGTERM back (delivered when the block ends)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _undo(corpus_dir: Path, stage: Path) -> list[str]:
    """Take back every move of the journal (what is gone from the stage was moved)."""
    undone = []
    for rel in reversed(json.loads((stage / JOURNAL).read_text(encoding="utf-8"))):
        if (stage / rel).exists():
            continue  # never moved
        if rel == MANIFEST:
            (corpus_dir / MANIFEST).write_bytes((stage / BACKUP).read_bytes())
        else:
            (corpus_dir / rel).unlink(missing_ok=True)
        undone.append(rel)
    return undone


def recover(corpus_dir: Path) -> Recovery:
    """Undo the moves of killed commits and remove stale staging folders."""
    out = Recovery()
    for stage in sorted(corpus_dir.glob(f"{STAGE_PREFIX}*")):
        if (stage / JOURNAL).is_file():
            out.undone += _undo(corpus_dir, stage)
        else:
            out.stale.append(stage.name)
        shutil.rmtree(stage, ignore_errors=True)
    return out


def _write_journal(stage: Path, order: list[str], old_manifest: bytes) -> None:
    (stage / BACKUP).write_bytes(old_manifest)
    tmp = stage / f"{JOURNAL}.tmp"
    tmp.write_text(json.dumps(order), encoding="utf-8")
    os.replace(tmp, stage / JOURNAL)  # a journal is whole or absent


def commit(corpus_dir: Path, files: dict[str, bytes], manifest_addition: str) -> None:
    """Add `files` (paths relative to corpus/) and append to the raw manifest, atomically."""
    for rel in files:
        if (corpus_dir / rel).exists():
            raise IngestError(f"corpus/{rel} already exists; nothing was written")
    old_manifest = (corpus_dir / MANIFEST).read_bytes()
    new_manifest = old_manifest.rstrip(b"\n") + b"\n" + manifest_addition.encode("utf-8")
    recover(corpus_dir)
    stage = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=corpus_dir))
    settled = True  # the corpus is either untouched or complete: the stage can go
    try:
        for rel, data in {**files, MANIFEST: new_manifest}.items():
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            (stage / rel).write_bytes(data)
        store.check_result(corpus_dir, stage)
        order = sorted(r for r in files if r.startswith("documents/")) + \
            sorted(r for r in files if not r.startswith("documents/")) + [MANIFEST]
        with signals_held():
            _write_journal(stage, order, old_manifest)
            settled = False
            try:
                for rel in order:
                    store._move(stage / rel, corpus_dir / rel)  # tests inject failures here
            except BaseException:
                _undo(corpus_dir, stage)
                settled = True
                raise
            settled = True
    finally:
        if settled:
            shutil.rmtree(stage, ignore_errors=True)
