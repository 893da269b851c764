"""Browser tests: the built site served on 127.0.0.1, loaded in the system's headless Chromium.

Scripts/test builds the site and sets GONGKAI_SITE to its Public/ directory.
"""
import functools
import http.server
import os
import threading

import pytest
from playwright.sync_api import sync_playwright

SITE = os.environ.get("GONGKAI_SITE", "Public")
CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".json": "application/json", ".css": "text/css"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_dir():
    assert os.path.isfile(os.path.join(SITE, "index.html")), f"no built site in {SITE}"
    return SITE


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler = functools.partial(QuietHandler, directory=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture()
def page_factory(browser):
    """Opens pages at a given width; records failed requests (there must be none, and none off-site)."""
    contexts = []

    def open_page(url, width=1280, height=900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.failed = []
        page.external = []
        page.console_errors = []
        page.on("requestfailed", lambda r: page.failed.append(r.url))
        page.on("request", lambda r: page.external.append(r.url) if not r.url.startswith("http://127.0.0.1") else None)
        page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
        page.goto(url, wait_until="load")
        return page

    yield open_page
    for context in contexts:
        context.close()
