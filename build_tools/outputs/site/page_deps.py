"""Which documents' two pages (the document's page and its raw-text page) a build must
make again: a per-document dependency record, kept with the published build's site
state beside the cache key of every page it made.

A document's pages show (see document_pages.document_page and raw_pages) what its own
normalization key holds (raw lines, front matter, corrections, names, the code), its
raw file and notes, and besides: the titles of the letters it cites and of those citing
it, its number-conflict notes and "what this document defines" (the model), and what
every page shows (the code and templates, the agencies, the site's address: `common`).
The record keeps, per document, a signature of its own inputs, its neighbours (the
letters it cites and those citing it), a signature of its conflict notes' inputs and
model section (those of the documents that have any) and the documents whose readings
its notes show (their titles and anchors).  A document whose signatures are the
published build's and none of whose neighbours' or shown readings' documents' own
signature changed has the very pages the published build made: their cache keys are taken from that build's record,
and the pages are neither made nor keyed again (a one-letter rebuild at 10,000 letters
keys a handful of pages, not 20,000)."""
from __future__ import annotations

from build_tools.common.cache import digest

DEPS_FORMAT = 4


def own_signature(nd) -> str:
    """What a document's own pages are made from, itself (nd.key: the normalization's
    key, which hashes its raw lines, front matter and corrections)."""
    d = nd.doc
    return digest(nd.key or nd.fingerprint(), d.raw, d.notes)


def neighbours(d, cited_by: dict[str, list]) -> list[str]:
    """The letters whose titles a document's page shows: those it cites and those citing it."""
    cites = {r["id"] for r in d.get("references") or [] if r.get("id")}
    return sorted(cites | {o.id for o, _ in cited_by.get(d.id, [])})


def shown_signature(nd) -> str:
    """What other letters' conflict notes show of a document (conflict_notes.ReadingsView.
    place): its title as shown and the anchor of the block holding each reading (its
    blocks' kinds, anchors and raw lines).  A letter retitled where its short title is
    what notes show, or with another front matter, changes no other letter's page."""
    return digest(str(nd.doc.get("short_title") or nd.doc.get("title")),
                  repr(nd.outline()))


def dependency_record(docs, cited_by: dict[str, list], shown: dict[str, tuple], common: str) -> dict:
    """This build's record: `shown`, document id -> (a signature of its conflict notes'
    inputs and model section, the documents whose readings the notes show), for the
    documents that have any; `common`: document_pages.page_key_common."""
    in_notes = {i for _, ids in shown.values() for i in ids}
    return {"format": DEPS_FORMAT, "common": common,
            "docs": {nd.id: [own_signature(nd), neighbours(nd.doc, cited_by), *shown.get(nd.id, ("", [])),
                             shown_signature(nd) if nd.id in in_notes else ""]
                     for nd in docs}}


def documents_to_make(record: dict, previous: dict | None) -> set[str] | None:
    """Ids of the documents whose pages must be made again (None: every document's)."""
    if not previous or previous.get("format") != DEPS_FORMAT or previous.get("common") != record["common"]:
        return None
    old, new = previous.get("docs") or {}, record["docs"]
    changed = {i for i, v in new.items() if i not in old or old[i][0] != v[0]} | (set(old) - set(new))
    # the documents whose notes show a letter whose part in them changed
    shown_changed = {i for i in changed if i not in new or i not in old or old[i][4] != new[i][4]}
    out = changed | {i for i, v in new.items()
                     if i in old and old[i][2] != v[2] or not shown_changed.isdisjoint(v[3])}
    for i in changed:
        out.update(new[i][1] if i in new else ())
        out.update(old[i][1] if i in old else ())
    return out & set(new)
