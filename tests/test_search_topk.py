"""build_tools.search.topk ranks exactly as Whoosh does: on a real index of the project corpus
(two segments and deleted documents, as an incremental build leaves it), every query of
the evaluation set, phrases, filters and the typo fallback give the same hits, scores,
order and matched terms as Whoosh's own exhaustive collector."""
import datetime as dt
import hashlib
import json

import pytest
from conftest import seed
from test_search_eval import DATA
from whoosh import collectors

from build_tools.analysis.analyzer import analyzer_for_corpus
from build_tools.outputs.search_index.records import MODEL_GROUP, model_records, records_for
from build_tools.outputs.search_index.whoosh_index import build_index
from build_tools.search import topk
from build_tools.search.query import Filters, _opened, build_query

pytestmark = [pytest.mark.slow]  # ranks every evaluation query twice on a real index


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    checked = seed()
    corpus, docs = checked.corpus, checked.docs
    analyzer = analyzer_for_corpus(corpus.root, corpus.agencies)
    records = {nd.id: records_for(corpus, nd) for nd in docs}
    records[MODEL_GROUP] = model_records(corpus, checked.model)
    prints = {d: hashlib.sha256(json.dumps(r, ensure_ascii=False, default=str).encode()).hexdigest()
              for d, r in records.items()}
    ix = tmp_path_factory.mktemp("topk") / "index"
    quiet = lambda m: None  # noqa: E731
    build_index(ix, records, prints, analyzer, log=quiet)
    # An incremental update of two documents: a second segment, and deleted documents
    # in the first.
    changed = sorted(records)[:2]
    build_index(ix, records, {**prints, **{d: "changed" for d in changed}}, analyzer, log=quiet)
    return ix


def _whoosh(searcher, q, limit):
    """Whoosh's own top `limit`, scoring every match (no block skipping, no matcher
    replacement: whoosh-ng's replacement drops matches on an index with deletions)."""
    c = collectors.TermsCollector(collectors.TopCollector(limit, usequality=False, replace=0))
    searcher.search_with_collector(q, c)
    return c.results()


def _queries():
    texts = [q["q"] for q in DATA["queries"]] + list(DATA["negatives"])
    texts += ['"พลังชุมชน"', '"บทบาทร่วม"', '"หมู่บ้าน ยากจน"', "โครงการ หมู่บ้าน งบประมาณ",
              "ยาเสพติต", "เศรษกิจพอเพียง", "สถ.", "DLA"]
    filters = [None, Filters(doc_type="letter"), Filters(agency="dla"),
               Filters(date_from=dt.date(2009, 8, 1), date_to=dt.date(2009, 12, 31))]
    return texts, filters


def test_topk_ranks_exactly_as_whoosh(index_dir):
    opened = _opened(index_dir)
    s = opened.searcher
    assert len(s.leaf_searchers()) == 2 and any(sub.reader().has_deletions()
                                                for sub, _ in s.leaf_searchers())
    texts, filters = _queries()
    compared = phrases = nonempty = 0
    for text in texts:
        for f in filters:
            exact = build_query(s.reader(), opened.analyzer, text, f)
            for q in {exact, build_query(s.reader(), opened.analyzer, text, f, fuzzy=True)}:
                if q is None:
                    continue
                for limit in (3, 50):
                    mine = topk.top_hits(s, q, limit)
                    assert mine is not None, (text, f, str(q))  # no fallback here
                    theirs = _whoosh(s, q, limit)
                    key = (text, f, str(q), limit)
                    assert [(h.score, h.docnum) for h in mine] == \
                        [(h.score, h.docnum) for h in theirs], key
                    assert mine.matched_terms() == theirs.matched_terms(), key
                    assert [sorted(h.matched_terms()) for h in mine] == \
                        [sorted(h.matched_terms()) for h in theirs], key
                    compared += 1
                    phrases += '"' in text
                    nonempty += len(theirs) > 0
    assert compared > 800 and phrases > 30 and nonempty > 400, (compared, phrases, nonempty)


def test_a_phrase_is_checked_not_just_its_words(index_dir):
    """Both words everywhere, adjacent only somewhere: only those documents match."""
    opened = _opened(index_dir)
    s = opened.searcher
    q = build_query(s.reader(), opened.analyzer, '"พลังชุมชน"')
    words = build_query(s.reader(), opened.analyzer, "พลัง ชุมชน")
    phrase_docs = {h.docnum for h in topk.top_hits(s, q, 10_000)}
    word_docs = {h.docnum for h in topk.top_hits(s, words, 10_000)}
    assert phrase_docs and phrase_docs < word_docs
    assert phrase_docs == {h.docnum for h in _whoosh(s, q, 10_000)}
