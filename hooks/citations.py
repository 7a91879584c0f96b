"""Hook: the sources page's full list says, for every source, the pages that cite it.

The citations themselves, and each page's source list, are rendered by the Python-Markdown
extension rls_site.markdown.citations. Only this needs the whole site: before the pages are
converted (`on_nav`), every page's citations are read from its source; the page with
`<!-- md:bibliography -->` then gets them, with links relative to it (`on_page_markdown`).
`on_post_build` lists the sources no page of the language cites (rule `source-unused`, a notice
on the source's line in data/sources.yml), without failing the build.
"""

from __future__ import annotations

from collections import defaultdict

from mkdocs.utils import get_relative_url

from rls_site.data.project import project_data
from rls_site.errors import ContentError
from rls_site.front_matter import read_front_matter
from rls_site.github import TO_LOOK_AT, report_to_github
from rls_site.markdown.citations import cited_keys, unused_sources
from rls_site.mkdocs_glue import build_language, logger, project_root, reports_content_errors, site_languages

log = logger(__name__)
EXTENSION = "rls_site.markdown.citations"
_state: dict = {}


def _title(page) -> str:
    try:
        title = read_front_matter(page.file.content_string, page.file.src_uri).text("title")
    except ContentError:
        title = None
    return title or page.title or page.file.name


def on_nav(nav, config, files):
    cited_by: dict[str, list] = defaultdict(list)
    for page in nav.pages:
        for key in cited_keys(page.file.content_string):  # none when malformed: the publication checks report it
            cited_by[key].append(page)
    _state.update(cited_by=cited_by)
    return nav


def on_page_markdown(markdown, page, config, files):
    if "md:bibliography" in markdown and EXTENSION in config.mdx_configs:
        citing = {id(other): other for pages in _state.get("cited_by", {}).values() for other in pages}
        # Each page once, however many sources it cites.
        links = {key: {"title": _title(other), "url": get_relative_url(other.url or ".", page.url or ".")} for key, other in citing.items()}
        config.mdx_configs[EXTENSION]["cited_by"] = {
            key: [links[id(other)] for other in pages] for key, pages in _state.get("cited_by", {}).items()
        }
    return markdown


@reports_content_errors
def on_post_build(config):
    registry = project_data(project_root(config), site_languages(config)).sources
    notices = unused_sources(registry, _state.get("cited_by", {}), build_language(config))
    for notice in notices:
        log.info(notice.format())
    report_to_github([], notices, heading=TO_LOOK_AT)
