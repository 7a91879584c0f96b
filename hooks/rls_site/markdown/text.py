"""Find things in page Markdown without touching code, and the markers editors place.

Shared by the hooks that read Markdown: code (fenced blocks and `inline code`) is never read as
a citation or marker, and line numbers in messages match the file an editor has open.

Markers are HTML comments, so an unprocessed marker shows nothing:

    <!-- md:selfcheck -->        the interactive self-check of the five criteria
    <!-- md:bibliography -->     the list of every source (sources page)
    <!-- md:partner-notice -->   the partner-link notice, required before a page's first partner link
    <!-- md:evidence LEVEL -->   an evidence statement's label and level (data/evidence.yml)
    <!-- md:evidence-scale -->   the levels of the evidence scale with their meanings (about page)
    <!-- md:summary -->, <!-- md:care LEVEL -->, <!-- md:do --> ... <!-- md:dont -->, each closed by
    <!-- md:end -->: the parts readers act on (rls_site.markdown.components)
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from rls_site.errors import ContentError
from rls_site.rules import Text

# Every marker name the hooks know, with what it does: unknown names fail the build.
KNOWN_MARKERS = {
    "selfcheck": Text("de zelftest van de vijf kenmerken (data/selfcheck.yml)", "the self-check of the five criteria (data/selfcheck.yml)"),
    "bibliography": Text(
        "elke bron in data/sources.yml, met de pagina's die ernaar verwijzen",
        "every source in data/sources.yml, with the pages that cite it",
    ),
    "partner-notice": Text(
        "de partnermelding, verplicht voor de eerste partnerlink (data/partners.yml)",
        "the partner-link notice, required before the first partner link (data/partners.yml)",
    ),
    "evidence": Text(
        "een uitspraak over bewijs: <!-- md:evidence weak --> en de tekst (niveaus in data/evidence.yml)",
        "an evidence statement: <!-- md:evidence weak --> and its text (levels in data/evidence.yml)",
    ),
    "evidence-scale": Text(
        "elk niveau van de bewijsschaal met zijn betekenis (over-pagina)", "every level of the evidence scale with its meaning (about page)"
    ),
    "summary": Text(
        "'In het kort': de pagina in een paar regels, gesloten met <!-- md:end --> (data/components.yml)",
        "'In het kort': the page in a few lines, closed by <!-- md:end --> (data/components.yml)",
    ),
    "care": Text(
        "een zorgkaart: <!-- md:care appointment -->, de lijst, <!-- md:end --> (niveaus in data/components.yml)",
        "a care card: <!-- md:care appointment -->, its list, <!-- md:end --> (levels in data/components.yml)",
    ),
    "do": Text(
        "wat je wel doet: <!-- md:do -->, een lijst, <!-- md:dont -->, een lijst, <!-- md:end -->",
        "what to do: <!-- md:do -->, a list, <!-- md:dont -->, a list, <!-- md:end -->",
    ),
    "dont": Text("wat je niet doet, binnen een deel <!-- md:do -->", "what not to do, inside a <!-- md:do --> part"),
    "end": Text("sluit een samenvatting, zorgkaart of deel Wel doen / Niet doen", "closes a summary, care card or Do / Do not part"),
}

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKER = re.compile(r"<!--\s*md:(?P<name>[^\s>]*)(?P<args>.*?)-->", re.DOTALL)


def blank(text: str) -> str:
    """Same length, newlines kept, everything else a space: offsets and line numbers survive."""
    return re.sub(r"[^\n]", " ", text)


# Every hook masks the text it reads, and the publication checks mask each source three times: the
# same text is masked once. A few entries suffice, as the hooks read one page after another.
@functools.lru_cache(maxsize=32)
def mask_code(markdown: str, comments: bool = False) -> str:
    """Return `markdown` with code (and optionally HTML comments) blanked out."""
    # Most pages have no code at all: the patterns below, tried at every line and position, cost more
    # than looking for the characters that every piece of code needs.
    if "`" not in markdown and "~~~" not in markdown:
        return _COMMENT.sub(lambda m: blank(m.group(0)), markdown) if comments and "<!--" in markdown else markdown
    out: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            out.append(blank(line))
        elif fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not line.strip()[len(match.group(1)) :].strip("`~ \t>")
            ):
                fence = None
            out.append(blank(line))
        else:
            out.append(line)
    text = "".join(out)
    # Inline code cannot span a blank line (a paragraph break).
    text = _INLINE_CODE.sub(lambda m: m.group(0) if "\n\n" in m.group(0) else blank(m.group(0)), text)
    if comments:
        text = _COMMENT.sub(lambda m: blank(m.group(0)), text)
    return text


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """1-based line number of `offset` in `text`, when `text` starts at line `first_line`."""
    return first_line + text.count("\n", 0, offset)


@dataclass(frozen=True)
class Marker:
    name: str
    args: tuple[str, ...]
    start: int
    end: int
    line: int


def find_markers(markdown: str, file: str, first_line: int = 1) -> list[Marker]:
    """Every `<!-- md:name args -->` outside code; an unknown name is an error with a suggestion."""
    masked = mask_code(markdown)
    markers = []
    for match in _MARKER.finditer(masked):
        name = match.group("name")
        line = line_at(markdown, match.start(), first_line)
        if name not in KNOWN_MARKERS:
            close = difflib.get_close_matches(name, KNOWN_MARKERS, n=1)
            known = [(f"<!-- md:{n} -->", what) for n, what in KNOWN_MARKERS.items()]
            raise ContentError(
                file,
                "unknown-marker",
                line=line,
                nl=f"onbekende markering <!-- md:{name} -->.",
                en=f"unknown marker <!-- md:{name} -->.",
                fix_nl=(f"bedoel je <!-- md:{close[0]} -->? " if close else "")
                + "Bekende markeringen: "
                + ", ".join(f"{marker} ({what.nl})" for marker, what in known)
                + ".",
                fix_en=(f"did you mean <!-- md:{close[0]} -->? " if close else "")
                + "Known markers: "
                + ", ".join(f"{marker} ({what.en})" for marker, what in known)
                + ".",
            )
        markers.append(Marker(name, tuple(match.group("args").split()), match.start(), match.end(), line))
    return markers


def replace_spans(text: str, replacements: list[tuple[int, int, str]]) -> str:
    """Replace (start, end, new) spans of `text`, given in any order and not overlapping."""
    out, position = [], 0
    for start, end, new in sorted(replacements):
        out.append(text[position:start])
        out.append(new)
        position = end
    out.append(text[position:])
    return "".join(out)
