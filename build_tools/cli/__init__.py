"""Command line: `python -m build_tools <verb>` (alias: `siam-yim <verb>`).

Every verb is listed in VERBS with a plain-words description; `--help` on any verb
says what it does.  A test checks that each verb is documented in the README."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from build_tools.common.paths import Paths
from build_tools.common.problems import CorpusError


def _paths(args) -> Paths:
    root = Paths().root
    return Paths(root=root, corpus=Path(args.corpus).resolve(), out=Path(args.out).resolve())


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", default=str(Paths().corpus),
                   help="corpus folder (default: corpus/ of this project)")
    p.add_argument("--out", default=str(Paths().out),
                   help="folder that receives build/ and site/ (default: the project folder)")


def _print_problems(exc: CorpusError) -> int:
    for p in exc.problems:
        print(p, file=sys.stderr)
    n = len(exc.problems)
    print(f"{n} error{'s' if n != 1 else ''} in the corpus; nothing was changed.", file=sys.stderr)
    return 1


UNCHANGED = "the previous site, index and normalized documents are unchanged"


def cmd_build(args) -> int:
    from build_tools.build import SiteBuildError, build
    from build_tools.common.lock import LockBusy

    try:
        build(_paths(args), log=lambda m: print(m, flush=True), site=not args.no_site, engine=args.engine)
    except CorpusError as exc:
        return _print_problems(exc)
    except SiteBuildError as exc:
        print(f"site build failed; {UNCHANGED}.\n{exc}", file=sys.stderr)
        return 1
    except LockBusy as exc:
        print(f"build not started: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\nbuild interrupted; {UNCHANGED}.", file=sys.stderr)
        return 130
    except OSError as exc:  # e.g. an unwritable or immutable site folder, a full disk
        print(f"build failed: {exc.strerror or exc}: {exc.filename or ''}; {UNCHANGED}.", file=sys.stderr)
        return 1
    return 0


def _published_state(paths: Paths) -> int:
    """Errors for a half-published or inconsistent build (the next build repairs it),
    warnings for leftover staging folders; returns the number of errors."""
    from build_tools.build.publish import leftovers, state_problems

    errors = state_problems(paths)
    for msg in errors:
        print(f"error: {msg}", file=sys.stderr)
    for msg in leftovers(paths) + _ingest_leftovers(paths):
        print(f"warning: {msg}")
    return len(errors)


def _ingest_leftovers(paths: Paths) -> list[str]:
    return [f"{p}: staging folder of an ingest that was stopped; `python -m build_tools ingest --recover` "
            "undoes what it moved" for p in sorted(paths.corpus.glob(".ingest-*")) if p.is_dir()]


def cmd_check(args) -> int:
    from build_tools.knowledge.checked import check_corpus

    paths = _paths(args)
    try:
        checked = check_corpus(paths.corpus)
    except CorpusError as exc:
        return _print_problems(exc)
    corpus, found = checked.corpus, checked.review
    warnings = checked.warnings
    for w in warnings:
        print(w)
    broken = _published_state(paths)
    undecided = sum(1 for c in found.conflicts if c.decision is None)
    print(f"corpus OK: {len(corpus.raw)} raw file(s), {len(corpus.documents)} document(s), "
          f"{len(corpus.agencies)} agencies, {len(corpus.corrections)} reviewed corrections; "
          f"{len(warnings)} warning(s) to review ({undecided} undecided number conflict(s))")
    m = checked.model
    if m is None:
        print("no knowledge model (corpus/model/ is absent)")
        return 1 if broken else 0
    print(f"model OK: {len(m.missions)} missions, {len(m.roles)} roles, {len(m.steps)} guidance steps "
          f"(+{sum(len(s) for s in m.substeps.values())} sub-steps), {len(m.activities)} monitoring activities, "
          f"{len(m.projects)} projects, {len(m.glossary)} glossary terms, {len(m.timeline)} events; "
          f"{len(m.released)} released permalinks")
    if broken:
        print(f"the published build is inconsistent ({broken} error(s) above): run `python -m build_tools build`",
              file=sys.stderr)
        return 1
    return 0


def cmd_diff(args) -> int:
    from build_tools.normalization.diffview import diff_report
    from build_tools.normalization.documents import normalize_document
    from build_tools.sources.corpus import load_corpus

    try:
        corpus = load_corpus(_paths(args).corpus)
    except CorpusError as exc:
        return _print_problems(exc)
    ids = sorted(d.id for d in corpus.documents)
    if args.doc_id not in ids:
        print(f"no document '{args.doc_id}'; documents: {', '.join(ids)}", file=sys.stderr)
        return 2
    sys.stdout.write(diff_report(normalize_document(corpus, corpus.document(args.doc_id))))
    return 0


def cmd_normalize(args) -> int:
    from build_tools.normalization.text_file import NormalizeFileError, normalize_file

    try:
        normalize_file(Path(args.file), Path(args.output) if args.output else None,
                       _paths(args), changes=args.changes,
                       corrections=not args.no_corrections,
                       log=lambda m: print(m, file=sys.stderr, flush=True))
    except NormalizeFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    except CorpusError as exc:
        return _print_problems(exc)
    return 0


def _at_least_one(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {n}")
    return n


def _port(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 1 to 65535, got {n}")
    return n


def _date_arg(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {s!r}; write YYYY-MM-DD (Gregorian), e.g. 2009-08-20") from None


def cmd_search(args) -> int:
    from build_tools.search.output import as_json, text_lines
    from build_tools.search.query import Filters, IndexMissing, QueryError, run

    filters = Filters(doc_type=args.type, agency=args.agency, mission=args.mission,
                      date_from=args.date_from, date_to=args.date_to)
    try:
        result = run(_paths(args).index, " ".join(args.query), limit=args.limit, filters=filters)
    except (IndexMissing, QueryError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(as_json(result) if args.json else "\n".join(text_lines(result, args.explain)))
    return 0


def cmd_permalinks(args) -> int:
    from build_tools.common.atomic import write_text_atomic
    from build_tools.knowledge.checked import check_corpus
    from build_tools.knowledge.permalinks import permalinks, released_text

    paths = _paths(args)
    try:
        checked = check_corpus(paths.corpus, with_review=False)
    except CorpusError as exc:
        return _print_problems(exc)
    links = permalinks(checked.corpus, checked.model, checked.docs)
    if args.release:
        from build_tools.common.lock import LockBusy, writing

        target = paths.corpus / "permalinks" / "released.txt"
        try:
            with writing(paths, "permalinks --release", log=lambda m: print(m, file=sys.stderr, flush=True)):
                write_text_atomic(target, released_text(links))
        except LockBusy as exc:
            print(f"nothing recorded: {exc}", file=sys.stderr)
            return 1
        print(f"recorded {len(links)} permalinks as released in {target}")
        return 0
    for url, kind in links.items():
        print(f"{kind:10} {url}")
    return 0


def cmd_serve(args) -> int:
    from build_tools.cli.serve import serve

    paths = _paths(args)
    if not (paths.site / "index.html").exists():
        print(f"no built site in {paths.site}: run `python -m build_tools build` first", file=sys.stderr)
        return 2
    return serve(paths.site, args.host, args.port)


def cmd_ingest(args) -> int:
    from build_tools.ingest.run import run

    return run(args)


VERBS = {
    "build": ("Build everything: check the corpus, normalize the documents, update the "
              "search index and build the site into site/.", cmd_build),
    "ingest": ("Add new letters to the corpus from OCR text, scanned images (PNG, JPEG, TIFF) "
               "or PDFs: store the file, split it into documents, extract each letter's "
               "number, date, references ..., and write a review report.", cmd_ingest),
    "check": ("Check the corpus (raw-file hashes, document front matter, ids, corrections "
              "data) and print file:line: message for each problem; also warn, per document, "
              "of word suggestions, number conflicts, unknown words and mixed-script leftovers.",
              cmd_check),
    "diff": ("Show how a document's raw OCR text was normalized: every change, diff-style, "
             "with its raw line and the rule or reviewed correction that made it.", cmd_diff),
    "normalize": ("Normalize any text file (UTF-8 or TIS-620/Windows-874) with the same rule "
                  "chain and the corpus-wide reviewed corrections; prints the text or writes "
                  "it with -o.", cmd_normalize),
    "search": ("Search the corpus from the command line (Thai words with or without spaces, "
               "\"quoted phrases\", filters).", cmd_search),
    "permalinks": ("List every permalink the site publishes; --release records them in "
                   "corpus/permalinks/released.txt, after which check fails if one disappears "
                   "without a redirect.", cmd_permalinks),
    "serve": ("Serve the built site at http://127.0.0.1:8000 (offline; press Ctrl+C to stop).",
              cmd_serve),
}


def make_parser(formatter=argparse.HelpFormatter) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_tools", formatter_class=formatter,
        description="Build tools for the พลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิ้ม\" knowledge site.")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    parser.verb_parsers = {}  # name -> its parser (the command reference page reads them)
    for name, (text, fn) in VERBS.items():
        p = sub.add_parser(name, help=text, description=text, formatter_class=formatter)
        parser.verb_parsers[name] = p
        p.set_defaults(fn=fn)
        _add_common(p)
        if name == "build":
            p.add_argument("--no-site", action="store_true",
                           help="skip the site (normalize and index only; faster)")
            p.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                           help="site generator: MkDocs + Material (default) or Zensical, its successor; "
                                "both build the same generated pages")
        if name == "search":
            p.add_argument("query", nargs="+", help="what to look for, e.g. ยาเสพติด or \"บทบาทร่วม\"")
            p.add_argument("--limit", type=_at_least_one, default=10, help="at most this many hits (default 10)")
            p.add_argument("--json", action="store_true",
                           help="print the answer card and the hits as one JSON object")
            p.add_argument("--explain", action="store_true",
                           help="also say how the query was read (question words, intent, thesaurus, weights)")
            p.add_argument("--type", help="only this document type (letter, mou, annex, guidance, framework)")
            p.add_argument("--agency", help="only documents of this agency id (e.g. dla, cdd, oncb)")
            p.add_argument("--mission", help="only this mission id")
            p.add_argument("--from", dest="date_from", type=_date_arg, help="on or after this date (YYYY-MM-DD)")
            p.add_argument("--to", dest="date_to", type=_date_arg, help="on or before this date (YYYY-MM-DD)")
        if name == "ingest":
            p.add_argument("paths", nargs="*", metavar="PATH", help="text, image or PDF files to add")
            p.add_argument("--dry-run", action="store_true", help="write nothing; print what would be added")
            p.add_argument("--json", action="store_true", help="print each document found as JSON")
            p.add_argument("--accept", nargs="+", metavar="FLAG_ID",
                           help="accept the suggestion of these review flags (writes corpus/corrections.yaml)")
            p.add_argument("--right", help="with --accept: the correct text, instead of the suggestion")
            p.add_argument("--scope", help="with --accept: 'corpus' to apply everywhere (default: that document)")
            p.add_argument("--issuer", metavar="AGENCY_ID",
                           help="issuing agency (id in corpus/agencies.yaml) for documents where none is found")
            p.add_argument("--recover", action="store_true",
                           help="undo the file moves of an ingest that was killed midway")
        if name == "diff":
            p.add_argument("doc_id", metavar="DOC_ID", help="document id, e.g. moi-letter-2552-08-06")
        if name == "normalize":
            p.add_argument("file", metavar="FILE", help="text file to normalize (never modified)")
            p.add_argument("-o", "--output", help="write the normalized text here (atomically) "
                                                  "instead of printing it")
            p.add_argument("--changes", action="store_true",
                           help="print the change list (raw line, rule, before, after) to stderr")
            p.add_argument("--no-corrections", action="store_true",
                           help="do not apply the corpus-wide reviewed corrections")
        if name == "permalinks":
            p.add_argument("--release", action="store_true",
                           help="record the current permalinks as released (commit the file)")
        if name == "serve":
            p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
            p.add_argument("--port", type=_port, default=8000, help="port, 1-65535 (default 8000)")
    return parser


def main(argv=None) -> int:
    args = make_parser().parse_args(argv)
    return args.fn(args)
