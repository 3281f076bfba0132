"""Reading what a maintainer brings: OCR'd text, or a scan (PNG, JPEG, TIFF, PDF) that is
OCR'd here (ocr.py).  PDF pages are rasterized with pypdfium2 (PDFium in a wheel: no
system package needed).

Limits and policies (README, "Adding a document"): a text file of at most MAX_TEXT_BYTES;
a page of at most MAX_PAGE_PIXELS (a larger image is refused, a PDF page is rendered
smaller); at most MAX_PAGES pages; a blank page is not OCR'd; long OCR shows progress; a
symbolic link is read through (its target is named in a note); UTF-16 text is read and
kept as received (its encoding recorded), like TIS-620."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.common.textio import TextFileError, decode_bytes
from build_tools.ingest.ocr import ocr_page, ocr_unavailable
from build_tools.ingest.store import IngestError

IMAGE_EXTS = {".png": ".png", ".jpg": ".jpg", ".jpeg": ".jpg", ".tif": ".tif", ".tiff": ".tif"}
PDF_DPI = 300  # pages of text (no scanned image) are rendered at this resolution
MIN_PDF_DPI = 200  # a scan made at less is rendered at this (Tesseract reads small print badly)
MAX_TEXT_BYTES = 5_000_000  # a bundle of a few hundred letters; split anything larger
MAX_SCAN_BYTES = 200_000_000
MAX_PAGE_PIXELS = 60_000_000  # A4 at 600 dpi is 35 megapixels
MAX_PAGES = 60
BLANK_INK_SHARE = 0.0005  # a page with less ink than this is blank


@dataclass
class Input:
    path: Path
    data: bytes  # the file exactly as received
    sha256: str
    text: str  # its text (decoded, or the OCR output)
    kind: str  # text | image | pdf
    encoding: str = "utf-8"  # of `data` when kind == text
    notes: list[str] = field(default_factory=list)
    pages: int = 1


def scan_suffix(inp: Input) -> str:
    return IMAGE_EXTS.get(inp.path.suffix.lower(), ".pdf" if inp.kind == "pdf" else ".png")


def _read_bytes(path: Path, notes: list[str]) -> bytes:
    if path.is_symlink():
        notes.append(f"{path}: a symbolic link, read from its target {path.resolve()}")
    if path.is_dir():
        raise IngestError(f"{path}: is a folder; give the files in it")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"{path}:1: cannot read: {exc.strerror}") from None
    limit = MAX_SCAN_BYTES if path.suffix.lower() in (*IMAGE_EXTS, ".pdf") else MAX_TEXT_BYTES
    if size > limit:
        raise IngestError(f"{path}: {size / 1e6:.1f} MB, over the limit of {limit / 1e6:.0f} MB for one "
                          "input file; split it into smaller files")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}:1: cannot read: {exc.strerror}") from None


def _utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text (with or without its byte-order mark), or None: NUL bytes
    on one side of the byte pairs, and what decodes is Thai and ASCII text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = data[: 4000 - 4000 % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return None
    texty = sum(1 for c in text if c.isprintable() or c in "\n\r\t" or "\u0e00" <= c <= "\u0e7f")
    return codec if min(odd, even) == 0 and texty >= 0.95 * len(text) else None


def _decode(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    codec = _utf16(data)
    if codec:
        try:
            text = data.decode(codec).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise IngestError(f"{path}:1: UTF-16 text with invalid bytes: convert it to UTF-8 first") from None
        return text, codec, [f"{path.name}: UTF-16 text, read converted (the file is kept as received, "
                             f"its encoding recorded as {codec})"]
    try:
        decoded = decode_bytes(data, str(path))
    except TextFileError as exc:
        raise IngestError(str(exc)) from None
    return decoded.text, decoded.encoding, decoded.notes


def read_input(path: Path, known: dict[str, str] | None = None, log=None) -> Input:
    """The file, its hash and its text (OCR'd when it is a scan; not when its hash is
    already in the corpus)."""
    notes: list[str] = []
    data = _read_bytes(path, notes)
    sha = hashlib.sha256(data).hexdigest()
    ext = path.suffix.lower()
    scan = ext in IMAGE_EXTS or ext == ".pdf" or data[:5] == b"%PDF-"
    kind = ("pdf" if (ext == ".pdf" or data[:5] == b"%PDF-") else "image") if scan else "text"
    if known and sha in known:
        return Input(path, data, sha, "", kind, "binary" if scan else "utf-8", notes)
    if not scan:
        text, encoding, more = _decode(path, data)
        return Input(path, data, sha, text, "text", encoding, notes + more)
    reason = ocr_unavailable()
    if reason:
        raise IngestError(f"{path}: this is a scan and needs OCR, but {reason}. "
                          "Text files (.txt) can be ingested without it.")
    texts = _ocr_pages(path, kind, log)
    notes.append(f"{path.name}: OCR by Tesseract (tha), {len(texts)} page(s)")
    return Input(path, data, sha, "\n\n".join(t.rstrip("\n") for t in texts), kind, "binary", notes, len(texts))


def _image_pages(path: Path):
    """The frames of an image file; its size is checked before a pixel is decoded
    (Pillow's own decompression-bomb check is ours, with the limit and a clear message)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = None  # checked below, before decoding
    try:
        with Image.open(path) as img:
            _check_pixels(path, img.size)
            for frame in ImageSequence.Iterator(img):
                frame.load()
                yield frame.convert("RGB")
    except UnidentifiedImageError:
        raise IngestError(f"{path}:1: not a readable image") from None
    except (OSError, SyntaxError) as exc:
        raise IngestError(f"{path}: the image is damaged or incomplete ({exc}); scan or copy it again") from None


def _check_pixels(path: Path, size: tuple[int, int]) -> None:
    if size[0] * size[1] > MAX_PAGE_PIXELS:
        raise IngestError(f"{path}: the image is {size[0]}x{size[1]} ({size[0] * size[1] / 1e6:.0f} megapixels), "
                          f"over the limit of {MAX_PAGE_PIXELS / 1e6:.0f} megapixels a page; scan at 300 dpi")


def _scan_dpi(page, width_pt: float) -> float:
    """The resolution a scanned page was made at (its largest image across the page), so
    it is rendered as scanned, neither blurred nor blown up; PDF_DPI for pages of text."""
    import pypdfium2.raw as pdfium_c

    widest = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, _, right, _ = obj.get_bounds()
        if right - left > 0.5 * width_pt:
            widest = max(widest, obj.get_px_size()[0] / ((right - left) / 72))
    return min(PDF_DPI, max(MIN_PDF_DPI, widest)) if widest else PDF_DPI


def _pdf_pages(path: Path):
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise IngestError(f"{path}:1: not a readable PDF ({exc})") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise IngestError(f"{path}: {len(pdf)} pages, over the limit of {MAX_PAGES} pages for one input; "
                              "split the PDF")
        for i in range(len(pdf)):
            w, h = pdf[i].get_size()
            scale = min(_scan_dpi(pdf[i], w) / 72, (MAX_PAGE_PIXELS / max(1.0, w * h)) ** 0.5)
            yield pdf[i].render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()


def is_blank(img) -> bool:
    """Next to no ink: a blank page (OCR would only read noise from it)."""
    small = img.convert("L").resize((max(1, img.size[0] // 4), max(1, img.size[1] // 4)))
    hist = small.histogram()
    dark = sum(hist[:128])
    return dark < BLANK_INK_SHARE * small.size[0] * small.size[1]


def pages_of(path: Path, kind: str):
    """The page images of a scan (PDF pages rendered), one at a time."""
    return _pdf_pages(path) if kind == "pdf" else _image_pages(path)


def _ocr_pages(path: Path, kind: str, log) -> list[str]:
    pages = pages_of(path, kind)
    texts = []
    for i, img in enumerate(pages, 1):
        if i > MAX_PAGES:
            raise IngestError(f"{path}: more than {MAX_PAGES} pages; split it")
        if is_blank(img):
            texts.append("")
            if log:
                log(f"{path.name}: page {i} is blank, skipped")
            continue
        if log:
            log(f"{path.name}: OCR of page {i}…")
        texts.append(ocr_page(img))
    return texts
