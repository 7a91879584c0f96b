"""Editor mistakes that used to build without an error, each a clear error with file, line and fix:
stylesheets that load from another host, a <base href> to another host, a self-check question
asked as a negation, a word list that is not UTF-8, front matter without title or description or
with a description that is too long, the summary or the self-check on one language's page only."""

from __future__ import annotations

import pytest

from conftest import FIXTURE_SITE, ROOT
from rls_site import report as content_report
from rls_site.checks.built_page import read_page
from rls_site.checks.external_links import check_external_resources, check_stylesheet
from rls_site.checks.run import DESCRIPTION_LENGTH, SourcePage, check_stylesheets, check_title_and_description, check_translated_parts
from rls_site.data.selfcheck import validate_selfcheck
from rls_site.data.yaml_file import parse_yaml
from rls_site.errors import ContentError, ContentErrors
from rls_site.front_matter import read_front_matter
from rls_site.markdown.text import find_markers
from rls_site.rules import RULES
from rls_site.spelling import read_word_list

LANGUAGES = ["nl", "en"]


def found(errors) -> list[tuple[str, str, int | None]]:
    return [(error.rule, error.file, error.line) for error in errors]


# --- Stylesheets under docs/ ----------------------------------------------------------------

CSS = """/* the site's own */
@import url("https://fonts.googleapis.com/css2?family=Inter");
@import "local.css";
@font-face {
  font-family: Inter;
  src: url(https://cdn.example.org/inter.woff2) format("woff2"), url(fonts/inter.woff2);
}
.logo { background: url('//images.example.net/logo.png'); }
"""


def test_a_stylesheet_that_loads_from_another_host_is_an_error_on_its_line():
    errors = check_stylesheet(CSS, "docs/assets/site.css")
    assert found(errors) == [("stylesheet-external", "docs/assets/site.css", line) for line in (2, 6, 8)]
    assert [error.address for error in errors] == [
        "https://fonts.googleapis.com/css2?family=Inter",
        "https://cdn.example.org/inter.woff2",
        "//images.example.net/logo.png",
    ]


def test_every_stylesheet_under_docs_is_checked_before_the_build(tmp_path):
    (tmp_path / "assets" / "extra").mkdir(parents=True)
    (tmp_path / "assets" / "site.css").write_text("body { color: black; }\n", encoding="utf-8")
    (tmp_path / "assets" / "extra" / "fonts.css").write_text('\n@import "https://cdn.example.org/x.css";\n', encoding="utf-8")
    (tmp_path / "assets" / "old.css").write_bytes(b"/* caf\xe9 */\n")
    assert found(check_stylesheets(tmp_path, "docs")) == [
        ("stylesheet-external", "docs/assets/extra/fonts.css", 2),
        ("not-utf8", "docs/assets/old.css", 1),
    ]


# --- <base href> --------------------------------------------------------------------------


def test_a_base_href_to_another_host_is_an_error():
    html = (
        '<!doctype html>\n<html lang="nl">\n<head>\n<link rel="canonical" href="https://rusteloze-benen.nl/a/">\n'
        '<base href="https://elders.example/">\n</head>\n<body><p>x</p></body>\n</html>\n'
    )
    errors = check_external_resources(read_page(html), "site/a/index.html")
    assert found(errors) == [("base-external", "site/a/index.html", 5)]
    own = html.replace("https://elders.example/", "https://rusteloze-benen.nl/")
    assert check_external_resources(read_page(own), "site/a/index.html") == []


# --- The self-check's questions -------------------------------------------------------------

SELFCHECK = (FIXTURE_SITE / "data" / "selfcheck.yml").read_text(encoding="utf-8")  # not the real data's wording


@pytest.mark.parametrize(
    "question",
    [
        "Komen de klachten niet door iets anders?",
        "Heb je geen klachten overdag?",
        "Are the symptoms not caused by something else?",
        "Don't the symptoms ease when you move?",
    ],
)
def test_a_self_check_question_asked_as_a_negation_is_refused(question):
    lines = SELFCHECK.splitlines(keepends=True)
    english = next(index for index, line in enumerate(lines) if line.startswith("en:"))
    start = english if question[0] in "AD" else 0
    index = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("question:"))
    lines[index] = lines[index].split("question:")[0] + f'question: "{question}"\n'
    with pytest.raises((ContentError, ContentErrors)) as caught:
        validate_selfcheck(parse_yaml("".join(lines), "data/selfcheck.yml"), LANGUAGES)
    errors = getattr(caught.value, "errors", [caught.value])
    assert found(errors) == [("selfcheck-negation", "data/selfcheck.yml", index + 1)]


# --- The spelling word lists ----------------------------------------------------------------


def test_a_word_list_that_is_not_utf8_is_an_error_with_its_line(tmp_path):
    words = tmp_path / "nl.txt"
    words.write_bytes(b"# Medicijnen\npregabaline\nros\xe9\n")
    with pytest.raises(ContentError) as caught:
        read_word_list(words, "data/spelling/nl.txt")
    assert (caught.value.rule, caught.value.file, caught.value.line) == ("not-utf8", "data/spelling/nl.txt", 3)


def test_make_report_names_the_word_list_without_a_traceback(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(
        "---\ntitle: A\ndescription: Een pagina.\nlast_reviewed: 2026-12-01\nreviewed_by: redactie\n---\n\n# A\n\nTekst.\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme:\n  language: nl\n", encoding="utf-8")
    (tmp_path / "data" / "spelling").mkdir(parents=True)
    (tmp_path / "data" / "spelling" / "nl.txt").write_bytes(b"caf\xe9\n")
    code = content_report.main(["--docs", str(tmp_path / "docs"), "--config", str(tmp_path / "mkdocs.yml")])
    err = capsys.readouterr().err
    assert code == 1 and "data/spelling/nl.txt:1: [not-utf8] " in err and "Traceback" not in err


# --- Front matter: title and description ----------------------------------------------------


def front_matter(**values: str) -> str:
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in values.items()) + "---\n\n# Titel\n"


@pytest.mark.parametrize(
    "values, line",
    [
        ({"description": "Een zin.", "last_reviewed": "2026-12-01"}, 1),  # no title: the opening line
        ({"title": "Oorzaken", "last_reviewed": "2026-12-01"}, 1),
        ({"title": "Oorzaken", "description": "  ", "last_reviewed": "2026-12-01"}, 3),
        ({"title": "Oorzaken", "description": "x" * 156}, 3),
    ],
)
def test_front_matter_without_title_or_description_or_with_a_long_description(values, line):
    errors = check_title_and_description(read_front_matter(front_matter(**values), "docs/oorzaken.md"))
    assert found(errors) == [("front-matter-field", "docs/oorzaken.md", line)]


def test_a_description_of_the_allowed_length_passes():
    meta = read_front_matter(front_matter(title="Oorzaken", description="x" * 155), "docs/oorzaken.md")
    assert check_title_and_description(meta) == []


def test_the_rules_fix_the_guide_and_the_page_templates_name_the_limit_the_check_uses():
    fix = RULES["front-matter-field"].fix
    assert f"{DESCRIPTION_LENGTH} tekens" in fix.nl and f"{DESCRIPTION_LENGTH} characters" in fix.en
    assert f"hoogstens {DESCRIPTION_LENGTH} tekens" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"{DESCRIPTION_LENGTH} tekens" in (ROOT / "templates" / "pagina.md").read_text(encoding="utf-8")
    assert f"{DESCRIPTION_LENGTH} characters" in (ROOT / "templates" / "pagina.en.md").read_text(encoding="utf-8")


# --- The parts every language's page has ----------------------------------------------------


def source(src: str, text: str) -> SourcePage:
    lang = "en" if src.endswith(".en.md") else "nl"
    page = SourcePage(src, f"docs/{src}", lang, text, page=src.replace(".en.md", ".md"))
    for marker in reversed(find_markers(text, page.file)):
        page.markers[marker.name] = marker.line
    return page


SUMMARY = "<!-- md:summary -->\n- Kort.\n<!-- md:end -->\n"


def test_the_summary_on_one_language_only_is_reported_on_the_page_without_it():
    pages = [source("oorzaken.md", "# Oorzaken\n\n" + SUMMARY), source("oorzaken.en.md", "# Causes\n\nText.\n")]
    errors = check_translated_parts(pages, LANGUAGES)
    assert found(errors) == [("translation-part", "docs/oorzaken.en.md", 1)]
    assert "docs/oorzaken.md (line 3)" in errors[0].problems.en


def test_the_self_check_on_the_dutch_page_only_is_reported_on_the_english_page():
    pages = [
        source("symptomen.md", "# Symptomen\n\n" + SUMMARY + "\n<!-- md:selfcheck -->\n"),
        source("symptomen.en.md", "# Symptoms\n\n" + SUMMARY),
    ]
    assert found(check_translated_parts(pages, LANGUAGES)) == [("translation-part", "docs/symptomen.en.md", 1)]


def test_parts_in_every_language_pass():
    pages = [source("a.md", "# A\n\n" + SUMMARY), source("a.en.md", "# A\n\n" + SUMMARY), source("b.md", "# B\n")]
    assert check_translated_parts(pages, LANGUAGES) == []
