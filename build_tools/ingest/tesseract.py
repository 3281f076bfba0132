"""Running Tesseract (the system program, Thai model) on one image: the text and the word
boxes (TSV) of one recognition, read together so every text line knows its box and how
sure Tesseract was of each character."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT_S = 120
# One thread per Tesseract: the machines have two cores and other work to do; OpenMP's
# threads only fight each other there (and make runs no faster).
ENV = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}


@dataclass
class Box:
    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass
class Word:
    text: str
    box: Box
    conf: float


@dataclass
class TLine:
    """A line as Tesseract found it: its text (with the spaces Tesseract kept) and its words."""
    key: tuple[int, int, int]  # block, paragraph, line
    words: list[Word] = field(default_factory=list)
    text: str = ""

    @property
    def box(self) -> Box:
        left = min(w.box.left for w in self.words)
        top = min(w.box.top for w in self.words)
        return Box(left, top, max(w.box.right for w in self.words) - left, max(w.box.bottom for w in self.words) - top)

    @property
    def conf(self) -> float:
        chars = [(len(w.text), w.conf) for w in self.words if w.text.strip()]
        total = sum(n for n, _ in chars)
        return sum(n * c for n, c in chars) / total if total else 0.0


def run(image, psm: int = 3, lang: str = "tha", extra: tuple[str, ...] = ()) -> tuple[str, list[TLine]]:
    """(text, lines with their words) of one image (a PIL image or a file path)."""
    text, lines, _ = run_with_pictures(image, psm, lang, extra)
    return text, lines


def run_with_pictures(image, psm: int = 3, lang: str = "tha",
                      extra: tuple[str, ...] = ()) -> tuple[str, list[TLine], list[Box]]:
    """run()'s reading and the boxes of the blocks it took for pictures (no text in them)."""
    exe = shutil.which("tesseract") or "tesseract"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.png"
        if isinstance(image, (str, Path)):
            src = Path(image)
        else:
            image.save(src)
        base = Path(tmp) / "out"
        cmd = [exe, str(src), str(base), "-l", lang, "--psm", str(psm), *extra, "txt", "tsv"]
        subprocess.run(cmd, capture_output=True, check=True, timeout=TIMEOUT_S, env=ENV)
        text = (base.with_suffix(".txt")).read_text(encoding="utf-8")
        tsv = (base.with_suffix(".tsv")).read_text(encoding="utf-8")
    lines = parse_tsv(tsv)
    pictures = [ln.box for ln in lines if not any(w.text.strip() for w in ln.words)]
    return text, attach_text(text, lines), pictures


def parse_tsv(tsv: str) -> list[TLine]:
    lines: dict[tuple[int, int, int], TLine] = {}
    for row in tsv.split("\n")[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        box = Box(int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9]))
        lines.setdefault(key, TLine(key)).words.append(Word(cols[11], box, float(cols[10])))
    return list(lines.values())


def attach_text(text: str, lines: list[TLine]) -> list[TLine]:
    """Give each TSV line its text line (same order; the text keeps Tesseract's spaces,
    the TSV does not: Thai words come as characters)."""
    text_lines = [t for t in text.replace("\f", "").split("\n") if t.strip()]
    squeeze = lambda s: "".join(s.split())  # noqa: E731
    j = 0
    for line in lines:
        target = squeeze("".join(w.text for w in line.words))
        k = j
        while k < len(text_lines) and squeeze(text_lines[k]) != target:
            k += 1
        if k < len(text_lines):
            line.text, j = text_lines[k], k + 1
        else:
            line.text = " ".join(w.text for w in line.words)
    return [ln for ln in lines if ln.text.strip()]
