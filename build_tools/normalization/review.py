"""What a maintainer must look at after normalization, per document, each at a raw
file and line: unresolved word suggestions, number conflicts, tokens the dictionary does
not know, mixed-script leftovers, stale corrections.  All are warnings (they never stop
a build); only malformed decision data is an error."""
from __future__ import annotations

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
    warnings: list[Problem] = field(default_factory=list)
    suggestions: dict[str, list[Suggestion]] = field(default_factory=dict)


def findings(nd, names: tuple[str, ...]) -> tuple:
    """A document's OCR suggestions and unknown words (the slow part of the review) and
    the numbers its conflicts are made of (conflicts.mentions)."""
    return find_suggestions(nd.lines, names), unknown_tokens(nd.lines, names), conflicts_mod.mentions(nd)


def word_findings(docs, names: tuple[str, ...], cache: ContentCache | None, common: str = "",
                  known: dict | None = None) -> list:
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
    """`known`: see word_findings."""
    r = Review()
    raw_of = {nd.id: nd.doc.raw for nd in docs}
    names = tuple(known_names(corpus.names))
    common = digest(code_version(build_tools.normalization), pythainlp.__version__, names) if cache else ""
    found = word_findings(docs, names, cache, common, known)
    r.conflicts = conflicts_mod.detect(docs, [f[2] for f in found])
    for p in conflicts_mod.resolve(r.conflicts, corpus.decisions):
        (r.errors if p.severity == "error" else r.warnings).append(p)
    r.warnings += conflicts_mod.report(r.conflicts, raw_of)
    r.warnings += unused_corrections(corpus.corrections, {nd.id: nd.correction_changes for nd in docs})
    for nd, (sugg, unknown, _) in zip(docs, found):
        where = f"corpus/raw/{nd.doc.raw}"
        r.warnings += [f.as_warning(where, nd.id) for f in nd.flags]
        r.suggestions[nd.id] = sugg
        for s in sugg:
            r.warnings.append(Problem(
                where, s.line, f"[{nd.id}] suggestion: '{s.wrong}' may be '{s.right}' (OCR confusion, "
                               f"in '{s.context}'); if the scan confirms it, add it to corpus/corrections.yaml",
                severity="warning"))
        suggested = {s.wrong for s in sugg}
        for line, tok in unknown:
            if not any(tok in w or w in tok for w in suggested):
                r.warnings.append(Problem(
                    where, line, f"[{nd.id}] unknown word: '{tok}' is not in the dictionary; "
                                 "a name belongs in corpus/names.yaml, an OCR error in corpus/corrections.yaml",
                    severity="warning"))
    r.warnings.sort()
    r.errors.sort()
    return r
