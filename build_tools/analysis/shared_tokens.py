"""Text cut once for both search indexes.  The Whoosh index (written first, in its own
process) records the tokens of every block's text it cuts (`TokenMemo`) and saves them
once its records are cut; the site search, cutting the sections of the built pages
later in other processes, looks each section's text up there (`SharedTokens`) and cuts
only what the index never saw (a page's top, the model's pages, text MkDocs renders
differently).  A text is looked up whole and exactly, and the analyzer is a pure
function of the text, so a hit is what `ThaiAnalyzer.tokens(text)` would give: both
indexes stay what they were (tests/test_shared_tokens.py compares them).

Kept compact (at 10,000 letters: millions of tokens): each text's terms are ids into one
term list (an array of 4-byte ints) with a byte per token saying whether it is a word
inside a compound or a synonym (`Token.sub`).

What the index never saw is cut chunk by chunk between whitespace (`term_pairs`), each
chunk once per process: pages repeat their labels, names and dates."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import unicodedata
from array import array
from pathlib import Path

from build_tools.common.atomic import write_pickle_atomic

FORMAT = 1


def analyzer_key(analyzer) -> str:
    """Which analyzer cut the texts: a file another analyzer wrote is never used."""
    return hashlib.sha256(json.dumps([FORMAT, analyzer.signature()], ensure_ascii=False).encode()).hexdigest()


class TokenMemo:
    """The recording side: text -> (term ids, sub flags) of `analyzer.tokens(text)`."""

    def __init__(self, analyzer):
        self.key = analyzer_key(analyzer)
        self.terms: dict[str, int] = {}
        self.texts: dict[str, tuple[bytes, bytes]] = {}

    def record(self, text: str, tokens) -> None:
        """`tokens`: what `analyzer.tokens(text)` (with sub-words) gave for `text`."""
        if text in self.texts:
            return
        terms = self.terms
        ids = array("i", [terms.setdefault(t.text, len(terms)) for t in tokens])
        self.texts[text] = (ids.tobytes(), bytes(t.sub for t in tokens))

    def save(self, path: Path) -> None:
        """Written whole or not at all: a reader sees the file complete, or not yet."""
        path.parent.mkdir(parents=True, exist_ok=True)
        write_pickle_atomic(path, (self.key, list(self.terms), self.texts))


class SharedTokens:
    """The reading side, in any process: (term, sub) of each token of a text the index
    recorded with an analyzer the same as `analyzer`, else None.  The file is looked
    for until it is there (the index may still be cutting when the first pages come),
    then read once."""

    def __init__(self, path: Path | None, analyzer):
        self.path = path
        self.key = analyzer_key(analyzer) if path is not None else None
        self._terms: list[str] | None = None
        self._texts: dict[str, tuple[bytes, bytes]] = {}
        self.hits = self.misses = 0

    def _load(self) -> bool:
        if self._terms is not None:
            return True
        if self.path is None or not os.path.exists(self.path):
            return False
        with open(self.path, "rb") as f:
            key, terms, texts = pickle.load(f)  # noqa: S301 - written by TokenMemo.save in this build
        if key != self.key:
            self.path = None
            return False
        self._terms, self._texts = terms, texts
        return True

    def get(self, text: str) -> list[tuple[str, bool]] | None:
        hit = self._texts.get(text) if self._load() else None
        if hit is None:
            self.misses += 1
            return None
        self.hits += 1
        terms = self._terms
        return [(terms[i], bool(s)) for i, s in zip(array("i", hit[0]), hit[1])]


CHUNKS_KEPT = 100_000


def term_pairs(analyzer, text: str) -> list[tuple[str, bool]]:
    """(text, sub) of each of `analyzer.tokens(text)`, cut chunk by chunk between
    whitespace (no word, part of a word or word across a cut spans whitespace: the
    same pairs), each chunk once per process and analyzer."""
    cache = analyzer.__dict__.setdefault("_chunk_pairs", {})
    out: list[tuple[str, bool]] = []
    for chunk in unicodedata.normalize("NFC", text).split():
        hit = cache.get(chunk)
        if hit is None:
            if len(cache) >= CHUNKS_KEPT:
                cache.clear()
            hit = cache[chunk] = tuple((t.text, t.sub) for t in analyzer.tokens(chunk))
        out.extend(hit)
    return out
