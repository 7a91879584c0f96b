"""The publication checks that no page can skip, over docs/ and data/, then over the built site.

On the sources (docs/*.md, data/*.yml, mkdocs.yml):
  - every page and data file is UTF-8; every data file as its schema and rules say (rls_site.data)
  - review dates and the reviewer in every page's front matter (review_dates.py)
  - every page in every language (translations.py); possibly stale translations listed, not failed
  - no scripts, frames, event handlers or javascript: URLs, nothing loaded from another site (unsafe.py)
  - citations well formed and known, markers known, evidence levels and the self-check marker
    right, partner links declared and marked with the notice before them
  - mkdocs.yml adds nothing from another site, and its navigation names only the site's pages
On the built site (every .html file under site/, 404 and every language included):
  - the medical disclaimer in the page's language, the about page's sections (disclaimer.py)
  - rel="noopener noreferrer" on links to other sites, nothing loaded from another site
    (external_links.py); partner links with rel, label and the notice before them (partners.py)
  - on content pages: review dates and reviewer shown (review_dates.py), the MedicalWebPage
    JSON-LD with the same lastReviewed (structured_data.py)
  - every link within the site leads to a file that exists and an anchor on it (internal_links.py)
All problems of a stage are reported together. The sources are checked first; while they have
problems the built site is out of date, so it is not checked. `python -m rls_site.checks docs site`
runs both without MkDocs; the build runs the same functions (hooks/publication_checks.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rls_site.checks.built_page import BuiltPage, lines_in_page, read_page, without_navigation
from rls_site.checks.config import check_config, check_menu
from rls_site.checks.disclaimer import POLICY_PAGE, check_disclaimer, check_policy_page
from rls_site.checks.external_links import check_external_links, check_external_resources, check_stylesheet
from rls_site.checks.internal_links import PageLinks, check_internal_links, page_links
from rls_site.checks.markdown_links import PageLink, check_anchors, find_page_links
from rls_site.checks.partners import check_partner_html
from rls_site.checks.review_dates import ReviewDates, check_review_html, overdue_notice, read_review_dates
from rls_site.checks.structured_data import check_structured_data
from rls_site.checks.translations import check_translations, split_language, stale_notices
from rls_site.checks.unsafe import check_unsafe
from rls_site.config import CONFIG_FILE, read_config
from rls_site.data.project import ProjectData, load_data
from rls_site.data.yaml_file import read_text
from rls_site.errors import ContentError
from rls_site.front_matter import read_front_matter
from rls_site.markdown.citations import check_citations, cited_keys
from rls_site.markdown.components import check_components
from rls_site.markdown.evidence import check_evidence_markers
from rls_site.markdown.links import check_partner_markdown
from rls_site.markdown.selfcheck import check_selfcheck_markers
from rls_site.markdown.text import find_markers, line_at
from rls_site.rules import Text
from rls_site.search import SEARCH_PAGE, SEARCH_TEMPLATE, is_search_page
from rls_site.today import today as today_in_the_netherlands


@dataclass
class Settings:
    """What the checks need besides the pages: the data files (as far as they are right) and today."""

    data: ProjectData
    today: date

    @property
    def languages(self) -> list[str]:
        return self.data.languages


@dataclass
class Report:
    errors: list[ContentError] = field(default_factory=list)
    notices: list[ContentError] = field(default_factory=list)  # listed, never failing


@dataclass
class SourcePage:
    src: str  # path under docs/, e.g. 'symptomen.en.md'
    file: str  # as shown in messages, e.g. 'docs/symptomen.en.md'
    lang: str
    text: str
    review: ReviewDates | None = None
    page: str = ""  # the page in every language, e.g. 'symptomen.md' (split_language)
    links: list[PageLink] = field(default_factory=list)  # to other pages, their anchors checked once built
    markers: dict[str, int] = field(default_factory=dict)  # the line of each marker's first use, by name

    @property
    def is_search(self) -> bool:
        """The search page: not health information, so no review dates or MedicalWebPage data."""
        return is_search_page(self.page)

    @functools.cached_property
    def cited(self) -> list[str]:
        """The sources the page cites, each once, in order of first citation (as its structured data
        lists them); none when a citation is malformed, which the checks report."""
        return list(cited_keys(self.text))


def load_settings(root: Path, languages: list[str] | None = None, today: date | None = None) -> tuple[Settings, list[ContentError]]:
    """The data files checked, with every problem in them; the languages are those of mkdocs.yml."""
    if languages is None:
        config = read_config(root / CONFIG_FILE)
        languages = config.languages if config else ["nl"]
    data, errors = load_data(root, languages)
    return Settings(data, today or today_in_the_netherlands()), errors


# --- The sources -----------------------------------------------------------------------------


def read_sources(docs_dir: Path, languages: list[str], docs: str = "docs") -> tuple[list[SourcePage], list[ContentError]]:
    """Every Markdown page under docs_dir (hidden files and folders skipped, as MkDocs does), and
    every page that could not be read."""
    pages, errors = [], []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in src.split("/")):
            continue
        try:
            text = read_text(path, f"{docs}/{src}")
        except ContentError as error:
            errors.append(error)
            continue
        page, lang = split_language(src, languages)
        pages.append(SourcePage(src, f"{docs}/{src}", lang, text, page=page))
    return pages, errors


def check_page_source(page: SourcePage, settings: Settings, sources: set[str] | None = None) -> Report:
    """Every source rule on one page, read as the editor wrote it; `sources`: every page under docs/."""
    report = Report()
    data = settings.data
    page.links, errors = find_page_links(page.text, page.src, page.file, page.lang, sources or {page.src}, settings.languages)
    report.errors.extend(errors)
    try:
        meta = read_front_matter(page.text, page.file)
        report.errors.extend(check_title_and_description(meta))
        if page.is_search:
            report.errors.extend(check_search_page(meta, page.file))
        else:
            page.review, errors = read_review_dates(meta, settings.today, data.reviewers)
            report.errors.extend(errors)
    except ContentError as error:
        report.errors.append(error)
    if page.review and (notice := overdue_notice(page.review, page.file, settings.today)):
        report.notices.append(notice)
    report.errors.extend(check_unsafe(page.text, page.file))
    report.errors.extend(check_citations(page.text, data.sources, page.file))
    try:
        markers = find_markers(page.text, page.file)
    except ContentError as error:
        report.errors.append(error)
        return report
    for marker in reversed(markers):
        page.markers[marker.name] = marker.line
    report.errors.extend(check_partner_markdown(page.text, page.file, data.partner_hosts, markers))
    if data.evidence is not None:
        report.errors.extend(check_evidence_markers(markers, data.evidence, page.file))
    report.errors.extend(check_selfcheck_markers(markers, page.file))
    report.errors.extend(check_components(page.text, markers, data.components, page.lang, page.file))
    return report


DESCRIPTION_LENGTH = 155  # about what search engines show below the title; the rule's fix text says it too


def check_title_and_description(meta) -> list[ContentError]:
    """Every page has a title and a description (search engines and the browser's tab show them)."""
    errors = []
    for key, nl, en in (("title", "titel", "title"), ("description", "beschrijving", "description")):
        if meta.text(key) is None:
            errors.append(
                ContentError(
                    meta.file,
                    "front-matter-field",
                    line=meta.line(key),
                    nl=f"de front matter heeft geen '{key}:' (de {nl} van de pagina).",
                    en=f"the front matter has no '{key}:' (the page's {en}).",
                    fix_nl=f"voeg een regel '{key}: ...' toe aan de front matter, in de taal van de pagina.",
                    fix_en=f"add a line '{key}: ...' to the front matter, in the page's language.",
                )
            )
    description = meta.text("description") or ""
    if len(description) > DESCRIPTION_LENGTH:
        errors.append(
            ContentError(
                meta.file,
                "front-matter-field",
                line=meta.line("description"),
                nl=f"de beschrijving is {len(description)} tekens lang; hoogstens {DESCRIPTION_LENGTH} mag.",
                en=f"the description is {len(description)} characters long; at most {DESCRIPTION_LENGTH} are allowed.",
                fix_nl=f"kort de beschrijving in tot hoogstens {DESCRIPTION_LENGTH} tekens: één zin over wat de lezer op de pagina vindt.",
                fix_en=f"shorten the description to at most {DESCRIPTION_LENGTH} characters: one sentence on what the reader "
                f"finds on the page.",
            )
        )
    return errors


def check_search_page(meta, file: str) -> list[ContentError]:
    """The search page is built with its own template (the search form and the results)."""
    if meta.text("template") == SEARCH_TEMPLATE:
        return []
    return [
        ContentError(
            file,
            "search-page-template",
            line=meta.line("template"),
            nl=f"de zoekpagina heeft geen 'template: {SEARCH_TEMPLATE}' in haar front matter: ze zou zonder zoekformulier gebouwd worden.",
            en=f"the search page has no 'template: {SEARCH_TEMPLATE}' in its front matter: it would be built without the search form.",
            fix_nl=f"voeg de regel 'template: {SEARCH_TEMPLATE}' toe aan de front matter.",
            fix_en=f"add the line 'template: {SEARCH_TEMPLATE}' to the front matter.",
        )
    ]


def check_sources(docs_dir: Path, settings: Settings, docs: str = "docs") -> tuple[Report, list[SourcePage]]:
    """mkdocs.yml, every page's rules, then the translations across pages."""
    report = Report()
    report.errors.extend(check_config(docs_dir.resolve().parent))
    pages, unreadable = read_sources(docs_dir, settings.languages, docs)
    report.errors.extend(unreadable)
    sources = {page.src for page in pages}
    for page in pages:
        page_report = check_page_source(page, settings, sources)
        report.errors.extend(page_report.errors)
        report.notices.extend(page_report.notices)
    all_sources = [page.src for page in pages] + [error.file.removeprefix(f"{docs}/") for error in unreadable]
    if SEARCH_PAGE not in all_sources:
        report.errors.append(
            ContentError(
                f"{docs}/{SEARCH_PAGE}",
                "search-page-missing",
                nl="de site heeft geen zoekpagina; het zoekformulier op elke pagina leidt daarheen.",
                en="the site has no search page; the search form on every page leads there.",
            )
        )
    report.errors.extend(check_translations(all_sources, settings.languages, docs))
    report.errors.extend(check_translated_parts(pages, settings.languages))
    report.errors.extend(check_stylesheets(docs_dir, docs))
    report.errors.extend(check_menu(docs_dir.resolve().parent, all_sources, settings.languages, docs))
    report.notices.extend(stale_notices({page.src: page.review for page in pages if page.review}, settings.languages, docs))
    return report, pages


# The parts of a page that every language's version has when one has it.
TRANSLATED_PARTS = {
    "summary": Text("de samenvatting 'In het kort' (<!-- md:summary -->)", "the summary 'In het kort' (<!-- md:summary -->)"),
    "selfcheck": Text("de zelftest (<!-- md:selfcheck -->)", "the self-check (<!-- md:selfcheck -->)"),
}


def check_translated_parts(pages: list[SourcePage], languages: list[str]) -> list[ContentError]:
    """A summary or a self-check on one language's page only: reported on the page that lacks it."""
    versions: dict[str, list[SourcePage]] = {}
    for page in pages:
        versions.setdefault(page.page, []).append(page)
    errors = []
    for same in versions.values():
        for name, what in TRANSLATED_PARTS.items():
            having = [page for page in same if name in page.markers]
            for page in (page for page in same if having and name not in page.markers):
                other = having[0]
                errors.append(
                    ContentError(
                        page.file,
                        "translation-part",
                        line=1,
                        nl=f"{what.nl} staat op {other.file} (regel {other.markers[name]}), maar niet op deze pagina.",
                        en=f"{what.en} is on {other.file} (line {other.markers[name]}), but not on this page.",
                        fix_nl=f"zet <!-- md:{name} --> ook in deze pagina, op dezelfde plaats als in {other.file}"
                        + (", met de samenvatting in de taal van de pagina." if name == "summary" else "."),
                        fix_en=f"add <!-- md:{name} --> to this page too, in the same place as in {other.file}"
                        + (", with the summary in the page's language." if name == "summary" else "."),
                    )
                )
    return errors


def check_stylesheets(docs_dir: Path, docs: str = "docs") -> list[ContentError]:
    """Every stylesheet under docs/ (the site's own CSS, on every page): nothing from another site."""
    errors = []
    for path in sorted(docs_dir.rglob("*.css")):
        file = f"{docs}/{path.relative_to(docs_dir).as_posix()}"
        try:
            errors.extend(check_stylesheet(read_text(path, file), file))
        except ContentError as error:
            errors.append(error)
    return errors


# --- The built site --------------------------------------------------------------------------


def output_path(src: str, languages: list[str]) -> str:
    """Where a page is built: 'symptomen.en.md' -> 'en/symptomen/index.html' (directory URLs)."""
    page, lang = split_language(src, languages)
    base = page[: -len(".md")]
    path = f"{base[: -len('index')]}index.html" if base == "index" or base.endswith("/index") else f"{base}/index.html"
    return path if lang == languages[0] else f"{lang}/{path}"


def is_policy_page(source: SourcePage | None, settings: Settings) -> bool:
    return source is not None and split_language(source.src, settings.languages)[0] == POLICY_PAGE


def _in_source(error: ContentError, source: SourcePage | None) -> ContentError:
    """A built page's problem about an address written in the page's source (a link, an image) is
    reported on its line there, the built file named in it; other problems stay on the built file."""
    if source is None or not error.address:
        return error
    address = error.address
    # As written in Markdown or HTML; an address to another host also bare (a reference definition,
    # a URL in text), as it is unlike anything else on the page.
    bare = (address,) if "//" in address else ()
    for written in (f'"{address}"', f"'{address}'", f"({address})", f"<{address}>", *bare):
        position = source.text.find(written)
        if position >= 0:
            return error.moved(source.file, line_at(source.text, position), error.file)
    return error


def check_and_read_page_html(
    html: str, file: str, source: SourcePage | None, settings: Settings, page: str = ""
) -> tuple[list[ContentError], PageLinks]:
    """Every rule on one built page as written, read without Material's navigation; problems on
    their lines in the page as written, or in the page's source where it causes them. Also the
    page's ids and links within the site (`page`: its path under the site), for the link check
    once every page is built."""
    page_html, navigation = without_navigation(html)
    built = read_page(page_html)
    line_of = lines_in_page(page_html, navigation)
    errors = check_built_page(built, file, source, settings)
    errors = [_in_source(e.moved(e.file, line_of(e.line)) if e.file == file else e, source) for e in errors]
    return errors, page_links(built, page, line_of)


def check_built_page(built: BuiltPage, file: str, source: SourcePage | None, settings: Settings) -> list[ContentError]:
    """Every rule on one built page; `source` is the page it was built from (None for 404.html or an
    HTML file copied from docs/)."""
    errors = check_external_links(built, file) + check_external_resources(built, file)
    labels = settings.data.labels.get(built.lang or "")
    if labels is None or (source and source.lang != built.lang):
        found = f'<html lang="{built.lang or ""}">'
        languages = ", ".join(settings.languages)
        errors.append(
            ContentError(
                file,
                "page-language",
                nl=f"de taal van de pagina {found} is niet "
                + (f"'{source.lang}' (de taal van {source.file})." if source else f"een van {languages}."),
                en=f"the page's language {found} is not "
                + (f"'{source.lang}' (the language of {source.file})." if source else f"one of {languages}."),
                fix_nl="pagina's die MkDocs bouwt, krijgen haar van de i18n-talen in mkdocs.yml; een HTML-bestand dat met de hand is "
                'geschreven, heeft <html lang=".."> en de disclaimer nodig.',
                fix_en="pages built by MkDocs take it from the i18n languages in mkdocs.yml; an HTML file written by hand needs <html "
                'lang=".."> and the disclaimer.',
            )
        )
        return errors
    errors.extend(check_disclaimer(built, file, labels["disclaimer"]))
    errors.extend(check_partner_html(built, file, settings.data.partner_hosts, labels["partner_label"]))
    if source is None or source.is_search:
        return errors
    if source.review:
        errors.extend(check_review_html(built, file, source.review, labels, source.file))
    errors.extend(check_structured_data(built, file, len(source.cited), source.file))
    if is_policy_page(source, settings):
        errors.extend(check_policy_page(built, file, source.file))
    return errors


def pages_by_output(pages: list[SourcePage], settings: Settings) -> dict[str, SourcePage]:
    """The source pages by where they are built (see output_path)."""
    return {output_path(page.src, settings.languages): page for page in pages}


def check_site(
    site_dir: Path,
    pages: list[SourcePage],
    settings: Settings,
    site: str = "site",
    checked: dict[str, tuple[list[ContentError], PageLinks]] | None = None,
) -> Report:
    """Every built .html file, then every link within the site; `pages` from `check_sources`
    (with their review dates).

    `checked` holds what was found on pages checked already (`check_and_read_page_html`), by path
    under site_dir: the build checks each page as MkDocs writes it, and those files are not read again.
    """
    report = Report()
    if not site_dir.is_dir():
        report.errors.append(ContentError(site, "site-missing", nl="de gebouwde site bestaat niet.", en="the built site does not exist."))
        return report
    by_output = pages_by_output(pages, settings)
    links: dict[str, PageLinks] = {}
    files = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    for rel in (rel for rel in files if rel.endswith(".html")):
        path = site_dir / rel
        if checked is not None and rel in checked:
            errors, links[rel] = checked[rel]
        else:
            errors, links[rel] = check_and_read_page_html(
                path.read_text(encoding="utf-8"), f"{site}/{rel}", by_output.get(rel), settings, rel
            )
        report.errors.extend(errors)
    for rel, page in sorted(by_output.items()):
        if not (site_dir / rel).is_file():
            report.errors.append(
                ContentError(
                    f"{site}/{rel}",
                    "page-not-built",
                    nl=f"{page.file} is niet gebouwd.",
                    en=f"{page.file} was not built.",
                    fix_nl="bouw de site opnieuw; ontbreekt de pagina dan nog, controleer 'exclude_docs' en de "
                    "i18n-instellingen in mkdocs.yml.",
                    fix_en="build the site again; if the page is still missing, check 'exclude_docs' and the i18n settings in mkdocs.yml.",
                )
            )
    outputs = {page.src: rel for rel, page in by_output.items()}

    def ids_of(src: str) -> frozenset[str] | None:
        built = links.get(outputs.get(src, ""))
        return built.ids if built else None

    # Links written in Markdown: their anchors on the line of the page that holds them (MkDocs wrote
    # them anew in the built page, where the link check below finds them too: reported once).
    markdown_links = [link for page in pages for link in page.links]
    in_markdown = check_anchors(markdown_links, ids_of, settings.languages)
    report.errors.extend(in_markdown)
    built_of = {page.file: rel for rel, page in by_output.items()}
    link_of = {(link.file, link.address): link for link in markdown_links}
    reported = set()  # (built page, built page it leads to, anchor)
    for error in in_markdown:
        link = link_of[(error.file, error.address)]
        reported.add((built_of.get(link.file), outputs.get(link.target), link.anchor))
    for error in check_internal_links(links, files, site, reported):
        report.errors.append(_in_source(error, by_output.get(error.file.removeprefix(f"{site}/"))))
    return report


def run(docs_dir: Path, site_dir: Path, today: date | None = None) -> Report:
    """Both stages, as the build runs them: the site only when the sources are right."""
    root = docs_dir.resolve().parent
    settings, errors = load_settings(root, None, today)
    report, pages = check_sources(docs_dir, settings, docs_dir.name)
    report.errors[:0] = errors
    if not report.errors:
        site_report = check_site(site_dir, pages, settings, site_dir.name)
        report.errors.extend(site_report.errors)
        report.notices.extend(site_report.notices)
    return report
