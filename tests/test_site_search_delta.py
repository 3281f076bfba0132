"""The site search updated by delta in a rebuild (outputs/site/search_delta.py) writes
byte for byte the index a whole build writes, and refuses (the index made whole) when
it would not: a page whose words' count changed moves the average section length."""
import os
import random
import shutil

import pytest
from conftest import copy_corpus

from build_tools.analysis.analyzer import analyzer_for_corpus
from build_tools.outputs.site import search_postings, search_sections
from build_tools.outputs.site.site_search import build_site_index

pytestmark = [pytest.mark.slow]  # indexes a site a dozen times

WORDS = ["ชุมชน", "พัฒนา", "อาชีพ", "ส่งเสริม", "ยาเสพติด", "ป้องกัน", "ความยากจน", "โครงการ", "หมู่บ้าน",
         "งบประมาณ", "จังหวัด", "อำเภอ"]


def _html(title, paragraphs):
    body = "".join(f'<p id="c{i}">{i}. {text}</p>' for i, text in enumerate(paragraphs, 1))
    return f"<html><head><title>{title} - site</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def _write(site, docs, name, title, paragraphs):
    (site / name).mkdir(parents=True, exist_ok=True)
    tmp = site / name / ".index.html.tmp"
    tmp.write_text(_html(title, paragraphs), encoding="utf-8")
    os.replace(tmp, site / name / "index.html")  # as a build writes a changed page: a new file
    (docs / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n# {name}\n", encoding="utf-8")


def _index(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "search" / "th").rglob("*"))
            if p.is_file()}


def test_a_rebuild_by_delta_writes_the_index_a_whole_build_writes(tmp_path, monkeypatch):
    monkeypatch.setattr(search_postings, "POSTINGS_HEAD", 6)  # common terms, with head and tail files
    monkeypatch.setattr(search_postings, "TAIL_RANGE", 10)
    analyzer = analyzer_for_corpus(copy_corpus(tmp_path / "corpus"))
    site, docs, cache = tmp_path / "site", tmp_path / "docs", tmp_path / "work" / "cache.pickle"
    docs.mkdir()
    rng = random.Random(5)
    pages = {f"p{i:02d}": [f"หนังสือ {i}", [" ".join(rng.sample(WORDS, rng.randint(2, 6))) for _ in range(rng.randint(1, 4))]]
             for i in range(24)}  # sections of a page span snippet shards (20 a shard)
    for name, (title, paragraphs) in pages.items():
        _write(site, docs, name, title, paragraphs)
    logs = []
    real_postings = search_sections.Sections.postings

    def build(by_delta):
        logs.clear()
        if by_delta:  # every posting computed again is what the delta spares
            monkeypatch.setattr(search_sections.Sections, "postings", lambda self: pytest.fail("made whole"))
        build_site_index(site, analyzer, docs, log=logs.append, cache=cache, in_place=True, pages_key="k")
        monkeypatch.setattr(search_sections.Sections, "postings", real_postings)
        assert ("by delta" in logs[-1]) == by_delta, logs
        whole = tmp_path / "whole"
        shutil.rmtree(whole, ignore_errors=True)
        shutil.copytree(site, whole)
        shutil.rmtree(whole / "search")
        build_site_index(whole, analyzer, docs, log=lambda m: None)  # from scratch, no cache
        assert _index(site) == _index(whole)
        return logs[-1]

    build(by_delta=False)  # the first build: made whole
    # Titles are on every section of their page, not in its length: by delta.
    _write(site, docs, "p04", "ชุมชน พัฒนา อาชีพ หมู่บ้าน", pages["p04"][1])  # common terms' postings move
    log = build(by_delta=True)
    assert "1 of 24 pages analyzed" in log
    # Two pages at once: a title's terms go (with their dictionary shard), others come.
    _write(site, docs, "p05", "ไม่มี", pages["p05"][1])
    _write(site, docs, "p06", "หนังสือ 6 ยาเสพติด", pages["p06"][1])
    build(by_delta=True)
    # More words: the average section length moves, every impact may round otherwise.
    _write(site, docs, "p07", pages["p07"][0], pages["p07"][1] + ["ส่งเสริม อาชีพ"])
    build(by_delta=False)
    # The whole index's state holds for the next delta; the same page again.
    _write(site, docs, "p07", "หนังสือ 7 (แก้ไข)", pages["p07"][1] + ["ส่งเสริม อาชีพ"])
    build(by_delta=True)
    # Another section on a page: every later section's number moves.
    _write(site, docs, "p08", pages["p08"][0], pages["p08"][1] + ["โครงการ"])
    build(by_delta=False)


def test_a_delta_is_refused_when_a_published_file_is_not_the_one_written(tmp_path):
    analyzer = analyzer_for_corpus(copy_corpus(tmp_path / "corpus"))
    site, docs, cache = tmp_path / "site", tmp_path / "docs", tmp_path / "work" / "cache.pickle"
    docs.mkdir()
    for i in range(6):
        _write(site, docs, f"p{i}", f"หนังสือ {i}", [" ".join(WORDS[i:i + 4])])
    logs = []
    build_site_index(site, analyzer, docs, log=logs.append, cache=cache, in_place=True, pages_key="k")
    # A file of the index replaced (not by a build): the index is made whole again.
    meta = site / "search" / "th" / "p" / "0.json"
    tmp = meta.with_name(".x")
    tmp.write_bytes(meta.read_bytes())
    os.replace(tmp, meta)
    _write(site, docs, "p2", "หนังสือ 2 (แก้ไข)", [" ".join(WORDS[2:6])])
    build_site_index(site, analyzer, docs, log=logs.append, cache=cache, in_place=True, pages_key="k")
    assert "by delta" not in logs[-1]
    _write(site, docs, "p3", "หนังสือ 3 (แก้ไข)", [" ".join(WORDS[3:7])])
    build_site_index(site, analyzer, docs, log=logs.append, cache=cache, in_place=True, pages_key="k")
    assert "by delta" in logs[-1]
