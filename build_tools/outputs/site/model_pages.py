"""Site pages generated from the knowledge model (Thai UI): agencies with their roles,
the who-does-what matrix, missions, the expansion guidance with its flow diagram, the
monitoring framework, example projects, glossary and timeline; plus the "what this
document defines" section of every circular's page.

Every statement shows the cited clause's text from the normalized document (never
retyped) with a link to that clause.  Anchors are the ids declared in the data."""
from __future__ import annotations

from build_tools.sources.corpus import Corpus
from build_tools.outputs.site.diagram import Node, flow_svg, wrap
from build_tools.outputs.site.markup import attrs, escape, table
from build_tools.knowledge.model import LEVELS, MEANS, PHASES, PROJECT_KINDS, Entity, Model, Ref, block_text
from build_tools.knowledge.urls import (AGENCIES_PAGE, GLOSSARY_PAGE, GUIDANCE_PAGE, MATRIX_PAGE, MISSIONS_PAGE,
                                       MONITORING_PAGE, OPEN_DATA_PAGE, PROJECTS_PAGE, TIMELINE_PAGE, agency_page,
                                       doc_page, entity_page, link, page_url, project_page)
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.open_data import open_data_page
from build_tools.common.thaidate import to_thai_digits
from build_tools.sources.places import resolve



def copy_link(anchor: str) -> str:
    """Visible "copy link" control (docs/javascripts/permalink.js does the copying)."""
    return (f'<a class="permalink-copy" href="#{anchor}" data-anchor="{anchor}" '
            f'title="คัดลอกลิงก์ถาวรของข้อนี้">¶ คัดลอกลิงก์</a>')


def _front(title: str) -> list[str]:
    return ["---", 'title: "' + title.replace('"', '\\"') + '"', "---", ""]


class Pages:
    def __init__(self, corpus: Corpus, model: Model, docs: list[NormalizedDoc]):
        self.corpus = corpus
        self.model = model
        self.docs = {nd.id: nd for nd in docs}

    # small pieces ---------------------------------------------------------------------
    def clause_label(self, ref: Ref) -> str:
        if ref.clause.startswith("c"):
            return "ข้อ " + to_thai_digits(".".join(ref.clause[1:].split("-")).replace(".b", " (ซ้ำ)"))
        return "ย่อหน้าบรรทัด " + to_thai_digits(ref.clause[1:])

    def doc_title(self, doc_id: str) -> str:
        d = self.docs[doc_id].doc
        return str(d.get("short_title") or d.get("title"))

    def cite(self, page: str, ref: Ref) -> str:
        target = link(page, doc_page(ref.doc), ref.clause)
        return f"[{escape(self.doc_title(ref.doc))} {self.clause_label(ref)}]({target})"

    def text(self, ref: Ref) -> str:
        return escape(block_text(self.model.block(ref)))

    def agency_name(self, aid: str, short: bool = False) -> str:
        a = self.corpus.agencies[aid]
        if short and a.get("abbr"):
            return str(a.get("abbr"))
        return f"{a.get('name_th')} ({a.get('abbr')})" if a.get("abbr") else str(a.get("name_th"))

    def agency_link(self, page: str, aid: str, short: bool = False) -> str:
        return f"[{escape(self.agency_name(aid, short))}]({link(page, agency_page(aid))})"

    def agencies_links(self, page: str, ids) -> str:
        ids = [ids] if isinstance(ids, str) else (ids or [])
        return ", ".join(self.agency_link(page, a) for a in ids) or "—"

    def entity_link(self, page: str, e: Entity, label: str) -> str:
        target_page, anchor = entity_page(e)
        return f"[{escape(label)}]({link(page, target_page, anchor)})"

    def mission_link(self, page: str, mid: str, short: bool = True) -> str:
        m = self.model.mission(mid)
        return self.entity_link(page, m, str(m.get("short_th" if short else "name_th")))

    def step_title(self, s: Entity) -> str:
        n = s.ref().clause[1:].replace("-", ".")
        return ("ขั้นตอนที่ " if s.kind == "step" else "วาระที่ ") + to_thai_digits(n)

    def role_label(self, r: Entity) -> str:
        return self.clause_label(r.ref())

    # agencies ---------------------------------------------------------------------------
    def agency(self, aid: str) -> str:
        page = agency_page(aid)
        a = self.corpus.agencies[aid]
        m = self.model
        rows = [["ชื่อภาษาไทย", escape(str(a.get("name_th")))],
                ["อักษรย่อ", escape(str(a.get("abbr") or "—"))],
                ["ชื่อภาษาอังกฤษ", escape(str(a.get("name_en")))],
                ["ชื่อเรียกอื่น", escape(", ".join(a.get("aliases") or []) or "—")],
                ["รหัสลิงก์ถาวร", f"`{page_url(agency_page(aid))}`"]]
        roles = [r for r in m.roles if r.get("agency") == aid]
        # "บทบาท" in the heading: what officials type ("บทบาท ป.ป.ส.") finds this page.
        heading = self.agency_name(aid) + (": บทบาทในโครงการ" if roles else "")
        out = _front(self.agency_name(aid)) + [f"# {escape(heading)}", "",
                                               table(["รายการ", "ข้อมูล"], rows), ""]
        if roles:
            out += ["## บทบาทตามบันทึกความร่วมมือ {: #roles }", "",
                    "บทบาทแต่ละข้อแสดงข้อความจากเอกสารแนบท้ายบันทึกความร่วมมือ พร้อมลิงก์ไปยังข้อต้นฉบับ", ""]
            groups: dict[str, list[Entity]] = {}
            for r in roles:
                key = "all" if r.get("missions") == "all" else m.role_missions(r)[0]
                groups.setdefault(key, []).append(r)
            order = ["all"] + [x.id for x in m.missions]
            for key in [k for k in order if k in groups]:
                if key == "all":
                    out += ["### ทุกภารกิจ {: #roles-all-missions }", ""]
                else:
                    ms = m.mission(key)
                    out += [f"### ภารกิจ{escape(str(ms.get('name_th')))} {{: #roles-{key} }}", ""]
                group_shown = None
                for r in groups[key]:
                    g = r.ref("group")
                    if g and g.key != group_shown:
                        out += [f"**{self.text(g)}** ({self.cite(page, g)})", ""]
                        group_shown = g.key
                    missions = m.role_missions(r)
                    extra = ""
                    if key != "all" and len(missions) > 1:
                        extra = " · ภารกิจ: " + ", ".join(self.mission_link(page, x) for x in missions)
                    involves = ""
                    if r.get("involves"):
                        involves = " · เกี่ยวข้องกับ " + self.agencies_links(page, r.get("involves"))
                    out += [f"{self.text(r.ref())}  ",
                            f"<small>ที่มา: {self.cite(page, r.ref())}{extra}{involves} · "
                            f"`{r.id}`</small> {copy_link(r.id)}",
                            attrs(r.id, "role"), ""]
        involved = [r for r in m.roles if aid in (r.get("involves") or [])]
        if involved:
            out += ["## บทบาทของหน่วยงานอื่นที่เกี่ยวข้องกับหน่วยงานนี้ {: #involved-in }", ""]
            out += [f"- {self.entity_link(page, r, self.agency_name(str(r.get('agency')), True) + ' ' + self.role_label(r))}: "
                    f"{self.text(r.ref())}" for r in involved]
            out.append("")
        steps = [s for s in m.steps if aid in (s.get("actors") or []) or aid in (s.get("informs") or [])]
        if steps:
            out += ["## ขั้นตอนตามแนวทางการขยายผล ปีงบประมาณ ๒๕๕๓ {: #guidance-steps }", ""]
            for s in steps:
                how = "ผู้ดำเนินการ" if aid in (s.get("actors") or []) else "ผู้รับเสนอ/รับทราบ"
                out.append(f"- {self.entity_link(page, s, self.step_title(s))} ({how}): {escape(str(s.get('label')))}")
            out.append("")
        acts = [x for x in m.activities if aid in (x.get("actors") or []) or aid in (x.get("reports_to") or [])]
        if acts:
            out += ["## การติดตามและประเมินผล {: #monitoring }", ""]
            for x in acts:
                how = "ผู้ติดตาม/ประเมิน" if aid in x.get("actors") else "ผู้รับรายงาน"
                out.append(f"- {self.entity_link(page, x, PHASES[x.get('phase')] + ' ' + MEANS[x.get('means')])} ({how})")
            out.append("")
        projects = [p for p in m.projects if p.get("lead") == aid or aid in (p.get("partners") or [])]
        if projects:
            out += ["## โครงการตัวอย่าง {: #projects }", ""]
            out += [f"- [{escape(str(p.get('title_th')))}]({link(page, project_page(p.id))})"
                    + (" (หน่วยงานหลัก)" if p.get("lead") == aid else " (หน่วยงานร่วม)") for p in projects]
            out.append("")
        docs = [d for d in self.corpus.documents if aid in (d.get("issuer"), d.get("drafted_by"))]
        if docs:
            out += ["## เอกสารที่หน่วยงานนี้ออกหรือจัดทำ {: #documents }", ""]
            out += [f"- [{escape(self.doc_title(d.id))}]({link(page, doc_page(d.id))})" for d in docs]
            out.append("")
        return "\n".join(out)

    def agencies_index(self) -> str:
        page = AGENCIES_PAGE
        rows = []
        for aid, a in self.corpus.agencies.items():
            n = sum(1 for r in self.model.roles if r.get("agency") == aid)
            rows.append([f"[{escape(str(a.get('name_th')))}]({link(page, agency_page(aid))})",
                         escape(str(a.get("abbr") or "—")), escape(str(a.get("name_en"))),
                         escape(", ".join(a.get("aliases") or []) or "—"),
                         to_thai_digits(str(n)) if n else "—"])
        return "\n".join(_front("หน่วยงานและบทบาท") + [
            "# หน่วยงานและบทบาท", "",
            "หน่วยงานความร่วมมือ ๔ หน่วยงานตามบันทึกความร่วมมือ และหน่วยงานอื่นที่หนังสือราชการของโครงการกล่าวถึง "
            f"ดูภาพรวมว่าใครทำอะไรได้ที่ [ตารางใครทำอะไร]({link(page, MATRIX_PAGE)})", "",
            table(["หน่วยงาน", "อักษรย่อ", "ชื่อภาษาอังกฤษ", "ชื่อเรียกอื่น", "จำนวนบทบาท"], rows), ""])

    def matrix(self) -> str:
        page = MATRIX_PAGE
        m = self.model
        out = _front("ใครทำอะไร") + [
            "# ใครทำอะไร: หน่วยงาน × ภารกิจ และ หน่วยงาน × ขั้นตอน", "",
            "แต่ละช่องลิงก์ไปยังบทบาทหรือขั้นตอนนั้นพร้อมข้อความจากหนังสือราชการต้นฉบับ", "",
            "## หน่วยงาน × ภารกิจ {: #agencies-missions }", ""]
        header = ["หน่วยงาน"] + [self.mission_link(page, x.id) for x in m.missions]
        rows = []
        for aid in self.corpus.agencies:
            roles = [r for r in m.roles if r.get("agency") == aid]
            if not roles:
                continue
            row = [self.agency_link(page, aid)]
            for ms in m.missions:
                cell = [self.entity_link(page, r, self.role_label(r)) for r in roles
                        if ms.id in m.role_missions(r)]
                row.append("<br>".join(cell) or "—")
            rows.append(row)
        out += [table(header, rows), "",
                "บทบาทที่ระบุ \"ทุกภารกิจ\" ในข้อมูล ปรากฏในทุกคอลัมน์", "",
                "## หน่วยงาน × ขั้นตอนการขยายผล ปีงบประมาณ ๒๕๕๓ {: #agencies-steps }", "",
                "● = ผู้ดำเนินการ · ○ = ผู้รับเสนอ/รับทราบ", ""]
        header = ["หน่วยงาน"] + [self.entity_link(page, s, to_thai_digits(s.ref().clause[1:])) for s in m.steps]
        rows = []
        for aid in self.corpus.agencies:
            cells, any_ = [], False
            for s in m.steps:
                if aid in (s.get("actors") or []):
                    cells.append(self.entity_link(page, s, "●"))
                    any_ = True
                elif aid in (s.get("informs") or []):
                    cells.append(self.entity_link(page, s, "○"))
                    any_ = True
                else:
                    cells.append("")
            if any_:
                rows.append([self.agency_link(page, aid, short=True)] + cells)
        out += [table(header, rows), ""]
        return "\n".join(out)

    # missions ---------------------------------------------------------------------------
    def missions(self) -> str:
        page = MISSIONS_PAGE
        m = self.model
        out = _front("ภารกิจ วัตถุประสงค์ และเป้าหมาย") + [
            "# ภารกิจ วัตถุประสงค์ และเป้าหมาย", "",
            "## วัตถุประสงค์ {: #objectives }", ""]
        for e in m.objectives:
            out += [f"{self.text(e.ref())}  ", f"<small>ที่มา: {self.cite(page, e.ref())}</small> {copy_link(e.id)}",
                    attrs(e.id, "clause"), ""]
        out += ["## เป้าหมาย {: #targets }", ""]
        for e in m.targets:
            out += [f"{self.text(e.ref())}  ", f"<small>ที่มา: {self.cite(page, e.ref())}</small> {copy_link(e.id)}",
                    attrs(e.id, "clause"), ""]
        out += ["## ภารกิจ ๓ ด้าน {: #missions }", ""]
        for ms in m.missions:
            out += [f"### {escape(str(ms.get('name_th')))} {{: #{ms.id} }}", "",
                    f"{escape(str(ms.get('name_en')))}  ",
                    f"<small>ที่มา: {self.cite(page, ms.ref())}"
                    + "".join(f" · {self.cite(page, r)}" for r in ms.refs("also")) + f"</small> {copy_link(ms.id)}", ""]
            roles = [r for r in m.roles if ms.id in m.role_missions(r) and r.get("missions") != "all"]
            if roles:
                out += ["บทบาทเฉพาะภารกิจนี้:", ""]
                out += [f"- {self.entity_link(page, r, self.agency_name(str(r.get('agency')), True) + ' ' + self.role_label(r))}: "
                        f"{self.text(r.ref())}" for r in roles]
                out.append("")
            projects = [p for p in m.projects if ms.id in m.role_missions(p)]
            if projects:
                out += ["โครงการตัวอย่าง: " + ", ".join(
                    f"[{escape(str(p.get('title_th')))}]({link(page, project_page(p.id))})" for p in projects), ""]
        out += [f"บทบาทที่ใช้กับทุกภารกิจ ดูได้ที่ [ตารางใครทำอะไร]({link(page, MATRIX_PAGE, 'agencies-missions')})", ""]
        return "\n".join(out)

    # guidance ---------------------------------------------------------------------------
    def guidance_svg(self, page: str) -> str:
        m = self.model
        cols = ["tambon", "district", "province"]
        nodes, edges = [], []
        for level in cols:
            for s in m.steps:
                if s.get("level") == level:
                    nodes.append(Node(s.id, cols.index(level), [self.step_title(s)] + wrap(str(s.get("label")), 32),
                                      f"#{s.id}", "step"))
            for p in m.plans:
                if p.get("level") == level:
                    nodes.append(Node(p.id, cols.index(level), wrap(str(p.get("name_th")), 30), f"#{p.id}", "plan"))
        for s in m.steps:
            edges += [(s.id, n) for n in s.get("next") or []]
            edges += [(s.id, p) for p in s.get("feeds_into") or []]
        for p in m.plans:
            edges += [(p.id, q) for q in p.get("feeds_into") or []]
        return flow_svg("แผนภาพขั้นตอนการขยายผลจากตำบลสู่อำเภอและจังหวัด",
                        ["ระดับตำบล/หมู่บ้าน", "ระดับอำเภอ", "ระดับจังหวัด"], nodes, edges)

    def guidance(self) -> str:
        page = GUIDANCE_PAGE
        m = self.model
        doc = m.guidance_document
        plans = {p.id: p for p in m.plans}
        out = _front("แนวทางการขยายผล ปีงบประมาณ ๒๕๕๓") + [
            "# แนวทางการดำเนินการขยายผล ปีงบประมาณ ๒๕๕๓", "",
            f"ขั้นตอน ๘ ขั้นจาก[แนวทางการดำเนินการขยายผล]({link(page, doc_page(doc))}) "
            "แต่ละขั้นมีลิงก์ถาวรของตัวเอง (กด ¶ คัดลอกลิงก์) ข้อความของแต่ละขั้นมาจากเอกสารต้นฉบับ", "",
            "## แผนภาพการไหลของงาน {: #flow }", "",
            "คลิกที่กล่องเพื่อไปยังขั้นตอนนั้น ลูกศรแสดงว่าผลของขั้นหนึ่งส่งต่อไปยังขั้นหรือแผนใด", "",
            '<div class="flow-diagram">', self.guidance_svg(page), "</div>", "",
            "## ขั้นตอน {: #steps }", ""]
        for s in m.steps:
            out += [f"### {self.step_title(s)}: {escape(str(s.get('label')))} {{: #{s.id} .step }}", "",
                    f"{self.text(s.ref())}  ",
                    f"<small>ที่มา: {self.cite(page, s.ref())} · `{s.id}`</small> {copy_link(s.id)}", ""]
            rows = [["ระดับ", LEVELS[s.get("level")]],
                    ["ผู้ดำเนินการ", self.agencies_links(page, s.get("actors"))]]
            if s.get("informs"):
                rows.append(["เสนอ/แจ้ง", self.agencies_links(page, s.get("informs"))])
            rows.append(["ผลที่ได้", escape(str(s.get("output")))])
            goes = [self.entity_link(page, x, self.step_title(x)) for x in m.steps if x.id in (s.get("next") or [])]
            goes += [self.entity_link(page, plans[p], str(plans[p].get("name_th"))) for p in s.get("feeds_into") or []]
            if goes:
                rows.append(["ส่งต่อไปยัง", ", ".join(goes)])
            out += [table(["รายการ", "รายละเอียด"], rows), ""]
            subs = m.substeps.get(s.id) or []
            if subs:
                out += ["วาระการประชุมระดับอำเภอ:", ""]
                for sub in subs:
                    out += [f"#### {self.step_title(sub)} {{: #{sub.id} .step }}", "",
                            f"{self.text(sub.ref())}  ",
                            f"<small>ที่มา: {self.cite(page, sub.ref())} · `{sub.id}`</small> {copy_link(sub.id)}", ""]
        out += ["## แผนและงบประมาณที่รับผลการขยายผล {: #plans }", ""]
        for p in m.plans:
            feeders = [self.entity_link(page, s, self.step_title(s)) for s in m.steps if p.id in (s.get("feeds_into") or [])]
            feeders += [self.entity_link(page, q, str(q.get("name_th"))) for q in m.plans if p.id in (q.get("feeds_into") or [])]
            line = f"**{escape(str(p.get('name_th')))}** ({LEVELS[p.get('level')]}) · รับจาก: {', '.join(feeders) or '—'}"
            onward = [self.entity_link(page, plans[q], str(plans[q].get("name_th"))) for q in p.get("feeds_into") or []]
            if onward:
                line += f" · ส่งต่อไปยัง: {', '.join(onward)} (ตาม{self.cite(page, p.ref())})"
            out += [f"{line} {copy_link(p.id)}", attrs(p.id), ""]
        return "\n".join(out)

    # monitoring ------------------------------------------------------------------------
    def monitoring_svg(self) -> str:
        m = self.model
        nodes, edges, seen = [], [], set()
        for x in m.activities:
            for a in x.get("actors"):
                if a not in seen:
                    seen.add(a)
                    nodes.append(Node(f"agency-{a}", 0, wrap(self.agency_name(a, short=True), 30), f"#who-{a}", "agency"))
                edges.append((f"agency-{a}", x.id))
        for x in m.activities:
            nodes.append(Node(x.id, 1, [f"{PHASES[x.get('phase')]} {MEANS[x.get('means')]}"]
                              + wrap(str(x.get("label")), 32), f"#{x.id}", "step"))
        targets = set()
        for x in m.activities:
            for t in x.get("reports_to") or []:
                if f"to-{t}" not in targets:
                    targets.add(f"to-{t}")
                    nodes.append(Node(f"to-{t}", 2, ["รายงานต่อ", self.agency_name(t)], f"#who-{t}", "agency"))
                edges.append((x.id, f"to-{t}"))
        for i, c in enumerate(m.criteria, 1):
            nodes.append(Node(c.id, 2, [f"ประเด็นประเมินที่ {to_thai_digits(str(i))}"], f"#{c.id}", "plan"))
            edges += [(x.id, c.id) for x in m.activities if x.get("phase") == "evaluation"]
        return flow_svg("แผนภาพการติดตามและประเมินผล: ใครติดตาม ด้วยวิธีใด รายงานต่อใคร ประเมินอะไร",
                        ["ผู้ติดตาม/ผู้ประเมิน", "วิธีการ", "รายงานต่อ / ประเด็นประเมิน"], nodes, edges)

    def monitoring(self) -> str:
        page = MONITORING_PAGE
        m = self.model
        doc = m.monitoring_document
        out = _front("กรอบการติดตามและประเมินผล ๒๕๕๒–๒๕๕๓") + [
            "# กรอบการติดตามและประเมินผล ๒๕๕๒–๒๕๕๓", "",
            f"จาก[กรอบการติดตามและประเมินผล]({link(page, doc_page(doc))}): ใครติดตาม ด้วยวิธีใด "
            "(เอกสารรายงาน บุคคล คณะทำงาน) ประเมินอะไร และรายงานต่อใคร", "",
            "## แผนภาพ {: #flow }", "", '<div class="flow-diagram">', self.monitoring_svg(), "</div>", ""]
        for phase, label in PHASES.items():
            out += [f"## {label} {{: #{phase} }}", ""]
            for x in [a for a in m.activities if a.get("phase") == phase]:
                out += [f"### {MEANS[x.get('means')]}: {escape(str(x.get('label')))} {{: #{x.id} .step }}", "",
                        f"{self.text(x.ref())}  ",
                        f"<small>ที่มา: {self.cite(page, x.ref())} · `{x.id}`</small> {copy_link(x.id)}", "",
                        table(["รายการ", "รายละเอียด"],
                              [["ผู้ติดตาม/ผู้ประเมิน", self.agencies_links(page, x.get("actors"))],
                               ["รายงานต่อ", self.agencies_links(page, x.get("reports_to"))]]), ""]
        out += ["## ประเด็นที่ประเมิน {: #criteria }", ""]
        for i, c in enumerate(m.criteria, 1):
            out += [f"**ประเด็นที่ {to_thai_digits(str(i))}** {self.text(c.ref())}  ", f"<small>ที่มา: {self.cite(page, c.ref())}</small> {copy_link(c.id)}",
                    attrs(c.id, "clause"), ""]
        out += ["## หน่วยงานในกรอบนี้ {: #who }", ""]
        who = []
        for x in m.activities:
            for a in list(x.get("actors")) + list(x.get("reports_to") or []):
                if a not in who:
                    who.append(a)
        for a in who:
            out += [self.agency_link(page, a), attrs(f"who-{a}"), ""]
        return "\n".join(out)

    # projects -----------------------------------------------------------------------------
    def project(self, p: Entity) -> str:
        page = project_page(p.id)
        m = self.model
        loc = p.get("location")
        if loc:
            r = resolve(loc)
            where = " / ".join(f"{r[k]['name_th']} ({r[k]['name_en']})" for k in ("subdistrict", "district", "province") if k in r)
        else:
            where = "ไม่ระบุพื้นที่ (รูปแบบหรือบัญชีโครงการที่ใช้ได้ทุกพื้นที่)"
        rows = [["ประเภท", PROJECT_KINDS[p.get("kind")]],
                ["ภารกิจ", ", ".join(self.mission_link(page, x, short=False) for x in m.role_missions(p))],
                ["ระดับ", LEVELS[p.get("level")]],
                ["หน่วยงานหลัก", self.agencies_links(page, p.get("lead"))],
                ["หน่วยงานร่วม", self.agencies_links(page, p.get("partners"))],
                ["ปี (พ.ศ.)", to_thai_digits(str(p.get("year_be")))],
                ["พื้นที่", escape(where)]]
        if p.get("tiers"):
            rows.append(["ระดับการพัฒนา", escape(", ".join(p.get("tiers")))])
        if p.get("tools"):
            rows.append(["เครื่องมือ", escape(", ".join(p.get("tools")))])
        if p.get("status_th"):
            rows.append(["สถานะข้อมูล", escape(str(p.get("status_th")))])
        rows.append(["รหัสลิงก์ถาวร", f"`{page_url(project_page(p.id))}`"])
        return "\n".join(_front(str(p.get("title_th"))) + [
            f"# {escape(str(p.get('title_th')))}", "", table(["รายการ", "ข้อมูล"], rows), "",
            "## ที่มา {: #source }", "", f"> {self.text(p.ref())}", "",
            f"ที่มา: {self.cite(page, p.ref())}", "",
            f"[← กลับไปยังบัญชีโครงการตัวอย่าง]({link(page, PROJECTS_PAGE)})", ""])

    def projects_index(self) -> str:
        from html import escape as h


        m = self.model
        provinces = {}
        rows = []
        for p in m.projects:
            loc = resolve(p.get("location")) if p.get("location") else None
            prov = loc["province"] if loc else None
            if prov:
                provinces[prov["code"]] = prov["name_th"]
            missions = m.role_missions(p)
            rows.append(
                f'<tr data-missions="{" ".join(missions)}" data-province="{prov["code"] if prov else "none"}">'
                f'<td><a href="{p.id}/">{h(str(p.get("title_th")))}</a></td>'
                f'<td>{h(PROJECT_KINDS[p.get("kind")])}</td>'
                f'<td>{h(", ".join(str(m.mission(x).get("short_th")) for x in missions))}</td>'
                f'<td>{h(LEVELS[p.get("level")])}</td>'
                f'<td>{h(self.agency_name(str(p.get("lead")), True))}</td>'
                f'<td>{h(prov["name_th"] if prov else "ไม่ระบุ")}</td>'
                f'<td>{h(to_thai_digits(str(p.get("year_be"))))}</td></tr>')
        mission_opts = "".join(f'<option value="{x.id}">{h(str(x.get("short_th")))}</option>' for x in m.missions)
        prov_opts = "".join(f'<option value="{c}">{h(n)}</option>' for c, n in sorted(provinces.items(), key=lambda kv: kv[1]))
        return "\n".join(_front("โครงการตัวอย่าง") + [
            "# โครงการตัวอย่าง", "",
            "รูปแบบโครงการต้นแบบที่หนังสือราชการของโครงการส่งเสริม และบัญชีโครงการที่อ้างถึงแต่เอกสารยังไม่อยู่ในคลัง "
            "เลือกภารกิจหรือจังหวัดเพื่อกรองรายการ (ทำงานในเครื่อง ไม่ต้องใช้อินเทอร์เน็ต)", "",
            '<form class="project-filter" id="project-filter" onsubmit="return false">',
            '<label>ภารกิจ <select name="mission"><option value="">ทุกภารกิจ</option>' + mission_opts + "</select></label>",
            '<label>จังหวัด <select name="province"><option value="">ทุกจังหวัด</option>'
            '<option value="none">ไม่ระบุพื้นที่</option>' + prov_opts + "</select></label>",
            '<output name="count" aria-live="polite"></output>',
            "</form>",
            '<table class="project-catalogue" id="project-catalogue"><thead><tr>'
            "<th>โครงการ</th><th>ประเภท</th><th>ภารกิจ</th><th>ระดับ</th><th>หน่วยงานหลัก</th><th>จังหวัด</th><th>ปี</th>"
            "</tr></thead><tbody>", *rows, "</tbody></table>", "",
            "ผู้ดูแลคลังความรู้เพิ่มโครงการได้ด้วยไฟล์ข้อมูลหนึ่งไฟล์ใน `corpus/model/projects/` (ดู README ของโครงการ)", ""])

    # glossary and timeline --------------------------------------------------------------
    def glossary(self) -> str:
        page = GLOSSARY_PAGE
        out = _front("อภิธานศัพท์") + ["# อภิธานศัพท์และคำย่อ", ""]
        for t in self.model.glossary:
            head = f"**{escape(str(t.get('term')))}**" + (f" ({escape(str(t.get('abbr')))})" if t.get("abbr") else "")
            lines = [f"{head}  ", f"{escape(str(t.get('definition')))}  "]
            if t.get("aliases"):
                lines.append(f"<small>ชื่อเรียกอื่น: {escape(', '.join(t.get('aliases')))}</small>  ")
            src = f"ที่มา: {self.cite(page, t.ref())} · " if t.get("source") else ""
            lines.append(f"<small>{src}`{t.id}`</small> {copy_link(t.id)}")
            out += lines + [attrs(t.id, "term"), ""]
        return "\n".join(out)

    def timeline(self) -> str:
        page = TIMELINE_PAGE
        out = _front("ลำดับเหตุการณ์") + ["# ลำดับเหตุการณ์ พ.ศ. ๒๕๕๒", ""]
        for e in self.model.timeline:
            also = "".join(f" · {self.cite(page, r)}" for r in e.refs("also"))
            out += [f"**{escape(str(e.get('date_be')))}** — {escape(str(e.get('title_th')))}  ",
                    f"<small>ที่มา: {self.cite(page, e.ref())}{also} · {e.get('date')}</small> {copy_link(e.id)}",
                    attrs(e.id, "event"), ""]
        return "\n".join(out)

    # what each circular defines -------------------------------------------------------
    def defines(self, nd: NormalizedDoc) -> str:
        page = doc_page(nd.id)
        m = self.model
        items: list[tuple[str, str]] = []
        for e in [*m.objectives, *m.targets, *m.missions, *m.roles, *m.all_steps(), *m.activities,
                  *m.criteria, *m.projects, *m.timeline, *m.glossary]:
            refs = [r for r in [e.ref()] + e.refs("also") if r and r.doc == nd.id]
            if not refs:
                continue
            label = {
                "objective": lambda: "วัตถุประสงค์",
                "target": lambda: "เป้าหมาย",
                "mission": lambda: "ภารกิจ " + str(e.get("name_th")),
                "role": lambda: "บทบาทของ " + self.agency_name(str(e.get("agency")), True),
                "step": lambda: self.step_title(e) + ": " + str(e.get("label")),
                "substep": lambda: self.step_title(e),
                "activity": lambda: PHASES[e.get("phase")] + " " + MEANS[e.get("means")],
                "criterion": lambda: "ประเด็นประเมิน",
                "project": lambda: "โครงการตัวอย่าง " + str(e.get("title_th")),
                "event": lambda: "เหตุการณ์ " + str(e.get("date_be")),
                "term": lambda: "ศัพท์ " + str(e.get("term")),
            }[e.kind]()
            for r in refs:
                items.append((r.clause, f"- [{self.clause_label(r)}](#{r.clause}) → {self.entity_link(page, e, label)}"))
        if not items:
            return ""
        agencies = []
        for e in m.roles + m.steps + m.activities:
            if e.ref().doc == nd.id:
                for a in [e.get("agency")] + list(e.get("actors") or []) + list(e.get("informs") or []):
                    if a and a not in agencies:
                        agencies.append(a)
        # A list of links to other pages: left out of the site search (class no-search),
        # where its names would make this document outrank the pages it links to.
        out = ["", '<div class="no-search" markdown>', "",
               "## สิ่งที่เอกสารนี้กำหนด {: #defines }", "",
               "บทบาท ขั้นตอน และข้อมูลอื่นในคลังความรู้ที่อ้างอิงข้อของเอกสารนี้", ""]
        out += [line for _, line in items] + [""]
        if agencies:
            out += ["หน่วยงานที่เกี่ยวข้อง: " + ", ".join(self.agency_link(page, a) for a in agencies), ""]
        out += ["</div>", ""]
        return "\n".join(out)


def model_nav(corpus: Corpus, m: Model) -> list:
    return [{"ความรู้เกี่ยวกับโครงการ": [
        {"ภารกิจ วัตถุประสงค์ และเป้าหมาย": MISSIONS_PAGE},
        {"หน่วยงานและบทบาท": [AGENCIES_PAGE] + [
            {str(a.get("abbr") or a.get("name_th")): agency_page(aid)} for aid, a in corpus.agencies.items()]},
        {"ใครทำอะไร": MATRIX_PAGE},
        {"แนวทางการขยายผล ๒๕๕๓": GUIDANCE_PAGE},
        {"การติดตามและประเมินผล": MONITORING_PAGE},
        {"โครงการตัวอย่าง": [PROJECTS_PAGE] + [{str(p.get("title_th")): project_page(p.id)} for p in m.projects]},
        {"อภิธานศัพท์": GLOSSARY_PAGE},
        {"ลำดับเหตุการณ์": TIMELINE_PAGE},
        {"ข้อมูลเปิด (JSON)": OPEN_DATA_PAGE},
    ]}]


def model_pages(corpus: Corpus, model: Model, docs: list[NormalizedDoc]) -> dict[str, str]:
    """{source page: Markdown} for every model page."""
    p = Pages(corpus, model, docs)
    pages = {AGENCIES_PAGE: p.agencies_index(), MATRIX_PAGE: p.matrix(), MISSIONS_PAGE: p.missions(),
             GUIDANCE_PAGE: p.guidance(), MONITORING_PAGE: p.monitoring(), PROJECTS_PAGE: p.projects_index(),
             GLOSSARY_PAGE: p.glossary(), TIMELINE_PAGE: p.timeline(), OPEN_DATA_PAGE: open_data_page()}
    for aid in corpus.agencies:
        pages[agency_page(aid)] = p.agency(aid)
    for pr in model.projects:
        pages[project_page(pr.id)] = p.project(pr)
    return pages


def document_defines(corpus: Corpus, model: Model, docs: list[NormalizedDoc]) -> dict[str, str]:
    p = Pages(corpus, model, docs)
    return {nd.id: p.defines(nd) for nd in docs}
