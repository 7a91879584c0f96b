"""Search, the header and the site's addresses in a real Chromium (rls_site.search,
overrides/search-page.html, docs/assets/search.js and site.js): a search finds pages in the
reader's language only, nothing of it loads before the reader searches, no page fetches a
sitemap, and the site works from another address; axe on the open search; keyboard use.

What a search finds is tested on the tests' own small site (`small_server`), with its own words;
the real site only for what holds on every page of it."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import quote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import FIXTURE_CONFIG, FIXTURE_TODAY, build_in_process, fixture_project, free_port, nav_pages, outside_hosts

# The small site's pages (tests/fixtures/site): its menu, and the search page.
SMALL_SECTIONS = nav_pages(FIXTURE_CONFIG)
SMALL_PAGES = SMALL_SECTIONS + ["zoeken/"]

pytestmark = pytest.mark.browser
PREFIXES = {"nl": "", "en": "en/"}
SEARCH_REQUEST = re.compile(r"/pagefind/")


def search_from_the_header(page, words: str) -> None:
    """Type in the header's search box and press Enter, as a reader does on a wide screen."""
    field = page.locator("header input[type=search]")
    field.fill(words)
    field.press("Enter")


def result_links(page) -> list[str]:
    results = page.locator("[data-search-results] li a")
    expect(results.first).to_be_visible()
    return [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize(
    "lang,words,expected",
    [
        ("nl", "gevoel", "/symptomen/"),
        ("nl", "inspanning", "/"),
        ("nl", "partners", "/over/"),
        ("en", "feeling", "/en/symptomen/"),
        ("en", "exercise", "/en/"),
    ],
)
def test_a_search_finds_the_page_and_only_pages_in_the_readers_language(page, small_server, lang, words, expected):
    server = small_server
    prefix = PREFIXES[lang]
    page.goto(server + prefix)
    search_from_the_header(page, words)
    expect(page).to_have_url(f"{server}{prefix}zoeken/#q={quote(words)}")
    found = result_links(page)
    assert expected in found, found
    if lang == "nl":
        assert not any(path.startswith("/en/") for path in found), found
    else:
        assert all(path.startswith("/en/") for path in found), found
    expect(page.locator("[data-search-status]")).to_contain_text(words)
    page.locator("[data-search-results] li a", has_text=re.compile(".")).first.click()
    expect(page.locator("html")).to_have_attribute("lang", lang)


def test_dutch_search_finds_other_forms_of_a_word(page, small_server):
    """Dutch stemming: 'beweging' finds a page that only says 'bewegen' or 'beweeg' as well."""
    server = small_server
    page.goto(server + "zoeken/#q=beweging")
    with_noun = set(result_links(page))
    page.goto(server + "zoeken/#q=bewegen")  # the same page: only the words after '#' change
    expect(page.locator("[data-search-status]")).to_contain_text("‘bewegen’")
    with_verb = set(result_links(page))
    assert with_noun & with_verb, (with_noun, with_verb)


def test_a_word_found_nowhere_says_so_and_suggests_another(page, small_server):
    server = small_server
    page.goto(server + "en/zoeken/#q=xylofoon")
    expect(page.locator("[data-search-status]")).to_have_text("No page found with ‘xylofoon’. Try another word.")
    expect(page.locator("[data-search-results]")).to_be_hidden()


def test_nothing_of_the_search_is_loaded_before_the_reader_searches(page, every_page_read, small_server, requests_seen):
    assert [url for url in every_page_read.requests if SEARCH_REQUEST.search(url)] == []
    assert outside_hosts(every_page_read.requests) == []
    page.goto(small_server + "symptomen/")
    assert [url for url in requests_seen if SEARCH_REQUEST.search(url)] == []
    search_from_the_header(page, "klachten")
    expect(page.locator("[data-search-results] li").first).to_be_visible()
    loaded = [urlsplit(url).path for url in requests_seen if SEARCH_REQUEST.search(url)]
    assert "/pagefind/pagefind.js" in loaded and any(path.endswith(".pf_index") for path in loaded), loaded
    # Only the reader's language: the Dutch index, no English one.
    assert not any("/pagefind/index/en_" in path or "pagefind.en_" in path for path in loaded), loaded
    assert outside_hosts(requests_seen) == []


def test_the_words_never_go_to_a_server(page, small_server, requests_seen):
    """The header's form puts the words after '#', which a browser does not send."""
    page.goto(small_server + "symptomen/")
    search_from_the_header(page, "klachten avonds")
    expect(page.locator("[data-search-results] li").first).to_be_visible()
    assert [url for url in requests_seen if "klachten" in url or "avonds" in url] == []


def test_no_page_fetches_a_sitemap(every_page_read):
    assert every_page_read.requests  # every page was opened
    assert [url for url in every_page_read.requests if "sitemap" in url] == []


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("lang,words", [("nl", "klachten"), ("en", "symptoms")])
def test_axe_finds_no_violation_on_the_open_search(page, small_server, system, lang, words):
    server = small_server
    page.emulate_media(color_scheme=system)
    page.goto(server + PREFIXES[lang])
    search_from_the_header(page, words)
    expect(page.locator("[data-search-results] li").first).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_search_by_keyboard_alone(page, small_server):
    """Tab to the header's search box, type, Enter; the result count is announced (role=status)
    and Tab goes through the results, which are links."""
    page.goto(small_server)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "search":
            break
    else:
        raise AssertionError("the header's search box is not reachable with Tab")
    page.keyboard.type("klachten")
    page.keyboard.press("Enter")
    status = page.locator("[data-search-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text("pagina's gevonden met ‘klachten’")
    expect(page.locator("[data-search-results] li a").first).to_be_visible()
    page.locator("#site-search-query").focus()
    for _ in range(3):  # the field, the button, the first result
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('[data-search-results]') !== null"):
            break
    first = page.locator("[data-search-results] li a").first
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("article h1")).to_be_visible()
    assert "/zoeken/" not in page.url


def test_the_search_page_form_searches_without_loading_the_page_again(page, small_server):
    server = small_server
    page.goto(server + "en/zoeken/")
    expect(page.locator("[data-search-no-js]")).to_be_hidden()
    expect(page.locator("#site-search-query")).to_be_focused()
    page.keyboard.type("sleep")
    page.keyboard.press("Enter")
    expect(page.locator("[data-search-status]")).to_contain_text("‘sleep’")
    assert page.url.endswith("/en/zoeken/#q=sleep")


def test_without_javascript_the_search_box_leads_to_a_list_of_every_page(browser, small_server):
    server = small_server
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(server + "symptomen/")
    page.locator("header input[type=search]").fill("klachten")
    page.locator("header button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(server + "zoeken/") + r"\??$"))  # without the words: they go nowhere
    expect(page.locator("article")).to_contain_text("Zoeken werkt alleen als JavaScript aan staat in je browser.")
    expect(page.locator("form[data-search]")).to_be_hidden()
    listed = {urlsplit(href).path for href in page.locator(".site-search-page__all a").evaluate_all("links => links.map(a => a.href)")}
    assert {f"/{section}" for section in SMALL_SECTIONS} <= listed, listed
    assert not [url for url in seen if "klachten" in url]
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_menu_button_works_from_the_keyboard(page, small_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(small_server + "symptomen/")
    button = page.locator("[data-site-menu]")
    if width > 1219:
        expect(button).to_be_hidden()  # the navigation is always shown on a wide screen
        return
    assert button.evaluate("element => element.tagName") == "BUTTON"
    expect(page.locator("[data-site-menu-label]")).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()


# --- Served from another address --------------------------------------------------------------


class _UnderPath(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under `mount`, as a pull-request preview is: a request for anything
    else (the site's root) is a 404, which the tests catch."""

    mount = "/preview/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if not path.startswith(self.mount):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.mount) :])


def serve_under(directory, mount: str, port: int | None = None):
    """Serve `directory` at http://127.0.0.1:PORT`mount`; returns (server, base URL)."""
    port = port or free_port()
    handler = functools.partial(type("Handler", (_UnderPath,), {"mount": mount}), directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{port}{mount}"


@pytest.fixture(scope="module")
def elsewhere(small_site):
    """The small site as built (for its test server's address) served on another port under /preview/."""
    httpd, base = serve_under(small_site.site, "/preview/")
    yield base
    httpd.shutdown()


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The small site built as the preview workflow builds it, for its own address under a
    sub-path (SITE_URL .../pr-preview/pr-7/), and served there."""
    port = free_port()
    mount = "/rusteloze-benen/pr-preview/pr-7/"
    project = fixture_project(tmp_path_factory.mktemp("preview") / "project")
    result = build_in_process(project, {"SITE_URL": f"http://127.0.0.1:{port}{mount}", "RLS_TODAY": FIXTURE_TODAY})
    assert result.ok, result.output
    httpd, base = serve_under(result.site, mount, port)
    yield base
    httpd.shutdown()


def works_under(page, base: str) -> tuple[list[str], list[str]]:
    """Every page in both languages, then a search, its result, the language link and the
    self-check, all from `base`: (problems, every URL requested)."""
    problems, seen = [], []
    page.on("request", lambda request: seen.append(request.url))
    page.on("response", lambda response: response.status >= 400 and problems.append(f"{response.status} {response.url}"))
    # A request the browser itself cancels when the reader moves on (net::ERR_ABORTED) is no broken one.
    page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED" and problems.append(f"failed {request.url}"))
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    for prefix in PREFIXES.values():
        for path in SMALL_PAGES:
            page.goto(base + prefix + path)
            page.wait_for_load_state("networkidle")
    page.goto(base + "over/")
    search_from_the_header(page, "klachten")
    found = result_links(page)
    mount = urlsplit(base).path
    assert found and all(path.startswith(mount) for path in found), found
    page.locator("[data-search-results] li a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(base)
    page.locator('.md-header a.site-language[hreflang="en"]').click()
    expect(page).to_have_url(re.compile("^" + re.escape(base + "en/")))
    page.wait_for_load_state("networkidle")
    page.goto(base + "symptomen/")
    page.locator("#selfcheck-urge-yes").check()
    page.goto(base + "bestaat-niet/")  # the 404 page, from the sub-path
    problems[:] = [problem for problem in problems if not problem.startswith(f"404 {base}bestaat-niet/")]
    expect(page.locator("h1")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    return problems, seen


def test_the_site_works_from_another_address_without_a_failed_request(page, elsewhere, small_server):
    site_url = small_server
    problems, seen = works_under(page, elsewhere)
    assert problems == []
    assert not [url for url in seen if url.startswith(site_url)], "a request went to the address the site was built for"
    assert outside_hosts(seen) == []
    # Canonical and hreflang stay absolute to the site's own address.
    page.goto(elsewhere + "symptomen/")
    assert page.locator('link[rel="canonical"]').get_attribute("href") == site_url + "symptomen/"


def test_a_pull_request_preview_works_under_its_sub_path(page, preview):
    """Built for its own address under a sub-path, as .github/workflows/preview.yml builds it."""
    problems, seen = works_under(page, preview)
    assert problems == []
    assert [url for url in seen if not url.startswith(preview)] == []  # nothing from the root or elsewhere
    page.goto(preview)
    assert page.locator('link[rel="canonical"]').get_attribute("href") == preview
    assert page.locator('link[rel="alternate"][hreflang="en"]').get_attribute("href") == preview + "en/"


# --- More results than fit on one screen -------------------------------------------------------


@pytest.fixture(scope="module")
def larger_site(tmp_path_factory):
    """A copy of the small site with 12 more pages in each language (copies of its home page, in
    the navigation), built and served: a search for a word of the home page finds 13 pages."""
    project = fixture_project(tmp_path_factory.mktemp("larger") / "project")
    names = [f"extra-{number:02d}" for number in range(1, 13)]
    for name in names:
        for suffix in (".md", ".en.md"):
            text = (project / "docs" / f"index{suffix}").read_text(encoding="utf-8")
            (project / "docs" / f"{name}{suffix}").write_text(text.replace("title: ", f"title: {name} ", 1), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - over.md\n", "  - over.md\n" + "".join(f"  - {n}.md\n" for n in names), 1),
        encoding="utf-8",
    )
    port = free_port()
    result = build_in_process(project, {"SITE_URL": f"http://127.0.0.1:{port}/", "RLS_TODAY": FIXTURE_TODAY})
    assert result.ok, result.output
    handler = functools.partial(_Quiet, directory=str(result.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/"
    httpd.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_more_results_come_five_at_a_time_and_focus_moves_to_the_first_new_one(page, larger_site):
    page.goto(larger_site + "zoeken/#q=inspanning")
    results = page.locator("[data-search-results] li")
    expect(results).to_have_count(5)
    status = page.locator("[data-search-status]")
    expect(status).to_contain_text(re.compile(r"^13 pagina's gevonden met ‘inspanning’\.$"))
    total = int(status.text_content().split()[0])
    more = page.locator("[data-search-more]")
    shown = 5
    while shown < total:
        expect(more).to_be_visible()
        more.focus()
        page.keyboard.press("Enter")
        expect(results.nth(shown).locator("a")).to_be_focused()
        shown = min(shown + 5, total)
        expect(results).to_have_count(shown)
    expect(more).to_be_hidden()
