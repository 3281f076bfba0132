"""Stage 1: load and validate the source files of the corpus into a `Corpus` (raw scans,
document records, agencies, letter-number prefixes, reviewed corrections, known names).

Every validator is a generator of Problem(file, line, message); `load_corpus` runs them
all and raises CorpusError with the complete list, so one run shows every problem."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from build_tools.common.letter_numbers import number_prefix
from build_tools.common.problems import CorpusError, Problem
from build_tools.common.yamlio import load_data_file
from build_tools.sources.agencies import Agency, load_agencies
from build_tools.sources.corrections import load_corrections, load_names
from build_tools.sources.decisions import load_decisions
from build_tools.sources.document_records import DocumentRecords
from build_tools.sources.documents import DOC_TYPES, Document, check_overlaps, load_documents
from build_tools.sources.letter_codes import LetterCodes, load_letter_codes
from build_tools.sources.letter_parts import check_references
from build_tools.sources.raw_files import RawFile, check_raw_files
from build_tools.sources.search_terms import SearchVocabulary, load_search_vocabulary

__all__ = ["DOC_TYPES", "Agency", "Corpus", "CorpusError", "Document", "RawFile", "load_corpus"]

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
    # corpus/conflicts.yaml: {conflict id: {decision, note, line}} (build_tools.sources.decisions)
    decisions: dict = field(default_factory=dict)
    # The search's question words and thesaurus (build_tools.sources.search_terms).
    search: SearchVocabulary = field(default_factory=SearchVocabulary)
    # corpus/letter_codes.yaml: ministry, province and office codes of letter numbers.
    letter_codes: LetterCodes = field(default_factory=LetterCodes)

    def document(self, doc_id: str) -> Document:
        return next(d for d in self.documents if d.id == doc_id)

    def raw_lines(self, doc: Document) -> list[str]:
        return self.raw[doc.raw].lines[doc.first_line - 1 : doc.last_line]


class _Collector:
    """Gathers problems from validators; keeps errors and warnings apart."""

    def __init__(self):
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def take(self, problems) -> None:
        for p in problems:
            (self.errors if p.severity == "error" else self.warnings).append(p)


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


def load_corpus(corpus_dir: Path, records: DocumentRecords | None = None) -> Corpus:
    """Load and validate everything; raise CorpusError listing every error found.
    `records`: the documents' front matter as earlier builds checked it (a build's cache)."""
    raw: dict[str, RawFile] = {}
    agencies: dict[str, Agency] = {}
    documents: list[Document] = []
    c = _Collector()
    c.take(check_interrupted_ingest(corpus_dir))
    c.take(check_raw_files(corpus_dir, raw, records))
    broken_raw = {p.file.removeprefix("corpus/raw/") for p in c.errors if p.file.startswith("corpus/raw/")}
    c.take(load_agencies(corpus_dir, agencies))
    c.take(load_documents(corpus_dir, raw, agencies, documents, broken_raw, records))
    c.take(check_overlaps(documents))
    c.take(check_references(documents))
    prefixes: list[dict] = []
    c.take(load_prefixes(corpus_dir, agencies, prefixes))
    letter_codes = LetterCodes()
    c.take(load_letter_codes(corpus_dir, agencies, letter_codes))

    corrections: list = []
    names: dict = {}
    c.take(load_corrections(corpus_dir, {d.id: (d.first_line, d.last_line) for d in documents},
                            corrections, broken=(p.stem for p in (corpus_dir / "documents").glob("*.md"))))
    c.take(load_names(corpus_dir, names))
    decisions: dict = {}
    c.take(load_decisions(corpus_dir, decisions))
    search = SearchVocabulary()
    c.take(load_search_vocabulary(corpus_dir, search))
    corpus = Corpus(corpus_dir, raw, documents, agencies, warnings=c.warnings, prefixes=prefixes,
                    corrections=corrections, names=names, decisions=decisions, search=search,
                    letter_codes=letter_codes)
    if c.errors:
        raise CorpusError(sorted(c.errors))
    return corpus
