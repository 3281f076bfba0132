"""What an analysed document becomes: its title, its front matter (corpus/documents/<id>.md)
and its --json record."""
from __future__ import annotations

from build_tools.sources.corpus import Corpus

FORM_TITLES = {"external": "หนังสือ", "memo": "บันทึกข้อความ", "stamped": "หนังสือประทับตรา",
               "order": "คำสั่ง", "announcement": "ประกาศ"}
# Agencies that stand for one office of many (a province, a district): the title names the office.
PLACE_BOUND = {"province", "district", "provincial-cd-office", "district-cd-office", "tao", "municipality", "pao"}


def _who(rec: dict, corpus: Corpus) -> tuple[str, str]:
    """(full name, short name) of the issuer for the title."""
    a = corpus.agencies.get(rec.get("issuer") or "")
    if a is None:
        name = rec.get("issuer_name") or ""
        return name, name
    if a.id in PLACE_BOUND and rec.get("issuer_name"):
        return rec["issuer_name"], rec["issuer_name"]
    return a.get("name_th"), a.get("abbr") or a.get("name_th")


def title(rec: dict, corpus: Corpus) -> tuple[str, str]:
    if rec["doc_type"] != "letter":
        return rec.get("title") or rec["id"], (rec.get("title") or rec["id"])[:60]
    who, short_who = _who(rec, corpus)
    kind = FORM_TITLES.get(rec.get("form") or "external", "หนังสือ")
    sep = " " if kind == "บันทึกข้อความ" else ""
    urgency = f" {rec['urgency']}" if rec.get("urgency") else ""
    number = f" ที่ {rec['number']}" if rec.get("number") else ""
    subject = f" เรื่อง {rec['subject']}" if rec.get("subject") else ""
    short = f"{kind}{sep if kind != 'หนังสือ' else ' '}{short_who}{number}" if number else \
        f"{kind}{sep}{who} ลงวันที่ {rec.get('date_be') or '-'}"
    return f"{kind}{sep}{who}{urgency}{number}{subject}", short


def front_matter(rec: dict, corpus: Corpus) -> dict:
    full, short = title(rec, corpus)
    fm = {
        "id": rec["id"], "title": full, "short_title": short, "doc_type": rec["doc_type"],
        "number": rec.get("number"), "date_be": rec.get("date_be"), "date_basis": rec.get("date_basis"),
        "issuer": rec.get("issuer"), "drafted_by": rec.get("drafted_by"),
        "addressee": rec.get("addressee"), "subject": rec.get("subject"), "urgency": rec.get("urgency"),
        "references": [{k: v for k, v in {"number": r.get("number"), "date_be": r.get("date_be"),
                                          "id": r.get("id"), "match": r["match"],
                                          "via": r.get("via")}.items() if v}
                       for r in rec.get("references") or []
                       if r.get("number") or r.get("date_be") or r.get("id")],  # (else its flag says what was read)
        "enclosures": [{k: v for k, v in e.items() if k != "line" and v} for e in rec.get("enclosures") or []],
        "signatory": ({k: v for k, v in rec["signatory"].items() if k != "line" and v}
                      if rec.get("signatory") else None),
        "unit": rec.get("unit"),
        "contact": [{"kind": c["kind"], "number": c["number"]} for c in rec.get("contact") or []],
        "receipt_stamps": [{k: v for k, v in {"receiver": s["receiver"], "kind": s["kind"],
                                              "number": s["number"], "date_be": s["date_text"],
                                              "time": s["time"]}.items() if v}
                           for s in rec.get("receipt_stamps") or []],
        "source": rec["source"],
    }
    return {k: v for k, v in fm.items() if v not in (None, [], "")}


JSON_KEYS = ("id", "doc_type", "form", "number", "date", "date_be", "date_source", "issuer", "issuer_name",
             "issuer_place", "drafted_by", "unit", "urgency", "subject", "addressee", "references", "enclosures",
             "signatory", "contact", "receipt_stamps", "source", "repairs", "body_markdown", "flags")


def to_json(rec: dict) -> dict:
    out = {k: rec.get(k) for k in JSON_KEYS}
    out["references"] = [{"number": r.get("number"), "date": r.get("date"), "id": r.get("id"),
                          "match": r["match"], "via": r.get("via"), "line": r.get("line")}
                         for r in rec.get("references") or []]
    out["repairs"] = rec.get("repairs") or []
    out["flags"] = [f.to_json() for f in rec["flags"]]
    return out
