"""corpus/agencies.yaml: the agencies and bodies the corpus names, each a typed record."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from build_tools.common.problems import Problem
from build_tools.common.schema import Id, Record, Text, Wording, check_record
from build_tools.common.yamlio import YamlError, load_yaml

AGENCIES_REL = "corpus/agencies.yaml"


class Agency(Record):
    id: Id  # the permalink slug agencies/<id>/: never change a published one
    name_th: Text
    name_en: Text
    abbr: Text | None = None
    aliases: list[Text] = []  # other names officials use (DLA, มหาดไทย ...)
    members: list[Id] | None = None  # for a group (the MOU parties): the agencies it stands for


_WORDING = Wording("agency")


def load_agencies(corpus_dir: Path, agencies: dict[str, Agency]) -> Iterator[Problem]:
    try:
        data = load_yaml(corpus_dir / "agencies.yaml", AGENCIES_REL)
    except FileNotFoundError:
        yield Problem(AGENCIES_REL, 1, "missing: the list of agencies")
        return
    except YamlError as exc:
        yield exc.problem
        return
    if not isinstance(data, list):
        yield Problem(AGENCIES_REL, 1, "must be a list of agencies")
        return
    for i, item in enumerate(data):
        agency, problems = check_record(Agency, item, AGENCIES_REL, _WORDING, line=data.item_lines[i])
        yield from problems
        # An agency with problems still has its id: other files citing it are not blamed.
        if agency is None or not agency.id:
            continue
        if agency.id in agencies:
            yield Problem(AGENCIES_REL, agency.line_of("id"), f"duplicate agency id '{agency.id}'")
        else:
            agencies[agency.id] = agency
    yield from _check_members(agencies)


def _check_members(agencies: dict[str, Agency]) -> Iterator[Problem]:
    """A group's `members` (the MOU parties) are agencies of the same file."""
    for a in agencies.values():
        for m in a.members or []:
            if m not in agencies:
                yield Problem(AGENCIES_REL, a.line_of("members"), f"members: '{m}' is not an agency id of this file")
