"""Thai segmentation engines side by side, inside the analyzer: nlpo3 (PyThaiNLP's newmm in
Rust, what build_tools.analysis.analyzer uses) against PyThaiNLP's own `newmm` (the reference),
both behind the analyzer's pre-split (split_runs: only Thai runs reach the segmenter) and
loaded with the SAME word list (build_tools.analysis.analyzer._words).

    ./dev bench-engines            (= python benchmarks/analyzer_engines.py)

Checks, on the golden set (tests/golden/normalized/*.md, front matter removed), whether
the two give identical words and identical analyzer tokens (terms, offsets, positions,
sub-words, synonyms), and, for comparison, whether the bare engines agree on the whole
text without the pre-split.  Then times, in MB/s of UTF-8 text, single thread, memo off:
the pre-split alone, segmentation, the whole analyzer (index side, with sub-words) and the
query side, with each engine (CPU time of this process: the machine may be shared).  Prints tables;
exits 0 either way (it reports, it does not
decide).
"""
from __future__ import annotations

import argparse
import difflib
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.analysis import segmenter as an  # noqa: E402
from build_tools.analysis.analyzer import ThaiAnalyzer, analyzer_for_corpus, split_runs  # noqa: E402
from build_tools.analysis.runs import WORDLIKE  # noqa: E402


def golden_texts() -> dict[str, str]:
    out = {}
    for p in sorted((ROOT / "tests" / "golden" / "normalized").glob("*.md")):
        text = p.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        out[p.name] = unicodedata.normalize("NFC", text)
    return out


def first_diffs(a: list, b: list, limit: int = 3) -> list[str]:
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(f"newmm {a[i1:i2]} / nlpo3 {b[j1:j2]}")
    return out[:limit]


def speed(fn, texts: list[str], min_seconds: float = 1.0) -> float:
    """MB/s of `fn` over `texts`, by the process's CPU time (the machine may be shared:
    time spent waiting for a core is not the analyzer's)."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    done, t0 = 0, time.process_time()
    while True:
        for t in texts:
            fn(t)
        done += size
        took = time.process_time() - t0
        if took >= min_seconds:
            return done / took / 1e6


class Recuts:
    """Counts the Thai runs nlpo3 cut inside a PyThaiNLP cluster (re-cut by newmm)."""

    def __init__(self):
        self.checked = self.recut = 0
        self._orig = an._on_clusters

    def __enter__(self):
        def counting(text, words):
            self.checked += 1
            ok = self._orig(text, words)
            self.recut += not ok
            return ok
        an._on_clusters = counting
        return self

    def __exit__(self, *exc):
        an._on_clusters = self._orig


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=2.0, help="time each measurement at least this long")
    a = p.parse_args(argv)
    base = analyzer_for_corpus(ROOT / "corpus")
    vocab = base.vocabulary
    t0 = time.perf_counter()
    an._nlpo3_dict(vocab)  # writes build/cache/nlpo3-<hash>.txt if needed, loads it
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    trie = an._trie(vocab)
    trie_s = time.perf_counter() - t0
    analyzers = {}
    for engine in ("newmm", "nlpo3"):
        x = ThaiAnalyzer(vocab, base.synonyms, base.corrections)
        x.engine = engine
        x.SEGMENT_CACHE_MAX = 0  # the same texts are cut again and again: time the cutting, not a memo
        x.tokens("ยาเสพติดกระทรวงมหาดไทย")  # warm-up: dictionaries, sub-word trie
        analyzers[engine] = x
    texts = golden_texts()
    levels = _levels(analyzers, vocab, trie)
    rows, diffs, recuts = _compare(texts, levels)
    mbs = _speeds(analyzers, list(texts.values()), a.seconds)
    _report(texts, levels, rows, diffs, recuts, mbs, vocab)
    print(f"\nDictionary load: newmm Trie {trie_s:.2f} s, nlpo3 load_dict {load_s:.2f} s "
          f"(the analyzer builds the Trie too, lazily: sub-words and cross-word matches use it)")
    return 0


def _levels(analyzers: dict, vocab, trie) -> dict:
    """What is compared between the engines: each a text -> (newmm tokens, nlpo3 tokens)."""
    import nlpo3
    from pythainlp.tokenize import word_tokenize

    mm, o3 = analyzers["newmm"], analyzers["nlpo3"]

    def bare_newmm(t):
        return [w for w in word_tokenize(t, custom_dict=trie, engine="newmm") if WORDLIKE.search(w)]

    def bare_nlpo3(t):
        return [w for w in nlpo3.segment(t, an._nlpo3_dict(vocab)) if WORDLIKE.search(w)]

    return {
        "words (pre-split + engine)": lambda t: ([w for w, _, _ in mm.segment(t)], [w for w, _, _ in o3.segment(t)]),
        "analyzer tokens (with sub-words)": lambda t: (mm.tokens(t), o3.tokens(t)),
        "bare engines, no pre-split": lambda t: (bare_newmm(t), bare_nlpo3(t)),
    }


def _compare(texts: dict, levels: dict) -> tuple[list, list, object]:
    rows, diffs = [], []
    with Recuts() as recuts:
        for name, text in texts.items():
            row = [name]
            for level, fn in levels.items():
                a_tok, b_tok = fn(text)
                row.append(f"{len(a_tok)}/{len(b_tok)} " + ("yes" if a_tok == b_tok else "NO"))
                diffs += [f"{name} ({level}): {d}" for d in first_diffs(a_tok, b_tok)]
            rows.append(row)
    return rows, diffs, recuts


def _speeds(analyzers: dict, sample: list[str], seconds: float) -> dict:
    mbs = {"pre-split alone (split_runs)": {"": speed(split_runs, sample, seconds)}}
    for label, fn in (("segmentation (pre-split + engine + abbreviations)", lambda x: x.segment),
                      ("whole analyzer, index side (+ normalization, sub-words, synonyms)", lambda x: x.tokens),
                      ("analyzer, query side (no sub-words)",
                       lambda x: (lambda t: x.tokens(t, subwords=False)))):
        mbs[label] = {e: speed(fn(x), sample, seconds) for e, x in analyzers.items()}
    return mbs


def _report(texts: dict, levels: dict, rows: list, diffs: list, recuts, mbs: dict, vocab) -> None:
    thai_runs = sum(k == "thai" for t in texts.values() for k, _, _ in split_runs(t))
    size = sum(len(t.encode("utf-8")) for t in texts.values())
    print(f"## Identical on the golden set? ({len(texts)} files, {size / 1e3:.0f} kB; "
          f"newmm count / nlpo3 count)\n")
    print("| golden file | " + " | ".join(levels) + " |")
    print("|---|" + "---|" * len(levels))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    for i, level in enumerate(levels, 1):
        same = all(r[i].endswith("yes") for r in rows)
        print(f"- {level}: {'IDENTICAL' if same else 'differ'}")
    print(f"- {thai_runs} Thai runs; {recuts.checked} checked against PyThaiNLP's clusters "
          f"(analyzer._TCC_RISK), {recuts.recut} re-cut by newmm; dictionary "
          f"{len(an._words(vocab))} words")
    for d in diffs:
        print("  " + d)
    print("\n## Speed (golden text, MB/s of CPU time, single thread, segmentation memo off)\n")
    print("| | newmm | nlpo3 | nlpo3 / newmm |")
    print("|---|---:|---:|---:|")
    for k, v in mbs.items():
        if "" in v:
            print(f"| {k} | {v['']:.1f} | | |")
        else:
            print(f"| {k} | {v['newmm']:.2f} | {v['nlpo3']:.2f} | {v['nlpo3'] / v['newmm']:.1f}x |")


if __name__ == "__main__":
    sys.exit(main())
