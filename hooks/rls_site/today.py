"""One "today" for the build, the checks and the content report: the date in the Netherlands.

The editors are in the Netherlands; a build server's clock may run on UTC, which between midnight
and 01:00 or 02:00 would call a review dated today "in the future". RLS_TODAY=YYYY-MM-DD (or
`--today`) sets another day, to see which pages will be overdue next month.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from rls_site.errors import ContentError

TODAY_VARIABLE = "RLS_TODAY"
EDITORS_TIME_ZONE = "Europe/Amsterdam"


def parse_date(text: str | None) -> date | None:
    """A YYYY-MM-DD date that exists in the calendar, else None."""
    if not text or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def today(value: str | None = None) -> date:
    """`value`, else $RLS_TODAY, else today in the Netherlands."""
    value = value or os.environ.get(TODAY_VARIABLE)
    if not value:
        return datetime.now(ZoneInfo(EDITORS_TIME_ZONE)).date()
    day = parse_date(value)
    if day is None:
        raise ContentError(
            TODAY_VARIABLE,
            "today-invalid",
            nl=f"'{value}' is geen datum.",
            en=f"'{value}' is not a date.",
            fix_nl="schrijf hem als JJJJ-MM-DD, of laat hem leeg om de datum van vandaag te gebruiken.",
            fix_en="write it as YYYY-MM-DD, or leave it unset to use today's date.",
        )
    return day
