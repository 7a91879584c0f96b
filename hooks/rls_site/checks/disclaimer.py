"""The medical disclaimer on every built page, and the about page that holds the full texts.

The short disclaimer (text: 'disclaimer' in data/labels.yml, one per language) is shown above the
footer of every page, 404 included (overrides/partials/disclaimer.html). It links to the full
disclaimer on the about page, which also states the partner-link policy that the partner-link
notice links to. A template change that drops the disclaimer, or an about page that loses one of
those sections, fails the build.
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them.
"""

from __future__ import annotations

from rls_site.checks.built_page import BuiltPage
from rls_site.errors import ContentError

POLICY_PAGE = "over.md"
# Sections of the about page that the disclaimer and the partner-link notice link to.
POLICY_SECTIONS = {
    "disclaimer": "Medische disclaimer {#disclaimer}",
    "partnerlinks": "Partnerlinks {#partnerlinks}",
    "bewijs": "Hoe sterk is het bewijs? {#bewijs}",  # every evidence statement links to the scale here
}


def check_disclaimer(page: BuiltPage, file: str, disclaimer: str) -> list[ContentError]:
    """The page shows the disclaimer text of its language."""
    if page.shows(disclaimer, where="//*[@data-disclaimer]"):
        return []
    return [
        ContentError(
            file,
            "disclaimer-missing",
            nl=f"de pagina toont de medische disclaimer voor '{page.lang}' niet.",
            en=f"the page does not show the medical disclaimer for '{page.lang}'.",
            fix_nl="overrides/main.html moet partials/disclaimer.html opnemen in block footer, voor {{ super() }}; de tekst is "
            "'disclaimer' in data/labels.yml. Een template dat block footer vervangt, moet hem ook opnemen.",
            fix_en="overrides/main.html must include partials/disclaimer.html in block footer, before {{ super() }}; its text is "
            "'disclaimer' in data/labels.yml. A template that replaces block footer must include it too.",
        )
    ]


def check_policy_page(page: BuiltPage, file: str, source: str) -> list[ContentError]:
    """The about page has the sections that every page's disclaimer and notice link to."""
    ids = {element.attrs.get("id") for element in page.select("//*[@id]")}
    return [
        ContentError(
            file,
            "policy-page",
            nl=f"de over-pagina heeft geen deel met id '{anchor}'; de links ernaar vanaf elke pagina zouden nergens uitkomen.",
            en=f"the about page has no section with id '{anchor}'; the links to it from every page would land nowhere.",
            fix_nl=f"houd de kop '## {heading}' in {source} (vertaald, met dezelfde id).",
            fix_en=f"keep the heading '## {heading}' in {source} (translated, with the same id).",
        )
        for anchor, heading in POLICY_SECTIONS.items()
        if anchor not in ids
    ]
