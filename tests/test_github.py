"""Problems shown in a pull request: annotations on the file and line, and the job summary
(rls_site.github), from the build and from `make check`, only in GitHub Actions."""

from __future__ import annotations

import io
import re

import pytest

from conftest import FIXTURE_TODAY, build, edit, line_of, run_checks
from rls_site.errors import ContentError
from rls_site.github import annotation, job_summary, report_to_github

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")

ANNOTATION = re.compile(r"^::(?P<level>error|warning) (?P<properties>[^:]*)::(?P<message>.*)$", re.M)


def properties(line: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in ANNOTATION.match(line).group("properties").split(","))


def test_an_annotation_names_file_line_title_and_fix():
    error = ContentError(
        "docs/zelf-doen.md",
        "care-level-unknown",
        line=12,
        nl="'afspraak' is not a care card level.",
        en="'afspraak' is not a care card level.",
        fix_nl="Use: appointment.",
        fix_en="Use: appointment.",
    )
    assert annotation(error) == (
        "::error file=docs/zelf-doen.md,line=12,title=Unknown care card level [care-level-unknown]"
        "::'afspraak' is not a care card level. How to fix: Use: appointment."
    )
    assert annotation(error, "warning").startswith("::warning file=docs/zelf-doen.md,line=12,")


def test_annotation_text_is_escaped_as_github_reads_it():
    error = ContentError(
        "docs/a, b.md",
        "front-matter",
        line=1,
        nl="100% wrong:\nsecond line",
        en="100% wrong:\nsecond line",
        fix_nl="fix it",
        fix_en="fix it",
    )
    line = annotation(error)
    assert "file=docs/a%2C b.md" in line and "\n" not in line
    assert line.endswith("::100%25 wrong:%0Asecond line How to fix: fix it")


def test_problems_in_the_built_site_are_annotated_without_a_file():
    error = ContentError(
        "site/symptomen/index.html", "disclaimer-missing", nl="no disclaimer.", en="no disclaimer.", fix_nl="add it.", fix_en="add it."
    )
    line = annotation(error)
    assert "file=" not in line and "::site/symptomen/index.html: no disclaimer." in line


def test_the_job_summary_lists_every_problem_grouped_by_file():
    errors = [
        ContentError("docs/b.md", "front-matter", line=n, nl=f"problem {n}", en=f"problem {n}", fix_nl="fix", fix_en="fix")
        for n in range(1, 13)
    ]
    errors.append(
        ContentError(
            "data/sources.yml",
            "sources-year",
            line=4,
            nl="no year | here",
            en="no year | here",
            fix_nl="add the year",
            fix_en="add the year",
        )
    )
    warning = ContentError(
        "docs/b.md", "review-overdue", line=2, nl="review is due.", en="review is due.", fix_nl="review it", fix_en="review it"
    )
    summary = job_summary(errors, [warning])
    assert summary.startswith("## Publication checks: 13 errors, 1 warning")
    assert summary.index("### `data/sources.yml`") < summary.index("### `docs/b.md`")
    assert all(f"problem {n} |" in summary for n in range(1, 13))  # all of them, not the first 10
    assert "no year \\| here" in summary and "| 2 | ⚠️ warning |" in summary
    assert job_summary([]) == "## Publication checks: no problems\n"


def test_nothing_is_reported_outside_github_actions(tmp_path):
    out = io.StringIO()
    error = ContentError("docs/b.md", "front-matter", line=1, nl="p", en="p", fix_nl="f", fix_en="f")
    report_to_github([error], environ={"GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")}, out=out)
    assert out.getvalue() == "" and not (tmp_path / "s.md").exists()
    report_to_github([error], environ={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")}, out=out)
    assert out.getvalue().startswith("::error file=docs/b.md,line=1,") and "### `docs/b.md`" in (tmp_path / "s.md").read_text()


def test_a_broken_pull_request_shows_each_mistake_on_its_line(small_project, tmp_path):
    """A copy of the small site with two mistakes, built and checked as the pull-request workflow
    does: `mkdocs build --strict` in a subprocess, whose output is what GitHub reads."""
    project = small_project
    edit(project, "docs/index.md", "<!-- md:care appointment -->", "<!-- md:care afspraak -->")
    edit(project, "docs/symptomen.en.md", "reviewed_by: redactie", "reviewed_by: nobody")
    care_line = line_of(project, "docs/index.md", "<!-- md:care afspraak -->")
    summary = tmp_path / "summary.md"
    english = {"RLS_MESSAGES": "en", "RLS_TODAY": FIXTURE_TODAY}  # the tests read the messages' words
    github = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), **english}

    local = build(project, english)
    assert not local.ok and "::error" not in local.output  # locally the output stays as it is

    result = build(project, github)
    assert not result.ok
    annotations = [(m.group(0), properties(m.group(0))) for m in ANNOTATION.finditer(result.output)]
    lines = {props["file"]: (line, props) for line, props in annotations if "file" in props}
    line, props = lines["docs/index.md"]
    assert props["line"] == str(care_line) and props["title"] == "Unknown care card level [care-level-unknown]"
    assert "'afspraak' is not a care card level. How to fix: Use one of: emergency, gp-today, appointment" in line
    assert lines["docs/symptomen.en.md"][1]["title"].endswith("[reviewer-unknown]")
    text = summary.read_text(encoding="utf-8")
    assert "## Build: 2 errors" in text and "### `docs/index.md`" in text and f"| {care_line} | ❌ error |" in text

    summary.unlink()
    command = run_checks(project, github)
    assert command.returncode == 1
    assert f"::error file=docs/index.md,line={care_line},title=Unknown care card level [care-level-unknown]::" in command.stdout
    assert "## Publication checks: 2 errors" in summary.read_text(encoding="utf-8")


def test_markers_in_a_message_stay_visible_in_the_summary():
    """The summary is read as Markdown with HTML: <!-- md:end --> would vanish as a comment."""
    error = ContentError(
        "docs/a.md",
        "component-structure",
        line=3,
        nl="<!-- md:end --> closes no part.",
        en="<!-- md:end --> closes no part.",
        fix_nl="remove it & retry.",
        fix_en="remove it & retry.",
    )
    summary = job_summary([error])
    assert "&lt;!-- md:end --> closes no part." in summary and "remove it &amp; retry." in summary and "<!--" not in summary


def test_annotations_can_be_switched_off_for_a_second_build(tmp_path):
    out = io.StringIO()
    error = ContentError("docs/b.md", "front-matter", line=1, nl="p", en="p", fix_nl="f", fix_en="f")
    report_to_github([error], environ={"GITHUB_ACTIONS": "true", "RLS_ANNOTATIONS": "off"}, out=out)
    assert out.getvalue() == ""
