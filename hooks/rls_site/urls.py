"""Which addresses go to another site: shared by the renderers and the checks."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit


def host_of(url: str) -> str | None:
    """Lower-case host of an absolute http(s) or protocol-relative URL, else None."""
    # Nearly every link is relative ('../oorzaken/'): a URL has a host only after '//', which a tab or
    # line break may split (urlsplit drops those), so the rest need no parsing.
    if "//" not in url and "\t" not in url and "\n" not in url and "\r" not in url:
        return None
    return _host_of(url)


@functools.lru_cache(maxsize=4096)  # the same links (DOI, PubMed, the edit button) on many pages
def _host_of(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return None
    return (parts.hostname or "").lower() or None


def site_host(url: str | None) -> str | None:
    """The host (with port) of the site's own address, e.g. from site_url or the canonical link."""
    return (urlsplit(url).netloc.lower() or None) if url else None


def is_external(href: str, own_host: str | None) -> bool:
    """An absolute http(s) or protocol-relative link to a host other than the site's own."""
    if host_of(href) is None:
        return False
    return urlsplit(href.strip()).netloc.lower() != own_host
