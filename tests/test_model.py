"""The knowledge model (corpus/model/): `check` validates it with exact file:line
messages (cited clauses, ids unique across kinds, released permalinks, project locations
against the geothai gazetteer), and the build turns it into pages, open data and search
records whose every permalink resolves."""
import json
import re
import shutil

import pytest
from conftest import ROOT, copy_corpus, run_cli, seed

CASES = ROOT / "tests" / "cases" / "projects"
ANNEX = "mou-annex-2552"


def _line_of(path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, ln in enumerate(lines, 1) if needle in ln)


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _check(corpus):
    proc = run_cli("check", "--corpus", corpus, check=False)
    return proc.returncode, proc.stderr.strip().split("\n")[:-1]


def test_real_model_passes_check():
    out = run_cli("check").stdout
    assert "corpus OK" in out


def test_cited_clause_that_disappears_fails_check(tmp_path):
    """Cut the annex short so its last two clauses vanish: the roles citing them fail."""
    corpus = copy_corpus(tmp_path)
    _edit(corpus / "documents" / f"{ANNEX}.md", "lines: 200-298", "lines: 200-294")
    roles = corpus / "model" / "roles.yaml"
    code, lines = _check(corpus)
    assert code == 1
    assert lines == [
        f"corpus/model/roles.yaml:{_line_of(roles, 'c3-2-4-5}')}: source: clause 'c3-2-4-5' not found in "
        f"the normalized document '{ANNEX}' (see build/normalized/{ANNEX}.md and its page)",
        f"corpus/model/roles.yaml:{_line_of(roles, 'c3-2-4-6}')}: source: clause 'c3-2-4-6' not found in "
        f"the normalized document '{ANNEX}' (see build/normalized/{ANNEX}.md and its page)",
    ]


def test_ids_are_unique_across_kinds(tmp_path):
    corpus = copy_corpus(tmp_path)
    glossary = corpus / "model" / "glossary.yaml"
    _edit(glossary, "- id: five-fences", "- id: cdd")
    _edit(corpus / "model" / "guidance.yaml", "id: fy2553-step-3-4,", "id: fy2553-step-3-3,")
    timeline = corpus / "model" / "timeline.yaml"
    _edit(timeline, "- id: dla-web-2552-08-21", "- id: flow")
    code, lines = _check(corpus)
    assert code == 1
    guidance = corpus / "model" / "guidance.yaml"
    second = [i for i, ln in enumerate(guidance.read_text(encoding="utf-8").split("\n"), 1)
              if "id: fy2553-step-3-3," in ln]
    assert lines == [
        f"corpus/model/glossary.yaml:{_line_of(glossary, '- id: cdd')}: duplicate id 'cdd' (already used by "
        f"the agency in corpus/agencies.yaml:{_line_of(corpus / 'agencies.yaml', 'id: cdd')})",
        f"corpus/model/guidance.yaml:{second[1]}: duplicate id 'fy2553-step-3-3' (already used by the substep "
        f"in corpus/model/guidance.yaml:{second[0]})",
        f"corpus/model/timeline.yaml:{_line_of(timeline, '- id: flow')}: id 'flow' is reserved for a section "
        "of the generated pages: choose another",
    ]


def test_role_with_unknown_agency_and_mission(tmp_path):
    corpus = copy_corpus(tmp_path)
    roles = corpus / "model" / "roles.yaml"
    _edit(roles, "{id: dla-1, agency: dla,", "{id: dla-1, agency: dlaa,")
    _edit(roles, "{id: oncb-1, agency: oncb, missions: [drug-prevention]",
          "{id: oncb-1, agency: oncb, missions: [drugs]")
    code, lines = _check(corpus)
    assert code == 1
    assert lines == [
        f"corpus/model/roles.yaml:{_line_of(roles, 'id: dla-1,')}: agency 'dlaa' is not an agency id in corpus/agencies.yaml",
        f"corpus/model/roles.yaml:{_line_of(roles, 'id: oncb-1,')}: missions: 'drugs' is not a mission id "
        "(one of drug-prevention, national-institutions, poverty-sufficiency)",
    ]


def test_role_summaries_are_present_short_and_their_own(tmp_path):
    """Every role has a summary of a few words (the who-does-what table shows it), and no
    two roles share one."""
    corpus = copy_corpus(tmp_path)
    roles = corpus / "model" / "roles.yaml"
    _edit(roles, "summary: ประชาสัมพันธ์การดำเนินงาน, ", "")
    _edit(roles, "summary: ติดตามประเมินผลงานของ อบต.,", "summary: ติดตามประเมินผลการดำเนินงาน,")
    _edit(roles, "summary: สนับสนุนทรัพยากรและงบประมาณ,",
          "summary: ส่งเสริมและสนับสนุนทรัพยากร งบประมาณ ในการดำเนินการกิจกรรมสร้างสรรค์ชุมชน,")
    _edit(roles, "summary: บูรณาการหน่วยงานความร่วมมือ,", "summary: [บูรณาการ, หน่วยงาน],")
    code, lines = _check(corpus)
    assert code == 1
    assert lines == [
        f"corpus/model/roles.yaml:{_line_of(roles, 'id: joint-2,')}: summary must be one line of text",
        f"corpus/model/roles.yaml:{_line_of(roles, 'id: cdd-1-4,')}: role is missing required field 'summary'",
        f"corpus/model/roles.yaml:{_line_of(roles, 'id: oncb-2,')}: summary has 73 characters: at most 40 "
        "(a few words; the clause itself is shown beside it)",
        f"corpus/model/roles.yaml:{_line_of(roles, 'id: tao-association-5,')}: summary 'ติดตามประเมินผลการดำเนินงาน' "
        f"is the same as role 'cdd-1-5' (line {_line_of(roles, 'id: cdd-1-5,')}): write what this role does in "
        "its own words",
    ]


def test_released_permalink_needs_a_redirect(tmp_path):
    corpus = copy_corpus(tmp_path)
    _edit(corpus / "model" / "roles.yaml", "{id: dla-3,", "{id: dla-local-plans,")
    released = corpus / "permalinks" / "released.txt"
    code, lines = _check(corpus)
    assert code == 1
    assert lines == [
        f"corpus/permalinks/released.txt:{_line_of(released, 'agencies/dla/#dla-3')}: permalink "
        "'agencies/dla/#dla-3' was released and no longer exists: restore its id or add a redirect "
        "to corpus/permalinks/redirects.yaml",
    ]
    (corpus / "permalinks" / "redirects.yaml").write_text(
        '- {from: "agencies/dla/#dla-3", to: "agencies/dla/#dla-local-plans"}\n', encoding="utf-8")
    assert run_cli("check", "--corpus", corpus).returncode == 0
    (corpus / "permalinks" / "redirects.yaml").write_text(
        '- {from: "agencies/dla/#dla-3", to: "agencies/dla/#nowhere"}\n', encoding="utf-8")
    code, lines = _check(corpus)
    assert lines == ["corpus/permalinks/redirects.yaml:1: redirect target 'agencies/dla/#nowhere' "
                     "is not a current permalink"]


def test_broken_fixture_projects(tmp_path):
    corpus = copy_corpus(tmp_path)
    for p in CASES.glob("*.yaml"):
        shutil.copy(p, corpus / "model" / "projects" / p.name)
    code, lines = _check(corpus)
    assert code == 1
    f = "corpus/model/projects/"
    ln = lambda name, needle: _line_of(CASES / name, needle)  # noqa: E731
    by_place = lambda s: (s.split(":")[0], int(s.split(":")[1]), s)  # noqa: E731  (as check sorts)
    assert lines == sorted([
        f"{f}bad-fields.yaml:{ln('bad-fields.yaml', 'colour')}: project: unknown field 'colour'",
        f"{f}bad-fields.yaml:{ln('bad-fields.yaml', 'id:')}: file name must be the id: rename to bad-fields-renamed.yaml",
        f"{f}bad-fields.yaml:{ln('bad-fields.yaml', 'lead:')}: lead: 'cddx' is not an agency id in corpus/agencies.yaml",
        f"{f}bad-fields.yaml:{ln('bad-fields.yaml', 'level:')}: level 'hamlet' is not one of "
        "village, tambon, district, province, province-group, national",
        f"{f}bad-fields.yaml:{ln('bad-fields.yaml', 'missions:')}: missions: 'drugs' is not a mission id "
        "(one of drug-prevention, national-institutions, poverty-sufficiency)",
        f"{f}bad-fields.yaml:{ln('bad-fields.yaml', 'source:')}: source: clause 'c9-9' not found in the normalized "
        f"document '{ANNEX}' (see build/normalized/{ANNEX}.md and its page)",
        f"{f}bad-fields.yaml:{ln('bad-fields.yaml', 'year_be:')}: year_be '2010' must be a Buddhist-era year such as 2553",
        f"{f}bad-province.yaml:{ln('bad-province.yaml', 'province:')}: location: 'เชียงใหม่ใหม่' is not a province "
        "of Thailand (geothai 3.2.1)",
        f"{f}district-not-in-province.yaml:{ln('district-not-in-province.yaml', 'district: บางรัก')}: location: "
        "'บางรัก' is not a district of province เชียงใหม่ (geothai 3.2.1)",
        f"{f}subdistrict-not-in-district.yaml:{ln('subdistrict-not-in-district.yaml', 'subdistrict:')}: location: "
        "'ศรีภูมิ' is not a subdistrict of district จอมทอง, province เชียงใหม่ (geothai 3.2.1)",
    ], key=by_place)


def test_glossary_keeps_the_shared_schema():
    """Another tool reads term/abbr/aliases of the glossary as vocabulary."""
    import yaml

    data = yaml.safe_load((ROOT / "corpus" / "model" / "glossary.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list) and len(data) >= 20
    for t in data:
        assert set(t) <= {"id", "term", "abbr", "aliases", "definition", "source"}
        assert isinstance(t["term"], str) and isinstance(t.get("aliases", []), list)


# --- the built site -------------------------------------------------------------------

def _ids(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


def _permalinks(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "permalink" and isinstance(v, str):
                yield v
            else:
                yield from _permalinks(v)
    elif isinstance(node, list):
        for v in node:
            yield from _permalinks(v)


DATA_FILES = ["documents", "agencies", "roles", "missions", "guidance", "monitoring", "projects",
              "glossary", "timeline"]


def test_every_open_data_permalink_resolves_to_page_and_anchor(built):
    site = built / "site"
    pages: dict[str, set[str]] = {}
    count = 0
    for name in DATA_FILES:
        data = json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
        links = list(_permalinks(data))
        assert links, name
        for url in links:
            page, _, anchor = url.partition("#")
            assert page.endswith("/") and not page.startswith("/"), url
            if page not in pages:
                f = site / page / "index.html"
                assert f.is_file(), f"{name}.json: {url}: no page {f}"
                pages[page] = _ids(f.read_text(encoding="utf-8"))
            if anchor:
                assert anchor in pages[page], f"{name}.json: {url}: no anchor #{anchor}"
            count += 1
    assert count > 250  # documents' clauses, roles, steps, ...


def test_open_data_text_is_the_normalized_clause(built):
    roles = json.loads((built / "site" / "data" / "roles.json").read_text(encoding="utf-8"))
    annex = (built / "build" / "normalized" / f"{ANNEX}.md").read_text(encoding="utf-8")
    assert len(roles) == 25
    for r in roles:
        assert r["text"] and r["text"] in annex, r["id"]
        assert r["source"]["permalink"] == f"documents/{ANNEX}/#{r['source']['clause']}"
    assert {r["id"] for r in roles if r["agency"] == "mou-parties"} == {f"joint-{i}" for i in range(1, 6)}
    guidance = json.loads((built / "site" / "data" / "guidance.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in guidance["steps"]] == [f"fy2553-step-{i}" for i in range(1, 9)]
    assert [x["id"] for x in guidance["steps"][2]["substeps"]] == [f"fy2553-step-3-{i}" for i in range(1, 5)]


def test_agency_page_groups_roles_by_mission_and_links_clauses(built):
    html = (built / "site" / "agencies" / "cdd" / "index.html").read_text(encoding="utf-8")
    ids = _ids(html)
    assert {"cdd-1-1", "cdd-1-6", "cdd-2", "cdd-3", "cdd-4"} <= ids
    order = [html.index(f'id="{a}"') for a in
             ("roles-all-missions", "roles-national-institutions", "roles-drug-prevention", "roles-poverty-sufficiency")]
    assert order == sorted(order)
    assert f'href="../../documents/{ANNEX}/#c3-2-1-3"' in html
    assert 'class="permalink-copy" href="#cdd-3"' in html
    assert "กองทุนแม่ของแผ่นดิน" in html  # the clause text itself, from the normalized annex


def test_guidance_page_has_an_anchor_per_step_and_an_offline_diagram(built):
    html = (built / "site" / "guidance" / "index.html").read_text(encoding="utf-8")
    ids = _ids(html)
    for i in range(1, 9):
        assert f"fy2553-step-{i}" in ids
    for i in range(1, 5):
        assert f"fy2553-step-3-{i}" in ids
    start = html.index('<svg class="flow"')
    svg = html[start: html.index("</svg>", start)]
    assert 'href="#fy2553-step-1"' in svg and 'href="#plan-tao-budget"' in svg
    assert "ระดับตำบล/หมู่บ้าน" in svg and "ระดับจังหวัด" in svg
    mon = (built / "site" / "monitoring" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in mon and {"monitoring-reports", "evaluation-cdd-working-group"} <= _ids(mon)


def test_no_page_loads_anything_from_the_network(built):
    for f in (built / "site").rglob("*.html"):
        html = f.read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]+src="(https?:)?//', html), f
        assert not re.search(r'<link[^>]+href="(https?:)?//[^"]+"[^>]*stylesheet|<link[^>]+stylesheet[^>]+href="(https?:)?//', html), f
        assert "mermaid" not in html.lower(), f


def test_circular_pages_link_what_they_define(built):
    annex = (built / "site" / "documents" / ANNEX / "index.html").read_text(encoding="utf-8")
    assert 'id="defines"' in annex
    assert 'href="../../agencies/cdd/#cdd-1-1"' in annex
    assert 'href="../../agencies/mou-parties/#joint-5"' in annex
    assert 'href="../../missions/#objective-1-1"' in annex
    guide = (built / "site" / "documents" / "expansion-guidance-2553" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../guidance/#fy2553-step-8"' in guide and 'href="../../agencies/district-cd-office/"' in guide


def test_matrix_links_roles_and_steps(built):
    """A role's summary links to its clause in the circular (issue 14: "each linking to its
    clause"); the agency to its page, a step to its place on the guidance page."""
    html = (built / "site" / "who-does-what" / "index.html").read_text(encoding="utf-8")
    assert 'href="../documents/mou-annex-2552/#c3-2-3-1">หน่วยงานกลางประสานการป้องกันยาเสพติด</a>' in html
    assert 'href="../agencies/oncb/"' in html
    assert 'href="../guidance/#fy2553-step-5"' in html


def test_timeline_cites_every_date(built):
    tl = json.loads((built / "site" / "data" / "timeline.json").read_text(encoding="utf-8"))
    assert [e["date"] for e in tl] == ["2009-05-21", "2009-06-11", "2009-06-12", "2009-08-06", "2009-08-11",
                                       "2009-08-20", "2009-08-21"]
    assert all(e["source"]["text"] for e in tl)


@pytest.mark.parametrize("query, agency", [
    ("สถ.", "dla"), ("DLA", "dla"), ("ONCB", "oncb"), ("ป.ป.ส.", "oncb"), ("อบต.", "tao"), ("พช.", "cdd"),
    ("CDD", "cdd"),
])
def test_search_ranks_the_agency_page_first_and_no_other_agencys_roles(search_json, query, agency):
    # The agency's page (its roles, in words) first.  Since best-match ranking (#11) the
    # circular's own clauses rank above the pages that restate them, so the agency's role
    # entries no longer follow its page directly; another agency's roles never come first.
    hits = search_json(query, limit=5)
    urls = [h["url"] for h in hits]
    assert urls[0] == f"agencies/{agency}/", urls
    roles = [u for u in urls if "#" in u and u.startswith("agencies/")]
    assert all(u.startswith(f"agencies/{agency}/#") for u in roles), urls


def test_search_agency_filter_finds_roles(search_json):
    hits = search_json("บทบาท", agency="dla", limit=20)
    kinds = {h["kind"] for h in hits}
    assert "role" in kinds
    assert {h["url"] for h in hits if h["kind"] == "role"} >= {"agencies/dla/#dla-1", "agencies/dla/#dla-2",
                                                               "agencies/dla/#dla-3"}


@pytest.mark.slow  # builds a site
def test_project_with_location_and_redirect_of_renamed_project(tmp_path):
    """A valid fixture project gets its page, catalogue row and resolved location; a renamed
    project keeps its old URL through a generated redirect page."""
    corpus = copy_corpus(tmp_path)
    shutil.copy(CASES / "good-location.yaml", corpus / "model" / "projects" / "good-location.yaml")
    old = corpus / "model" / "projects" / "mother-of-the-land-fund.yaml"
    text = old.read_text(encoding="utf-8").replace("id: mother-of-the-land-fund", "id: mother-fund")
    old.unlink()
    (corpus / "model" / "projects" / "mother-fund.yaml").write_text(text, encoding="utf-8")
    (corpus / "permalinks" / "redirects.yaml").write_text(
        '- {from: "projects/mother-of-the-land-fund/", to: "projects/mother-fund/"}\n', encoding="utf-8")
    out = tmp_path / "out"
    run_cli("build", "--corpus", corpus, "--out", out)
    site = out / "site"
    page = (site / "projects" / "good-location" / "index.html").read_text(encoding="utf-8")
    assert "ศรีภูมิ (Si Phum) / เมืองเชียงใหม่ (Mueang Chiang Mai) / เชียงใหม่ (Chiang Mai)" in page
    catalogue = (site / "projects" / "index.html").read_text(encoding="utf-8")
    assert '<option value="50">เชียงใหม่</option>' in catalogue
    assert 'data-province="50"' in catalogue
    projects = json.loads((site / "data" / "projects.json").read_text(encoding="utf-8"))
    loc = next(p for p in projects if p["id"] == "good-location")["location"]
    assert loc["subdistrict"]["code"] == "500101"
    redirect = (site / "projects" / "mother-of-the-land-fund" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../projects/mother-fund/' in redirect
    assert (site / "projects" / "mother-fund" / "index.html").is_file()


def test_missing_fields_and_unknown_field(tmp_path):
    corpus = copy_corpus(tmp_path)
    guidance = corpus / "model" / "guidance.yaml"
    _edit(guidance, "    label: อบต. บรรจุในข้อบัญญัติงบประมาณ\n", "    lable: อบต. บรรจุในข้อบัญญัติงบประมาณ\n")
    timeline = corpus / "model" / "timeline.yaml"
    _edit(timeline, "  date: 2009-08-11\n", "  date: 2009-08-32\n")
    code, lines = _check(corpus)
    assert code == 1
    step5 = _line_of(guidance, "- id: fy2553-step-5")
    assert lines == [
        f"corpus/model/guidance.yaml:{step5}: step is missing required field 'label'",
        f"corpus/model/guidance.yaml:{_line_of(guidance, 'lable:')}: step: unknown field 'lable'",
        f"corpus/model/timeline.yaml:{_line_of(timeline, '2009-08-32')}: date '2009-08-32' must be an ISO date YYYY-MM-DD",
    ]


def test_permalinks_verb_records_a_release(tmp_path):
    corpus = copy_corpus(tmp_path)
    released = corpus / "permalinks" / "released.txt"
    released.write_text("", encoding="utf-8")
    listing = run_cli("permalinks", "--corpus", corpus).stdout
    assert "role       agencies/cdd/#cdd-1-1" in listing
    assert "clause     documents/mou-annex-2552/#c3-1-1" in listing
    assert "step       guidance/#fy2553-step-8" in listing
    run_cli("permalinks", "--release", "--corpus", corpus)
    urls = [ln for ln in released.read_text(encoding="utf-8").split("\n") if ln and not ln.startswith("#")]
    assert len(urls) == len(listing.strip().split("\n")) and "projects/mother-of-the-land-fund/" in urls
    # the registry committed in the project lists every permalink published so far
    committed = set((ROOT / "corpus" / "permalinks" / "released.txt").read_text(encoding="utf-8").split("\n"))
    assert {"agencies/dla/#dla-3", "guidance/#fy2553-step-3-4", "documents/mou-annex-2552/#c3-2-4-6"} <= committed


def test_the_permalink_check_finds_what_the_registry_lists_looking_only_at_the_documents_asked():
    from build_tools.knowledge.permalinks import _Published, permalinks

    checked = seed()
    links = permalinks(checked.corpus, checked.model, checked.docs)
    clause = next(u for u, kind in links.items() if kind == "clause")
    published = _Published(checked.corpus, checked.model, checked.docs)
    assert clause in published and clause + "x" not in published
    assert list(published.links) == [clause.split("#")[0]]  # one document looked at, not every one
    asked = [*links, *(u + "x" for u in links), *(u.split("#")[0] + "#nowhere" for u in links),
             "documents/no-such-letter/", "documents/no-such-letter/#cl-1", "agencies/nobody/"]
    assert [u in published for u in asked] == [u in links for u in asked]
