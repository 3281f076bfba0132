"""The command-line search index (Whoosh, on disk).  Text goes through the one Thai
analyzer (build_tools.analysis.analyzer) via a thin Whoosh tokenizer; only Whoosh's
public API is used here, so any maintained fork can be swapped in.

Each record is an entry of the site (a page's own entry or one of its sections).  Its
text fields are stored for the hits and indexed together as one field, `words`, each
word weighted by the one ranking configuration (ranking.field_weights: the weight of
the field it is in, times ranking.SUBWORD for a word inside a compound), so a term's
postings hold its whole weight in a record: the scorer reads one posting list per term
(the site's sections are the same bags of weighted words), from the arrays written
beside each segment (postings_arrays.py).  Each posting also keeps the word's positions,
read only to check a quoted phrase's word order; fields keep their positions apart
(FIELD_GAP), so a phrase never runs from one into the next.  (One field, not a weighted
one and a positioned copy: every posting written once halves the index's writing.)  Its
length (its own words, the BM25 length both engines use) is a column, not indexed.
The query tables the search reads at query time (question words, thesaurus, answers:
build_tools.outputs.search_index.query_data) are written beside it."""
from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

from whoosh import columns, fields, formats, index
from whoosh.analysis import Token as WToken
from whoosh.analysis import Tokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.writing import OPTIMIZE

from build_tools.analysis.analyzer import ThaiAnalyzer
from build_tools.analysis.shared_tokens import TokenMemo
from build_tools.common.atomic import write_text_atomic
from build_tools.outputs.search_index import ranking
from build_tools.outputs.search_index.index_storage import WritingStorage
from build_tools.outputs.search_index.postings_arrays import write_arrays

# Bump when the analyzer or the schema changes: the index is then rebuilt from scratch.
# 19: one weighted `words` field (and `spans` for phrases) (ranking.py weights), the length column, stored fields.
# 20: postings in blocks of BLOCK_LIMIT.
# 22: `words` keeps positions (no `spans` copy); `length` a column only.
# 23: `date` in two tiers of terms (Date).
INDEX_FORMAT = "23"
# Postings per block (Whoosh's default is 128): the scorer reads a term's postings whole,
# a block at a time, so fewer, larger blocks read faster (at N=10,000 a query's p50 and
# p95 fell by about a third; the index is also ~10% smaller).
BLOCK_LIMIT = 1024
TEXT_FIELDS = ("title", "section", "body", "meta", "aliases", "context")
WORDS_FIELD = "words"  # every text field, weighted, with positions: the one field the search reads
LENGTH_FIELD = "length"
FIELD_GAP = 1000  # positions between two fields of `words`
# A rebuild's segment smaller than this share of the largest is merged into the next
# rebuild's, and segments beside the largest are merged when there are more than
# MAX_LARGE_SEGMENTS of them (merge_small_segments).
SMALL_SEGMENT_SHARE = 1 / 32
MAX_LARGE_SEGMENTS = 3
# Short values that repeat across records (a document's title is on each of its clauses):
# analyzed once per process.  Text is not (it rarely repeats in a real archive, and
# caching it would flatter the synthetic benchmark).
REPEATED_FIELDS = ("title", "section", "aliases")
_PART, _WEIGHT = "\x1e", "\x1f"  # separators of the fields in a `words` value
QUERY_TABLES = "query-tables.json"  # beside the index: what the query side reads


class SafePositions(formats.Positions):
    """whoosh-ng 5.4's Positions format stores positions as varints but reads any value
    ending in b"." as a legacy pickle, so a position gap of 46 (last byte 0x2E) breaks
    phrase queries ("invalid load key") once a corpus is large enough to contain one.
    A trailing zero byte, which the decoder never reads, keeps such values unambiguous."""

    def encode(self, poslist):
        value = super().encode(poslist)
        return value + b"\x00" if value.endswith(b".") else value


class ThaiTokenizer(Tokenizer):
    """Whoosh face of ThaiAnalyzer.  Pickled into the index with its vocabulary, so a
    query is cut exactly as the text was."""

    # With `cache`, short values are analyzed once per process (see REPEATED_FIELDS).
    CACHE_MAX_CHARS = 300
    CACHE_MAX_ENTRIES = 50_000

    def __init__(self, analyzer: ThaiAnalyzer, cache: bool = False):
        self.analyzer = analyzer
        self.cache = cache
        self._cache = {}

    def __getstate__(self):
        return {"analyzer": self.analyzer, "cache": self.cache}  # not the cached tokens

    def __setstate__(self, state):
        self.analyzer = state["analyzer"]
        self.cache = state.get("cache", False)
        self._cache = {}

    def __eq__(self, other):
        return isinstance(other, ThaiTokenizer) and other.analyzer.signature() == self.analyzer.signature()

    def _tokens(self, value: str, subwords: bool):
        if not self.cache or len(value) > self.CACHE_MAX_CHARS:
            return self.analyzer.tokens(value, subwords=subwords)
        key = (value, subwords)
        toks = self._cache.get(key)
        if toks is None:
            if len(self._cache) >= self.CACHE_MAX_ENTRIES:
                self._cache.clear()
            toks = self._cache[key] = self.analyzer.tokens(value, subwords=subwords)
        return toks

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = WToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        # Queries are cut without sub-word expansion; the index holds both.
        for tok in self._tokens(value, subwords=(mode != "query")):
            t.text = tok.text
            t.boost = ranking.SUBWORD if tok.sub else 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[tok.start:tok.end]
            if positions:
                t.pos = start_pos + tok.pos
            if chars:
                t.startchar = start_char + tok.start
                t.endchar = start_char + tok.end
            yield t


class WeightedFieldsTokenizer(ThaiTokenizer):
    """The tokenizer of `words`: its value holds a record's text fields with their
    weights (`weighted_fields`); each field is cut by the analyzer, its words boosted by
    the field's weight, its positions FIELD_GAP after the previous field's."""

    _last: tuple = (None, None)  # the last value and its tokens (Whoosh may cut a value twice)
    memo = None  # a TokenMemo receiving each block's text cut (analysis/shared_tokens.py); never pickled

    def _weighted(self, value: str, subwords: bool) -> list[tuple[str, float, int]]:
        if self._last[0] == (value, subwords):
            return self._last[1]
        out = []
        for n, part in enumerate(value.split(_PART) if value else ()):
            name, weight, text = part.split(_WEIGHT, 2)
            w = float(weight)
            cut = self._tokens if name in REPEATED_FIELDS else self.analyzer.tokens
            toks = cut(text, subwords=subwords)
            if self.memo is not None and subwords and name == "body":
                self.memo.record(text, toks)  # the site search's sections are mostly these texts
            out += [(tok.text, w * (ranking.SUBWORD if tok.sub else 1.0), n * FIELD_GAP + tok.pos) for tok in toks]
        self._last = ((value, subwords), out)
        return out

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = WToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, boost, pos in self._weighted(value, mode != "query"):
            t.text, t.boost, t.stopped = text, boost, False
            if positions:
                t.pos = start_pos + pos
            yield t


def field_text(rec: dict, name: str) -> str:
    """A record's text field as `words` holds it: whitespace made single spaces (the
    analyzer's words never cross whitespace: the same words)."""
    return " ".join(str(rec.get(name) or "").replace(_PART, " ").replace(_WEIGHT, " ").split())


def weighted_fields(rec: dict) -> str:
    """A record's text fields and their weights as the value of `words`."""
    weights = ranking.field_weights(bool(rec.get("page")), bool(rec.get("derived")))
    parts = []
    for f in TEXT_FIELDS:
        text = field_text(rec, f)
        if text and weights[f]:
            parts.append(f"{f}{_WEIGHT}{weights[f]!r}{_WEIGHT}{text}")
    return _PART.join(parts)


class Date(fields.DATETIME):
    """A record's date (a document's, on each of its records), for the --from/--to
    filters: Whoosh's DATETIME indexes each value as 8 terms (a tier per 8 bits, for
    ranges over any span of microseconds); letters have days, so 2 tiers do (a range
    query looks up the few days at its ends among the index's own terms) and a record
    has 6 postings fewer (an eighth of the index's postings)."""

    SHIFT_STEP = 32

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.shift_step = self.SHIFT_STEP


def words_field(analyzer: ThaiAnalyzer | None = None) -> fields.TEXT:
    """`words` as the index has it: each posting a weight (the sum of its tokens'
    boosts) and positions.  Without an analyzer (tests), Whoosh's standard one cuts."""
    words = fields.TEXT(analyzer=WeightedFieldsTokenizer(analyzer, cache=True) if analyzer else None, phrase=True)
    words.format = SafePositions()
    return words


def length_column() -> fields.COLUMN:
    """The BM25 length: a column read when the index is opened, never searched."""
    return fields.COLUMN(columns.NumericColumn("i"))


def make_schema(analyzer: ThaiAnalyzer) -> fields.Schema:
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),  # doc_id or doc_id#anchor
        doc_id=fields.ID(stored=True),
        kind=fields.ID(stored=True),  # document | section | agency | role | ...
        words=words_field(analyzer),
        title=fields.STORED(),
        section=fields.STORED(),
        body=fields.STORED(),
        meta=fields.STORED(),  # a document's metadata: searched, never the snippet
        context=fields.STORED(),  # the text of the enclosing clauses
        length=length_column(),
        url=fields.STORED(),
        page_kind=fields.ID(),  # documents, agencies, glossary ... (ranking.page_kind)
        number=fields.STORED(),  # a document's letter number
        citation=fields.STORED(),  # how an official letter cites it, without the permalink
        lead=fields.STORED(),  # the snippet of a page hit that matched its title or metadata
        doc_type=fields.ID(stored=True),
        agencies=fields.KEYWORD(stored=True, commas=True, lowercase=True),
        missions=fields.KEYWORD(stored=True, commas=True, lowercase=True),
        date=Date(stored=True),
        fingerprint=fields.STORED(),
    )


def _meta_path(index_dir: Path) -> Path:
    return index_dir / "siam-yim-index.json"


def written_format(index_dir: Path) -> str | None:
    """The INDEX_FORMAT of the build that wrote the index at `index_dir` (None: no record)."""
    try:
        return json.loads(_meta_path(Path(index_dir)).read_text(encoding="utf-8")).get("format")
    except (OSError, ValueError):
        return None


def index_fields(rec: dict, analyzer: ThaiAnalyzer) -> dict:
    """A record as Whoosh's add_document takes it: its stored fields, its weighted words
    and its length."""
    out = {k: v for k, v in rec.items() if k not in ("page", "derived", "aliases") and v is not None}
    out[WORDS_FIELD] = weighted_fields(rec)
    # The texts as the tokenizer cuts them (ThaiAnalyzer.tokens: NFC), so the
    # analyzer's memo cuts each once.
    out[LENGTH_FIELD] = sum(len(analyzer.segment(unicodedata.normalize("NFC", field_text(rec, f))))
                            for f in ("body", "meta"))
    out["page_kind"] = ranking.page_kind(rec["url"])
    return out


def _write(ix, changed: list[str], removed: list[str], records_by_doc, fingerprints, analyzer, log,
           shared_tokens: Path | None, optimize: bool) -> None:
    """Re-index the changed documents and delete the removed ones (see build_index)."""
    memo = TokenMemo(analyzer) if shared_tokens is not None else None
    writer = ix.writer(codec=W3Codec(blocklimit=BLOCK_LIMIT))
    writer.schema[WORDS_FIELD].analyzer.memo = memo
    for n, doc_id in enumerate(changed, 1):
        writer.delete_by_term("doc_id", doc_id)
        for rec in records_by_doc[doc_id]:
            writer.add_document(fingerprint=fingerprints[doc_id], **index_fields(rec, analyzer))
        if n % 500 == 0:
            log(f"  indexed {n}/{len(changed)} documents")
    writer.schema[WORDS_FIELD].analyzer.memo = None
    if memo is not None:
        memo.save(shared_tokens)  # every text is cut: the site search may use them while Whoosh writes
        del memo
    for doc_id in removed:
        writer.delete_by_term("doc_id", doc_id)
    writer.commit(mergetype=OPTIMIZE if optimize else merge_small_segments)


def merge_small_segments(writer, segments: list) -> list:
    """Whoosh's merge policy for a rebuild's commit: every segment smaller than
    SMALL_SEGMENT_SHARE of the largest is read into the segment this commit writes, and
    so are all but the largest when more than MAX_LARGE_SEGMENTS others are left: the
    index keeps one large segment and a few, however many rebuilds came before.
    (Whoosh's own MERGE_SMALL let a rebuild's one-letter segments pile up to nine or ten,
    and a search pays per segment: at 30,000 letters the p95 rose from 35 to 41 ms after
    eight rebuilds, a question with no word in the corpus from 9 to 37 ms.)  A merge
    rewrites only the merged segments' postings (a small share of the index), without
    their deleted records."""
    if not segments:
        return segments
    largest = max(segments, key=lambda s: s.doc_count_all())
    merged = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT_SHARE * largest.doc_count_all()]
    if len(segments) - len(merged) - 1 > MAX_LARGE_SEGMENTS:
        merged = [s for s in segments if s is not largest]
    OPTIMIZE(writer, merged)  # Whoosh's own policy, given only these: reads each into the new segment
    return [s for s in segments if s not in merged]


def build_index(index_dir: Path, records_by_doc: dict[str, list[dict]],
                fingerprints: dict[str, str], analyzer: ThaiAnalyzer, log=print,
                query_tables: dict | None = None, shared_tokens: Path | None = None) -> dict:
    """Bring the index at `index_dir` up to date, and write `query_tables` beside it.
    `shared_tokens`: where to save the tokens of the blocks' texts cut here, as soon as
    the records are cut (before the index is written out), for the site search
    (analysis/shared_tokens.py).

    Incremental: a document whose fingerprint is unchanged is left alone; changed and new
    documents are re-indexed, removed ones deleted.  When the analyzer vocabulary, the
    ranking weights or the index format changed, the index is rebuilt in a temporary
    folder and swapped in.  New segments get the scorer's arrays of their postings
    (postings_arrays.py)."""
    meta_file = _meta_path(index_dir)
    state = {"format": INDEX_FORMAT, "analyzer": analyzer.signature(), "ranking": ranking.signature(), "docs": {}}
    old = None
    if meta_file.exists() and index.exists_in(str(index_dir)):
        old = json.loads(meta_file.read_text(encoding="utf-8"))
        if any(old.get(k) != state[k] for k in ("format", "analyzer", "ranking")):
            old = None
    if old is None:
        tmp = index_dir.with_name(index_dir.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        ix = WritingStorage(str(tmp)).create_index(make_schema(analyzer))
        changed = sorted(records_by_doc)
        removed: list[str] = []
        target = tmp
    else:
        ix = WritingStorage(str(index_dir)).open_index()
        changed = sorted(d for d in records_by_doc if old["docs"].get(d) != fingerprints[d])
        removed = sorted(d for d in old["docs"] if d not in records_by_doc)
        target = index_dir
    if changed or removed or old is None:
        _write(ix, changed, removed, records_by_doc, fingerprints, analyzer, log, shared_tokens, optimize=old is None)
    elif shared_tokens is not None:
        TokenMemo(analyzer).save(shared_tokens)  # nothing cut: the site search need not look for it any longer
    ix.close()
    write_arrays(target, WORDS_FIELD, log)  # the scorer's copy of new segments' postings
    state["docs"] = dict(fingerprints)
    tmp_meta = target / (meta_file.name + ".tmp")
    tmp_meta.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    tmp_meta.replace(target / meta_file.name)
    if query_tables is not None:
        write_text_atomic(target / QUERY_TABLES, json.dumps(query_tables, ensure_ascii=False))
    if target != index_dir:
        backup = index_dir.with_name(index_dir.name + ".old")
        shutil.rmtree(backup, ignore_errors=True)
        if index_dir.exists():
            index_dir.rename(backup)
        target.rename(index_dir)
        shutil.rmtree(backup, ignore_errors=True)
    return {"reindexed": changed, "removed": removed, "full": old is None}

