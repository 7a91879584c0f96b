"""Small pages, built HTML and settings that the tests of the publication checks share."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rls_site.checks.built_page import read_page
from rls_site.checks.review_dates import ReviewDates
from rls_site.data.reviewers import Reviewer
from rls_site.errors import ContentError

TODAY = date(2026, 12, 3)


LANGUAGES = ["nl", "en"]


PARTNERS = "partners:\n  - host: shop.example\n    name: Voorbeeldwinkel\n"


NOTICE = "<!-- md:partner-notice -->"


PARTNER_LINK = "[Voorbeeldwinkel](https://www.shop.example/kussen){ .partner }"


LABELS = {
    "disclaimer": "De informatie op deze site is algemeen.",
    "partner_label": "partnerlink",
    "last_reviewed": "Laatst gecontroleerd",
    "next_review": "Volgende controle",
}


def page_source(body: str = "# Titel\n\nTekst.\n", **meta: str) -> str:
    fields = {
        "title": "Titel",
        "description": "Over iets.",
        "last_reviewed": "2026-11-25",
        "reviewed_by": "Medische redactie",
        "next_review": "2027-11-25",
        **meta,
    }
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def rules(errors: list[ContentError]) -> list[tuple[str, int | None]]:
    return [(error.rule, error.line) for error in errors]


PAGE = """<!doctype html>
<html lang="nl">
<head><link rel="canonical" href="https://rls.example/a/">
<script type="application/ld+json">{json}</script></head>
<body>
{body}
<p>De informatie op deze   site is algemeen.</p>
</body></html>
"""


def built(body: str = "", json_ld: dict | str | None = None) -> str:
    data = json_ld if isinstance(json_ld, str) else json.dumps(json_ld or {})
    return PAGE.replace("{json}", data).replace("{body}", body)


# The checks read a built page with lxml (rls_site.checks.built_page).


READERS = [pytest.param(read_page, id="lxml")]


REVIEW = ReviewDates(date(2026, 11, 25), "redactie", date(2027, 11, 25), True, 4, 6)


REVIEWER = Reviewer("redactie", "organization", False, {"nl": "Redactie", "en": "Editors"}, {"nl": "geen artsen", "en": "not doctors"})


DATES = 'Laatst gecontroleerd: <time datetime="2026-11-25" data-review="last">25 november 2026</time> Volgende controle: <time datetime="2027-11-25" data-review="next">25 november 2027</time>'


MATERIAL_PAGE = (
    '<html lang="nl"><body><div class="md-sidebar md-sidebar--primary"><nav>\n<a href="../a/">A</a>\n</nav></div>'
    '<div class="md-sidebar md-sidebar--secondary"><nav>toc</nav></div>'
    '<div class="md-content"><article><a href="https://example.org/">x</a></article></div></body></html>'
)
