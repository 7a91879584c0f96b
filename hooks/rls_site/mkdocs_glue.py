"""The one module of rls_site that knows MkDocs: what the hooks in hooks/*.py share.

- `reports_content_errors`: an event handler's ContentErrors become MkDocs' PluginError, so a build
  stops with the editor's message and no traceback.
- the languages of the build (mkdocs-static-i18n);
- `configure_extensions`: tells the extensions of rls_site.markdown the project folder and the
  language of the build that is running (mkdocs-static-i18n runs one build per language).
- the preview (`mkdocs serve`): `start_preview`, `previewing`, and what differs while previewing
  (`stopping_errors`, `preview_menu`).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.nav import Link, Section
from mkdocs.utils import DuplicateFilter

from rls_site.checks.translations import missing_translations_reported
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


# --- The preview (`make serve`) ---------------------------------------------------------------

# Kept here, not in a hook: MkDocs loads the hooks anew for every rebuild of the preview, but calls
# on_startup only once, before the first build.
_preview = {"on": False}


def start_preview(command: str) -> None:
    """Called by a hook's on_startup; `command` is 'serve' for `mkdocs serve` (the preview).

    MkDocs logs an error that stops the build only if it did not log the same text before (a
    DuplicateFilter on its build logger): in the preview an editor's mistake that comes back
    would show only "Aborted with a BuildError!". The preview logs every message every time.
    """
    _preview["on"] = command == "serve"
    if _preview["on"]:
        build_log = logging.getLogger("mkdocs.commands.build")
        for found in [f for f in build_log.filters if isinstance(f, DuplicateFilter)]:
            build_log.removeFilter(found)


def previewing() -> bool:
    """True while `mkdocs serve` runs: some problems are then reported without stopping the preview."""
    return _preview["on"]


def stopping_errors(errors: list[ContentError], log) -> list[ContentError]:
    """The errors that stop this build: all of them, but the preview only warns of a missing translation."""
    if not previewing():
        return errors
    stopping, reported = missing_translations_reported(errors)
    for error in reported:
        log.warning(error.format())
    return stopping


def preview_menu(nav):
    """While previewing, the menu without lines that lead to no page: a page whose translation does
    not exist yet is listed in `nav:`, and MkDocs would link to its Markdown file in the other language."""
    if previewing():
        nav.items = _leading_somewhere(nav.items)
    return nav


def _leading_somewhere(items: list) -> list:
    kept = []
    for item in items:
        if isinstance(item, Link) and urlsplit(item.url).path.endswith(".md") and not urlsplit(item.url).scheme:
            continue  # MkDocs makes a nav entry it cannot find into a Link to the file's name
        if isinstance(item, Section):
            item.children = _leading_somewhere(item.children)
        kept.append(item)
    return kept
