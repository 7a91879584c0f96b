"""Read a built HTML page for the publication checks: its language, links, elements, text and JSON-LD.

`parse_page` uses only the standard library's HTML parser, so the checks run on any generator's
output; it reads every tag, which takes long on a page with a large navigation (some 100 ms for a
350 kB page). `scan_page`, which the checks use, reads only what they look at: it finds the start
tags by what they hold (SCANNED) instead of reading one tag after another, and reads the text
only where a check asks for it; the tests hold it to the parser's reading of every page of the
site and of a page of awkward HTML.
`scan_links` finds just the links, several times faster, for `rewrite_start_tags`, which
changes chosen start tags and leaves every other byte as it was; the checks read the rewritten
page with `scan_page`, which finds links another way, so they would catch a scanner mistake.
`set_aside_navigation` takes Material's navigation out of a page while the hook reads it, when it
holds nothing the checks read (see there); `line_in_page` gives problems their lines as written.
"""

from __future__ import annotations

import bisect
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

    def shows(self, words: str) -> bool:
        """`words` are part of the page's visible text (`text()`)."""
        return words in self.text()

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
# The same without end tags: a link's end is looked for after each link read (there are as many
# end tags as links, most of them of links passed over).
_START_TOKEN = re.compile(_TOKEN.pattern.removesuffix(r"|</(?P<close>a)\s*>"), re.IGNORECASE | re.DOTALL)
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
    page with hundreds of navigation links, reading their attributes is most of the work.
    """
    page = BuiltPage(text)
    for match in _START_TOKEN.finditer(text):
        if match.lastgroup != "attrs":
            continue  # a comment or raw-text element
        raw, tag = match.group(), match.group("tag").lower()
        if tag == "a" and wanted is not None and not wanted(raw):
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
            element.end = _end_of_link(text, match.end())
    return page


def _end_of_link(text: str, position: int) -> int:
    """Offset after the end tag of the link whose start tag ends at `position`; -1 when another
    link starts first (wanted or not) or no end tag follows."""
    for match in _TOKEN.finditer(text, position):
        if match.lastgroup == "close":
            return match.end()
        if match.lastgroup == "attrs" and match.group("tag").lower() == "a" and _attributes(match.group("attrs")).get("href") is not None:
            return -1
    return -1


# --- What the checks read, without reading every tag -----------------------------------------

# The start tags scan_page reads, besides <html>: those holding one of these, as written. '//'
# starts the host of a link to another site (so does '/' before a tab or line break, which URLs
# drop); 'partner' is in the class of partner links and of the notice; data-review marks the review
# dates, data-disclaimer the disclaimer (attribute names in lower case, as the templates write
# them); a character reference ('&') could spell any of these.
SCANNED = ("//", "&", "partner", "data-review", "data-disclaimer")
# Both kinds of '//' in one pass over the page ('/' is common: two passes cost twice).
_SLASHES = re.compile(r"//|/[\t\n\r]")
_ATTRS = r"(?>[^>\"']+|\"[^\"]*\"|'[^']*')*"
# What parse_page's parser reads as markup: comments, script and style elements (their content is
# neither markup nor text), start and end tags, declarations. Every branch starts with '<' outside
# any group, so the regex engine jumps from one '<' to the next.
_MARKUP = re.compile(
    r"<(?:!--.*?-->|(?P<raw>script|style)\b(?P<raw_attrs>" + _ATTRS + r")>(?P<body>.*?)</(?P=raw)\s*>"
    r"|(?P<end>/)?(?P<tag>[a-zA-Z][^\s/>]*)(?P<attrs>" + _ATTRS + r")>|![^>]*>|\?[^>]*>)",
    re.IGNORECASE | re.DOTALL,
)
# The markup scan_page always reads: comments, script and style elements, <html> and <link>, and
# <template>, whose content parse_page's parser reads in a way of its own (scan_page hands such a
# page to parse_page).
_FRAME = re.compile(
    r"<(?:!--.*?-->|(?P<raw>script|style)\b(?P<raw_attrs>" + _ATTRS + r")>(?P<body>.*?)</(?P=raw)\s*>"
    r"|(?P<tag>html|link)\b(?P<attrs>" + _ATTRS + r")>|(?P<template>template)\b)",
    re.IGNORECASE | re.DOTALL,
)
# A character reference as html.unescape reads it (a name without ';' too).
_CHARREF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_LINK_EDGE = re.compile(r"<(?:/(?P<close>a)\s*|a\b(?P<attrs>" + _ATTRS + r"))>", re.IGNORECASE)


def _last_attributes(text: str) -> dict[str, str | None]:
    """Attributes as parse_page reads them: a repeated name keeps its last value."""
    attrs: dict[str, str | None] = {}
    for attribute in _ATTRIBUTE.finditer(text):
        value = next((group for group in attribute.groups()[1:] if group is not None), None)
        attrs[attribute.group(1).lower()] = None if value is None else html_lib.unescape(value)
    return attrs


@dataclass
class ScannedPage(BuiltPage):
    """A page as `scan_page` reads it: `elements` holds only the start tags the checks look at."""

    skipped: list[tuple[int, int]] = field(default_factory=list)  # comments, script and style elements
    _text: str | None = None

    def text(self) -> str:
        if self._text is None:
            # Markup becomes a space, as parse_page joins the texts between tags with one; a '<' that
            # starts no markup is text of its own there, so it gets spaces too.
            self._text = normalize(html_lib.unescape(_MARKUP.sub(" ", self.html).replace("<", " < ")))
        return self._text

    def shows(self, words: str) -> bool:
        """As BuiltPage.shows, without reading the whole page's text when `words` are written as
        they show (one space between words, no markup or character reference among them) in text
        outside markup: there they are part of the text."""
        if normalize(words) == words and words and not any(char in words for char in "<>&"):
            position = self.html.find(words)
            while position >= 0:
                if self._in_text(position):
                    return True
                position = self.html.find(words, position + 1)
        return super().shows(words)

    def _in_text(self, position: int) -> bool:
        """`position` is in text: in no markup, and no character reference runs into it."""
        if self._skipped_at(position) or _markup_at(self.html, position) is not None:
            return False
        ampersand = self.html.rfind("&", 0, position)
        reference = _CHARREF.match(self.html, ampersand) if ampersand >= 0 else None
        return reference is None or reference.end() <= position

    def _skipped_at(self, position: int) -> bool:
        index = bisect.bisect_right(self.skipped, (position, len(self.html))) - 1
        return index >= 0 and self.skipped[index][0] < position < self.skipped[index][1]

    def _texts(self, start: int, end: int | None = None):
        """(offset, text) from `start`, a position between markup, as parse_page lists them."""
        end = len(self.html) if end is None else end
        position = start
        for match in _MARKUP.finditer(self.html, start, end):
            yield from self._data(position, match.start())
            position = match.end()
        yield from self._data(position, end)

    def _data(self, start: int, end: int):
        while start < end:  # parse_page's parser reads a '<' that starts no markup as text of its own
            lt = self.html.find("<", start, end)
            stop = end if lt < 0 else lt
            data = html_lib.unescape(self.html[start:stop])
            if data.strip():
                yield start, data
            if lt < 0:
                break
            yield lt, "<"
            start = lt + 1

    def text_between(self, start: int, end: int) -> str:
        return " ".join(text for _, text in self._texts(start, end))

    def text_after(self, offset: int, length: int) -> str:
        out = ""
        for _, text in self._texts(offset):
            out += " " + text
            if len(normalize(out)) >= length:
                break
        return normalize(out)[:length]


def _markup_at(text: str, position: int) -> re.Match | None:
    """The markup that `position` is inside of, found from the nearest '<' before it that starts
    markup (a '<' in text starts none); None when `position` is in text."""
    start = text.rfind("<", 0, position)
    while start >= 0:
        match = _MARKUP.match(text, start)
        if match:
            return match if match.end() > position else None
        start = text.rfind("<", 0, start)
    return None


def scan_page(text: str) -> BuiltPage:
    """What the publication checks read, as parse_page finds it, many times faster on a page with
    a large navigation: the language, canonical link, JSON-LD and visible text, and of the elements
    <html> and the start tags that hold one of SCANNED (so every link that may go to another site
    or a partner; <script> and <style> excepted). The text is read only where a check asks for it.

    Like the link scanner it takes a '<' inside an attribute value for the start of markup; the
    templates escape it there. A page with a <template> element is read by parse_page.
    """
    page = ScannedPage(text)
    found: dict[int, Element] = {}
    for match in _FRAME.finditer(text):
        if match.group("template"):
            return parse_page(text)
        if match.group("raw"):  # a script or style: only JSON-LD is read
            page.skipped.append((match.start(), match.end()))
            start_tag = text[match.start() : match.end("raw_attrs") + 1]
            if "ld+json" in start_tag.lower() or "&" in start_tag:
                attrs = _last_attributes(match.group("raw_attrs"))
                if (attrs.get("type") or "").strip().lower() == "application/ld+json" and match.group("body"):
                    page.json_ld.append((match.start("body"), match.group("body")))  # offset now, line below
        elif not match.group("tag"):
            page.skipped.append((match.start(), match.end()))  # a comment
        elif match.group("tag").lower() == "html":
            attrs = _last_attributes(match.group("attrs"))
            found[match.start()] = Element("html", attrs, match.start(), 0, raw=match.group())
            if attrs.get("lang"):
                page.lang = attrs["lang"].strip().lower()
        elif "canonical" in match.group() or "&" in match.group():  # of the <link> elements only the canonical one
            attrs = _last_attributes(match.group("attrs"))
            if "canonical" in (attrs.get("rel") or "").split():
                page.canonical = attrs.get("href")
    marks = [match.start() for match in _SLASHES.finditer(text)]
    marks += [position for word in SCANNED[1:] for position in _find_all(text, word)]
    inside = -1  # the end of the markup the last mark was in: the marks up to there are in it too
    for position in sorted(marks):
        if position < inside:
            continue
        match = _markup_at(text, position)
        if match is None:
            continue
        inside = match.end()
        if not match.group("tag") or match.group("end") or match.start() in found or page._skipped_at(match.start()):
            continue
        attrs = _last_attributes(match.group("attrs"))
        found[match.start()] = Element(match.group("tag").lower(), attrs, match.start(), 0, raw=match.group())
    line, counted = 1, 0
    for start in sorted(found):
        line, counted = line + text.count("\n", counted, start), start
        element = found[start]
        element.line = line
        page.elements.append(element)
        if element.tag == "a" and element.attrs.get("href") is not None:
            page.links.append(element)
            element.end = _link_end(page, element)
    page.json_ld = [(text.count("\n", 0, offset) + 1, body) for offset, body in page.json_ld]
    return page


def _find_all(text: str, word: str) -> list[int]:
    found, position = [], text.find(word)
    while position >= 0:
        found.append(position)
        position = text.find(word, position + 1)
    return found


def _link_end(page: ScannedPage, link: Element) -> int:
    """Offset after the link's end tag; as in parse_page, a link never closed, or followed by
    another link before its end tag, ends with its start tag."""
    for match in _LINK_EDGE.finditer(page.html, link.start + len(link.raw)):
        if page._skipped_at(match.start()):
            continue
        if match.group("close"):
            return match.end()
        if _last_attributes(match.group("attrs")).get("href") is not None:
            break
    return link.start + len(link.raw)


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


# --- Material's navigation, set aside while a page is read ------------------------------------

# Material's primary navigation, built from mkdocs.yml and the page titles, is on every page and
# grows with the site: 328 kB of a 356 kB page at 1,000 pages a language. When it holds nothing the
# checks or the link rewrite read (no link that may go to another site or be a partner link, no
# marked element, no character reference, no comment or element read whole), reading the page
# without it finds the same elements; the time per page then stays the same as the site grows.
# Its text (page titles, the page's own table of contents) is not where the disclaimer or the
# review dates belong, so the checks of visible text read the rest of the page.
_NAVIGATION_START = '<div class="md-sidebar md-sidebar--primary"'
_NAVIGATION_ENDS = ('<div class="md-sidebar md-sidebar--secondary"', '<div class="md-content"')
# Markup read whole (comments, raw-text elements) or for itself (<html>, <link>), the tag names
# factored: this search stops at every '<' of the navigation, so each stop must be short.
_READ_WHOLE = re.compile(r"(?i)<(?:[!?]|s(?:cript|tyle)\b|t(?:extarea|itle|emplate)\b|html\b|link\b)")


def _read_by_checks(navigation: str) -> bool:
    """The navigation holds something the checks or the link rewrite read (see SCANNED)."""
    # '//' is found by _SLASHES with the '/' before a tab or line break; the rest as plain text.
    return (
        any(word in navigation for word in SCANNED if word != "//")
        or _SLASHES.search(navigation) is not None
        or _READ_WHOLE.search(navigation) is not None
    )


# One short line (a comment as long as the navigation would take the scanners as long as it did);
# what followed the navigation starts on the next line, so a line number says which side it is on.
NAVIGATION_PLACEHOLDER = "<!-- navigation set aside while the page is checked -->\n"


def set_aside_navigation(html: str) -> tuple[str, str]:
    """The page with a placeholder (a comment) where Material's primary navigation was, and that
    navigation; the page unchanged and '' when it has none or the navigation holds anything the
    checks read (an editor's link to another site in mkdocs.yml, for instance)."""
    start = html.find(_NAVIGATION_START)
    if start < 0:
        return html, ""
    ends = [found for found in (html.find(end, start) for end in _NAVIGATION_ENDS) if found >= 0]
    if not ends:
        return html, ""
    navigation = html[start : min(ends)]
    if _read_by_checks(navigation):
        return html, ""
    return html[:start] + NAVIGATION_PLACEHOLDER + html[min(ends) :], navigation


def restore_navigation(html: str, navigation: str) -> str:
    """Undo set_aside_navigation (its placeholder is the first: the navigation precedes the content)."""
    if not navigation:
        return html
    start = html.find(NAVIGATION_PLACEHOLDER)
    if start < 0:  # a rewrite between set-aside and restore removed it: never write such a page
        raise ValueError("the placeholder of the navigation set aside is missing from the page")
    return html[:start] + navigation + html[start + len(NAVIGATION_PLACEHOLDER) :]


def line_in_page(line: int | None, html: str, navigation: str) -> int | None:
    """The line, in the page as written, of `line` of the page read with its navigation set aside."""
    if line is None or not navigation:
        return line
    placeholder_line = html.count("\n", 0, html.find(NAVIGATION_PLACEHOLDER)) + 1
    return line + navigation.count("\n") - 1 if line > placeholder_line else line
