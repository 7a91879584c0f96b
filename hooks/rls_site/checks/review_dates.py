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
from rls_site.errors import ContentError
from rls_site.front_matter import FrontMatter
from rls_site.rules import Text
from rls_site.today import parse_date

REVIEW_INTERVAL_YEARS = 1
DATE_FIX = Text("schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-25.", "write the date as YYYY-MM-DD, for example 2026-11-25.")


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
                line=meta.line("last_reviewed"),
                nl="de front matter heeft geen datum 'last_reviewed'.",
                en="the front matter has no 'last_reviewed' date.",
                fix_nl=f"voeg 'last_reviewed: JJJJ-MM-DD' toe met de datum van de laatste medische controle; {DATE_FIX.nl}",
                fix_en=f"add 'last_reviewed: YYYY-MM-DD' with the date of the last medical review; {DATE_FIX.en}",
            )
        )
    elif last is None:
        errors.append(
            ContentError(
                file,
                "review-date-invalid",
                line=meta.line("last_reviewed"),
                nl=f"'last_reviewed: {last_text}' is geen datum.",
                en=f"'last_reviewed: {last_text}' is not a date.",
                fix_nl=DATE_FIX.nl,
                fix_en=DATE_FIX.en,
            )
        )
    elif last > today:
        errors.append(
            ContentError(
                file,
                "review-date-future",
                line=meta.line("last_reviewed"),
                nl=f"'last_reviewed: {last_text}' ligt in de toekomst (vandaag is {today.isoformat()}).",
                en=f"'last_reviewed: {last_text}' is in the future (today is {today.isoformat()}).",
            )
        )
    if reviewer is None:
        errors.append(
            ContentError(
                file,
                "reviewer-missing",
                line=meta.line("reviewed_by"),
                nl="de front matter heeft geen 'reviewed_by'.",
                en="the front matter has no 'reviewed_by'.",
                fix_nl="voeg 'reviewed_by:' toe met de id van wie de pagina controleerde uit data/reviewers.yml, bijvoorbeeld "
                "'reviewed_by: redactie'.",
                fix_en="add 'reviewed_by:' with the id of who reviewed the page in data/reviewers.yml, for example "
                "'reviewed_by: redactie'.",
            )
        )
    elif reviewers is not None and reviewer not in reviewers:
        close = difflib.get_close_matches(reviewer, list(reviewers), n=1)
        ids = ", ".join(sorted(reviewers))
        errors.append(
            ContentError(
                file,
                "reviewer-unknown",
                line=meta.line("reviewed_by"),
                nl=f"'reviewed_by: {reviewer}' is geen controleur in data/reviewers.yml.",
                en=f"'reviewed_by: {reviewer}' is not a reviewer in data/reviewers.yml.",
                fix_nl=(f"bedoel je '{close[0]}'? " if close else "")
                + f"Gebruik een van de ids in data/reviewers.yml ({ids}), of voeg de controleur daar toe, met zijn of haar kwalificatie.",
                fix_en=(f"did you mean '{close[0]}'? " if close else "")
                + f"Use one of the ids in data/reviewers.yml ({ids}), or add the reviewer there, with their qualification.",
            )
        )
    next_review = parse_date(next_text)
    if next_text is not None and next_review is None:
        errors.append(
            ContentError(
                file,
                "review-date-invalid",
                line=meta.line("next_review"),
                nl=f"'next_review: {next_text}' is geen datum.",
                en=f"'next_review: {next_text}' is not a date.",
                fix_nl=f"{DATE_FIX.nl} Of laat 'next_review' weg: die is dan een jaar na last_reviewed.",
                fix_en=f"{DATE_FIX.en} Or leave 'next_review' out: it is then one year after last_reviewed.",
            )
        )
    elif last is not None and next_review is not None:
        latest = add_years(last, REVIEW_INTERVAL_YEARS)
        if next_review <= last:
            errors.append(
                ContentError(
                    file,
                    "review-order",
                    line=meta.line("next_review"),
                    nl=f"'next_review: {next_text}' ligt niet na 'last_reviewed: {last_text}'.",
                    en=f"'next_review: {next_text}' is not after 'last_reviewed: {last_text}'.",
                    fix_nl=f"zet next_review na last_reviewed, uiterlijk op {latest.isoformat()}.",
                    fix_en=f"set next_review after last_reviewed, at the latest {latest.isoformat()}.",
                )
            )
        elif next_review > latest:
            errors.append(
                ContentError(
                    file,
                    "review-interval",
                    line=meta.line("next_review"),
                    nl=f"'next_review: {next_text}' ligt meer dan een jaar na 'last_reviewed: {last_text}'; de site belooft minstens "
                    "eens per jaar een controle.",
                    en=f"'next_review: {next_text}' is more than a year after 'last_reviewed: {last_text}'; the site promises a review at "
                    "least once a year.",
                    fix_nl=f"zet next_review op {latest.isoformat()} of eerder.",
                    fix_en=f"set next_review to {latest.isoformat()} or earlier.",
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
        line=review.next_line,
        nl=f"TE LAAT: de volgende controle moest op {review.next_review.isoformat()} ({days} dag{'en' if days != 1 else ''} geleden).",
        en=f"OVERDUE: the next review was due on {review.next_review.isoformat()} ({days} day{'s' if days != 1 else ''} ago).",
        fix_nl="controleer de pagina en zet daarna last_reviewed op de datum van de controle en next_review op de volgende.",
        fix_en="review the page, then set last_reviewed to the date of the review and next_review to the next one.",
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
        labels_missing = ", ".join(f"'{label}'" for label in missing_labels)
        return [
            ContentError(
                file,
                "review-dates-missing",
                nl=f"de pagina (uit {source}) toont haar controledatums niet ({labels_missing or 'de datums'} ontbreken).",
                en=f"the page (from {source}) does not show its review dates ({labels_missing or 'the dates'} missing).",
                fix_nl="overrides/main.html moet partials/review-dates.html opnemen in block content, na partials/content.html; de "
                "labels staan in data/labels.yml.",
                fix_en="overrides/main.html must include partials/review-dates.html in block content, after partials/content.html; "
                "the labels are in data/labels.yml.",
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
                    nl=f"de pagina toont {key} {shown[which]}, maar {source} zegt {expected.isoformat()}.",
                    en=f"the page shows {key} {shown[which]}, but {source} says {expected.isoformat()}.",
                    fix_nl="bouw de site opnieuw: de gebouwde pagina is ouder dan haar bron.",
                    fix_en="build the site again: the built page is older than its source.",
                )
            )
    return errors
