"""One atomic publish, one writer lock, no tracebacks (issue #12): a failure or a kill at
any step leaves the previous build complete; `check` names a half-published or
inconsistent state and the next build repairs it."""
import os
import signal
import subprocess
import sys

import pytest
from conftest import ROOT, copy_built, ctrl_c_as_at_a_terminal, run_cli

from build_tools.build import publish
from build_tools.common.paths import Paths

pytestmark = pytest.mark.slow


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _outputs(out):
    return {name: _tree(out / rel) for name, rel in
            (("site", "site"), ("index", "build/index"), ("normalized", "build/normalized"))}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("published")
    run_cli("build", "--out", out)
    return out


@pytest.fixture
def out(first_build, tmp_path):
    return copy_built(first_build, tmp_path / "out")


def _corpus_with_new_title(tmp_path, field="title"):
    """The MOU retitled; its `short_title` is in the navigation, so every page changes."""
    from conftest import copy_corpus

    corpus = copy_corpus(tmp_path)
    doc = corpus / "documents" / "mou-2552-06-12.md"
    text = doc.read_text(encoding="utf-8")
    assert f"\n{field}: " in text
    doc.write_text(text.replace(f"\n{field}: ", f"\n{field}: ฉบับใหม่ ", 1), encoding="utf-8")
    return corpus


def _chattr(flag, path):
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


def test_an_unwritable_site_changes_nothing_and_says_why(out, tmp_path):
    corpus = _corpus_with_new_title(tmp_path)
    before = _outputs(out)
    if not _chattr("+i", out / "site"):
        pytest.skip("chattr +i is not supported here")
    try:
        proc = run_cli("build", "--corpus", corpus, "--out", out, check=False)
    finally:
        _chattr("-i", out / "site")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Operation not permitted" in proc.stderr and "unchanged" in proc.stderr
    assert _outputs(out) == before  # the index and normalized documents were not replaced either
    assert run_cli("check", "--out", out).returncode == 0
    run_cli("build", "--corpus", corpus, "--out", out)
    assert "ฉบับใหม่" in (out / "build/normalized/mou-2552-06-12.md").read_text(encoding="utf-8")
    assert "ฉบับใหม่" in (out / "site/documents/mou-2552-06-12/index.html").read_text(encoding="utf-8")


def test_a_failure_midway_through_the_swaps_puts_everything_back(out, tmp_path, monkeypatch):
    from build_tools.build import build

    before = _outputs(out)
    real = publish._swap_in

    def fail_on_site(staged, target, previous):
        if target.name == "site":
            raise OSError(30, "Read-only file system", str(target))
        real(staged, target, previous)

    monkeypatch.setattr(publish, "_swap_in", fail_on_site)
    with pytest.raises(OSError):
        build(Paths(corpus=_corpus_with_new_title(tmp_path), out=out), log=lambda m: None)
    assert _outputs(out) == before
    assert publish.state_problems(Paths(out=out)) == []


def test_a_kill_while_publishing_is_named_by_check_and_undone_by_the_next_build(out, tmp_path, monkeypatch):
    from build_tools.build import build

    before = _outputs(out)
    real, swaps = publish._swap_in, []

    def killed_after_two(staged, target, previous):
        if len(swaps) == 2:
            raise SystemExit("killed")  # the process dies here: no rollback runs
        swaps.append(target.name)
        real(staged, target, previous)

    monkeypatch.setattr(publish, "_swap_in", killed_after_two)
    monkeypatch.setattr(publish, "_undo", lambda *a: None)
    corpus = _corpus_with_new_title(tmp_path)
    with pytest.raises(SystemExit):
        build(Paths(corpus=corpus, out=out), log=lambda m: None)
    monkeypatch.undo()
    proc = run_cli("check", "--out", out, check=False)
    assert proc.returncode == 1 and "a build was stopped while publishing" in proc.stderr
    assert "Traceback" not in proc.stderr
    logs = []
    publish.recover(Paths(out=out), log=logs.append)
    assert "undid the half-finished publish" in logs[0]
    assert _outputs(out) == before
    run_cli("build", "--corpus", corpus, "--out", out)
    assert run_cli("check", "--out", out).returncode == 0


def test_check_names_a_site_that_lost_its_search_index_and_build_repairs_it(out):
    for p in (out / "site/search/th/d").glob("*.json"):
        p.unlink()
    (out / "site/index.html").unlink()
    proc = run_cli("check", "--out", out, check=False)
    assert proc.returncode == 1
    assert "site/index.html is missing" in proc.stderr and "dictionary shards" in proc.stderr
    run_cli("build", "--out", out)
    assert run_cli("check", "--out", out).returncode == 0
    assert (out / "site/index.html").is_file() and any((out / "site/search/th/d").glob("*.json"))


def test_check_names_stale_staging_folders(out):
    (out / "build/publish/site").mkdir(parents=True)
    proc = run_cli("check", "--out", out)
    assert "staging folder of a build that was stopped before publishing" in proc.stdout


def test_two_builds_at_once_publish_one_complete_site(tmp_path):
    def start():
        return subprocess.Popen([sys.executable, "-m", "build_tools", "build", "--out", str(tmp_path)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    # The second starts once the first holds the writer lock (it prints [1/5] holding it):
    # started together, on a loaded machine the first could finish before the second began.
    first = start()
    seen = []
    for line in first.stdout:
        seen.append(line)
        if line.startswith("[1/5]"):
            break
    procs = [first, start()]
    results = [p.communicate(timeout=600) for p in procs]
    results[0] = ("".join(seen) + results[0][0], results[0][1])
    assert [p.returncode for p in procs] == [0, 0], results
    assert any("waiting for `build`" in out + err for out, err in results), results
    assert not any("Traceback" in err for _, err in results)
    assert publish.state_problems(Paths(out=tmp_path)) == []
    assert (tmp_path / "site/index.html").is_file() and any((tmp_path / "site/search/th/p").glob("*.json"))


def test_ctrl_c_in_a_build_prints_no_traceback_and_keeps_the_published_build(out, tmp_path):
    before = _outputs(out)
    # A new navigation title: the whole site is rendered again (seconds, not the half
    # second of an incremental build, which a loaded machine could finish before the
    # signal came).
    corpus = _corpus_with_new_title(tmp_path, "short_title")
    proc = subprocess.Popen([sys.executable, "-m", "build_tools", "build", "--corpus", str(corpus), "--out", str(out)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=ctrl_c_as_at_a_terminal)
    for line in proc.stdout:  # interrupt while the site is built
        if line.startswith("[3/5]"):
            assert "generated pages changed" not in line, line  # a full site build
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert _outputs(out) == before
    assert publish.state_problems(Paths(out=out)) == []


def test_permalinks_release_waits_for_the_writer_lock(tmp_path):
    from conftest import copy_corpus

    from build_tools.common.lock import writing

    corpus = copy_corpus(tmp_path)
    paths = Paths(corpus=corpus, out=tmp_path / "out")
    released = (corpus / "permalinks" / "released.txt").read_bytes()
    with writing(paths, "build", log=lambda m: None):
        proc = subprocess.run([sys.executable, "-m", "build_tools", "permalinks", "--release", "--corpus", str(corpus),
                               "--out", str(paths.out)], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "SIAM_YIM_LOCK_WAIT": "0"})
    assert proc.returncode == 1 and "nothing recorded" in proc.stderr and "`build`" in proc.stderr
    assert (corpus / "permalinks" / "released.txt").read_bytes() == released


def test_what_a_build_publishes_is_readable_by_others_as_any_file_it_writes(first_build, tmp_path):
    # (temporary files are made 0600; a published file must not keep that mode: a web
    # server or another maintainer reads the normalized documents and the site)
    umask = os.umask(0)
    os.umask(umask)
    plain = 0o666 & ~umask
    published = [first_build / "build" / "published.json", *sorted((first_build / "build" / "normalized").iterdir()),
                 *sorted((first_build / "build" / "docs" / "documents").rglob("*.md"))[:5]]
    assert len(published) > 10
    assert {p.name: oct(p.stat().st_mode & 0o777) for p in published if p.stat().st_mode & 0o777 != plain} == {}


def test_a_file_written_atomically_leaves_a_hard_link_to_the_old_one_as_it_was(tmp_path):
    from build_tools.common.atomic import write_text_atomic

    target, link = tmp_path / "page.md", tmp_path / "published.md"
    write_text_atomic(target, "เดิม\n")
    os.link(target, link)
    write_text_atomic(target, "ใหม่\n", sync=False)
    assert target.read_text(encoding="utf-8") == "ใหม่\n" and link.read_text(encoding="utf-8") == "เดิม\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_the_build_s_records_are_plain_json_any_reader_reads(tmp_path):
    import json

    from build_tools.common.records_json import read_record, write_record

    value = {"site": {"pages": {"documents/ก/": "a1"}, "counts": {3: [1, 2.5, None, True]}}, "id": "20261203"}
    write_record(tmp_path / "published.json", value)
    as_json = json.loads((tmp_path / "published.json").read_text(encoding="utf-8"))
    assert as_json == read_record(tmp_path / "published.json") == json.loads(json.dumps(value))
    (tmp_path / "broken.json").write_text('{"id": ', encoding="utf-8")
    (tmp_path / "list.json").write_text("[1]", encoding="utf-8")
    assert read_record(tmp_path / "broken.json") is None and read_record(tmp_path / "list.json") is None
    assert read_record(tmp_path / "missing.json") is None
