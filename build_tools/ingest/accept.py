"""`ingest --accept FLAG_ID`: a reviewed word becomes an entry of corpus/corrections.yaml.

The entry is complete ({id, wrong, right, scope, reason}) and validated before it is
written: the corrections file as it would be is loaded with the corpus's own corrections
loader (sources/corrections.py), so an unknown --scope, a --right that changes a digit or
anything else the loader refuses is refused here, with the loader's message, and nothing
is written."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from build_tools.common.paths import Paths
from build_tools.common.problems import CorpusError
from build_tools.ingest.store import IngestError, add_correction, corrections_text
from build_tools.sources.corpus import load_corpus
from build_tools.sources.corrections import CORPUS_SCOPE, load_corrections

ACCEPTABLE = ("unknown_word", "mixed_script")


def _flags(paths: Paths, flag_ids: list[str]) -> dict[str, tuple[str, dict, str]]:
    found = {}
    for report in sorted((paths.work / "review").glob("*.json")):
        data = json.loads(report.read_text(encoding="utf-8"))
        for d in data["documents"]:
            for f in d["flags"]:
                if f["id"] in flag_ids:
                    found[f["id"]] = (d["id"], f, data["raw"])
    return found


def validate(corpus_dir: Path, text: str) -> list[str]:
    """Problems the corrections loader finds in `text` as corpus/corrections.yaml."""
    try:
        corpus = load_corpus(corpus_dir)
        doc_lines = {d.id: (d.first_line, d.last_line) for d in corpus.documents}
    except CorpusError as exc:
        return [str(p) for p in exc.problems]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "corrections.yaml").write_text(text, encoding="utf-8")
        return [str(p) for p in load_corrections(Path(tmp), doc_lines, [])]


def entry_for(fid: str, f: dict, doc_id: str, raw: str, right: str | None, scope: str | None) -> dict:
    return {"id": f"review-{fid.lower()}", "wrong": f["wrong"], "right": right or f["suggestion"],
            "scope": scope or doc_id, "reason": f"accepted review flag {fid} ({raw} line {f['line']})"}


def accept_one(paths: Paths, fid: str, found: dict, right: str | None, scope: str | None) -> int:
    if fid not in found:
        print(f"{fid}: no such flag in {paths.work / 'review'} (ingest the file first)")
        return 1
    doc_id, f, raw = found[fid]
    if f["kind"] not in ACCEPTABLE or not f.get("wrong") or not (right or f["suggestion"]):
        hint = "; give one with --right" if f["kind"] in ACCEPTABLE else "; edit the document's front matter instead"
        print(f"{fid}: a {f['kind']} flag has no text correction to accept{hint}")
        return 1
    entry = entry_for(fid, f, doc_id, raw, right, scope)
    try:
        text, added = corrections_text(paths.corpus, entry)
    except IngestError as exc:
        print(f"{fid}: {exc}")
        return 1
    if not added:
        print(f"{fid}: {entry['wrong']} -> {entry['right']} ({entry['scope']}) is already in corpus/corrections.yaml")
        return 0
    problems = validate(paths.corpus, text)
    if problems:
        print(f"{fid}: refused, corpus/corrections.yaml would not load; nothing was written:\n  "
              + "\n  ".join(problems))
        return 1
    add_correction(paths.corpus, text)
    print(f"{fid}: {entry['wrong']} -> {entry['right']} ({entry['scope']}) added to corpus/corrections.yaml "
          f"as '{entry['id']}'")
    return 0


def accept(paths: Paths, flag_ids: list[str], right: str | None, scope: str | None) -> int:
    if scope and scope != CORPUS_SCOPE and not (paths.corpus / "documents" / f"{scope}.md").is_file():
        print(f"--scope {scope}: neither '{CORPUS_SCOPE}' nor a document id in corpus/documents; nothing was written")
        return 1
    found = _flags(paths, flag_ids)
    status = 0
    for fid in flag_ids:
        status |= accept_one(paths, fid, found, right, scope)
    return status
