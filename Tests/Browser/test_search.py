"""Search in the browser: the issue's queries, filters in the URL, back button, no-JS fallback."""
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe

# The same table as SearchFoldTable in Tests/GongkaiKitTests/SearchTests.swift.
FOLDS = [("９０４．３５", "904.35"), ("ＡＢＣ", "abc"), (">=60%", "≥60%"), ("<=4%", "≤4%"), ("≧5个", "≥5个"),
         ("≦3", "≤3"), ("＞＝90％", "≥90%"), ("三支一扶", "三支一扶"), ("（机关）", "(机关)"), ("Ａ　Ｂ", "a b")]
HASHES = [("满", 1687339436), ("满意", 4124237977), ("90", 201234636), ("≥", 3762399456)]


def search(page_factory, base_url, query="", **filters):
    params = []
    if query:
        params.append("q=" + quote(query))
    params += [f"{k}={quote(v)}" for k, v in filters.items()]
    page = page_factory(base_url + "/search/" + ("?" + "&".join(params) if params else ""))
    wait_for_results(page)
    return page


def wait_for_results(page):
    """Until the search has finished checking its first page (the list is no longer aria-busy)."""
    page.wait_for_function("""() => {
        const s = document.getElementById('search-status').textContent;
        return s && !s.includes('正在搜索') && !document.getElementById('search-results').hasAttribute('aria-busy');
    }""")


def results(page):
    return page.eval_on_selector_all("#search-results li", """items => items.map(li => ({
        name: li.querySelector('h2').textContent,
        meta: li.querySelector('.meta').textContent,
        href: li.querySelector('a').getAttribute('href'),
        marks: Array.from(li.querySelectorAll('mark')).map(m => m.textContent)
    }))""")


def test_sanzhiyifu_finds_one_project_in_xiande_2024(page_factory, base_url):
    page = search(page_factory, base_url, "三支一扶")
    found = results(page)
    assert len(found) == 1
    assert found[0]["name"] == "“三支一扶”社保单位缴费部分"
    assert found[0]["meta"].startswith("旌德县人力资源和社会保障局 · 2024年")
    assert "三支一扶" in found[0]["marks"]
    assert "找到 1 个" in page.inner_text("#search-status")
    # The result links to the project's page.
    page.click("#search-results a")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "“三支一扶”社保单位缴费部分"


def test_xieliyuan_finds_both_years_and_nothing_else(page_factory, base_url):
    found = results(search(page_factory, base_url, "协理员"))
    assert sorted(r["meta"].split(" · ")[1] for r in found) == ["2021年", "2022年"]
    assert all(r["name"] == "人社专职协理员工作经费" for r in found)


def test_a_number_is_found_as_typed(page_factory, base_url):
    page = search(page_factory, base_url, "904.35")
    found = results(page)
    assert [r["name"] for r in found] == ["就业补助资金县级配套"]
    assert page.inner_text("#search-results .snippet").count("904.35") == 1
    assert "904.35" in found[0]["marks"]


def test_several_terms_must_all_be_present(page_factory, base_url):
    found = results(search(page_factory, base_url, "档案 满意度"))
    assert len(found) >= 2
    for r in found:
        page = page_factory(base_url + "/search/" + r["href"])
        text = page.inner_text("main")
        assert "档案" in text and "满意度" in text, r["name"]


def test_one_character(page_factory, base_url):
    both = results(search(page_factory, base_url, "档案"))
    one = results(search(page_factory, base_url, "档"))
    assert len(one) >= len(both) > 0


def test_more_results_are_added_below_the_first_page(page_factory, base_url):
    page = search(page_factory, base_url, "满意度")
    status = page.inner_text("#search-status")
    total = int(status.split("找到 ")[1].split(" ")[0])
    assert total > 20
    assert len(results(page)) == 20
    first = results(page)[:20]
    assert page.is_visible("#search-more")
    page.click("#search-more")
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 20")
    page.wait_for_function("document.getElementById('search-more-wrap').hidden")
    after = results(page)
    assert len(after) == total
    assert after[:20] == first
    assert len({r["href"] for r in after}) == total


def test_a_click_while_results_are_being_checked_adds_each_project_once(browser, base_url):
    """"显示更多结果" clicked while the next document file is still loading: the click waits for
    that round instead of checking the same candidates again (which listed projects twice)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    held, released = [], []
    context.route("**/search/docs/1.json", lambda route: route.continue_() if released else held.append(route))
    try:
        page = context.new_page()
        page.goto(base_url + "/search/?q=" + quote("满意度"), wait_until="load")
        # The first file's results are shown; the second file is requested and held.
        page.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
        page.wait_for_function("!document.getElementById('search-more-wrap').hidden")
        for _ in range(50):
            if held:
                break
            page.wait_for_timeout(20)
        assert held, "the second document file was not requested"
        assert "已找到" in page.inner_text("#search-status")
        page.evaluate("document.getElementById('search-more').click()")
        page.evaluate("document.getElementById('search-more').click()")
        page.wait_for_timeout(100)
        released.append(True)
        for route in held:
            route.continue_()
        page.wait_for_function("document.querySelectorAll('#search-results li').length >= 20")
        while page.is_visible("#search-more"):
            page.wait_for_function("!document.getElementById('search-more').disabled")
            if not page.is_visible("#search-more"):
                break
            page.click("#search-more")
            page.wait_for_timeout(50)
        page.wait_for_function("document.getElementById('search-more-wrap').hidden")
        hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
        status = page.inner_text("#search-status")
        total = int(status.split("找到 ")[1].split(" ")[0])
        assert len(hrefs) == len(set(hrefs)) == total
        assert total > 20
    finally:
        context.close()


def test_no_results_says_so(page_factory, base_url):
    page = search(page_factory, base_url, "不存在的词语组合")
    assert results(page) == []
    assert "没有找到" in page.inner_text("#search-status")


def test_filters_live_in_the_url_and_the_back_button_works(page_factory, base_url):
    page = search(page_factory, base_url, "满意度", year="2022")
    found = results(page)
    assert found and all("2022年" in r["meta"] for r in found)
    assert page.input_value("#search-year") == "2022"
    # A new query from the form: pushed to the URL.
    page.fill("#search-q", "协理员")
    page.select_option("#search-year", "")
    page.press("#search-q", "Enter")
    wait_for_results(page)
    assert "q=%E5%8D%8F%E7%90%86%E5%91%98" in page.url
    assert len(results(page)) == 2
    page.go_back()
    wait_for_results(page)
    assert page.input_value("#search-q") == "满意度"
    assert page.input_value("#search-year") == "2022"
    assert all("2022年" in r["meta"] for r in results(page))


def test_department_and_kind_filters(page_factory, base_url):
    found = results(search(page_factory, base_url, "", department="高新区人社局"))
    assert len(found) == 7
    decision = results(search(page_factory, base_url, "", kind="决策"))
    assert {r["meta"].split(" · ")[0] for r in decision} == {"江阴市人力资源和社会保障局"}


def test_status_is_a_live_region_and_the_field_is_labelled(page_factory, base_url):
    page = search(page_factory, base_url, "三支一扶")
    status = page.locator("#search-status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert page.locator("label[for=search-q]").count() == 1
    violations = [v["id"] for v in Axe().run(page).response["violations"]]
    assert violations == []


def test_without_javascript_the_page_says_so(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/search/?q=" + quote("三支一扶"))
    assert "搜索需要浏览器运行本站的搜索脚本" in page.inner_text("#search-status")
    context.close()


def test_when_the_script_fails_to_load_the_page_says_so(browser, base_url):
    context = browser.new_context()
    context.route("**/search.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url + "/search/?q=" + quote("三支一扶"))
    page.wait_for_timeout(300)
    assert "搜索需要浏览器运行本站的搜索脚本" in page.inner_text("#search-status")
    context.close()


def test_search_downloads_only_some_shards(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if "/search/" in r.url and r.url.endswith(".json") else None)
    page.goto(base_url + "/search/?q=" + quote("三支一扶"))
    wait_for_results(page)
    shards = [u for u in fetched if "/shards/" in u]
    meta = page.evaluate("fetch('meta.json').then(r => r.json())")
    assert 1 <= len(shards) <= 3
    assert meta["shards"] >= 1
    context.close()


@pytest.mark.parametrize("text,folded", FOLDS)
def test_folding_matches_the_index(page_factory, base_url, text, folded):
    page = search(page_factory, base_url)
    assert page.evaluate("t => window.gongkaiSearch.fold(t)", text) == folded


def test_hashes_match_the_index(page_factory, base_url):
    page = search(page_factory, base_url)
    for key, value in HASHES:
        codes = [ord(c) for c in key]
        assert page.evaluate("c => window.gongkaiSearch.hash(c[0], c[1])", codes) == value
