"""Loading and validating the corpus: raw scans, document records, agencies.

Every validator is a generator of Problem(file, line, message); `load_corpus` runs them
all and raises CorpusError with the complete list, so one run shows every problem."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from build_tools.common.ids import ID_RE
from build_tools.common.letter_numbers import number_prefix
from build_tools.common.problems import CorpusError, Problem
from build_tools.common.textio import TextFileError, decode_bytes
from build_tools.common.thaidate import parse_thai_date
from build_tools.common.yamlio import LineDict, YamlError, load_data_file, load_yaml, split_front_matter
from build_tools.sources.corrections import load_corrections, load_names
from build_tools.sources.letter_codes import LetterCodes, load_letter_codes

DOC_TYPES = {
    "letter": "หนังสือราชการ",
    "mou": "บันทึกความร่วมมือ",
    "annex": "เอกสารแนบท้าย",
    "guidance": "แนวทางการดำเนินงาน",
    "framework": "กรอบการติดตามและประเมินผล",
}
REQUIRED_DOC_FIELDS = ("id", "title", "doc_type", "date_be", "issuer", "source")
OPTIONAL_DOC_FIELDS = ("short_title", "number", "addressee", "subject", "urgency",
                       "drafted_by", "date_basis",
                       # parts of a letter extracted by `ingest` (see check_letter_parts)
                       "references", "enclosures", "signatory", "unit", "contact",
                       "receipt_stamps",
                       # true only in benchmark fixtures (benchmarks/synth.py); the page warns
                       "synthetic")
REFERENCE_MATCHES = ("exact", "probable", "none")
# Raw files that are not text (an original scan kept beside its OCR text).
BINARY_ENCODINGS = ("binary",)
REQUIRED_AGENCY_FIELDS = ("id", "name_th", "name_en")  # abbr and aliases are optional
LINES_RE = re.compile(r"^(\d+)-(\d+)$")


@dataclass
class RawFile:
    name: str
    path: Path
    sha256: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Document:
    id: str
    path: Path
    rel: str  # path shown in messages
    meta: LineDict
    notes: str
    date: dt.date
    raw: str
    first_line: int
    last_line: int

    def get(self, key, default=None):
        return self.meta.get(key, default)

    def __getattr__(self, key):
        # .title, .abbr ... read the front matter / YAML field (templates use attribute
        # access); an absent optional field reads as None.
        if key.startswith("_") or key == "meta":
            raise AttributeError(key)
        return self.meta.get(key)


@dataclass
class Agency:
    id: str
    meta: LineDict

    def get(self, key, default=None):
        return self.meta.get(key, default)

    def __getattr__(self, key):
        # .title, .abbr ... read the front matter / YAML field (templates use attribute
        # access); an absent optional field reads as None.
        if key.startswith("_") or key == "meta":
            raise AttributeError(key)
        return self.meta.get(key)


@dataclass
class Corpus:
    root: Path
    raw: dict[str, RawFile]
    documents: list[Document]
    agencies: dict[str, Agency]
    warnings: list[Problem] = field(default_factory=list)
    # corpus/number_prefixes.yaml: [{prefix, issuer, drafted_by?}] (letter number -> agency)
    prefixes: list[dict] = field(default_factory=list)
    # Reviewed OCR corrections and known names (build_tools.sources.corrections).
    corrections: list = field(default_factory=list)
    names: dict = field(default_factory=dict)
    # corpus/letter_codes.yaml: ministry, province and office codes of letter numbers.
    letter_codes: LetterCodes = field(default_factory=LetterCodes)

    def document(self, doc_id: str) -> Document:
        return next(d for d in self.documents if d.id == doc_id)

    def raw_lines(self, doc: Document) -> list[str]:
        return self.raw[doc.raw].lines[doc.first_line - 1 : doc.last_line]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _Collector:
    """Gathers problems from validators; keeps errors and warnings apart."""

    def __init__(self):
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def take(self, problems) -> None:
        for p in problems:
            (self.errors if p.severity == "error" else self.warnings).append(p)


def check_raw_files(corpus_dir: Path, raw: dict[str, RawFile]) -> Iterator[Problem]:  # noqa: C901  (over the limit: to split this round)
    """Raw scans are immutable: every file is listed in the manifest with its hash,
    the hash still matches, and the text decodes (UTF-8 unless the entry records another
    `encoding:`, e.g. cp874 for a TIS-620 file kept byte for byte; `binary` for an
    original scan image or PDF, which is only hashed)."""
    raw_dir = corpus_dir / "raw"
    manifest_rel = "corpus/raw/MANIFEST.yaml"
    try:
        manifest = load_yaml(raw_dir / "MANIFEST.yaml", manifest_rel)
    except FileNotFoundError:
        yield Problem(manifest_rel, 1, "missing: every raw file must be listed with its sha256")
        return
    except YamlError as exc:
        yield exc.problem
        return
    if not isinstance(manifest, dict):
        yield Problem(manifest_rel, 1, "must map each raw file name to its sha256")
        return
    on_disk = sorted(p for p in raw_dir.iterdir() if p.is_file() and p.name != "MANIFEST.yaml")
    for path in on_disk:
        rel = f"corpus/raw/{path.name}"
        entry = manifest.get(path.name)
        if not isinstance(entry, dict) or "sha256" not in entry:
            yield Problem(manifest_rel, 1, f"raw file {path.name} is not listed with its sha256")
            continue
        actual = sha256_of(path)
        if actual != entry["sha256"]:
            yield Problem(rel, 1, f"raw file was modified: sha256 is {actual}, the manifest "
                                  f"(line {manifest.line_of(path.name)}) records {entry['sha256']}; "
                                  "raw scans are read-only, put repairs in corpus/corrections.yaml")
            continue
        encoding = str(entry.get("encoding") or "utf-8")
        if encoding in BINARY_ENCODINGS:
            continue
        data = path.read_bytes()
        try:
            text = data.decode(encoding)
        except LookupError:
            yield Problem(manifest_rel, entry.line_of("encoding"), f"unknown encoding '{encoding}'")
            continue
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            if encoding != "utf-8" or "encoding" in entry:
                yield Problem(rel, line, f"not valid {encoding} (byte 0x{data[exc.start]:02x} at "
                                         f"offset {exc.start}), the encoding its manifest entry records")
                continue
            # No encoding recorded: a Thai legacy encoding is read converted (the stored
            # bytes, and so the hash, stay as received), with a note; anything else is refused.

            try:
                decoded = decode_bytes(data, rel)
            except TextFileError:
                decoded = None
            if decoded is None or decoded.encoding != "cp874":
                yield Problem(rel, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                                         f"{exc.start}); convert it to UTF-8 before adding it")
                continue
            text = decoded.text
            yield Problem(rel, 1, "TIS-620/Windows-874 text, read converted to UTF-8 (the file "
                                  "itself is kept as received)", severity="warning")
        if entry.get("ocr_of") and entry["ocr_of"] not in manifest:
            yield Problem(manifest_rel, entry.line_of("ocr_of"),
                          f"ocr_of names {entry['ocr_of']}, which is not listed in the manifest")
        raw[path.name] = RawFile(path.name, path, actual, text.split("\n"))
    for name in manifest:
        if not (raw_dir / name).is_file():
            yield Problem(manifest_rel, manifest.line_of(name), f"lists {name}, which is not in corpus/raw/")


def load_agencies(corpus_dir: Path, agencies: dict[str, Agency]) -> Iterator[Problem]:
    rel = "corpus/agencies.yaml"
    try:
        data = load_yaml(corpus_dir / "agencies.yaml", rel)
    except FileNotFoundError:
        yield Problem(rel, 1, "missing: the list of agencies")
        return
    except YamlError as exc:
        yield exc.problem
        return
    if not isinstance(data, list):
        yield Problem(rel, 1, "must be a list of agencies")
        return
    for item in data:
        if not isinstance(item, dict):
            yield Problem(rel, getattr(item, "line", 1), "each agency must be a mapping")
            continue
        missing = [f for f in REQUIRED_AGENCY_FIELDS if not item.get(f)]
        for f in missing:
            yield Problem(rel, item.line, f"agency is missing required field '{f}'")
        if missing:
            continue
        aid = str(item["id"])
        if not ID_RE.match(aid):
            yield Problem(rel, item.line_of("id"), f"id '{aid}' must be lowercase ASCII words joined by '-'")
        elif aid in agencies:
            yield Problem(rel, item.line_of("id"), f"duplicate agency id '{aid}'")
        else:
            agencies[aid] = Agency(aid, item)
    yield from _check_members(rel, agencies)


def _check_members(rel: str, agencies: dict[str, Agency]) -> Iterator[Problem]:
    """A group's `members` (the MOU parties) are agencies of the same file."""
    for a in agencies.values():
        members = a.meta.get("members")
        if members is not None and not (isinstance(members, list) and all(m in agencies for m in members)):
            yield Problem(rel, a.meta.line_of("members"), "members must be a list of agency ids of this file")


def load_prefixes(corpus_dir: Path, agencies: dict[str, Agency], prefixes: list[dict]) -> Iterator[Problem]:
    """corpus/number_prefixes.yaml (optional): which agency a letter number prefix means."""
    rel = "corpus/number_prefixes.yaml"
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, "number_prefixes.yaml", list, "be a list of {prefix, issuer} entries", problems)
    yield from problems
    if data is None:
        return
    seen: dict[str, int] = {}
    for item in data:
        if not isinstance(item, dict) or not item.get("prefix") or not item.get("issuer"):
            yield Problem(rel, getattr(item, "line", 1), "each entry needs 'prefix' (e.g. มท 0810) and 'issuer'")
            continue
        key = number_prefix(str(item["prefix"]))
        if key is None:
            yield Problem(rel, item.line_of("prefix"),
                          f"prefix '{item['prefix']}' must be agency letters and four digits, e.g. มท 0810")
            continue
        bad = False
        for f in ("issuer", "drafted_by"):
            if item.get(f) and item[f] not in agencies:
                yield Problem(rel, item.line_of(f), f"{f} '{item[f]}' is not an agency id in corpus/agencies.yaml")
                bad = True
        if key in seen:
            yield Problem(rel, item.line_of("prefix"), f"prefix '{key}' is listed twice (also line {seen[key]})")
            continue
        seen[key] = item.line_of("prefix")
        if not bad:
            prefixes.append({"prefix": key, "issuer": item["issuer"], "drafted_by": item.get("drafted_by")})


def load_documents(corpus_dir: Path, raw: dict[str, RawFile], agencies: dict[str, Agency],  # noqa: C901  (over the limit: to split this round)
                   documents: list[Document], broken_raw: set[str] = frozenset()) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for path in sorted((corpus_dir / "documents").glob("*.md")):
        rel = f"corpus/documents/{path.name}"
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[: exc.start].count(b"\n") + 1
            yield Problem(rel, line, "not valid UTF-8")
            continue
        try:
            meta, notes, _ = split_front_matter(text, rel)
        except YamlError as exc:
            yield exc.problem
            continue
        bad = False
        for f in REQUIRED_DOC_FIELDS:
            if meta.get(f) in (None, ""):
                yield Problem(rel, meta.line, f"missing required field '{f}'")
                bad = True
        for f in meta:
            if f not in REQUIRED_DOC_FIELDS + OPTIONAL_DOC_FIELDS:
                yield Problem(rel, meta.line_of(f), f"unknown field '{f}'")
        if bad:
            continue
        doc_id = str(meta["id"])
        if not ID_RE.match(doc_id):
            yield Problem(rel, meta.line_of("id"), f"id '{doc_id}' must be lowercase ASCII words joined by '-'")
            continue
        if doc_id in seen:
            yield Problem(rel, meta.line_of("id"), f"duplicate id '{doc_id}' (also in {seen[doc_id]})")
            continue
        seen[doc_id] = rel
        if path.stem != doc_id:
            yield Problem(rel, meta.line_of("id"), f"file name must be the id: rename to {doc_id}.md")
        if "synthetic" in meta and not isinstance(meta["synthetic"], bool):
            yield Problem(rel, meta.line_of("synthetic"), "synthetic must be true or false")
            bad = True
        if meta["doc_type"] not in DOC_TYPES:
            yield Problem(rel, meta.line_of("doc_type"),
                          f"doc_type '{meta['doc_type']}' is not one of {', '.join(DOC_TYPES)}")
            bad = True
        if meta["issuer"] not in agencies:
            yield Problem(rel, meta.line_of("issuer"),
                          f"issuer '{meta['issuer']}' is not an agency id in corpus/agencies.yaml")
            bad = True
        if meta.get("drafted_by") and meta["drafted_by"] not in agencies:
            yield Problem(rel, meta.line_of("drafted_by"),
                          f"drafted_by '{meta['drafted_by']}' is not an agency id in corpus/agencies.yaml")
            bad = True
        try:
            date = parse_thai_date(str(meta["date_be"]))
        except ValueError as exc:
            yield Problem(rel, meta.line_of("date_be"), f"date_be: {exc}")
            bad = True
        source = meta["source"]
        if not isinstance(source, dict) or not source.get("raw") or not source.get("lines"):
            yield Problem(rel, meta.line_of("source"),
                          "source must have 'raw' (file in corpus/raw) and 'lines' (e.g. 5-58)")
            continue
        m = LINES_RE.match(str(source["lines"]))
        if source["raw"] in broken_raw:
            continue  # the raw file's own problem is reported; don't repeat it per document
        if source["raw"] not in raw:
            yield Problem(rel, source.line_of("raw"),
                          f"source raw file '{source['raw']}' is not a valid raw file in corpus/raw")
            continue
        n_lines = len(raw[source["raw"]].lines)
        if not m or not (1 <= int(m[1]) <= int(m[2]) <= n_lines):
            yield Problem(rel, source.line_of("lines"),
                          f"source lines '{source['lines']}' must be FIRST-LAST within 1-{n_lines}")
            continue
        if bad:
            continue
        documents.append(Document(doc_id, path, rel, meta, notes.strip(), date, source["raw"],
                                  int(m[1]), int(m[2])))
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


def _is_list_of_maps(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def check_letter_parts(documents: list[Document]) -> Iterator[Problem]:  # noqa: C901  (over the limit: to split this round)
    """The letter parts `ingest` records: well formed, and every linked reference names a
    document that exists (a probable match stays visible until a maintainer confirms it)."""
    ids = {d.id for d in documents}
    for d in documents:
        m = d.meta
        for f in ("enclosures", "contact", "receipt_stamps"):
            if f in m and not _is_list_of_maps(m[f]):
                yield Problem(d.rel, m.line_of(f), f"{f} must be a list of mappings")
        if "signatory" in m and not (isinstance(m["signatory"], dict) and m["signatory"].get("name")):
            yield Problem(d.rel, m.line_of("signatory"), "signatory must be a mapping with at least 'name'")
        if "enclosures" in m and _is_list_of_maps(m["enclosures"]):
            for e, line in zip(m["enclosures"], m["enclosures"].item_lines):
                if not e.get("title"):
                    yield Problem(d.rel, line, "enclosure is missing 'title'")
        if "references" not in m:
            continue
        refs = m["references"]
        if not _is_list_of_maps(refs):
            yield Problem(d.rel, m.line_of("references"), "references must be a list of mappings")
            continue
        for r, line in zip(refs, refs.item_lines):
            if not r.get("number") and not r.get("date_be"):
                yield Problem(d.rel, line, "reference needs a 'number' or a 'date_be'")
            match = r.get("match", "none")
            if match not in REFERENCE_MATCHES:
                yield Problem(d.rel, r.line_of("match"),
                              f"reference match '{match}' is not one of {', '.join(REFERENCE_MATCHES)}")
            if r.get("id") and r["id"] not in ids:
                yield Problem(d.rel, r.line_of("id"), f"reference id '{r['id']}' is not a document in the corpus")
            elif r.get("id") and r["id"] == d.id:
                yield Problem(d.rel, r.line_of("id"), "a document cannot reference itself")
            elif match in ("exact", "probable") and not r.get("id"):
                yield Problem(d.rel, line, f"a '{match}' reference must name the document 'id' it links to")
            if r.get("date_be"):
                try:
                    parse_thai_date(str(r["date_be"]))
                except ValueError as exc:
                    yield Problem(d.rel, r.line_of("date_be"), f"reference date_be: {exc}")


def check_interrupted_ingest(corpus_dir: Path) -> Iterator[Problem]:
    """An ingest killed while moving files leaves its journal: say how to undo it.  One
    stopped before it moved anything leaves a stale staging folder: say so (a warning)."""
    for stage in sorted(corpus_dir.glob(".ingest-*")):
        if (stage / "JOURNAL.json").is_file():
            yield Problem(f"corpus/{stage.name}", 1, "an ingest was interrupted while adding files; "
                          "run `python -m build_tools ingest --recover` to restore the corpus")
        else:
            yield Problem(f"corpus/{stage.name}", 1, "the staging folder of an ingest that was stopped before "
                          "it changed the corpus; `python -m build_tools ingest --recover` removes it",
                          severity="warning")


def load_corpus(corpus_dir: Path) -> Corpus:
    """Load and validate everything; raise CorpusError listing every error found."""
    raw: dict[str, RawFile] = {}
    agencies: dict[str, Agency] = {}
    documents: list[Document] = []
    c = _Collector()
    c.take(check_interrupted_ingest(corpus_dir))
    c.take(check_raw_files(corpus_dir, raw))
    broken_raw = {p.file.removeprefix("corpus/raw/") for p in c.errors if p.file.startswith("corpus/raw/")}
    c.take(load_agencies(corpus_dir, agencies))
    c.take(load_documents(corpus_dir, raw, agencies, documents, broken_raw))
    c.take(check_overlaps(documents))
    c.take(check_letter_parts(documents))
    prefixes: list[dict] = []
    c.take(load_prefixes(corpus_dir, agencies, prefixes))
    letter_codes = LetterCodes()
    c.take(load_letter_codes(corpus_dir, agencies, letter_codes))

    corrections: list = []
    names: dict = {}
    c.take(load_corrections(corpus_dir, {d.id: (d.first_line, d.last_line) for d in documents},
                            corrections, broken=(p.stem for p in (corpus_dir / "documents").glob("*.md"))))
    c.take(load_names(corpus_dir, names))
    corpus = Corpus(corpus_dir, raw, documents, agencies, warnings=c.warnings, prefixes=prefixes,
                    corrections=corrections, names=names, letter_codes=letter_codes)
    if c.errors:
        raise CorpusError(sorted(c.errors))
    return corpus
