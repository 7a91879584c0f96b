"""The link check over the built site (rls_site.checks.internal_links)."""

from __future__ import annotations

import pytest

from rls_site.checks.built_page import read_page
from rls_site.checks.internal_links import check_internal_links, page_links

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


def links_of(html: str, page: str = "a/index.html"):
    return page_links(read_page(html), page)


def test_links_within_the_site_are_resolved_as_a_browser_does():
    pages = {
        "index.html": links_of('<link rel="canonical" href="https://x.example/"><a href="a/">A</a><a href="a/#kop">kop</a>', "index.html"),
        "a/index.html": links_of(
            '<h2 id="kop">Kop</h2><a href="../">home</a><a href="#kop">hier</a><a href="../b">b</a>'
            '<img src="../img/x.svg" alt=""><a href="https://other.example/">elders</a><a href="mailto:a@b.example">mail</a>'
        ),
        "b/index.html": links_of('<a href="/a/#kop">root</a>', "b/index.html"),
    }
    files = ["index.html", "a/index.html", "b/index.html", "img/x.svg"]
    assert check_internal_links(pages, files) == []
    assert len(pages["a/index.html"].addresses) == 4  # other sites and mail are not the link check's


def test_a_missing_file_or_anchor_is_named_with_page_and_line():
    pages = {
        "index.html": links_of('<link rel="canonical" href="https://x.example/">\n<a href="weg/">weg</a>', "index.html"),
        "a/index.html": links_of('<p id="er">x</p>\n\n<a href="#niet">niet</a>\n<a href="../#ook-niet">ook niet</a>'),
    }
    found = [(e.file, e.rule, e.line, e.problem) for e in check_internal_links(pages, ["index.html", "a/index.html"])]
    assert found == [
        ("site/a/index.html", "link-broken", 3, "the link '#niet' leads to '#niet', which is not on this page."),
        ("site/a/index.html", "link-broken", 4, "the link '../#ook-niet' leads to '#ook-niet', which is not on index.html."),
        ("site/index.html", "link-broken", 2, "the link 'weg/' leads to weg/index.html, which is not in the built site."),
    ]


def test_a_site_built_for_a_sub_path_is_checked_under_it():
    """A pull-request preview: 404.html links from the root, under the preview's path."""
    home = links_of('<link rel="canonical" href="https://x.example/pr/7/"><a href="over/">over</a>', "index.html")
    missing = links_of('<a href="/pr/7/over/">over</a><a href="/over/">over</a>', "404.html")
    pages = {"index.html": home, "404.html": missing, "over/index.html": links_of("", "over/index.html")}
    found = [e.problem for e in check_internal_links(pages, ["index.html", "404.html", "over/index.html"])]
    assert home.base == "/pr/7/"
    assert found == ["the link '/over/' leads out of the site, which is published under /pr/7/."]


def test_addresses_with_a_query_an_escape_or_a_way_out_of_the_site():
    pages = {
        "index.html": links_of('<link rel="canonical" href="https://x.example/">', "index.html"),
        "a/index.html": links_of('<a href="../img/x%20y.svg?v=1">x</a>\n<a href="../../buiten/">buiten</a>\n<a href=".">hier</a>'),
    }
    found = [(e.line, e.problem) for e in check_internal_links(pages, ["index.html", "a/index.html", "img/x y.svg"])]
    assert found == [(2, "the link '../../buiten/' goes above the site's top folder.")]
