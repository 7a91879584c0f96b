"""Which languages the site has and which language a page is in (mkdocs-static-i18n)."""

from __future__ import annotations


def site_languages(config) -> list[str]:
    """Locales of the i18n plugin, default language first; the theme language without it."""
    plugin = config.plugins.get("i18n") if config.plugins else None
    if plugin is None:
        return [config.theme.get("language") or "en"]
    languages = plugin.config.languages
    return [lang.locale for lang in sorted(languages, key=lambda lang: not lang.default)]


def page_language(page, config) -> str:
    """The page's locale: set per file by mkdocs-static-i18n, else the theme's language."""
    return getattr(page.file, "locale", None) or config.theme.get("language") or "en"
