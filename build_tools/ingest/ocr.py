"""OCR of scanned pages with Tesseract's Thai model, and rendering of clean Thai text to
an image (to make test and benchmark scans whose true text is known).

Tesseract is a system program (Debian: tesseract-ocr + tesseract-ocr-tha); everything
that only handles text works without it, and `ocr_unavailable()` says why OCR cannot run."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

THAI_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/tlwg/Garuda.ttf",  # Debian fonts-thai-tlwg
    "/usr/share/fonts/truetype/tlwg/Loma.ttf",
    "/usr/share/fonts/truetype/tlwg/Norasi.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
)
INSTALL_HINT = "sudo apt-get install tesseract-ocr tesseract-ocr-tha"


def ocr_unavailable(lang: str = "tha") -> str | None:
    """None when OCR can run; otherwise a plain sentence saying what to install."""
    exe = shutil.which("tesseract")
    if not exe:
        return f"Tesseract is not installed ({INSTALL_HINT})"
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract does not run: {exc}"
    if lang not in langs.split():
        return f"Tesseract has no '{lang}' model ({INSTALL_HINT})"
    return None


def ocr_image(path: Path, lang: str = "tha", psm: int = 6) -> str:
    """Text of one page image (PNG, JPEG, TIFF), through the pytesseract binding."""
    import pytesseract
    from PIL import Image

    reason = ocr_unavailable(lang)
    if reason:
        raise RuntimeError(reason)
    with Image.open(path) as img:
        return pytesseract.image_to_string(img, lang=lang, config=f"--psm {psm}")


def thai_font() -> str:
    for candidate in THAI_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    raise RuntimeError("no Thai font found (sudo apt-get install fonts-thai-tlwg)")


def render_text_image(text: str, path: Path, font_path: str | None = None, size: int = 36,
                      width: int = 1800, margin: int = 60) -> Path:
    """Render lines of text (no wrapping: one input line, one printed line) as a white
    page with black text, the way a clean scan looks."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(font_path or thai_font(), size)
    lines = text.split("\n")
    line_height = int(size * 1.9)  # room for Thai marks above and below the line
    img = Image.new("L", (width, 2 * margin + line_height * max(1, len(lines))), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * line_height), line, font=font, fill=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return path
