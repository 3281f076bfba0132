"""A full MkDocs build on two processes (site_stage.second_process_pages) gives exactly
the site one process gives, and checks what one process checks."""
import re
import sys

import pytest
from conftest import ROOT, run_cli

from build_tools.build import site_stage
from build_tools.common.paths import Paths
from build_tools.outputs.site import engine_mkdocs
from build_tools.outputs.site.errors import SiteBuildError

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

pytestmark = [pytest.mark.slow]  # builds sites


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != ".siam-yim-build"}


def test_two_processes_build_the_site_one_process_builds(tmp_path, monkeypatch):
    # More documents than the navigation lists: some pages are only in the sitemap.
    corpus = synth.write_corpus(tmp_path / "corpus", 24, seed=5)
    one = run_cli("build", "--corpus", corpus, "--out", tmp_path / "one").stdout
    assert "rendering on two processes" not in one  # a small site: one process
    monkeypatch.setattr(site_stage, "SPLIT_MIN_PAGES", 1)
    two = run_cli("build", "--corpus", corpus, "--out", tmp_path / "two").stdout
    split = re.search(r"rendering on two processes \((\d+) of the generated pages in the second\)", two)
    generated = re.search(r"\[3/5\] building the site \((\d+) generated pages\)", two)
    assert split and generated and 0.4 < int(split[1]) / int(generated[1]) <= 0.5, two
    a, b = _files(tmp_path / "one" / "site"), _files(tmp_path / "two" / "site")
    assert a.keys() == b.keys()
    # every page (one of each two from the second process), the sitemap and the site search
    assert [rel for rel in a if a[rel] != b[rel]] == []
    assert {"documents/synth-letter-00001/index.html", "documents/synth-letter-00002/index.html"} <= b.keys()


def _tiny_docs(tmp_path, link_in_second: str):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# หน้าแรก\n\n[ข้อ ๒](second.md#clause-2)\n", encoding="utf-8")
    (docs / "first.md").write_text("# หนึ่ง\n\n## ข้อ ๑ {#clause-1}\n", encoding="utf-8")
    (docs / "second.md").write_text(f"# สอง\n\n## ข้อ ๒ {{#clause-2}}\n\n{link_in_second}\n", encoding="utf-8")
    return docs


NAV = [{"หน้าแรก": "index.md"}, {"หนึ่ง": "first.md"}, {"สอง": "second.md"}]


def _both(tmp_path, docs):
    """The first process (skipping second.md) and the second (only second.md)."""
    config = Paths(corpus=ROOT / "corpus", out=tmp_path / "out").config
    mine = engine_mkdocs.build_with_mkdocs(config, docs, tmp_path / "a", NAV, skip={"second.md"})
    theirs = engine_mkdocs.build_with_mkdocs(config, docs, tmp_path / "b", NAV, only={"second.md"})
    return config, mine, theirs


def test_links_to_anchors_across_the_two_processes_are_checked(tmp_path):
    docs = _tiny_docs(tmp_path, "[ข้อ ๑](first.md#clause-1) [ข้อ ๙](first.md#clause-9)")
    config, mine, theirs = _both(tmp_path, docs)
    assert not (tmp_path / "a" / "second" / "index.html").exists()  # rendered by the other
    assert (tmp_path / "b" / "second" / "index.html").is_file()
    assert mine.elsewhere == [("index.md", "second.md#clause-2", "second.md", "clause-2")]
    assert engine_mkdocs.anchor_problems(mine, theirs) == [
        "Doc file 'second.md' contains a link 'first.md#clause-9', but the doc 'first.md' does not "
        "contain an anchor '#clause-9'."]
    # ... in the words MkDocs itself uses for the same link in one process
    with pytest.raises(SiteBuildError) as one:
        engine_mkdocs.build_with_mkdocs(config, docs, tmp_path / "one", NAV)
    assert engine_mkdocs.anchor_problems(mine, theirs)[0] in str(one.value)


def test_a_broken_link_on_a_page_of_the_second_process_fails_the_build(tmp_path):
    docs = _tiny_docs(tmp_path, "[ไม่มี](nowhere.md)")
    config = Paths(corpus=ROOT / "corpus", out=tmp_path / "out").config
    engine_mkdocs.build_with_mkdocs(config, docs, tmp_path / "a", NAV, skip={"second.md"})  # not its page
    with pytest.raises(SiteBuildError, match="nowhere.md"):
        engine_mkdocs.build_with_mkdocs(config, docs, tmp_path / "b", NAV, only={"second.md"})


def test_the_first_process_writes_the_whole_sitemap(tmp_path):
    docs = _tiny_docs(tmp_path, "[ข้อ ๑](first.md#clause-1)")
    config = tmp_path / "mkdocs.yml"  # a published site's address: the sitemap lists its pages
    config.write_text(Paths(corpus=ROOT / "corpus").config.read_text(encoding="utf-8")
                      + "\nsite_url: https://example.org/siam-yim/\n", encoding="utf-8")
    mine = engine_mkdocs.build_with_mkdocs(config, docs, tmp_path / "a", NAV, skip={"second.md"})
    theirs = engine_mkdocs.build_with_mkdocs(config, docs, tmp_path / "b", NAV, only={"second.md"})
    assert engine_mkdocs.anchor_problems(mine, theirs) == []
    engine_mkdocs.build_with_mkdocs(config, docs, tmp_path / "one", NAV)
    sitemap = (tmp_path / "a" / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.org/siam-yim/second/" in sitemap
    assert sitemap == (tmp_path / "one" / "sitemap.xml").read_text(encoding="utf-8")
    assert not (tmp_path / "b" / "sitemap.xml").exists()
