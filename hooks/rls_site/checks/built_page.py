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

from lxml import etree

# lxml's plain HTML parser (libxml2's, as lxml.html uses) without lxml.html's element classes,
# which cost a Python call for every element the checks touch.
_PARSER = etree.HTMLParser()
_NOT_TEXT = ("script", "style", "template")


def _visible_text(root: etree._Element) -> list[str]:
    """The text pieces of `root` outside script, style, template and comments, in document order.

    A walk of the tree, not an XPath with ancestor tests: a third of the time on a long page.
    """
    parts: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(root, False)]  # (node, its tail only)
    while stack:
        node, tail_only = stack.pop()
        if tail_only:
            if node.tail:
                parts.append(node.tail)
            continue
        if node is not root:
            stack.append((node, True))
        if not isinstance(node.tag, str) or node.tag in _NOT_TEXT:
            continue
        if node.text:
            parts.append(node.text)
        stack.extend((child, False) for child in reversed(node))
    return parts


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
        """Every element of the page (the checks ask for the few they need with `select`)."""
        return [element_of(node) for node in self.root.iter() if isinstance(node.tag, str)]

    def select(self, xpath: str) -> list[Element]:
        """The elements that `xpath` finds, in document order (tag and attribute names are lower case)."""
        return [element_of(node) for node in _xpath(xpath)(self.root) if isinstance(node.tag, str)]

    def with_class(self, name: str) -> list[Element]:
        """The elements whose class attribute holds `name`."""
        return [element_of(node) for node in self.root.iter(etree.Element) if name in (node.get("class") or "").split()]

    @functools.cached_property
    def links(self) -> list[Element]:
        """Every <a> with an href."""
        return self.select("//a[@href]")

    @functools.cached_property
    def lang(self) -> str | None:
        html = self.root if self.root.tag == "html" else self.root.find(".//html")
        lang = html.get("lang") if html is not None else None
        return lang.strip().lower() if lang else None

    @functools.cached_property
    def canonical(self) -> str | None:
        for element in self.select("/html/head/link[@rel]"):  # browsers only follow it in the head
            if "canonical" in (element.attrs.get("rel") or "").lower().split():
                return element.attrs.get("href")
        return None

    @functools.cached_property
    def json_ld(self) -> list[tuple[int | None, str]]:
        """(line, content) of every <script type="application/ld+json">."""
        return [
            (element.line, element.node.text or "")
            for element in self.select("//script[@type]")
            if (element.attrs.get("type") or "").strip().lower() == "application/ld+json"
        ]

    def first(self, match: Callable[[Element], bool]) -> Element | None:
        return next((element for element in self.elements if match(element)), None)

    def all(self, match: Callable[[Element], bool]) -> list[Element]:
        return [element for element in self.elements if match(element)]

    @functools.cached_property
    def _text(self) -> str:
        return normalize(" ".join(_visible_text(self.root)))

    def text(self) -> str:
        """The page's visible text (no script, style or template content), whitespace normalized."""
        return self._text

    def shows(self, words: str, where: str | None = None) -> bool:
        """`words` are part of the page's visible text. `where`, an XPath, names the elements where
        they are expected: looked at first, which spares reading the whole page's text."""
        words = normalize(words)
        if where is not None and any(words in normalize(" ".join(_visible_text(node))) for node in _xpath(where)(self.root)):
            return True
        return words in self._text

    def text_of(self, element: Element) -> str:
        return normalize("".join(element.node.itertext()))

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


def element_of(node: etree._Element) -> Element:
    # libxml2's HTML parser writes tag and attribute names in lower case already.
    return Element(node.tag, dict(node.attrib), node.sourceline, node)


@functools.cache
def _xpath(expression: str) -> etree.XPath:
    return etree.XPath(expression)


def read_page(html: str) -> BuiltPage:
    """A built page as the checks read it."""
    if not html.strip():
        html = "<html></html>"
    return BuiltPage(html, etree.fromstring(html, _PARSER))


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
    return lines_in_page(html, navigation)(line)


def lines_in_page(html: str, navigation: str) -> Callable[[int | None], int | None]:
    """`line_in_page` for many lines of one page: the page is measured once (a page's navigation
    is some 300 kB at 1,000 pages a language, and a page has some 80 links)."""
    if not navigation:
        return lambda line: line
    placeholder_line = html.count("\n", 0, html.find(NAVIGATION_PLACEHOLDER)) + 1
    shift = navigation.count("\n") - 1
    return lambda line: line + shift if line is not None and line > placeholder_line else line
