"""Browser tests: the built site served on 127.0.0.1, loaded in the system's headless Chromium.

Scripts/test builds the site and sets GONGKAI_SITE to its Public/ directory.
"""
import base64
import functools
import glob
import http.server
import json
import os
import threading
from urllib.parse import unquote

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


# ---- The built site's own search index, read independently of search.js (docs/search.md) ----

def fold(text):
    """SearchFold (Sources/GongkaiKit/Search/Fold.swift), written again from docs/search.md."""
    out, pending = [], None
    for ch in text:
        c = ord(ch)
        if 0xFF01 <= c <= 0xFF5E:
            c -= 0xFEE0
        elif c == 0x3000:
            c = 0x20
        if 0x41 <= c <= 0x5A:
            c += 32
        if c == 0x2267:
            c = 0x2265
        elif c == 0x2266:
            c = 0x2264
        if pending is not None:
            p, pending = pending, None
            if c == 0x3D:
                out.append(0x2265 if p == 0x3E else 0x2264)
                continue
            out.append(p)
        if c in (0x3E, 0x3C):
            pending = c
        else:
            out.append(c)
    if pending is not None:
        out.append(pending)
    return "".join(map(chr, out))


def fnv1a(key):
    h = 2166136261
    for ch in key:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h


def decode_postings(text):
    data = base64.b64decode(text[1:])
    if text[0] == "b":
        return [i * 8 + bit for i, byte in enumerate(data) for bit in range(8) if byte >> bit & 1]
    assert text[0] == "d", text
    ids, previous, value, shift = [], -1, 0, 0
    for byte in data:
        value += (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        previous += value
        ids.append(previous)
        value = shift = 0
    return ids


class SiteIndex:
    """Public/search/ and Public/data/projects.json as files, for brute-force expectations."""

    def __init__(self, site):
        self.site = site
        search = os.path.join(site, "search")
        with open(os.path.join(search, "meta.json"), encoding="utf-8") as f:
            self.meta = json.load(f)
        # Every index file, as a path relative to search/ (what search.js requests).
        self.files = sorted(os.path.relpath(path, search).replace(os.sep, "/")
                            for path in glob.glob(os.path.join(search, "**", "*.json"), recursive=True))
        self.docs = []
        chunks = sorted(f for f in self.files if f.startswith("docs/"))
        for n in range(len(chunks)):
            with open(os.path.join(search, "docs", f"{n}.json"), encoding="utf-8") as f:
                chunk = json.load(f)
            assert len(chunk) == self.meta["chunk"] or n == len(chunks) - 1
            self.docs.extend(chunk)
        assert len(self.docs) == self.meta["documents"]
        self.shards = []
        for n in range(self.meta["shards"]):
            with open(os.path.join(search, "shards", f"{n}.json"), encoding="utf-8") as f:
                self.shards.append(json.load(f))
        with open(os.path.join(site, "data", "projects.json"), encoding="utf-8") as f:
            # By page path (`url` is the page's absolute address under baseURL; `id` its path).
            self.projects = {"/" + p["id"] + ".html": p for p in json.load(f)}
        self.folded = [fold(doc[5]) for doc in self.docs]

    @staticmethod
    def terms(query):
        return [t for t in fold(query).split() if t]

    def brute_force(self, query):
        """Ids of the documents whose folded text contains every term: a plain substring scan."""
        terms = self.terms(query)
        return [i for i, text in enumerate(self.folded) if all(t in text for t in terms)]

    def project(self, doc_id):
        """The project (from projects.json) of a search document."""
        return self.projects["/" + unquote(self.docs[doc_id][0])]

    @staticmethod
    def keys(query):
        keys = []
        for term in SiteIndex.terms(query):
            pairs = [term] if len(term) == 1 else [term[i:i + 2] for i in range(len(term) - 1)]
            keys.extend(k for k in pairs if k not in keys)
        return keys

    hash = staticmethod(fnv1a)

    def shard_of(self, key):
        return fnv1a(key) % self.meta["shards"]

    def candidates(self, query):
        """The intersection of the posting lists of the query's keys, read from the shard files."""
        ids = None
        for key in self.keys(query):
            postings = self.shards[self.shard_of(key)].get(key)
            found = set(decode_postings(postings)) if postings else set()
            ids = found if ids is None else ids & found
        return sorted(ids if ids is not None else range(len(self.docs)))


@pytest.fixture(scope="session")
def site_index(site_dir):
    return SiteIndex(site_dir)
