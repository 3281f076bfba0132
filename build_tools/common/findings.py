"""What a maintainer must decide about a text: the one kind of finding the normalization
chain (Context.flag) and ingest (review flags) record.  `check` prints findings as
warnings (`Problem`, `file:line: message`); ingest's review report lists them by kind
and gives each a stable id, so one can be accepted (`ingest --accept ID`)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from build_tools.common.problems import Problem


@dataclass
class Finding:
    kind: str
    message: str
    line: int | None = None
    suggestion: str | None = None
    wrong: str | None = None  # the text a correction would replace
    id: str = ""

    def with_id(self, doc_key: str) -> "Finding":
        """A stable id (same input -> same id), so a finding can be accepted later."""
        h = hashlib.sha256(f"{doc_key}|{self.kind}|{self.line}|{self.wrong}|{self.message}".encode())
        self.id = "F" + h.hexdigest()[:8]
        return self

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "message": self.message, "line": self.line,
                "wrong": self.wrong, "suggestion": self.suggestion}

    def as_warning(self, file: str, doc_id: str) -> Problem:
        """How `check` reports it: `file:line: warning: [doc] kind: message`."""
        return Problem(file, self.line or 0, f"[{doc_id}] {self.kind}: {self.message}", severity="warning")
