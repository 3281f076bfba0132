"""Agency pages (each agency's roles by mission, the steps and monitoring it takes part
in, its projects and documents), the list of agencies and the who-does-what matrix."""
from __future__ import annotations

from build_tools import common as common_package
from build_tools import knowledge as knowledge_package
from build_tools.common.cache import code_version, digest
from build_tools.common.thaidate import to_thai_digits
from build_tools.knowledge.model import Entity
from build_tools.knowledge.urls import AGENCIES_PAGE, MATRIX_PAGE, agency_page, link, page_url
from build_tools.outputs import site as site_package
from build_tools.outputs.site.markup import escape
from build_tools.outputs.site.render import render
from build_tools.outputs.site.site_context import Site


def role_groups(site: Site, aid: str) -> list[tuple[str, Entity | None, list[Entity]]]:
    """An agency's roles grouped as its page shows them: ('all', None, roles) first, then
    (mission id, mission, roles) in the missions' order (by a role's first mission)."""
    m = site.model
    groups: dict[str, list[Entity]] = {}
    for r in m.roles:
        if r.agency == aid:
            key = "all" if r.missions == "all" else m.role_missions(r)[0]
            groups.setdefault(key, []).append(r)
    order = ["all"] + [x.id for x in m.missions]
    return [(k, None if k == "all" else m.mission(k), groups[k]) for k in order if k in groups]


def agency(site: Site, aid: str):
    """An agency's page; with the build's page cache (site.cache) the entry that holds it
    (a common.cache.Stored), made only when the rest of the page or its list of
    documents (thousands of rows at 10,000 letters: each one's id and title) changed."""
    m = site.model
    shown = dict(
        s=site, m=m, aid=aid, a=site.corpus.agencies[aid], page=agency_page(aid),
        url=page_url(agency_page(aid)), groups=role_groups(site, aid),
        involved=[r for r in m.roles if aid in (r.involves or [])],
        steps=[s for s in m.steps if aid in (s.actors or []) or aid in (s.informs or [])],
        activities=[x for x in m.activities if aid in (x.actors or []) or aid in (x.reports_to or [])],
        projects=[p for p in m.projects if p.lead == aid or aid in (p.partners or [])])
    documents = site.agency_documents(aid)
    if site.cache is None or not documents:
        return render("agency.md.j2", **shown, documents=documents)
    # The page without its documents holds everything else it shows; a row shows a
    # document's id (its link) and title.
    key = digest("agency page", code_version(site_package, knowledge_package, common_package), site.site_url, aid,
                 render("agency.md.j2", **shown, documents=[]), repr([(d.id, site.doc_title(d.id)) for d in documents]))
    if not site.cache.has(key):
        site.cache.put(key, render("agency.md.j2", **shown, documents=documents))
    return site.cache.deferred(key)


def agencies_index(site: Site) -> str:
    page = AGENCIES_PAGE
    rows = []
    for aid, a in site.corpus.agencies.items():
        n = sum(1 for r in site.model.roles if r.agency == aid)
        rows.append([f"[{escape(str(a.get('name_th')))}]({link(page, agency_page(aid))})",
                     escape(str(a.get("abbr") or "—")), escape(str(a.get("name_en"))),
                     escape(", ".join(a.get("aliases") or []) or "—"),
                     to_thai_digits(str(n)) if n else "—"])
    return render("agencies_index.md.j2", page=page, rows=rows)


def matrix(site: Site) -> str:
    """Agencies x missions (each role's summary linking to its clause; roles for all
    missions in their own column) and agencies x guidance steps (what the agency does)."""
    m = site.model
    mission_rows = []
    for aid in site.corpus.agencies:
        roles = [r for r in m.roles if r.agency == aid]
        if not roles:
            continue
        general = [r for r in roles if r.missions == "all"]
        cells = [(site.labels.all_missions(), general, False)]
        for ms in m.missions:
            specific = [r for r in roles if r.missions != "all" and ms.id in m.role_missions(r)]
            cells.append((str(ms.short_th), specific, bool(general) and not specific))
        mission_rows.append({"aid": aid, "cells": cells})
    step_rows = []
    for aid in site.corpus.agencies:
        cells = [(s, True if aid in (s.actors or []) else False if aid in (s.informs or []) else None)
                 for s in m.steps]
        if any(acts is not None for _, acts in cells):
            step_rows.append({"aid": aid, "cells": cells})
    return render("matrix.md.j2", s=site, page=MATRIX_PAGE, missions=m.missions, steps=m.steps,
                  mission_rows=mission_rows, step_rows=step_rows)
