"""What Material gets wrong for a bilingual site, repaired in the built HTML (hooks/seo.py).

- `hreflang` alternate links become absolute, with an `x-default` pointing at the Dutch page
  (search engines reject relative ones).
- Each language gets its own search index, so a reader only finds pages in their language
  (mkdocs-static-i18n merges every language into one index).
- Material's JavaScript fetches `sitemap.xml` next to every alternate link; each page's folder
  gets a sitemap of that one page, so no page causes a 404.
- the 404 page's language links lead to each language's home page.
Only the page's head and Material's configuration script are read and written: the time per page
stays the same however large the navigation grows.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

_ALTERNATE = re.compile(r'<link rel="alternate" href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]+)">')
_HREFLANG = re.compile(r'<(?:link rel="alternate"|a) href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]+)"')
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")(?P<base>[^"]*)(")')


def absolute_alternates(html: str, page_url: str, default_lang: str) -> str:
    """Make the head's hreflang links absolute and add x-default (the default language's page)."""
    # Only the head is read and written: the time per page stays the same however large Material's
    # navigation (in the body, on every page) grows with the site.
    head_end = html.find("</head>")
    original = head = html if head_end < 0 else html[:head_end]
    default_href = None

    def absolute(match: re.Match) -> str:
        nonlocal default_href
        href = urljoin(page_url, match.group("href"))
        if match.group("lang") == default_lang:
            default_href = href
        return f'<link rel="alternate" href="{href}" hreflang="{match.group("lang")}">'

    head = _ALTERNATE.sub(absolute, head)
    if default_href and 'hreflang="x-default"' not in head:
        last = list(_ALTERNATE.finditer(head))[-1]
        head = head[: last.end()] + f'\n<link rel="alternate" href="{default_href}" hreflang="x-default">' + head[last.end() :]
    # replace() copies the page once; slicing off its body would copy (and re-read) it twice.
    return html.replace(original, head, 1)


def link_languages_home(html: str, homes: dict[str, str]) -> str:
    """Point every hreflang link (head and language switcher) at its language's home page."""

    def home(match: re.Match) -> str:
        lang = match.group("lang")
        return match.group(0).replace(f'href="{match.group("href")}"', f'href="{homes[lang]}"', 1) if lang in homes else match.group(0)

    return _HREFLANG.sub(home, html)


def scope_search_to_language(html: str, lang_prefix: str) -> str:
    """Point Material's base (where it loads the search index) at the language's own root."""
    # Material writes its configuration once, at the end of the body: matched there, without
    # running the pattern over the page.
    start = html.rfind('<script id="__config"')
    match = _CONFIG_BASE.match(html, start) if lang_prefix and start >= 0 else None
    if match is None:
        return html
    base = f"{match.group(1)}{match.group('base').rstrip('/')}/{lang_prefix}{match.group(3)}"
    # The first occurrence is this one (in text it would be escaped); replace() copies the page
    # once, cheaper than joining slices of it.
    return html.replace(match.group(), base, 1)


def split_search_index(index: dict, prefixes: dict[str, str]) -> dict[str, dict]:
    """One search index per language from the merged one; prefixes maps language -> 'en/' or ''."""
    split = {}
    others = [p for p in prefixes.values() if p]
    for lang, prefix in prefixes.items():
        if prefix:
            docs = [{**doc, "location": doc["location"][len(prefix) :]} for doc in index["docs"] if doc["location"].startswith(prefix)]
        else:
            docs = [doc for doc in index["docs"] if not doc["location"].startswith(tuple(others))]
        split[lang] = {**index, "config": {**index["config"], "lang": [lang]}, "docs": docs}
    return split


_SITEMAP_URL = re.compile(r"[ \t]*<url>\s*<loc>(?P<loc>[^<]+)</loc>.*?</url>\n?", re.DOTALL)


def page_sitemaps(sitemap: str, site_url: str) -> dict[str, str]:
    """A sitemap of one page for each page in `sitemap`, keyed by its folder ('' for the home page)."""
    head = sitemap[: sitemap.find("<url>")].rstrip(" \t")  # the XML declaration and <urlset ...>
    return {
        match.group("loc").removeprefix(site_url): head + match.group(0) + "</urlset>\n"
        for match in _SITEMAP_URL.finditer(sitemap)
        if match.group("loc").startswith(site_url)
    }
