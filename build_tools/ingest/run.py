"""The ingest command: read -> split -> extract -> resolve -> review -> commit.

Everything that writes the corpus (an ingest, --accept, --recover) holds the writer lock
(common/lock.py): a second writer waits or stops with a clear message.  Ctrl+C never
leaves a traceback or a half-written corpus."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.common.lock import LockBusy, writing
from build_tools.common.paths import Paths
from build_tools.common.problems import CorpusError
from build_tools.common.yamlio import load_yaml
from build_tools.ingest.accept import accept
from build_tools.ingest.analyze import Env, analyze
from build_tools.ingest.commit import commit, recover
from build_tools.ingest.inputs import Input, read_input, scan_suffix
from build_tools.ingest.report import print_plan, review_markdown
from build_tools.ingest.resolve import Candidate
from build_tools.ingest.store import IngestError, front_matter_text, manifest_entry_text, next_raw_seq
from build_tools.sources.corpus import Corpus, load_corpus

INTERRUPTED = 130  # exit status after Ctrl+C (128 + SIGINT)


@dataclass
class Planned:
    """One input file: what would be stored and the documents cut from it."""
    input: Input
    raw_name: str  # the text the documents cite
    scan_name: str | None  # the original scan, kept beside its OCR text
    docs: list[dict] = field(default_factory=list)  # --json records
    metas: list[dict] = field(default_factory=list)  # front matter to write
    duplicate_of: str | None = None


def plan(inputs: list[Path], corpus: Corpus, issuer: str | None = None, log=None) -> list[Planned]:
    manifest = load_yaml(corpus.root / "raw" / "MANIFEST.yaml", "corpus/raw/MANIFEST.yaml") or {}
    known_hashes = {str(e.get("sha256")): name for name, e in manifest.items() if isinstance(e, dict)}
    taken_ids = {d.id for d in corpus.documents}
    taken_raw: set[str] = set()
    extra: list[Candidate] = []
    planned: list[Planned] = []
    env = Env.of(corpus)
    for path in inputs:
        inp = read_input(path, known=known_hashes, log=log)
        seq = next_raw_seq(corpus.root / "raw", taken_raw)
        stem = f"{seq:03d}_{inp.sha256[:16]}"
        scan = f"{stem}{scan_suffix(inp)}" if inp.kind != "text" else None
        p = Planned(inp, f"{stem}.txt", scan)
        if inp.sha256 in known_hashes:
            p.duplicate_of = known_hashes[inp.sha256]
            planned.append(p)
            continue
        if not inp.text.strip():
            raise IngestError(f"{path}: no text found ({inp.pages} page(s), all blank or unreadable); "
                              "nothing was written")
        known_hashes[inp.sha256] = p.raw_name
        taken_raw |= {p.raw_name, scan or ""}
        env.candidates = env.candidates + extra
        p.docs, p.metas = analyze(inp.text, corpus, p.raw_name, taken_ids, default_issuer=issuer, env=env)
        extra = [Candidate(d["id"], d.get("number"), d.get("date"), d.get("issuer") or "", d["doc_type"])
                 for d in p.docs]
        planned.append(p)
    return planned


def _files(p: Planned) -> tuple[dict[str, bytes], str]:
    today = dt.date.today().isoformat()
    files: dict[str, bytes] = {}
    manifest = ""
    ids = ", ".join(d["id"] for d in p.docs)
    if p.scan_name:
        files[f"raw/{p.scan_name}"] = p.input.data
        manifest += manifest_entry_text(p.scan_name, {
            "sha256": p.input.sha256, "received": today, "encoding": "binary",
            "source_name": p.input.path.name, "description": f"original scan ({p.input.kind}); "
                                                             f"its OCR text is {p.raw_name}"})
        text = p.input.text.encode("utf-8")
        manifest += manifest_entry_text(p.raw_name, {
            "sha256": hashlib.sha256(text).hexdigest(), "received": today, "ocr_of": p.scan_name,
            "description": f"Tesseract (tha) OCR of {p.scan_name}; documents: {ids}"})
        files[f"raw/{p.raw_name}"] = text
    else:
        files[f"raw/{p.raw_name}"] = p.input.data
        entry = {"sha256": p.input.sha256, "received": today, "source_name": p.input.path.name}
        if p.input.encoding != "utf-8":
            entry["encoding"] = p.input.encoding
        entry["description"] = f"ingested; documents: {ids}"
        manifest += manifest_entry_text(p.raw_name, entry)
    for meta in p.metas:
        files[f"documents/{meta['id']}.md"] = front_matter_text(meta).encode("utf-8")
    return files, manifest


def _write_reports(paths: Paths, new: list[Planned], quiet: bool) -> None:
    review_dir = paths.work / "review"
    review_dir.mkdir(parents=True, exist_ok=True)
    for p in new:
        stem = Path(p.raw_name).stem
        (review_dir / f"{stem}.md").write_text(review_markdown(p), encoding="utf-8")
        (review_dir / f"{stem}.json").write_text(json.dumps(
            {"raw": p.raw_name, "documents": p.docs}, ensure_ascii=False, indent=1), encoding="utf-8")
        if not quiet:
            print(f"review report: {review_dir / (stem + '.md')}")


def _recover(paths: Paths, only: bool) -> None:
    done = recover(paths.corpus)
    if done.undone:
        print("an earlier ingest was interrupted while moving files; undone: "
              + ", ".join(f"corpus/{r}" for r in done.undone))
    for name in done.stale:
        print(f"removed the staging folder corpus/{name} of an ingest stopped before it changed the corpus")
    if only:
        print("corpus restored" if done else "nothing to recover")


def _load(paths: Paths, issuer: str | None) -> Corpus:
    try:
        corpus = load_corpus(paths.corpus)
    except CorpusError as exc:
        raise IngestError("\n".join(str(p) for p in exc.problems)
                          + "\nfix the corpus first (python -m build_tools check); nothing was ingested") from None
    if issuer and issuer not in corpus.agencies:
        raise IngestError(f"--issuer {issuer}: not an agency id in corpus/agencies.yaml ({', '.join(corpus.agencies)})")
    return corpus


def _commit(paths: Paths, new: list[Planned], quiet: bool) -> int:
    """Move the new files in (atomically), then write the review reports."""
    files: dict[str, bytes] = {}
    manifest = ""
    for p in new:
        f, m = _files(p)
        files.update(f)
        manifest += m
    try:
        commit(paths.corpus, files, manifest)
    except OSError as exc:
        raise IngestError(f"could not write the corpus ({exc}); the files already moved were taken back, "
                          "nothing was written") from None
    except KeyboardInterrupt:
        if not all((paths.corpus / rel).exists() for rel in files):
            raise  # rolled back: nothing was written
        print("interrupted just after the files were added (the review report was not written)", file=sys.stderr)
        return INTERRUPTED
    try:
        _write_reports(paths, new, quiet)
    except KeyboardInterrupt:
        print("interrupted after the files were added; the review report may be incomplete", file=sys.stderr)
        return INTERRUPTED
    if not quiet:
        print("added to the corpus; run `./dev build` (in the venv: `python -m build_tools build`) to publish")
    return 0


def _ingest(args, paths: Paths) -> int:
    corpus = _load(paths, args.issuer)
    log = (lambda m: print(m, file=sys.stderr, flush=True))
    planned = plan([Path(p) for p in args.paths], corpus, args.issuer, log=log)
    if args.json:
        print(json.dumps([d for p in planned for d in p.docs], ensure_ascii=False, indent=2))
    else:
        for p in planned:
            print_plan(p, args.dry_run)
    new = [p for p in planned if not p.duplicate_of]
    if args.dry_run and not args.json:
        print("dry run: nothing was written")
    if args.dry_run or not new:
        return 0
    return _commit(paths, new, args.json)


def _writes(args) -> bool:
    return bool(args.recover or args.accept or (args.paths and not args.dry_run))


def run(args) -> int:
    paths = Paths(corpus=Path(args.corpus).resolve(), out=Path(args.out).resolve())
    if not (args.recover or args.accept or args.paths):
        print("nothing to ingest: give one or more files (text, PNG/JPEG/TIFF scans, PDF)")
        return 2
    try:
        if not _writes(args):
            return _ingest(args, paths)
        with writing(paths, "ingest", log=lambda m: print(m, file=sys.stderr, flush=True)):
            _recover(paths, only=args.recover)
            if args.recover:
                return 0
            if args.accept:
                return accept(paths, args.accept, args.right, args.scope)
            return _ingest(args, paths)
    except (IngestError, LockBusy) as exc:
        print(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        print("interrupted: nothing was written (the corpus is as it was)", file=sys.stderr)
        return INTERRUPTED
