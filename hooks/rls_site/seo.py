"""What Material gets wrong for a bilingual site, repaired in the built HTML (hooks/seo.py).

- `hreflang` alternate links become absolute, with an `x-default` pointing at the Dutch page
  (search engines reject relative ones).
- the 404 page's language links lead to each language's home page.
- one sitemap, `sitemap.xml` at the site's root (mkdocs-static-i18n's, every page with its
  `hreflang` alternates): the copy the other languages' builds write in their folder goes.
Only the page's head is read and written: the time per page stays the same however large the
navigation grows.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

_ALTERNATE = re.compile(r'<link rel="alternate" href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]+)">')
_HREFLANG = re.compile(r'<(?:link rel="alternate"|a) href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]+)"')


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


def language_sitemaps(prefixes: dict[str, str]) -> list[str]:
    """The sitemaps the other languages' builds write in their folders ('en/sitemap.xml', ...):
    the one at the root lists every page of every language already, with its alternates."""
    return [f"{prefix}{name}" for prefix in prefixes.values() if prefix for name in ("sitemap.xml", "sitemap.xml.gz")]
