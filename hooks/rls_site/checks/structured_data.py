"""Structured data: a schema.org MedicalWebPage (JSON-LD) for every content page.

Tells machines what the page is: its language, that it is about restless legs syndrome, that it is
written for patients, when and by whom it was last reviewed (the date and the reviewer from
data/reviewers.yml shown at the bottom of the page) and which sources it cites. Built here as data; overrides/partials/structured-data.html
writes it into the page's <head> with Jinja's `tojson`.
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them.
"""

from __future__ import annotations

import json

from rls_site.checks.built_page import BuiltPage
from rls_site.checks.review_dates import ReviewDates
from rls_site.errors import ContentError

CONDITION = {
    "@type": "MedicalCondition",
    "name": "Restless legs syndrome",
    "alternateName": ["Rusteloze benen", "Willis-Ekbom disease", "RLS"],
}
AUDIENCE = {"@type": "MedicalAudience", "audienceType": "Patient"}
TEMPLATE = "overrides/partials/structured-data.html"


def citation(entry: dict) -> dict:
    """A source from data/sources.yml (CSL) as a schema.org work."""
    work = {"@type": "ScholarlyArticle" if entry.get("type") == "article-journal" else "CreativeWork", "name": entry.get("title")}
    issued = (entry.get("issued") or {}).get("date-parts") or [[None]]
    if issued and issued[0] and issued[0][0]:
        work["datePublished"] = str(issued[0][0])
    if entry.get("DOI"):
        work["url"] = f"https://doi.org/{entry['DOI']}"
    elif entry.get("URL"):
        work["url"] = entry["URL"]
    return work


def medical_web_page(
    *, title: str, description: str | None, url: str | None, lang: str, review: ReviewDates, reviewer: dict, sources: list[dict]
) -> dict:
    """The MedicalWebPage for one page; `reviewer` is its entry of data/reviewers.yml as schema.org data
    (Reviewer.structured_data), `sources` the CSL entries it cites, in order."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "inLanguage": lang,
        "lastReviewed": review.last_reviewed.isoformat(),
        "reviewedBy": reviewer,
        "about": CONDITION,
        "medicalAudience": AUDIENCE,
    }
    if description:
        data["description"] = description
    if url:
        data["url"] = url
    if sources:
        data["citation"] = [citation(entry) for entry in sources]
    return data


def check_structured_data(page: BuiltPage, file: str, cited: int, source: str) -> list[ContentError]:
    """The page's JSON-LD: present, valid, right language, condition, audience, date and citations.

    `cited` is how many sources the page's Markdown (`source`) cites.
    """

    def error(rule: str, nl: str, en: str, fix: tuple[str, str], line: int | None = None) -> ContentError:
        return ContentError(file, rule, line=line, nl=nl, en=en, fix_nl=fix[0], fix_en=fix[1])

    blocks = []
    for line, text in page.json_ld:
        try:
            blocks.append((line, json.loads(text)))
        except ValueError as exc:
            return [
                error(
                    "structured-data-invalid",
                    f"de JSON-LD is geen geldige JSON ({exc}).",
                    f"the JSON-LD is not valid JSON ({exc}).",
                    (
                        f"{TEMPLATE} moet de gegevens schrijven met '| tojson'; bouw geen JSON met de hand.",
                        f"{TEMPLATE} must write the data with '| tojson'; do not build JSON by hand.",
                    ),
                    line,
                )
            ]
    found = [(line, data) for line, data in blocks if isinstance(data, dict) and data.get("@type") == "MedicalWebPage"]
    if not found:
        return [
            error(
                "structured-data-missing",
                f"de pagina (uit {source}) heeft geen MedicalWebPage JSON-LD.",
                f"the page (from {source}) has no MedicalWebPage JSON-LD.",
                (
                    "overrides/main.html moet partials/structured-data.html opnemen in block extrahead, na {{ super() }}.",
                    "overrides/main.html must include partials/structured-data.html in block extrahead, after {{ super() }}.",
                ),
            )
        ]
    line, data = found[0]
    errors = []
    fix_data = (
        "de gegevens maakt rls_site/checks/structured_data.py (hooks/publication_checks.py) uit de front matter van de pagina; "
        "bouw de site opnieuw, of zet het template terug.",
        "the data is made by rls_site/checks/structured_data.py (hooks/publication_checks.py) from the page's front matter; "
        "build the site again, or restore the template.",
    )
    expected = {
        "@context": "https://schema.org",
        "inLanguage": page.lang,
    }
    for key, value in expected.items():
        if data.get(key) != value:
            found = f"'{key}' is {data.get(key)!r}"
            errors.append(error("structured-data-field", f"{found}, verwacht {value!r}.", f"{found}, expected {value!r}.", fix_data, line))
    if not data.get("name"):
        errors.append(
            error("structured-data-field", "'name' (de paginatitel) ontbreekt.", "'name' (the page title) is missing.", fix_data, line)
        )
    if not isinstance(data.get("about"), dict) or data["about"].get("@type") != "MedicalCondition":
        errors.append(
            error("structured-data-field", "'about' is geen MedicalCondition.", "'about' is not a MedicalCondition.", fix_data, line)
        )
    audience = data.get("medicalAudience")
    audiences = audience if isinstance(audience, list) else [audience]
    if not any(isinstance(a, dict) and a.get("audienceType") == "Patient" for a in audiences):
        errors.append(
            error("structured-data-field", "'medicalAudience' is niet Patient.", "'medicalAudience' is not Patient.", fix_data, line)
        )
    if not isinstance(data.get("reviewedBy"), dict) or not data["reviewedBy"].get("name"):
        errors.append(
            error(
                "structured-data-field",
                "'reviewedBy' (de rol van de controleur) ontbreekt.",
                "'reviewedBy' (the reviewer's role) is missing.",
                fix_data,
                line,
            )
        )
    if page.canonical and data.get("url") != page.canonical:
        errors.append(
            error(
                "structured-data-field",
                f"'url' is {data.get('url')!r}, verwacht het adres van de pagina {page.canonical!r}.",
                f"'url' is {data.get('url')!r}, expected the page's address {page.canonical!r}.",
                fix_data,
                line,
            )
        )
    citations = data.get("citation") or []
    if len(citations) != cited:
        errors.append(
            error(
                "structured-data-field",
                f"'citation' noemt {len(citations)} bron{'nen' if len(citations) != 1 else ''}, maar {source} verwijst naar {cited}.",
                f"'citation' lists {len(citations)} source{'s' if len(citations) != 1 else ''}, but {source} cites {cited}.",
                fix_data,
                line,
            )
        )
    shown = next(iter(page.select("//time[@data-review='last']")), None)
    if shown is not None and data.get("lastReviewed") != shown.attrs.get("datetime"):
        errors.append(
            error(
                "structured-data-date",
                f"'lastReviewed' is {data.get('lastReviewed')!r}, maar de pagina toont {shown.attrs.get('datetime')!r}.",
                f"'lastReviewed' is {data.get('lastReviewed')!r}, but the page shows {shown.attrs.get('datetime')!r}.",
                (
                    "beide komen uit last_reviewed in de front matter; bouw de site opnieuw, of verbeter het template dat er "
                    "een veranderde.",
                    "both come from last_reviewed in the front matter; build the site again, or fix the template that changed one of them.",
                ),
                line,
            )
        )
    return errors
