"""Hook: the search index (rls_site.search), written once every language is built.

mkdocs-static-i18n builds the default language first, then, inside that build's `on_post_build`,
each other language. `on_pre_build` of the second language's pass starts Pagefind over the default
language's pages, which are all written by then, so it indexes them, on one core, while the other
pages are built on another. `on_post_build` of the first pass, after every language is built (in
`mkdocs build` and after each rebuild of `mkdocs serve`) and before the publication checks read
the site, indexes the other languages and joins the two. `on_build_error` stops a run of a build
that failed.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from rls_site.mkdocs_glue import logger, nested, reports_content_errors, site_languages
from rls_site.search import IndexRun, default_language_glob, index_site

log = logger(__name__)
_state: dict = {}


@reports_content_errors
def on_pre_build(config):
    if not nested(config):
        _stop()
        _state.update(site_dir=Path(config.site_dir), languages=site_languages(config))
        return
    if "first" in _state or "site_dir" not in _state:
        return  # started in an earlier language's pass
    site_dir, others = _state["site_dir"], _state["languages"][1:]
    glob = default_language_glob(site_dir, others)
    if glob:
        _state["first"] = IndexRun(site_dir, site_dir.name, glob, one_core=True)  # MkDocs renders on another
        log.debug(f"Search: indexing the pages of '{_state['languages'][0]}' while the other languages are built.")


@event_priority(-200)  # after mkdocs-static-i18n (-100) built every language; before the checks (-300)
@reports_content_errors
def on_post_build(config):
    if nested(config):
        return  # a language built inside the first pass: the first pass indexes the whole site
    site_dir = Path(config.site_dir)
    report = index_site(site_dir, site_dir.name, _state.pop("first", None), site_languages(config)[1:])
    if report:
        log.debug(report)


def _stop() -> None:
    run = _state.pop("first", None)
    if run is not None:
        run.stop()
    _state.clear()


def on_build_error(error):
    _stop()
