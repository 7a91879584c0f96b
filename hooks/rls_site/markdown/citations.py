"""Citations in pandoc syntax, numbered per page, with the page's source list at the bottom.

Editors cite sources from `data/sources.yml` as `[@key]`, `[@key1; @key2]` or `[@key, p. 12]`.
Each page numbers its sources in order of first citation; numbers link to the page's list
("Bronnen" / "Sources"), and each list entry links back to every place it is cited. On the sources
page `<!-- md:bibliography -->` becomes the list of every source; the MkDocs hook adds, for each,
the pages that cite it (hooks/citations.py), which needs the whole site.

`CitationsExtension` does this inside Python-Markdown (`rls_site.markdown.citations` under
`markdown_extensions`), so any generator that runs Python-Markdown extensions renders citations.
Malformed citations and unknown keys are reported before the build by the publication checks,
with file and line (`check_citations`).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import jinja2
from markdown.preprocessors import Preprocessor

from rls_site.data.sources import SourceRegistry
from rls_site.errors import ContentError, raise_all
from rls_site.markdown.settings import SiteExtension
from rls_site.markdown.text import find_markers, line_at, mask_code, replace_spans

_OPEN = re.compile(r"\[@")
_ITEM = re.compile(r"\s*@(?P<key>[A-Za-z0-9_](?:[\w:.\-/]*\w)?)\s*(?:,\s*(?P<locator>[^;\s][^;]*?))?\s*")


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    line: int
    items: tuple[tuple[str, str | None], ...]


def parse_citations(markdown: str, file: str, first_line: int = 1) -> list[Citation]:
    """Every `[@...]` outside code and HTML comments. Malformed ones raise a ContentError."""
    masked = mask_code(markdown, comments=True)
    citations = []
    for match in _OPEN.finditer(masked):
        start = match.start()
        line = line_at(markdown, start, first_line)
        end_of_line = masked.find("\n", start)
        end_of_line = len(masked) if end_of_line < 0 else end_of_line
        close = masked.find("]", start, end_of_line)
        reopen = masked.find("[", start + 1, close if close >= 0 else end_of_line)
        if close < 0 or reopen >= 0:
            raise ContentError(
                file,
                "citation-unclosed",
                line=line,
                nl=f"de bronverwijzing '{markdown[start:end_of_line][:40]}' heeft geen sluitende ']'.",
                en=f"the citation '{markdown[start:end_of_line][:40]}' has no closing ']'.",
                fix_nl="sluit haar op dezelfde regel, zoals [@smith2020].",
                fix_en="close it on the same line, like [@smith2020].",
            )
        if masked[close + 1 : close + 2] in ("(", "["):
            continue  # a Markdown link whose text starts with @, not a citation
        items = []
        for part in masked[start + 1 : close].split(";"):
            item = _ITEM.fullmatch(part)
            if not item:
                raise ContentError(
                    file,
                    "citation-syntax",
                    line=line,
                    nl=f"'{markdown[start : close + 1]}' is geen geldige bronverwijzing.",
                    en=f"'{markdown[start : close + 1]}' is not a valid citation.",
                    fix_nl="schrijf [@sleutel], [@sleutel1; @sleutel2] of [@sleutel, p. 12]; elke sleutel begint met @.",
                    fix_en="write [@key], [@key1; @key2] or [@key, p. 12]; every key starts with @.",
                )
            items.append((item.group("key"), item.group("locator")))
        citations.append(Citation(start, close + 1, line, tuple(items)))
    return citations


# The build asks which sources a page cites three times (before the build, for the sources page's
# list, for the page's structured data): the page's text is read once.
@functools.lru_cache(maxsize=4096)
def cited_keys(markdown: str) -> tuple[str, ...]:
    """The sources `markdown` cites, each once, in order of first citation; none when a citation is
    malformed, which the checks report."""
    try:
        return tuple(dict.fromkeys(key for citation in parse_citations(markdown, PAGE) for key, _ in citation.items))
    except ContentError:
        return ()


def check_keys(citations: list[Citation], registry: SourceRegistry, file: str) -> list[ContentError]:
    """Every citation of a key the sources file lacks, with the closest ids."""
    errors = []
    for citation in citations:
        for key, _ in citation.items:
            if key not in registry.entries:
                close = difflib.get_close_matches(key, registry.entries, n=3, cutoff=0.5)
                suggestions = ", ".join("@" + c for c in close)
                errors.append(
                    ContentError(
                        file,
                        "citation-unknown-key",
                        line=citation.line,
                        nl=f"onbekende bron '@{key}'.",
                        en=f"unknown source '@{key}'.",
                        fix_nl=(f"bedoel je {suggestions}? " if close else "")
                        + f"Gebruik een id uit {registry.path}, of voeg de bron daar toe.",
                        fix_en=(f"did you mean {suggestions}? " if close else "")
                        + f"Use an id from {registry.path}, or add the source there.",
                    )
                )
    return errors


def unused_sources(registry: SourceRegistry, cited: Iterable[str], lang: str) -> list[ContentError]:
    """A notice (not an error) for every source no page in `lang` cites, on the line of its id."""
    cited = set(cited)
    return [
        ContentError(
            registry.path,
            "source-unused",
            line=registry.lines.get(key),
            nl=f"bron '{key}' wordt op geen enkele pagina in '{lang}' aangehaald.",
            en=f"source '{key}' is cited on no page in '{lang}'.",
        )
        for key in registry.entries
        if key not in cited
    ]


def check_citations(markdown: str, registry: SourceRegistry | None, file: str, first_line: int = 1) -> list[ContentError]:
    """The citation rules on one page's Markdown: well formed, every key in the sources file."""
    try:
        citations = parse_citations(markdown, file, first_line)
    except ContentError as error:
        return [error]
    return check_keys(citations, registry, file) if registry is not None else []


def collapse_numbers(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted, de-duplicated numbers as (first, last) runs: 1,2,3,5 -> (1,3),(5,5)."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return [tuple(run) for run in runs]


def _citation_parts(items, numbers: dict[str, int]) -> list[dict]:
    """Links and separators for one citation: runs of three or more read 1–3, pairs 1,2."""
    by_number = {}
    located = []
    for key, locator in items:
        if locator:
            located.append({"key": key, "number": numbers[key], "locator": locator})
        else:
            by_number[numbers[key]] = key
    parts: list[dict] = []
    for first, last in collapse_numbers(list(by_number)):
        run = [{"key": by_number[n], "number": n, "locator": None} for n in range(first, last + 1)]
        if parts:
            parts.append({"separator": ","})
        if last - first >= 2:
            parts.extend([run[0], {"separator": "–"}, run[-1]])
        else:
            for index, part in enumerate(run):
                if index:
                    parts.append({"separator": ","})
                parts.append(part)
    for part in sorted(located, key=lambda p: p["number"]):
        if parts:
            parts.append({"separator": ","})
        parts.append(part)
    return parts


def with_references(text: str, listing: str, labels: dict) -> str:
    """The page's Markdown with its source list (or what stands for it) under the sources heading.
    Heading and list are left out of the search index (data-pagefind-ignore, rls_site.search): the
    sources page lists every source, so a search for an author or a study title finds that page
    once instead of every page citing it."""
    return f"{text}\n\n## {labels['references_heading']} {{#bronnen data-pagefind-ignore}}\n\n{listing}\n\n"


def cite(
    markdown: str,
    citations: list[Citation],
    formatted: dict[str, str],
    labels: dict,
    env: jinja2.Environment,
    place: Callable[[Citation, str], str] | None = None,
) -> tuple[str, str, list[str]]:
    """The Markdown with citations replaced by numbered links, the page's source list (HTML) and the
    cited keys in order of first citation. `place(citation, html)` gives what goes in the Markdown
    for a citation (by default its HTML)."""
    numbers: dict[str, int] = {}
    backlinks: dict[str, list[str]] = defaultdict(list)
    replacements = []
    citation_template = env.get_template("partials/citation.html")
    for index, citation in enumerate(citations, start=1):
        anchor = f"bron-ref-{index}"
        for key, _ in citation.items:
            numbers.setdefault(key, len(numbers) + 1)
            if anchor not in backlinks[key]:
                backlinks[key].append(anchor)
        html = citation_template.render(anchor=anchor, parts=_citation_parts(citation.items, numbers), labels=labels).strip()
        replacements.append((citation.start, citation.end, place(citation, html) if place else html))
    references = [{"key": key, "number": number, "html": formatted[key], "backlinks": backlinks[key]} for key, number in numbers.items()]
    listing = env.get_template("partials/references.html").render(references=references, labels=labels).strip()
    return replace_spans(markdown, replacements).rstrip(), listing, list(numbers)


# Where Markdown reads text differently from inline HTML: headings (their text names the anchor and
# the table of contents entry), admonition and details titles, reference definitions.
_SPECIAL_LINE = re.compile(r"[ \t>]*(?:#|!!!|\?\?\?)|[ ]{0,3}\[[^\]]*\]:")
_SETEXT_UNDERLINE = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*")
# Text that Markdown leaves as it is, as a locator in a citation's HTML would be left.
_PLAIN = re.compile(r"(?:[^\W_]|[ .,:;()/\u2013-])*")


def runs_in_text(markdown: str, citation: Citation) -> bool:
    """The citation stands in running text, where Markdown passes its HTML on unchanged, tag by tag,
    and would pass on a placeholder of letters the same way: not in a heading or a title, not in an
    image's text, a tag, an attribute list or a link's address or title, not after '\\', '<' or
    '&' (which would read the HTML differently), with a locator that is plain text."""
    if any(locator and not _PLAIN.fullmatch(locator) for _, locator in citation.items):
        return False
    line_start = markdown.rfind("\n", 0, citation.start) + 1
    before = markdown[line_start : citation.start]
    lines_after = markdown[citation.end :].split("\n", 2)  # the rest of the line, the next line
    return not (
        _SPECIAL_LINE.match(markdown, line_start)
        or (len(lines_after) > 1 and _SETEXT_UNDERLINE.fullmatch(lines_after[1]))
        or "#" in before
        or "![" in before
        or before.rfind("<") > before.rfind(">")
        or before.rfind("{") > before.rfind("}")
        or before.rfind("](") > before.rfind(")")
        or (before and before[-1] in "\\<&")
    )


def render_bibliography(registry: SourceRegistry, lang: str, cited_by: dict[str, list[dict]], labels: dict, env: jinja2.Environment) -> str:
    """Every source, alphabetically, with the pages that cite it (title and URL)."""
    formatted = registry.formatted(lang)
    references = [{"key": key, "html": formatted[key], "pages": cited_by.get(key, [])} for key in registry.entries]
    references.sort(key=lambda ref: re.sub(r"<[^>]+>", "", ref["html"]).lower())
    return env.get_template("partials/bibliography.html").render(references=references, labels=labels).strip()


# --- The extension ---------------------------------------------------------------------------

PAGE = "page"  # what a message names when the extension meets a mistake the checks did not see first


class _CitationsPreprocessor(Preprocessor):
    """Citations and the page's source list, in the Markdown before it is read as blocks. The HTML of
    citations in running text and of the list goes into Markdown's store of raw HTML, which puts it
    back unchanged at the end (reading it as Markdown would be most of a page's conversion time)."""

    def __init__(self, md, extension: CitationsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        if "[@" not in markdown and "md:bibliography" not in markdown:
            return lines
        site = self.extension.site()
        labels = site.labels()
        registry = site.data.sources
        markers = [m for m in find_markers(markdown, PAGE) if m.name == "bibliography"]
        if markers:
            cited_by = self.extension.getConfig("cited_by") or {}
            html = render_bibliography(registry, site.lang, cited_by, labels, site.env)
            block = self.md.htmlStash.store(html)
            markdown = replace_spans(markdown, [(markers[0].start, markers[0].end, f"\n\n{block}\n\n")])
        citations = parse_citations(markdown, PAGE)
        if not citations:
            return markdown.split("\n")
        raise_all(check_keys(citations, registry, PAGE))

        def place(citation: Citation, html: str) -> str:
            return self.md.htmlStash.store(html) if runs_in_text(markdown, citation) else html

        text, listing, _ = cite(markdown, citations, registry.formatted(site.lang), labels, site.env, place)
        return with_references(text, self.md.htmlStash.store(listing), labels).split("\n")


class CitationsExtension(SiteExtension):
    extra_config = {"cited_by": [{}, "for the sources page: source id -> [{'title': ..., 'url': ...}] of the pages citing it"]}

    def extendMarkdown(self, md):
        # After Markdown's whitespace clean-up (30), which would drop the raw-HTML store's markers,
        # and before raw HTML blocks are read (20).
        md.preprocessors.register(_CitationsPreprocessor(md, self), "rls_citations", 25)


def makeExtension(**kwargs):
    return CitationsExtension(**kwargs)
