"""Link a cited letter (number + date) to a document in the corpus.

exact     the number is the same (Thai and Arabic digits alike)
probable  the number differs only by digits OCR confuses (๘/๕/๓, ๖/๒, ๔/๕), or the
          issuer (from the number prefix or the name in the citation) and the date
          agree: linked, but flagged for a maintainer to confirm, never silently
none      nothing fits (the cited letter is not in the corpus yet)"""
from __future__ import annotations

from dataclasses import dataclass

from build_tools.common.letter_numbers import canonical, confusable_equal, edit_distance, number_prefix
from build_tools.ingest.flags import Flag
from build_tools.ingest.letter import fold_marks


@dataclass
class Candidate:
    """A document a reference can point at (already in the corpus, or in this ingest)."""
    id: str
    number: str | None
    date: str | None  # ISO
    issuer: str
    doc_type: str


def known_prefixes(file_entries: list[dict], candidates: list[Candidate]) -> dict[str, dict]:
    """Prefix -> {issuer, drafted_by}: corpus/number_prefixes.yaml, then the prefixes of
    the letters already in the corpus (learned, never guessed)."""
    known = {e["prefix"]: {"issuer": e["issuer"], "drafted_by": e.get("drafted_by"), "from": "file"}
             for e in file_entries}
    for c in candidates:
        p = number_prefix(c.number or "")
        if p and p not in known:
            known[p] = {"issuer": c.issuer, "drafted_by": None, "from": c.id}
    return known


def prefix_issuer(number: str | None, known: dict[str, dict], line: int | None,
                  flags: list[Flag]) -> dict | None:
    """The agency a number's prefix stands for; an unknown prefix is flagged with the
    nearest known one."""
    p = number_prefix(number or "")
    if p is None:
        return None
    if p in known:
        return known[p]
    if known:
        nearest = min(known, key=lambda k: (edit_distance(p, k), k))
        flags.append(Flag("unknown_prefix",
                          f"ไม่รู้จักรหัส '{p}' ในเลขที่ '{number}' รหัสที่ใกล้ที่สุดคือ '{nearest}' "
                          f"({known[nearest]['issuer']}); ถ้าถูกต้อง เพิ่มรหัสนี้ใน corpus/number_prefixes.yaml",
                          line, suggestion=nearest, wrong=p))
    return None


def issuer_in_text(text: str | None, agencies: dict[str, dict]) -> str | None:
    """An agency named in a citation (หนังสือกระทรวงมหาดไทย ... -> moi); longest name wins."""
    if not text:
        return None

    hits = [(len(name), aid) for aid, name in agencies.items() if name and fold_marks(name) in fold_marks(text)]
    return max(hits)[1] if hits else None


def resolve(ref: dict, candidates: list[Candidate], known: dict[str, dict],
            agencies: dict[str, str], self_id: str | None = None) -> tuple[dict, list[Flag]]:
    """Return the reference with `id` and `match` filled in, and the flags it raises."""
    flags: list[Flag] = []
    out = {**ref, "id": None, "match": "none"}
    pool = [c for c in candidates if c.id != self_id]
    number, date, line = ref.get("number"), ref.get("date"), ref.get("line")
    if number:
        exact = [c for c in pool if c.number and canonical(c.number) == canonical(number)]
        if exact:
            out.update(id=exact[0].id, match="exact")
            if date and exact[0].date and date != exact[0].date:
                flags.append(Flag("number_conflict",
                                  f"เลขที่ '{number}' ตรงกับ {exact[0].id} แต่วันที่ต่างกัน "
                                  f"({date} กับ {exact[0].date})", line, wrong=number))
            return out, flags
    by_prefix = prefix_issuer(number, known, line, flags)
    issuer = (by_prefix or {}).get("issuer") or issuer_in_text(ref.get("title"), agencies)
    probable: list[tuple[Candidate, str]] = []
    for c in pool:
        if number and c.number and confusable_equal(number, c.number) and (not date or date == c.date):
            probable.append((c, f"เลขที่ต่างกันเฉพาะตัวเลขที่ OCR มักอ่านสลับกัน ('{number}' กับ '{c.number}')"))
        elif issuer and date and c.issuer == issuer and c.date == date:
            probable.append((c, f"หน่วยงานและวันที่ตรงกัน แต่เลขที่ไม่ตรง ('{number or '-'}' กับ "
                                f"'{c.number or '-'}')"))
    letters = [p for p in probable if p[0].doc_type == "letter"] or probable
    if len(letters) == 1:
        c, why = letters[0]
        out.update(id=c.id, match="probable")
        flags.append(Flag("probable_reference",
                          f"อ้างถึง '{number or ref.get('title')}' ลงวันที่ {ref.get('date_be') or '-'} "
                          f"น่าจะเป็น {c.id}: {why} ตรวจแล้วยืนยันโดยแก้ match เป็น exact",
                          line, suggestion=c.id, wrong=number))
    elif len(letters) > 1:
        ids = ", ".join(c.id for c, _ in letters)
        flags.append(Flag("unresolved_reference",
                          f"อ้างถึง '{number}' อาจเป็นเอกสารใดก็ได้ใน {ids}: เลือกเองในไฟล์เอกสาร",
                          line, wrong=number))
    else:
        flags.append(Flag("unresolved_reference",
                          f"อ้างถึง '{number or ref.get('title')}' ลงวันที่ {ref.get('date_be') or '-'} "
                          "ยังไม่มีในคลังเอกสาร", line, wrong=number))
    return out, flags
