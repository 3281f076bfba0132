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


def test_an_unchanged_raw_file_is_read_only_when_its_text_is_asked_for(tmp_path, monkeypatch):
    # With the build's records, a raw file whose size, time and inode are those its last
    # check recorded is neither hashed nor decoded again; a changed one is, and a file
    # modified behind the manifest's back is still refused.
    import os
    from pathlib import Path

    import pytest

    from build_tools.common.cache import FileDigests
    from build_tools.common.problems import CorpusError
    from build_tools.sources.document_records import INPUT_DIGESTS, DocumentRecords

    corpus_dir = copy_corpus(tmp_path / "c")
    for f in corpus_dir.rglob("*"):  # older than common.cache.FileDigests.RACY_NS: its digest recorded
        os.utime(f, (f.stat().st_atime - 60, f.stat().st_mtime - 60))
    store = tmp_path / "records.pickle"
    digests = FileDigests(store.with_name(INPUT_DIGESTS))  # what the build's check of its inputs records
    for f in corpus_dir.rglob("*"):
        if f.is_file():
            digests.digest(f, f.stat())
    digests.save()
    first = load_corpus(corpus_dir, DocumentRecords(store))
    reads = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: reads.append(p.name) or real(p))
    again = load_corpus(corpus_dir, DocumentRecords(store))
    raw_names = set(first.raw)
    assert raw_names and not raw_names & set(reads)  # not read
    doc = again.documents[0]
    assert again.raw[doc.raw].n_lines == first.raw[doc.raw].n_lines
    assert again.raw_lines(doc) == first.raw_lines(doc) and doc.raw in reads  # read when asked for
    path = corpus_dir / "raw" / doc.raw
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(CorpusError, match="raw file was modified"):
        load_corpus(corpus_dir, DocumentRecords(store))
