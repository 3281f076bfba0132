"""Site pages generated from the knowledge model (Thai UI, templates/): missions, the
expansion guidance with its flow diagram, the monitoring framework, example projects,
glossary and timeline; the "what this document defines" section of every circular's
page; and the list of every model page (agencies: agency_pages.py, handouts: handouts.py).

Every statement shows the cited clause's text from the normalized document (never
retyped) with a link to that clause.  Anchors are the ids declared in the data."""
from __future__ import annotations

from build_tools.knowledge.urls import (
    AGENCIES_PAGE,
    GLOSSARY_PAGE,
    GUIDANCE_PAGE,
    MATRIX_PAGE,
    MISSIONS_PAGE,
    MONITORING_PAGE,
    OPEN_DATA_PAGE,
    PROJECTS_PAGE,
    TIMELINE_PAGE,
    agency_page,
    doc_page,
    page_url,
    project_page,
)
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.site import agency_pages, flow_pages, handouts
from build_tools.outputs.site.render import render
from build_tools.outputs.site.site_context import Site
from build_tools.sources.corpus import Corpus
from build_tools.sources.places import resolve


def missions(site: Site) -> str:
    m = site.model
    return render("missions.md.j2", s=site, m=m, page=MISSIONS_PAGE,
                  specific_roles={ms.id: [r for r in m.roles if ms.id in m.role_missions(r) and r.missions != "all"]
                                  for ms in m.missions},
                  mission_projects={ms.id: [p for p in m.projects if ms.id in m.role_missions(p)]
                                    for ms in m.missions})


def project(site: Site, p) -> str:
    page = project_page(p.id)
    loc = p.location
    where = None
    if loc:
        r = resolve(loc)
        where = " / ".join(f"{r[k]['name_th']} ({r[k]['name_en']})" for k in ("subdistrict", "district", "province")
                           if k in r)
    return render("project.md.j2", s=site, p=p, page=page, where=where, url=page_url(page),
                  missions=[site.mission_link(page, x, short=False) for x in site.model.role_missions(p)])


def projects_index(site: Site) -> str:
    m = site.model
    provinces, rows = {}, []
    for p in m.projects:
        prov = resolve(p.location)["province"] if p.location else None
        if prov:
            provinces[prov["code"]] = prov["name_th"]
        missions = m.role_missions(p)
        rows.append({"p": p, "province": prov, "missions": missions,
                     "mission_names": [str(m.mission(x).short_th) for x in missions]})
    return render("projects_index.md.j2", s=site, m=m, rows=rows,
                  provinces=sorted(provinces.items(), key=lambda kv: kv[1]))


def glossary(site: Site) -> str:
    return render("glossary.md.j2", s=site, m=site.model, page=GLOSSARY_PAGE)


def timeline(site: Site) -> str:
    return render("timeline.md.j2", s=site, m=site.model, page=TIMELINE_PAGE)


def defines(site: Site, nd: NormalizedDoc) -> str:
    """The "what this document defines" section of a circular's page ('' if nothing)."""
    return _defines_section(site, nd.id, *_what_documents_define(site.model))


def _what_documents_define(m) -> tuple[dict, dict]:
    """document id -> [(reference, entity)] of the model's entities citing it, and
    document id -> the agencies of the roles, steps and activities sourced from it (one
    pass over the model, not one per document)."""
    items: dict[str, list] = {}
    for e in [*m.objectives, *m.targets, *m.missions, *m.roles, *m.all_steps(), *m.activities,
              *m.criteria, *m.projects, *m.timeline, *m.glossary]:
        for r in [r for r in [e.ref()] + e.refs("also") if r]:
            items.setdefault(r.doc, []).append((r, e))
    agencies: dict[str, list] = {}
    for e in m.roles + m.steps + m.activities if items else ():
        listed = agencies.setdefault(e.ref().doc, [])
        for a in [e.get("agency")] + list(e.get("actors") or []) + list(e.get("informs") or []):
            if a and a not in listed:
                listed.append(a)
    return items, agencies


def _defines_section(site: Site, doc_id: str, items: dict, agencies: dict) -> str:
    if not items.get(doc_id):
        return ""
    return render("defines.md.j2", s=site, page=doc_page(doc_id), agencies=agencies.get(doc_id, []),
                  items=[(r, e, site.labels.entity_label(e, site)) for r, e in items[doc_id]])


def open_data_page() -> str:
    return render("open_data.md.j2", page=OPEN_DATA_PAGE)


def model_pages(corpus: Corpus, model, docs: list[NormalizedDoc], cache=None) -> dict[str, str]:
    """{source page: Markdown} for every model page (`cache`: the build's page cache,
    for the handouts' QR codes)."""
    site = Site(corpus, model, docs)
    site.cache = cache
    printed = handouts.handout_pages(site)
    site.handouts = set(printed)  # the step and agency pages link theirs
    pages = {AGENCIES_PAGE: agency_pages.agencies_index(site), MATRIX_PAGE: agency_pages.matrix(site),
             MISSIONS_PAGE: missions(site), GUIDANCE_PAGE: flow_pages.guidance(site),
             MONITORING_PAGE: flow_pages.monitoring(site), PROJECTS_PAGE: projects_index(site),
             GLOSSARY_PAGE: glossary(site), TIMELINE_PAGE: timeline(site), OPEN_DATA_PAGE: open_data_page()}
    for aid in corpus.agencies:
        pages[agency_page(aid)] = agency_pages.agency(site, aid)
    for pr in model.projects:
        pages[project_page(pr.id)] = project(site, pr)
    pages.update(printed)
    return pages


def document_defines(corpus: Corpus, model, docs: list[NormalizedDoc]) -> dict[str, str]:
    site = Site(corpus, model, docs)
    items, agencies = _what_documents_define(model)
    return {nd.id: _defines_section(site, nd.id, items, agencies) for nd in docs}
