"""Rules every correct page follows that the build does not check: one evidence scale, used alike
in both languages; one set of terms; a declared reviewer.

Only rules that hold for any correct content: no page, heading, sentence or citation of the real
pages is named here (what the pages say is the editors' and reviewers' work, not a test's)."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from rls_site.data.evidence import validate_evidence
from rls_site.data.yaml_file import parse_yaml

LANGUAGES = ["nl", "en"]
DOCS = ROOT / "docs"


def source(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def page_file(page: str, lang: str) -> str:
    return page if lang == "nl" else page.replace(".md", f".{lang}.md")


def scale(root):
    return validate_evidence(parse_yaml((root / "data" / "evidence.yml").read_text(encoding="utf-8"), "data/evidence.yml"), LANGUAGES)


# --- One evidence scale ------------------------------------------------------------------------


def test_no_page_writes_the_evidence_label_by_hand():
    """Every statement of how strong the evidence is comes from the marker, so it uses the scale."""
    for path in DOCS.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\*\*(Hoe sterk is het bewijs\?|How strong is the evidence\?)\*\*", text), path.name


def test_the_same_pages_grade_the_same_evidence_in_both_languages():
    marker = re.compile(r"<!-- md:evidence (\S+) -->")
    for path in DOCS.glob("*.md"):
        if path.name.count(".") > 1:
            continue
        dutch = marker.findall(path.read_text(encoding="utf-8"))
        english = marker.findall(source(page_file(path.name, "en")))
        assert dutch == english, path.name


EVIDENCE = re.compile(r'<strong class="evidence" data-evidence="([^"]+)">[^<]*<a href="([^"]+)">([^<]+)</a>\.</strong>')


def evidence_statements(site, prefix: str, levels: dict) -> list[tuple[str, str]]:
    """Checks every evidence statement on every built page of one language: (page, level) of each."""
    names = {level["id"]: level["name"] for level in levels["levels"]}
    about = (site / prefix / "over" / "index.html").read_text(encoding="utf-8")
    for level in levels["levels"]:  # the about page explains every level, in the file's order
        assert f'<dt data-evidence="{level["id"]}" id="bewijs-{level["id"]}">{level["name"]}</dt>' in about
    statements = []
    for path in sorted((site / prefix).rglob("index.html")):
        page = str(path.relative_to(site / prefix))
        if prefix == "" and page.startswith("en/"):
            continue
        html = path.read_text(encoding="utf-8")
        assert "md:evidence" not in html
        found = EVIDENCE.findall(html)
        depth = "../" * page.count("/")
        for level, href, name in found:
            statements.append((page, level))
            assert name == names[level] and href == f"{depth}over/#bewijs-{level}"
        # every statement has its label and its level linked to the scale
        assert html.count('<strong class="evidence"') == len(found), page
        if found:
            assert html.count(f"{levels['label']} ") >= 1
    return statements


@pytest.mark.parametrize("prefix, lang", [("", "nl"), ("en/", "en")])
def test_built_statements_show_label_and_level_linked_to_the_scale(site, small_site, prefix, lang):
    evidence_statements(site, prefix, scale(ROOT).texts(lang))
    # The small site: its home page has a statement of every level, in the scale's order.
    small = evidence_statements(small_site.site, prefix, scale(small_site.site.parent).texts(lang))
    assert small == [("index.html", level) for level in ("strong", "moderate", "weak", "none", "no-effect")]


# --- One set of terms --------------------------------------------------------------------------

# The terms CONTRIBUTING.md ("Vaste woorden") says not to use, per language.
AVOIDED = {
    "nl": ["onrustige benen", "restless legs syndroom", "rusteloze benen syndroom"],
    "en": ["complaint", "restless leg syndrome", "rls syndrome"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_and_self_check_use_one_set_of_terms(lang):
    texts = [source(path.name) for path in DOCS.glob("*.md") if (path.name.count(".") > 1) == (lang != "nl")]
    texts.append(yaml.safe_dump(yaml.safe_load((ROOT / "data" / "selfcheck.yml").read_text(encoding="utf-8"))[lang], allow_unicode=True))
    for text in texts:
        for term in AVOIDED[lang]:
            assert term not in text.lower(), term
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for term in AVOIDED["nl"][:2]:
        assert f'"{term}"' in contributing  # the rule editors read is the rule tested


# --- Review ------------------------------------------------------------------------------------


def test_every_page_names_a_reviewer_declared_in_the_reviewers_file():
    reviewers = yaml.safe_load((ROOT / "data" / "reviewers.yml").read_text(encoding="utf-8"))["reviewers"]
    ids = {entry["id"] for entry in reviewers}
    for path in DOCS.glob("*.md"):
        if path.name.startswith("zoeken."):
            continue  # the search page is no health information and has no review (tests/test_site.py)
        match = re.search(r"(?m)^reviewed_by: (.+)$", path.read_text(encoding="utf-8"))
        assert match and match.group(1) in ids, path.name
