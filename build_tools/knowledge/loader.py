"""Loading corpus/model/ into a typed Model: each record checked against its schema
(knowledge/model.py), then against the other files: ids unique across agencies,
documents and every model kind; cited clauses present in the normalized documents;
agency, mission, plan and step ids that exist.  Every problem is `file:line: message`."""
from __future__ import annotations

from pathlib import Path

from build_tools.common.problems import Problem
from build_tools.common.schema import Record, Wording, check_record
from build_tools.common.yamlio import YamlError, load_yaml
from build_tools.knowledge.model import RESERVED, DocumentBlocks, Entity, Model, Ref
from build_tools.sources.places import check_location

_REF_SHAPE = "must be {doc: DOCUMENT-ID, clause: CLAUSE-ID}"
_REF_FIELDS = (("source", f"source {_REF_SHAPE}"), ("group", f"group {_REF_SHAPE}"),
               ("also", "also must be a list of {doc, clause}"))


def wording(what: str, *fields: tuple[str, str]) -> Wording:
    return Wording(what, fields=_REF_FIELDS + fields)


class ModelLoader:
    """Shared checks of every model file; the files themselves: knowledge/model_files.py."""

    def __init__(self, corpus_dir: Path, corpus, docs):
        self.dir = corpus_dir
        self.corpus = corpus
        self.docs = {nd.id: nd for nd in docs}
        self.model = Model()
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}  # id -> "kind in file:line"
        for aid, a in corpus.agencies.items():
            self.ids[aid] = f"agency in corpus/agencies.yaml:{a.line_of('id')}"
        for d in corpus.documents:
            self.ids[d.id] = f"document in {d.rel}:{d.meta.line_of('id')}"
        self.model.blocks = DocumentBlocks(self.docs)

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

    def file_shape(self, cls: type[Record], data, rel: str) -> Record | None:
        """The top level of a model file (its keys), checked like any record."""
        top, problems = check_record(cls, data, rel, Wording(rel.rsplit("/", 1)[-1],
                                                             not_mapping="the file must be a mapping",
                                                             unknown="unknown top-level key '{field}'"))
        self.problems += problems
        return None if top is None else top

    def one(self, cls: type[Entity], item, rel: str, what: str, *fields,
            line: int | None = None) -> tuple[Entity | None, bool]:
        """(entity, valid): the record when it passed its schema, was declared (unique id)
        and cites blocks that exist; otherwise what of it passed (for the checks against
        other files that can still run: one `check` shows every problem), or None."""
        e, problems = check_record(cls, item, rel, wording(what, *fields), line=line)
        self.problems += problems
        if e is None or not e.id:
            return None, False
        before = len(self.problems)
        if self.declare(e, rel):
            self.check_refs(e, rel)
        return e, not problems and len(self.problems) == before

    def records(self, cls: type[Entity], items, rel: str, what: str, *fields) -> list[tuple[Entity, bool]]:
        """Each item of a list, as `one` gives it."""
        if not isinstance(items, list):
            return []
        found = [self.one(cls, item, rel, what, *fields, line=items.item_lines[i]) for i, item in enumerate(items)]
        return [(e, ok) for e, ok in found if e is not None]

    def valid(self, cls: type[Entity], items, rel: str, what: str) -> list[Entity]:
        return [e for e, ok in self.records(cls, items, rel, what) if ok]

    def declare(self, e: Entity, rel: str) -> bool:
        line = e.line_of("id")
        if e.id in self.ids:
            self.err(rel, line, f"duplicate id '{e.id}' (already used by the {self.ids[e.id]})")
            return False
        if e.id in RESERVED or e.id.startswith(("roles-", "who-")):
            self.err(rel, line, f"id '{e.id}' is reserved for a section of the generated pages: choose another")
            return False
        self.ids[e.id] = f"{e.kind} in {rel}:{line}"
        return True

    def check_refs(self, e: Entity, rel: str) -> None:
        for key in ("source", "group"):
            if isinstance(getattr(e, key, None), Ref):
                self.check_ref(getattr(e, key), key, e.line_of(key), rel)
        for r in e.refs("also") if hasattr(e, "also") else []:
            self.check_ref(r, "also", r.line_of("doc") if r.line_of("doc") != 1 else e.line_of("also"), rel)

    def check_ref(self, r: Ref, key: str, line: int, rel: str) -> None:
        if r.doc not in self.docs:
            self.err(rel, line, f"{key}: document '{r.doc}' is not in corpus/documents")
        elif r.key not in self.model.blocks:
            self.err(rel, line, f"{key}: clause '{r.clause}' not found in the normalized document "
                                f"'{r.doc}' (see build/normalized/{r.doc}.md and its page)")

    # references to other files -----------------------------------------------------
    def agencies(self, e: Entity, key: str, rel: str) -> None:
        value = getattr(e, key, None)
        for a in [value] if isinstance(value, str) else value or []:
            if a not in self.corpus.agencies:
                self.err(rel, e.line_of(key), f"{key}: '{a}' is not an agency id in corpus/agencies.yaml")

    def missions(self, e: Entity, rel: str) -> None:
        known = [m.id for m in self.model.missions]
        for m in [] if e.missions in (None, "all") or not isinstance(e.missions, list) else e.missions:
            if m not in known:
                self.err(rel, e.line_of("missions"),
                         f"missions: '{m}' is not a mission id (one of {', '.join(sorted(known))})")

    def document_of(self, top: Record | None, rel: str) -> str:
        """The `document:` a model file presents: a document id of the corpus."""
        doc = top.get("document") if top is not None else None
        if doc and doc not in self.docs:
            self.err(rel, top.line_of("document"), f"document: '{doc}' is not in corpus/documents")
            return ""
        return doc or ""

    def check_location(self, p: Entity, rel: str) -> None:
        if p.location is not None:
            for line, msg in check_location(p.location, p.line_of("location")):
                self.err(rel, line, msg)
