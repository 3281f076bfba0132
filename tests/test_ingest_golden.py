"""Golden cases for letter extraction: tests/cases/ingest/<case>/input.txt is ingested
(dry run, against the project corpus) and its --json output must equal expected.json.
body_markdown comes from the shared normalization chain and is checked separately
(it must be the chain's output for the body lines), so a change to the chain does not
rewrite these cases.  Regenerate: UPDATE_GOLDEN=1 ./dev test tests/test_ingest_golden.py"""
import json
import os

import pytest
from conftest import ROOT, seed

from build_tools.ingest.analyze import analyze
from build_tools.normalization.known_names import restorable_names
from build_tools.normalization.rules import Context, normalize_text

CASES = sorted(p.parent.name for p in (ROOT / "tests" / "cases" / "ingest").glob("*/input.txt"))


@pytest.fixture(scope="module")
def corpus():
    return seed().corpus


def test_there_are_golden_cases():
    assert len(CASES) >= 13
    assert {"seed-dla-letter", "seed-moi-letter", "memo-form", "order-form", "announcement-form", "stamped-form",
            "letterhead-on-number-line", "ocr-damaged-labels", "district-office"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_extraction_matches_golden(corpus, case):
    folder = ROOT / "tests" / "cases" / "ingest" / case
    text = (folder / "input.txt").read_text(encoding="utf-8")
    docs, _ = analyze(text, corpus, "input.txt")
    lines = text.split("\n")
    for d in docs:
        first, last = _body_range(d, lines)
        ctx = Context(known_names=restorable_names(corpus), restore_places=True)  # what ingest gives the chain
        expected_body, _ = normalize_text("\n".join(lines[first - 1 : last]), first_line=first, ctx=ctx)
        assert d.pop("body_markdown") == expected_body
    got = json.loads(json.dumps(docs, ensure_ascii=False))
    expected_path = folder / "expected.json"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


def _body_range(d, lines):
    """Where the body of a letter is: after the header block, before ขอแสดงความนับถือ."""
    from build_tools.ingest.letter import extract_letter

    first, last = (int(x) for x in d["source"]["lines"].split("-"))
    if d["doc_type"] != "letter":
        return first, last
    L = extract_letter([(n, lines[n - 1]) for n in range(first, last + 1)])
    return L.body_lines or (first, last)
