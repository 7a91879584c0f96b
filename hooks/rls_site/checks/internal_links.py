"""Every link within the built site leads somewhere: the file exists and the part of the page
(`#anchor`) is on it. Offline, over site/ as written (rule link-broken).

Each page is read once (`page_links`, on the same lxml tree as the other checks): the ids it
offers and the addresses it uses, from <a href>, <link href>, <img src>, <script src>,
<source src>, <video src> and <form action>. Addresses with a scheme (https:, mailto:, ...) or a
host go elsewhere and are the external-link checks' concern; the canonical and hreflang links,
absolute to the published address, are checked by the SEO tests. `check_internal_links` then
resolves every address against the site as a browser would: a folder means its index.html. An
address from the root (`/...`, as MkDocs writes them on 404.html) starts with the path of the
published address, taken from the pages' canonical links, so a site built for a sub-path (a
pull-request preview) is checked as it will be served.

Material's navigation (set aside before reading, see built_page.py) is left out: MkDocs builds
it from the pages it has.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

from rls_site.checks.built_page import BuiltPage
from rls_site.errors import ContentError

# The attributes that hold an address, read as strings by one XPath (a Python object per element
# would double what the checks cost a page).
_ADDRESSES = etree.XPath("//a/@href | //link/@href | //img/@src | //script/@src | //source/@src | //video/@src | //form/@action")
_IDS = etree.XPath("//@id | //a/@name")


@dataclass(frozen=True)
class PageLinks:
    ids: frozenset[str]
    addresses: tuple[tuple[str, int | None], ...]  # (address as written, line)
    base: str | None = None  # the path the site is published under, from the canonical link


def page_links(built: BuiltPage, page: str, line_of=lambda line: line) -> PageLinks:
    """The ids a built page (`page`, its path under the site) offers and the addresses within the
    site it uses; `line_of` turns a line of the page as read into the line of the page as written."""
    ids = frozenset(str(value) for value in _IDS(built.root))
    addresses = []
    for value in _ADDRESSES(built.root):
        address = str(value).strip()
        if address and not _goes_elsewhere(address):
            addresses.append((address, line_of(value.getparent().sourceline)))
    return PageLinks(ids, tuple(addresses), _base(built.canonical, page))


def _base(canonical: str | None, page: str) -> str | None:
    if not canonical:
        return None
    path = urlsplit(canonical).path or "/"
    own = page.removesuffix("index.html")
    return path[: len(path) - len(own)] if path.endswith(own) else None


def _goes_elsewhere(address: str) -> bool:
    parts = urlsplit(address)
    return bool(parts.scheme or parts.netloc)


def _target(page: str, address: str, base: str) -> tuple[str | None, str]:
    """(file under the site, anchor) that `address` on `page` (e.g. 'symptomen/index.html') opens;
    no file when the address leaves the site's path `base`. Path arithmetic rather than urljoin:
    a site of 1,000 pages a language has some 160,000 addresses."""
    address, _, anchor = address.partition("#")
    address = address.partition("?")[0]
    if not address:
        return page, unquote(anchor)
    if address.startswith("/"):
        if address == base.rstrip("/"):
            address = base
        if not address.startswith(base):
            return None, ""
        joined = address[len(base) :]
    else:
        joined = posixpath.join(posixpath.dirname(page), address)
    folder = joined == "" or joined.endswith("/") or joined.rsplit("/", 1)[-1] in (".", "..")
    path = posixpath.normpath(joined) if joined else "."
    if path == ".." or path.startswith("../"):
        return None, ""
    path = "" if path == "." else unquote(path)
    if folder or path == "":
        path = f"{path}/index.html" if path else "index.html"
    return path, unquote(anchor)


def browser_anchor(anchor: str) -> bool:
    """#top (the top of any page) and text fragments (#:~:text=...) need no id."""
    return anchor == "top" or anchor.startswith(":~:")


def check_internal_links(
    pages: Mapping[str, PageLinks], files: Iterable[str], site: str = "site", reported: Collection[tuple] = ()
) -> list[ContentError]:
    """Every address on every page: `pages` by path under the site, `files` every file of the site;
    `reported`: anchors already reported elsewhere, as (page, page the link opens, anchor)."""
    files = set(files)
    bases = [links.base for page, links in sorted(pages.items(), key=lambda item: item[0] != "index.html") if links.base]
    base = bases[0] if bases else "/"
    errors = []
    for page, links in sorted(pages.items()):
        for address, line in links.addresses:
            target, anchor = _target(page, address, base)
            if target is not None and target not in files and f"{target}/index.html" in files:
                target = f"{target}/index.html"  # a folder without its slash: the server redirects
            problem = None
            if target is None:
                problem = (
                    (
                        f"de link '{address}' leidt uit de site, die onder {base} staat.",
                        f"the link '{address}' leads out of the site, which is published under {base}.",
                    )
                    if base != "/"
                    else (
                        f"de link '{address}' gaat boven de hoogste map van de site uit.",
                        f"the link '{address}' goes above the site's top folder.",
                    )
                )
            elif target not in files:
                problem = (
                    f"de link '{address}' leidt naar {target}, dat niet in de gebouwde site staat.",
                    f"the link '{address}' leads to {target}, which is not in the built site.",
                )
            elif (
                anchor
                and target in pages
                and anchor not in pages[target].ids
                and not browser_anchor(anchor)
                and (page, target, anchor) not in reported
            ):
                where = ("deze pagina", "this page") if target == page else (target, target)
                problem = (
                    f"de link '{address}' leidt naar '#{anchor}', dat niet op {where[0]} staat.",
                    f"the link '{address}' leads to '#{anchor}', which is not on {where[1]}.",
                )
            if problem:
                errors.append(
                    ContentError(
                        f"{site}/{page}",
                        "link-broken",
                        line=line,
                        address=address,
                        nl=problem[0],
                        en=problem[1],
                        fix_nl="link naar een pagina die bestaat, geschreven als haar Markdown-bestand (bijvoorbeeld "
                        "[Oorzaken](oorzaken.md#ijzer)), "
                        "met een anker dat de pagina heeft (de ids van haar koppen staan in de inhoudsopgave); bouw in een template "
                        "het adres met het filter url.",
                        fix_en="link to a page that exists, written as its Markdown file (for example [Oorzaken](oorzaken.md#ijzer)), "
                        "with an anchor the page has (its headings' ids are in the table of contents); in a template, "
                        "build the address with the url filter.",
                    )
                )
    return errors
