"""What both engines read at query time besides their index, generated at build time
from the data (one definition, no second copy in the browser's code): the question
words and thesaurus as the analyzer cuts them (build_tools.analysis.question), the
filters' known values, the browse pages an empty result offers, and the answers the
knowledge model holds (build_tools.outputs.search_index.answers).  Written beside the
Whoosh index (query-tables.json) and into the site (search/th-query.json)."""
from __future__ import annotations

import json

from build_tools import analysis as analysis_package
from build_tools import knowledge as knowledge_package
from build_tools.analysis.question import tables as question_tables
from build_tools.common.cache import code_version, digest
from build_tools.knowledge.urls import AGENCIES_PAGE, GUIDANCE_PAGE, MISSIONS_PAGE, page_url
from build_tools.outputs.search_index import answers as answers_module
from build_tools.outputs.search_index import ranking
from build_tools.outputs.search_index.answers import answer_data, cited_documents
from build_tools.sources.corpus import DOC_TYPES

SITE_FILE = "search/th-query.json"
SITE_ANSWERS = "search/th-answers.json"  # fetched only for a question with an intent
BROWSE = [  # where an official looks when the search finds nothing (Thai labels)
    (AGENCIES_PAGE, "หน่วยงานและบทบาท"),
    (MISSIONS_PAGE, "ภารกิจ วัตถุประสงค์ และเป้าหมาย"),
    (GUIDANCE_PAGE, "แนวทางการดำเนินการขยายผล"),
]


def search_data(corpus, model, docs, conflicts, analyzer, cache=None) -> dict:
    """The query tables of this corpus and model (`cache`: a common/cache.py ContentCache
    keeping the question tables, which depend on the analyzer and corpus/search/ only)."""
    return {
        "question": cached_question_tables(analyzer, corpus.search, cache),
        "ranking": ranking.browser_config(),
        "filters": {"doc_types": sorted(DOC_TYPES), "agencies": sorted(corpus.agencies),
                    "missions": sorted(m.id for m in model.missions) if model is not None else []},
        "browse": [{"url": page_url(p), "label": label} for p, label in BROWSE] if model is not None else [],
        "answers": cached_answer_data(corpus, model, docs, conflicts, analyzer, cache),
    }


def cached_answer_data(corpus, model, docs, conflicts, analyzer, cache=None) -> dict:
    """answer_data, read back when all it reads is an earlier build's: the model and the
    agencies (their files and the loader's code), the count conflicts, the documents the
    model cites (by their normalization keys), what the conflict cards show of the
    other documents a conflict reads (see _readings_hold), the analyzer and the code.
    A letter the model does not cite changes none of it (tokenizing every answer again
    cost a one-letter rebuild seconds at 10,000 letters)."""
    if cache is None or model is None:
        return answer_data(corpus, model, docs, conflicts, analyzer)
    counts = [c for c in conflicts if c.kind == "count"]
    cited = cited_documents(model)
    read = {r.doc_id for c in counts for r in c.readings} - cited
    keys = sorted((nd.id, nd.key) for nd in docs if nd.id in cited)
    shown = {nd.id: nd.key for nd in docs if nd.id in read}
    if any(k is None for _, k in keys) or None in shown.values():  # a document without its key: no cache
        return answer_data(corpus, model, docs, conflicts, analyzer)
    sources = [corpus.root / "agencies.yaml", *sorted((corpus.root / "model").rglob("*.yaml"))]
    key = digest("answers", code_version(answers_module, analysis_package, knowledge_package), analyzer.signature(),
                 [(f.name, f.read_bytes()) for f in sources if f.is_file()], counts, keys)
    found = cache.get(key)
    if isinstance(found, dict) and found.keys() == {"answers", "shown"} and \
            _readings_hold(found, shown, {nd.id: nd for nd in docs if nd.id in read}, counts):
        if found["shown"] != shown:
            cache.put(key, {"answers": found["answers"], "shown": shown})
        return found["answers"]
    answers = answer_data(corpus, model, docs, conflicts, analyzer)
    cache.put(key, {"answers": answers, "shown": shown})
    return answers


def _readings_hold(found: dict, shown: dict, by_id: dict, counts: list) -> bool:
    """Whether the kept answers' conflict cards show of the documents a conflict reads
    (and the model does not cite) what those documents show now.  The cards are all the
    answers read of them (answers.reading_shown: a title and the block holding the
    value), and which cards there are follows from what the key holds; so only the
    readings of documents whose normalization key changed are looked at again."""
    if found["shown"].keys() != shown.keys():
        return False
    changed = {i for i, k in shown.items() if found["shown"][i] != k}
    if not changed:
        return True
    by_conflict = {c.id: c for c in counts}
    for entry in found["answers"].get("entries", []):
        group = entry.get("group") or ""
        if not group.startswith("conflict:"):
            continue
        c = by_conflict[group.removeprefix("conflict:")]
        for r, was in zip(c.readings, entry["card"]["readings"]):
            if r.doc_id in changed and answers_module.reading_shown(r, by_id.get(r.doc_id)) != was:
                return False
    return True


def cached_question_tables(analyzer, vocabulary, cache=None) -> dict:
    """question_tables, read back when the analyzer (its signature and code) and the
    vocabulary are an earlier build's (cutting every question word and synonym again
    costs a rebuild a quarter of a second)."""
    if cache is None:
        return question_tables(analyzer, vocabulary)
    key = digest("question tables", code_version(analysis_package), analyzer.signature(), vocabulary)
    found = cache.get(key)
    if found is None:
        found = question_tables(analyzer, vocabulary)
        cache.put(key, found)
    return found


def site_files(data: dict) -> dict[str, str]:
    """The site's copy (static files the site build publishes as they are): the answers
    apart, as only a question with an intent needs them."""
    dump = lambda x: json.dumps(x, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    return {SITE_FILE: dump({k: v for k, v in data.items() if k != "answers"}), SITE_ANSWERS: dump(data["answers"])}
