"""The pages officials and trainers use at their desk, checked and shown in a real
headless Chromium (tests/browser.py): accessibility with axe-core (every page type,
against a plain Material page with the same theme), the who-does-what matrix at 1280 and
390 px, a citation copied from a role, and handouts printed to PDF (one A4 page each, the
QR code read back with ZXing).

    python benchmarks/desk_pages.py                  # build, then check and write the figures
    python benchmarks/desk_pages.py --site SITE_DIR  # a site already built (e.g. an older one)
    python benchmarks/desk_pages.py --no-shots       # axe table only

Screenshots and PDFs go to docs/images/desk/ (shown on docs/desk-pages.md).  axe-core is
the npm package pinned in package.json (`npm install`; .ci/run installs it)."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

# The browser harness (tests/browser.py) is the tests'; the benchmarks borrow it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # TESTS_DIR

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import browser_unavailable, chromium, serve  # noqa: E402

from build_tools.knowledge import urls  # noqa: E402
from build_tools.outputs.site.markup import escape  # noqa: E402

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "docs" / "images" / "desk"
# One page of each type (site paths).
PAGE_TYPES = {
    "home": "",
    "agency": urls.page_url(urls.agency_page("cdd")),
    "guidance": urls.page_url(urls.GUIDANCE_PAGE),
    "who-does-what": urls.page_url(urls.MATRIX_PAGE),
    "annex": urls.doc_url("mou-annex-2552"),
    "projects": urls.page_url(urls.PROJECTS_PAGE),
    "glossary": urls.page_url(urls.GLOSSARY_PAGE),
    "raw": urls.page_url(urls.raw_page("mou-annex-2552")),
    "handout": urls.page_url(urls.handout_page("fy2553-step-3")),
}
# WCAG 2 A and AA (2.0, 2.1, 2.2): what a public-sector site is held to.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
A4_POINTS = (595.3, 841.9)


def axe_unavailable() -> str | None:
    if not AXE_JS.is_file():
        return f"{AXE_JS.relative_to(ROOT)} is missing: run `npm install` in the project (package.json pins axe-core)"
    return None


def axe_violations(driver, url: str) -> list[dict]:
    """axe-core's WCAG 2 A/AA violations on `url`: [{id, impact, nodes: [selector, ...]}]."""
    driver.get(url)
    driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('ERROR ' + e); });",
        AXE_TAGS)
    if result.startswith("ERROR"):
        raise RuntimeError(f"axe-core failed on {url}: {result}")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [" ".join(n["target"]) for n in v["nodes"]]}
            for v in json.loads(result)]


def count(violations: list[dict]) -> int:
    return sum(len(v["nodes"]) for v in violations)


def plain_material_site(out: Path) -> Path:
    """A plain Material site with this project's theme settings (mkdocs.yml's `theme`),
    one page of text, a list and a link: what the theme alone gives axe to report."""
    import yaml

    theme = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    docs = out / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# หน้าทดสอบ\n\nข้อความธรรมดา [ลิงก์](other.md)\n\n- รายการ\n", encoding="utf-8")
    (docs / "other.md").write_text("# อีกหน้า\n\nข้อความ\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "Plain Material", "theme": theme},
                                                   allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / "mkdocs.yml")],
                   check=True, cwd=out, capture_output=True)
    return out / "site"


def baseline_rules(driver) -> dict[str, int]:
    """{rule id: nodes} axe reports on a plain Material page with the same theme."""
    with tempfile.TemporaryDirectory() as tmp, serve(plain_material_site(Path(tmp))) as base:
        return {v["id"]: len(v["nodes"]) for v in axe_violations(driver, base)}


# --- printing -------------------------------------------------------------------------
def print_pdf(driver, url: str) -> bytes:
    """The page as Chromium prints it with Ctrl+P: the page's own size and margins
    (@page in thai.css: A4), backgrounds, no header or footer line."""
    import base64

    driver.get(url)
    driver.execute_async_script("var done = arguments[arguments.length - 1]; document.fonts.ready.then(done);")
    out = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True,
                                                      "displayHeaderFooter": False})
    return base64.b64decode(out["data"])


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page of a PDF."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [tuple(round(x, 1) for x in doc[i].get_size()) for i in range(len(doc))]
    finally:
        doc.close()


def pdf_qr_codes(pdf: bytes, page: int = 0) -> list[str]:
    """The text of every QR code ZXing reads on a PDF page rendered at 200 dpi."""
    import pypdfium2
    import zxingcpp

    doc = pypdfium2.PdfDocument(pdf)
    try:
        image = doc[page].render(scale=200 / 72).to_pil()
    finally:
        doc.close()
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def pdf_png(pdf: bytes, path: Path, dpi: int = 60) -> None:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        doc[0].render(scale=dpi / 72).to_pil().save(path, optimize=True)
    finally:
        doc.close()


# --- screenshots ----------------------------------------------------------------------
def set_width(driver, width: int, height: int = 1000) -> None:
    driver.set_window_size(width, height)
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:  # the window's frame: make the page itself `width` wide
        driver.set_window_size(2 * width - inner, height)


def element_png(driver, css: str, path: Path) -> None:
    """A screenshot of a whole element, also the part below the window."""
    import base64

    driver.execute_script("window.scrollTo(0, 0)")
    box = driver.execute_script(
        "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};", css)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "clip": {**box, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def copied_citation(driver, base: str, role: str) -> str:
    """Click "อ้างอิง" on a role of its agency page and read the clipboard back."""
    agency = role.rsplit("-", 1)[0].split("-")[0]
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": base.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    driver.get(f"{base}agencies/{agency}/#{role}")
    button = driver.find_element("css selector", f'[id="{role}"] button.cite-copy')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });")


def shots(driver, base: str) -> list[str]:
    """Write the screenshots and PDFs the docs show; returns what was written."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    written = []
    set_width(driver, 1280)
    driver.get(base + "who-does-what/")
    element_png(driver, "#who-missions", SHOTS / "matrix-desktop.png")
    set_width(driver, 390, 1400)
    driver.get(base + "who-does-what/")
    element_png(driver, "#who-missions", SHOTS / "matrix-390.png")
    set_width(driver, 1280)
    written += ["matrix-desktop.png", "matrix-390.png"]
    text = copied_citation(driver, base, "oncb-1")
    (SHOTS / "citation-oncb-1.txt").write_text(text + "\n", encoding="utf-8")
    element_png(driver, '[id="oncb-1"]', SHOTS / "citation-oncb-1.png")
    written += ["citation-oncb-1.txt", "citation-oncb-1.png"]
    for page in ("fy2553-step-3", "cdd"):
        pdf = print_pdf(driver, f"{base}handouts/{page}/")
        (SHOTS / f"handout-{page}.pdf").write_bytes(pdf)
        pdf_png(pdf, SHOTS / f"handout-{page}.png")
        written += [f"handout-{page}.pdf", f"handout-{page}.png"]
    return written


def axe_table(driver, base: str, baseline: dict[str, int]) -> list[tuple[str, int, int, list[str]]]:
    """Per page type: (name, all violations, beyond the plain Material page, their rules)."""
    rows = []
    for name, path in PAGE_TYPES.items():
        found = axe_violations(driver, base + path)
        beyond = [v for v in found if len(v["nodes"]) > baseline.get(v["id"], 0)]
        rows.append((name, count(found), sum(len(v["nodes"]) - baseline.get(v["id"], 0) for v in beyond),
                     [f"{v['id']}×{len(v['nodes'])}" for v in found]))
    return rows


EXAMPLE_SITE_URL = "https://example.org/siam-yim/"  # the public address the docs' example build assumes
DOCS_PAGE = ROOT / "docs" / "desk-pages.md"


def fill(marker: str, text: str) -> None:
    """Replace what stands between <!-- desk-pages:MARKER --> and its end in the docs page."""
    from build_tools.common.atomic import write_text_atomic

    page = DOCS_PAGE.read_text(encoding="utf-8")
    start, end = f"<!-- desk-pages:{marker} -->", f"<!-- /desk-pages:{marker} -->"
    head, rest = page.split(start, 1)
    write_text_atomic(DOCS_PAGE, head + start + "\n" + text.rstrip("\n") + "\n" + end + rest.split(end, 1)[1])


def axe_markdown(rows, baseline: dict[str, int]) -> str:
    out = [f"axe-core {axe_version()} (WCAG 2.0–2.2 ระดับ A และ AA) ปัญหาที่พบต่อหน้า "
           f"(หน้าเปล่าของธีม Material เดียวกัน: {sum(baseline.values())} จุด)", "",
           "| หน้า | ปัญหาที่พบ | เกินหน้าเปล่าของธีม |", "|---|---:|---:|"]
    out += [f"| {name} | {n} | {beyond} |" for name, n, beyond, _ in rows]
    return "\n".join(out)


def axe_version() -> str:
    return json.loads((AXE_JS.parent / "package.json").read_text(encoding="utf-8"))["version"]


def main(argv=None) -> int:
    import os

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder, with "
                                               f"the public address {EXAMPLE_SITE_URL})")
    ap.add_argument("--no-shots", action="store_true", help="only the accessibility table, nothing written")
    args = ap.parse_args(argv)
    for why in (browser_unavailable(), axe_unavailable()):
        if why:
            print(why, file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            print(f"building the site into {tmp} (site_url {EXAMPLE_SITE_URL}) …")
            subprocess.run([sys.executable, "-m", "build_tools", "build", "--out", tmp], check=True, cwd=ROOT,
                           stdout=subprocess.DEVNULL, env={**os.environ, "SIAM_YIM_SITE_URL": EXAMPLE_SITE_URL})
            site = Path(tmp) / "site"
        with chromium() as driver, serve(site) as base:
            baseline = baseline_rules(driver)
            print(f"plain Material page: {sum(baseline.values())} violation(s) {baseline}")
            print(f"{'page':<15}{'violations':>11}{'beyond plain':>14}  rules")
            rows = axe_table(driver, base, baseline)
            for name, n, beyond, rules in rows:
                print(f"{name:<15}{n:>11}{beyond:>14}  {', '.join(rules)}")
            if not args.no_shots:
                print("written to docs/images/desk/:", ", ".join(shots(driver, base)))
                citation = (SHOTS / "citation-oncb-1.txt").read_text(encoding="utf-8").strip()
                fill("citation", f"ข้อความที่คัดลอกได้:\n\n> {escape(citation)}")
                fill("axe", axe_markdown(rows, baseline))
                print(f"updated {DOCS_PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
