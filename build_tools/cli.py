"""Command line: `python -m build_tools <verb>` (alias: `siam-yim <verb>`).

Every verb is listed in VERBS with a plain-words description; `--help` on any verb
says what it does.  A test checks that each verb is documented in the README."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from build_tools.paths import Paths
from build_tools.problems import CorpusError


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


def cmd_build(args) -> int:
    from build_tools.build import SiteBuildError, build

    try:
        build(_paths(args), log=lambda m: print(m, flush=True), site=not args.no_site)
    except CorpusError as exc:
        return _print_problems(exc)
    except SiteBuildError as exc:
        print(f"site build failed; the previous site, index and documents are unchanged.\n{exc}",
              file=sys.stderr)
        return 1
    return 0


def cmd_check(args) -> int:
    from build_tools.corpus import load_corpus

    paths = _paths(args)
    try:
        corpus = load_corpus(paths.corpus)
    except CorpusError as exc:
        return _print_problems(exc)
    for w in corpus.warnings:
        print(w)
    print(f"corpus OK: {len(corpus.raw)} raw file(s), {len(corpus.documents)} document(s), "
          f"{len(corpus.agencies)} agencies")
    return 0


def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def cmd_search(args) -> int:
    from build_tools.search import Filters, IndexMissing, search

    filters = Filters(doc_type=args.type, agency=args.agency, mission=args.mission,
                      date_from=args.date_from, date_to=args.date_to)
    try:
        hits = search(_paths(args).index, " ".join(args.query), limit=args.limit, filters=filters)
    except IndexMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(hits, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("ไม่พบผลลัพธ์ (no results)")
        return 0
    if hits[0].get("match") == "near":
        print("ไม่พบคำที่พิมพ์ตรงตัว แสดงผลของคำที่ใกล้เคียง (no exact match; showing near spellings)")
    for i, h in enumerate(hits, 1):
        section = f" · {h['section']}" if h["section"] else ""
        print(f"{i}. {h['title']}{section}  [{h['score']:.2f}]")
        print(f"   /{h['url']}")
        print(f"   {h['snippet']}")
    return 0


def cmd_serve(args) -> int:
    from build_tools.serve import serve

    paths = _paths(args)
    if not (paths.site / "index.html").exists():
        print(f"no built site in {paths.site}: run `python -m build_tools build` first", file=sys.stderr)
        return 2
    serve(paths.site, args.host, args.port)
    return 0


VERBS = {
    "build": ("Build everything: check the corpus, normalize the documents, update the "
              "search index and build the site into site/.", cmd_build),
    "check": ("Check the corpus (raw-file hashes, document front matter, ids) and print "
              "file:line: message for each problem.", cmd_check),
    "search": ("Search the corpus from the command line (Thai words with or without spaces, "
               "\"quoted phrases\", filters).", cmd_search),
    "serve": ("Serve the built site at http://127.0.0.1:8000 (offline; press Ctrl+C to stop).",
              cmd_serve),
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_tools",
        description="Build tools for the พลังชุมชน พลังสร้างสรรค์ \"สยามเมืองยิ้ม\" knowledge site.")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    for name, (text, fn) in VERBS.items():
        p = sub.add_parser(name, help=text, description=text)
        p.set_defaults(fn=fn)
        _add_common(p)
        if name == "build":
            p.add_argument("--no-site", action="store_true",
                           help="skip the site (normalize and index only; faster)")
        if name == "search":
            p.add_argument("query", nargs="+", help="what to look for, e.g. ยาเสพติด or \"บทบาทร่วม\"")
            p.add_argument("--limit", type=int, default=10, help="at most this many hits (default 10)")
            p.add_argument("--json", action="store_true", help="print hits as a JSON array")
            p.add_argument("--type", help="only this document type (letter, mou, annex, guidance, framework)")
            p.add_argument("--agency", help="only documents of this agency id (e.g. dla, cdd, oncb)")
            p.add_argument("--mission", help="only this mission id")
            p.add_argument("--from", dest="date_from", type=_date, help="on or after this date (YYYY-MM-DD)")
            p.add_argument("--to", dest="date_to", type=_date, help="on or before this date (YYYY-MM-DD)")
        if name == "serve":
            p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
            p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    return parser


def main(argv=None) -> int:
    args = make_parser().parse_args(argv)
    return args.fn(args)
