"""Partner links (rls_site.checks.partners, rls_site.urls, rls_site.data.partners): in Markdown, in built HTML, in the partners file."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from check_samples import (
    NOTICE,
    PARTNER_LINK,
    READERS,
    built,
    rules,
)
from rls_site.checks.partners import check_partner_html
from rls_site.data.partners import validate_partners
from rls_site.data.yaml_file import parse_yaml
from rls_site.errors import ContentError, ContentErrors
from rls_site.markdown.links import check_partner_markdown, find_links, is_partner_host
from rls_site.markdown.text import KNOWN_MARKERS, find_markers
from rls_site.urls import host_of

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


def partner_problems(markdown: str, hosts=("shop.example",)) -> list[tuple[str, int | None]]:
    return rules(check_partner_markdown(markdown, "docs/x.md", list(hosts), find_markers(markdown, "docs/x.md")))


def test_partner_hosts_include_subdomains_only():
    assert host_of("https://WWW.Shop.Example/x?y") == "www.shop.example"
    assert host_of("//shop.example/x") == "shop.example"
    assert host_of("zelf-doen.md") is None and host_of("mailto:a@shop.example") is None
    assert is_partner_host("www.shop.example", ["shop.example"])
    assert not is_partner_host("notshop.example", ["shop.example"]) and not is_partner_host(None, ["shop.example"])


def host_by_urlsplit(url: str) -> str | None:
    """host_of without its shortcut for URLs that cannot have a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return None
    return (parts.hostname or "").lower() or None


@pytest.mark.parametrize(
    "url", ["../oorzaken/", "/\t/shop.example/x", "ht\ntps://a.example", " //a.example", "https:/a.example", "http://[::1", "#x", ""]
)
def test_host_of_skips_parsing_only_urls_without_a_host(url):
    assert host_of(url) == host_by_urlsplit(url)


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("/:.ahtps\t\n\r x[]@%?#"), max_size=16))
def test_host_of_agrees_with_urlsplit_on_any_text(url):
    assert host_of(url) == host_by_urlsplit(url)


def test_links_are_found_in_every_form_with_their_mark():
    markdown = '[a](https://a.example){ .partner }\n[b](https://b.example "titel"){: .partner #id}\n[c][r]\n\n[r]: https://c.example\n<https://d.example>\n<a href="https://e.example">e</a>\n![plaatje](https://f.example/p.png)\n`[g](https://g.example)`\n'
    found = [(link.host, link.line, link.marked, link.inline) for link in find_links(markdown)]
    assert found == [
        ("a.example", 1, True, True),
        ("b.example", 2, True, True),
        ("c.example", 5, False, False),
        ("d.example", 6, False, False),
        ("e.example", 7, False, False),
    ]


def test_a_marked_partner_link_after_the_notice_passes():
    assert partner_problems(f"{NOTICE}\n\nKoop het bij {PARTNER_LINK}.\n") == []
    assert partner_problems(f"{NOTICE}\n\nKoop het bij [een\nwinkel](https://shop.example/x){{ .partner }}.\n") == []


def test_link_text_wraps_lines_but_not_paragraphs():
    assert [link.line for link in find_links("Tekst [een\nwinkel](https://a.example/x)\n")] == [1]
    assert find_links("[een\n\nwinkel](https://a.example/x)\n") == []


@pytest.mark.parametrize(
    "markdown, expected",
    [
        (f"{NOTICE}\n\nKoop bij [winkel](https://shop.example/x).\n", [("partner-link-unmarked", 3)]),
        (f"{NOTICE}\n\n[winkel][w]\n\n[w]: https://shop.example/x\n", [("partner-link-unmarked", 5)]),
        (f'{NOTICE}\n\n<a href="https://shop.example/x" class="partner">w</a>\n', [("partner-link-unmarked", 3)]),
        (f"{NOTICE}\n\n[andere](https://other.example/x){{ .partner }}\n", [("partner-link-unknown", 3)]),
        (f"Koop bij {PARTNER_LINK}.\n", [("partner-notice-missing", 1)]),
        (f"Koop bij {PARTNER_LINK}.\n\n{NOTICE}\n", [("partner-notice-late", 3)]),
        (f"{NOTICE}\n\nGeen partnerlinks hier.\n", [("partner-notice-unused", 1)]),
        (f"{NOTICE}\n{NOTICE}\n\n{PARTNER_LINK}\n", [("partner-notice-marker", 2)]),
        ("<!-- md:partner-notice boven -->\n\n" + PARTNER_LINK + "\n", [("partner-notice-marker", 1)]),
        (f"- {NOTICE}\n\n{PARTNER_LINK}\n", [("partner-notice-marker", 1)]),
        (f"    {NOTICE}\n\n{PARTNER_LINK}\n", [("partner-notice-marker", 1)]),
        (f"Tekst {NOTICE} tekst\n\n{PARTNER_LINK}\n", [("partner-notice-marker", 1)]),
    ],
)
def test_partner_link_mistakes(markdown, expected):
    assert partner_problems(markdown) == expected


def test_without_partners_a_marked_link_is_still_unknown():
    assert partner_problems(f"{NOTICE}\n\n{PARTNER_LINK}\n", hosts=()) == [("partner-link-unknown", 3)]
    assert partner_problems("[winkel](https://shop.example/x)\n", hosts=()) == []


def test_partner_links_in_code_do_not_count():
    assert partner_problems(f"```\n{PARTNER_LINK}\n```\n") == []


def test_the_notice_marker_is_known():
    assert "partner-notice" in KNOWN_MARKERS


def test_partners_file_lists_hosts():
    assert validate_partners(parse_yaml("partners: []\n", "data/partners.yml")) == []
    assert validate_partners(parse_yaml("partners:\n  - host: Shop.example\n    name: Winkel\n", "data/partners.yml")) == ["shop.example"]


@pytest.mark.parametrize(
    "text, line",
    [
        ("partners:\n  - host: https://shop.example/\n    name: Winkel\n", 2),
        ("partners:\n  - host: shop.example\n", 2),
        ("partners:\n  - shop.example\n", 2),
        ("partners:\n  - {host: a.example, name: A}\n  - {host: a.example, name: B}\n", 3),
        ("partner: []\n", 1),
        ("partners:\n", 1),
    ],
)
def test_partners_file_mistakes(text, line):
    with pytest.raises((ContentError, ContentErrors)) as caught:
        validate_partners(parse_yaml(text, "data/partners.yml"))
    assert rules(getattr(caught.value, "errors", [caught.value])) == [("partners-data", line)]


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            '<div class="partner-notice">n</div><a href="https://shop.example/k" rel="noopener noreferrer">W</a> (partnerlink)',
            ["partner-link-unmarked"],
        ),
        (
            '<div class="partner-notice">n</div><a class="partner" href="https://other.example/k" rel="sponsored noopener noreferrer">W</a> (partnerlink)',
            ["partner-link-unknown"],
        ),
        (
            '<div class="partner-notice">n</div><a class="partner" href="https://shop.example/k" rel="noopener">W</a> (partnerlink)',
            ["partner-link-rel"],
        ),
        (
            '<div class="partner-notice">n</div><a class="partner" href="https://shop.example/k" rel="sponsored noopener noreferrer">W</a> en meer tekst',
            ["partner-link-label"],
        ),
        (
            '<a class="partner" href="https://shop.example/k" rel="sponsored noopener noreferrer">W</a> (partnerlink)<div class="partner-notice">n</div>',
            ["partner-notice-missing"],
        ),
        ('<div class="partner-notice">n</div>', ["partner-notice-unused"]),
    ],
)
@pytest.mark.parametrize("read", READERS)
def test_partner_link_mistakes_in_built_html(body, expected, read):
    errors = check_partner_html(read(built(body)), "site/a/index.html", ["shop.example"], "partnerlink")
    assert [e.rule for e in errors] == expected and errors[0].line == 6
