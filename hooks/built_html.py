"""Read a built HTML page for the publication checks: its language, links, elements, text and JSON-LD.

`parse_page` uses only the standard library's HTML parser, so the checks run on any generator's
output. `scan_links` finds just the links, several times faster, for `rewrite_start_tags`, which
changes chosen start tags and leaves every other byte as it was; the checks read the rewritten
page with the full parser, so they would catch a scanner mistake.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

_NOT_TEXT = ("script", "style", "template")


def normalize(text: str) -> str:
    """Text with every run of whitespace as one space, trimmed."""
    # str.split() knows the same whitespace as the regex \s, and is several times faster on a page.
    return " ".join(text.split())


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    start: int  # offset of '<' in the page
    line: int
    end: int = -1  # offset after the end tag (links only); -1 while open or unknown
    raw: str = ""  # the start tag as written


@dataclass
class BuiltPage:
    html: str
    lang: str | None = None
    canonical: str | None = None
    elements: list[Element] = field(default_factory=list)
    links: list[Element] = field(default_factory=list)  # <a href>, with end
    texts: list[tuple[int, str]] = field(default_factory=list)  # visible text with its offset
    json_ld: list[tuple[int, str]] = field(default_factory=list)  # line, content

    def first(self, match: Callable[[Element], bool]) -> Element | None:
        return next((element for element in self.elements if match(element)), None)

    def all(self, match: Callable[[Element], bool]) -> list[Element]:
        return [element for element in self.elements if match(element)]

    def text(self) -> str:
        return normalize(" ".join(text for _, text in self.texts))

    def text_between(self, start: int, end: int) -> str:
        return " ".join(text for offset, text in self.texts if start <= offset < end)

    def text_after(self, offset: int, length: int) -> str:
        """About `length` characters of text that follow `offset`."""
        out = ""
        for position, text in self.texts:
            if position >= offset:
                out += " " + text
                if len(normalize(out)) >= length:
                    break
        return normalize(out)[:length]


class _Parser(HTMLParser):
    def __init__(self, page: BuiltPage):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", page.html)]
        self.open_link: Element | None = None
        self.skip: str | None = None
        self.json_ld = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self._offset(), self.getpos()[0], raw=self.get_starttag_text() or "")
        self.page.elements.append(element)
        if tag == "html" and element.attrs.get("lang"):
            self.page.lang = element.attrs["lang"].strip().lower()
        elif tag == "link" and "canonical" in (element.attrs.get("rel") or "").split():
            self.page.canonical = element.attrs.get("href")
        elif tag == "a" and element.attrs.get("href") is not None:
            self.page.links.append(element)
            self.open_link = element
        elif tag in _NOT_TEXT:
            self.skip = tag
            self.json_ld = tag == "script" and (element.attrs.get("type") or "").strip().lower() == "application/ld+json"

    def handle_endtag(self, tag):
        if tag == "a" and self.open_link is not None:
            self.open_link.end = self.page.html.index(">", self._offset()) + 1
            self.open_link = None
        elif tag == self.skip:
            self.skip, self.json_ld = None, False

    def handle_data(self, data):
        if self.json_ld:
            self.page.json_ld.append((self.getpos()[0], data))
        elif self.skip is None and data.strip():
            self.page.texts.append((self._offset(), data))


def parse_page(text: str) -> BuiltPage:
    page = BuiltPage(text)
    parser = _Parser(page)
    parser.feed(text)
    parser.close()
    for link in page.links:  # a link never closed (broken HTML) ends with its start tag
        if link.end < 0:
            link.end = link.start + len(link.raw)
    return page


# Comments and raw-text elements are skipped whole, so nothing inside them is read as a tag.
# Performance: every branch starts with '<' outside any group, which lets the regex engine jump from
# one '<' to the next; the attributes are an atomic group (each part starts with a different
# character, so backtracking into it could never find another match).
_TOKEN = re.compile(
    r"<!--.*?-->|<(?P<raw>script|style|textarea|title)\b.*?</(?P=raw)\s*>"
    r"|<(?P<tag>a|link|html)\b(?P<attrs>(?>[^>\"']+|\"[^\"]*\"|'[^']*')*)>|</(?P<close>a)\s*>",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attributes(text: str) -> dict[str, str | None]:
    attrs: dict[str, str | None] = {}
    for attribute in _ATTRIBUTE.finditer(text):
        value = next((group for group in attribute.groups()[1:] if group is not None), None)
        attrs.setdefault(attribute.group(1).lower(), None if value is None else html_lib.unescape(value))
    return attrs


def scan_links(text: str, wanted: Callable[[str], bool] | None = None) -> BuiltPage:
    """A page with only its language, canonical link and links (with their ends) filled in.

    With `wanted`, only the links whose start tag (as written) it accepts are read and listed: on a
    page with hundreds of navigation links, reading their attributes is most of the work. A link
    passed over that starts inside a wanted one still leaves that one without an end, as it would
    in the full list.
    """
    page = BuiltPage(text)
    open_link: Element | None = None
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup  # the last group that matched names the kind of token
        if kind == "close":
            if open_link is not None:
                open_link.end, open_link = match.end(), None
            continue
        if kind != "attrs":
            continue  # a comment or raw-text element
        raw, tag = match.group(), match.group("tag").lower()
        if tag == "a" and wanted is not None and not wanted(raw):
            if open_link is not None and _attributes(match.group("attrs")).get("href") is not None:
                open_link = None
            continue
        attrs = _attributes(match.group("attrs"))
        element = Element(tag, attrs, match.start(), 0, raw=raw)
        page.elements.append(element)
        if tag == "html" and attrs.get("lang"):
            page.lang = attrs["lang"].strip().lower()
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").split():
            page.canonical = attrs.get("href")
        elif tag == "a" and attrs.get("href") is not None:
            page.links.append(element)
            open_link = element
    return page


def start_tag(tag: str, attrs: dict[str, str | None]) -> str:
    """A start tag with its attributes, values escaped."""
    parts = [tag] + [name if value is None else f'{name}="{html_lib.escape(value, quote=True)}"' for name, value in attrs.items()]
    return f"<{' '.join(parts)}>"


def rewrite_start_tags(page: BuiltPage, change: Callable[[Element], tuple[dict, str] | None]) -> str:
    """The page's HTML with chosen start tags replaced; everything else stays byte for byte.

    `change(element)` returns None to keep the tag, or (new attributes, HTML to insert right after
    the element's end tag, or "").
    """
    text = page.html
    spans: list[tuple[int, int, str]] = []
    for element in page.elements:
        result = change(element)
        if result is None:
            continue
        attrs, after = result
        spans.append((element.start, element.start + len(element.raw), start_tag(element.tag, attrs)))
        if after and element.end > 0:
            spans.append((element.end, element.end, after))
    out, position = [], 0
    for start, end, new in sorted(spans):
        out.append(text[position:start])
        out.append(new)
        position = end
    out.append(text[position:])
    return "".join(out)
