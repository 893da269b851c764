"""Search in the browser: the issue's queries, filters in the URL, back button, no-JS fallback.

Expected results are the seeds' facts (checked by reading Content/) and, independently, a brute-force
substring scan of every project's indexed text in Public/search/docs/ (conftest.SiteIndex).
"""
import html.parser
import os
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

# The same table as SearchFoldTable in Tests/GongkaiKitTests/SearchTests.swift.
FOLDS = [("９０４．３５", "904.35"), ("ＡＢＣ", "abc"), (">=60%", "≥60%"), ("<=4%", "≤4%"), ("≧5个", "≥5个"),
         ("≦3", "≤3"), ("＞＝90％", "≥90%"), ("三支一扶", "三支一扶"), ("（机关）", "(机关)"), ("Ａ　Ｂ", "a b")]
HASHES = [("满", 1687339436), ("满意", 4124237977), ("90", 201234636), ("≥", 3762399456)]

XIANDE = "旌德县人力资源和社会保障局"
JIANGYIN = "江阴市人力资源和社会保障局"
GAOXIN = "高新区人社局"
# The projects whose text contains both 档案 and 满意度 (read in Content/: 档案 occurs in these five
# projects' own text, and each of them has a 满意度 indicator).
ARCHIVES_AND_SATISFACTION = {
    ("流动人员人事档案公共服务费", XIANDE, 2024),
    ("人社局专项资金", JIANGYIN, 2021),
    ("居民养老保险补贴", JIANGYIN, 2022),
    ("企业退休人员社会化管理专项", JIANGYIN, 2022),
    ("党员档案集中管理经费", GAOXIN, 2024),
}
# 档 alone: the same five, and one more whose text has 归档 but not 档案.
ARCHIVE_CHARACTER = ARCHIVES_AND_SATISFACTION | {("五六十年来企业精简退职人员定期补助金", JIANGYIN, 2022)}


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


def listed(found, site_index):
    """The listed results as (name, department, year), each checked against data/projects.json: its
    link is the project's page, and its title and meta line show that project's name, department,
    year and amount. No project is listed twice."""
    out = []
    for r in found:
        path = unquote(urlsplit(urljoin("/search/", r["href"])).path)
        project = site_index.projects.get(path)
        assert project is not None, f"{r['href']} ({path}) is not a project in data/projects.json"
        assert r["name"] == project["name"]
        amount = project["amount"] or "—"
        assert r["meta"] == f"{project['department']} · {project['year']}年 · 预算 {amount} 万元"
        out.append((project["name"], project["department"], project["year"]))
    assert len(out) == len(set(out)), f"listed twice: {out}"
    return out


def expected(site_index, query):
    """What a brute-force scan of every document's text finds, as (name, department, year)."""
    out = set()
    for i in site_index.brute_force(query):
        p = site_index.project(i)
        out.add((p["name"], p["department"], p["year"]))
    return out


def test_sanzhiyifu_finds_one_project_in_xiande_2024(page_factory, base_url):
    page = search(page_factory, base_url, "三支一扶")
    found = results(page)
    assert len(found) == 1
    assert found[0]["name"] == "“三支一扶”社保单位缴费部分"
    assert found[0]["meta"].startswith("旌德县人力资源和社会保障局 · 2024年")
    assert "三支一扶" in found[0]["marks"]
    assert "找到 1 个" in page.inner_text("#search-status")
    # The result links to the project's page.
    page.wait_for_load_state("networkidle")
    page.click("#search-results a")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().split("\n")[0] == "“三支一扶”社保单位缴费部分"


def test_xieliyuan_finds_both_years_and_nothing_else(page_factory, base_url, site_index):
    found = results(search(page_factory, base_url, "协理员"))
    want = {("人社专职协理员工作经费", JIANGYIN, 2021), ("人社专职协理员工作经费", JIANGYIN, 2022)}
    assert expected(site_index, "协理员") == want
    assert sorted(listed(found, site_index)) == sorted(want)
    assert [r["meta"].split(" · ")[0] for r in found] == [JIANGYIN, JIANGYIN]
    assert sorted(r["meta"].split(" · ")[1] for r in found) == ["2021年", "2022年"]


def test_a_number_is_found_as_typed(page_factory, base_url, site_index):
    page = search(page_factory, base_url, "904.35")
    found = results(page)
    assert [r["name"] for r in found] == ["就业补助资金县级配套"]
    assert listed(found, site_index) == [("就业补助资金县级配套", XIANDE, 2024)]
    assert expected(site_index, "904.35") == {("就业补助资金县级配套", XIANDE, 2024)}
    # The amount shown is the project's budget (155 万元 in Content/, "155.00" in projects.json).
    assert site_index.projects["/" + XIANDE + "/2024/就业补助资金县级配套.html"]["amount"] == "155.00"
    assert found[0]["meta"] == XIANDE + " · 2024年 · 预算 155.00 万元"
    assert page.inner_text("#search-results .snippet").count("904.35") == 1
    assert "904.35" in found[0]["marks"]


def test_several_terms_must_all_be_present(page_factory, base_url, site_index):
    page = search(page_factory, base_url, "档案 满意度")
    found = listed(results(page), site_index)
    assert expected(site_index, "档案 满意度") == ARCHIVES_AND_SATISFACTION
    assert set(found) == ARCHIVES_AND_SATISFACTION
    assert "找到 5 个包含“档案 满意度”的项目。" in page.inner_text("#search-status")
    # Each term alone finds more: the result is the intersection, not either term's list.
    assert expected(site_index, "满意度") > ARCHIVES_AND_SATISFACTION
    assert expected(site_index, "档") > ARCHIVES_AND_SATISFACTION


def test_one_character(page_factory, base_url, site_index):
    page = search(page_factory, base_url, "档")
    one = listed(results(page), site_index)
    assert expected(site_index, "档") == ARCHIVE_CHARACTER
    assert set(one) == ARCHIVE_CHARACTER
    assert "找到 6 个包含“档”的项目。" in page.inner_text("#search-status")
    both = listed(results(search(page_factory, base_url, "档案")), site_index)
    assert set(both) == expected(site_index, "档案") == ARCHIVE_CHARACTER - {("五六十年来企业精简退职人员定期补助金", JIANGYIN, 2022)}


def test_more_results_are_added_below_the_first_page(page_factory, base_url, site_index):
    page = search(page_factory, base_url, "满意度")
    status = page.inner_text("#search-status")
    total = int(status.split("找到 ")[1].split(" ")[0])
    assert total == len(site_index.brute_force("满意度")) == 31
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
    assert set(listed(after, site_index)) == expected(site_index, "满意度")


def test_a_click_while_results_are_being_checked_adds_each_project_once(browser, base_url, recorded):
    """"显示更多结果" clicked while the next document file is still loading: the click waits for
    that round instead of checking the same candidates again (which listed projects twice)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    held, released = [], []
    context.route("**/search/docs/1.json", lambda route: route.continue_() if released else held.append(route))
    try:
        page = recorded(context.new_page())
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
        assert (page.failed, page.external, page.console_errors) == ([], [], [])
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


def test_department_and_kind_filters(page_factory, base_url, site_index):
    found = results(search(page_factory, base_url, "", department="高新区人社局"))
    assert len(found) == 7
    assert set(listed(found, site_index)) == {(p["name"], p["department"], p["year"])
                                              for p in site_index.projects.values() if p["department"] == GAOXIN}
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


def test_without_javascript_the_page_says_so(browser, base_url, recorded):
    context = browser.new_context(java_script_enabled=False)
    page = recorded(context.new_page())
    page.goto(base_url + "/search/?q=" + quote("三支一扶"))
    assert "搜索需要浏览器运行本站的搜索脚本" in page.inner_text("#search-status")
    assert (page.failed, page.external, page.console_errors) == ([], [], [])
    context.close()


def test_when_the_script_fails_to_load_the_page_says_so(browser, base_url, recorded):
    context = browser.new_context()
    context.route("**/search.js", lambda route: route.abort())
    page = recorded(context.new_page())
    page.goto(base_url + "/search/?q=" + quote("三支一扶"))
    page.wait_for_timeout(300)
    assert "搜索需要浏览器运行本站的搜索脚本" in page.inner_text("#search-status")
    # The one failed request is the script this test blocks; nothing else failed or left the site.
    assert [urlsplit(u).path for u in page.failed] == ["/assets/search.js"]
    assert page.external == []
    context.close()


# A query fetches meta.json, the shards of its own keys (fnv1a(key) mod shards) and the document
# chunks of its candidates (fewer than a page here, so all of them), nothing else and nothing twice.
# The seeds have only 2 shards and 2 chunks, so a query of several keys usually needs both shards:
# "三支" (one key, one candidate) and "档" (one key) need one shard, "三支" and "三支一扶" one chunk.
SHARD_QUERIES = {"三支": (1, 1), "档": (1, 2), "三支一扶": (2, 1), "协理员": (2, 2)}


@pytest.mark.parametrize("query", list(SHARD_QUERIES))
def test_search_downloads_only_the_shards_and_chunks_it_needs(page_factory, base_url, site_index, query):
    meta = site_index.meta
    all_shards = {f for f in site_index.files if f.startswith("shards/")}
    all_chunks = {f for f in site_index.files if f.startswith("docs/")}
    assert len(all_shards) == meta["shards"] == 2
    assert len(all_chunks) == -(-meta["documents"] // meta["chunk"]) == 2
    assert len(site_index.files) == 1 + 2 + 2 + 3  # meta, shards, docs, facets

    candidates = site_index.candidates(query)
    assert set(site_index.brute_force(query)) <= set(candidates)  # the postings miss nothing
    assert 0 < len(candidates) <= 20
    want_shards = {f"shards/{site_index.shard_of(k)}.json" for k in site_index.keys(query)}
    want_chunks = {f"docs/{i // meta['chunk']}.json" for i in candidates}
    assert (len(want_shards), len(want_chunks)) == SHARD_QUERIES[query]

    page = search(page_factory, base_url, query)
    fetched = [urlsplit(u).path[len("/search/"):] for u in page.requests_seen
               if urlsplit(u).path.startswith("/search/") and urlsplit(u).path.endswith(".json")]
    assert len(fetched) == len(set(fetched)), f"fetched twice: {fetched}"
    assert set(fetched) == {"meta.json"} | want_shards | want_chunks
    assert set(fetched) < set(site_index.files)
    assert len(results(page)) == len(site_index.brute_force(query))


def test_some_query_downloads_a_strict_part_of_the_index(site_index):
    """The queries above really show the point on the seeds: one shard of two, one chunk of two."""
    meta = site_index.meta
    # This file's model of the index hashes keys as Swift and search.js do.
    assert [(key, site_index.hash(key)) for key, _ in HASHES] == HASHES
    assert site_index.keys("三支一扶 协理员 档") == ["三支", "支一", "一扶", "协理", "理员", "档"]
    assert {f"shards/{site_index.shard_of(k)}.json" for k in site_index.keys("三支")} == {"shards/1.json"}
    assert {f"docs/{i // meta['chunk']}.json" for i in site_index.candidates("三支")} == {"docs/0.json"}
    assert {site_index.shard_of(k) for k in site_index.keys("档")} == {0}


class HeaderSearch(html.parser.HTMLParser):
    """The search forms inside a page's <header>, with their inputs and labels."""

    def __init__(self):
        super().__init__()
        self.depth = 0          # how deep inside <header>
        self.form = None
        self.forms = []
        self.labels = {}        # for= → text
        self.label = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "header":
            self.depth += 1
        if not self.depth:
            return
        if tag == "form":
            self.form = {"attrs": a, "inputs": [], "buttons": 0}
            self.forms.append(self.form)
        elif tag == "input" and self.form is not None:
            self.form["inputs"].append(a)
        elif tag == "button" and self.form is not None and a.get("type", "submit") == "submit":
            self.form["buttons"] += 1
        elif tag == "label":
            self.label = [a.get("for"), ""]

    def handle_endtag(self, tag):
        if tag == "header" and self.depth:
            self.depth -= 1
        elif tag == "form":
            self.form = None
        elif tag == "label" and self.label is not None:
            self.labels[self.label[0]] = self.label[1].strip()
            self.label = None

    def handle_data(self, data):
        if self.label is not None:
            self.label[1] += data


def test_every_page_has_a_labelled_search_form_in_its_header(site_dir, site_index):
    pages = []
    for root, _dirs, files in os.walk(site_dir):
        pages.extend(os.path.relpath(os.path.join(root, f), site_dir).replace(os.sep, "/")
                     for f in files if f.endswith(".html"))
    # Every project page, every department and year page, the home, search, quality and 404 pages.
    assert {url[1:] for url in site_index.projects} <= set(pages)
    assert {"index.html", "search/index.html", "404.html", "quality/index.html"} <= set(pages)
    assert len(pages) == 43
    for path in pages:
        parser = HeaderSearch()
        with open(os.path.join(site_dir, path), encoding="utf-8") as f:
            parser.feed(f.read())
        assert len(parser.forms) == 1, f"{path}: {len(parser.forms)} search forms in the header"
        form = parser.forms[0]
        assert form["attrs"].get("role") == "search", path
        assert form["attrs"].get("method", "get").lower() == "get", path
        # The action, resolved against the page's own address, is the search page.
        assert urljoin("/" + path, form["attrs"]["action"]) == "/search/", (path, form["attrs"]["action"])
        fields = [i for i in form["inputs"] if i.get("name") == "q"]
        assert len(fields) == 1, path
        assert fields[0].get("type") == "search", path
        assert parser.labels.get(fields[0].get("id")), f"{path}: the search field has no label"
        assert form["buttons"] == 1, path
    assert os.path.isfile(os.path.join(site_dir, "search", "index.html"))


def test_the_header_search_box_searches(page_factory, base_url, site_index):
    page = page_factory(base_url + "/" + quote(XIANDE) + "/2024/" + quote("就业补助资金县级配套") + ".html")
    page.wait_for_load_state("networkidle")  # the favicon too: leaving the page would cancel it
    page.fill("header #site-search-q", "协理员")
    page.press("header #site-search-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    wait_for_results(page)
    assert page.input_value("#search-q") == "协理员"
    assert set(listed(results(page), site_index)) == expected(site_index, "协理员")


@pytest.mark.parametrize("text,folded", FOLDS)
def test_folding_matches_the_index(page_factory, base_url, text, folded):
    page = search(page_factory, base_url)
    assert page.evaluate("t => window.gongkaiSearch.fold(t)", text) == folded


def test_hashes_match_the_index(page_factory, base_url):
    page = search(page_factory, base_url)
    for key, value in HASHES:
        codes = [ord(c) for c in key]
        assert page.evaluate("c => window.gongkaiSearch.hash(c[0], c[1])", codes) == value
