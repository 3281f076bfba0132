"""A phrase's check reads a term's positions for a batch of records: the block reader
(build_tools/search/whoosh_blocks.positions, which skips whole blocks by their headers)
gives exactly what one pass of Whoosh's public matcher gives, on a real Whoosh index on
disk with the project's block size and positions format, posting lists of many blocks,
two segments and deleted documents."""
import random

from whoosh import fields, index
from whoosh.codec.whoosh3 import W3Codec

from build_tools.outputs.search_index.whoosh_index import BLOCK_LIMIT, SPANS_FIELD, SafePositions
from build_tools.search import postings, whoosh_blocks


def _index(path):
    spans = fields.TEXT(phrase=True)
    spans.format = SafePositions()
    ix = index.create_in(str(path), fields.Schema(key=fields.ID(stored=True), **{SPANS_FIELD: spans}))
    rng = random.Random(15)
    for batch in (2500, 300):  # two segments
        w = ix.writer(codec=W3Codec(blocklimit=BLOCK_LIMIT))
        for n in range(batch):
            words = [rng.choice("common common common rare other".split()) for _ in range(rng.randint(1, 40))]
            w.add_document(key=f"{batch}-{n}", **{SPANS_FIELD: " ".join(words)})
        w.commit(merge=False)
    w = ix.writer()
    for n in range(0, 2500, 7):
        w.delete_by_term("key", f"2500-{n}")
    w.commit(merge=False)
    return ix


def test_block_positions_equal_public_positions(tmp_path):
    ix = _index(tmp_path)
    rng = random.Random(7)
    with ix.searcher() as s:
        leaves = [sub.reader() for sub, _ in s.leaf_searchers()]
        assert len(leaves) == 2 and leaves[0].doc_frequency(SPANS_FIELD, "common") > 2 * BLOCK_LIMIT
        found = 0
        for reader in leaves:
            deleted = frozenset(d for d in range(reader.doc_count_all()) if reader.is_deleted(d))
            live = [d for d in range(reader.doc_count_all()) if d not in deleted]
            for term in ("common", "rare", "other"):
                for k in (1, 5, 40, len(live)):
                    targets = sorted(rng.sample(live, min(k, len(live))))
                    fast = whoosh_blocks.positions(reader.postings(SPANS_FIELD, term), targets, deleted)
                    public = postings.read_positions(reader.postings(SPANS_FIELD, term), targets)
                    assert fast == public, (term, k)
                    found += len(public)
        assert found > 3000
