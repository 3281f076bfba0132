"""Writing into the corpus: ids, front matter, the manifest entries, the check of the
corpus as it would be, and the corrections file (the atomic commit is commit.py's)."""
from __future__ import annotations

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

CORRECTIONS_HEADER = """\
# Corrections of OCR errors, applied when documents are normalized; raw scans never change.
# Each entry: id, wrong (text as the OCR has it), right (the correction), scope (a document
# id, or `corpus` for every document), reason (why; where the right form comes from).
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


def check_result(corpus_dir: Path, stage: Path) -> None:
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


def corrections_text(corpus_dir: Path, entry: dict) -> tuple[str, bool]:
    """corpus/corrections.yaml with `entry` appended (the file is created if missing), and
    whether it is new (False: the same wrong/right/scope is already there)."""
    path = corpus_dir / "corrections.yaml"
    text = path.read_text(encoding="utf-8") if path.exists() else CORRECTIONS_HEADER
    if path.exists():
        try:
            data = load_yaml(path, "corpus/corrections.yaml")
        except YamlError as exc:
            raise IngestError(str(exc.problem)) from None
        if data is not None and not isinstance(data, list):
            raise IngestError("corpus/corrections.yaml:1: must be a list of {id, wrong, right, scope, reason}")
        for item in data or []:
            if isinstance(item, dict) and (item.get("wrong"), item.get("right"), item.get("scope")) == \
                    (entry["wrong"], entry["right"], entry["scope"]):
                return text, False
        if re.search(r"^\s*\[\]\s*$", text, re.M):
            text = re.sub(r"^\s*\[\]\s*$", "", text, flags=re.M)
    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    return text.rstrip("\n") + "\n" + dumped, True


def add_correction(corpus_dir: Path, text: str) -> None:
    """Write corpus/corrections.yaml (atomically) as corrections_text made it."""
    write_text_atomic(corpus_dir / "corrections.yaml", text)
