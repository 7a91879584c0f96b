"""Reading a built page (rls_site.checks.built_page): as a browser reads it, lines as written."""

from __future__ import annotations

import json

import pytest

from check_samples import (
    MATERIAL_PAGE,
    built,
)
from rls_site.checks.built_page import NAVIGATION_PLACEHOLDER, line_in_page, read_page, without_navigation

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


def test_a_built_page_is_read_as_a_browser_reads_it():
    page = read_page(built('<a href="https://x.example/" HREF="https://y.example/">x &amp; y</a><p id="z">Tekst</p>', {"a": 1}))
    assert page.lang == "nl" and page.canonical == "https://rls.example/a/"
    assert [link.attrs["href"] for link in page.links] == ["https://x.example/"]  # a repeated attribute keeps its first value
    assert page.text_of(page.links[0]) == "x & y" and page.links[0].line == 6
    assert json.loads(page.json_ld[0][1]) == {"a": 1} and page.json_ld[0][0] == 4
    assert page.shows("x & y Tekst De informatie op deze site is algemeen.") and not page.shows('"a": 1')


NAVIGATION = '<div class="md-sidebar md-sidebar--primary"><nav>\n<a href="../a/">A</a>\n</nav></div>'


def test_the_navigation_is_set_aside_while_a_page_is_read():
    rest, navigation = without_navigation(MATERIAL_PAGE)
    assert navigation == NAVIGATION
    assert NAVIGATION_PLACEHOLDER in rest and "../a/" not in rest and "md-sidebar--secondary" in rest
    # A problem is reported on its line in the written file.
    link = read_page(rest).links[-1]
    assert (
        link.attrs["href"] == "https://example.org/"
        and line_in_page(link.line, rest, navigation) == 3 == read_page(MATERIAL_PAGE).links[-1].line
    )
    assert line_in_page(1, rest, navigation) == 1 and line_in_page(None, rest, navigation) is None
    for html in ("<p>404</p>", '<div class="md-sidebar md-sidebar--primary">never closed'):
        assert without_navigation(html) == (html, "")
