"""Structured data (rls_site.checks.structured_data): a MedicalWebPage for patients, checked on the built page."""

from __future__ import annotations

import pytest

from check_samples import (
    DATES,
    READERS,
    REVIEW,
    REVIEWER,
    built,
)
from rls_site.checks.structured_data import check_structured_data, citation, medical_web_page

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.mark.parametrize("read", READERS)
def test_structured_data_is_a_medical_web_page_for_patients(read):
    data = medical_web_page(
        title="Titel",
        description="Over iets.",
        url="https://rls.example/a/",
        lang="nl",
        review=REVIEW,
        reviewer=REVIEWER.structured_data("nl"),
        sources=[{"id": "a", "type": "article-journal", "title": "T", "issued": {"date-parts": [[2024, 5]]}, "DOI": "10.1/x"}],
    )
    assert data["@type"] == "MedicalWebPage" and data["lastReviewed"] == "2026-11-25" and data["inLanguage"] == "nl"
    assert data["about"]["@type"] == "MedicalCondition" and data["medicalAudience"]["audienceType"] == "Patient"
    assert data["reviewedBy"] == {"@type": "Organization", "name": "Redactie", "description": "geen artsen"}
    assert data["citation"] == [{"@type": "ScholarlyArticle", "name": "T", "datePublished": "2024", "url": "https://doi.org/10.1/x"}]
    assert "citation" not in medical_web_page(
        title="T", description=None, url=None, lang="nl", review=REVIEW, reviewer=REVIEWER.structured_data("nl"), sources=[]
    )
    assert citation({"type": "webpage", "title": "W", "URL": "https://w.example"}) == {
        "@type": "CreativeWork",
        "name": "W",
        "url": "https://w.example",
    }
    assert check_structured_data(read(built(DATES, data)), "site/a/index.html", 1, "docs/a.md") == []


@pytest.mark.parametrize(
    "change, rule",
    [
        (lambda d: "{niet: json", "structured-data-invalid"),
        (lambda d: {**d, "@type": "WebPage"}, "structured-data-missing"),
        (lambda d: {**d, "inLanguage": "en"}, "structured-data-field"),
        (lambda d: {k: v for k, v in d.items() if k != "medicalAudience"}, "structured-data-field"),
        (lambda d: {**d, "about": {"@type": "Thing"}}, "structured-data-field"),
        (lambda d: {**d, "url": "https://rls.example/b/"}, "structured-data-field"),
        (lambda d: {**d, "citation": []}, "structured-data-field"),
        (lambda d: {**d, "lastReviewed": "2026-01-01"}, "structured-data-date"),
    ],
)
@pytest.mark.parametrize("read", READERS)
def test_structured_data_mistakes(change, rule, read):
    data = medical_web_page(
        title="T",
        description=None,
        url="https://rls.example/a/",
        lang="nl",
        review=REVIEW,
        reviewer=REVIEWER.structured_data("nl"),
        sources=[{"title": "S"}],
    )
    errors = check_structured_data(read(built(DATES, change(data))), "site/a/index.html", 1, "docs/a.md")
    assert [e.rule for e in errors] == [rule]
