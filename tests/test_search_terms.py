"""corpus/search/: the question words and the thesaurus are data that `check` validates
with exact file:line messages; broken fixtures below, one problem each."""
import pytest

from build_tools.common.problems import Problem
from build_tools.sources.search_terms import SearchVocabulary, load_search_vocabulary

QW = "corpus/search/question_words.yaml"
TH = "corpus/search/thesaurus.yaml"
INTENTS = "intents:\n  - {id: who, label: หน่วยงาน, reason: who does it}\n"


def _load(tmp_path, words: str | None = None, thesaurus: str | None = None):
    (tmp_path / "search").mkdir(exist_ok=True)
    if words is not None:
        (tmp_path / "search" / "question_words.yaml").write_text(words, encoding="utf-8")
    if thesaurus is not None:
        (tmp_path / "search" / "thesaurus.yaml").write_text(thesaurus, encoding="utf-8")
    out = SearchVocabulary()
    return out, list(load_search_vocabulary(tmp_path, out))


def test_the_project_files_are_valid():
    from conftest import ROOT

    out = SearchVocabulary()
    assert list(load_search_vocabulary(ROOT / "corpus", out)) == []
    assert {i.id for i in out.intents} == {"who", "when", "how_many", "what_is", "which_document", "steps"}
    assert all(w.reason for w in out.words) and all(g.reason for g in out.thesaurus)
    assert any(w.word == "ใคร" and w.intent == "who" for w in out.words)
    assert any({"หน้าที่", "บทบาท"} <= set(g.words) for g in out.thesaurus)


def test_no_files_no_entries(tmp_path):
    out, problems = _load(tmp_path)
    assert problems == [] and out.words == [] and out.thesaurus == []


@pytest.mark.parametrize("words, expected", [
    (INTENTS + "words:\n  - {word: ใคร, intent: who}\n",
     Problem(QW, 4, "entry is missing required field 'reason' (text)")),
    (INTENTS + "words:\n  - {word: ใคร, intent: whom, reason: asks who}\n",
     Problem(QW, 4, "intent 'whom' is not listed under intents")),
    (INTENTS + "words:\n  - {word: ใคร, reason: x}\n  - {word: ใคร, reason: y}\n",
     Problem(QW, 5, "word 'ใคร' is listed twice (also line 4)")),
    (INTENTS + "words:\n  - {word: ใคร, reason: x, keep: yes please}\n",
     Problem(QW, 4, "keep must be true or false")),
    (INTENTS + "words:\n  - {word: ใคร, reason: x, weight: 2}\n",
     Problem(QW, 4, "unknown field 'weight'")),
    (INTENTS + "words:\n  - {word: 12345, reason: x}\n",
     Problem(QW, 4, "entry is missing required field 'word' (text)")),
    (INTENTS + "words:\n  - ใคร\n", Problem(QW, 4, "each entry must be a mapping with word and reason (intent, keep optional)")),
    ("intents:\n  - {id: why, label: เหตุผล, reason: x}\nwords: []\n",
     Problem(QW, 2, "unknown intent 'why': one of who, when, how_many, what_is, which_document, steps")),
    ("intents: []\nwords: []\nweights: {}\n", Problem(QW, 3, "unknown key 'weights' (expected intents, words)")),
    ("- ใคร\n", Problem(QW, 1, "must be a mapping with 'intents' and 'words'")),
    ("intents: [\n", None),  # malformed YAML: the YAML error, with its line
])
def test_broken_question_words(tmp_path, words, expected):
    _, problems = _load(tmp_path, words=words)
    if expected is None:
        assert len(problems) == 1 and problems[0].file == QW and problems[0].message.startswith("malformed YAML")
    else:
        assert problems == [expected]


@pytest.mark.parametrize("thesaurus, expected", [
    ("- {words: [หน้าที่], reason: x}\n", Problem(TH, 1, "words must be a list of two or more words")),
    ("- {words: [หน้าที่, บทบาท]}\n", Problem(TH, 1, "group is missing required field 'reason' (text)")),
    ("- words: [หน้าที่, หน้าที่]\n  reason: x\n", Problem(TH, 1, "word 'หน้าที่' is listed twice in this group")),
    ("- words: [หน้าที่, 7]\n  reason: x\n", Problem(TH, 1, "word 7 must be text")),
    ("- {words: [หน้าที่, บทบาท], reason: x}\n- {words: [บทบาท, ภาระ], reason: y}\n",
     Problem(TH, 2, "'บทบาท' is already in the group of line 1")),
    ("- {words: [งบ, งบประมาณ], reason: x, source: annex}\n", Problem(TH, 1, "unknown field 'source'")),
    ("- {words: [ใคร, ผู้ใด], reason: x}\n",
     Problem(TH, 1, "'ใคร' is a question word (corpus/search/question_words.yaml:4): "
                    "it never has to match, so it has no synonyms")),
    ("words: [a, b]\n", Problem(TH, 1, "must be a list of {words, reason} groups")),
])
def test_broken_thesaurus(tmp_path, thesaurus, expected):
    words = INTENTS + "words:\n  - {word: ใคร, intent: who, reason: asks who}\n"
    _, problems = _load(tmp_path, words=words, thesaurus=thesaurus)
    assert problems == [expected]


def test_check_names_the_file_and_line(tmp_path):
    """`check` stops on a broken search file, naming it (through load_corpus)."""
    from conftest import copy_corpus

    from build_tools.common.problems import CorpusError
    from build_tools.sources.corpus import load_corpus

    corpus = copy_corpus(tmp_path)
    path = corpus / "search" / "thesaurus.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- {words: [หน้าที่, งาน], reason: dup}\n", encoding="utf-8")
    with pytest.raises(CorpusError) as exc:
        load_corpus(corpus)
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert [str(p) for p in exc.value.problems] == [f"{TH}:{line}: 'หน้าที่' is already in the group of line 12"]
