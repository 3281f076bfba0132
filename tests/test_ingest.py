"""`ingest` on temporary copies of the corpus: dry run, storing, duplicates, id
collisions, legacy encodings, corrections, failure injection, and `check` on the new
front matter fields.  Everything real: the CLI in a subprocess, real files."""
import json

import pytest
from conftest import ROOT, SAMPLE_LETTER, copy_corpus, run_cli, seed, snapshot

from build_tools import cli
from build_tools.ingest import store

CASES = ROOT / "tests" / "cases" / "ingest"
NEW_LETTER = SAMPLE_LETTER




@pytest.fixture
def corpus(tmp_path):
    return copy_corpus(tmp_path)


@pytest.fixture
def letter(tmp_path):
    p = tmp_path / "new-letter.txt"
    p.write_text(NEW_LETTER, encoding="utf-8")
    return p


def ingest(corpus, *args, out=None, check=True):
    return run_cli("ingest", *args, "--corpus", corpus, "--out", out or corpus.parent / "out", check=check)


def test_dry_run_writes_nothing_and_prints_json(corpus, letter):
    before = snapshot(corpus)
    proc = ingest(corpus, letter, "--dry-run", "--json")
    docs = json.loads(proc.stdout)
    assert snapshot(corpus) == before
    assert not (corpus.parent / "out").exists()
    (d,) = docs
    for key in ("id", "doc_type", "number", "date", "issuer", "subject", "addressee", "references",
                "enclosures", "signatory", "body_markdown", "flags"):
        assert key in d
    assert d["id"] == "dla-letter-2552-09-03"
    assert d["date"] == "2009-09-03"
    assert [(r["id"], r["match"]) for r in d["references"]] == [
        ("dla-letter-2552-08-20", "probable"), ("moi-letter-2552-08-06", "exact")]
    assert "ตามที่ กรมส่งเสริมการปกครองท้องถิ่น" in d["body_markdown"]
    assert all({"kind", "message", "line", "suggestion"} <= set(f) for f in d["flags"])


def test_dry_run_prints_what_it_would_create(corpus, letter):
    out = ingest(corpus, letter, "--dry-run").stdout
    assert "would add corpus/raw/001_" in out
    assert "would add corpus/documents/dla-letter-2552-09-03.md" in out
    assert "dry run: nothing was written" in out


def test_ingest_stores_raw_document_and_review_report(corpus, letter, tmp_path):
    proc = ingest(corpus, letter)
    raw = sorted((corpus / "raw").glob("001_*"))
    assert [p.suffix for p in raw] == [".txt"]
    assert raw[0].read_bytes() == letter.read_bytes()  # stored unchanged
    manifest = (corpus / "raw" / "MANIFEST.yaml").read_text(encoding="utf-8")
    assert f"{raw[0].name}:\n  sha256: " in manifest
    assert manifest.startswith("# Raw scans: immutable.")  # comments kept
    doc = (corpus / "documents" / "dla-letter-2552-09-03.md").read_text(encoding="utf-8")
    assert doc.startswith("---\nid: dla-letter-2552-09-03\ntitle: หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนมาก ที่ มท 0810.5/ว 2034")
    assert "  id: moi-letter-2552-08-06\n  match: exact\n" in doc
    assert "date_be: 3 ก.ย. 2552\n" in doc
    assert f"  raw: {raw[0].name}\n  lines: 1-31\n" in doc
    report = tmp_path / "out" / "build" / "review" / f"{raw[0].stem}.md"
    assert f"review report: {report}" in proc.stdout
    text = report.read_text(encoding="utf-8")
    assert "การอ้างถึงที่น่าจะตรงกัน" in text and "dla-letter-2552-08-20" in text
    flags = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))["documents"][0]["flags"]
    assert flags and all(f"`{f['id']}`" in text for f in flags)  # every flag is in the report
    assert "corpus OK: 2 raw file(s), 7 document(s)" in run_cli("check", "--corpus", corpus).stdout


def test_same_file_twice_changes_nothing(corpus, letter):
    ingest(corpus, letter)
    before = snapshot(corpus)
    out = ingest(corpus, letter).stdout
    assert "already in the corpus as corpus/raw/001_" in out
    assert snapshot(corpus) == before


def test_seed_scan_is_already_there(corpus):
    before = snapshot(corpus)
    out = ingest(corpus, ROOT / "corpus" / "raw" / "000_82af3cd14c1fd5a1.txt").stdout
    assert "already in the corpus as corpus/raw/000_82af3cd14c1fd5a1.txt" in out
    assert snapshot(corpus) == before


def test_id_collision_never_overwrites(corpus, tmp_path):
    existing = (corpus / "documents" / "dla-letter-2552-08-20.md").read_bytes()
    src = tmp_path / "dla-again.txt"
    src.write_text((CASES / "seed-dla-letter" / "input.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = ingest(corpus, src).stdout
    assert "corpus/documents/dla-letter-2552-08-20-1631.md" in out
    assert "id_collision" in out and "number_conflict" in out
    assert (corpus / "documents" / "dla-letter-2552-08-20.md").read_bytes() == existing
    assert (corpus / "documents" / "dla-letter-2552-08-20-1631.md").is_file()


def test_tis620_file_is_stored_byte_for_byte_with_its_encoding(corpus, tmp_path):
    src = tmp_path / "legacy.txt"
    src.write_bytes(NEW_LETTER.encode("cp874"))
    out = ingest(corpus, src).stdout
    assert "converted from TIS-620/Windows-874" in out
    (raw,) = (corpus / "raw").glob("001_*")
    assert raw.read_bytes() == src.read_bytes()
    assert "  encoding: cp874\n" in (corpus / "raw" / "MANIFEST.yaml").read_text(encoding="utf-8")
    run_cli("check", "--corpus", corpus)
    out = tmp_path / "out2"
    run_cli("build", "--corpus", corpus, "--out", out, "--no-site")
    assert "การรายงานผลการดำเนินงาน" in (out / "build" / "normalized" / "dla-letter-2552-09-03.md").read_text(encoding="utf-8")


def test_empty_and_binary_inputs_are_refused(corpus, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = ingest(corpus, empty, check=False)
    assert proc.returncode == 1
    assert f"{empty}:1: the file is empty" in proc.stdout


def test_document_that_would_break_the_corpus_is_refused(corpus):
    before = snapshot(corpus)
    proc = ingest(corpus, CASES / "unknown-prefix" / "input.txt", check=False)
    assert proc.returncode == 1
    assert "would make the corpus invalid; nothing was written" in proc.stdout
    assert "missing required field 'issuer'" in proc.stdout
    assert snapshot(corpus) == before


def test_issuer_option_fills_a_missing_issuer(corpus):
    docs = json.loads(ingest(corpus, CASES / "unknown-prefix" / "input.txt", "--issuer", "moi", "--json").stdout)
    assert docs[0]["id"] == "moi-letter-2552-10-15"
    # นร is a known ministry code (corpus/letter_codes.yaml): only the issuer was missing
    assert [f["kind"] for f in docs[0]["flags"] if f["kind"] in ("missing", "unknown_prefix")] == []
    assert (corpus / "documents" / "moi-letter-2552-10-15.md").is_file()
    proc = ingest(corpus, CASES / "missing-fields" / "input.txt", "--issuer", "nobody", check=False)
    assert proc.returncode == 1 and "--issuer nobody: not an agency id" in proc.stdout


@pytest.mark.parametrize("fail_at", [1, 2, 3])
def test_failure_midway_leaves_corpus_byte_identical(corpus, letter, monkeypatch, fail_at, capsys):
    before = snapshot(corpus)
    calls = []
    real_move = store._move

    def flaky_move(src, dst):
        calls.append(dst)
        if len(calls) == fail_at:
            raise OSError("disk full (injected)")
        real_move(src, dst)

    monkeypatch.setattr(store, "_move", flaky_move)
    status = cli.main(["ingest", str(letter), "--corpus", str(corpus), "--out", str(corpus.parent / "out")])
    assert status == 1
    assert "error: could not write the corpus (disk full (injected)); the files already moved were taken back, " \
           "nothing was written" in capsys.readouterr().out
    assert len(calls) == fail_at
    assert snapshot(corpus) == before
    assert not list(corpus.glob(".ingest-*"))


def test_interrupt_midway_leaves_corpus_byte_identical(corpus, letter, monkeypatch, capsys):
    before = snapshot(corpus)
    real_move = store._move
    moves = []

    def interrupted(src, dst):
        if moves:
            raise KeyboardInterrupt
        moves.append(dst)
        real_move(src, dst)

    monkeypatch.setattr(store, "_move", interrupted)
    status = cli.main(["ingest", str(letter), "--corpus", str(corpus), "--out", str(corpus.parent / "out")])
    assert status == 130  # no traceback: a message, and the corpus as it was
    assert "interrupted: nothing was written (the corpus is as it was)" in capsys.readouterr().err
    assert snapshot(corpus) == before


def test_accept_writes_corrections_file(corpus, tmp_path):
    src = tmp_path / "garbled.txt"
    src.write_text((CASES / "garbled-lines" / "input.txt").read_text(encoding="utf-8"), encoding="utf-8")
    docs = json.loads(ingest(corpus, src, "--json").stdout)
    (flag,) = [f for f in docs[0]["flags"] if f["wrong"] == "สันับสนุน"]
    generated = (corpus / "documents" / f"{docs[0]['id']}.md").read_bytes()
    out = ingest(corpus, "--accept", flag["id"]).stdout
    assert "สันับสนุน -> สนับสนุน" in out and "added to corpus/corrections.yaml" in out
    text = (corpus / "corrections.yaml").read_text(encoding="utf-8")
    assert (f"- id: review-{flag['id'].lower()}\n  wrong: สันับสนุน\n  right: สนับสนุน\n  scope: {docs[0]['id']}\n"
            f"  reason: accepted review flag {flag['id']}") in text
    assert "already in corpus/corrections.yaml" in ingest(corpus, "--accept", flag["id"]).stdout
    assert (corpus / "documents" / f"{docs[0]['id']}.md").read_bytes() == generated
    garbled = [f for f in docs[0]["flags"] if f["kind"] == "garbled"][0]
    proc = ingest(corpus, "--accept", garbled["id"], check=False)
    assert proc.returncode == 1 and "has no text correction" in proc.stdout


# --- check on the new front matter fields: exact file:line: message ---

def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHECK_CASES = {
    "reference to a missing document": (
        "dla-letter-2552-08-20.md", "id: moi-letter-2552-08-06\n  match", "id: moi-letter-2552-09-09\n  match",
        "corpus/documents/dla-letter-2552-08-20.md:14: reference id 'moi-letter-2552-09-09' is not a document in the corpus"),
    "bad match value": (
        "dla-letter-2552-08-20.md", "match: probable", "match: maybe",
        "corpus/documents/dla-letter-2552-08-20.md:15: reference match 'maybe' is not one of exact, probable, none"),
    "probable without id": (
        "dla-letter-2552-08-20.md", "  id: moi-letter-2552-08-06\n", "",
        "corpus/documents/dla-letter-2552-08-20.md:12: a 'probable' reference must name the document 'id' it links to"),
    "reference with nothing to know it by": (
        "dla-letter-2552-08-20.md", "- number: มท 0404.2/8900\n  date_be: 6 สิงหาคม 2552\n  id: moi-letter-2552-08-06\n"
        "  match: probable\n", "- match: none\n",
        "corpus/documents/dla-letter-2552-08-20.md:12: reference needs a 'number', a 'date_be' or the 'id' of the "
        "document it links to"),
    "bad reference date": (
        "moi-letter-2552-08-06.md", "date_be: ๒๑ พฤษภาคม ๒๕๕๒", "date_be: ๒๑ พฤษภา",
        "corpus/documents/moi-letter-2552-08-06.md:15: reference date_be: no Thai date (day, Thai month, Buddhist-era year) in '๒๑ พฤษภา'"),
}


def test_a_reference_linked_by_its_id_alone_is_valid(corpus):
    # (a citation whose number and date OCR spoiled, linked by what was left of it: resolve.py)
    _edit(corpus / "documents" / "dla-letter-2552-08-20.md", "- number: มท 0404.2/8900\n  date_be: 6 สิงหาคม 2552\n  id:",
          "- id:")
    assert run_cli("check", "--corpus", corpus, check=False).returncode == 0


@pytest.mark.parametrize("name", sorted(CHECK_CASES))
def test_check_reports_reference_problems(corpus, name):
    file, old, new, expected = CHECK_CASES[name]
    _edit(corpus / "documents" / file, old, new)
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().split("\n")[:-1] == [expected]


def test_check_reports_unknown_prefix_agency(corpus):
    _edit(corpus / "number_prefixes.yaml", "  issuer: dla\n", "  issuer: dlaa\n")
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.stderr.strip().split("\n")[:-1] == [
        "corpus/number_prefixes.yaml:7: issuer 'dlaa' is not an agency id in corpus/agencies.yaml"]


def test_check_decodes_raw_file_with_its_recorded_encoding(corpus):
    import hashlib

    good = NEW_LETTER.encode("cp874")
    bad = "บรรทัดแรก\n".encode("cp874") + b"\xfc\n"  # 0xFC is not a cp874 character
    for name, data in (("001_good.txt", good), ("002_bad.txt", bad)):
        (corpus / "raw" / name).write_bytes(data)
        with open(corpus / "raw" / "MANIFEST.yaml", "a", encoding="utf-8") as f:
            f.write(f"{name}:\n  sha256: {hashlib.sha256(data).hexdigest()}\n  encoding: cp874\n")
    proc = run_cli("check", "--corpus", corpus, check=False)
    assert proc.stderr.strip().split("\n")[:-1] == [
        "corpus/raw/002_bad.txt:2: not valid cp874 (byte 0xfc at offset 10), the encoding its manifest entry records"]


@pytest.mark.slow  # ingests the whole seed
def test_bundle_is_split_like_the_seed(corpus, tmp_path):
    """The seed bundle, as a new file (one byte more, so a new hash): six documents whose
    first lines are where the seed's six documents start."""

    src = tmp_path / "bundle.txt"
    src.write_bytes((ROOT / "corpus" / "raw" / "000_82af3cd14c1fd5a1.txt").read_bytes() + b"\n")
    docs = json.loads(ingest(corpus, src, "--dry-run", "--json").stdout)
    seeded = sorted(seed().corpus.documents, key=lambda d: d.first_line)
    assert [d["doc_type"] for d in docs] == [d.get("doc_type") for d in seeded]
    assert [int(d["source"]["lines"].split("-")[0]) for d in docs] == [d.first_line for d in seeded]
    assert [d["id"] for d in docs][:2] == ["dla-letter-2552-08-20-1631", "moi-letter-2552-08-06-4900"]
    inherited = [f for f in docs[2]["flags"] if f["kind"] == "inherited"]
    assert inherited, "an undated enclosure takes its covering letter's metadata, flagged"


KILLED_MIDWAY = """
import os, sys
from build_tools import cli
from build_tools.ingest import store
real, calls = store._move, []
def move(src, dst):
    calls.append(dst)
    if len(calls) == 3:
        os._exit(137)  # like kill -9: no exception handler runs
    real(src, dst)
store._move = move
cli.main(sys.argv[1:])
"""


@pytest.mark.slow  # a killed process
def test_killed_ingest_is_detected_by_check_and_undone_by_recover(corpus, letter):
    import subprocess
    import sys

    before = snapshot(corpus)
    proc = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, "ingest", str(letter), "--corpus", str(corpus),
                           "--out", str(corpus.parent / "out")], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 137
    assert snapshot(corpus) != before  # two files were moved before the kill
    check = run_cli("check", "--corpus", corpus, check=False)
    assert check.returncode == 1
    (stage,) = corpus.glob(".ingest-*")
    assert check.stderr.split("\n")[0] == (
        f"corpus/{stage.name}:1: an ingest was interrupted while adding files; "
        "run `python -m build_tools ingest --recover` to restore the corpus")
    out = ingest(corpus, "--recover").stdout
    assert "an earlier ingest was interrupted while moving files; undone: corpus/raw/001_" in out
    assert snapshot(corpus) == before
    run_cli("check", "--corpus", corpus)
