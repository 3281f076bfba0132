"""The files of corpus/model/, one loader each: what each file's top level holds and the
checks particular to it (plans feed plans, steps lead to steps, projects name places).
Shared checks (schema, unique ids, citations): knowledge/loader.py."""
from __future__ import annotations

from pathlib import Path

from build_tools.common.problems import Problem
from build_tools.common.schema import Id, Record
from build_tools.knowledge.loader import ModelLoader
from build_tools.knowledge.model import (
    Activity,
    Criterion,
    Event,
    Mission,
    Model,
    Objective,
    Plan,
    Project,
    Role,
    Step,
    Substep,
    Target,
    Term,
)
from build_tools.knowledge.permalinks import check_permalinks, load_permalinks

_YEAR_BE = ("year_be", "year_be '{input}' must be a Buddhist-era year such as 2553")
_SUMMARY = ("summary", "summary must be one line of text")


class MissionsFile(Record):
    missions: list
    objectives: list = []
    targets: list = []


class RolesFile(Record):
    roles: list


class GuidanceFile(Record):
    document: Id
    plans: list = []
    steps: list


class MonitoringFile(Record):
    document: Id
    activities: list
    criteria: list = []


def load_missions(ld: ModelLoader) -> None:
    rel = "corpus/model/missions.yaml"
    data = ld.load(rel)
    top = ld.file_shape(MissionsFile, data, rel) if data is not None else None
    if top is None:
        return
    ld.model.missions += ld.valid(Mission, data['missions'], rel, "mission")
    ld.model.objectives += ld.valid(Objective, data.get('objectives'), rel, "objective")
    ld.model.targets += ld.valid(Target, data.get('targets'), rel, "target")


def _check_summary(ld: ModelLoader, r: Role, rel: str, seen: dict[str, tuple[str, int]]) -> None:
    """Never the same summary for two roles: each says what its role does."""
    key = " ".join(r.summary.split())
    if key in seen:
        other, other_line = seen[key]
        ld.err(rel, r.line_of("summary"), f"summary '{key}' is the same as role '{other}' (line {other_line}): "
                                          "write what this role does in its own words")
    else:
        seen[key] = (r.id, r.line_of("summary"))


def load_roles(ld: ModelLoader) -> None:
    rel = "corpus/model/roles.yaml"
    data = ld.load(rel)
    top = ld.file_shape(RolesFile, data, rel) if data is not None else None
    summaries: dict[str, tuple[str, int]] = {}
    for r, ok in ld.records(Role, data['roles'] if top else [], rel, "role", _SUMMARY):
        if r.summary:
            _check_summary(ld, r, rel, summaries)
        before = len(ld.problems)
        if r.agency and r.agency not in ld.corpus.agencies:
            ld.err(rel, r.line_of("agency"), f"agency '{r.agency}' is not an agency id in corpus/agencies.yaml")
        ld.missions(r, rel)
        ld.agencies(r, "involves", rel)
        if ok and len(ld.problems) == before:
            ld.model.roles.append(r)


def _check_plans(ld: ModelLoader, rel: str, plan_ids: set[str]) -> None:
    for p in ld.model.plans:
        if p.feeds_into and not p.source:
            ld.err(rel, p.line_of("feeds_into"), "feeds_into between plans needs the source that says so")
        for q in p.feeds_into:
            if q not in plan_ids:
                ld.err(rel, p.line_of("feeds_into"), f"feeds_into: '{q}' is not a plan id of this file")


def _load_steps(ld: ModelLoader, items, rel: str, plan_ids: set[str]) -> None:
    # Sub-steps are checked one by one, from the YAML list (with its line numbers).
    raw_substeps = {str(i.get("id")): i.get("substeps") for i in items if isinstance(i, dict)}
    for s, ok in ld.records(Step, items, rel, "step"):
        ld.agencies(s, "actors", rel)
        ld.agencies(s, "informs", rel)
        for p in s.feeds_into or []:
            if p not in plan_ids:
                ld.err(rel, s.line_of("feeds_into"), f"feeds_into: '{p}' is not a plan id of this file")
        subs = ld.valid(Substep, raw_substeps.get(s.id), rel, "sub-step")
        if ok:
            ld.model.steps.append(s)
            ld.model.substeps[s.id] = subs


def load_guidance(ld: ModelLoader) -> None:
    rel = "corpus/model/guidance.yaml"
    data = ld.load(rel)
    top = ld.file_shape(GuidanceFile, data, rel) if data is not None else None
    if top is None:
        return
    ld.model.guidance_document = ld.document_of(top, rel)
    # ids as written (a plan or step rejected for another reason is not reported twice)
    plan_ids = {str(i.get("id")) for i in data.get('plans') or [] if isinstance(i, dict)}
    step_ids = {str(i.get("id")) for i in data['steps'] if isinstance(i, dict)}
    ld.model.plans += ld.valid(Plan, data.get('plans'), rel, "plan")
    _check_plans(ld, rel, plan_ids)
    _load_steps(ld, data['steps'], rel, plan_ids)
    for s in ld.model.steps:
        for n in s.next:
            if n not in step_ids:
                ld.err(rel, s.line_of("next"), f"next: '{n}' is not a step id of this file")


def load_monitoring(ld: ModelLoader) -> None:
    rel = "corpus/model/monitoring.yaml"
    data = ld.load(rel)
    top = ld.file_shape(MonitoringFile, data, rel) if data is not None else None
    if top is None:
        return
    ld.model.monitoring_document = ld.document_of(top, rel)
    for x, ok in ld.records(Activity, data['activities'], rel, "activity"):
        ld.agencies(x, "actors", rel)
        ld.agencies(x, "reports_to", rel)
        if ok:
            ld.model.activities.append(x)
    ld.model.criteria += ld.valid(Criterion, data.get('criteria'), rel, "criterion")


def _list_file(ld: ModelLoader, rel: str, what: str):
    data = ld.load(rel)
    if data is not None and not isinstance(data, list):
        ld.err(rel, 1, f"the file must be a list of {what}s")
        return []
    return data or []


def load_glossary(ld: ModelLoader) -> None:
    rel = "corpus/model/glossary.yaml"
    ld.model.glossary += ld.valid(Term, _list_file(ld, rel, "term"), rel, "term")


def load_timeline(ld: ModelLoader) -> None:
    rel = "corpus/model/timeline.yaml"
    ld.model.timeline += ld.valid(Event, _list_file(ld, rel, "event"), rel, "event")
    ld.model.timeline.sort(key=lambda e: e.date)


def _check_project(ld: ModelLoader, p: Project, rel: str, path: Path) -> None:
    if path.stem != p.id:
        ld.err(rel, p.line_of("id"), f"file name must be the id: rename to {p.id}.yaml")
    ld.missions(p, rel)
    ld.agencies(p, "lead", rel)
    ld.agencies(p, "partners", rel)
    ld.check_location(p, rel)


def load_projects(ld: ModelLoader) -> None:
    """One project per file, corpus/model/projects/<id>.yaml."""
    folder = ld.dir / "model" / "projects"
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        rel = f"corpus/model/projects/{path.name}"
        item = ld.load(rel)
        if item is None:
            continue
        p, ok = ld.one(Project, item, rel, "project", _YEAR_BE)
        if p is None:
            continue
        before = len(ld.problems)
        _check_project(ld, p, rel, path)
        if ok and len(ld.problems) == before:
            ld.model.projects.append(p)


def load_model(corpus_dir: Path, corpus, docs) -> tuple[Model, list[Problem]]:
    """Load and validate corpus/model/ against the corpus and its normalized documents."""
    ld = ModelLoader(corpus_dir, corpus, docs)
    for load in (load_missions, load_roles, load_guidance, load_monitoring, load_projects,
                 load_glossary, load_timeline):
        load(ld)
    load_permalinks(ld)
    if not ld.problems:
        check_permalinks(ld, docs)
    return ld.model, ld.problems
