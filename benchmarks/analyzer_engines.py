"""Thai segmentation engines side by side: PyThaiNLP `newmm` (what build_tools.analyzer
uses) against the `nlpo3` binding (Rust newmm) loaded with the SAME dictionary
(PyThaiNLP's word list + the corpus vocabulary, as build_tools.analyzer._trie makes it).

    ./dev bench-engines            (= python benchmarks/analyzer_engines.py)

Checks, on the golden set (tests/golden/normalized/*.md, front matter removed), whether
the two give identical tokens, then times both (and the whole analyzer) in MB/s.
Prints a table; exits 0 either way (it reports, it does not decide).
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.analyzer import _WORDLIKE, ThaiAnalyzer, _trie, normalize_term  # noqa: E402
from build_tools.analyzer import analyzer_for_corpus  # noqa: E402


def golden_texts() -> dict[str, str]:
    out = {}
    for p in sorted((ROOT / "tests" / "golden" / "normalized").glob("*.md")):
        text = p.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        out[p.name] = unicodedata.normalize("NFC", text)
    return out


def _words(vocabulary):
    """Exactly the words build_tools.analyzer._trie puts in its Trie."""
    from pythainlp.corpus import thai_words

    words = set(thai_words())
    for w in vocabulary:
        words.add(w)
        if "." in w:
            words.add(w.replace(".", ""))
    return words


# nlpo3 leaves punctuation glued to words ("(อช./", "วัฒน์)", "/ว"), newmm cuts it off:
# splitting it off afterwards (keeping "." for abbreviations and numbers) closes the gap.
PUNCT = re.compile(r"([^\u0e00-\u0e7fA-Za-z0-9\s.])")


def split_punct(tokens: list[str]) -> list[str]:
    return [p for tok in tokens for p in PUNCT.split(tok) if p]


def terms(tokens: list[str]) -> list[str]:
    """What the analyzer keeps of a segmentation: word-like tokens, normalized."""
    return [normalize_term(w) for w in tokens if _WORDLIKE.search(w)]


def first_diffs(a: list[str], b: list[str], limit: int = 3) -> list[str]:
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(f"newmm {a[i1:i2]} / nlpo3 {b[j1:j2]}")
    return out[:limit]


def speed(fn, texts: list[str], min_seconds: float = 1.0) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts)
    done, t0 = 0, time.perf_counter()
    while True:
        for t in texts:
            fn(t)
        done += size
        took = time.perf_counter() - t0
        if took >= min_seconds:
            return done / took / 1e6


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=2.0, help="time each engine at least this long")
    a = p.parse_args(argv)
    import nlpo3
    from pythainlp.tokenize import word_tokenize

    vocab = analyzer_for_corpus(ROOT / "corpus").vocabulary
    trie = _trie(vocab)
    words = _words(vocab)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(sorted(words)) + "\n")
        dict_file = f.name
    t0 = time.perf_counter()
    msg, ok = nlpo3.load_dict(dict_file, "siam-yim")
    load_s = time.perf_counter() - t0
    if not ok:
        print(f"nlpo3 could not load the dictionary: {msg}", file=sys.stderr)
        return 1

    def newmm(t):
        return word_tokenize(t, custom_dict=trie, engine="newmm", keep_whitespace=True)

    def o3(t):
        return nlpo3.segment(t, "siam-yim", safe=False, parallel=False)

    texts = golden_texts()
    levels = {
        "raw tokens": lambda t: (newmm(t), o3(t)),
        "analyzer terms": lambda t: (terms(newmm(t)), terms(o3(t))),
        "analyzer terms, nlpo3 + punctuation split": lambda t: (terms(newmm(t)),
                                                                terms(split_punct(o3(t)))),
    }
    rows, diffs = [], []
    for name, text in texts.items():
        row = [name]
        for level, fn in levels.items():
            a_tok, b_tok = fn(text)
            row.append(f"{len(a_tok)}/{len(b_tok)} " + ("yes" if a_tok == b_tok else "NO"))
            diffs += [f"{name} ({level}): {d}" for d in first_diffs(a_tok, b_tok)]
        rows.append(row)
    total_tokens = sum(len(newmm(t)) for t in texts.values())

    # Trie build (cold start cost) for newmm.
    _trie.cache_clear()
    t0 = time.perf_counter()
    _trie(vocab)
    trie_s = time.perf_counter() - t0
    trie = _trie(vocab)

    sample = list(texts.values())
    an = ThaiAnalyzer(vocab)
    an.SEGMENT_CACHE_MAX = 0  # the same texts are cut again and again: time the cutting, not a memo
    mbs = {
        "newmm (PyThaiNLP)": speed(newmm, sample, a.seconds),
        "nlpo3 (Rust newmm)": speed(o3, sample, a.seconds),
        "nlpo3 + punctuation split": speed(lambda t: split_punct(o3(t)), sample, a.seconds),
        "whole analyzer (newmm + normalization + sub-words)": speed(an.tokens, sample, a.seconds),
        "analyzer without sub-words (query path)": speed(lambda t: an.tokens(t, subwords=False),
                                                         sample, a.seconds),
    }
    print("## Token identity on the golden set (newmm count / nlpo3 count, identical?)\n")
    print("| golden file | " + " | ".join(levels) + " |")
    print("|---|" + "---|" * len(levels))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    for i, level in enumerate(levels, 1):
        same = all(r[i].endswith("yes") for r in rows)
        print(f"- {level}: {'IDENTICAL' if same else 'differ'}")
    print(f"({total_tokens} newmm tokens, dictionary {len(words)} words)")
    for d in diffs:
        print("  " + d)
    print("\n## Speed (golden text, single thread)\n")
    print("| engine | MB/s |")
    print("|---|---:|")
    for k, v in mbs.items():
        print(f"| {k} | {v:.2f} |")
    ratio = mbs["nlpo3 (Rust newmm)"] / mbs["newmm (PyThaiNLP)"]
    print(f"\nnlpo3 / newmm: {ratio:.1f}x; dictionary load: newmm Trie {trie_s:.2f} s, "
          f"nlpo3 load_dict {load_s:.2f} s")
    Path(dict_file).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
