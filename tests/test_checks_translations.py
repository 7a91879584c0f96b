"""Translations (rls_site.checks.translations): every page in every language, stale translations."""

from __future__ import annotations

from datetime import date

import pytest

from check_samples import (
    LANGUAGES,
)
from rls_site.checks.review_dates import ReviewDates, add_years
from rls_site.checks.translations import check_translations, split_language, stale_notices

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


def test_language_of_a_source_file():
    assert split_language("symptomen.en.md", LANGUAGES) == ("symptomen.md", "en")
    assert split_language("symptomen.md", LANGUAGES) == ("symptomen.md", "nl")
    assert split_language("a/index.en.md", LANGUAGES) == ("a/index.md", "en")


def test_a_page_in_one_language_names_the_missing_file():
    errors = check_translations(["a.md", "a.en.md", "b.md", "c.en.md"], LANGUAGES)
    assert [(e.file, e.rule) for e in errors] == [("docs/b.md", "translation-missing"), ("docs/c.en.md", "translation-missing")]
    assert "docs/b.en.md does not exist" in errors[0].problem
    assert "docs/c.md does not exist" in errors[1].problem


def test_translation_reviewed_before_its_original_is_possibly_stale():
    def review(day):
        return ReviewDates(day, "r", add_years(day, 1), True, 4, 6)

    notices = stale_notices(
        {
            "a.md": review(date(2026, 11, 25)),
            "a.en.md": review(date(2026, 11, 1)),
            "b.md": review(date(2026, 1, 1)),
            "b.en.md": review(date(2026, 2, 1)),
        },
        LANGUAGES,
    )
    assert [(n.file, n.rule, n.line) for n in notices] == [("docs/a.en.md", "translation-possibly-stale", 4)]
    assert "docs/a.md (2026-11-25)" in notices[0].problem
