"""Raw versus normalized, change by change: the `diff` verb's report.  Each hunk names
the raw line(s) and the rule or reviewed correction (correction:<id>) that made it."""
from __future__ import annotations

from build_tools.normalization.documents import NormalizedDoc


def diff_report(nd: NormalizedDoc) -> str:
    d = nd.doc
    out = [f"--- corpus/raw/{d.raw} lines {d.first_line}-{d.last_line} (raw OCR)",
           f"+++ {d.id} (normalized)"]
    # In raw-line order (stable: changes to one line stay in the order the chain made them).
    for c in sorted(nd.ctx.changes, key=lambda c: min(c.lines)):
        lines = ",".join(str(n) for n in c.lines)
        head = f"@@ raw line {lines} @@ {c.rule}"
        out.append(head + (f": {c.reason}" if c.reason else ""))
        for b in c.before.split("\n"):
            out.append(f"-{b}")
        if c.after:
            for a in c.after.split("\n"):
                out.append(f"+{a}")
    n = len(nd.ctx.changes)
    out.append(f"{n} change{'s' if n != 1 else ''} in {d.id}")
    return "\n".join(out) + "\n"
