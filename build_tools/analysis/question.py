"""What a query means beyond its words: the one query-understanding module of both
engines (the command line runs it; the site runs the same steps in the browser on the
tables `tables()` writes at build time, see build_tools/outputs/search_index/query_data.py).

A query is cut by the analyzer; then, word by word, the longest listed phrase wins:
- a question word or particle (corpus/search/question_words.yaml: ใคร, เมื่อไหร่, กี่,
  คืออะไร, ที่, ของ ...) is dropped from the words that must match, and the intent it
  signals is noted (who, when, how_many, what_is, which_document, steps); a word listed
  with `keep` (หน้าที่) signals its intent and stays a search word;
- a thesaurus word (corpus/search/thesaurus.yaml) becomes a group whose alternatives are
  the word as typed (exact) and the other words of its thesaurus group (synonym: ranks
  below an exact match);
- any other word is a group of the word and the other names the analyzer knows for it
  (agency and glossary names, corrected OCR misreadings).
The intent is the first of the intents (in the data file's order) a word signalled; for
how_many the counted unit is the word after กี่ / จำนวน.  A query made of question
words only (ใคร) keeps them as its search words.  Quoted phrases are kept as typed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_tools.analysis.analyzer import ThaiAnalyzer, normalize_query_text, normalize_term
from build_tools.analysis.segmenter import clusters

# A query longer than this is cut at a word boundary before it is analyzed (a pasted
# page of text is not a question; both engines say so).  At most MAX_GROUPS distinct
# words are searched for.
MAX_QUERY_CHARS = 200
MAX_GROUPS = 16
PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”')
EXACT, SYNONYM, NAME = "exact", "synonym", "name"
UNIT_AFTER = ("กี่", "จำนวน")  # how-many words followed by the counted unit


@dataclass(frozen=True)
class Alternative:
    """One way a query word may match: all of `terms` in a section."""
    terms: tuple[str, ...]
    kind: str  # exact | synonym (thesaurus) | name (another name the analyzer knows)


@dataclass
class Group:
    """A word of the query that should match: any one of its alternatives."""
    word: str  # the query's term(s) as cut
    alternatives: list[Alternative]
    intent: str | None = None  # a kept question word (หน้าที่) signals one
    run: int = 0  # which space-separated run of the query it was typed in

    @property
    def terms(self) -> list[str]:
        return [t for a in self.alternatives for t in a.terms]


@dataclass
class ParsedQuery:
    text: str
    groups: list[Group] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)  # each: its terms, in order
    runs: list[str] = field(default_factory=list)  # the free text's space-separated runs, normalized
    question_words: list[str] = field(default_factory=list)  # dropped, never required
    intent: str | None = None  # the first of `intents`
    intents: list[str] = field(default_factory=list)  # every intent a word signals, by precedence
    intent_word: str = ""  # the word that set `intent`
    unit: str | None = None  # how_many: the counted unit's term
    truncated: bool = False  # the query was longer than MAX_QUERY_CHARS / MAX_GROUPS

    def explain(self) -> list[str]:
        """How the query was understood, in plain lines (`search --explain`)."""
        lines = [f"search words: {' · '.join(g.word for g in self.groups) or '(none)'}"]
        if self.phrases:
            lines.append("phrases: " + " · ".join('"' + " ".join(p) + '"' for p in self.phrases))
        if self.question_words:
            lines.append(f"question words (never required): {' · '.join(self.question_words)}")
        if self.intent:
            unit = f", counting {self.unit}" if self.unit else ""
            more = f"; then {', '.join(self.intents[1:])}" if len(self.intents) > 1 else ""
            lines.append(f"intent: {self.intent} (from {self.intent_word}{unit}{more})")
        for g in self.groups:
            for kind, how in ((NAME, "another name of it"), (SYNONYM, "thesaurus: ranks below the word as typed")):
                alts = [" ".join(a.terms) for a in g.alternatives if a.kind == kind]
                if alts:
                    lines.append(f"  {g.word} also finds {', '.join(alts)} ({how})")
        if self.truncated:
            lines.append(f"query cut to its first {MAX_QUERY_CHARS} characters / {MAX_GROUPS} words")
        return lines


@dataclass(frozen=True)
class _Phrase:
    terms: tuple[str, ...]
    intent: str | None = None
    keep: bool = True
    synonyms: tuple[tuple[str, ...], ...] = ()  # thesaurus: the other words' terms


class QueryUnderstanding:
    """Built from the tables (`tables()`), so the command line reads exactly what the
    browser reads."""

    def __init__(self, analyzer: ThaiAnalyzer, tables: dict | None = None):
        self.analyzer = analyzer
        tables = tables or {}
        self.intents: list[str] = list(tables.get("intents") or [])
        self.phrases: dict[tuple[str, ...], _Phrase] = {}
        for w in tables.get("question_words") or []:
            self.phrases[tuple(w["terms"])] = _Phrase(tuple(w["terms"]), w.get("intent"), bool(w.get("keep")))
        for group in tables.get("thesaurus") or []:
            words = [tuple(t) for t in group]
            for w in words:
                old = self.phrases.get(w)
                self.phrases[w] = _Phrase(w, old.intent if old else None, True,
                                          tuple(x for x in words if x != w))
        self.longest = max((len(k) for k in self.phrases), default=1)
        self.single = {k[0] for k, v in self.phrases.items() if len(k) == 1 and (v.intent or not v.keep)}
        # Kept words that signal an intent (หน้าที่, บทบาท): also at the start of a
        # compound the dictionary joined (บทบาทร่วม, หน้าที่ของ).
        self.cues = sorted((k[0] for k, v in self.phrases.items() if len(k) == 1 and v.keep and v.intent),
                           key=len, reverse=True)

    @classmethod
    def from_vocabulary(cls, analyzer: ThaiAnalyzer, vocabulary) -> "QueryUnderstanding":
        return cls(analyzer, tables(analyzer, vocabulary))

    def _match(self, terms: list[str], i: int) -> _Phrase | None:
        for k in range(min(self.longest, len(terms) - i), 0, -1):
            hit = self.phrases.get(tuple(terms[i:i + k]))
            if hit is not None:
                return hit
        return None

    def parse(self, text: str) -> ParsedQuery:
        truncated = len(text) > MAX_QUERY_CHARS
        if truncated:
            cut = text[:MAX_QUERY_CHARS]
            text = cut[:cut.rfind(" ")] if " " in cut.strip() else cut
        out = ParsedQuery(text, truncated=truncated)
        for m in PHRASE.finditer(text):
            words = [g[0] for g in self.analyzer.query_groups(m.group(1) or m.group(2))]
            if words:
                out.phrases.append(words)
        self._words(PHRASE.sub(" ", text), out)
        return out

    def split(self, term: str) -> list[str]:
        """A word the dictionary joined from question words (มีบทบาท = มี + บทบาท,
        อะไรบ้าง = อะไร + บ้าง) as those words; any other word as it is."""
        if (term,) in self.phrases or len(term) < 4 or not term[:1] >= "\u0e00":
            return [term]
        bounds = sorted(clusters(term) | {len(term)})
        best: dict[int, list[str]] = {len(term): []}
        for i in reversed(bounds[:-1]):
            for j in bounds:
                if j > i and j in best and term[i:j] in self.single and (
                        i not in best or len(best[j]) + 1 < len(best[i])):
                    best[i] = [term[i:j]] + best[j]
        return best.get(0) or [term]

    def _rejoined(self, terms: list[str]) -> list[str]:
        """Neighbouring words the segmenter cut across question words (ขั้น + ตอนแรก is
        ขั้นตอน + แรก) re-cut into those question words."""
        out, i = [], 0
        while i < len(terms):
            for k in (3, 2):
                joined = "".join(terms[i:i + k])
                pieces = self.split(joined) if i + k <= len(terms) else [joined]
                if len(pieces) > 1:
                    out += pieces
                    i += k
                    break
            else:
                out.append(terms[i])
                i += 1
        return out

    def _cut(self, text: str, out: ParsedQuery) -> tuple[list[str], list[int]]:
        """The free text's words (question words re-cut) and the run each was typed in."""
        terms, runs = [], []
        for n, run in enumerate(text.split()):
            cut = self._rejoined([w for t in self.analyzer.query_terms(run) for w in self.split(t)])
            terms += cut
            runs += [n] * len(cut)
            out.runs.append(normalize_term(normalize_query_text(run)).strip(".,;:()"))
        return terms, runs

    def _intent_of(self, hit: _Phrase | None, word: str) -> str | None:
        if hit is not None:
            return hit.intent
        cue = next((c for c in self.cues if word.startswith(c)), None)
        return self.phrases[(cue,)].intent if cue else None

    def _words(self, text: str, out: ParsedQuery) -> None:
        terms, runs = self._cut(text, out)
        groups, dropped, intents, unit_next = [], [], {}, False
        i = 0
        while i < len(terms):
            hit = self._match(terms, i)
            size = len(hit.terms) if hit else 1
            word = " ".join(terms[i:i + size])
            intent = self._intent_of(hit, word)
            if intent:
                intents.setdefault(intent, word)
            if unit_next and out.unit is None and word not in UNIT_AFTER:
                out.unit = word  # the counted unit (กี่ขั้นตอน: a question word itself)
            unit_next = word in UNIT_AFTER
            if hit and not hit.keep:
                dropped.append(word)
            else:
                groups.append(self._group(terms[i:i + size], hit, runs[i]))
            i += size
        if not groups and not out.phrases:  # only question words: they are what is searched
            groups, dropped = [self._group([t], None, r) for t, r in zip(terms, runs)], []
        unique = _first_of_each(groups)
        out.truncated = out.truncated or len(unique) > MAX_GROUPS
        out.groups, out.question_words = unique[:MAX_GROUPS], dropped
        out.intents = [i for i in self.intents if i in intents]
        if out.intents:
            out.intent, out.intent_word = out.intents[0], intents[out.intents[0]]

    def _group(self, terms: list[str], hit: _Phrase | None, run: int) -> Group:
        word = " ".join(terms)
        if len(terms) == 1:
            names = self.analyzer.term_groups(terms[0])
            alternatives = [Alternative(tuple(t for g in names for t in g[:1]), EXACT)]
            alternatives += [Alternative((t,), NAME) for g in names[:1] for t in g[1:]]
        else:
            alternatives = [Alternative(tuple(terms), EXACT)]
        for syn in hit.synonyms if hit else ():
            if all(Alternative(syn, k) not in alternatives for k in (EXACT, NAME)):
                alternatives.append(Alternative(syn, SYNONYM))
        return Group(word, alternatives, hit.intent if hit else None, run)


def _first_of_each(groups: list[Group]) -> list[Group]:
    """A word typed twice counts once."""
    seen: dict[str, Group] = {}
    for g in groups:
        seen.setdefault(g.word, g)
    return list(seen.values())


def tables(analyzer: ThaiAnalyzer, vocabulary) -> dict:
    """The question words and the thesaurus as the analyzer cuts them (lists of terms),
    for the command line and, written at build time, for the browser."""
    def terms(word: str) -> list[str]:
        return analyzer.query_terms(word)

    words = []
    for w in vocabulary.words:
        t = terms(w.word)
        if t:
            words.append({"terms": t, "intent": w.intent, "keep": w.keep})
    thesaurus = []
    for g in vocabulary.thesaurus:
        cut = [terms(w) for w in g.words]
        thesaurus.append([t for t in cut if t])
    return {"intents": [i.id for i in vocabulary.intents], "intent_labels": {i.id: i.label for i in vocabulary.intents},
            "question_words": words, "thesaurus": thesaurus,
            "max_query_chars": MAX_QUERY_CHARS, "max_groups": MAX_GROUPS, "unit_after": list(UNIT_AFTER)}
