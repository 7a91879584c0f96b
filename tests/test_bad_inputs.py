"""Every bad input an editor can write, as a table, each built on the tests' own small site.

Each case makes one mistake in a fresh copy of tests/fixtures/site and names the rule and the
place the message must name: file and line, or a built file, whose line depends on the theme's
templates. The build (in this process) must fail with that rule there, never with a traceback, and
the standalone command (`make check`) must report exactly the same problems. A few builds run as
`mkdocs build --strict` in a subprocess, where the terminal output itself is what is tested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import (
    FIXTURE_TODAY,
    append,
    build,
    build_in_process,
    check_in_process,
    edit,
    fixture_project,
    line_of,
    line_of_start,
)

# English messages: a few tests below read the fix line's wording.
ENGLISH = {"RLS_MESSAGES": "en"}
TODAY = {"RLS_TODAY": FIXTURE_TODAY, **ENGLISH}
PARTNERS = "partners:\n  - host: shop.example\n    name: Voorbeeldwinkel\n"
NOTICE = "<!-- md:partner-notice -->"
PARTNER_LINK = "[Voorbeeldwinkel](https://www.shop.example/kussen){ .partner }"
FOOTER_WITHOUT_DISCLAIMER = '{% extends "base.html" %}\n{% block footer %}{{ super() }}{% endblock %}\n'
JSON_LD_WITH = '<script type="application/ld+json">{{{{ dict(publication.structured_data, {}) | tojson }}}}</script>'


def page_source(body: str = "# Titel\n\nTekst.\n") -> str:
    return (
        "---\ntitle: Titel\ndescription: Over iets.\nlast_reviewed: 2026-11-25\nreviewed_by: redactie\n"
        "next_review: 2027-11-25\n---\n\n" + body
    )


def with_partners(project: Path) -> None:
    (project / "data" / "partners.yml").write_text(PARTNERS, encoding="utf-8")


def override(project: Path, template: str, text: str) -> None:
    (project / "overrides" / template).write_text(text, encoding="utf-8")


CASES = {}


def case(function):
    CASES[function.__name__.removeprefix("bad_").replace("_", "-")] = function
    return function


@case
def bad_front_matter(p):
    edit(p, "docs/symptomen.md", "---\ntitle:", "title:")
    return "front-matter", "docs/symptomen.md:1"


@case
def bad_review_date_missing(p):
    edit(p, "docs/symptomen.md", "last_reviewed: 2026-11-25\n", "")
    return "review-date-missing", "docs/symptomen.md:1"


@case
def bad_review_date_impossible(p):
    edit(p, "docs/symptomen.md", "last_reviewed: 2026-11-25", "last_reviewed: 2026-13-01")
    return "review-date-invalid", "docs/symptomen.md:4"


@case
def bad_review_date_in_words(p):
    edit(p, "docs/symptomen.en.md", "next_review: 2027-11-25", "next_review: gisteren")
    return "review-date-invalid", "docs/symptomen.en.md:6"


@case
def bad_reviewer_missing(p):
    edit(p, "docs/bronnen.md", "reviewed_by: redactie", "reviewed_by:")
    return "reviewer-missing", "docs/bronnen.md:5"


@case
def bad_review_date_future(p):
    edit(p, "docs/index.md", "last_reviewed: 2026-11-25", "last_reviewed: 2026-12-04")
    return "review-date-future", "docs/index.md:4"


@case
def bad_review_order(p):
    edit(p, "docs/index.en.md", "next_review: 2027-11-25", "next_review: 2026-11-01")
    return "review-order", "docs/index.en.md:6"


@case
def bad_review_interval(p):
    edit(p, "docs/over.md", "next_review: 2027-11-25", "next_review: 2028-06-01")
    return "review-interval", "docs/over.md:6"


@case
def bad_translation_missing(p):
    (p / "docs" / "symptomen.en.md").unlink()
    return "translation-missing", "docs/symptomen.md"


@case
def bad_translation_without_original(p):
    (p / "docs" / "extra.en.md").write_text(page_source(), encoding="utf-8")
    return "translation-missing", "docs/extra.en.md"


@case
def bad_unsafe_script(p):
    return "unsafe-html", f"docs/index.md:{append(p, 'docs/index.md', '<script>alert(1)</script>')}"


@case
def bad_unsafe_iframe(p):
    line = append(p, "docs/symptomen.en.md", 'Video:\n\n<iframe src="https://video.example/x"></iframe>') + 2
    return "unsafe-html", f"docs/symptomen.en.md:{line}"


@case
def bad_unsafe_object(p):
    return "unsafe-html", f"docs/bronnen.md:{append(p, 'docs/bronnen.md', '<object data=film.swf></object>')}"


@case
def bad_unsafe_event_handler(p):
    return "unsafe-event-handler", f"docs/over.en.md:{append(p, 'docs/over.en.md', '[Contact](over.md){ onclick=steel() }')}"


@case
def bad_unsafe_javascript_url(p):
    return "unsafe-javascript-url", f"docs/index.md:{append(p, 'docs/index.md', '[Klik hier](javascript:alert(1))')}"


@case
def bad_unknown_marker(p):
    return "unknown-marker", f"docs/symptomen.en.md:{append(p, 'docs/symptomen.en.md', '<!-- md:partner-notise -->')}"


@case
def bad_partner_link_unmarked(p):
    with_partners(p)
    line = append(p, "docs/index.md", f"{NOTICE}\n\nKoop bij [winkel](https://shop.example/x).") + 2
    return "partner-link-unmarked", f"docs/index.md:{line}"


@case
def bad_partner_link_unknown(p):
    with_partners(p)
    line = append(p, "docs/index.md", f"{NOTICE}\n\n[Andere winkel](https://other.example/x){{ .partner }}") + 2
    return "partner-link-unknown", f"docs/index.md:{line}"


@case
def bad_partner_notice_missing(p):
    with_partners(p)
    return "partner-notice-missing", f"docs/index.en.md:{append(p, 'docs/index.en.md', 'Buy it at ' + PARTNER_LINK)}"


@case
def bad_partner_notice_late(p):
    with_partners(p)
    line = append(p, "docs/index.md", f"{PARTNER_LINK}\n\n{NOTICE}") + 2
    return "partner-notice-late", f"docs/index.md:{line}"


@case
def bad_partner_notice_unused(p):
    return "partner-notice-unused", f"docs/over.md:{append(p, 'docs/over.md', NOTICE)}"


@case
def bad_partner_notice_twice(p):
    with_partners(p)
    line = append(p, "docs/index.md", f"{NOTICE}\n{NOTICE}\n\n{PARTNER_LINK}") + 1
    return "partner-notice-marker", f"docs/index.md:{line}"


@case
def bad_partners_data(p):
    (p / "data" / "partners.yml").write_text("partners:\n  - host: https://shop.example/\n    name: Winkel\n", encoding="utf-8")
    return "partners-data", "data/partners.yml:2"


@case
def bad_evidence_level_unknown(p):
    edit(p, "docs/index.md", "<!-- md:evidence weak --> Het was", "<!-- md:evidence zwak --> Het was")
    return "evidence-level-unknown", f"docs/index.md:{line_of_start(p, 'docs/index.md', '<!-- md:evidence zwak -->')}"


@case
def bad_evidence_level_missing(p):
    line = append(p, "docs/index.en.md", "<!-- md:evidence --> No study has looked at this.")
    return "evidence-level-missing", f"docs/index.en.md:{line}"


@case
def bad_evidence_data(p):
    edit(p, "data/evidence.yml", "      en: No effect found\n", "")
    return "evidence-data", f"data/evidence.yml:{line_of(p, 'data/evidence.yml', '    name:', last=True)}"


@case
def bad_component_structure(p):
    edit(p, "docs/index.md", "<!-- md:end -->\n\n## Wanneer naar de huisarts?", "## Wanneer naar de huisarts?")
    return "component-structure", f"docs/index.md:{line_of(p, 'docs/index.md', '<!-- md:care appointment -->')}"


@case
def bad_component_empty(p):
    line = append(p, "docs/symptomen.en.md", "<!-- md:care appointment -->\n\nSee your GP.\n\n<!-- md:end -->")
    return "component-empty", f"docs/symptomen.en.md:{line}"


@case
def bad_summary_list_under_a_sentence(p):
    # No empty line between a sentence and the list: Markdown reads the list as the sentence's paragraph.
    edit(p, "docs/index.md", "<!-- md:summary -->\n\n- ", "<!-- md:summary -->\n\nIn het kort:\n- ")
    return "component-empty", f"docs/index.md:{line_of(p, 'docs/index.md', '<!-- md:summary -->')}"


@case
def bad_care_level_missing(p):
    edit(p, "docs/index.en.md", "<!-- md:care appointment -->", "<!-- md:care -->")
    return "care-level-missing", f"docs/index.en.md:{line_of(p, 'docs/index.en.md', '<!-- md:care -->')}"


@case
def bad_care_level_unknown(p):
    edit(p, "docs/index.md", "<!-- md:care appointment -->", "<!-- md:care afspraak -->")
    return "care-level-unknown", f"docs/index.md:{line_of(p, 'docs/index.md', '<!-- md:care afspraak -->')}"


@case
def bad_do_dont_negation(p):
    edit(p, "docs/index.md", "- Doe geen zware inspanning laat op de avond.", "- Zware inspanning laat op de avond.")
    return "do-dont-negation", f"docs/index.md:{line_of(p, 'docs/index.md', '- Zware inspanning laat op de avond.')}"


@case
def bad_summary_place(p):
    line = append(p, "docs/index.md", "<!-- md:summary -->\n\n- Nog een samenvatting.\n\n<!-- md:end -->")
    return "summary-place", f"docs/index.md:{line}"


@case
def bad_components_data(p):
    edit(p, "data/components.yml", '      en: "Not urgent:"\n', "")
    return "components-data", f"data/components.yml:{line_of(p, 'data/components.yml', '    hidden:', last=True)}"


@case
def bad_link_broken(p):
    line = append(p, "docs/symptomen.md", 'Zie ook <a href="#bestaat-niet">dit stuk</a>.')
    return "link-broken", f"docs/symptomen.md:{line}"


@case
def bad_reviewer_unknown(p):
    edit(p, "docs/symptomen.en.md", "reviewed_by: redactie", "reviewed_by: Medical editorial team")
    return "reviewer-unknown", "docs/symptomen.en.md:5"


@case
def bad_reviewer_without_qualification(p):
    edit(
        p,
        "data/reviewers.yml",
        "    qualification:\n      nl: geen artsen; controleert de teksten aan de hand van de bronnen\n      en: not doctors; checks the texts against the sources\n",
        "",
    )
    return "reviewers-data", f"data/reviewers.yml:{line_of_start(p, 'data/reviewers.yml', '  - id: redactie')}"


@case
def bad_labels_text(p):
    edit(p, "data/labels.yml", "  partner_label: partner link\n", "")
    return "labels-text", f"data/labels.yml:{line_of(p, 'data/labels.yml', 'en:')}"


@case
def bad_disclaimer_dropped_by_template(p):
    override(p, "main.html", FOOTER_WITHOUT_DISCLAIMER)
    return "disclaimer-missing", "site/404.html"


@case
def bad_review_dates_dropped_by_template(p):
    override(p, "partials/review-dates.html", "")
    return "review-dates-missing", "site/en/symptomen/index.html"


@case
def bad_structured_data_dropped_by_template(p):
    override(p, "partials/structured-data.html", "")
    return "structured-data-missing", "site/symptomen/index.html"


@case
def bad_structured_data_date(p):
    override(p, "partials/structured-data.html", JSON_LD_WITH.format('lastReviewed="2026-01-01"'))
    return "structured-data-date", "site/index.html"


@case
def bad_structured_data_field(p):
    override(p, "partials/structured-data.html", JSON_LD_WITH.format("medicalAudience=none"))
    return "structured-data-field", "site/en/over/index.html"


@case
def bad_partner_label_dropped_by_template(p):
    with_partners(p)
    override(p, "partials/partner-label.html", "")
    append(p, "docs/index.md", f"{NOTICE}\n\n{PARTNER_LINK}")
    return "partner-link-label", "site/index.html"


@case
def bad_partner_notice_dropped_by_template(p):
    with_partners(p)
    override(p, "partials/partner-notice.html", "")
    append(p, "docs/index.md", f"{NOTICE}\n\n{PARTNER_LINK}")
    return "partner-notice-missing", "site/index.html"


@case
def bad_external_link_rel(p):
    (p / "docs" / "assets" / "kaart.html").write_text(
        '<html lang="nl"><body>\n<a href="https://kaart.example/">Kaart</a>\n</body></html>\n', encoding="utf-8"
    )
    return "external-link-rel", "site/assets/kaart.html:2"


@case
def bad_page_not_utf8(p):
    path = p / "docs" / "index.md"
    text = path.read_text(encoding="utf-8").replace("wil je steeds je benen bewegen", "wil je (ëërst) steeds je benen bewegen", 1)
    path.write_bytes(text.encode("cp1252"))  # an editor's Windows-1252 'ë'
    # The first character that is not UTF-8: the 'é' of 'één' further down comes later.
    first = next(number for number, line in enumerate(text.splitlines(), start=1) if any(ord(c) > 127 for c in line))
    return "not-utf8", f"docs/index.md:{first}"


@case
def bad_data_file_not_utf8(p):
    path = p / "data" / "labels.yml"
    path.write_bytes(path.read_text(encoding="utf-8").replace("Bronnen", "Brönnen", 1).encode("cp1252"))
    return "not-utf8", "data/labels.yml:3"


@case
def bad_navigation_external_link(p):
    edit(p, "mkdocs.yml", "  - over.md\n", "  - over.md\n  - Thuisarts: https://www.thuisarts.nl/rusteloze-benen\n")
    return "navigation-external-link", f"mkdocs.yml:{line_of(p, 'mkdocs.yml', 'nav:')}"


@case
def bad_config_external(p):
    edit(p, "mkdocs.yml", "  font: false\n", "  font:\n    text: Roboto\n")
    return "config-external", f"mkdocs.yml:{line_of(p, 'mkdocs.yml', '  font:')}"


@case
def bad_external_image(p):
    line = append(p, "docs/index.md", "Een plaatje: ![kussen][foto]\n\n[foto]: https://images.example/kussen.jpg")
    return "external-resource", f"docs/index.md:{line + 2}"


@case
def bad_citation_unknown_key(p):
    edit(p, "docs/index.md", "[@aukerman2006]", "[@aukermann2006]")
    return "citation-unknown-key", f"docs/index.md:{line_of_start(p, 'docs/index.md', '<!-- md:evidence weak -->')}"


@case
def bad_citation_unclosed(p):
    line = append(p, "docs/symptomen.en.md", "A claim [@ohayon2012 without its bracket.")
    return "citation-unclosed", f"docs/symptomen.en.md:{line}"


@case
def bad_citation_syntax(p):
    line = append(p, "docs/index.md", "Een bewering [ohayon2012; @allen2014].\n\nNog een [@ohayon2012; allen2014].")
    return "citation-syntax", f"docs/index.md:{line + 2}"


@case
def bad_evidence_marker(p):
    edit(p, "docs/over.md", "<!-- md:evidence-scale -->", "<!-- md:evidence-scale alles -->")
    return "evidence-marker", f"docs/over.md:{line_of(p, 'docs/over.md', '<!-- md:evidence-scale alles -->')}"


@case
def bad_selfcheck_marker(p):
    line = append(p, "docs/symptomen.md", "<!-- md:selfcheck -->")
    return "selfcheck-marker", f"docs/symptomen.md:{line}"


@case
def bad_selfcheck_data(p):
    edit(p, "data/selfcheck.yml", "  answer_unsure: Not sure\n", "")
    return "selfcheck-data", "data/selfcheck.yml"


@case
def bad_selfcheck_verdict(p):
    edit(
        p,
        "data/selfcheck.yml",
        "    Take your answers to your GP.",
        "    Your symptoms match restless legs syndrome. Take your answers to your GP.",
    )
    return "selfcheck-verdict", "data/selfcheck.yml"


@case
def bad_sources_entries(p):
    edit(p, "data/sources.yml", "  - id: aukerman2006\n", "  - id: ohayon2012\n")
    return "sources-duplicate", "data/sources.yml"


@case
def bad_sources_title(p):
    edit(p, "data/sources.yml", '    title: "Exercise and restless legs syndrome: a randomized controlled trial"\n', "")
    return "sources-title", "data/sources.yml"


@case
def bad_sources_year(p):
    edit(p, "data/sources.yml", "    issued: {date-parts: [[2006]]}\n", "")
    return "sources-year", "data/sources.yml"


@case
def bad_sources_id(p):
    edit(p, "data/sources.yml", "  - id: allen2014\n", "  - id: allen 2014\n")
    return "sources-id", "data/sources.yml"


@case
def bad_sources_format(p):
    (p / "data" / "sources.yml").write_text("references:\n  id: een bron\n", encoding="utf-8")
    return "sources-format", "data/sources.yml:1"


@case
def bad_yaml_syntax(p):
    edit(p, "data/reviewers.yml", "    physician: false", "    physician: false\n  qualification: [")
    return "yaml-syntax", "data/reviewers.yml"


@case
def bad_data_file_missing(p):
    (p / "data" / "evidence.yml").unlink()
    return "data-file", "data/evidence.yml"


@case
def bad_labels_language(p):
    text = (p / "data" / "labels.yml").read_text(encoding="utf-8")
    (p / "data" / "labels.yml").write_text(text[: text.index("\nen:\n") + 1], encoding="utf-8")
    return "labels-language", "data/labels.yml"


@case
def bad_policy_page(p):
    edit(p, "docs/over.en.md", "## Partner links {#partnerlinks}", "## Partner links")
    return "policy-page", "site/en/over/index.html"


@case
def bad_search_page_missing(p):
    (p / "docs" / "zoeken.md").unlink()
    (p / "docs" / "zoeken.en.md").unlink()
    return "search-page-missing", "docs/zoeken.md"


@case
def bad_search_page_template(p):
    edit(p, "docs/zoeken.en.md", "template: search-page.html\n", "")
    return "search-page-template", "docs/zoeken.en.md:1"


_PROBLEM = re.compile(r"(?m)(?:^|\s)(\S+): \[([a-z-]+)\] ")


def problems(output: str) -> set[tuple[str, str]]:
    """(location, rule) of every message in a build's or the command's output."""
    return set(_PROBLEM.findall(output))


@dataclass
class Checked:
    build_output: str
    build_ok: bool
    command_output: str
    command_code: int


def build_and_check(project: Path, env: dict | None = None) -> Checked:
    """Build the copy (in this process), then run the standalone command over its docs/ and site/."""
    result = build_in_process(project, env)
    command = check_in_process(project, env)
    return Checked(result.output, result.ok, command.stdout + command.stderr, command.returncode)


# Every rule a bad input in the table breaks (tests/test_layout.py holds it to the rules table).
EXPECTED_FAILING_RULES = {
    "front-matter",
    "review-date-missing",
    "review-date-invalid",
    "reviewer-missing",
    "review-date-future",
    "review-order",
    "review-interval",
    "translation-missing",
    "unsafe-html",
    "unsafe-event-handler",
    "unsafe-javascript-url",
    "unknown-marker",
    "partner-link-unmarked",
    "partner-link-unknown",
    "partner-notice-missing",
    "partner-notice-late",
    "partner-notice-unused",
    "partner-notice-marker",
    "partners-data",
    "labels-text",
    "disclaimer-missing",
    "review-dates-missing",
    "structured-data-missing",
    "structured-data-date",
    "structured-data-field",
    "partner-link-label",
    "external-link-rel",
    "policy-page",
    "evidence-level-unknown",
    "evidence-level-missing",
    "evidence-data",
    "reviewer-unknown",
    "reviewers-data",
    "not-utf8",
    "navigation-external-link",
    "config-external",
    "external-resource",
    "citation-unknown-key",
    "citation-unclosed",
    "citation-syntax",
    "evidence-marker",
    "selfcheck-marker",
    "selfcheck-data",
    "selfcheck-verdict",
    "sources-duplicate",
    "sources-title",
    "sources-year",
    "sources-id",
    "sources-format",
    "yaml-syntax",
    "data-file",
    "labels-language",
    "search-page-missing",
    "search-page-template",
    "component-structure",
    "component-empty",
    "care-level-missing",
    "care-level-unknown",
    "do-dont-negation",
    "summary-place",
    "components-data",
    "link-broken",
}


def test_the_table_has_a_bad_input_for_every_failing_rule(tmp_path):
    failing = {CASES[name](fixture_project(tmp_path / name))[0] for name in CASES}
    assert len(CASES) >= 20
    assert failing == EXPECTED_FAILING_RULES


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_the_build_with_file_line_rule_and_fix(small_project, case):
    rule, location = CASES[case](small_project)
    checked = build_and_check(small_project, TODAY)
    assert not checked.build_ok, checked.build_output
    # Built pages are named without a line when their line depends on the theme's templates.
    assert re.search(rf"(?m)(^|\s){re.escape(location)}(:\d+)?: \[{rule}\] ", checked.build_output), checked.build_output
    assert "How to fix:" in checked.build_output
    assert "Traceback" not in checked.build_output
    # The standalone command over docs/ and site/ reports exactly the same problems.
    assert checked.command_code == 1, checked.command_output
    assert problems(checked.command_output) == problems(checked.build_output), checked.command_output


def test_search_index_that_cannot_be_written_stops_the_build_with_the_fix(small_project):
    """Pagefind missing or failing (a broken .venv): the build names the step and the fix, as the editor sees it."""
    fake = small_project / "fake-packages" / "pagefind_bin"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "from pathlib import Path\n\ndef get_executable():\n    return Path(__file__).with_name('pagefind')\n", encoding="utf-8"
    )
    (fake / "pagefind").write_text("#!/bin/sh\necho 'Error: cannot write index'\nexit 1\n", encoding="utf-8")
    (fake / "pagefind").chmod(0o755)
    result = build(small_project, {"PYTHONPATH": str(small_project / "fake-packages"), **ENGLISH})
    assert not result.ok
    assert "site/pagefind: [search-index] Pagefind did not index the site: Error: cannot write index" in result.output
    assert "How to fix: build again; if it fails again, reinstall the packages: make clean build." in result.output
    assert "Traceback" not in result.output


def test_all_problems_of_a_build_are_reported_together(small_project):
    """As the editor sees them in the terminal: `mkdocs build --strict`, every problem at once."""
    edit(small_project, "docs/symptomen.md", "last_reviewed: 2026-11-25", "last_reviewed: 2026-13-01")
    edit(small_project, "docs/symptomen.md", "reviewed_by: redactie", "reviewed_by:")
    script_line = append(small_project, "docs/index.en.md", "<script>alert(1)</script>")
    (small_project / "docs" / "over.en.md").unlink()
    result = build(small_project, TODAY)
    command = check_in_process(small_project, TODAY)
    assert not result.ok
    assert "4 problems found:" in result.output
    assert "Traceback" not in result.output
    assert problems(result.output) == {
        ("docs/symptomen.md:4", "review-date-invalid"),
        ("docs/symptomen.md:5", "reviewer-missing"),
        (f"docs/index.en.md:{script_line}", "unsafe-html"),
        ("docs/over.md", "translation-missing"),
    }
    assert problems(command.stdout + command.stderr) == problems(result.output)


def test_the_command_finds_a_site_older_than_its_sources(small_project):
    result = build_in_process(small_project, TODAY)
    assert result.ok, result.output
    edit(small_project, "docs/symptomen.md", "last_reviewed: 2026-11-25", "last_reviewed: 2026-11-20")
    edit(small_project, "docs/symptomen.md", "next_review: 2027-11-25", "next_review: 2027-11-20")
    command = check_in_process(small_project, None, "--today", FIXTURE_TODAY)
    assert command.returncode == 1
    assert ("site/symptomen/index.html", "review-dates-shown") in problems(command.stdout + command.stderr)


def test_the_link_check_fails_on_a_broken_copy_of_the_site(small_project):
    result = build_in_process(small_project, TODAY)
    assert result.ok, result.output
    (small_project / "site" / "bronnen" / "index.html").unlink()
    symptoms = small_project / "site" / "en" / "symptomen" / "index.html"
    symptoms.write_text(symptoms.read_text(encoding="utf-8").replace('href="#', 'href="#x-', 1), encoding="utf-8")
    command = check_in_process(small_project, TODAY)
    assert command.returncode == 1
    broken = re.findall(r"(?m)^(site/\S+?):(\d+): \[link-broken\] (.*)$", command.stderr)
    assert any("leads to bronnen/index.html, which is not in the built site" in problem for _, _, problem in broken)
    assert any(file == "site/en/symptomen/index.html" and "#x-" in problem for file, _, problem in broken)
    assert "[page-not-built]" in command.stderr


# --- The good path with warnings: a copy with partner links, an overdue date and a stale translation ---


@pytest.fixture(scope="module")
def partner_site(tmp_path_factory) -> tuple[Path, Checked]:
    """A copy with a partner, partner links in both languages, a <script> code sample, every review
    overdue (today moved to 2028) and an English page reviewed before its original."""
    project = fixture_project(tmp_path_factory.mktemp("partners") / "project")
    with_partners(project)
    append(project, "docs/symptomen.md", f"{NOTICE}\n\nEen kussen koop je bij {PARTNER_LINK}.\n\n```html\n<script>alert(1)</script>\n```\n")
    append(project, "docs/symptomen.en.md", f"{NOTICE}\n\nBuy a pillow at [Example shop](https://shop.example/pillow){{ .partner }}.\n")
    edit(
        project,
        "docs/over.en.md",
        "last_reviewed: 2026-11-25\nreviewed_by: redactie\nnext_review: 2027-11-25",
        "last_reviewed: 2026-11-01\nreviewed_by: redactie\nnext_review: 2027-11-01",
    )
    checked = build_and_check(project, {"RLS_TODAY": "2028-01-10", **ENGLISH})
    return project / "site", checked


def test_warnings_do_not_fail_the_build_and_are_listed(partner_site):
    _, checked = partner_site
    assert checked.build_ok, checked.build_output
    found = problems(checked.build_output)
    assert ("docs/index.md:6", "review-overdue") in found and ("docs/index.en.md:6", "review-overdue") in found
    assert ("docs/over.en.md:4", "translation-possibly-stale") in found
    assert "OVERDUE: the next review was due on 2027-11-25" in checked.build_output
    assert checked.command_code == 0 and problems(checked.command_output) == found


def test_partner_links_render_with_notice_rel_and_label(partner_site):
    site, _ = partner_site
    for path, label, notice in (
        ("symptomen/index.html", "(partnerlink)", "Op deze pagina staan partnerlinks."),
        ("en/symptomen/index.html", "(partner link)", "This page contains partner links."),
    ):
        html = (site / path).read_text(encoding="utf-8")
        link = re.search(
            r'<a class="partner" href="https://(?:www\.)?shop\.example/[a-z]+" rel="([^"]+)">[^<]+</a> <span class="partner-label">([^<]+)</span>',
            html,
        )
        assert link, path
        assert link.group(1).split()[:2] == ["sponsored", "noopener"] and link.group(2) == label
        assert html.index('class="partner-notice"') < link.start()
        assert notice in html and 'href="../over/#partnerlinks"' in html and '<p class="partner-notice" role="note">' in html
    sample = (site / "symptomen/index.html").read_text(encoding="utf-8")
    assert "alert" in sample and "<script>alert" not in sample  # a code sample, shown, never run
