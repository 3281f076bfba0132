"""What restoring signatories' names from PyThaiNLP's lists of Thai names costs when a name
is right but in no list (build_tools/ingest/person_names.py).

A name read without damage but missing from the lists may still share its skeleton with
one of them, and would then be changed.  Measured by leaving each name of a list out of
it in turn and reading it as if OCR had printed it so:

    .venv/bin/python benchmarks/person_names_risk.py

Printed, per list: its names, those long enough to be checked, and how many of them
would be changed (to another name of the list) or flagged as fitting two.  Figures only:
every change the ingest makes is recorded as a repair for the maintainer's review."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.ingest import person_names as pn  # noqa: E402
from build_tools.normalization import fuzzy  # noqa: E402


def left_out(kind: str) -> tuple[int, int, int, int]:
    """(names, checked, changed, flagged) of the list `kind` when each name is missing from it."""
    names = pn._lists()[kind][0]
    checked = changed = flagged = 0
    for name in names:
        if len(fuzzy.skeleton(name)) < pn.MIN_SKELETON:
            continue
        checked += 1
        found = pn.fits(name, kind, leave_out=name)
        if pn.one_name(found) is not None:
            changed += 1
        elif found:
            flagged += 1
    return len(names), checked, changed, flagged


def main() -> int:
    print("| list | names | checked (4+ letters) | changed if missing | flagged if missing |")
    print("|---|---:|---:|---:|---:|")
    for kind in ("male", "female", "family"):
        n, checked, changed, flagged = left_out(kind)
        print(f"| {kind} | {n:,} | {checked:,} | {changed:,} ({changed / checked:.1%}) | {flagged:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
