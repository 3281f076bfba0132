"""The review report of an ingest: in the terminal (print_plan) and as Markdown
(build/review/<raw>.md, beside its JSON): every document, what was read, every flag
with its id for `--accept`."""
from __future__ import annotations

from build_tools.ingest.flags import KINDS

FORM_NAMES = {"external": "หนังสือภายนอก", "memo": "บันทึกข้อความ", "stamped": "หนังสือประทับตรา",
              "order": "คำสั่ง", "announcement": "ประกาศ"}


def _cell(s) -> str:
    return str(s or "").replace("|", "\\|")


def _doc_markdown(d: dict) -> list[str]:
    form = f" · {FORM_NAMES[d['form']]}" if d.get("form") else ""
    out = [f"## {d['id']} ({d['doc_type']}{form})", "",
           f"- เลขที่: {d.get('number') or '-'} · ลงวันที่: {d.get('date_be') or '-'} ({d.get('date') or '-'})"
           f" · หน่วยงาน: {d.get('issuer') or '-'}" + (f" ({d['issuer_name']})" if d.get("issuer_name") else ""),
           f"- เรื่อง: {d.get('subject') or '-'} · เรียน: {d.get('addressee') or '-'}", ""]
    for r in d["references"]:
        out.append(f"- อ้างถึง {r['number'] or '-'} ({r['date'] or '-'}) → {r['id'] or 'ไม่พบในคลัง'} [{r['match']}]")
    for r in d.get("repairs") or []:
        out.append(f"- แก้ชื่อที่ OCR อ่านผิด ({r['field']}): '{r['before']}' → '{r['after']}' ({r['rule']})")
    if d["references"] or d.get("repairs"):
        out.append("")
    if not d["flags"]:
        return out + ["ไม่มีรายการที่ต้องตรวจ", ""]
    out += ["| รหัส | ประเภท | บรรทัด | ข้อความในไฟล์ | รายละเอียด | ข้อเสนอแนะ |", "|---|---|---|---|---|---|"]
    for f in d["flags"]:
        shown = f["wrong"] if f["kind"] in ("unknown_word", "mixed_script", "garbled") else ""
        out.append(f"| `{f['id']}` | {KINDS.get(f['kind'], f['kind'])} | {f['line'] or '-'} | "
                   f"{_cell(shown)} | {_cell(f['message'])} | {_cell(f['suggestion'])} |")
    return out + [""]


def review_markdown(p) -> str:
    out = [f"# รายงานตรวจทานการนำเข้า: {p.input.path.name}", "",
           f"- ไฟล์ดิบ: `corpus/raw/{p.raw_name}`" + (f" (สแกนต้นฉบับ `corpus/raw/{p.scan_name}`)"
                                                      if p.scan_name else ""),
           f"- SHA-256: `{p.input.sha256}`", *(f"- {n}" for n in p.input.notes), ""]
    for d in p.docs:
        out += _doc_markdown(d)
    out += ["รับข้อเสนอแนะ (บันทึกลง corpus/corrections.yaml ไม่แก้ไฟล์ดิบ):",
            "`python -m build_tools ingest --accept รหัส` (ใส่ `--right คำที่ถูก` เพื่อใช้คำอื่น)", ""]
    return "\n".join(out)


def print_plan(p, dry: bool) -> None:
    if p.duplicate_of:
        print(f"{p.input.path}: already in the corpus as corpus/raw/{p.duplicate_of} "
              "(same SHA-256); nothing to do")
        return
    verb = "would add" if dry else "adding"
    print(f"{p.input.path}: {verb} corpus/raw/{p.raw_name}" +
          (f" and the scan corpus/raw/{p.scan_name}" if p.scan_name else ""))
    for n in p.input.notes:
        print(f"  note: {n}")
    for d in p.docs:
        print(f"  {verb} corpus/documents/{d['id']}.md  [{d['doc_type']}] lines {d['source']['lines']}")
        print(f"    ที่ {d.get('number') or '-'} · {d.get('date_be') or '-'} · {d.get('issuer') or '-'}"
              f" · เรื่อง {d.get('subject') or '-'}")
        for r in d["references"]:
            print(f"    อ้างถึง {r['number'] or '-'} ({r['date'] or '-'}) -> {r['id'] or '-'} [{r['match']}]")
        for f in d["flags"]:
            hint = f" -> {f['suggestion']}" if f["suggestion"] else ""
            print(f"    {f['id']} line {f['line'] or '-'}: {f['kind']}: {f['message']}{hint}")
