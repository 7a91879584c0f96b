"""The one module of rls_site that knows MkDocs: what the hooks in hooks/*.py share.

- `reports_content_errors`: an event handler's ContentErrors become MkDocs' PluginError, so a build
  stops with the editor's message and no traceback.
- the languages of the build (mkdocs-static-i18n);
- `configure_extensions`: tells the extensions of rls_site.markdown the project folder and the
  language of the build that is running (mkdocs-static-i18n runs one build per language).
"""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from rls_site.errors import ContentError, ContentErrors
from rls_site.github import BUILD, report_to_github

EXTENSIONS = (
    "rls_site.markdown.citations",
    "rls_site.markdown.evidence",
    "rls_site.markdown.selfcheck",
    "rls_site.markdown.components",
    "rls_site.markdown.links",
)


def reports_content_errors(handler):
    """Run an event handler; an editor's mistake stops the build with its message."""

    @functools.wraps(handler)
    def run(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except (ContentError, ContentErrors) as error:
            report_to_github(error.errors if isinstance(error, ContentErrors) else [error], heading=BUILD)
            raise PluginError(str(error)) from None

    return run


def logger(name: str):
    """A logger whose warnings `mkdocs build --strict` counts."""
    return get_plugin_logger(name)


def project_root(config) -> Path:
    return Path(config.config_file_path).parent


def i18n(config):
    return config.plugins.get("i18n") if config.plugins else None


def site_languages(config) -> list[str]:
    """Locales of the i18n plugin, default language first; the theme language without it."""
    plugin = i18n(config)
    if plugin is None:
        return [config.theme.get("language") or "en"]
    return [lang.locale for lang in sorted(plugin.config.languages, key=lambda lang: not lang.default)]


def build_language(config) -> str:
    """The language this pass builds (mkdocs-static-i18n builds each language in turn)."""
    return getattr(i18n(config), "current_language", None) or config.theme.get("language") or site_languages(config)[0]


def nested(config) -> bool:
    """True in the passes mkdocs-static-i18n runs for the other languages, inside the first one."""
    return bool(getattr(i18n(config), "building", False))


def configure_extensions(config, lang: str) -> None:
    """Every rls_site.markdown extension listed in mkdocs.yml renders for `lang`, from this project."""
    for name in EXTENSIONS:
        if name in config.markdown_extensions:
            settings = config.mdx_configs.setdefault(name, {})
            settings.update(root=str(project_root(config)), lang=lang)
