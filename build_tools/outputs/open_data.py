"""Open data: the knowledge model as JSON under site/data/, each record with its
permalink (site-relative URL, e.g. `agencies/cdd/#cdd-1-1`), and the redirect pages of
renamed permalinks (corpus/permalinks/redirects.yaml), both written at build time."""
from __future__ import annotations

import json
import posixpath
from html import escape as h

from build_tools.common.thaidate import format_thai_date
from build_tools.knowledge.model import Model, block_text
from build_tools.knowledge.permalinks import permalinks
from build_tools.knowledge.urls import OPEN_DATA_PAGE, agency_page, doc_url, entity_url, link, page_url
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.site.markup import table
from build_tools.sources.corpus import DOC_TYPES, Corpus
from build_tools.sources.places import resolve

FILES = {
    "documents": "หนังสือราชการและเอกสาร พร้อมข้อมูลกำกับและข้อ (clause) ทุกข้อ",
    "agencies": "หน่วยงาน ชื่อไทย อักษรย่อ ชื่ออังกฤษ ชื่อเรียกอื่น",
    "roles": "บทบาทของหน่วยงานตามบันทึกความร่วมมือ",
    "missions": "ภารกิจ ๓ ด้าน วัตถุประสงค์ และเป้าหมาย",
    "guidance": "ขั้นตอนการขยายผล ปีงบประมาณ ๒๕๕๓ วาระย่อย และแผนที่รับผล",
    "monitoring": "กรอบการติดตามและประเมินผล",
    "projects": "โครงการตัวอย่าง",
    "glossary": "อภิธานศัพท์",
    "timeline": "ลำดับเหตุการณ์",
}


def _src(model, ref) -> dict | None:
    if ref is None:
        return None
    b = model.block(ref)
    return {"doc": ref.doc, "clause": ref.clause, "label": b.label, "text": block_text(b),
            "permalink": doc_url(ref.doc, ref.clause)}


def records(corpus: Corpus, m: Model, docs: list[NormalizedDoc]) -> dict[str, object]:
    url = entity_url
    documents = []
    for nd in docs:
        d = nd.doc
        documents.append({
            "id": d.id, "permalink": doc_url(d.id), "title": d.get("title"),
            "short_title": d.get("short_title"), "doc_type": d.get("doc_type"),
            "doc_type_th": DOC_TYPES[d.get("doc_type")], "number": d.get("number"),
            "date": d.date.isoformat(), "date_th": format_thai_date(d.date), "issuer": d.get("issuer"),
            "drafted_by": d.get("drafted_by"), "addressee": d.get("addressee"), "subject": d.get("subject"),
            "source": {"raw": d.raw, "lines": [d.first_line, d.last_line]},
            "clauses": [{"id": b.clause, "label": b.label, "text": block_text(b),
                         "permalink": doc_url(d.id, b.clause)} for b in nd.blocks if b.clause],
        })
    agencies = [{"id": aid, "permalink": page_url(agency_page(aid)), "name_th": a.get("name_th"), "abbr": a.get("abbr"),
                 "name_en": a.get("name_en"), "aliases": list(a.get("aliases") or []),
                 "roles": [r.id for r in m.roles if r.get("agency") == aid]}
                for aid, a in corpus.agencies.items()]
    roles = [{"id": r.id, "permalink": url(r), "agency": r.get("agency"), "missions": m.role_missions(r),
              "involves": list(r.get("involves") or []), "text": m.text(r.ref()),
              "source": _src(m, r.ref()), "group": _src(m, r.ref("group"))} for r in m.roles]
    missions = {
        "missions": [{"id": x.id, "permalink": url(x), "name_th": x.get("name_th"), "name_en": x.get("name_en"),
                      "source": _src(m, x.ref()), "also": [_src(m, r) for r in x.refs("also")],
                      "roles": [r.id for r in m.roles if x.id in m.role_missions(r)]} for x in m.missions],
        "objectives": [{"id": x.id, "permalink": url(x), "text": m.text(x.ref()), "source": _src(m, x.ref())}
                       for x in m.objectives],
        "targets": [{"id": x.id, "permalink": url(x), "text": m.text(x.ref()), "source": _src(m, x.ref())}
                    for x in m.targets],
    }
    guidance = {
        "document": m.guidance_document,
        "steps": [{"id": s.id, "permalink": url(s), "level": s.get("level"), "label": s.get("label"),
                   "text": m.text(s.ref()), "actors": list(s.get("actors")),
                   "informs": list(s.get("informs") or []), "output": s.get("output"),
                   "next": list(s.get("next") or []), "feeds_into": list(s.get("feeds_into") or []),
                   "source": _src(m, s.ref()),
                   "substeps": [{"id": x.id, "permalink": url(x), "text": m.text(x.ref()),
                                 "source": _src(m, x.ref())} for x in m.substeps.get(s.id, [])]}
                  for s in m.steps],
        "plans": [{"id": p.id, "permalink": url(p), "name_th": p.get("name_th"), "level": p.get("level"),
                   "feeds_into": list(p.get("feeds_into") or []), "source": _src(m, p.ref())}
                  for p in m.plans],
    }
    monitoring = {
        "document": m.monitoring_document,
        "activities": [{"id": x.id, "permalink": url(x), "phase": x.get("phase"), "means": x.get("means"),
                        "text": m.text(x.ref()), "actors": list(x.get("actors")),
                        "reports_to": list(x.get("reports_to") or []), "source": _src(m, x.ref())}
                       for x in m.activities],
        "criteria": [{"id": c.id, "permalink": url(c), "text": m.text(c.ref()), "source": _src(m, c.ref())}
                     for c in m.criteria],
    }
    projects = [{"id": p.id, "permalink": url(p), "kind": p.get("kind"), "title_th": p.get("title_th"),
                 "missions": m.role_missions(p), "level": p.get("level"), "lead": p.get("lead"),
                 "partners": list(p.get("partners") or []), "year_be": p.get("year_be"),
                 "location": resolve(p.get("location")) if p.get("location") else None,
                 "tiers": list(p.get("tiers") or []), "tools": list(p.get("tools") or []),
                 "status_th": p.get("status_th"), "source": _src(m, p.ref())} for p in m.projects]
    glossary = [{"id": t.id, "permalink": url(t), "term": t.get("term"), "abbr": t.get("abbr"),
                 "aliases": list(t.get("aliases") or []), "definition": t.get("definition"),
                 "source": _src(m, t.ref()) if t.get("source") else None} for t in m.glossary]
    timeline = [{"id": e.id, "permalink": url(e), "date": str(e.get("date")),
                 "end": str(e.get("end")) if e.get("end") else None, "date_be": e.get("date_be"),
                 "title_th": e.get("title_th"), "source": _src(m, e.ref()),
                 "also": [_src(m, r) for r in e.refs("also")]} for e in m.timeline]
    return {"documents": documents, "agencies": agencies, "roles": roles, "missions": missions,
            "guidance": guidance, "monitoring": monitoring, "projects": projects, "glossary": glossary,
            "timeline": timeline}


def redirect_pages(corpus: Corpus, model: Model, docs: list[NormalizedDoc]) -> dict[str, str]:
    """An HTML page at every redirected page URL that no longer exists; anchor-only
    redirects go to data/redirects.json, which permalink.js consults on arrival."""
    by_page: dict[str, dict[str, str]] = {}
    for old, new, _ in model.redirects:
        page, _, anchor = old.partition("#")
        by_page.setdefault(page, {})[anchor] = new
    out = {"data/redirects.json": json.dumps({o: n for o, n, _ in model.redirects},
                                             ensure_ascii=False, indent=1)}
    current = permalinks(corpus, model, docs)
    for page, targets in by_page.items():
        if page in current:
            continue  # the page still exists: only some of its anchors moved
        depth = page.rstrip("/").count("/") + 1
        up = "../" * depth
        rel = {("#" + a if a else ""): up + t for a, t in targets.items()}
        default = rel.get("") or next(iter(rel.values()))
        out[posixpath.join(page, "index.html")] = (
            '<!doctype html><html lang="th"><head><meta charset="utf-8">'
            f'<title>ย้ายไปแล้ว</title><meta http-equiv="refresh" content="0; url={h(default)}">'
            f'<link rel="canonical" href="{h(default)}">'
            f"<script>var t={json.dumps(rel, ensure_ascii=False)};"
            "location.replace(t[location.hash]||t['']||" + json.dumps(default) + "+location.hash);</script>"
            f'</head><body><p>หน้านี้ย้ายไปที่ <a href="{h(default)}">{h(default)}</a></p></body></html>\n')
    return out


def open_data_files(corpus: Corpus, model: Model, docs: list[NormalizedDoc]) -> dict[str, str]:
    """{site path: content}: data/*.json and the redirect pages of renamed permalinks."""
    files = {f"data/{name}.json": json.dumps(data, ensure_ascii=False, indent=1)
             for name, data in records(corpus, model, docs).items()}
    files.update(redirect_pages(corpus, model, docs))
    return files


def open_data_page() -> str:
    rows = [[f"[{name}.json]({link(OPEN_DATA_PAGE, f'data/{name}.json')})", desc] for name, desc in FILES.items()]
    return "\n".join([
        "---", "title: ข้อมูลเปิด (JSON)", "---", "",
        "# ข้อมูลเปิด (JSON)", "",
        "ข้อมูลความรู้ของโครงการในรูปแบบ JSON (UTF-8) สำหรับระบบอื่น เช่น แพลตฟอร์มฝึกอบรมหรือแดชบอร์ดจังหวัด "
        "ทุกระเบียนมีช่อง `permalink` เป็นที่อยู่ถาวรของหน้าในเว็บไซต์นี้ (ต่อท้ายที่อยู่เว็บไซต์) "
        "ข้อความของบทบาทและขั้นตอนมาจากหนังสือราชการต้นฉบับที่ตรวจแก้แล้ว พร้อมช่อง `source` บอกเอกสารและข้อ", "",
        table(["ไฟล์", "เนื้อหา"], rows), "",
        "ลิงก์ที่เปลี่ยนชื่อแล้วยังใช้ได้: ระบบสร้างหน้าส่งต่อจาก [redirects.json](data/redirects.json)", ""])
