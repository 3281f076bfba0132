"""One atomic publish of everything a build makes: the normalized documents, the search
index, the assembled site sources and the site move to the new build together, or none
of them does.

Each output is prepared complete in a staging folder (`build/publish/<name>`: a fresh
folder, or for an incremental build a hard-linked copy of the published one, in which
changed files are replaced, never written through).  Publishing then:

1. stamps every staged output with the build's id (`.siam-yim-build`);
2. writes a journal (`build/publish/journal.json`) naming the swaps;
3. swaps each staged folder in (the published one moves to `build/publish/previous/`);
4. records the build in `build/published.json` (id, time, site state);
5. removes the journal and the previous folders; a previous folder the staged one was
   a linked copy of is kept as that output's spare (`build/publish/spare/<name>`): the
   next build's linked copy is the spare brought up to date (linked_copy.py), which costs
   the files that changed, not the whole folder made and deleted again.

A failure in step 3 (e.g. an unwritable site) moves every output back at once.  A
process killed between 2 and 5 leaves the journal: `check` names the half-published
state and the next build finishes it (when step 4 was reached) or undoes it, before
anything else.  Readers (`search`, `serve`) open an output by its path, so they see
the previous or the new folder, never a half-written one."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from build_tools.build import linked_copy
from build_tools.common.paths import Paths
from build_tools.common.records_json import read_record, write_record

STAMP = ".siam-yim-build"
SPARE = "spare"  # build/publish/spare/<name>: a linked copy of an output, out of date (see above)


def outputs(paths: Paths) -> dict[str, Path]:
    """The published outputs, by name (the order they are swapped in; the site last)."""
    return {"normalized": paths.normalized, "index": paths.index, "docs": paths.docs, "site": paths.site}


def publish_dir(paths: Paths) -> Path:
    return paths.work / "publish"


def spare_path(paths: Paths, name: str) -> Path:
    return publish_dir(paths) / SPARE / name


def relink_record(paths: Paths, name: str) -> Path:
    """Which folders of an output and its spare a relink left equal (linked_copy.py)."""
    return publish_dir(paths) / f"relinked-{name}.pickle"  # (a file: publish_dir's folders are outputs)


def journal_path(paths: Paths) -> Path:
    return publish_dir(paths) / "journal.json"


def record_path(paths: Paths) -> Path:
    return paths.work / "published.json"


def published(paths: Paths) -> dict | None:
    """The record of the last complete publish (None before the first)."""
    return read_record(record_path(paths))


def stamp_of(folder: Path) -> str | None:
    try:
        return (folder / STAMP).read_text(encoding="utf-8").strip()
    except OSError:
        return None


@dataclass
class Staging:
    """The staging folders of one build."""
    paths: Paths
    build_id: str

    def __post_init__(self):
        self.folder = publish_dir(self.paths)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.started: set[str] = set()
        self.copying: dict[str, subprocess.Popen] = {}
        self.linked: set[str] = set()  # staged as linked copies of the published outputs (or begun as one)

    @property
    def names(self) -> list[str]:
        """The outputs this build staged, in publishing order."""
        return [n for n in outputs(self.paths) if n in self.started]

    def path(self, name: str) -> Path:
        return self.folder / name

    def prefetch(self, names) -> None:
        """Begin the linked copies of these published outputs now, in processes on the
        other core, while the build goes on (at 10,000 letters each is tens of thousands
        of links): each output's spare brought up to date, or where it has none, `cp`.
        start() takes the copy when it is asked for, or throws it away (a full build
        after all)."""
        for name in names:
            src, dest = outputs(self.paths)[name], self.path(name)
            if name in self.copying or name in self.started or not src.is_dir():
                continue
            self._throw_away(dest)
            proc = self._start_relink(name, src, dest) or linked_copy.start_cp_links(src, dest)
            if proc is not None:
                self.copying[name] = proc
                self.linked.add(name)

    def start(self, name: str, from_published: bool) -> Path:
        """An empty staging folder for `name`, or a linked copy of the published one."""
        target = self.path(name)
        self.started.add(name)
        proc = self.copying.pop(name, None)
        if from_published and proc is not None and proc.wait() == 0:
            (target / STAMP).unlink(missing_ok=True)
            return target
        if proc is not None:
            proc.kill()
            proc.wait()
            self._throw_away(target)
        if from_published:
            self._linked_copy(name, target)
            self.linked.add(name)
        else:
            self.linked.discard(name)
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
        return target

    def _take_spare(self, name: str, dest: Path) -> bool:
        """The output's spare moved to `dest` (False: there is none)."""
        try:
            spare_path(self.paths, name).rename(dest)
        except OSError:
            return False
        return True

    def _start_relink(self, name: str, src: Path, dest: Path) -> subprocess.Popen | None:
        """The output's spare, at `dest`, brought up to date by a process of its own."""
        if not self._take_spare(name, dest):
            return None
        try:
            return subprocess.Popen([sys.executable, linked_copy.__file__, str(src), str(dest),
                                     str(relink_record(self.paths, name))],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            self._throw_away(dest)
            return None

    def _linked_copy(self, name: str, target: Path) -> None:
        """A linked copy of the published output at `target`: its spare brought up to
        date, or a new one."""
        src = outputs(self.paths)[name]
        self._throw_away(target)
        if not (src.is_dir() and self._take_spare(name, target) and self._relinked(name, src, target)):
            linked_copy.link_copy(src, target)
        (target / STAMP).unlink(missing_ok=True)

    def _relinked(self, name: str, src: Path, target: Path) -> bool:
        """The spare at `target` brought up to date here (False, and thrown away, if it
        cannot be)."""
        try:
            linked_copy.relink(str(src), str(target), str(relink_record(self.paths, name)))
        except OSError:
            self._throw_away(target)
            return False
        return True

    def _throw_away(self, folder: Path) -> None:
        """A staged folder no build will use, deleted by a detached process."""
        if folder.exists():
            remove_later(self.paths, folder)

    def discard(self) -> None:
        """Every staging folder thrown away; a linked copy (even a half-made one: its
        files are the published ones or older) is kept as its output's spare."""
        for proc in self.copying.values():
            proc.kill()
            proc.wait()
        self.copying.clear()
        for p in self.folder.iterdir() if self.folder.is_dir() else ():
            if not p.is_dir() or p.name in ("previous", SPARE):
                continue
            if not (p.name in self.linked and keep_spare(self.paths, p)):
                self._throw_away(p)


def keep_spare(paths: Paths, folder: Path) -> bool:
    """Keep `folder`, a linked copy of the output it is named after (or an older state
    of one), as that output's spare, unless it has one."""
    spare = spare_path(paths, folder.name)
    if spare.exists():
        return False
    try:
        spare.parent.mkdir(exist_ok=True)
        folder.rename(spare)
    except OSError:
        return False
    return True


def new_build_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


def publish(staging: Staging, state: dict, log=print) -> None:
    """Swap every staged output in at once (see the module docstring)."""
    paths, build_id = staging.paths, staging.build_id
    names = staging.names
    for name in names:
        (staging.path(name) / STAMP).write_text(build_id + "\n", encoding="utf-8")
    previous = publish_dir(paths) / "previous"
    shutil.rmtree(previous, ignore_errors=True)
    previous.mkdir(parents=True)
    write_record(journal_path(paths), {"id": build_id, "outputs": names})
    swapped: list[str] = []
    try:
        for name in names:
            _swap_in(staging.path(name), outputs(paths)[name], previous / name)
            swapped.append(name)
        write_record(record_path(paths), {**state, "id": build_id, "finished": time.strftime("%Y-%m-%d %H:%M:%S")})
    except BaseException:
        _undo(paths, swapped, previous)
        raise
    journal_path(paths).unlink()
    for name in staging.linked & set(names):  # (each staged as a linked copy of the one it replaced)
        keep_spare(paths, previous / name)
    remove_later(paths, previous)


EMPTY_TRASH = ("import pathlib, shutil, sys\n"
               "for p in pathlib.Path(sys.argv[1]).iterdir(): shutil.rmtree(p, True)\n")


def trash_dir(paths: Paths) -> Path:
    return paths.work / "publish-trash"


def remove_later(paths: Paths, folder: Path) -> None:
    """Delete the replaced outputs in a detached process (unlinking tens of thousands of
    files takes seconds the maintainer need not wait for); whatever a stopped deletion
    leaves is removed by the next build."""
    trash = trash_dir(paths)
    try:
        trash.mkdir(parents=True, exist_ok=True)
        folder.rename(trash / uuid.uuid4().hex)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        subprocess.Popen([sys.executable, "-c", EMPTY_TRASH, str(trash)],
                         start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    except OSError:
        for p in trash.iterdir():
            shutil.rmtree(p, ignore_errors=True)


def remember_inputs(paths: Paths, inputs: str, site: dict | None = None) -> None:
    """Record that the published build is also what these inputs give; `site`: the
    site state of a build that found every page the published one (its pages' cache
    keys and dependency record are this build's)."""
    record = published(paths)
    if record is not None:
        record = {**record, "inputs": inputs, **({"site": site} if site else {})}
        write_record(record_path(paths), record)


def _swap_in(staged: Path, target: Path, previous: Path) -> None:
    if target.exists():
        target.rename(previous)
    try:
        staged.rename(target)
    except BaseException:
        if previous.exists() and not target.exists():
            previous.rename(target)
        raise


def _undo(paths: Paths, swapped: list[str], previous: Path) -> None:
    """Put back every output that was swapped in; the journal goes when all are back."""
    for name in reversed(swapped):
        target, prev = outputs(paths)[name], previous / name
        if prev.exists():
            shutil.rmtree(target, ignore_errors=True)
            prev.rename(target)
        else:  # there was none before this build
            shutil.rmtree(target, ignore_errors=True)
    journal_path(paths).unlink(missing_ok=True)
    shutil.rmtree(previous, ignore_errors=True)


def recover(paths: Paths, log=print) -> str | None:
    """Finish or undo a publish that a killed build left halfway; returns what was done."""
    journal = read_record(journal_path(paths))
    if journal is None:
        journal_path(paths).unlink(missing_ok=True)
        return None
    previous = publish_dir(paths) / "previous"
    done = (published(paths) or {}).get("id") == journal.get("id")
    if done:  # every output was swapped in and recorded: only the cleanup was missing
        shutil.rmtree(previous, ignore_errors=True)
        journal_path(paths).unlink()
        what = f"finished the publish of build {journal.get('id')} that was interrupted during its cleanup"
    else:
        names = [n for n in journal.get("outputs", []) if n in outputs(paths)]
        swapped = [n for n in names if (previous / n).exists() or stamp_of(outputs(paths)[n]) == journal.get("id")]
        _undo(paths, swapped, previous)
        what = f"undid the half-finished publish of build {journal.get('id')}: the previous build is back"
    log(f"  {what}")
    return what


SITE_REQUIRED = ("index.html", "404.html", "sitemap.xml", "search/th/meta.json")


def site_problems(site: Path) -> list[str]:
    """Files a published site cannot do without (its search included)."""
    out = [f"{site}/{rel} is missing" for rel in SITE_REQUIRED if not (site / rel).is_file()]
    meta = read_record(site / "search/th/meta.json")
    if meta is not None:
        missing = [k for k in meta.get("dict_shards", []) if not (site / "search/th/d" / f"{k}.json").is_file()]
        if missing:
            out.append(f"{site}/search/th/d/ lacks {len(missing)} of {len(meta.get('dict_shards', []))} "
                       "dictionary shards (the site search would find nothing)")
        if meta.get("sections") and not (site / "search/th/s/0.json").is_file():
            out.append(f"{site}/search/th/s/ is empty")
    return out


def state_problems(paths: Paths, record: dict | None = None) -> list[str]:
    """What is wrong with the published state, in words (empty when it is consistent or
    nothing was ever built); `record`: the published build's record, when the caller has
    read it (at 10,000 letters it is megabytes of JSON)."""
    if journal_path(paths).exists():
        journal = read_record(journal_path(paths)) or {}
        return [f"{journal_path(paths)}: a build was stopped while publishing (build {journal.get('id')}): "
                "the site, index and normalized documents may be from different builds; "
                "run `python -m build_tools build` to repair"]
    record = published(paths) if record is None else record
    if record is None:  # nothing published yet (or by a version without the record: see leftovers)
        return []
    out = []
    for name, p in outputs(paths).items():
        if name not in record.get("outputs", outputs(paths)):
            continue
        stamp = stamp_of(p)
        if not p.exists():
            out.append(f"{p} is missing (published by build {record.get('id')})")
        elif stamp != record.get("id"):
            out.append(f"{p} is from build {stamp or '(unknown)'}, not from the published build "
                       f"{record.get('id')}")
    if paths.site.exists():
        out += site_problems(paths.site)
    return [m + "; run `python -m build_tools build` to repair" for m in out]


def leftovers(paths: Paths) -> list[str]:
    """Staging folders a stopped build left (harmless: the next build removes them)."""
    folder = publish_dir(paths)
    present = [str(p) for p in outputs(paths).values() if p.exists()]
    unrecorded = [f"{record_path(paths)} is missing: {', '.join(present)} were not published by a build of this "
                  "version; the next `python -m build_tools build` publishes them together"] \
        if present and published(paths) is None and not journal_path(paths).exists() else []
    if journal_path(paths).exists() or not folder.is_dir():
        return unrecorded
    return unrecorded + [f"{p}: staging folder of a build that was stopped before publishing "
            "(harmless; the next build removes it)" for p in sorted(folder.iterdir())
            if p.is_dir() and p.name != SPARE]
