"""Open data: the knowledge model as JSON under site/data/, each record with its
permalink (site-relative URL, e.g. `agencies/cdd/#cdd-1-1`), every cited clause with its
citation in Thai official style (knowledge/citation.py), and the redirect pages of
renamed permalinks (corpus/permalinks/redirects.yaml), both written at build time."""
from __future__ import annotations

import json
import posixpath
import sys

from build_tools import common as common_package
from build_tools import knowledge as knowledge_package
from build_tools.common.cache import KeyedText, code_version, digest, shard_of
from build_tools.common.thaidate import format_thai_date
from build_tools.knowledge.citation import cite
from build_tools.knowledge.model import Model, block_text
from build_tools.knowledge.permalinks import permalinks
from build_tools.knowledge.urls import agency_page, doc_url, entity_url, open_data_file, page_url, public_base
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.site.render import render
from build_tools.sources import documents as source_documents
from build_tools.sources.corpus import DOC_TYPES, Corpus
from build_tools.sources.places import resolve

RECORD_SHARDS = 32  # cache entries of the documents' records (documents_json)


class _Records:
    """The records of one build: `src` gives a cited clause's text, permalink and citation."""

    def __init__(self, corpus: Corpus, model: Model, docs: list[NormalizedDoc]):
        self.corpus, self.m, self.docs = corpus, model, docs
        self.by_id = {nd.id: nd for nd in docs}
        self.site_url = public_base()

    def src(self, ref) -> dict | None:
        if ref is None:
            return None
        b = self.m.block(ref)
        return {"doc": ref.doc, "clause": ref.clause, "label": b.label, "text": block_text(b),
                "permalink": doc_url(ref.doc, ref.clause),
                "citation": cite(self.corpus, self.by_id[ref.doc], ref.clause, self.site_url)}

    def cited(self, e) -> dict:
        """id, permalink, the cited clause's text and its source: what every record has."""
        return {"id": e.id, "permalink": entity_url(e), "text": self.m.text(e.ref()), "source": self.src(e.ref())}

    def documents(self) -> list[dict]:
        return [self.document(nd) for nd in self.docs]

    def document(self, nd: NormalizedDoc) -> dict:
        """A document's record: what its front matter and blocks (nd.key), the agencies
        and the site's address make."""
        d = nd.doc
        return {
                "id": d.id, "permalink": doc_url(d.id), "title": d.get("title"),
                "short_title": d.get("short_title"), "doc_type": d.get("doc_type"),
                "doc_type_th": DOC_TYPES[d.get("doc_type")], "number": d.get("number"),
                "date": d.date.isoformat(), "date_th": format_thai_date(d.date), "issuer": d.get("issuer"),
                "drafted_by": d.get("drafted_by"), "addressee": d.get("addressee"), "subject": d.get("subject"),
                "citation": cite(self.corpus, nd, None, self.site_url),
                "source": {"raw": d.raw, "lines": [d.first_line, d.last_line]},
                "clauses": [{"id": b.clause, "label": b.label, "text": block_text(b),
                             "permalink": doc_url(d.id, b.clause),
                             "citation": cite(self.corpus, nd, b.clause, self.site_url)}
                            for b in nd.blocks if b.clause],
            }

    def documents_json(self, cache=None) -> str:
        """data/documents.json as json.dumps(documents(), indent=1) writes it, made of
        each document's record as text, kept in `cache` (a common/cache.py ContentCache)
        by its nd.key, in RECORD_SHARDS entries by document id: a rebuild after one
        changed letter writes that letter's record, and its shard (not the 46 MB of
        10,000 letters' records), and joins the others'.  With a cache, the text is a
        KeyedText: what it is made from (this key and the records' keys) stands for it."""
        if cache is None:
            return json.dumps(self.documents(), ensure_ascii=False, indent=1)
        code = code_version(sys.modules[__name__], knowledge_package, common_package, source_documents)
        key = digest("open data documents", code, self.site_url,
                     json.dumps(self.corpus.agencies, ensure_ascii=False, sort_keys=True, default=str))
        keys = [digest(key, k) for k in range(RECORD_SHARDS)]
        old = [cache.get(k) or {} for k in keys]
        new: list[dict] = [{} for _ in keys]
        parts = []
        for nd in self.docs:
            shard = shard_of(nd.id, RECORD_SHARDS)
            text = old[shard].get(nd.key) if nd.key else None
            if text is None:  # one more level of indent: the record stands in the list
                text = "\n".join(" " + ln for ln in json.dumps(self.document(nd), ensure_ascii=False,
                                                                  indent=1).split("\n"))
                nd.release()  # (its blocks were read for this record alone)
            if nd.key:
                new[shard][nd.key] = text
            parts.append(text)
        for k, before, now in zip(keys, old, new):
            if now != before:
                cache.put(k, now)
        text = "[\n" + ",\n".join(parts) + "\n]" if parts else "[]"
        if any(nd.key is None for nd in self.docs):
            return text
        return KeyedText(text, digest(key, [nd.key for nd in self.docs]))  # (the records' keys, in order)

    def agencies(self) -> list[dict]:
        return [{"id": aid, "permalink": page_url(agency_page(aid)), "name_th": a.get("name_th"),
                 "abbr": a.get("abbr"), "name_en": a.get("name_en"), "aliases": list(a.get("aliases") or []),
                 "roles": [r.id for r in self.m.roles if r.agency == aid]}
                for aid, a in self.corpus.agencies.items()]

    def roles(self) -> list[dict]:
        m = self.m
        return [{"id": r.id, "permalink": entity_url(r), "agency": r.agency, "summary": r.summary,
                 "missions": m.role_missions(r), "involves": list(r.involves or []), "text": m.text(r.ref()),
                 "source": self.src(r.ref()), "group": self.src(r.ref("group"))} for r in m.roles]

    def missions(self) -> dict:
        m = self.m
        return {
            "missions": [{"id": x.id, "permalink": entity_url(x), "name_th": x.name_th, "name_en": x.name_en,
                          "source": self.src(x.ref()), "also": [self.src(r) for r in x.refs("also")],
                          "roles": [r.id for r in m.roles if x.id in m.role_missions(r)]} for x in m.missions],
            "objectives": [self.cited(x) for x in m.objectives],
            "targets": [self.cited(x) for x in m.targets],
        }

    def guidance(self) -> dict:
        m = self.m
        return {
            "document": m.guidance_document,
            "steps": [{**self.cited(s), "level": s.level, "label": s.label, "actors": list(s.actors),
                       "informs": list(s.informs or []), "output": s.output, "next": list(s.next or []),
                       "feeds_into": list(s.feeds_into or []),
                       "substeps": [self.cited(x) for x in m.substeps.get(s.id, [])]} for s in m.steps],
            "plans": [{"id": p.id, "permalink": entity_url(p), "name_th": p.name_th, "level": p.level,
                       "feeds_into": list(p.feeds_into or []), "source": self.src(p.ref())} for p in m.plans],
        }

    def monitoring(self) -> dict:
        m = self.m
        return {
            "document": m.monitoring_document,
            "activities": [{**self.cited(x), "phase": x.phase, "means": x.means, "actors": list(x.actors),
                            "reports_to": list(x.reports_to or [])} for x in m.activities],
            "criteria": [self.cited(c) for c in m.criteria],
        }

    def projects(self) -> list[dict]:
        return [{"id": p.id, "permalink": entity_url(p), "kind": p.get("kind"), "title_th": p.title_th,
                 "missions": self.m.role_missions(p), "level": p.level, "lead": p.lead,
                 "partners": list(p.partners or []), "year_be": p.year_be,
                 "location": resolve(p.location) if p.location else None,
                 "tiers": list(p.tiers or []), "tools": list(p.tools or []),
                 "status_th": p.status_th, "source": self.src(p.ref())} for p in self.m.projects]

    def glossary(self) -> list[dict]:
        return [{"id": t.id, "permalink": entity_url(t), "term": t.term, "abbr": t.abbr,
                 "aliases": list(t.aliases or []), "definition": t.definition,
                 "source": self.src(t.ref()) if t.source else None} for t in self.m.glossary]

    def timeline(self) -> list[dict]:
        return [{"id": e.id, "permalink": entity_url(e), "date": str(e.date),
                 "end": str(e.end) if e.end else None, "date_be": e.date_be,
                 "title_th": e.title_th, "source": self.src(e.ref()),
                 "also": [self.src(r) for r in e.refs("also")]} for e in self.m.timeline]


FILES = ("documents", "agencies", "roles", "missions", "guidance", "monitoring", "projects", "glossary", "timeline")


def records(corpus: Corpus, m: Model, docs: list[NormalizedDoc]) -> dict[str, object]:
    """{file name: its records}: site/data/<name>.json (the open data page lists FILES)."""
    r = _Records(corpus, m, docs)
    return {name: getattr(r, name)() for name in FILES}


def redirect_pages(corpus: Corpus, model: Model, docs: list[NormalizedDoc]) -> dict[str, str]:
    """An HTML page at every redirected page URL that no longer exists; anchor-only
    redirects go to data/redirects.json, which permalink.js consults on arrival."""
    by_page: dict[str, dict[str, str]] = {}
    for old, new, _ in model.redirects:
        page, _, anchor = old.partition("#")
        by_page.setdefault(page, {})[anchor] = new
    out = {open_data_file("redirects"): json.dumps({o: n for o, n, _ in model.redirects},
                                             ensure_ascii=False, indent=1)}
    current = permalinks(corpus, model, docs) if by_page else {}  # (every document's clauses: only when needed)
    for page, targets in by_page.items():
        if page in current:
            continue  # the page still exists: only some of its anchors moved
        depth = page.rstrip("/").count("/") + 1
        up = "../" * depth
        rel = {("#" + a if a else ""): up + t for a, t in targets.items()}
        default = rel.get("") or next(iter(rel.values()))
        out[posixpath.join(page, "index.html")] = render(
            "redirect.html.j2", default=default, default_json=json.dumps(default),
            targets_json=json.dumps(rel, ensure_ascii=False))
    return out


def open_data_files(corpus: Corpus, model: Model, docs: list[NormalizedDoc], cache=None) -> dict[str, str]:
    """{site path: content}: data/*.json and the redirect pages of renamed permalinks
    (`cache`: see _Records.documents_json)."""
    r = _Records(corpus, model, docs)
    files = {open_data_file(name): r.documents_json(cache) if name == "documents" else
             json.dumps(getattr(r, name)(), ensure_ascii=False, indent=1) for name in FILES}
    files.update(redirect_pages(corpus, model, docs))
    return files
