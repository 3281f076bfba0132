"""Writing into the corpus: ids, front matter, the manifest, the atomic commit, and the
corrections file.

The commit stages every new file in a folder inside corpus/, checks a full copy of the
resulting corpus with load_corpus, and only then moves the files into place (documents,
raw files, the manifest last).  If anything fails or is interrupted on the way, the files
already moved are taken back and the manifest restored, so the corpus is exactly as it
was."""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from build_tools.common.atomic import write_text_atomic
from build_tools.common.problems import CorpusError
from build_tools.common.thaidate import to_arabic_digits
from build_tools.common.yamlio import YamlError, load_yaml
from build_tools.knowledge.checked import check_corpus

MANIFEST = "raw/MANIFEST.yaml"
CORRECTIONS_HEADER = """\
# Corrections of OCR errors, applied when documents are normalized; raw scans never change.
# Each entry: wrong (text as the OCR has it), right (the correction), scope (a document id,
# or `corpus` for every document), reason (why; where the right form comes from).
# `python -m build_tools ingest --accept FLAG_ID` adds an entry from a review report.
"""


class IngestError(Exception):
    """Ingest cannot go on; the message says why and what to do.  Nothing was written."""


def _move(src: Path, dst: Path) -> None:
    """One file into place (a rename on the same file system). Tests inject failures here."""
    os.replace(src, dst)


def next_raw_seq(raw_dir: Path, taken: set[str]) -> int:
    names = [p.name for p in raw_dir.iterdir()] + list(taken)
    seqs = [int(m[1]) for n in names if (m := re.match(r"^(\d{3})_", n))]
    return max(seqs, default=-1) + 1


def unique_id(base: str, number: str | None, taken: set[str]) -> tuple[str, bool]:
    """`base`, or when taken: base + the letter number's last digits, then -2, -3 ...
    Returns (id, collided)."""
    if base not in taken:
        return base, False

    digits = re.findall(r"\d+", to_arabic_digits(number or ""))
    if digits and f"{base}-{digits[-1]}" not in taken:
        return f"{base}-{digits[-1]}", True
    k = 2
    while f"{base}-{k}" in taken:
        k += 1
    return f"{base}-{k}", True


def front_matter_text(meta: dict, notes: str = "") -> str:
    fm = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{fm}---\n" + (notes.rstrip() + "\n" if notes.strip() else "")


def manifest_entry_text(name: str, entry: dict) -> str:
    return yaml.safe_dump({name: entry}, allow_unicode=True, sort_keys=False, width=100)


def commit(corpus_dir: Path, files: dict[str, bytes], manifest_addition: str) -> None:
    """Add `files` (paths relative to corpus/) and append to the raw manifest, atomically."""
    for rel in files:
        if (corpus_dir / rel).exists():
            raise IngestError(f"corpus/{rel} already exists; nothing was written")
    manifest = corpus_dir / MANIFEST
    old_manifest = manifest.read_bytes()
    new_manifest = old_manifest.rstrip(b"\n") + b"\n" + manifest_addition.encode("utf-8")
    recover(corpus_dir)
    stage = Path(tempfile.mkdtemp(prefix=".ingest-", dir=corpus_dir))
    try:
        for rel, data in {**files, MANIFEST: new_manifest}.items():
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            (stage / rel).write_bytes(data)
        _check_result(corpus_dir, stage)
        order = sorted(r for r in files if r.startswith("documents/")) + \
            sorted(r for r in files if not r.startswith("documents/")) + [MANIFEST]
        # The journal lets the next run undo the moves if this process is killed
        # (power cut, kill -9) where no exception handler can run.
        (stage / BACKUP).write_bytes(old_manifest)
        (stage / JOURNAL).write_text(json.dumps(order), encoding="utf-8")
        moved: list[str] = []
        previous = _raise_on_sigterm()
        try:
            for rel in order:
                _move(stage / rel, corpus_dir / rel)
                moved.append(rel)
        except BaseException:
            for rel in reversed(moved):
                if rel == MANIFEST:
                    manifest.write_bytes(old_manifest)
                else:
                    (corpus_dir / rel).unlink(missing_ok=True)
            raise
        finally:
            _restore_sigterm(previous)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


JOURNAL = "JOURNAL.json"
BACKUP = "MANIFEST.before"


def interrupted(corpus_dir: Path) -> list[Path]:
    """Staging folders of commits that were killed while moving files into place."""
    return sorted(p for p in corpus_dir.glob(".ingest-*") if (p / JOURNAL).is_file())


def recover(corpus_dir: Path) -> list[str]:
    """Undo the moves of a killed commit (files still in its staging folder were never
    moved; the ones gone from it were) and remove stale staging folders.  Returns what
    was undone."""
    undone: list[str] = []
    for stage in sorted(corpus_dir.glob(".ingest-*")):
        if (stage / JOURNAL).is_file():
            for rel in reversed(json.loads((stage / JOURNAL).read_text(encoding="utf-8"))):
                if (stage / rel).exists():
                    continue  # never moved
                if rel == MANIFEST:
                    (corpus_dir / MANIFEST).write_bytes((stage / BACKUP).read_bytes())
                else:
                    (corpus_dir / rel).unlink(missing_ok=True)
                undone.append(rel)
        shutil.rmtree(stage, ignore_errors=True)
    return undone


def _raise_on_sigterm():
    """Turn SIGTERM into an exception while files move, so the rollback runs."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        raise KeyboardInterrupt("terminated")

    return signal.signal(signal.SIGTERM, handler)


def _restore_sigterm(previous) -> None:
    import signal

    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def _check_result(corpus_dir: Path, stage: Path) -> None:
    """Validate the corpus as it would be after the commit, in a throw-away copy."""
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / "corpus"
        shutil.copytree(corpus_dir, trial, ignore=shutil.ignore_patterns(".ingest-*"))
        shutil.copytree(stage, trial, dirs_exist_ok=True)
        try:
            check_corpus(trial, with_review=False)
        except CorpusError as exc:
            raise IngestError("the new documents would make the corpus invalid; nothing was written:\n  "
                              + "\n  ".join(str(p) for p in exc.problems)) from None


def add_correction(corpus_dir: Path, wrong: str, right: str, scope: str, reason: str) -> bool:
    """Append {wrong, right, scope, reason} to corpus/corrections.yaml (created if missing).
    Returns False when the same correction is already there."""
    path = corpus_dir / "corrections.yaml"
    text = path.read_text(encoding="utf-8") if path.exists() else CORRECTIONS_HEADER
    if path.exists():
        try:
            data = load_yaml(path, "corpus/corrections.yaml")
        except YamlError as exc:
            raise IngestError(str(exc.problem)) from None
        if data is not None and not isinstance(data, list):
            raise IngestError("corpus/corrections.yaml:1: must be a list of {wrong, right, scope, reason}")
        for item in data or []:
            if isinstance(item, dict) and (item.get("wrong"), item.get("right"), item.get("scope")) == \
                    (wrong, right, scope):
                return False
        if re.search(r"^\s*\[\]\s*$", text, re.M):
            text = re.sub(r"^\s*\[\]\s*$", "", text, flags=re.M)
    entry = yaml.safe_dump([{"wrong": wrong, "right": right, "scope": scope, "reason": reason}],
                           allow_unicode=True, sort_keys=False, width=1000)
    write_text_atomic(path, text.rstrip("\n") + "\n" + entry)
    return True
