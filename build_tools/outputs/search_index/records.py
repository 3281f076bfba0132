"""What goes into the search indexes: one record per document (its metadata) and one
per block of its text (clause, paragraph, list item), each with its permalink URL."""
from __future__ import annotations

from build_tools.common.thaidate import format_thai_date, to_thai_digits
from build_tools.knowledge.urls import agency_page, doc_url, entity_url, page_url
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.search_index.whoosh_index import date_field
from build_tools.sources.corpus import DOC_TYPES, Corpus


def agency_terms(corpus: Corpus, agency_id: str) -> list[str]:
    a = corpus.agencies[agency_id]
    return [a.get("name_th"), a.get("abbr"), a.get("name_en"), *(a.get("aliases") or [])]


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


MODEL_GROUP = "model"  # index group (doc_id) of every knowledge-model record


def model_records(corpus: Corpus, m) -> list[dict]:
    """Records for the knowledge model: agency pages (names, abbreviation and aliases in
    `aliases`, so พช./CDD/อบต. find them), roles, guidance steps, monitoring, projects and
    glossary terms, each with its permalink."""
    if m is None:
        return []
    url = entity_url
    annex_dates = {d.id: d.date for d in corpus.documents}
    names = lambda ids: " ".join(str(corpus.agencies[a].get("name_th")) for a in ids or [])  # noqa: E731

    # Curated records rank below the circular's own clause for words of its text (the
    # clause is the source), except agency pages, which a name or abbreviation should find first.
    boosts = {"agency": 1.0, "role": 0.5, "step": 0.3, "monitoring": 0.3, "project": 0.3, "term": 0.2}

    def rec(key, kind, title, section, body, aliases, url_, agencies=(), missions=(), doc_type="", date=None):
        r = {"_boost": boosts[kind], "key": key, "doc_id": MODEL_GROUP, "kind": kind, "title": title,
             "section": section,
             "body": body, "aliases": aliases, "url": url_, "doc_type": doc_type,
             "agencies": ",".join(agencies), "missions": ",".join(missions)}
        if date is not None:
            r["date"] = date_field(date)
        return r

    def label(aid):
        a = corpus.agencies[aid]
        return f"{a.get('name_th')} ({a.get('abbr')})" if a.get("abbr") else str(a.get("name_th"))

    def short(aid):  # abbreviation and Latin short names: DLA, CDD, ONCB ...
        a = corpus.agencies[aid]
        return " ".join([str(a.get("abbr") or ""), *(x for x in a.get("aliases") or [] if x.isascii())]).strip()

    out = []
    for aid, a in corpus.agencies.items():
        roles = [r for r in m.roles if r.get("agency") == aid]
        missions = sorted({x for r in roles for x in m.role_missions(r)})
        out.append(rec(f"agency:{aid}", "agency", "หน่วยงาน", f"{label(aid)} {short(aid)}".strip(),
                       " ".join(t for t in [a.get("abbr"), a.get("name_en"), *(a.get("aliases") or [])] if t)
                       + f" · บทบาท {len(roles)} ข้อ",
                       " ".join(t for t in [a.get("abbr"), a.get("name_en"), *(a.get("aliases") or [])] if t),
                       page_url(agency_page(aid)),
                       agencies=[aid], missions=missions))
    for r in m.roles:
        aid = str(r.get("agency"))
        agencies = [aid] + list(corpus.agencies[aid].get("members") or []) + list(r.get("involves") or [])
        ref = r.ref()
        clause = to_thai_digits(ref.clause[1:].replace('-', '.'))
        out.append(rec(f"role:{r.id}", "role", "บทบาท",
                       f"{short(aid) or corpus.agencies[aid].get('name_th')} · ข้อ {clause}",
                       m.text(ref),
                       " ".join(t for t in agency_terms(corpus, aid) if t), url(r), agencies=agencies,
                       missions=m.role_missions(r), doc_type="annex", date=annex_dates.get(ref.doc)))
    for s in m.all_steps():
        ref = s.ref()
        actors = list(s.get("actors") or []) + list(s.get("informs") or [])
        out.append(rec(f"step:{s.id}", "step", "แนวทางการขยายผล ปีงบประมาณ ๒๕๕๓",
                       "ข้อ " + to_thai_digits(ref.clause[1:].replace("-", ".")),
                       " ".join(x for x in [m.text(ref), str(s.get("output") or ""), names(actors)] if x),
                       "", url(s), agencies=actors, doc_type="guidance", date=annex_dates.get(ref.doc)))
    for x in m.activities:
        ref = x.ref()
        who = list(x.get("actors")) + list(x.get("reports_to") or [])
        out.append(rec(f"monitoring:{x.id}", "monitoring", "กรอบการติดตามและประเมินผล ๒๕๕๒–๒๕๕๓", "",
                       m.text(ref) + " " + names(who), "", url(x), agencies=who, doc_type="framework",
                       date=annex_dates.get(ref.doc)))
    for p in m.projects:
        agencies = [str(p.get("lead"))] + list(p.get("partners") or [])
        out.append(rec(f"project:{p.id}", "project", "โครงการตัวอย่าง", str(p.get("title_th")),
                       " ".join([m.text(p.ref()), *(p.get("tiers") or []), *(p.get("tools") or [])]),
                       "", url(p), agencies=agencies, missions=m.role_missions(p)))
    for t in m.glossary:
        name = f"{t.get('term')} ({t.get('abbr')})" if t.get("abbr") else str(t.get("term"))
        out.append(rec(f"term:{t.id}", "term", "อภิธานศัพท์", "",
                       " ".join([name + ":", str(t.get("definition")), *(t.get("aliases") or [])]), "", url(t)))
    return out
