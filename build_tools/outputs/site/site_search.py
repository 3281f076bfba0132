"""The site's search index, written at build time from the built HTML pages and cut by
the one Thai analyzer (build_tools.analysis.analyzer), so the browser matches what the command
line matches.

Every page of the built site is indexed generically: the page itself (its <h1> and the
text up to the first element with an id) and every element with an id inside the article
(headings, clauses, paragraphs, list-item anchors) become one searchable section whose URL
is `page/#id`.  A page added by any build step is searchable without changes here.

The index is sharded so a visitor downloads only what a query needs (search/th/):
- meta.json: counts, shard layout, the synonym/correction table (small, fixed size);
- d/<first two characters>.json: the term dictionary, one shard per first two
  characters of a term: {term: document frequency}.  The browser cuts a query by maximal matching over
  exactly these terms (the index's own terms), so it never cuts differently from the index;
- p/<bucket>.json: postings {term: [section, impact, section, impact, ...]}, bucket =
  FNV-1a(term) mod buckets; impact = BM25 term-frequency part x 100 (idf is applied in
  the browser from the document frequency).  A very common term has instead
  {"#term": [document frequency, n, tail pieces]} there, its POSTINGS_HEAD strongest
  postings in p/h<n>.json and the rest in p/t<n>-<k>.json by section range k, fetched
  only when the heads give fewer than a page of results, and then only the ranges where
  the query's rarer words occur;
- s/<n>.json: the sections themselves (url, page title, section label, text for the
  snippet), SECTIONS_PER_SHARD per file; only the shards of the shown hits are fetched.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
import zlib
from array import array
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from build_tools.common.atomic import fresh_dir, replace_dir
from build_tools.knowledge.urls import page_url
from build_tools.analysis.analyzer import ThaiAnalyzer
from build_tools.analysis import analyzer as analyzer_mod

INDEX_DIR = "search/th"
FORMAT = 1
SECTIONS_PER_SHARD = 20  # a first page of results fetches up to 10 of these files
SNIPPET_CHARS = 1000  # text kept per section for the result snippet
POSTINGS_TARGET_BYTES = 48_000
# A term in more sections than this gets a head file with its strongest postings (by
# impact) and a tail file with the rest, fetched only when the heads give too few results.
POSTINGS_HEAD = 2000
TAIL_RANGE = 4000  # sections per tail piece
K1, B = 1.2, 0.75
# Field weights: a word in the page title counts most, then the section label.
W_TITLE, W_SECTION, W_BODY, W_SUB, W_CONTEXT, W_PAGE_TITLE = 3.0, 1.5, 1.0, 0.5, 0.25, 0.25
# Text that only restates the circulars (agency, mission, guidance, glossary ... pages
# quote the clauses they cite) counts less than the circular itself, so a word of a
# clause finds the clause first; these pages still win on their titles (names,
# abbreviations, terms, "บทบาท" of an agency), which are not damped.
PRIMARY_PAGES = ("documents/",)
W_DERIVED_TEXT = 0.3
SKIP_PAGES = {"404.html"}
NO_SEARCH_CLASS = "no-search"  # class of page parts the site search leaves out
_CLAUSE_NUMBER = re.compile(r"^\s*([๐-๙0-9]+(?:[.][๐-๙0-9]+)*[.)]?)\s")
_BLOCK_TAGS = {"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "pre",
               "dt", "dd", "blockquote", "table", "ul", "ol", "br"}


class _ArticleParser(HTMLParser):
    """Splits <article> into sections at every element carrying an id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skip = 0  # inside a permalink/headerlink anchor or a script
        self.heading = None  # tag name while inside h1-h6
        self.sections: list[dict] = [{"id": "", "text": [], "heading": ""}]
        self.current_heading = ""
        self.title = ""
        self._heading_text: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.in_article += 1
            return
        if not self.in_article:
            return
        classes = (a.get("class") or "").split()
        # Skipped: scripts, permalink anchors, and editorial boxes (e.g. both readings
        # of a disputed number), which quote other sections' words.  A skipped element
        # is pushed as "tag!" so only its own end tag ends the skip.
        if tag in ("script", "style") or (tag == "a" and ("headerlink" in classes or "permalink-copy" in classes)) \
                or (tag == "div" and NO_SEARCH_CLASS in classes):
            self.skip += 1
            self._stack.append(tag + "!")
            return
        if tag not in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            self._stack.append(tag)
        if tag in _BLOCK_TAGS:
            self._text(" ")
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = tag
            self._heading_text = []
        ident = a.get("id")
        if ident and tag != "h1" and not self.skip:
            self.sections.append({"id": ident, "text": [], "heading": self.current_heading,
                                  "is_heading": bool(re.fullmatch(r"h[2-6]", tag))})

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
            return
        if not self.in_article or not self._stack:
            return
        # Pop up to the matching tag (tolerates unclosed <p>/<li>).
        while self._stack:
            t = self._stack.pop()
            if t == tag + "!":
                self.skip -= 1
                break
            if t == tag:
                break
        if tag == self.heading:
            text = " ".join("".join(self._heading_text).split())
            if tag == "h1":
                self.title = self.title or text
            else:
                self.current_heading = text
                if self.sections[-1].get("is_heading"):
                    self.sections[-1]["label"] = text
            self.heading = None
        if tag in _BLOCK_TAGS:
            self._text(" ")

    def handle_data(self, data):
        if not self.in_article or self.skip:
            return
        if self.heading:
            self._heading_text.append(data)
            if self.heading == "h1":
                return
        self._text(data)

    def _text(self, s):
        self.sections[-1]["text"].append(s)


class _TitleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "title"

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.title += data


def page_sections(html_text: str, url: str) -> list[dict]:
    """The searchable sections of one built page: {url, title, section, text}."""
    p = _ArticleParser()
    p.feed(html_text)
    title = p.title
    if not title:
        t = _TitleParser()
        t.feed(html_text)
        title = t.title.split(" - ")[0].strip()
    by_id = {}
    out = []
    for s in p.sections:
        text = " ".join("".join(s["text"]).split())
        if s["id"] == "":
            out.append({"url": url, "title": title, "section": "", "text": text, "page": True})
            continue
        if not text and not s.get("is_heading"):
            continue
        by_id[s["id"]] = text
        label = s["heading"]
        if s.get("is_heading"):
            label = s.get("label", "")
        else:
            m = _CLAUSE_NUMBER.match(text)
            if m:
                label = (label + " · " if label else "") + "ข้อ " + m.group(1)
        # Clause ids are hierarchical (c3-2-3 is inside c3-2 and c3): the parents' text
        # is context, so "บทบาท ป.ป.ส." finds the clause under "บทบาทของแต่ละหน่วยงาน".
        parents = []
        parts = s["id"].split("-")
        for k in range(1, len(parts)):
            parent = by_id.get("-".join(parts[:k]))
            if parent:
                parents.append(parent[:80])
        out.append({"url": f"{url}#{s['id']}", "title": title, "section": label,
                    "context": " ".join(parents), "text": text, "page": False})
    return [s for s in out if s["text"] or s["section"]]


def excluded_pages(docs_dir: Path | None) -> set[str]:
    """URLs of pages whose front matter says `search: {exclude: true}` (Material's own
    convention, so its search and ours leave out the same pages)."""
    import yaml

    out = set()
    for md in sorted(docs_dir.rglob("*.md")) if docs_dir else []:
        text = md.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        head = text[4:text.find("\n---", 4)]
        if "search" not in head:  # most pages: no need to parse their YAML
            continue
        fm = yaml.safe_load(head) or {}
        search = fm.get("search") if isinstance(fm, dict) else None
        if isinstance(search, dict) and search.get("exclude"):
            out.add(page_url(md.relative_to(docs_dir).as_posix()))
    return out


def indexed_pages(site_dir: Path, docs_dir: Path | None = None) -> list[tuple[str, Path]]:
    """(url, built file) of every page the site search covers, in a stable order."""
    skip = excluded_pages(docs_dir)
    out = []
    for page in sorted(site_dir.rglob("index.html")):
        rel = page.relative_to(site_dir).parent.as_posix()
        if rel.startswith(("search", "assets")):
            continue
        url = "" if rel == "." else rel + "/"
        if url not in skip:
            out.append((url, page))
    return out


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over the UTF-16 code units (what JavaScript's charCodeAt sees)."""
    h = 0x811C9DC5
    data = term.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def _shard_key(term: str) -> str:
    """Dictionary shard of a term: its first two characters (code points in hex), so the
    browser fetches, for each position of a query, only the terms that can start there."""
    return "-".join(format(ord(c), "x") for c in term[:2])


def _page_terms(sections: list[dict], analyzer: ThaiAnalyzer) -> list[tuple[tuple, tuple, int]]:
    """Each section's weighted terms (terms, weights) and its length in words (for BM25)."""
    out = []
    for s in sections:
        w: dict[str, float] = defaultdict(float)
        n = 0
        # A section also carries its page's title, weakly: "บทบาท ป.ป.ส." finds the
        # roles section of the ONCB page (the command line's records carry it too).
        damp = 1.0 if s["url"].startswith(PRIMARY_PAGES) else W_DERIVED_TEXT
        for field, fw in (("title", W_TITLE if s["page"] else W_PAGE_TITLE), ("section", W_SECTION * damp),
                          ("context", W_CONTEXT * damp), ("text", W_BODY * damp)):
            if not fw or not s.get(field):
                continue
            for tok in analyzer.tokens(s[field]):
                w[tok.text] += fw * (W_SUB if tok.sub else 1.0)
                if field == "text" and not tok.sub:
                    n += 1
        out.append((tuple(w), tuple(w.values()), max(n, 1)))
    return out


def _cache_key(analyzer: ThaiAnalyzer) -> str:
    """What a cached page analysis depends on besides the page: this module's code and
    the analyzer (its code and vocabulary)."""
    h = hashlib.sha256(Path(__file__).read_bytes() + Path(analyzer_mod.__file__).read_bytes())
    h.update(json.dumps(analyzer.signature(), ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def _load_cache(cache: Path | None, key: str) -> dict:
    if cache is None or not cache.is_file():
        return {}
    try:
        with cache.open("rb") as f:
            saved = pickle.load(f)
        return saved["pages"] if saved.get("key") == key else {}
    except Exception:  # a damaged cache is only a slower build
        return {}


class _Sections:
    """The site's sections as the index needs them, kept compact (at 10,000 letters
    there are hundreds of thousands): snippet rows go straight to their shard files, each
    section's terms become ids into one vocabulary with their weights in arrays."""

    def __init__(self, out: Path):
        self.out = out
        self.rows: list[list] = []  # rows of the shard being filled
        self.count = 0
        self.shard = 0
        self.vocab: dict[str, int] = {}
        self.term_ids: list[array] = []
        self.weights: list[array] = []
        self.lengths = array("l")

    def add(self, rows: list[list], terms: list[tuple[tuple, tuple, int]]) -> None:
        vocab = self.vocab
        for row, (words, ws, length) in zip(rows, terms):
            self.rows.append(row)
            self.count += 1
            if len(self.rows) == SECTIONS_PER_SHARD:
                self.finish()
            self.term_ids.append(array("l", [vocab.setdefault(t, len(vocab)) for t in words]))
            self.weights.append(array("d", ws))
            self.lengths.append(length)

    def finish(self) -> None:
        """Write the rows of the shard being filled (s/<n>.json)."""
        if self.rows:
            _dump(self.out / "s" / f"{self.shard}.json", self.rows)
            self.shard += 1
            self.rows = []

    def postings(self) -> dict[str, array]:
        """term -> [section, impact, section, impact, ...] (BM25 term-frequency part x 100)."""
        avg = sum(self.lengths) / max(len(self.lengths), 1)
        by_id: list[array] = [array("l") for _ in self.vocab]
        for i, (ids, ws) in enumerate(zip(self.term_ids, self.weights)):
            norm = K1 * (1 - B + B * self.lengths[i] / avg)
            for tid, tf in zip(ids, ws):
                by_id[tid].extend((i, max(1, round(100 * tf * (K1 + 1) / (tf + norm)))))
        self.term_ids = self.weights = []
        return {term: by_id[tid] for term, tid in self.vocab.items()}


def analyze_site(site_dir: Path, analyzer: ThaiAnalyzer, docs_dir: Path | None, cache: Path | None,
                 sink: _Sections) -> tuple[int, int]:
    """Feed every searchable section of the site to `sink`; returns how many pages were
    analyzed afresh and how many pages there are.  With `cache`, a page whose HTML is
    unchanged since the last build reuses that build's analysis (an incremental build
    re-renders a few pages of thousands); the cache file is replaced afterwards."""
    key = _cache_key(analyzer)
    old = _load_cache(cache, key)
    new: dict = {}
    fresh = 0
    for url, page in indexed_pages(site_dir, docs_dir):
        data = page.read_bytes()
        digest = hashlib.blake2b(data, digest_size=16).digest()
        hit = old.pop(url, None)
        if hit is not None and hit[0] == digest:
            packed = hit[1]
            rows, terms = pickle.loads(zlib.decompress(packed))
        else:
            sections = page_sections(data.decode("utf-8"), url)
            rows = [[s["url"], s["title"], s["section"], s["text"][:SNIPPET_CHARS]] for s in sections]
            terms = _page_terms(sections, analyzer)
            # Kept compressed: the cache of a whole site is read back into memory.
            packed = zlib.compress(pickle.dumps((rows, terms), protocol=pickle.HIGHEST_PROTOCOL), 1)
            fresh += 1
        new[url] = (digest, packed)
        sink.add(rows, terms)
    sink.finish()
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(cache.name + ".tmp")
        with tmp.open("wb") as f:
            pickle.dump({"key": key, "pages": new}, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    return fresh, len(new)


def build_site_index(site_dir: Path, analyzer: ThaiAnalyzer, docs_dir: Path | None = None,
                     log=print, cache: Path | None = None) -> dict:
    """Write search/th/ into the (staged) site built from `docs_dir`; returns figures.
    `cache`: see analyze_site."""
    final = site_dir / INDEX_DIR
    out = fresh_dir(final)  # staged beside the live index, swapped in when complete
    for sub in ("d", "p", "s"):
        (out / sub).mkdir(parents=True)
    sections = _Sections(out)
    fresh, pages = analyze_site(site_dir, analyzer, docs_dir, cache, sections)
    postings = sections.postings()
    total = sum(len(t) * 2 + 8 * len(p) // 2 for t, p in postings.items())
    buckets = max(1, math.ceil(total / POSTINGS_TARGET_BYTES))
    dicts: dict[str, dict[str, int]] = defaultdict(dict)
    posting_shards: dict[int, dict[str, list[int]]] = defaultdict(dict)
    tails = 0
    for term in sorted(postings):
        plist = postings.pop(term)
        df = len(plist) // 2
        dicts[_shard_key(term)][term] = df
        bucket = posting_shards[fnv1a(term) % buckets]
        if df > POSTINGS_HEAD:
            # Own files for head and tail, so buckets stay small however many common
            # terms share one.
            pairs = sorted(zip(plist[::2], plist[1::2]), key=lambda p: (-p[1], p[0]))
            _dump(out / "p" / f"h{tails}.json", [x for p in sorted(pairs[:POSTINGS_HEAD]) for x in p])
            # The tail in pieces by section range: a query that also has a rarer word
            # fetches only the pieces where that word occurs.
            pieces: dict[int, list[int]] = defaultdict(list)
            for sec, imp in sorted(pairs[POSTINGS_HEAD:]):
                pieces[sec // TAIL_RANGE] += [sec, imp]
            for k, piece in pieces.items():
                _dump(out / "p" / f"t{tails}-{k}.json", piece)
            bucket["#" + term] = [df, tails, sorted(pieces)]
            tails += 1
        else:
            bucket[term] = plist.tolist()
    n_terms = sum(len(d) for d in dicts.values())
    for key, d in dicts.items():
        _dump(out / "d" / f"{key}.json", d)
    for b, p in posting_shards.items():
        _dump(out / "p" / f"{b}.json", p)
    fixes = {}
    for wrong, right in analyzer.corrections:
        terms = analyzer.query_terms(wrong)
        if len(terms) == 1:
            fixes[terms[0]] = analyzer.query_terms(right)
    meta = {
        "format": FORMAT, "sections": sections.count, "buckets": buckets,
        "per_shard": SECTIONS_PER_SHARD, "tail_range": TAIL_RANGE, "dict_shards": sorted(dicts),
        "expansions": {k: list(v) for k, v in analyzer.expansions.items()},
        "fixes": fixes,
    }
    _dump(out / "meta.json", meta)
    replace_dir(out, final)
    out = final
    size = sum(f.stat().st_size for f in out.rglob("*.json"))
    log(f"  site search: {sections.count} sections ({fresh} of {pages} pages analyzed, the others unchanged), "
        f"{n_terms} terms, {len(dicts)} dictionary shards, {buckets} postings shards, "
        f"{size / 1024:.0f} KiB")
    return {"sections": sections.count, "terms": n_terms, "bytes": size, "pages_analyzed": fresh}


def _dump(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
