"""Review dates and reviewers (rls_site.checks.review_dates, rls_site.today): read, checked, shown."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from check_samples import (
    DATES,
    LABELS,
    READERS,
    REVIEW,
    TODAY,
    built,
    page_source,
    rules,
)
from rls_site.front_matter import read_front_matter
from rls_site.checks.review_dates import ReviewDates, add_years, check_review_html, format_date, overdue_notice, read_review_dates
from rls_site.errors import ContentError
from rls_site.today import parse_date
from rls_site.today import today as today_from

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


def test_review_dates_read_from_front_matter():
    review, errors = read_review_dates(read_front_matter(page_source(), "docs/x.md"), TODAY)
    assert errors == []
    assert review == ReviewDates(date(2026, 11, 25), "Medische redactie", date(2027, 11, 25), True, 4, 6)


def test_next_review_left_out_is_one_year_after_last_review():
    review, errors = read_review_dates(read_front_matter(page_source(next_review=None), "docs/x.md"), TODAY)
    assert errors == [] and review.next_review == date(2027, 11, 25) and not review.next_review_given
    assert review.next_line == 4  # an overdue notice points at last_reviewed


@pytest.mark.parametrize(
    "meta, expected",
    [
        ({"last_reviewed": None}, [("review-date-missing", 1)]),
        ({"last_reviewed": '""'}, [("review-date-missing", 4)]),
        ({"last_reviewed": "2026-13-01"}, [("review-date-invalid", 4)]),
        ({"last_reviewed": "25-11-2026"}, [("review-date-invalid", 4)]),
        ({"next_review": "gisteren"}, [("review-date-invalid", 6)]),
        ({"reviewed_by": '""'}, [("reviewer-missing", 5)]),
        ({"reviewed_by": "[a, b]"}, [("reviewer-missing", 5)]),
        ({"last_reviewed": "2026-12-04", "next_review": "2027-01-01"}, [("review-date-future", 4)]),
        ({"next_review": "2026-11-25"}, [("review-order", 6)]),
        ({"next_review": "2027-11-26"}, [("review-interval", 6)]),
        (
            {"last_reviewed": "gisteren", "reviewed_by": None, "next_review": "morgen"},
            [("review-date-invalid", 4), ("reviewer-missing", 1), ("review-date-invalid", 5)],
        ),
    ],
)
def test_review_date_problems_are_all_reported(meta, expected):
    review, errors = read_review_dates(read_front_matter(page_source(**meta), "docs/x.md"), TODAY)
    assert review is None
    assert rules(errors) == expected
    assert all(error.fix for error in errors)


def test_the_reviewer_must_be_an_entry_of_the_reviewers_file():
    meta = read_front_matter(page_source(reviewed_by="redaktie"), "docs/x.md")
    review, errors = read_review_dates(meta, TODAY, ["redactie", "huisarts-jansen"])
    assert review is None and rules(errors) == [("reviewer-unknown", 5)]
    assert "did you mean 'redactie'?" in errors[0].fix and "data/reviewers.yml" in errors[0].fix
    review, errors = read_review_dates(read_front_matter(page_source(reviewed_by="redactie"), "docs/x.md"), TODAY, ["redactie"])
    assert errors == [] and review.reviewed_by == "redactie"


def test_today_is_the_editors_date_unless_set(monkeypatch):
    monkeypatch.delenv("RLS_TODAY", raising=False)
    assert today_from() == datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    assert today_from("2030-01-01") == date(2030, 1, 1)
    monkeypatch.setenv("RLS_TODAY", "2031-02-03")
    assert today_from() == date(2031, 2, 3)
    monkeypatch.setenv("RLS_TODAY", "morgen")
    with pytest.raises(ContentError, match=r"\[today-invalid\]"):
        today_from()


def test_dates_must_exist_in_the_calendar_and_years_keep_leap_days_sensible():
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    assert parse_date("2026-02-29") is None and parse_date("2026-1-5") is None and parse_date(None) is None
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_overdue_is_a_notice_naming_the_due_date():
    review, _ = read_review_dates(read_front_matter(page_source(), "docs/x.md"), TODAY)
    assert overdue_notice(review, "docs/x.md", date(2027, 11, 25)) is None
    notice = overdue_notice(review, "docs/x.md", date(2027, 11, 27))
    assert (notice.rule, notice.line) == ("review-overdue", 6)
    assert "OVERDUE" in notice.problem and "2027-11-25 (2 days ago)" in notice.problem


def test_review_dates_are_shown_as_day_month_year():
    assert format_date(date(2026, 11, 5), ["m"] * 10 + ["november", "december"]) == "5 november 2026"


@pytest.mark.parametrize("read", READERS)
def test_review_dates_must_be_shown_as_in_the_front_matter(read):
    assert check_review_html(read(built(DATES)), "site/a/index.html", REVIEW, LABELS, "docs/a.md") == []
    assert [e.rule for e in check_review_html(read(built()), "site/a/index.html", REVIEW, LABELS, "docs/a.md")] == ["review-dates-missing"]
    stale = check_review_html(read(built(DATES.replace('"2026-11-25"', '"2026-01-01"'))), "site/a/index.html", REVIEW, LABELS, "docs/a.md")
    assert [e.rule for e in stale] == ["review-dates-shown"] and "docs/a.md says 2026-11-25" in stale[0].problem
