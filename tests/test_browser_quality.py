"""Every page in a real Chromium: no console error, no failed request, nothing from another host
(search: tests/test_browser_search.py; accessibility, axe and WCAG 2.2: tests/test_browser_wcag.py)."""

from __future__ import annotations

import pytest

from conftest import outside_hosts

pytestmark = pytest.mark.browser


def test_no_console_error_or_failed_request_on_any_page(every_page_read):
    assert every_page_read.requests  # every page was opened
    assert every_page_read.problems == []
    assert outside_hosts(every_page_read.requests) == []
