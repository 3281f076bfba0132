"""corpus/documents/<id>.md: one file per document, YAML front matter (id, title, type,
number, Buddhist-era date, issuer, source raw file + lines, and the letter parts `ingest`
extracts), checked against a schema; then each document is cut from its raw file."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

from build_tools.common.problems import Problem
from build_tools.common.schema import Id, Record, Text, Wording, check_record
from build_tools.common.thaidate import parse_thai_date
from build_tools.common.yamlio import LineDict, YamlError, split_front_matter
from build_tools.sources.document_records import DocumentRecords, bytes_digest
from build_tools.sources.letter_parts import (
    LETTER_PART_MESSAGES,
    Contact,
    Enclosure,
    ReceiptStamp,
    Reference,
    Signatory,
)
from build_tools.sources.raw_files import RawFile

DOC_TYPES = {
    "letter": "หนังสือราชการ",
    "mou": "บันทึกความร่วมมือ",
    "annex": "เอกสารแนบท้าย",
    "guidance": "แนวทางการดำเนินงาน",
    "framework": "กรอบการติดตามและประเมินผล",
}
LINES_RE = re.compile(r"^(\d+)-(\d+)$")


class Source(Record):
    raw: Text  # a file in corpus/raw
    lines: Text  # FIRST-LAST raw lines


class DocumentMeta(Record):
    """The front matter of a document file."""

    id: Id
    title: Text
    doc_type: Literal["letter", "mou", "annex", "guidance", "framework"]
    date_be: Text
    issuer: Id
    source: Source
    short_title: Text | None = None
    number: Text | None = None
    addressee: Text | None = None
    subject: Text | None = None
    urgency: Text | None = None
    drafted_by: Id | None = None
    date_basis: Text | None = None
    # Parts of a letter extracted by `ingest` (sources/letter_parts.py).
    references: list[Reference] | None = None
    enclosures: list[Enclosure] | None = None
    signatory: Signatory | None = None
    unit: Text | None = None
    contact: list[Contact] | None = None
    receipt_stamps: list[ReceiptStamp] | None = None
    # True only in benchmark fixtures (benchmarks/synth.py); the page warns.
    synthetic: bool | None = None


_WORDING = Wording("document", missing="missing required field '{field}'", unknown="unknown field '{field}'",
                   not_mapping="front matter must be a mapping of fields", fields=LETTER_PART_MESSAGES)


@dataclass
class Document:
    id: str
    path: Path
    rel: str  # path shown in messages
    meta: LineDict  # the front matter as written (with its line numbers)
    notes: str
    date: dt.date
    raw: str
    first_line: int
    last_line: int
    front: DocumentMeta | None = None  # the front matter, typed
    meta_key: str | None = None  # meta_key(meta), kept with the file's checked record

    def __post_init__(self):
        if self.meta_key is None:
            self.meta_key = meta_key(self.meta)

    def get(self, key, default=None):
        return self.meta.get(key, default)

    def __getattr__(self, key):
        # doc.title, doc.number ... read the front matter (templates use attribute access);
        # an absent optional field reads as None.
        if key.startswith("_") or key in ("meta", "front", "meta_key"):
            raise AttributeError(key)
        return self.meta.get(key)


def meta_key(meta: dict) -> str:
    """A hash of the front matter as written, for the caches keyed by it: made when the
    file is checked and kept with its record, so a rebuild does not write 10,000 front
    matters out as JSON to hash them (a third of a second)."""
    text = json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(path: Path, rel: str) -> tuple[bytes, str | None, list[Problem]]:
    """The file's bytes and text (as read_text gives it), or why it is not text."""
    data = path.read_bytes()
    try:
        return data, data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return data, None, [Problem(rel, line, "not valid UTF-8")]


def _checked_front_matter(text: str, rel: str) -> tuple[tuple | None, list[Problem]]:
    """(front matter as written, notes, typed front matter, date, meta_key) of a
    document file's text, or the problems found; none of it depends on other files."""
    try:
        meta, notes, _ = split_front_matter(text, rel)
    except YamlError as exc:
        return None, [exc.problem]
    fm, problems = check_record(DocumentMeta, meta, rel, _WORDING)
    if problems:
        return None, problems
    try:
        date = parse_thai_date(fm.date_be)
    except ValueError as exc:
        return (meta, notes, fm, None, None), [Problem(rel, fm.line_of("date_be"), f"date_be: {exc}")]
    return (meta, notes, fm, date, meta_key(meta)), []


def _front_matter(path: Path, rel: str, records: DocumentRecords | None) -> tuple[tuple | None, list[Problem]]:
    """_checked_front_matter, read back from `records` while the file's bytes are the same
    (a file the build saw unchanged is not even read)."""
    kept = records.get(rel, records.file_digest(path)) if records is not None else None
    if kept is not None:
        return kept, []
    data, text, problems = _read(path, rel)
    if text is None:
        return None, problems
    checked, problems = _checked_front_matter(text, rel)
    if records is not None and checked is not None and not problems:
        records.put(rel, bytes_digest(data), checked)  # the bytes checked, whatever the file holds now
    return checked, problems


def _check_references(fm: DocumentMeta, rel: str, agencies: dict) -> Iterator[Problem]:
    for f in ("issuer", "drafted_by"):
        value = getattr(fm, f)
        if value and value not in agencies:
            yield Problem(rel, fm.line_of(f), f"{f} '{value}' is not an agency id in corpus/agencies.yaml")


def _cut(fm: DocumentMeta, rel: str, raw: dict[str, RawFile]) -> tuple[tuple[int, int] | None, list[Problem]]:
    """(first, last) raw lines of the document, or why not."""
    source = fm.source
    if source.raw not in raw:
        return None, [Problem(rel, source.line_of("raw"),
                              f"source raw file '{source.raw}' is not a valid raw file in corpus/raw")]
    n_lines = raw[source.raw].n_lines
    m = LINES_RE.match(source.lines)
    if not m or not (1 <= int(m[1]) <= int(m[2]) <= n_lines):
        return None, [Problem(rel, source.line_of("lines"),
                              f"source lines '{source.lines}' must be FIRST-LAST within 1-{n_lines}")]
    return (int(m[1]), int(m[2])), []


def _load_one(path: Path, raw: dict[str, RawFile], agencies: dict, seen: dict[str, str],
              broken_raw: set[str], records: DocumentRecords | None = None) -> tuple[Document | None, list[Problem]]:
    rel = f"corpus/documents/{path.name}"
    checked, problems = _front_matter(path, rel, records)
    if checked is None:
        return None, problems
    meta, notes, fm, date, key = checked
    if fm.id in seen:
        return None, [Problem(rel, fm.line_of("id"), f"duplicate id '{fm.id}' (also in {seen[fm.id]})")]
    seen[fm.id] = rel
    problems += _check_references(fm, rel, agencies)
    if fm.source.raw in broken_raw:
        return None, problems  # the raw file's own problem is reported; not repeated per document
    span, cut_problems = _cut(fm, rel, raw)
    problems += cut_problems
    if span is None or date is None or problems:
        return None, problems
    # A file named otherwise is an error, but the document is still known by its id.
    misnamed = [Problem(rel, fm.line_of("id"), f"file name must be the id: rename to {fm.id}.md")
                ] if path.stem != fm.id else []
    return Document(fm.id, path, rel, meta, notes.strip(), date, fm.source.raw, *span, front=fm, meta_key=key), misnamed


def document_files(corpus_dir: Path) -> list[Path]:
    """corpus/documents/*.md in name order, as sorted(glob("*.md")) gives them (names
    sorted as strings: sorting ten thousand Path objects costs more than reading the
    names)."""
    folder = corpus_dir / "documents"
    try:
        names = os.listdir(folder)
    except OSError:  # no such folder (glob finds nothing there either)
        return []
    return [folder / n for n in sorted(names) if n.endswith(".md")]


def load_documents(corpus_dir: Path, raw: dict[str, RawFile], agencies: dict,
                   documents: list[Document], broken_raw: set[str] = frozenset(),
                   records: DocumentRecords | None = None) -> Iterator[Problem]:
    """`records`: the front matter checked by earlier builds (see document_records.py)."""
    seen: dict[str, str] = {}
    for path in document_files(corpus_dir):
        doc, problems = _load_one(path, raw, agencies, seen, broken_raw, records)
        yield from problems
        if doc is not None:  # (a misnamed file still yields its document)
            documents.append(doc)
    if records is not None:
        records.save()
    if not documents and not seen:
        yield Problem("corpus/documents", 1, "no documents (*.md with front matter) found")


def check_overlaps(documents: list[Document]) -> Iterator[Problem]:
    """Two documents cut from overlapping raw lines is almost always a typo in `lines`."""
    by_raw: dict[str, list[Document]] = {}
    for d in documents:
        by_raw.setdefault(d.raw, []).append(d)
    for docs in by_raw.values():
        docs.sort(key=lambda d: d.first_line)
        for a, b in zip(docs, docs[1:]):
            if b.first_line <= a.last_line:
                yield Problem(b.rel, b.meta["source"].line_of("lines"),
                              f"source lines overlap {a.id} (lines {a.first_line}-{a.last_line})")
