#!/usr/bin/env python3
"""Save-to-page time of `gongkai serve`: from writing a document to the open page showing the
change, in headless Chromium, on the seeds (31 projects) and on a generated corpus (20,000
projects by default).

For each site: copy its content to a scratch folder, start `gongkai serve --port 0`, open the
department-year page of one document's first project, then several times rename that project in
the document (appending a marker) and time until the page, reloaded by serve's script, lists
the new name. Prints each time and the median per site.

Usage:
    .build/venv/bin/python Benchmarks/serve_bench.py [--projects 20000] [--edits 5]
        [--gongkai .build/release/gongkai] [--out-base /tmp/gongkai-bench]
The corpus is made as Benchmarks/run makes it (Benchmarks/corpus.py) and cached in
OUT_BASE/corpus-N-s1/ (shared with Benchmarks/run). Exit status: 0 done, 2 a tool failed.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")


def corpus(out_base: pathlib.Path, projects: int) -> pathlib.Path:
    """The generated content folder for `projects` (seed 1), made if missing."""
    for root in (out_base / f"corpus-{projects}-s1", out_base / f"serve-corpus-{projects}-s1"):
        content = root / "corpus" / "content"
        if (root / "COMPLETE").is_file() and content.is_dir():
            return content
    partial = out_base / f".serve-corpus-{projects}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    print(f"generating {projects:,} projects …", flush=True)
    subprocess.run([sys.executable, str(REPO / "Benchmarks" / "corpus.py"), "--projects", str(projects), "--seed", "1",
                    "--out", str(partial / "corpus")], check=True, capture_output=True)
    (partial / "COMPLETE").write_text("serve_bench\n")
    partial.rename(root)
    return root / "corpus" / "content"


def measure(label: str, content: pathlib.Path, gongkai: str, edits: int, browser) -> list[float]:
    work = pathlib.Path(tempfile.mkdtemp(prefix="gongkai-serve-bench-"))
    process = None
    try:
        shutil.copytree(content, work / "Content")
        started = time.perf_counter()
        process = subprocess.Popen([gongkai, "serve", "--port", "0", "--lang", "en", "--quiet"], cwd=work,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        url = None
        for line in process.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                url = found.group(0)
                break
        if url is None:
            raise SystemExit(f"serve_bench: gongkai serve printed no address for {label}")
        print(f"{label}: first build and server up in {time.perf_counter() - started:.2f} s", flush=True)
        projects = json.loads((work / ".gongkai-serve" / "data" / "projects.json").read_text(encoding="utf-8"))
        # The first project whose name its document spells as it is (the edit appends a marker
        # to it there; the department-year page then lists the marked name).
        project = next(p for p in projects if p["name"] in (work / p["source"].rsplit(":", 1)[0]).read_text(encoding="utf-8"))
        document = work / project["source"].rsplit(":", 1)[0]
        # Its department-year's page (`id` is the project page's path without `.html`).
        page_url = url + project["id"].rsplit("/", 1)[0] + "/"
        original = document.read_text(encoding="utf-8")
        page = browser.new_page()
        page.goto(page_url, wait_until="load")
        times = []
        for k in range(1, edits + 1):
            marker = f"{project['name']}测{k}"
            t0 = time.perf_counter()
            document.write_text(original.replace(project["name"], marker), encoding="utf-8")
            page.wait_for_function("m => document.querySelector('main').innerText.includes(m)", arg=marker, timeout=120_000)
            times.append(time.perf_counter() - t0)
            print(f"{label}: edit {k}: {times[-1]:.3f} s", flush=True)
            time.sleep(0.5)
        page.close()
        return times
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=20000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--gongkai", default=str(REPO / ".build" / "release" / "gongkai"))
    parser.add_argument("--out-base", default="/tmp/gongkai-bench")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sites = [("seeds (31 projects)", REPO / "Content")]
    if args.projects > 0:
        sites.append((f"{args.projects:,} projects", corpus(pathlib.Path(args.out_base), args.projects)))
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for label, content in sites:
            results[label] = measure(label, content, args.gongkai, args.edits, browser)
        browser.close()
    print("\nsave to page (median of %d edits, from writing the document to the page showing it):" % args.edits)
    for label, times in results.items():
        print(f"  {label:<22} {statistics.median(times):.2f} s   (each: {', '.join(f'{t:.2f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
