"""The readers of Whoosh internals in build_tools/search/whoosh_blocks.py give exactly
what Whoosh's public API gives, on a real Whoosh index on disk with the project's block
size, positions format and length column, posting lists of many blocks, two segments and
deleted documents: a term's positions for a batch of records (a phrase's check; whole
blocks skipped by their headers) and the records' lengths (read in one piece when the
index is opened); and the scorer's own copy of each segment's postings (written beside
the index) gives what Whoosh gives."""
import random

from whoosh import fields, index
from whoosh.codec.whoosh3 import W3Codec

from build_tools.outputs.search_index.postings_arrays import PREFIX, write_arrays
from build_tools.outputs.search_index.whoosh_index import (
    BLOCK_LIMIT,
    LENGTH_FIELD,
    WORDS_FIELD,
    length_column,
    words_field,
)
from build_tools.search import postings, whoosh_blocks
from build_tools.search.postings import IndexView


def _index(path):
    ix = index.create_in(str(path), fields.Schema(key=fields.ID(stored=True), **{WORDS_FIELD: words_field(),
                                                                                   LENGTH_FIELD: length_column()}))
    rng = random.Random(15)
    for batch in (2500, 300):  # two segments
        w = ix.writer(codec=W3Codec(blocklimit=BLOCK_LIMIT))
        for n in range(batch):
            words = [rng.choice("common common common rare other".split()) for _ in range(rng.randint(1, 40))]
            # Some records without a length, the last ones of a segment too (the column's default).
            sized = {LENGTH_FIELD: len(words)} if n % 11 and n < batch - 3 else {}
            w.add_document(key=f"{batch}-{n}", **{WORDS_FIELD: " ".join(words)}, **sized)
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
        assert len(leaves) == 2 and leaves[0].doc_frequency(WORDS_FIELD, "common") > 2 * BLOCK_LIMIT
        found = 0
        for reader in leaves:
            deleted = frozenset(d for d in range(reader.doc_count_all()) if reader.is_deleted(d))
            live = [d for d in range(reader.doc_count_all()) if d not in deleted]
            for term in ("common", "rare", "other"):
                for k in (1, 5, 40, len(live)):
                    targets = sorted(rng.sample(live, min(k, len(live))))
                    fast = whoosh_blocks.positions(reader.postings(WORDS_FIELD, term), targets, deleted)
                    public = postings.read_positions(reader.postings(WORDS_FIELD, term), targets)
                    assert fast == public, (term, k)
                    found += len(public)
        assert found > 3000


def test_block_lengths_equal_public_lengths(tmp_path):
    ix = _index(tmp_path)
    with ix.searcher() as s:
        fast, public = IndexView(s), IndexView(s, public_only=True)
        assert fast.total == public.total == 2800 and len(fast.segments) == 2
        assert fast.norm.tolist() == public.norm.tolist()
        assert len(set(fast.norm.tolist())) > 30  # lengths 1-40 and the default
        reader = fast.segments[0][0]
        assert whoosh_blocks.numeric_column(reader.column_reader(LENGTH_FIELD, translate=False)) is not None


def _words_index(path):
    """Two segments of a `words` field as make_schema has it (weights and positions)."""
    ix = index.create_in(str(path), fields.Schema(key=fields.ID(stored=True), **{WORDS_FIELD: words_field(),
                                                                                   LENGTH_FIELD: length_column()}))
    rng = random.Random(3)
    vocabulary = [f"w{k}" for k in range(300)] + ["ยาเสพติด", "หมู่บ้าน"] * 50
    for batch in (1500, 200):
        w = ix.writer(codec=W3Codec(blocklimit=BLOCK_LIMIT))
        for n in range(batch):
            text = rng.choices(vocabulary, k=rng.randint(1, 30))
            w.add_document(key=f"{batch}-{n}", **{WORDS_FIELD: " ".join(text), LENGTH_FIELD: len(text)})
        w.commit(merge=False)
    return ix


def test_postings_arrays_equal_whooshs_postings(tmp_path):
    # The scorer's copy of each segment's postings (outputs/search_index/postings_arrays.py)
    # gives what Whoosh's public matcher gives, also for records deleted after the copy
    # was written; a merge's new segment gets its copy and the merged ones' are deleted.
    ix = _words_index(tmp_path)
    assert write_arrays(tmp_path, WORDS_FIELD, log=lambda m: None) == 2
    w = ix.writer()
    for n in range(0, 1500, 5):
        w.delete_by_term("key", f"1500-{n}")
    w.commit(merge=False)
    assert write_arrays(tmp_path, WORDS_FIELD, log=lambda m: None) == 0  # segments unchanged: nothing to write

    def compare():
        with ix.searcher() as s:
            fast, public = IndexView(s, index_dir=tmp_path), IndexView(s, public_only=True)
            assert all(arrays is not None for arrays, _ in fast._arrays)
            terms = {t.decode() for sub, _ in s.leaf_searchers() for t in sub.reader().lexicon(WORDS_FIELD)}
            assert len(terms) > 300
            for term in sorted(terms) + ["absent"]:
                a, b = fast.tf(term), public.tf(term)
                assert (a is None and b is None) or (a[0].tolist(), a[1].tolist()) == (b[0].tolist(), b[1].tolist()), term
            return fast.segments
    assert len(compare()) == 2
    before = sorted(p.name for p in tmp_path.glob(PREFIX + "*"))
    ix.optimize()  # one merged segment
    assert write_arrays(tmp_path, WORDS_FIELD, log=lambda m: None) == 1
    after = sorted(p.name for p in tmp_path.glob(PREFIX + "*"))
    assert len(before) == 2 and len(after) == 1 and after[0] not in before
    assert len(compare()) == 1
