"""The review's warnings: a build logs how many there are without listing them (each
document's count is kept with its word checks); `check` lists them, the same whether
the word checks were made in this run, read back from the build's cache or kept in
memory."""
import sys

import pytest
from conftest import ROOT

from build_tools.knowledge.checked import check_corpus
from build_tools.normalization.review import unexplained
from build_tools.normalization.suggest import Suggestion

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

pytestmark = [pytest.mark.slow]  # three checks of a damaged 30-letter corpus


def _kind(message: str) -> str:
    return message.split("] ", 1)[1].split(":", 1)[0].split(" ", 1)[0]


def test_the_count_a_build_logs_is_the_number_check_lists(tmp_path):
    corpus = synth.write_corpus(tmp_path / "corpus", 30, seed=3, damage=0.05)
    fresh = check_corpus(corpus, cache_dir=tmp_path / "cache")
    cached = check_corpus(corpus, cache_dir=tmp_path / "cache")
    in_memory = check_corpus(corpus)
    assert cached.review._lists is None  # counted, not listed, until someone asks
    listed = fresh.review.warnings
    assert {_kind(w.message) for w in listed} >= {"suggestion", "unknown", "conflict"}
    for checked in (fresh, cached, in_memory):
        assert checked.review.warning_count == len(checked.review.warnings) == len(listed)
        assert checked.review.warnings == listed
        assert checked.review.suggestions == fresh.review.suggestions


def test_an_unknown_word_a_suggestion_explains_is_not_a_warning_of_its_own():
    sugg = [Suggestion(line=3, wrong="คักยภาพ", right="ศักยภาพ", context="มีคักยภาพ")]
    unknown = [(3, "คักย"), (4, "ยอดนียม"), (5, "คักยภาพสูง")]
    assert unexplained(unknown, sugg) == [(4, "ยอดนียม")]
    assert unexplained(unknown, []) == unknown
