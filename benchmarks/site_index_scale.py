"""How the site search index behaves as the site grows: writes N synthetic letter pages
(never published: a temporary folder, recombined clauses of the real corpus, each page
marked synthetic), builds the sharded index and, in a fresh headless Chromium for each
query, measures the bytes the first search downloads and the time to its results.

    .venv/bin/python benchmarks/site_index_scale.py --letters 3000
"""
from __future__ import annotations

import argparse
import html
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

# The browser harness (tests/browser.py) is the tests'; the benchmarks borrow it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # TESTS_DIR

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# "โครงการ 424242": a very common word with a number found in one section only (the last
# letter's), so the browser must read the common word's tail, and only one piece of it.
QUERIES = ["ยาเสพติด", "กองทุนแม่ของแผ่นดิน", "โครงการ", "บทบาท ป.ป.ส.", "ยาเสพติต", "คอมพิวเตอร์ควอนตัม",
           "โครงการ 424242"]


def synthetic_site(dest: Path, letters: int, clauses: int = 12, seed: int = 1) -> None:
    from build_tools.normalization.documents import normalize_corpus
    from build_tools.sources.corpus import load_corpus

    corpus = load_corpus(ROOT / "corpus")
    blocks = [b.text for nd in normalize_corpus(corpus) for b in nd.blocks if len(b.text) > 20]
    rnd = random.Random(seed)
    for i in range(letters):
        d = dest / "letters" / f"l{i}"
        d.mkdir(parents=True)
        paras = "".join(f'<p id="c{j}">{html.escape(rnd.choice(blocks))} {rnd.randint(1, 99999)}</p>'
                        for j in range(clauses))
        if i == letters - 1:
            # long text: a weak posting of โครงการ, so it sits in the tail
            paras += '<p id="rare">' + "ชุมชนท้องถิ่น " * 60 + 'โครงการ เลขที่ 424242</p>'
        d.joinpath("index.html").write_text(
            f'<!-- SYNTHETIC TEST PAGE, not a real letter --><article>'
            f'<h1>หนังสือ (สังเคราะห์) ที่ มท {rnd.randint(100, 9999)}/{i}</h1>{paras}</article>',
            encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--letters", type=int, default=1000)
    args = ap.parse_args(argv)
    from browser import first_search_in_fresh_browser, serve

    from build_tools.analysis.analyzer import analyzer_for_corpus
    from build_tools.outputs.site import site_search

    tmp = Path(tempfile.mkdtemp(prefix="siam-yim-scale-"))
    try:
        site = tmp / "site"
        synthetic_site(site, args.letters)
        t0 = time.perf_counter()
        stats = site_search.build_site_index(site, analyzer_for_corpus(ROOT / "corpus"))
        print(f"index build: {time.perf_counter() - t0:.1f} s for {args.letters} letters "
              f"({stats['sections']} sections, {stats['bytes'] / 2**20:.1f} MiB in all)")
        for sub, what in (("d", "dictionary"), ("p", "postings"), ("s", "sections")):
            sizes = sorted(f.stat().st_size for f in (site / site_search.INDEX_DIR / sub).glob("*.json"))
            print(f"  {what} shards: {len(sizes)}, largest {sizes[-1] / 1024:.0f} KiB, "
                  f"median {sizes[len(sizes) // 2] / 1024:.0f} KiB")
        (site / "javascripts").mkdir()
        shutil.copy(ROOT / "docs" / "javascripts" / "search-th.js", site / "javascripts")
        (site / "index.html").write_text('<script src="javascripts/search-th.js"></script>', encoding="utf-8")
        print("first query in a fresh browser:")
        with serve(site) as base:
            for q in QUERIES:
                b, ms, _, n = first_search_in_fresh_browser(base, q)
                print(f"  {q}: {b / 1024:.0f} KiB downloaded, results in {ms:.0f} ms ({n} sections)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
