"""One text in, its documents out: cut the bundle (split.py), read each letter by its form
(letter.py), name its issuer (issuers.py), check its number and dates (checks.py),
restore known names in its fields, normalize its body, give it an id, and link its
references (resolve.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from build_tools.common.thai import to_arabic_digits, to_thai_digits
from build_tools.common.thaidate import BE_OFFSET
from build_tools.ingest.checks import before_cited, check_dates, check_number, uncertain_day, uncertain_serial
from build_tools.ingest.citations import Citation, check_citations, citations_of
from build_tools.ingest.dates import first_date
from build_tools.ingest.deadlines import check_deadline
from build_tools.ingest.flags import Flag
from build_tools.ingest.form_detect import TOP_ROWS
from build_tools.ingest.forms import label_at
from build_tools.ingest.issuers import Registry, identify, issuer_of_body, with_office
from build_tools.ingest.learned_digits import learn, learned_day, learned_number
from build_tools.ingest.letter import Letter, extract_letter
from build_tools.ingest.lookalikes import read_lookalikes
from build_tools.ingest.numbers import YEAR_LAST_DIGIT_LOST, find_number
from build_tools.ingest.office_hole import filled_office
from build_tools.ingest.person_names import read_person_name
from build_tools.ingest.prefixes import check_prefix, coded_reading, headless_reading
from build_tools.ingest.records import front_matter, to_json
from build_tools.ingest.resolve import Candidate, known_prefixes, resolve
from build_tools.ingest.rows import clean
from build_tools.ingest.split import split_bundle
from build_tools.ingest.store import IngestError, unique_id
from build_tools.ingest.word_check import check_lines
from build_tools.normalization.known_names import restorable_names
from build_tools.normalization.rules import Context, normalize_text
from build_tools.normalization.rules.names import restore_line, restore_own_place, restore_places, restore_title
from build_tools.sources.corpus import Corpus


@dataclass
class Env:
    """What analysis needs from the corpus, computed once per ingest."""
    corpus: Corpus
    candidates: list[Candidate]
    known: dict[str, dict]
    registry: Registry
    vocabulary: tuple[str, ...]
    names: tuple[str, ...]
    agencies_th: dict[str, str]
    citations: list[Citation]
    codes: frozenset[str] = frozenset()  # letter codes (word_check's suggestions)

    @property
    def titles(self) -> tuple[str, ...]:
        """The positions' titles (corpus/names.yaml): what a signatory's position starts with."""
        return tuple(self.corpus.names.get("positions") or ())

    @classmethod
    def of(cls, corpus: Corpus, extra: list[Candidate] | None = None) -> "Env":
        candidates = [Candidate(d.id, str(d.get("number")) if d.get("number") else None, d.date.isoformat(),
                                d.get("issuer"), d.get("doc_type")) for d in corpus.documents] + list(extra or [])
        known = known_prefixes(corpus.prefixes, candidates)
        agencies = corpus.agencies.values()
        vocabulary = tuple(sorted(({a.get("name_th") for a in agencies} | {a.get("abbr") for a in agencies}) - {None}))
        return cls(corpus, candidates, known, Registry(corpus, known), vocabulary, restorable_names(corpus),
                   {a.id: a.get("name_th") for a in agencies}, citations_of(corpus.documents),
                   corpus.letter_codes.letters())


def restore_field(text: str | None, env: Env, field: str, repairs: list[dict]) -> str | None:
    """A known name damaged by OCR, restored in an extracted field (recorded like every repair)."""
    if not text:
        return text
    new, changes, _ = restore_line(text, env.names)
    new, more, _ = restore_places(new)
    for wrong, right in changes + more:
        repairs.append({"field": field, "rule": "restore_known_names", "before": wrong, "after": right})
    return new


def _titled(text: str | None, env: Env, field: str, repairs: list[dict]) -> str | None:
    """A position's title (an addressee's, a signatory's) that OCR damaged or cut, restored
    from corpus/names.yaml's positions (recorded like every repair)."""
    if not text:
        return text
    new, changes = restore_title(text, env.titles, env.names)
    repairs += [{"field": field, "rule": "restore_known_names", "before": wrong, "after": right}
                for wrong, right in changes]
    return new


def _restore_fields(rec: dict, L: Letter, env: Env) -> None:
    repairs: list[dict] = []
    rec["subject"] = restore_field(L.subject, env, "subject", repairs)
    rec["addressee"] = restore_field(_titled(L.addressee, env, "addressee", repairs), env, "addressee", repairs)
    rec["unit"] = restore_field(L.unit, env, "unit", repairs)
    for e in L.enclosures:
        e["title"] = restore_field(e["title"], env, "enclosures", repairs)
    if L.signatory and L.signatory.get("position"):
        position = _titled(L.signatory["position"], env, "signatory.position", repairs)
        position, own = restore_own_place(position, env.titles, rec.get("issuer_place") or {})
        repairs += [{"field": "signatory.position", "rule": "restore_own_place", "before": wrong, "after": right}
                    for wrong, right in own]
        L.signatory["position"] = restore_field(position, env, "signatory.position", repairs)
    rec["repairs"] = repairs


def _signatory_name(L: Letter, repairs: list[dict]) -> list[Flag]:
    """The signatory's name checked against the lists of Thai names (person_names.py):
    restored (recorded like every repair), or flagged where it fits two names."""
    reading = read_person_name((L.signatory or {}).get("name"))
    if reading is None:
        return []
    if reading.name != L.signatory["name"]:
        repairs.append({"field": "signatory.name", "rule": "restore_person_name", "before": L.signatory["name"],
                        "after": reading.name})
        L.signatory["name"] = reading.name
    return [Flag("name_suggestion", f"ชื่อผู้ลงนาม '{part}' อาจเป็น {' หรือ '.join(names)} (รายชื่อของ PyThaiNLP): "
                                    "ตรวจกับต้นฉบับ", L.signatory.get("line"), suggestion=names[0], wrong=part)
            for part, names in reading.ambiguous]


def _expected_prefixes(env: Env, agency: str | None, drafted_by: str | None, learned: bool = False) -> list[str]:
    """The office digits a letter of this agency carries (มท 08 for DLA), when known;
    `learned`: also those its letters already in the corpus carry."""
    who = drafted_by or agency
    if not who:
        return []
    out = [k for k, e in env.registry.codes.offices.items() if e.get("agency") == who and " " in k]
    return out + [p for p, e in env.known.items() if e.get("issuer") == who and (learned or e.get("from") == "file")]


def _headless_number(L: Letter, iss, env: Env) -> list[Flag]:
    """A number whose code and first office digits OCR lost (`ซิ10.5/1426`): the number it
    stood for, suggested, when the letterhead's agency has one known office its digits end
    with (`มท 0810`: the data's, or its letters' in the corpus)."""
    who = iss.drafted_by or iss.agency
    if L.number or not L.number_unread or not who:
        return []
    reading = headless_reading(L.number_unread[1], _expected_prefixes(env, iss.agency, iss.drafted_by, learned=True))
    code = reading.split(".")[0] if reading else None
    if reading is None:  # (its office's digits read, its code spoiled: the agency's one code)
        codes = [k for k, e in env.registry.codes.offices.items() if e.get("agency") == who and " " not in k]
        reading = coded_reading(L.number_unread[1], codes)
        code = codes[0] if reading else None
    if reading is None:
        return []
    return [Flag("number_check", f"อ่านเลขที่ได้เพียง '{L.number_unread[1]}' (รหัสส่วนราชการหาย): หัวหนังสือเป็นของ"
                                 f"{iss.name or who} ซึ่งใช้รหัส '{code}' เลขที่จึงน่าจะเป็น "
                                 f"'{reading}' ตรวจกับต้นฉบับ", L.number_unread[0], suggestion=reading,
                 wrong=L.number_unread[1])]


def _year_cut_number(L: Letter, rows: list[tuple[int, str]]) -> list[Flag]:
    """A number after ที่ whose year's last digit OCR read as a letter (`สอบต 089/255วํ`): the
    reading with the year of the letter's own date, when that year starts with the three
    digits read, is suggested (the number itself stays unread)."""
    if L.number or not L.date:
        return []
    year = str(int(L.date[:4]) + BE_OFFSET)
    for n, text in rows[:TOP_ROWS]:
        rest = label_at(text, "number")
        if rest is None or not (m := YEAR_LAST_DIGIT_LOST.match(rest)) or to_arabic_digits(m["year"]) != year[:3]:
            continue
        year = to_thai_digits(year) if m["year"] != to_arabic_digits(m["year"]) else year
        reading = f"{m['code'] + '. ' if m['code'] else ''}{m['serial']}/{year}"
        return [Flag("number_check", f"อ่านเลขที่ได้ '{m.group(0)}' (ตัวเลขตัวท้ายของปีอ่านเป็นตัวอักษร): หนังสือลงวันที่ "
                                     f"{L.date_be} เลขที่จึงน่าจะเป็น '{reading}' ตรวจกับต้นฉบับ", n,
                     suggestion=reading, wrong=m.group(0))]
    return []


def _checked_number(L: Letter, iss, env: Env) -> tuple[list[Flag], list[Flag]]:
    """The number and date against the letters citing this one, the number against the data
    (its year, its office's digits): (the citing letters' flags, the data's).  A citing
    letter's reading of the number, when there is one, is the likely reading: the data's
    partial ones (an office's digits) are then left out."""
    cited = check_citations(L.number, L.date, L.date_be, (L.number_line, L.date_line), env.citations)
    checked = check_number(L.number_parsed, L.date, _expected_prefixes(env, iss.agency, iss.drafted_by), L.number_line)
    if any(f.kind == "number_check" and f.suggestion for f in cited):
        return cited, [f for f in checked if not f.suggestion]
    if not any(f.kind == "number_check" and f.suggestion for f in checked):  # one likely reading is enough
        checked += check_prefix(L.number_parsed, env.registry, L.number_line, iss.agency)
    return cited, checked


def letter_record(rows: list[tuple[int, str]], env: Env) -> tuple[dict, list[Flag], Letter]:
    rows, read_as_digits = read_lookalikes(rows, env.registry)  # `๐๐๑ซ.๒`, `ไซ พฤศจิกายน`: digits
    L = extract_letter(rows)
    iss = identify(L.offices, L.number_parsed, L.number_line, env.registry)
    flags = read_as_digits + L.flags + iss.flags
    body = [(n, t) for n, t in rows if L.body_lines and L.body_lines[0] <= n <= L.body_lines[1]]
    if not iss.agency and (named := issuer_of_body(body, env.registry)):
        iss = with_office(iss, named[1], named[0])
        flags.append(Flag("issuer_source", f"อ่านหน่วยงานที่ออกหนังสือจากหัวหนังสือและเลขที่ไม่ได้: ใช้ '{iss.name}' "
                                           "ที่ขึ้นต้นเนื้อความ (ด้วย...) ตรวจกับต้นฉบับ", named[0], wrong="issuer"))
    if not iss.agency:
        printed = iss.name or (L.offices[0][1] if L.offices else "-")
        flags.append(Flag("missing", f"ไม่รู้ว่าหน่วยงานใดออกหนังสือ ('{printed}'):"
                                     " เพิ่มหน่วยงานใน corpus/agencies.yaml หรือรหัสใน corpus/letter_codes.yaml",
                          iss.line or L.number_line or rows[0][0], wrong="issuer"))
    cited, checked = _checked_number(L, iss, env)
    flags += cited + checked + _headless_number(L, iss, env) + _year_cut_number(L, rows)
    flags += check_dates(L.date, L.date_be, L.date_line, L.receipt_stamps, L.references)
    flags += check_deadline(L.date, L.date_be, L.date_line, body)
    for c in env.candidates:
        if L.number and c.number and c.number == L.number:
            flags.append(Flag("number_conflict", f"เลขที่ '{L.number}' ซ้ำกับเอกสาร {c.id} ที่มีอยู่แล้ว "
                                                 "(สแกนซ้ำหรือเลขผิด?)", L.number_line, suggestion=c.id, wrong=L.number))
    rec = {"form": L.form, "number": L.number, "date": L.date, "date_be": L.date_be, "date_source": L.date_source,
           "issuer": iss.agency, "issuer_name": restore_field(iss.name, env, "issuer", []),
           "issuer_place": {k: v for k, v in (("province", iss.province), ("district", iss.district)) if v} or None,
           "drafted_by": iss.drafted_by, "address": L.address, "urgency": L.urgency,
           "references": L.references, "enclosures": L.enclosures, "contact": L.contact,
           "receipt_stamps": L.receipt_stamps, "date_line": L.date_line,
           "number_checks": checked}  # read again once the references are linked (_read_digits)
    _restore_fields(rec, L, env)
    flags += _signatory_name(L, rec["repairs"])
    rec["signatory"] = L.signatory
    return rec, flags, L


def enclosed_record(rows: list[tuple[int, str]], first: int, cover: dict | None) -> tuple[dict, list[Flag]]:
    """An enclosed document (MOU, annex, guidance): its title; date and issuer from its
    covering letter when it states none (flagged)."""
    flags: list[Flag] = []
    texts = [(n, clean(t)) for n, t in rows if clean(t)]
    title = texts[0][1] if texts else ""
    if len(texts) > 1 and texts[1][1].startswith("โครงการ") and len(title) < 60:
        title = f"{title} {texts[1][1]}"
    rec = {"title": title, "number": None, "subject": None, "addressee": None, "references": [],
           "enclosures": [], "signatory": None}
    own = next((d for _, t in texts if (d := first_date(t)) and d.iso), None)
    if own:
        rec["date"], rec["date_be"] = own.iso, own.stored
    elif cover and cover.get("date"):
        rec["date"], rec["date_be"] = cover["date"], cover["date_be"]
        rec["date_basis"] = (f"ไม่ระบุวันที่ ส่งมาเป็นสิ่งที่ส่งมาด้วยของหนังสือ ที่ "
                             f"{cover.get('number')} ลงวันที่ {cover['date_be']}")
        flags.append(Flag("inherited", "เอกสารไม่ระบุวันที่: ใช้วันที่ของหนังสือนำส่ง ตรวจดูว่าถูกต้อง",
                          first, wrong="date"))
    else:
        rec["date"] = rec["date_be"] = None
        flags.append(Flag("missing", "ไม่พบวันที่ของเอกสาร", first, wrong="date"))
    rec["issuer"] = cover.get("issuer") if cover else None
    if rec["issuer"]:
        flags.append(Flag("inherited", "เอกสารไม่ระบุหน่วยงาน: ใช้หน่วยงานของหนังสือนำส่ง ตรวจดูว่าถูกต้อง",
                          first, wrong="issuer"))
    else:
        flags.append(Flag("missing", "ไม่พบหน่วยงานที่ออกเอกสาร", first, wrong="issuer"))
    return rec, flags


def _give_id(rec: dict, flags: list[Flag], taken: set[str], first: int) -> None:
    """<issuer>-<type>-<Buddhist-era date>, the number added on a collision; never reused."""
    when = "undated"
    if rec.get("date"):
        d = dt.date.fromisoformat(rec["date"])
        when = f"{d.year + BE_OFFSET}-{d.month:02d}-{d.day:02d}"
    base = f"{rec.get('issuer') or 'unknown'}-{rec['doc_type']}-{when}"
    doc_id, collided = unique_id(base, rec.get("number"), taken)
    taken.add(doc_id)
    if collided:
        flags.append(Flag("id_collision", f"รหัส '{base}' มีเอกสารอื่นใช้อยู่แล้ว จึงตั้งรหัสเป็น "
                                          f"'{doc_id}' (เอกสารเดิมไม่ถูกแก้ไข)", first, suggestion=doc_id, wrong=base))
    rec["id"] = doc_id


def _body(lines: list[str], body_range: tuple[int, int], env: Env) -> str:
    body = "\n".join(lines[body_range[0] - 1: body_range[1]])
    ctx = Context(known_names=env.names, restore_places=True)
    return normalize_text(body, first_line=body_range[0], ctx=ctx)[0]


def analyze(text: str, corpus: Corpus, raw_name: str, taken_ids: set[str] | None = None,
            extra_candidates: list[Candidate] | None = None, default_issuer: str | None = None,
            env: Env | None = None) -> tuple[list[dict], list[dict]]:
    """Cut `text` into documents and extract each one.  Returns (json records, front
    matter).  `taken_ids` grows with the ids given out."""
    env = env or Env.of(corpus, extra_candidates)
    taken = taken_ids if taken_ids is not None else {d.id for d in corpus.documents}
    lines = text.split("\n")
    parts = split_bundle(lines)
    if not parts:
        raise IngestError(f"{raw_name}: no text to ingest")
    records, letters = [], []
    for part in parts:
        rows = [(n, lines[n - 1]) for n in range(part.first, part.last + 1)]
        rec: dict = {"doc_type": part.doc_type, "source": {"raw": raw_name, "lines": f"{part.first}-{part.last}"}}
        body_range, skip = (part.first, part.last), set()
        if part.doc_type == "letter":
            more, flags, L = letter_record(rows, env)
            rec.update(more)
            body_range, skip = L.body_lines or body_range, L.skip_lines
            letters.append(rec)
        else:
            more, flags = enclosed_record(rows, part.first, letters[-1] if letters else None)
            rec.update(more)
        if default_issuer and not rec.get("issuer"):
            rec["issuer"] = default_issuer  # the maintainer said so (--issuer)
            flags = [f for f in flags if not (f.kind == "missing" and f.wrong == "issuer")]
        _give_id(rec, flags, taken, part.first)
        flags += check_lines([(n, clean(t)) for n, t in rows], skip, env.vocabulary, env.codes)
        rec["body_markdown"] = _body(lines, body_range, env)
        rec["flags"] = flags
        records.append(rec)
    _link_references(records, env)
    for rec in records:
        rec["flags"] = [f.with_id(rec["id"]) for f in sorted(rec["flags"], key=lambda f: (f.line or 0, f.kind))]
    return [to_json(r) for r in records], [front_matter(r, corpus) for r in records]


def _link_references(records: list[dict], env: Env) -> None:
    """References last: a letter may cite another letter of the same bundle."""
    own = [Candidate(r["id"], r.get("number"), r.get("date"), r.get("issuer") or "", r["doc_type"]) for r in records]
    candidates = env.candidates + own
    dated = {c.id: (c.number, c.date) for c in candidates}
    for rec in records:
        resolved = []
        for ref in rec.get("references") or []:
            rec["flags"] += filled_office(ref, env.registry)
            out, fl = resolve(ref, candidates, env.known, env.agencies_th, self_id=rec["id"], registry=env.registry)
            resolved.append(out)
            rec["flags"] += fl
        rec["references"] = resolved
        rec["flags"] += before_cited(rec.get("date"), rec.get("date_be"), rec.get("date_line"),
                                     [d for r in resolved if (d := dated.get(r.get("id") or "", (None, None))[1])])
        if rec.get("form"):  # a letter's number and date, once every number in it is checked
            _read_digits(rec, dated, env.registry)


def _read_digits(rec: dict, dated: dict[str, tuple[str | None, str | None]], registry: Registry) -> None:
    """The digits no data checks (a flagged number's serial, the day) read as the letter's
    checked digits show its OCR misreads them (learned_digits.py), as suggestions; a number
    reading that keeps its serial as read says which of its digits are in doubt."""
    swaps = learn(rec["references"], dated, rec["flags"], registry)
    num = find_number(rec["number"]) if rec.get("number") else None
    flags = []
    for f in rec["flags"]:
        if num is not None and any(f is c for c in rec.get("number_checks") or []):
            learned = learned_number(f, num, swaps, registry)
            f = learned if learned is not f else uncertain_serial(num, [f])[0]
        flags.append(f)
    rec["flags"] = flags + uncertain_day(rec.get("date_be"), rec.get("date_line"), flags,
                                         learned_day(rec.get("date_be"), swaps), swaps.shown())
