"""Run Zensical (the successor of Material for MkDocs) on the assembled sources.

Zensical reads `mkdocs.yml` but runs no MkDocs plugins, and requires the sources and
the output inside the folder of its configuration file: we write a copy of
`mkdocs.yml` with `docs_dir`, `site_dir` and the generated navigation into the build
folder and run its command line (`zensical build --strict`).  It keeps its own cache
in `<build>/.cache`, so a rebuild re-renders only what changed.  Its own search index is
switched off: the site search is ours."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from build_tools.outputs.site.engine_mkdocs import SiteBuildError

CONFIG_NAME = "zensical.yml"


def zensical_config(config_file: Path, root: Path, docs_dir: Path, site_dir: Path, nav: list) -> Path:
    """Write the configuration Zensical reads: our mkdocs.yml (plain YAML) pointed at the
    assembled sources, the staged site and the generated navigation."""
    cfg = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    # Zensical's own search would publish the whole site as one search.json that every
    # page downloads on load (hundreds of MB at 10,000 letters); the site search is ours
    # (search/th/, javascripts/search-th.js).
    cfg["plugins"] = [{"search": {"enabled": False}}]
    cfg.update(docs_dir=os.path.relpath(docs_dir, root), site_dir=os.path.relpath(site_dir, root), nav=nav)
    target = root / CONFIG_NAME
    target.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def build_with_zensical(config_file: Path, root: Path, docs_dir: Path, site_dir: Path, nav: list,
                        log=None) -> None:
    """A strict `zensical build` of `docs_dir` into `site_dir` (both inside `root`)."""
    cfg = zensical_config(config_file, root, docs_dir, site_dir, nav)
    proc = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "-f", str(cfg)],
                          cwd=root, capture_output=True, text=True)
    out = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0 or not (site_dir / "index.html").is_file():
        raise SiteBuildError("zensical build --strict failed:\n  " + "\n  ".join(out.splitlines()[-30:]))
    if log:
        log("  " + (out.splitlines()[-1] if out else "zensical: done"))
