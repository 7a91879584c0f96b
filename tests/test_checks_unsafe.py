"""Unsafe content in a page's Markdown (rls_site.checks.unsafe)."""

from __future__ import annotations

import pytest

from check_samples import (
    rules,
)
from rls_site.checks.unsafe import check_unsafe

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.mark.parametrize(
    "markdown, rule, line",
    [
        ("Tekst\n\n<script>alert(1)</script>\n", "unsafe-html", 12),
        ("<SCRIPT src='x.js'></SCRIPT>\n", "unsafe-html", 10),
        ('<iframe src="https://video.example/x"></iframe>\n', "unsafe-html", 10),
        ('<object data="x.swf"></object>\n', "unsafe-html", 10),
        ('<embed src="x.swf">\n', "unsafe-html", 10),
        ('<span onclick="steel()">klik</span>\n', "unsafe-event-handler", 10),
        ('<img src="x.png"\n  onerror="steel()">\n', "unsafe-event-handler", 11),
        ('[klik](https://example.org){ onmouseover="steel()" }\n', "unsafe-event-handler", 10),
        ("[klik](javascript:alert(1))\n", "unsafe-javascript-url", 10),
        ("[klik]( JavaScript:alert(1) )\n", "unsafe-javascript-url", 10),
        ("[klik][x]\n\n[x]: javascript:alert(1)\n", "unsafe-javascript-url", 12),
        ('<a href="javascript:alert(1)">klik</a>\n', "unsafe-javascript-url", 10),
        ("<java\tscript:alert(1)>\n", "unsafe-javascript-url", 10),
    ],
)
def test_unsafe_content_is_found_with_its_line(markdown, rule, line):
    errors = check_unsafe(markdown, "docs/x.md", first_line=10)
    assert rules(errors) == [(rule, line)]


def test_unsafe_content_reports_the_line_of_each_problem():
    markdown = "# T\n\n<script>x()</script>\n\n[a](javascript:x())\n\n<b onclick='x()'>b</b>\n"
    assert rules(check_unsafe(markdown, "docs/x.md")) == [("unsafe-html", 3), ("unsafe-event-handler", 7), ("unsafe-javascript-url", 5)]


@pytest.mark.parametrize(
    "markdown",
    [
        "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```\n",
        "Schrijf nooit `<script>` of `onclick=` in een pagina.\n",
        "<!-- <script>alert(1)</script> -->\n",
        "Zet JavaScript: aan in je browser. Bewegen online=goed.\n",
        "[Afbeelding](plaatje.png){ .groot #online }\n",
        '<span data-onclick="x">tekst</span>\n',
    ],
)
def test_code_comments_and_prose_are_not_unsafe(markdown):
    assert check_unsafe(markdown, "docs/x.md") == []
