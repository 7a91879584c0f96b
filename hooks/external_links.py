"""Links to other sites: rel="noopener noreferrer" on every one, rel="sponsored ..." and a label on partner links.

`noopener` stops the other site from controlling this tab; `noreferrer` keeps it from learning
which health page the reader came from. Partner links (class "partner", see partner_links.py)
also get `sponsored`, as search engines ask, and the visible label right after the link.
Applied to the whole built page, so links from templates (the "edit" button) are covered too.
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from built_html import BuiltPage, Element, rewrite_start_tags, scan_links
from errors import ContentError
from partner_links import PARTNER_CLASS, PARTNER_REL, host_of

EXTERNAL_REL = ("noopener", "noreferrer")


def site_host(url: str | None) -> str | None:
    """The host (with port) of the site's own address, e.g. from site_url or the canonical link."""
    return (urlsplit(url).netloc.lower() or None) if url else None


def is_external(href: str, own_host: str | None) -> bool:
    """An absolute http(s) or protocol-relative link to a host other than the site's own."""
    if host_of(href) is None:
        return False
    return urlsplit(href.strip()).netloc.lower() != own_host


def _with_tokens(rel: str | None, tokens: tuple[str, ...]) -> str:
    present = (rel or "").split()
    return " ".join(present + [token for token in tokens if token not in present])


def may_need_rel(start_tag: str) -> bool:
    """False for a link's start tag (as written) that can be neither a partner link nor a link to
    another site: no '//' (nor a tab or line break that could split one), no 'partner', no character
    reference that could spell either."""
    return "//" in start_tag or "partner" in start_tag or "&" in start_tag or "\t" in start_tag or "\n" in start_tag or "\r" in start_tag


def add_rel(html: str, partner_label_html: str) -> str:
    """The page with rel tokens on every external link and the label after every partner link.

    The site's own host is the page's canonical link, as in `check_external_links`; a page without
    one (404) treats every absolute link as external.
    """
    page = scan_links(html, may_need_rel)
    own_host = site_host(page.canonical)

    def change(element: Element):
        if element.tag != "a" or element.attrs.get("href") is None:
            return None
        href = element.attrs["href"]
        partner = PARTNER_CLASS in (element.attrs.get("class") or "").split()
        if not partner and not is_external(href, own_host):
            return None
        tokens = PARTNER_REL if partner else EXTERNAL_REL
        rel = _with_tokens(element.attrs.get("rel"), tokens)
        if rel == element.attrs.get("rel") and not partner:
            return None  # already right: leave the tag exactly as it was
        return {**element.attrs, "rel": rel}, (f" {partner_label_html}" if partner else "")

    return rewrite_start_tags(page, change)


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
                    f'the link to {href} lacks rel="{" ".join(missing)}".',
                    "pages built by MkDocs get it from hooks/publication_checks.py (check that it is listed under 'hooks:' in "
                    'mkdocs.yml); in HTML written by hand, add rel="noopener noreferrer" to the link.',
                    link.line,
                )
            )
    return errors
