"""Reviewed OCR corrections and known name spellings: data in the corpus, not code.

- corpus/corrections.yaml: one entry per confirmed correction (id, wrong, right, scope =
  a document id or `corpus`, reason; optional `line` = one raw line).  The normalizer
  applies only these; its own word-level findings are reported as suggestions.
- corpus/names.yaml: known spellings of proper names by category (agencies, places,
  roads, hotels, people, terms); they join the dictionary for checks and suggestions.

Loaders yield Problem(file, line, message) like every corpus validator."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Iterable, Iterator

from pydantic import Field

from build_tools.common.problems import Problem
from build_tools.common.schema import Id, Record, Text, Wording, check_record
from build_tools.common.thai import to_arabic_digits
from build_tools.common.yamlio import load_data_file

CORRECTIONS_FILE = "corrections.yaml"
CORRECTIONS_REL = f"corpus/{CORRECTIONS_FILE}"
NAMES_FILE = "names.yaml"
NAME_CATEGORIES = ("agencies", "places", "roads", "hotels", "people", "positions", "terms")
CORPUS_SCOPE = "corpus"
DIGITS = re.compile(r"[0-9๐-๙]")


class Correction(Record):
    """One reviewed correction of corpus/corrections.yaml (`ingest --accept` writes them
    through this schema too, so what it writes always loads)."""

    id: Id
    wrong: Text
    right: Text
    scope: Text  # a document id or "corpus"
    reason: Text
    line: Annotated[int, Field(ge=1)] | None = None  # the raw line the correction is limited to

    @property
    def file_line(self) -> int:
        """Where it stands in corrections.yaml."""
        return self.yaml_line

    def applies_to(self, doc_id: str) -> bool:
        return self.scope in (CORPUS_SCOPE, doc_id)


_WORDING = Wording("correction", missing="correction is missing required field '{field}' (text)",
                   unknown="unknown field '{field}'",
                   not_mapping="each correction must be a mapping with id, wrong, right, scope, reason",
                   fields=(("line", "line must be a raw line number"),))


def _digits(s: str) -> list[str]:
    return DIGITS.findall(to_arabic_digits(s))


def check_texts(c: Correction, rel: str) -> Iterator[Problem]:
    """What makes a correction unsafe to apply, whatever the corpus holds."""
    if c.wrong == c.right:
        yield Problem(rel, c.line_of("right"), "'right' is the same as 'wrong'")
    elif c.wrong in c.right:
        yield Problem(rel, c.line_of("right"),
                      "'right' contains 'wrong': applied again it would change the text again; "
                      "make 'wrong' longer")
    if _digits(c.wrong) != _digits(c.right):
        yield Problem(rel, c.line_of("right"),
                      "changes a number: numbers and reference numbers are never corrected; "
                      "record a decision in corpus/conflicts.yaml instead")


def check_scope(c: Correction, rel: str, doc_lines: dict[str, tuple[int, int]]) -> Iterator[Problem]:
    """The scope is `corpus` or a document, and `line` lies inside that document."""
    if c.scope != CORPUS_SCOPE and c.scope not in doc_lines:
        yield Problem(rel, c.line_of("scope"), f"scope '{c.scope}' is neither '{CORPUS_SCOPE}' nor a document id")
    elif c.line is not None and c.scope == CORPUS_SCOPE:
        yield Problem(rel, c.line_of("line"), "line needs a document scope, not 'corpus'")
    elif c.line is not None and not doc_lines[c.scope][0] <= c.line <= doc_lines[c.scope][1]:
        first, last = doc_lines[c.scope]
        yield Problem(rel, c.line_of("line"), f"line {c.line} is outside document {c.scope} (raw lines {first}-{last})")


def _check_against_others(c: Correction, seen: dict[str, int], broken: set[str],
                          doc_lines: dict[str, tuple[int, int]]) -> list[Problem]:
    """Duplicates, unsafe texts and scope, on what of the entry passed the schema."""
    problems = []
    if c.id in seen:
        problems.append(Problem(CORRECTIONS_REL, c.line_of("id"),
                                f"duplicate correction id '{c.id}' (also at line {seen[c.id]})"))
    if c.id:
        seen.setdefault(c.id, c.line_of("id"))
    if c.wrong and c.right:
        problems += check_texts(c, CORRECTIONS_REL)
    if c.scope and c.scope not in broken:
        problems += check_scope(c, CORRECTIONS_REL, doc_lines)
    return problems


def load_corrections(corpus_dir: Path, doc_lines: dict[str, tuple[int, int]],
                     out: list[Correction], broken: Iterable[str] = ()) -> Iterator[Problem]:
    """Validate corpus/corrections.yaml into `out`.  `doc_lines` maps each valid document
    id to its (first, last) raw line; `broken` are ids of documents that failed to load
    (their own problems are reported; corrections scoped to them are not blamed).  A
    missing or empty file means no corrections (the build says so)."""
    broken = set(broken) - set(doc_lines)
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, CORRECTIONS_FILE, list, "be a list of corrections", problems)
    yield from problems
    if data is None and not problems:
        yield Problem(CORRECTIONS_REL, 1, "no reviewed corrections (the file is missing or empty): the documents "
                                          "are normalized by the rules alone", severity="warning")
    seen: dict[str, int] = {}
    for n, item in enumerate(data or []):
        c, problems = check_record(Correction, item, CORRECTIONS_REL, _WORDING, line=data.item_lines[n])
        if c is not None:
            problems += _check_against_others(c, seen, broken, doc_lines)
        yield from problems
        if c is not None and not problems and c.scope not in broken:
            out.append(c)


class Names(Record):
    """corpus/names.yaml: known spellings of proper names, by category."""

    agencies: list[Text] = []
    places: list[Text] = []
    roads: list[Text] = []
    hotels: list[Text] = []
    people: list[Text] = []
    positions: list[Text] = []
    terms: list[Text] = []


_NAMES_WORDING = Wording(
    "names", not_mapping=f"must map categories ({', '.join(NAME_CATEGORIES)}) to lists of names",
    unknown=f"unknown category '{{field}}' (use one of {', '.join(NAME_CATEGORIES)})",
    fields=tuple((c, f"'{c}' must be a list of names (each a non-empty text)") for c in NAME_CATEGORIES))


def load_names(corpus_dir: Path, out: dict[str, list[str]]) -> Iterator[Problem]:
    """Validate corpus/names.yaml (category -> list of spellings) into `out`."""
    rel = f"corpus/{NAMES_FILE}"
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, NAMES_FILE, dict,
                          f"map categories ({', '.join(NAME_CATEGORIES)}) to lists of names", problems)
    yield from problems
    names, problems = check_record(Names, data or {}, rel, _NAMES_WORDING)
    yield from problems
    seen: dict[str, int] = {}
    for cat in NAME_CATEGORIES:
        spellings = (data or {}).get(cat)
        if not getattr(names, cat, None) or not isinstance(spellings, list):
            continue
        kept = out.setdefault(cat, [])
        for name, where in zip(spellings, spellings.item_lines):
            name = name.strip()
            if name in seen:
                yield Problem(rel, where, f"duplicate name '{name}' (also at line {seen[name]})")
                continue
            seen[name] = where
            kept.append(name)


def corrections_for(corrections: Iterable[Correction], doc_id: str) -> list[Correction]:
    return [c for c in corrections if c.applies_to(doc_id)]


def known_names(names: dict[str, list[str]]) -> list[str]:
    return sorted({n for ns in names.values() for n in ns})


def unused_corrections(corrections: Iterable[Correction], changes_by_doc: dict[str, list]) -> Iterator[Problem]:
    """A reviewed correction that matches nothing is stale (the raw text or the cut of
    the documents changed): a warning, so the maintainer can remove or fix it."""
    used = {ch.rule.split(":", 1)[1] for chs in changes_by_doc.values() for ch in chs
            if ch.rule.startswith("correction:")}
    for c in corrections:
        if c.id not in used:
            yield Problem(f"corpus/{CORRECTIONS_FILE}", c.file_line,
                          f"correction '{c.id}' ('{c.wrong}') matches no text in its scope '{c.scope}'",
                          severity="warning")
