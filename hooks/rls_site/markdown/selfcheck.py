"""The self-check of the five RLS criteria, where a page has `<!-- md:selfcheck -->`.

The marker becomes the self-check (`overrides/partials/selfcheck.html`) with the page language's
texts from data/selfcheck.yml; `assets/selfcheck.js` makes it interactive in the browser, and
answers never leave the page. It gives no verdict: whatever the answers, once all are given the
reader sees one neutral text (take your answers to your GP). The page's template adds the script
and the stylesheet only where the self-check is (overrides/main.html looks for `data-selfcheck>`).
A marker with an argument or a second marker on a page is
reported by the publication checks, with file and line (`check_selfcheck_markers`).
"""

from __future__ import annotations

import jinja2
from markdown.preprocessors import Preprocessor

from rls_site.data.components import SELFCHECK_LEVEL
from rls_site.errors import ContentError, raise_all
from rls_site.markdown.settings import SiteExtension
from rls_site.markdown.text import Marker, find_markers, replace_spans

MARKER = "selfcheck"
TEMPLATE = "partials/selfcheck.html"
PAGE = "page"


def check_selfcheck_markers(markers: list[Marker], file: str) -> list[ContentError]:
    """One marker per page, without an argument (the data file has every language of the site)."""
    found = [m for m in markers if m.name == MARKER]
    errors = []
    for marker in found:
        if marker.args:
            errors.append(
                ContentError(
                    file,
                    "selfcheck-marker",
                    line=marker.line,
                    nl=f"<!-- md:selfcheck --> heeft geen argument, gevonden: '{' '.join(marker.args)}'.",
                    en=f"<!-- md:selfcheck --> takes no argument, found '{' '.join(marker.args)}'.",
                    fix_nl="schrijf de markering als <!-- md:selfcheck -->.",
                    fix_en="write the marker as <!-- md:selfcheck -->.",
                )
            )
    if len(found) > 1:
        errors.append(
            ContentError(
                file,
                "selfcheck-marker",
                line=found[1].line,
                nl="de zelftest staat meer dan eens op deze pagina.",
                en="the self-check appears more than once on this page.",
                fix_nl=f"houd één <!-- md:selfcheck --> (de eerste op regel {found[0].line}).",
                fix_en=f"keep one <!-- md:selfcheck --> (first at line {found[0].line}).",
            )
        )
    return errors


def render_selfcheck(texts: dict, care: dict, env: jinja2.Environment) -> str:
    """HTML of the self-check for one language's texts; `care` is its outcome's care card level."""
    return env.get_template(TEMPLATE).render(texts=texts, care=care).strip()


class _SelfcheckPreprocessor(Preprocessor):
    def __init__(self, md, extension: SelfcheckExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        if "md:selfcheck" not in markdown:
            return lines
        markers = [m for m in find_markers(markdown, PAGE) if m.name == MARKER]
        if not markers:
            return lines
        site = self.extension.site()
        raise_all(check_selfcheck_markers(markers, PAGE))
        care = site.data.components.care_level(SELFCHECK_LEVEL, site.lang)
        block = self.md.htmlStash.store(render_selfcheck(site.data.selfcheck[site.lang], care, site.env))
        return replace_spans(markdown, [(markers[0].start, markers[0].end, f"\n\n{block}\n\n")]).split("\n")


class SelfcheckExtension(SiteExtension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_SelfcheckPreprocessor(md, self), "rls_selfcheck", 27)


def makeExtension(**kwargs):
    return SelfcheckExtension(**kwargs)
