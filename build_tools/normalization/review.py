"""What a maintainer must look at after normalization, per document, each at a raw
file and line: unresolved word suggestions, number conflicts, tokens the dictionary does
not know, mixed-script leftovers, stale corrections.  All are warnings (they never stop
a build); only malformed decision data is an error.

A build needs only the number conflicts and how many warnings there are; `check` lists
them.  So each document's word checks are kept as what the build reads (the numbers its
conflicts are made of, its count of warnings) and the words themselves, still pickled:
a rebuild after one changed letter does not unpickle, filter and sort every letter's
words (a third of the review's time at 10,000 letters)."""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field

import pythainlp

import build_tools.normalization
from build_tools.common.cache import ContentCache, code_version, digest
from build_tools.common.parallel import parallel_map
from build_tools.common.problems import Problem
from build_tools.normalization import conflicts as conflicts_mod
from build_tools.normalization.suggest import Suggestion, find_suggestions, unknown_tokens
from build_tools.sources.corrections import known_names, unused_corrections


@dataclass
class Review:
    conflicts: list = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warning_count: int = 0  # len(warnings), known without making them
    listed: object = field(default=None, repr=False)  # () -> (warnings, suggestions), made when first asked
    _lists: tuple | None = field(default=None, repr=False)

    @property
    def warnings(self) -> list[Problem]:
        return self._made()[0]

    @property
    def suggestions(self) -> dict[str, list[Suggestion]]:
        return self._made()[1]

    def _made(self) -> tuple:
        if self._lists is None:
            self._lists = self.listed() if self.listed is not None else ([], {})
        return self._lists


@dataclass(frozen=True)
class Findings:
    """A document's word checks as the review keeps them."""
    mentions: object  # the numbers its conflicts are made of (conflicts.mentions)
    count: int  # its warnings: flags, suggestions, unknown words no suggestion explains
    words: bytes  # (suggestions, unknown words), pickled: read only to list them

    def suggestions_and_unknown(self) -> tuple[list[Suggestion], list[tuple[int, str]]]:
        sugg, unknown = pickle.loads(self.words)  # noqa: S301 - made by findings()
        return sugg, unexplained(unknown, sugg)


def unexplained(unknown: list[tuple[int, str]], sugg: list[Suggestion]) -> list[tuple[int, str]]:
    """The unknown words no suggestion covers (one inside the other): each a warning."""
    suggested = {s.wrong for s in sugg}
    return [(line, tok) for line, tok in unknown if not any(tok in w or w in tok for w in suggested)]


def findings(nd, names: tuple[str, ...]) -> Findings:
    """A document's OCR suggestions and unknown words (the slow part of the review) and
    the numbers its conflicts are made of."""
    sugg, unknown = find_suggestions(nd.lines, names), unknown_tokens(nd.lines, names)
    return Findings(conflicts_mod.mentions(nd), len(nd.flags) + len(sugg) + len(unexplained(unknown, sugg)),
                    pickle.dumps((sugg, unknown), protocol=pickle.HIGHEST_PROTOCOL))


def word_findings(docs, names: tuple[str, ...], cache: ContentCache | None, common: str = "",
                  known: dict | None = None) -> list[Findings]:
    """Each document's `findings`, from `cache` when its lines and the names are those
    of an earlier run, else from `known` (doc id -> findings computed with its
    normalization), else computed on every core."""
    # nd.key (normalization's cache key) stands for the lines it made: not pickled again.
    keys = [digest(common, "words, numbers", nd.key or nd.lines) if cache is not None else None for nd in docs]
    # Small entries, every one read in a rebuild: kept many to a file.
    packed = cache.packed() if cache is not None else None
    found = [packed.get(k) if packed is not None else None for k in keys]
    for i, nd in enumerate(docs):
        if found[i] is None and (known or {}).get(nd.id) is not None:
            found[i] = known[nd.id]
            if packed is not None:
                packed.put(keys[i], found[i])
    missing = [i for i, hit in enumerate(found) if hit is None]
    fresh = parallel_map(lambda i: findings(docs[i], names), missing)
    for i, value in zip(missing, fresh):
        found[i] = value
        if packed is not None:
            packed.put(keys[i], value)
    if packed is not None:
        packed.flush()
    return found


def review(corpus, docs, cache: ContentCache | None = None, known: dict | None = None) -> Review:
    """`known`: see word_findings.  The warnings are listed when first asked for."""
    names = tuple(known_names(corpus.names))
    common = digest(code_version(build_tools.normalization), pythainlp.__version__, names) if cache else ""
    found = word_findings(docs, names, cache, common, known)
    r = Review(conflicts=conflicts_mod.detect(docs, [f.mentions for f in found]))
    across = []  # the warnings of more than one document
    for p in conflicts_mod.resolve(r.conflicts, corpus.decisions):
        (r.errors if p.severity == "error" else across).append(p)
    raw_of = {nd.id: nd.doc.raw for nd in docs}
    across += conflicts_mod.report(r.conflicts, raw_of)
    across += unused_corrections(corpus.corrections, {nd.id: nd.correction_changes for nd in docs})
    r.errors.sort()
    r.warning_count = len(across) + sum(f.count for f in found)
    heads = [(nd.id, nd.doc.raw, nd.flags) for nd in docs]  # (not the documents: a build lets them go)
    r.listed = lambda: _listed(heads, found, across)
    return r


def _listed(heads: list[tuple], found: list[Findings], across: list[Problem]) -> tuple[list[Problem], dict]:
    """(every warning, sorted; each document's suggestions); `heads`: each document's
    (id, raw file, flags)."""
    warnings, suggestions = list(across), {}
    for (doc_id, raw, flags), f in zip(heads, found):
        where = f"corpus/raw/{raw}"
        sugg, unknown = f.suggestions_and_unknown()
        warnings += [flag.as_warning(where, doc_id) for flag in flags]
        suggestions[doc_id] = sugg
        warnings += [Problem(where, s.line, _suggested(doc_id, s), severity="warning") for s in sugg]
        warnings += [Problem(where, line, _unknown(doc_id, tok), severity="warning") for line, tok in unknown]
    warnings.sort()
    return warnings, suggestions


def _suggested(doc_id: str, s: Suggestion) -> str:
    return (f"[{doc_id}] suggestion: '{s.wrong}' may be '{s.right}' (OCR confusion, in '{s.context}'); "
            "if the scan confirms it, add it to corpus/corrections.yaml")


def _unknown(doc_id: str, token: str) -> str:
    return (f"[{doc_id}] unknown word: '{token}' is not in the dictionary; "
            "a name belongs in corpus/names.yaml, an OCR error in corpus/corrections.yaml")
