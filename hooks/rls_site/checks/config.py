"""What mkdocs.yml may add to every page: nothing from another site.

The site's configuration adds files and links to every page. None of them may make the reader's
browser contact another host: Material's web fonts stay off (`theme.font: false`), extra
stylesheets and scripts, the favicon and the logo are the site's own files, no analytics. The
navigation names the site's own pages: a link to another site belongs on a page, where it gets
rel="noopener noreferrer" and a mention of where it goes.
"""

from __future__ import annotations

from pathlib import Path

from rls_site.config import CONFIG_FILE, SiteConfig, nav_entries, read_config
from rls_site.data.yaml_file import compose, lines_of, read_text
from rls_site.errors import ContentError
from rls_site.urls import host_of


def check_config(root: Path) -> list[ContentError]:
    """Every setting in mkdocs.yml that would load from, or lead the navigation to, another site."""
    path = root / CONFIG_FILE
    try:
        text = read_text(path, CONFIG_FILE)
    except FileNotFoundError:
        return []
    except ContentError as error:
        return [error]
    config: SiteConfig | None = read_config(path)
    if config is None:
        return []  # MkDocs itself reports a configuration it cannot read
    lines = lines_of(compose_or_none(text))
    raw, errors = config.raw, []

    def problem(rule: str, keys: tuple, text: str, fix: str) -> None:
        line = next((lines[keys[:n]] for n in range(len(keys), 0, -1) if keys[:n] in lines), None)
        errors.append(ContentError(CONFIG_FILE, rule, text, fix, line))

    theme = raw.get("theme") if isinstance(raw.get("theme"), dict) else {}
    if theme.get("font") is not False:
        problem(
            "config-external",
            ("theme", "font"),
            "Material's web fonts are not switched off: every page would load them from Google's servers.",
            "set 'font: false' under 'theme:' in mkdocs.yml; the site uses the reader's own fonts.",
        )
    for key in ("favicon", "logo"):
        if isinstance(theme.get(key), str) and host_of(theme[key]):
            problem(
                "config-external",
                ("theme", key),
                f"'theme.{key}' is on another site ({theme[key]}).",
                "put the file in docs/assets/ and name it from there.",
            )
    for key in ("extra_css", "extra_javascript"):
        for index, entry in enumerate(raw.get(key) or []):
            url = entry if isinstance(entry, str) else (entry.get("path") if isinstance(entry, dict) else None)
            if isinstance(url, str) and host_of(url):
                problem(
                    "config-external",
                    (key, index),
                    f"'{key}' loads {url} from another site on every page.",
                    "put the file in docs/assets/ and list it from there.",
                )
    extra = raw.get("extra") if isinstance(raw.get("extra"), dict) else {}
    if extra.get("analytics"):
        problem(
            "config-external",
            ("extra", "analytics"),
            "'extra.analytics' would send every reader's visit to an analytics service.",
            "remove 'analytics:' from 'extra:'; the site counts no visitors.",
        )
    for title, target in nav_entries(config.nav):
        if host_of(target):
            problem(
                "navigation-external-link",
                ("nav",),
                f"the navigation links to another site ({title or target}: {target}).",
                "name only the site's own pages under 'nav:'; put the link on a page, for example under 'Meer informatie', "
                "where it is marked as an external website.",
            )
    return errors


def compose_or_none(text: str):
    try:
        return compose(text)
    except Exception:  # MkDocs itself reports a configuration it cannot read
        return None
