"""Hook and command: the publication checks that no page can skip.

On the sources (docs/*.md and data/labels.yml, data/partners.yml):
  - review dates in every page's front matter (review_dates.py); overdue pages listed, not failed
  - every page in every language (translations.py); possibly stale translations listed, not failed
  - no <script>, <iframe>, <object>, event handlers or javascript: URLs (unsafe_content.py)
  - partner links declared and marked, the notice before the first one (partner_links.py)
  - only known markers (markdown_text.find_markers)
On the built site (every .html file under site/, 404 and every language included):
  - the medical disclaimer in the page's language, the about page's sections (disclaimer.py)
  - rel="noopener noreferrer" on links to other sites (external_links.py); partner links with
    rel="sponsored ...", the label and the notice before them (partner_links.py)
  - on content pages: the review dates shown (review_dates.py), the MedicalWebPage JSON-LD with
    the same lastReviewed (structured_data.py)
All problems of a stage are reported together. The sources are checked first; while they have
problems the built site is out of date, so it is not checked.

As a hook it also adds what it checks: the disclaimer texts for every template (404 included),
the review dates and structured data of each page, the partner-link notice, rel and labels.
Events: `on_pre_build` (first pass: check all sources), `on_page_markdown` (markers, notice),
`on_env` (disclaimer texts), `on_page_context` (review dates, structured data), `on_post_page`
(rel, partner labels; last of all plugins, it then checks the page as MkDocs writes it, while it is
in memory), `on_post_template` (rel, partner labels), `on_post_build` (once every language is
built: check the rest of the built site, 404.html and HTML copied from docs/, and that every page
was built). mkdocs-static-i18n runs every event once per language; the checks run once.

As a command, without a MkDocs build, over the same folders (`make check`):

    python hooks/publication_checks.py docs site [--today YYYY-MM-DD]

It prints the same messages as the build and exits with 1 when there are problems.
Review dates are compared with today's date; RLS_TODAY=YYYY-MM-DD (or --today) sets another day.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from built_html import BuiltPage, line_in_page, parse_page, restore_navigation, scan_page, set_aside_navigation
from citations import parse_citations, sources_registry, validate_labels
from disclaimer import POLICY_PAGE, check_disclaimer, check_policy_page
from errors import ContentError, ContentErrors, raise_all
from evidence import EvidenceScale, check_evidence_markers, evidence_scale
from external_links import add_rel, check_external_links
from front_matter import read_front_matter
from languages import site_languages
from markdown_text import body_first_line, find_markers, replace_spans
from partner_links import NOTICE_MARKER, PARTNERS_FILE, check_partner_html, check_partner_markdown, validate_partners
from review_dates import ReviewDates, check_review_html, format_date, overdue_notice, parse_date, read_review_dates
from reviewers import DATA_FILE as REVIEWERS_FILE
from reviewers import Reviewer, validate_reviewers
from structured_data import check_structured_data, medical_web_page
from templates import theme_env
from translations import check_translations, language_file, split_language, stale_notices
from unsafe_content import check_unsafe
from yamldata import load_yaml

log = get_plugin_logger(__name__)

LABELS_FILE = "data/labels.yml"
LABEL_KEYS = (
    "disclaimer",
    "disclaimer_title",
    "disclaimer_more",
    "partner_notice",
    "partner_notice_more",
    "partner_label",
    "last_reviewed",
    "reviewed_by",
    "not_physician",
    "next_review",
)
TODAY_VARIABLE = "RLS_TODAY"
EDITORS_TIME_ZONE = "Europe/Amsterdam"


@dataclass
class Settings:
    """What the checks need besides the pages: languages (default first), texts, partners, today."""

    languages: list[str]
    labels: dict[str, dict]
    partner_hosts: list[str]
    today: date
    reviewers: dict[str, Reviewer] | None = None  # None: data/reviewers.yml has problems (reported)
    evidence: EvidenceScale | None = None  # None: data/evidence.yml has problems (reported)


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

    @functools.cached_property
    def cited(self) -> list[str]:
        """The sources the page cites, each once, in order of first citation (as its structured data
        lists them); none when a citation is malformed, which the citations hook reports."""
        try:
            return list(dict.fromkeys(key for citation in parse_citations(self.text, self.file) for key, _ in citation.items))
        except ContentError:
            return []


def today_from(value: str | None = None) -> date:
    """`value`, else $RLS_TODAY, else today in the Netherlands (where the editors are; the build
    server's clock may run on UTC, which would call a review dated today "in the future")."""
    value = value or os.environ.get(TODAY_VARIABLE)
    if not value:
        return datetime.now(ZoneInfo(EDITORS_TIME_ZONE)).date()
    day = parse_date(value)
    if day is None:
        raise ContentError(
            TODAY_VARIABLE, "today-invalid", f"'{value}' is not a date.", "write it as YYYY-MM-DD, or leave it unset to use today's date."
        )
    return day


def load_settings(root: Path, languages: list[str] | None = None, today: date | None = None) -> tuple[Settings, list[ContentError]]:
    """Texts and partners from data/, checked; without `languages`, those of data/labels.yml in
    file order (default first).

    Returns the settings (as complete as the files allow) and every problem found in the files.
    """
    errors: list[ContentError] = []
    labels: dict[str, dict] = {}
    try:
        data = load_yaml(root / LABELS_FILE, LABELS_FILE)
        if languages is None:
            languages = list(data.data) if isinstance(data.data, dict) else []
        for lang in languages:
            try:
                texts = validate_labels(data, lang, LABEL_KEYS)
            except ContentError as error:
                errors.append(error)
                continue
            months = texts.get("months")
            if not isinstance(months, list) or len(months) != 12 or not all(isinstance(m, str) and m.strip() for m in months):
                errors.append(
                    ContentError(
                        LABELS_FILE,
                        "labels-text",
                        f"'{lang}.months' must list the 12 month names, January first.",
                        f"write them under '{lang}:' as months: [januari, februari, ...].",
                        data.line_of(lang, "months"),
                    )
                )
                continue
            labels[lang] = texts
    except ContentError as error:
        errors.append(error)
    partner_hosts: list[str] = []
    try:
        partner_hosts, partner_errors = validate_partners(load_yaml(root / PARTNERS_FILE, PARTNERS_FILE))
        errors.extend(partner_errors)
    except ContentError as error:
        errors.append(error)
    reviewers = evidence = None
    if languages:
        try:
            reviewers = validate_reviewers(load_yaml(root / REVIEWERS_FILE, REVIEWERS_FILE), languages)
        except (ContentError, ContentErrors) as error:
            errors.extend(error.errors if isinstance(error, ContentErrors) else [error])
        try:
            evidence = evidence_scale(root, languages)
        except (ContentError, ContentErrors) as error:
            errors.extend(error.errors if isinstance(error, ContentErrors) else [error])
    return Settings(languages or [], labels, partner_hosts, today or today_from(), reviewers, evidence), errors


# --- The sources -----------------------------------------------------------------------------


def read_sources(docs_dir: Path, languages: list[str], docs: str = "docs") -> list[SourcePage]:
    """Every Markdown page under docs_dir (hidden files and folders skipped, as MkDocs does)."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in src.split("/")):
            continue
        pages.append(SourcePage(src, f"{docs}/{src}", split_language(src, languages)[1], path.read_text(encoding="utf-8")))
    return pages


def check_page_source(page: SourcePage, settings: Settings) -> Report:
    """Every source rule on one page, read as the editor wrote it (before any hook changed it)."""
    report = Report()
    try:
        page.review, errors = read_review_dates(read_front_matter(page.text, page.file), settings.today, settings.reviewers)
        report.errors.extend(errors)
    except ContentError as error:
        report.errors.append(error)
    if page.review and (notice := overdue_notice(page.review, page.file, settings.today)):
        report.notices.append(notice)
    report.errors.extend(check_unsafe(page.text, page.file))
    try:
        markers = find_markers(page.text, page.file)
    except ContentError as error:
        report.errors.append(error)
    else:
        report.errors.extend(check_partner_markdown(page.text, page.file, settings.partner_hosts, markers))
        if settings.evidence is not None:
            report.errors.extend(check_evidence_markers(markers, settings.evidence, page.file))
    return report


def check_sources(docs_dir: Path, settings: Settings, docs: str = "docs") -> tuple[Report, list[SourcePage]]:
    """Every page's rules, then the translations across pages."""
    report = Report()
    pages = read_sources(docs_dir, settings.languages, docs)
    for page in pages:
        page_report = check_page_source(page, settings)
        report.errors.extend(page_report.errors)
        report.notices.extend(page_report.notices)
    report.errors.extend(check_translations([page.src for page in pages], settings.languages, docs))
    report.notices.extend(stale_notices({page.src: page.review for page in pages if page.review}, settings.languages, docs))
    return report, pages


# --- The built site --------------------------------------------------------------------------


def output_path(src: str, languages: list[str]) -> str:
    """Where a page is built: 'symptomen.en.md' -> 'en/symptomen/index.html' (directory URLs)."""
    page, lang = split_language(src, languages)
    base = page[: -len(".md")]
    path = f"{base[: -len('index')]}index.html" if base == "index" or base.endswith("/index") else f"{base}/index.html"
    return path if lang == languages[0] else f"{lang}/{path}"


def is_policy_page(source: SourcePage | None, settings: Settings) -> bool:
    return source is not None and split_language(source.src, settings.languages)[0] == POLICY_PAGE


def read_built_page(html: str, source: SourcePage | None, settings: Settings) -> BuiltPage:
    """A built page as the checks read it: scanned, the about page parsed in full (its check reads every id)."""
    return parse_page(html) if is_policy_page(source, settings) else scan_page(html)


def check_page_html(html: str, navigation: str, file: str, source: SourcePage | None, settings: Settings) -> list[ContentError]:
    """check_built_page on a page whose navigation is set aside (see set_aside_navigation; '' when
    it is not), its problems on their lines in the page as written."""
    errors = check_built_page(read_built_page(html, source, settings), file, source, settings)
    if not navigation:
        return errors
    # Problems reported on the source file keep their lines; only the built page's move.
    return [
        ContentError(error.file, error.rule, error.problem, error.fix, line_in_page(error.line, html, navigation))
        if error.file == file
        else error
        for error in errors
    ]


def check_built_page(built: BuiltPage, file: str, source: SourcePage | None, settings: Settings) -> list[ContentError]:
    """Every rule on one built page; `source` is the page it was built from (None for 404.html or an
    HTML file copied from docs/)."""
    errors = check_external_links(built, file)
    labels = settings.labels.get(built.lang or "")
    if labels is None or (source and source.lang != built.lang):
        expected = f"'{source.lang}' (the language of {source.file})" if source else "one of " + ", ".join(settings.languages)
        errors.append(
            ContentError(
                file,
                "page-language",
                f'the page\'s language <html lang="{built.lang or ""}"> is not {expected}.',
                "pages built by MkDocs take it from the i18n languages in mkdocs.yml; an HTML file written by hand needs <html "
                'lang=".."> and the disclaimer.',
            )
        )
        return errors
    errors.extend(check_disclaimer(built, file, labels["disclaimer"]))
    errors.extend(check_partner_html(built, file, settings.partner_hosts, labels["partner_label"]))
    if source is None:
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
    site_dir: Path, pages: list[SourcePage], settings: Settings, site: str = "site", checked: dict[str, list[ContentError]] | None = None
) -> Report:
    """Every built .html file; `pages` from `check_sources` (with their review dates).

    `checked` holds the problems of pages checked already, by path under site_dir: the build checks
    each page as MkDocs writes it (on_post_page), and those files are not read again.
    """
    report = Report()
    if not site_dir.is_dir():
        report.errors.append(ContentError(site, "site-missing", "the built site does not exist.", "build it first: make build."))
        return report
    by_output = pages_by_output(pages, settings)
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if checked is not None and rel in checked:
            report.errors.extend(checked[rel])
            continue
        html, navigation = set_aside_navigation(path.read_text(encoding="utf-8"))
        report.errors.extend(check_page_html(html, navigation, f"{site}/{rel}", by_output.get(rel), settings))
    for rel, page in sorted(by_output.items()):
        if not (site_dir / rel).is_file():
            report.errors.append(
                ContentError(
                    f"{site}/{rel}",
                    "page-not-built",
                    f"{page.file} was not built.",
                    "build the site again; if the page is still missing, check 'exclude_docs' and the i18n settings in mkdocs.yml.",
                )
            )
    return report


# --- The command -----------------------------------------------------------------------------


def format_problems(errors: list[ContentError]) -> str:
    """The same text the build shows: one problem as itself, several under a count."""
    return errors[0].format() if len(errors) == 1 else str(ContentErrors(errors))


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !!python/name tags only MkDocs can resolve."""


_AnyTagLoader.add_multi_constructor("", lambda loader, tag, node: None)


def configured_languages(config_file: Path) -> list[str] | None:
    """The i18n plugin's languages in mkdocs.yml, default first; None without that file or plugin."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except (OSError, yaml.YAMLError):
        return None
    for plugin in (config or {}).get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            languages = [lang for lang in plugin["i18n"].get("languages") or [] if isinstance(lang, dict) and lang.get("locale")]
            return [lang["locale"] for lang in sorted(languages, key=lambda lang: not lang.get("default"))] or None
    return None


def run(docs_dir: Path, site_dir: Path, today: date | None = None) -> Report:
    """Both stages, as the build runs them: the site only when the sources are right.

    The languages are the build's (mkdocs.yml); without it, the sections of data/labels.yml.
    """
    root = docs_dir.resolve().parent
    settings, errors = load_settings(root, configured_languages(root / "mkdocs.yml"), today)
    if not settings.languages:
        return Report(errors)  # data/labels.yml unreadable: no languages to check pages against
    report, pages = check_sources(docs_dir, settings, docs_dir.name)
    report.errors[:0] = errors
    if not report.errors:
        site_report = check_site(site_dir, pages, settings, site_dir.name)
        report.errors.extend(site_report.errors)
        report.notices.extend(site_report.notices)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Publication checks over the Markdown sources and the built site.")
    parser.add_argument("docs", type=Path, help="the Markdown sources, e.g. docs")
    parser.add_argument("site", type=Path, help="the built site, e.g. site")
    parser.add_argument("--today", help=f"the date to compare review dates with (YYYY-MM-DD; default ${TODAY_VARIABLE} or today)")
    args = parser.parse_args(argv)
    try:
        report = run(args.docs, args.site, today_from(args.today))
    except ContentError as error:
        report = Report([error])
    for notice in report.notices:
        print(notice.format())
    if report.errors:
        print(format_problems(report.errors), file=sys.stderr)
        return 1
    print(f"Publication checks passed: {args.docs} and {args.site}.")
    return 0


# --- MkDocs events ---------------------------------------------------------------------------

_state: dict = {}  # this language pass
_sources: dict = {}  # the whole build, every language pass: the source pages as checked


def _i18n(config):
    return config.plugins.get("i18n") if config.plugins else None


def _build_language(config) -> str:
    """The language this pass builds (mkdocs-static-i18n builds each language in turn)."""
    return getattr(_i18n(config), "current_language", None) or config.theme.get("language") or "en"


def _nested(config) -> bool:
    """True in the passes mkdocs-static-i18n runs for the other languages, inside the first one."""
    return bool(getattr(_i18n(config), "building", False))


def on_pre_build(config):
    settings, errors = load_settings(Path(config.config_file_path).parent, site_languages(config), today_from())
    _state.clear()
    _state.update(settings=settings, lang=_build_language(config), label_html=None)
    if _nested(config):
        return  # the first pass checked every source and data file already
    _sources.clear()
    report, _sources["pages"] = check_sources(Path(config.docs_dir), settings, Path(config.docs_dir).name)
    pages = _sources["pages"]
    _sources.update(by_output=pages_by_output(pages, settings), by_src={page.src: page for page in pages}, checked={})
    for notice in report.notices:
        log.info(notice.format())
    raise_all(errors + report.errors)


def _about_url(files, lang: str) -> str | None:
    settings = _state["settings"]
    about = files.get_file_from_path(language_file(POLICY_PAGE, lang, settings.languages))
    return about.url if about else None


def on_page_markdown(markdown, page, config, files):
    file = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    # Every page, so an unknown marker fails wherever it is (the other hooks look only for theirs).
    markers = find_markers(markdown, file, body_first_line(page.file.content_string, markdown))
    notice = next((marker for marker in markers if marker.name == NOTICE_MARKER), None)
    if notice is None:
        return markdown
    lang = _state["lang"]
    about = _about_url(files, lang)
    policy_url = f"{get_relative_url(about, page.url)}#partnerlinks" if about else None
    html = (
        theme_env(config)
        .get_template("partials/partner-notice.html")
        .render(labels=_state["settings"].labels[lang], policy_url=policy_url)
        .strip()
    )
    return replace_spans(markdown, [(notice.start, notice.end, f"\n\n{html}\n\n")])


def on_env(env, config, files):
    lang = _state["lang"]
    # A global, not page context: 404.html has no page but shows the disclaimer too.
    env.globals["publication_site"] = {"labels": _state["settings"].labels[lang], "about_url": _about_url(files, lang)}
    _state["label_html"] = env.get_template("partials/partner-label.html").render(labels=_state["settings"].labels[lang]).strip()
    return env


def _cited_sources(page, file: str, config) -> list[dict]:
    source = _sources["by_src"].get(page.file.src_uri)  # read before the build, its citations once
    keys = source.cited if source else SourcePage(page.file.src_uri, file, "", page.file.content_string).cited
    if not keys:
        return []
    registry = sources_registry(config)
    return [registry.entries[key] for key in keys if key in registry.entries]


def on_page_context(context, page, config, nav):
    settings = _state["settings"]
    file = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    review, _ = read_review_dates(read_front_matter(page.file.content_string, file), settings.today, settings.reviewers)
    if review is None or settings.reviewers is None:
        return context  # impossible after on_pre_build's checks; the built-site check would say so
    lang = _state["lang"]
    months = settings.labels[lang]["months"]
    reviewer = settings.reviewers[review.reviewed_by]
    context["publication"] = {
        "review": {
            "last": review.last_reviewed.isoformat(),
            "last_text": format_date(review.last_reviewed, months),
            "next": review.next_review.isoformat(),
            "next_text": format_date(review.next_review, months),
            "reviewer": reviewer.texts(lang),
        },
        "structured_data": medical_web_page(
            title=page.meta.get("title") or page.title,
            description=page.meta.get("description"),
            url=page.canonical_url,
            lang=lang,
            review=review,
            reviewer=reviewer.structured_data(lang),
            sources=_cited_sources(page, file, config),
        ),
    }
    return context


@event_priority(-300)  # last, after every plugin and hook: what it checks is what MkDocs writes to the file
def on_post_page(output, page, config):
    # Material's navigation, when it holds nothing they read, is neither rewritten nor checked
    # (see set_aside_navigation); `make check` reads each page the same way.
    output, navigation = set_aside_navigation(output)
    output = add_rel(output, _state["label_html"])
    if output.strip():  # MkDocs writes the page: check it now, in memory, rather than read the file again
        settings, rel = _state["settings"], page.file.dest_uri
        source = _sources["by_output"].get(rel)
        file = f"{Path(config.site_dir).name}/{rel}"
        _sources["checked"][rel] = check_page_html(output, navigation, file, source, settings)
    return restore_navigation(output, navigation)


def on_post_template(output, template_name, config):
    return add_rel(output, _state["label_html"]) if template_name.endswith(".html") else output


@event_priority(-300)  # after mkdocs-static-i18n (-100) built every language and other hooks finished
def on_post_build(config):
    if _nested(config):
        return  # the outer pass checks the whole site once every language is built
    # The pages as the first pass checked them, with their review dates: their sources are not read
    # again; nor are the built pages checked as they were written.
    site_dir = Path(config.site_dir)
    report = check_site(site_dir, _sources["pages"], _state["settings"], site_dir.name, _sources["checked"])
    for notice in report.notices:
        log.info(notice.format())
    raise_all(report.errors)


if __name__ == "__main__":
    sys.exit(main())
