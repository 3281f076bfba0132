"""Every data file is checked against its schema: wrong types, unknown keys, a text
where a list belongs, ids, implausible dates and references to other files are
`file:line` errors from `check`, never a crash in `build` or a silently wrong page.
Each case breaks a copy of the real corpus and asserts the exact messages; Hypothesis
then feeds arbitrary YAML to the loaders."""
import functools
import shutil

import pytest
import yaml
from conftest import ROOT, copy_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.common.problems import CorpusError
from build_tools.knowledge.checked import check_corpus
from build_tools.knowledge.model_files import load_model
from build_tools.normalization.documents import normalize_corpus
from build_tools.sources.corpus import load_corpus


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(path, needle):
    return next(i for i, ln in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in ln)


def _problems(corpus) -> list[str]:
    with pytest.raises(CorpusError) as exc:
        check_corpus(corpus, with_review=False)
    return [str(p) for p in exc.value.problems]


def test_agency_fields_are_typed(tmp_path):
    corpus = copy_corpus(tmp_path)
    agencies = corpus / "agencies.yaml"
    _edit(agencies, "  aliases: [DLA]\n", "  aliases: DLA\n  colour: red\n")
    _edit(agencies, "  name_th: สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด\n", "  name_th: 12345\n")
    _edit(agencies, "  members: [cdd, dla, oncb, tao-association]", "  members: [cdd, dla, oncb, tao]")
    rel = "corpus/agencies.yaml"
    assert _problems(corpus) == [
        f"{rel}:{_line(agencies, 'aliases: DLA')}: aliases must be a list",
        f"{rel}:{_line(agencies, 'colour: red')}: agency: unknown field 'colour'",
        f"{rel}:{_line(agencies, 'name_th: 12345')}: name_th must be text",
    ]


def test_group_members_must_be_agencies(tmp_path):
    corpus = copy_corpus(tmp_path)
    agencies = corpus / "agencies.yaml"
    _edit(agencies, "  members: [cdd, dla, oncb, tao-association]", "  members: [cdd, dla, oncb, tao-assoc]")
    assert _problems(corpus) == [
        f"corpus/agencies.yaml:{_line(agencies, 'members:')}: members: 'tao-assoc' is not an agency id of this file"]


def test_model_fields_are_typed(tmp_path):
    corpus = copy_corpus(tmp_path)
    glossary = corpus / "model" / "glossary.yaml"
    _edit(glossary, "  term: บันทึกความร่วมมือ\n", "  term: 42\n")
    roles = corpus / "model" / "roles.yaml"
    _edit(roles, "{id: oncb-1, agency: oncb, missions: [drug-prevention]", "{id: oncb-1, agency: oncb, missions: drugs")
    missions = corpus / "model" / "missions.yaml"
    _edit(missions, "missions:\n", "missionz: []\nmissions:\n")
    assert _problems(corpus) == [
        f"corpus/model/glossary.yaml:{_line(glossary, 'term: 42')}: term must be text",
        f"corpus/model/missions.yaml:{_line(missions, 'missionz')}: unknown top-level key 'missionz'",
        f"corpus/model/roles.yaml:{_line(roles, 'id: oncb-1,')}: missions must be 'all' or a list of mission ids",
    ]


def test_implausible_buddhist_era_year(tmp_path):
    corpus = copy_corpus(tmp_path)
    doc = corpus / "documents" / "mou-2552-06-12.md"
    _edit(doc, "date_be: ๑๒ มิถุนายน ๒๕๕๒", "date_be: ๑๒ มิถุนายน ๓๐๐๐")
    assert _problems(corpus) == [
        f"corpus/documents/mou-2552-06-12.md:{_line(doc, 'date_be')}: date_be: year 3000 is not a plausible "
        "Buddhist-era year (expected 2400-2699)"]


@pytest.mark.parametrize("content", ["", None])
def test_no_corrections_is_said_not_silent(tmp_path, content):
    corpus = copy_corpus(tmp_path)
    path = corpus / "corrections.yaml"
    if content is None:
        path.unlink()
    else:
        path.write_text(content, encoding="utf-8")
    warnings = [str(w) for w in load_corpus(corpus).warnings]
    assert ("corpus/corrections.yaml:1: warning: no reviewed corrections (the file is missing or empty): "
            "the documents are normalized by the rules alone") in warnings


# --- arbitrary YAML: a file:line error or a valid corpus, never a crash -------------------

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.text(max_size=12),
                     st.sampled_from(["cdd", "dla", "all", "c3-1-1", "mou-annex-2552", "2009-08-11"]))
_keys = st.sampled_from(["id", "name_th", "name_en", "abbr", "aliases", "members", "term", "definition",
                         "source", "doc", "clause", "x"])
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(_keys, inner, max_size=5)),
                       max_leaves=12)


@functools.cache
def _normalized():
    corpus = load_corpus(ROOT / "corpus")
    return corpus, normalize_corpus(corpus)


def _assert_located(exc: CorpusError):
    assert exc.problems
    for p in exc.problems:
        assert p.file.startswith("corpus/") and p.line >= 1 and p.message, p


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.lists(_values, max_size=4))
@pytest.mark.slow  # Hypothesis
def test_arbitrary_agencies_file_gives_located_errors(tmp_path_factory, data):
    corpus = tmp_path_factory.mktemp("c") / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "agencies.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_corpus(corpus)
    except CorpusError as exc:
        _assert_located(exc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_values)
@pytest.mark.slow  # Hypothesis
def test_arbitrary_glossary_file_gives_located_errors(tmp_path_factory, data):
    corpus_dir = tmp_path_factory.mktemp("g") / "corpus"
    shutil.copytree(ROOT / "corpus" / "model", corpus_dir / "model")
    shutil.copytree(ROOT / "corpus" / "permalinks", corpus_dir / "permalinks")
    (corpus_dir / "model" / "glossary.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    corpus, docs = _normalized()
    _, problems = load_model(corpus_dir, corpus, docs)
    if problems:
        _assert_located(CorpusError(problems))


def test_yaml_read_back_from_a_cache_keeps_where_every_key_and_item_stands():
    import copy
    import pickle

    from build_tools.common.yamlio import LineDict, LineList, parse_yaml

    data = parse_yaml("id: a\nreferences:\n  - {id: b, date_be: 7 ธ.ค. 2552}\n  - id: c\n    match: exact\n", "x.md", 3)
    for again in (pickle.loads(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)), copy.deepcopy(data)):
        assert again == data and type(again) is LineDict and type(again["references"]) is LineList
        assert (again.line, again.key_lines) == (data.line, data.key_lines) == (3, {"id": 3, "references": 4})
        refs = again["references"]
        assert refs.item_lines == data["references"].item_lines == [5, 6]
        assert [(r.line, r.key_lines) for r in refs] == [(5, {"id": 5, "date_be": 5}), (6, {"id": 6, "match": 7})]
