"""What a careless or hurried maintainer does to `ingest` (issue #12): each case gives a
clear message (no traceback) and leaves the corpus whole.  The CLI runs in a subprocess,
on a temporary copy of the corpus, as a maintainer would run it."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SAMPLE_LETTER, copy_corpus, ctrl_c_as_at_a_terminal, run_cli, snapshot

from build_tools.ingest import inputs

CASES = ROOT / "tests" / "cases" / "ingest"
LETTER = SAMPLE_LETTER




@pytest.fixture
def corpus(tmp_path):
    return copy_corpus(tmp_path)


def ingest(corpus, *args, check=False, env=None):
    return run_cli("ingest", *args, "--corpus", corpus, "--out", corpus.parent / "out", check=check,
                   env={**os.environ, **(env or {})})


def no_traceback(proc):
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr


def garbled_flag(corpus, tmp_path):
    src = tmp_path / "garbled.txt"
    src.write_text((CASES / "garbled-lines" / "input.txt").read_text(encoding="utf-8"), encoding="utf-8")
    docs = json.loads(ingest(corpus, src, "--json", check=True).stdout)
    return docs[0], next(f for f in docs[0]["flags"] if f["wrong"] == "สันับสนุน")


# --- --accept writes entries the corrections loader accepts --------------------------

def test_accepted_entry_has_an_id_and_the_corpus_still_checks(corpus, tmp_path):
    doc, flag = garbled_flag(corpus, tmp_path)
    out = ingest(corpus, "--accept", flag["id"], check=True).stdout
    assert f"added to corpus/corrections.yaml as 'review-{flag['id'].lower()}'" in out
    text = (corpus / "corrections.yaml").read_text(encoding="utf-8")
    assert f"- id: review-{flag['id'].lower()}\n  wrong: สันับสนุน\n  right: สนับสนุน\n  scope: {doc['id']}\n" in text
    run_cli("check", "--corpus", corpus)  # check (and so build) loads it


def test_accept_with_an_unknown_scope_is_refused(corpus, tmp_path):
    _, flag = garbled_flag(corpus, tmp_path)
    before = (corpus / "corrections.yaml").read_bytes()
    proc = ingest(corpus, "--accept", flag["id"], "--scope", "nonexistent")
    assert proc.returncode == 1
    assert "--scope nonexistent: neither 'corpus' nor a document id in corpus/documents; nothing was written" \
        in proc.stdout
    assert (corpus / "corrections.yaml").read_bytes() == before


def test_accept_with_a_right_that_adds_a_digit_is_refused(corpus, tmp_path):
    _, flag = garbled_flag(corpus, tmp_path)
    before = (corpus / "corrections.yaml").read_bytes()
    proc = ingest(corpus, "--accept", flag["id"], "--right", "สนับสนุน 2")
    assert proc.returncode == 1
    assert "refused, corpus/corrections.yaml would not load; nothing was written" in proc.stdout
    assert "changes a number: numbers and reference numbers are never corrected" in proc.stdout
    assert (corpus / "corrections.yaml").read_bytes() == before
    no_traceback(proc)


# --- staging folders, signals, Ctrl+C -------------------------------------------------

def test_a_stale_staging_folder_is_reported_by_check_and_removed_by_recover(corpus):
    stale = corpus / ".ingest-abc123"
    (stale / "documents").mkdir(parents=True)
    (stale / "documents" / "x.md").write_text("half", encoding="utf-8")
    proc = run_cli("check", "--corpus", corpus)
    assert ("corpus/.ingest-abc123:1: warning: the staging folder of an ingest that was stopped before it "
            "changed the corpus; `python -m build_tools ingest --recover` removes it") in proc.stdout
    out = ingest(corpus, "--recover", check=True).stdout
    assert "removed the staging folder corpus/.ingest-abc123 of an ingest stopped before it changed the corpus" in out
    assert "corpus restored" in out and "nothing to recover" not in out
    assert not stale.exists()
    assert "nothing to recover" in ingest(corpus, "--recover", check=True).stdout


SIGNAL_AFTER_MOVE = """
import os, signal, sys
from build_tools import cli
from build_tools.ingest import store
real = store._move
def move(src, dst):
    real(src, dst)
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C right after a file is moved, before it is recorded
store._move = move
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.slow  # signals a real process at several moments
def test_ctrl_c_right_after_a_move_leaves_no_orphan(corpus, tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text(LETTER, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", SIGNAL_AFTER_MOVE, "ingest", str(src), "--corpus", str(corpus),
                           "--out", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True,
                          preexec_fn=ctrl_c_as_at_a_terminal)
    no_traceback(proc)
    assert proc.returncode == 130
    assert "interrupted just after the files were added" in proc.stderr
    # every file the commit moved is recorded (manifest and documents agree): no orphan
    run_cli("check", "--corpus", corpus)
    assert sorted(p.name for p in (corpus / "raw").glob("001_*"))
    assert "nothing to recover" in ingest(corpus, "--recover", check=True).stdout


def test_ctrl_c_during_ocr_prints_no_traceback_and_writes_nothing(corpus, tmp_path):
    from build_tools.ingest.ocr import ocr_unavailable, render_text_image

    if ocr_unavailable():
        pytest.skip(f"OCR not available: {ocr_unavailable()}")
    scan = render_text_image("\n".join([LETTER.split("\n")[0]] * 40), tmp_path / "scan.png")
    before = snapshot(corpus)
    proc = subprocess.Popen([sys.executable, "-m", "build_tools", "ingest", str(scan), "--corpus", str(corpus),
                             "--out", str(tmp_path / "out")], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_as_at_a_terminal)
    t0 = time.monotonic()
    line = proc.stderr.readline()
    assert "OCR of page 1" in line, line
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - t0 < 60
    assert proc.returncode == 130
    assert "Traceback" not in out + err and "interrupted: nothing was written" in err
    assert snapshot(corpus) == before


# --- dates --------------------------------------------------------------------------

def test_a_letter_dated_be_3000_is_not_stored_as_a_wrong_date(corpus, tmp_path):
    src = tmp_path / "be3000.txt"
    src.write_text(LETTER.replace("3 ก.ย. 2552", "3 ก.ย. 3000"), encoding="utf-8")
    before = snapshot(corpus)
    docs = json.loads(ingest(corpus, src, "--dry-run", "--json", check=True).stdout)
    assert docs[0]["date"] is None
    (flag,) = [f for f in docs[0]["flags"] if f["kind"] == "date_invalid"]
    assert "ปี พ.ศ. 3000 อยู่นอกช่วงที่เป็นไปได้" in flag["message"]
    proc = ingest(corpus, src)
    assert proc.returncode == 1 and "missing required field 'date_be'" in proc.stdout
    assert snapshot(corpus) == before


def test_a_deadline_in_the_body_is_never_the_letters_date(corpus, tmp_path):
    src = tmp_path / "no-date.txt"
    src.write_text("ที่ นร 0105/ว 555\n\nสำนักเลขาธิการคณะรัฐมนตรี\n\nเรื่อง การรายงานผล\n\n"
                   "เรียน ปลัดกระทรวงมหาดไทย\n\nขอให้รายงานผลภายในวันที่ 30 ก.ย. 2552\n\nขอแสดงความนับถือ\n",
                   encoding="utf-8")
    docs = json.loads(ingest(corpus, src, "--dry-run", "--json", "--issuer", "moi", check=True).stdout)
    assert docs[0]["date"] is None  # (a given date in the body is taken, flagged: test_ingest_date_evidence.py)
    assert [f["kind"] for f in docs[0]["flags"] if f.get("wrong") == "date"] == ["missing"]


# --- inputs: limits and encodings ----------------------------------------------------

def test_a_truncated_png_gives_a_clear_error(corpus, tmp_path):
    from PIL import Image

    full = tmp_path / "full.png"
    Image.new("L", (800, 600), 255).save(full)
    cut = tmp_path / "truncated.png"
    cut.write_bytes(full.read_bytes()[:300])
    proc = ingest(corpus, cut)
    assert proc.returncode == 1
    assert f"error: {cut}: the image is damaged or incomplete" in proc.stdout
    no_traceback(proc)


def test_an_image_over_the_pixel_limit_gives_a_clear_error(corpus, tmp_path, monkeypatch):
    from PIL import Image

    big = tmp_path / "big.png"
    Image.new("1", (8000, 8000), 1).save(big)  # 64 megapixels, a tiny file
    proc = ingest(corpus, big)
    assert proc.returncode == 1
    assert f"error: {big}: the image is 8000x8000 (64 megapixels), over the limit of 60 megapixels" in proc.stdout
    no_traceback(proc)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_utf16_text_is_read_and_kept_as_received(corpus, tmp_path, codec):
    src = tmp_path / "utf16.txt"
    src.write_bytes(LETTER.encode(codec))
    proc = ingest(corpus, src, check=True)
    assert "UTF-16 text, read converted" in proc.stdout
    (raw,) = (corpus / "raw").glob("001_*")
    assert raw.read_bytes() == src.read_bytes()
    assert f"  encoding: {codec}\n" in (corpus / "raw" / "MANIFEST.yaml").read_text(encoding="utf-8")
    run_cli("check", "--corpus", corpus)


@pytest.mark.slow  # renders and reads a 50-page PDF
def test_a_blank_50_page_pdf_is_quick_shows_progress_and_names_the_input(corpus, tmp_path):
    from PIL import Image

    pdf = tmp_path / "blank.pdf"
    page = Image.new("L", (1240, 1754), 255)
    page.save(pdf, save_all=True, append_images=[page] * 49, resolution=150)
    t0 = time.monotonic()
    proc = ingest(corpus, pdf)
    assert time.monotonic() - t0 < 60
    assert proc.returncode == 1
    assert f"error: {pdf}: no text found (50 page(s), all blank or unreadable); nothing was written" in proc.stdout
    assert "blank.pdf: page 50 is blank, skipped" in proc.stderr
    assert "corpus/raw/001" not in proc.stdout


def test_a_text_over_the_size_limit_is_refused(corpus, tmp_path):
    src = tmp_path / "huge.txt"
    src.write_bytes(LETTER.encode("utf-8") * (inputs.MAX_TEXT_BYTES // len(LETTER.encode("utf-8")) + 1))
    proc = ingest(corpus, src)
    assert proc.returncode == 1
    assert f"error: {src}: " in proc.stdout and "over the limit of 5 MB for one input file" in proc.stdout


def test_a_symlink_is_read_through_with_a_note(corpus, tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text(LETTER, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(src)
    out = ingest(corpus, link, "--dry-run", check=True).stdout
    assert f"note: {link}: a symbolic link, read from its target {src}" in out


# --- the writer lock ---------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from build_tools.common.lock import writing
from build_tools.common.paths import Paths
with writing(Paths(corpus=Path(sys.argv[1]), out=Path(sys.argv[2])), "build"):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_second_writer_is_told_who_holds_the_lock(corpus, tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text(LETTER, encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(corpus), str(tmp_path / "out")], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        before = snapshot(corpus)
        for args in ([src], ["--accept", "F00000000"], ["--recover"]):
            proc = ingest(corpus, *args, env={"SIAM_YIM_LOCK_WAIT": "0"})
            assert proc.returncode == 1
            assert "error: `build` (process" in proc.stdout and "try again when it has finished" in proc.stdout
        assert snapshot(corpus) == before
        assert ingest(corpus, src, "--dry-run").returncode == 0  # a dry run only reads
    finally:
        holder.kill()
        holder.wait()
