"""A rebuild that takes unchanged documents' pages by the per-document dependency record
(build_tools/outputs/site/page_deps.py) gives exactly what a full build gives: the site
(every page, the open data, the site search) and build/normalized."""
import json
import re
import shutil
import sys

import pytest
from conftest import ROOT, copy_built, run_cli, seed

from build_tools.common.cache import ContentCache, resolved
from build_tools.outputs.site.model_pages import model_pages
from build_tools.outputs.site.page_deps import DEPS_FORMAT, documents_to_make

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

CITING, CITED = "synth-letter-00010", "synth-letter-00011"


def _record(docs: dict, special=(), common="c", shows=None, as_shown=None) -> dict:
    """`special`: documents with conflict notes or a model section (their signature: "n");
    `shows`: document -> the documents whose readings its notes show; `as_shown`:
    document -> what those notes show of it (default: its own signature)."""
    return {"format": DEPS_FORMAT, "common": common,
            "docs": {i: [sig, sorted(nb), "n" if i in special else "", sorted((shows or {}).get(i, ())),
                         (as_shown or {}).get(i, sig)]
                     for i, (sig, nb) in docs.items()}}


def test_only_changed_documents_and_their_neighbours_are_made_again():
    old = _record({"a": ("1", []), "b": ("1", ["c"]), "c": ("1", ["b"]), "d": ("1", []), "e": ("1", [])},
                  special={"e"})
    same = _record({"a": ("1", []), "b": ("1", ["c"]), "c": ("1", ["b"]), "d": ("1", []), "e": ("1", [])},
                   special={"e"})
    assert documents_to_make(same, old) == set()
    retitled_c = _record({"a": ("1", []), "b": ("1", ["c"]), "c": ("2", ["b"]), "d": ("1", []), "e": ("1", [])})
    assert documents_to_make(retitled_c, old) == {"b", "c", "e"}  # b shows c's title; e's notes are gone
    # d now cites a: a's page lists d among the letters citing it
    cites = _record({"a": ("1", ["d"]), "b": ("1", ["c"]), "c": ("1", ["b"]), "d": ("2", ["a"]), "e": ("1", [])},
                    special={"e"})
    assert documents_to_make(cites, old) == {"a", "d"}
    # c removed: b cited it (its reference no longer links); f added
    gone = _record({"a": ("1", []), "b": ("1", []), "d": ("1", []), "e": ("1", []), "f": ("1", [])}, special={"e"})
    assert documents_to_make(gone, old) == {"b", "f"}
    assert documents_to_make(same, None) is None
    # e's conflict note shows a reading of d, whose title changed
    noted = _record({"a": ("1", []), "b": ("1", ["c"]), "c": ("1", ["b"]), "d": ("2", []), "e": ("1", [])},
                    special={"e"}, shows={"e": ["d"]})
    assert documents_to_make(noted, old) == {"d", "e"}
    # ... but not when what the note shows of d (its short title, its blocks) is the same
    shown_before = _record({"d": ("1", []), "e": ("1", [])}, special={"e"}, shows={"e": ["d"]}, as_shown={"d": "s"})
    long_title = _record({"d": ("2", []), "e": ("1", [])}, special={"e"}, shows={"e": ["d"]}, as_shown={"d": "s"})
    assert documents_to_make(long_title, shown_before) == {"d"}
    assert documents_to_make(_record({"a": ("1", [])}, common="other"), old) is None  # code, agencies, site address


def test_agency_pages_kept_in_the_cache_are_the_pages_made_without_it(tmp_path):
    checked = seed()
    plain = model_pages(checked.corpus, checked.model, checked.docs)
    cache = ContentCache(tmp_path / "pages")
    for _ in range(2):  # made, then taken from the cache
        cached = model_pages(checked.corpus, checked.model, checked.docs, cache)
        assert any(not isinstance(page, str) for page in cached.values())  # kept as cache entries
        assert {rel: resolved(page) for rel, page in cached.items()} == plain


def _front(corpus, doc_id):
    return (corpus / "documents" / f"{doc_id}.md").read_text(encoding="utf-8")


def _field(text, name):
    return re.search(rf"\n{name}: (.*)\n", text)[1]


@pytest.fixture(scope="module")
def built_with_a_reference(tmp_path_factory):
    """A synthetic corpus in which one letter cites another, and its full build."""
    base = tmp_path_factory.mktemp("deps")
    corpus = synth.write_corpus(base / "corpus", 52, seed=3)
    cited = _front(corpus, CITED)
    path = corpus / "documents" / f"{CITING}.md"
    text = path.read_text(encoding="utf-8")
    ref = (f"references:\n- number: {_field(cited, 'number')}\n  date_be: {_field(cited, 'date_be')}\n"
           f"  id: {CITED}\n  match: exact\nsource:")
    path.write_text(text.replace("source:", ref, 1), encoding="utf-8")
    run_cli("build", "--corpus", corpus, "--out", base / "out")
    return base


def _replace_field(corpus, doc_id, name, value):
    path = corpus / "documents" / f"{doc_id}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"\n{name}: {_field(text, name)}\n", f"\n{name}: {value}\n", 1), encoding="utf-8")


def _retitle_cited(corpus):
    _replace_field(corpus, CITED, "short_title", "หนังสือที่ถูกอ้างถึง (แก้ไข)")


def _other_issuer(corpus):
    text = _front(corpus, "synth-letter-00020")
    _replace_field(corpus, "synth-letter-00020", "issuer", "cdd" if _field(text, "issuer") != "cdd" else "dla")


def _new_date(corpus):
    _replace_field(corpus, "synth-letter-00021", "date_be", "๓ มกราคม ๒๕๕๓")


def _retitle_a_shown_reading(corpus):
    """A letter whose reading other letters' conflict notes show (with its title)."""
    record = json.loads((corpus.parent / "inc" / "build" / "published.json").read_text(encoding="utf-8"))
    shown = sorted({d for entry in record["site"]["deps"]["docs"].values() for d in entry[3]})
    assert shown
    _replace_field(corpus, shown[0], "short_title", "หนังสือที่ถูกแสดงในหมายเหตุ (แก้ไข)")


def _retitle_a_shown_reading_behind_its_short_title(corpus):
    """A letter whose reading other letters' notes show, its full title changed: the
    notes show its short title, so no other letter's page changes."""
    record = json.loads((corpus.parent / "inc" / "build" / "published.json").read_text(encoding="utf-8"))
    shown = sorted({d for entry in record["site"]["deps"]["docs"].values() for d in entry[3]})
    assert shown and "\nshort_title: " in _front(corpus, shown[0])
    _replace_field(corpus, shown[0], "title", "ชื่อเต็มที่แก้ไข")


def _removed(corpus):
    (corpus / "documents" / f"{CITING}.md").unlink()  # the cited letter's page no longer lists it


def _added(corpus):
    text = _front(corpus, "synth-letter-00030")
    (corpus / "documents" / "synth-letter-00030.md").unlink()
    # the same letter back under another id (what a maintainer adding a letter writes)
    (corpus / "documents" / "synth-letter-09999.md").write_text(
        text.replace("id: synth-letter-00030", "id: synth-letter-09999"), encoding="utf-8")


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".siam-yim-build"}


@pytest.mark.slow  # builds sites
@pytest.mark.parametrize("change", [_retitle_cited, _retitle_a_shown_reading, _retitle_a_shown_reading_behind_its_short_title,
                                    _other_issuer, _new_date, _removed, _added])
def test_a_rebuild_by_the_dependency_record_equals_a_full_build(tmp_path, built_with_a_reference, change):
    shutil.copytree(built_with_a_reference / "corpus", tmp_path / "corpus")
    copy_built(built_with_a_reference / "out", tmp_path / "inc")
    corpus, inc, full = tmp_path / "corpus", tmp_path / "inc", tmp_path / "full"
    change(corpus)
    log = run_cli("build", "--corpus", corpus, "--out", inc).stdout
    made = re.search(r"pages: (\d+) of (\d+) documents' pages made", log)
    assert made and int(made[1]) < int(made[2]), log
    if change not in (_removed, _retitle_a_shown_reading):  # (their readings are in notes many letters show)
        assert int(made[1]) <= 8, log  # the changed letters and their neighbours
    if change is _retitle_a_shown_reading:  # and the letters whose notes show its reading
        assert int(made[1]) > 1, log
    run_cli("build", "--corpus", corpus, "--out", full)
    for folder in ("site", "build/normalized"):
        a, b = _files(inc / folder), _files(full / folder)
        assert sorted(a) == sorted(b)
        assert [rel for rel in a if a[rel] != b[rel]] == []
    if change is _retitle_cited:  # the citing letter's page shows the new title
        page = (inc / "site" / "documents" / CITING / "index.html").read_text(encoding="utf-8")
        assert "หนังสือที่ถูกอ้างถึง (แก้ไข)" in page
