"""The model pages in a real headless Chromium (Debian's chromium + chromium-driver, the
one harness in tests/browser.py), served over http://127.0.0.1 from the built site:
copy link (read back from the clipboard, or the selected-text fallback), the project
filter, anchor redirects, A4 printing.  Cite, matrix, handouts and axe: test_desk_pages.py."""
import json
import os
import re
import shutil
import subprocess
import tempfile

import pytest
from browser import browser_unavailable, chromium, serve  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]

pytestmark = [pytest.mark.slow, pytest.mark.browser]  # headless Chromium


def _need_chromium():
    why = browser_unavailable()
    if why is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(why)
    print(f"\n*** SKIPPING BROWSER TESTS: {why} ***")
    pytest.skip(why)


@pytest.fixture(scope="module")
def site(built, tmp_path_factory):
    """A copy of the built site (so a test may add a redirect) served on a free port."""
    root = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(built / "site", root)
    with serve(root) as base:
        yield root, base


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    with chromium() as driver:
        yield driver


def _wait(driver, js, timeout=5):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(js))


def test_copy_link_on_a_step(site, browser):
    """The click puts the step's full permalink on the clipboard: read back for real."""
    _, base = site
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": base.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    browser.get(base + "guidance/")
    browser.execute_script("navigator.clipboard.writeText('')")
    link = browser.find_element("css selector", 'a.permalink-copy[href="#fy2553-step-3"]')
    assert link.is_displayed() and "คัดลอกลิงก์" in link.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    _wait(browser, "return document.querySelector('a.permalink-copy[href=\"#fy2553-step-3\"]')"
                   ".classList.contains('copied')")
    assert browser.current_url == base + "guidance/#fy2553-step-3"
    assert browser.find_elements("css selector", ".permalink-box") == []  # the clipboard took it
    copied = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });")
    assert copied == base + "guidance/#fy2553-step-3"


def test_copy_link_falls_back_without_clipboard(site, browser):
    _, base = site
    browser.get(base + "agencies/dla/")
    browser.execute_script("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")
    link = browser.find_element("css selector", 'a.permalink-copy[href="#dla-2"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    box = _wait(browser, "return document.querySelector('.permalink-box')")
    assert box.get_attribute("value") == base + "agencies/dla/#dla-2"
    assert browser.execute_script("var b = document.querySelector('.permalink-box');"
                                  "return b.selectionStart === 0 && b.selectionEnd === b.value.length")


def test_project_catalogue_filters_by_mission(site, browser):
    from selenium.webdriver.support.ui import Select

    root, base = site
    projects = json.loads((root / "data" / "projects.json").read_text(encoding="utf-8"))
    browser.get(base + "projects/")
    rows = lambda: [r.find_element("css selector", "a").get_attribute("href").rstrip("/").rsplit("/", 1)[1]  # noqa: E731
                    for r in browser.find_elements("css selector", "#project-catalogue tbody tr") if r.is_displayed()]
    assert sorted(rows()) == sorted(p["id"] for p in projects)
    Select(browser.find_element("name", "mission")).select_by_value("poverty-sufficiency")
    expected = sorted(p["id"] for p in projects if "poverty-sufficiency" in p["missions"])
    assert sorted(rows()) == expected and 0 < len(expected) < len(projects)
    assert f"แสดง {len(expected)} จาก {len(projects)}" in browser.find_element("name", "count").text
    Select(browser.find_element("name", "province")).select_by_value("none")
    assert sorted(rows()) == expected  # none of the seed's projects has a location


def test_renamed_anchor_is_forwarded(site, browser):
    root, base = site
    (root / "data" / "redirects.json").write_text(
        json.dumps({"agencies/dla/#old-role": "agencies/dla/#dla-3"}), encoding="utf-8")
    browser.get(base + "agencies/dla/#old-role")
    _wait(browser, "return location.hash === '#dla-3'")


def test_guidance_page_prints_on_a4(site):
    _need_chromium()
    _, base = site
    out = tempfile.mkdtemp()
    pdf = os.path.join(out, "guidance.pdf")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", f"--user-data-dir={out}/profile",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", base + "guidance/"],
                   capture_output=True, timeout=90, check=True)
    data = open(pdf, "rb").read()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)
    assert len(boxes) >= 3  # eight steps with their tables and the diagram: several A4 pages
    shutil.rmtree(out, ignore_errors=True)
