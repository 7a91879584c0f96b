"""Hook: citations in pandoc syntax, numbered per page, with a source list at the bottom.

Editors cite sources from `data/sources.yml` as `[@key]`, `[@key1; @key2]` or `[@key, p. 12]`.
Each page numbers its sources in order of first citation; numbers link to the page's list
("Bronnen" / "Sources"), and each list entry links back to every place it is cited. The sources
page places `<!-- md:bibliography -->` to list every source with the pages that cite it.

Events: `on_pre_build` (reset which pages cite what), `on_page_markdown` (citations and the
page's list, as placeholders while Markdown runs), `on_page_content` (their HTML in place of the
placeholders), `on_page_context` (the full list, once every page is read, before search indexes
it), `on_post_build` (list unused sources without failing). A page's list stays out of the search
index; the full list is in it.
Pure functions, usable without MkDocs: `parse_citations`, `render_citations` (`cite` and
`with_references` in two steps), `runs_in_text`, `put_back`, `collapse_numbers`.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from errors import ContentError
from languages import page_language
from markdown_text import body_first_line, find_markers, line_at, mask_code, replace_spans
from sources import SourceRegistry, registry_of
from templates import theme_env
from yamldata import YamlData, load_yaml

log = get_plugin_logger(__name__)

SOURCES_FILE = "data/sources.yml"
LABELS_FILE = "data/labels.yml"
_OPEN = re.compile(r"\[@")
_ITEM = re.compile(r"\s*@(?P<key>[A-Za-z0-9_](?:[\w:.\-/]*\w)?)\s*(?:,\s*(?P<locator>[^;\s][^;]*?))?\s*")
BIBLIOGRAPHY_PLACEHOLDER = '<div class="bibliography" data-bibliography></div>'
REFERENCES_PLACEHOLDER = '<div class="references" data-references></div>'
# A citation in running text, while Markdown runs: letters between invisible separators (U+2063),
# which no editor types and which, unlike letters, do not join a word (so '_' beside one still
# reads as emphasis, as beside the HTML).
CITATION_PLACEHOLDER = "\u2063rlscite{}\u2063"
_CITATION_PLACEHOLDER = re.compile("\u2063rlscite(\\d+)\u2063")


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
                f"the citation '{markdown[start:end_of_line][:40]}' has no closing ']'.",
                "close it on the same line, like [@smith2020].",
                line,
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
                    f"'{markdown[start : close + 1]}' is not a valid citation.",
                    "write [@key], [@key1; @key2] or [@key, p. 12]; every key starts with @.",
                    line,
                )
            items.append((item.group("key"), item.group("locator")))
        citations.append(Citation(start, close + 1, line, tuple(items)))
    return citations


def check_keys(citations: list[Citation], registry: SourceRegistry, file: str) -> None:
    for citation in citations:
        for key, _ in citation.items:
            if key not in registry.entries:
                close = difflib.get_close_matches(key, registry.entries, n=3, cutoff=0.5)
                hint = f"did you mean {', '.join('@' + c for c in close)}? " if close else ""
                raise ContentError(
                    file,
                    "citation-unknown-key",
                    f"unknown source '@{key}'.",
                    f"{hint}Use an id from {registry.path}, or add the source there.",
                    citation.line,
                )


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


def render_citations(
    markdown: str, citations: list[Citation], formatted: dict[str, str], labels: dict, env: jinja2.Environment
) -> tuple[str, list[str]]:
    """Replace citations by numbered links and append the page's source list.

    Returns the new Markdown and the cited keys in order of first citation.
    """
    if not citations:
        return markdown, []
    text, listing, keys = cite(markdown, citations, formatted, labels, env)
    return with_references(text, listing, labels), keys


def with_references(text: str, listing: str, labels: dict) -> str:
    """The page's Markdown with its source list (or what stands for it) under the sources heading.
    The list is left out of the search index: the sources page lists every source, so a search
    for an author or a study title finds that page once instead of every page citing it."""
    return f"{text}\n\n## {labels['references_heading']} {{#bronnen data-search-exclude}}\n\n{listing}\n"


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


def put_back(html: str, placed: list[str]) -> str:
    """The page's HTML with each citation placeholder (CITATION_PLACEHOLDER, numbered from 1) replaced
    by the citation's HTML, `placed[number - 1]`."""
    return _CITATION_PLACEHOLDER.sub(lambda match: placed[int(match.group(1)) - 1], html)


def render_bibliography(registry: SourceRegistry, lang: str, cited_by: dict[str, list[dict]], labels: dict, env: jinja2.Environment) -> str:
    """Every source, alphabetically, with the pages that cite it (title and URL)."""
    formatted = registry.formatted(lang)
    references = [{"key": key, "html": formatted[key], "pages": cited_by.get(key, [])} for key in registry.entries]
    references.sort(key=lambda ref: re.sub(r"<[^>]+>", "", ref["html"]).lower())
    return env.get_template("partials/bibliography.html").render(references=references, labels=labels).strip()


def validate_labels(data: YamlData, lang: str, keys: tuple[str, ...]) -> dict:
    texts = data.data.get(lang) if isinstance(data.data, dict) else None
    if not isinstance(texts, dict):
        raise ContentError(
            data.path,
            "labels-language",
            f"the language '{lang}' is missing.",
            f"add a section '{lang}:' with the same keys as the other languages.",
            data.line_of(),
        )
    for key in keys:
        if not isinstance(texts.get(key), str) or not texts[key].strip():
            raise ContentError(
                data.path,
                "labels-text",
                f"'{lang}.{key}' is missing or empty.",
                f"give '{key}' a text under '{lang}:'.",
                data.line_of(lang, key),
            )
    return texts


# --- MkDocs events -------------------------------------------------------------------------

LABEL_KEYS = ("references_heading", "source", "back_to_citation", "cited_on", "not_cited")
_state: dict = {}


def sources_registry(config) -> SourceRegistry:
    """The site's validated sources (validated once per change of the file), for every hook."""
    return registry_of(load_yaml(Path(config.config_file_path).parent / SOURCES_FILE, SOURCES_FILE))


def _labels(config, lang: str) -> dict:
    return validate_labels(load_yaml(Path(config.config_file_path).parent / LABELS_FILE, LABELS_FILE), lang, LABEL_KEYS)


def on_pre_build(config):
    _state.clear()
    _state.update(cited_by=defaultdict(list), used=set(), bibliography_pages=[], html={})


def on_page_markdown(markdown, page, config, files):
    file = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    first_line = body_first_line(page.file.content_string, markdown)
    lang = page_language(page, config)
    registry = sources_registry(config)
    if any(marker.name == "bibliography" for marker in find_markers(markdown, file, first_line)):
        marker = next(m for m in find_markers(markdown, file, first_line) if m.name == "bibliography")
        markdown = replace_spans(markdown, [(marker.start, marker.end, BIBLIOGRAPHY_PLACEHOLDER)])
        _state["bibliography_pages"].append(page)
    citations = parse_citations(markdown, file, first_line)
    if not citations:
        return markdown
    check_keys(citations, registry, file)
    labels = _labels(config, lang)
    # The HTML of the citations and the source list is only passed on by Markdown, which reads it tag
    # by tag on the way (most of a page's conversion time): placeholders stand in for it where they
    # read the same, and on_page_content puts the HTML back.
    placed: list[str] = []

    def place(citation: Citation, html: str) -> str:
        if not runs_in_text(markdown, citation):
            return html
        placed.append(html)
        return CITATION_PLACEHOLDER.format(len(placed))

    text, listing, keys = cite(markdown, citations, registry.formatted(lang), labels, theme_env(config), place)
    _state["html"][page.file.src_uri] = (listing, placed)
    markdown = with_references(text, REFERENCES_PLACEHOLDER, labels)
    title = page.meta.get("title") or page.title or page.file.name
    for key in keys:
        _state["cited_by"][key].append({"page": page, "title": title})
    _state["used"].update(keys)
    return markdown


def on_page_content(html, page, config, files):
    if page.file.src_uri not in _state["html"]:
        return html
    listing, placed = _state["html"].pop(page.file.src_uri)
    return put_back(html, placed).replace(REFERENCES_PLACEHOLDER, listing, 1)


@event_priority(50)  # before Material's search (0) indexes the page: the full list is searchable
def on_page_context(context, page, config, nav):
    if page in _state.get("bibliography_pages", []):
        lang = page_language(page, config)
        cited_by = {
            key: [{"title": c["title"], "url": get_relative_url(c["page"].url or ".", page.url or ".")} for c in cites]
            for key, cites in _state["cited_by"].items()
        }
        html = render_bibliography(sources_registry(config), lang, cited_by, _labels(config, lang), theme_env(config))
        page.content = page.content.replace(BIBLIOGRAPHY_PLACEHOLDER, html)
    return context


def on_post_build(config):
    registry = sources_registry(config)
    unused = [key for key in registry.entries if key not in _state.get("used", set())]
    if unused:
        listed = ", ".join(f"{key} (line {registry.lines[key]})" for key in unused)
        log.info(f"{SOURCES_FILE}: sources not cited on any page of this language: {listed}")
