"""What `search` prints: the answer card first, then the hits (a near spelling said so
on its hit), or, when nothing matched, which words matched nothing and the pages to
browse instead; with --explain, how the question was read.  --json prints the same as
one object (query, answer, hits; unmatched and browse when there are no hits)."""
from __future__ import annotations

import json

from build_tools.search.query import Result

KIND_TH = {"who": "หน่วยงานที่รับผิดชอบ", "when": "วันที่", "how_many": "จำนวน", "what_is": "ความหมาย",
           "which_document": "เอกสารอ้างอิง", "steps": "ขั้นตอน"}


def as_json(result: Result) -> str:
    return json.dumps(result.as_json(), ensure_ascii=False, indent=2)


def card_lines(card: dict) -> list[str]:
    out = [f"คำตอบ ({KIND_TH.get(card['kind'], card['kind'])}): {card['text']}"]
    for item in card.get("items") or []:
        out.append(f"  - {item['text']}  /{item['url']}")
    out.append(f"  /{card['url']}" + (f"  (ที่มา: /{card['source']})" if card.get("source") else ""))
    return out


def text_lines(result: Result, explain: bool = False) -> list[str]:
    out = []
    if explain:
        out += ["how the query was read:", *("  " + line for line in result.explain), ""]
    if result.parsed.truncated:
        out.append("คำค้นยาวเกินไป ค้นเฉพาะส่วนแรก (the query was cut to its first words)")
    if result.answer:
        out += card_lines(result.answer) + [""]
    if not result.hits:
        out.append("ไม่พบผลลัพธ์ (no results)")
        if result.unmatched:
            out.append("ไม่พบคำว่า " + " ".join(f"“{w}”" for w in result.unmatched) + " ในเอกสารของโครงการ")
        if result.browse:
            out.append("ลองดูหน้ารวม: " + " · ".join(f"{b['label']} /{b['url']}" for b in result.browse))
        return out
    if all(h["match"] == "near" for h in result.hits):
        out.append("ไม่พบคำที่พิมพ์ตรงตัว แสดงผลของคำที่ใกล้เคียง (no exact match; showing near spellings)")
    for i, h in enumerate(result.hits, 1):
        section = f" · {h['section']}" if h["section"] else ""
        near = "  (คำที่ใกล้เคียง)" if h["match"] == "near" else ""
        out.append(f"{i}. {h['title']}{section}  [{h['score']:.2f}]{near}")
        out.append(f"   /{h['url']}")
        out.append(f"   {h['snippet']}")
    return out
