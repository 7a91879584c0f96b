"""Review dates: when a page was last reviewed, by whom, and when the next review is due.

Every page's front matter holds:

    last_reviewed: 2026-11-25        date of the last medical review (YYYY-MM-DD)
    reviewed_by: redactie            who reviewed it: an id from data/reviewers.yml
    next_review: 2027-11-25          optional: at most one year after last_reviewed;
                                     left out, it is one year after last_reviewed

The site promises readers a review at least once a year (about page), hence the one-year limit.
A page whose next review has passed is reported as OVERDUE without failing the build.
The dates are shown at the bottom of each page (overrides/partials/review-dates.html) and are the
page's `lastReviewed` in its structured data.
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from rls_site.checks.built_page import BuiltPage
from rls_site.checks.front_matter import FrontMatter
from rls_site.errors import ContentError
from rls_site.today import parse_date

REVIEW_INTERVAL_YEARS = 1
DATE_FIX = "write the date as YYYY-MM-DD, for example 2026-11-25."


@dataclass(frozen=True)
class ReviewDates:
    last_reviewed: date
    reviewed_by: str
    next_review: date
    next_review_given: bool  # False: computed from last_reviewed
    last_line: int
    next_line: int


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def read_review_dates(
    meta: FrontMatter, today: date, reviewers: Collection[str] | None = None
) -> tuple[ReviewDates | None, list[ContentError]]:
    """The page's review dates and every problem with them (all reported, not only the first).

    `reviewers` are the ids of data/reviewers.yml; `reviewed_by` must be one of them."""
    file = meta.file
    errors = []
    last_text, reviewer, next_text = meta.text("last_reviewed"), meta.text("reviewed_by"), meta.text("next_review")
    last = parse_date(last_text)
    if last_text is None:
        errors.append(
            ContentError(
                file,
                "review-date-missing",
                "the front matter has no 'last_reviewed' date.",
                f"add 'last_reviewed: YYYY-MM-DD' with the date of the last medical review; {DATE_FIX}",
                meta.line("last_reviewed"),
            )
        )
    elif last is None:
        errors.append(
            ContentError(file, "review-date-invalid", f"'last_reviewed: {last_text}' is not a date.", DATE_FIX, meta.line("last_reviewed"))
        )
    elif last > today:
        errors.append(
            ContentError(
                file,
                "review-date-future",
                f"'last_reviewed: {last_text}' is in the future (today is {today.isoformat()}).",
                "give the date the review actually took place.",
                meta.line("last_reviewed"),
            )
        )
    if reviewer is None:
        errors.append(
            ContentError(
                file,
                "reviewer-missing",
                "the front matter has no 'reviewed_by'.",
                "add 'reviewed_by:' with the id of who reviewed the page in data/reviewers.yml, for example 'reviewed_by: redactie'.",
                meta.line("reviewed_by"),
            )
        )
    elif reviewers is not None and reviewer not in reviewers:
        close = difflib.get_close_matches(reviewer, list(reviewers), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        errors.append(
            ContentError(
                file,
                "reviewer-unknown",
                f"'reviewed_by: {reviewer}' is not a reviewer in data/reviewers.yml.",
                f"{hint}Use one of the ids in data/reviewers.yml ({', '.join(sorted(reviewers))}), or add the reviewer there, "
                "with their qualification.",
                meta.line("reviewed_by"),
            )
        )
    next_review = parse_date(next_text)
    if next_text is not None and next_review is None:
        errors.append(
            ContentError(
                file,
                "review-date-invalid",
                f"'next_review: {next_text}' is not a date.",
                f"{DATE_FIX} Or leave 'next_review' out: it is then one year after last_reviewed.",
                meta.line("next_review"),
            )
        )
    elif last is not None and next_review is not None:
        latest = add_years(last, REVIEW_INTERVAL_YEARS)
        if next_review <= last:
            errors.append(
                ContentError(
                    file,
                    "review-order",
                    f"'next_review: {next_text}' is not after 'last_reviewed: {last_text}'.",
                    f"set next_review after last_reviewed, at the latest {latest.isoformat()}.",
                    meta.line("next_review"),
                )
            )
        elif next_review > latest:
            errors.append(
                ContentError(
                    file,
                    "review-interval",
                    f"'next_review: {next_text}' is more than a year after 'last_reviewed: {last_text}'; the site promises a review at "
                    "least once a year.",
                    f"set next_review to {latest.isoformat()} or earlier.",
                    meta.line("next_review"),
                )
            )
    if errors or last is None or reviewer is None:
        return None, errors
    given = next_review is not None
    next_review = next_review or add_years(last, REVIEW_INTERVAL_YEARS)
    next_line = meta.line("next_review") if given else meta.line("last_reviewed")
    return ReviewDates(last, reviewer, next_review, given, meta.line("last_reviewed"), next_line), []


def overdue_notice(review: ReviewDates, file: str, today: date) -> ContentError | None:
    """A notice (not an error) when the next review date has passed."""
    if review.next_review >= today:
        return None
    days = (today - review.next_review).days
    return ContentError(
        file,
        "review-overdue",
        f"OVERDUE: the next review was due on {review.next_review.isoformat()} ({days} day{'s' if days != 1 else ''} ago).",
        "review the page, then set last_reviewed to the date of the review and next_review to the next one.",
        review.next_line,
    )


def format_date(day: date, months: list[str]) -> str:
    """'25 november 2026': day, month name from data/labels.yml, year."""
    return f"{day.day} {months[day.month - 1]} {day.year}"


def check_review_html(page: BuiltPage, file: str, review: ReviewDates, labels: dict, source: str) -> list[ContentError]:
    """The built page shows both review dates, with their labels, as the front matter gives them."""
    shown = {}
    for which in ("last", "next"):
        element = next(iter(page.select(f"//time[@data-review='{which}']")), None)
        shown[which] = element.attrs.get("datetime") if element else None
    missing_labels = [
        labels[key] for key in ("last_reviewed", "next_review") if not page.shows(labels[key], where="//*[@data-review-dates]")
    ]
    if None in shown.values() or missing_labels:
        what = ", ".join(f"'{label}'" for label in missing_labels) or "the dates"
        return [
            ContentError(
                file,
                "review-dates-missing",
                f"the page (from {source}) does not show its review dates ({what} missing).",
                "overrides/main.html must include partials/review-dates.html at the end of block content, after {{ super() }}; the labels "
                "are in data/labels.yml.",
            )
        ]
    errors = []
    for which, expected in (("last", review.last_reviewed), ("next", review.next_review)):
        if shown[which] != expected.isoformat():
            key = "last_reviewed" if which == "last" else "next_review"
            errors.append(
                ContentError(
                    file,
                    "review-dates-shown",
                    f"the page shows {key} {shown[which]}, but {source} says {expected.isoformat()}.",
                    "build the site again: the built page is older than its source.",
                )
            )
    return errors
