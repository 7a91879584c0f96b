"""Links to other sites and partner links, as a page shows them.

Every link to another site gets rel="noopener noreferrer": `noopener` stops the other site from
controlling this tab, `noreferrer` keeps it from learning which health page the reader came from.
A partner link, written `[text](url){ .partner }` (data/partners.yml), also gets `sponsored`, as
search engines ask, and the visible label right after it (`overrides/partials/partner-label.html`);
`<!-- md:partner-notice -->` becomes the notice readers must see before the first partner link
(`overrides/partials/partner-notice.html`). Whether partner links are declared, marked and
announced is checked by rls_site.checks.partners; the built pages are checked again, so links
from templates are held to the same rules.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from rls_site.markdown.settings import SiteExtension
from rls_site.markdown.text import find_markers, replace_spans
from rls_site.urls import host_of

EXTERNAL_REL = ("noopener", "noreferrer")
PARTNER_REL = ("sponsored", "noopener", "noreferrer")
PARTNER_CLASS = "partner"  # on the link: [text](url){ .partner }
NOTICE_MARKER = "partner-notice"
POLICY_URL = "/over.md#partnerlinks"  # from the docs root: right from every page
PAGE = "page"


def with_tokens(rel: str | None, tokens: tuple[str, ...]) -> str:
    """`rel` with `tokens` added after the ones it has."""
    present = (rel or "").split()
    return " ".join(present + [token for token in tokens if token not in present])


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
