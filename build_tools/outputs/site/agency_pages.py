"""Agency pages (each agency's roles by mission, the steps and monitoring it takes part
in, its projects and documents), the list of agencies and the who-does-what matrix."""
from __future__ import annotations

from build_tools.common.thaidate import to_thai_digits
from build_tools.knowledge.model import Entity
from build_tools.knowledge.urls import AGENCIES_PAGE, MATRIX_PAGE, agency_page, link, page_url
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


def agency(site: Site, aid: str) -> str:
    m = site.model
    return render(
        "agency.md.j2", s=site, m=m, aid=aid, a=site.corpus.agencies[aid], page=agency_page(aid),
        url=page_url(agency_page(aid)), groups=role_groups(site, aid),
        involved=[r for r in m.roles if aid in (r.involves or [])],
        steps=[s for s in m.steps if aid in (s.actors or []) or aid in (s.informs or [])],
        activities=[x for x in m.activities if aid in (x.actors or []) or aid in (x.reports_to or [])],
        projects=[p for p in m.projects if p.lead == aid or aid in (p.partners or [])],
        documents=[d for d in site.corpus.documents if aid in (d.get("issuer"), d.get("drafted_by"))])


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
    page = MATRIX_PAGE
    m = site.model
    mission_rows = []
    for aid in site.corpus.agencies:
        roles = [r for r in m.roles if r.agency == aid]
        if roles:
            mission_rows.append([site.agency_link(page, aid)] + [
                "<br>".join(site.entity_link(page, r, site.role_label(r)) for r in roles
                            if ms.id in m.role_missions(r)) or "—" for ms in m.missions])
    step_rows = []
    for aid in site.corpus.agencies:
        cells = [site.entity_link(page, s, "●") if aid in (s.actors or [])
                 else site.entity_link(page, s, "○") if aid in (s.informs or []) else "" for s in m.steps]
        if any(cells):
            step_rows.append([site.agency_link(page, aid, short=True)] + cells)
    return render("matrix.md.j2", page=page, mission_rows=mission_rows, step_rows=step_rows,
                  mission_headers=[site.mission_link(page, x.id) for x in m.missions],
                  step_headers=[site.entity_link(page, s, to_thai_digits(s.ref().clause[1:])) for s in m.steps])
