"""What Material gets wrong for a bilingual site: hreflang, sitemap fetches, search per language,
meta descriptions and canonical URLs. Plain functions and the built site."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

from conftest import pages
from rls_site.seo import absolute_alternates, link_languages_home, page_sitemaps, scope_search_to_language, split_search_index

HEAD = '<link rel="alternate" href="./" hreflang="nl">\n<link rel="alternate" href="../en/symptomen/" hreflang="en">'


def test_alternates_become_absolute_with_x_default():
    html = absolute_alternates(HEAD, "https://example.org/symptomen/", "nl")
    assert re.findall(r'href="([^"]+)" hreflang="([^"]+)"', html) == [
        ("https://example.org/symptomen/", "nl"),
        ("https://example.org/en/symptomen/", "en"),
        ("https://example.org/symptomen/", "x-default"),
    ]


def test_only_the_head_is_read_and_the_body_is_kept_byte_for_byte():
    body = '<body>\n<a href="../en/symptomen/" hreflang="en">English</a>\n' + HEAD + "\n</body></html>"
    html = absolute_alternates(f"<html><head>\n{HEAD}\n</head>{body}", "https://example.org/symptomen/", "nl")
    head, rest = html.split("</head>")
    assert 'href="https://example.org/en/symptomen/" hreflang="en"' in head and 'hreflang="x-default"' in head
    assert "</head>" + rest == "</head>" + body


def test_search_base_points_at_the_language_root():
    html = '<script id="__config" type="application/json">{"annotate": null, "base": "../..", "x": 1}</script>'
    assert '"base": "../../en/"' in scope_search_to_language(html, "en/")
    assert scope_search_to_language(html, "") == html
    page = "<p>text</p>\n" + html + "\n</body>"
    assert scope_search_to_language(page, "en/") == page.replace('"base": "../.."', '"base": "../../en/"')
    assert scope_search_to_language("<p>no configuration</p>", "en/") == "<p>no configuration</p>"


def test_search_index_is_split_per_language():
    merged = {
        "config": {"lang": ["nl", "en"]},
        "docs": [{"location": "", "title": "a"}, {"location": "en/", "title": "b"}, {"location": "en/x/#y", "title": "c"}],
    }
    split = split_search_index(merged, {"nl": "", "en": "en/"})
    assert [d["title"] for d in split["nl"]["docs"]] == ["a"]
    assert [d["location"] for d in split["en"]["docs"]] == ["", "x/#y"]
    assert split["en"]["config"]["lang"] == ["en"]


def test_every_page_has_absolute_hreflang_x_default_canonical_and_description(site, site_url):
    for lang, paths in pages(site).items():
        for path in paths:
            html = (site / ("en/" if lang == "en" else "") / path).read_text(encoding="utf-8")
            alternates = dict(
                (hreflang, href) for href, hreflang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html)
            )
            assert set(alternates) == {"nl", "en", "x-default"}, path
            assert all(href.startswith(site_url) for href in alternates.values()), path
            assert alternates["x-default"] == alternates["nl"]
            assert re.search(rf'<link rel="canonical" href="{re.escape(site_url)}[^"]*">', html), path
            description = re.search(r'<meta name="description" content="([^"]+)">', html)
            assert description and len(description.group(1)) > 40, path


def test_the_sitemap_material_fetches_exists_next_to_every_alternate(site, site_url):
    """A one-page sitemap next to each page (the whole one at the root): no 404, and its size
    does not grow with the site."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for lang, paths in pages(site).items():
        for path in paths:
            html = (site / ("en/" if lang == "en" else "") / path).read_text(encoding="utf-8")
            for href in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang=', html):
                sitemap = site / href.removeprefix(site_url) / "sitemap.xml"
                locs = [loc.text for loc in ElementTree.parse(sitemap).getroot().findall("s:url/s:loc", namespace)]
                if href == site_url:
                    assert len(locs) == len(pages(site)["nl"]) * 2, "the root keeps the whole sitemap"
                else:
                    assert locs == [href], sitemap


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
    <url>
        <loc>https://x.org/</loc>
        <xhtml:link rel="alternate" hreflang="en" href="https://x.org/en/"/>
    </url>
    <url>
        <loc>https://x.org/en/oorzaken/</loc>
        <lastmod>2026-11-25</lastmod>
        <xhtml:link rel="alternate" hreflang="nl" href="https://x.org/oorzaken/"/>
    </url>
</urlset>
"""


def test_page_sitemaps_cut_the_sitemap_into_one_page_each():
    parts = page_sitemaps(SITEMAP, "https://x.org/")
    assert list(parts) == ["", "en/oorzaken/"]
    assert parts["en/oorzaken/"] == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        "    <url>\n        <loc>https://x.org/en/oorzaken/</loc>\n        <lastmod>2026-11-25</lastmod>\n"
        '        <xhtml:link rel="alternate" hreflang="nl" href="https://x.org/oorzaken/"/>\n    </url>\n'
        "</urlset>\n"
    )
    for part in parts.values():
        ElementTree.fromstring(part.encode())


def test_each_language_has_its_own_search_index(site):
    dutch = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert dutch["config"]["lang"] == ["nl"] and english["config"]["lang"] == ["en"]
    assert not any(doc["location"].startswith("en/") for doc in dutch["docs"])
    titles = {doc["title"] for doc in english["docs"]}
    assert "Causes" in titles and "Oorzaken" not in titles


def test_language_links_of_a_page_without_translation_go_home():
    html = HEAD + '\n<a href="../zelf-doen/" hreflang="en" class="md-select__link">'
    out = link_languages_home(html, {"nl": "/", "en": "/en/"})
    assert re.findall(r'href="([^"]+)" hreflang="([^"]+)"', out) == [("/", "nl"), ("/en/", "en"), ("/en/", "en")]


def test_each_language_has_its_own_404_page_linking_to_the_home_pages(site, site_url):
    for prefix, lang in (("", "nl"), ("en/", "en")):
        html = (site / prefix / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        alternates = dict(
            (hreflang, href) for href, hreflang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html)
        )
        assert alternates == {"nl": site_url, "en": site_url + "en/", "x-default": site_url}
