"""Bad corpus input: `check` and `build` name the file and line, exit non-zero, and
leave the previous site and index untouched.  Each case breaks a copy of the real corpus
and asserts the exact list of messages."""
import hashlib
import os
from pathlib import Path

import pytest
from conftest import copy_corpus, run_cli


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _add_raw(corpus, name, data: bytes):
    (corpus / "raw" / name).write_bytes(data)
    with open(corpus / "raw" / "MANIFEST.yaml", "a", encoding="utf-8") as f:
        f.write(f"{name}:\n  sha256: {hashlib.sha256(data).hexdigest()}\n")


def break_front_matter(corpus):
    _edit(corpus / "documents" / "mou-2552-06-12.md", "doc_type: mou", "doc_type: [mou")


def break_missing_field(corpus):
    _edit(corpus / "documents" / "mou-2552-06-12.md", "issuer: mou-parties\n", "")


def break_duplicate_id(corpus):
    _edit(corpus / "documents" / "mou-annex-2552.md", "id: mou-annex-2552", "id: mou-2552-06-12")


def break_raw_hash(corpus):
    raw = corpus / "raw" / "000_82af3cd14c1fd5a1.txt"
    raw.write_bytes(raw.read_bytes().replace("แดกแยก".encode(), "แตกแยก".encode()))


def break_raw_encoding(corpus):
    _add_raw(corpus, "001_bad.txt", "บรรทัดแรก\nบรรทัดสอง\n".encode() + b"\xff\xfe tis-620?\n")


def break_synthetic_flag(corpus):
    _edit(corpus / "documents" / "mou-2552-06-12.md", "doc_type: mou\n", "doc_type: mou\nsynthetic: maybe\n")


def break_unclosed_front_matter(corpus):
    p = corpus / "documents" / "mou-2552-06-12.md"
    p.write_text(p.read_text(encoding="utf-8").replace("---\n", "", 2).replace("id:", "---\nid:", 1),
                 encoding="utf-8")


SHA = hashlib.sha256
CASES = {
    "malformed front matter": (break_front_matter, [
        "corpus/documents/mou-2552-06-12.md:6: malformed YAML: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence at line 5)",
    ]),
    "missing required field": (break_missing_field, [
        "corpus/documents/mou-2552-06-12.md:2: missing required field 'issuer'",
    ]),
    "duplicate id": (break_duplicate_id, [
        "corpus/documents/mou-annex-2552.md:2: duplicate id 'mou-2552-06-12' (also in corpus/documents/mou-2552-06-12.md)",
    ]),
    "synthetic flag not a boolean": (break_synthetic_flag, [
        "corpus/documents/mou-2552-06-12.md:6: synthetic must be true or false",
    ]),
    "unclosed front matter": (break_unclosed_front_matter, [
        "corpus/documents/mou-2552-06-12.md:1: front matter is not closed (no second --- line)",
    ]),
    "raw file not UTF-8": (break_raw_encoding, [
        "corpus/raw/001_bad.txt:3: not valid UTF-8 (byte 0xff at offset 56); convert it to UTF-8 before adding it",
    ]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_reports_exact_problems(tmp_path, name):
    breaker, expected = CASES[name]
    corpus = copy_corpus(tmp_path)
    breaker(corpus)
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1
    lines = proc.stderr.strip().split("\n")
    assert lines[:-1] == expected
    assert lines[-1].endswith("in the corpus; nothing was changed.")


def test_duplicate_id_is_reported_with_both_files(tmp_path):
    corpus = copy_corpus(tmp_path)
    src = corpus / "documents" / "mou-2552-06-12.md"
    (corpus / "documents" / "zz-copy.md").write_text(
        src.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1
    assert proc.stderr.split("\n")[0] == (
        "corpus/documents/zz-copy.md:2: duplicate id 'mou-2552-06-12' (also in corpus/documents/mou-2552-06-12.md)")


def test_check_detects_an_edited_raw_file(tmp_path):
    corpus = copy_corpus(tmp_path)
    break_raw_hash(corpus)
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1
    first = proc.stderr.split("\n")[0]
    assert first.startswith("corpus/raw/000_82af3cd14c1fd5a1.txt:1: raw file was modified: sha256 is ")
    assert "the manifest (line 4) records 224e169f" in first


@pytest.mark.slow  # a full check with the review
def test_clean_corpus_checks_ok():
    proc = run_cli("check")
    assert "corpus OK: 1 raw file(s), 6 document(s)" in proc.stdout


def _snapshot(out):
    """The published outputs (not the writer lock's notes, not build/cache/: caches keyed
    by content may gain entries in a failed build; not build/publish-trash/: what earlier
    builds replaced, being deleted by a detached process meanwhile)."""
    transient = {os.path.join(out, "build", "cache"), os.path.join(out, "build", "publish-trash")}
    files = {}
    for folder, dirs, names in os.walk(out):  # (the transient folders are not even listed)
        dirs[:] = [d for d in dirs if os.path.join(folder, d) not in transient]
        for n in names:
            if ".siam-yim.lock" not in n:
                p = Path(folder, n)
                files[str(p.relative_to(out))] = p.read_bytes()
    return dict(sorted(files.items()))


@pytest.mark.parametrize("name", ["malformed front matter", "missing required field", "duplicate id",
                                  "raw file not UTF-8"])
@pytest.mark.slow  # two builds
def test_failed_build_leaves_previous_output_untouched(tmp_path, name):
    corpus = copy_corpus(tmp_path)
    out = tmp_path / "out"
    run_cli("build", "--corpus", corpus, "--out", out)
    before = _snapshot(out)
    CASES[name][0](corpus)
    proc = run_cli("build", "--corpus", corpus, "--out", out, check=False)
    assert proc.returncode == 1
    assert CASES[name][1][0] in proc.stderr
    assert _snapshot(out) == before
