"""Step 2 of the analyzer: Thai runs cut into words by newmm (dictionary maximal matching
at Thai character-cluster boundaries) over PyThaiNLP's word list and the corpus's own
vocabulary.  The engine is nlpo3 (PyThaiNLP's newmm in Rust) or PyThaiNLP's own `newmm`,
the reference; both give identical words on the golden set
(tests/test_analyzer_engines.py).  Choose with SIAM_YIM_SEGMENTER=newmm|nlpo3."""
from __future__ import annotations

import functools
import hashlib
import os
import re
import tempfile
from pathlib import Path

from build_tools import PROJECT_ROOT
from build_tools.common.atomic import write_text_atomic
from build_tools.common.thai import WordTrie, dictionary_words

# The segmenter: "nlpo3" (default when installed) or "newmm" (PyThaiNLP, the reference).
ENGINE_ENV = "SIAM_YIM_SEGMENTER"
ENGINES = ("nlpo3", "newmm")


@functools.lru_cache(maxsize=8)
def _words(extra: tuple[str, ...]) -> frozenset:
    """The segmentation dictionary: PyThaiNLP's word list and the corpus vocabulary."""
    words = set(dictionary_words())
    for w in extra:
        words.add(w)
        if "." in w:  # also the undotted spelling: ป.ป.ส. -> ปปส
            words.add(w.replace(".", ""))
    return frozenset(words)


@functools.lru_cache(maxsize=8)
def _trie(extra: tuple[str, ...]) -> WordTrie:
    return WordTrie(_words(extra) - dictionary_words())


def _cache_dir() -> Path:
    """Where derived files the build reuses are kept (SIAM_YIM_CACHE, else build/cache)."""
    return Path(os.environ.get("SIAM_YIM_CACHE") or PROJECT_ROOT / "build" / "cache")


@functools.lru_cache(maxsize=8)
def _nlpo3_dict(extra: tuple[str, ...]) -> str:
    """The name of the nlpo3 dictionary holding exactly `_words(extra)`.  nlpo3 loads a
    dictionary from a file, under a name that is global to the process and cannot be
    replaced: the file (build/cache/nlpo3-<hash>.txt, written atomically) and the name
    are both keyed by the hash of the word list."""
    import nlpo3

    text = "\n".join(sorted(_words(extra))) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
    name = f"siam-yim-{digest}"
    if name in _NLPO3_LOADED:  # another vocabulary tuple with the same words
        return name
    path = _cache_dir() / f"nlpo3-{digest}.txt"
    try:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_text_atomic(path, text)
    except OSError:  # a read-only checkout: the system's temporary folder
        path = Path(tempfile.gettempdir()) / "siam-yim-cache" / path.name
        write_text_atomic(path, text)
    msg, ok = nlpo3.load_dict(str(path), name)
    if not ok:
        raise RuntimeError(f"nlpo3 could not load {path}: {msg}")
    _NLPO3_LOADED.add(name)
    return name


_NLPO3_LOADED: set[str] = set()


@functools.lru_cache(maxsize=1)
def default_engine() -> str:
    """SIAM_YIM_SEGMENTER if set, else nlpo3 when it is installed, else newmm."""
    engine = os.environ.get(ENGINE_ENV, "").strip().lower()
    if engine:
        if engine not in ENGINES:
            raise ValueError(f"{ENGINE_ENV}={engine!r}: choose one of {', '.join(ENGINES)}")
        return engine
    try:
        import nlpo3  # noqa: F401
    except ImportError:
        return "newmm"
    return "nlpo3"


# Where nlpo3's character clusters differ from PyThaiNLP's (nlpo3 1.4.0 tries its rules in
# another order and attaches a final ์ differently): เ-ีย after two consonants (เปลี่ยน),
# เ-ุย, ย + ์ (เวียร์), -รร-์ (สรรค์), ิ์ ุ์ ู์.  nlpo3 then allows a cut inside what
# newmm keeps as one cluster (OCR's เปลียน: nlpo3 เป|ลี|ยน, newmm เปลียน).  Found by
# comparing the engines on the corpus, the synthetic corpus and 750,000 runs of 1-8 random
# dictionary words, half of them damaged like OCR text (about 1 run in 700 differed):
# outside these patterns they never differed, and with the re-cut no run differed.
_TCC_RISK = re.compile("เ[ก-ฮ][ก-ฮ]ี[่-๋]?ย|เ[ก-ฮ][ุู][่-๋]?ย|ย[ก-ฮ]{1,2}[ิุู]?์|รร[ก-ฮ]์|[ิุู]์")


def _on_clusters(text: str, words: list[str]) -> bool:
    """Whether every cut between `words` is at one of PyThaiNLP's cluster boundaries (the
    only places newmm cuts)."""
    from pythainlp.tokenize.tcc_p import tcc_pos_array

    ok, pos = tcc_pos_array(text), 0
    for w in words[:-1]:
        pos += len(w)
        if not ok[pos]:
            return False
    return True


def segmenter(extra: tuple[str, ...], engine: str):
    """A function cutting a Thai run (no spaces, digits or dots) into words by `engine`
    over the dictionary `_words(extra)`.  nlpo3's cut of a run where its clusters may
    differ from PyThaiNLP's is checked, and the run re-cut by newmm if nlpo3 cut inside
    a cluster, so both engines give the same words."""
    if engine == "nlpo3":
        import nlpo3

        name = _nlpo3_dict(extra)
        segment = nlpo3.segment
        newmm = segmenter(extra, "newmm")

        def cut(text: str) -> list[str]:
            words = segment(text, name, False, False)
            if _TCC_RISK.search(text) and not _on_clusters(text, words):
                return newmm(text)
            return words
        return cut
    if engine == "newmm":
        from pythainlp.tokenize import newmm as _newmm

        trie = []  # built on first use (nlpo3 needs it only for a rare re-cut)

        def cut(text: str) -> list[str]:
            if not trie:
                trie.append(_trie(extra))
            return _newmm.segment(text, custom_dict=trie[0])
        return cut
    raise ValueError(f"unknown segmenter {engine!r}: choose one of {', '.join(ENGINES)}")


def clusters(word: str) -> set[int]:
    from pythainlp.tokenize import tcc

    return set(tcc.tcc_pos(word)) | {0}


@functools.lru_cache(maxsize=200_000)
def word_clusters(word: str) -> frozenset:
    return frozenset(clusters(word))
