"""Command-line index records of the knowledge pages, one per entry the site shows: an
agency page (found first by the agency's names) and its roles, the guidance steps, the
monitoring activities, the example projects and the glossary terms, each with its
permalink.  Their text restates the circulars, so it counts less than the circular's
own clause (`derived`: ranking.DERIVED_TEXT); their titles and names do not."""
from __future__ import annotations

import datetime as dt

from build_tools.common.thaidate import to_thai_digits
from build_tools.knowledge.urls import agency_page, entity_url, page_url
from build_tools.sources.corpus import Corpus

MODEL_GROUP = "model"  # index group (doc_id) of every knowledge-model record
GUIDANCE_TITLE = "แนวทางการดำเนินการขยายผล ปีงบประมาณ ๒๕๕๓"
MONITORING_TITLE = "กรอบการติดตามและประเมินผล ๒๕๕๒–๒๕๕๓"


def date_field(d: dt.date | None):
    """A record's date as the index's DATETIME field holds it (here, not beside the
    index code: a build imports Whoosh only in the process that writes the index)."""
    return dt.datetime(d.year, d.month, d.day) if d else None
GLOSSARY_TITLE = "อภิธานศัพท์และคำย่อ"
TIMELINE_TITLE = "ลำดับเหตุการณ์ พ.ศ. ๒๕๕๒"
MISSIONS_TITLE = "ภารกิจ วัตถุประสงค์ และเป้าหมาย"


def agency_terms(corpus: Corpus, agency_id: str) -> list[str]:
    a = corpus.agencies[agency_id]
    return [a.get("name_th"), a.get("abbr"), a.get("name_en"), *(a.get("aliases") or [])]


def _clause(ref) -> str:
    """The clause as printed (ข้อ ๓.๒.๓); a paragraph anchor (l86) has no number."""
    return "ข้อ " + to_thai_digits(ref.clause[1:].replace("-", ".")) if ref.clause.startswith("c") else ""


class _Records:
    def __init__(self, corpus: Corpus, m):
        self.corpus, self.m = corpus, m
        self.dates = {d.id: d.date for d in corpus.documents}
        self.titles = {d.id: str(d.get("title")) for d in corpus.documents}

    def rec(self, key, kind, title, section, body, url, page=False, aliases="", agencies=(), missions=(),
            doc_type="", date=None, meta="", lead="", source="") -> dict:
        """One entry; `source`: where its text comes from, as the site's "ที่มา:" note
        (weak evidence, in the context field)."""
        r = {"key": key, "doc_id": MODEL_GROUP, "kind": kind, "page": page, "derived": True, "title": title,
             "section": section, "body": body, "aliases": aliases, "url": url, "doc_type": doc_type,
             "agencies": ",".join(agencies), "missions": ",".join(missions), "meta": meta, "lead": lead,
             "context": source}
        if date is not None:
            r["date"] = date_field(date)
        return r

    def source(self, e) -> str:
        ref = e.ref()
        d = self.titles.get(ref.doc) if ref else None
        return f"ที่มา: {d} {_clause(ref)}" if d else ""

    def label(self, aid: str) -> str:
        a = self.corpus.agencies[aid]
        return f"{a.get('name_th')} ({a.get('abbr')})" if a.get("abbr") else str(a.get("name_th"))

    def names(self, ids) -> str:
        return " ".join(str(self.corpus.agencies[a].get("name_th")) for a in ids or [])

    def agencies(self) -> list[dict]:
        out = []
        for aid, a in self.corpus.agencies.items():
            roles = [r for r in self.m.roles if r.get("agency") == aid]
            missions = sorted({x for r in roles for x in self.m.role_missions(r)})
            other = " ".join(str(t) for t in [a.get("abbr"), a.get("name_en"), *(a.get("aliases") or [])] if t)
            # The page's own entry: its names (searched, never the snippet, as the site's
            # names table); its lead is its first duty.
            lead = self.m.text(roles[0].ref()) if roles else ""
            out.append(self.rec(f"agency:{aid}", "agency", f"{self.label(aid)}: บทบาทในโครงการ", "", "",
                                page_url(agency_page(aid)), page=True, aliases=other, agencies=[aid],
                                missions=missions, meta=f"{a.get('name_th')} {other} บทบาท {len(roles)} ข้อ",
                                lead=lead))
        return out

    def roles(self) -> list[dict]:
        out = []
        for r in self.m.roles:
            aid = str(r.get("agency"))
            a = self.corpus.agencies[aid]
            agencies = [aid] + list(a.get("members") or []) + list(r.get("involves") or [])
            ref = r.ref()
            out.append(self.rec(f"role:{r.id}", "role", f"{self.label(aid)}: บทบาทในโครงการ",
                                f"บทบาท {_clause(ref)}", self.m.text(ref), entity_url(r), agencies=agencies,
                                missions=self.m.role_missions(r), doc_type="annex", date=self.dates.get(ref.doc),
                                source=self.source(r)))
        return out

    def steps(self) -> list[dict]:
        out = []
        for s in self.m.all_steps():
            ref = s.ref()
            actors = list(s.get("actors") or []) + list(s.get("informs") or [])
            body = " ".join(x for x in [self.m.text(ref), str(s.get("output") or ""), self.names(actors)] if x)
            out.append(self.rec(f"step:{s.id}", "step", GUIDANCE_TITLE,
                                f"{_clause(ref)} {s.get('label') or ''}".strip(), body, entity_url(s),
                                agencies=actors, doc_type="guidance", date=self.dates.get(ref.doc),
                                source=self.source(s)))
        return out

    def activities(self) -> list[dict]:
        out = []
        for x in self.m.activities:
            ref = x.ref()
            who = list(x.get("actors")) + list(x.get("reports_to") or [])
            out.append(self.rec(f"monitoring:{x.id}", "monitoring", MONITORING_TITLE, str(x.get("label") or ""),
                                self.m.text(ref) + " " + self.names(who), entity_url(x), agencies=who,
                                doc_type="framework", date=self.dates.get(ref.doc), source=self.source(x)))
        return out

    def criteria(self) -> list[dict]:
        return [self.rec(f"criterion:{c.id}", "criterion", MONITORING_TITLE, "ประเด็นที่ประเมิน",
                         self.m.text(c.ref()), entity_url(c), doc_type="framework", source=self.source(c))
                for c in self.m.criteria]

    def projects(self) -> list[dict]:
        out = []
        for p in self.m.projects:
            agencies = [str(p.get("lead"))] + list(p.get("partners") or [])
            body = " ".join([self.m.text(p.ref()), *(p.get("tiers") or []), *(p.get("tools") or [])])
            out.append(self.rec(f"project:{p.id}", "project", str(p.get("title_th")), "", body, entity_url(p),
                                page=True, agencies=agencies, missions=self.m.role_missions(p), lead=body))
        return out

    def glossary(self) -> list[dict]:
        out = []
        for t in self.m.glossary:
            name = f"{t.get('term')} ({t.get('abbr')})" if t.get("abbr") else str(t.get("term"))
            # As the glossary page shows it: one paragraph, the term and its definition.
            body = " ".join([f"{name}: {t.get('definition')}", *(t.get("aliases") or [])])
            out.append(self.rec(f"term:{t.id}", "term", GLOSSARY_TITLE, "", body, entity_url(t),
                                source=self.source(t)))
        return out


    def timeline(self) -> list[dict]:
        return [self.rec(f"event:{e.id}", "event", TIMELINE_TITLE, str(e.get("date_be")), str(e.get("title_th")),
                         entity_url(e), date=_iso(e.get("date")), source=self.source(e)) for e in self.m.timeline]

    def missions(self) -> list[dict]:
        out = []
        for kind, label, items in (("objective", "วัตถุประสงค์", self.m.objectives),
                                   ("target", "เป้าหมาย", self.m.targets)):
            out += [self.rec(f"{kind}:{x.id}", kind, MISSIONS_TITLE, label, self.m.text(x.ref()), entity_url(x),
                             source=self.source(x)) for x in items]
        for mi in self.m.missions:
            out.append(self.rec(f"mission:{mi.id}", "mission", MISSIONS_TITLE, str(mi.get("name_th")),
                                f"{mi.get('name_en')} {self.m.text(mi.ref())}", entity_url(mi), missions=[mi.id],
                                source=self.source(mi)))
        return out


def _iso(value):
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def model_records(corpus: Corpus, m) -> list[dict]:
    """Records for the knowledge pages (none for a corpus without a model)."""
    if m is None:
        return []
    r = _Records(corpus, m)
    return (r.agencies() + r.roles() + r.steps() + r.activities() + r.criteria() + r.projects() + r.glossary()
            + r.timeline() + r.missions())
