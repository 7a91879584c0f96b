"""The parts of a page readers act on, written between markers (texts in data/components.yml):

    <!-- md:summary -->            "In het kort": the page in a few lines, before its first section
    - ...
    <!-- md:end -->

    <!-- md:care appointment -->   a care card of one urgency level: emergency (call 112 now),
    - ...                          gp-today (call your GP today) or appointment (make an
    <!-- md:end -->                appointment); the level gives its heading and colour

    <!-- md:do -->                 what to do, then what not to do; every "Niet doen" item says
    - ...                          "not" in words (niet, geen, nooit; not, never, no)
    <!-- md:dont -->
    - ...
    <!-- md:end -->

Each part becomes its template in overrides/partials/ (summary.html, care-card.html, do-dont.html)
around the Markdown between the markers, which is read as any other Markdown (md_in_html). Its
heading, one level below the section it stands in, comes from partials/component-heading.html
and stays out of the table of contents. Unprocessed, the markers are comments and the lists stay.
A part that is not closed, has no list, a wrong level, a "Niet doen" item without "not", or a
summary after the first section is reported by the publication checks with file and line
(`check_components`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markdown.preprocessors import Preprocessor

from rls_site.data.components import DATA_FILE, Components
from rls_site.errors import ContentError, raise_all
from rls_site.markdown.settings import SiteExtension
from rls_site.markdown.text import Marker, find_markers, line_at, mask_code, replace_spans
from rls_site.rules import Text

OPENERS = ("summary", "care", "do")
MARKERS = (*OPENERS, "dont", "end")
PAGE = "page"
_HEADING = re.compile(r"^(#{1,6})[ \t]", re.M)
# A list item and its text up to the next item or blank line.
_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+[.)])[ \t]+(?P<text>.*(?:\n(?![ ]{0,3}(?:[-*+]|\d+[.)])[ \t])(?!\s*\n).*)*)", re.M)
# Nothing but blanks before (the part's start), or an empty line right before.
_EMPTY_LINE_BEFORE = re.compile(r"(?:\A|\n)[ \t]*\n\Z|\A\s*\Z")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Part:
    kind: str  # 'summary', 'care' or 'do'
    opener: Marker
    middle: Marker | None  # the 'dont' marker of a Do / Do not list
    end: Marker

    def sections(self) -> list[tuple[str, int, int]]:
        """(name, start, end) of the Markdown between the markers: 'content', or 'do' and 'dont'."""
        if self.kind != "do":
            return [("content", self.opener.end, self.end.start)]
        return [("do", self.opener.end, self.middle.start), ("dont", self.middle.end, self.end.start)]


def find_parts(markers: list[Marker], file: str) -> tuple[list[Part], list[ContentError]]:
    """The parts the markers open and close, in order, and every marker that does not fit."""
    parts, errors = [], []
    opener: Marker | None = None
    middle: Marker | None = None

    def wrong(marker: Marker, problem: Text, fix: Text) -> None:
        errors.append(
            ContentError(file, "component-structure", line=marker.line, nl=problem.nl, en=problem.en, fix_nl=fix.nl, fix_en=fix.en)
        )

    for marker in (m for m in markers if m.name in MARKERS):
        if marker.name in OPENERS:
            if opener is not None:
                wrong(
                    marker,
                    Text(
                        f"<!-- md:{marker.name} --> begint binnen het deel dat <!-- md:{opener.name} --> op regel {opener.line} opende.",
                        f"<!-- md:{marker.name} --> starts inside the part opened by <!-- md:{opener.name} --> at line {opener.line}.",
                    ),
                    Text(
                        f"sluit dat deel met <!-- md:end --> voor regel {marker.line}; delen staan niet in elkaar.",
                        f"close that part with <!-- md:end --> before line {marker.line}; parts do not go inside each other.",
                    ),
                )
                continue
            opener, middle = marker, None
        elif marker.name == "dont":
            if opener is None or opener.name != "do" or middle is not None:
                wrong(
                    marker,
                    Text(
                        "<!-- md:dont --> staat niet in een lijst <!-- md:do -->.", "<!-- md:dont --> is not inside a <!-- md:do --> list."
                    ),
                    Text(
                        "schrijf <!-- md:do -->, wat je wel doet, <!-- md:dont -->, wat je niet doet, dan <!-- md:end -->.",
                        "write <!-- md:do -->, the things to do, <!-- md:dont -->, the things not to do, then <!-- md:end -->.",
                    ),
                )
                continue
            middle = marker
        else:  # end
            if opener is None:
                wrong(
                    marker,
                    Text("<!-- md:end --> sluit geen deel.", "<!-- md:end --> closes no part."),
                    Text(
                        "haal hem weg, of open het deel erboven (<!-- md:summary -->, ...).",
                        "remove it, or open the part above it (<!-- md:summary -->, ...).",
                    ),
                )
                continue
            if opener.name == "do" and middle is None:
                wrong(
                    marker,
                    Text(
                        f"de lijst Wel doen op regel {opener.line} heeft geen deel <!-- md:dont -->.",
                        f"the Do list opened at line {opener.line} has no <!-- md:dont --> part.",
                    ),
                    Text(
                        "voeg <!-- md:dont --> en wat je niet doet toe voor <!-- md:end -->.",
                        "add <!-- md:dont --> and the things not to do before <!-- md:end -->.",
                    ),
                )
            else:
                parts.append(Part(opener.name, opener, middle, marker))
            opener, middle = None, None
    if opener is not None:
        wrong(
            opener,
            Text(f"<!-- md:{opener.name} --> is niet gesloten.", f"<!-- md:{opener.name} --> is not closed."),
            Text(
                "schrijf <!-- md:end --> op een eigen regel na de lijst van het deel.",
                "write <!-- md:end --> on its own line after the part's list.",
            ),
        )
    return parts, errors


def _alone(markdown: str, marker: Marker) -> bool:
    """The marker stands on a line of its own, at its start: a part inside a list item, a box
    or a paragraph would break out of it."""
    line_start = markdown.rfind("\n", 0, marker.start) + 1
    line_end = markdown.find("\n", marker.end)
    return markdown[line_start : marker.start] == "" and not markdown[marker.end : line_end if line_end >= 0 else None].strip()


def _not_alone(markdown: str, marker: Marker, file: str) -> ContentError:
    return ContentError(
        file,
        "component-structure",
        line=marker.line,
        nl=f"<!-- md:{marker.name} --> staat niet alleen op een regel, aan het begin van de regel.",
        en=f"<!-- md:{marker.name} --> is not on a line of its own at the start of the line.",
        fix_nl="zet de markering alleen op haar regel, niet ingesprongen, met een lege regel ervoor en erna; delen staan niet in een "
        "lijst of een kader.",
        fix_en="put the marker alone on its line, not indented, with an empty line before and after it; parts do not go inside a list "
        "or a box.",
    )


def _items(text: str) -> list[str]:
    """The list items Markdown renders in a part: a list starts at the part's start or after an
    empty line; a '- ' line right under a sentence only continues that sentence's paragraph."""
    items: list[str] = []
    for match in _ITEM.finditer(text):
        if items or _EMPTY_LINE_BEFORE.search(text, 0, match.start()):
            items.append(match.group("text"))
    return items


def check_components(markdown: str, markers: list[Marker], components: Components | None, lang: str, file: str) -> list[ContentError]:
    """Every part well formed: closed, with a list, a known level, 'not' in every Do not item, one
    summary before the first section. `markdown` is the text the markers were found in."""
    return _checked_parts(markdown, markers, components, lang, file)[2]


def _checked_parts(
    markdown: str, markers: list[Marker], components: Components | None, lang: str, file: str
) -> tuple[list[Part], str, list[ContentError]]:
    """The parts, `markdown` with code and comments masked, and every problem (check_components)."""
    mine = [marker for marker in markers if marker.name in MARKERS]
    alone = [_alone(markdown, marker) for marker in mine]
    errors = [_not_alone(markdown, marker, file) for marker, ok in zip(mine, alone, strict=True) if not ok]
    parts, structure = find_parts([marker for marker, ok in zip(mine, alone, strict=True) if ok], file)
    errors.extend(structure)
    masked = mask_code(markdown, comments=True)
    summaries = [part for part in parts if part.kind == "summary"]
    for part in parts:
        if part.kind == "care":
            errors.extend(_check_level(part.opener, components, file))
        for name, start, end in part.sections():
            if not _items(masked[start:end]):
                what = {
                    "content": Text(f"<!-- md:{part.kind} -->", f"<!-- md:{part.kind} -->"),
                    "do": Text("het deel Wel doen", "the Do part"),
                    "dont": Text("het deel Niet doen", "the Do not part"),
                }[name]
                line = part.opener.line if name != "dont" else part.middle.line
                errors.append(
                    ContentError(
                        file,
                        "component-empty",
                        line=line,
                        nl=f"{what.nl} (regel {line}) bevat geen lijst.",
                        en=f"{what.en} (line {line}) holds no list.",
                        fix_nl="schrijf de punten als lijst, elk op een regel '- ...', tussen de markeringen; staat er een zin "
                        "boven de lijst, zet dan een lege regel tussen die zin en de lijst.",
                        fix_en="write its items as a list, one '- ...' line each, between the markers; with a sentence above "
                        "the list, put an empty line between that sentence and the list.",
                    )
                )
            if name == "dont" and components is not None:
                words = components.negations.get(lang, [])
                for match in _ITEM.finditer(masked, start, end):
                    if not set(_WORD.findall(match.group("text").lower())) & set(words):
                        errors.append(
                            ContentError(
                                file,
                                "do-dont-negation",
                                line=line_at(markdown, match.start()),
                                nl=f"het punt '{match.group('text').strip()[:60]}' onder Niet doen zegt niet in woorden wat je niet doet.",
                                en=f"the Do not item '{match.group('text').strip()[:60]}' does not say in words what not to do.",
                                fix_nl=f"schrijf er een van {', '.join(repr(w) for w in words)} in (bijvoorbeeld 'Slik geen ...', "
                                f"'Do not take ...'); de woorden staan in {DATA_FILE}.",
                                fix_en=f"write one of {', '.join(repr(w) for w in words)} in it (for example 'Slik geen ...', "
                                f"'Do not take ...'); the words are in {DATA_FILE}.",
                            )
                        )
    for extra in summaries[1:]:
        errors.append(
            ContentError(
                file,
                "summary-place",
                line=extra.opener.line,
                nl=f"de pagina heeft een tweede samenvatting (de eerste staat op regel {summaries[0].opener.line}).",
                en=f"the page has a second summary (the first is at line {summaries[0].opener.line}).",
                fix_nl="houd één deel <!-- md:summary -->, bovenaan de pagina.",
                fix_en="keep one <!-- md:summary --> part, at the top of the page.",
            )
        )
    if summaries:
        first_section = next((m for m in _HEADING.finditer(masked) if len(m.group(1)) >= 2), None)
        if first_section is not None and first_section.start() < summaries[0].opener.start:
            errors.append(
                ContentError(
                    file,
                    "summary-place",
                    line=summaries[0].opener.line,
                    nl=f"de samenvatting staat na het eerste deel van de pagina (regel {line_at(markdown, first_section.start())}).",
                    en=f"the summary comes after the page's first section (line {line_at(markdown, first_section.start())}).",
                    fix_nl="zet het deel <!-- md:summary --> hoger, tussen de titel van de pagina en de eerste kop '##'.",
                    fix_en="move the <!-- md:summary --> part up, between the page's title and its first '##' heading.",
                )
            )
    return parts, masked, errors


def _check_level(marker: Marker, components: Components | None, file: str) -> list[ContentError]:
    if components is None:
        return []
    known = ", ".join(components.care)
    if not marker.args:
        return [
            ContentError(
                file,
                "care-level-missing",
                line=marker.line,
                nl="de zorgkaart noemt geen niveau.",
                en="the care card names no level.",
                fix_nl=f"schrijf het niveau na de naam, bijvoorbeeld <!-- md:care appointment -->; niveaus ({DATA_FILE}): {known}.",
                fix_en=f"write the level after the name, for example <!-- md:care appointment -->; levels ({DATA_FILE}): {known}.",
            )
        ]
    written = " ".join(marker.args)
    if len(marker.args) == 1 and written in components.care:
        return []
    close = difflib.get_close_matches(written, components.care, n=1)
    return [
        ContentError(
            file,
            "care-level-unknown",
            line=marker.line,
            nl=f"'{written}' is geen niveau van een zorgkaart.",
            en=f"'{written}' is not a care card level.",
            fix_nl=(f"bedoel je '{close[0]}'? " if close else "") + f"Gebruik een van: {known} (vastgelegd in {DATA_FILE}).",
            fix_en=(f"did you mean '{close[0]}'? " if close else "") + f"Use one of: {known} (defined in {DATA_FILE}).",
        )
    ]


def _heading_level(masked: str, offset: int) -> int:
    """One below the last heading before `offset` (a part under '## ...' gets an h3), 2 to 6."""
    last = None
    for match in _HEADING.finditer(masked, 0, offset):
        last = match
    return min(max(len(last.group(1)) + 1 if last else 2, 2), 6)


def render_components(markdown: str, lang: str, components: Components, env, stash) -> str:
    """The page's Markdown with every part in its template. `stash(html)` keeps a heading's HTML
    away from Markdown (and so out of the table of contents) and returns what stands for it."""
    markers = [m for m in find_markers(markdown, PAGE) if m.name in MARKERS]
    if not markers:
        return markdown
    parts, masked, errors = _checked_parts(markdown, markers, components, lang, PAGE)
    raise_all(errors)
    texts = components.texts(lang)
    heading_template = env.get_template("partials/component-heading.html")

    def heading(level: int, css: str, text: str, hidden: str = "") -> str:
        return stash(heading_template.render(level=level, css=css, text=text, hidden=hidden).strip())

    replacements = []
    for part in parts:
        level = _heading_level(masked, part.opener.start)
        if part.kind == "summary":
            html = env.get_template("partials/summary.html").render(
                heading=heading(level, "site-summary__heading", texts["summary"]), content=markdown[part.opener.end : part.end.start]
            )
        elif part.kind == "care":
            care = components.care_level(part.opener.args[0], lang)
            html = env.get_template("partials/care-card.html").render(
                level=care,
                heading=heading(level, "care-card__heading", care["heading"], care["hidden"]),
                content=markdown[part.opener.end : part.end.start],
                markdown=True,
            )
        else:
            html = env.get_template("partials/do-dont.html").render(
                do_heading=heading(level, "do-dont__heading", texts["do"]),
                dont_heading=heading(level, "do-dont__heading", texts["dont"]),
                do_content=markdown[part.opener.end : part.middle.start],
                dont_content=markdown[part.middle.end : part.end.start],
            )
        replacements.append((part.opener.start, part.end.end, f"\n\n{html.strip()}\n\n"))
    return replace_spans(markdown, replacements)


class _ComponentsPreprocessor(Preprocessor):
    def __init__(self, md, extension: ComponentsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        if not any(f"md:{name}" in markdown for name in MARKERS):
            return lines
        site = self.extension.site()
        return render_components(markdown, site.lang, site.data.components, site.env, self.md.htmlStash.store).split("\n")


class ComponentsExtension(SiteExtension):
    def extendMarkdown(self, md):
        # Before the other markers inside a part are rendered (evidence 26, citations 25) and
        # before Markdown reads raw HTML blocks (20); after its whitespace clean-up (30).
        md.preprocessors.register(_ComponentsPreprocessor(md, self), "rls_components", 29)


def makeExtension(**kwargs):
    return ComponentsExtension(**kwargs)
