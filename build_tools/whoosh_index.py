"""The command-line search index (Whoosh, on disk).  Text goes through the one Thai
analyzer (build_tools.analyzer) via a thin Whoosh tokenizer; only the classic Whoosh API
is used, so any maintained fork can be swapped in."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from whoosh import fields, index
from whoosh.analysis import Token as WToken
from whoosh.analysis import Tokenizer

from build_tools.analyzer import ThaiAnalyzer

def _patch_positions_decoding() -> None:
    """whoosh-ng 5.4.0 takes any positions value ending in byte 0x2E ('.') for its legacy
    pickle format, so a term whose last position gap is 46 breaks phrase queries
    (UnpicklingError).  Decode the varint form first and fall back to the legacy form
    only when the varints do not account for exactly the whole value."""
    from whoosh import formats

    original = formats.Positions.decode_positions
    if getattr(original, "_siam_yim", False):
        return

    def decode_positions(self, valuestring):
        try:
            n = formats.unpack_uint(valuestring[:formats._INT_SIZE])[0]
            pos, position, positions = formats._INT_SIZE, 0, []
            for _ in range(n):
                code, shift = 0, 0
                while True:
                    b = valuestring[pos]
                    pos += 1
                    code |= (b & 0x7F) << shift
                    shift += 7
                    if not b & 0x80:
                        break
                position += code
                positions.append(position)
            if pos == len(valuestring):
                return positions
        except (IndexError, TypeError):
            pass
        return original(self, valuestring)

    decode_positions._siam_yim = True
    formats.Positions.decode_positions = decode_positions


_patch_positions_decoding()

# Bump when the analyzer or the schema changes: the index is then rebuilt from scratch.
INDEX_FORMAT = "6"


class ThaiTokenizer(Tokenizer):
    """Whoosh face of ThaiAnalyzer.  Pickled into the index with its vocabulary, so a
    query is cut exactly as the text was."""

    def __init__(self, analyzer: ThaiAnalyzer):
        self.analyzer = analyzer

    def __eq__(self, other):
        return isinstance(other, ThaiTokenizer) and other.analyzer.signature() == self.analyzer.signature()

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = WToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        # Queries are cut without sub-word expansion; the index holds both.
        for tok in self.analyzer.tokens(value, subwords=(mode != "query")):
            t.text = tok.text
            t.boost = 0.5 if tok.sub else 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[tok.start:tok.end]
            if positions:
                t.pos = start_pos + tok.pos
            if chars:
                t.startchar = start_char + tok.start
                t.endchar = start_char + tok.end
            yield t


def make_schema(analyzer: ThaiAnalyzer) -> fields.Schema:
    thai = ThaiTokenizer(analyzer)
    return fields.Schema(
        key=fields.ID(stored=True, unique=True),  # doc_id or doc_id#anchor
        doc_id=fields.ID(stored=True),
        kind=fields.ID(stored=True),  # document | section | agency | role | ...
        title=fields.TEXT(analyzer=thai, stored=True, field_boost=2.0),
        section=fields.TEXT(analyzer=thai, stored=True, field_boost=1.5),
        body=fields.TEXT(analyzer=thai, stored=True, phrase=True),
        aliases=fields.TEXT(analyzer=thai, stored=False, field_boost=3.0),
        # Text of the enclosing clauses: weak evidence, so a low boost.
        context=fields.TEXT(analyzer=thai, stored=True, field_boost=0.5),
        url=fields.STORED(),
        doc_type=fields.ID(stored=True),
        agencies=fields.KEYWORD(stored=True, commas=True, lowercase=True),
        missions=fields.KEYWORD(stored=True, commas=True, lowercase=True),
        date=fields.DATETIME(stored=True),
        fingerprint=fields.STORED(),
    )


def _meta_path(index_dir: Path) -> Path:
    return index_dir / "siam-yim-index.json"


def build_index(index_dir: Path, records_by_doc: dict[str, list[dict]],
                fingerprints: dict[str, str], analyzer: ThaiAnalyzer, log=print) -> dict:
    """Bring the index at `index_dir` up to date.

    Incremental: a document whose fingerprint is unchanged is left alone; changed and new
    documents are re-indexed, removed ones deleted.  When the analyzer vocabulary or the
    index format changed, the index is rebuilt in a temporary folder and swapped in."""
    meta_file = _meta_path(index_dir)
    state = {"format": INDEX_FORMAT, "analyzer": analyzer.signature(), "docs": {}}
    old = None
    if meta_file.exists() and index.exists_in(str(index_dir)):
        old = json.loads(meta_file.read_text(encoding="utf-8"))
        if old.get("format") != INDEX_FORMAT or old.get("analyzer") != state["analyzer"]:
            old = None
    if old is None:
        tmp = index_dir.with_name(index_dir.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        ix = index.create_in(str(tmp), make_schema(analyzer))
        changed = sorted(records_by_doc)
        removed: list[str] = []
        target = tmp
    else:
        ix = index.open_dir(str(index_dir))
        changed = sorted(d for d in records_by_doc if old["docs"].get(d) != fingerprints[d])
        removed = sorted(d for d in old["docs"] if d not in records_by_doc)
        target = index_dir
    if changed or removed or old is None:
        writer = ix.writer()
        for n, doc_id in enumerate(changed, 1):
            writer.delete_by_term("doc_id", doc_id)
            for rec in records_by_doc[doc_id]:
                writer.add_document(fingerprint=fingerprints[doc_id], **rec)
            if n % 500 == 0:
                log(f"  indexed {n}/{len(changed)} documents")
        for doc_id in removed:
            writer.delete_by_term("doc_id", doc_id)
        writer.commit(optimize=old is None)
    ix.close()
    state["docs"] = dict(fingerprints)
    tmp_meta = target / (meta_file.name + ".tmp")
    tmp_meta.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    tmp_meta.replace(target / meta_file.name)
    if target != index_dir:
        backup = index_dir.with_name(index_dir.name + ".old")
        shutil.rmtree(backup, ignore_errors=True)
        if index_dir.exists():
            index_dir.rename(backup)
        target.rename(index_dir)
        shutil.rmtree(backup, ignore_errors=True)
    return {"reindexed": changed, "removed": removed, "full": old is None}


def date_field(d: dt.date | None):
    return dt.datetime(d.year, d.month, d.day) if d else None
