"""The block reader (build_tools/search/whoosh_blocks.py, the one module that reads Whoosh
internals) gives exactly the postings Whoosh's public matcher gives, on a real index of
the project corpus with two segments and deleted documents (as an incremental build
leaves it); and search ranks identically with either reader, for every query of the
evaluation sets."""
import hashlib
import json

import pytest
from conftest import ROOT
from test_search_eval import DATA, QUESTIONS

from build_tools.analysis.analyzer import analyzer_for_corpus
from build_tools.analysis.question import QueryUnderstanding
from build_tools.knowledge.checked import check_corpus
from build_tools.outputs.search_index.query_data import search_data
from build_tools.outputs.search_index.records import MODEL_GROUP, model_records, records_for
from build_tools.outputs.search_index.whoosh_index import WORDS_FIELD, build_index
from build_tools.search import postings, whoosh_blocks
from build_tools.search.query import _opened, run

pytestmark = pytest.mark.slow  # builds an index twice and runs every query twice


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    checked = check_corpus(ROOT / "corpus")
    corpus, docs = checked.corpus, checked.docs
    analyzer = analyzer_for_corpus(corpus.root, corpus.agencies)
    records = {nd.id: records_for(corpus, nd) for nd in docs}
    records[MODEL_GROUP] = model_records(corpus, checked.model)
    prints = {d: hashlib.sha256(json.dumps(r, ensure_ascii=False, default=str).encode()).hexdigest()
              for d, r in records.items()}
    tables = search_data(corpus, checked.model, docs, checked.review.conflicts, analyzer)
    ix = tmp_path_factory.mktemp("postings") / "index"
    quiet = lambda m: None  # noqa: E731
    build_index(ix, records, prints, analyzer, log=quiet, query_tables=tables)
    # An incremental update of two documents: a second segment, deletions in the first.
    changed = sorted(records)[:2]
    build_index(ix, records, {**prints, **{d: "changed" for d in changed}}, analyzer, log=quiet, query_tables=tables)
    return ix


def _texts():
    return ([q["q"] for q in DATA["queries"]] + list(DATA["negatives"]) + [q["q"] for q in QUESTIONS["questions"]]
            + list(QUESTIONS["off_topic"]) + ['"พลังชุมชน"', '"หมู่บ้าน ยากจน"', "ยาเสพติต", "สถ.", "DLA"])


def test_the_pinned_whoosh_is_installed():
    assert whoosh_blocks.ENABLED, f"whoosh-ng {whoosh_blocks._installed()} is not {whoosh_blocks.PINNED}"


def test_block_reads_equal_public_reads(index_dir):
    opened = _opened(index_dir)
    segments = opened.view.segments
    assert len(segments) == 2 and any(deleted for _, _, deleted in segments)
    qu: QueryUnderstanding = opened.understanding
    terms = {t for text in _texts() for g in qu.parse(text).groups for t in g.terms}
    terms |= {"ยาเสพติด", "โครงการ", "และ", "การ"}  # the most common words: many blocks
    compared = blocks = 0
    for reader, _, deleted in segments:
        for t in sorted(terms):
            public = postings.read_public(reader, WORDS_FIELD, t)
            ids, weights = postings.read(reader, WORDS_FIELD, t, deleted)
            assert (ids.tolist(), weights.tolist()) == public, t
            compared += 1
            blocks += len(public[0]) > 128  # Whoosh writes 128 postings a block
    assert compared > 400 and blocks > 0, (compared, blocks)


def test_search_ranks_the_same_with_either_reader(index_dir):
    for text in _texts():
        fast, public = run(index_dir, text), run(index_dir, text, public_only=True)
        assert [(h["url"], h["score"], h["match"]) for h in fast.hits] == \
            [(h["url"], h["score"], h["match"]) for h in public.hits], text
        assert fast.answer == public.answer, text


def test_another_whoosh_falls_back_to_the_public_reader(index_dir, monkeypatch):
    expected = run(index_dir, "ยาเสพติด หมู่บ้าน").hits
    monkeypatch.setattr(whoosh_blocks, "ENABLED", False)
    reader, _, deleted = _opened(index_dir).view.segments[0]
    assert whoosh_blocks.read(reader.postings(WORDS_FIELD, "ยาเสพติด"), deleted) is None
    assert run(index_dir, "ยาเสพติด หมู่บ้าน").hits == expected


def test_rebuilds_leave_a_few_segments_however_many_came_before(tmp_path):
    """Each rebuild writes a segment of its changed letters: the index keeps the large
    one, at most one small one and a few others, however many rebuilds came before, and
    finds what a fresh index of the same records finds."""
    import sys

    from whoosh import index as whoosh_index

    from build_tools.outputs.search_index.whoosh_index import MAX_LARGE_SEGMENTS, SMALL_SEGMENT_SHARE

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    checked = check_corpus(synth.write_corpus(tmp_path / "corpus", 60, seed=4))
    corpus, docs = checked.corpus, checked.docs
    analyzer = analyzer_for_corpus(corpus.root, corpus.agencies)
    records = {nd.id: records_for(corpus, nd) for nd in docs}
    prints = {d: "0" for d in records}
    quiet = lambda m: None  # noqa: E731
    ix = tmp_path / "index"
    build_index(ix, records, prints, analyzer, log=quiet)
    letters = sorted(d for d in records if d.startswith("synth-"))
    for k, doc_id in enumerate(letters[:12] + letters[:12], 1):  # a rebuild a letter, each letter twice
        prints = {**prints, doc_id: str(k)}
        build_index(ix, records, prints, analyzer, log=quiet)
        sizes = sorted(r.doc_count_all() for r, _ in whoosh_index.open_dir(str(ix)).reader().leaf_readers())
        small = [n for n in sizes if n < SMALL_SEGMENT_SHARE * sizes[-1]]
        assert len(small) <= 1 and len(sizes) <= MAX_LARGE_SEGMENTS + 2, (k, sizes)
    fresh = tmp_path / "fresh"
    build_index(fresh, records, prints, analyzer, log=quiet)
    for text in ["ยาเสพติด", '"พลังชุมชน"', "ป.ป.ส. ทำอะไร", "หมู่บ้าน ยากจน"]:
        assert {h["url"] for h in run(ix, text, limit=1000).hits} == {h["url"] for h in run(fresh, text, limit=1000).hits}


def test_candidates_from_the_deciding_words_rank_as_all_words_do(index_dir, monkeypatch):
    """A record that holds none of the query's deciding words (QueryScorer.deciding)
    cannot reach the coverage an answer needs: scoring only the records they match ranks
    exactly as scoring every record any word matches, for every query of the evaluation
    sets, and the deciding words are fewer than all for some of them."""
    from build_tools.search import scoring

    texts = _texts()
    pruned = {t: [(h["url"], h["score"], h["match"]) for h in run(index_dir, t, limit=50).hits] for t in texts}
    fewer = []
    real = scoring.QueryScorer.deciding
    monkeypatch.setattr(scoring.QueryScorer, "deciding",
                        lambda self: fewer.append(not all(real(self))) or [True] * len(self.resolved))
    for t in texts:
        assert [(h["url"], h["score"], h["match"]) for h in run(index_dir, t, limit=50).hits] == pruned[t], t
    assert sum(fewer) >= 10, sum(fewer)
