"""Reading what a maintainer brings: OCR'd text, or a scan (PNG, JPEG, TIFF, PDF) that is
OCR'd here with Tesseract's Thai model.  PDF pages are rasterized with pypdfium2 (PDFium
in a wheel: no system package needed)."""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.common.textio import TextFileError, decode_bytes
from build_tools.ingest.ocr import ocr_image, ocr_unavailable
from build_tools.ingest.store import IngestError

IMAGE_EXTS = {".png": ".png", ".jpg": ".jpg", ".jpeg": ".jpg", ".tif": ".tif", ".tiff": ".tif"}
PDF_DPI = 300


@dataclass
class Input:
    path: Path
    data: bytes  # the file exactly as received
    sha256: str
    text: str  # its text (decoded, or the OCR output)
    kind: str  # text | image | pdf
    encoding: str = "utf-8"  # of `data` when kind == text
    notes: list[str] = field(default_factory=list)


def read_input(path: Path) -> Input:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}:1: cannot read: {exc.strerror}") from None
    sha = hashlib.sha256(data).hexdigest()
    ext = path.suffix.lower()
    if ext in IMAGE_EXTS or ext == ".pdf" or data[:5] == b"%PDF-":
        kind = "pdf" if (ext == ".pdf" or data[:5] == b"%PDF-") else "image"
        return Input(path, data, sha, _ocr(path, kind), kind, "binary",
                     [f"{path.name}: OCR by Tesseract (tha)"])
    try:
        decoded = decode_bytes(data, str(path))
    except TextFileError as exc:
        raise IngestError(str(exc)) from None
    return Input(path, data, sha, decoded.text, "text", decoded.encoding, decoded.notes)


def _ocr(path: Path, kind: str) -> str:
    reason = ocr_unavailable()
    if reason:
        raise IngestError(f"{path}: this is a scan and needs OCR, but {reason}. "
                          "Text files (.txt) can be ingested without it.")
    if kind == "image":
        return _ocr_frames(path)
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise IngestError(f"{path}:1: not a readable PDF ({exc})") from None
    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(len(pdf)):
            png = Path(tmp) / f"page{i + 1}.png"
            pdf[i].render(scale=PDF_DPI / 72).to_pil().save(png)
            pages.append(ocr_image(png))
    pdf.close()
    return "\n\n".join(p.rstrip("\n") for p in pages)


def _ocr_frames(path: Path) -> str:
    """An image file may hold several pages (multi-page TIFF): OCR each one."""
    from PIL import Image, ImageSequence, UnidentifiedImageError


    try:
        with Image.open(path) as img:
            n = getattr(img, "n_frames", 1)
            if n == 1:
                return ocr_image(path)
            pages = []
            with tempfile.TemporaryDirectory() as tmp:
                for i, frame in enumerate(ImageSequence.Iterator(img)):
                    png = Path(tmp) / f"page{i + 1}.png"
                    frame.convert("L").save(png)
                    pages.append(ocr_image(png))
    except UnidentifiedImageError:
        raise IngestError(f"{path}:1: not a readable image") from None
    return "\n\n".join(p.rstrip("\n") for p in pages)
