"""`gongkai serve` in Chromium: an edited document shows on the open page without a reload by
hand, a broken edit shows the error over the page and keeps the previous page, and only pages
sent by `serve` carry the reload script (never what `gongkai build` writes).

Scripts/test builds the release binary; GONGKAI_BIN overrides its path.
"""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent.parent
BIN = os.environ.get("GONGKAI_BIN", str(REPO / ".build" / "release" / "gongkai"))
DOCUMENT = "旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md"
PAGE = "旌德县人力资源和社会保障局/2024/"


@pytest.fixture()
def served():
    """The seeds copied to a scratch folder and served by `gongkai serve --port 0`."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="gongkai-serve-"))
    shutil.copytree(REPO / "Content", work / "Content")
    process = subprocess.Popen([BIN, "serve", "--port", "0", "--lang", "zh"], cwd=work,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    deadline = time.time() + 60
    while time.time() < deadline and url is None:
        line = process.stdout.readline()
        if not line:
            break
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found:
            url = found.group(0)
    assert url, f"gongkai serve printed no address: {process.stderr.read() if process.poll() is not None else ''}"
    try:
        yield work, url
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture()
def serve_pages(browser, recorded):
    """Pages of the preview; their requests are checked as page_factory checks them, except the
    reload script's long poll, which a reload cuts off by design."""
    contexts, pages = [], []

    def open_page(url):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        contexts.append(context)
        page = recorded(context.new_page())
        pages.append(page)
        page.goto(url, wait_until="load")
        return page

    yield open_page
    problems = [(p.url, [f for f in p.failed if "/__gongkai/events" not in f], p.external, p.console_errors) for p in pages]
    problems = [p for p in problems if p[1] or p[2] or p[3]]
    for context in contexts:
        context.close()
    assert problems == [], "failed requests, off-site requests or console errors: %s" % problems


def main_shows(page, shown, hidden=None, timeout=60_000):
    """Until the page's <main>, parsed whole, shows `shown` (and not `hidden`): across the
    reloads the preview makes, when a new document may have no <main> yet or only part of it."""
    page.wait_for_function("""([shown, hidden]) => {
        const main = document.querySelector('main');
        if (!main || document.readyState === 'loading') { return false; }
        const text = main.innerText;
        return text.includes(shown) && !(hidden && text.includes(hidden));
    }""", arg=[shown, hidden], timeout=timeout)


def test_an_edit_shows_without_a_reload_and_a_broken_edit_keeps_the_page(served, serve_pages):
    work, url = served
    page_factory = serve_pages
    document = work / "Content" / DOCUMENT
    original = document.read_text(encoding="utf-8")
    assert "工伤认定调查经费" in original

    page = page_factory(url + PAGE)
    assert "工伤认定调查经费" in page.inner_text("main")
    assert page.locator("#gongkai-serve-error").count() == 0
    page.evaluate("window.gongkaiMarker = 1")  # gone once the page reloads by itself

    started = time.time()
    document.write_text(original.replace("工伤认定调查经费", "工伤认定调查经费（改）"), encoding="utf-8")
    main_shows(page, "工伤认定调查经费（改）")
    assert page.evaluate("typeof window.gongkaiMarker") == "undefined"
    print(f"save to page: {time.time() - started:.2f} s")

    # A broken edit: the error over the page, the previous page kept (also on a new visit).
    document.write_text("", encoding="utf-8")
    overlay = page.locator("#gongkai-serve-error")
    overlay.wait_for(state="visible", timeout=60_000)
    assert "empty-document" in overlay.inner_text()
    assert "生成失败" in overlay.inner_text()
    assert "工伤认定调查经费（改）" in page.inner_text("main")
    again = page_factory(url + PAGE)
    assert "工伤认定调查经费（改）" in again.inner_text("main")
    again.locator("#gongkai-serve-error").wait_for(state="visible", timeout=30_000)

    # Fixed: the overlay goes and the page shows the fixed text.
    document.write_text(original, encoding="utf-8")
    main_shows(page, "工伤认定调查经费", hidden="（改）")
    assert page.locator("#gongkai-serve-error").count() == 0

    # The script is added when a page is sent: the preview's files on disk have none.
    for html in (work / ".gongkai-serve").rglob("*.html"):
        assert "__gongkai" not in html.read_text(encoding="utf-8"), html
    with urllib.request.urlopen(url + "assets/style.css") as response:
        assert b"__gongkai" not in response.read()


def test_the_built_site_has_no_reload_script(site_dir, page_factory, base_url):
    pages = list(pathlib.Path(site_dir).rglob("*.html"))
    assert len(pages) > 40
    for html in pages:
        text = html.read_text(encoding="utf-8")
        assert "__gongkai" not in text and "gongkai serve" not in text, html
    page = page_factory(base_url + "/")
    assert page.locator("#gongkai-serve-error").count() == 0
    assert page.evaluate("Array.from(document.scripts).every(s => !s.textContent.includes('__gongkai'))")
