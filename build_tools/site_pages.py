"""Site pages generated from the normalized documents (Markdown for MkDocs).

Pages are written by our build step, not by an MkDocs plugin, so mkdocs.yml stays
plain.  URLs are permalinks: documents/<id>/ with clause anchors #c3-2-1 and paragraph
anchors #l<raw line> (raw files are immutable, so a raw line number never moves)."""
from __future__ import annotations

from build_tools.clauses import Block
from build_tools.corpus import DOC_TYPES, Corpus
from build_tools.markdown import attrs, escape, link, table
from build_tools.normalized import NormalizedDoc
from build_tools.thaidate import format_thai_date


def doc_url(doc_id: str, anchor: str | None = None) -> str:
    """Site-relative permalink of a document (or one of its clauses)."""
    return f"documents/{doc_id}/" + (f"#{anchor}" if anchor else "")


def doc_page(doc_id: str) -> str:
    return f"documents/{doc_id}.md"


def raw_page_path(doc_id: str) -> str:
    return f"raw/{doc_id}.md"


def agency_label(corpus: Corpus, agency_id: str) -> str:
    a = corpus.agencies[agency_id]
    return f"{a.get('name_th')} ({a.get('abbr')})"


def _permalink(anchor: str) -> str:
    return (f'<a class="permalink-copy" href="#{anchor}" title="ลิงก์ถาวรของข้อนี้ (คลิกเพื่อคัดลอก)" '
            f'data-anchor="{anchor}">¶</a>')


def render_blocks(blocks: list[Block]) -> str:
    out: list[str] = []
    header = [b for b in blocks if b.kind == "header"]
    if header:
        out.append('<div class="letter-header" markdown>')
        out.append("")
        rows = []
        for b in header:
            if b.kind == "header" and b.text.startswith("|"):
                rows.append(escape(b.text))
            else:
                out.append(escape(b.text) + "  ")
        out.append("")
        out.append("</div>")
        out.append("")
        if rows:
            out.append('<div class="letter-header" markdown>')
            out.append("")
            out.extend(r.replace("\\|", "|") for r in rows)
            out.append("")
            out.append("</div>")
            out.append("")
    in_list = False
    for b in blocks:
        if b.kind == "header":
            continue
        if b.kind == "item":
            # attr_list cannot give a list item an id: an empty anchor span does.
            text = b.text[1:].lstrip() if b.text.startswith("-") else b.text
            link_ = f" {_permalink(b.anchor)}" if b.clause else ""
            out.append(f'- <span class="anchor" id="{b.anchor}"></span>{escape(text)}{link_}')
            in_list = True
            continue
        if in_list:
            out.append("")
            in_list = False
        if b.kind == "table":
            out.append(b.text)
            continue
        if b.kind == "clause":
            out.append(f"{escape(b.text)} {_permalink(b.anchor)}")
            out.append(attrs(b.anchor, "clause"))
        else:
            out.append(escape(b.text))
            out.append(attrs(b.anchor))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def document_page(corpus: Corpus, nd: NormalizedDoc) -> str:
    d = nd.doc
    rows = [["ประเภท", DOC_TYPES[d.get("doc_type")]]]
    if d.get("number"):
        rows.append(["ที่ (เลขที่หนังสือ)", escape(str(d.get("number")))])
    rows.append(["ลงวันที่", f"{format_thai_date(d.date)} ({d.date.isoformat()})"])
    if d.get("date_basis"):
        rows.append(["หมายเหตุวันที่", escape(str(d.get("date_basis")))])
    rows.append(["หน่วยงานที่ออก", escape(agency_label(corpus, d.get("issuer")))])
    if d.get("drafted_by"):
        rows.append(["ผู้จัดทำร่าง", escape(agency_label(corpus, d.get("drafted_by")))])
    if d.get("addressee"):
        rows.append(["เรียน", escape(str(d.get("addressee")))])
    if d.get("subject"):
        rows.append(["เรื่อง", escape(str(d.get("subject")))])
    if d.get("urgency"):
        rows.append(["ชั้นความเร็ว", escape(str(d.get("urgency")))])
    rows.append(["ที่มา (ต้นฉบับ OCR)",
                 f"[{escape(d.raw)} บรรทัด {d.first_line}–{d.last_line}]({link(doc_page(d.id), raw_page_path(d.id))})"
                 f" · แก้ไขจาก OCR {len(nd.ctx.changes)} จุด"])
    parts = [
        "---",
        f"title: {_yaml_str(d.get('short_title') or d.get('title'))}",
        "---",
        "",
        f"# {escape(str(d.get('title')))}",
        "",
        table(["รายการ", "ข้อมูล"], rows),
        "",
    ]
    if d.notes:
        parts += ['!!! note "หมายเหตุผู้ดูแลคลังเอกสาร"', "", *("    " + l for l in d.notes.split("\n")), ""]
    parts += ["## เนื้อความ {: #text }", "", render_blocks(nd.blocks)]
    return "\n".join(parts)


def raw_page(corpus: Corpus, nd: NormalizedDoc) -> str:
    d = nd.doc
    raw_lines = corpus.raw_lines(d)
    numbered = "\n".join(f"{d.first_line + i:>4}  {t}" for i, t in enumerate(raw_lines))
    rows = []
    for c in nd.ctx.changes:
        where = ", ".join(str(n) for n in c.lines)
        rows.append([where, f"`{c.rule}`", escape(c.before.replace("\n", " ⏎ "))[:200] or "—",
                     escape(c.after)[:200] or "(ลบออก)", escape(c.reason)])
    return "\n".join([
        "---",
        f"title: {_yaml_str('ต้นฉบับ OCR: ' + str(d.get('short_title') or d.get('title')))}",
        # Uncorrected scan text: site search points to the corrected document instead.
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# ต้นฉบับ OCR: {escape(str(d.get('title')))}",
        "",
        f"ข้อความดิบจากการสแกน (ไฟล์ `{d.raw}` บรรทัด {d.first_line}–{d.last_line}) "
        f"ตามที่ได้รับ ไม่มีการแก้ไข และรายการแก้ไขทุกจุดที่ระบบทำเพื่อให้ได้ "
        f"[ข้อความที่อ่านง่าย]({link(raw_page_path(d.id), doc_page(d.id))})",
        "",
        "## ข้อความดิบ {: #raw-text }",
        "",
        "```text",
        numbered,
        "```",
        "",
        "## รายการแก้ไข {: #changes }",
        "",
        table(["บรรทัดต้นฉบับ", "กฎ", "ก่อน", "หลัง", "เหตุผล"], rows) if rows else "ไม่มีการแก้ไข",
        "",
    ])


def documents_index(corpus: Corpus, docs: list[NormalizedDoc]) -> str:
    rows = []
    for nd in docs:
        d = nd.doc
        rows.append([
            f"[{escape(str(d.get('short_title') or d.get('title')))}]({link('documents/index.md', doc_page(d.id))})",
            DOC_TYPES[d.get("doc_type")],
            escape(str(d.get("number") or "—")),
            format_thai_date(d.date),
            escape(corpus.agencies[d.get("issuer")].get("abbr")),
        ])
    return "\n".join([
        "---", "title: หนังสือราชการและเอกสาร", "---", "",
        "# หนังสือราชการและเอกสารของโครงการ", "",
        "เอกสารทุกฉบับในคลัง ถอดจากการสแกน (OCR) และตรวจแก้แล้ว "
        "แต่ละฉบับมีลิงก์ไปยังต้นฉบับ OCR เพื่อเทียบข้อความได้ทุกบรรทัด", "",
        table(["เอกสาร", "ประเภท", "เลขที่", "ลงวันที่", "หน่วยงาน"], rows), "",
    ])


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate_pages(corpus: Corpus, docs: list[NormalizedDoc]) -> tuple[dict[str, str], list]:
    """Return ({relative path: Markdown}, nav) for the generated part of the site."""
    pages = {"documents/index.md": documents_index(corpus, docs)}
    doc_nav = ["documents/index.md"]
    for nd in docs:
        pages[doc_page(nd.id)] = document_page(corpus, nd)
        pages[raw_page_path(nd.id)] = raw_page(corpus, nd)
        doc_nav.append({str(nd.doc.get("short_title") or nd.doc.get("title")): doc_page(nd.id)})
    nav = [
        {"หน้าแรก": "index.md"},
        {"หนังสือราชการและเอกสาร": doc_nav},
        {"การค้นหา": "search-help.md"},
        {"เกี่ยวกับเว็บไซต์": "about.md"},
    ]
    return pages, nav
