"""Hook: the repairs of rls_site.seo applied to the built site.

Events: `on_post_page` (alternate links, search scope); `on_post_template` (each language's 404
page, linking to the language home pages); `on_post_build` (search indexes, sitemaps and 404
pages, once, after every language is built).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority

from rls_site.mkdocs_glue import nested, page_language, site_languages
from rls_site.seo import absolute_alternates, link_languages_home, page_sitemaps, scope_search_to_language, split_search_index


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
    if nested(config):
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
