"""The command reference page (docs/cli-reference.md) written from the parser itself, so
it cannot drift from the code: `./dev cli-reference` rewrites it, and a test fails when
the page and the parser disagree."""
from __future__ import annotations

import argparse
import functools
import sys

from build_tools import PROJECT_ROOT
from build_tools.cli import VERBS, make_parser

PAGE = PROJECT_ROOT / "docs" / "cli-reference.md"
WIDTH = 100  # help text wrapped the same on every machine

HEAD = """\
---
title: คำสั่งสำหรับผู้ดูแล (command reference)
search:
  exclude: true
---

# คำสั่งสำหรับผู้ดูแล

คำสั่งทั้งหมดของเครื่องมือสร้างคลังความรู้ เรียกได้ทั้ง `./dev คำสั่ง` และ `python -m build_tools คำสั่ง`
(ขั้นตอนเพิ่มหนังสือใหม่ทีละขั้น ดูที่[คู่มือผู้ดูแล](maintainers.md))
หน้านี้สร้างจากโค้ดของคำสั่งโดยตรง (`./dev cli-reference`) จึงตรงกับคำสั่งที่ติดตั้งอยู่เสมอ

The help of every command, generated from the code (`./dev cli-reference`); a test checks it is current.
"""


def render() -> str:
    formatter = functools.partial(argparse.HelpFormatter, width=WIDTH)
    parser = make_parser(formatter)
    out = [HEAD]
    for name in VERBS:
        out += [f"## {name}", "", "```text", parser.verb_parsers[name].format_help().rstrip(), "```", ""]
    return "\n".join(out)


def main() -> int:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(PROJECT_ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
