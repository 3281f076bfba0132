"""Where things are.  Sources live in the project; everything derived goes under
`<out>/build/` (normalized documents, search index, assembled MkDocs sources) and
`<out>/site/` (the built site), both git-ignored.  `out` defaults to the project root;
tests pass a temporary folder."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools import PROJECT_ROOT


@dataclass(frozen=True)
class Paths:
    root: Path = PROJECT_ROOT
    corpus: Path = PROJECT_ROOT / "corpus"
    out: Path = PROJECT_ROOT

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs_src(self) -> Path:
        return self.root / "docs"

    @property
    def work(self) -> Path:
        return self.out / "build"

    @property
    def normalized(self) -> Path:
        return self.work / "normalized"

    @property
    def index(self) -> Path:
        return self.work / "index"

    @property
    def docs(self) -> Path:
        return self.work / "docs"

    @property
    def site(self) -> Path:
        return self.out / "site"
