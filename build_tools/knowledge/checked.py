"""Stages 1-3 in order, for every command that needs a valid corpus: load and validate
the sources, normalize the documents, load the knowledge model against them, review.
Each stage raises CorpusError with every problem it found; nothing is written."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.common import yamlio
from build_tools.common.cache import ContentCache, MemoryCache
from build_tools.common.problems import CorpusError, Problem
from build_tools.knowledge.model import Model
from build_tools.knowledge.model_files import load_model
from build_tools.normalization.documents import NormalizedDoc, normalize_corpus
from build_tools.normalization.review import Review, findings, review
from build_tools.sources.corpus import Corpus, load_corpus
from build_tools.sources.corrections import known_names
from build_tools.sources.document_records import DocumentRecords


@dataclass
class CheckedCorpus:
    corpus: Corpus
    docs: list[NormalizedDoc]  # in raw-file order
    model: Model | None  # None for a corpus without corpus/model/ (a benchmark's synthetic one)
    review: Review | None  # None when the review was not asked for

    @property
    def warnings(self) -> list[Problem]:
        return self.corpus.warnings + (self.review.warnings if self.review else [])


def _quiet(message: str) -> None:
    pass


def check_corpus(corpus_dir: Path, with_review: bool = True, log=_quiet,
                 cache_dir: Path | None = None) -> CheckedCorpus:
    """`cache_dir`: keep each document's normalization and review there, keyed by a hash
    of everything it depends on (see common/cache.py); without it, in this process's memory."""
    caches = {k: ContentCache(cache_dir / k) if cache_dir else MemoryCache(k)
              for k in ("front-matter", "normalized", "review")}
    log(f"[1/5] checking corpus in {corpus_dir}")
    yamlio.FRONT_MATTER_CACHE = caches["front-matter"]  # and the data files
    try:
        corpus = load_corpus(corpus_dir, DocumentRecords(cache_dir / "document-records.pickle") if cache_dir else None)
        for w in corpus.warnings:
            log(f"  {w}")
        log(f"[2/5] normalizing {len(corpus.documents)} documents ({len(corpus.corrections)} reviewed corrections)")
        # A changed letter's word checks are made by the worker that normalizes it.
        names, found = tuple(known_names(corpus.names)), {}
        docs = normalize_corpus(corpus, cache=caches["normalized"],
                                also=(lambda nd: findings(nd, names), found) if with_review else None)
        model = None
        if (corpus_dir / "model").is_dir():
            # The model cites clauses of the normalized documents.
            model, problems = load_model(corpus_dir, corpus, docs)
            if problems:
                raise CorpusError(sorted(problems))
    finally:
        yamlio.FRONT_MATTER_CACHE = None
    reviewed = None
    if with_review:
        reviewed = review(corpus, docs, cache=caches["review"], known=found)
        if reviewed.errors:
            raise CorpusError(reviewed.errors)
    caches["front-matter"].prune()
    caches["normalized"].prune()
    if with_review:
        caches["review"].prune()
    return CheckedCorpus(corpus, docs, model, reviewed)
