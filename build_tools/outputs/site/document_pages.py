"""Site pages generated from the normalized documents (Markdown for MkDocs).

Pages are written by our build step, not by an MkDocs plugin, so mkdocs.yml stays
plain.  URLs are permalinks: documents/<id>/ with clause anchors #c3-2-1 and paragraph
anchors #l<raw line> (raw files are immutable, so a raw line number never moves)."""
from __future__ import annotations

import json
import sys

from build_tools.common.cache import code_version, digest
from build_tools.knowledge import urls as urls_mod
from build_tools.normalization.clauses import Block
from build_tools.outputs.site import markup as markup_mod
from build_tools.sources.corpus import DOC_TYPES, Corpus
from build_tools.knowledge.urls import DOCUMENTS_PAGE, doc_page, link, raw_page
from build_tools.outputs.site.markup import attrs, escape, table
from build_tools.normalization.documents import NormalizedDoc
from build_tools.common.thai import fold_number
from build_tools.common.thaidate import format_thai_date
from build_tools.outputs.site.model_pages import document_defines, model_nav, model_pages


def agency_label(corpus: Corpus, agency_id: str) -> str:
    a = corpus.agencies[agency_id]
    return f"{a.get('name_th')} ({a.get('abbr')})" if a.get("abbr") else str(a.get("name_th"))


def _permalink(anchor: str) -> str:
    return (f'<a class="permalink-copy" href="#{anchor}" title="ลิงก์ถาวรของข้อนี้ (คลิกเพื่อคัดลอก)" '
            f'data-anchor="{anchor}">¶</a>')


def block_of(nd: NormalizedDoc, raw_line: int) -> Block | None:
    return next((b for b in nd.blocks if raw_line in b.src), None)


# Readings of other documents listed in a conflict note: a count that thousands of
# letters give differently must not put thousands of lines on every one of them.
MAX_OTHER_READINGS = 6


class ReadingsView:
    """A conflict's readings indexed once, so each document's note picks what to show
    without scanning all of them (a count given by thousands of letters would otherwise
    cost letters x readings)."""

    def __init__(self, readings: list):
        self.readings = list(readings)
        self.by_doc: dict[str, list[int]] = {}
        by_value: dict[str, list[int]] = {}
        for i, r in enumerate(self.readings):
            self.by_doc.setdefault(r.doc_id, []).append(i)
            by_value.setdefault(fold_number(r.value), []).append(i)
        self.values = list(by_value.values())  # index lists, by first appearance

    def mine(self, doc_id: str) -> list:
        return [self.readings[i] for i in self.by_doc.get(doc_id, [])]

    def show(self, doc_id: str) -> tuple[list, int]:
        """This document's readings and up to MAX_OTHER_READINGS others (one of each
        other value first), in their original order; and how many others were left out."""
        mine = set(self.by_doc.get(doc_id, []))
        n_others = len(self.readings) - len(mine)
        if n_others <= MAX_OTHER_READINGS:
            return list(self.readings), 0
        firsts: list[int] = []
        for idxs in self.values:
            # Values come by first appearance: once MAX firsts all come before this
            # value's first reading, no later value can enter the list.
            if len(firsts) >= MAX_OTHER_READINGS and sorted(firsts)[MAX_OTHER_READINGS - 1] < idxs[0]:
                break
            i = next((i for i in idxs if i not in mine), None)
            if i is not None:
                firsts.append(i)
        keep = sorted(firsts)[:MAX_OTHER_READINGS]
        if len(keep) < MAX_OTHER_READINGS:
            chosen = set(firsts)
            for i in range(len(self.readings)):
                if len(keep) >= MAX_OTHER_READINGS:
                    break
                if i not in mine and i not in chosen:
                    keep.append(i)
        shown = [self.readings[i] for i in sorted(mine | set(keep))]
        return shown, n_others - len(keep)


def conflicts_by_doc(conflicts) -> dict[str, list]:
    """document id -> [(conflict, ReadingsView)] for the conflicts it has a reading in
    (once per build: scanning every conflict for every document costs documents x
    readings)."""
    out: dict[str, list] = {}
    for c in conflicts:
        view = ReadingsView(c.readings)
        for doc_id in view.by_doc:
            out.setdefault(doc_id, []).append((c, view))
    return out


def conflict_notes(conflicts, nd: NormalizedDoc, docs: dict[str, NormalizedDoc],
                   by_doc: dict[str, list] | None = None) -> dict[int, list[str]]:
    """Admonitions to place at the block holding each reading of a number conflict in
    this document: both readings, and the maintainer's decision once recorded.
    `by_doc` (conflicts_by_doc) saves scanning every conflict."""
    notes: dict[int, list[str]] = {}
    here = doc_page(nd.id)
    if by_doc is None:
        by_doc = conflicts_by_doc(conflicts)
    for c, view in by_doc.get(nd.id, []):
        mine = view.mine(nd.id)
        shown, hidden = view.show(nd.id)
        lines = []
        for r in shown:
            od = docs.get(r.doc_id)
            title = escape(str(od.doc.get("short_title") or od.doc.get("title"))) if od else r.doc_id
            b = block_of(od, r.line) if od else None
            anchor = b.anchor if b is not None and b.kind != "header" else None
            where = "เอกสารฉบับนี้" if r.doc_id == nd.id else                 f"[{title}]({link(here, doc_page(r.doc_id), anchor)})"
            lines.append(f"- {where} (ต้นฉบับ OCR บรรทัด {r.line}) อ่านได้ว่า **{escape(r.value)}**")
        if hidden:
            lines.append(f"- และอีก {hidden} แห่งในเอกสารอื่น (`python -m build_tools check` แสดงทั้งหมด)")
        if c.decision is None:
            head = f'!!! warning no-search "ตัวเลขไม่ตรงกันระหว่างเอกสาร ({escape(c.subject)}) ยังไม่มีข้อยุติ"'
            tail = ("ระบบไม่แก้ตัวเลขโดยการคาดเดา ข้อความคงตัวเลขตามที่พิมพ์ไว้ในต้นฉบับ "
                    "โปรดตรวจกับหนังสือฉบับจริงก่อนอ้างอิง จนกว่าผู้ดูแลคลังเอกสารจะบันทึกข้อยุติ")
        else:
            head = f'!!! note no-search "ข้อยุติเรื่องตัวเลข ({escape(c.subject)})"'
            tail = (f"ผู้ดูแลคลังเอกสารบันทึกข้อยุติแล้วว่าที่ถูกต้องคือ **{escape(c.decision)}** "
                    f"หลักฐาน: {escape(c.decision_note)}")
        body = [head, "", *("    " + l for l in lines), "", "    " + tail, ""]
        for r in mine:
            notes.setdefault(r.line, []).append("\n".join(body))
    return notes


def _notes_for(block: Block, notes: dict[int, list[str]], done: set) -> list[str]:
    out = []
    for n in block.src:
        for note in notes.get(n, []):
            if (n, note) not in done:
                done.add((n, note))
                out += [note, ""]
    return out


def render_blocks(blocks: list[Block], notes: dict[int, list[str]] | None = None) -> str:
    notes = notes or {}
    done: set = set()
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
                # an empty span gives each header line its paragraph anchor (l<raw line>)
                out.append(f'<span class="anchor" id="{b.anchor}"></span>' + escape(b.text) + "  ")
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
        for b in header:
            out += _notes_for(b, notes, done)
    in_list = False
    pending: list[str] = []  # notes of list items wait for the end of the list
    for b in blocks:
        if b.kind in ("header", "stamp"):  # shown above the text / in the stamp section
            continue
        if b.kind == "item":
            # attr_list cannot give a list item an id: an empty anchor span does.
            text = b.text[1:].lstrip() if b.text.startswith("-") else b.text
            link_ = f" {_permalink(b.anchor)}" if b.clause else ""
            out.append(f'- <span class="anchor" id="{b.anchor}"></span>{escape(text)}{link_}')
            pending += _notes_for(b, notes, done)
            in_list = True
            continue
        if in_list:
            out.append("")
            out += pending
            pending = []
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
        out += _notes_for(b, notes, done)
    if pending:
        out += [""] + pending
    return "\n".join(out).rstrip() + "\n"


def document_page(corpus: Corpus, nd: NormalizedDoc, conflicts=(), docs=None, by_doc=None,
                  cited_by=None) -> str:
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
                 f"[{escape(d.raw)} บรรทัด {d.first_line}–{d.last_line}]({link(doc_page(d.id), raw_page(d.id))})"
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
    if d.get("synthetic"):
        parts[6:6] = ['!!! danger "เอกสารสังเคราะห์ ไม่ใช่หนังสือราชการจริง"', "",
                      "    สร้างขึ้นโดยโปรแกรมเพื่อทดสอบความเร็วของระบบเท่านั้น ห้ามอ้างอิงหรือเผยแพร่", ""]
    parts += reference_sections(corpus, d, cited_by)
    stamps = [b for b in nd.blocks if b.kind == "stamp"]
    if stamps:
        parts += ["## ตราประทับรับหนังสือ {: #receipt-stamps }", "",
                  "ตราประทับของหน่วยงานผู้รับ (ไม่ใช่เนื้อความของหนังสือ):", ""]
        parts += [f'- <span class="anchor" id="{b.anchor}"></span>{escape(b.text)}' for b in stamps]
        parts += [""]
    if d.notes:
        parts += ['!!! note "หมายเหตุผู้ดูแลคลังเอกสาร"', "", *("    " + l for l in d.notes.split("\n")), ""]
    notes = conflict_notes(conflicts, nd, docs or {nd.id: nd}, by_doc)
    parts += ["## เนื้อความ {: #text }", "", render_blocks(nd.blocks, notes)]
    return "\n".join(parts)


# --- references between letters (front matter `references`, written by `ingest`) ---
MATCH_LABELS = {
    "exact": "",
    "probable": ' <span class="probable-match">⚠ น่าจะตรงกัน (เลขที่ไม่ตรงทุกตัว รอผู้ดูแลตรวจยืนยัน)</span>',
    "none": " (ยังไม่มีในคลังเอกสาร)",
}


def citations_by_target(corpus: Corpus) -> dict[str, list]:
    """document id -> [(citing document, its reference)], built once per build (a scan
    of every document for every document costs documents x documents)."""
    out: dict[str, list] = {}
    for o in corpus.documents:
        for r in o.get("references") or []:
            if r.get("id"):
                out.setdefault(r["id"], []).append((o, r))
    return out


def reference_sections(corpus: Corpus, d, cited_by: dict[str, list] | None = None) -> list[str]:
    """'อ้างถึง' (the letters this one cites) and 'ถูกอ้างถึงโดย' (the ones citing it).
    `cited_by`: citations_by_target(corpus), when rendering many documents."""
    out: list[str] = []
    here = doc_page(d.id)
    refs = d.get("references") or []
    if refs:
        out += ["## อ้างถึง {: #references }", ""]
        for r in refs:
            label = " ".join(x for x in [str(r.get("via") or ""),
                                         f"ที่ {r['number']}" if r.get("number") else "",
                                         f"ลงวันที่ {r['date_be']}" if r.get("date_be") else ""] if x)
            target = ""
            if r.get("id"):
                cited = corpus.document(r["id"])
                target = (f" → [{escape(str(cited.get('short_title') or cited.get('title')))}]"
                          f"({link(here, doc_page(cited.id))})")
            out.append(f"- {escape(label)}{target}{MATCH_LABELS.get(r.get('match', 'none'), '')}")
        out.append("")
    citing = (cited_by if cited_by is not None else citations_by_target(corpus)).get(d.id, [])
    if citing:
        out += ["## ถูกอ้างถึงโดย {: #referenced-by }", ""]
        for o, r in citing:
            out.append(f"- [{escape(str(o.get('short_title') or o.get('title')))}]({link(here, doc_page(o.id))})"
                       f"{MATCH_LABELS.get(r.get('match', 'none'), '')}")
        out.append("")
    return out


RULE_LABELS = {
    "nfc": "ปรับรหัสอักขระให้เป็นมาตรฐาน (NFC)",
    "strip_invisible": "ลบอักขระที่มองไม่เห็น",
    "compose_sara_am": "รวมสระอำที่แยกเป็น ํ + า",
    "merge_doubled_vowels": "รวมสระเอสองตัว (เเ) เป็นสระแอ",
    "order_tone_marks": "เรียงวรรณยุกต์ไว้หลังสระ",
    "drop_duplicate_marks": "ลบสระหรือวรรณยุกต์ที่ซ้ำ",
    "strip_trailing_space": "ลบช่องว่างท้ายบรรทัด",
    "strip_markdown_emphasis": "ลบเครื่องหมายตัวหนาที่โปรแกรม OCR ใส่",
    "clean_table_debris": "แปลงตารางที่โปรแกรม OCR สร้างเป็นบรรทัดข้อความ",
    "move_receipt_stamps": "ย้ายตราประทับรับหนังสือไปไว้ในข้อมูลเอกสาร",
    "drop_catch_words": "ลบคำต่อหน้า (คำซ้ำท้ายหน้า)",
    "drop_ocr_noise": "ลบเศษอักขระที่โปรแกรม OCR อ่านจากตราประทับหรือลายมือชื่อ",
    "drop_page_numbers": "ลบเลขหน้า",
    "join_broken_lines": "ต่อบรรทัดที่ขาดตามความกว้างหน้ากระดาษ",
    "repair_mixed_script": "แก้อักษรต่างภาษาที่ปนในคำไทย",
}


def rule_label(rule: str, code: bool = True) -> str:
    """Thai description of a rule; `code` adds the rule's name for maintainers."""
    if rule.startswith("correction:"):
        return f"แก้คำตามบัญชีคำแก้ที่ตรวจทานแล้ว (รายการ `{rule.split(':', 1)[1]}`)"
    label = RULE_LABELS.get(rule, rule)
    return f"{label} (`{rule}`)" if code else label


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>") or "—"


def side_by_side(corpus: Corpus, nd: NormalizedDoc) -> list[list[str]]:
    """Rows of (raw lines, raw text, normalized text with a link to it, what changed),
    in raw-line order; raw lines that were removed show what removed them."""
    d = nd.doc
    raw = corpus.raw_lines(d)
    here = raw_page(d.id)
    made_from: dict[int, int] = {}
    for i, line in enumerate(nd.lines):
        for n in line.src:
            made_from.setdefault(n, i)
    rules_at: dict[int, list[str]] = {}
    for c in nd.ctx.changes:
        for n in c.lines:
            if c.rule not in rules_at.setdefault(n, []):
                rules_at[n].append(c.rule)
    rows, done = [], set()
    for k, text in enumerate(raw):
        n = d.first_line + k
        if not text.strip() and n not in rules_at:
            continue
        i = made_from.get(n)
        if i is None:
            rows.append([str(n), _cell(text), "(ลบออก)",
                         "<br>".join(rule_label(r, code=False) for r in rules_at.get(n, [])) or "—"])
            continue
        if i in done:
            continue
        done.add(i)
        line = nd.lines[i]
        srcs = [m for m in line.src if d.first_line <= m <= d.last_line]
        raw_text = "\n".join(raw[m - d.first_line] for m in srcs)
        b = next((b for b in nd.blocks if n in b.src), None)
        target = link(here, doc_page(d.id), b.anchor if b is not None and b.kind != "header" else None)
        rules = sorted({r for m in srcs for r in rules_at.get(m, [])})
        where = f"{srcs[0]}" + (f"–{srcs[-1]}" if len(srcs) > 1 else "")
        rows.append([where, _cell(raw_text), f"{_cell(line.text)} [↗]({target})",
                     "<br>".join(rule_label(r, code=False) for r in rules) or "ไม่แก้ไข"])
    return rows


def raw_text_page(corpus: Corpus, nd: NormalizedDoc) -> str:
    d = nd.doc
    raw_lines = corpus.raw_lines(d)
    numbered = "\n".join(f"{d.first_line + i:>4}  {t}" for i, t in enumerate(raw_lines))
    rows = []
    for c in sorted(nd.ctx.changes, key=lambda c: min(c.lines)):
        where = ", ".join(str(n) for n in c.lines)
        rows.append([where, rule_label(c.rule), escape(c.before.replace("\n", " ⏎ "))[:300] or "—",
                     escape(c.after)[:300] or "(ลบออก)", escape(c.reason)])
    stamps = nd.ctx.extracted.get("receipt_stamps") or []
    stamp_rows = [[escape(s.get("office", "—")), escape(s.get("kind", "")), escape(s.get("number", "—")),
                   escape(s.get("date", "—")), escape(s.get("time", "—")),
                   ", ".join(map(str, s["raw_lines"]))] for s in stamps]
    parts = [
        "---",
        f"title: {_yaml_str('ต้นฉบับ OCR: ' + str(d.get('short_title') or d.get('title')))}",
        # Uncorrected scan text: site search points to the corrected document instead.
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# ต้นฉบับ OCR: {escape(str(d.get('title')))}",
        "",
        f"หน้านี้แสดงข้อความดิบจากการสแกน (ไฟล์ `{d.raw}` บรรทัด {d.first_line}–{d.last_line}) "
        f"ตามที่ได้รับ ไม่มีการแก้ไข เทียบกับ[ข้อความที่ตรวจแก้แล้ว]({link(raw_page(d.id), doc_page(d.id))}) "
        f"ทีละบรรทัด พร้อมเหตุผลของการแก้ไขทุกจุด ({len(nd.ctx.changes)} จุด) "
        "ระบบไม่แก้ตัวเลข เลขที่หนังสือ หรือชื่อบุคคลโดยการคาดเดา "
        "การแก้คำทุกคำมาจากบัญชีคำแก้ที่ผู้ดูแลตรวจทานแล้ว",
        "",
        "## เทียบต้นฉบับกับข้อความที่ตรวจแก้แล้ว {: #side-by-side }",
        "",
        table(["บรรทัดต้นฉบับ", "ต้นฉบับ OCR", "ข้อความที่ตรวจแก้แล้ว", "สิ่งที่แก้ไข"],
              side_by_side(corpus, nd)),
        "",
    ]
    if stamp_rows:
        parts += ["## ตราประทับรับหนังสือ {: #receipt-stamps }", "",
                  "ตราประทับของหน่วยงานผู้รับไม่ใช่เนื้อความของหนังสือ จึงย้ายออกจากเนื้อความมาไว้ที่นี่", "",
                  table(["หน่วยงานผู้รับ", "ประเภท", "เลข", "วันที่", "เวลา", "บรรทัดต้นฉบับ"], stamp_rows), ""]
    parts += [
        "## รายการแก้ไขทั้งหมด {: #changes }",
        "",
        table(["บรรทัดต้นฉบับ", "กฎหรือรายการแก้คำ", "ก่อน", "หลัง", "เหตุผล"], rows) if rows else "ไม่มีการแก้ไข",
        "",
        "## ข้อความดิบทั้งฉบับ {: #raw-text }",
        "",
        "```text",
        numbered,
        "```",
        "",
    ]
    return "\n".join(parts)


def documents_index(corpus: Corpus, docs: list[NormalizedDoc]) -> str:
    rows = []
    for nd in docs:
        d = nd.doc
        rows.append([
            f"[{escape(str(d.get('short_title') or d.get('title')))}]({link(DOCUMENTS_PAGE, doc_page(d.id))})",
            DOC_TYPES[d.get("doc_type")],
            escape(str(d.get("number") or "—")),
            format_thai_date(d.date),
            escape(corpus.agencies[d.get("issuer")].get("abbr") or corpus.agencies[d.get("issuer")].get("name_th")),
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


# Every page carries the whole navigation, so listing N documents in it costs N x N:
# above this many, the navigation shows only the list page (which links every document).
NAV_MAX_DOCUMENTS = 50


def cached_raw_text_page(corpus: Corpus, nd: NormalizedDoc, cache) -> str:
    """raw_text_page, from `cache` (common/cache.py) when the document's raw lines,
    normalized text, changes, blocks and front matter and this code are unchanged."""
    if cache is None:
        return raw_text_page(corpus, nd)
    d = nd.doc
    key = digest(code_version(sys.modules[__name__], markup_mod, urls_mod), nd.to_markdown(), nd.changes_json(),
                 corpus.raw_lines(d), d.raw, d.first_line, nd.lines, [(b.anchor, b.kind, b.src) for b in nd.blocks],
                 json.dumps(d.meta, ensure_ascii=False, sort_keys=True, default=str))
    page = cache.get(key)
    if page is None:
        page = raw_text_page(corpus, nd)
        cache.put(key, page)
    return page


def generate_pages(corpus: Corpus, docs: list[NormalizedDoc], model=None,
                   conflicts=(), cache=None) -> tuple[dict[str, str], list]:
    """Return ({relative path: Markdown}, nav) for the generated part of the site.
    `cache`: a ContentCache for the raw-text pages (the build's)."""
    pages = {DOCUMENTS_PAGE: documents_index(corpus, docs)}
    doc_nav = [DOCUMENTS_PAGE]
    by_id = {nd.id: nd for nd in docs}
    defines = document_defines(corpus, model, docs) if model else {}
    by_doc = conflicts_by_doc(conflicts)
    cited_by = citations_by_target(corpus)
    for nd in docs:
        pages[doc_page(nd.id)] = (document_page(corpus, nd, conflicts, by_id, by_doc, cited_by)
                                  + defines.get(nd.id, ""))
        pages[raw_page(nd.id)] = cached_raw_text_page(corpus, nd, cache)
        if len(docs) <= NAV_MAX_DOCUMENTS:
            doc_nav.append({str(nd.doc.get("short_title") or nd.doc.get("title")): doc_page(nd.id)})
    nav = [
        {"หน้าแรก": "index.md"},
        {"หนังสือราชการและเอกสาร": doc_nav},
        *(model_nav(corpus, model) if model else []),
        {"การค้นหา": "search-help.md"},
        {"คู่มือผู้ดูแล: เพิ่มหนังสือใหม่": "maintainers.md"},
        {"เกี่ยวกับเว็บไซต์": "about.md"},
    ]
    if model:
        pages.update(model_pages(corpus, model, docs))
    return pages, nav
