"""The one Thai text analyzer.  Every index (Whoosh for the command line, the site's
search index) and every query goes through here, so both agree on what matches.

Pipeline for a text:
1. split it into runs (`split_runs`): Thai text goes to the segmenter; Latin words,
   numbers (0810.1, Thai digits), web addresses, whitespace and punctuation are cut by
   our own rules, and dotted abbreviations (ป.ป.ส., สถ.) are kept whole.  The Thai runs
   are segmented by newmm (maximal matching at Thai character-cluster boundaries) over
   PyThaiNLP's default word list merged with the corpus's own vocabulary (agency names
   and abbreviations, programme terms): by nlpo3, PyThaiNLP's Rust newmm, loaded with the
   same word list, or by PyThaiNLP's own `newmm` (the reference: both give identical
   tokens on the golden set, tests/test_analyzer_engines.py; choose with
   SIAM_YIM_SEGMENTER=newmm|nlpo3 or `ThaiAnalyzer.engine`);
2. normalize each token for search: NFC, Thai digits -> Arabic (๒๕๕๒ == 2552),
   abbreviation dots dropped (ป.ป.ส. == ปปส), Latin lower-cased.  Tone marks and vowels
   are kept: ข้าว and ขาว are different words;
3. for indexing, add the dictionary words inside a compound (มหาดไทย inside
   กระทรวงมหาดไทย) at the compound's position, so a word inside a compound is found;
4. synonyms: every name of an agency or glossary term (full name, abbreviation, English
   name, aliases) also yields the group's canonical term at the same position, and an OCR
   misreading known to the corrections file yields its corrected form.  A query for any
   name therefore finds text that uses another name of the same thing.

`analyzer_for_corpus(corpus_dir, agencies)` builds the analyzer from the corpus's own
vocabulary (corpus/agencies.yaml, corpus/model/glossary.yaml, corpus/corrections.yaml;
the last two are optional), so the Whoosh index and the site index use the same one.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from build_tools import PROJECT_ROOT
from build_tools.common.atomic import write_text_atomic
from build_tools.common.thai import dictionary_words, to_arabic_digits

_WORDLIKE = re.compile(r"[\u0e01-\u0e4e0-9a-zA-Z๐-๙]")
_THAI = re.compile(r"[\u0e01-\u0e4e]")
_LATIN = re.compile(r"[A-Za-z]")
# Dotted Thai abbreviations: ป.ป.ส.  สถ.  อบต.  พ.ศ.  ส.ค.
_ABBR_LETTERS = "\u0e01-\u0e2e\u0e30-\u0e39\u0e40-\u0e4c"
_ABBR = re.compile(rf"^(?:[{_ABBR_LETTERS}]{{1,4}}\.)+$")
MIN_SUBWORD = 2
ACROSS_WORDS = 2  # how many following words a dictionary word may run into
# Bump when the analysis itself changes (not its data): indexes are then rebuilt.
# 3: text is split into runs before segmentation (split_runs); nlpo3 segments.
ANALYZER_VERSION = 3
# The segmenter: "nlpo3" (default when installed) or "newmm" (PyThaiNLP, the reference).
ENGINE_ENV = "SIAM_YIM_SEGMENTER"
ENGINES = ("nlpo3", "newmm")

# --- Runs -------------------------------------------------------------------------
# Thai letters, vowels and tone marks (not the Thai digits, ฿, ๏, ๚, ๛); with them the
# letters of scripts an OCR mistakes Thai for (Devanagari द for ด, Lao, Khmer, Myanmar),
# so a known misreading (corpus/corrections.yaml: ยอदनียม) stays one word.
_THAI_LETTERS = "\u0e01-\u0e3a\u0e40-\u0e4e\u0900-\u0dff\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
_WORD_CHARS = "A-Za-z0-9\u0e50-\u0e59"  # Latin letters, Arabic and Thai digits
_RUNS = re.compile(rf"""
  (?P<thai>[{_THAI_LETTERS}]+(?:\.[{_THAI_LETTERS}]+)*(?:\.(?!\.))?)
      # Thai text; dots between and after it may make abbreviations (decided in _cut_thai)
| (?P<word>[{_WORD_CHARS}]+(?:\.[{_WORD_CHARS}]+)*)
      # a Latin word, a number, both mixed (๖x๒), dotted (0810.1, ๐๔๐๔.๒, 12.30,
      # www.thailocaladmin.go.th); "/", "-", ",", ":" and "@" separate
| (?P<space>\s+)
| (?P<punct>.)  # anything else, one character each
""", re.X | re.S)


def split_runs(text: str) -> list[tuple[str, int, int]]:
    """`text` as consecutive runs (kind, start, end) covering every character; kind is
    "thai" (for the segmenter; may hold abbreviation dots), "word" (a Latin word or a
    number, one token as it is), "space" or "punct" (one character)."""
    return [(m.lastgroup, m.start(), m.end()) for m in _RUNS.finditer(text)]


_ABBR_FIRST = re.compile(rf"[{_ABBR_LETTERS}]{{1,4}}")
_ABBR_NEXT = re.compile(rf"[{_ABBR_LETTERS}]{{1,3}}")


def _cut_thai(run: str, start: int, segment) -> list[tuple[str, int, int]]:
    """The words of a "thai" run (it may hold dots) at offset `start`, cut by `segment`
    (Thai text without dots -> its words).  A dotted abbreviation is one word: its
    first letters are the last word the segmenter cut before the first dot (1-4 letters:
    สถ., ที่อบต. -> ที่ + อบต.), every further part has 1-3 letters and a dot (ป.ป.ส.,
    ศอ.บต.).  Any other dot is punctuation and dropped (ดำเนินการ.)."""
    parts, pos = [], 0
    for piece in run.split("."):
        parts.append((piece, pos))
        pos += len(piece) + 1
    dotted = len(parts) - 1  # parts[i] is followed by a dot when i < dotted
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(parts):
        piece, p = parts[i]
        if not piece:
            break
        words, q = [], p
        for w in segment(piece):
            words.append((w, start + q, start + q + len(w)))
            q += len(w)
        if i < dotted and words and _ABBR_FIRST.fullmatch(words[-1][0]):
            abbr_start = words[-1][1]
            j = i + 1
            while j < dotted and _ABBR_NEXT.fullmatch(parts[j][0]):
                j += 1
            end = start + parts[j - 1][1] + len(parts[j - 1][0]) + 1  # through its dot
            out.extend(words[:-1])
            out.append((run[abbr_start - start:end - start], abbr_start, end))
            i = j
        else:
            out.extend(words)
            i += 1
    return out


@dataclass(frozen=True)
class Token:
    text: str  # normalized search term
    start: int  # character offsets in the analyzed text
    end: int
    pos: int  # word position (sub-words share their compound's position)
    sub: bool = False  # a word found inside a compound


@functools.lru_cache(maxsize=1 << 17)  # a corpus repeats its words; this is per token
def normalize_term(token: str) -> str:
    t = to_arabic_digits(unicodedata.normalize("NFC", token)).lower()
    if _ABBR.match(t):
        t = t.replace(".", "")
    return t


def normalize_query_text(text: str) -> str:
    return to_arabic_digits(unicodedata.normalize("NFC", text))


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
def _trie(extra: tuple[str, ...]):
    from pythainlp.util import Trie

    return Trie(_words(extra))


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


def _clusters(word: str) -> set[int]:
    from pythainlp.tokenize import tcc

    return set(tcc.tcc_pos(word)) | {0}


@functools.lru_cache(maxsize=200_000)
def _word_clusters(word: str) -> frozenset:
    return frozenset(_clusters(word))


class ThaiAnalyzer:
    """Stateless apart from the vocabulary and synonyms; safe to pickle (Whoosh stores it
    in the index).  `engine` (class or instance attribute; None = `default_engine()`)
    picks the segmenter of the Thai runs.

    `synonyms` is a list of groups (canonical, variant, variant, ...): a variant that is
    one token yields the canonical's terms too.  `corrections` is a list of (wrong, right)
    OCR pairs: the wrong form yields the right form's terms."""

    def __init__(self, vocabulary: Iterable[str] = (), synonyms: Iterable[Iterable[str]] = (),
                 corrections: Iterable[tuple[str, str]] = ()):
        self.synonyms = tuple(sorted({tuple(_nfc(w) for w in g if w and str(w).strip())
                                      for g in synonyms} - {()}))
        self.corrections = tuple(sorted({(_nfc(w), _nfc(r)) for w, r in corrections
                                         if w and r and _nfc(w) != _nfc(r)}))
        words = {_nfc(w) for w in vocabulary if w and str(w).strip()}
        words.update(w for g in self.synonyms for w in g)
        words.update(w for w, _ in self.corrections)
        # A name with a space (สำนักงาน ป.ป.ส.) is found word by word, never as one token.
        self.vocabulary = tuple(sorted(w for w in words if not any(c.isspace() for c in w)))

    def __getstate__(self):
        state = {"vocabulary": self.vocabulary, "synonyms": self.synonyms,
                 "corrections": self.corrections}
        if self.__dict__.get("engine"):
            state["engine"] = self.engine
        return state

    def __setstate__(self, state):
        self.vocabulary = state["vocabulary"]
        self.synonyms = state.get("synonyms", ())
        self.corrections = state.get("corrections", ())
        if state.get("engine"):
            self.engine = state["engine"]

    engine: str | None = None

    def signature(self) -> list:
        """Everything that changes how text is cut (an index is rebuilt when it changes)."""
        return [ANALYZER_VERSION, self.engine_name, list(self.vocabulary),
                [list(g) for g in self.synonyms], [list(c) for c in self.corrections]]

    @property
    def engine_name(self) -> str:
        return self.engine or default_engine()

    @property
    def trie(self):
        cached = self.__dict__.get("_trie")
        if cached is None or cached[0] is not self.vocabulary:
            cached = self.__dict__["_trie"] = (self.vocabulary, _trie(self.vocabulary))
        return cached[1]

    @property
    def segment_thai(self):
        """The segmenter of Thai runs (see `segmenter`), for this vocabulary and engine."""
        key = (self.engine_name, self.vocabulary)
        cached = self.__dict__.get("_segmenter")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_segmenter"] = (key, segmenter(self.vocabulary, key[0]))
        return cached[1]

    @property
    def expansions(self) -> dict[str, tuple[str, ...]]:
        """term -> the terms it also stands for (its group's canonical, or the corrected
        form of an OCR misreading)."""
        return _expansions(self)

    def _plain_terms(self, text: str) -> list[str]:
        return [normalize_term(w) for w, _, _ in self.segment(text)]

    # Texts memoized; a build cuts the same clause for several indexes.  0 turns the
    # memo off (benchmarks that time the analyzer on the same texts again and again).
    SEGMENT_CACHE_MAX = 100_000

    def segment(self, text: str) -> list[tuple[str, int, int]]:
        """Words of `text` with their offsets (whitespace and punctuation dropped).
        Memoized: the Whoosh records, the site's sections and the review cut the same
        clauses, and segmentation is a large part of the build."""
        if not self.SEGMENT_CACHE_MAX:
            return self._segment(text)
        cache = self.__dict__.setdefault("_segment_cache", {})
        hit = cache.get(text)
        if hit is None:
            if len(cache) >= self.SEGMENT_CACHE_MAX:
                cache.clear()
            hit = cache[text] = tuple(self._segment(text))
        return list(hit)

    def _segment(self, text: str) -> list[tuple[str, int, int]]:
        text = unicodedata.normalize("NFC", text)
        seg = self.segment_thai
        out = []
        for kind, start, end in split_runs(text):
            if kind == "thai":
                out.extend(w for w in _cut_thai(text[start:end], start, seg) if _WORDLIKE.search(w[0]))
            elif kind == "word":
                out.append((text[start:end], start, end))
        return out

    def subwords(self, word: str) -> list[tuple[str, int, int]]:
        cache = self.__dict__.setdefault("_subword_cache", {})
        if word not in cache:
            if len(cache) > 200_000:
                cache.clear()
            cache[word] = self._subwords(word)
        return cache[word]

    def _subwords(self, word: str) -> list[tuple[str, int, int]]:
        """The dictionary words a compound is made of (กระทรวงมหาดไทย -> กระทรวง +
        มหาดไทย): the cut into the fewest dictionary words, at Thai character-cluster
        boundaries, that covers the whole compound; nothing if there is no such cut."""
        if len(word) < 2 * MIN_SUBWORD:
            return []
        if "." in word and _LATIN.search(word):
            # A web address or a dotted Latin name: its parts (thailocaladmin in
            # www.thailocaladmin.go.th); a dotted number (0810.1) is found whole only.
            out, i = [], 0
            for part in word.split("."):
                if len(part) >= MIN_SUBWORD:
                    out.append((part, i, i + len(part)))
                i += len(part) + 1
            return out
        if not _THAI.match(word) or "." in word:
            return []
        n = len(word)
        bounds = set(_word_clusters(word)) | {n}
        # best[i] = (number of words, -length of first word, parts) covering word[i:]
        best: dict[int, tuple] = {n: (0, 0, ())}
        for i in sorted(bounds, reverse=True):
            if i == n:
                continue
            for w in self.trie.prefixes(word[i:]):
                j = i + len(w)
                if len(w) < MIN_SUBWORD or len(w) == n or j not in best:
                    continue
                cand = (best[j][0] + 1, -len(w), ((w, i, j),) + best[j][2])
                if i not in best or cand[:2] < best[i][:2]:
                    best[i] = cand
        return list(best[0][2]) if 0 in best else []

    def tokens(self, text: str, subwords: bool = True) -> list[Token]:
        """Index-side analysis: words, the words inside compounds, dictionary words that
        run across a cut (แนว|ทางการ also holds แนวทาง), and synonyms; all but the words
        themselves are marked `sub`, at the position of the word they start in."""
        result = []
        exp = self.expansions if subwords else {}
        text = unicodedata.normalize("NFC", text)
        words = self.segment(text)
        for pos, (w, start, end) in enumerate(words):
            term = normalize_term(w)
            result.append(Token(term, start, end, pos))
            if not subwords:
                continue
            seen = {term}
            parts = [(normalize_term(s), start + i, start + j) for s, i, j in self.subwords(w)]
            parts += self._across(text, words, pos)
            for t, i, j in [(term, start, end)] + parts:
                if t not in seen:
                    seen.add(t)
                    result.append(Token(t, i, j, pos, True))
                for e in exp.get(t, ()):
                    if e not in seen:
                        seen.add(e)
                        result.append(Token(e, i, j, pos, True))
        return result

    def _across(self, text: str, words: list, pos: int) -> list[tuple[str, int, int]]:
        """Dictionary words that start where word `pos` starts and end inside or at the
        end of one of the next words (at a character-cluster boundary)."""
        start, end = words[pos][1], words[pos][2]
        if not _THAI.match(text[start:start + 1]):
            return []
        stop = words[min(pos + ACROSS_WORDS, len(words) - 1)][2]
        window = text[start:stop]
        if "\n" in window:
            window = window[:window.index("\n")]
        longer = [w for w in self.trie.prefixes(window) if len(w) > end - start and " " not in w]
        if not longer:
            return []
        bounds = set()
        for w, ws, we in words[pos:pos + ACROSS_WORDS + 1]:
            bounds.update(ws - start + c for c in _word_clusters(w))
            bounds.add(we - start)
        return [(normalize_term(w), start, start + len(w)) for w in longer if len(w) in bounds]

    def query_terms(self, text: str) -> list[str]:
        """How a query is cut: the same segmentation, no sub-word expansion."""
        return [t.text for t in self.tokens(text, subwords=False)]

    def query_groups(self, text: str) -> list[list[str]]:
        """The query's words, each as the list of terms any of which may match it: the
        word itself and its synonyms' canonical term; an OCR misreading is replaced by its
        corrected form's words."""
        fixes = {normalize_term(w): self._plain_terms(r) for w, r in self.corrections}
        groups = []
        for term in self.query_terms(text):
            if term in fixes:
                groups.extend([t] for t in fixes[term])
                continue
            groups.append([term, *(e for e in self.expansions.get(term, ()) if e != term)])
        return groups


def _nfc(s) -> str:
    return unicodedata.normalize("NFC", str(s)).strip()


_EXPANSION_CACHE: dict = {}


def _expansions(a: ThaiAnalyzer) -> dict[str, tuple[str, ...]]:
    key = (a.vocabulary, a.synonyms, a.corrections)
    if key in _EXPANSION_CACHE:
        return _EXPANSION_CACHE[key]
    out: dict[str, list[str]] = {}
    for group in a.synonyms:
        # The canonical term: the first name that is one token (the abbreviation, usually).
        canon = next((t for t in map(a._plain_terms, group) if len(t) == 1), None)
        if canon is None:
            continue
        for v in group:
            terms = a._plain_terms(v)
            if len(terms) == 1 and terms != canon:
                out.setdefault(terms[0], [])
                if canon[0] not in out[terms[0]]:
                    out[terms[0]].append(canon[0])
    for wrong, right in a.corrections:
        terms = a._plain_terms(wrong)
        if len(terms) == 1:
            out.setdefault(terms[0], [])
            out[terms[0]] += [t for t in a._plain_terms(right) if t not in out[terms[0]]]
    result = {k: tuple(v) for k, v in out.items() if v}
    _EXPANSION_CACHE[key] = result
    return result


def _read_yaml_list(path: Path, key: str) -> list:
    """An optional YAML file holding a list (or {key: list}); absent -> []."""
    import yaml

    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):
        data = data.get(key) or []
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


def analyzer_for_corpus(corpus_dir: Path, agencies: dict | None = None) -> ThaiAnalyzer:
    """The analyzer for this corpus: agency names (abbreviation first, as the canonical
    term), glossary terms (corpus/model/glossary.yaml) and OCR corrections
    (corpus/corrections.yaml); the last two files are optional."""
    corpus_dir = Path(corpus_dir)
    groups: list[list[str]] = []
    if agencies is None:
        agencies = {a["id"]: a for a in _read_yaml_list(corpus_dir / "agencies.yaml", "agencies")}
    for a in agencies.values():
        names = [a.get("abbr"), a.get("name_th"), a.get("name_en"), *(a.get("aliases") or [])]
        groups.append([str(n) for n in names if n])
    for g in _read_yaml_list(corpus_dir / "model" / "glossary.yaml", "terms"):
        names = [g.get("abbr"), g.get("term"), *(g.get("aliases") or [])]
        names = [str(n) for n in names if n]
        if names:
            groups.append(names)
    # Only misreadings that are no real word (a scoped fix of a real word must not
    # change what that word means everywhere) and long enough to be a word at all.
    fixes = [(str(c["wrong"]).strip(), str(c["right"]).strip())
             for c in _read_yaml_list(corpus_dir / "corrections.yaml", "corrections")
             if c.get("wrong") and c.get("right")]
    fixes = [(w, r) for w, r in fixes
             if len(w) >= 3 and _THAI.search(w) and not any(ch.isspace() for ch in w)
             and unicodedata.normalize("NFC", w) not in dictionary_words()]
    return ThaiAnalyzer((), groups, fixes)
