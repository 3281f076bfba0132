"""What goes into the command-line index: one record per site entry, as the site shows
it (build_tools/outputs/site/site_search.py splits the same pages): a document page's
own entry (its title, its metadata, its letter header) and one per block of its text
(clause, paragraph, list item), each with its permalink; the knowledge pages' entries
come from build_tools.outputs.search_index.model_records.

A record's `page` (the page's own entry) and `derived` (a page that restates the
documents) pick its field weights from the one ranking configuration (ranking.py)."""
from __future__ import annotations

from build_tools.common.thaidate import format_thai_date
from build_tools.knowledge.citation import cite
from build_tools.knowledge.urls import doc_url
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.search_index.model_records import MODEL_GROUP, date_field, model_records
from build_tools.sources.corpus import DOC_TYPES, Corpus

__all__ = ["MODEL_GROUP", "clause_context", "model_records", "records_for"]


def clause_context(by_clause: dict[str, str], clause: str | None) -> str:
    """The text of the clauses a clause sits in (c3-2-3 is inside c3-2 and c3), so
    "บทบาท ป.ป.ส." finds the clause under "บทบาทของแต่ละหน่วยงาน".  The site index
    does the same from the page's element ids (build_tools/outputs/site/site_search.py)."""
    if not clause:
        return ""
    parts = clause.split("-")
    return " ".join(by_clause["-".join(parts[:k])][:80] for k in range(1, len(parts))
                    if "-".join(parts[:k]) in by_clause)


def records_for(corpus: Corpus, nd: NormalizedDoc) -> list[dict]:
    d = nd.doc
    agencies = [d.get("issuer")] + ([d.get("drafted_by")] if d.get("drafted_by") else [])
    common = {
        "doc_id": d.id,
        "doc_type": d.get("doc_type"),
        "agencies": ",".join(agencies),
        "missions": "",
        "date": date_field(d.date),
        "derived": False,
    }
    title = str(d.get("title"))
    # As the document page's metadata table shows it: the issuer by its Thai name and
    # abbreviation (its other names find the agency's own page).
    issuers = [corpus.agencies[a] for a in agencies]
    meta_text = " ".join(str(x) for x in [
        d.get("number"), d.get("subject"), d.get("addressee"), DOC_TYPES[d.get("doc_type")],
        format_thai_date(d.date), format_thai_date(d.date, thai_digits=False),
        *(x for a in issuers for x in (a.get("name_th"), a.get("abbr"))),
    ] if x)
    # The page's own entry is its title and metadata (as the site's page top is); its
    # text, letter header included, is in the blocks' entries.  `lead` (stored only) is
    # the snippet of a hit on the title or the metadata: the start of the text.
    lead = " ".join(b.text for b in nd.blocks[:6])[:200]
    records = [{
        **common, "key": d.id, "kind": "document", "page": True, "title": title, "section": "",
        "body": "", "meta": meta_text, "aliases": "", "lead": lead,
        "url": doc_url(d.id), "number": str(d.get("number") or ""), "citation": _citation(corpus, nd, None),
    }]
    by_clause = {b.clause: b.text for b in nd.blocks if b.clause}
    for b in nd.blocks:
        records.append({
            **common, "key": f"{d.id}#{b.anchor}", "kind": "section", "page": False, "title": title,
            "section": f"ข้อ {b.label}" if b.label else "", "body": b.text, "aliases": "",
            "context": clause_context(by_clause, b.clause),
            "url": doc_url(d.id, b.anchor), "citation": _citation(corpus, nd, b.anchor),
        })
    return records


def _citation(corpus: Corpus, nd: NormalizedDoc, anchor: str | None) -> str:
    """The citation's words (the permalink is added at query time, with the site's
    public address: build_tools.search.query)."""
    return cite(corpus, nd, anchor).rsplit(" ", 1)[0]
