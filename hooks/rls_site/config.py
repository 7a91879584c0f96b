"""What the site's own logic needs from mkdocs.yml, read as YAML without MkDocs.

MkDocs' own tags (!ENV, !!python/name) stay unresolved: the checks need the languages, the
navigation, the theme's font setting and the files the configuration adds to every page, none of
which uses them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rls_site.data.yaml_file import parse_config

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    languages: list[str]  # default first
    nav: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)

    def nav_pages(self) -> list[str]:
        """The Markdown files of `nav:` (without '.md'), in order."""
        return [entry[:-3] for _, entry in nav_entries(self.nav) if entry.endswith(".md")]


def nav_entries(nav, title: str | None = None) -> list[tuple[str | None, str]]:
    """Every (title, target) of a `nav:` tree: a page file, a section's pages, or a link."""
    found: list[tuple[str | None, str]] = []
    if isinstance(nav, str):
        found.append((title, nav))
    elif isinstance(nav, dict):
        for key, value in nav.items():
            found.extend(nav_entries(value, str(key)))
    elif isinstance(nav, list):
        for item in nav:
            found.extend(nav_entries(item, title))
    return found


def i18n_languages(config: dict) -> list[str]:
    """The i18n plugin's locales, default first; else the theme's language, else 'en'."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            languages = [lang for lang in plugin["i18n"].get("languages") or [] if isinstance(lang, dict) and lang.get("locale")]
            if languages:
                return [lang["locale"] for lang in sorted(languages, key=lambda lang: not lang.get("default"))]
    return [((config.get("theme") or {}).get("language") or "en")]


def read_config(path: Path) -> SiteConfig | None:
    """mkdocs.yml at `path`; None when there is none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return _parse(text)


@functools.lru_cache(maxsize=8)
def _parse(text: str) -> SiteConfig | None:
    try:
        config = parse_config(text) or {}
    except yaml.YAMLError:
        return None
    if not isinstance(config, dict):
        return None
    return SiteConfig(i18n_languages(config), config.get("nav") or [], config)
