"""Command: the publication checks over docs/ and site/, without MkDocs (`make check`).

    python -m rls_site.checks docs site [--today YYYY-MM-DD] [--messages en]

It prints the same messages as the build and exits with 1 when there are problems. In GitHub
Actions it also prints each problem as an annotation and lists them in the job summary
(rls_site.github).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rls_site.checks.run import run
from rls_site.errors import ContentError, ContentErrors
from rls_site.github import report_to_github
from rls_site.rules import Text, add_messages_option, set_message_language
from rls_site.today import TODAY_VARIABLE, today

PASSED = Text("Publicatiecontroles geslaagd: {docs} en {site}.", "Publication checks passed: {docs} and {site}.")


def format_problems(errors: list[ContentError]) -> str:
    """The same text the build shows: one problem as itself, several under a count."""
    return errors[0].format() if len(errors) == 1 else str(ContentErrors(errors))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rls_site.checks", description="Publication checks over the Markdown sources and the built site."
    )
    parser.add_argument("docs", type=Path, help="the Markdown sources, e.g. docs")
    parser.add_argument("site", type=Path, help="the built site, e.g. site")
    parser.add_argument("--today", help=f"the date to compare review dates with (YYYY-MM-DD; default ${TODAY_VARIABLE} or today)")
    add_messages_option(parser)
    args = parser.parse_args(argv)
    set_message_language(args.messages)
    try:
        report = run(args.docs, args.site, today(args.today))
    except ContentError as error:
        report = type("Report", (), {"errors": [error], "notices": []})()
    for notice in report.notices:
        print(notice.format())
    # In GitHub Actions also as annotations on the pull request's lines, and in the job summary.
    report_to_github(report.errors, report.notices)
    if report.errors:
        print(format_problems(report.errors), file=sys.stderr)
        return 1
    print(str(PASSED).format(docs=args.docs, site=args.site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
