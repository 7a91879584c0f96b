"""Hook: the search index (rls_site.search), written once every language is built.

mkdocs-static-i18n builds the default language first, then, inside that build's `on_post_build`,
each other language. `on_post_build` of the first pass runs after every language is built (in
`mkdocs build` and after each rebuild of `mkdocs serve`) and before the publication checks read
the site: Pagefind indexes the whole site there, once.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from rls_site.mkdocs_glue import logger, nested, reports_content_errors
from rls_site.search import index_site

log = logger(__name__)


@event_priority(-200)  # after mkdocs-static-i18n (-100) built every language; before the checks (-300)
@reports_content_errors
def on_post_build(config):
    if nested(config):
        return  # a language built inside the first pass: the first pass indexes the whole site
    site_dir = Path(config.site_dir)
    report = index_site(site_dir, site_dir.name)
    if report:
        log.debug(report)
