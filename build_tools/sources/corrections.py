"""Reviewed OCR corrections and known name spellings: data in the corpus, not code.

- corpus/corrections.yaml: one entry per confirmed correction (id, wrong, right, scope =
  a document id or `corpus`, reason; optional `line` = one raw line).  The normalizer
  applies only these; its own word-level findings are reported as suggestions.
- corpus/names.yaml: known spellings of proper names by category (agencies, places,
  roads, hotels, people, terms); they join the dictionary for checks and suggestions.

Loaders yield Problem(file, line, message) like every corpus validator."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from build_tools.common.ids import ID_RE
from build_tools.common.problems import Problem
from build_tools.common.thai import to_arabic_digits
from build_tools.common.yamlio import load_data_file

CORRECTIONS_FILE = "corrections.yaml"
NAMES_FILE = "names.yaml"
CORRECTION_FIELDS = ("id", "wrong", "right", "scope", "reason")
OPTIONAL_CORRECTION_FIELDS = ("line",)
NAME_CATEGORIES = ("agencies", "places", "roads", "hotels", "people", "terms")
CORPUS_SCOPE = "corpus"
DIGITS = re.compile(r"[0-9๐-๙]")


@dataclass(frozen=True)
class Correction:
    id: str
    wrong: str
    right: str
    scope: str  # a document id or "corpus"
    reason: str
    line: int | None = None  # raw line the correction is limited to
    file_line: int = 0  # where it stands in corrections.yaml

    def applies_to(self, doc_id: str) -> bool:
        return self.scope in (CORPUS_SCOPE, doc_id)


def _digits(s: str) -> list[str]:
    return DIGITS.findall(to_arabic_digits(s))


def load_corrections(corpus_dir: Path, doc_lines: dict[str, tuple[int, int]],  # noqa: C901  (over the limit: to split this round)
                     out: list[Correction], broken: Iterable[str] = ()) -> Iterator[Problem]:
    """Validate corpus/corrections.yaml into `out`.  `doc_lines` maps each valid document
    id to its (first, last) raw line; `broken` are ids of documents that failed to load
    (their own problems are reported; corrections scoped to them are not blamed).  A
    missing file means no corrections."""
    broken = set(broken) - set(doc_lines)
    rel = f"corpus/{CORRECTIONS_FILE}"
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, CORRECTIONS_FILE, list, "be a list of corrections", problems)
    yield from problems
    if data is None:
        return
    seen: dict[str, int] = {}
    for n, item in enumerate(data):
        where = data.item_lines[n]
        if not isinstance(item, dict):
            yield Problem(rel, where, "each correction must be a mapping with id, wrong, right, scope, reason")
            continue
        bad = False
        for f in CORRECTION_FIELDS:
            if not isinstance(item.get(f), str) or not item.get(f).strip():
                yield Problem(rel, item.line, f"correction is missing required field '{f}' (text)")
                bad = True
        for f in item:
            if f not in CORRECTION_FIELDS + OPTIONAL_CORRECTION_FIELDS:
                yield Problem(rel, item.line_of(f), f"unknown field '{f}'")
                bad = True
        if bad:
            continue
        cid, wrong, right, scope = item["id"], item["wrong"], item["right"], item["scope"]
        if not ID_RE.match(cid):
            yield Problem(rel, item.line_of("id"), f"id '{cid}' must be lowercase ASCII words joined by '-'")
            bad = True
        elif cid in seen:
            yield Problem(rel, item.line_of("id"), f"duplicate correction id '{cid}' (also at line {seen[cid]})")
            bad = True
        else:
            seen[cid] = item.line_of("id")
        if wrong == right:
            yield Problem(rel, item.line_of("right"), "'right' is the same as 'wrong'")
            bad = True
        elif wrong in right:
            yield Problem(rel, item.line_of("right"),
                          "'right' contains 'wrong': applied again it would change the text again; "
                          "make 'wrong' longer")
            bad = True
        if _digits(wrong) != _digits(right):
            yield Problem(rel, item.line_of("right"),
                          "changes a number: numbers and reference numbers are never corrected; "
                          "record a decision in corpus/conflicts.yaml instead")
            bad = True
        if scope in broken:
            continue
        if scope != CORPUS_SCOPE and scope not in doc_lines:
            yield Problem(rel, item.line_of("scope"),
                          f"scope '{scope}' is neither '{CORPUS_SCOPE}' nor a document id")
            bad = True
        line = item.get("line")
        if line is not None:
            if not isinstance(line, int) or isinstance(line, bool):
                yield Problem(rel, item.line_of("line"), "line must be a raw line number")
                bad = True
            elif scope == CORPUS_SCOPE:
                yield Problem(rel, item.line_of("line"), "line needs a document scope, not 'corpus'")
                bad = True
            elif scope in doc_lines and not doc_lines[scope][0] <= line <= doc_lines[scope][1]:
                first, last = doc_lines[scope]
                yield Problem(rel, item.line_of("line"),
                              f"line {line} is outside document {scope} (raw lines {first}-{last})")
                bad = True
        if not bad:
            out.append(Correction(cid, wrong, right, scope, item["reason"].strip(), line,
                                  item.line))


def load_names(corpus_dir: Path, out: dict[str, list[str]]) -> Iterator[Problem]:
    """Validate corpus/names.yaml (category -> list of spellings) into `out`."""
    rel = f"corpus/{NAMES_FILE}"
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, NAMES_FILE, dict,
                          f"map categories ({', '.join(NAME_CATEGORIES)}) to lists of names", problems)
    yield from problems
    if data is None:
        return
    seen: dict[str, int] = {}
    for cat, names in data.items():
        if cat not in NAME_CATEGORIES:
            yield Problem(rel, data.line_of(cat),
                          f"unknown category '{cat}' (use one of {', '.join(NAME_CATEGORIES)})")
            continue
        if not isinstance(names, list):
            yield Problem(rel, data.line_of(cat), f"'{cat}' must be a list of names")
            continue
        kept = out.setdefault(cat, [])
        for i, name in enumerate(names):
            where = names.item_lines[i]
            if not isinstance(name, str) or not name.strip():
                yield Problem(rel, where, "a name must be non-empty text")
                continue
            name = name.strip()
            if name in seen:
                yield Problem(rel, where, f"duplicate name '{name}' (also at line {seen[name]})")
                continue
            seen[name] = where
            kept.append(name)


def corrections_for(corrections: Iterable[Correction], doc_id: str) -> list[Correction]:
    return [c for c in corrections if c.applies_to(doc_id)]


def variant_map(corrections: Iterable[Correction]) -> dict[str, str]:
    """Every reviewed OCR misspelling -> its right spelling (for the search analyzer:
    a query typed with the scan's spelling still finds the corrected text)."""
    return {c.wrong: c.right for c in corrections}


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
