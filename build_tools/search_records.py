"""What goes into the search indexes: one record per document (its metadata) and one
per block of its text (clause, paragraph, list item), each with its permalink URL."""
from __future__ import annotations

from build_tools.corpus import DOC_TYPES, Corpus
from build_tools.normalized import NormalizedDoc
from build_tools.site_pages import doc_url
from build_tools.thaidate import format_thai_date
from build_tools.whoosh_index import date_field


def agency_terms(corpus: Corpus, agency_id: str) -> list[str]:
    a = corpus.agencies[agency_id]
    return [a.get("name_th"), a.get("abbr"), a.get("name_en"), *(a.get("aliases") or [])]


def clause_context(by_clause: dict[str, str], clause: str | None) -> str:
    """The text of the clauses a clause sits in (c3-2-3 is inside c3-2 and c3), so
    "บทบาท ป.ป.ส." finds the clause under "บทบาทของแต่ละหน่วยงาน".  The site index
    does the same from the page's element ids (build_tools/site_search.py)."""
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
    }
    title = str(d.get("title"))
    meta_text = " ".join(str(x) for x in [
        d.get("number"), d.get("subject"), d.get("addressee"), DOC_TYPES[d.get("doc_type")],
        format_thai_date(d.date), format_thai_date(d.date, thai_digits=False),
    ] if x)
    header = " ".join(b.text for b in nd.blocks if b.kind == "header")
    records = [{
        **common, "key": d.id, "kind": "document", "title": title, "section": "",
        "body": (meta_text + " " + header).strip(),
        "aliases": " ".join(t for a in agencies for t in agency_terms(corpus, a) if t),
        "url": doc_url(d.id),
    }]
    by_clause = {b.clause: b.text for b in nd.blocks if b.clause}
    for b in nd.blocks:
        if b.kind == "header":
            continue
        records.append({
            **common, "key": f"{d.id}#{b.anchor}", "kind": "section", "title": title,
            "section": f"ข้อ {b.label}" if b.label else "", "body": b.text, "aliases": "",
            "context": clause_context(by_clause, b.clause),
            "url": doc_url(d.id, b.anchor),
        })
    return records
