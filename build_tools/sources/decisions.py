"""corpus/conflicts.yaml: maintainers' decisions on numbers the corpus disagrees with
itself about (the conflicts themselves are found in stage 2: normalization/conflicts.py).
A decision left empty means undecided: the site shows both readings."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from build_tools.common.problems import Problem
from build_tools.common.schema import Id, Record, Text, Wording, check_record
from build_tools.common.yamlio import load_data_file

CONFLICTS_FILE = "conflicts.yaml"
CONFLICTS_REL = f"corpus/{CONFLICTS_FILE}"


class Decision(Record):
    id: Id  # the conflict's id, as `check` names it
    decision: str | int | None = None  # the reading that is right, as printed or in Arabic digits
    note: Text | None = None  # the source the decision rests on


_WORDING = Wording("decision", unknown="unknown field '{field}'",
                   not_mapping="each decision must be a mapping with id, decision, note",
                   fields=(("decision", "decision must be the reading chosen, as text"),))


def load_decisions(corpus_dir: Path, out: dict[str, dict]) -> Iterator[Problem]:
    """Decisions into `out` as {conflict id: {decision, note, line}}."""
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, CONFLICTS_FILE, list, "be a list of decisions (id, decision, note)", problems)
    yield from problems
    for n, item in enumerate(data or []):
        d, problems = check_record(Decision, item, CONFLICTS_REL, _WORDING, line=data.item_lines[n])
        if d is not None and d.id in out:
            problems.append(Problem(CONFLICTS_REL, d.line_of("id"), f"duplicate conflict id '{d.id}'"))
        if d is not None and d.decision is not None and not d.note:
            problems.append(Problem(CONFLICTS_REL, d.line_of("decision"),
                                    "a decision needs a 'note' saying on what source it rests"))
        yield from problems
        if d is not None and not problems:
            out[d.id] = {"decision": None if d.decision is None else str(d.decision),
                         "note": d.note or "", "line": d.yaml_line}
