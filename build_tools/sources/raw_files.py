"""Raw scans are immutable: every file in corpus/raw/ is listed in MANIFEST.yaml with its
SHA-256, the hash still matches, and a text decodes (UTF-8 unless its entry records
another `encoding:`, e.g. cp874 for a TIS-620 file kept byte for byte; `binary` for an
original scan image or PDF, which is only hashed)."""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Iterator

from pydantic import StringConstraints

from build_tools.common.problems import Problem
from build_tools.common.schema import Record, Text, Wording, check_record
from build_tools.common.textio import TextFileError, decode_bytes
from build_tools.common.yamlio import YamlError, load_yaml
from build_tools.sources.document_records import DocumentRecords

MANIFEST_REL = "corpus/raw/MANIFEST.yaml"
# Raw files that are not text (an original scan kept beside its OCR text).
BINARY_ENCODINGS = ("binary",)


class ManifestEntry(Record):
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    received: Text | None = None  # date the file was received (YYYY-MM-DD)
    encoding: Text | None = None  # utf-8 when absent; cp874; binary
    source_name: Text | None = None  # the file name it was given to us under
    ocr_of: Text | None = None  # for an OCR text: the scan it was read from
    description: Text | None = None


_WORDING = Wording("manifest entry", invalid="{field} {problem}")


@dataclass
class RawFile:
    """A raw text file as checked against its manifest.  `known_text`: its text, when the
    check read it; a file the build found unchanged since an earlier check (by its size,
    time and inode: sources/document_records.py) is read when its text is first asked for."""
    name: str
    path: Path
    sha256: str
    known_text: str | None = None
    encoding: str = "utf-8"

    @functools.cached_property
    def text(self) -> str:
        if self.known_text is not None:
            return self.known_text
        data = self.path.read_bytes()
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise OSError(f"corpus/raw/{self.name}: the file changed while the build ran; build again")
        return data.decode(self.encoding)

    @functools.cached_property
    def lines(self) -> list[str]:
        """The text's lines, cut when first asked for: a rebuild asks for a changed
        letter's alone (10,000 letters' raw files are a million lines)."""
        return self.text.split("\n")

    @functools.cached_property
    def n_lines(self) -> int:
        return self.text.count("\n") + 1


def _read_manifest(raw_dir: Path) -> tuple[dict | None, list[Problem]]:
    try:
        manifest = load_yaml(raw_dir / "MANIFEST.yaml", MANIFEST_REL)
    except FileNotFoundError:
        return None, [Problem(MANIFEST_REL, 1, "missing: every raw file must be listed with its sha256")]
    except YamlError as exc:
        return None, [exc.problem]
    if not isinstance(manifest, dict):
        return None, [Problem(MANIFEST_REL, 1, "must map each raw file name to its sha256")]
    return manifest, []


def _decode_unrecorded(data: bytes, rel: str, exc: UnicodeDecodeError) -> tuple[str | None, Problem]:
    """No encoding recorded and not UTF-8: a Thai legacy encoding is read converted (the
    stored bytes, and so the hash, stay as received), with a note; anything else is refused."""
    line = data[: exc.start].count(b"\n") + 1
    try:
        decoded = decode_bytes(data, rel)
    except TextFileError:
        decoded = None
    if decoded is None or decoded.encoding != "cp874":
        return None, Problem(rel, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                                        f"{exc.start}); convert it to UTF-8 before adding it")
    return decoded.text, Problem(rel, 1, "TIS-620/Windows-874 text, read converted to UTF-8 (the file "
                                         "itself is kept as received)", severity="warning")


def _decode(data: bytes, rel: str, entry: ManifestEntry) -> tuple[str | None, list[Problem]]:
    encoding = entry.encoding or "utf-8"
    try:
        return data.decode(encoding), []
    except LookupError:
        return None, [Problem(MANIFEST_REL, entry.line_of("encoding"), f"unknown encoding '{encoding}'")]
    except UnicodeDecodeError as exc:
        if entry.encoding is not None:
            line = data[: exc.start].count(b"\n") + 1
            return None, [Problem(rel, line, f"not valid {encoding} (byte 0x{data[exc.start]:02x} at "
                                             f"offset {exc.start}), the encoding its manifest entry records")]
        text, note = _decode_unrecorded(data, rel, exc)
        return text, [note]


def _check_one(path: Path, manifest: dict, raw: dict[str, RawFile],
               records: DocumentRecords | None = None) -> Iterator[Problem]:
    rel = f"corpus/raw/{path.name}"
    item = manifest.get(path.name)
    if not isinstance(item, dict) or "sha256" not in item:
        yield Problem(MANIFEST_REL, manifest.line_of(path.name) if item is not None else 1,
                      f"raw file {path.name} is not listed with its sha256")
        return
    entry, problems = check_record(ManifestEntry, item, MANIFEST_REL, _WORDING)
    if problems:
        yield from problems
        return
    # The file's hash as recorded while its size, time and inode are unchanged, else read.
    actual = records.file_digest(path) if records is not None else None
    actual = actual or hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != entry.sha256:
        yield Problem(rel, 1, f"raw file was modified: sha256 is {actual}, the manifest "
                              f"(line {manifest.line_of(path.name)}) records {entry.sha256}; "
                              "raw scans are read-only, put repairs in corpus/corrections.yaml")
        return
    if entry.ocr_of and entry.ocr_of not in manifest:
        yield Problem(MANIFEST_REL, entry.line_of("ocr_of"),
                      f"ocr_of names {entry.ocr_of}, which is not listed in the manifest")
    if entry.encoding not in BINARY_ENCODINGS:
        yield from _read_text(path, rel, entry, raw, records)


def _read_text(path: Path, rel: str, entry: ManifestEntry, raw: dict[str, RawFile],
               records: DocumentRecords | None) -> Iterator[Problem]:
    """The file's text into `raw`: read later when an earlier build decoded these very
    bytes with this encoding without a word to say (its line count kept), else now."""
    encoding = entry.encoding or "utf-8"
    kept = records.get(rel, entry.sha256) if records is not None else None
    if isinstance(kept, list) and kept[0] == encoding:
        raw[path.name] = RawFile(path.name, path, entry.sha256, encoding=encoding)
        raw[path.name].n_lines = kept[1]
        return
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != entry.sha256:  # changed since it was hashed above
        yield Problem(rel, 1, "raw file changed while the build read it; build again")
        return
    text, problems = _decode(data, rel, entry)
    yield from problems
    if text is not None:
        raw[path.name] = RawFile(path.name, path, entry.sha256, text, encoding)
        if records is not None and not problems:  # (a note, as for a TIS-620 file, is said every build)
            records.put(rel, entry.sha256, [encoding, raw[path.name].n_lines])


def check_raw_files(corpus_dir: Path, raw: dict[str, RawFile],
                    records: DocumentRecords | None = None) -> Iterator[Problem]:
    """Validate corpus/raw/ against its manifest; the readable text files go into `raw`.
    `records`: what earlier builds found of each file (a build's cache)."""
    raw_dir = corpus_dir / "raw"
    manifest, problems = _read_manifest(raw_dir)
    yield from problems
    if manifest is None:
        return
    for path in sorted(p for p in raw_dir.iterdir() if p.is_file() and p.name != "MANIFEST.yaml"):
        yield from _check_one(path, manifest, raw, records)
    for name in manifest:
        if not (raw_dir / name).is_file():
            yield Problem(MANIFEST_REL, manifest.line_of(name), f"lists {name}, which is not in corpus/raw/")
