"""Browser tests: the built site served on 127.0.0.1, loaded in the system's headless Chromium.

Scripts/test builds the site and sets GONGKAI_SITE to its Public/ directory.
"""
import functools
import http.server
import json
import os
import threading
import time

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


def record_requests(page):
    """Adds page.failed (requests that failed or got an HTTP error), page.external (requests that
    left 127.0.0.1), page.console_errors and page.requests_seen (every URL requested) to a page,
    filled as the page runs."""
    page.requests_seen = []
    page.on("request", lambda r: page.requests_seen.append(r.url))
    page.failed = []
    page.external = []
    page.console_errors = []
    page.on("requestfailed", lambda r: page.failed.append(r.url))
    page.on("response", lambda r: page.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: page.external.append(r.url) if not r.url.startswith("http://127.0.0.1") else None)
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    return page


def wait_until(page, condition, timeout=30_000, step=20):
    """Until condition() (a test's own state, filled by Playwright's events: a held route, a
    recorded request) is true, letting those events arrive meanwhile; fails after `timeout` ms.
    For state in the page, page.wait_for_function waits on the page itself."""
    deadline = time.monotonic() + timeout / 1000
    while not condition():
        assert time.monotonic() < deadline, f"not true after {timeout} ms: {condition.__doc__ or condition}"
        page.wait_for_timeout(step)


@pytest.fixture()
def recorded():
    """record_requests, for tests that open their own browser context."""
    return record_requests


@pytest.fixture()
def page_factory(browser):
    """Opens pages at a given width; records failed requests (there must be none, and none off-site).

    Every page it opened is checked when the test ends: a failed or off-site request, or an error
    in the console, fails the test (reported as an error in its teardown)."""
    contexts, pages = [], []

    def open_page(url, width=1280, height=900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        contexts.append(context)
        page = record_requests(context.new_page())
        pages.append(page)
        page.goto(url, wait_until="load")
        return page

    yield open_page
    problems = [(p.url, p.failed, p.external, p.console_errors) for p in pages
                if p.failed or p.external or p.console_errors]
    for context in contexts:
        context.close()
    assert problems == [], "failed requests, off-site requests or console errors: %s" % problems


# ---- The built site's projects (data/projects.json), for the search tests ----

@pytest.fixture(scope="session")
def projects(site_dir):
    """Every project of data/projects.json by its page's path (/部门/年/项目.html)."""
    with open(os.path.join(site_dir, "data", "projects.json"), encoding="utf-8") as f:
        # (`url` is the page's absolute address under baseURL; `id` its path without `.html`.)
        return {"/" + p["id"] + ".html": p for p in json.load(f)}
