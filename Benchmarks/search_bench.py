#!/usr/bin/env python3
"""Search benchmark: gongkai's own search against Pagefind, over the SAME built site.

    .build/venv/bin/python Benchmarks/search_bench.py PUBLIC [--json FILE] [--queries Q ...]

PUBLIC is a directory written by `gongkai build`. This script

1. indexes PUBLIC with Pagefind (`python -m pagefind --site PUBLIC`, written to PUBLIC/pagefind/;
   an existing PUBLIC/pagefind/ is replaced), timing it;
2. computes, for every query, the EXPECTED projects by brute force over gongkai's search
   documents (PUBLIC/search/docs/*.json): a project is expected when its folded text contains
   every whitespace-separated folded term of the query (the folding is gongkai's, see fold());
3. serves PUBLIC on 127.0.0.1 and, in the system's headless Chromium (Playwright), runs every
   query once with gongkai's search page and once with Pagefind's JavaScript API, each in a
   fresh browser context (empty cache), measuring time and bytes to the first result, then
   expanding to the complete result set and comparing it with the expected projects.

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

DEFAULT_QUERIES = ["三支一扶", "协理员", "904.35", "档案 满意度", "满意度", "就业", "社保补贴",
                   "2024", "资金到位率", "不存在的词"]
CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")

# ---------------------------------------------------------------------------------------------
# Expected results (brute force)
# ---------------------------------------------------------------------------------------------

_FOLD_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD_TABLE[0x3000] = 0x20
_FOLD_TABLE.update({cp: cp + 32 for cp in range(0x41, 0x5B)})
_FOLD_TABLE[0x2267] = 0x2265  # ≧ → ≥
_FOLD_TABLE[0x2266] = 0x2264  # ≦ → ≤
# Full-width letters fold twice (Ａ → A → a), as in search.js.
_FOLD_TABLE.update({cp: cp - 0xFEE0 + 32 for cp in range(0xFF21, 0xFF3B)})
# The separators search.js splits a query on.
_SPACES = re.compile("[ \t\n\r\u00a0]+")


def fold(text: str) -> str:
    """gongkai's search folding: full-width ASCII → ASCII, U+3000 → space, A–Z → a–z,
    ≧ → ≥, ≦ → ≤, then >= → ≥ and <= → ≤ (the same for documents and queries)."""
    return text.translate(_FOLD_TABLE).replace(">=", "≥").replace("<=", "≤")


def query_terms(query: str) -> list[str]:
    """The folded terms of a query, split on whitespace the way search.js splits it."""
    return [t for t in _SPACES.split(fold(query)) if t]


def site_path(url: str) -> str:
    """A decoded site path for an absolute or root-relative URL: '/部门/2024/项目.html'."""
    path = urllib.parse.urlsplit(url).path
    if not path.startswith("/"):
        path = "/" + path
    return urllib.parse.unquote(path)


def load_documents(public: Path) -> list[tuple[str, str]]:
    """(decoded site path, folded text) of every project in PUBLIC/search/docs/*.json."""
    docs_dir = public / "search" / "docs"
    chunks = sorted(docs_dir.glob("*.json"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0)
    if not chunks:
        raise SystemExit(f"search_bench: no search documents in {docs_dir}; is {public} a gongkai build?")
    documents = []
    for chunk in chunks:
        for doc in json.loads(chunk.read_text(encoding="utf-8")):
            documents.append((site_path(doc[0]), fold(doc[5])))
    return documents


def expected_projects(documents: list[tuple[str, str]], query: str) -> set[str]:
    """The paths of the projects whose folded text contains every term of the query."""
    terms = query_terms(query)
    return {path for path, text in documents if all(t in text for t in terms)}


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
# since navigation start) the status first leaves "正在搜索…", which is when results are rendered.
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
    bench.items = document.querySelectorAll('#search-results li').length;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();
"""

# Clicks "显示更多结果" until it is hidden (or the budget is spent), then reports the results.
GONGKAI_EXPAND = r"""
async (budgetMs) => {
  const wrap = document.getElementById('search-more-wrap');
  const more = document.getElementById('search-more');
  const deadline = performance.now() + budgetMs;
  let clicks = 0;
  while (wrap && !wrap.hidden && performance.now() < deadline) {
    more.click();
    clicks++;
    await new Promise(resolve => {
      const poll = () => (more.disabled ? setTimeout(poll, 0) : resolve());
      setTimeout(poll, 0);
    });
  }
  return {
    done: performance.now(),
    complete: !wrap || wrap.hidden,
    clicks,
    status: document.getElementById('search-status').textContent.trim(),
    hrefs: Array.from(document.querySelectorAll('#search-results li h2 a'), a => a.href),
  };
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

PAGEFIND_EXPAND = r"""
async (budgetMs) => {
  const results = window.__pagefindSearch ? window.__pagefindSearch.results : [];
  const deadline = performance.now() + budgetMs;
  const urls = [];
  let complete = true;
  // All results' data, loaded in batches so that a huge result set can stop at the budget.
  for (let i = 0; i < results.length; i += 500) {
    if (performance.now() > deadline) { complete = false; break; }
    const batch = await Promise.all(results.slice(i, i + 500).map(r => r.data()));
    batch.forEach(d => urls.push(d.url));
  }
  return { done: performance.now(), complete, urls };
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
              suffix: str = "") -> dict:
    """Files fetched (last byte by `until`, ms since navigation start) whose path starts with
    prefix and ends with suffix: how many, their bytes, and their bytes after gzip -6 (what a
    server that compresses would send)."""
    files, size, gz = 0, 0, 0
    for entry in entries:
        path = entry["path"]
        if not path.startswith(prefix) or not path.endswith(suffix):
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
    """The total gongkai's status line reports: '找到 3 个…。' when complete, '找到 900 个…，显示前
    40 个。' for exact queries still being shown, '没有找到…' → 0; None while candidates are still
    being checked ('已找到 3 个…（还有 N 个可能的结果待核对）')."""
    if "没有找到" in status:
        return 0
    if "已找到" in status:
        return None
    match = re.search(r"找到 (\d+) 个", status)
    return int(match.group(1)) if match else None


def measure_gongkai(browser, base: str, public: Path, query: str, expected: set[str],
                    projects: set[str], budget_s: float, timeout_s: float, expand: bool = True) -> dict:
    """One query on gongkai's search page: the first render, then (when expand) the full result set."""
    context, page = fresh_page(browser, GONGKAI_PROBE)
    try:
        page.goto(f"{base}/search/?q={urllib.parse.quote(query)}", wait_until="commit")
        page.wait_for_function("window.__bench && window.__bench.ready !== null", timeout=timeout_s * 1000)
        first = page.evaluate("window.__bench")
        full = page.evaluate(GONGKAI_EXPAND, budget_s * 1000 if expand else 0)
        entries = page.network.entries(page.evaluate("performance.timeOrigin"))
    finally:
        errors = list(page.errors)
        context.close()
    if "失败" in first["status"]:
        errors.append(first["status"])
    found = {site_path(h) for h in full["hrefs"]}
    return {
        "first_ms": first["ready"],
        "first_status": first["status"],
        "first_items": first["items"],
        "index_to_first": summarize(entries, public, first["ready"], "/search/", ".json"),
        "page_to_first": page_assets(entries, public, first["ready"]),
        "all_ms": full["done"],
        "complete": full["complete"],
        "clicks": full["clicks"],
        "status": full["status"],
        "reported": count_in_status(full["status"]),
        "shown": len(found),
        "found": len(found & expected),
        "false_positives": sorted(found - expected),
        "non_project": len(found - projects),
        "index_to_all": summarize(entries, public, None, "/search/", ".json"),
        "errors": errors,
    }


def page_assets(entries: list[dict], public: Path, until: float) -> dict:
    """HTML, CSS and JavaScript fetched by the search page (everything but the index JSON)."""
    everything = summarize(entries, public, until, "/")
    index = summarize(entries, public, until, "/search/", ".json")
    return {k: everything[k] - index[k] for k in everything}


def measure_pagefind(browser, base: str, public: Path, query: str, expected: set[str],
                     projects: set[str], budget_s: float, timeout_s: float, expand: bool = True) -> dict:
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
            full = {"done": first["ready"], "complete": False, "urls": []}
        entries = page.network.entries(page.evaluate("performance.timeOrigin"))
    finally:
        errors = list(page.errors)
        context.close()
    if first.get("error"):
        errors.append(first["error"])
    returned = {site_path(u) for u in full["urls"]}
    found_projects = returned & projects
    return {
        "first_ms": first["ready"],
        "search_only_ms": first["ready"] - first.get("start", 0.0),
        "index_to_first": summarize(entries, public, first["ready"], "/pagefind/"),
        "all_ms": full["done"],
        "complete": full["complete"],
        "results": first.get("count", 0),
        "found": len(found_projects & expected),
        "false_positives": sorted(found_projects - expected),
        "non_project": len(returned - projects),
        "index_to_all": summarize(entries, public, None, "/pagefind/"),
        "errors": errors,
    }


def measure_repeated(measure, repeat: int, *args) -> dict:
    """Runs a measurement `repeat` times, each in a fresh context; the first-result figures are
    those of the median try, the full result set is from the last try only."""
    tries = [measure(*args, expand=(i == repeat - 1)) for i in range(repeat)]
    result = dict(tries[-1])
    middle = sorted(tries, key=lambda t: t["first_ms"])[(repeat - 1) // 2]
    for key in ("first_ms", "search_only_ms", "index_to_first", "page_to_first", "first_status", "first_items"):
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
    projects = {path for path, _ in documents}
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
                    rows.append({"query": query, "expected": len(expected), "gongkai": g, "pagefind": f})
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
    """'12/12' or '≥40/900' when the expansion stopped at the budget; false positives in ()."""
    prefix = "" if engine["complete"] else "≥"
    fp = len(engine["false_positives"])
    says = engine.get("reported")
    note = f" [says {says}]" if not engine["complete"] and says is not None else ""
    return f"{prefix}{engine['found']}/{expected}" + (f" (+{fp} FP)" if fp else "") + note


def ms(x: float) -> str:
    return f"{x:,.0f}"


def render_table(rows: list[dict]) -> str:
    """The side-by-side table, as text."""
    head = ["query", "expected",
            "gongkai found", "1st ms", "all ms", "index KB to 1st (files)", "gzip KB",
            "pagefind found", "1st ms", "all ms", "KB to 1st (files)"]
    table = [head]
    for r in rows:
        g, f = r["gongkai"], r["pagefind"]
        gi, fi = g["index_to_first"], f["index_to_first"]
        table.append([
            r["query"], f"{r['expected']:,}",
            found_cell(g, r["expected"]), ms(g["first_ms"]), ms(g["all_ms"]) + ("" if g["complete"] else "+"),
            f"{kb(gi['bytes'])} ({gi['files']})", kb(gi["gzip_bytes"]),
            found_cell(f, r["expected"]), ms(f["first_ms"]), ms(f["all_ms"]) + ("" if f["complete"] else "+"),
            f"{kb(fi['bytes'])} ({fi['files']})",
        ])
    return format_columns(table, right_from=1)


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
        if g["complete"] and (g["found"] != r["expected"] or g["false_positives"]):
            problems.append(f"gongkai '{r['query']}': found {g['found']} of {r['expected']}, "
                            f"{len(g['false_positives'])} false positives {g['false_positives'][:3]}")
        if not g["complete"] and g["reported"] is not None and g["reported"] != r["expected"]:
            problems.append(f"gongkai '{r['query']}': status says {g['reported']} results, {r['expected']} expected")
        if g["complete"] and g["reported"] is not None and g["reported"] != g["shown"]:
            problems.append(f"gongkai '{r['query']}': status says {g['reported']}, {g['shown']} results listed")
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
    pages = [r["gongkai"]["page_to_first"] for r in rows]
    if pages:
        p = max(pages, key=lambda x: x["bytes"])
        out.append(f"gongkai's search page itself (HTML, CSS, search.js) before the first result: "
                   f"{kb(p['bytes'])} KB in {p['files']} files (gzip {kb(p['gzip_bytes'])} KB), not in the KB columns")
    out.append(f"1st ms: median of {repeat} tries, each in a fresh browser context, from navigation start to the "
               "first result in the DOM (gongkai) or the first result's data loaded (Pagefind); all ms (one try): to the complete result set "
               "(gongkai: \"显示更多结果\" clicked until hidden; Pagefind: every result's data()). "
               f"'+' / '≥': stopped at the {budget_s:.0f} s budget "
               "([says N]: the total gongkai's status line reported).")
    out.append("found: expected projects returned / expected (brute force over gongkai's search documents, "
               "substring match of every folded term); FP: returned project pages that are not expected. "
               "Pagefind matches words from its segmenter, not substrings.")
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
    print(f"search: {len(documents):,} project documents; running {len(args.queries)} queries "
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
