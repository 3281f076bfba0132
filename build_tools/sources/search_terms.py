"""The search's own vocabulary, kept as data maintainers extend (corpus/search/):

- question_words.yaml: the words of a question (ใคร, เมื่อไหร่, กี่, คืออะไร, ...) and
  particles, each with the intent it signals and a reason; never required to match;
- thesaurus.yaml: groups of words officials use for the corpus's wording (หน้าที่ =
  บทบาท, เบอร์โทร = โทรศัพท์ ...), each with a reason.

Both files are optional (no file: no entries).  The loaders yield Problem(file, line,
message) like every corpus validator; the analysis stage turns the words into terms."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from build_tools.common.problems import Problem
from build_tools.common.yamlio import load_data_file

SEARCH_DIR = "search"
QUESTION_WORDS_FILE = f"{SEARCH_DIR}/question_words.yaml"
THESAURUS_FILE = f"{SEARCH_DIR}/thesaurus.yaml"
# The kinds of answer the search can give (its answer cards): a question's words name one.
INTENTS = ("who", "when", "how_many", "what_is", "which_document", "steps")
INTENT_FIELDS = ("id", "label", "reason")
WORD_FIELDS = ("word", "reason")
OPTIONAL_WORD_FIELDS = ("intent", "keep")
GROUP_FIELDS = ("words", "reason")


@dataclass(frozen=True)
class Intent:
    id: str
    label: str  # Thai, the answer card's heading
    reason: str
    line: int


@dataclass(frozen=True)
class QuestionWord:
    word: str
    intent: str | None
    keep: bool  # also a search word (a duty such as หน้าที่)
    reason: str
    line: int


@dataclass(frozen=True)
class SynonymGroup:
    words: tuple[str, ...]
    reason: str
    line: int


@dataclass
class SearchVocabulary:
    intents: list[Intent] = field(default_factory=list)  # in order of precedence
    words: list[QuestionWord] = field(default_factory=list)
    thesaurus: list[SynonymGroup] = field(default_factory=list)


def _text(value) -> str | None:
    """A non-empty text field, NFC; None when it is not one (a number, a list, blank)."""
    if not isinstance(value, str) or not value.strip():
        return None
    return unicodedata.normalize("NFC", value.strip())


def _lines(data) -> list[int]:
    return getattr(data, "item_lines", None) or [getattr(data, "line", 1)] * len(data)


def _fields(item, rel: str, texts: tuple, allowed: tuple, what: str) -> Iterator[Problem]:
    """Each of `texts` is present as text; no field outside `allowed`."""
    for f in texts:
        if _text(item.get(f)) is None:
            yield Problem(rel, item.line, f"{what} is missing required field '{f}' (text)")
    for f in item:
        if f not in allowed:
            yield Problem(rel, item.line_of(f), f"unknown field '{f}'")


def _load_intents(data, rel: str, out: list[Intent]) -> Iterator[Problem]:
    if not isinstance(data, list):
        yield Problem(rel, getattr(data, "line", 1), f"intents must be a list of {{{', '.join(INTENT_FIELDS)}}}")
        return
    seen: dict[str, int] = {}
    for item, line in zip(data, _lines(data)):
        if not isinstance(item, dict):
            yield Problem(rel, line, "each intent must be a mapping with id, label, reason")
            continue
        problems = list(_fields(item, rel, INTENT_FIELDS, INTENT_FIELDS, "intent"))
        yield from problems
        if problems:
            continue
        iid = _text(item["id"])
        if iid not in INTENTS:
            yield Problem(rel, item.line_of("id"), f"unknown intent '{iid}': one of {', '.join(INTENTS)}")
        elif iid in seen:
            yield Problem(rel, item.line_of("id"), f"intent '{iid}' is listed twice (also line {seen[iid]})")
        else:
            seen[iid] = item.line_of("id")
            out.append(Intent(iid, _text(item["label"]), _text(item["reason"]), item.line))


def _load_words(data, rel: str, intents: set[str], out: list[QuestionWord]) -> Iterator[Problem]:
    if not isinstance(data, list):
        yield Problem(rel, getattr(data, "line", 1), "words must be a list of {word, reason, intent?, keep?}")
        return
    seen: dict[str, int] = {}
    for item, line in zip(data, _lines(data)):
        if not isinstance(item, dict):
            yield Problem(rel, line, "each entry must be a mapping with word and reason (intent, keep optional)")
            continue
        problems = list(_fields(item, rel, WORD_FIELDS, WORD_FIELDS + OPTIONAL_WORD_FIELDS, "entry"))
        intent = item.get("intent")
        if intent is not None and intent not in intents:
            problems.append(Problem(rel, item.line_of("intent"),
                                    f"intent '{intent}' is not listed under intents"))
        if "keep" in item and not isinstance(item["keep"], bool):
            problems.append(Problem(rel, item.line_of("keep"), "keep must be true or false"))
        yield from problems
        if problems:
            continue
        word = _text(item["word"])
        if word in seen:
            yield Problem(rel, item.line_of("word"), f"word '{word}' is listed twice (also line {seen[word]})")
            continue
        seen[word] = item.line_of("word")
        out.append(QuestionWord(word, intent, bool(item.get("keep")), _text(item["reason"]), item.line))


def load_question_words(corpus_dir: Path, out: SearchVocabulary) -> Iterator[Problem]:
    """corpus/search/question_words.yaml: {intents: [...], words: [...]} into `out`."""
    rel = f"corpus/{QUESTION_WORDS_FILE}"
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, QUESTION_WORDS_FILE, dict, "be a mapping with 'intents' and 'words'",
                          problems)
    yield from problems
    if data is None:
        return
    for key in data:
        if key not in ("intents", "words"):
            yield Problem(rel, data.line_of(key), f"unknown key '{key}' (expected intents, words)")
    yield from _load_intents(data.get("intents") or [], rel, out.intents)
    yield from _load_words(data.get("words") or [], rel, {i.id for i in out.intents}, out.words)


def _group_words(item, rel: str) -> tuple[list[str], list[Problem]]:
    words = item.get("words")
    if not isinstance(words, list) or len(words) < 2:
        return [], [Problem(rel, item.line_of("words"), "words must be a list of two or more words")]
    out, problems = [], []
    for w, line in zip(words, words.item_lines):
        text = _text(w)
        if text is None:
            problems.append(Problem(rel, line, f"word {w!r} must be text"))
        elif text in out:
            problems.append(Problem(rel, line, f"word '{text}' is listed twice in this group"))
        else:
            out.append(text)
    return out, problems


def load_thesaurus(corpus_dir: Path, out: SearchVocabulary) -> Iterator[Problem]:
    """corpus/search/thesaurus.yaml: [{words, reason}] into `out` (after the question
    words: a question word cannot be a synonym, it never has to match)."""
    rel = f"corpus/{THESAURUS_FILE}"
    problems: list[Problem] = []
    data = load_data_file(corpus_dir, THESAURUS_FILE, list, "be a list of {words, reason} groups", problems)
    yield from problems
    if data is None:
        return
    question = {w.word: w.line for w in out.words if not w.keep}
    seen: dict[str, int] = {}
    for item, line in zip(data, _lines(data)):
        if not isinstance(item, dict):
            yield Problem(rel, line, "each group must be a mapping with words and reason")
            continue
        problems = list(_fields(item, rel, ("reason",), GROUP_FIELDS, "group"))
        words, bad = _group_words(item, rel)
        problems += bad
        for w, wline in zip(words, item["words"].item_lines if not bad else []):
            if w in question:
                problems.append(Problem(rel, wline, f"'{w}' is a question word (corpus/{QUESTION_WORDS_FILE}:"
                                                    f"{question[w]}): it never has to match, so it has no synonyms"))
            elif w in seen:
                problems.append(Problem(rel, wline, f"'{w}' is already in the group of line {seen[w]}"))
        yield from problems
        if problems:
            continue
        for w in words:
            seen[w] = item.line
        out.thesaurus.append(SynonymGroup(tuple(words), _text(item["reason"]), item.line))


def load_search_vocabulary(corpus_dir: Path, out: SearchVocabulary) -> Iterator[Problem]:
    yield from load_question_words(corpus_dir, out)
    yield from load_thesaurus(corpus_dir, out)
