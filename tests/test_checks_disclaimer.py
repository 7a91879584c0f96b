"""The medical disclaimer and the about page's sections (rls_site.checks.disclaimer)."""

from __future__ import annotations

import pytest

from check_samples import (
    READERS,
    built,
)
from rls_site.checks.built_page import read_page
from rls_site.checks.disclaimer import check_disclaimer, check_policy_page

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.mark.parametrize("read", READERS)
def test_disclaimer_must_be_on_the_page_in_its_language(read):
    assert check_disclaimer(read(built()), "site/a/index.html", "De informatie op deze site is algemeen.") == []
    errors = check_disclaimer(read(built().replace("algemeen", "anders")), "site/404.html", "De informatie op deze site is algemeen.")
    assert [(e.file, e.rule) for e in errors] == [("site/404.html", "disclaimer-missing")]


def test_about_page_keeps_the_sections_every_page_links_to():
    assert (
        check_policy_page(
            read_page(built('<h2 id="disclaimer">D</h2><h2 id="partnerlinks">P</h2><h2 id="bewijs">B</h2>')),
            "site/over/index.html",
            "docs/over.md",
        )
        == []
    )
    errors = check_policy_page(
        read_page(built('<h2 id="disclaimer">D</h2><h2 id="partner-links">P</h2><h2 id="bewijs">B</h2>')),
        "site/over/index.html",
        "docs/over.md",
    )
    assert [e.rule for e in errors] == ["policy-page"] and "partnerlinks" in errors[0].problem
