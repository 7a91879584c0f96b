"""The built site: both languages complete, navigation complete, front matter complete, no third parties."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

from conftest import ROOT, nav_pages, pages
from rls_site.checks.built_page import read_page

DOCS = ROOT / "docs"
# The real site's pages as its menu lists them (mkdocs.yml), whatever pages the editors add.
SECTIONS = nav_pages(ROOT)
SEARCH_PAGE = "zoeken/"  # reached from the search form, not the navigation
PAGES = SECTIONS + [SEARCH_PAGE]
REQUIRED_FRONT_MATTER = ("title", "description", "last_reviewed", "reviewed_by", "next_review")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{path.name} has no front matter"
    return yaml.safe_load(match.group(1))


def test_every_dutch_page_has_an_english_page_and_the_reverse(site):
    built = pages(site)
    assert built["nl"] == built["en"]
    assert {p.removesuffix("index.html") for p in built["nl"]} == set(PAGES)


def test_every_source_page_exists_in_both_languages():
    dutch = {p.name.removesuffix(".md") for p in DOCS.glob("*.md") if not p.name.endswith(".en.md")}
    english = {p.name.removesuffix(".en.md") for p in DOCS.glob("*.en.md")}
    assert dutch == english


def test_every_page_has_title_description_and_review_fields():
    for path in DOCS.glob("*.md"):
        meta = front_matter(path)
        if path.name.startswith("zoeken."):  # the search page is no health information: no review
            assert meta.get("template") == "search-page.html" and not {"last_reviewed", "next_review"} & set(meta), path.name
            required = ("title", "description")
        else:
            required = REQUIRED_FRONT_MATTER
        missing = [key for key in required if not meta.get(key)]
        assert not missing, f"{path.name} lacks {missing}"


def test_navigation_lists_every_section_in_both_languages(site):
    for prefix in ("", "en/"):
        for section in SECTIONS:
            html = (site / prefix / section / "index.html").read_text(encoding="utf-8")
            primary = html.split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
            here = f"http://site/{prefix}{section}"
            targets = {urljoin(here, href) for href in re.findall(r'<a href="([^"#]*)"[^>]*class="md-nav__link', primary)}
            expected = {f"http://site/{prefix}{target}" for target in SECTIONS}
            assert expected <= targets, f"{prefix}{section}: navigation lacks {expected - targets}"


def test_pages_are_in_the_right_language(site):
    for prefix, lang in (("", "nl"), ("en/", "en")):
        for section in SECTIONS:
            html = (site / prefix / section / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, f"{prefix}{section} is not marked as {lang}"


def switcher_target(html: str, here: str, lang: str) -> str:
    href = re.search(rf'<a href="([^"]*)" hreflang="{lang}" lang="{lang}" class="md-header__button site-language"', html).group(1)
    return urlparse(urljoin(here, href)).path


def test_language_switcher_points_at_the_same_page(site):
    for section in PAGES:
        dutch = (site / section / "index.html").read_text(encoding="utf-8")
        english = (site / "en" / section / "index.html").read_text(encoding="utf-8")
        assert switcher_target(dutch, f"http://site/{section}", "en") == f"/en/{section}"
        assert switcher_target(english, f"http://site/en/{section}", "nl") == f"/{section}"


def test_no_page_loads_anything_from_another_host(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for url in re.findall(rf"<{tag}\b[^>]*\b{attr}=\"([^\"]+)\"", html):
                if tag == "link" and re.search(r'rel="(alternate|canonical)"', html[html.find(url) - 200 : html.find(url)]):
                    continue  # links for search engines, never fetched by the browser
                assert not re.match(r"^(https?:)?//", url), f"{path}: {tag} loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_site_sets_no_cookie_and_has_no_analytics(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "document.cookie" not in html
        assert "gtag(" not in html and "googletagmanager" not in html


def test_edit_link_is_at_the_end_and_points_at_the_page_file_in_each_language(site):
    """For editors, out of the reader's way: no button beside the title, a small link at the end."""
    labels = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
    for prefix, lang, suffix in (("", "nl", ".md"), ("en/", "en", ".en.md")):
        for section in SECTIONS:
            html = (site / prefix / section / "index.html").read_text(encoding="utf-8")
            source = (section.rstrip("/") or "index") + suffix
            if not (DOCS / source).exists():  # a page in a folder: folder/index.md
                source = section + "index" + suffix
            assert "md-content__button" not in html
            edit = re.search(r'<p class="site-edit-link"><a href="([^"]+)" rel="edit noopener noreferrer">([^<]+)</a></p>', html)
            assert edit.group(1).endswith(f"/edit/main/docs/{source}") and edit.group(2).startswith(
                labels[lang]["edit_page"].split(" (")[0]
            )
            assert html.index("site-edit-link") > html.index("data-review-dates")


def test_no_repository_widget_that_would_call_a_third_party_api(site):
    for path in site.rglob("*.html"):
        assert 'data-md-component="source"' not in path.read_text(encoding="utf-8"), path


def test_every_script_file_waits_until_the_page_is_read(site):
    """The site's scripts load with `defer`, so the text is painted before they run."""
    for path in site.rglob("*.html"):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text(encoding="utf-8"))
        assert tags, f"{path}: no script files at all (has the scripts block changed?)"
        undeferred = [tag for tag in tags if not re.search(r"\bdefer\b", tag)]
        assert undeferred == [], f"{path}: {undeferred}"


def test_no_page_loads_materials_javascript(site):
    """Only the site's own small scripts: Material's bundle, its search worker and its
    configuration for them are on no page (overrides/main.html)."""
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "assets/javascripts/" not in html and 'id="__config"' not in html and "__md_" not in html, path
    assert not (site / "search").exists() and not (site / "en" / "search").exists(), "Material's search index is back"


def test_only_content_pages_are_marked_for_the_search_index(built_site):
    """Pagefind indexes what is inside data-pagefind-body: a content page's text, without its
    review dates, its edit link and its own source list (rls_site.search)."""
    root, site = built_site
    ignored = 0
    for lang, paths in pages(site).items():
        for path in paths:
            page = read_page((site / ("en/" if lang == "en" else "") / path).read_text(encoding="utf-8"))
            bodies = page.select("//*[@data-pagefind-body]")
            if path.startswith("zoeken/"):
                assert bodies == [], path
                continue
            assert len(bodies) == 1, path
            assert (
                page.select("//*[@data-pagefind-body]//*[@data-review-dates] | //*[@data-pagefind-body]//*[@class='site-edit-link']") == []
            ), path
            assert page.select("//*[@data-review-dates]"), path
            parts = page.select(
                "//*[@data-pagefind-body]//a[contains(@class, 'md-content__button')]"
                " | //*[@data-pagefind-body]//h2[@id='bronnen'] | //*[@data-pagefind-body]//ol[contains(@class, 'references')]"
            )
            assert all("data-pagefind-ignore" in element.attrs for element in parts), path
            ignored += len(parts)
    if root != ROOT:  # the small site: a source list and its heading on 'index' and 'symptomen', in both languages
        assert ignored == 2 * 4
    for not_found in ("404.html", "en/404.html"):
        assert read_page((site / not_found).read_text(encoding="utf-8")).select("//*[@data-pagefind-body]") == []


def summaries_and_cards(site: Path, prefix: str, section: str):
    built = read_page((site / prefix / section / "index.html").read_text(encoding="utf-8"))
    return built, built.with_class("site-summary"), built.select("//div[contains(@class, 'care-card ')]")


def test_summaries_and_care_cards_are_in_place_and_alike_in_both_languages(built_site):
    """A page's summary comes right under its title; each care card names its urgency for screen
    readers; the Dutch and the English page have the same parts; every "Do not" item says not."""
    root, site = built_site
    found = {}
    for section in nav_pages(root):
        for prefix in ("", "en/"):
            built, summaries, cards = summaries_and_cards(site, prefix, section)
            where = prefix + section or "home"
            assert len(summaries) <= 1, where
            if summaries:
                # Right under the title: the first element after the page's h1.
                heading = built.select("//h1")[0].node
                assert heading.getnext() is summaries[0].node, where
                assert len(summaries[0].node.findall(".//li")) >= 1, where
            for card in cards:
                heading = card.node.find("h3") if card.node.find("h3") is not None else card.node.find("h2")
                assert heading is not None and heading.find("span[@class='care-card__urgency']") is not None, where
            for part in built.with_class("do-dont__part--dont"):
                assert all(re.search(r"\b(niet|geen|nooit|not|never|no)\b", "".join(li.itertext())) for li in part.node.iter("li")), where
            found[prefix, section] = (len(summaries), len(cards), len(built.with_class("do-dont__part--dont")))
        assert found["", section] == found["en/", section], f"{section or 'home'}: the languages have different parts"
    if root != ROOT:  # the small site's own pages
        assert {section: found["", section] for section in nav_pages(root)} == {
            "": (1, 1, 1),
            "symptomen/": (1, 3, 0),  # its care card, and two in the self-check
            "bronnen/": (0, 0, 0),
            "over/": (0, 0, 0),
        }
