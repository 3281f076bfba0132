"""Headless Debian Chromium + a local static server, shared by the search evaluation
and the browser tests.  Nothing is downloaded: the browser and its driver are the
system's (/usr/bin/chromium, /usr/bin/chromedriver)."""
from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,1000"]


def browser_unavailable() -> str | None:
    """Why the browser cannot run here, or None."""
    for p in (CHROMIUM, CHROMEDRIVER):
        if not Path(p).exists():
            return f"{p} is missing (sudo apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path):
    """Serve `directory` on a free local port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="siam-yim-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for f in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(f)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def type_in_search_box(driver, query: str, timeout: float = 10.0) -> list[dict]:
    """Type `query` into the header search box as a user does; return the shown hits
    (href, title, section, snippet) once our search script has rendered them."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    toggle = driver.find_element(By.CSS_SELECTOR, "label.md-header__button[for='__search']")
    if toggle.is_displayed():  # narrow window: the box hides behind a button
        toggle.click()
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.click()
    driver.execute_script("arguments[0].value=''; document.documentElement.removeAttribute('data-th-search')", box)
    box.send_keys(query)
    # Done, and for the whole query: a pause between keystrokes longer than the search
    # box's debounce starts a search for half the query, which may finish first.
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "const e = document.documentElement, box = arguments[0];"
        "return e.getAttribute('data-th-search') === 'done' && e.getAttribute('data-th-query') === box.value", box))
    return driver.execute_script("""
      return Array.from(document.querySelectorAll('.md-search-result__item:not([data-th-answer]) > a')).map(a => ({
        href: a.href, title: (a.querySelector('h1')||{}).textContent || '',
        section: (a.querySelector('.th-search-section')||{}).textContent || '',
        snippet: a.innerHTML, near: a.closest('li').hasAttribute('data-th-near')}));""")


def answer_card(driver) -> dict | None:
    """The answer card shown above the results (after type_in_search_box), or None:
    {kind, text, url, source, items: [{text, url}]}."""
    return driver.execute_script("""
      const el = document.querySelector('[data-th-answer]');
      if (!el) { return null; }
      const link = el.querySelector('a.th-answer__main'), src = el.querySelector('a.th-answer__source');
      return {kind: el.getAttribute('data-kind'), text: el.querySelector('.th-answer__text').textContent,
              url: link ? link.href : '', source: src ? src.href : '',
              items: Array.from(el.querySelectorAll('.th-answer__items a'))
                .map(a => ({text: a.textContent, url: a.href}))};""")


def first_search_in_fresh_browser(base: str, query: str) -> tuple[int, float, int, int]:
    """One search through the site's own search code in a new browser (empty cache), from
    the page's first load: (index bytes downloaded, ms to results, hits shown, total)."""
    with chromium() as driver:
        driver.get(base)
        return tuple(driver.execute_async_script("""
          const [q, done] = arguments; const t = performance.now();
          window.thSearch(q).then(r => done([window.__thSearchStats.bytes, performance.now() - t,
                                             r.hits.length, r.total || 0]));""", query))
