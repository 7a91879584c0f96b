"""Nothing loaded from another site, links to other sites with rel (rls_site.checks.external_links)."""

from __future__ import annotations

import pytest

from check_samples import (
    built,
    rules,
)
from rls_site.checks.built_page import read_page
from rls_site.checks.external_links import check_external_links, check_external_resources
from rls_site.urls import is_external

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


def test_nothing_on_a_page_loads_from_another_site():
    body = (
        '<img src="https://img.example/a.png"><img srcset="/a.png 1x, //cdn.example/b.png 2x">'
        '<link rel="stylesheet" href="https://fonts.example/c.css"><link rel="alternate" href="https://rls.example/en/">'
        '<video poster="https://v.example/p.jpg"></video><form action="https://f.example/send"></form>'
        '<p style="background: url(&quot;https://bg.example/x.png&quot;)">t</p><style>@import "https://s.example/d.css";</style>'
        '<a href="https://elsewhere.example/" rel="noopener noreferrer">a link is not a load</a><img src="/assets/own.png">'
        '<meta http-equiv="refresh" content="0; url=https://r.example/">'
    )
    found = [(e.rule, e.problem.split(" loads")[0]) for e in check_external_resources(read_page(built(body)), "site/a/index.html")]
    assert found == [
        ("external-resource", "<img src=...>"),
        ("external-resource", "<img srcset=...>"),
        ("external-resource", "<link href=...>"),
        ("external-resource", "<video poster=...>"),
        ("external-resource", "<form action=...>"),
        ("external-resource", "CSS in <p>"),
        ("external-resource", "CSS in <style>"),
        ("external-resource", "<meta content=...>"),
    ]


def test_external_links_must_have_noopener_noreferrer():
    html = built(
        '<a href="https://x.example/" class="k" rel="nofollow noopener noreferrer">x</a> <a href="../b/">b</a> <a href="https://rls.example/c/">c</a>'
        ' <a href="https://y.example/">y</a>'
    )
    assert rules(check_external_links(read_page(html), "site/a/index.html")) == [("external-link-rel", 6)]


def test_a_page_without_canonical_link_treats_every_absolute_link_as_external():
    assert is_external("https://rls.example/", None) and not is_external("/en/", None)
