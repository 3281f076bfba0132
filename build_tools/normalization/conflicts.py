"""Numbers the corpus disagrees with itself about.  Numbers are never corrected by a
guess: a disagreement is detected, reported by `check`/`build`, and shown on the site
with both readings until a maintainer records a decision in corpus/conflicts.yaml.

Detected kinds:
- reference: a document cites another by its number and date (ที่ มท 0404.2/8900
  ลงวันที่ 6 สิงหาคม 2552) and the document of that date with the same number prefix
  has another serial (มท ๐๔๐๔.๒/๔๙๐๐).  Without the matching date a different serial is
  simply another letter: one office numbers thousands of letters with one prefix;
- count: the same unit counted differently in different documents (๘๗๗ อำเภอ vs
  ๘๘๘ อำเภอ)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

from build_tools.common.problems import Problem
from build_tools.common.thai import fold_number
from build_tools.common.thaidate import DATE_RE, parse_thai_date
from build_tools.sources.decisions import CONFLICTS_REL

_D = "0-9๐-๙"
REF = re.compile(rf"(?P<prefix>[ก-ฮ]{{1,4}}\s*[{_D}]+(?:\.[{_D}]+)*)\s*/\s*(?P<circ>ว\s*)?(?P<serial>[{_D}]+)")
UNITS = {"อำเภอ": "districts", "จังหวัด": "provinces", "ตำบล": "subdistricts",
         "หมู่บ้าน": "villages"}
COUNT = re.compile(rf"(?<![{_D}.])(?P<n>[{_D}]{{2,}})\s*(?P<unit>{'|'.join(UNITS)})")


@dataclass
class Reading:
    doc_id: str
    line: int  # raw line (0: the document's front matter)
    value: str  # as printed
    context: str


@dataclass
class Conflict:
    id: str
    kind: str  # reference | count
    subject: str  # Thai: what the readings are about
    readings: list[Reading]
    decision: str | None = None
    decision_note: str = ""
    file_line: int = 0  # in corpus/conflicts.yaml, when a decision entry exists

    def values(self) -> list[str]:
        return sorted({fold_number(r.value) for r in self.readings})


def accepts(decision: str, value: str) -> bool:
    """A decision names a reading in full (มท 0404.2/4900) or by its last number (4900)."""
    d, v = fold_number(decision), fold_number(value)
    return d == v or (d.isdigit() and re.findall(r"\d+", v)[-1:] == [d])


def _snippet(text: str, start: int, end: int, width: int = 30) -> str:
    return text[max(0, start - width):end + width].strip()


def detect(docs, found_in: list | None = None) -> list[Conflict]:
    """docs: NormalizedDoc list; `found_in`: each document's `mentions` (computed when
    not given: a rebuild keeps them with the review's other per-document findings).
    Returns the conflicts, in a stable order."""
    found_in = [mentions(nd) for nd in docs] if found_in is None else found_in
    found = {**_reference_conflicts(docs, found_in), **_count_conflicts(docs, found_in)}
    return [found[k] for k in sorted(found)]


def mentions(nd) -> tuple[list[tuple], list[tuple]]:
    """The numbers a document's text gives that conflicts are made of, in text order:
    each letter number it cites (prefix, serial, as printed, raw line, snippet, the
    date cited with it) and each count (unit, as printed, raw line, snippet)."""
    refs, counts = [], []
    for i, line in enumerate(nd.lines):
        for m in REF.finditer(line.text):
            date = _cited_date(line.text[m.end():], [ln for ln in nd.lines[i + 1:i + 4] if ln.text.strip()][:1])
            refs.append((fold_number(m["prefix"]), fold_number(m["serial"]), m[0].strip(), line.src[0],
                         _snippet(line.text, m.start(), m.end()), date))
        for m in COUNT.finditer(line.text):
            if not 2400 <= int(fold_number(m["n"])) <= 2700:  # else a Buddhist-era year, not a count
                counts.append((m["unit"], m[0], line.src[0], _snippet(line.text, m.start(), m.end())))
    return refs, counts


def _own_numbers(docs) -> tuple[dict[str, tuple], dict[tuple, list]]:
    """Each document's own (prefix, serial), and the numbered documents by (prefix, date)."""
    own_number: dict[str, tuple] = {}
    numbered: dict[tuple, list] = {}  # (prefix, date) -> [(doc id, serial, number)]
    for nd in docs:
        num = nd.doc.get("number")
        m = REF.search(str(num)) if num else None
        if m:
            own_number[nd.id] = (fold_number(m["prefix"]), fold_number(m["serial"]))
            numbered.setdefault((own_number[nd.id][0], nd.doc.date), []).append(
                (nd.id, own_number[nd.id][1], str(num)))
    return own_number, numbered


def _reference_conflicts(docs, found_in: list) -> dict[str, Conflict]:
    """A letter cited with another serial than the one it bears (same prefix and date)."""
    found: dict[str, Conflict] = {}
    own_number, numbered = _own_numbers(docs)
    for nd, (refs, _) in zip(docs, found_in):
        for prefix, serial, printed, raw_line, snippet, date in refs:
            if own_number.get(nd.id) == (prefix, serial):
                continue  # the document's own number
            for other, o_serial, o_num in numbered.get((prefix, date), []) if date else []:
                if other == nd.id or serial == o_serial:
                    continue
                cid = f"ref-{other}"
                if cid not in found:
                    found[cid] = _cited_conflict(docs, cid, other, prefix, o_serial, o_num)
                found[cid].readings.append(Reading(nd.id, raw_line, printed, snippet))
    return found


def _cited_conflict(docs, cid: str, other: str, prefix: str, o_serial: str, o_num: str) -> Conflict:
    """The conflict over letter `other`'s number, with the reading of its own header."""
    own = next(((ln.src[0], ln.text) for ln in _doc(docs, other).lines
                if any(fold_number(x["serial"]) == o_serial and fold_number(x["prefix"]) == prefix
                       for x in REF.finditer(ln.text))), (0, o_num))
    return Conflict(cid, "reference", f"เลขที่หนังสือ {o_num}", [Reading(other, own[0], o_num, own[1].strip())])


def _count_conflicts(docs, found_in: list) -> dict[str, Conflict]:
    """A count (of districts, villages ...) that documents give differently."""
    counts: dict[str, list[Reading]] = {}
    for nd, (_, found) in zip(docs, found_in):
        for unit, printed, raw_line, snippet in found:
            counts.setdefault(unit, []).append(Reading(nd.id, raw_line, printed, snippet))
    found = {}
    for unit, readings in counts.items():
        if len({fold_number(r.value) for r in readings}) > 1 and len({r.doc_id for r in readings}) > 1:
            cid = f"count-{UNITS[unit]}"
            found[cid] = Conflict(cid, "count", f"จำนวน{unit}", readings)
    return found


def _cited_date(rest: str, next_lines) -> "dt.date | None":
    """The date of a citation: the first Thai date after the number, on its line or the
    next line with text (ลงวันที่ is often on its own line)."""
    for text in [rest, *(ln.text for ln in next_lines)]:
        m = DATE_RE.search(text)
        if m:
            try:
                return parse_thai_date(m.group(0))
            except ValueError:
                return None
    return None


def _doc(docs, doc_id):
    return next(nd for nd in docs if nd.id == doc_id)


def resolve(conflicts: list[Conflict], decisions: dict[str, dict]) -> Iterator[Problem]:
    """Attach recorded decisions; a decision that is not one of the readings is an error,
    a decision for a conflict no longer detected is a warning."""
    rel = CONFLICTS_REL
    by_id = {c.id: c for c in conflicts}
    for cid, d in decisions.items():
        c = by_id.get(cid)
        if c is None:
            yield Problem(rel, d["line"], f"conflict '{cid}' is not detected in the corpus (any more)",
                          severity="warning")
            continue
        c.file_line = d["line"]
        if d["decision"] is None:
            continue
        if not any(accepts(d["decision"], r.value) for r in c.readings):
            yield Problem(rel, d["line"], f"decision '{d['decision']}' for '{cid}' is none of the readings "
                                          f"({', '.join(r.value for r in c.readings)})")
            continue
        c.decision, c.decision_note = d["decision"], d["note"]


# A warning names every reading only when there are few: a count thousands of letters
# give would otherwise put thousands of readings into each of thousands of warnings.
MAX_LISTED = 6


def report(conflicts: list[Conflict], raw_of: dict[str, str]) -> Iterator[Problem]:
    """Undecided conflicts as warnings, one per reading, at the raw file and line."""
    for c in conflicts:
        if c.decision is not None:
            continue
        if len(c.readings) <= MAX_LISTED:
            listed = "; ".join(f"{r.doc_id}: {r.value}" for r in c.readings)
        else:
            firsts = {}
            for r in c.readings:
                firsts.setdefault(fold_number(r.value), r)
            examples = "; ".join(f"{r.doc_id}: {r.value}" for r in list(firsts.values())[:MAX_LISTED])
            listed = (f"{len(c.readings)} readings, {len(firsts)} different values, e.g. {examples}; "
                      "each reading is its own warning")
        for r in c.readings:
            yield Problem(f"corpus/raw/{raw_of[r.doc_id]}", r.line or 1,
                          f"[{r.doc_id}] conflict {c.id}: readings disagree ({listed}); "
                          f"record the right one in {CONFLICTS_REL}", severity="warning")
