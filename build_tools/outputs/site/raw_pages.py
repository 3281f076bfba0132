"""The "ต้นฉบับ OCR" page of every document: the raw scan text beside the normalized text,
line by line, with every change the normalizer made and why (templates/raw.md.j2)."""
from __future__ import annotations

import functools

from build_tools.common.cache import code_version, digest
from build_tools.knowledge import urls as urls_mod
from build_tools.knowledge.urls import doc_page, link, raw_page
from build_tools.normalization.documents import NormalizedDoc
from build_tools.outputs import site as site_package
from build_tools.outputs.site.markup import escape
from build_tools.outputs.site.render import environment, render
from build_tools.sources.corpus import Corpus


@functools.cache
def _rules():
    return environment().get_template("rules.j2").module


def rule_label(rule: str, code: bool = True) -> str:
    """Thai description of a rule; `code` adds the rule's name for maintainers."""
    return _rules().rule_label(rule, code)


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>") or "—"


def _rules_at(nd: NormalizedDoc) -> dict[int, list[str]]:
    rules_at: dict[int, list[str]] = {}
    for c in nd.ctx.changes:
        for n in c.lines:
            if c.rule not in rules_at.setdefault(n, []):
                rules_at[n].append(c.rule)
    return rules_at


def side_by_side(corpus: Corpus, nd: NormalizedDoc) -> list[list[str]]:
    """Rows of (raw lines, raw text, normalized text with a link to it, what changed),
    in raw-line order; raw lines that were removed show what removed them."""
    d = nd.doc
    raw = corpus.raw_lines(d)
    here = raw_page(d.id)
    made_from: dict[int, int] = {}
    for i, line in enumerate(nd.lines):
        for n in line.src:
            made_from.setdefault(n, i)
    rules_at = _rules_at(nd)
    described = lambda rules: "<br>".join(rule_label(r, code=False) for r in rules)  # noqa: E731
    rows, done = [], set()
    for k, text in enumerate(raw):
        n = d.first_line + k
        if not text.strip() and n not in rules_at:
            continue
        i = made_from.get(n)
        if i is None:
            rows.append([str(n), _cell(text), _rules().removed(), described(rules_at.get(n, [])) or "—"])
            continue
        if i in done:
            continue
        done.add(i)
        line = nd.lines[i]
        srcs = [m for m in line.src if d.first_line <= m <= d.last_line]
        raw_text = "\n".join(raw[m - d.first_line] for m in srcs)
        b = next((b for b in nd.blocks if n in b.src), None)
        target = link(here, doc_page(d.id), b.anchor if b is not None and b.kind != "header" else None)
        where = f"{srcs[0]}" + (f"–{srcs[-1]}" if len(srcs) > 1 else "")
        rows.append([where, _cell(raw_text), f"{_cell(line.text)} [↗]({target})",
                     described(sorted({r for m in srcs for r in rules_at.get(m, [])})) or _rules().unchanged()])
    return rows


def raw_text_page(corpus: Corpus, nd: NormalizedDoc) -> str:
    d = nd.doc
    raw_lines = corpus.raw_lines(d)
    change_rows = [[", ".join(str(n) for n in c.lines), rule_label(c.rule),
                    escape(c.before.replace("\n", " ⏎ "))[:300] or "—",
                    escape(c.after)[:300] or _rules().removed(), escape(c.reason)]
                   for c in sorted(nd.ctx.changes, key=lambda c: min(c.lines))]
    stamp_rows = [[escape(s.get("office", "—")), escape(s.get("kind", "")), escape(s.get("number", "—")),
                   escape(s.get("date", "—")), escape(s.get("time", "—")), ", ".join(map(str, s["raw_lines"]))]
                  for s in nd.ctx.extracted.get("receipt_stamps") or []]
    return render("raw.md.j2", d=d, n_changes=len(nd.ctx.changes), side_by_side=side_by_side(corpus, nd),
                  stamp_rows=stamp_rows, change_rows=change_rows,
                  numbered="\n".join(f"{d.first_line + i:>4}  {t}" for i, t in enumerate(raw_lines)))


def cached_raw_text_page(corpus: Corpus, nd: NormalizedDoc, cache, lazy: bool = False):
    """raw_text_page, from `cache` (common/cache.py) when the document's raw lines,
    normalized text, changes, blocks and front matter, and the site code and templates,
    are unchanged (`lazy`: returned unread, a common.cache.Stored)."""
    if cache is None:
        return raw_text_page(corpus, nd)
    d = nd.doc
    # nd.key (the normalization's cache key) hashes the raw lines, the front matter and
    # everything the normalized text, changes and blocks are made from.
    made_from = nd.key or (nd.to_markdown(), nd.changes_json(), corpus.raw_lines(d), nd.lines,
                           [(b.anchor, b.kind, b.src) for b in nd.blocks])
    key = digest(code_version(site_package, urls_mod), made_from, d.raw, d.first_line, d.meta_key)
    page = (cache.stored(key) if lazy else None) or cache.get(key)
    if page is None:
        page = raw_text_page(corpus, nd)
        cache.put(key, page)
        if lazy:
            return cache.stored(key)
    return page
