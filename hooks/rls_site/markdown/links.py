"""Links to other sites and partner links, as a page shows them.

Every link to another site gets rel="noopener noreferrer": `noopener` stops the other site from
controlling this tab, `noreferrer` keeps it from learning which health page the reader came from.
A partner link, written `[text](url){ .partner }` (data/partners.yml), also gets `sponsored`, as
search engines ask, and the visible label right after it (`overrides/partials/partner-label.html`);
`<!-- md:partner-notice -->` becomes the notice readers must see before the first partner link
(`overrides/partials/partner-notice.html`). Whether partner links are declared, marked and
announced is checked here on the page's Markdown (`check_partner_markdown`), before the build;
the built pages are checked again (rls_site.checks.partners), so links from templates are held to
the same rules. `find_links` finds every link an editor writes, for these rules and for the check
of links between pages (rls_site.checks.markdown_links).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from rls_site.data.partners import DATA_FILE as PARTNERS_FILE
from rls_site.errors import ContentError
from rls_site.markdown.settings import SiteExtension
from rls_site.markdown.text import Marker, find_markers, line_at, mask_code, replace_spans
from rls_site.urls import host_of

EXTERNAL_REL = ("noopener", "noreferrer")
PARTNER_REL = ("sponsored", "noopener", "noreferrer")
PARTNER_CLASS = "partner"  # on the link: [text](url){ .partner }
NOTICE_MARKER = "partner-notice"
POLICY_URL = "/over.md#partnerlinks"  # from the docs root: right from every page
PAGE = "page"
MARK = "{ .partner }"


def with_tokens(rel: str | None, tokens: tuple[str, ...]) -> str:
    """`rel` with `tokens` added after the ones it has."""
    present = (rel or "").split()
    return " ".join(present + [token for token in tokens if token not in present])


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
            form_nl = "" if link.inline else f" Schrijf hem als [tekst]({link.url}){MARK}: alleen die vorm kan de markering dragen."
            form_en = "" if link.inline else f" Write it as [text]({link.url}){MARK}: only that form can carry the mark."
            errors.append(
                ContentError(
                    file,
                    "partner-link-unmarked",
                    line=link.line,
                    address=link.url,
                    nl=f"de link naar {link.url} gaat naar een partner ({link.host} staat in {PARTNERS_FILE}), maar is niet als "
                    "partnerlink gemarkeerd.",
                    en=f"the link to {link.url} goes to a partner ({link.host} is in {PARTNERS_FILE}) but is not marked as a partner link.",
                    fix_nl=f"zet {MARK} direct na de link, zoals [tekst]({link.url}){MARK}, en zet <!-- md:{NOTICE_MARKER} --> voor de "
                    f"eerste partnerlink van de pagina.{form_nl}",
                    fix_en=f"add {MARK} right after the link, like [text]({link.url}){MARK}, and place <!-- md:{NOTICE_MARKER} --> before "
                    f"the page's first partner link.{form_en}",
                )
            )
        elif link.marked and not partner_host:
            errors.append(
                ContentError(
                    file,
                    "partner-link-unknown",
                    line=link.line,
                    address=link.url,
                    nl=f"de link naar {link.url} is gemarkeerd met {MARK}, maar {link.host or 'de site'} is geen partner in "
                    f"{PARTNERS_FILE}.",
                    en=f"the link to {link.url} is marked {MARK}, but {link.host or 'its host'} is not a partner in {PARTNERS_FILE}.",
                    fix_nl=f"voeg de site toe aan {PARTNERS_FILE} als het bedrijf de site voor deze link betaalt; haal anders {MARK} weg.",
                    fix_en=f"add the host to {PARTNERS_FILE} if the company pays the site for this link; otherwise remove {MARK}.",
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
                    line=marker.line,
                    nl=f"<!-- md:{NOTICE_MARKER} --> moet op een eigen regel staan, niet ingesprongen.",
                    en=f"<!-- md:{NOTICE_MARKER} --> must stand on a line of its own, not indented.",
                    fix_nl="zet de markering op een eigen regel, met een lege regel erboven en eronder, buiten lijsten en kaders.",
                    fix_en="put the marker on its own line, with an empty line above and below, outside lists and boxes.",
                )
            )
        if marker.args:
            errors.append(
                ContentError(
                    file,
                    "partner-notice-marker",
                    line=marker.line,
                    nl=f"<!-- md:{NOTICE_MARKER} --> heeft geen argument, gevonden: '{' '.join(marker.args)}'.",
                    en=f"<!-- md:{NOTICE_MARKER} --> takes no argument, found '{' '.join(marker.args)}'.",
                    fix_nl=f"schrijf de markering als <!-- md:{NOTICE_MARKER} -->; de tekst van de melding staat in data/labels.yml.",
                    fix_en=f"write the marker as <!-- md:{NOTICE_MARKER} -->; the text of the notice is in data/labels.yml.",
                )
            )
    if len(notices) > 1:
        errors.append(
            ContentError(
                file,
                "partner-notice-marker",
                line=notices[1].line,
                nl="de partnermelding staat meer dan eens op deze pagina.",
                en="the partner-link notice appears more than once on this page.",
                fix_nl=f"houd één <!-- md:{NOTICE_MARKER} --> (de eerste op regel {notices[0].line}), voor de eerste partnerlink.",
                fix_en=f"keep one <!-- md:{NOTICE_MARKER} --> (first at line {notices[0].line}), before the first partner link.",
            )
        )
    if partner_links and not notices:
        errors.append(
            ContentError(
                file,
                "partner-notice-missing",
                line=partner_links[0].line,
                nl=f"de pagina heeft een partnerlink (naar {partner_links[0].url}) maar geen partnermelding.",
                en=f"the page has a partner link (to {partner_links[0].url}) but no partner-link notice.",
                fix_nl=f"zet <!-- md:{NOTICE_MARKER} --> op een eigen regel voor de alinea met de eerste partnerlink.",
                fix_en=f"place <!-- md:{NOTICE_MARKER} --> on its own line before the paragraph with the first partner link.",
            )
        )
    elif partner_links and notices[0].start > partner_links[0].start:
        errors.append(
            ContentError(
                file,
                "partner-notice-late",
                line=notices[0].line,
                nl=f"de partnermelding (regel {notices[0].line}) staat na de eerste partnerlink; lezers moeten haar eerst zien.",
                en=f"the partner-link notice (line {notices[0].line}) comes after the first partner link; readers must see it first.",
                fix_nl=f"zet <!-- md:{NOTICE_MARKER} --> boven de eerste partnerlink (regel {partner_links[0].line}).",
                fix_en=f"move <!-- md:{NOTICE_MARKER} --> above the first partner link (line {partner_links[0].line}).",
            )
        )
    elif notices and not partner_links:
        errors.append(
            ContentError(
                file,
                "partner-notice-unused",
                line=notices[0].line,
                nl="de pagina heeft een partnermelding maar geen partnerlink; de melding zou lezers iets onwaars vertellen.",
                en="the page has a partner-link notice but no partner link; the notice would tell readers something untrue.",
                fix_nl=f"haal <!-- md:{NOTICE_MARKER} --> weg, of markeer de partnerlink met {MARK}.",
                fix_en=f"remove <!-- md:{NOTICE_MARKER} -->, or mark the partner link with {MARK}.",
            )
        )
    return errors


class _NoticePreprocessor(Preprocessor):
    def __init__(self, md, extension: LinksExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        if "md:partner-notice" not in markdown:
            return lines
        markers = [m for m in find_markers(markdown, PAGE) if m.name == NOTICE_MARKER]
        if not markers:
            return lines
        site = self.extension.site()
        notice = site.env.get_template("partials/partner-notice.html").render(labels=site.labels(), policy_url=POLICY_URL).strip()
        return replace_spans(markdown, [(markers[0].start, markers[0].end, f"\n\n{notice}\n\n")]).split("\n")


class _LinksTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: LinksExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        label = None
        for parent in root.iter():
            for index, link in reversed(list(enumerate(parent))):
                if link.tag != "a" or link.get("href") is None:
                    continue
                if PARTNER_CLASS in (link.get("class") or "").split():
                    link.set("rel", with_tokens(link.get("rel"), PARTNER_REL))
                    if label is None:
                        site = self.extension.site()
                        label = site.env.get_template("partials/partner-label.html").render(labels=site.labels()).strip()
                    if label:  # a template that lost the label: the checks say so, the page still builds
                        element = etree.fromstring(label)
                        element.tail, link.tail = link.tail, " "
                        parent.insert(index + 1, element)
                elif host_of(link.get("href")) is not None:
                    link.set("rel", with_tokens(link.get("rel"), EXTERNAL_REL))


class LinksExtension(SiteExtension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_NoticePreprocessor(md, self), "rls_partner_notice", 28)
        # After the inline patterns made the links (20), before MkDocs resolves page links (0).
        md.treeprocessors.register(_LinksTreeprocessor(md, self), "rls_links", 5)


def makeExtension(**kwargs):
    return LinksExtension(**kwargs)
