"""The medical content as a reader gets it: one evidence scale used everywhere, the sections a
patient site needs, one set of terms, honest attribution and review, in both languages."""

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


def section(markdown: str, heading: str) -> str:
    """The text under a `## heading`, up to the next heading of that level."""
    match = re.search(rf"(?ms)^## {re.escape(heading)}[^\n]*\n(.*?)(?=^## |\Z)", markdown)
    assert match, f"no section '## {heading}'"
    return match.group(1)


def scale():
    return validate_evidence(parse_yaml((ROOT / "data" / "evidence.yml").read_text(encoding="utf-8"), "data/evidence.yml"), LANGUAGES)


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


def test_one_small_study_is_weak_on_every_page():
    """The single small trials the site reports are graded alike, whatever they found."""
    statements = {
        "behandeling.md": ["aukerman2006", "medwire2012"],
        "zelf-doen.md": ["lettieri2009"],
        "oorzaken.md": ["deng2017"],
    }
    for page, keys in statements.items():
        for lang in LANGUAGES:
            text = source(page_file(page, lang))
            for key in keys:
                # The first statement citing the study grades the study itself (later ones may
                # cite it to say it does not cover something else, as for compression stockings).
                found = re.findall(rf"<!-- md:evidence (\S+) -->[^\n]*\[@{key}\]", text)
                assert found[:1] == ["weak"], (page, lang, key, found)


@pytest.mark.parametrize("prefix, lang", [("", "nl"), ("en/", "en")])
def test_built_statements_show_label_and_level_linked_to_the_scale(site, prefix, lang):
    levels = scale().texts(lang)
    names = {level["id"]: level["name"] for level in levels["levels"]}
    about = (site / prefix / "over" / "index.html").read_text(encoding="utf-8")
    for level in levels["levels"]:  # the about page explains every level, in the file's order
        assert f'<dt data-evidence="{level["id"]}" id="bewijs-{level["id"]}">{level["name"]}</dt>' in about
    count = 0
    for page in ("behandeling", "zelf-doen", "oorzaken"):
        html = (site / prefix / page / "index.html").read_text(encoding="utf-8")
        assert "md:evidence" not in html
        for level, href, name in re.findall(
            r'<strong class="evidence" data-evidence="([^"]+)">[^<]*<a href="([^"]+)">([^<]+)</a>\.</strong>', html
        ):
            count += 1
            assert name == names[level] and href == f"../over/#bewijs-{level}"
        assert html.count(f"{levels['label']} ") >= 1
    assert count >= 20


# --- The sections a patient site has -----------------------------------------------------------


@pytest.mark.parametrize(
    "lang, serious, course",
    [("nl", "Is het erg?", "Hoe gaat het verder?"), ("en", "Is it serious?", "How does it go on?")],
)
def test_the_overview_says_whether_it_is_serious_and_how_it_goes_on_with_sources(lang, serious, course):
    text = source(page_file("index.md", lang))
    serious_text, course_text = section(text, serious), section(text, course)
    assert "[@ohayon2012]" in serious_text and "[@allen2014]" in serious_text
    # The course: chronic or on-and-off (IRLSSG specifiers), primary and secondary, after pregnancy.
    assert "[@allen2014]" in course_text and "[@gupta2016]" in course_text
    words = {"nl": ("chronisch", "primaire", "secundaire", "bevalling"), "en": ("chronic", "primary", "secondary", "birth")}[lang]
    for word in words:
        assert word in course_text.lower(), word


@pytest.mark.parametrize("lang", LANGUAGES)
def test_medicines_follow_the_guideline_order(lang):
    text = source(page_file("behandeling.md", lang))
    medicines = section(text, "Medicijnen" if lang == "nl" else "Medicines")
    gaba = medicines.index("### Gabapentin")
    dopamine = medicines.index("### Dopamine")
    assert gaba < dopamine, "what the guideline strongly recommends comes first"
    agonists = medicines[dopamine:]
    assert ("voor de meeste mensen af" if lang == "nl" else "against") in agonists
    assert ("beste keuze" if lang == "nl" else "best choice") in agonists
    assert ("Stop dan niet zelf" if lang == "nl" else "do not stop on your own") in agonists
    assert "[@pijnnl-gabapentine; @pijnnl-pregabaline]" in medicines  # what they are, their side effects
    assert ("slaapapneu" if lang == "nl" else "sleep apnoea") in section(
        text, "Eerst zoeken naar een oorzaak" if lang == "nl" else "First look for a cause"
    )


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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plms_is_named_for_the_jerks_and_plmd_only_as_the_separate_disorder(lang):
    text = source(page_file("symptomen.md", lang))
    jerks = section(text, "Schokken in je slaap (PLMS)" if lang == "nl" else "Jerks during sleep (PLMS)")
    assert "periodic limb movements in sleep" in jerks
    assert ("aparte slaapstoornis" if lang == "nl" else "separate sleep disorder") in jerks


# --- Attribution and review --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_about_page_names_the_article_and_says_no_doctor_has_reviewed(lang):
    text = source(page_file("over.md", lang))
    assert '"Rusteloze benen | Oorzaken, symptomen en behandeling"' in text
    assert ("19 augustus 2020" if lang == "nl" else "19 August 2020") in text
    assert ("Nog geen arts heeft deze pagina's gecontroleerd" if lang == "nl" else "No doctor has checked these pages yet") in text
    assert "<!-- md:evidence-scale -->" in section(text, "Hoe sterk is het bewijs?" if lang == "nl" else "How strong is the evidence?")
    assert "elke bewering gecontroleerd" not in text and "check every claim" not in text


def test_every_page_names_a_reviewer_declared_in_the_reviewers_file():
    reviewers = yaml.safe_load((ROOT / "data" / "reviewers.yml").read_text(encoding="utf-8"))["reviewers"]
    ids = {entry["id"] for entry in reviewers}
    for path in DOCS.glob("*.md"):
        if path.name.startswith("zoeken."):
            continue  # the search page is no health information and has no review (tests/test_site.py)
        match = re.search(r"(?m)^reviewed_by: (.+)$", path.read_text(encoding="utf-8"))
        assert match and match.group(1) in ids, path.name
    # Nobody is presented as a doctor who is not one: today no entry is a physician.
    assert all(entry["physician"] is False for entry in reviewers)
