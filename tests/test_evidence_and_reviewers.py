"""The evidence scale and the reviewers file as plain functions: their formats, the messages for
each mistake an editor can make, and the markers on strings."""

from __future__ import annotations

import jinja2
import markdown
import pytest
import yaml

from conftest import FIXTURE_SITE, ROOT
from rls_site.data.evidence import validate_evidence
from rls_site.data.reviewers import validate_reviewers
from rls_site.data.schema import check_schema, load_schema, where
from rls_site.data.sources import validate_sources
from rls_site.data.yaml_file import parse_yaml
from rls_site.errors import ContentError, ContentErrors
from rls_site.markdown.evidence import check_evidence_markers, render_evidence_markers
from rls_site.markdown.text import find_markers

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")

LANGS = ["nl", "en"]
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")), autoescape=False)
EVIDENCE = (FIXTURE_SITE / "data" / "evidence.yml").read_text(encoding="utf-8")
REVIEWERS = (FIXTURE_SITE / "data" / "reviewers.yml").read_text(encoding="utf-8")


def changed(text: str, change) -> str:
    data = yaml.safe_load(text)
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def problems_of(function, text: str, path: str) -> list[ContentError]:
    with pytest.raises((ContentError, ContentErrors)) as caught:
        function(parse_yaml(text, path), LANGS)
    error = caught.value
    return error.errors if isinstance(error, ContentErrors) else [error]


def scale():
    return validate_evidence(parse_yaml(EVIDENCE, "data/evidence.yml"), LANGS)


# --- data/evidence.yml -------------------------------------------------------------------------


def test_the_scale_has_its_levels_in_order_in_both_languages():
    levels = scale()
    assert list(levels.levels) == ["strong", "moderate", "weak", "none", "no-effect"]
    assert levels.texts("nl")["label"] == "Hoe sterk is het bewijs?" and levels.texts("en")["levels"][2]["name"] == "Weak"


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda d: d["levels"][1].pop("meaning"), "'levels[2]' has no 'meaning'"),
        (lambda d: d["levels"][0].update(id="Sterk"), "'levels[1].id' ('Sterk') is not written in the expected form"),
        (lambda d: d["levels"][3].update(id="weak"), "the level id 'weak' appears twice"),
        (lambda d: d.update(label={"nl": " ", "en": "How strong?"}), "'label.nl' is empty"),
        (lambda d: d.update(extra=1), "has a key 'extra' that this file does not use"),
    ],
)
def test_each_mistake_in_the_scale_is_named_with_a_fix(change, words):
    errors = problems_of(validate_evidence, changed(EVIDENCE, change), "data/evidence.yml")
    assert [e.rule for e in errors] == ["evidence-data"] and words in errors[0].problem, [e.format() for e in errors]
    assert errors[0].fix and errors[0].line is not None


def test_a_missing_translation_of_a_level_names_the_line_as_written():
    text = EVIDENCE.replace("      en: Weak\n", "", 1)
    lines = text.splitlines()
    expected = lines.index("      nl: Zwak")  # the 'name:' line above it, counted from 1
    errors = problems_of(validate_evidence, text, "data/evidence.yml")
    assert [(e.rule, e.line) for e in errors] == [("evidence-data", expected)]
    assert "'levels[3].name' has no text in 'en'" in errors[0].problem and "add a line 'en: ...'" in errors[0].fix


def test_markers_name_a_known_level():
    levels = scale()
    markdown = (
        "<!-- md:evidence weak --> Goed.\n\n<!-- md:evidence -->\n\n<!-- md:evidence zwak --> A.\n\n<!-- md:evidence-scale kort -->\n"
    )
    errors = check_evidence_markers(find_markers(markdown, "docs/x.md", 10), levels, "docs/x.md")
    assert [(e.rule, e.line) for e in errors] == [
        ("evidence-level-missing", 12),
        ("evidence-level-unknown", 14),
        ("evidence-marker", 16),
    ]
    assert "did you mean 'weak'?" in errors[1].fix and "no-effect" in errors[1].fix


def convert(text: str, lang: str, root) -> str:
    md = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "rls_site.markdown.evidence"],
        extension_configs={"rls_site.markdown.evidence": {"root": str(root), "lang": lang}},
    )
    return md.convert(text)


def test_a_statement_gets_label_and_linked_level_and_the_scale_lists_every_level(small_root):
    text = "<!-- md:evidence no-effect --> Het beste onderzoek vond niets.\n\n<!-- md:evidence-scale -->\n\n`<!-- md:evidence weak -->`\n"
    html = convert(text, "en", small_root)
    assert html.startswith(
        '<p><strong class="evidence" data-evidence="no-effect">How strong is the evidence? '
        '<a href="/over.md#bewijs-no-effect">No effect found</a>.</strong> Het beste onderzoek'
    )
    assert html.count("<dt ") == 5 and '<dt data-evidence="none" id="bewijs-none">No research known</dt>' in html
    assert "<code>&lt;!-- md:evidence weak --&gt;</code>" in html  # code is left alone
    assert "Hoe sterk is het bewijs? <a" in convert("<!-- md:evidence weak --> Eén klein onderzoek.", "nl", small_root)
    # Without the extension the marker is a comment: the statement's text stays, nothing else shows.
    assert markdown.markdown("<!-- md:evidence weak --> Eén klein onderzoek.") == "<!-- md:evidence weak -->\n<p>Eén klein onderzoek.</p>"
    with pytest.raises(ContentError) as caught:
        render_evidence_markers("<!-- md:evidence sterk --> x\n", "nl", scale(), ENV)
    assert "[evidence-level-unknown] 'sterk' is not a level" in str(caught.value)


# --- data/reviewers.yml ------------------------------------------------------------------------


def test_the_reviewer_is_the_editorial_team_and_no_doctor():
    reviewers = validate_reviewers(parse_yaml(REVIEWERS, "data/reviewers.yml"), LANGS)
    team = reviewers["redactie"]
    assert team.physician is False and team.type == "organization"
    assert team.structured_data("en") == {
        "@type": "Organization",
        "name": "Editorial team of Restless legs",
        "description": "not doctors; checks the texts against the sources",
    }


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda d: d["reviewers"][0].pop("qualification"), "'reviewers[1]' has no 'qualification'"),
        (lambda d: d["reviewers"][0]["qualification"].pop("en"), "'reviewers[1].qualification' has no text in 'en'"),
        (lambda d: d["reviewers"][0].update(physician="ja"), "'reviewers[1].physician' must be true or false"),
        (lambda d: d["reviewers"][0].update(type="arts"), "'reviewers[1].type' is 'arts'; it must be one of: organization, person"),
        (lambda d: d["reviewers"].append(dict(d["reviewers"][0])), "the reviewer id 'redactie' appears twice"),
    ],
)
def test_each_mistake_in_the_reviewers_file_is_named(change, words):
    errors = problems_of(validate_reviewers, changed(REVIEWERS, change), "data/reviewers.yml")
    assert [e.rule for e in errors] == ["reviewers-data"] and words in errors[0].problem, [e.format() for e in errors]
    assert errors[0].line is not None and errors[0].fix


def test_a_person_who_is_a_doctor_is_written_as_a_person():
    def doctor(d):
        d["reviewers"].append(
            {
                "id": "jansen",
                "type": "person",
                "physician": True,
                "name": {"nl": "A. Jansen", "en": "A. Jansen"},
                "qualification": {"nl": "huisarts", "en": "GP"},
            }
        )

    reviewers = validate_reviewers(parse_yaml(changed(REVIEWERS, doctor), "data/reviewers.yml"), LANGS)
    assert reviewers["jansen"].structured_data("nl") == {"@type": "Person", "name": "A. Jansen", "jobTitle": "huisarts"}
    assert reviewers["jansen"].texts("en") == {"id": "jansen", "name": "A. Jansen", "qualification": "GP", "physician": True}


# --- The schema helper and the sources file ----------------------------------------------------


def test_every_schema_is_a_valid_schema_and_places_read_as_editors_write_them():
    from jsonschema import Draft202012Validator

    for path in sorted((ROOT / "data" / "schemas").glob("*.schema.json")):
        Draft202012Validator.check_schema(load_schema(path.name.removesuffix(".schema.json")))
    assert len(list((ROOT / "data" / "schemas").glob("*.schema.json"))) == 7
    assert where(("levels", 2, "name", "en")) == "'levels[3].name.en'" and where(()) == "the file"
    errors = check_schema(parse_yaml("levels:\n  - id: weak\n", "data/evidence.yml"), load_schema("evidence"), "evidence-data")
    assert [(e.problem, e.line) for e in errors] == [("the file has no 'label'.", 1), ("'levels[1]' has no 'name'.", 2)]


def test_an_undated_web_page_is_dated_by_when_it_was_read():
    entry = "references:\n  - id: w\n    type: webpage\n    title: W\n    URL: https://w.example\n"
    with pytest.raises(ContentError) as caught:
        validate_sources(parse_yaml(entry, "data/sources.yml"))
    assert "[sources-year]" in str(caught.value) and "accessed" in caught.value.fix
    registry = validate_sources(parse_yaml(entry + "    accessed: {date-parts: [[2026, 12, 3]]}\n", "data/sources.yml"))
    assert "Geraadpleegd 3 december 2026" in registry.formatted("nl")["w"]
    journal = "references:\n  - id: j\n    type: article-journal\n    title: J\n    accessed: {date-parts: [[2026, 12, 3]]}\n"
    with pytest.raises(ContentError):
        validate_sources(parse_yaml(journal, "data/sources.yml"))  # an article needs its year of publication


def test_source_fields_in_the_wrong_form_are_named_on_their_line():
    text = "references:\n  - id: a\n    title: T\n    issued: {date-parts: [[2020]]}\n    DOI: https://doi.org/10.1/x\n    URL: www.x.example\n"
    with pytest.raises(ContentErrors) as caught:
        validate_sources(parse_yaml(text, "data/sources.yml"))
    found = [(e.rule, e.line, e.problem.split(" (")[0]) for e in caught.value.errors]
    assert found == [("sources-format", 5, "'references[1].DOI'"), ("sources-format", 6, "'references[1].URL'")]
    assert "without https://doi.org/" in caught.value.errors[0].fix
