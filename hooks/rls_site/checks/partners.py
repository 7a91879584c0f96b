"""Partner links: links to a company that pays the site when a reader buys something through them.

Editors declare partners in `data/partners.yml` (their hosts) and mark every partner link in the
page, with the notice marker before the first one:

    <!-- md:partner-notice -->
    ...
    [Kussen bij Voorbeeldwinkel](https://shop.example/kussen){ .partner }

Both are required, so a partner link is never published by accident and never hidden: a link to a
partner host without `{ .partner }` fails the build, and so does `{ .partner }` on a link to a host
that is not in the data file. The marker becomes the notice (overrides/partials/partner-notice.html,
text in data/labels.yml); it must come before the page's first partner link and only on pages that
have one. In the built page every partner link has rel="sponsored noopener noreferrer" and the
visible label (overrides/partials/partner-label.html), added by rls_site.markdown.links; the checks
over the built HTML repeat these rules for links that come from templates.
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rls_site.checks.built_page import BuiltPage, normalize
from rls_site.data.partners import DATA_FILE
from rls_site.errors import ContentError
from rls_site.markdown.links import NOTICE_MARKER, PARTNER_CLASS, PARTNER_REL
from rls_site.markdown.text import Marker, line_at, mask_code
from rls_site.urls import host_of

PARTNERS_FILE = DATA_FILE
LABEL_CLASS = "partner-label"  # the visible label after each partner link
NOTICE_CLASS = "partner-notice"  # the notice before the first partner link
MARK = "{ .partner }"

# Links in Markdown: inline (with an optional attr_list block), reference definitions, autolinks, raw <a>.
_INLINE = re.compile(
    # Link text may wrap onto the next line, but not across a blank line (a new paragraph).
    r"(?<!!)\[(?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]\n]*\])*\]"
    r"\(\s*<?(?P<url>[^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)(?P<attrs>\{[^{}\n]*\})?"
)
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:\s*<?(?P<url>\S+?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?P<url>https?://[^\s>]+)>", re.IGNORECASE)
_HTML_LINK = re.compile(r"<a\s[^>]*?\bhref\s*=\s*[\"']?(?P<url>[^\"'\s>]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    url: str
    host: str | None
    line: int
    start: int
    marked: bool  # carries { .partner }
    inline: bool  # written as [text](url), the only form that can carry the mark


def is_partner_host(host: str | None, hosts: list[str]) -> bool:
    """A partner's host or any of its subdomains (www.shop.example for shop.example)."""
    return bool(host) and any(host == h or host.endswith(f".{h}") for h in hosts)


def _has_partner_class(attrs: str | None) -> bool:
    """True for an attr_list block with the class: { .partner }, {: .partner }, {.partner #id}."""
    return bool(attrs) and f".{PARTNER_CLASS}" in attrs.strip("{}").lstrip(":").split()


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Nothing before `start` on its line, not even indentation, and nothing after `end`."""
    line_end = text.find("\n", end)
    return (start == 0 or text[start - 1] == "\n") and not text[end : len(text) if line_end < 0 else line_end].strip()


def find_links(markdown: str, first_line: int = 1) -> list[Link]:
    """Every link outside code and comments, in the order they appear."""
    masked = mask_code(markdown, comments=True)
    links = []
    for match in _INLINE.finditer(masked):
        url = match.group("url")
        links.append(
            Link(
                url,
                host_of(url),
                line_at(markdown, match.start(), first_line),
                match.start(),
                _has_partner_class(match.group("attrs")),
                True,
            )
        )
    for pattern in (_REFERENCE, _AUTOLINK, _HTML_LINK):
        for match in pattern.finditer(masked):
            url = match.group("url")
            links.append(Link(url, host_of(url), line_at(markdown, match.start(), first_line), match.start(), False, False))
    return sorted(links, key=lambda link: link.start)


def check_partner_markdown(markdown: str, file: str, hosts: list[str], markers: list[Marker], first_line: int = 1) -> list[ContentError]:
    """The partner-link rules on one page's Markdown; `markers` from markdown_text.find_markers."""
    errors = []
    partner_links = []
    # A link counts only when it goes to a partner or is marked { .partner }: without partners and
    # without the word, no link can (most sites, most pages), and finding every link is skipped.
    for link in find_links(markdown, first_line) if hosts or PARTNER_CLASS in markdown else ():
        partner_host = is_partner_host(link.host, hosts)
        if partner_host and not link.marked:
            form = "" if link.inline else f" Write it as [text]({link.url}){MARK}: only that form can carry the mark."
            errors.append(
                ContentError(
                    file,
                    "partner-link-unmarked",
                    f"the link to {link.url} goes to a partner ({link.host} is in {PARTNERS_FILE}) but is not marked as a partner link.",
                    f"add {MARK} right after the link, like [text]({link.url}){MARK}, and place <!-- md:{NOTICE_MARKER} --> before the "
                    f"page's first partner link.{form}",
                    link.line,
                )
            )
        elif link.marked and not partner_host:
            errors.append(
                ContentError(
                    file,
                    "partner-link-unknown",
                    f"the link to {link.url} is marked {MARK}, but {link.host or 'its host'} is not a partner in {PARTNERS_FILE}.",
                    f"add the host to {PARTNERS_FILE} if the company pays the site for this link; otherwise remove {MARK}.",
                    link.line,
                )
            )
        if partner_host or link.marked:
            partner_links.append(link)
    notices = [m for m in markers if m.name == NOTICE_MARKER]
    for marker in notices:
        if not _alone_on_line(markdown, marker.start, marker.end):
            # The notice replaces the marker as a block of HTML: inside a list, a box or a sentence it breaks.
            errors.append(
                ContentError(
                    file,
                    "partner-notice-marker",
                    f"<!-- md:{NOTICE_MARKER} --> must stand on a line of its own, not indented.",
                    "put the marker on its own line, with an empty line above and below, outside lists and boxes.",
                    marker.line,
                )
            )
        if marker.args:
            errors.append(
                ContentError(
                    file,
                    "partner-notice-marker",
                    f"<!-- md:{NOTICE_MARKER} --> takes no argument, found '{' '.join(marker.args)}'.",
                    f"write the marker as <!-- md:{NOTICE_MARKER} -->; the text of the notice is in data/labels.yml.",
                    marker.line,
                )
            )
    if len(notices) > 1:
        errors.append(
            ContentError(
                file,
                "partner-notice-marker",
                "the partner-link notice appears more than once on this page.",
                f"keep one <!-- md:{NOTICE_MARKER} --> (first at line {notices[0].line}), before the first partner link.",
                notices[1].line,
            )
        )
    if partner_links and not notices:
        errors.append(
            ContentError(
                file,
                "partner-notice-missing",
                f"the page has a partner link (to {partner_links[0].url}) but no partner-link notice.",
                f"place <!-- md:{NOTICE_MARKER} --> on its own line before the paragraph with the first partner link.",
                partner_links[0].line,
            )
        )
    elif partner_links and notices[0].start > partner_links[0].start:
        errors.append(
            ContentError(
                file,
                "partner-notice-late",
                f"the partner-link notice (line {notices[0].line}) comes after the first partner link; readers must see it first.",
                f"move <!-- md:{NOTICE_MARKER} --> above the first partner link (line {partner_links[0].line}).",
                notices[0].line,
            )
        )
    elif notices and not partner_links:
        errors.append(
            ContentError(
                file,
                "partner-notice-unused",
                "the page has a partner-link notice but no partner link; the notice would tell readers something untrue.",
                f"remove <!-- md:{NOTICE_MARKER} -->, or mark the partner link with {MARK}.",
                notices[0].line,
            )
        )
    return errors


# --- The built HTML ------------------------------------------------------------------------


def check_partner_html(page: BuiltPage, file: str, hosts: list[str], label: str) -> list[ContentError]:
    """The same rules on a built page, whatever template or hook produced its links."""
    errors = []
    partner_links = []
    for link in page.links:
        host = host_of(link.attrs.get("href") or "")
        marked = PARTNER_CLASS in (link.attrs.get("class") or "").split()
        partner_host = is_partner_host(host, hosts)
        if not (partner_host or marked):
            continue
        partner_links.append(link)
        # One problem per link: an unmarked or unknown one gets no rel or label to check.
        if not marked:
            errors.append(
                ContentError(
                    file,
                    "partner-link-unmarked",
                    f"the link to {link.attrs['href']} goes to a partner ({host} is in {PARTNERS_FILE}) but is not marked as a partner "
                    f'link (class="{PARTNER_CLASS}").',
                    f'in a page write [text](url){MARK}; in a template add class="{PARTNER_CLASS}" and the notice.',
                    link.line,
                )
            )
            continue
        if not partner_host:
            errors.append(
                ContentError(
                    file,
                    "partner-link-unknown",
                    f"the link to {link.attrs.get('href')} is marked as a partner link, but {host or 'its host'} is not in "
                    f"{PARTNERS_FILE}.",
                    f"add the host to {PARTNERS_FILE}, or remove the partner mark.",
                    link.line,
                )
            )
            continue
        rel = (link.attrs.get("rel") or "").split()
        missing = [token for token in PARTNER_REL if token not in rel]
        if missing:
            errors.append(
                ContentError(
                    file,
                    "partner-link-rel",
                    f'the partner link to {link.attrs.get("href")} lacks rel="{" ".join(missing)}" (found rel="{" ".join(rel)}").',
                    'partner links get rel="sponsored noopener noreferrer" from rls_site.markdown.links; check that it is listed '
                    "under 'markdown_extensions:' in mkdocs.yml.",
                    link.line,
                )
            )
        following = normalize(page.text_of(link) + " " + page.text_after(link, len(label) + 8))
        if label.lower() not in following.lower():
            errors.append(
                ContentError(
                    file,
                    "partner-link-label",
                    f"the partner link to {link.attrs.get('href')} has no visible label '{label}'.",
                    f"the label comes from overrides/partials/{LABEL_CLASS}.html with the text 'partner_label' in data/labels.yml; "
                    "restore the template.",
                    link.line,
                )
            )
    notice = next(iter(page.with_class(NOTICE_CLASS)), None)
    if partner_links and (notice is None or not page.before(notice, partner_links[0])):
        errors.append(
            ContentError(
                file,
                "partner-notice-missing",
                f"the page has a partner link (to {partner_links[0].attrs.get('href')}) without the partner-link notice before it.",
                f"put <!-- md:{NOTICE_MARKER} --> before the first partner link; the notice is rendered by "
                f"overrides/partials/{NOTICE_CLASS}.html.",
                partner_links[0].line,
            )
        )
    elif notice is not None and not partner_links:
        errors.append(
            ContentError(
                file,
                "partner-notice-unused",
                "the page shows the partner-link notice but has no partner link.",
                f"remove <!-- md:{NOTICE_MARKER} --> from the page's source.",
                notice.line,
            )
        )
    return errors
