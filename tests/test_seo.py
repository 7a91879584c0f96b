"""What Material gets wrong for a bilingual site: hreflang, one sitemap with alternates, meta
descriptions and canonical URLs. Plain functions and the built site."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from conftest import FIXTURE_TODAY, build_in_process, pages
from rls_site.seo import absolute_alternates, language_sitemaps, link_languages_home

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


def test_one_sitemap_lists_every_page_of_every_language_with_its_alternates(site, site_url):
    """Google's format: each address once, with an xhtml:link for the page in every language."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    entries = {
        url.find("s:loc", namespace).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespace)}
        for url in root.findall("s:url", namespace)
    }
    built = pages(site)
    expected = {site_url + p.removesuffix("index.html") for p in built["nl"]} | {
        site_url + "en/" + p.removesuffix("index.html") for p in built["en"]
    }
    assert set(entries) == expected
    for loc, alternates in entries.items():
        dutch = loc.replace(site_url + "en/", site_url)
        assert alternates == {"nl": dutch, "en": dutch.replace(site_url, site_url + "en/", 1)}, loc


def test_no_sitemap_but_the_one_at_the_root(site):
    """Material's language switcher fetched a sitemap next to each alternate; nothing fetches them now."""
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("sitemap.xml*")) == ["sitemap.xml", "sitemap.xml.gz"]
    assert language_sitemaps({"nl": "", "en": "en/"}) == ["en/sitemap.xml", "en/sitemap.xml.gz"]


def test_language_links_of_a_page_without_translation_go_home():
    html = HEAD + '\n<a href="../zelf-doen/" hreflang="en" lang="en" class="md-header__button site-language">'
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


def test_only_a_preview_asks_search_engines_not_to_index_it(site, small_project):
    """A pull-request preview (RLS_PREVIEW, .github/workflows/preview.yml) holds unreviewed text."""
    assert not any('name="robots"' in path.read_text(encoding="utf-8") for path in site.rglob("*.html"))
    preview = build_in_process(small_project, {"RLS_PREVIEW": "true", "RLS_TODAY": FIXTURE_TODAY})
    assert preview.ok, preview.output
    for path in ("index.html", "en/symptomen/index.html", "404.html"):
        assert '<meta name="robots" content="noindex, nofollow">' in (preview.site / path).read_text(encoding="utf-8"), path
