"""The answers the knowledge model holds, as data both engines match a question against
(build_tools/search/answers.py on the command line, docs/javascripts/search-th.js on
the site): each entry has the intent it answers, what identifies it (`names`: an
agency's or a term's names, each as the analyzer cuts it; or `keys`: the words of a
statement as the index holds them) and the card to show.

- who: an agency by its names -> its duties (roles, or the guidance steps and monitoring
  it acts in); a duty by its words (a role, a guidance step, a monitoring activity, with
  the words of the agencies that do it) -> the agencies and the text;
- when: a timeline event by its words -> its date; a document the model cites by its
  names -> its date;
- how_many: a count a document states ("๘๘๘ อำเภอ", "ปีละ ๑ ครั้ง") by its unit and the
  words of its clause -> the number with its clause; where the corpus disagrees with
  itself (a count conflict) both readings and the note; the model's own counts (steps,
  missions, an agency's roles);
- what_is: a glossary term, an agency, a mission by its names -> definition / full name;
- steps: the guidance and the monitoring framework by their words -> the steps in order;
- which_document: the documents the model cites (title, number, date), for the card
  built from the top hit.
Only the documents the model cites are read for facts, so the data grows with the model,
not with the number of letters."""
from __future__ import annotations

import re

from build_tools.common.thai import fold_number, to_thai_digits
from build_tools.common.thaidate import format_thai_date
from build_tools.knowledge.model import block_text, entities
from build_tools.knowledge.urls import agency_page, doc_url, entity_url, page_url
from build_tools.sources.corpus import DOC_TYPES

# A card is shown only when the question's informative words are this well covered by
# one answer (and, matched by names, this share of the name is in the question): no card
# is better than a wrong card.
MIN_COVERAGE = 0.75
MIN_NAME_SHARE = 0.5
PART_CREDIT = 0.5
MAX_ITEMS = 8  # lines a card lists at most
ITEM_CHARS = 160  # of a clause a card line quotes
_COUNT = re.compile(r"(?<![0-9๐-๙.,/])([0-9๐-๙]{1,4})\s*(?=[ก-ฮ])")
MAX_COUNT = 2000  # larger numbers are years, letter numbers, phone numbers
# "Who signed / issued document X" needs one of these words in the question.
SIGNING = ("ลงนาม", "ลงชื่อ", "ผู้ลงนาม", "ลงลายมือชื่อ", "ออกหนังสือ")


class _Builder:
    def __init__(self, corpus, model, docs, conflicts, analyzer):
        self.corpus, self.m, self.analyzer = corpus, model, analyzer
        self.docs = {nd.id: nd for nd in docs}
        self.conflicts = [c for c in conflicts if c.kind == "count"]
        # Each count conflict's readings as (folded value, unit), made once: every count
        # in the cited letters is looked up among them (thousands of readings).
        self._readings: list[tuple] | None = None
        self.entries: list[dict] = []

    # --- helpers ----------------------------------------------------------------------
    def names(self, *names) -> list[list[str]]:
        out = []
        for n in names:
            terms = self.analyzer.query_terms(str(n)) if n else []
            if terms and terms not in out:
                out.append(terms)
        return out

    def keys(self, *texts) -> dict:
        """The words of `texts` and the other names they stand for ("words"), and the
        dictionary words inside them ("parts": ประชุม in การประชุม, but also ส่ง in
        ส่งเสริม, so a question word found only as a part counts PART_CREDIT)."""
        words, parts = set(), set()
        for x in texts:
            for t in self.analyzer.tokens(str(x)) if x else []:
                (parts if t.sub else words).add(t.text)
        for w in list(words):
            words.update(self.analyzer.expansions.get(w, ()))
        return {"words": sorted(words), "parts": sorted(parts - words)}

    def agency_label(self, aid: str) -> str:
        a = self.corpus.agencies[aid]
        return f"{a.get('name_th')} ({a.get('abbr')})" if a.get("abbr") else str(a.get("name_th"))

    def agency_names(self, aid: str, english: bool = True) -> list:
        """An agency's names; a statement is keyed by its Thai names and aliases only (a
        group's English name lists its members: "(CDD, DLA, ONCB, ...)")."""
        a = self.corpus.agencies[aid]
        return [a.get("name_th"), a.get("abbr"), a.get("name_en") if english else None, *(a.get("aliases") or [])]

    def add(self, kind: str, card: dict, names=None, keys=None, **extra) -> None:
        """An answer: `names` (term lists, one per name) or `keys` ({words, parts});
        `need`: terms one of which the question must hold; `group`: entries of one
        group give one answer (the duties of one agency, the readings of a conflict)."""
        entry = {"kind": kind, "card": {"kind": kind, **card}, **extra}
        if names is not None:
            entry["names"] = names
        if keys is not None:
            entry["keys"] = keys
        self.entries.append(entry)

    def cited_docs(self) -> list[str]:
        ids = cited_documents(self.m)
        return [d for d in self.docs if d in ids]

    # --- who --------------------------------------------------------------------------
    def duties(self, aid: str) -> list[dict]:
        items = [{"text": _short(f"{_clause(r.ref())} {self.m.text(r.ref())}"), "url": entity_url(r)}
                 for r in self.m.roles if r.get("agency") == aid]
        if not items:
            items = [{"text": f"{_clause(s.ref())} {s.get('label')}", "url": entity_url(s)}
                     for s in self.m.all_steps() if aid in (s.get("actors") or [])]
            items += [{"text": str(x.get("label")), "url": entity_url(x)}
                      for x in self.m.activities if aid in (x.get("actors") or [])]
        return items

    def heading(self, role) -> str:
        """The heading a role is listed under in its document (๓.๑ บทบาทร่วม), without
        its number."""
        ref = role.ref()
        b = self.m.blocks.get((ref.doc, ref.clause.rsplit("-", 1)[0]))
        return re.sub(r"^[\s0-9๐-๙.)]+", "", b.text) if b is not None else ""

    def who(self) -> None:
        for aid in self.corpus.agencies:
            items = self.duties(aid)
            if not items:
                continue
            roles = [r for r in self.m.roles if r.get("agency") == aid]
            headings = sorted({self.heading(r) for r in roles} - {""})
            source = doc_url(roles[0].ref().doc, roles[0].ref().clause.rsplit("-", 1)[0]) if roles else ""
            what = f"บทบาท {to_thai_digits(str(len(roles)))} ข้อ" if roles else "ร่วมดำเนินการในขั้นตอนต่อไปนี้"
            self.add("who", {"text": f"{self.agency_label(aid)} — {what}",
                             "url": page_url(agency_page(aid)), "source": source, "items": items[:MAX_ITEMS]},
                     names=self.names(*self.agency_names(aid), *headings), group=f"agency:{aid}")
        statements = [(r, [r.get("agency")]) for r in self.m.roles]
        statements += [(s, list(s.get("actors") or [])) for s in self.m.all_steps()]
        statements += [(x, list(x.get("actors") or [])) for x in self.m.activities]
        for e, actors in statements:
            text = self.m.text(e.ref())
            who = ", ".join(self.agency_label(a) for a in actors)
            names = [n for a in actors for n in self.agency_names(a, english=False)]
            self.add("who", {"text": f"{who}: {_short(text, 300)}", "url": entity_url(e), "source": _source(e)},
                     keys=self.keys(text, e.get("label"), self.heading(e) if e.kind == "role" else "", *names),
                     group="statement")

    def signers(self) -> None:
        """Who signed or issued a document the model cites (its issuer; a group's
        members; the signatory ingest recorded)."""
        need = sorted({t for w in SIGNING for t in self.analyzer.query_terms(w)})
        for doc_id in self.cited_docs():
            d = self.docs[doc_id].doc
            issuer = self.corpus.agencies[d.get("issuer")]
            who = [self.agency_label(a) for a in (issuer.get("members") or [])] or [self.agency_label(issuer.id)]
            sig = d.get("signatory")
            if isinstance(sig, dict) and sig.get("name"):
                who.insert(0, " ".join(str(sig.get(k)) for k in ("name", "position") if sig.get(k)))
            title = d.get("short_title") or d.get("title")
            self.add("who", {"text": f"{title}: ลงนามโดย " + ", ".join(who), "url": doc_url(doc_id),
                             "source": doc_url(doc_id), "items": [{"text": w, "url": doc_url(doc_id)} for w in who]},
                     names=self.names(d.get("title"), d.get("short_title"), DOC_TYPES.get(d.get("doc_type"))),
                     need=need, group=f"document:{doc_id}")

    # --- when -------------------------------------------------------------------------
    def when(self) -> None:
        for ev in self.m.timeline:
            self.add("when", {"text": f"{ev.get('date_be')}: {ev.get('title_th')}", "url": entity_url(ev),
                              "source": _source(ev)}, keys=self.keys(ev.get("title_th")))
        for doc_id in self.cited_docs():
            d = self.docs[doc_id].doc
            title = d.get("short_title") or d.get("title")
            self.add("when", {"text": f"{title} ลงวันที่ {format_thai_date(d.date)}", "url": doc_url(doc_id),
                              "source": doc_url(doc_id)},
                     names=self.names(d.get("title"), d.get("short_title"), d.get("number")))

    # --- how many ---------------------------------------------------------------------
    def how_many(self) -> None:
        for doc_id in self.cited_docs():
            nd = self.docs[doc_id]
            for b in nd.blocks:
                for value, unit in self.counts(b.text):
                    self.count(doc_id, b, value, unit)
        self.role_counts()
        steps = self.m.steps
        if steps:
            text = f"แนวทางการขยายผลมี {to_thai_digits(str(len(steps)))} ข้อ"
            for unit in ("ข้อ", "ขั้นตอน"):
                self.add("how_many", {"text": text, "url": page_url("guidance/index.md") + "#steps", "source":
                                      doc_url(self.m.guidance_document)},
                         keys=self.keys(text, "แนวทาง ขยายผล ขั้นตอน"), unit=unit, value=str(len(steps)))

    def role_counts(self) -> None:
        for aid in self.corpus.agencies:
            roles = [r for r in self.m.roles if r.get("agency") == aid]
            if not roles:
                continue
            parent = roles[0].ref().clause.rsplit("-", 1)[0]
            heading = self.m.blocks.get((roles[0].ref().doc, parent))
            n = to_thai_digits(str(len(roles)))
            items = [{"text": _short(f"{_clause(r.ref())} {self.m.text(r.ref())}"), "url": entity_url(r)}
                     for r in roles]
            self.add("how_many", {"text": f"{self.agency_label(aid)} มีบทบาท {n} ข้อ", "url": page_url(agency_page(aid)),
                                  "source": doc_url(roles[0].ref().doc, parent), "items": items[:MAX_ITEMS]},
                     keys=self.keys("บทบาท", heading.text if heading else "",
                                    *self.agency_names(aid, english=False)),
                     unit="ข้อ", value=str(len(roles)), group=f"roles:{aid}")

    def counts(self, text: str) -> list[tuple[str, str]]:
        out = []
        for m in _COUNT.finditer(text):
            n = fold_number(m.group(1))
            words = self.analyzer.query_terms(text[m.end():m.end() + 30])
            if words and int(n) <= MAX_COUNT and len(words[0]) >= 2:
                out.append((m.group(1), words[0]))
        return out

    def count_conflict(self, value: str, unit: str):
        """The count conflict with a reading of this value (a prefix of it, folded) in
        this unit, if any."""
        if self._readings is None:
            units: dict[str, list] = {}
            for c in self.conflicts:
                for r in c.readings:
                    if r.value not in units:
                        units[r.value] = self.analyzer.query_terms(r.value)[-1:]
            self._readings = [(c, [(fold_number(r.value), units[r.value]) for r in c.readings])
                              for c in self.conflicts]
        folded = fold_number(value)
        return next((c for c, readings in self._readings
                     if any(f.startswith(folded) and u == [unit] for f, u in readings)), None)

    def count(self, doc_id: str, block, value: str, unit: str) -> None:
        conflict = self.count_conflict(value, unit)
        text = block_text(block)
        card = {"text": f"{to_thai_digits(value)} {unit} — {_short(text, 200)}", "url": doc_url(doc_id, block.anchor),
                "source": doc_url(doc_id, block.anchor)}
        group = f"count:{doc_id}:{block.anchor}:{fold_number(value)}"
        if conflict is not None:
            card = self.conflict_card(conflict)
            group = f"conflict:{conflict.id}"
        self.add("how_many", card, keys=self.keys(text), unit=unit, value=fold_number(value), group=group)

    def conflict_card(self, c) -> dict:
        readings = [reading_shown(r, self.docs.get(r.doc_id)) for r in c.readings]
        if c.decision:
            note = f"ข้อยุติ: {c.decision} {c.decision_note}".strip()
        else:
            note = "เอกสารระบุไม่ตรงกัน ยังไม่มีข้อยุติ โปรดตรวจกับหนังสือฉบับจริงก่อนอ้างอิง"
        text = f"{c.subject}: " + " · ".join(f"{r['value']} ({r['doc']})" for r in readings) + f" — {note}"
        return {"text": text, "url": readings[0]["url"], "source": readings[0]["url"], "readings": readings,
                "note": note}

    # --- what is, steps, documents ----------------------------------------------------
    def what_is(self) -> None:
        for t in self.m.glossary:
            name = f"{t.get('term')} ({t.get('abbr')})" if t.get("abbr") else str(t.get("term"))
            self.add("what_is", {"text": f"{name}: {t.get('definition')}", "url": entity_url(t),
                                 "source": _source(t)},
                     names=self.names(t.get("term"), t.get("abbr"), *(t.get("aliases") or [])))
        for aid, a in self.corpus.agencies.items():
            full = f"{a.get('name_th')} ({a.get('name_en')})"
            text = f"{a.get('abbr')} ย่อมาจาก {full}" if a.get("abbr") else full
            self.add("what_is", {"text": text, "url": page_url(agency_page(aid)), "source": ""},
                     names=self.names(*self.agency_names(aid)))
        for mi in self.m.missions:
            self.add("what_is", {"text": f"ภารกิจ{mi.get('name_th')}: {self.m.text(mi.ref())}",
                                 "url": entity_url(mi), "source": _source(mi)},
                     names=self.names(mi.get("name_th"), mi.get("short_th")))

    def steps(self) -> None:
        flows = [(self.m.all_steps(), self.m.guidance_document, "guidance/index.md"),
                 (self.m.activities, self.m.monitoring_document, "monitoring/index.md")]
        for items, doc_id, page in flows:
            if not items or doc_id not in self.docs:
                continue
            d = self.docs[doc_id].doc
            lines = [{"text": f"{_clause(x.ref())} {x.get('label')}", "url": entity_url(x)}
                     for x in items if x.get("label")]
            self.add("steps", {"text": f"{d.get('title')}: " + " → ".join(i["text"] for i in lines),
                               "url": page_url(page), "source": doc_url(doc_id), "items": lines},
                     keys=self.keys(d.get("title"), d.get("short_title")))

    def documents(self) -> dict:
        out = {}
        for doc_id in self.cited_docs():
            d = self.docs[doc_id].doc
            out[doc_url(doc_id)] = {"title": str(d.get("title")), "number": str(d.get("number") or ""),
                                    "date": format_thai_date(d.date)}
        return out


def _short(text: str, n: int = ITEM_CHARS) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


def _clause(ref) -> str:
    c = ref.clause
    return "ข้อ " + to_thai_digits(c[1:].replace("-", ".")) if c.startswith("c") else ""


def _source(e) -> str:
    r = e.ref()
    return doc_url(r.doc, r.clause) if r else ""


def reading_shown(r, nd) -> dict:
    """A count's reading as a conflict card shows it: all a card reads of the reading's
    document `nd` (None: not in the corpus) is its title and the block holding the value."""
    block = next((b for b in nd.blocks if fold_number(r.value) in fold_number(b.text)), None) if nd else None
    title = (nd.doc.get("short_title") or nd.doc.get("title")) if nd else r.doc_id
    return {"value": r.value, "doc": str(title), "url": doc_url(r.doc_id, block.anchor if block else None)}


def cited_documents(model) -> set[str]:
    """The documents the model's entities cite, its guidance and monitoring documents."""
    ids = {r.doc for e in entities(model) for r in [e.ref()] if r}
    return ids | ({model.guidance_document, model.monitoring_document} - {""})


def answer_data(corpus, model, docs, conflicts, analyzer) -> dict:
    """Every answer of the model, and the thresholds both engines apply."""
    if model is None:
        return {}
    b = _Builder(corpus, model, docs, conflicts, analyzer)
    b.who()
    b.signers()
    b.when()
    b.how_many()
    b.what_is()
    b.steps()
    return {"min_coverage": MIN_COVERAGE, "min_name_share": MIN_NAME_SHARE, "part_credit": PART_CREDIT,
            "entries": b.entries,
            "documents": b.documents()}
