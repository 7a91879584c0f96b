"""Read a built HTML page for the publication checks, with lxml: its language, elements, links,
visible text and JSON-LD, each element with the line it is on.

lxml reads HTML as a browser would in the cases that matter here: character references decoded,
attribute names in lower case, a repeated attribute keeping its first value. Material's primary
navigation, on every page and growing with the site (328 kB of a 356 kB page at 1,000 pages a
language), is set aside before reading (`without_navigation`): it is built from mkdocs.yml, whose
navigation may only name the site's own pages (rule navigation-external-link), and holds nothing
else the checks look at. `line_in_page` gives a problem its line in the page as written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

_NOT_TEXT = ("script", "style", "template")
_TEXT = etree.XPath("//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::template)]")


def normalize(text: str) -> str:
    """Text with every run of whitespace as one space, trimmed."""
    return " ".join(text.split())


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    line: int | None
    node: etree._Element = field(repr=False, compare=False, default=None)


@dataclass
class BuiltPage:
    html: str
    root: etree._Element = field(repr=False)

    @functools.cached_property
    def elements(self) -> list[Element]:
        return [
            Element(node.tag.lower(), {name.lower(): value for name, value in node.attrib.items()}, node.sourceline, node)
            for node in self.root.iter()
            if isinstance(node.tag, str)
        ]

    @functools.cached_property
    def links(self) -> list[Element]:
        """Every <a> with an href."""
        return [element for element in self.elements if element.tag == "a" and element.attrs.get("href") is not None]

    @functools.cached_property
    def lang(self) -> str | None:
        html = self.root if self.root.tag == "html" else self.root.find(".//html")
        lang = html.get("lang") if html is not None else None
        return lang.strip().lower() if lang else None

    @functools.cached_property
    def canonical(self) -> str | None:
        for element in self.elements:
            if element.tag == "link" and "canonical" in (element.attrs.get("rel") or "").lower().split():
                return element.attrs.get("href")
        return None

    @functools.cached_property
    def json_ld(self) -> list[tuple[int | None, str]]:
        """(line, content) of every <script type="application/ld+json">."""
        return [
            (element.line, element.node.text or "")
            for element in self.elements
            if element.tag == "script" and (element.attrs.get("type") or "").strip().lower() == "application/ld+json"
        ]

    def first(self, match: Callable[[Element], bool]) -> Element | None:
        return next((element for element in self.elements if match(element)), None)

    def all(self, match: Callable[[Element], bool]) -> list[Element]:
        return [element for element in self.elements if match(element)]

    @functools.cached_property
    def _text(self) -> str:
        return normalize(" ".join(_TEXT(self.root)))

    def text(self) -> str:
        """The page's visible text (no script, style or template content), whitespace normalized."""
        return self._text

    def shows(self, words: str) -> bool:
        """`words` are part of the page's visible text."""
        return normalize(words) in self._text

    def text_of(self, element: Element) -> str:
        return normalize(element.node.text_content())

    def text_after(self, element: Element, length: int) -> str:
        """About `length` characters of the visible text that follows `element`."""
        out = ""
        for text in element.node.xpath("following::text()[not(ancestor::script) and not(ancestor::style)]"):
            out += " " + text
            if len(normalize(out)) >= length:
                break
        return normalize(out)[:length]

    def before(self, first: Element, second: Element) -> bool:
        """`first` comes before `second` in the document."""
        order = {id(node): index for index, node in enumerate(self.root.iter())}
        return order[id(first.node)] < order[id(second.node)]


def read_page(html: str) -> BuiltPage:
    """A built page as the checks read it."""
    if not html.strip():
        html = "<html></html>"
    return BuiltPage(html, lxml.html.document_fromstring(html))


# --- Material's navigation, set aside while a page is read ------------------------------------

_NAVIGATION_START = '<div class="md-sidebar md-sidebar--primary"'
_NAVIGATION_ENDS = ('<div class="md-sidebar md-sidebar--secondary"', '<div class="md-content"')
# One short line where the navigation was; what followed it starts on the next line.
NAVIGATION_PLACEHOLDER = "<!-- navigation set aside while the page is checked -->\n"


def without_navigation(html: str) -> tuple[str, str]:
    """The page with a placeholder (a comment) where Material's primary navigation was, and that
    navigation ('' when the page has none)."""
    start = html.find(_NAVIGATION_START)
    if start < 0:
        return html, ""
    ends = [found for found in (html.find(end, start) for end in _NAVIGATION_ENDS) if found >= 0]
    if not ends:
        return html, ""
    return html[:start] + NAVIGATION_PLACEHOLDER + html[min(ends) :], html[start : min(ends)]


def line_in_page(line: int | None, html: str, navigation: str) -> int | None:
    """The line, in the page as written, of `line` of the page read with its navigation set aside."""
    if line is None or not navigation:
        return line
    placeholder_line = html.count("\n", 0, html.find(NAVIGATION_PLACEHOLDER)) + 1
    return line + navigation.count("\n") - 1 if line > placeholder_line else line
