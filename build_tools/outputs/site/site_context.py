"""What every generated page may use: the corpus, the model and the normalized
documents, and the small Markdown pieces pages share (a cited clause's text and link, an
agency's name and link, a "copy link" or "cite" control).  Templates receive one `Site`
as `s`; the Thai words of these pieces are in templates/labels.j2."""
from __future__ import annotations

from build_tools.knowledge.citation import cite, clause_numbering
from build_tools.knowledge.model import Entity, Model, Ref, block_text
from build_tools.knowledge.urls import LOCAL_SITE, agency_page, doc_page, entity_page, handout_page, link, public_base
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs.site.markup import escape
from build_tools.outputs.site.render import labels
from build_tools.sources.corpus import Corpus


def agency_label(corpus: Corpus, agency_id: str, short: bool = False) -> str:
    """'กรมการพัฒนาชุมชน (พช.)', or with `short` the abbreviation alone where there is one."""
    a = corpus.agencies[agency_id]
    if short and a.get("abbr"):
        return str(a.get("abbr"))
    return f"{a.get('name_th')} ({a.get('abbr')})" if a.get("abbr") else str(a.get("name_th"))


class Site:
    def __init__(self, corpus: Corpus, model: Model | None, docs: list[NormalizedDoc], site_url: str | None = None):
        self.corpus = corpus
        self.model = model
        self.docs = {nd.id: nd for nd in docs}
        self.site_url = public_base() if site_url is None else site_url
        self.labels = labels()
        self._clause_labels: dict[tuple[str, str], str] = {}
        self.handouts: set[str] = set()  # source pages of the printable handouts (handouts.py)
        self.cache = None  # the build's page cache (common/cache.py ContentCache), when there is one
        self._by_agency: dict[str, list] | None = None

    def agency_documents(self, aid: str) -> list:
        """The corpus's documents an agency issued or drafted, in corpus order (grouped
        once: each agency's page would scan every document)."""
        if self._by_agency is None:
            self._by_agency = {}
            for d in self.corpus.documents:
                for a in dict.fromkeys((d.get("issuer"), d.get("drafted_by"))):
                    self._by_agency.setdefault(a, []).append(d)
        return self._by_agency.get(aid, [])

    # documents and clauses ------------------------------------------------------------
    def clause_label(self, ref: Ref) -> str:
        """'ข้อ ๓.๒.๓ (๑)': the clause numbering as printed (as a citation gives it)."""
        if ref.key not in self._clause_labels:
            numbering = clause_numbering(self.docs[ref.doc].blocks, ref.clause) if ref.clause.startswith("c") else ""
            self._clause_labels[ref.key] = self.labels.clause_label(ref.clause, numbering)
        return self._clause_labels[ref.key]

    def doc_title(self, doc_id: str) -> str:
        d = self.docs[doc_id].doc
        return str(d.get("short_title") or d.get("title"))

    def cite(self, page: str, ref: Ref) -> str:
        """A Markdown link to a cited clause: '[short title ข้อ ๓.๒](../documents/…#c3-2)'."""
        target = link(page, doc_page(ref.doc), ref.clause)
        return f"[{escape(self.doc_title(ref.doc))} {self.clause_label(ref)}]({target})"

    def citation(self, ref: Ref, printed: bool = False) -> str:
        """The citation in Thai official style (knowledge/citation.py) of a cited clause;
        `printed`: with a full address even when the public one is not configured (paper
        cannot follow a site-relative link)."""
        site_url = (self.site_url or LOCAL_SITE) if printed else self.site_url
        return cite(self.corpus, self.docs[ref.doc], ref.clause, site_url)

    def text(self, ref: Ref) -> str:
        return escape(block_text(self.model.block(ref)))

    # agencies and entities ------------------------------------------------------------
    def agency_name(self, aid: str, short: bool = False) -> str:
        return agency_label(self.corpus, aid, short)

    def agency_link(self, page: str, aid: str, short: bool = False) -> str:
        return f"[{escape(self.agency_name(aid, short))}]({link(page, agency_page(aid))})"

    def agencies_links(self, page: str, ids) -> str:
        ids = [ids] if isinstance(ids, str) else (ids or [])
        return ", ".join(self.agency_link(page, a) for a in ids) or "—"

    def entity_link(self, page: str, e: Entity, label: str) -> str:
        target_page, anchor = entity_page(e)
        return f"[{escape(label)}]({link(page, target_page, anchor)})"

    def mission_link(self, page: str, mid: str, short: bool = True) -> str:
        m = self.model.mission(mid)
        return self.entity_link(page, m, str(m.get("short_th" if short else "name_th")))

    def step_title(self, s: Entity) -> str:
        return self.labels.step_title(s.kind, s.ref().clause)

    def role_label(self, r: Entity) -> str:
        return self.clause_label(r.ref())

    def handout_link(self, page: str, entity_id: str) -> str:
        """A link to the printable handout of a step or agency ('' when it has none)."""
        target = handout_page(entity_id)
        return self.labels.handout_link(link(page, target)) if target in self.handouts else ""

    def copy_link(self, anchor: str) -> str:
        return self.labels.copy_link(anchor)

    def cite_button(self, ref: Ref) -> str:
        """The "อ้างอิง" button of a cited clause (copies its citation)."""
        return self.labels.cite_button(self.citation(ref))

    def controls(self, anchor: str, ref: Ref) -> str:
        """"¶ คัดลอกลิงก์" and "อ้างอิง" after a role, step or clause shown on a model page."""
        return f"{self.copy_link(anchor)} {self.cite_button(ref)}"
