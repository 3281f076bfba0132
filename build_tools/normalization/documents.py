"""Normalized documents: a corpus document's raw lines run through the normalization
chain, cut into blocks with clause ids, with the full change log (provenance)."""
from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field

import pythainlp
import yaml

import build_tools.common
import build_tools.common.thai as thai
import build_tools.normalization
from build_tools.common.cache import ContentCache, Stored, code_version, digest
from build_tools.common.parallel import MIN_ITEMS, in_background, parallel_imap
from build_tools.common.thaidate import format_thai_date
from build_tools.normalization.clauses import Block, parse_blocks
from build_tools.normalization.known_names import restorable_names
from build_tools.normalization.rules import Context, Line, normalize_lines
from build_tools.normalization.rules.names import warm_places
from build_tools.sources import corrections as corrections_mod
from build_tools.sources.corpus import Corpus, Document
from build_tools.sources.corrections import corrections_for, known_names

CACHE_FORMAT = "5: a head (block rows without their texts, summary, fingerprint), packed, and a body apart"


@dataclass
class NormalizedDoc:
    doc: Document
    lines: list[Line]
    blocks: list[Block]
    ctx: Context
    _markdown: str | None = field(default=None, repr=False, compare=False)
    _changes_json: str | None = field(default=None, repr=False, compare=False)
    # The normalization cache key (normalize_corpus with a cache): a hash of everything
    # lines, blocks and changes are made from, so what is built from them alone (its
    # pages) can be keyed by it without hashing them again.  None without a cache.
    key: str | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)

    def front_matter(self) -> dict:
        d = self.doc
        fm = {
            "id": d.id,
            "title": d.get("title"),
            "doc_type": d.get("doc_type"),
            "number": d.get("number"),
            "date": d.date.isoformat(),
            "date_th": format_thai_date(d.date),
            "issuer": d.get("issuer"),
            "addressee": d.get("addressee"),
            "subject": d.get("subject"),
            "source": {"raw": d.raw, "lines": f"{d.first_line}-{d.last_line}"},
            "changes": len(self.ctx.changes),
            "receipt_stamps": self.ctx.extracted.get("receipt_stamps"),
        }
        return {k: v for k, v in fm.items() if v is not None}

    def to_markdown(self) -> str:
        """The normalized document as Markdown with YAML front matter (build/normalized)."""
        if self._markdown is None:  # used for the fingerprint and the file: dump once
            fm = yaml.safe_dump(self.front_matter(), allow_unicode=True, sort_keys=False)
            self._markdown = f"---\n{fm}---\n\n{self.text}\n"
        return self._markdown

    def changes_json(self) -> str:
        if self._changes_json is None:  # dumped once (file, digest, page cache key)
            self._changes_json = json.dumps([c.__dict__ for c in self.ctx.changes], ensure_ascii=False, indent=1)
        return self._changes_json

    def fingerprint(self) -> str:
        """Changes whenever anything the index or the pages show of this document changes."""
        payload = self.to_markdown() + self.doc.meta_key  # (the front matter, hashed once per file version)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def release(self) -> None:
        """Let go of the text, lines and change log read for a pass over every document
        (the open data, the index, build/normalized), where they can be read again from
        the cache (StoredDoc); a document made in this process keeps them."""

    def block(self, anchor: str) -> Block | None:
        return next((b for b in self.blocks if b.anchor == anchor), None)

    def anchors(self) -> list[str]:
        """Each block's anchor, in order."""
        return [b.anchor for b in self.blocks]

    def clause_ids(self) -> list[str]:
        """The numbered clauses' ids, in order."""
        return [b.clause for b in self.blocks if b.clause]

    def outline(self) -> list[tuple]:
        """(kind, anchor, raw lines) of each block: where each part stands, without its text."""
        return [(b.kind, b.anchor, b.src) for b in self.blocks]

    @property
    def flags(self) -> list:
        """What a maintainer must decide (the review reports them)."""
        return self.ctx.flags

    @property
    def n_changes(self) -> int:
        return len(self.ctx.changes)

    @property
    def correction_changes(self) -> list:
        """The changes reviewed corrections made here (which corrections are in use)."""
        return [c for c in self.ctx.changes if c.rule.startswith("correction:")]


def block_row(b: Block) -> tuple:
    """A block as a document's head keeps it: its fields but the text, in a tuple
    (unpickling 10,000 letters' blocks as objects took four times as long as as tuples).
    The texts are nine tenths of a head's bytes and a rebuild asks only the changed
    letters for them: they are kept in the body."""
    return (b.kind, b.src, b.clause, b.label)


def _row_anchor(row: tuple) -> str:
    return row[2] or f"l{row[1][0]}"  # Block.anchor


class StoredDoc(NormalizedDoc):
    """A normalized document read back from the cache (normalize_corpus).  The cache
    keeps it in two entries: a small head with what a build asks of every document
    (its blocks as rows without their texts, flags, number of changes, the corrections
    used, the fingerprint), read for every document (packed, many to a file), and a
    body (its lines and change log, pickled, its Markdown and change log as text, and
    its blocks' texts), read only when one of those is asked for: a rebuild after one
    changed letter reads the others' heads alone (a hundredth of the bytes).  The
    blocks are made objects only when asked for: anchors, clause ids and outline come
    from the rows (a rebuild asks them of every document)."""

    def __init__(self, doc: Document, head: tuple, body, make_ctx, key: str):
        self.doc, self.key = doc, key
        self._rows, self._summary, self._fingerprint = head
        self._blocks = None
        self._body = body  # a common.cache.Stored (or the body itself) until read
        self._stored = body if isinstance(body, Stored) else None  # (release: read again when asked)
        self._make_ctx, self._unpacked = make_ctx, None
        self._markdown = self._changes_json = self._texts = None

    def _read_body(self) -> None:
        if isinstance(self._body, Stored):
            self._body = self._body.value()  # an error naming the entry when it cannot be read
        if self._markdown is None:
            _, self._markdown, self._changes_json, self._texts = self._body

    def _unpack(self) -> tuple:
        if self._unpacked is None:
            self._read_body()
            lines, saved = pickle.loads(self._body[0])  # noqa: S301 - written by normalize_corpus
            self._unpacked = (lines, self._make_ctx(saved))
            self._body = None  # not both in memory (a full build unpacks every document)
        return self._unpacked

    def release(self) -> None:
        if self._stored is not None:
            self._body, self._blocks, self._unpacked = self._stored, None, None
            self._markdown = self._changes_json = self._texts = None

    def to_markdown(self) -> str:
        if self._markdown is None:
            self._read_body()
        return self._markdown

    def changes_json(self) -> str:
        if self._changes_json is None:
            self._read_body()
        return self._changes_json

    def fingerprint(self) -> str:
        return self._fingerprint

    @property
    def blocks(self) -> list[Block]:
        if self._blocks is None:
            if self._texts is None:
                self._read_body()
            self._blocks = [Block(kind, text, src, clause, label)
                            for (kind, src, clause, label), text in zip(self._rows, self._texts)]
        return self._blocks

    def anchors(self) -> list[str]:
        return [_row_anchor(r) for r in self._rows]

    def clause_ids(self) -> list[str]:
        return [r[2] for r in self._rows if r[2]]

    def outline(self) -> list[tuple]:
        return [(r[0], _row_anchor(r), r[1]) for r in self._rows]

    lines = property(lambda self: self._unpack()[0])
    ctx = property(lambda self: self._unpack()[1])
    flags = property(lambda self: self._summary["flags"])
    n_changes = property(lambda self: self._summary["n_changes"])
    correction_changes = property(lambda self: self._summary["corrections"])


def body_key(key: str) -> str:
    """The cache key of a document's body (its head is kept under `key`)."""
    return key + "-body"


def cache_entry(nd: NormalizedDoc) -> tuple[tuple, tuple]:
    """What the cache keeps of a document, (head, body) (StoredDoc reads them back)."""
    saved = {k: getattr(nd.ctx, k) for k in ("changes", "extracted", "flags", "body_starts_at")}
    summary = {"flags": nd.flags, "n_changes": nd.n_changes, "corrections": nd.correction_changes}
    return ((tuple(map(block_row, nd.blocks)), summary, nd.fingerprint()),
            (pickle.dumps((nd.lines, saved), protocol=pickle.HIGHEST_PROTOCOL), nd.to_markdown(), nd.changes_json(),
             tuple(b.text for b in nd.blocks)))


def normalize_document(corpus: Corpus, doc: Document) -> NormalizedDoc:
    raw = corpus.raw_lines(doc)
    lines = [Line(text, (doc.first_line + i,)) for i, text in enumerate(raw)]
    ctx = Context(doc_id=doc.id, corrections=corrections_for(corpus.corrections, doc.id),
                  names=tuple(known_names(corpus.names)), known_names=restorable_names(corpus),
                  restore_places=True)
    out = normalize_lines(lines, ctx)
    blocks = parse_blocks(out, doc.get("doc_type"))
    # Receipt stamps left the body but stay citable: a block each, anchored at the
    # stamp's first raw line (l<n>), shown in the page's stamp section.
    blocks += [Block("stamp", stamp_text(s), tuple(s["raw_lines"]))
               for s in ctx.extracted.get("receipt_stamps") or []]
    return NormalizedDoc(doc, out, blocks, ctx)


def stamp_text(stamp: dict) -> str:
    """'กรมส่งเสริมการปกครองท้องถิ่น เลขที่ 44404 วันที่ 11 ส.ค. 2552' (what is legible)."""
    parts = [stamp.get("office"), f"{stamp.get('kind', 'เลขรับ')} {stamp['number']}" if stamp.get("number") else None,
             f"วันที่ {stamp['date']}" if stamp.get("date") else None,
             f"เวลา {stamp['time']}" if stamp.get("time") else None]
    return " ".join(p for p in parts if p)


def warm_dictionary(cache: ContentCache, needed: bool) -> None:
    """The dictionary's word list and prefix sets (the analyzer's too), ready before the
    workers fork with them when a document is to be normalized: read back from the cache
    (a fifth of a second) or made (a second, then kept); kept in any case."""
    key = digest("dictionary", pythainlp.__version__, code_version(thai))
    if not needed or thai.dictionary_ready():
        cache.stored(key)  # (kept for the next build that needs it)
        return
    kept = cache.get(key)
    if kept is not None:
        thai.use_dictionary(kept)
    else:
        cache.put(key, thai.made_dictionary())


def normalize_corpus(corpus: Corpus, cache: ContentCache | None = None, also=None) -> list[NormalizedDoc]:
    """Every document normalized, in raw-file order.  With `cache`, a document whose raw
    lines, front matter, corrections and the corpus's names are those of an earlier run
    (with the same normalization code and PyThaiNLP) is read back instead; a few
    documents that are not (a rebuild's changed letters) are normalized on another core
    while the others are read.  `also`: (fn, found): fn(nd) of each document normalized
    afresh, computed by the same worker into found[nd.id] (the review's word checks: they
    need the dictionary structures the normalization built there)."""
    docs = sorted(corpus.documents, key=lambda d: (d.raw, d.first_line))
    if cache is None:
        return [normalize_document(corpus, d) for d in docs]
    names = tuple(known_names(corpus.names))
    # The names a rule may restore come from the agencies and letter codes too.
    common = digest(CACHE_FORMAT, code_version(build_tools.normalization, build_tools.common, corrections_mod),
                    pythainlp.__version__, names, restorable_names(corpus))
    keys = [_cache_key(corpus, d, common) for d in docs]
    fn, also_found = also or (None, {})

    def fresh(i: int) -> tuple:
        nd = normalize_document(corpus, docs[i])
        return cache_entry(nd), fn(nd) if fn else None

    heads = cache.packed()  # (the bodies: a file each, read only when asked for)
    absent = [i for i, k in enumerate(keys) if not (heads.has(k) and cache.has(body_key(k)))]
    warm_dictionary(cache, needed=bool(absent))
    if len(absent) >= MIN_ITEMS:
        warm_places()  # the gazetteer's tables: made once, not in each of the pool's workers
    few = in_background(fresh, absent) if len(absent) < MIN_ITEMS else None
    elsewhere = set(absent) if few is not None else set()
    found = [None if i in elsewhere else _read_back(heads, cache, k) for i, k in enumerate(keys)]

    def keep(i: int, entry: tuple) -> None:
        (head, body), extra = entry
        cache.put(body_key(keys[i]), body)  # the body first: a head is never without its body
        heads.put(keys[i], head)
        # Once on disk a document is held as its head, as a rebuild reads it back: the
        # bodies were nine tenths of a full build's stage state (1.1 GB at 10,000
        # letters), which every process the build forks then carried.
        found[i] = head, (cache.deferred(body_key(keys[i])) if cache.folder is not None else body)
        if fn:
            also_found[docs[i].id] = extra

    for i, entry in zip(absent, few.result()) if few is not None else ():
        keep(i, entry)
    missing = [i for i, hit in enumerate(found) if hit is None]  # (and those read back damaged)
    for i, entry in zip(missing, parallel_imap(fresh, missing, chunksize=4)):  # kept as they come
        keep(i, entry)
    heads.flush()

    def context(d: Document):
        return lambda saved: Context(doc_id=d.id, corrections=corrections_for(corpus.corrections, d.id),
                                     names=names, **saved)

    return [StoredDoc(d, head, body, context(d), key) for d, key, (head, body) in zip(docs, keys, found)]


def _read_back(heads, cache: ContentCache, key: str) -> tuple | None:
    """(head, body) of a cached document, None when either cannot be read.  From disk
    the body is read only when asked for (a common.cache.Stored); a cache in memory
    may drop it meanwhile, so it is taken at once."""
    head = heads.get(key)
    body = cache.deferred(body_key(key)) if cache.folder is not None else cache.get(body_key(key))
    return None if head is None or body is None else (head, body)


def _cache_key(corpus: Corpus, doc: Document, common: str) -> str:
    corrections = [(c.id, c.wrong, c.right, c.scope, c.reason, c.line)  # not where they stand in the file
                   for c in corrections_for(corpus.corrections, doc.id)]
    # The raw lines by their file's SHA-256 (checked against the manifest) and span: 10,000
    # letters' lines are not pickled again to be hashed.
    raw = corpus.raw[doc.raw]
    return digest(common, doc.id, raw.sha256, doc.first_line, doc.last_line, corrections, doc.meta_key)
