"""Printable one-page A4 handouts for trainers: one per guidance step and one per agency
that has roles, steps or monitoring in the model (its roles with the clauses quoted, the
steps it acts in, what it reports and to whom).  Each carries a QR code of its live page,
drawn at build time as inline SVG by segno (no network, no image files), and the
citation of every clause it quotes.  Printing: docs/stylesheets/thai.css (.handout)."""
from __future__ import annotations

import html
import sys

import segno

from build_tools.common.cache import code_version, digest
from build_tools.knowledge.citation import document_reference
from build_tools.knowledge.urls import LOCAL_SITE, agency_page, entity_url, handout_page, page_url
from build_tools.outputs.site.markup import escape
from build_tools.outputs.site.render import render
from build_tools.outputs.site.site_context import Site


def qr_svg(url: str, label: str, cache=None) -> str:
    """The QR code of `url` as one line of inline SVG, named for screen readers; from
    `cache` (a common/cache.py ContentCache) when an earlier build drew it (drawing the
    handouts' codes took most of the model pages' time in every build)."""
    key = digest("qr", segno.__version__, code_version(sys.modules[__name__]), url, label) if cache else None
    svg = cache.get(key) if cache else None
    if svg is None:
        svg = segno.make(url, error="m").svg_inline(scale=4, border=4, svgclass="qr", lineclass=None, omitsize=True)
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)
        if cache:
            cache.put(key, svg)
    return svg


def live_url(site: Site, url: str) -> str:
    """The full address a printed page points to (the local address when the public
    address is not configured: mkdocs.yml site_url or SIAM_YIM_SITE_URL)."""
    return (site.site_url or LOCAL_SITE) + url


def step_handout(site: Site, st) -> str:
    m = site.model
    page = handout_page(st.id)
    plans = {p.id: p for p in m.plans}
    url = live_url(site, entity_url(st))
    return render(
        "handout_step.md.j2", s=site, st=st, page=page, url=url, qr=qr_svg(url, site.labels.qr_label(url), site.cache),
        subs=m.substeps.get(st.id) or [],
        before=[escape(site.step_title(x)) for x in m.steps if st.id in (x.next or [])],
        onward=[escape(site.step_title(x)) for x in m.steps if x.id in (st.next or [])]
        + [escape(str(plans[p].name_th)) for p in st.feeds_into or []])


def agency_handout(site: Site, aid: str) -> str | None:
    """The agency's handout, or None when the model gives it nothing to print."""
    m = site.model
    roles = [r for r in m.roles if r.agency == aid]
    groups = [g for g, a in site.corpus.agencies.items() if aid in (a.get("members") or [])]
    joint = [r for r in m.roles if r.agency in groups]
    steps = [(s, aid in (s.actors or [])) for s in m.steps if aid in (s.actors or []) or aid in (s.informs or [])]
    reports = [x for x in m.activities if aid in (x.actors or [])]
    receives = [x for x in m.activities if aid in (x.reports_to or [])]
    if not m.agency_has_part(aid):
        return None
    url = live_url(site, page_url(agency_page(aid)))
    sources = list(dict.fromkeys(document_reference(site.docs[r.ref().doc].doc, site.corpus.agencies)
                                 for r in roles))
    return render("handout_agency.md.j2", s=site, aid=aid, page=handout_page(aid), url=url,
                  qr=qr_svg(url, site.labels.qr_label(url), site.cache), roles=roles, joint=joint, steps=steps,
                  reports=reports, receives=receives, sources=sources)


def handout_pages(site: Site) -> dict[str, str]:
    pages = {handout_page(st.id): step_handout(site, st) for st in site.model.steps}
    for aid in site.corpus.agencies:
        text = agency_handout(site, aid)
        if text is not None:
            pages[handout_page(aid)] = text
    return pages
