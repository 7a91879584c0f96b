"""Hook: the publication checks of rls_site.checks inside the build, and what they ask of pages.

- `on_config`: the extensions of rls_site.markdown render this pass's language (mkdocs-static-i18n
  runs one build per language).
- `on_pre_build`: the first pass checks mkdocs.yml, every data file and every page in every
  language, and stops the build with every problem at once.
- `on_env`: the disclaimer texts and the search page's address for every template, 404 included.
- `on_page_context`: each page's review dates, reviewer and structured data, for the templates.
- `on_post_page`: each page is checked as MkDocs writes it, in memory.
- `on_post_build`: once every language is built, the rest of the site (404.html, HTML copied
  from docs/) and that every page was built.
`make check` runs the same checks without MkDocs: `python -m rls_site.checks docs site`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from rls_site import mkdocs_glue
from rls_site.checks.disclaimer import POLICY_PAGE
from rls_site.checks.review_dates import format_date, read_review_dates
from rls_site.checks.run import SourcePage, check_and_read_page_html, check_site, check_sources, load_settings, pages_by_output
from rls_site.checks.structured_data import medical_web_page
from rls_site.checks.translations import language_file
from rls_site.errors import raise_all
from rls_site.front_matter import read_front_matter
from rls_site.github import TO_LOOK_AT, report_to_github
from rls_site.mkdocs_glue import build_language, configure_extensions, logger, nested, project_root, reports_content_errors, site_languages
from rls_site.search import SEARCH_PAGE

log = logger(__name__)
_state: dict = {}  # this language pass
_sources: dict = {}  # the whole build, every language pass: the source pages as checked


def on_config(config):
    configure_extensions(config, build_language(config))
    return config


@reports_content_errors
def on_pre_build(config):
    settings, errors = load_settings(project_root(config), site_languages(config))
    _state.clear()
    _state.update(settings=settings, lang=build_language(config))
    if nested(config):
        return  # the first pass checked every source and data file already
    _sources.clear()
    report, pages = check_sources(Path(config.docs_dir), settings, Path(config.docs_dir).name)
    for notice in report.notices:
        log.info(notice.format())
    report_to_github([], report.notices, heading=TO_LOOK_AT)
    raise_all(mkdocs_glue.stopping_errors(errors + report.errors, log))
    _sources.update(pages=pages, by_src={page.src: page for page in pages}, by_output=pages_by_output(pages, settings), checked={})


def _page_url(files, page: str, lang: str) -> str | None:
    file = files.get_file_from_path(language_file(page, lang, _state["settings"].languages))
    return file.url if file else None


def on_env(env, config, files):
    lang = _state["lang"]
    # A global, not page context: 404.html has no page but shows the disclaimer and the search form too.
    env.globals["publication_site"] = {
        "labels": _state["settings"].data.labels[lang],
        "about_url": _page_url(files, POLICY_PAGE, lang),
        "search_url": _page_url(files, SEARCH_PAGE, lang),
    }
    return env


def _source_page(page, config) -> SourcePage:
    """The page as on_pre_build checked it (its review dates read); read now if a plugin added it."""
    source = _sources["by_src"].get(page.file.src_uri)
    if source is None:
        file = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        source = SourcePage(page.file.src_uri, file, "", page.file.content_string)
        settings = _state["settings"]
        source.review, _ = read_review_dates(read_front_matter(source.text, file), settings.today, settings.data.reviewers)
    return source


def on_page_context(context, page, config, nav):
    settings = _state["settings"]
    source = _source_page(page, config)
    review = source.review
    if review is None or settings.data.reviewers is None:
        return context  # impossible after on_pre_build's checks; the built-site check would say so
    lang = _state["lang"]
    months = settings.data.labels[lang]["months"]
    reviewer = settings.data.reviewers[review.reviewed_by]
    registry = settings.data.sources
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
            sources=[registry.entries[key] for key in source.cited if key in registry.entries],
        ),
    }
    return context


@event_priority(-300)  # last, after every plugin and hook: what it checks is what MkDocs writes to the file
def on_post_page(output, page, config):
    if output.strip():  # MkDocs writes the page: check it now, in memory, rather than read the file again
        rel = page.file.dest_uri
        file = f"{Path(config.site_dir).name}/{rel}"
        _sources["checked"][rel] = check_and_read_page_html(output, file, _sources["by_output"].get(rel), _state["settings"], rel)
    return output


@event_priority(-300)  # after mkdocs-static-i18n (-100) built every language and other hooks finished
@reports_content_errors
def on_post_build(config):
    if nested(config):
        return  # the outer pass checks the whole site once every language is built
    site_dir = Path(config.site_dir)
    report = check_site(site_dir, _sources["pages"], _state["settings"], site_dir.name, _sources["checked"])
    for notice in report.notices:
        log.info(notice.format())
    report_to_github([], report.notices, heading=TO_LOOK_AT)
    raise_all(report.errors)
