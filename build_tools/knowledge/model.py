"""The programme as knowledge: missions, roles, expansion-guidance steps, the monitoring
framework, example projects, glossary and timeline (curated YAML in corpus/model/).

The model never retypes the circulars: every statement cites `{doc, clause}` and its
text is taken from the normalized document's block with that anchor (clause id `c3-2-1`
or paragraph anchor `l<raw line>`).  `load_model` validates everything and yields
Problem(file, line, message); ids are unique across agencies, documents and every model
kind, because each becomes a permalink (see `permalinks`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.common.ids import ID_RE
from build_tools.common.problems import Problem
from build_tools.common.yamlio import LineDict, YamlError, load_yaml
from build_tools.knowledge.urls import (
    AGENCIES_PAGE,
    GLOSSARY_PAGE,
    GUIDANCE_PAGE,
    MATRIX_PAGE,
    MISSIONS_PAGE,
    MONITORING_PAGE,
    PROJECTS_PAGE,
    TIMELINE_PAGE,
    agency_page,
    doc_url,
    entity_url,
    page_url,
)
from build_tools.sources.places import check_location

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


@dataclass
class Ref:
    doc: str
    clause: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc, self.clause)


@dataclass
class Entity:
    """One curated record: its kind, id, the YAML mapping and where it was declared."""
    kind: str
    id: str
    data: LineDict
    file: str

    def get(self, key, default=None):
        return self.data.get(key, default)

    def __getattr__(self, key):
        # entity.agency reads the YAML field (templates use attribute access); an
        # absent optional field reads as None.
        if key.startswith("_") or key in ("data",):
            raise AttributeError(key)
        return self.data.get(key)

    @property
    def line(self) -> int:
        return self.data.line

    def ref(self, key: str = "source") -> Ref | None:
        r = self.data.get(key)
        return Ref(str(r["doc"]), str(r["clause"])) if isinstance(r, dict) else None

    def refs(self, key: str) -> list[Ref]:
        return [Ref(str(r["doc"]), str(r["clause"])) for r in (self.data.get(key) or [])]


@dataclass
class Model:
    missions: list[Entity] = field(default_factory=list)
    objectives: list[Entity] = field(default_factory=list)
    targets: list[Entity] = field(default_factory=list)
    roles: list[Entity] = field(default_factory=list)
    plans: list[Entity] = field(default_factory=list)
    steps: list[Entity] = field(default_factory=list)  # top-level steps, in order
    substeps: dict[str, list[Entity]] = field(default_factory=dict)  # step id -> sub-steps
    activities: list[Entity] = field(default_factory=list)  # monitoring framework
    criteria: list[Entity] = field(default_factory=list)
    projects: list[Entity] = field(default_factory=list)
    glossary: list[Entity] = field(default_factory=list)
    timeline: list[Entity] = field(default_factory=list)
    # The documents the guidance and monitoring pages present (`document:` in their files).
    guidance_document: str = ""
    monitoring_document: str = ""
    redirects: list[tuple[str, str, int]] = field(default_factory=list)
    released: list[tuple[int, str]] = field(default_factory=list)
    blocks: dict = field(default_factory=dict)  # (doc, anchor) -> Block

    def mission(self, mid: str) -> Entity:
        return next(m for m in self.missions if m.id == mid)

    def role_missions(self, role: Entity) -> list[str]:
        ms = role.get("missions")
        return [m.id for m in self.missions] if ms == ALL else list(ms)

    def block(self, ref: Ref):
        return self.blocks[ref.key]

    def text(self, ref: Ref) -> str:
        return block_text(self.blocks[ref.key])

    def all_steps(self) -> list[Entity]:
        out = []
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


def permalinks(corpus, model: Model, docs) -> dict[str, str]:
    """Every permalink the site publishes -> what it is (for the release registry,
    redirects and the open-data test).  Paragraph anchors (l<line>) are kept out of the
    registry: they are positions in a raw file, not declared ids."""
    out: dict[str, str] = {}
    for nd in docs:
        out[doc_url(nd.id)] = "document"
        for b in nd.blocks:
            if b.clause:
                out[doc_url(nd.id, b.clause)] = "clause"
    out[page_url(AGENCIES_PAGE)] = "page"
    for aid in corpus.agencies:
        out[page_url(agency_page(aid))] = "agency"
    for e in entities(model):
        out[entity_url(e)] = e.kind
    for page in (MISSIONS_PAGE, GUIDANCE_PAGE, MONITORING_PAGE, PROJECTS_PAGE, GLOSSARY_PAGE,
                 TIMELINE_PAGE, MATRIX_PAGE):
        out[page_url(page)] = "page"
    return out


def released_text(links: dict[str, str]) -> str:
    return ("# Permalinks of the last release (written by `python -m build_tools permalinks --release`).\n"
            "# `check` fails when one of them disappears without an entry in redirects.yaml.\n"
            + "".join(f"{url}\n" for url in sorted(links)))


# --- loading and validation ---------------------------------------------------------

class _Loader:
    def __init__(self, corpus_dir: Path, corpus, docs):
        self.dir = corpus_dir
        self.corpus = corpus
        self.docs = {nd.id: nd for nd in docs}
        self.model = Model()
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}  # id -> "kind in file:line"
        for aid, a in corpus.agencies.items():
            self.ids[aid] = f"agency in corpus/agencies.yaml:{a.meta.line_of('id')}"
        for d in corpus.documents:
            self.ids[d.id] = f"document in {d.rel}:{d.meta.line_of('id')}"
        for nd in docs:
            for b in nd.blocks:
                self.model.blocks[(nd.id, b.anchor)] = b

    def err(self, rel: str, line: int, msg: str) -> None:
        self.problems.append(Problem(rel, line, msg))

    def load(self, rel: str, required: bool = True):
        try:
            return load_yaml(self.dir / rel.removeprefix("corpus/"), rel)
        except FileNotFoundError:
            if required:
                self.err(rel, 1, "missing: see README, \"The knowledge model\"")
            return None
        except YamlError as exc:
            self.problems.append(exc.problem)
            return None

    # field checks -------------------------------------------------------------------
    def fields(self, item, rel: str, what: str, required: tuple, optional: tuple) -> bool:
        if not isinstance(item, dict):
            self.err(rel, getattr(item, "line", 1), f"each {what} must be a mapping")
            return False
        ok = True
        for f in required:
            if item.get(f) in (None, "", []):
                self.err(rel, item.line, f"{what} is missing required field '{f}'")
                ok = False
        for f in item:
            if f not in required + optional:
                self.err(rel, item.line_of(f), f"{what}: unknown field '{f}'")
        return ok

    def declare(self, kind: str, item: LineDict, rel: str) -> Entity | None:
        eid = str(item["id"])
        line = item.line_of("id")
        if not ID_RE.match(eid):
            self.err(rel, line, f"id '{eid}' must be lowercase ASCII words joined by '-'")
            return None
        if eid in self.ids:
            self.err(rel, line, f"duplicate id '{eid}' (already used by the {self.ids[eid]})")
            return None
        if eid in RESERVED or eid.startswith(("roles-", "who-")):
            self.err(rel, line, f"id '{eid}' is reserved for a section of the generated pages: choose another")
            return None
        self.ids[eid] = f"{kind} in {rel}:{line}"
        return Entity(kind, eid, item, rel)

    def ref(self, item: LineDict, key: str, rel: str) -> None:
        r = item.get(key)
        line = item.line_of(key)
        if not isinstance(r, dict) or not r.get("doc") or not r.get("clause"):
            self.err(rel, line, f"{key} must be {{doc: DOCUMENT-ID, clause: CLAUSE-ID}}")
            item[key] = None
            return
        doc, clause = str(r["doc"]), str(r["clause"])
        if doc not in self.docs:
            self.err(rel, line, f"{key}: document '{doc}' is not in corpus/documents")
            item[key] = None
        elif (doc, clause) not in self.model.blocks:
            self.err(rel, line, f"{key}: clause '{clause}' not found in the normalized document "
                                f"'{doc}' (see build/normalized/{doc}.md and its page)")
            item[key] = None

    def refs(self, item: LineDict, key: str, rel: str) -> None:
        rs = item.get(key)
        if rs is None:
            return
        if not isinstance(rs, list):
            self.err(rel, item.line_of(key), f"{key} must be a list of {{doc, clause}}")
            item[key] = []
            return
        holder = LineDict()
        holder.key_lines = {}
        good = []
        for i, r in enumerate(rs):
            holder["r"] = r
            holder.key_lines["r"] = rs.item_lines[i] if hasattr(rs, "item_lines") else item.line_of(key)
            self.ref(holder, "r", rel)
            if holder["r"] is not None:
                good.append(r)
        item[key] = good

    def agency_list(self, item: LineDict, key: str, rel: str, required: bool = False) -> None:
        v = item.get(key)
        if v is None and not required:
            return
        vals = [v] if isinstance(v, str) else v
        if not isinstance(vals, list):
            self.err(rel, item.line_of(key), f"{key} must be an agency id or a list of agency ids")
            return
        for a in vals:
            if a not in self.corpus.agencies:
                self.err(rel, item.line_of(key), f"{key}: '{a}' is not an agency id in corpus/agencies.yaml")

    def mission_list(self, item: LineDict, key: str, rel: str) -> None:
        v = item.get(key)
        if v == ALL:
            return
        known = {m.id for m in self.model.missions}
        if not isinstance(v, list) or not v:
            self.err(rel, item.line_of(key), f"{key} must be 'all' or a list of mission ids")
            return
        for m in v:
            if m not in known:
                self.err(rel, item.line_of(key),
                         f"{key}: '{m}' is not a mission id (one of {', '.join(sorted(known))})")

    def choice(self, item: LineDict, key: str, rel: str, allowed: dict) -> None:
        if item.get(key) is not None and item[key] not in allowed:
            self.err(rel, item.line_of(key), f"{key} '{item[key]}' is not one of {', '.join(allowed)}")

    def as_list(self, data, rel: str, key: str | None, what: str) -> list:
        if key is not None:
            if not isinstance(data, dict):
                self.err(rel, 1, f"must be a mapping with '{key}'")
                return []
            data = data.get(key)
        if not isinstance(data, list):
            self.err(rel, 1, f"{key or 'the file'} must be a list of {what}s")
            return []
        return data

    # files --------------------------------------------------------------------------
    def load_missions(self) -> None:
        rel = "corpus/model/missions.yaml"
        data = self.load(rel)
        if data is None:
            return
        for item in self.as_list(data, rel, "missions", "mission"):
            if self.fields(item, rel, "mission", ("id", "name_th", "short_th", "name_en", "source"),
                           ("also",)) and (e := self.declare("mission", item, rel)):
                self.ref(item, "source", rel)
                self.refs(item, "also", rel)
                self.model.missions.append(e)
        for key, kind, target in (("objectives", "objective", self.model.objectives),
                                  ("targets", "target", self.model.targets)):
            for item in self.as_list(data, rel, key, kind):
                if self.fields(item, rel, kind, ("id", "source"), ()) and (e := self.declare(kind, item, rel)):
                    self.ref(item, "source", rel)
                    target.append(e)

    def load_roles(self) -> None:
        rel = "corpus/model/roles.yaml"
        data = self.load(rel)
        if data is None:
            return
        summaries: dict[str, tuple[str, int]] = {}  # summary (spaces folded) -> (role id, line)
        for item in self.as_list(data, rel, "roles", "role"):
            if self.fields(item, rel, "role", ("id", "agency", "missions", "summary", "source"),
                           ("group", "involves")) and (e := self.declare("role", item, rel)):
                self.summary(item, rel, e.id, summaries)
                if item["agency"] not in self.corpus.agencies:
                    self.err(rel, item.line_of("agency"),
                             f"agency '{item['agency']}' is not an agency id in corpus/agencies.yaml")
                    continue
                self.mission_list(item, "missions", rel)
                self.agency_list(item, "involves", rel)
                self.ref(item, "source", rel)
                if "group" in item:
                    self.ref(item, "group", rel)
                self.model.roles.append(e)

    def summary(self, item: LineDict, rel: str, rid: str, seen: dict[str, tuple[str, int]]) -> None:
        """A role's `summary`: a few words of its own on one line (the who-does-what table
        shows it beside the clause), never the same as another role's."""
        s, line = item["summary"], item.line_of("summary")
        if not isinstance(s, str) or "\n" in s.strip():
            self.err(rel, line, "summary must be one line of text")
            return
        if len(s.strip()) > MAX_SUMMARY:
            self.err(rel, line, f"summary has {len(s.strip())} characters: at most {MAX_SUMMARY} "
                                "(a few words; the clause itself is shown beside it)")
        key = " ".join(s.split())
        if key in seen:
            other, other_line = seen[key]
            self.err(rel, line, f"summary '{key}' is the same as role '{other}' (line {other_line}): "
                                "write what this role does in its own words")
        else:
            seen[key] = (rid, line)

    def document_of(self, data, rel: str) -> str:
        """The `document:` a model file presents: a document id of the corpus."""
        doc = data.get("document") if isinstance(data, dict) else None
        if not doc:
            self.err(rel, 1, "missing 'document': the id of the document this file presents")
            return ""
        if str(doc) not in self.docs:
            self.err(rel, data.line_of("document"), f"document: '{doc}' is not in corpus/documents")
            return ""
        return str(doc)

    def load_guidance(self) -> None:  # noqa: C901  (over the limit: to split this round)
        rel = "corpus/model/guidance.yaml"
        data = self.load(rel)
        if data is None:
            return
        self.model.guidance_document = self.document_of(data, rel)
        for item in self.as_list(data, rel, "plans", "plan"):
            if self.fields(item, rel, "plan", ("id", "name_th", "level"), ("feeds_into", "source")) \
                    and (e := self.declare("plan", item, rel)):
                self.choice(item, "level", rel, LEVELS)
                if "source" in item:
                    self.ref(item, "source", rel)
                self.model.plans.append(e)
        plan_ids = {str(i.get("id")) for i in self.as_list(data, rel, "plans", "plan") if isinstance(i, dict)}
        for p in self.model.plans:
            if p.get("feeds_into") and not p.get("source"):
                self.err(rel, p.data.line_of("feeds_into"), "feeds_into between plans needs the source that says so")
            for q in p.get("feeds_into") or []:
                if q not in plan_ids:
                    self.err(rel, p.data.line_of("feeds_into"), f"feeds_into: '{q}' is not a plan id of this file")
        steps = self.as_list(data, rel, "steps", "step")
        for item in steps:
            if not (self.fields(item, rel, "step", ("id", "source", "level", "label", "actors", "output"),
                                ("informs", "next", "feeds_into", "substeps"))
                    and (e := self.declare("step", item, rel))):
                continue
            self.ref(item, "source", rel)
            self.choice(item, "level", rel, LEVELS)
            self.agency_list(item, "actors", rel, required=True)
            self.agency_list(item, "informs", rel)
            for p in item.get("feeds_into") or []:
                if p not in plan_ids:
                    self.err(rel, item.line_of("feeds_into"), f"feeds_into: '{p}' is not a plan id of this file")
            self.model.steps.append(e)
            subs = []
            for sub in item.get("substeps") or []:
                if self.fields(sub, rel, "sub-step", ("id", "source"), ()) \
                        and (se := self.declare("substep", sub, rel)):
                    self.ref(sub, "source", rel)
                    subs.append(se)
            self.model.substeps[e.id] = subs
        # ids as written (a step rejected for another reason is not reported twice)
        step_ids = {str(i.get("id")) for i in steps if isinstance(i, dict)}
        for s in self.model.steps:
            for n in s.get("next") or []:
                if n not in step_ids:
                    self.err(rel, s.data.line_of("next"), f"next: '{n}' is not a step id of this file")

    def load_monitoring(self) -> None:
        rel = "corpus/model/monitoring.yaml"
        data = self.load(rel)
        if data is None:
            return
        self.model.monitoring_document = self.document_of(data, rel)
        for item in self.as_list(data, rel, "activities", "activity"):
            if self.fields(item, rel, "activity", ("id", "phase", "means", "label", "source", "actors"),
                           ("reports_to",)) and (e := self.declare("activity", item, rel)):
                self.choice(item, "phase", rel, PHASES)
                self.choice(item, "means", rel, MEANS)
                self.ref(item, "source", rel)
                self.agency_list(item, "actors", rel, required=True)
                self.agency_list(item, "reports_to", rel)
                self.model.activities.append(e)
        for item in self.as_list(data, rel, "criteria", "criterion"):
            if self.fields(item, rel, "criterion", ("id", "source"), ()) \
                    and (e := self.declare("criterion", item, rel)):
                self.ref(item, "source", rel)
                self.model.criteria.append(e)

    def load_glossary(self) -> None:
        rel = "corpus/model/glossary.yaml"
        data = self.load(rel)
        if data is None:
            return
        for item in self.as_list(data, rel, None, "term"):
            if self.fields(item, rel, "term", ("id", "term", "definition"), ("abbr", "aliases", "source")) \
                    and (e := self.declare("term", item, rel)):
                if "aliases" in item and not (isinstance(item["aliases"], list)
                                              and all(isinstance(a, str) for a in item["aliases"])):
                    self.err(rel, item.line_of("aliases"), "aliases must be a list of words")
                if "source" in item:
                    self.ref(item, "source", rel)
                self.model.glossary.append(e)

    def load_timeline(self) -> None:
        rel = "corpus/model/timeline.yaml"
        data = self.load(rel)
        if data is None:
            return
        for item in self.as_list(data, rel, None, "event"):
            if not (self.fields(item, rel, "event", ("id", "date", "date_be", "title_th", "source"),
                                ("end", "also")) and (e := self.declare("event", item, rel))):
                continue
            for key in ("date", "end"):
                if key in item:
                    try:
                        dt.date.fromisoformat(str(item[key]))
                    except ValueError:
                        self.err(rel, item.line_of(key), f"{key} '{item[key]}' must be an ISO date YYYY-MM-DD")
            self.ref(item, "source", rel)
            self.refs(item, "also", rel)
            self.model.timeline.append(e)
        self.model.timeline.sort(key=lambda e: str(e.get("date")))

    def load_projects(self) -> None:
        folder = self.dir / "model" / "projects"
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            rel = f"corpus/model/projects/{path.name}"
            item = self.load(rel)
            if item is None:
                continue
            if not (self.fields(item, rel, "project",
                                ("id", "kind", "title_th", "missions", "level", "lead", "year_be", "source"),
                                ("partners", "tiers", "tools", "status_th", "location"))
                    and (e := self.declare("project", item, rel))):
                continue
            if path.stem != e.id:
                self.err(rel, item.line_of("id"), f"file name must be the id: rename to {e.id}.yaml")
            self.choice(item, "kind", rel, PROJECT_KINDS)
            self.choice(item, "level", rel, LEVELS)
            self.mission_list(item, "missions", rel)
            self.agency_list(item, "lead", rel, required=True)
            self.agency_list(item, "partners", rel)
            if not (isinstance(item["year_be"], int) and 2500 <= item["year_be"] <= 2700):
                self.err(rel, item.line_of("year_be"),
                         f"year_be '{item['year_be']}' must be a Buddhist-era year such as 2553")
            self.ref(item, "source", rel)
            if "location" in item:
                for line, msg in check_location(item["location"], item.line_of("location")):
                    self.err(rel, line, msg)
            self.model.projects.append(e)

    def load_permalinks(self) -> None:
        rel = "corpus/permalinks/redirects.yaml"
        data = self.load(rel, required=False)
        if isinstance(data, list):
            for item in data:
                if self.fields(item, rel, "redirect", ("from", "to"), ()):
                    self.model.redirects.append((str(item["from"]), str(item["to"]), item.line))
        elif data is not None:
            self.err(rel, 1, "must be a list of {from: OLD-PERMALINK, to: NEW-PERMALINK}")
        path = self.dir / "permalinks" / "released.txt"
        if path.is_file():
            for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
                line = line.strip()
                if line and not line.startswith("#"):
                    self.model.released.append((n, line))

    def check_permalinks(self, docs) -> None:
        current = permalinks(self.corpus, self.model, docs)
        redirect_rel = "corpus/permalinks/redirects.yaml"
        sources = {}
        for old, new, line in self.model.redirects:
            sources[old] = new
            if old in current:
                self.err(redirect_rel, line, f"redirect from '{old}', which still exists: remove the redirect")
            if new not in current:
                self.err(redirect_rel, line, f"redirect target '{new}' is not a current permalink")
        for n, url in self.model.released:
            if url not in current and url not in sources:
                self.err("corpus/permalinks/released.txt", n,
                         f"permalink '{url}' was released and no longer exists: restore its id or "
                         "add a redirect to corpus/permalinks/redirects.yaml")


def load_model(corpus_dir: Path, corpus, docs) -> tuple[Model, list[Problem]]:
    """Load and validate corpus/model/ against the corpus and its normalized documents."""
    ld = _Loader(corpus_dir, corpus, docs)
    ld.load_missions()
    ld.load_roles()
    ld.load_guidance()
    ld.load_monitoring()
    ld.load_projects()
    ld.load_glossary()
    ld.load_timeline()
    ld.load_permalinks()
    if not ld.problems:
        ld.check_permalinks(docs)
    return ld.model, ld.problems
