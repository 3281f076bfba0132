"""Reading text files that maintainers bring: UTF-8 (with or without BOM), or the Thai
legacy encodings TIS-620 / Windows-874, which are detected and converted with a note.
Empty and binary files are refused with a clear message."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_THAI = re.compile("[\u0e01-\u0e5b]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


class TextFileError(Exception):
    """The file cannot be read as text; the message names the file (and line, when known)."""


@dataclass
class DecodedText:
    text: str
    encoding: str  # utf-8 | utf-8-sig | cp874
    notes: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, name: str) -> DecodedText:
    if not data.strip():
        raise TextFileError(f"{name}:1: the file is empty")
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise TextFileError(f"{name}:{line}: binary file (NUL byte), not text; "
                            "for a scan use an image or PDF file")
    if data.startswith(b"\xef\xbb\xbf"):
        return DecodedText(data[3:].decode("utf-8", errors="strict"), "utf-8-sig",
                           [f"{name}: UTF-8 byte-order mark removed"])
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
        notes: list[str] = []
    except UnicodeDecodeError as exc:
        # Thai legacy encodings: every byte 0xA1-0xFB is a Thai character in cp874
        # (a superset of TIS-620), so valid UTF-8 failing + Thai bytes means cp874.
        try:
            text = data.decode("cp874")
        except UnicodeDecodeError:
            line = data[: exc.start].count(b"\n") + 1
            raise TextFileError(f"{name}:{line}: neither UTF-8 nor TIS-620/Windows-874 text") from None
        if len(_THAI.findall(text)) < max(1, len(text) // 20):
            line = data[: exc.start].count(b"\n") + 1
            raise TextFileError(f"{name}:{line}: not UTF-8, and too little Thai to be "
                                "TIS-620/Windows-874; convert it to UTF-8 first") from None
        enc = "cp874"
        notes = [f"{name}: converted from TIS-620/Windows-874 to UTF-8"]
    bad = _CONTROL.search(text)
    if bad and len(_CONTROL.findall(text)) > len(text) // 100:
        line = text[: bad.start()].count("\n") + 1
        raise TextFileError(f"{name}:{line}: binary data (control characters), not text")
    return DecodedText(text, enc, notes)


def read_text_file(path: Path, name: str | None = None) -> DecodedText:
    name = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextFileError(f"{name}:1: cannot read: {exc.strerror}") from None
    return decode_bytes(data, name)
