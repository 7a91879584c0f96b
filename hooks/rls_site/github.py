"""Problems as GitHub shows them in a pull request: each one as an annotation on its file and line,
and all of them in the job summary, grouped by file.

GitHub Actions reads lines such as `::error file=docs/a.md,line=3,title=...::message` from a
step's output and shows them on those lines of the pull request's changed files, but only the
first 10 of a kind per step; the job summary (the file named by $GITHUB_STEP_SUMMARY) lists them
all. This happens only where $GITHUB_ACTIONS is "true": elsewhere nothing is printed or written,
and the output stays as it is. Problems in the built site (`site/...`) are annotated without a
file: an annotation can only point at a file of the pull request.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from itertools import groupby
from pathlib import Path
from typing import TextIO

from rls_site.errors import ContentError
from rls_site.rules import HOW_TO_FIX, Text

# Where the files an editor changes live; only these are named in an annotation.
SOURCE_FOLDERS = ("docs/", "data/", "mkdocs.yml")

# The job summary's words, in the language of the messages (rls_site.rules).
PUBLICATION_CHECKS = Text("Publicatiecontroles", "Publication checks")
TO_LOOK_AT = Text("Publicatiecontroles: om naar te kijken", "Publication checks: to look at")
BUILD = Text("Bouw", "Build")
SPELLING = Text("Spelling", "Spelling")
NO_PROBLEMS = Text("geen problemen", "no problems")
KINDS = {
    "error": Text(("fout", "fouten"), ("error", "errors")),
    "warning": Text(("waarschuwing", "waarschuwingen"), ("warning", "warnings")),
}
MARKS = {"error": Text("❌ fout", "❌ error"), "warning": Text("⚠️ waarschuwing", "⚠️ warning")}
CANNOT_MERGE = Text(
    "De pull request kan niet worden samengevoegd tot de fouten zijn opgelost. Elke rij zegt hoe.",
    "The pull request cannot be merged until the errors are fixed. Each row says how.",
)
COLUMNS = Text("| regel | | probleem | zo los je het op |", "| line | | problem | how to fix |")


def in_github_actions(environ: Mapping[str, str]) -> bool:
    """In GitHub Actions, unless RLS_ANNOTATIONS=off (a second build of the same pull request,
    such as the preview's, would show every problem twice)."""
    return environ.get("GITHUB_ACTIONS") == "true" and environ.get("RLS_ANNOTATIONS", "").lower() != "off"


def _escape_data(text: str) -> str:
    # As GitHub's own toolkit (@actions/core) escapes a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(error: ContentError, level: str = "error") -> str:
    """The workflow command that shows `error` on its file and line (level: error, warning, notice)."""
    properties = []
    if error.file.startswith(SOURCE_FOLDERS):
        properties.append(f"file={_escape_property(error.file)}")
        if error.line:
            properties.append(f"line={error.line}")
    properties.append(f"title={_escape_property(f'{error.title} [{error.rule}]')}")
    where = "" if error.file.startswith(SOURCE_FOLDERS) else f"{error.location}: "
    return f"::{level} {','.join(properties)}::{_escape_data(f'{where}{error.problem} {HOW_TO_FIX} {error.fix}')}"


def table_cell(text) -> str:
    """`text` as one cell of a Markdown table in a job summary, which GitHub reads as Markdown with
    HTML: a marker such as <!-- md:end --> would otherwise be read as a comment and vanish."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", " ")


def job_summary(errors: Iterable[ContentError], warnings: Iterable[ContentError] = (), heading: str | Text = PUBLICATION_CHECKS) -> str:
    """Markdown for the job summary: every problem, grouped by file, errors before warnings."""
    rows = [("error", e) for e in errors] + [("warning", w) for w in warnings]
    if not rows:
        return f"## {heading}: {NO_PROBLEMS}\n"
    counts = {kind: sum(1 for k, _ in rows if k == kind) for kind in ("error", "warning")}
    said = ", ".join(f"{count} {KINDS[kind].get()[count != 1]}" for kind, count in counts.items() if count)
    lines = [f"## {heading}: {said}", ""]
    if counts["error"]:
        lines += [str(CANNOT_MERGE), ""]
    rows.sort(key=lambda row: (row[1].file, row[1].line or 0, row[0], row[1].rule))
    for file, group in groupby(rows, key=lambda row: row[1].file):
        lines += [f"### `{file}`", "", str(COLUMNS), "|---|---|---|---|"]
        for kind, error in group:
            mark = MARKS[kind]
            problem = f"**{table_cell(error.title)}** (`{error.rule}`): {table_cell(error.problem)}"
            lines.append(f"| {error.line or ''} | {mark} | {problem} | {table_cell(error.fix)} |")
        lines.append("")
    return "\n".join(lines)


def report_to_github(
    errors: Iterable[ContentError],
    warnings: Iterable[ContentError] = (),
    heading: str | Text = PUBLICATION_CHECKS,
    environ: Mapping[str, str] | None = None,
    out: TextIO | None = None,
    summary: bool = True,
) -> None:
    """In GitHub Actions: print an annotation for each problem and add them all to the job summary
    (nothing when there are none; `summary=False`: annotations only, for problems that a
    report in the summary lists already)."""
    environ = os.environ if environ is None else environ
    errors, warnings = list(errors), list(warnings)
    if not in_github_actions(environ) or not (errors or warnings):
        return
    out = out or sys.stdout
    for error in errors:
        print(annotation(error, "error"), file=out)
    for warning in warnings:
        print(annotation(warning, "warning"), file=out)
    out.flush()
    summary_file = environ.get("GITHUB_STEP_SUMMARY") if summary else None
    if summary_file:
        with Path(summary_file).open("a", encoding="utf-8") as file:
            file.write(job_summary(errors, warnings, heading) + "\n")
