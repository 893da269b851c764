#!/usr/bin/env python3
"""Search benchmark: gongkai's own search against Pagefind, over the SAME built site.

    .build/venv/bin/python Benchmarks/search_bench.py PUBLIC [--json FILE] [--queries Q ...]

PUBLIC is a directory written by `gongkai build`. This script

1. indexes PUBLIC with Pagefind (`python -m pagefind --site PUBLIC`, written to PUBLIC/pagefind/;
   an existing PUBLIC/pagefind/ is replaced), timing it;
2. computes, for every query, the EXPECTED projects from the project pages themselves: each page
   of data/projects.json is parsed (html.parser) into the cells it shows (page_cells: headings,
   paragraphs, list items, facts, table cells and values in <main>, without navigation, labels,
   captions, the history of other years and the source line), normalised as gongkai's index
   says (docs/search.md), and a project is expected when each term of the query is in one of
   its cells;
3. serves PUBLIC on 127.0.0.1 and, in the system's headless Chromium (Playwright), runs every
   query with gongkai's search page and with Pagefind's JavaScript API, each in a fresh browser
   context (empty cache): time, bytes and files to the first result (or to "没有找到" / an
   empty result), the share of the first 20 results whose project name contains the query,
   then the complete result set (gongkai: `window.gongkaiSearch.query`, the code the page runs;
   Pagefind: every result's data) against the expected projects: recall and wrong hits.

Times are milliseconds from navigation start (performance.now() in the page) to the moment the
result is in the DOM (gongkai) or the first result's data has loaded (Pagefind). Bytes are the
Content-Length of every response (Python's http.server, no HTTP compression) that had
arrived by then, pages and web workers alike.

Needs Playwright (the venv made by Scripts/install-deps test) and Pagefind in the same Python
(`pip install 'pagefind[extended]'`). Chromium is the system's (/usr/bin/chromium); Playwright's
own browsers are never downloaded.
"""
import argparse
import functools
import gzip
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

# The queries and their neighbours; 补助资金到位 and 不存在的词 find nothing on the corpus.
DEFAULT_QUERIES = ["三支一扶", "协理员", "904.35", "档案 满意度", "满意度", "就业", "社保补贴",
                   "2024", "资金到位率", "上年结转", "财政拨款", "服务对象满意度", "补助资金到位", "不存在的词"]
CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
REPO = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------
# Expected results: what each project page shows
# ---------------------------------------------------------------------------------------------

# gongkai's whitespace (docs/search.md): never part of a term, left out of a cell.
SPACES = {0, *range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200C), 0x2028, 0x2029,
          0x202F, 0x205F, 0x3000, 0xFEFF}


def fold_char(c: int) -> int:
    """Full-width ASCII → ASCII, U+3000 → space, A–Z → a–z, ≧ → ≥, ≦ → ≤."""
    if 0xFF01 <= c <= 0xFF5E:
        c -= 0xFEE0
    elif c == 0x3000:
        c = 0x20
    if 0x41 <= c <= 0x5A:
        c += 32
    return {0x2267: 0x2265, 0x2266: 0x2264}.get(c, c)


def normalize(text: str) -> str:
    """A cell as gongkai's index holds it: folded, whitespace left out, then >= and <= as ≥ ≤."""
    out: list[int] = []
    for c in (fold_char(ord(ch)) for ch in text):
        if c in SPACES:
            continue
        if c == 0x3D and out and out[-1] in (0x3E, 0x3C):
            out[-1] = 0x2265 if out[-1] == 0x3E else 0x2264
        else:
            out.append(c)
    return "".join(map(chr, out))


def query_terms(query: str) -> list[str]:
    """The normalised terms of a query, split on whitespace as search.js splits it."""
    out, current = [], ""
    for ch in query + " ":
        if fold_char(ord(ch)) in SPACES:
            if normalize(current):
                out.append(normalize(current))
            current = ""
        else:
            current += ch
    return out


def site_path(url: str) -> str:
    """A decoded site path for an absolute or root-relative URL: '/部门/2024/项目.html'."""
    path = urllib.parse.urlsplit(url).path
    if not path.startswith("/"):
        path = "/" + path
    return urllib.parse.unquote(path)


def template_literals(themes: Path = REPO / "Themes") -> set[str]:
    """The project template's own words: text between two tags with no {{…}} in it."""
    text = (themes / "default" / "templates" / "project.mustache").read_text(encoding="utf-8")
    return {t.strip() for t in re.split(r"<[^>]*>", text) if t.strip() and "{{" not in t}


class PageCells(html.parser.HTMLParser):
    """The cells of a project page's <main>: the text of each block (h1, h3, p, li, dd, th, td,
    and each span.value), without navigation, captions, labels (dt), section headings (h2), the
    lead line, the history of the project's other years, the source line and the template's own
    words (Tests/Browser/test_search.py uses the same)."""
    BLOCKS = {"h1", "h3", "p", "li", "dd", "th", "td"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col"}

    def __init__(self, literals: set[str]):
        super().__init__(convert_charrefs=True)
        self.literals = literals
        self.stack: list[tuple[str, bool, list | None]] = []
        self.in_main = False
        self.cells: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "main":
            self.in_main = True
        inherited = bool(self.stack and self.stack[-1][1]) and tag != "main"
        skipping = inherited or not self.in_main or tag in ("nav", "caption", "dt", "h2") \
            or (tag == "section" and a.get("aria-labelledby") == "history") \
            or (tag == "p" and ("lead" in classes or "source" in classes))
        block = tag in self.BLOCKS or (tag == "span" and "value" in classes)
        self.stack.append((tag, skipping, [] if block and not skipping else None))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            t, _skipping, buffer = self.stack.pop()
            if buffer is not None:
                text = "".join(buffer).strip()
                if text and text not in self.literals:
                    self.cells.append(text)
            if t == tag:
                break
        if tag == "main":
            self.in_main = False

    def handle_data(self, data):
        for _tag, skipping, buffer in reversed(self.stack):
            if skipping:
                return
            if buffer is not None:
                buffer.append(data)
                return


def page_cells(public: Path, path: str, literals: set[str]) -> list[str]:
    """The normalised cells of the page at site path `path`."""
    parser = PageCells(literals)
    parser.feed((public / path.lstrip("/")).read_text(encoding="utf-8"))
    return [c for c in map(normalize, parser.cells) if c]


def page_path(project: dict) -> str:
    """A project's page as a site path (`url` is its absolute address under baseURL; `id` is
    the path without the leading slash and `.html`)."""
    return "/" + project["id"] + ".html"


def load_documents(public: Path) -> list[tuple[str, str, list[str]]]:
    """(site path, project name, normalised cells) of every project page in data/projects.json."""
    projects = json.loads((public / "data" / "projects.json").read_text(encoding="utf-8"))
    literals = template_literals()
    return [(page_path(p), p["name"], page_cells(public, page_path(p), literals)) for p in projects]


def expected_projects(documents, query: str) -> set[str]:
    """The paths of the projects one of whose cells holds each term of the query."""
    terms = query_terms(query)
    return {path for path, _name, cells in documents if terms and all(any(t in c for c in cells) for t in terms)}


def name_matches(names: list[str], query: str) -> int:
    """How many of these project names contain every term of the query."""
    terms = query_terms(query)
    return sum(1 for n in names if terms and all(t in normalize(n) for t in terms))


# ---------------------------------------------------------------------------------------------
# Pagefind over the gongkai site
# ---------------------------------------------------------------------------------------------

def index_with_pagefind(public: Path) -> dict:
    """Runs Pagefind over PUBLIC (into PUBLIC/pagefind/); returns seconds, pages and index size."""
    target = public / "pagefind"
    if target.exists():
        shutil.rmtree(target)
    command = [sys.executable, "-m", "pagefind", "--site", str(public), "--output-subdir", "pagefind"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(f"search_bench: Pagefind failed (exit {done.returncode}): {' '.join(command)}")
    pages = None
    match = re.search(r"Indexed (\d+) pages?", done.stdout)
    if match:
        pages = int(match.group(1))
    return {"seconds": seconds, "pages": pages, **tree_size(target)}


def tree_size(root: Path) -> dict:
    """Total bytes and number of files under root."""
    total, files = 0, 0
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            total += os.lstat(os.path.join(dirpath, name)).st_size
            files += 1
    return {"bytes": total, "files": files}


# ---------------------------------------------------------------------------------------------
# Serving the site
# ---------------------------------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the right types for modules, JSON and WebAssembly; no request log."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".json": "application/json", ".css": "text/css",
                      ".wasm": "application/wasm", ".pf_meta": "application/octet-stream",
                      ".pf_index": "application/octet-stream", ".pf_fragment": "application/octet-stream",
                      ".pagefind": "application/octet-stream"}

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that has what it needs closes connections mid-response: not an error here."""
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def serve(public: Path):
    """Starts an HTTP server for PUBLIC on a free port of 127.0.0.1; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(public))
    server = QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# ---------------------------------------------------------------------------------------------
# In-browser measurements
# ---------------------------------------------------------------------------------------------

# Injected before gongkai's search page runs: records the moment (performance.now(), i.e. ms
# since navigation start) the status first leaves "正在搜索…", which is when results (or 没有找到)
# are rendered, and the names of the first page of results.
GONGKAI_PROBE = r"""
(() => {
  const bench = window.__bench = { searching: false, ready: null };
  const check = () => {
    if (bench.ready !== null) { return; }
    const status = document.getElementById('search-status');
    if (!status) { return; }
    const text = status.textContent.trim();
    if (text.includes('正在搜索')) { bench.searching = true; return; }
    if (!bench.searching || !text || document.getElementById('search-fallback')) { return; }
    bench.ready = performance.now();
    bench.status = text;
    bench.names = Array.from(document.querySelectorAll('#search-results li h2'), h => h.textContent);
    bench.items = bench.names.length;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();
"""

# The complete result set, from the code the search page runs (its "显示更多结果" shows the same
# list 20 at a time).
GONGKAI_EXPAND = r"""
async (query) => {
  const found = await window.gongkaiSearch.query(query);
  return { done: performance.now(), complete: true, paths: found.paths,
           status: document.getElementById('search-status').textContent.trim() };
}
"""

# Injected into a page of the site: runs the query from the URL fragment with Pagefind's API.
PAGEFIND_PROBE = r"""
(() => {
  const bench = window.__bench = { ready: null };
  const query = decodeURIComponent(location.hash.slice(1));
  if (!query) { return; }
  document.addEventListener('DOMContentLoaded', async () => {
    try {
      bench.start = performance.now();
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const search = await pagefind.search(query);
      window.__pagefindSearch = search;
      bench.count = search.results.length;
      if (search.results.length) { await search.results[0].data(); }
      bench.ready = performance.now();
    } catch (error) {
      bench.error = String(error && error.stack || error);
      bench.ready = performance.now();
    }
  });
})();
"""

# The first 20 results' pages (what a first page of results shows), then every result's.
PAGEFIND_EXPAND = r"""
async (budgetMs) => {
  const results = window.__pagefindSearch ? window.__pagefindSearch.results : [];
  const first = (await Promise.all(results.slice(0, 20).map(r => r.data()))).map(d => d.url);
  const deadline = performance.now() + budgetMs;
  const urls = [];
  let complete = true;
  // All results' data, loaded in batches so that a huge result set can stop at the budget.
  for (let i = 0; i < results.length; i += 500) {
    if (performance.now() > deadline) { complete = false; break; }
    const batch = await Promise.all(results.slice(i, i + 500).map(r => r.data()));
    batch.forEach(d => urls.push(d.url));
  }
  return { done: performance.now(), complete, urls, first };
}
"""

class NetworkLog:
    """Every response of a browser context (pages and workers alike: Pagefind fetches its index
    in a web worker, which the page's Resource Timing does not see), with the time its last byte
    arrived and its body size (the Content-Length http.server sends)."""

    def __init__(self, context):
        self.responses = []
        context.on("response", lambda response: self.responses.append(response))
        # Response timing is filled in when the request finishes; the event is only sent to
        # clients that listen for it.
        context.on("requestfinished", lambda request: None)

    def entries(self, time_origin: float) -> list[dict]:
        """[{path, end (ms since navigation start), size}] of the finished responses."""
        out = []
        for response in self.responses:
            timing = response.request.timing
            if timing.get("responseEnd", -1) < 0:
                continue  # not finished (or served from nowhere)
            end = timing["startTime"] + timing["responseEnd"] - time_origin
            size = int(response.headers.get("content-length") or 0)
            out.append({"path": site_path(response.url), "end": end, "size": size})
        return out


def summarize(entries: list[dict], public: Path, until: float | None, prefix: str,
              suffixes: tuple[str, ...] = ("",)) -> dict:
    """Files fetched (last byte by `until`, ms since navigation start) whose path starts with
    prefix and ends with one of suffixes: how many, their bytes, and their bytes after gzip -6
    (what a server that compresses would send)."""
    files, size, gz = 0, 0, 0
    for entry in entries:
        path = entry["path"]
        if not path.startswith(prefix) or not path.endswith(suffixes):
            continue
        if until is not None and entry["end"] > until + 2.0:
            continue
        files += 1
        size += entry["size"]
        gz += gzip_size(public, path)
    return {"files": files, "bytes": size, "gzip_bytes": gz}


@functools.lru_cache(maxsize=None)
def gzip_size(public: Path, path: str) -> int:
    """Size of a site file after gzip level 6 (0 when it is not a file)."""
    local = public / path.lstrip("/")
    if local.is_dir():
        local = local / "index.html"
    try:
        return len(gzip.compress(local.read_bytes(), compresslevel=6))
    except OSError:
        return 0


def fresh_page(browser, probe: str):
    """A page in a new browser context (nothing cached) with the probe script installed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.add_init_script(probe)
    page = context.new_page()
    page.network = NetworkLog(context)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("requestfailed", lambda r: page.errors.append(f"request failed: {r.url}"))
    return context, page


def count_in_status(status: str) -> int | None:
    """The total gongkai's status line reports ('找到 3 个…', '没有找到…' → 0)."""
    if "没有找到" in status:
        return 0
    match = re.search(r"找到 (\d+) 个", status)
    return int(match.group(1)) if match else None


def measure_gongkai(browser, base: str, public: Path, query: str, expected: set[str],
                    projects: dict, budget_s: float, timeout_s: float, expand: bool = True) -> dict:
    """One query on gongkai's search page: the first render, then (when expand) the full result set."""
    context, page = fresh_page(browser, GONGKAI_PROBE)
    try:
        page.goto(f"{base}/search/?q={urllib.parse.quote(query)}", wait_until="commit")
        page.wait_for_function("window.__bench && window.__bench.ready !== null", timeout=timeout_s * 1000)
        first = page.evaluate("window.__bench")
        full = page.evaluate(GONGKAI_EXPAND, query) if expand else {"done": first["ready"], "complete": False, "paths": [],
                                                                     "status": first["status"]}
        entries = page.network.entries(page.evaluate("performance.timeOrigin"))
    finally:
        errors = list(page.errors)
        context.close()
    if "失败" in first["status"]:
        errors.append(first["status"])
    found = {"/" + p for p in full["paths"]}
    return {
        "first_ms": first["ready"],
        "first_status": first["status"],
        "first_items": first["items"],
        "first_names": name_matches(first["names"], query),
        "index_to_first": summarize(entries, public, first["ready"], "/search/", suffixes=(".json", ".bin")),
        "page_to_first": page_assets(entries, public, first["ready"]),
        "all_ms": full["done"],
        "complete": full["complete"],
        "reported": count_in_status(first["status"]),
        "shown": len(found),
        "found": len(found & expected),
        "false_positives": sorted(found - expected),
        "non_project": len(found - set(projects)),
        "index_to_all": summarize(entries, public, None, "/search/", suffixes=(".json", ".bin")),
        "errors": errors,
    }


def page_assets(entries: list[dict], public: Path, until: float) -> dict:
    """HTML, CSS and JavaScript fetched by the search page (everything but the index JSON)."""
    everything = summarize(entries, public, until, "/")
    index = summarize(entries, public, until, "/search/", suffixes=(".json", ".bin"))
    return {k: everything[k] - index[k] for k in everything}


def measure_pagefind(browser, base: str, public: Path, query: str, expected: set[str],
                     projects: dict, budget_s: float, timeout_s: float, expand: bool = True) -> dict:
    """One query with Pagefind's JS API on a small page of the same site (404.html): the first
    result, then (when expand) every result's data."""
    context, page = fresh_page(browser, PAGEFIND_PROBE)
    try:
        page.goto(f"{base}/404.html#{urllib.parse.quote(query)}", wait_until="commit")
        page.wait_for_function("window.__bench && window.__bench.ready !== null", timeout=timeout_s * 1000)
        first = page.evaluate("window.__bench")
        if expand and not first.get("error"):
            full = page.evaluate(PAGEFIND_EXPAND, budget_s * 1000)
        else:
            full = {"done": first["ready"], "complete": False, "urls": [], "first": []}
        entries = page.network.entries(page.evaluate("performance.timeOrigin"))
    finally:
        errors = list(page.errors)
        context.close()
    if first.get("error"):
        errors.append(first["error"])
    returned = {site_path(u) for u in full["urls"]}
    found_projects = returned & set(projects)
    names = [projects[site_path(u)]["name"] for u in full.get("first", []) if site_path(u) in projects]
    return {
        "first_ms": first["ready"],
        "search_only_ms": first["ready"] - first.get("start", 0.0),
        "index_to_first": summarize(entries, public, first["ready"], "/pagefind/"),
        "first_items": min(20, first.get("count", 0)),
        "first_names": name_matches(names, query),
        "all_ms": full["done"],
        "complete": full["complete"],
        "results": first.get("count", 0),
        "found": len(found_projects & expected),
        "false_positives": sorted(found_projects - expected),
        "non_project": len(returned - set(projects)),
        "index_to_all": summarize(entries, public, None, "/pagefind/"),
        "errors": errors,
    }


def measure_repeated(measure, repeat: int, *args) -> dict:
    """Runs a measurement `repeat` times, each in a fresh context; the first-result figures are
    those of the median try, the full result set is from the last try only."""
    tries = [measure(*args, expand=(i == repeat - 1)) for i in range(repeat)]
    result = dict(tries[-1])
    middle = sorted(tries, key=lambda t: t["first_ms"])[(repeat - 1) // 2]
    for key in ("first_ms", "search_only_ms", "index_to_first", "page_to_first", "first_status", "first_items", "first_names"):
        if key in middle:
            result[key] = middle[key]
    result["first_ms_tries"] = [t["first_ms"] for t in tries]
    result["errors"] = sorted({e for t in tries for e in t["errors"]})
    return result


def run_browser(public: Path, queries: list[str], documents, budget_s: float, timeout_s: float,
                repeat: int) -> list[dict]:
    """Measures every query with both engines in one headless Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("search_bench: Playwright is missing; run it with .build/venv/bin/python "
                         "(Scripts/install-deps test creates that venv)")
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"search_bench: no Chromium at {CHROMIUM} (apt-get install chromium)")
    projects = json.loads((public / "data" / "projects.json").read_text(encoding="utf-8"))
    projects = {page_path(p): p for p in projects}
    server, base = serve(public)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                warm_up(browser, base)
                for query in queries:
                    expected = expected_projects(documents, query)
                    print(f"  {query}: expected {len(expected)}; gongkai…", end="", flush=True)
                    g = measure_repeated(measure_gongkai, repeat, browser, base, public, query, expected,
                                         projects, budget_s, timeout_s)
                    print(" pagefind…", end="", flush=True)
                    f = measure_repeated(measure_pagefind, repeat, browser, base, public, query, expected,
                                         projects, budget_s, timeout_s)
                    print(" done", flush=True)
                    rows.append({"query": query, "expected": len(expected),
                                 "expected_names": min(20, name_matches([p["name"] for p in projects.values()], query)),
                                 "gongkai": g, "pagefind": f})
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def warm_up(browser, base: str) -> None:
    """Untimed: start the renderer and JS engines once, so the first query is not penalised."""
    for probe, url in ((GONGKAI_PROBE, f"{base}/search/?q={urllib.parse.quote('就业')}"),
                       (PAGEFIND_PROBE, f"{base}/404.html#{urllib.parse.quote('就业')}")):
        context, page = fresh_page(browser, probe)
        try:
            page.goto(url, wait_until="commit")
            page.wait_for_function("window.__bench && window.__bench.ready !== null", timeout=120_000)
        finally:
            context.close()


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

def kb(n: int) -> str:
    return f"{n / 1024:,.0f}" if n >= 10 * 1024 else f"{n / 1024:,.1f}"


def mb(n: int) -> str:
    return f"{n / 1_000_000:,.1f} MB"


def found_cell(engine: dict, expected: int) -> str:
    """'12/12' or '≥40/900' when the expansion stopped at the budget; wrong hits in ()."""
    prefix = "" if engine["complete"] else "≥"
    fp = len(engine["false_positives"])
    return f"{prefix}{engine['found']}/{expected}" + (f" (+{fp} wrong)" if fp else "")


def ms(x: float) -> str:
    return f"{x:,.0f}"


def names_cell(engine: dict) -> str:
    """The first page's results whose name contains the query: 'n/shown'."""
    return f"{engine.get('first_names', 0)}/{engine.get('first_items', 0)}" if engine.get("first_items") else "–"


def render_table(rows: list[dict]) -> str:
    """The side-by-side table, as text."""
    head = ["query", "expected",
            "gongkai found", "names", "1st ms", "index KB to 1st (files)", "gzip KB",
            "pagefind found", "names", "1st ms", "KB to 1st (files)"]
    table = [head]
    for r in rows:
        g, f = r["gongkai"], r["pagefind"]
        gi, fi = g["index_to_first"], f["index_to_first"]
        table.append([
            r["query"], f"{r['expected']:,}",
            found_cell(g, r["expected"]), names_cell(g), ms(g["first_ms"]),
            f"{kb(gi['bytes'])} ({gi['files']})", kb(gi["gzip_bytes"]),
            found_cell(f, r["expected"]), names_cell(f), ms(f["first_ms"]),
            f"{kb(fi['bytes'])} ({fi['files']})",
        ])
    return format_columns(table, right_from=1)


def totals(rows: list[dict], engine: str) -> dict:
    """Recall, wrong hits and the name share over the whole query set."""
    expected = sum(r["expected"] for r in rows)
    found = sum(r[engine]["found"] for r in rows)
    wrong = sum(len(r[engine]["false_positives"]) for r in rows)
    shown = sum(r[engine].get("first_items", 0) for r in rows)
    names = sum(r[engine].get("first_names", 0) for r in rows)
    possible = sum(min(r[engine].get("first_items", 0), r["expected_names"]) for r in rows)
    return {"expected": expected, "found": found, "wrong": wrong, "first": shown, "names": names, "possible": possible}


def display_width(s: str) -> int:
    """Terminal width of s (CJK characters take two columns)."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def format_columns(table: list[list[str]], right_from: int = 1) -> str:
    widths = [max(display_width(row[i]) for row in table) for i in range(len(table[0]))]
    lines = []
    for n, row in enumerate(table):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            cells.append(cell + pad if i < right_from else pad + cell)
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def search_problems(rows: list[dict]) -> list[str]:
    """What gongkai's search got wrong, and every engine's errors (exit status 1 when any)."""
    problems = []
    for r in rows:
        g, f = r["gongkai"], r["pagefind"]
        if g["found"] != r["expected"] or g["false_positives"]:
            problems.append(f"gongkai '{r['query']}': found {g['found']} of {r['expected']}, "
                            f"{len(g['false_positives'])} wrong {g['false_positives'][:3]}")
        if g["reported"] is not None and g["reported"] != r["expected"]:
            problems.append(f"gongkai '{r['query']}': status says {g['reported']} results, {r['expected']} expected")
        for name, engine in (("gongkai", g), ("pagefind", f)):
            for e in engine["errors"][:3]:
                problems.append(f"{name} '{r['query']}': {e}")
    return problems


def report(rows: list[dict], indexing: dict, index_sizes: dict, problems: list[str], budget_s: float,
           repeat: int) -> str:
    """Everything search_bench prints after measuring."""
    out = [render_table(rows), ""]
    search_size, pagefind_size = index_sizes["gongkai"], index_sizes["pagefind"]
    out.append(f"index sizes: gongkai search/ {mb(search_size['bytes'])} in {search_size['files']:,} files; "
               f"Pagefind pagefind/ {mb(pagefind_size['bytes'])} in {pagefind_size['files']:,} files "
               f"(Pagefind indexed {indexing['pages'] or '?'} pages of the gongkai site "
               f"in {indexing['seconds']:.1f} s)")
    for engine in ("gongkai", "pagefind"):
        t = totals(rows, engine)
        recall = t["found"] / t["expected"] if t["expected"] else 1.0
        out.append(f"{engine}: recall {t['found']:,}/{t['expected']:,} ({recall:.1%}), {t['wrong']:,} wrong hits; "
                   f"first 20 results: {t['names']}/{t['first']} with the query in the project's name "
                   f"(at most {t['possible']} could be)")
    empty = [r for r in rows if r["expected"] == 0]
    for r in empty:
        g, f = r["gongkai"]["index_to_first"], r["pagefind"]["index_to_first"]
        out.append(f"no result for '{r['query']}': gongkai says 没有找到 after {kb(g['bytes'])} KB in {g['files']} files "
                   f"({ms(r['gongkai']['first_ms'])} ms); Pagefind answers after {kb(f['bytes'])} KB in {f['files']} files "
                   f"({ms(r['pagefind']['first_ms'])} ms)")
    pages = [r["gongkai"]["page_to_first"] for r in rows]
    if pages:
        p = max(pages, key=lambda x: x["bytes"])
        out.append(f"gongkai's search page itself (HTML, CSS, search.js) before the first result: "
                   f"{kb(p['bytes'])} KB in {p['files']} files (gzip {kb(p['gzip_bytes'])} KB), not in the KB columns")
    out.append(f"1st ms: median of {repeat} tries, each in a fresh browser context, from navigation start to the "
               "first result (or 没有找到) in the DOM (gongkai) or the first result's data loaded (Pagefind); "
               "KB to 1st: index files arrived by then (no HTTP compression; gzip: the same files at gzip -6). "
               "names: of the first page of results (20), those whose project name contains every term.")
    out.append("found: expected projects returned / expected (from the project pages: a project is expected when each "
               "term of the query is in a cell its page shows); wrong: returned project pages that are not expected. "
               f"gongkai's complete set is window.gongkaiSearch.query, the code its page runs; Pagefind's every "
               f"result's data ('≥': stopped at the {budget_s:.0f} s budget). Pagefind matches words from its "
               "segmenter, not substrings, and indexes the whole page (headings, labels, other years).")
    if problems:
        out.append("")
        out.append("SEARCH PROBLEMS:")
        out.extend("  " + p for p in problems)
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("public", type=Path, help="a directory written by `gongkai build`")
    ap.add_argument("--queries", nargs="+", default=DEFAULT_QUERIES, help="queries to run (default: %(default)s)")
    ap.add_argument("--budget", type=float, default=120.0,
                    help="seconds allowed per query and engine to expand to the full result set (default 120)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="tries per query and engine for the first-result figures; the median is shown (default 3)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for a first result (default 120)")
    ap.add_argument("--json", type=Path, help="also write the measurements to this file")
    args = ap.parse_args()
    public = args.public.resolve()
    if not (public / "search" / "meta.json").is_file():
        raise SystemExit(f"search_bench: {public} has no search/meta.json; build the site with gongkai first")

    print(f"search: Pagefind indexing {public} …", flush=True)
    indexing = index_with_pagefind(public)
    documents = load_documents(public)
    print(f"search: {len(documents):,} project pages read; running {len(args.queries)} queries "
          f"in {CHROMIUM} (headless)", flush=True)
    repeat = max(1, args.repeat)
    rows = run_browser(public, args.queries, documents, args.budget, args.timeout, repeat)
    # PUBLIC/pagefind/ was measured when it was written; the browser changes neither index.
    index_sizes = {"gongkai": tree_size(public / "search"),
                   "pagefind": {"bytes": indexing["bytes"], "files": indexing["files"]}}
    problems = search_problems(rows)
    print()
    print(report(rows, indexing, index_sizes, problems, args.budget, repeat))
    if args.json:
        args.json.write_text(json.dumps({
            "public": str(public), "projects": len(documents), "pagefind_indexing": indexing,
            "index_bytes": index_sizes,
            "budget_seconds": args.budget, "repeat": args.repeat, "queries": rows,
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
