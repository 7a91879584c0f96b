"""In a real Chromium: every section reachable through the navigation, the language link lands on
the same page in the other language on every page, and no request leaves 127.0.0.1."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import outside_hosts
from test_site import PAGES, SECTIONS

pytestmark = pytest.mark.browser


def click_navigation_link(page, url: str) -> None:
    """Click the link of the main navigation that leads to `url` (hrefs are relative)."""
    links = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    for index in range(links.count()):
        link = links.nth(index)
        if link.evaluate("a => a.href") == url and link.is_visible():
            link.click()
            return
    raise AssertionError(f"no visible navigation link to {url} on {page.url}")


def test_every_section_is_reachable_through_the_navigation(page, server, requests_seen):
    for prefix in ("", "en/"):
        page.goto(server + prefix)
        for section in SECTIONS[1:] + SECTIONS[:1]:
            click_navigation_link(page, server + prefix + section)
            expect(page).to_have_url(server + prefix + section)
            expect(page.locator("article h1")).to_be_visible()
    assert outside_hosts(requests_seen) == []


@pytest.mark.parametrize("section", PAGES)
def test_language_switch_lands_on_the_translation(page, server, requests_seen, section):
    for start, lang, other, other_prefix in (("", "nl", "en", "en/"), ("en/", "en", "nl", "")):
        page.goto(server + start + section)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        page.locator(f'.md-header a.site-language[hreflang="{other}"]').click()
        expect(page).to_have_url(server + other_prefix + section)
        expect(page.locator("html")).to_have_attribute("lang", other)
    assert outside_hosts(requests_seen) == []
