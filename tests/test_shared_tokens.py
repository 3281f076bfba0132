"""Text cut once for both search indexes (build_tools/analysis/shared_tokens.py): the
Whoosh index records the blocks' texts it cuts, the site search looks its sections'
texts up there.  Both indexes must be exactly what they are without the sharing."""

import hashlib
import shutil

import pytest
from conftest import ROOT, copy_built, seed

from build_tools.analysis.analyzer import ThaiAnalyzer, analyzer_for_corpus
from build_tools.analysis.shared_tokens import SharedTokens, TokenMemo, term_pairs


@pytest.fixture(scope="module")
def analyzer():
    return analyzer_for_corpus(ROOT / "corpus", seed().corpus.agencies)


def _texts():
    return [b.text for nd in seed().docs for b in nd.blocks][:80] + [
        "ป.ป.ส. ร่วมกับ สถ. และ ONCB ปี ๒๕๕๒ ที่ มท ๐๘๑๐.๑/ว ๑๒๓", "กระทรวงมหาดไทย", "www.thailocaladmin.go.th", ""]


def test_a_recorded_text_gives_what_the_analyzer_gives(tmp_path, analyzer):
    memo = TokenMemo(analyzer)
    texts = _texts()
    for t in texts:
        memo.record(t, analyzer.tokens(t))
    path = tmp_path / "shared" / "tokens.pickle"
    reader = SharedTokens(path, analyzer)
    assert reader.get(texts[0]) is None  # not written yet: the caller cuts the text itself
    memo.save(path)
    got = [reader.get(t) for t in texts]
    assert got == [[(tok.text, tok.sub) for tok in analyzer.tokens(t)] for t in texts]
    assert any(sub for pairs in got for _, sub in pairs)  # compounds' words and synonyms kept as such
    assert reader.get("ข้อความที่ดัชนีไม่เคยตัด") is None
    assert (reader.hits, reader.misses) == (len(texts), 2)


def test_texts_cut_chunk_by_chunk_give_what_the_whole_text_gives(analyzer):
    """The site search cuts the texts the index did not, between whitespace, each chunk
    once (shared_tokens.term_pairs): the pairs are those of the whole text's tokens, with
    words across a cut (แนว|ทางการ), names the vocabulary holds with a space in them, a
    dotted abbreviation, line breaks, tabs and a no-break space."""
    multiword = "พลังชุมชน พลังสร้างสรรค์"
    texts = _texts() + [f"ตาม{multiword} และ{multiword}ของ อบต.", "แนวทางการดำเนินงาน\nป.ป.ส.\tสถ.\u00a0พช. ๒๕๕๓",
                        "ที่ มท ๐๘๑๐.๑/ว ๑๒๓  ลงวันที่ ๒๐ สิงหาคม ๒๕๕๒"]
    for cutter in (analyzer, ThaiAnalyzer(vocabulary=[multiword, "สยามเมืองยิ้ม"])):
        for t in texts:
            assert term_pairs(cutter, t) == [(tok.text, tok.sub) for tok in cutter.tokens(t)], t
        assert term_pairs(cutter, texts[-1]) == term_pairs(cutter, texts[-1])  # (the second time, from the memo)


def test_texts_another_analyzer_cut_are_never_used(tmp_path, analyzer):
    path = tmp_path / "tokens.pickle"
    other = ThaiAnalyzer(vocabulary=["พลังชุมชน"])
    memo = TokenMemo(other)
    memo.record("พลังชุมชน", other.tokens("พลังชุมชน"))
    memo.save(path)
    assert SharedTokens(path, analyzer).get("พลังชุมชน") is None
    assert SharedTokens(path, other).get("พลังชุมชน") is not None
    assert SharedTokens(None, analyzer).get("พลังชุมชน") is None


def _postings(index_dir):
    """Every stored document and every posting (term, document, weight, positions) of an index."""
    from whoosh import index

    h = hashlib.sha256()
    with index.open_dir(str(index_dir)).reader() as r:
        for i in r.all_doc_ids():
            h.update(repr(sorted(r.stored_fields(i).items())).encode())
        for field in sorted(r.indexed_field_names()):
            for term in r.lexicon(field):
                m = r.postings(field, term)
                while m.is_active():
                    h.update(repr((field, term, m.id(), m.weight(), m.value())).encode())
                    m.next()
    return h.hexdigest()


def _search_files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted((site / "search" / "th").rglob("*")) if p.is_file()}


def test_both_indexes_are_the_same_with_and_without_the_sharing(tmp_path, built, analyzer):
    # `built` is a real build: its Whoosh index recorded the texts it cut and its site
    # search (fed by MkDocs, the rest on both cores) looked them up.  Each index is
    # written again here without the sharing, then with it, and compared file by file.
    from build_tools.build.stages import index_records
    from build_tools.outputs.search_index.whoosh_index import build_index
    from build_tools.outputs.site.site_search import build_site_index

    checked = seed()
    records, fingerprints = index_records(checked)
    plain_ix, shared_ix = tmp_path / "plain-index", tmp_path / "shared-index"
    build_index(plain_ix, records, fingerprints, analyzer, log=lambda m: None)
    tokens = tmp_path / "shared" / "tokens.pickle"
    build_index(shared_ix, records, fingerprints, analyzer, log=lambda m: None, shared_tokens=tokens)
    assert _postings(shared_ix) == _postings(plain_ix) == _postings(built / "build" / "index")

    site = copy_built(built / "site", tmp_path / "site")
    as_built = _search_files(site)
    shutil.rmtree(site / "search" / "th")
    build_site_index(site, analyzer, built / "build" / "docs", log=lambda m: None)
    assert _search_files(site) == as_built  # without the sharing: what the build wrote with it
    shutil.rmtree(site / "search" / "th")
    shared = SharedTokens(tokens, analyzer)
    build_site_index(site, analyzer, built / "build" / "docs", log=lambda m: None, shared=shared)
    assert _search_files(site) == as_built
    # (the seed's few pages are cut in this process: its lookups are counted here)
    assert shared.hits > 100, (shared.hits, shared.misses)  # the letters' blocks; the model's pages are cut here
