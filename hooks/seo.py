"""Hook: the repairs of rls_site.seo applied to the built site.

Events: `on_post_page` (alternate links); `on_post_template` (each language's 404 page, linking to
the language home pages); `on_post_build` (the 404 pages and the one sitemap, once, after every
language is built).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority

from rls_site.mkdocs_glue import nested, site_languages
from rls_site.seo import absolute_alternates, language_sitemaps, link_languages_home


def _prefixes(config) -> dict[str, str]:
    languages = site_languages(config)
    return {lang: ("" if index == 0 else f"{lang}/") for index, lang in enumerate(languages)}


def on_post_page(output, page, config):
    page_url = page.canonical_url or urljoin(config.site_url or "/", page.url)
    return absolute_alternates(output, page_url, site_languages(config)[0])


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


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config):
    if nested(config):
        return  # a nested language build: the outer build does this once at the end
    site = Path(config.site_dir)
    for lang, html in _not_found.items():
        target = site / _prefixes(config).get(lang, "") / "404.html"
        target.write_text(html, encoding="utf-8")
    _not_found.clear()
    for sitemap in language_sitemaps(_prefixes(config)):
        (site / sitemap).unlink(missing_ok=True)
