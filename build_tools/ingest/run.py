"""The ingest command: read -> split -> extract -> resolve -> review -> commit."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.common.paths import Paths
from build_tools.common.problems import CorpusError
from build_tools.common.thaidate import BE_OFFSET
from build_tools.common.yamlio import load_yaml
from build_tools.ingest.flags import KINDS, Flag
from build_tools.ingest.inputs import IMAGE_EXTS, Input, read_input
from build_tools.ingest.letter import DATE_RE, clean, extract_letter, find_date, fold_marks
from build_tools.ingest.resolve import Candidate, known_prefixes, prefix_issuer, resolve
from build_tools.ingest.split import split_bundle
from build_tools.ingest.store import (
    IngestError,
    add_correction,
    commit,
    front_matter_text,
    manifest_entry_text,
    next_raw_seq,
    recover,
    unique_id,
)
from build_tools.ingest.word_check import check_lines
from build_tools.normalization.rules import normalize_text
from build_tools.sources.corpus import Corpus, load_corpus


@dataclass
class Planned:
    """One input file: what would be stored and the documents cut from it."""
    input: Input
    raw_name: str  # the text the documents cite
    scan_name: str | None  # the original scan, kept beside its OCR text
    docs: list[dict] = field(default_factory=list)  # --json records
    metas: list[dict] = field(default_factory=list)  # front matter to write
    duplicate_of: str | None = None


def _candidates(corpus: Corpus) -> list[Candidate]:
    return [Candidate(d.id, str(d.get("number")) if d.get("number") else None, d.date.isoformat(),
                      d.get("issuer"), d.get("doc_type")) for d in corpus.documents]


def _agency_by_name(corpus: Corpus, name: str | None) -> str | None:
    if not name:
        return None
    for a in corpus.agencies.values():
        names = [a.get("name_th"), *(a.get("aliases") or [])]
        if fold_marks(name) in {fold_marks(str(n)) for n in names if n}:
            return a.id
    return None


def analyze(text: str, corpus: Corpus, raw_name: str, taken_ids: set[str] | None = None,  # noqa: C901  (over the limit: to split this round)
            extra_candidates: list[Candidate] | None = None,
            default_issuer: str | None = None) -> tuple[list[dict], list[dict]]:
    """Cut `text` into documents and extract each one.  Returns (json records, front
    matter).  `taken_ids` grows with the ids given out."""
    taken = taken_ids if taken_ids is not None else {d.id for d in corpus.documents}
    lines = text.split("\n")
    parts = split_bundle(lines)
    if not parts:
        raise IngestError(f"{raw_name}: no text to ingest")
    vocabulary = tuple(sorted(({a.get("name_th") for a in corpus.agencies.values()} |
                               {a.get("abbr") for a in corpus.agencies.values()}) - {None}))
    agencies_th = {a.id: a.get("name_th") for a in corpus.agencies.values()}
    candidates = _candidates(corpus) + list(extra_candidates or [])
    known = known_prefixes(corpus.prefixes, candidates)
    records, metas, letters = [], [], []
    for part in parts:
        rows = [(n, lines[n - 1]) for n in range(part.first, part.last + 1)]
        flags: list[Flag] = []
        rec: dict = {"doc_type": part.doc_type, "source": {"raw": raw_name,
                                                           "lines": f"{part.first}-{part.last}"}}
        body_range = (part.first, part.last)
        skip: set[int] = set()
        if part.doc_type == "letter":
            L = extract_letter(rows)
            flags += L.flags
            skip = L.skip_lines
            by_name = _agency_by_name(corpus, L.issuer_name)
            by_prefix = prefix_issuer(L.number, known, L.number_line, flags)
            issuer = by_name or (by_prefix or {}).get("issuer")
            if by_name and by_prefix and by_prefix["issuer"] != by_name:
                flags.append(Flag("number_conflict",
                                  f"หัวหนังสือเป็นของ {by_name} แต่รหัสในเลขที่ '{L.number}' เป็นของ "
                                  f"{by_prefix['issuer']}", L.number_line, wrong=L.number))
            if not issuer:
                flags.append(Flag("missing", f"ไม่รู้ว่าหน่วยงานใดออกหนังสือ ('{L.issuer_name or '-'}'): "
                                             "เพิ่มหน่วยงานใน corpus/agencies.yaml หรือรหัสใน "
                                             "corpus/number_prefixes.yaml", L.issuer_line or part.first,
                                  wrong="issuer"))
            drafted = (by_prefix or {}).get("drafted_by")
            unit_head = (L.unit or "").split(" ")[0]
            drafted = drafted or next((a for a, n in agencies_th.items()
                                       if fold_marks(n) == fold_marks(unit_head) and a != issuer), None)
            for c in candidates:
                if L.number and c.number and c.number == L.number:
                    flags.append(Flag("number_conflict", f"เลขที่ '{L.number}' ซ้ำกับเอกสาร {c.id} "
                                                         "ที่มีอยู่แล้ว (สแกนซ้ำหรือเลขผิด?)",
                                      L.number_line, suggestion=c.id, wrong=L.number))
            rec.update(number=L.number, date=L.date, date_be=L.date_be, issuer=issuer,
                       issuer_name=L.issuer_name, drafted_by=drafted, unit=L.unit, address=L.address,
                       urgency=L.urgency, subject=L.subject, addressee=L.addressee,
                       references=L.references, enclosures=L.enclosures, signatory=L.signatory,
                       contact=L.contact, receipt_stamps=L.receipt_stamps)
            if L.body_lines:
                body_range = L.body_lines
            letters.append(rec)
        else:
            texts = [(n, clean(t)) for n, t in rows if clean(t)]
            title = texts[0][1] if texts else ""
            if len(texts) > 1 and texts[1][1].startswith("โครงการ") and len(title) < 60:
                title = f"{title} {texts[1][1]}"
            rec.update(title=title, number=None, subject=None, addressee=None, references=[],
                       enclosures=[], signatory=None)
            own_date = next((find_date(t) for _, t in texts if DATE_RE.search(t)), (None, None))
            cover = letters[-1] if letters else None
            if own_date[0]:
                rec["date"], rec["date_be"] = own_date
            elif cover and cover.get("date"):
                rec["date"], rec["date_be"] = cover["date"], cover["date_be"]
                rec["date_basis"] = (f"ไม่ระบุวันที่ ส่งมาเป็นสิ่งที่ส่งมาด้วยของหนังสือ ที่ "
                                     f"{cover.get('number')} ลงวันที่ {cover['date_be']}")
                flags.append(Flag("inherited", "เอกสารไม่ระบุวันที่: ใช้วันที่ของหนังสือนำส่ง ตรวจดูว่าถูกต้อง",
                                  part.first, wrong="date"))
            else:
                rec["date"] = rec["date_be"] = None
                flags.append(Flag("missing", "ไม่พบวันที่ของเอกสาร", part.first, wrong="date"))
            rec["issuer"] = cover.get("issuer") if cover else None
            if rec["issuer"]:
                flags.append(Flag("inherited", "เอกสารไม่ระบุหน่วยงาน: ใช้หน่วยงานของหนังสือนำส่ง "
                                               "ตรวจดูว่าถูกต้อง", part.first, wrong="issuer"))
            else:
                flags.append(Flag("missing", "ไม่พบหน่วยงานที่ออกเอกสาร", part.first, wrong="issuer"))
        # id: issuer + type + Buddhist-era date (+ number on a collision), never reused
        if default_issuer and not rec.get("issuer"):
            rec["issuer"] = default_issuer  # the maintainer said so (--issuer)
            flags = [f for f in flags if not (f.kind == "missing" and f.wrong == "issuer")]
        when = "undated"
        if rec.get("date"):
            d = dt.date.fromisoformat(rec["date"])
            when = f"{d.year + BE_OFFSET}-{d.month:02d}-{d.day:02d}"
        base = f"{rec.get('issuer') or 'unknown'}-{part.doc_type}-{when}"
        doc_id, collided = unique_id(base, rec.get("number"), taken)
        taken.add(doc_id)
        if collided:
            flags.append(Flag("id_collision", f"รหัส '{base}' มีเอกสารอื่นใช้อยู่แล้ว จึงตั้งรหัสเป็น "
                                              f"'{doc_id}' (เอกสารเดิมไม่ถูกแก้ไข)", part.first,
                              suggestion=doc_id, wrong=base))
        rec["id"] = doc_id
        flags += check_lines([(n, clean(t)) for n, t in rows], skip, vocabulary)
        body = "\n".join(lines[body_range[0] - 1 : body_range[1]])
        rec["body_markdown"], _ = normalize_text(body, first_line=body_range[0])
        rec["flags"] = flags
        records.append(rec)
    # References last: a letter may cite another letter of the same bundle.
    own = [Candidate(r["id"], r.get("number"), r.get("date"), r.get("issuer") or "", r["doc_type"])
           for r in records]
    for rec in records:
        resolved = []
        for ref in rec.get("references") or []:
            out, fl = resolve(ref, candidates + own, known, agencies_th, self_id=rec["id"])
            resolved.append(out)
            rec["flags"] += fl
        rec["references"] = resolved
    for rec in records:
        rec["flags"] = [f.with_id(rec["id"]) for f in sorted(rec["flags"], key=lambda f: (f.line or 0, f.kind))]
        metas.append(_front_matter(rec, corpus))
    return [_json(r) for r in records], metas


def _title(rec: dict, corpus: Corpus) -> tuple[str, str]:
    if rec["doc_type"] != "letter":
        return rec.get("title") or rec["id"], (rec.get("title") or rec["id"])[:60]
    a = corpus.agencies.get(rec.get("issuer") or "")
    who = a.get("name_th") if a else (rec.get("issuer_name") or "")
    urgency = f" {rec['urgency']}" if rec.get("urgency") else ""
    number = f" ที่ {rec['number']}" if rec.get("number") else ""
    subject = f" เรื่อง {rec['subject']}" if rec.get("subject") else ""
    short = f"หนังสือ {a.get('abbr') if a else who}{number}" if number else \
        f"หนังสือ{who} ลงวันที่ {rec.get('date_be') or '-'}"
    return f"หนังสือ{who}{urgency}{number}{subject}", short


def _front_matter(rec: dict, corpus: Corpus) -> dict:
    title, short = _title(rec, corpus)
    fm = {
        "id": rec["id"], "title": title, "short_title": short, "doc_type": rec["doc_type"],
        "number": rec.get("number"), "date_be": rec.get("date_be"), "date_basis": rec.get("date_basis"),
        "issuer": rec.get("issuer"), "drafted_by": rec.get("drafted_by"),
        "addressee": rec.get("addressee"), "subject": rec.get("subject"), "urgency": rec.get("urgency"),
        "references": [{k: v for k, v in {"number": r.get("number"), "date_be": r.get("date_be"),
                                          "id": r.get("id"), "match": r["match"],
                                          "via": r.get("via")}.items() if v}
                       for r in rec.get("references") or []],
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


JSON_KEYS = ("id", "doc_type", "number", "date", "date_be", "issuer", "drafted_by", "unit",
             "urgency", "subject", "addressee", "references", "enclosures", "signatory", "contact",
             "receipt_stamps", "source", "body_markdown", "flags")


def _json(rec: dict) -> dict:
    out = {k: rec.get(k) for k in JSON_KEYS}
    out["references"] = [{"number": r.get("number"), "date": r.get("date"), "id": r.get("id"),
                          "match": r["match"], "via": r.get("via"), "line": r.get("line")}
                         for r in rec.get("references") or []]
    out["flags"] = [f.to_json() for f in rec["flags"]]
    return out


def plan(inputs: list[Path], corpus: Corpus, issuer: str | None = None) -> list[Planned]:
    manifest = load_yaml(corpus.root / "raw" / "MANIFEST.yaml", "corpus/raw/MANIFEST.yaml") or {}
    known_hashes = {str(e.get("sha256")): name for name, e in manifest.items() if isinstance(e, dict)}
    taken_ids = {d.id for d in corpus.documents}
    taken_raw: set[str] = set()
    extra: list[Candidate] = []
    planned: list[Planned] = []
    for path in inputs:
        inp = read_input(path)
        seq = next_raw_seq(corpus.root / "raw", taken_raw)
        stem = f"{seq:03d}_{inp.sha256[:16]}"
        scan = f"{stem}{IMAGE_EXTS.get(path.suffix.lower(), '.pdf')}" if inp.kind != "text" else None
        p = Planned(inp, f"{stem}.txt", scan)
        if inp.sha256 in known_hashes:
            p.duplicate_of = known_hashes[inp.sha256]
            planned.append(p)
            continue
        known_hashes[inp.sha256] = p.raw_name
        taken_raw |= {p.raw_name, scan or ""}
        p.docs, p.metas = analyze(inp.text, corpus, p.raw_name, taken_ids, extra, issuer)
        extra += [Candidate(d["id"], d.get("number"), d.get("date"), d.get("issuer") or "", d["doc_type"])
                  for d in p.docs]
        planned.append(p)
    return planned


def _files(p: Planned) -> tuple[dict[str, bytes], str]:
    today = dt.date.today().isoformat()
    files: dict[str, bytes] = {}
    manifest = ""
    ids = ", ".join(d["id"] for d in p.docs)
    if p.scan_name:
        files[f"raw/{p.scan_name}"] = p.input.data
        manifest += manifest_entry_text(p.scan_name, {
            "sha256": p.input.sha256, "received": today, "encoding": "binary",
            "source_name": p.input.path.name, "description": f"original scan ({p.input.kind}); "
                                                             f"its OCR text is {p.raw_name}"})
        text = p.input.text.encode("utf-8")
        import hashlib
        manifest += manifest_entry_text(p.raw_name, {
            "sha256": hashlib.sha256(text).hexdigest(), "received": today, "ocr_of": p.scan_name,
            "description": f"Tesseract (tha) OCR of {p.scan_name}; documents: {ids}"})
        files[f"raw/{p.raw_name}"] = text
    else:
        files[f"raw/{p.raw_name}"] = p.input.data
        entry = {"sha256": p.input.sha256, "received": today, "source_name": p.input.path.name}
        if p.input.encoding != "utf-8":
            entry["encoding"] = p.input.encoding
        entry["description"] = f"ingested; documents: {ids}"
        manifest += manifest_entry_text(p.raw_name, entry)
    for meta in p.metas:
        files[f"documents/{meta['id']}.md"] = front_matter_text(meta).encode("utf-8")
    return files, manifest


def review_markdown(p: Planned) -> str:
    out = [f"# รายงานตรวจทานการนำเข้า: {p.input.path.name}", "",
           f"- ไฟล์ดิบ: `corpus/raw/{p.raw_name}`" + (f" (สแกนต้นฉบับ `corpus/raw/{p.scan_name}`)"
                                                      if p.scan_name else ""),
           f"- SHA-256: `{p.input.sha256}`", *(f"- {n}" for n in p.input.notes), ""]
    for d in p.docs:
        out += [f"## {d['id']} ({d['doc_type']})", "",
                f"- เลขที่: {d.get('number') or '-'} · ลงวันที่: {d.get('date_be') or '-'} ({d.get('date') or '-'})"
                f" · หน่วยงาน: {d.get('issuer') or '-'}",
                f"- เรื่อง: {d.get('subject') or '-'} · เรียน: {d.get('addressee') or '-'}", ""]
        for r in d["references"]:
            out.append(f"- อ้างถึง {r['number'] or '-'} ({r['date'] or '-'}) → {r['id'] or 'ไม่พบในคลัง'} [{r['match']}]")
        if d["references"]:
            out.append("")
        if not d["flags"]:
            out += ["ไม่มีรายการที่ต้องตรวจ", ""]
            continue
        out += ["| รหัส | ประเภท | บรรทัด | ข้อความในไฟล์ | รายละเอียด | ข้อเสนอแนะ |",
                "|---|---|---|---|---|---|"]
        for f in d["flags"]:
            cell = lambda s: str(s or "").replace("|", "\\|")  # noqa: E731
            shown = f["wrong"] if f["kind"] in ("unknown_word", "mixed_script", "garbled") else ""
            out.append(f"| `{f['id']}` | {KINDS.get(f['kind'], f['kind'])} | {f['line'] or '-'} | "
                       f"{cell(shown)} | {cell(f['message'])} | {cell(f['suggestion'])} |")
        out.append("")
    out += ["รับข้อเสนอแนะ (บันทึกลง corpus/corrections.yaml ไม่แก้ไฟล์ดิบ):",
            "`python -m build_tools ingest --accept รหัส` (ใส่ `--right คำที่ถูก` เพื่อใช้คำอื่น)", ""]
    return "\n".join(out)


def run(args) -> int:  # noqa: C901  (over the limit: to split this round)
    paths = Paths(corpus=Path(args.corpus).resolve(), out=Path(args.out).resolve())

    undone = recover(paths.corpus)
    if undone:
        print("an earlier ingest was interrupted while moving files; undone: "
              + ", ".join(f"corpus/{r}" for r in undone))
    if args.recover:
        print("corpus restored" if undone else "nothing to recover")
        return 0
    if args.accept:
        return accept(paths, args.accept, args.right, args.scope)
    if not args.paths:
        print("nothing to ingest: give one or more files (text, PNG/JPEG/TIFF scans, PDF)")
        return 2
    try:
        corpus = load_corpus(paths.corpus)
    except CorpusError as exc:
        print("\n".join(str(p) for p in exc.problems))
        print("fix the corpus first (python -m build_tools check); nothing was ingested")
        return 1
    try:
        if args.issuer and args.issuer not in corpus.agencies:
            raise IngestError(f"--issuer {args.issuer}: not an agency id in corpus/agencies.yaml "
                              f"({', '.join(corpus.agencies)})")
        planned = plan([Path(p) for p in args.paths], corpus, args.issuer)
    except IngestError as exc:
        print(f"error: {exc}")
        return 1
    if args.json:
        print(json.dumps([d for p in planned for d in p.docs], ensure_ascii=False, indent=2))
    else:
        for p in planned:
            _print_plan(p, args.dry_run)
    new = [p for p in planned if not p.duplicate_of]
    if args.dry_run or not new:
        if args.dry_run and not args.json:
            print("dry run: nothing was written")
        return 0
    files: dict[str, bytes] = {}
    manifest = ""
    for p in new:
        f, m = _files(p)
        files.update(f)
        manifest += m
    try:
        commit(paths.corpus, files, manifest)
    except IngestError as exc:
        print(f"error: {exc}")
        return 1
    review_dir = paths.work / "review"
    review_dir.mkdir(parents=True, exist_ok=True)
    for p in new:
        stem = Path(p.raw_name).stem
        (review_dir / f"{stem}.md").write_text(review_markdown(p), encoding="utf-8")
        (review_dir / f"{stem}.json").write_text(json.dumps(
            {"raw": p.raw_name, "documents": p.docs}, ensure_ascii=False, indent=1), encoding="utf-8")
        if not args.json:
            print(f"review report: {review_dir / (stem + '.md')}")
    if not args.json:
        print("added to the corpus; run `python -m build_tools build` to publish")
    return 0


def _print_plan(p: Planned, dry: bool) -> None:
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


def accept(paths: Paths, flag_ids: list[str], right: str | None, scope: str | None) -> int:
    found = {}
    for report in sorted((paths.work / "review").glob("*.json")):
        data = json.loads(report.read_text(encoding="utf-8"))
        for d in data["documents"]:
            for f in d["flags"]:
                if f["id"] in flag_ids:
                    found[f["id"]] = (d["id"], f, data["raw"])
    status = 0
    for fid in flag_ids:
        if fid not in found:
            print(f"{fid}: no such flag in {paths.work / 'review'} (ingest the file first)")
            status = 1
            continue
        doc_id, f, raw = found[fid]
        fix = right or f["suggestion"]
        if not f.get("wrong") or not fix or f["kind"] not in ("unknown_word", "mixed_script"):
            print(f"{fid}: a {f['kind']} flag has no text correction to accept"
                  + ("; give one with --right" if f["kind"] in ("unknown_word", "mixed_script") else
                     "; edit the document's front matter instead"))
            status = 1
            continue
        added = add_correction(paths.corpus, f["wrong"], fix, scope or doc_id,
                               f"accepted review flag {fid} ({raw} line {f['line']})")
        print(f"{fid}: {f['wrong']} -> {fix} ({scope or doc_id}) "
              + ("added to corpus/corrections.yaml" if added else "is already in corpus/corrections.yaml"))
    return status
