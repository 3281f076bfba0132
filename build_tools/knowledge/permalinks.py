"""Permalinks never break: every permalink the site publishes, the release registry
(corpus/permalinks/released.txt) and the redirects of renamed ones (redirects.yaml).
`check` fails when a released permalink disappears without a redirect."""
from __future__ import annotations

from pydantic import Field

from build_tools.common.schema import Record, Text, Wording, check_record
from build_tools.knowledge.model import Model, entities
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
    handout_page,
    page_url,
)

REDIRECTS_REL = "corpus/permalinks/redirects.yaml"
RELEASED_REL = "corpus/permalinks/released.txt"


class Redirect(Record):
    old: Text = Field(alias="from")
    to: Text


def permalinks(corpus, model: Model, docs) -> dict[str, str]:
    """Every permalink the site publishes -> what it is (for the release registry,
    redirects and the open-data test).  Paragraph anchors (l<line>) are kept out of the
    registry: they are positions in a raw file, not declared ids."""
    out: dict[str, str] = {}
    for nd in docs:
        out.update(_document_links(nd))
    out.update(_other_links(corpus, model))
    return out


def _document_links(nd) -> dict[str, str]:
    return {doc_url(nd.id): "document", **{doc_url(nd.id, clause): "clause" for clause in nd.clause_ids()}}


class _Published:
    """`url in` it: whether the site publishes `url` (what permalinks() lists), looking
    only at the documents the asked links name: the release registry and the redirects
    name a few hundred links, and listing every clause of 10,000 letters took a seventh
    of a second of every build."""

    def __init__(self, corpus, model: Model, docs):
        self.others = _other_links(corpus, model)
        self.by_page = {doc_url(nd.id): nd for nd in docs}
        self.links: dict[str, dict[str, str]] = {}  # a document's page -> its links, once looked at

    def __contains__(self, url: str) -> bool:
        page = url.split("#", 1)[0]
        if page in self.by_page:
            if page not in self.links:
                self.links[page] = _document_links(self.by_page[page])
            return url in self.links[page]
        return url in self.others


def _other_links(corpus, model: Model) -> dict[str, str]:
    """The permalinks of everything but the documents."""
    out: dict[str, str] = {}
    out[page_url(AGENCIES_PAGE)] = "page"
    for aid in corpus.agencies:
        out[page_url(agency_page(aid))] = "agency"
    for e in entities(model):
        out[entity_url(e)] = e.kind
    # Printable handouts (trainers put their QR codes and links in slides).
    for hid in [s.id for s in model.steps] + [a for a in corpus.agencies if model.agency_has_part(a)]:
        out[page_url(handout_page(hid))] = "handout"
    for page in (MISSIONS_PAGE, GUIDANCE_PAGE, MONITORING_PAGE, PROJECTS_PAGE, GLOSSARY_PAGE,
                 TIMELINE_PAGE, MATRIX_PAGE):
        out[page_url(page)] = "page"
    return out


def released_text(links: dict[str, str]) -> str:
    return ("# Permalinks of the last release (written by `python -m build_tools permalinks --release`).\n"
            "# `check` fails when one of them disappears without an entry in redirects.yaml.\n"
            + "".join(f"{url}\n" for url in sorted(links)))


def load_permalinks(ld) -> None:
    """redirects.yaml (optional) and released.txt into the model."""
    data = ld.load(REDIRECTS_REL, required=False)
    if isinstance(data, list):
        for i, item in enumerate(data):
            r, problems = check_record(Redirect, item, REDIRECTS_REL, Wording("redirect"), line=data.item_lines[i])
            ld.problems += problems
            if r is not None and not problems:
                ld.model.redirects.append((r.old, r.to, r.yaml_line))
    elif data is not None:
        ld.err(REDIRECTS_REL, 1, "must be a list of {from: OLD-PERMALINK, to: NEW-PERMALINK}")
    path = ld.dir / "permalinks" / "released.txt"
    if path.is_file():
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            line = line.strip()
            if line and not line.startswith("#"):
                ld.model.released.append((n, line))


def check_permalinks(ld, docs) -> None:
    current = _Published(ld.corpus, ld.model, docs)
    sources = {}
    for old, new, line in ld.model.redirects:
        sources[old] = new
        if old in current:
            ld.err(REDIRECTS_REL, line, f"redirect from '{old}', which still exists: remove the redirect")
        if new not in current:
            ld.err(REDIRECTS_REL, line, f"redirect target '{new}' is not a current permalink")
    for n, url in ld.model.released:
        if url not in current and url not in sources:
            ld.err(RELEASED_REL, n, f"permalink '{url}' was released and no longer exists: restore its id or "
                                    "add a redirect to corpus/permalinks/redirects.yaml")
