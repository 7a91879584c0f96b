"""Every page of a built site shows what the publication checks ask: on the real site (built
against the real clock, as an editor's pull request is) and on the tests' own small site.

Only what every correct content has: no page count, date, sentence or citation of the real pages
(the small site's own are pinned where they make a check meaningful).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from check_samples import LANGUAGES
from conftest import FIXTURE_TODAY, ROOT, pages
from rls_site.checks.built_page import read_page
from rls_site.checks.disclaimer import check_policy_page
from rls_site.checks.external_links import check_external_resources
from rls_site.front_matter import read_front_matter
from rls_site.checks.run import output_path
from rls_site.checks.translations import split_language
from rls_site.data.partners import validate_partners
from rls_site.data.reviewers import validate_reviewers
from rls_site.data.yaml_file import parse_yaml
from rls_site.urls import is_external


def all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_built_page_shows_the_disclaimer_in_its_language(built_site):
    root, site = built_site
    texts = {
        lang: " ".join(texts["disclaimer"].split())
        for lang, texts in parse_yaml((root / "data" / "labels.yml").read_text(encoding="utf-8"), "labels").data.items()
    }
    built_pages = all_html(site)
    assert site / "404.html" in built_pages and site / "en" / "404.html" in built_pages
    assert len(built_pages) == 2 + len(pages(site)["nl"]) + len(pages(site)["en"])
    for path in built_pages:
        page = read_page(path.read_text(encoding="utf-8"))
        assert texts[page.lang] in page.text(), path
        disclaimer = page.first(lambda e: "data-disclaimer" in e.attrs)
        assert disclaimer is not None, path
    about = read_page((site / "en" / "index.html").read_text(encoding="utf-8"))
    assert any(link.attrs["href"] == "over/#disclaimer" for link in about.links)


def front_matter(root: Path, src: str) -> dict:
    meta = read_front_matter((root / "docs" / src).read_text(encoding="utf-8"), src)
    return {key: meta.text(key) for key in meta.values}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_review_dates_reviewer_and_json_ld_on_every_content_page_in_both_languages(built_site, lang):
    root, site = built_site
    labels = yaml.safe_load((root / "data" / "labels.yml").read_text(encoding="utf-8"))[lang]
    months, last_label, next_label, not_physician = (
        labels["months"],
        labels["last_reviewed"],
        labels["next_review"],
        labels["not_physician"],
    )
    reviewers = validate_reviewers(
        parse_yaml((root / "data" / "reviewers.yml").read_text(encoding="utf-8"), "data/reviewers.yml"), LANGUAGES
    )
    sources = sorted(p.name for p in (root / "docs").glob("*.md") if split_language(p.name, LANGUAGES)[1] == lang)
    content_pages = [src for src in sources if not src.startswith("zoeken.")]
    assert content_pages
    if root != ROOT:  # the small site's pages: all but the search page
        assert len(content_pages) == 4
    for src in content_pages:
        meta = front_matter(root, src)
        html = (site / output_path(src, LANGUAGES)).read_text(encoding="utf-8")
        page = read_page(html)
        last, next_ = date.fromisoformat(meta["last_reviewed"]), date.fromisoformat(meta["next_review"])
        assert f"{last_label}: {last.day} {months[last.month - 1]} {last.year}" in page.text(), src
        assert f"{next_label}: {next_.day} {months[next_.month - 1]} {next_.year}" in page.text(), src
        reviewer = reviewers[meta["reviewed_by"]]
        assert f"{reviewer.name[lang]} ({reviewer.qualification[lang]})" in page.text(), src
        # While no doctor has reviewed a page, the page says so beside its dates.
        assert (not_physician in page.text()) is (not reviewer.physician), src
        # The dates come last in the article: after the text and the source list.
        assert html.index("data-review-dates") > html.index('class="md-content__inner')
        visible = page.first(lambda e: e.attrs.get("data-review") == "last").attrs["datetime"]
        [data] = [json.loads(text) for _, text in page.json_ld]
        assert data["@type"] == "MedicalWebPage" and data["@context"] == "https://schema.org"
        assert data["lastReviewed"] == visible == meta["last_reviewed"]
        assert data["inLanguage"] == lang == page.lang
        assert data["about"]["@type"] == "MedicalCondition" and data["about"]["name"] == "Restless legs syndrome"
        assert data["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
        assert data["reviewedBy"] == reviewer.structured_data(lang)
        assert data["url"] == page.canonical and data["name"] == meta["title"]
        cited = len(page.all(lambda e: e.tag == "li" and (e.attrs.get("id") or "").startswith("bron-") and e.attrs.get("value")))
        assert len(data.get("citation", [])) == cited, src
    if root != ROOT:  # the small site's home page cites three sources
        home = read_page((site / output_path("index.md" if lang == "nl" else "index.en.md", LANGUAGES)).read_text(encoding="utf-8"))
        assert len(json.loads(home.json_ld[0][1])["citation"]) == 3


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_page_has_the_disclaimer_but_no_review_dates_or_json_ld(built_site, prefix):
    """The search page is no health information (rls_site.search)."""
    _, site = built_site
    page = read_page((site / prefix / "zoeken" / "index.html").read_text(encoding="utf-8"))
    assert page.select("//*[@data-disclaimer]") and page.select("//form[@data-search]")
    assert not page.select("//*[@data-review-dates]") and page.json_ld == []


def test_404_has_the_disclaimer_but_no_review_dates_or_json_ld(built_site):
    _, site = built_site
    page = read_page((site / "404.html").read_text(encoding="utf-8"))
    assert page.first(lambda e: "data-disclaimer" in e.attrs) is not None
    assert page.first(lambda e: "data-review-dates" in e.attrs) is None and page.json_ld == []


def test_external_links_have_noopener_noreferrer_and_nothing_loads_from_another_site(built_site):
    root, site = built_site
    seen = 0
    for path in all_html(site):
        page = read_page(path.read_text(encoding="utf-8"))
        for link in page.links:
            if is_external(link.attrs["href"], "127.0.0.1:8000"):
                seen += 1
                assert {"noopener", "noreferrer"} <= set((link.attrs.get("rel") or "").split()), (path, link.attrs)
        assert check_external_resources(page, path.name) == [], path
    assert seen > 0  # every page has its edit link
    if root != ROOT:
        assert seen > 10  # the organisation on the about page, DOI and PubMed links, the edit links


def test_without_partners_no_page_has_a_partner_link_and_the_about_page_states_the_policy(built_site):
    root, site = built_site
    hosts = validate_partners(parse_yaml((root / "data" / "partners.yml").read_text(encoding="utf-8"), "data/partners.yml"))
    for path in all_html(site):
        html = path.read_text(encoding="utf-8")
        assert hosts or 'class="partner' not in html, path
    for src in ("over.md", "over.en.md"):
        about = read_page((site / output_path(src, LANGUAGES)).read_text(encoding="utf-8"))
        assert check_policy_page(about, src, src) == []


def test_the_command_passes_on_the_site(built_site):
    """`make check`, as an editor runs it: on the real site against the real clock."""
    root, site = built_site
    env = {key: value for key, value in os.environ.items() if key != "RLS_TODAY"}
    today = [] if root == ROOT else ["--today", FIXTURE_TODAY]
    command = subprocess.run(
        [sys.executable, "-m", "rls_site.checks", str(root / "docs"), str(site), *today],
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "RLS_MESSAGES": "en"},
    )
    assert command.returncode == 0, command.stdout + command.stderr
    assert "Publication checks passed" in command.stdout
