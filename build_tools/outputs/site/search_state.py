"""Whether the published site search is still what the build that kept its state
left (search_delta.py updates it by delta only then), and the checks of it that a
rebuild begins on the other core before the engine renders (EarlyChecks)."""
from __future__ import annotations

import os
from pathlib import Path

from build_tools.common.parallel import in_background
from build_tools.outputs.site.search_files import SearchFiles
from build_tools.outputs.site.site_sections import excluded_again


class Refused(Exception):
    """A delta would not give what making the index whole gives (or would cost more)."""


def may_update(saved: dict, files_saved: dict, pages_key: str | None) -> bool:
    """A delta may be tried: the last build kept its state, for the same pages."""
    return bool(files_saved.get("index") and saved.get("urls") and pages_key is not None
                and saved.get("pages_key") == pages_key)


class EarlyChecks:
    """The checks of a delta that read only what is staged before the engine renders:
    whether each source page is still excluded from the search or not (excluded_again)
    and whether every file of the published index is the one written (verify_files),
    tens of thousands of stats at 10,000 letters, made in a forked process while the
    engine renders.  Neither the sources nor the index's files change meanwhile: the
    sources are written before, and the engine writes pages, not the index."""

    def __init__(self, final: Path, docs_dir: Path | None, kept, files_saved: dict, pages_key: str | None):
        self.kept, self.files_saved = kept, files_saved
        sources, files = kept.saved.get("sources", {}), files_saved.get("files") or {}
        self.job = in_background(lambda _: _checked(final, docs_dir, sources, files), [None]) \
            if may_update(kept.saved, files_saved, pages_key) else None

    def stop(self) -> None:
        """Done with (the build went on without the result, or failed): the process ends."""
        if self.job is not None:
            self.job.stop()
            self.job = None

    def result(self) -> tuple | None:
        """(the excluded pages, or None when a source is gone; the sources' records that
        changed; whether the index's files are the written ones), None: nothing checked."""
        if self.job is None:
            return None
        try:
            return self.job.result()[0]
        finally:
            self.job = None


def _checked(final: Path, docs_dir: Path | None, sources: dict, files: dict) -> tuple:
    known = dict(sources)
    excluded = excluded_again(docs_dir, known) if known else None
    try:
        verify_files(final, files)
    except Refused:
        return excluded, {}, False
    return excluded, {rel: e for rel, e in known.items() if e is not sources.get(rel)}, True


def verify_files(final: Path, known: dict) -> None:
    """Every file of the index is the one the files cache saw written, and there is no other."""
    per_folder = {sub: 0 for sub in SearchFiles.SUBDIRS}
    top = os.path.join(final, "")
    for rel, entry in known.items():
        if rel.startswith("#"):  # a group of files (a common term's)
            continue
        try:
            st = os.stat(top + rel)
        except OSError:
            raise Refused from None
        if [st.st_ino, st.st_size, st.st_mtime_ns] != entry[1:]:
            raise Refused
        per_folder[rel.split("/", 1)[0]] += 1
    if any(len(os.listdir(top + sub)) != n for sub, n in per_folder.items()):
        raise Refused
