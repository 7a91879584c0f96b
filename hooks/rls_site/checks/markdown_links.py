"""Links an editor writes in a page's Markdown to another page of the site, checked on the line
where they are written (rules link-broken, link-other-language).

MkDocs checks these links too, but names neither the line nor the fix, and only warns. So:
- before the build, `find_page_links` reads every link to a `.md` file (or to an anchor on the
  same page) and reports a link to a page that does not exist;
- after the build, `check_anchors` looks each link's anchor up in the ids of the built page it
  leads to. Headings have different anchors in each language (`#ijzer` on the Dutch page,
  `#iron` on the English one): an anchor found only on the other language's page is named so.
On an English page, `oorzaken.md` leads to the English page (mkdocs-static-i18n), as does
`oorzaken.en.md`. An address from the docs root (`/over.md`) is read from there, as mkdocs.yml's
`absolute_links: relative_to_docs` says.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from rls_site.checks.internal_links import browser_anchor
from rls_site.checks.translations import language_file, split_language
from rls_site.errors import ContentError
from rls_site.markdown.links import find_links


@dataclass(frozen=True)
class PageLink:
    file: str  # the page the link is written in, as shown in messages (docs/...)
    line: int
    address: str  # as written
    target: str  # the page it leads to, in the linking page's language, under docs/
    anchor: str  # without '#'; empty for none


def _target(address: str, src: str) -> tuple[str, str] | None:
    """(page under docs/, anchor) of an address to a page of the site; None for anything else."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or parts.query:
        return None
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        return (src, anchor) if anchor else None
    if not path.endswith(".md"):
        return None  # a file under docs/assets, a folder: the built site's link check reads these
    page = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(src), path)
    return posixpath.normpath(page), anchor


def find_page_links(
    markdown: str, src: str, file: str, lang: str, sources: set[str], languages: list[str]
) -> tuple[list[PageLink], list[ContentError]]:
    """Every link in a page (`src`, under docs/) to a page of the site, and each one to a page
    that does not exist (`sources`: every page under docs/)."""
    links, errors = [], []
    for link in find_links(markdown):
        found = _target(link.url, src)
        if found is None:
            continue
        written, anchor = found
        page, _ = split_language(written, languages)
        target = language_file(page, lang, languages)
        if target not in sources and written not in sources:
            errors.append(
                ContentError(
                    file,
                    "link-broken",
                    line=link.line,
                    address=link.url,
                    nl=f"de link '{link.url}' leidt naar {written}, maar die pagina bestaat niet.",
                    en=f"the link '{link.url}' leads to {written}, which does not exist.",
                    fix_nl="link naar een pagina die bestaat, als haar Markdown-bestand, gezien vanaf deze pagina: "
                    "[Oorzaken](oorzaken.md); controleer de naam en de map.",
                    fix_en="link to a page that exists, as its Markdown file, seen from this page: [Causes](oorzaken.md); "
                    "check the name and the folder.",
                )
            )
            continue
        links.append(PageLink(file, link.line, link.url, target if target in sources else written, anchor))
    return links, errors


def check_anchors(links: list[PageLink], ids_of, languages: list[str]) -> list[ContentError]:
    """Every link whose anchor is not on the page it leads to. `ids_of(page)`: the ids of the
    built page made from `page` (under docs/), None when it was not built."""
    errors = []
    for link in links:
        ids = ids_of(link.target)
        if not link.anchor or ids is None or link.anchor in ids or browser_anchor(link.anchor):
            continue
        page, lang = split_language(link.target, languages)
        other = [
            language_file(page, other_lang, languages)
            for other_lang in languages
            if other_lang != lang and link.anchor in (ids_of(language_file(page, other_lang, languages)) or ())
        ]
        if other:
            errors.append(
                ContentError(
                    link.file,
                    "link-other-language",
                    line=link.line,
                    address=link.address,
                    nl=f"de link '{link.address}' leidt naar '#{link.anchor}', een anker van {other[0]}, niet van {link.target}.",
                    en=f"the link '{link.address}' leads to '#{link.anchor}', an anchor of {other[0]}, not of {link.target}.",
                    fix_nl=f"koppen hebben in elke taal een ander anker: gebruik het anker van de kop in {link.target} "
                    "(het staat in de inhoudsopgave van die pagina, en in de adresbalk als je op het teken na de kop klikt).",
                    fix_en=f"headings have different anchors in each language: use the anchor of the heading in {link.target} "
                    "(it is in that page's table of contents, and in the address bar when you click the sign after the heading).",
                )
            )
            continue
        errors.append(
            ContentError(
                link.file,
                "link-broken",
                line=link.line,
                address=link.address,
                nl=f"de link '{link.address}' leidt naar '#{link.anchor}', dat niet op {link.target} staat.",
                en=f"the link '{link.address}' leads to '#{link.anchor}', which is not on {link.target}.",
                fix_nl=f"gebruik een anker dat {link.target} heeft (de ids van de koppen staan in de inhoudsopgave); "
                "koppen hebben in elke taal een ander anker.",
                fix_en=f"use an anchor that {link.target} has (its headings' ids are in the table of contents); "
                "headings have different anchors in each language.",
            )
        )
    return errors
