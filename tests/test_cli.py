"""Every CLI verb has plain-words help and is documented in the README."""
import pytest
from conftest import ROOT, run_cli, run_cli_process

from build_tools.cli import VERBS

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_verb_help(verb):
    out = run_cli(verb, "--help").stdout
    assert VERBS[verb][0].split(":")[0].split(" (")[0] in " ".join(out.split())


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_verb_documented_in_readme(verb):
    assert f"python -m build_tools {verb}" in README or f"./dev {verb}" in README


def test_top_level_help_lists_all_verbs():
    out = run_cli("--help").stdout
    for verb in VERBS:
        assert verb in out


def test_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [ln for ln in quick.split("```sh", 1)[1].split("```", 1)[0].splitlines() if ln.strip()]
    assert commands == ["./dev serve", "./dev test"]


def test_search_limit_must_be_at_least_one():
    proc = run_cli("search", "ยาเสพติด", "--limit", "0", check=False)
    assert proc.returncode == 2 and "argument --limit: must be 1 or more, got 0" in proc.stderr


@pytest.mark.slow
def test_the_command_runs_as_a_process():
    """The other CLI tests run in this process; this one starts it as a user does."""
    proc = run_cli_process("search", "--limit", "0", "x", check=False)
    assert proc.returncode == 2 and "must be 1 or more" in proc.stderr
    assert "build" in run_cli_process("--help").stdout


def test_command_reference_page_is_generated_from_the_parser():
    from build_tools.cli import reference

    assert reference.PAGE.read_text(encoding="utf-8") == reference.render(), (
        "docs/cli-reference.md differs from the commands: run ./dev cli-reference")
