import pytest

from build_tools.common.textio import TextFileError, decode_bytes

THAI = "โครงการพลังชุมชน พลังสร้างสรรค์\nการป้องกันและแก้ไขปัญหายาเสพติด\n"


def test_utf8_passes_through():
    d = decode_bytes(THAI.encode("utf-8"), "a.txt")
    assert (d.text, d.encoding, d.notes) == (THAI, "utf-8", [])


@pytest.mark.parametrize("codec", ["tis-620", "cp874"])
def test_thai_legacy_encodings_are_converted_with_a_note(codec):
    d = decode_bytes(THAI.encode(codec), "a.txt")
    assert d.text == THAI and d.encoding == "cp874"
    assert d.notes == ["a.txt: converted from TIS-620/Windows-874 to UTF-8"]


def test_bom_is_dropped():
    assert decode_bytes(b"\xef\xbb\xbf" + THAI.encode(), "a.txt").text == THAI


@pytest.mark.parametrize("data, message", [
    (b"", "a.txt:1: the file is empty"),
    (b"  \n\n", "a.txt:1: the file is empty"),
    (b"line\nline\n\x89PNG\x00\x00", "a.txt:3: binary file (NUL byte), not text; for a scan use an image or PDF file"),
    (b"abc\n\x80 plain latin", "a.txt:2: not UTF-8, and too little Thai to be TIS-620/Windows-874; convert it to UTF-8 first"),
    (b"abc\n\xff\xfe latin", "a.txt:2: neither UTF-8 nor TIS-620/Windows-874 text"),
])
def test_refused_with_file_and_line(data, message):
    with pytest.raises(TextFileError) as exc:
        decode_bytes(data, "a.txt")
    assert str(exc.value) == message
