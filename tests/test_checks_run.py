"""Running the checks over a site (rls_site.checks.run, rls_site.checks.__main__, rls_site.config)."""

from __future__ import annotations

import pytest

from check_samples import (
    DATES,
    LABELS,
    LANGUAGES,
    MATERIAL_PAGE,
    TODAY,
    built,
    page_source,
)
from conftest import ROOT
from rls_site.checks.__main__ import format_problems
from rls_site.checks.run import Settings, SourcePage, check_and_read_page_html, check_site, output_path
from rls_site.config import read_config
from rls_site.data.project import ProjectData
from rls_site.errors import ContentError

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


def test_pages_are_built_in_directories_per_language():
    assert output_path("index.md", LANGUAGES) == "index.html"
    assert output_path("index.en.md", LANGUAGES) == "en/index.html"
    assert output_path("symptomen.en.md", LANGUAGES) == "en/symptomen/index.html"
    assert output_path("a/index.md", LANGUAGES) == "a/index.html"


def test_the_command_takes_the_languages_from_mkdocs_yml(tmp_path):
    assert read_config(ROOT / "mkdocs.yml").languages == ["nl", "en"]
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: !ENV [SITE_URL, 'x']\nplugins:\n  - search\n  - i18n:\n      languages:\n        - {locale: en}\n        - {locale: nl, default: true}\n"
    )
    assert read_config(tmp_path / "mkdocs.yml").languages == ["nl", "en"]
    assert read_config(tmp_path / "missing.yml") is None


def test_the_site_check_names_missing_pages_and_pages_in_the_wrong_language(tmp_path):
    settings = Settings(ProjectData(ROOT, LANGUAGES, labels={"nl": LABELS, "en": LABELS}), TODAY)
    sources = [SourcePage("a.md", "docs/a.md", "nl", page_source()), SourcePage("a.en.md", "docs/a.en.md", "en", page_source())]
    (tmp_path / "site" / "a").mkdir(parents=True)
    (tmp_path / "site" / "a" / "index.html").write_text(built(DATES).replace('lang="nl"', 'lang="fr"'), encoding="utf-8")
    report = check_site(tmp_path / "site", sources, settings)
    assert [(e.file, e.rule) for e in report.errors] == [("site/a/index.html", "page-language"), ("site/en/a/index.html", "page-not-built")]
    assert [e.rule for e in check_site(tmp_path / "elsewhere", sources, settings).errors] == ["site-missing"]


def test_several_problems_are_reported_under_a_count():
    one = ContentError("docs/a.md", "front-matter", line=3, nl="p.", en="p.", fix_nl="f.", fix_en="f.")
    assert format_problems([one]) == "docs/a.md:3: [front-matter] p.\n    How to fix: f."
    assert format_problems([one, ContentError("docs/b.md", "unsafe-html", nl="q.", en="q.", fix_nl="g.", fix_en="g.")]).startswith(
        "2 problems found:\ndocs/a.md:3: [front-matter]"
    )
    # A message without a fix of its own gets the rule's, from the one table; an unknown rule is a bug.
    assert (
        ContentError("docs/a.md", "review-overdue", nl="p.", en="p.").fix == "review the page, then update last_reviewed and next_review."
    )
    with pytest.raises(ValueError):
        ContentError("docs/a.md", "no-such-rule", nl="p.", en="p.")


def test_the_command_finds_no_site(tmp_path):
    settings = Settings(ProjectData(ROOT, LANGUAGES, labels={"nl": LABELS, "en": LABELS}), TODAY)
    report = check_site(tmp_path / "site", [], settings)
    assert [(e.file, e.rule) for e in report.errors] == [("site", "site-missing")] and "make build" in report.errors[0].fix


def test_problems_of_a_page_are_reported_on_their_lines_as_written():
    settings = Settings(ProjectData(ROOT, LANGUAGES, labels={"nl": LABELS, "en": LABELS}), TODAY)
    page = MATERIAL_PAGE.replace('<div class="md-content">', '\n\n<div class="md-content">')  # the link on line 5
    found = [(e.file, e.rule, e.line) for e in check_and_read_page_html(page, "site/a/index.html", None, settings)[0]]
    assert ("site/a/index.html", "external-link-rel", 5) in found


def test_a_problem_an_editor_wrote_is_reported_on_the_page_source():
    settings = Settings(ProjectData(ROOT, LANGUAGES, labels={"nl": LABELS, "en": LABELS}), TODAY)
    source = SourcePage("a.md", "docs/a.md", "nl", '---\ntitle: A\n---\n\nTekst\n\n<img src="https://img.example/x.png">\n')
    html = built('<img src="https://img.example/x.png">')
    found = [(e.file, e.rule, e.line) for e in check_and_read_page_html(html, "site/a/index.html", source, settings)[0]]
    assert ("docs/a.md", "external-resource", 7) in found
