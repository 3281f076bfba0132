"""The letter parts `ingest` records in a document's front matter (references,
enclosures, signatory, contact, receipt stamps): well formed, and every linked reference
names a document that exists (a probable match stays visible until a maintainer
confirms it)."""
from __future__ import annotations

from typing import Iterator

from build_tools.common.problems import Problem
from build_tools.common.thaidate import parse_thai_date
from build_tools.sources.documents import Document

REFERENCE_MATCHES = ("exact", "probable", "none")


def _is_list_of_maps(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _check_shapes(d: Document) -> Iterator[Problem]:
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


def _check_reference(d: Document, r: dict, line: int, ids: set[str]) -> Iterator[Problem]:
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


def check_letter_parts(documents: list[Document]) -> Iterator[Problem]:
    ids = {d.id for d in documents}
    for d in documents:
        yield from _check_shapes(d)
        refs = d.meta.get("references")
        if refs is None:
            continue
        if not _is_list_of_maps(refs):
            yield Problem(d.rel, d.meta.line_of("references"), "references must be a list of mappings")
            continue
        for r, line in zip(refs, refs.item_lines):
            yield from _check_reference(d, r, line, ids)
