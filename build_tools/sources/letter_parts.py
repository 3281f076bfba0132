"""The letter parts `ingest` records in a document's front matter (references,
enclosures, signatory, contact, receipt stamps), as typed records of the document's
schema; here, what needs the other documents: every linked reference names a document
that exists (a probable match stays visible until a maintainer confirms it)."""
from __future__ import annotations

from typing import Iterator, Literal

from build_tools.common.problems import Problem
from build_tools.common.schema import Id, Record, Text
from build_tools.common.thaidate import parse_thai_date

REFERENCE_MATCHES = ("exact", "probable", "none")


class Reference(Record):
    """A letter this one cites (อ้างถึง, or an enclosure that is a copy of a letter)."""

    number: Text | None = None
    date_be: Text | None = None
    id: Id | None = None  # the corpus document it links to
    match: Literal["exact", "probable", "none"] = "none"
    via: Text | None = None  # where the letter cites it (อ้างถึง, สิ่งที่ส่งมาด้วย 1)


class Enclosure(Record):
    title: Text
    no: int | None = None
    count: Text | None = None  # as printed: จำนวน ๑ ชุด


class Signatory(Record):
    name: Text
    position: Text | None = None


class Contact(Record):
    kind: Text  # โทร, โทรศัพท์, โทรสาร
    number: Text


class ReceiptStamp(Record):
    receiver: Text | None = None
    kind: Text | None = None  # เลขรับ / เลขที่
    number: Text | None = None
    date_be: Text | None = None
    time: Text | None = None


LETTER_PART_MESSAGES = (
    ("references.match", "reference match '{input}' is not one of exact, probable, none"),
    ("signatory", "signatory must be a mapping with at least 'name'"),
    ("enclosures.title", "enclosure is missing 'title'"),
)


def _check_reference(doc_id: str, rel: str, r: Reference, line: int, ids: set[str]) -> Iterator[Problem]:
    if not r.number and not r.date_be and not r.id:  # (a linked one is known by the document it links to)
        yield Problem(rel, line, "reference needs a 'number', a 'date_be' or the 'id' of the document it links to")
    if r.id and r.id not in ids:
        yield Problem(rel, r.line_of("id"), f"reference id '{r.id}' is not a document in the corpus")
    elif r.id and r.id == doc_id:
        yield Problem(rel, r.line_of("id"), "a document cannot reference itself")
    elif r.match in ("exact", "probable") and not r.id:
        yield Problem(rel, line, f"a '{r.match}' reference must name the document 'id' it links to")
    if r.date_be:
        try:
            parse_thai_date(r.date_be)
        except ValueError as exc:
            yield Problem(rel, r.line_of("date_be"), f"reference date_be: {exc}")


def check_references(documents) -> Iterator[Problem]:
    """Each document's references against the other documents of the corpus."""
    ids = {d.id for d in documents}
    for d in documents:
        raw = d.meta.get("references") or []
        for r, item in zip(d.front.references or [], raw):
            r._key_lines = dict(getattr(item, "key_lines", {}))
            yield from _check_reference(d.id, d.rel, r, getattr(item, "line", 1), ids)
