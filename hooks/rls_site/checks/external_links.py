"""Links and resources on a built page that involve another site.

- Every link to another site has rel="noopener noreferrer" (`noopener` stops the other site from
  controlling this tab, `noreferrer` keeps it from learning which health page the reader came
  from). Content links get it from rls_site.markdown.links, template links from the templates.
- Nothing on a page makes the reader's browser load from or send to another host: no image,
  media, stylesheet, font, script, frame, object, form target or srcset there, in an attribute
  or in CSS (rule external-resource), and no <base href> that sends the page's own links there
  (rule base-external). Reading about a health condition is sensitive: the other host would
  learn the reader's address and the page they read.
- The site's own stylesheets (docs/**/*.css, loaded on every page) import nothing and load no
  font or image from another host (`check_stylesheet`, rule stylesheet-external), before the build.
"""

from __future__ import annotations

import re

from lxml import etree

from rls_site.checks.built_page import BuiltPage, element_of
from rls_site.errors import ContentError
from rls_site.markdown.links import EXTERNAL_REL
from rls_site.urls import host_of, is_external, site_host

# Attributes that make the browser fetch or send, per element ('*': on any element).
LOADING_ATTRIBUTES = {
    "*": ("src", "srcset", "background", "poster", "data", "formaction", "ping", "xlink:href"),
    "link": ("href", "imagesrcset"),
    "form": ("action",),
    "object": ("codebase", "archive"),
    "image": ("href",),
    "use": ("href",),
    "meta": ("content",),
}
# A quick first test: other elements, without any of these attributes, load nothing.
_MAY_LOAD_TAGS = set(LOADING_ATTRIBUTES) | {"style"}
_MAY_LOAD_ATTRIBUTES = set(LOADING_ATTRIBUTES["*"]) | {"style"}
# A URL in CSS (url(...), @import "..."), in a style attribute or a <style> element.
_CSS_URL = re.compile(r"""url\(\s*['"]?(?P<url>[^'")\s]+)|@import\s+['"](?P<import>[^'"]+)""", re.IGNORECASE)


def check_stylesheet(css: str, file: str) -> list[ContentError]:
    """An @import or url() in a stylesheet that loads from another host, on its line."""
    errors = []
    for match in _CSS_URL.finditer(css):
        url = match.group("url") or match.group("import")
        if host_of(url) is None:
            continue
        kind = "@import" if match.group("import") or css[: match.start()].rstrip().endswith("@import") else "url()"
        errors.append(
            ContentError(
                file,
                "stylesheet-external",
                line=css.count("\n", 0, match.start()) + 1,
                address=url,
                nl=f"{kind} laadt {url} van een andere site: de browser van elke lezer zou op elke pagina contact maken met "
                f"{host_of(url)}.",
                en=f"{kind} loads {url} from another site: every reader's browser would contact {host_of(url)} on every page.",
            )
        )
    return errors


def check_external_links(page: BuiltPage, file: str) -> list[ContentError]:
    """Every link to another host has rel="noopener noreferrer" (own host: the canonical link's)."""
    own_host = site_host(page.canonical)
    errors = []
    for link in page.links:
        href = link.attrs.get("href") or ""
        if not is_external(href, own_host):
            continue
        rel = (link.attrs.get("rel") or "").split()
        missing = [token for token in EXTERNAL_REL if token not in rel]
        if missing:
            errors.append(
                ContentError(
                    file,
                    "external-link-rel",
                    line=link.line,
                    address=href,
                    nl=f'de link naar {href} mist rel="{" ".join(missing)}".',
                    en=f'the link to {href} lacks rel="{" ".join(missing)}".',
                    fix_nl="schrijf links in pagina's als Markdown-links, [tekst](https://...), die hem krijgen van "
                    "rls_site.markdown.links "
                    "(onder 'markdown_extensions:' in mkdocs.yml); voeg in een template rel=\"noopener noreferrer\" toe aan de link.",
                    fix_en="write links in pages as Markdown links, [text](https://...), which get it from rls_site.markdown.links (listed "
                    "under 'markdown_extensions:' in mkdocs.yml); in a template, add rel=\"noopener noreferrer\" to the link.",
                )
            )
    return errors


def _urls(attribute: str, value: str) -> list[str]:
    if attribute.endswith("srcset"):
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    if attribute == "content":
        match = re.search(r"url\s*=\s*(\S+)", value, re.IGNORECASE)  # <meta http-equiv="refresh" content="0; url=...">
        return [match.group(1).strip("'\"")] if match else []
    return [value]


def check_external_resources(page: BuiltPage, file: str) -> list[ContentError]:
    """Nothing on the page loads from, or sends to, another host."""
    own_host = site_host(page.canonical)
    errors = []

    def problem(url: str, what: str, line: int | None) -> None:
        errors.append(
            ContentError(
                file,
                "external-resource",
                line=line,
                address=url,
                nl=f"{what} laadt iets van een andere site ({url}): de browser van de lezer zou contact maken met {host_of(url)} "
                "zodra de pagina opent.",
                en=f"{what} loads from another site ({url}): the reader's browser would contact {host_of(url)} when the page opens.",
                fix_nl="zet het bestand in docs/assets/ en verwijs daarnaar, of link naar de andere site in plaats van ervan te laden.",
                fix_en="put the file in docs/assets/ and refer to it from there, or link to the other site instead of loading from it.",
            )
        )

    for base in page.select("//base[@href]"):
        href = base.attrs.get("href") or ""
        if is_external(href, own_host):
            errors.append(
                ContentError(
                    file,
                    "base-external",
                    line=base.line,
                    address=href,
                    nl=f'<base href="{href}"> laat elke link en elk bestand van de pagina van {host_of(href)} komen.',
                    en=f'<base href="{href}"> makes every link and file of the page come from {host_of(href)}.',
                )
            )
    for node in page.root.iter(etree.Element):  # elements only, no comments
        if node.tag not in _MAY_LOAD_TAGS and _MAY_LOAD_ATTRIBUTES.isdisjoint(node.keys()):
            continue
        element = element_of(node)
        names = LOADING_ATTRIBUTES["*"] + LOADING_ATTRIBUTES.get(element.tag, ())
        if element.tag == "meta" and (element.attrs.get("http-equiv") or "").lower() != "refresh":
            names = LOADING_ATTRIBUTES["*"]
        if element.tag == "link" and not set((element.attrs.get("rel") or "").lower().split()) & {
            "stylesheet",
            "icon",
            "preload",
            "prefetch",
            "preconnect",
            "dns-prefetch",
            "modulepreload",
            "manifest",
            "apple-touch-icon",
            "prerender",
        }:
            names = tuple(name for name in names if name != "href") + ("imagesrcset",)
        for name in names:
            value = element.attrs.get(name)
            if not value:
                continue
            for url in _urls(name, value):
                if is_external(url, own_host):
                    problem(url, f"<{element.tag} {name}=...>", element.line)
        css = element.attrs.get("style") or ""
        if element.tag == "style":
            css += element.node.text or ""
        for match in _CSS_URL.finditer(css):
            url = match.group("url") or match.group("import")
            if is_external(url, own_host):
                problem(url, f"CSS in <{element.tag}>", element.line)
    return errors
