"""Every page in a real Chromium: no console error, no failed request, no accessibility violation
(search: tests/test_browser_search.py)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import outside_hosts, pages

pytestmark = pytest.mark.browser


def all_urls(site, server):
    built = pages(site)
    return [server + p.removesuffix("index.html") for p in built["nl"]] + [
        server + "en/" + p.removesuffix("index.html") for p in built["en"]
    ]


def test_no_console_error_or_failed_request_on_any_page(page, site, server, requests_seen):
    problems = []
    page.on(
        "console", lambda message: message.type in ("error", "warning") and problems.append(f"{page.url}: {message.type}: {message.text}")
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on("response", lambda response: response.status >= 400 and problems.append(f"{response.status} {response.url}"))
    page.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    for url in [*all_urls(site, server), server + "404.html"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert problems == []
    assert outside_hosts(requests_seen) == []


@pytest.mark.parametrize("system", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(page, site, server, system):
    """In both colour schemes: the dark one has its own contrast to get right."""
    page.emulate_media(color_scheme=system)
    axe = Axe()
    report = []
    for url in [*all_urls(site, server), server + "404.html"]:
        page.goto(url)
        results = axe.run(page)
        if results.violations_count:
            report.append(f"{url}\n{results.generate_report()}")
    assert report == [], "\n".join(report)
