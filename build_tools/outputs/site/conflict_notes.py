"""Number conflicts on document pages: where the corpus disagrees with itself about a
number (normalization/conflicts.py), a box at the clause shows every reading until a
maintainer records the decision, then the decision (templates/conflict_note.md.j2)."""
from __future__ import annotations

from build_tools.common.thai import fold_number
from build_tools.knowledge.urls import doc_page, link
from build_tools.normalization.clauses import Block
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.site.markup import escape
from build_tools.outputs.site.render import render


def block_of(nd: NormalizedDoc, raw_line: int) -> Block | None:
    return next((b for b in nd.blocks if raw_line in b.src), None)


# Readings of other documents listed in a conflict note: a count that thousands of
# letters give differently must not put thousands of lines on every one of them.
MAX_OTHER_READINGS = 6


class ReadingsView:
    """A conflict's readings indexed once, so each document's note picks what to show
    without scanning all of them (a count given by thousands of letters would otherwise
    cost letters x readings)."""

    def __init__(self, readings: list):
        self.readings = list(readings)
        self.by_doc: dict[str, list[int]] = {}
        by_value: dict[str, list[int]] = {}
        for i, r in enumerate(self.readings):
            self.by_doc.setdefault(r.doc_id, []).append(i)
            by_value.setdefault(fold_number(r.value), []).append(i)
        self.values = list(by_value.values())  # index lists, by first appearance
        self._places: dict[tuple, tuple] = {}  # (doc id, raw line) -> place()
        self._default: tuple | None = None  # _others() of a document with no reading here

    def mine(self, doc_id: str) -> list:
        return [self.readings[i] for i in self.by_doc.get(doc_id, [])]

    def place(self, r, docs: dict[str, NormalizedDoc]) -> tuple[str, str | None]:
        """The title of a reading's document and the anchor of the block holding it (None:
        its header), found once per build (the same readings are shown on many pages)."""
        key = (r.doc_id, r.line)
        if key not in self._places:
            od = docs.get(r.doc_id)
            b = block_of(od, r.line) if od else None
            self._places[key] = (escape(str(od.doc.get("short_title") or od.doc.get("title"))) if od else r.doc_id,
                                 b.anchor if b is not None and b.kind != "header" else None)
        return self._places[key]

    def show(self, doc_id: str) -> tuple[list, int]:
        """This document's readings and up to MAX_OTHER_READINGS others (one of each
        other value first), in their original order; and how many others were left out."""
        mine = set(self.by_doc.get(doc_id, []))
        n_others = len(self.readings) - len(mine)
        if n_others <= MAX_OTHER_READINGS:
            return list(self.readings), 0
        # The others a document with no reading here would show, and every reading that
        # choice looked at: a document holding none of those shows the same others (the
        # choice asks of its readings only whether they are among these), so thousands
        # of letters in one conflict share one choice.
        if self._default is None:
            self._default = self._others(set())
        keep, looked_at = self._default
        if not mine.isdisjoint(looked_at):
            keep, _ = self._others(mine)
        shown = [self.readings[i] for i in sorted(mine | set(keep))]
        return shown, n_others - len(keep)

    def _others(self, mine: set[int]) -> tuple[list[int], set[int]]:
        """The others to show beside `mine` (reading indexes), and the indexes whose
        membership in `mine` decided it."""
        looked_at: set[int] = set()

        def other(i: int) -> bool:
            looked_at.add(i)
            return i not in mine

        firsts: list[int] = []
        for idxs in self.values:
            # Values come by first appearance: once MAX firsts all come before this
            # value's first reading, no later value can enter the list.
            if len(firsts) >= MAX_OTHER_READINGS and sorted(firsts)[MAX_OTHER_READINGS - 1] < idxs[0]:
                break
            i = next((i for i in idxs if other(i)), None)
            if i is not None:
                firsts.append(i)
        keep = sorted(firsts)[:MAX_OTHER_READINGS]
        if len(keep) < MAX_OTHER_READINGS:
            chosen = set(firsts)
            for i in range(len(self.readings)):
                if len(keep) >= MAX_OTHER_READINGS:
                    break
                if other(i) and i not in chosen:
                    keep.append(i)
        return keep, looked_at


def conflicts_by_doc(conflicts) -> dict[str, list]:
    """document id -> [(conflict, ReadingsView)] for the conflicts it has a reading in
    (once per build: scanning every conflict for every document costs documents x
    readings)."""
    out: dict[str, list] = {}
    for c in conflicts:
        view = ReadingsView(c.readings)
        for doc_id in view.by_doc:
            out.setdefault(doc_id, []).append((c, view))
    return out


def conflict_note_data(conflicts, nd: NormalizedDoc, docs: dict[str, NormalizedDoc],
                       by_doc: dict[str, list] | None = None) -> list[tuple[list[int], dict]]:
    """What each number-conflict note of this document shows (both readings, and the
    maintainer's decision once recorded), with the raw lines of its readings here: the
    notes' inputs, cheap to compare (a cached page keeps its notes while these are the
    same) and rendered by render_notes.  `by_doc` (conflicts_by_doc) saves scanning
    every conflict."""
    out = []
    here = doc_page(nd.id)
    if by_doc is None:
        by_doc = conflicts_by_doc(conflicts)
    for c, view in by_doc.get(nd.id, []):
        shown, hidden = view.show(nd.id)
        readings = []
        for r in shown:
            title, anchor = view.place(r, docs)
            readings.append({"here": r.doc_id == nd.id, "line": r.line, "value": r.value, "title": title,
                             "target": link(here, doc_page(r.doc_id), anchor)})
        shows = {"subject": c.subject, "decision": c.decision, "decision_note": c.decision_note,
                 "readings": readings, "hidden": hidden}
        out.append(([r.line for r in view.mine(nd.id)], shows))
    return out


def note_inputs(nd_id: str, by_doc: dict[str, list]) -> list[tuple]:
    """What conflict_note_data shows for a document, but for the titles and anchors of
    the readings' documents (they follow from those documents) and its links (from the
    documents and anchors): cheap to compare between builds (outputs/site/page_deps.py)."""
    out = []
    for c, view in by_doc.get(nd_id, []):
        shown, hidden = view.show(nd_id)
        out.append((c.subject, c.decision, c.decision_note, hidden, [(r.doc_id, r.line, r.value) for r in shown]))
    return out


def render_notes(data: list[tuple[list[int], dict]]) -> dict[int, list[str]]:
    """raw line -> the notes (conflict_note_data) to place at the block holding it."""
    notes: dict[int, list[str]] = {}
    for lines, shows in data:
        note = render("conflict_note.md.j2", **shows)
        for line in lines:
            notes.setdefault(line, []).append(note)
    return notes


def conflict_notes(conflicts, nd: NormalizedDoc, docs: dict[str, NormalizedDoc],
                   by_doc: dict[str, list] | None = None) -> dict[int, list[str]]:
    """Admonitions to place at the block holding each reading of a number conflict in
    this document (conflict_note_data, rendered)."""
    return render_notes(conflict_note_data(conflicts, nd, docs, by_doc))
