"""Hook: what Material gets wrong for a bilingual site, repaired in the built HTML.

- `hreflang` alternate links become absolute, with an `x-default` pointing at the Dutch page
  (search engines reject relative ones).
- Each language gets its own search index, so a reader only finds pages in their language
  (mkdocs-static-i18n merges every language into one index).
- Material's JavaScript fetches `sitemap.xml` next to every alternate link (it wants it for
  switching language, which our switcher already does per page). Each page's folder gets a
  sitemap of that one page, so no page causes a 404 and the files stay the same small size
  however large the site grows (a copy of the whole sitemap grew the site quadratically).
- mkdocs-static-i18n renders `404.html` once per language into the same file, so the last
  language won; the default language's page is put back at `/404.html` (the one hosts serve)
  and each other language's goes to its own folder (`/en/404.html`).

Events: `on_post_page` (alternate links, search scope); `on_post_template` (each language's
404 page, linking to the language home pages);
`on_post_build` (search indexes, sitemaps and 404 pages, once, after every language is built).
Pure functions, usable without MkDocs: `absolute_alternates`, `link_languages_home`, `scope_search_to_language`,
`split_search_index`, `page_sitemaps`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority

from languages import page_language, site_languages

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


def _prefixes(config) -> dict[str, str]:
    languages = site_languages(config)
    return {lang: ("" if index == 0 else f"{lang}/") for index, lang in enumerate(languages)}


def on_post_page(output, page, config):
    lang = page_language(page, config)
    prefix = _prefixes(config).get(lang, "")
    page_url = page.canonical_url or urljoin(config.site_url or "/", page.url)
    return scope_search_to_language(absolute_alternates(output, page_url, site_languages(config)[0]), prefix)


_not_found: dict[str, str] = {}


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        # The 404 page has no translation: its language links lead to each language's home page
        # (mkdocs-static-i18n leaves the links of the last page it built).
        base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        homes = {lang: base + prefix for lang, prefix in _prefixes(config).items()}
        output = absolute_alternates(link_languages_home(output, homes), config.site_url or "/", site_languages(config)[0])
        _not_found[config.theme.get("language") or site_languages(config)[0]] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested language build: the outer build does this once at the end
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if index_path.exists():
        for lang, index in split_search_index(json.loads(index_path.read_text(encoding="utf-8")), _prefixes(config)).items():
            target = site / _prefixes(config)[lang] / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for lang, html in _not_found.items():
        target = site / _prefixes(config).get(lang, "") / "404.html"
        target.write_text(html, encoding="utf-8")
    _not_found.clear()
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        for folder, text in page_sitemaps(sitemap.read_text(encoding="utf-8"), config.site_url or "/").items():
            if folder and (site / folder / "index.html").exists():  # the home page keeps the whole sitemap
                (site / folder / "sitemap.xml").write_text(text, encoding="utf-8")
