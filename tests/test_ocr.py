"""OCR with Tesseract's Thai model on a page rendered at test time."""
import os

import pytest

from build_tools.ingest.ocr import ocr_image, ocr_unavailable, render_text_image

pytestmark = [pytest.mark.slow]  # Tesseract

REASON = ocr_unavailable()
if REASON and os.environ.get("CI") == "true":
    raise RuntimeError(f"CI must run the OCR tests: {REASON}")
needs_ocr = pytest.mark.skipif(REASON is not None, reason=f"OCR TESTS NOT RUN: {REASON}")


@needs_ocr
def test_rendered_thai_page_reads_back(tmp_path):
    page = render_text_image("การป้องกันและแก้ไขปัญหายาเสพติด\nกรมส่งเสริมการปกครองท้องถิ่น", tmp_path / "p.png")
    text = ocr_image(page)
    assert "ยาเสพติด" in text
    assert "กรมส่งเสริมการปกครอง" in text  # Tesseract may drop a tone mark (ถิ่น -> ถิน)
