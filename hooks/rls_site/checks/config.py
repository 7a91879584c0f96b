"""What mkdocs.yml may add to every page: nothing from another site; and every page in its menu.

The site's configuration adds files and links to every page. None of them may make the reader's
browser contact another host: Material's web fonts stay off (`theme.font: false`), extra
stylesheets and scripts, the favicon and the logo are the site's own files, no analytics. The
navigation names the site's own pages: a link to another site belongs on a page, where it gets
rel="noopener noreferrer" and a mention of where it goes. Every page is in the menu (`nav:`, which
mkdocs-static-i18n uses for every language) or listed under `not_in_nav:` (`check_menu`).
"""

from __future__ import annotations

from pathlib import Path

import pathspec

from rls_site.checks.translations import split_language
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

    def problem(rule: str, keys: tuple, nl: str, en: str, fix_nl: str, fix_en: str) -> None:
        line = next((lines[keys[:n]] for n in range(len(keys), 0, -1) if keys[:n] in lines), None)
        errors.append(ContentError(CONFIG_FILE, rule, line=line, nl=nl, en=en, fix_nl=fix_nl, fix_en=fix_en))

    theme = raw.get("theme") if isinstance(raw.get("theme"), dict) else {}
    if theme.get("font") is not False:
        problem(
            "config-external",
            ("theme", "font"),
            "de weblettertypen van Material staan niet uit: elke pagina zou ze van de servers van Google laden.",
            "Material's web fonts are not switched off: every page would load them from Google's servers.",
            "zet 'font: false' onder 'theme:' in mkdocs.yml; de site gebruikt de eigen lettertypen van de lezer.",
            "set 'font: false' under 'theme:' in mkdocs.yml; the site uses the reader's own fonts.",
        )
    for key in ("favicon", "logo"):
        if isinstance(theme.get(key), str) and host_of(theme[key]):
            problem(
                "config-external",
                ("theme", key),
                f"'theme.{key}' staat op een andere site ({theme[key]}).",
                f"'theme.{key}' is on another site ({theme[key]}).",
                "zet het bestand in docs/assets/ en noem het van daaruit.",
                "put the file in docs/assets/ and name it from there.",
            )
    for key in ("extra_css", "extra_javascript"):
        for index, entry in enumerate(raw.get(key) or []):
            url = entry if isinstance(entry, str) else (entry.get("path") if isinstance(entry, dict) else None)
            if isinstance(url, str) and host_of(url):
                problem(
                    "config-external",
                    (key, index),
                    f"'{key}' laadt {url} op elke pagina van een andere site.",
                    f"'{key}' loads {url} from another site on every page.",
                    "zet het bestand in docs/assets/ en noem het van daaruit.",
                    "put the file in docs/assets/ and list it from there.",
                )
    extra = raw.get("extra") if isinstance(raw.get("extra"), dict) else {}
    if extra.get("analytics"):
        problem(
            "config-external",
            ("extra", "analytics"),
            "'extra.analytics' zou het bezoek van elke lezer naar een statistiekdienst sturen.",
            "'extra.analytics' would send every reader's visit to an analytics service.",
            "haal 'analytics:' weg onder 'extra:'; de site telt geen bezoekers.",
            "remove 'analytics:' from 'extra:'; the site counts no visitors.",
        )
    for title, target in nav_entries(config.nav):
        if host_of(target):
            problem(
                "navigation-external-link",
                ("nav",),
                f"het menu linkt naar een andere site ({title or target}: {target}).",
                f"the navigation links to another site ({title or target}: {target}).",
                "noem onder 'nav:' alleen de eigen pagina's van de site; zet de link op een pagina, bijvoorbeeld onder "
                "'Meer informatie', waar hij als externe website gemarkeerd is.",
                "name only the site's own pages under 'nav:'; put the link on a page, for example under 'Meer informatie', "
                "where it is marked as an external website.",
            )
    return errors


def check_menu(root: Path, sources: list[str], languages: list[str], docs: str = "docs") -> list[ContentError]:
    """Every page (`sources`: paths under docs/) in the menu or under `not_in_nav:`: one problem for
    a page missing in every language, on its default-language file (one `nav:` line lists them all)."""
    config = read_config(root / CONFIG_FILE)
    if config is None or not config.nav:
        return []  # without `nav:` MkDocs lists every page itself
    in_nav = {split_language(target.lstrip("/"), languages)[0] for _, target in nav_entries(config.nav) if target.endswith(".md")}
    not_in_nav = config.raw.get("not_in_nav")
    left_out = pathspec.GitIgnoreSpec.from_lines(not_in_nav.splitlines() if isinstance(not_in_nav, str) else [])
    missing: dict[str, str] = {}  # page: the file to report it on, the default language's where it exists
    for src in sources:
        page, lang = split_language(src, languages)
        if page in in_nav or left_out.match_file(src):
            continue
        if page not in missing or lang == languages[0]:
            missing[page] = src
    return [
        ContentError(
            f"{docs}/{src}",
            "nav-missing",
            line=1,  # the page's first line: in a pull request, the new page is among the changed files
            nl=f"de pagina staat niet in het menu: 'nav:' in {CONFIG_FILE} noemt {page} niet, dus lezers vinden haar in geen enkele taal.",
            en=f"the page is not in the menu: 'nav:' in {CONFIG_FILE} does not list {page}, so readers cannot find it in any language.",
            fix_nl=f"zet '  - {page}' onder 'nav:' in {CONFIG_FILE}, op de plaats waar de pagina in het menu hoort; de pagina in "
            "de andere taal komt er dan vanzelf bij. Hoort ze niet in het menu, zet haar dan onder 'not_in_nav:'.",
            fix_en=f"add '  - {page}' under 'nav:' in {CONFIG_FILE}, where the page belongs in the menu; the page in the other "
            "language follows by itself. If it does not belong in the menu, list it under 'not_in_nav:'.",
        )
        for page, src in missing.items()
    ]


def compose_or_none(text: str):
    try:
        return compose(text)
    except Exception:  # MkDocs itself reports a configuration it cannot read
        return None
