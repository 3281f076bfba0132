"""Generated pages without MkDocs (fast): the page generators write Thai only through
templates, the matrix and handouts hold what the model says, the open data carries each
role's summary and every cited clause's citation from the one citation function."""
import ast
import io
import tokenize

import pytest
from conftest import ROOT

from build_tools.knowledge.checked import check_corpus
from build_tools.knowledge.citation import cite
from build_tools.outputs.open_data import records
from build_tools.outputs.site.document_pages import generate_pages
from build_tools.outputs.site.markup import escape
from build_tools.outputs.site.render import environment

# The modules that write pages: their Thai words live in outputs/site/templates/.
PAGE_MODULES = ["agency_pages", "conflict_notes", "diagram", "document_pages", "flow_pages", "handouts",
                "markup", "model_pages", "raw_pages", "render", "site_context"]


def _is_thai(s: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in s)


def _thai_literals(path):
    """(line, literal) of every string literal holding Thai that is not a docstring."""
    src = path.read_text(encoding="utf-8")
    docstrings = {node.body[0].value.lineno for node in ast.walk(ast.parse(src))
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.STRING and _is_thai(tok.string) and tok.start[0] not in docstrings:
            yield tok.start[0], tok.string


def test_page_generators_keep_their_thai_in_templates():
    found = [f"{m}.py:{line}: {s[:40]}" for m in PAGE_MODULES + ["../open_data"]
             for line, s in _thai_literals(ROOT / "build_tools" / "outputs" / "site" / f"{m}.py")]
    assert found == []


def test_the_checker_finds_thai_in_code(tmp_path):
    f = tmp_path / "m.py"
    f.write_text('"""เอกสาร"""\nX = "ไทย"  # ความเห็น\n', encoding="utf-8")
    assert list(_thai_literals(f)) == [(2, '"ไทย"')]


def test_every_template_compiles():
    env = environment()
    names = env.list_templates()
    assert "matrix.md.j2" in names and "handout_step.md.j2" in names
    for name in names:
        env.get_template(name)


@pytest.fixture(scope="module")
def built_pages():
    checked = check_corpus(ROOT / "corpus", with_review=False)
    pages, nav = generate_pages(checked.corpus, checked.docs, checked.model)
    return checked, pages, nav


def test_matrix_links_every_role_summary_to_its_clause(built_pages):
    checked, pages, _ = built_pages
    matrix = pages["who-does-what/index.md"]
    for r in checked.model.roles:
        ref = r.ref()
        assert f"[{r.summary}](../documents/{ref.doc}.md#{ref.clause})" in matrix, r.id


def test_a_handout_for_every_step_and_agency_with_roles(built_pages):
    checked, pages, _ = built_pages
    m = checked.model
    expected = {f"handouts/{s.id}.md" for s in m.steps} | {f"handouts/{r.agency}.md" for r in m.roles}
    assert expected <= {p for p in pages if p.startswith("handouts/")}
    step = pages["handouts/fy2553-step-3.md"]
    # the step's clause and its four agenda items quoted, each with its citation
    for ref in [m.steps[2].ref()] + [s.ref() for s in m.substeps["fy2553-step-3"]]:
        assert escape(m.text(ref))[:30] in step and f"documents/{ref.doc}/#{ref.clause}" in step
    assert "exclude: true" in step  # a handout repeats other pages: not a search hit of its own
    assert "handouts/fy2553-step-3.md" in pages["guidance/index.md"]
    assert "../handouts/cdd.md" in pages["agencies/cdd.md"]


def test_open_data_carries_summaries_and_citations(built_pages):
    checked, _, _ = built_pages
    data = records(checked.corpus, checked.model, checked.docs)
    by_id = {nd.id: nd for nd in checked.docs}
    for role in data["roles"]:
        src = role["source"]
        assert role["summary"] and src["citation"] == cite(checked.corpus, by_id[src["doc"]], src["clause"])
    annex = next(d for d in data["documents"] if d["id"] == "mou-annex-2552")
    clause = next(c for c in annex["clauses"] if c["id"] == "c3-2-3-1")
    assert clause["citation"].endswith("ลงวันที่ ๑๒ มิถุนายน ๒๕๕๒ ข้อ ๓.๒.๓ (๑) documents/mou-annex-2552/#c3-2-3-1")


def test_navigation_lists_the_desk_pages(built_pages):
    _, _, nav = built_pages
    assert {"หน้าสำหรับเจ้าหน้าที่และวิทยากร": "desk-pages.md"} in nav
