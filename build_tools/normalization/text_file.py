"""The `normalize` verb: run the normalization chain over any text file.

The input is read with textio (UTF-8, or TIS-620/Windows-874 converted with a note;
empty and binary files refused with file:line).  The output goes to stdout or, with -o,
is written atomically; the corpus is never written to (a target inside it is refused)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from build_tools.common.atomic import write_text_atomic
from build_tools.common.paths import Paths
from build_tools.common.textio import TextFileError, read_text_file
from build_tools.normalization.known_names import restorable_names
from build_tools.normalization.rules import Context, Line, normalize_lines
from build_tools.sources.corpus import load_corpus
from build_tools.sources.corrections import CORPUS_SCOPE, known_names


class NormalizeFileError(Exception):
    pass


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def normalize_file(src: Path, output: Path | None, paths: Paths, changes: bool = False,
                   corrections: bool = True, log=print) -> Context:
    if output is not None and _inside(output, paths.corpus):
        raise NormalizeFileError(f"{output}: refusing to write into the corpus folder "
                                 f"({paths.corpus}); corpus files are sources, write elsewhere")
    try:
        decoded = read_text_file(src)
    except TextFileError as exc:
        raise NormalizeFileError(str(exc)) from None
    for note in decoded.notes:
        log(f"note: {note}")
    ctx = Context(doc_id=src.name)
    if corrections:
        corpus = load_corpus(paths.corpus)
        ctx.corrections = [c for c in corpus.corrections if c.scope == CORPUS_SCOPE]
        ctx.names = tuple(known_names(corpus.names))
        ctx.known_names, ctx.restore_places = restorable_names(corpus), True
    raw = decoded.text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    t0 = time.perf_counter()
    if len(raw) > 20000:
        log(f"normalizing {len(raw):,} lines ({len(decoded.text):,} characters)…")
    lines = normalize_lines([Line(t, (i + 1,)) for i, t in enumerate(raw)], ctx)
    text = "\n".join(ln.text for ln in lines) + "\n"
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_text_atomic(output, text)
    if changes:
        for c in ctx.changes:
            where = ",".join(map(str, c.lines))
            log(f"{src}:{where}: {c.rule}: {c.before!r} -> {c.after!r}")
    for f in ctx.flags:
        log(f"{src}:{f.line}: warning: {f.kind}: {f.message}")
    log(f"{src}: {len(raw):,} lines, {len(ctx.changes):,} changes in "
        f"{time.perf_counter() - t0:.1f} s" + (f", written to {output}" if output else ""))
    return ctx
