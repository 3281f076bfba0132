"""The pages officials and trainers use at their desk, in a real headless Chromium over
the built site (benchmarks/desk_pages.py holds the browser steps): "อ้างอิง" copies the
citation (read back from the clipboard, or from the fallback box), the who-does-what
matrix shows every role where the model puts it and fits a 390 px phone, every handout
prints to exactly one A4 page whose QR code reads back as its permalink, and axe-core
finds nothing on any page type beyond what it finds on a plain Material page."""
import json
import os
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import desk_pages  # noqa: E402
from browser import browser_unavailable, chromium, serve  # noqa: E402

from build_tools.knowledge.urls import LOCAL_SITE, public_base  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ANNEX = 'รายละเอียดแนบท้ายบันทึกความร่วมมือ โครงการพลังชุมชนพลังสร้างสรรค์ "สยามเมืองยิ้ม" ลงวันที่ ๑๒ มิถุนายน ๒๕๕๒'
GUIDANCE = ('แนวทางการดำเนินการขยายผลโครงการพลังชุมชน พลังสร้างสรรค์ "สยามเมืองยิ้ม" ประจำปีงบประมาณ ๒๕๕๓ '
            'ลงวันที่ ๖ สิงหาคม ๒๕๕๒')


def _skip_or_fail(why):
    if os.environ.get("CI") == "true":
        pytest.fail(why)
    print(f"\n*** SKIPPING DESK-PAGE BROWSER TESTS: {why} ***")
    pytest.skip(why)


@pytest.fixture(scope="module")
def site(built):
    with serve(built / "site") as base:
        yield built / "site", base


@pytest.fixture(scope="module")
def driver():
    why = browser_unavailable()
    if why:
        _skip_or_fail(why)
    with chromium() as d:
        yield d


@pytest.fixture
def clipboard(site, driver):
    """Lets the page write and read the clipboard (as a user who allowed it); returns a
    function that reads it back."""
    _, base = site
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": base.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    driver.set_window_size(1280, 1000)

    def read():
        text = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });")
        assert not text.startswith("ERROR"), text
        return text
    return read


def _click(driver, css):
    button = driver.find_element("css selector", css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    return button


def _wait(driver, js, timeout=5):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(js))


# --- cite this --------------------------------------------------------------------------
@pytest.mark.parametrize("page, anchor, citation", [
    # a clause of a document, a role of an agency, a guidance step
    ("documents/mou-annex-2552/", "c3-2-3-1", f"{ANNEX} ข้อ ๓.๒.๓ (๑) {{base}}documents/mou-annex-2552/#c3-2-3-1"),
    ("agencies/dla/", "dla-2", f"{ANNEX} ข้อ ๓.๒.๒ (๒) {{base}}documents/mou-annex-2552/#c3-2-2-2"),
    ("guidance/", "fy2553-step-3", f"{GUIDANCE} ข้อ ๓ {{base}}documents/expansion-guidance-2553/#c3"),
])
def test_cite_copies_the_citation(site, driver, clipboard, page, anchor, citation):
    _, base = site
    driver.get(base + page)
    driver.execute_script("navigator.clipboard.writeText('')")
    # the button of that clause, role or step (a document's clause holds its own; a
    # model page's entry ends with it; a step's is in the paragraph after its heading)
    css = {"c3-2-3-1": '[id="c3-2-3-1"] button.cite-copy', "dla-2": '[id="dla-2"] button.cite-copy',
           "fy2553-step-3": '[id="fy2553-step-3"] + p button.cite-copy'}[anchor]
    button = _click(driver, css)
    _wait(driver, "return document.querySelector(arguments[0]).classList.contains('copied')"
          .replace("arguments[0]", json.dumps(css)))
    assert clipboard() == citation.format(base=public_base() or base)
    assert button.get_attribute("data-copied") == "คัดลอกข้อความอ้างอิงแล้ว"
    assert driver.find_element("id", "copy-status").get_attribute("textContent") == "คัดลอกข้อความอ้างอิงแล้ว"


def test_cite_falls_back_to_a_selected_box(site, driver):
    _, base = site
    driver.get(base + "documents/mou-annex-2552/")
    driver.execute_script("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")
    _click(driver, '[id="c3-2-3-1"] button.cite-copy')
    box = _wait(driver, "return document.querySelector('.permalink-box')")
    assert box.get_attribute("value") == f"{ANNEX} ข้อ ๓.๒.๓ (๑) {public_base() or base}documents/mou-annex-2552/#c3-2-3-1"
    assert driver.execute_script("var b = document.querySelector('.permalink-box');"
                                 "return document.activeElement === b && b.selectionStart === 0 "
                                 "&& b.selectionEnd === b.value.length")


def test_cite_and_copy_link_work_from_the_keyboard(site, driver, clipboard):
    from selenium.webdriver.common.keys import Keys

    _, base = site
    driver.get(base + "agencies/oncb/")
    button = driver.find_element("css selector", '[id="oncb-1"] button.cite-copy')
    driver.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    _wait(driver, "return document.querySelector('[id=\"oncb-1\"] button.cite-copy').classList.contains('copied')")
    assert clipboard().endswith("ข้อ ๓.๒.๓ (๑) " + (public_base() or base) + "documents/mou-annex-2552/#c3-2-3-1")


def test_diagram_boxes_and_scroll_areas_take_the_keyboard(site, driver):
    """Every box of the flow diagram is a link Tab reaches; the diagram's scroll area
    itself takes focus (arrow keys scroll it)."""
    from selenium.webdriver.common.keys import Keys

    _, base = site
    driver.set_window_size(1280, 1000)
    driver.get(base + "guidance/")
    region = driver.find_element("css selector", ".flow-diagram")
    assert region.get_attribute("tabindex") == "0" and region.get_attribute("aria-label")
    driver.execute_script("arguments[0].focus()", region)
    nodes = driver.execute_script("return document.querySelectorAll('.flow-diagram svg a').length")
    assert nodes == 8 + 7  # eight steps and seven plans
    reached = set()
    for _ in range(nodes):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        reached.add(driver.execute_script(
            "var a = document.activeElement; return a.closest('svg') ? a.getAttribute('href') : null"))
    assert {f"#fy2553-step-{i}" for i in range(1, 9)} <= reached


# --- who does what ---------------------------------------------------------------------------
def _cells(driver, table_id):
    """{agency link text: [cell text, ...]} and {agency: [[role hrefs] per cell]}."""
    return driver.execute_script("""
      var out = {};
      document.querySelectorAll('#' + arguments[0] + ' tbody tr').forEach(function (tr) {
        var name = tr.querySelector('th').textContent.trim();
        out[name] = Array.from(tr.querySelectorAll('td')).map(function (td) {
          return {text: td.textContent.trim(), label: td.getAttribute('data-label'),
                  links: Array.from(td.querySelectorAll('a')).map(function (a) {
                    return {text: a.textContent.trim(), href: a.getAttribute('href')}; })};
        });
      });
      return out;""", table_id)


def test_matrix_shows_every_role_where_the_model_puts_it(site, driver):
    """Each role's summary links to its clause in its agency's row: in "ทุกภารกิจ" when the
    model gives it every mission, else in each of its missions' columns; no cell is empty."""
    root, base = site
    roles = json.loads((root / "data" / "roles.json").read_text(encoding="utf-8"))
    missions = json.loads((root / "data" / "missions.json").read_text(encoding="utf-8"))["missions"]
    agencies = {a["id"]: a for a in json.loads((root / "data" / "agencies.json").read_text(encoding="utf-8"))}
    general = _all_mission_ids()
    driver.set_window_size(1280, 1000)
    driver.get(base + "who-does-what/")
    rows = _cells(driver, "who-missions")
    label = lambda aid: f"{agencies[aid]['name_th']} ({agencies[aid]['abbr']})"  # noqa: E731
    assert sorted(rows) == sorted(label(a) for a in {r["agency"] for r in roles})
    for aid in {r["agency"] for r in roles}:
        cells = rows[label(aid)]
        assert len(cells) == 1 + len(missions) and cells[0]["label"] == "ทุกภารกิจ"
        mine = [r for r in roles if r["agency"] == aid]
        for i, cell in enumerate(cells):
            want = [r for r in mine if (r["id"] in general if i == 0 else
                                        r["id"] not in general and missions[i - 1]["id"] in r["missions"])]
            got = [(a["text"], a["href"].split("documents/")[-1]) for a in cell["links"]]
            assert got == [(r["summary"], r["source"]["permalink"].split("documents/")[-1]) for r in want], \
                f"{aid}, column {cell['label']}"
            assert cell["text"], f"{aid}, column {cell['label']} is empty"
            if not want:  # no role of its own: says so in words
                has_general = any(r["id"] in general for r in mine)
                assert cell["text"] == ("ตามบทบาททุกภารกิจ" if has_general and i else "—")


def _all_mission_ids():
    """Ids of the roles declared for all missions (missions: all in corpus/model/roles.yaml)."""
    import yaml

    data = yaml.safe_load((ROOT / "corpus" / "model" / "roles.yaml").read_text(encoding="utf-8"))
    return {r["id"] for r in data["roles"] if r["missions"] == "all"}


def test_matrix_says_what_each_agency_does_at_each_step(site, driver):
    root, base = site
    steps = json.loads((root / "data" / "guidance.json").read_text(encoding="utf-8"))["steps"]
    agencies = {a["id"]: a for a in json.loads((root / "data" / "agencies.json").read_text(encoding="utf-8"))}
    driver.set_window_size(1280, 1000)
    driver.get(base + "who-does-what/")
    rows = _cells(driver, "who-steps")
    involved = {a for s in steps for a in s["actors"] + s["informs"]}
    short = lambda aid: agencies[aid]["abbr"] or agencies[aid]["name_th"]  # noqa: E731
    assert sorted(rows) == sorted(short(a) for a in involved)
    for aid in involved:
        words = [c["text"] for c in rows[short(aid)]]
        assert words == ["ผู้ดำเนินการ" if aid in s["actors"] else "ผู้รับเสนอ/รับทราบ" if aid in s["informs"] else "—"
                         for s in steps], aid


def test_matrix_is_cards_without_sideways_scrolling_on_a_phone(site, driver):
    _, base = site
    desk_pages.set_width(driver, 390, 900)
    try:
        driver.get(base + "who-does-what/")
        assert driver.execute_script("return window.innerWidth") == 390
        assert driver.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth "
            "&& Array.from(document.querySelectorAll('.who-matrix-wrap')).every("
            "function (w) { return w.scrollWidth <= w.clientWidth; })")
        # one card per agency: the rows stack, each as wide as the column
        assert driver.execute_script(
            "var rows = document.querySelectorAll('#who-missions tbody tr');"
            "return rows.length > 1 && Array.from(rows).every(function (r) {"
            "  return getComputedStyle(r).display === 'block'; })")
    finally:
        driver.set_window_size(1280, 1000)


# --- handouts ---------------------------------------------------------------------------------
def _handouts(root):
    """(handout site path, the permalink its QR code must carry, the page that links it)."""
    steps = json.loads((root / "data" / "guidance.json").read_text(encoding="utf-8"))["steps"]
    agencies = json.loads((root / "data" / "agencies.json").read_text(encoding="utf-8"))
    out = [(f"handouts/{s['id']}/", s["permalink"], "guidance/") for s in steps]
    out += [(f"handouts/{a['id']}/", a["permalink"], a["permalink"]) for a in agencies
            if (root / "handouts" / a["id"] / "index.html").is_file()]
    return out


def test_every_step_and_agency_with_roles_has_a_handout(site):
    root, _ = site
    handouts = _handouts(root)
    roles = json.loads((root / "data" / "roles.json").read_text(encoding="utf-8"))
    assert {r["agency"] for r in roles} <= {p.split("/")[1] for p, _, _ in handouts}
    for path, _, linked_from in handouts:
        html = (root / linked_from / "index.html").read_text(encoding="utf-8")
        assert f'href="{"../" * linked_from.count("/")}{path}"' in html, f"{linked_from} does not link {path}"


def test_each_handout_prints_on_one_a4_page_with_its_permalink_as_qr(site, driver):
    root, base = site
    driver.set_window_size(1280, 1000)
    public = public_base() or LOCAL_SITE
    for path, permalink, _ in _handouts(root):
        pdf = desk_pages.print_pdf(driver, base + path)
        pages = desk_pages.pdf_pages(pdf)
        assert len(pages) == 1, f"{path} prints on {len(pages)} pages"
        w, h = pages[0]
        assert abs(w - 595.3) < 2 and abs(h - 841.9) < 2, f"{path}: {pages[0]} is not A4"
        assert desk_pages.pdf_qr_codes(pdf) == [public + permalink], path


# --- accessibility ------------------------------------------------------------------------------
def test_no_accessibility_violation_beyond_a_plain_material_page(site, driver):
    why = desk_pages.axe_unavailable()
    if why:
        _skip_or_fail(why)
    _, base = site
    driver.set_window_size(1280, 1000)
    baseline = desk_pages.baseline_rules(driver)
    beyond = {}
    for name, path in desk_pages.PAGE_TYPES.items():
        found = desk_pages.axe_violations(driver, base + path)
        extra = [f"{v['id']}: {v['nodes'][:3]}" for v in found if len(v["nodes"]) > baseline.get(v["id"], 0)]
        if extra:
            beyond[name] = extra
    assert beyond == {}
