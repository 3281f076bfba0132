"""Answer cards on the command line: the question's intent and words matched against the
answers the knowledge model holds (written at build time by
build_tools/outputs/search_index/answers.py; the browser runs the same matching on the
same data).

A card is shown only when one answer covers the question's informative words well
enough (`min_coverage` of their weight; an answer matched by its names must also have
`min_name_share` of a name in the question) and nothing else covers them as well, except
where listing all is the answer (every agency that holds a duty).  No card is better
than a wrong card."""
from __future__ import annotations

from dataclasses import dataclass

from build_tools.common.thai import fold_number

EPSILON = 1e-9
MAX_ITEMS = 8  # a who-card lists at most this many statements; more is no answer


@dataclass
class _Entry:
    kind: str
    card: dict
    names: list[set] | None
    keys: set | None  # words of a statement
    parts: set  # dictionary words inside its compounds
    group: str
    unit: str | None
    value: str | None
    need: set  # the question must hold one of these terms


def _entry(e: dict) -> _Entry:
    names = [set(n) for n in e["names"]] if "names" in e else None
    keys = set(e["keys"]["words"]) if "keys" in e else None
    parts = set(e["keys"]["parts"]) if "keys" in e else set()
    return _Entry(e["kind"], e["card"], names, keys, parts, e.get("group") or e["card"]["url"], e.get("unit"),
                  e.get("value"), set(e.get("need") or ()))


def coverage(entry: _Entry, groups: list[tuple[set, float]], min_share: float,
             part_credit: float) -> tuple[float, float] | None:
    """(share of the question's weight the entry covers, share of its best name the
    question mentions), or None when no name is mentioned well enough.  A word found
    only inside a compound of a statement counts `part_credit`."""
    if entry.need:
        needed = [g for g in groups if g[0] & entry.need]
        if not needed:
            return None
        groups = [g for g in groups if not g[0] & entry.need]
    total = sum(w for _, w in groups)
    if not total:
        return (1.0, 1.0)
    if entry.names is None:
        covered = sum(w if terms & entry.keys else w * part_credit if terms & entry.parts else 0.0
                      for terms, w in groups)
        return (covered / total, 0.0)
    # Covered: the question's words in any of its names; the share: of its best name.
    everything = set().union(*entry.names)
    covered = sum(w for terms, w in groups if terms & everything) / total
    said = set().union(*(t for t, _ in groups))
    share = max(len(name & said) / len(name) for name in entry.names)
    return (covered, share) if share >= min_share else None


class Answers:
    def __init__(self, analyzer, data: dict | None):
        data = data or {}
        self.analyzer = analyzer
        self.min_coverage = data.get("min_coverage", 1.0)
        self.min_share = data.get("min_name_share", 1.0)
        self.part_credit = data.get("part_credit", 0.0)
        self.entries = [_entry(e) for e in data.get("entries") or []]
        self.documents = data.get("documents") or {}

    def card(self, parsed, hits: list[dict], view, scorer) -> dict | None:
        """The answer card for a parsed question, or None: the card of the first of its
        intents (by precedence) that has one."""
        for intent in parsed.intents:
            card = self._card(intent, parsed, hits, scorer)
            if card is not None:
                return card
        return None

    def _card(self, intent: str, parsed, hits: list[dict], scorer) -> dict | None:
        if intent == "which_document":
            return self._document(hits, scorer)
        groups = [(set(g.terms), scorer.word_weight(g)) for g in parsed.groups
                  if not g.intent and g.word != parsed.unit]
        entries = [e for e in self.entries if e.kind == intent]
        if intent == "how_many":
            if not parsed.unit:
                return None
            entries = [e for e in entries if e.unit and e.unit.startswith(parsed.unit)]
            if not groups:  # "กี่อำเภอ" and nothing else: the unit alone
                return _agreed(entries)
        return choose(intent, entries, groups, (self.min_coverage, self.min_share, self.part_credit))

    def _document(self, hits: list[dict], scorer) -> dict | None:
        """The document the best hit is in, when the best hit answers the whole question."""
        if not hits or not hits[0]["url"].startswith("documents/") or scorer.best_coverage < self.min_coverage:
            return None
        h = hits[0]
        page = h["url"].split("#")[0]
        doc = self.documents.get(page) or {"title": h["title"], "number": h.get("_number"), "date": ""}
        number = doc.get("number") or ""
        if number and fold_number(number) not in fold_number(doc["title"]):
            number = f" ที่ {number}"
        else:
            number = ""
        text = doc["title"] + number + (f" ลงวันที่ {doc['date']}" if doc.get("date") else "")
        return {"kind": "which_document", "text": text, "url": h["url"], "source": page}


def choose(intent: str, entries: list[_Entry], groups, limits: tuple) -> dict | None:
    """The card of the entries that best cover the question, or None.  For who, an
    agency the question names ("what does X do") comes before the duties it mentions."""
    if intent == "who":
        agencies = [e for e in entries if e.group.startswith("agency:")]
        card = _best(intent, agencies, groups, limits)
        if card is not None:
            return card
        entries = [e for e in entries if not e.group.startswith("agency:")]
    return _best(intent, entries, groups, limits)


def _best(intent: str, entries: list[_Entry], groups, limits: tuple) -> dict | None:
    min_coverage, min_share, part_credit = limits
    scored = []
    for e in entries:
        c = coverage(e, groups, min_share, part_credit)
        if c is not None and c[0] >= min_coverage - EPSILON:
            scored.append((c, e))
    if not scored:
        return None
    best = max(c for c, _ in scored)
    top = [e for c, e in scored if c[0] >= best[0] - EPSILON and c[1] >= best[1] - EPSILON]
    if intent == "who":
        return _who(top)
    if intent == "how_many":
        values = {e.value for e in top}
        groups_ = {e.group for e in top}
        if len(groups_) == 1 or len(values) == 1:
            return dict(top[0].card)
        return None
    cards = {e.card["url"]: e.card for e in top}
    return dict(next(iter(cards.values()))) if len(cards) == 1 else None


def _agreed(entries: list[_Entry]) -> dict | None:
    """A question that names only the unit: where every count of it the documents state
    agrees (or all are the readings of one recorded conflict), that is the answer."""
    if not entries:
        return None
    if len({e.value for e in entries}) == 1 or len({e.group for e in entries}) == 1:
        return dict(entries[0].card)
    return None


def _who(top: list[_Entry]) -> dict | None:
    agencies = [e for e in top if e.group.startswith("agency:")]
    if agencies:
        return dict(agencies[0].card) if len({e.group for e in agencies}) == 1 else None
    items = [i for e in top for i in e.card.get("items") or [{"text": e.card["text"], "url": e.card["url"]}]]
    if not items or len(items) > MAX_ITEMS:
        return None
    if len(items) == 1:
        return dict(top[0].card)
    first = top[0].card
    return {"kind": "who", "text": " · ".join(i["text"] for i in items), "url": first["url"],
            "source": first.get("source", ""), "items": items}
