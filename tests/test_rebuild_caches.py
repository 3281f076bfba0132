"""What makes a rebuild after one changed letter cheap gives exactly what computing it
afresh gives: the compound splitter's prefix sets, the navigation's titles, the cached
document pages, the site search's kept files and remembered exclusions (issue #15;
tests/test_incremental_site.py compares whole sites)."""
import json
import os
import pickle
import random
import re
import sys

import pytest
from conftest import ROOT, copy_corpus, seed

from build_tools.analysis import segmenter
from build_tools.common.cache import ContentCache, Stored, resolved
from build_tools.knowledge.checked import check_corpus
from build_tools.knowledge.urls import AGENCIES_PAGE, DOCUMENTS_PAGE, PROJECTS_PAGE
from build_tools.outputs.site import document_pages
from build_tools.outputs.site.search_files import SearchFiles, signature
from build_tools.outputs.site.site_sections import excluded_pages


def test_prefix_sets_find_what_the_trie_finds():
    # The shared dictionary's prefix sets with a vocabulary's trie on top (common/thai.py)
    # against pythainlp's own Trie of the same words.
    from pythainlp.util import Trie

    extra = ("ป.ป.ส.", "สยามเมืองยิ้ม", " เว้นวรรค ", "สองคำ ติดกัน")
    trie, sets = Trie(segmenter._words(extra)), segmenter._trie(extra)
    rng = random.Random(5)
    words = sorted(segmenter._words(extra))
    texts = ["", " ", "ก", "ป.ป.ส.ข", "สองคำ ติดกันแล้ว", "abc", "๑๒๓"]
    texts += ["".join(rng.sample(words, rng.randint(1, 3))) for _ in range(3000)]
    texts += [w[: rng.randint(1, len(w))] + "ฯ" for w in rng.sample(words, 1000)]
    assert [sets.prefixes(t) for t in texts] == [trie.prefixes(t) for t in texts]
    assert [sets.prefixes(t, 2) for t in texts] == [trie.prefixes(t, 2) for t in texts]  # newmm's call
    # The analyzer asks only for words longer than the word it stands on.
    for shortest in (2, 3, 5):
        assert [sets.prefixes(t, 0, shortest) for t in texts] == \
            [[w for w in trie.prefixes(t) if len(w) >= shortest] for t in texts]
    assert all((w in sets) == (w in trie) for w in texts[:500] + words[:500])
    assert len(sets) == len(trie)


def test_every_navigation_entry_has_its_pages_own_title():
    """MkDocs learns a page's title from the navigation without rendering it; a
    generated index page's entry carries the title its page gives itself, so the site
    is what a bare entry gave."""
    checked = seed()
    pages, nav = document_pages.generate_pages(checked.corpus, checked.docs, checked.model)

    def entries(items):
        for item in items:
            assert isinstance(item, dict) and len(item) == 1, item  # never a bare path
            (title, target), = item.items()
            if isinstance(target, list):
                yield from entries(target)
            else:
                yield title, target

    checked_pages = 0
    for title, target in entries(nav):
        if target in (DOCUMENTS_PAGE, AGENCIES_PAGE, PROJECTS_PAGE):  # a section's own page
            own = re.search(r"^title: \"?(.*?)\"?$", pages[target], re.M)[1]
            assert title == own, target
            checked_pages += 1
    assert checked_pages == 3  # documents, agencies, projects


def test_cached_document_pages_are_the_pages_and_follow_what_they_show(tmp_path):
    checked = check_corpus(copy_corpus(tmp_path))  # changed below
    corpus, docs, conflicts = checked.corpus, checked.docs, checked.review.conflicts
    fresh, _ = document_pages.generate_pages(corpus, docs, checked.model, conflicts)
    cache = ContentCache(tmp_path / "pages")
    document_pages.generate_pages(corpus, docs, checked.model, conflicts, cache=cache)
    assert cache.misses >= len(docs)
    again = ContentCache(tmp_path / "pages")
    cached, _ = document_pages.generate_pages(corpus, docs, checked.model, conflicts, cache=again)
    assert cached == fresh and again.hits >= len(docs) and again.misses == 0
    # A letter's notes and the title of a letter citing it are on its page: either
    # change gives a new page, not the cached one.
    cited = next(nd for nd in docs if document_pages.citations_by_target(corpus).get(nd.id))
    citing = document_pages.citations_by_target(corpus)[cited.id][0][0]
    nd = docs[0]
    nd.doc.notes = nd.doc.notes + "\nหมายเหตุใหม่ของผู้ดูแล\n"
    citing.meta["short_title"] = "ชื่อย่อใหม่"
    changed, _ = document_pages.generate_pages(corpus, docs, checked.model, conflicts,
                                               cache=ContentCache(tmp_path / "pages"))
    assert "หมายเหตุใหม่ของผู้ดูแล" in changed[f"documents/{nd.id}.md"]
    assert "ชื่อย่อใหม่" in changed[f"documents/{cited.id}.md"]


def test_pages_made_on_every_core_are_the_pages_made_in_one_process(tmp_path, monkeypatch):
    # A full build makes each document's two pages on every core (parallel_map): the
    # pages, lazy or read, and the cache entries a prune keeps are one process's.
    from build_tools.common import parallel

    checked = check_corpus(copy_corpus(tmp_path / "corpus"))
    corpus, docs, conflicts = checked.corpus, checked.docs, checked.review.conflicts
    fresh, nav = document_pages.generate_pages(corpus, docs, checked.model, conflicts)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    forked = []
    real_map = parallel.parallel_map
    monkeypatch.setattr(document_pages, "parallel_map",
                        lambda fn, items: forked.append(len(items)) or real_map(fn, items, workers=2))
    assert document_pages.generate_pages(corpus, docs, checked.model, conflicts) == (fresh, nav)
    for lazy in (True, False):
        cache = ContentCache(tmp_path / f"pages-{lazy}")
        pages, _ = document_pages.generate_pages(corpus, docs, checked.model, conflicts, cache=cache, lazy=lazy)
        assert {rel: resolved(v) for rel, v in pages.items()} == fresh
        assert any(isinstance(v, Stored) for v in pages.values()) == lazy
        assert cache.prune() == 0  # every entry the workers wrote is known here
        again = ContentCache(tmp_path / f"pages-{lazy}")
        document_pages.generate_pages(corpus, docs, checked.model, conflicts, cache=again, lazy=lazy)
        assert again.hits >= 2 * len(docs) and again.misses == 0  # found by this process, as written there
    assert forked == [len(docs)] * 5


def test_pages_left_in_the_cache_are_read_when_asked_for_and_never_silently_lost(tmp_path):
    checked = check_corpus(copy_corpus(tmp_path / "corpus"))
    corpus, docs, conflicts = checked.corpus, checked.docs, checked.review.conflicts
    fresh, _ = document_pages.generate_pages(corpus, docs, checked.model, conflicts)
    first, _ = document_pages.generate_pages(corpus, docs, checked.model, conflicts,
                                             cache=ContentCache(tmp_path / "pages"), lazy=True)
    again, _ = document_pages.generate_pages(corpus, docs, checked.model, conflicts,
                                             cache=ContentCache(tmp_path / "pages"), lazy=True)
    page = f"documents/{docs[0].id}.md"
    assert isinstance(first[page], Stored) and first[page].key == again[page].key
    assert {rel: resolved(v) for rel, v in again.items()} == fresh
    # An entry gone between finding it and reading it: an error naming it, and the
    # damaged file is not left for the next build to trust.
    path = tmp_path / "pages" / f"{again[page].key}.pickle"
    path.write_bytes(b"damaged")
    with pytest.raises(OSError, match=again[page].key):
        again[page].value()
    assert not path.exists()


def test_search_files_keep_a_file_only_while_it_is_the_file_they_wrote(tmp_path):
    first = SearchFiles(tmp_path)
    first.dump("s/0.json", [1, 2], signature("a"))
    first.dump("s/1.json", [3], signature("b"))
    called = []

    def data():
        called.append(1)
        return [9]

    second = SearchFiles(tmp_path, first.seen)
    second.dump("s/0.json", data, signature("a"))  # same source, same file: not encoded
    assert called == [] and "s/0.json" in second.names and second.size == len(b"[1,2]")
    # The file was replaced behind its back (another build): encoded and compared again.
    target = tmp_path / "s" / "1.json"
    os.replace(tmp_path / "s" / "0.json", target)
    second.dump("s/1.json", data, signature("b"))
    assert called == [1] and target.read_text() == "[9]"
    # Another source: written.
    second.dump("s/0.json", [4], signature("c"))
    assert (tmp_path / "s" / "0.json").read_text() == "[4]"


@pytest.mark.parametrize("change", ["exclude", "include"])
def test_remembered_exclusions_follow_the_sources(tmp_path, change):
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: x\n---\n# x\n" if change == "exclude" else
                    "---\ntitle: x\nsearch:\n  exclude: true\n---\n# x\n", encoding="utf-8")
    known: dict = {}
    before = excluded_pages(tmp_path, known)
    assert before == (set() if change == "exclude" else {"a/"}) and known
    tmp = tmp_path / ".a.tmp"
    tmp.write_text("---\ntitle: x\nsearch:\n  exclude: true\n---\n# x\n" if change == "exclude" else
                   "---\ntitle: x\n---\n# x\n", encoding="utf-8")
    os.replace(tmp, page)  # as a build writes a changed page: a new file
    assert excluded_pages(tmp_path, known) == ({"a/"} if change == "exclude" else set())
    assert excluded_pages(tmp_path, known) == excluded_pages(tmp_path)


class _NoFiles:
    def dump(self, rel, data, sig=None):
        pass


def test_a_compacted_vocabulary_gives_the_postings_of_a_fresh_build(monkeypatch):
    """Terms of pages gone from the site stay in the kept vocabulary until they outnumber
    the live ones; then every kept page's ids are renumbered, and the postings are those
    of a build that analysed the same pages from scratch."""
    from build_tools.outputs.site import search_sections

    monkeypatch.setattr(search_sections, "COMPACT_AT", 1)
    rng = random.Random(8)
    pages = []
    for i in range(40):
        words = [f"w{i}-{k}" for k in range(5)] + rng.sample([f"common{k}" for k in range(20)], 4)
        terms = [(tuple(words), tuple(float(rng.randint(1, 4)) for _ in words), rng.randint(5, 50))]
        pages.append(([[f"documents/d{i}/", "t", "", ""]], terms))
    first = search_sections.Sections(_NoFiles())
    cache = {rows[0][0]: (b"digest", first.pack(rows, terms), (1, 2, 3)) for rows, terms in pages}
    kept = dict(list(cache.items())[:10])  # the next build has only the first ten pages
    second = search_sections.Sections(_NoFiles(), list(first.vocab))
    for entry in kept.values():
        second.add_packed(entry[1])
    compacted = second.compact(kept)
    assert len(second.vocab) < len(first.vocab) and compacted.keys() == kept.keys()
    assert all(compacted[u][0] == kept[u][0] and compacted[u][2] == kept[u][2] for u in kept)
    fresh = search_sections.Sections(_NoFiles())
    for rows, terms in pages[:10]:
        fresh.add(rows, terms)
    expected = {t: p.tolist() for t, p in fresh.postings().items()}
    assert {t: p.tolist() for t, p in second.postings().items()} == expected
    third = search_sections.Sections(_NoFiles(), list(second.vocab))  # the build after
    for entry in compacted.values():
        third.add_packed(entry[1])
    assert {t: p.tolist() for t, p in third.postings().items()} == expected


def test_snippet_rows_are_unpacked_only_for_the_shards_written():
    # A kept page's rows stay packed: a rebuild keeps thousands of snippet shards and
    # writes a few, so only those shards' pages are unpacked; the files are the same.
    from build_tools.outputs.site import search_sections

    class Files:
        def __init__(self, kept):
            self.kept, self.files = kept, {}

        def dump(self, rel, data, sig=None):
            self.files[rel] = "kept" if rel in self.kept else (data() if callable(data) else data)

    pages = [([[f"documents/d{i}/#s{k}", "t", "", f"text {i} {k}"] for k in range(3)],
              [((f"w{i}", "common"), (1.0, 2.0), 3)] * 3) for i in range(4)] + \
            [([["agencies/a/", "a", "", "agency"]], [(("common",), (1.0,), 1)])]
    out = Files(kept={"s/1.json"})
    sections = search_sections.Sections(out, per_shard=4)
    for rows, terms in pages:
        sections.add_packed(sections.pack(rows, terms), (rows[0][0], b"digest"))
    sections.finish()
    rows = [r for page, _ in pages for r in page]
    assert out.files == {"s/0.json": rows[0:4], "s/1.json": "kept", "s/2.json": rows[8:12], "s/3.json": rows[12:13]}
    assert sections.kinds == [[0, 12, "documents"], [12, 13, "agencies"]] and sections.count == 13
    fresh = search_sections.Sections(Files(kept=set()), per_shard=4)
    for page, terms in pages:
        fresh.add(page, terms)
    assert {t: p.tolist() for t, p in sections.postings().items()} == {t: p.tolist() for t, p in fresh.postings().items()}


def test_letters_normalized_on_another_core_are_what_normalizing_them_here_gives(tmp_path):
    # A rebuild's few changed letters are normalized by a forked worker (with the review's
    # word checks) while the others are read back.
    from build_tools.common.parallel import in_background
    from build_tools.normalization.documents import normalize_corpus
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(copy_corpus(tmp_path / "corpus"))
    here = normalize_corpus(corpus)
    found: dict = {}
    cache = ContentCache(tmp_path / "normalized")
    there = normalize_corpus(corpus, cache, also=(lambda nd: len(nd.lines), found))
    assert [(nd.id, nd.to_markdown(), nd.changes_json(), nd.blocks) for nd in there] == \
        [(nd.id, nd.to_markdown(), nd.changes_json(), nd.blocks) for nd in here]
    assert found == {nd.id: len(nd.lines) for nd in here} and cache.misses == 0
    again: dict = {}
    normalize_corpus(corpus, ContentCache(tmp_path / "normalized"), also=(len, again))
    assert again == {}  # all read back: nothing computed
    with pytest.raises(ZeroDivisionError):
        in_background(lambda x: 1 / x, [1, 0]).result()


def test_a_stored_documents_body_is_read_only_when_asked_for_and_never_silently_lost(tmp_path):
    # A rebuild reads every cached document's head (blocks, summary, fingerprint); its
    # body (lines, change log, Markdown) only when something asks for it.
    from build_tools.normalization.documents import body_key, normalize_corpus
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(copy_corpus(tmp_path / "corpus"))
    here = normalize_corpus(corpus)
    normalize_corpus(corpus, ContentCache(tmp_path / "normalized"))
    cache = ContentCache(tmp_path / "normalized")
    back = normalize_corpus(corpus, cache)
    assert all(isinstance(nd._body, Stored) for nd in back)  # nothing read but the heads
    # ... and the blocks kept as rows: what every document is asked for in a rebuild
    # (anchors, clause ids, outline) comes from them without making Block objects
    assert [(nd.anchors(), nd.clause_ids(), nd.outline()) for nd in back] == \
        [(nd.anchors(), nd.clause_ids(), nd.outline()) for nd in here]
    assert all(nd._blocks is None for nd in back)
    assert [(nd.fingerprint(), nd.flags, nd.n_changes) for nd in back] == \
        [(nd.fingerprint(), nd.flags, nd.n_changes) for nd in here]
    assert all(isinstance(nd._body, Stored) for nd in back)  # still: the blocks' texts are in the body
    assert [(nd.blocks, nd.to_markdown(), nd.changes_json(), nd.text) for nd in back[1:]] == \
        [(nd.blocks, nd.to_markdown(), nd.changes_json(), nd.text) for nd in here[1:]]
    # A body that cannot be read back: an error naming it, removed, and the next build
    # normalizes that document again.
    path = tmp_path / "normalized" / f"{body_key(back[0].key)}.pickle"
    path.write_bytes(b"damaged")
    with pytest.raises(OSError, match=body_key(back[0].key)):
        back[0].to_markdown()
    assert not path.exists()
    again = normalize_corpus(corpus, ContentCache(tmp_path / "normalized"))
    assert again[0].to_markdown() == here[0].to_markdown() and path.exists()


def test_checked_front_matter_is_kept_while_a_files_text_is_the_same(tmp_path, monkeypatch):
    # Stage 1 validates a document's front matter once per version of its file; a
    # changed file is checked again (its new error reported every build), and a store
    # that cannot be read is only a slower build.
    from build_tools.common.problems import CorpusError
    from build_tools.sources import documents
    from build_tools.sources.corpus import load_corpus
    from build_tools.sources.document_records import DocumentRecords

    corpus_dir = copy_corpus(tmp_path / "corpus")
    store = tmp_path / "records.pickle"
    plain = load_corpus(corpus_dir)
    load_corpus(corpus_dir, DocumentRecords(store))
    checked = []
    real = documents._checked_front_matter
    monkeypatch.setattr(documents, "_checked_front_matter", lambda text, rel: checked.append(rel) or real(text, rel))
    kept = load_corpus(corpus_dir, DocumentRecords(store))
    assert checked == []  # every document read back
    assert [(d.id, d.meta, d.notes, d.date, d.front, d.first_line, d.last_line) for d in kept.documents] == \
        [(d.id, d.meta, d.notes, d.date, d.front, d.first_line, d.last_line) for d in plain.documents]
    doc = corpus_dir / "documents" / f"{plain.documents[0].id}.md"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("\ntitle: ", "\ntitle: (แก้ไข) ", 1), encoding="utf-8")
    retitled = load_corpus(corpus_dir, DocumentRecords(store))
    assert checked == [f"corpus/documents/{doc.name}"]
    assert next(d for d in retitled.documents if d.path == doc).get("title").startswith("(แก้ไข) ")
    doc.write_text(text.replace("\ntitle: ", "\ntitel: ", 1), encoding="utf-8")
    for _ in range(2):  # a broken file is never kept: its errors every time
        with pytest.raises(CorpusError, match="unknown field 'titel'"):
            load_corpus(corpus_dir, DocumentRecords(store))
    doc.write_text(text, encoding="utf-8")
    shards = sorted(tmp_path.glob("records.*.pickle"))
    assert shards and not store.exists()
    for shard in shards:
        shard.write_bytes(b"damaged")
    checked.clear()
    again = load_corpus(corpus_dir, DocumentRecords(store))
    assert len(checked) == len(plain.documents) and [d.meta for d in again.documents] == [d.meta for d in plain.documents]
    # written afresh: each document's front matter, and each raw text file's check
    assert DocumentRecords(store).known.keys() == \
        {d.rel for d in plain.documents} | {f"corpus/raw/{name}" for name in plain.raw}
    assert not list(tmp_path.glob(".records.*"))  # no temporary file left


def test_a_changed_letter_rewrites_only_its_shard_of_the_front_matter_records(tmp_path):
    # The records are sharded by file name: one changed letter replaces one shard file,
    # the others keep their inode and time.
    from build_tools.sources.corpus import load_corpus
    from build_tools.sources.document_records import DocumentRecords, shard_of

    corpus_dir = copy_corpus(tmp_path / "corpus")
    store = tmp_path / "records.pickle"
    plain = load_corpus(corpus_dir, DocumentRecords(store))

    def stamps():
        return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in tmp_path.glob("records.*.pickle")}

    before = stamps()
    assert len(before) > 1
    load_corpus(corpus_dir, DocumentRecords(store))
    assert stamps() == before  # nothing changed: nothing written
    doc = plain.documents[0]
    doc.path.write_text(doc.path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: (แก้ไข) ", 1),
                        encoding="utf-8")
    retitled = load_corpus(corpus_dir, DocumentRecords(store))
    after = stamps()
    assert {name for name in before if before[name] != after[name]} == \
        {DocumentRecords(store).shard_path(shard_of(doc.rel)).name}
    assert DocumentRecords(store).known.keys() == \
        {d.rel for d in plain.documents} | {f"corpus/raw/{name}" for name in plain.raw}
    kept = load_corpus(corpus_dir, DocumentRecords(store))
    assert [d.meta for d in kept.documents] == [d.meta for d in retitled.documents]


def test_open_data_documents_joined_from_kept_records_are_the_file_json_writes(tmp_path):
    from build_tools.outputs import open_data

    checked = check_corpus(copy_corpus(tmp_path / "corpus"))
    corpus, docs = checked.corpus, checked.docs
    r = open_data._Records(corpus, checked.model, docs)
    whole = json.dumps(r.documents(), ensure_ascii=False, indent=1)
    made, kept = (r.documents_json(ContentCache(tmp_path / "pages")) for _ in range(2))
    assert made == whole and kept == whole  # records made, then kept
    assert made.key == kept.key  # what the file is made from stands for its 46 MB at 10,000 letters
    # A changed title: that letter's record is made again, the others are kept.
    nd = docs[0]
    nd.doc.meta["title"] = "ชื่อเรื่องใหม่"
    nd.key = nd.key + "-changed"
    cache = ContentCache(tmp_path / "pages")
    put = []
    real_put = cache.put
    cache.put = lambda key, value: put.append(key) or real_put(key, value)
    changed = r.documents_json(cache)
    assert changed == json.dumps(r.documents(), ensure_ascii=False, indent=1) and "ชื่อเรื่องใหม่" in changed
    assert changed.key != made.key
    assert len(put) == 1  # its shard of the records, not all of them
    assert open_data._Records(corpus, checked.model, []).documents_json(ContentCache(tmp_path / "p")) == "[]"


def test_a_build_keeps_the_open_data_records_it_made(tmp_path, monkeypatch):
    # The page cache is pruned after the open data used it: the next build makes no record.
    from build_tools.build.stages import site_pages
    from build_tools.outputs import open_data

    checked = check_corpus(copy_corpus(tmp_path / "corpus"))
    site_pages(checked, ContentCache(tmp_path / "pages"))
    made = []
    real = open_data._Records.document
    monkeypatch.setattr(open_data._Records, "document", lambda self, nd: made.append(nd.id) or real(self, nd))
    pages, _ = site_pages(checked, ContentCache(tmp_path / "pages"))
    assert made == [] and "data/documents.json" in pages


def test_the_answers_are_read_back_until_something_they_read_changes(tmp_path, monkeypatch):
    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.outputs.search_index import query_data

    corpus_dir = copy_corpus(tmp_path / "corpus")
    made = []
    real = query_data.answer_data
    monkeypatch.setattr(query_data, "answer_data", lambda *a: made.append(1) or real(*a))
    cache = ContentCache(tmp_path / "answers")

    def answers():
        c = check_corpus(corpus_dir)
        analyzer = analyzer_for_corpus(c.corpus.root, c.corpus.agencies)
        return query_data.cached_answer_data(c.corpus, c.model, c.docs, c.review.conflicts, analyzer, cache)

    first = answers()
    assert answers() == first and len(made) == 1  # nothing changed: read back
    roles = corpus_dir / "model" / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert answers() == first and len(made) == 2  # a model file changed: made again (the same)
    assert query_data.cached_answer_data(None, None, [], [], None, cache) == {}  # no model, no answers


def test_relative_links_are_what_relpath_gives():
    # urls.relative_path stands in for posixpath.relpath (which makes both paths
    # absolute first: slow over tens of thousands of links) on the site's paths.
    import posixpath

    from build_tools.knowledge.urls import relative_path

    rng = random.Random(4)
    parts = ["documents", "raw", "agencies", "a.md", "index.md", "ก ข", "x", "."]
    cases = [("documents/x.md", "."), (".", "."), ("x.md", "documents"), ("documents/a.md", "documents/"),
             ("a/", "a"), ("../a.md", "documents"), ("a.md", "documents/../raw")]
    cases += [("/".join(rng.choices(parts, k=rng.randint(1, 4))), "/".join(rng.choices(parts, k=rng.randint(1, 4))))
              for _ in range(20000)]
    assert [relative_path(a, b) for a, b in cases] == [posixpath.relpath(a, b) for a, b in cases]


def test_listed_files_are_what_sorted_globs_give(tmp_path):
    # The site search's and stage 1's listings by os.walk / os.listdir and string sorts
    # give the files, in the order, pathlib's sorted rglob / glob give.
    from build_tools.outputs.site.site_sections import files_under
    from build_tools.sources.documents import document_files

    rng = random.Random(6)
    for _ in range(300):
        rel = "/".join(rng.choices(["a", "b", "a-b", "ก", "a.b", "z"], k=rng.randint(0, 3)))
        name = rng.choice(["index.html", "x.md", ".hidden.md", "b.md", "index.htm"])
        (tmp_path / "site" / rel).mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / rel / name).write_text("x")
    site = tmp_path / "site"
    assert files_under(site, lambda n: n == "index.html") == \
        [p.relative_to(site).as_posix() for p in sorted(site.rglob("index.html"))]
    corpus = tmp_path / "corpus"
    (corpus / "documents" / "folder.md").mkdir(parents=True)
    for name in ("b.md", "a.md", ".hidden.md", "c.txt", "ก.md", "A.md", "a-b.md", "a.md.bak"):
        (corpus / "documents" / name).write_text("x")
    assert document_files(corpus) == sorted((corpus / "documents").glob("*.md"))
    assert document_files(tmp_path / "nowhere") == []


def test_agency_pages_list_the_documents_a_scan_finds():
    from build_tools.outputs.site.site_context import Site

    checked = seed()
    site = Site(checked.corpus, checked.model, checked.docs)
    for aid in checked.corpus.agencies:
        assert site.agency_documents(aid) == [d for d in checked.corpus.documents
                                              if aid in (d.get("issuer"), d.get("drafted_by"))]
    assert any(site.agency_documents(aid) for aid in checked.corpus.agencies)


def test_the_collector_runs_less_often_during_a_build_and_as_before_after():
    import gc

    from build_tools.common.collector import YOUNG, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == YOUNG and gc.isenabled()
    assert gc.get_threshold() == before


def _common_term_files_reference(plist, head_n, tail_range):
    """A common term's head and tail files as the site search first cut them (a
    comparison per range over the whole tail)."""
    import numpy as np

    secs, imps = plist[0::2], plist[1::2]
    order = np.lexsort((secs, -imps.astype(np.int64)))
    head, tail = np.sort(order[:head_n]), np.sort(order[head_n:])
    files = {"h": np.column_stack((secs[head], imps[head])).ravel().tolist()}
    ranges = secs[tail] // tail_range
    pieces = np.unique(ranges).tolist()
    for k in pieces:
        part = tail[ranges == k]
        files[f"t-{k}"] = np.column_stack((secs[part], imps[part])).ravel().tolist()
    return files, pieces


def test_a_common_terms_files_are_cut_as_before_and_kept_while_its_postings_are_the_same(tmp_path, monkeypatch):
    import numpy as np

    from build_tools.outputs.site import search_postings

    monkeypatch.setattr(search_postings, "POSTINGS_HEAD", 5)
    monkeypatch.setattr(search_postings, "TAIL_RANGE", 7)
    rng = random.Random(9)
    terms = []
    for _ in range(40):
        secs = sorted(rng.sample(range(200), rng.randint(6, 120)))
        terms.append(np.array([x for s in secs for x in (s, rng.randint(1, 9))], dtype=np.int32))
    first = SearchFiles(tmp_path)
    for n, plist in enumerate(terms):
        pieces = search_postings.write_common(first, f"term{n}", plist, n)
        files, expected_pieces = _common_term_files_reference(plist, 5, 7)
        assert pieces == expected_pieces
        written = {"h" if p.name.startswith("h") else "t-" + p.stem.split("-")[1]: json.loads(p.read_text())
                   for p in (tmp_path / "p").glob(f"[ht]{n}*.json") if p.stem.split("-")[0][1:] == str(n)}
        assert written == files
    # The next build: the same postings keep every file uncut; a term whose postings
    # changed, or whose file was replaced, is cut and written again.
    expected = [_common_term_files_reference(p, 5, 7)[1] for p in terms]
    second = SearchFiles(tmp_path, first.seen)
    monkeypatch.setattr(np, "lexsort", lambda *a: pytest.fail("a kept term was cut again"))
    assert [search_postings.write_common(second, f"term{n}", p, n) for n, p in enumerate(terms)] == expected
    assert second.names == first.names and second.size == first.size and second.written == 0
    monkeypatch.undo()
    monkeypatch.setattr(search_postings, "POSTINGS_HEAD", 5)
    monkeypatch.setattr(search_postings, "TAIL_RANGE", 7)
    third = SearchFiles(tmp_path, second.seen)
    os.replace(tmp_path / "p" / "h1.json", tmp_path / "p" / ".x")
    (tmp_path / "p" / "h1.json").write_text("[]")
    changed = terms[2].copy()
    changed[1] += 1
    for n, plist in enumerate([terms[0], terms[1], changed]):
        search_postings.write_common(third, f"term{n}", plist, n)
    assert json.loads((tmp_path / "p" / "h1.json").read_text()) == _common_term_files_reference(terms[1], 5, 7)[0]["h"]
    assert json.loads((tmp_path / "p" / "h2.json").read_text()) == _common_term_files_reference(changed, 5, 7)[0]["h"]


def test_count_answers_find_the_conflict_a_scan_of_every_reading_finds(tmp_path):
    # The answers look each count up among the count conflicts' readings, folded and cut
    # once (a scan cutting every reading again for every count cost a rebuild a second).
    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.common.thai import fold_number
    from build_tools.outputs.search_index.answers import _Builder

    checked = check_corpus(copy_corpus(tmp_path))
    analyzer = analyzer_for_corpus(checked.corpus.root, checked.corpus.agencies)
    b = _Builder(checked.corpus, checked.model, checked.docs, checked.review.conflicts, analyzer)
    assert b.conflicts
    asked = {(r.value[:k], unit) for c in b.conflicts for r in c.readings for k in range(1, len(r.value) + 1)
             for unit in (analyzer.query_terms(r.value)[-1:] or ["x"]) + ["หมู่บ้าน", "ตำบล"]}

    def scan(value, unit):
        return next((c for c in b.conflicts if any(fold_number(r.value).startswith(fold_number(value)) and
                                                   analyzer.query_terms(r.value)[-1:] == [unit] for r in c.readings)),
                    None)

    found = [(v, u, b.count_conflict(v, u)) for v, u in sorted(asked)]
    assert found == [(v, u, scan(v, u)) for v, u in sorted(asked)]
    assert any(c is not None for _, _, c in found) and any(c is None for _, _, c in found)


def _html(title, text):
    return (f"<html><head><title>{title} - site</title></head><body><article><h1>{title}</h1>"
            f"<p id=\"c1\">๑. {text}</p></article></body></html>")


@pytest.mark.slow  # indexes a site four times
def test_a_rebuild_of_the_same_pages_does_not_list_the_site_again(tmp_path, monkeypatch):
    # With the pages key of the build that kept the cache, the site search takes that
    # build's page list and looks only at the sources it knew (an exclusion flipped in
    # one of them still counts); the index is the one a fresh build writes.
    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.outputs.site import site_sections
    from build_tools.outputs.site.site_search import build_site_index

    corpus_analyzer = analyzer_for_corpus(copy_corpus(tmp_path / "corpus"))
    site, docs, cache = tmp_path / "site", tmp_path / "docs", tmp_path / "work" / "cache.pickle"
    for name, text in (("a", "ส่งเสริมอาชีพ"), ("b", "ป้องกันยาเสพติด"), ("c", "แก้ไขปัญหาความยากจน")):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(_html(name, text), encoding="utf-8")
        docs.mkdir(exist_ok=True)
        (docs / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n# {name}\n", encoding="utf-8")

    def index_files():
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted((site / "search" / "th").rglob("*")) if p.is_file()}

    build_site_index(site, corpus_analyzer, docs, log=lambda m: None, cache=cache, pages_key="k1")
    first = index_files()
    listed = []
    real = site_sections.files_under
    monkeypatch.setattr(site_sections, "files_under", lambda root, wanted: listed.append(root) or real(root, wanted))
    (site / "b" / "index.html").write_text(_html("b", "พัฒนาชุมชน"), encoding="utf-8")
    tmp = docs / ".c.tmp"
    tmp.write_text("---\ntitle: c\nsearch:\n  exclude: true\n---\n# c\n", encoding="utf-8")
    os.replace(tmp, docs / "c.md")  # as a build writes a changed page: a new file
    build_site_index(site, corpus_analyzer, docs, log=lambda m: None, cache=cache, pages_key="k1")
    assert listed == []
    kept = index_files()
    assert kept != first
    build_site_index(site, corpus_analyzer, docs, log=lambda m: None)  # from scratch
    assert index_files() == kept
    build_site_index(site, corpus_analyzer, docs, log=lambda m: None, cache=cache, pages_key="k2")
    assert listed and index_files() == kept  # another key: both folders listed again


def test_pruning_removes_the_entries_no_run_asked_for_and_nothing_else(tmp_path):
    cache = ContentCache(tmp_path / "c")
    for key in ("a", "b", "c.d"):
        cache.put(key, key)
    (tmp_path / "c" / "notes.txt").write_text("x")
    again = ContentCache(tmp_path / "c")
    assert again.get("a") == "a" and again.has("c.d") and again.stored("c.d").value() == "c.d"
    assert again.prune() == 1
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["a.pickle", "c.d.pickle", "notes.txt"]


def test_a_listed_cache_finds_what_a_file_check_finds_through_puts_removals_and_prunes(tmp_path, monkeypatch):
    # ContentCache lists its folder once (a rebuild looks for 40,000 entries): what
    # has() and stored() say must stay what a look at the folder says, through entries
    # written after the listing, one removed as unreadable, and a prune; and nothing
    # but that one listing may touch the disk for them.
    folder = tmp_path / "c"
    ContentCache(folder).put("old", 1)
    (folder / "notes.txt").write_text("x")
    cache = ContentCache(folder)
    listings = []
    real_listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda p: listings.append(p) or real_listdir(p))
    monkeypatch.setattr(os.path, "isfile", lambda p: pytest.fail(f"a file check of {p}"))

    def on_disk() -> set[str]:
        return {p.name[:-len(".pickle")] for p in folder.glob("*.pickle")}

    def agree(*keys) -> None:
        for key in keys:
            assert cache.has(key) == (key in on_disk()), key
            assert (cache.stored(key) is not None) == (key in on_disk()), key

    agree("old", "new", "notes", "notes.txt")
    cache.put("new", 2)  # written after the listing
    agree("old", "new")
    (folder / "old.pickle").write_bytes(b"damaged")
    with pytest.raises(OSError, match="could not be read back"):
        cache.deferred("old").value()
    agree("old", "new")  # removed as unreadable: no longer found
    cache.put("spare", 3)
    cache.used.discard("spare")  # as if no step of this run had asked for it
    assert cache.prune() == 1
    agree("new", "spare", "old")
    assert len(listings) == 1
    again = ContentCache(folder)  # the next build lists the folder as it is now
    assert again.has("new") and not again.has("spare") and not again.has("old") and len(listings) == 2


def test_a_cache_entry_is_written_whole_or_not_at_all(tmp_path):
    # common.atomic.write_pickle_atomic, under every cache of the build (ContentCache,
    # the site search's cache, the front-matter records): a value that cannot be
    # written leaves the previous file as it was and no temporary file beside it.
    import pickle

    from build_tools.common.atomic import write_pickle_atomic

    cache = ContentCache(tmp_path / "c")
    cache.put("k", {"a": 1})
    with pytest.raises((pickle.PicklingError, AttributeError), match="pickle"):
        cache.put("k", lambda: None)  # not picklable
    assert ContentCache(tmp_path / "c").get("k") == {"a": 1}
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["k.pickle"]
    write_pickle_atomic(tmp_path / "v.pickle", [1, 2])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "v.pickle"]


def test_the_models_blocks_looked_up_by_document_are_those_a_full_index_holds(tmp_path, monkeypatch):
    # The model's (document, anchor) -> block lookup makes a document's blocks only when
    # one of them is asked for; it answers as a dict of every block would (the last
    # block of an anchor, membership, get).
    from build_tools.knowledge.model import DocumentBlocks
    from build_tools.normalization.documents import StoredDoc, normalize_corpus
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(copy_corpus(tmp_path / "corpus"))
    normalize_corpus(corpus, ContentCache(tmp_path / "normalized"))
    docs = normalize_corpus(corpus, ContentCache(tmp_path / "normalized"))
    full = {(nd.id, b.anchor): b for nd in docs for b in nd.blocks}
    for nd in docs:
        nd.release()
    made, blocks = set(), StoredDoc.blocks.fget
    monkeypatch.setattr(StoredDoc, "blocks", property(lambda nd: made.add(nd.id) or blocks(nd)))
    lazy = DocumentBlocks({nd.id: nd for nd in docs})
    asked = sorted(full)[::7]
    assert [lazy[k] for k in asked] == [full[k] for k in asked]
    assert all(k in lazy for k in full)
    assert ("mou-annex-2552", "c99-9") not in lazy and ("no-such-doc", "l1") not in lazy
    assert lazy.get(("mou-annex-2552", "c99-9")) is None and lazy.get(asked[0]) == full[asked[0]]
    with pytest.raises(KeyError):
        lazy[("mou-annex-2552", "c99-9")]
    assert made == {k[0] for k in asked} | {"mou-annex-2552"}  # membership made none
    assert all(nd._blocks is None for nd in docs)  # kept by the lookup alone


def test_the_site_search_cache_rewrites_only_the_shards_whose_pages_changed(tmp_path, monkeypatch):
    from build_tools.outputs.site import search_cache
    from build_tools.outputs.site.search_cache import PAGE_SHARDS, SearchCache, shard_of

    cache = tmp_path / "site-search.pickle"
    written = []
    real = search_cache.write_pickle_atomic
    monkeypatch.setattr(search_cache, "write_pickle_atomic", lambda p, v: (written.append(p.name), real(p, v)))
    pages = {f"documents/d{i}/": ("digest", ("packed", i), (i, 1, 2)) for i in range(200)}
    SearchCache(cache, "k").save(dict(pages), renumbered=False, vocab=["a", "b"], urls=list(pages))
    assert len(written) == PAGE_SHARDS + 1  # a first build writes every shard
    back = SearchCache(cache, "k")
    assert back.saved["pages"] == pages and back.saved["vocab"] == ["a", "b"] and back.saved["urls"] == list(pages)
    assert SearchCache(cache, "other key").saved == {}
    # One page analysed again, one gone: their shards and the main file are written.
    new = dict(back.saved["pages"])
    new["documents/d3/"] = ("digest 2", ("packed", 3), (3, 1, 2))
    del new["documents/d150/"]
    written.clear()
    back.save(new, renumbered=False, vocab=["a", "b", "c"], urls=list(new))
    assert sorted(written) == sorted({search_cache.shard_path(cache, shard_of(u)).name
                                      for u in ("documents/d3/", "documents/d150/")} | {cache.name})
    again = SearchCache(cache, "k")
    assert again.saved["pages"] == new and again.saved["vocab"] == ["a", "b", "c"]
    # A shard written for a longer vocabulary than the main file's (a build stopped in
    # between) is not read: its pages are analysed again.
    ks = {shard_of("documents/d3/"), shard_of("documents/d150/")}
    main = pickle.loads(cache.read_bytes())
    cache.write_bytes(pickle.dumps({**main, "vocab": ["a", "b"]}))
    stopped = SearchCache(cache, "k")
    assert stopped.read_shards == set(range(PAGE_SHARDS)) - ks
    assert stopped.saved["pages"] == {u: e for u, e in new.items() if shard_of(u) not in ks}
    # Term ids numbered afresh: every shard is written with the new vocabulary's id.
    written.clear()
    stopped.save(new, renumbered=True, vocab=["c"], urls=list(new))
    assert len(written) == PAGE_SHARDS + 1
    assert SearchCache(cache, "k").saved["pages"] == new
    assert pickle.loads(cache.read_bytes())["vocab_id"] != main["vocab_id"]


def test_a_letter_the_build_recorded_unchanged_is_not_even_read(tmp_path, monkeypatch):
    # The build's check for changed inputs records each file's digest by its size, time
    # and inode (build/cache/input-files.json); stage 1 takes a document's digest from
    # there, so a rebuild reads only the letters that changed.
    from pathlib import Path

    from build_tools.common.cache import FileDigests
    from build_tools.sources.corpus import load_corpus
    from build_tools.sources.document_records import INPUT_DIGESTS, DocumentRecords

    corpus_dir = copy_corpus(tmp_path / "corpus")
    store = tmp_path / "cache" / "document-records.pickle"
    store.parent.mkdir()
    plain = load_corpus(corpus_dir)
    files = FileDigests(store.with_name(INPUT_DIGESTS))
    for d in plain.documents:  # as the build records them (files older than its clock's resolution)
        old = d.path.stat().st_mtime_ns - 10**10
        os.utime(d.path, ns=(old, old))
        files.digest(d.path, d.path.stat())
    files.save()
    load_corpus(corpus_dir, DocumentRecords(store))
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    kept = load_corpus(corpus_dir, DocumentRecords(store))
    assert not [n for n in read if n.endswith(".md")]
    assert [(d.id, d.meta, d.notes, d.date) for d in kept.documents] == \
        [(d.id, d.meta, d.notes, d.date) for d in plain.documents]
    doc = plain.documents[1].path
    doc.write_text(doc.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: (แก้ไข) ", 1), encoding="utf-8")
    read.clear()
    retitled = load_corpus(corpus_dir, DocumentRecords(store))
    assert doc.name in read and not [n for n in read if n.endswith(".md") and n != doc.name]
    assert next(d for d in retitled.documents if d.path == doc).get("title").startswith("(แก้ไข) ")


def _row_at_a_time(s, rows, kinds, source=None):
    i = 0
    for kind, n in kinds:
        for _ in range(n):
            if source is None:
                s.sources = None
            elif s.sources is not None:
                s.sources.append((*source, i))
            if s.kinds and s.kinds[-1][2] == kind:
                s.kinds[-1][1] = s.count + 1
            else:
                s.kinds.append([s.count, s.count + 1, kind])
            s.rows.append((rows, i))
            s.count += 1
            i += 1
            if len(s.rows) == s.per_shard:
                s.finish()


def test_rows_taken_a_run_at_a_time_fill_the_shards_a_row_at_a_time_fills():
    # Sections._add_rows takes a page's rows a run of one kind at a time, up to the end
    # of the shard being filled: the shards, their signatures' sources, the kinds' ranges
    # and the count are what adding them one row at a time gives (the loop it replaced).
    from build_tools.outputs.site import search_sections

    class Files:
        def __init__(self):
            self.dumped = []

        def dump(self, rel, data, sig=None):
            self.dumped.append((rel, data() if callable(data) else data, sig))

    rng = random.Random(11)
    for per_shard in (1, 3, 4, 20):
        pages = []
        for p in range(rng.randint(1, 30)):
            kinds = [(rng.choice(["documents", "agencies", ""]), rng.randint(1, 9)) for _ in range(rng.randint(1, 3))]
            rows = [[f"{k}/p{p}/#r{j}", "t", "", f"{p} {j}"] for k, n in kinds for j in range(n)]
            pages.append((search_sections.zlib.compress(search_sections.pickle.dumps(rows)), tuple(kinds),
                          None if rng.random() < 0.2 else (f"p{p}", b"digest")))
        runs, rows_ = search_sections.Sections(Files(), per_shard=per_shard), \
            search_sections.Sections(Files(), per_shard=per_shard)
        for packed, kinds, source in pages:
            runs._add_rows(packed, kinds, source)
            _row_at_a_time(rows_, packed, kinds, source)
        runs.finish()
        rows_.finish()
        assert runs.out.dumped == rows_.out.dumped
        assert (runs.kinds, runs.count, runs.shard) == (rows_.kinds, rows_.count, rows_.shard)


def test_answers_are_kept_while_what_their_conflict_cards_show_of_a_changed_letter_is_the_same(tmp_path, monkeypatch):
    # A letter the model does not cite reaches the answers only through the conflict
    # cards that list its reading (its title, the block holding the value): another
    # change to it keeps the answers; a new title makes them again, as a fresh build would.
    import sys

    from conftest import ROOT

    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.outputs.search_index import query_data
    from build_tools.outputs.search_index.answers import answer_data, cited_documents

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    corpus_dir = synth.write_corpus(tmp_path / "corpus", 24, seed=5)
    c = check_corpus(corpus_dir, cache_dir=tmp_path / "cache")
    analyzer = analyzer_for_corpus(c.corpus.root, c.corpus.agencies)
    made = []
    monkeypatch.setattr(query_data, "answer_data", lambda *a: made.append(1) or answer_data(*a))
    cache = ContentCache(tmp_path / "answers")

    def answers():
        return query_data.cached_answer_data(c.corpus, c.model, c.docs, c.review.conflicts, analyzer, cache)

    first = answers()
    cards = [e for e in first["entries"] if (e.get("group") or "").startswith("conflict:")]
    assert cards and len(made) == 1
    cited = cited_documents(c.model)
    shown = [r.doc_id for e in cards for r in next(x for x in c.review.conflicts if f"conflict:{x.id}" == e["group"]
                                                    ).readings if r.doc_id not in cited]
    nd = next(nd for nd in c.docs if nd.id == shown[0])
    nd.key += "-changed"  # e.g. its subject or a paragraph without the number
    assert answers() == first and len(made) == 1  # kept: the cards show the same of it
    nd.doc.meta["short_title"] = "ชื่อย่อใหม่"
    nd.key += "-again"
    retitled = answers()
    assert len(made) == 2 and retitled != first and "ชื่อย่อใหม่" in json.dumps(retitled, ensure_ascii=False)
    assert retitled == answer_data(c.corpus, c.model, c.docs, c.review.conflicts, analyzer)
    assert answers() == retitled and len(made) == 2


def test_documents_normalized_afresh_are_held_as_their_heads_and_each_pass_lets_their_texts_go(tmp_path):
    # A full build from an empty cache held every letter's lines, blocks and change log
    # to its end (1.1 GB at 10,000 letters), and every process it forked carried them.
    # Once written to the cache a document is held as a rebuild holds one it reads back,
    # and each pass over every document (records, open data, build/normalized) reads
    # its body and lets it go again.
    from build_tools.build.stages import index_records, write_normalized
    from build_tools.normalization.documents import normalize_corpus
    from build_tools.outputs.open_data import _Records
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(copy_corpus(tmp_path / "corpus"))
    here = normalize_corpus(corpus)
    fresh = normalize_corpus(corpus, ContentCache(tmp_path / "normalized"))

    def held(docs):
        return [nd.id for nd in docs if not isinstance(nd._body, Stored) or nd._blocks is not None
                or nd._markdown is not None or nd._unpacked is not None]

    assert held(fresh) == []
    assert [(nd.blocks, nd.to_markdown(), nd.changes_json(), nd.text) for nd in fresh] == \
        [(nd.blocks, nd.to_markdown(), nd.changes_json(), nd.text) for nd in here]
    assert len(held(fresh)) == len(fresh)  # (read now)
    for nd in fresh:
        nd.release()
    assert held(fresh) == []
    assert [(nd.blocks, nd.changes_json()) for nd in fresh] == [(nd.blocks, nd.changes_json()) for nd in here]

    checked = check_corpus(corpus.root, with_review=False, cache_dir=tmp_path / "cache")
    records, _ = index_records(checked)
    assert [records[nd.id] for nd in checked.docs] == [records[nd.id] for nd in seed().docs]
    assert held(checked.docs) == []
    listed = _Records(checked.corpus, checked.model, checked.docs).documents_json(ContentCache(tmp_path / "open-data"))
    assert listed == _Records(seed().corpus, seed().model, seed().docs).documents_json()
    assert held(checked.docs) == []  # (the model's pages hold what they cite: a few documents of thousands)
    (tmp_path / "out").mkdir()
    write_normalized(tmp_path / "out", checked.docs, {nd.id: nd.key for nd in checked.docs}, None)
    assert held(checked.docs) == []
    assert (tmp_path / "out" / f"{here[0].id}.md").read_text(encoding="utf-8") == here[0].to_markdown()


def test_the_index_records_are_made_when_asked_for_and_not_kept():
    # The index process reads each document's records once; keeping them all was most of
    # its growth (the build's largest process at 10,000 letters).
    from build_tools.build.stages import index_records
    from build_tools.outputs.search_index.records import MODEL_GROUP, records_for

    checked = seed()
    records, fingerprints = index_records(checked)
    nd = checked.docs[0]
    assert records[nd.id] == records_for(checked.corpus, nd)
    assert nd.id in records and list(records) == [d.id for d in checked.docs] + [MODEL_GROUP]
    assert list(dict.keys(records)) == [MODEL_GROUP]  # the document's were not kept
    assert set(fingerprints) == set(records)


def test_the_index_process_keeps_a_small_memo_of_cut_texts(tmp_path, monkeypatch):
    # The index process's analyzer keeps at most INDEX_SEGMENT_MEMO texts cut (not every
    # text of the corpus to the end of the process); the index is the same either way,
    # and the analyzer's own limit is back afterwards (without fork the index is written
    # in the build's own process).
    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.build import stages
    from build_tools.build.stages import index_records, update_index

    checked = seed()
    records, fingerprints = index_records(checked)
    analyzer = analyzer_for_corpus(checked.corpus.root, checked.corpus.agencies)
    update_index(tmp_path / "large", records, fingerprints, analyzer, {})
    assert len(analyzer.__dict__["_segment_cache"]) > 3
    analyzer.__dict__["_segment_cache"].clear()
    monkeypatch.setattr(stages, "INDEX_SEGMENT_MEMO", 3)
    update_index(tmp_path / "small", records, fingerprints, analyzer, {})
    assert len(analyzer.__dict__["_segment_cache"]) <= 3
    assert analyzer.SEGMENT_CACHE_MAX == type(analyzer).SEGMENT_CACHE_MAX > 3
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from compare_builds import index_content

    assert index_content(tmp_path / "small") == index_content(tmp_path / "large")
