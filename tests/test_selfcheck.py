"""The self-check of the five criteria: data validation and rendering as plain functions, the
built HTML in both languages, and bad input failing a build with a clear message.

The texts are the tests' own small site's copy of data/selfcheck.yml (tests/fixtures/site), so an
editor's change of the real wording changes no test; the build holds the real file to the rules."""

from __future__ import annotations

import re

import jinja2
import markdown
import pytest
import yaml

from conftest import FIXTURE_SITE, ROOT, build_in_process
from rls_site.data.selfcheck import validate_selfcheck, verdict_in
from rls_site.data.yaml_file import parse_yaml
from rls_site.errors import ContentError, ContentErrors
from rls_site.markdown.selfcheck import check_selfcheck_markers, render_selfcheck
from rls_site.markdown.text import find_markers

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")

DATA = (FIXTURE_SITE / "data" / "selfcheck.yml").read_text(encoding="utf-8")
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")), autoescape=False)
CARE = {"id": "appointment", "heading": "Maak een afspraak met je huisarts als:", "hidden": "Geen spoed:"}
LANGS = ["nl", "en"]


def texts():
    return validate_selfcheck(parse_yaml(DATA, "data/selfcheck.yml"), LANGS)


def data_with(change) -> str:
    data = yaml.safe_load(DATA)
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def error_of(text: str) -> str:
    with pytest.raises((ContentError, ContentErrors)) as caught:
        validate_selfcheck(parse_yaml(text, "data/selfcheck.yml"), LANGS)
    return str(caught.value)


# --- data validation -----------------------------------------------------------------------


def test_the_data_has_five_criteria_in_both_languages():
    for lang, t in texts().items():
        assert len(t["criteria"]) == 5, lang
    assert [c["id"] for c in texts()["nl"]["criteria"]] == [c["id"] for c in texts()["en"]["criteria"]]


def test_missing_language_names_the_file_and_language():
    message = error_of(data_with(lambda d: d.pop("en")))
    assert "data/selfcheck.yml" in message and "the language 'en' is missing" in message


def test_empty_criterion_text_names_criterion_field_and_line():
    def empty(d):
        d["nl"]["criteria"][2]["question"] = "  "

    message = error_of(data_with(empty))
    assert re.search(r"data/selfcheck\.yml:20: \[selfcheck-data\] 'nl\.criteria\[3\]\.question' is empty", message)


def test_missing_result_text_is_named():
    message = error_of(data_with(lambda d: d["en"]["results"].pop("complete")))
    assert "'en.results' has no 'complete'" in message


def test_malformed_file_names_the_line():
    with pytest.raises(ContentError) as caught:
        parse_yaml("nl:\n  title: a\n    intro: b: c\n", "data/selfcheck.yml")
    assert "data/selfcheck.yml:3" in str(caught.value) and "[yaml-syntax]" in str(caught.value)


def test_criteria_must_match_between_languages():
    def swap(d):
        d["en"]["criteria"][0], d["en"]["criteria"][1] = d["en"]["criteria"][1], d["en"]["criteria"][0]

    assert "differ from the first language" in error_of(data_with(swap))


def test_all_problems_are_reported_together():
    def two(d):
        d["nl"]["title"] = ""
        d["en"]["results"]["incomplete"] = ""

    message = error_of(data_with(two))
    assert "2 problems found" in message and "'nl.title'" in message and "'en.results.incomplete'" in message


def test_wrong_number_of_criteria():
    message = error_of(data_with(lambda d: d["nl"]["criteria"].pop()))
    assert "'nl.criteria' needs at least 5 items" in message and "exactly the 5 essential criteria" in message


# --- rendering -----------------------------------------------------------------------------


def test_rendered_form_has_a_labelled_yes_no_not_sure_question_per_criterion():
    html = render_selfcheck(texts()["nl"], CARE, ENV)
    assert html.count("<fieldset") == 5 and html.count("<legend>") == 5
    for criterion in texts()["nl"]["criteria"]:
        for value in ("yes", "no", "unsure"):
            input_id = f"selfcheck-{criterion['id']}-{value}"
            assert f'id="{input_id}"' in html and f'for="{input_id}"' in html
    assert html.count("> Weet ik niet</label>") == 5
    assert 'role="status"' in html and 'aria-live="polite"' in html
    assert "<script" not in html
    # The one outcome is a care card of its level, with the same text with and without JavaScript.
    heading = (
        '<h3 class="care-card__heading"><span class="care-card__urgency">Geen spoed: </span>Bespreek je antwoorden met je huisarts</h3>'
    )
    assert html.count('<div class="care-card care-card--appointment">') == html.count(heading) == 2


def test_the_criteria_are_asked_in_the_irlssg_order_without_a_double_negative():
    for lang in LANGS:
        criteria = texts()[lang]["criteria"]
        assert [c["id"] for c in criteria] == ["urge", "rest", "movement", "evening", "other_cause"]
        fifth = criteria[4]["question"].lower()
        assert not re.search(r"\b(niet|níét|not|n't)\b", fifth), fifth


def test_there_is_one_neutral_outcome_that_sends_the_reader_to_the_gp():
    for lang, gp, no_diagnosis in (("nl", "huisarts", "geen diagnose"), ("en", "gp", "not a diagnosis")):
        results = texts()[lang]["results"]
        assert set(results) == {"incomplete", "heading", "complete"}, "no outcome per answer: one neutral text"
        assert gp in results["complete"].lower() and no_diagnosis in results["complete"].lower()
        assert gp in results["heading"].lower()


# Verdicts an editor might write: each must stop the build, in either language's section.
VERDICTS = [
    "Je klachten passen bij de vijf kenmerken van rusteloze benen.",
    "Je klachten passen niet bij alle vijf kenmerken.",
    "Dit past goed bij RLS.",
    "Je hebt rusteloze benen.",
    "Je hebt geen RLS.",
    "Waarschijnlijk RLS: ga naar de huisarts.",
    "Geen zorgen, het is vast niets.",
    "Your symptoms match the five features of restless legs syndrome.",
    "Your answers fit restless legs syndrome.",
    "You have RLS.",
    "You do not have restless legs syndrome.",
    "This is probably RLS.",
    "It is not RLS.",
    "Nothing to worry about.",
    "Your score is 4 out of 5.",
]


@pytest.mark.parametrize("verdict", VERDICTS)
def test_a_text_that_gives_a_verdict_stops_the_build(verdict):
    def put(d):
        d["en"]["results"]["complete"] = verdict

    message = error_of(data_with(put))
    assert "[selfcheck-verdict]" in message and "'en.results.complete' gives a verdict" in message


def test_the_texts_give_no_verdict_but_a_verdict_in_a_question_is_found_too():
    for lang in LANGS:
        for criterion in texts()[lang]["criteria"]:
            assert verdict_in(criterion["question"]) is None and verdict_in(criterion["help"]) is None
    assert verdict_in("Only a doctor can tell whether you have restless legs syndrome.") is None

    def put(d):
        d["nl"]["criteria"][1]["help"] = "Zo ja, dan past dat bij RLS."

    assert "'nl.criteria[2].help' gives a verdict: 'past dat bij'" in error_of(data_with(put))


def convert(markdown_text: str, root, lang: str = "nl") -> str:
    """A page converted by plain Python-Markdown with the extension, as any generator would."""
    md = markdown.Markdown(
        extensions=["rls_site.markdown.selfcheck"],
        extension_configs={"rls_site.markdown.selfcheck": {"root": str(root), "lang": lang}},
    )
    return md.convert(markdown_text)


def test_the_marker_becomes_the_self_check_and_code_is_left_alone(small_root):
    html = convert("Intro\n\n<!-- md:selfcheck -->\n\n`<!-- md:selfcheck -->` in code\n", small_root, "en")
    assert html.count("data-selfcheck-form") == 1 and "<code>&lt;!-- md:selfcheck --&gt;</code> in code" in html
    assert "<p><section" not in html and html.count("<fieldset") == 5 and "Not sure" in html
    assert " data-selfcheck>" in html and " data-selfcheck>" not in convert("`<section data-selfcheck>`", small_root)


def test_without_the_extension_the_marker_shows_nothing():
    assert markdown.markdown("Intro\n\n<!-- md:selfcheck -->\n") == "<p>Intro</p>\n<!-- md:selfcheck -->"


@pytest.mark.parametrize(
    "markers, lang, rule, line",
    [
        ("a\n\n<!-- md:selfcheck kort -->\n", "nl", "selfcheck-marker", 9),
        ("<!-- md:selfcheck -->\n\n<!-- md:selfcheck -->\n", "nl", "selfcheck-marker", 9),
    ],
)
def test_marker_mistakes_are_named_with_their_line(markers, lang, rule, line):
    found = check_selfcheck_markers(find_markers(markers, "docs/x.md", 7), "docs/x.md")
    assert [(e.rule, e.line) for e in found] == [(rule, line)]


# --- the built site ------------------------------------------------------------------------


@pytest.mark.parametrize("prefix,lang", [("", "nl"), ("en/", "en")])
def test_the_page_with_the_marker_carries_the_self_check(small_site, prefix, lang):
    html = (small_site.site / prefix / "symptomen" / "index.html").read_text(encoding="utf-8")
    assert html.count("<fieldset") == 5
    assert re.search(r'<form class="selfcheck__form" data-selfcheck-form hidden>', html)
    static = html.split("data-selfcheck-static>", 1)[1].split("</div>", 1)[0].replace("&#39;", "'")
    assert static.count("<li>") == 5, "the no-JavaScript list holds the five criteria"
    assert texts()[lang]["results"]["complete"] in static, "without JavaScript the same neutral text"
    assert texts()[lang]["criteria"][0]["question"].replace("'", "&#39;") in html or texts()[lang]["criteria"][0]["question"] in html
    assert "<!-- md:selfcheck" not in html


# --- bad input in a real build -------------------------------------------------------------


def test_a_rendered_self_check_is_recognised_and_a_marker_in_code_is_not():
    html = render_selfcheck(texts()["nl"], CARE, ENV)
    assert " data-selfcheck>" in html


def test_self_check_files_load_only_on_pages_with_the_self_check(built_site):
    """Every other page is spared its stylesheet and script; where it is, the stylesheet is in the
    head itself (a stylesheet file holds up the first paint)."""
    root, site = built_site
    # Jinja's include drops the file's final newline.
    stylesheet = (ROOT / "overrides" / "partials" / "selfcheck.css").read_text(encoding="utf-8").removesuffix("\n")
    with_check = []
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        if '<section class="selfcheck"' in html:
            with_check.append(path.relative_to(site).as_posix())
            assert f"<style>{stylesheet}</style>" in head, path
            assert re.search(r'<script defer src="[./]*assets/selfcheck\.js">', html), path
        else:
            assert "selfcheck" not in head and "assets/selfcheck.js" not in html, path
    # In both languages alike.
    assert sorted(p.removeprefix("en/") for p in with_check if p.startswith("en/")) == sorted(
        p for p in with_check if not p.startswith("en/")
    )
    if root != ROOT:
        assert sorted(with_check) == ["en/symptomen/index.html", "symptomen/index.html"]
    assert "assets/selfcheck.css" not in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_build_fails_on_a_broken_data_file(small_project):
    path = small_project / "data" / "selfcheck.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    - id: rest\n      question:", "    - id: rest\n      question: ''\n      unused:"),
        encoding="utf-8",
    )
    result = build_in_process(small_project, {"RLS_MESSAGES": "en"})
    assert not result.ok
    assert re.search(r"data/selfcheck\.yml:\d+: \[selfcheck-data\] 'nl\.criteria\[2\]\.question' is empty", result.output)
    assert "Traceback" not in result.output


def test_build_fails_on_an_unknown_marker(small_project):
    path = small_project / "docs" / "symptomen.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n<!-- md:zelftest -->\n", encoding="utf-8")
    result = build_in_process(small_project, {"RLS_MESSAGES": "en"})
    assert not result.ok
    line = path.read_text(encoding="utf-8").splitlines().index("<!-- md:zelftest -->") + 1
    assert f"docs/symptomen.md:{line}: [unknown-marker] unknown marker <!-- md:zelftest -->" in result.output
    assert "Traceback" not in result.output
