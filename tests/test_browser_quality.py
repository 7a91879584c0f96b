"""Every page in a real Chromium: no console error, no failed request, nothing from another host
(search: tests/test_browser_search.py; accessibility, axe and WCAG 2.2: tests/test_browser_wcag.py)."""

from __future__ import annotations

import pytest

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
