"""Golden files, found by glob so a new case is a new folder or file.

- tests/golden/normalized/<doc-id>.md: the normalized Markdown of each corpus document.
- tests/cases/normalize/<case>/input.txt + expected.txt: the normalization chain on a
  small text.

After an intended change, regenerate with `UPDATE_GOLDEN=1 ./dev test tests/test_golden.py`
and review the diff before committing it."""
import os
from pathlib import Path

import pytest
from conftest import ROOT, seed

from build_tools.normalization.rules import Context, normalize_text
from build_tools.sources.corrections import load_corrections

GOLDEN = Path(__file__).parent / "golden" / "normalized"
CASES = sorted((Path(__file__).parent / "cases" / "normalize").glob("*/input.txt"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
DOC_IDS = sorted(p.stem for p in (ROOT / "corpus" / "documents").glob("*.md"))


def _docs():
    return {nd.id: nd for nd in seed().docs}


def _compare(path: Path, actual: str):
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_normalized_document_matches_golden(doc_id):
    _compare(GOLDEN / f"{doc_id}.md", _docs()[doc_id].to_markdown())


def test_every_golden_file_has_a_document():
    assert sorted(p.stem for p in GOLDEN.glob("*.md")) == sorted(_docs())


def case_context(case: Path) -> Context:
    """A case folder may hold its own reviewed corrections.yaml (scope `corpus`)."""
    ctx = Context(doc_id=case.parent.name)
    if (case.parent / "corrections.yaml").exists():
        problems = list(load_corrections(case.parent, {}, ctx.corrections))
        assert problems == []
    return ctx


@pytest.mark.parametrize("case", CASES, ids=[c.parent.name for c in CASES])
def test_normalize_case(case):
    text, _ = normalize_text(case.read_text(encoding="utf-8"), ctx=case_context(case))
    _compare(case.parent / "expected.txt", text + "\n")
