"""A raw file's text is read and checked once per build; its lines are cut only when a
document's raw lines are asked for (a rebuild normalizes a changed letter alone)."""
from conftest import copy_corpus

from build_tools.sources.corpus import load_corpus


def test_raw_lines_are_cut_when_first_asked_for(tmp_path):
    corpus = load_corpus(copy_corpus(tmp_path))
    assert corpus.raw and all("lines" not in rf.__dict__ for rf in corpus.raw.values())  # not cut by loading
    for rf in corpus.raw.values():
        assert rf.n_lines == len(rf.text.split("\n"))
    doc = corpus.documents[0]
    text_lines = (tmp_path / "corpus" / "raw" / doc.raw).read_text(encoding="utf-8").split("\n")
    assert corpus.raw_lines(doc) == text_lines[doc.first_line - 1: doc.last_line]
    assert "lines" in corpus.raw[doc.raw].__dict__  # cut once, kept
