"""Site pages generated from the normalized documents (Markdown for MkDocs, written from
templates/): each document's page, the list of documents, and `generate_pages`, which
returns every generated page of the site and the navigation.

Pages are written by our build step, not by an MkDocs plugin, so mkdocs.yml stays
plain.  URLs are permalinks: documents/<id>/ with clause anchors #c3-2-1 and paragraph
anchors #l<raw line> (raw files are immutable, so a raw line number never moves)."""
from __future__ import annotations

import json

import yaml

from build_tools import common as common_package
from build_tools import knowledge as knowledge_package
from build_tools.common.cache import Stored, code_version, digest, resolved
from build_tools.common.parallel import parallel_map
from build_tools.common.thaidate import format_thai_date
from build_tools.knowledge.citation import cite
from build_tools.knowledge.urls import DOCUMENTS_PAGE, doc_page, link, public_base, raw_page
from build_tools.normalization.clauses import Block
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs import site as site_package
from build_tools.outputs.site.conflict_notes import (
    conflict_note_data,
    conflicts_by_doc,
    note_inputs,
    render_notes,
)
from build_tools.outputs.site.markup import attrs, escape
from build_tools.outputs.site.model_pages import document_defines, model_pages
from build_tools.outputs.site.page_deps import dependency_record, documents_to_make
from build_tools.outputs.site.raw_pages import cached_raw_text_page
from build_tools.outputs.site.render import labels, render
from build_tools.outputs.site.site_context import agency_label
from build_tools.sources.corpus import DOC_TYPES, Corpus


def _notes_for(block: Block, notes: dict[int, list[str]], done: set) -> list[str]:
    out = []
    for n in block.src:
        for note in notes.get(n, []):
            if (n, note) not in done:
                done.add((n, note))
                out += [note, ""]
    return out


def _header(blocks: list[Block]) -> list[str]:
    """A letter's header lines (each with its paragraph anchor) and its table rows."""
    out = ['<div class="letter-header" markdown>', ""]
    rows = []
    for b in blocks:
        if b.text.startswith("|"):
            rows.append(escape(b.text))
        else:
            # an empty span gives each header line its paragraph anchor (l<raw line>)
            out.append(f'<span class="anchor" id="{b.anchor}"></span>' + escape(b.text) + "  ")
    out += ["", "</div>", ""]
    if rows:
        out += ['<div class="letter-header" markdown>', ""] + [r.replace("\\|", "|") for r in rows]
        out += ["", "</div>", ""]
    return out


def render_blocks(blocks: list[Block], notes: dict[int, list[str]] | None = None, citation=None) -> str:
    """The text of a document, block by block: clauses with their anchor and controls
    (¶, and "อ้างอิง" when `citation(anchor)` gives a clause's citation), list items,
    tables; a conflict note after the block (or list) it concerns."""
    notes, done, lab = notes or {}, set(), labels()

    def controls(b: Block) -> str:
        return lab.doc_permalink(b.anchor) + (f" {lab.cite_button(citation(b.anchor))}" if citation else "")

    header = [b for b in blocks if b.kind == "header"]
    out: list[str] = _header(header) if header else []
    for b in header:
        out += _notes_for(b, notes, done)
    in_list = False
    pending: list[str] = []  # notes of list items wait for the end of the list
    for b in blocks:
        if b.kind in ("header", "stamp"):  # shown above the text / in the stamp section
            continue
        if b.kind == "item":
            # attr_list cannot give a list item an id: an empty anchor span does.
            text = b.text[1:].lstrip() if b.text.startswith("-") else b.text
            link_ = f" {controls(b)}" if b.clause else ""
            out.append(f'- <span class="anchor" id="{b.anchor}"></span>{escape(text)}{link_}')
            pending += _notes_for(b, notes, done)
            in_list = True
            continue
        if in_list:
            out += [""] + pending
            pending, in_list = [], False
        if b.kind == "table":
            out.append(b.text)
            continue
        if b.kind == "clause":
            out += [f"{escape(b.text)} {controls(b)}", attrs(b.anchor, "clause")]
        else:
            out += [escape(b.text), attrs(b.anchor)]
        out.append("")
        out += _notes_for(b, notes, done)
    if pending:
        out += [""] + pending
    return "\n".join(out).rstrip() + "\n"


def citations_by_target(corpus: Corpus) -> dict[str, list]:
    """document id -> [(citing document, its reference)], built once per build (a scan
    of every document for every document costs documents x documents)."""
    out: dict[str, list] = {}
    for o in corpus.documents:
        for r in o.get("references") or []:
            if r.get("id"):
                out.setdefault(r["id"], []).append((o, r))
    return out


def _references(corpus: Corpus, d) -> list[tuple[dict, dict | None]]:
    """(reference, the cited document's {title, link} or None) of each letter this one cites."""
    here, out = doc_page(d.id), []
    for r in d.get("references") or []:
        cited = corpus.document(r["id"]) if r.get("id") else None
        out.append((r, {"title": str(cited.get("short_title") or cited.get("title")),
                        "link": link(here, doc_page(cited.id))} if cited else None))
    return out


def page_key_common(corpus: Corpus, site_url: str) -> str:
    """What every document page's cache key holds: the code and templates that write it,
    the agencies (names in citations and labels) and the site's address."""
    return digest("document page", code_version(site_package, knowledge_package, common_package), site_url,
                  json.dumps(corpus.agencies, ensure_ascii=False, sort_keys=True, default=str))


def document_page(corpus: Corpus, nd: NormalizedDoc, conflicts=(), docs=None, by_doc=None,
                  cited_by=None, site_url: str | None = None, cache=None, extra: str = "",
                  common: str | None = None, lazy: bool = False):
    """The document's page (and `extra`, appended).  `cache` (common/cache.py): the page
    is read back when everything it shows is what an earlier build showed: the
    normalized document (nd.key, or its text and blocks), its front matter and notes,
    the titles of the letters it cites and that cite it, its conflict notes' inputs,
    `extra` and `common` (page_key_common: the agencies, the site's address and the
    code).  `lazy`: a page found in the cache is returned unread (a common.cache.Stored)."""
    d = nd.doc
    site_url = public_base() if site_url is None else site_url
    citing = (cited_by if cited_by is not None else citations_by_target(corpus)).get(d.id, [])
    shown = {"labels": labels(), "n_changes": nd.n_changes, "date_th": format_thai_date(d.date),
             "issuer": agency_label(corpus, d.get("issuer")),
             "drafted_by": agency_label(corpus, d.get("drafted_by")) if d.get("drafted_by") else None,
             "references": _references(corpus, d),
             "citing": [(str(o.get("short_title") or o.get("title")), link(doc_page(d.id), doc_page(o.id)),
                         r.get("match", "none")) for o, r in citing]}
    note_data = conflict_note_data(conflicts, nd, docs or {nd.id: nd}, by_doc)
    key = None
    if cache is not None:
        made_from = nd.key or (nd.fingerprint(), [(b.kind, b.text, b.src, b.clause, b.label) for b in nd.blocks])
        key = digest(common or page_key_common(corpus, site_url), made_from, d.notes,
                     json.dumps([shown["references"], shown["citing"], note_data], ensure_ascii=False, default=str),
                     shown["date_th"], shown["issuer"], shown["drafted_by"] or "", extra)
        page = cache.stored(key) if lazy else None
        page = page or cache.get(key)
        if page is not None:
            return page
    page = render("document.md.j2", d=d, stamps=[b for b in nd.blocks if b.kind == "stamp"],
                  body=render_blocks(nd.blocks, render_notes(note_data),
                                     lambda anchor: cite(corpus, nd, anchor, site_url)),
                  **shown) + extra
    if cache is not None:
        cache.put(key, page)
        if lazy:  # kept on disk, and known by its key to the next build
            return cache.stored(key)
    return page


def documents_index(corpus: Corpus, docs: list[NormalizedDoc], known_rows: dict | None = None) -> str:
    """The list page of every document; `known_rows`: meta_key -> the row of a document
    with that front matter (index_row), as an earlier build made it: taken, not made
    again, and replaced by this list's rows."""
    known = known_rows or {}
    rows = [known.get(nd.doc.meta_key) or index_row(corpus, nd) for nd in docs]
    if known_rows is not None:
        known_rows.clear()
        known_rows.update(zip((nd.doc.meta_key for nd in docs), rows))
    return render("documents_index.md.j2", rows=rows)


def index_row(corpus: Corpus, nd: NormalizedDoc) -> list[str]:
    """A document's row in the list page: made of its front matter and its issuer's name."""
    d = nd.doc
    issuer = corpus.agencies[d.get("issuer")]
    return [f"[{escape(str(d.get('short_title') or d.get('title')))}]({link(DOCUMENTS_PAGE, doc_page(d.id))})",
            DOC_TYPES[d.get("doc_type")], escape(str(d.get("number") or "—")), format_thai_date(d.date),
            escape(issuer.get("abbr") or issuer.get("name_th"))]


def cached_documents_index(corpus: Corpus, docs: list[NormalizedDoc], cache, common: str):
    """documents_index, kept in `cache` (returned unread, a common.cache.Stored) by what
    its rows are made from (each document's front matter, by its meta_key, in order) and
    `common` (page_key_common: the code, the agencies, the site's address): a rebuild
    whose letters' front matter did not change neither makes nor reads it."""
    key = digest("documents index", common, [nd.doc.meta_key for nd in docs])
    # The rows of the last list made (by the same code, agencies and address): a
    # retitled letter's list page at 10,000 letters makes one row, not 10,000.
    rows_key = digest("documents index rows", common)
    if not cache.has(key):
        rows = cache.get(rows_key) or {}
        cache.put(key, documents_index(corpus, docs, rows))
        cache.put(rows_key, rows)
    else:
        cache.stored(rows_key)  # (kept for the next list made)
    return cache.deferred(key)


# Every page carries the whole navigation, so listing N documents in it costs N x N:
# above this many, the navigation shows only the list page (which links every document).
NAV_MAX_DOCUMENTS = 50


def generate_pages(corpus: Corpus, docs: list[NormalizedDoc], model=None,
                   conflicts=(), cache=None, lazy: bool = False, previous: dict | None = None,
                   record: dict | None = None) -> tuple[dict[str, str], list]:
    """Return ({relative path: Markdown}, nav) for the generated part of the site.
    `cache`: a ContentCache for the documents' pages and raw-text pages (the build's);
    `lazy`: those found there are common.cache.Stored (read when asked for).
    `previous`: the published build's site state: with a cache, the pages of documents
    whose dependency record (page_deps.py) says nothing they show changed are that
    build's, taken by its cache keys; `record`: filled with this build's record."""
    site_url = public_base()
    common = page_key_common(corpus, site_url) if cache is not None else None
    pages = {DOCUMENTS_PAGE: documents_index(corpus, docs) if cache is None else
             _local(("cached", cached_documents_index(corpus, docs, cache, common).key), cache, lazy)}
    by_id = {nd.id: nd for nd in docs}
    defines = document_defines(corpus, model, docs) if model else {}
    by_doc = conflicts_by_doc(conflicts)
    cited_by = citations_by_target(corpus)
    kept: dict[str, tuple] = {}
    if cache is not None:
        deps = dependency_record(docs, cited_by, _notes_and_defines(docs, by_doc, defines), common)
        kept = _kept_pages(documents_to_make(deps, (previous or {}).get("deps")), docs,
                           (previous or {}).get("page_keys") or {}, cache)
        if record is not None:
            record.update(deps)

    def both_pages(i: int) -> tuple:  # by index: the workers have the documents (forked)
        nd = docs[i]
        # With a cache, a page comes back as the key of its entry (see _portable).
        both = tuple(_portable(page) for page in (
            document_page(corpus, nd, conflicts, by_id, by_doc, cited_by, site_url, cache, defines.get(nd.id, ""),
                          common, lazy=cache is not None),
            cached_raw_text_page(corpus, nd, cache, lazy=cache is not None)))
        nd.release()  # (a worker makes thousands: it would hold all their texts)
        return both

    # Each document's two pages are made on every core (a full build: thousands).
    todo = [i for i, nd in enumerate(docs) if nd.id not in kept]
    if record is not None:
        record["made"] = len(todo)
    made = dict(zip(todo, parallel_map(both_pages, todo)))
    for i, nd in enumerate(docs):
        both = kept[nd.id] if nd.id in kept else made[i]
        pages[doc_page(nd.id)], pages[raw_page(nd.id)] = (_local(value, cache, lazy) for value in both)
    if model:  # (with a cache, the agency pages come back as its entries)
        pages.update({rel: page if lazy else resolved(page) for rel, page in model_pages(corpus, model, docs,
                                                                                         cache).items()})
    return pages, navigation(corpus, docs, model)


def _notes_and_defines(docs, by_doc, defines) -> dict[str, tuple[str, list[str]]]:
    """document id -> (a signature of its conflict notes' inputs and model section, the
    other documents whose readings its notes show), for the documents that have any
    (page_deps.dependency_record)."""
    out = {}
    for nd in docs:
        if nd.id in by_doc or defines.get(nd.id):
            notes = note_inputs(nd.id, by_doc)
            shows = {r[0] for conflict in notes for r in conflict[4]} - {nd.id}
            # repr, not pickle: equal values give equal bytes whichever objects hold them
            out[nd.id] = digest(repr(notes), defines.get(nd.id, "")), sorted(shows)
    return out


def _kept_pages(to_make: set[str] | None, docs: list[NormalizedDoc], page_keys: dict, cache) -> dict[str, tuple]:
    """document id -> its two pages as _portable gives them (the cache keys the published
    build recorded), for each document not `to_make` whose pages are still in the cache."""
    if to_make is None:
        return {}
    out = {}
    for nd in docs:
        if nd.id in to_make:
            continue
        keys = page_keys.get(doc_page(nd.id)), page_keys.get(raw_page(nd.id))
        if all(keys) and all(cache.has(k) for k in keys):
            out[nd.id] = tuple(("cached", k) for k in keys)
    return out


def _portable(page):
    """A page as it can come back from another process: its text, or the key of the
    cache entry that holds it (a common.cache.Stored carries its cache object, whose
    record of the entries used would stay in that process)."""
    return ("cached", page.key) if isinstance(page, Stored) else ("text", page)


def _local(portable: tuple, cache, lazy: bool):
    """The page in this process: text, or (by its key) an entry of this process's cache,
    so that prune() keeps it; read now unless `lazy`."""
    kind, value = portable
    if kind == "text":
        return value
    return cache.deferred(value) if lazy else resolved(cache.deferred(value))


def navigation(corpus: Corpus, docs: list[NormalizedDoc], model=None) -> list:
    """MkDocs' `nav` (templates/nav.yaml.j2): with more than NAV_MAX_DOCUMENTS documents
    only their list page."""
    listed = docs if len(docs) <= NAV_MAX_DOCUMENTS else []
    return yaml.safe_load(render("nav.yaml.j2", m=model, agencies=corpus.agencies, documents=[
        (str(nd.doc.get("short_title") or nd.doc.get("title")), doc_page(nd.id)) for nd in listed]))
