"""Incremental site builds give exactly the site a full build gives."""
import os
import re
import shutil
import sys

import pytest
from conftest import ROOT, copy_built, copy_corpus, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

pytestmark = [pytest.mark.slow]  # builds sites


def _retitle(corpus, doc_id, prefix):
    doc = corpus / "documents" / f"{doc_id}.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: {prefix}", 1),
                   encoding="utf-8")


def _site_files(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def _differing(a, b):
    """Files of two built sites whose bytes differ (the build-id stamp aside)."""
    return [rel for rel in _site_files(a) if rel != ".siam-yim-build" and (a / rel).read_bytes() != (b / rel).read_bytes()]


def _site_search(site):
    """The site's search index (search/th/), file by file."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "search" / "th").rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def built_synthetic(tmp_path_factory):
    """A synthetic corpus with more documents than the navigation lists (so a title is on
    its own page only) and its full build; each test works on a copy."""
    base = tmp_path_factory.mktemp("synthetic")
    corpus = synth.write_corpus(base / "corpus", 52, seed=2)
    run_cli("build", "--corpus", corpus, "--out", base / "out")
    return base


def _copy_built(built, tmp_path):
    shutil.copytree(built / "corpus", tmp_path / "corpus")
    copy_built(built / "out", tmp_path / "out")
    return tmp_path / "corpus", tmp_path / "out"


def test_incremental_build_equals_full_build(tmp_path, built_synthetic):
    corpus, inc = _copy_built(built_synthetic, tmp_path)
    full = tmp_path / "full"
    _retitle(corpus, "synth-letter-00007", "ฉบับแก้ไข ")
    log = run_cli("build", "--corpus", corpus, "--out", inc).stdout
    # the letter's page, its raw OCR page and the open-data documents file
    assert re.search(r"building the site incrementally \(3 of \d+ generated pages changed", log), log
    # MkDocs is given those pages, the navigation's and what they link to, not all 100+
    given = re.search(r"MkDocs reads (\d+) sources", log)
    assert given and int(given[1]) < 60, log
    assert "index: re-indexed 1, removed 0" in log
    run_cli("build", "--corpus", corpus, "--out", full)
    a, b = inc / "site", full / "site"
    assert _site_files(a) == _site_files(b)
    assert _differing(a, b) == []  # every page, the sitemap and the site search index
    assert "ฉบับแก้ไข" in (a / "documents/synth-letter-00007/index.html").read_text(encoding="utf-8")
    # The site search index: the changed page analyzed again, the rest from the cache,
    # gives byte for byte the index of a full build (which has the new title).
    analyzed = re.search(r"site search: \d+ sections \((\d+) of \d+ pages analyzed", log)
    assert analyzed and 1 <= int(analyzed[1]) <= 3, log
    assert _site_search(a) == _site_search(b)
    assert any("ฉบับแก้ไข".encode() in data for data in _site_search(a).values())
    assert (a / "sitemap.xml").read_text(encoding="utf-8") == (b / "sitemap.xml").read_text(encoding="utf-8")
    assert (inc / "build" / "normalized" / "synth-letter-00007.md").read_text(encoding="utf-8") == \
        (full / "build" / "normalized" / "synth-letter-00007.md").read_text(encoding="utf-8")
    assert _site_files(inc / "build" / "normalized") == _site_files(full / "build" / "normalized")
    assert _differing(inc / "build" / "normalized", full / "build" / "normalized") == []
    # Nothing changed: MkDocs does not run at all.
    log = run_cli("build", "--corpus", corpus, "--out", inc).stdout
    assert "nothing changed since build" in log and "index: re-indexed 0, removed 0" in log


def test_a_search_file_replaced_outside_a_build_makes_the_rebuild_write_the_index_whole(tmp_path, built_synthetic):
    # (the checks of the published index run on the other core while MkDocs renders:
    # what they find must still stop the delta)
    corpus, inc = _copy_built(built_synthetic, tmp_path)
    search_file = sorted((inc / "site" / "search" / "th" / "p").iterdir())[0]
    tmp = search_file.with_name(".replaced")
    tmp.write_bytes(search_file.read_bytes())
    os.replace(tmp, search_file)
    _retitle(corpus, "synth-letter-00009", "ฉบับแก้ไข ")
    log = run_cli("build", "--corpus", corpus, "--out", inc).stdout
    assert "building the site incrementally" in log and "site search:" in log and "by delta" not in log, log
    _retitle(corpus, "synth-letter-00010", "ฉบับแก้ไข ")
    log = run_cli("build", "--corpus", corpus, "--out", inc).stdout
    assert "by delta" in log, log
    full = tmp_path / "full"
    run_cli("build", "--corpus", corpus, "--out", full)
    assert _site_search(inc / "site") == _site_search(full / "site")


def test_incremental_build_of_a_page_in_the_navigation_equals_full_build(tmp_path):
    # Six documents: every document is in the navigation, next to pages listed without a
    # title (their titles come from the pages, which an incremental build renders too).
    corpus = copy_corpus(tmp_path)
    inc, full = tmp_path / "inc", tmp_path / "full"
    run_cli("build", "--corpus", corpus, "--out", inc)
    doc = corpus / "documents" / "dla-letter-2552-08-20.md"
    text = doc.read_text(encoding="utf-8")
    assert "\nsubject: " in text
    doc.write_text(text.replace("\nsubject: ", "\nsubject: (แก้ไข) ", 1), encoding="utf-8")
    log = run_cli("build", "--corpus", corpus, "--out", inc).stdout
    assert "building the site incrementally" in log, log
    run_cli("build", "--corpus", corpus, "--out", full)
    assert _site_files(inc / "site") == _site_files(full / "site")
    assert _differing(inc / "site", full / "site") == []


def test_navigation_change_forces_a_full_build(tmp_path):
    # Six documents are listed in the navigation: a new title changes every page.
    corpus = copy_corpus(tmp_path)
    out = tmp_path / "out"
    run_cli("build", "--corpus", corpus, "--out", out)
    doc = corpus / "documents" / "mou-2552-06-12.md"
    text = doc.read_text(encoding="utf-8")
    assert "\nshort_title: " in text
    doc.write_text(text.replace("\nshort_title: ", "\nshort_title: ใหม่ ", 1), encoding="utf-8")
    log = run_cli("build", "--corpus", corpus, "--out", out).stdout
    assert re.search(r"\[3/5\] building the site \(\d+ generated pages\) with mkdocs", log), log
    about = (out / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "ใหม่ " in about  # the navigation of an unchanged page shows the new title


def test_failed_incremental_build_leaves_the_site_and_recovers(tmp_path, built_synthetic):
    corpus, out = _copy_built(built_synthetic, tmp_path)
    site_before = {p: p.read_bytes() for p in (out / "site").rglob("*") if p.is_file()}
    doc = corpus / "documents" / "synth-letter-00003.md"
    good = doc.read_text(encoding="utf-8")
    doc.write_text(good + "ดู [หน้าที่ไม่มี](nowhere.md)\n", encoding="utf-8")  # strict mkdocs fails
    proc = run_cli("build", "--corpus", corpus, "--out", out, check=False)
    assert proc.returncode == 1 and "nowhere.md" in proc.stderr
    assert {p: p.read_bytes() for p in (out / "site").rglob("*") if p.is_file()} == site_before
    doc.write_text(good.replace("\ntitle: ", "\ntitle: แก้แล้ว ", 1), encoding="utf-8")
    run_cli("build", "--corpus", corpus, "--out", out)
    assert "แก้แล้ว" in (out / "site/documents/synth-letter-00003/index.html").read_text(encoding="utf-8")
    full = tmp_path / "full"
    run_cli("build", "--corpus", corpus, "--out", full)
    assert _site_files(out / "site") == _site_files(full / "site")
    assert _site_search(out / "site") == _site_search(full / "site")


def test_the_output_a_publish_replaced_is_the_next_build_s_linked_copy(tmp_path, built_synthetic):
    """An incremental build keeps the outputs its publish replaced as spares
    (build/publish/spare/), and the next build brings them up to date instead of
    copying each output again; a failed build keeps them too, and the site is always
    what a full build gives."""
    corpus, out = _copy_built(built_synthetic, tmp_path)
    spare = out / "build" / "publish" / "spare"
    _retitle(corpus, "synth-letter-00007", "ฉบับแก้ไข ")
    run_cli("build", "--corpus", corpus, "--out", out)
    assert sorted(p.name for p in spare.iterdir()) == ["docs", "index", "normalized", "site"]
    page = "documents/synth-letter-00008/index.html"  # the old page: the spare is one build behind
    assert "ฉบับที่สอง" not in (spare / "site" / page).read_text(encoding="utf-8")
    doc = corpus / "documents" / "synth-letter-00003.md"
    good = doc.read_text(encoding="utf-8")
    doc.write_text(good + "ดู [หน้าที่ไม่มี](nowhere.md)\n", encoding="utf-8")  # strict mkdocs fails
    site_before = {p: p.read_bytes() for p in (out / "site").rglob("*") if p.is_file()}
    assert run_cli("build", "--corpus", corpus, "--out", out, check=False).returncode == 1
    assert {p: p.read_bytes() for p in (out / "site").rglob("*") if p.is_file()} == site_before
    assert sorted(p.name for p in spare.iterdir()) == ["docs", "index", "normalized", "site"]
    doc.write_text(good, encoding="utf-8")
    _retitle(corpus, "synth-letter-00008", "ฉบับที่สอง ")
    log = run_cli("build", "--corpus", corpus, "--out", out).stdout
    assert "building the site incrementally" in log, log
    assert "staging folder" not in run_cli("check", "--corpus", corpus, "--out", out).stdout
    # the published site shares each unchanged file with the spare (hard links)
    unchanged = "documents/synth-letter-00009/index.html"
    assert (out / "site" / unchanged).stat().st_ino == (spare / "site" / unchanged).stat().st_ino
    full = tmp_path / "full"
    run_cli("build", "--corpus", corpus, "--out", full)
    assert _site_files(out / "site") == _site_files(full / "site")
    assert _differing(out / "site", full / "site") == []
    assert _site_files(out / "build" / "normalized") == _site_files(full / "build" / "normalized")
    assert _differing(out / "build" / "normalized", full / "build" / "normalized") == []
    assert _differing(out / "build" / "docs", full / "build" / "docs") == []


def test_changed_anchors_force_a_full_build(tmp_path, built_synthetic):
    """Other pages link to clause anchors; unchanged pages are not re-checked in an
    incremental build, so a document whose anchors change gets a full one."""
    corpus, out = _copy_built(built_synthetic, tmp_path)
    doc = corpus / "documents" / "synth-letter-00004.md"
    text = doc.read_text(encoding="utf-8")
    first, last = (int(x) for x in text.split("  lines: ")[1].split("\n")[0].split("-"))
    doc.write_text(text.replace(f"  lines: {first}-{last}", f"  lines: {first}-{last - 8}"),
                   encoding="utf-8")
    log = run_cli("build", "--corpus", corpus, "--out", out).stdout
    assert re.search(r"\[3/5\] building the site \(\d+ generated pages\) with mkdocs", log), log


def test_a_changed_page_s_links_to_anchors_on_unchanged_pages_are_checked(tmp_path, built_synthetic):
    """MkDocs checks no link to a page it does not render: an incremental build checks a
    changed page's links to anchors on unchanged pages against the anchors the
    published build recorded, and says what MkDocs says of the same link in a full one."""
    corpus, out = _copy_built(built_synthetic, tmp_path)
    html = (out / "site/documents/synth-letter-00005/index.html").read_text(encoding="utf-8")
    clause = re.search(r'id="(c\d+)"', html)[1]
    doc = corpus / "documents" / "synth-letter-00003.md"
    good = doc.read_text(encoding="utf-8")
    doc.write_text(good + f"ดู [ข้อนั้น](synth-letter-00005.md#{clause})\n", encoding="utf-8")
    log = run_cli("build", "--corpus", corpus, "--out", out).stdout
    assert "building the site incrementally" in log, log
    site_before = {p: p.read_bytes() for p in (out / "site").rglob("*") if p.is_file()}
    doc.write_text(good + "ดู [ข้อที่ไม่มี](synth-letter-00005.md#c999)\n", encoding="utf-8")
    proc = run_cli("build", "--corpus", corpus, "--out", out, check=False)
    assert "building the site incrementally" in proc.stdout, proc.stdout
    message = ("Doc file 'documents/synth-letter-00003.md' contains a link 'synth-letter-00005.md#c999', "
               "but the doc 'documents/synth-letter-00005.md' does not contain an anchor '#c999'.")
    assert proc.returncode == 1 and message in proc.stderr, proc.stderr
    assert {p: p.read_bytes() for p in (out / "site").rglob("*") if p.is_file()} == site_before
    full = run_cli("build", "--corpus", corpus, "--out", tmp_path / "full", check=False)
    assert full.returncode == 1 and message in full.stderr  # what a full build says


def test_packing_pages_in_memory_changes_no_byte_of_the_site(tmp_path, monkeypatch):
    # Our MkDocs plugin keeps rendered pages compressed between MkDocs' render and write
    # steps (memory at 10,000 letters): the site must be exactly what plain MkDocs writes.
    from build_tools.build.stages import site_pages
    from build_tools.common.paths import Paths
    from build_tools.knowledge.checked import check_corpus
    from build_tools.outputs.site import engine_mkdocs

    paths = Paths(corpus=ROOT / "corpus", out=tmp_path / "out")
    run_cli("build", "--out", paths.out)
    _, nav = site_pages(check_corpus(paths.corpus))
    sites, logs, handed = {}, [], {}
    monkeypatch.setattr(engine_mkdocs, "PROGRESS_EVERY", 20)  # a long MkDocs step says how far it is
    for pack in (True, False):
        site = tmp_path / str(pack)
        engine_mkdocs.build_with_mkdocs(paths.config, paths.docs, site, nav, log=logs.append, pack=pack,
                                        written=handed.__setitem__ if pack else None)
        sites[pack] = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert sites[True].keys() == sites[False].keys()
    assert [k for k in sites[True] if sites[True][k] != sites[False][k]] == []
    # Each page the site search covers is handed over as written (the site search cuts
    # it meanwhile); no page whose front matter leaves it out of search (the raw views).
    from build_tools.outputs.site.site_sections import built_page_url, indexed_pages

    searched = {url for url, _ in indexed_pages(tmp_path / "True", paths.docs)}
    assert {built_page_url(d) for d in handed} == searched and len(searched) > 10
    assert all(sites[True][d] == html.encode("utf-8") for d, html in handed.items())
    pages = len(list(paths.docs.rglob("*.md")))
    assert [m for m in logs if m.startswith("  rendered") or m.startswith("  written")] == \
        [f"  {step} {n}/{pages} pages" for _ in (1, 2) for step in ("rendered", "written")
         for n in range(20, pages + 1, 20)]


def test_the_build_replaces_no_function_of_mkdocs_or_material():
    """MkDocs is changed only through plugin events and documented options (Zensical runs
    no MkDocs code at all): no module assigns to MkDocs' or Material's functions."""
    private = ("_populate_page", "_build_page", "is_modified", "add_entry_from_context", "SearchIndex")
    for module in (ROOT / "build_tools").rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert not [name for name in private if name in text], module


def test_a_document_normalized_as_before_keeps_the_published_build_s_anchors_unlisted():
    from build_tools.build.site_stage import document_anchors

    class Doc:
        def __init__(self, doc_id, key, anchors):
            self.id, self.key, self._anchors = doc_id, key, anchors

        def anchors(self):
            if self._anchors is None:
                raise AssertionError(f"{self.id}'s anchors listed again")
            return self._anchors

    old = {"anchors": {"a": ["cl-1"], "b": ["cl-1", "cl-2"]}, "anchor_keys": {"a": "ka", "b": "kb"}}
    docs = [Doc("a", "ka", None), Doc("b", "kb-changed", ["cl-1"]), Doc("c", "kc", ["l3"]), Doc("d", None, ["l1"])]
    assert document_anchors(docs, old) == {"a": ["cl-1"], "b": ["cl-1"], "c": ["l3"], "d": ["l1"]}
    assert document_anchors(docs[1:], {}) == {"b": ["cl-1"], "c": ["l3"], "d": ["l1"]}
