"""The programme as knowledge: missions, roles, expansion-guidance steps, the monitoring
framework, example projects, glossary and timeline (curated YAML in corpus/model/),
each a typed entity checked against its schema.

The model never retypes the circulars: every statement cites `{doc, clause}` and its
text is taken from the normalized document's block with that anchor (clause id `c3-2-1`
or paragraph anchor `l<raw line>`).  Ids are unique across agencies, documents and every
model kind, because each becomes a permalink (knowledge/urls.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field

from build_tools.common.schema import Id, Record, Text

LEVELS = {  # administrative level of a guidance step, plan or project
    "village": "หมู่บ้าน/ชุมชน",
    "tambon": "ตำบล",
    "district": "อำเภอ",
    "province": "จังหวัด",
    "province-group": "กลุ่มจังหวัด",
    "national": "ส่วนกลาง",
}
PROJECT_KINDS = {"model": "รูปแบบโครงการต้นแบบ", "list": "บัญชีโครงการ (เอกสารยังไม่อยู่ในคลัง)"}
MEANS = {"reports": "โดยเอกสารการรายงาน", "people": "โดยบุคคล", "working-group": "โดยคณะทำงาน"}
PHASES = {"monitoring": "การติดตามผล", "evaluation": "การประเมินผล"}
ALL = "all"
MAX_SUMMARY = 40  # characters of a role's summary: a few words, not the clause retyped
# Ids the generated pages use for their own sections (and `index`, the listing pages):
# a model id equal to one of them would give two elements the same anchor.
RESERVED = {"index", "roles", "roles-all-missions", "involved-in", "guidance-steps", "monitoring",
            "evaluation", "projects", "documents", "objectives", "targets", "missions", "flow", "steps",
            "plans", "criteria", "who", "source", "defines", "text", "agencies-missions", "agencies-steps"}

Level = Literal["village", "tambon", "district", "province", "province-group", "national"]


def _one_or_many(value):
    # An agency list may name a single agency without brackets: `actors: tao`.
    return [value] if isinstance(value, str) else value


def _missions_shape(value):
    if value == ALL or (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
        return value
    raise ValueError("must be 'all' or a list of mission ids")


def _summary(value: str) -> str:
    text = value.strip()
    if "\n" in text:
        raise ValueError("must be one line of text")
    if len(text) > MAX_SUMMARY:
        raise ValueError(f"has {len(text)} characters: at most {MAX_SUMMARY} "
                         "(a few words; the clause itself is shown beside it)")
    return text


def _iso_date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' must be an ISO date YYYY-MM-DD") from None
    return value


def _mapping(value):
    if not isinstance(value, dict):
        raise ValueError("must be a mapping")
    return value


AgencyIds = Annotated[list[Id], BeforeValidator(_one_or_many)]
Missions = Annotated[Any, AfterValidator(_missions_shape)]
IsoDate = Annotated[str, AfterValidator(_iso_date)]


class Ref(Record):
    """A citation of one block of a normalized document."""

    doc: Id
    clause: Text

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc, self.clause)


class Entity(Record):
    """One curated record: its kind, id and citations."""

    kind: ClassVar[str] = ""
    id: Id

    def ref(self, key: str = "source") -> Ref | None:
        value = getattr(self, key, None)
        return value if isinstance(value, Ref) else None

    def refs(self, key: str) -> list[Ref]:
        return list(getattr(self, key, None) or [])


class Mission(Entity):
    kind: ClassVar[str] = "mission"
    name_th: Text
    short_th: Text
    name_en: Text
    source: Ref
    also: list[Ref] = []


class Objective(Entity):
    kind: ClassVar[str] = "objective"
    source: Ref


class Target(Entity):
    kind: ClassVar[str] = "target"
    source: Ref


class Role(Entity):
    kind: ClassVar[str] = "role"
    agency: Id
    missions: Missions
    source: Ref
    group: Ref | None = None  # the heading clause the role is listed under
    involves: AgencyIds = []
    # A few words saying what the role is (the who-does-what table shows it beside the clause).
    summary: Annotated[Text, AfterValidator(_summary)]


class Plan(Entity):
    kind: ClassVar[str] = "plan"
    name_th: Text
    level: Level
    feeds_into: list[Id] = []
    source: Ref | None = None


class Substep(Entity):
    kind: ClassVar[str] = "substep"
    source: Ref


class Step(Entity):
    kind: ClassVar[str] = "step"
    source: Ref
    level: Level
    label: Text  # the short caption of the flow diagram
    actors: AgencyIds
    output: Text
    informs: AgencyIds = []
    next: list[Id] = []
    feeds_into: list[Id] = []
    substeps: list = []  # checked one by one as Substep (model.substeps)


class Activity(Entity):
    kind: ClassVar[str] = "activity"
    phase: Literal["monitoring", "evaluation"]
    means: Literal["reports", "people", "working-group"]
    label: Text
    source: Ref
    actors: AgencyIds
    reports_to: AgencyIds = []


class Criterion(Entity):
    kind: ClassVar[str] = "criterion"
    source: Ref


class Project(Entity):
    kind: ClassVar[str] = "project"
    model_config = ConfigDict(populate_by_name=True)
    title_th: Text
    missions: Missions
    level: Level
    lead: Id
    year_be: Annotated[int, Field(ge=2500, le=2700)]
    source: Ref
    partners: AgencyIds = []
    tiers: list[Text] = []
    tools: list[Text] = []
    status_th: Text | None = None
    # Kept as written (with its line numbers): checked against the gazetteer (sources/places.py).
    location: Annotated[Any, AfterValidator(_mapping)] | None = None
    # The YAML field `kind` (model | list); `.kind` is the entity kind, as for every entity.
    project_kind: Literal["model", "list"] = Field(alias="kind")

    def get(self, key: str, default=None):
        return self.project_kind if key == "kind" else super().get(key, default)


class Term(Entity):
    kind: ClassVar[str] = "term"
    term: Text
    definition: Text
    abbr: Text | None = None
    aliases: list[Text] = []
    source: Ref | None = None


class Event(Entity):
    kind: ClassVar[str] = "event"
    date: IsoDate
    date_be: Text
    title_th: Text
    source: Ref
    end: IsoDate | None = None
    also: list[Ref] = []


@dataclass
class Model:
    missions: list[Mission] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)  # top-level steps, in order
    substeps: dict[str, list[Substep]] = field(default_factory=dict)  # step id -> sub-steps
    activities: list[Activity] = field(default_factory=list)  # monitoring framework
    criteria: list[Criterion] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    # The documents the guidance and monitoring pages present (`document:` in their files).
    guidance_document: str = ""
    monitoring_document: str = ""
    redirects: list[tuple[str, str, int]] = field(default_factory=list)
    released: list[tuple[int, str]] = field(default_factory=list)
    blocks: Any = field(default_factory=dict)  # (doc, anchor) -> Block (the loader's DocumentBlocks)

    def mission(self, mid: str) -> Mission:
        return next(m for m in self.missions if m.id == mid)

    def role_missions(self, entity: Role | Project) -> list[str]:
        ms = entity.missions
        return [m.id for m in self.missions] if ms == ALL else list(ms)

    def block(self, ref: Ref):
        return self.blocks[ref.key]

    def text(self, ref: Ref) -> str:
        return block_text(self.blocks[ref.key])

    def agency_has_part(self, aid: str) -> bool:
        """Whether the model says anything the agency does (it then has a handout)."""
        return (any(r.agency == aid for r in self.roles)
                or any(aid in s.actors or aid in s.informs for s in self.steps)
                or any(aid in x.actors or aid in x.reports_to for x in self.activities))

    def all_steps(self) -> list[Step | Substep]:
        out: list = []
        for s in self.steps:
            out.append(s)
            out.extend(self.substeps.get(s.id, []))
        return out


def block_text(b) -> str:
    """A block's text as the document shows it (list items without their dash)."""
    return b.text[1:].lstrip() if b.kind == "item" and b.text.startswith("-") else b.text


def entities(model: Model) -> list[Entity]:
    return [*model.missions, *model.objectives, *model.targets, *model.roles, *model.plans,
            *model.all_steps(), *model.activities, *model.criteria, *model.projects,
            *model.glossary, *model.timeline]


class DocumentBlocks:
    """(document id, anchor) -> Block over the normalized documents (id -> document),
    a document's blocks made only when one of them is asked for: the model cites a few
    documents of thousands.  As a dict filled with every block would be: of blocks
    sharing an anchor, the last."""

    def __init__(self, docs: dict):
        self.docs = docs
        self._blocks: dict[str, dict] = {}
        self._anchors: dict[str, set] = {}

    def _of(self, doc_id: str) -> dict:
        found = self._blocks.get(doc_id)
        if found is None:
            nd = self.docs.get(doc_id)
            found = self._blocks[doc_id] = {b.anchor: b for b in nd.blocks} if nd is not None else {}
            if nd is not None:
                nd.release()  # (the blocks are kept here; the rest of what was read is not needed)
        return found

    def __getitem__(self, key: tuple[str, str]):
        return self._of(key[0])[key[1]]

    def get(self, key: tuple[str, str], default=None):
        return self._of(key[0]).get(key[1], default)

    def __contains__(self, key) -> bool:
        doc_id, anchor = key
        if doc_id not in self._anchors:
            nd = self.docs.get(doc_id)
            self._anchors[doc_id] = set(nd.anchors()) if nd is not None else set()
        return anchor in self._anchors[doc_id]
