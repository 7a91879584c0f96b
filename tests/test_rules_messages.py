"""Every message in the editors' language: Dutch by default, English with RLS_MESSAGES=en or --messages en.

The rules table (rls_site.rules) holds each rule's title and fix in both languages, and every place
that raises a ContentError gives its problem in both; the language is chosen when the message is shown.
"""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT
from rls_site.checks.__main__ import main as checks_main
from rls_site.errors import ContentError, ContentErrors
from rls_site.github import annotation, job_summary
from rls_site.markdown.text import find_markers
from rls_site.rules import MESSAGES_VARIABLE, RULES, message_language


def test_every_rule_has_its_title_and_fix_in_dutch_and_english():
    for rule, definition in RULES.items():
        for text in (definition.title, definition.fix):
            assert text.nl.strip() and text.en.strip(), rule
        assert definition.title.nl != definition.title.en or definition.fix.nl != definition.fix.en, rule


def test_every_content_error_is_raised_with_its_problem_in_both_languages():
    """Each raise site names the problem with nl= and en=; a plain text would be the same in both."""
    one_language = []
    for module in (ROOT / "hooks").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ContentError":
                keywords = {keyword.arg for keyword in node.keywords}
                if not {"nl", "en"} <= keywords:
                    one_language.append(f"{module.relative_to(ROOT)}:{node.lineno}")
    assert one_language == []


def test_a_content_error_needs_both_languages():
    with pytest.raises(TypeError):
        ContentError("docs/a.md", "front-matter", line=1, nl="alleen Nederlands.")


def unknown_marker() -> ContentError:
    with pytest.raises(ContentError) as caught:
        find_markers("# Titel\n\n<!-- md:sumary -->\n", "docs/a.md")
    return caught.value


def test_one_real_error_in_dutch_by_default(monkeypatch):
    monkeypatch.delenv(MESSAGES_VARIABLE, raising=False)
    error = unknown_marker()
    assert message_language() == "nl"
    assert str(error).splitlines() == [
        "docs/a.md:3: [unknown-marker] onbekende markering <!-- md:sumary -->.",
        error.format().splitlines()[1],
    ]
    assert error.format().splitlines()[1].startswith("    Zo los je het op: bedoel je <!-- md:summary -->? Bekende markeringen:")
    assert error.title == "Onbekende markering"
    assert "Zo los je het op: bedoel je" in annotation(error) and "title=Onbekende markering [unknown-marker]" in annotation(error)
    assert str(ContentErrors([error, error])).startswith("2 problemen gevonden:\ndocs/a.md:3: [unknown-marker] onbekende markering")
    assert job_summary([error]).startswith("## Publicatiecontroles: 1 fout\n")


def test_the_same_error_in_english_on_request(monkeypatch):
    error = unknown_marker()  # made while the messages were Dutch: the language is chosen when shown
    monkeypatch.setenv(MESSAGES_VARIABLE, "en")
    assert str(error).splitlines()[0] == "docs/a.md:3: [unknown-marker] unknown marker <!-- md:sumary -->."
    assert error.format().splitlines()[1].startswith("    How to fix: did you mean <!-- md:summary -->? Known markers:")
    assert error.title == "Unknown marker"
    assert "How to fix: did you mean" in annotation(error)
    assert str(ContentErrors([error, error])).startswith("2 problems found:\n")
    assert job_summary([error]).startswith("## Publication checks: 1 error\n")


def test_an_unknown_setting_falls_back_to_dutch(monkeypatch):
    monkeypatch.setenv(MESSAGES_VARIABLE, "fr")
    assert message_language() == "nl"


@pytest.mark.parametrize("option, words", [([], "het bestand bestaat niet"), (["--messages", "en"], "the file does not exist")])
def test_the_checks_command_takes_the_language_as_an_option(tmp_path, monkeypatch, capsys, option, words):
    """`python -m rls_site.checks docs site --messages en`: a project without its data files."""
    monkeypatch.setenv(MESSAGES_VARIABLE, "")  # unset: Dutch; set back after the test (the option sets it)
    (tmp_path / "docs").mkdir()
    assert checks_main([str(tmp_path / "docs"), str(tmp_path / "site"), "--today", "2026-12-03", *option]) == 1
    err = capsys.readouterr().err
    assert "data/labels.yml: [data-file] " + words in err
