"""Search evaluation: two query sets, run through every engine of
benchmarks/search_engines.py (the command line, our site search in headless Chromium,
Material's default search, Material fed text cut by our analyzer, Pagefind):

  tests/search_queries.yaml    keywords as officials type them (words, phrases, numbers,
                               abbreviations, typos ...) and negatives that must find nothing
  tests/search_questions.yaml  natural questions in tiers (who / what is / when / how many /
                               steps / which document) and off-topic questions

Reports Recall@5 and MRR (first 10 hits) per engine and per tier, at section level (the
hit must be the expected clause or heading anchor where one is given) and at page level,
the negatives and off-topic questions that returned something, and for the engines with
answer cards the share of questions that got the right card and the cards that were
wrong.  Prints Markdown tables and writes JSON.

    .venv/bin/python benchmarks/search_eval.py                 # all five engines
    .venv/bin/python benchmarks/search_eval.py --engines cli   # just the command line
    .venv/bin/python benchmarks/search_eval.py --out /tmp/x --json /tmp/x/eval.json
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import search_engines  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yaml"
QUESTIONS = ROOT / "tests" / "search_questions.yaml"
K_RECALL, K_MRR = 5, 10
ENGINES = ("cli", "site", "material", "material-seg", "pagefind")
TIERS = ("who", "what_is", "when", "how_many", "steps", "which_document")
CARD_TIERS = ("who", "what_is", "when", "how_many")  # a right card is expected for these


def load_queries(path: Path = QUERIES) -> dict:
    import yaml

    # libyaml where installed: the test suite reads these sets at collection.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def load_questions(path: Path = QUESTIONS) -> dict:
    return load_queries(path)


def page_of(url: str) -> str:
    return url.split("#", 1)[0]


def targets_for(q: dict, site_pages: set[str] | None) -> list[str]:
    """What counts as right for this query in this build: `prefer` pages once they exist."""
    if site_pages is not None:
        present = [p for p in q.get("prefer") or [] if page_of(p) in site_pages]
        if present:
            return present
    return list(q["first"])


def rank_of(hits: list[str], targets: list[str], page_level: bool) -> int | None:
    """1-based rank of the first right hit, or None."""
    for i, url in enumerate(hits, 1):
        for t in targets:
            if page_level or "#" not in t:
                if page_of(url).startswith(page_of(t)) and (page_of(t) or not page_of(url)):
                    return i
            elif url == t:
                return i
    return None


def _urls(result) -> list[str]:
    return result["urls"] if isinstance(result, dict) else list(result or [])


def ranking(results: dict, items: list[dict], site_pages: set[str] | None, level: str = "section") -> dict:
    """Recall@5, MRR and the queries whose right answer is not first."""
    recall = mrr = 0.0
    misses = []
    for q in items:
        urls = _urls(results.get(q["q"]))
        r = rank_of(urls[:K_MRR], targets_for(q, site_pages), level == "page")
        recall += r is not None and r <= K_RECALL
        mrr += 1 / r if r else 0.0
        if r is None or r > 1:
            misses.append({"q": q["q"], "rank": r, "top": urls[:3]})
    n = max(len(items), 1)
    return {"recall@5": round(recall / n, 3), "mrr": round(mrr / n, 3), "not_first": misses, "n": len(items)}


def score(results: dict, data: dict, site_pages: set[str] | None) -> dict:
    """The keyword set: section and page level, and the negatives that found something."""
    out = {level: ranking(results, data["queries"], site_pages, level) for level in ("section", "page")}
    out["negatives_with_results"] = [q for q in data["negatives"] if _urls(results.get(q))]
    out["queries"] = len(data["queries"])
    out["negatives"] = len(data["negatives"])
    return out


def card_verdict(card: dict | None, q: dict) -> str:
    """right | wrong | missing (a card was expected) | none (rightly no card)."""
    spec = q.get("card", "none")
    if card is None:
        return "none" if spec == "none" or q["tier"] not in CARD_TIERS else "missing"
    if spec == "none" or card.get("kind") != q["tier"]:
        return "wrong"
    want = spec.get("url") or []
    want = [want] if isinstance(want, str) else want
    urls = [card.get("url") or ""] + [i.get("url") or "" for i in card.get("items") or []]
    text = " ".join([card.get("text") or ""] + [i.get("text") or "" for i in card.get("items") or []])
    ok_url = not want or any(u.startswith(w) for u in urls for w in want)
    ok_text = all(t in text for t in spec.get("text") or [])
    return "right" if ok_url and ok_text else "wrong"


def score_questions(results: dict, data: dict, site_pages: set[str] | None, cards: bool) -> dict:
    """The question set: ranking per tier and overall, cards, off-topic."""
    qs = data["questions"]
    out = {"all": ranking(results, qs, site_pages), "tiers": {}}
    for tier in TIERS:
        out["tiers"][tier] = ranking(results, [q for q in qs if q["tier"] == tier], site_pages)
    out["off_topic_with_results"] = [q for q in data["off_topic"] if _urls(results.get(q))]
    out["off_topic"] = len(data["off_topic"])
    if cards:
        verdicts = {q["q"]: card_verdict((results.get(q["q"]) or {}).get("card"), q) for q in qs}
        verdicts.update({q: "wrong" if (results.get(q) or {}).get("card") else "none" for q in data["off_topic"]})
        expected = [q for q in qs if q["tier"] in CARD_TIERS]
        out["cards"] = {
            "right": sum(verdicts[q["q"]] == "right" for q in expected), "expected": len(expected),
            "wrong": sorted(q for q, v in verdicts.items() if v == "wrong"),
            "missing": sorted(q for q, v in verdicts.items() if v == "missing"),
            "by_tier": {t: [sum(verdicts[q["q"]] == "right" for q in qs if q["tier"] == t),
                            sum(1 for q in qs if q["tier"] == t),
                            sum(verdicts[q["q"]] == "wrong" for q in qs if q["tier"] == t)] for t in TIERS},
        }
    return out


def site_pages_of(site: Path) -> set[str]:
    return {("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/")
            for p in site.rglob("index.html")}


# ---------------------------------------------------------------- report

NAMES = {"cli": "command line (Whoosh)", "site": "site search (ours, Chromium)",
         "material": "Material default search (Chromium)",
         "material-seg": "Material fed text cut by our analyzer (Chromium)",
         "pagefind": "Pagefind extended (Chromium)"}


def table(report: dict) -> str:
    rows = ["| engine | Recall@5 (section) | MRR (section) | Recall@5 (page) | MRR (page) | negatives with results |",
            "|---|---|---|---|---|---|"]
    for eng, r in report["engines"].items():
        k = r["keywords"]
        rows.append(f"| {NAMES.get(eng, eng)} | {k['section']['recall@5']:.2f} | {k['section']['mrr']:.2f} | "
                    f"{k['page']['recall@5']:.2f} | {k['page']['mrr']:.2f} | "
                    f"{len(k['negatives_with_results'])} of {k['negatives']} |")
    return "\n".join(rows)


def kind_table(report: dict, data: dict) -> str:
    """Recall@5 (section level) of the keyword set per kind of query and engine."""
    kinds = sorted({q["kind"] for q in data["queries"]})
    engines = list(report["engines"])
    rows = ["| kind of query | n | " + " | ".join(engines) + " |", "|---|---|" + "---|" * len(engines)]
    for k in kinds:
        qs = [q for q in data["queries"] if q["kind"] == k]
        cells = []
        for eng in engines:
            misses = {m["q"]: m["rank"] for m in report["engines"][eng]["keywords"]["section"]["not_first"]}
            ok = sum(1 for q in qs if q["q"] not in misses or (misses[q["q"]] or 99) <= K_RECALL)
            cells.append(f"{ok}/{len(qs)}")
        rows.append(f"| {k} | {len(qs)} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def tier_table(report: dict) -> str:
    """Natural questions per tier: Recall@5 / MRR per engine, and right cards."""
    engines = list(report["engines"])
    rows = ["| tier | n | " + " | ".join(f"{e} R@5 / MRR" for e in engines) + " | right cards (cli / site) |",
            "|---|---|" + "---|" * len(engines) + "---|"]
    for tier in (*TIERS, "all"):
        cells, n = [], 0
        for eng in engines:
            qr = report["engines"][eng]["questions"]
            r = qr["all"] if tier == "all" else qr["tiers"][tier]
            n = r["n"]
            cells.append(f"{r['recall@5']:.2f} / {r['mrr']:.2f}")
        cards = []
        for eng in ("cli", "site"):
            c = report["engines"].get(eng, {}).get("questions", {}).get("cards")
            if c and tier == "all":
                cards.append(f"{c['right']}/{c['expected']}, {len(c['wrong'])} wrong")
            elif c:
                right, total, wrong = c["by_tier"][tier]
                cards.append(f"{right}/{total}" + (f", {wrong} wrong" if wrong else ""))
        rows.append(f"| {tier} | {n} | " + " | ".join(cells) + f" | {' / '.join(cards) or '—'} |")
    off = " · ".join(f"{e}: {len(report['engines'][e]['questions']['off_topic_with_results'])} of "
                     f"{report['engines'][e]['questions']['off_topic']}" for e in engines)
    return "\n".join(rows) + f"\n\nOff-topic questions that returned hits: {off}"


# ---------------------------------------------------------------- main

def build(out: Path) -> bool:
    print(f"building into {out} …", flush=True)
    proc = subprocess.run([sys.executable, "-m", "build_tools", "build", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        print(proc.stdout, proc.stderr, file=sys.stderr)
    return proc.returncode == 0


def run_engine(eng: str, out: Path, queries: list[str]) -> dict:
    site = out / "site"
    if eng == "cli":
        return search_engines.run_cli(out, queries)
    if eng == "site":
        return search_engines.run_site(site, queries)
    plain = out / "plain-site"
    if not (plain / "index.html").exists():
        shutil.rmtree(plain, ignore_errors=True)
        search_engines.plain_site(out, plain)
    if eng == "material":
        return search_engines.run_material(plain, queries)
    if eng == "material-seg":
        from build_tools.analysis.analyzer import analyzer_for_corpus

        analyzer = analyzer_for_corpus(ROOT / "corpus")
        seg = out / "material-seg-site"
        shutil.rmtree(seg, ignore_errors=True)
        search_engines.presegment_material_site(plain, seg, analyzer)
        return search_engines.run_material(seg, queries, lambda q, a=analyzer: " ".join(a.query_terms(q)))
    if eng == "pagefind":
        if not (plain / "pagefind").exists():
            search_engines.build_pagefind(plain)
        return search_engines.run_pagefind(plain, queries)
    raise ValueError(f"unknown engine {eng}")


def evaluate(engines: list[str], out: Path, data: dict, questions: dict) -> dict:
    pages = site_pages_of(out / "site") if (out / "site").exists() else None
    queries = [x["q"] for x in data["queries"]] + data["negatives"]
    asked = [x["q"] for x in questions["questions"]] + questions["off_topic"]
    report = {"queries_file": str(QUERIES.relative_to(ROOT)), "questions_file": str(QUESTIONS.relative_to(ROOT)),
              "engines": {}, "timings_s": {}}
    for eng in engines:
        t0 = time.perf_counter()
        print(f"[{eng}] running {len(queries)} keyword queries and {len(asked)} questions …", flush=True)
        results = run_engine(eng, out, queries + asked)
        report["timings_s"][eng] = round(time.perf_counter() - t0, 1)
        report["engines"][eng] = {"keywords": score(results, data, pages),
                                  "questions": score_questions(results, questions, pages, eng in ("cli", "site")),
                                  "results": results}
        if eng == "site":
            cold = [q["q"] for q in data["queries"] if q.get("browser")][:6]
            report["site_first_result_cold"] = search_engines.cold_first_results(out / "site", cold)
    return report


def print_report(report: dict, data: dict, verbose: bool) -> None:
    print("\nKeyword queries\n")
    print(table(report))
    print()
    print(kind_table(report, data))
    print("\nNatural questions (Recall@5 / MRR at section level; cards: right of expected)\n")
    print(tier_table(report))
    if "site_first_result_cold" in report:
        print("\nsite search, first query in a fresh browser: bytes downloaded, ms to results")
        for q, r in report["site_first_result_cold"].items():
            print(f"  {q}: {r['bytes'] / 1024:.0f} KiB, {r['ms']:.0f} ms, {r['hits']} hits")
    if not verbose:
        return
    for eng, r in report["engines"].items():
        print(f"\n{eng}: not first (section level)")
        for m in r["keywords"]["section"]["not_first"] + r["questions"]["all"]["not_first"]:
            print(f"  {m['q']!r}: rank {m['rank']}, top {m['top']}")
        for n in r["keywords"]["negatives_with_results"] + r["questions"]["off_topic_with_results"]:
            print(f"  negative {n!r} returned {_urls(r['results'][n])[:3]}")
        cards = r["questions"].get("cards")
        if cards:
            for q in cards["wrong"]:
                print(f"  WRONG card for {q!r}: {r['results'][q]['card']}")
            for q in cards["missing"]:
                print(f"  no card for {q!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="build into this folder (default: a temporary one)")
    ap.add_argument("--no-build", action="store_true", help="reuse the build already in --out")
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset of " + ",".join(ENGINES))
    ap.add_argument("--json", help="write the full report here (default: <out>/search-eval.json)")
    ap.add_argument("--verbose", action="store_true", help="list misses, wrong and missing cards")
    args = ap.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    for e in engines:
        if e not in ENGINES:
            ap.error(f"unknown engine {e}")
    out = Path(args.out or tempfile.mkdtemp(prefix="siam-yim-eval-")).resolve()
    if not args.no_build and not build(out):
        return 1
    data, questions = load_queries(), load_questions()
    report = evaluate(engines, out, data, questions)
    print_report(report, data, args.verbose)
    target = Path(args.json) if args.json else out / "search-eval.json"
    target.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nfull report: {target}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    sys.exit(main())
