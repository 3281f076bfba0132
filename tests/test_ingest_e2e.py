"""End to end with a real scan: render a Thai letter to an image at test time, ingest it
(Tesseract OCR) into a temporary copy of the corpus, build into a temporary folder, and
find the new letter through the command-line search (Whoosh) and in the site's search
index file.  Skipped loudly without Tesseract's Thai model; under CI=true they must run."""
import json
import os

import pytest
from conftest import copy_corpus, run_cli

from build_tools.ingest.ocr import ocr_unavailable, render_text_image

pytestmark = [pytest.mark.slow]  # OCR and builds

REASON = ocr_unavailable()
if REASON and os.environ.get("CI") == "true":
    raise RuntimeError(f"CI must run the OCR ingest tests: {REASON}")
needs_ocr = pytest.mark.skipif(REASON is not None, reason=f"OCR INGEST TESTS NOT RUN: {REASON}")

LETTER = """\
ที่ มท 0810.5/ว 2999
กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา กรุงเทพฯ 10300
15 ตุลาคม 2552
เรื่อง ธนาคารขยะชุมชน
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
อ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท 0810.1/ว 1631 ลงวันที่ 20 สิงหาคม 2552

ขอให้จังหวัดแจ้งองค์การบริหารส่วนตำบลจัดตั้งธนาคารขยะในหมู่บ้าน

ขอแสดงความนับถือ

(นายนิสิต วัฒนเสน)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"""


@needs_ocr
def test_scanned_letter_is_ingested_built_and_found(tmp_path):
    corpus = copy_corpus(tmp_path)
    out = tmp_path / "out"
    scan = render_text_image(LETTER, tmp_path / "scan.png")
    docs = json.loads(run_cli("ingest", scan, "--json", "--corpus", corpus, "--out", out).stdout)
    (doc,) = docs
    assert doc["id"] == "dla-letter-2552-10-15"
    assert doc["number"] == "มท 0810.5/ว 2999"
    assert doc["date"] == "2009-10-15"
    assert doc["references"][0]["id"] == "dla-letter-2552-08-20"
    stored = sorted(p.name for p in (corpus / "raw").glob("001_*"))
    assert [n.rsplit(".", 1)[1] for n in stored] == ["png", "txt"]
    assert (corpus / "raw" / stored[0]).read_bytes() == scan.read_bytes()
    run_cli("build", "--corpus", corpus, "--out", out)
    hits = json.loads(run_cli("search", "ธนาคารขยะ", "--json", "--out", out).stdout)["hits"]
    assert "dla-letter-2552-10-15" in {h["doc_id"] for h in hits}
    # The site's search index (search/th/: sections shards of url, title, section, text).
    rows = [r for f in sorted((out / "site" / "search" / "th" / "s").glob("*.json"))
            for r in json.loads(f.read_text(encoding="utf-8"))]
    assert any(r[0].startswith("documents/dla-letter-2552-10-15/") and "ธนาคารขยะ" in r[3] for r in rows)
    # ... and in the open data, with its permalink.
    opendata = json.loads((out / "site" / "data" / "documents.json").read_text(encoding="utf-8"))
    assert {"id": "dla-letter-2552-10-15", "permalink": "documents/dla-letter-2552-10-15/"}.items() <= \
        next(d for d in opendata if d["id"] == "dla-letter-2552-10-15").items()
    cited = (out / "site" / "documents" / "dla-letter-2552-08-20" / "index.html").read_text(encoding="utf-8")
    assert "ถูกอ้างถึงโดย" in cited and "../dla-letter-2552-10-15/" in cited


@needs_ocr
def test_scanned_pdf_is_read_page_by_page(tmp_path):
    corpus = copy_corpus(tmp_path)
    from PIL import Image

    page = render_text_image(LETTER, tmp_path / "scan.png")
    pdf = tmp_path / "scan.pdf"
    with Image.open(page) as img:
        img.convert("RGB").save(pdf, resolution=150)
    before = sorted(p.name for p in corpus.rglob("*"))
    docs = json.loads(run_cli("ingest", pdf, "--dry-run", "--json", "--corpus", corpus,
                              "--out", tmp_path / "out").stdout)
    assert docs[0]["number"] == "มท 0810.5/ว 2999"
    assert docs[0]["subject"].startswith("ธนาคารขยะ")
    assert sorted(p.name for p in corpus.rglob("*")) == before


@needs_ocr
def test_multipage_tiff_is_read_page_by_page(tmp_path):
    from PIL import Image

    head, tail = LETTER.split("\n\n", 1)
    p1 = render_text_image(head, tmp_path / "p1.png")
    p2 = render_text_image(tail, tmp_path / "p2.png")
    tiff = tmp_path / "scan.tiff"
    with Image.open(p1) as a, Image.open(p2) as b:
        a.save(tiff, save_all=True, append_images=[b])
    corpus = copy_corpus(tmp_path)
    docs = json.loads(run_cli("ingest", tiff, "--dry-run", "--json", "--corpus", corpus,
                              "--out", tmp_path / "out").stdout)
    assert docs[0]["number"] == "มท 0810.5/ว 2999"  # page 1
    assert docs[0]["signatory"]["name"] == "นายนิสิต วัฒนเสน"  # page 2


def test_scan_without_tesseract_says_what_to_install(tmp_path, monkeypatch):
    """Text ingest works without Tesseract; a scan gets a clear message."""
    import shutil

    from build_tools.ingest.inputs import read_input
    from build_tools.ingest.store import IngestError

    monkeypatch.setattr(shutil, "which", lambda name: None)
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(IngestError, match="tesseract-ocr-tha"):
        read_input(scan)
    text = tmp_path / "a.txt"
    text.write_text("ที่ มท 0810.1/ว 1\n", encoding="utf-8")
    assert read_input(text).kind == "text"
