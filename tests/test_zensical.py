"""`build --engine zensical`: Zensical (Material for MkDocs' successor) builds the same
generated pages into a complete site with our search index; and, in Chromium, the Thai
search box works there too."""
import json
import os

import pytest
from browser import browser_unavailable, chromium, serve  # noqa: E402
from conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def zensical_built(tmp_path_factory):
    out = tmp_path_factory.mktemp("zensical")
    log = run_cli("build", "--engine", "zensical", "--out", out).stdout
    assert "with zensical" in log
    return out


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_both_engines_build_the_same_pages(zensical_built, built):
    docs = {k: v for k, v in _files(zensical_built / "build/docs").items() if k != ".siam-yim-build"}
    assert docs == {k: v for k, v in _files(built / "build/docs").items() if k != ".siam-yim-build"}
    pages = {p.relative_to(built / "site").as_posix() for p in (built / "site").rglob("index.html")
             if not p.relative_to(built / "site").as_posix().startswith("search/")}
    assert pages and all((zensical_built / "site" / p).is_file() for p in pages)
    assert (zensical_built / "site/404.html").is_file()


def test_the_site_search_index_is_ours_and_covers_the_same_sections(zensical_built, built):
    meta = json.loads((zensical_built / "site/search/th/meta.json").read_text(encoding="utf-8"))
    mkdocs_meta = json.loads((built / "site/search/th/meta.json").read_text(encoding="utf-8"))
    assert meta["sections"] == mkdocs_meta["sections"] > 0
    # Zensical's own whole-site index is switched off (every page would download it).
    assert json.loads((zensical_built / "site/search.json").read_text(encoding="utf-8")).get("items") == []


def test_a_zensical_build_is_published_like_any_other(zensical_built):
    assert run_cli("check", "--out", zensical_built).returncode == 0
    again = run_cli("build", "--engine", "zensical", "--out", zensical_built).stdout
    assert "nothing changed since build" in again


# --- The search box on Zensical's theme ---------------------------------------------
# Zensical's header has no search input of its own once its search is switched off
# (its search dialog lives in a shadow root): search-th.js's adapter for a theme without
# a box of ours to take (OWN) puts our box in the header and our results in a panel.
ZENSICAL_SEARCH_INPUT = "header input[type='search'], header input.md-search__input"
ZENSICAL_RESULT_LINK = ".md-search-result__item a, [data-search-th-result] a"
REASON = browser_unavailable()
if REASON and os.environ.get("CI") == "true":
    raise RuntimeError(f"CI must run the browser tests: {REASON}")


@pytest.mark.browser
@pytest.mark.skipif(REASON is not None, reason=f"BROWSER TESTS NOT RUN: {REASON}")
def test_thai_search_box_on_zensical(zensical_built):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    with serve(zensical_built / "site") as base, chromium() as driver:
        driver.get(base)
        box = WebDriverWait(driver, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ZENSICAL_SEARCH_INPUT)))
        box.click()
        box.send_keys("เอาชนะยาเสพติดอย่างยั่งยืน")
        WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ZENSICAL_RESULT_LINK)))
        hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ZENSICAL_RESULT_LINK)]
        assert hrefs[0].endswith("documents/mou-annex-2552/#c3-2-1-3"), hrefs[:5]


@pytest.mark.browser
@pytest.mark.skipif(REASON is not None, reason=f"BROWSER TESTS NOT RUN: {REASON}")
def test_cite_and_copy_link_on_zensical(zensical_built):
    """permalink.js reads no theme markup: the cite and ¶ buttons work on Zensical's
    theme too (shown here through the selected box a browser without clipboard gets)."""
    from selenium.webdriver.support.ui import WebDriverWait

    with serve(zensical_built / "site") as base, chromium() as driver:
        driver.get(base + "documents/mou-annex-2552/")
        driver.execute_script("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")
        for css, expected in [('[id="c3-2-3-1"] button.cite-copy', "ข้อ ๓.๒.๓ (๑) "),
                              ('[id="c3-2-3-1"] a.permalink-copy', "")]:
            control = driver.find_element("css selector", css)
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", control)
            box = WebDriverWait(driver, 5).until(lambda d: d.execute_script(
                "return document.querySelector('.permalink-box')"))
            value = box.get_attribute("value")
            assert value.endswith("documents/mou-annex-2552/#c3-2-3-1") and expected in value, value
            driver.execute_script("document.querySelector('.permalink-box').remove()")
