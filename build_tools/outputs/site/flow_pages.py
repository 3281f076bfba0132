"""The two pages with a flow diagram: the expansion guidance FY2553 (steps from tambon to
district and province, the plans they feed) and the monitoring framework (who monitors,
by which means, reporting to whom, evaluating what)."""
from __future__ import annotations

from build_tools.knowledge.model import MEANS, PHASES
from build_tools.knowledge.urls import GUIDANCE_PAGE, MONITORING_PAGE
from build_tools.outputs.site.diagram import Node, flow_svg, wrap
from build_tools.outputs.site.render import render
from build_tools.outputs.site.site_context import Site

LEVEL_COLUMNS = ["tambon", "district", "province"]


def guidance_svg(site: Site) -> str:
    m, lab = site.model, site.labels
    nodes, edges = [], []
    for col, level in enumerate(LEVEL_COLUMNS):
        nodes += [Node(s.id, col, [site.step_title(s)] + wrap(str(s.label), 32), f"#{s.id}", "step")
                  for s in m.steps if s.level == level]
        nodes += [Node(p.id, col, wrap(str(p.name_th), 30), f"#{p.id}", "plan") for p in m.plans if p.level == level]
    for s in m.steps:
        edges += [(s.id, n) for n in s.next or []] + [(s.id, p) for p in s.feeds_into or []]
    for p in m.plans:
        edges += [(p.id, q) for q in p.feeds_into or []]
    return flow_svg(lab.guidance_diagram(), lab.guidance_columns().split("|"), nodes, edges)


def guidance(site: Site) -> str:
    page = GUIDANCE_PAGE
    m = site.model
    plans = {p.id: p for p in m.plans}
    onward = {s.id: [site.entity_link(page, x, site.step_title(x)) for x in m.steps if x.id in (s.next or [])]
              + [site.entity_link(page, plans[p], str(plans[p].name_th)) for p in s.feeds_into or []]
              for s in m.steps}
    feeders = {p.id: [site.entity_link(page, s, site.step_title(s)) for s in m.steps if p.id in (s.feeds_into or [])]
               + [site.entity_link(page, q, str(q.name_th)) for q in m.plans if p.id in (q.feeds_into or [])]
               for p in m.plans}
    plan_onward = {p.id: [site.entity_link(page, plans[q], str(plans[q].name_th)) for q in p.feeds_into or []]
                   for p in m.plans}
    return render("guidance.md.j2", s=site, m=m, page=page, svg=guidance_svg(site), onward=onward,
                  feeders=feeders, plan_onward=plan_onward)


def monitoring_svg(site: Site) -> str:
    m, lab = site.model, site.labels
    nodes, edges, seen = [], [], set()
    for x in m.activities:
        for a in x.actors:
            if a not in seen:
                seen.add(a)
                nodes.append(Node(f"agency-{a}", 0, wrap(site.agency_name(a, short=True), 30), f"#who-{a}", "agency"))
            edges.append((f"agency-{a}", x.id))
    for x in m.activities:
        label = [f"{PHASES[x.phase]} {MEANS[x.means]}"] + wrap(str(x.label), 32)
        nodes.append(Node(x.id, 1, label, f"#{x.id}", "step"))
    targets = set()
    for x in m.activities:
        for t in x.reports_to or []:
            if f"to-{t}" not in targets:
                targets.add(f"to-{t}")
                nodes.append(Node(f"to-{t}", 2, [lab.reports_to(), site.agency_name(t)], f"#who-{t}", "agency"))
            edges.append((x.id, f"to-{t}"))
    for i, c in enumerate(m.criteria, 1):
        nodes.append(Node(c.id, 2, [lab.criterion_caption(i)], f"#{c.id}", "plan"))
        edges += [(x.id, c.id) for x in m.activities if x.phase == "evaluation"]
    return flow_svg(lab.monitoring_diagram(), lab.monitoring_columns().split("|"), nodes, edges)


def monitoring(site: Site) -> str:
    m = site.model
    who = []
    for x in m.activities:
        for a in list(x.actors) + list(x.reports_to or []):
            if a not in who:
                who.append(a)
    return render("monitoring.md.j2", s=site, m=m, page=MONITORING_PAGE, svg=monitoring_svg(site), who=who)
