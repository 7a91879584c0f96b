"""Publication checks: disclaimer, partner links, review dates, translations, unsafe content, structured data.

Three layers: the pure functions on strings; a corpus of bad inputs, each a real build of a copy of
the site with one mistake (the build must fail, or pass with a notice where the rule only warns,
and the standalone command must report the same problems); and the good path on the real site.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, build, copy_project, pages, run_checks
from rls_site.checks.__main__ import format_problems
from rls_site.checks.built_page import NAVIGATION_PLACEHOLDER, line_in_page, read_page, without_navigation
from rls_site.checks.disclaimer import check_disclaimer, check_policy_page
from rls_site.checks.external_links import check_external_links, check_external_resources
from rls_site.checks.internal_links import check_internal_links, page_links
from rls_site.checks.partners import check_partner_html
from rls_site.checks.review_dates import ReviewDates, add_years, check_review_html, format_date, overdue_notice, read_review_dates
from rls_site.checks.run import Settings, SourcePage, check_and_read_page_html, check_site, output_path
from rls_site.checks.structured_data import check_structured_data, citation, medical_web_page
from rls_site.checks.translations import check_translations, split_language, stale_notices
from rls_site.checks.unsafe import check_unsafe
from rls_site.config import read_config
from rls_site.data.partners import validate_partners
from rls_site.data.project import ProjectData
from rls_site.data.reviewers import Reviewer, validate_reviewers
from rls_site.data.yaml_file import parse_yaml
from rls_site.errors import ContentError, ContentErrors
from rls_site.front_matter import read_front_matter
from rls_site.markdown.links import check_partner_markdown, find_links, is_partner_host
from rls_site.markdown.text import KNOWN_MARKERS, find_markers
from rls_site.today import parse_date
from rls_site.today import today as today_from
from rls_site.urls import host_of, is_external

TODAY = date(2026, 12, 3)
LANGUAGES = ["nl", "en"]
PARTNERS = "partners:\n  - host: shop.example\n    name: Voorbeeldwinkel\n"
NOTICE = "<!-- md:partner-notice -->"
PARTNER_LINK = "[Voorbeeldwinkel](https://www.shop.example/kussen){ .partner }"
LABELS = {
    "disclaimer": "De informatie op deze site is algemeen.",
    "partner_label": "partnerlink",
    "last_reviewed": "Laatst gecontroleerd",
    "next_review": "Volgende controle",
}


def page_source(body: str = "# Titel\n\nTekst.\n", **meta: str) -> str:
    fields = {
        "title": "Titel",
        "description": "Over iets.",
        "last_reviewed": "2026-11-25",
        "reviewed_by": "Medische redactie",
        "next_review": "2027-11-25",
        **meta,
    }
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def rules(errors: list[ContentError]) -> list[tuple[str, int | None]]:
    return [(error.rule, error.line) for error in errors]


# --- Front matter and review dates -----------------------------------------------------------


def test_front_matter_keeps_values_as_written_with_their_lines():
    meta = read_front_matter(page_source(last_reviewed="2026-13-01"), "docs/x.md")
    assert meta.text("last_reviewed") == "2026-13-01"  # not a parse error, not silently dropped
    assert meta.line("title") == 2 and meta.line("next_review") == 6
    assert meta.line("missing") == 1


@pytest.mark.parametrize("source, line", [("# Geen front matter\n", 1), ("---\ntitle: [open\n---\n", 3), ("---\n- a\n---\n", 2)])
def test_front_matter_missing_or_broken_is_an_error_with_its_line(source, line):
    with pytest.raises(ContentError) as caught:
        read_front_matter(source, "docs/x.md")
    assert (caught.value.rule, caught.value.line) == ("front-matter", line)
    with pytest.raises(ContentError):  # read again (a parsed block is reused): the same error
        read_front_matter(source, "docs/x.md")


def test_front_matter_read_twice_is_read_the_same_and_apart():
    first, again = read_front_matter(page_source(), "docs/x.md"), read_front_matter(page_source(), "docs/x.md")
    assert first == again and first.values is not again.values
    assert read_front_matter(page_source(), "docs/y.md").file == "docs/y.md"


def test_review_dates_read_from_front_matter():
    review, errors = read_review_dates(read_front_matter(page_source(), "docs/x.md"), TODAY)
    assert errors == []
    assert review == ReviewDates(date(2026, 11, 25), "Medische redactie", date(2027, 11, 25), True, 4, 6)


def test_next_review_left_out_is_one_year_after_last_review():
    review, errors = read_review_dates(read_front_matter(page_source(next_review=None), "docs/x.md"), TODAY)
    assert errors == [] and review.next_review == date(2027, 11, 25) and not review.next_review_given
    assert review.next_line == 4  # an overdue notice points at last_reviewed


@pytest.mark.parametrize(
    "meta, expected",
    [
        ({"last_reviewed": None}, [("review-date-missing", 1)]),
        ({"last_reviewed": '""'}, [("review-date-missing", 4)]),
        ({"last_reviewed": "2026-13-01"}, [("review-date-invalid", 4)]),
        ({"last_reviewed": "25-11-2026"}, [("review-date-invalid", 4)]),
        ({"next_review": "gisteren"}, [("review-date-invalid", 6)]),
        ({"reviewed_by": '""'}, [("reviewer-missing", 5)]),
        ({"reviewed_by": "[a, b]"}, [("reviewer-missing", 5)]),
        ({"last_reviewed": "2026-12-04", "next_review": "2027-01-01"}, [("review-date-future", 4)]),
        ({"next_review": "2026-11-25"}, [("review-order", 6)]),
        ({"next_review": "2027-11-26"}, [("review-interval", 6)]),
        (
            {"last_reviewed": "gisteren", "reviewed_by": None, "next_review": "morgen"},
            [("review-date-invalid", 4), ("reviewer-missing", 1), ("review-date-invalid", 5)],
        ),
    ],
)
def test_review_date_problems_are_all_reported(meta, expected):
    review, errors = read_review_dates(read_front_matter(page_source(**meta), "docs/x.md"), TODAY)
    assert review is None
    assert rules(errors) == expected
    assert all(error.fix for error in errors)


def test_the_reviewer_must_be_an_entry_of_the_reviewers_file():
    meta = read_front_matter(page_source(reviewed_by="redaktie"), "docs/x.md")
    review, errors = read_review_dates(meta, TODAY, ["redactie", "huisarts-jansen"])
    assert review is None and rules(errors) == [("reviewer-unknown", 5)]
    assert "did you mean 'redactie'?" in errors[0].fix and "data/reviewers.yml" in errors[0].fix
    review, errors = read_review_dates(read_front_matter(page_source(reviewed_by="redactie"), "docs/x.md"), TODAY, ["redactie"])
    assert errors == [] and review.reviewed_by == "redactie"


def test_today_is_the_editors_date_unless_set(monkeypatch):
    monkeypatch.delenv("RLS_TODAY", raising=False)
    assert today_from() == datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    assert today_from("2030-01-01") == date(2030, 1, 1)
    monkeypatch.setenv("RLS_TODAY", "2031-02-03")
    assert today_from() == date(2031, 2, 3)
    monkeypatch.setenv("RLS_TODAY", "morgen")
    with pytest.raises(ContentError, match=r"\[today-invalid\]"):
        today_from()


def test_dates_must_exist_in_the_calendar_and_years_keep_leap_days_sensible():
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    assert parse_date("2026-02-29") is None and parse_date("2026-1-5") is None and parse_date(None) is None
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_overdue_is_a_notice_naming_the_due_date():
    review, _ = read_review_dates(read_front_matter(page_source(), "docs/x.md"), TODAY)
    assert overdue_notice(review, "docs/x.md", date(2027, 11, 25)) is None
    notice = overdue_notice(review, "docs/x.md", date(2027, 11, 27))
    assert (notice.rule, notice.line) == ("review-overdue", 6)
    assert "OVERDUE" in notice.problem and "2027-11-25 (2 days ago)" in notice.problem


def test_review_dates_are_shown_as_day_month_year():
    assert format_date(date(2026, 11, 5), ["m"] * 10 + ["november", "december"]) == "5 november 2026"


# --- Translations ----------------------------------------------------------------------------


def test_language_of_a_source_file():
    assert split_language("symptomen.en.md", LANGUAGES) == ("symptomen.md", "en")
    assert split_language("symptomen.md", LANGUAGES) == ("symptomen.md", "nl")
    assert split_language("a/index.en.md", LANGUAGES) == ("a/index.md", "en")


def test_a_page_in_one_language_names_the_missing_file():
    errors = check_translations(["a.md", "a.en.md", "b.md", "c.en.md"], LANGUAGES)
    assert [(e.file, e.rule) for e in errors] == [("docs/b.md", "translation-missing"), ("docs/c.en.md", "translation-missing")]
    assert "docs/b.en.md does not exist" in errors[0].problem
    assert "docs/c.md does not exist" in errors[1].problem


def test_translation_reviewed_before_its_original_is_possibly_stale():
    def review(day):
        return ReviewDates(day, "r", add_years(day, 1), True, 4, 6)

    notices = stale_notices(
        {
            "a.md": review(date(2026, 11, 25)),
            "a.en.md": review(date(2026, 11, 1)),
            "b.md": review(date(2026, 1, 1)),
            "b.en.md": review(date(2026, 2, 1)),
        },
        LANGUAGES,
    )
    assert [(n.file, n.rule, n.line) for n in notices] == [("docs/a.en.md", "translation-possibly-stale", 4)]
    assert "docs/a.md (2026-11-25)" in notices[0].problem


# --- Unsafe content --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown, rule, line",
    [
        ("Tekst\n\n<script>alert(1)</script>\n", "unsafe-html", 12),
        ("<SCRIPT src='x.js'></SCRIPT>\n", "unsafe-html", 10),
        ('<iframe src="https://video.example/x"></iframe>\n', "unsafe-html", 10),
        ('<object data="x.swf"></object>\n', "unsafe-html", 10),
        ('<embed src="x.swf">\n', "unsafe-html", 10),
        ('<span onclick="steel()">klik</span>\n', "unsafe-event-handler", 10),
        ('<img src="x.png"\n  onerror="steel()">\n', "unsafe-event-handler", 11),
        ('[klik](https://example.org){ onmouseover="steel()" }\n', "unsafe-event-handler", 10),
        ("[klik](javascript:alert(1))\n", "unsafe-javascript-url", 10),
        ("[klik]( JavaScript:alert(1) )\n", "unsafe-javascript-url", 10),
        ("[klik][x]\n\n[x]: javascript:alert(1)\n", "unsafe-javascript-url", 12),
        ('<a href="javascript:alert(1)">klik</a>\n', "unsafe-javascript-url", 10),
        ("<java\tscript:alert(1)>\n", "unsafe-javascript-url", 10),
    ],
)
def test_unsafe_content_is_found_with_its_line(markdown, rule, line):
    errors = check_unsafe(markdown, "docs/x.md", first_line=10)
    assert rules(errors) == [(rule, line)]


def test_unsafe_content_reports_the_line_of_each_problem():
    markdown = "# T\n\n<script>x()</script>\n\n[a](javascript:x())\n\n<b onclick='x()'>b</b>\n"
    assert rules(check_unsafe(markdown, "docs/x.md")) == [("unsafe-html", 3), ("unsafe-event-handler", 7), ("unsafe-javascript-url", 5)]


@pytest.mark.parametrize(
    "markdown",
    [
        "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```\n",
        "Schrijf nooit `<script>` of `onclick=` in een pagina.\n",
        "<!-- <script>alert(1)</script> -->\n",
        "Zet JavaScript: aan in je browser. Bewegen online=goed.\n",
        "[Afbeelding](plaatje.png){ .groot #online }\n",
        '<span data-onclick="x">tekst</span>\n',
    ],
)
def test_code_comments_and_prose_are_not_unsafe(markdown):
    assert check_unsafe(markdown, "docs/x.md") == []


# --- Partner links in Markdown ---------------------------------------------------------------


def partner_problems(markdown: str, hosts=("shop.example",)) -> list[tuple[str, int | None]]:
    return rules(check_partner_markdown(markdown, "docs/x.md", list(hosts), find_markers(markdown, "docs/x.md")))


def test_partner_hosts_include_subdomains_only():
    assert host_of("https://WWW.Shop.Example/x?y") == "www.shop.example"
    assert host_of("//shop.example/x") == "shop.example"
    assert host_of("zelf-doen.md") is None and host_of("mailto:a@shop.example") is None
    assert is_partner_host("www.shop.example", ["shop.example"])
    assert not is_partner_host("notshop.example", ["shop.example"]) and not is_partner_host(None, ["shop.example"])


def host_by_urlsplit(url: str) -> str | None:
    """host_of without its shortcut for URLs that cannot have a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return None
    return (parts.hostname or "").lower() or None


@pytest.mark.parametrize(
    "url", ["../oorzaken/", "/\t/shop.example/x", "ht\ntps://a.example", " //a.example", "https:/a.example", "http://[::1", "#x", ""]
)
def test_host_of_skips_parsing_only_urls_without_a_host(url):
    assert host_of(url) == host_by_urlsplit(url)


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("/:.ahtps\t\n\r x[]@%?#"), max_size=16))
def test_host_of_agrees_with_urlsplit_on_any_text(url):
    assert host_of(url) == host_by_urlsplit(url)


def test_links_are_found_in_every_form_with_their_mark():
    markdown = '[a](https://a.example){ .partner }\n[b](https://b.example "titel"){: .partner #id}\n[c][r]\n\n[r]: https://c.example\n<https://d.example>\n<a href="https://e.example">e</a>\n![plaatje](https://f.example/p.png)\n`[g](https://g.example)`\n'
    found = [(link.host, link.line, link.marked, link.inline) for link in find_links(markdown)]
    assert found == [
        ("a.example", 1, True, True),
        ("b.example", 2, True, True),
        ("c.example", 5, False, False),
        ("d.example", 6, False, False),
        ("e.example", 7, False, False),
    ]


def test_a_marked_partner_link_after_the_notice_passes():
    assert partner_problems(f"{NOTICE}\n\nKoop het bij {PARTNER_LINK}.\n") == []
    assert partner_problems(f"{NOTICE}\n\nKoop het bij [een\nwinkel](https://shop.example/x){{ .partner }}.\n") == []


def test_link_text_wraps_lines_but_not_paragraphs():
    assert [link.line for link in find_links("Tekst [een\nwinkel](https://a.example/x)\n")] == [1]
    assert find_links("[een\n\nwinkel](https://a.example/x)\n") == []


@pytest.mark.parametrize(
    "markdown, expected",
    [
        (f"{NOTICE}\n\nKoop bij [winkel](https://shop.example/x).\n", [("partner-link-unmarked", 3)]),
        (f"{NOTICE}\n\n[winkel][w]\n\n[w]: https://shop.example/x\n", [("partner-link-unmarked", 5)]),
        (f'{NOTICE}\n\n<a href="https://shop.example/x" class="partner">w</a>\n', [("partner-link-unmarked", 3)]),
        (f"{NOTICE}\n\n[andere](https://other.example/x){{ .partner }}\n", [("partner-link-unknown", 3)]),
        (f"Koop bij {PARTNER_LINK}.\n", [("partner-notice-missing", 1)]),
        (f"Koop bij {PARTNER_LINK}.\n\n{NOTICE}\n", [("partner-notice-late", 3)]),
        (f"{NOTICE}\n\nGeen partnerlinks hier.\n", [("partner-notice-unused", 1)]),
        (f"{NOTICE}\n{NOTICE}\n\n{PARTNER_LINK}\n", [("partner-notice-marker", 2)]),
        ("<!-- md:partner-notice boven -->\n\n" + PARTNER_LINK + "\n", [("partner-notice-marker", 1)]),
        (f"- {NOTICE}\n\n{PARTNER_LINK}\n", [("partner-notice-marker", 1)]),
        (f"    {NOTICE}\n\n{PARTNER_LINK}\n", [("partner-notice-marker", 1)]),
        (f"Tekst {NOTICE} tekst\n\n{PARTNER_LINK}\n", [("partner-notice-marker", 1)]),
    ],
)
def test_partner_link_mistakes(markdown, expected):
    assert partner_problems(markdown) == expected


def test_without_partners_a_marked_link_is_still_unknown():
    assert partner_problems(f"{NOTICE}\n\n{PARTNER_LINK}\n", hosts=()) == [("partner-link-unknown", 3)]
    assert partner_problems("[winkel](https://shop.example/x)\n", hosts=()) == []


def test_partner_links_in_code_do_not_count():
    assert partner_problems(f"```\n{PARTNER_LINK}\n```\n") == []


def test_the_notice_marker_is_known():
    assert "partner-notice" in KNOWN_MARKERS


def test_partners_file_lists_hosts():
    assert validate_partners(parse_yaml("partners: []\n", "data/partners.yml")) == []
    assert validate_partners(parse_yaml("partners:\n  - host: Shop.example\n    name: Winkel\n", "data/partners.yml")) == ["shop.example"]


@pytest.mark.parametrize(
    "text, line",
    [
        ("partners:\n  - host: https://shop.example/\n    name: Winkel\n", 2),
        ("partners:\n  - host: shop.example\n", 2),
        ("partners:\n  - shop.example\n", 2),
        ("partners:\n  - {host: a.example, name: A}\n  - {host: a.example, name: B}\n", 3),
        ("partner: []\n", 1),
        ("partners:\n", 1),
    ],
)
def test_partners_file_mistakes(text, line):
    with pytest.raises((ContentError, ContentErrors)) as caught:
        validate_partners(parse_yaml(text, "data/partners.yml"))
    assert rules(getattr(caught.value, "errors", [caught.value])) == [("partners-data", line)]


# --- The built HTML --------------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="nl">
<head><link rel="canonical" href="https://rls.example/a/">
<script type="application/ld+json">{json}</script></head>
<body>
{body}
<p>De informatie op deze   site is algemeen.</p>
</body></html>
"""


def built(body: str = "", json_ld: dict | str | None = None) -> str:
    data = json_ld if isinstance(json_ld, str) else json.dumps(json_ld or {})
    return PAGE.replace("{json}", data).replace("{body}", body)


# The checks read a built page with lxml (rls_site.checks.built_page).
READERS = [pytest.param(read_page, id="lxml")]


def test_a_built_page_is_read_as_a_browser_reads_it():
    page = read_page(built('<a href="https://x.example/" HREF="https://y.example/">x &amp; y</a><p id="z">Tekst</p>', {"a": 1}))
    assert page.lang == "nl" and page.canonical == "https://rls.example/a/"
    assert [link.attrs["href"] for link in page.links] == ["https://x.example/"]  # a repeated attribute keeps its first value
    assert page.text_of(page.links[0]) == "x & y" and page.links[0].line == 6
    assert json.loads(page.json_ld[0][1]) == {"a": 1} and page.json_ld[0][0] == 4
    assert page.shows("x & y Tekst De informatie op deze site is algemeen.") and not page.shows('"a": 1')


def test_nothing_on_a_page_loads_from_another_site():
    body = (
        '<img src="https://img.example/a.png"><img srcset="/a.png 1x, //cdn.example/b.png 2x">'
        '<link rel="stylesheet" href="https://fonts.example/c.css"><link rel="alternate" href="https://rls.example/en/">'
        '<video poster="https://v.example/p.jpg"></video><form action="https://f.example/send"></form>'
        '<p style="background: url(&quot;https://bg.example/x.png&quot;)">t</p><style>@import "https://s.example/d.css";</style>'
        '<a href="https://elsewhere.example/" rel="noopener noreferrer">a link is not a load</a><img src="/assets/own.png">'
        '<meta http-equiv="refresh" content="0; url=https://r.example/">'
    )
    found = [(e.rule, e.problem.split(" loads")[0]) for e in check_external_resources(read_page(built(body)), "site/a/index.html")]
    assert found == [
        ("external-resource", "<img src=...>"),
        ("external-resource", "<img srcset=...>"),
        ("external-resource", "<link href=...>"),
        ("external-resource", "<video poster=...>"),
        ("external-resource", "<form action=...>"),
        ("external-resource", "CSS in <p>"),
        ("external-resource", "CSS in <style>"),
        ("external-resource", "<meta content=...>"),
    ]


def test_external_links_must_have_noopener_noreferrer():
    html = built(
        '<a href="https://x.example/" class="k" rel="nofollow noopener noreferrer">x</a> <a href="../b/">b</a> <a href="https://rls.example/c/">c</a>'
        ' <a href="https://y.example/">y</a>'
    )
    assert rules(check_external_links(read_page(html), "site/a/index.html")) == [("external-link-rel", 6)]


def test_a_page_without_canonical_link_treats_every_absolute_link_as_external():
    assert is_external("https://rls.example/", None) and not is_external("/en/", None)


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            '<div class="partner-notice">n</div><a href="https://shop.example/k" rel="noopener noreferrer">W</a> (partnerlink)',
            ["partner-link-unmarked"],
        ),
        (
            '<div class="partner-notice">n</div><a class="partner" href="https://other.example/k" rel="sponsored noopener noreferrer">W</a> (partnerlink)',
            ["partner-link-unknown"],
        ),
        (
            '<div class="partner-notice">n</div><a class="partner" href="https://shop.example/k" rel="noopener">W</a> (partnerlink)',
            ["partner-link-rel"],
        ),
        (
            '<div class="partner-notice">n</div><a class="partner" href="https://shop.example/k" rel="sponsored noopener noreferrer">W</a> en meer tekst',
            ["partner-link-label"],
        ),
        (
            '<a class="partner" href="https://shop.example/k" rel="sponsored noopener noreferrer">W</a> (partnerlink)<div class="partner-notice">n</div>',
            ["partner-notice-missing"],
        ),
        ('<div class="partner-notice">n</div>', ["partner-notice-unused"]),
    ],
)
@pytest.mark.parametrize("read", READERS)
def test_partner_link_mistakes_in_built_html(body, expected, read):
    errors = check_partner_html(read(built(body)), "site/a/index.html", ["shop.example"], "partnerlink")
    assert [e.rule for e in errors] == expected and errors[0].line == 6


@pytest.mark.parametrize("read", READERS)
def test_disclaimer_must_be_on_the_page_in_its_language(read):
    assert check_disclaimer(read(built()), "site/a/index.html", "De informatie op deze site is algemeen.") == []
    errors = check_disclaimer(read(built().replace("algemeen", "anders")), "site/404.html", "De informatie op deze site is algemeen.")
    assert [(e.file, e.rule) for e in errors] == [("site/404.html", "disclaimer-missing")]


def test_about_page_keeps_the_sections_every_page_links_to():
    assert (
        check_policy_page(
            read_page(built('<h2 id="disclaimer">D</h2><h2 id="partnerlinks">P</h2><h2 id="bewijs">B</h2>')),
            "site/over/index.html",
            "docs/over.md",
        )
        == []
    )
    errors = check_policy_page(
        read_page(built('<h2 id="disclaimer">D</h2><h2 id="partner-links">P</h2><h2 id="bewijs">B</h2>')),
        "site/over/index.html",
        "docs/over.md",
    )
    assert [e.rule for e in errors] == ["policy-page"] and "partnerlinks" in errors[0].problem


REVIEW = ReviewDates(date(2026, 11, 25), "redactie", date(2027, 11, 25), True, 4, 6)
REVIEWER = Reviewer("redactie", "organization", False, {"nl": "Redactie", "en": "Editors"}, {"nl": "geen artsen", "en": "not doctors"})
DATES = 'Laatst gecontroleerd: <time datetime="2026-11-25" data-review="last">25 november 2026</time> Volgende controle: <time datetime="2027-11-25" data-review="next">25 november 2027</time>'


@pytest.mark.parametrize("read", READERS)
def test_review_dates_must_be_shown_as_in_the_front_matter(read):
    assert check_review_html(read(built(DATES)), "site/a/index.html", REVIEW, LABELS, "docs/a.md") == []
    assert [e.rule for e in check_review_html(read(built()), "site/a/index.html", REVIEW, LABELS, "docs/a.md")] == ["review-dates-missing"]
    stale = check_review_html(read(built(DATES.replace('"2026-11-25"', '"2026-01-01"'))), "site/a/index.html", REVIEW, LABELS, "docs/a.md")
    assert [e.rule for e in stale] == ["review-dates-shown"] and "docs/a.md says 2026-11-25" in stale[0].problem


@pytest.mark.parametrize("read", READERS)
def test_structured_data_is_a_medical_web_page_for_patients(read):
    data = medical_web_page(
        title="Titel",
        description="Over iets.",
        url="https://rls.example/a/",
        lang="nl",
        review=REVIEW,
        reviewer=REVIEWER.structured_data("nl"),
        sources=[{"id": "a", "type": "article-journal", "title": "T", "issued": {"date-parts": [[2024, 5]]}, "DOI": "10.1/x"}],
    )
    assert data["@type"] == "MedicalWebPage" and data["lastReviewed"] == "2026-11-25" and data["inLanguage"] == "nl"
    assert data["about"]["@type"] == "MedicalCondition" and data["medicalAudience"]["audienceType"] == "Patient"
    assert data["reviewedBy"] == {"@type": "Organization", "name": "Redactie", "description": "geen artsen"}
    assert data["citation"] == [{"@type": "ScholarlyArticle", "name": "T", "datePublished": "2024", "url": "https://doi.org/10.1/x"}]
    assert "citation" not in medical_web_page(
        title="T", description=None, url=None, lang="nl", review=REVIEW, reviewer=REVIEWER.structured_data("nl"), sources=[]
    )
    assert citation({"type": "webpage", "title": "W", "URL": "https://w.example"}) == {
        "@type": "CreativeWork",
        "name": "W",
        "url": "https://w.example",
    }
    assert check_structured_data(read(built(DATES, data)), "site/a/index.html", 1, "docs/a.md") == []


@pytest.mark.parametrize(
    "change, rule",
    [
        (lambda d: "{niet: json", "structured-data-invalid"),
        (lambda d: {**d, "@type": "WebPage"}, "structured-data-missing"),
        (lambda d: {**d, "inLanguage": "en"}, "structured-data-field"),
        (lambda d: {k: v for k, v in d.items() if k != "medicalAudience"}, "structured-data-field"),
        (lambda d: {**d, "about": {"@type": "Thing"}}, "structured-data-field"),
        (lambda d: {**d, "url": "https://rls.example/b/"}, "structured-data-field"),
        (lambda d: {**d, "citation": []}, "structured-data-field"),
        (lambda d: {**d, "lastReviewed": "2026-01-01"}, "structured-data-date"),
    ],
)
@pytest.mark.parametrize("read", READERS)
def test_structured_data_mistakes(change, rule, read):
    data = medical_web_page(
        title="T",
        description=None,
        url="https://rls.example/a/",
        lang="nl",
        review=REVIEW,
        reviewer=REVIEWER.structured_data("nl"),
        sources=[{"title": "S"}],
    )
    errors = check_structured_data(read(built(DATES, change(data))), "site/a/index.html", 1, "docs/a.md")
    assert [e.rule for e in errors] == [rule]


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
    one = ContentError("docs/a.md", "front-matter", "p.", "f.", 3)
    assert format_problems([one]) == "docs/a.md:3: [front-matter] p.\n    How to fix: f."
    assert format_problems([one, ContentError("docs/b.md", "unsafe-html", "q.", "g.")]).startswith(
        "2 problems found:\ndocs/a.md:3: [front-matter]"
    )
    # A message without a fix of its own gets the rule's, from the one table; an unknown rule is a bug.
    assert ContentError("docs/a.md", "review-overdue", "p.").fix == "review the page, then update last_reviewed and next_review."
    with pytest.raises(ValueError):
        ContentError("docs/a.md", "no-such-rule", "p.")


# --- Bad inputs: real builds of a copy of the site with one mistake -------------------------


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(project: Path, path: str, text: str) -> int:
    """Append `text` to a page; returns the line number its first line gets."""
    file = project / path
    old = file.read_text(encoding="utf-8")
    if not old.endswith("\n"):
        old += "\n"
    file.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def line_of(project: Path, path: str, line: str, last: bool = False) -> int:
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    return len(lines) - lines[::-1].index(line) if last else lines.index(line) + 1


def line_of_start(project: Path, path: str, start: str) -> int:
    """The first line that starts with `start`."""
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


def with_partners(project: Path) -> None:
    (project / "data" / "partners.yml").write_text(PARTNERS, encoding="utf-8")


def override(project: Path, template: str, text: str) -> None:
    (project / "overrides" / template).write_text(text, encoding="utf-8")


FOOTER_WITHOUT_DISCLAIMER = '{% extends "base.html" %}\n{% block footer %}{{ super() }}{% endblock %}\n'
JSON_LD_WITH = '<script type="application/ld+json">{{{{ dict(publication.structured_data, {}) | tojson }}}}</script>'
# Each case makes one mistake in a copy of the site and returns the rule and the location the
# message must name: file and line, or a built file, whose line depends on the theme's templates.
CASES = {}


def case(function):
    CASES[function.__name__.removeprefix("bad_").replace("_", "-")] = function
    return function


@case
def bad_front_matter(p):
    edit(p, "docs/oorzaken.md", "---\ntitle:", "title:")
    return "front-matter", "docs/oorzaken.md:1"


@case
def bad_review_date_missing(p):
    edit(p, "docs/symptomen.md", "last_reviewed: 2026-12-03\n", "")
    return "review-date-missing", "docs/symptomen.md:1"


@case
def bad_review_date_impossible(p):
    edit(p, "docs/symptomen.md", "last_reviewed: 2026-12-03", "last_reviewed: 2026-13-01")
    return "review-date-invalid", "docs/symptomen.md:4"


@case
def bad_review_date_in_words(p):
    edit(p, "docs/symptomen.en.md", "next_review: 2027-12-03", "next_review: gisteren")
    return "review-date-invalid", "docs/symptomen.en.md:6"


@case
def bad_reviewer_missing(p):
    edit(p, "docs/behandeling.md", "reviewed_by: redactie", "reviewed_by:")
    return "reviewer-missing", "docs/behandeling.md:5"


@case
def bad_review_date_future(p):
    edit(p, "docs/index.md", "last_reviewed: 2026-12-03", "last_reviewed: 2026-12-04")
    return "review-date-future", "docs/index.md:4"


@case
def bad_review_order(p):
    edit(p, "docs/index.en.md", "next_review: 2027-12-03", "next_review: 2026-11-01")
    return "review-order", "docs/index.en.md:6"


@case
def bad_review_interval(p):
    edit(p, "docs/over.md", "next_review: 2027-12-03", "next_review: 2028-06-01")
    return "review-interval", "docs/over.md:6"


@case
def bad_translation_missing(p):
    (p / "docs" / "zelf-doen.en.md").unlink()
    return "translation-missing", "docs/zelf-doen.md"


@case
def bad_translation_without_original(p):
    (p / "docs" / "extra.en.md").write_text(page_source(), encoding="utf-8")
    return "translation-missing", "docs/extra.en.md"


@case
def bad_unsafe_script(p):
    return "unsafe-html", f"docs/zelf-doen.md:{append(p, 'docs/zelf-doen.md', '<script>alert(1)</script>')}"


@case
def bad_unsafe_iframe(p):
    line = append(p, "docs/oorzaken.en.md", 'Video:\n\n<iframe src="https://video.example/x"></iframe>') + 2
    return "unsafe-html", f"docs/oorzaken.en.md:{line}"


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
    return "unknown-marker", f"docs/behandeling.en.md:{append(p, 'docs/behandeling.en.md', '<!-- md:partner-notise -->')}"


@case
def bad_partner_link_unmarked(p):
    with_partners(p)
    line = append(p, "docs/zelf-doen.md", f"{NOTICE}\n\nKoop bij [winkel](https://shop.example/x).") + 2
    return "partner-link-unmarked", f"docs/zelf-doen.md:{line}"


@case
def bad_partner_link_unknown(p):
    with_partners(p)
    line = append(p, "docs/zelf-doen.md", f"{NOTICE}\n\n[Andere winkel](https://other.example/x){{ .partner }}") + 2
    return "partner-link-unknown", f"docs/zelf-doen.md:{line}"


@case
def bad_partner_notice_missing(p):
    with_partners(p)
    return "partner-notice-missing", f"docs/zelf-doen.en.md:{append(p, 'docs/zelf-doen.en.md', 'Buy it at ' + PARTNER_LINK)}"


@case
def bad_partner_notice_late(p):
    with_partners(p)
    line = append(p, "docs/zelf-doen.md", f"{PARTNER_LINK}\n\n{NOTICE}") + 2
    return "partner-notice-late", f"docs/zelf-doen.md:{line}"


@case
def bad_partner_notice_unused(p):
    return "partner-notice-unused", f"docs/over.md:{append(p, 'docs/over.md', NOTICE)}"


@case
def bad_partner_notice_twice(p):
    with_partners(p)
    line = append(p, "docs/zelf-doen.md", f"{NOTICE}\n{NOTICE}\n\n{PARTNER_LINK}") + 1
    return "partner-notice-marker", f"docs/zelf-doen.md:{line}"


@case
def bad_partners_data(p):
    (p / "data" / "partners.yml").write_text("partners:\n  - host: https://shop.example/\n    name: Winkel\n", encoding="utf-8")
    return "partners-data", "data/partners.yml:2"


@case
def bad_evidence_level_unknown(p):
    edit(
        p,
        "docs/behandeling.md",
        "<!-- md:evidence weak --> Het was één klein onderzoek",
        "<!-- md:evidence zwak --> Het was één klein onderzoek",
    )
    return "evidence-level-unknown", f"docs/behandeling.md:{line_of_start(p, 'docs/behandeling.md', '<!-- md:evidence zwak -->')}"


@case
def bad_evidence_level_missing(p):
    line = append(p, "docs/zelf-doen.en.md", "<!-- md:evidence --> No study has looked at this.")
    return "evidence-level-missing", f"docs/zelf-doen.en.md:{line}"


@case
def bad_evidence_data(p):
    edit(p, "data/evidence.yml", "      en: No effect found\n", "")
    return "evidence-data", f"data/evidence.yml:{line_of(p, 'data/evidence.yml', '    name:', last=True)}"


@case
def bad_component_structure(p):
    edit(p, "docs/zelf-doen.md", "<!-- md:end -->\n\n## Wanneer naar de huisarts?", "## Wanneer naar de huisarts?")
    return "component-structure", f"docs/zelf-doen.md:{line_of(p, 'docs/zelf-doen.md', '<!-- md:care appointment -->')}"


@case
def bad_component_empty(p):
    line = append(p, "docs/oorzaken.en.md", "<!-- md:care appointment -->\n\nSee your GP.\n\n<!-- md:end -->")
    return "component-empty", f"docs/oorzaken.en.md:{line}"


@case
def bad_care_level_missing(p):
    edit(p, "docs/index.en.md", "<!-- md:care appointment -->", "<!-- md:care -->")
    return "care-level-missing", f"docs/index.en.md:{line_of(p, 'docs/index.en.md', '<!-- md:care -->')}"


@case
def bad_care_level_unknown(p):
    edit(p, "docs/zelf-doen.md", "<!-- md:care appointment -->", "<!-- md:care afspraak -->")
    return "care-level-unknown", f"docs/zelf-doen.md:{line_of(p, 'docs/zelf-doen.md', '<!-- md:care afspraak -->')}"


@case
def bad_do_dont_negation(p):
    edit(p, "docs/zelf-doen.md", "- Doe geen zware inspanning laat op de avond.", "- Zware inspanning laat op de avond.")
    return "do-dont-negation", f"docs/zelf-doen.md:{line_of(p, 'docs/zelf-doen.md', '- Zware inspanning laat op de avond.')}"


@case
def bad_summary_place(p):
    line = append(p, "docs/behandeling.md", "<!-- md:summary -->\n\n- Nog een samenvatting.\n\n<!-- md:end -->")
    return "summary-place", f"docs/behandeling.md:{line}"


@case
def bad_components_data(p):
    edit(p, "data/components.yml", '      en: "Not urgent:"\n', "")
    return "components-data", f"data/components.yml:{line_of(p, 'data/components.yml', '    hidden:', last=True)}"


@case
def bad_link_broken(p):
    line = append(p, "docs/oorzaken.md", 'Zie ook <a href="#bestaat-niet">dit stuk</a>.')
    return "link-broken", f"docs/oorzaken.md:{line}"


@case
def bad_reviewer_unknown(p):
    edit(p, "docs/oorzaken.en.md", "reviewed_by: redactie", "reviewed_by: Medical editorial team")
    return "reviewer-unknown", "docs/oorzaken.en.md:5"


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
    return "structured-data-missing", "site/oorzaken/index.html"


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
    append(p, "docs/zelf-doen.md", f"{NOTICE}\n\n{PARTNER_LINK}")
    return "partner-link-label", "site/zelf-doen/index.html"


@case
def bad_partner_notice_dropped_by_template(p):
    with_partners(p)
    override(p, "partials/partner-notice.html", "")
    append(p, "docs/zelf-doen.md", f"{NOTICE}\n\n{PARTNER_LINK}")
    return "partner-notice-missing", "site/zelf-doen/index.html"


@case
def bad_external_link_rel(p):
    (p / "docs" / "assets" / "kaart.html").write_text(
        '<html lang="nl"><body>\n<a href="https://kaart.example/">Kaart</a>\n</body></html>\n', encoding="utf-8"
    )
    return "external-link-rel", "site/assets/kaart.html:2"


@case
def bad_page_not_utf8(p):
    path = p / "docs" / "oorzaken.md"
    text = path.read_text(encoding="utf-8").replace("kunnen samenhangen met de zaken", "kunnen samenhangen met de zaken (ëërst)", 1)
    path.write_bytes(text.encode("cp1252"))  # an editor's Windows-1252 'ë'
    # The first character that is not UTF-8: the 'ë' of 'erytropoëtine' further down does not count, it comes later.
    first = next(number for number, line in enumerate(text.splitlines(), start=1) if any(ord(c) > 127 for c in line))
    return "not-utf8", f"docs/oorzaken.md:{first}"


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
    line = append(p, "docs/zelf-doen.md", "Een plaatje: ![kussen][foto]\n\n[foto]: https://images.example/kussen.jpg")
    return "external-resource", f"docs/zelf-doen.md:{line + 2}"


@case
def bad_citation_unknown_key(p):
    edit(p, "docs/behandeling.md", "[@aukerman2006]", "[@aukermann2006]")
    return "citation-unknown-key", f"docs/behandeling.md:{line_of_start(p, 'docs/behandeling.md', 'Sport en beweeg je vaak?')}"


@case
def bad_citation_unclosed(p):
    line = append(p, "docs/symptomen.en.md", "A claim [@ohayon2012 without its bracket.")
    return "citation-unclosed", f"docs/symptomen.en.md:{line}"


@case
def bad_citation_syntax(p):
    line = append(p, "docs/index.md", "Een bewering [ohayon2012; @gupta2016].\n\nNog een [@ohayon2012; gupta2016].")
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
    edit(
        p,
        "data/sources.yml",
        "  - id: wali2019\n    type: article-journal\n    title:",
        "  - id: wali2015\n    type: article-journal\n    title:",
    )
    return "sources-duplicate", "data/sources.yml"


@case
def bad_sources_title(p):
    edit(p, "data/sources.yml", '    title: "Iron and the restless legs syndrome"\n', "")
    return "sources-title", "data/sources.yml"


@case
def bad_sources_year(p):
    edit(p, "data/sources.yml", "    issued: {date-parts: [[2023]]}\n", "")
    return "sources-year", "data/sources.yml"


@case
def bad_sources_id(p):
    edit(p, "data/sources.yml", "  - id: knake2010\n", "  - id: knake 2010\n")
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
    """Build the copy, then run the standalone command over its docs/ and site/."""
    result = build(project, env)
    command = run_checks(project, env)
    return Checked(result.output, result.ok, command.stdout + command.stderr, command.returncode)


# Every rule a bad input in the corpus breaks (tests/test_layout.py holds it to the rules table).
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


def test_the_corpus_has_a_bad_input_for_every_failing_rule(tmp_path):
    failing = {CASES[name](copy_project(tmp_path / name))[0] for name in CASES}
    assert len(CASES) >= 20
    assert failing == EXPECTED_FAILING_RULES


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_the_build_with_file_line_rule_and_fix(project, case):
    rule, location = CASES[case](project)
    checked = build_and_check(project, {"RLS_TODAY": TODAY.isoformat()})
    assert not checked.build_ok, checked.build_output
    # Built pages are named without a line when their line depends on the theme's templates.
    assert re.search(rf"(?m)(^|\s){re.escape(location)}(:\d+)?: \[{rule}\] ", checked.build_output), checked.build_output
    assert "How to fix:" in checked.build_output
    assert "Traceback" not in checked.build_output
    # The standalone command over docs/ and site/ reports exactly the same problems.
    assert checked.command_code == 1, checked.command_output
    assert problems(checked.command_output) == problems(checked.build_output), checked.command_output


def test_search_index_that_cannot_be_written_stops_the_build_with_the_fix(project):
    """Pagefind missing or failing (a broken .venv): the build names the step and the fix."""
    fake = project / "fake-packages" / "pagefind_bin"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "from pathlib import Path\n\ndef get_executable():\n    return Path(__file__).with_name('pagefind')\n", encoding="utf-8"
    )
    (fake / "pagefind").write_text("#!/bin/sh\necho 'Error: cannot write index'\nexit 1\n", encoding="utf-8")
    (fake / "pagefind").chmod(0o755)
    result = build(project, {"PYTHONPATH": f"{project / 'fake-packages'}:{project / 'hooks'}"})
    assert not result.ok
    assert "site/pagefind: [search-index] Pagefind did not index the site: Error: cannot write index" in result.output
    assert "How to fix: build again; if it fails again, reinstall the packages: make clean build." in result.output
    assert "Traceback" not in result.output


def test_all_problems_of_a_build_are_reported_together(project):
    edit(project, "docs/symptomen.md", "last_reviewed: 2026-12-03", "last_reviewed: 2026-13-01")
    edit(project, "docs/symptomen.md", "reviewed_by: redactie", "reviewed_by:")
    script_line = append(project, "docs/index.en.md", "<script>alert(1)</script>")
    (project / "docs" / "oorzaken.en.md").unlink()
    checked = build_and_check(project, {"RLS_TODAY": TODAY.isoformat()})
    assert not checked.build_ok
    assert "4 problems found:" in checked.build_output
    assert problems(checked.build_output) == {
        ("docs/symptomen.md:4", "review-date-invalid"),
        ("docs/symptomen.md:5", "reviewer-missing"),
        (f"docs/index.en.md:{script_line}", "unsafe-html"),
        ("docs/oorzaken.md", "translation-missing"),
    }
    assert problems(checked.command_output) == problems(checked.build_output)


def test_the_command_finds_a_site_older_than_its_sources(project):
    result = build(project, {"RLS_TODAY": TODAY.isoformat()})
    assert result.ok, result.output
    edit(project, "docs/oorzaken.md", "last_reviewed: 2026-12-03", "last_reviewed: 2026-11-20")
    edit(project, "docs/oorzaken.md", "next_review: 2027-12-03", "next_review: 2027-11-20")
    command = run_checks(project, None, "--today", TODAY.isoformat())
    assert command.returncode == 1
    assert ("site/oorzaken/index.html", "review-dates-shown") in problems(command.stdout + command.stderr)


# --- The good path: a copy with partner links and warnings, and the real site ----------------


@pytest.fixture(scope="module")
def partner_site(tmp_path_factory) -> tuple[Path, Checked]:
    """A copy with a partner, partner links in both languages, a <script> code sample, an overdue date (today moved to 2028) and an English page reviewed before its original."""
    project = copy_project(tmp_path_factory.mktemp("partners") / "project")
    with_partners(project)
    append(project, "docs/zelf-doen.md", f"{NOTICE}\n\nEen kussen koop je bij {PARTNER_LINK}.\n\n```html\n<script>alert(1)</script>\n```\n")
    append(project, "docs/zelf-doen.en.md", f"{NOTICE}\n\nBuy a pillow at [Example shop](https://shop.example/pillow){{ .partner }}.\n")
    edit(
        project,
        "docs/oorzaken.en.md",
        "last_reviewed: 2026-12-03\nreviewed_by: redactie\nnext_review: 2027-12-03",
        "last_reviewed: 2026-11-01\nreviewed_by: redactie\nnext_review: 2027-11-01",
    )
    checked = build_and_check(project, {"RLS_TODAY": "2028-01-10"})
    return project / "site", checked


def test_warnings_do_not_fail_the_build_and_are_listed(partner_site):
    _, checked = partner_site
    assert checked.build_ok, checked.build_output
    found = problems(checked.build_output)
    assert ("docs/index.md:6", "review-overdue") in found and ("docs/index.en.md:6", "review-overdue") in found
    assert ("docs/oorzaken.en.md:4", "translation-possibly-stale") in found
    assert "OVERDUE: the next review was due on 2027-12-03" in checked.build_output
    assert checked.command_code == 0 and problems(checked.command_output) == found


def test_partner_links_render_with_notice_rel_and_label(partner_site):
    site, _ = partner_site
    for path, label, notice in (
        ("zelf-doen/index.html", "(partnerlink)", "Op deze pagina staan partnerlinks."),
        ("en/zelf-doen/index.html", "(partner link)", "This page contains partner links."),
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
    sample = (site / "zelf-doen/index.html").read_text(encoding="utf-8")
    assert "alert" in sample and "<script>alert" not in sample  # a code sample, shown, never run


def all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_built_page_shows_the_disclaimer_in_its_language(site):
    texts = {
        lang: " ".join(texts["disclaimer"].split())
        for lang, texts in parse_yaml((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"), "labels").data.items()
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


def front_matter(src: str) -> dict:
    meta = read_front_matter((ROOT / "docs" / src).read_text(encoding="utf-8"), src)
    return {key: meta.text(key) for key in meta.values}


@pytest.mark.parametrize(
    "lang, prefix, last_label, next_label, not_physician",
    [
        ("nl", "", "Laatst gecontroleerd", "Volgende controle", "Nog geen arts heeft deze pagina gecontroleerd."),
        ("en", "en/", "Page last reviewed", "Next review due", "No doctor has reviewed this page yet."),
    ],
)
def test_review_dates_reviewer_and_json_ld_on_every_content_page_in_both_languages(
    site, lang, prefix, last_label, next_label, not_physician
):
    months = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))[lang]["months"]
    reviewers = validate_reviewers(
        parse_yaml((ROOT / "data" / "reviewers.yml").read_text(encoding="utf-8"), "data/reviewers.yml"), LANGUAGES
    )
    sources = sorted(p.name for p in (ROOT / "docs").glob("*.md") if split_language(p.name, LANGUAGES)[1] == lang)
    content_pages = [src for src in sources if not src.startswith("zoeken.")]
    assert len(content_pages) == 7
    for src in content_pages:
        meta = front_matter(src)
        html = (site / output_path(src, LANGUAGES)).read_text(encoding="utf-8")
        page = read_page(html)
        last, next_ = date.fromisoformat(meta["last_reviewed"]), date.fromisoformat(meta["next_review"])
        assert f"{last_label}: {last.day} {months[last.month - 1]} {last.year}" in page.text(), src
        assert f"{next_label}: {next_.day} {months[next_.month - 1]} {next_.year}" in page.text(), src
        reviewer = reviewers[meta["reviewed_by"]]
        assert f"{reviewer.name[lang]} ({reviewer.qualification[lang]})" in page.text(), src
        # No doctor has reviewed the pages yet: every page says so beside its dates.
        assert reviewer.physician is False and not_physician in page.text(), src
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
    treatment = read_page(
        (site / output_path("behandeling.md" if lang == "nl" else "behandeling.en.md", LANGUAGES)).read_text(encoding="utf-8")
    )
    assert len(json.loads(treatment.json_ld[0][1])["citation"]) == 9


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_page_has_the_disclaimer_but_no_review_dates_or_json_ld(site, prefix):
    """The search page is no health information (rls_site.search)."""
    page = read_page((site / prefix / "zoeken" / "index.html").read_text(encoding="utf-8"))
    assert page.select("//*[@data-disclaimer]") and page.select("//form[@data-search]")
    assert not page.select("//*[@data-review-dates]") and page.json_ld == []


def test_404_has_the_disclaimer_but_no_review_dates_or_json_ld(site):
    page = read_page((site / "404.html").read_text(encoding="utf-8"))
    assert page.first(lambda e: "data-disclaimer" in e.attrs) is not None
    assert page.first(lambda e: "data-review-dates" in e.attrs) is None and page.json_ld == []


def test_external_links_have_noopener_noreferrer_and_nothing_loads_from_another_site(site):
    seen = 0
    for path in all_html(site):
        page = read_page(path.read_text(encoding="utf-8"))
        for link in page.links:
            if is_external(link.attrs["href"], "127.0.0.1:8000"):
                seen += 1
                assert {"noopener", "noreferrer"} <= set((link.attrs.get("rel") or "").split()), (path, link.attrs)
        assert check_external_resources(page, path.name) == [], path
    assert seen > 10  # the organisations on the about page, DOI and PubMed links, the edit buttons


def test_the_real_site_has_no_partner_and_states_the_policy(site):
    assert validate_partners(parse_yaml((ROOT / "data" / "partners.yml").read_text(encoding="utf-8"), "data/partners.yml")) == []
    for path in all_html(site):
        html = path.read_text(encoding="utf-8")
        assert 'class="partner' not in html, path
    for src in ("over.md", "over.en.md"):
        about = read_page((site / output_path(src, LANGUAGES)).read_text(encoding="utf-8"))
        assert check_policy_page(about, src, src) == []


def test_the_command_finds_no_site(tmp_path):
    settings = Settings(ProjectData(ROOT, LANGUAGES, labels={"nl": LABELS, "en": LABELS}), TODAY)
    report = check_site(tmp_path / "site", [], settings)
    assert [(e.file, e.rule) for e in report.errors] == [("site", "site-missing")] and "make build" in report.errors[0].fix


def test_the_command_passes_on_the_real_site(site):
    command = subprocess.run(
        [sys.executable, "-m", "rls_site.checks", str(ROOT / "docs"), str(site)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert command.returncode == 0, command.stdout + command.stderr
    assert "Publication checks passed" in command.stdout


MATERIAL_PAGE = (
    '<html lang="nl"><body><div class="md-sidebar md-sidebar--primary"><nav>\n<a href="../a/">A</a>\n</nav></div>'
    '<div class="md-sidebar md-sidebar--secondary"><nav>toc</nav></div>'
    '<div class="md-content"><article><a href="https://example.org/">x</a></article></div></body></html>'
)
NAVIGATION = '<div class="md-sidebar md-sidebar--primary"><nav>\n<a href="../a/">A</a>\n</nav></div>'


def test_the_navigation_is_set_aside_while_a_page_is_read():
    rest, navigation = without_navigation(MATERIAL_PAGE)
    assert navigation == NAVIGATION
    assert NAVIGATION_PLACEHOLDER in rest and "../a/" not in rest and "md-sidebar--secondary" in rest
    # A problem is reported on its line in the written file.
    link = read_page(rest).links[-1]
    assert (
        link.attrs["href"] == "https://example.org/"
        and line_in_page(link.line, rest, navigation) == 3 == read_page(MATERIAL_PAGE).links[-1].line
    )
    assert line_in_page(1, rest, navigation) == 1 and line_in_page(None, rest, navigation) is None
    for html in ("<p>404</p>", '<div class="md-sidebar md-sidebar--primary">never closed'):
        assert without_navigation(html) == (html, "")


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


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)], ids=["python", "libyaml"])
def test_data_files_read_the_same_with_or_without_libyaml(monkeypatch, loader):
    from rls_site.data import yaml_file

    monkeypatch.setattr(yaml_file, "_Loader", loader)
    parsed = parse_yaml("partners:\n  - host: shop.example\n    name: Winkel\n", "data/partners.yml")
    assert parsed.data == {"partners": [{"host": "shop.example", "name": "Winkel"}]} and parsed.line_of("partners", 0, "name") == 3
    assert parse_yaml("", "data/partners.yml").data is None
    for text in ("a: 1\x07\n", "a:\n\t- b\n", "a: [1\nb: 2\n"):
        with pytest.raises(ContentError) as caught:
            parse_yaml(text, "data/partners.yml")
        assert caught.value.rule == "yaml-syntax" and caught.value.file == "data/partners.yml"


# --- The link check over the built site ------------------------------------------------------


def links_of(html: str, page: str = "a/index.html"):
    return page_links(read_page(html), page)


def test_links_within_the_site_are_resolved_as_a_browser_does():
    pages = {
        "index.html": links_of('<link rel="canonical" href="https://x.example/"><a href="a/">A</a><a href="a/#kop">kop</a>', "index.html"),
        "a/index.html": links_of(
            '<h2 id="kop">Kop</h2><a href="../">home</a><a href="#kop">hier</a><a href="../b">b</a>'
            '<img src="../img/x.svg" alt=""><a href="https://other.example/">elders</a><a href="mailto:a@b.example">mail</a>'
        ),
        "b/index.html": links_of('<a href="/a/#kop">root</a>', "b/index.html"),
    }
    files = ["index.html", "a/index.html", "b/index.html", "img/x.svg"]
    assert check_internal_links(pages, files) == []
    assert len(pages["a/index.html"].addresses) == 4  # other sites and mail are not the link check's


def test_a_missing_file_or_anchor_is_named_with_page_and_line():
    pages = {
        "index.html": links_of('<link rel="canonical" href="https://x.example/">\n<a href="weg/">weg</a>', "index.html"),
        "a/index.html": links_of('<p id="er">x</p>\n\n<a href="#niet">niet</a>\n<a href="../#ook-niet">ook niet</a>'),
    }
    found = [(e.file, e.rule, e.line, e.problem) for e in check_internal_links(pages, ["index.html", "a/index.html"])]
    assert found == [
        ("site/a/index.html", "link-broken", 3, "the link '#niet' leads to '#niet', which is not on this page."),
        ("site/a/index.html", "link-broken", 4, "the link '../#ook-niet' leads to '#ook-niet', which is not on index.html."),
        ("site/index.html", "link-broken", 2, "the link 'weg/' leads to weg/index.html, which is not in the built site."),
    ]


def test_a_site_built_for_a_sub_path_is_checked_under_it():
    """A pull-request preview: 404.html links from the root, under the preview's path."""
    home = links_of('<link rel="canonical" href="https://x.example/pr/7/"><a href="over/">over</a>', "index.html")
    missing = links_of('<a href="/pr/7/over/">over</a><a href="/over/">over</a>', "404.html")
    pages = {"index.html": home, "404.html": missing, "over/index.html": links_of("", "over/index.html")}
    found = [e.problem for e in check_internal_links(pages, ["index.html", "404.html", "over/index.html"])]
    assert home.base == "/pr/7/"
    assert found == ["the link '/over/' leads out of the site, which is published under /pr/7/."]


def test_the_link_check_fails_on_a_broken_copy_of_the_site(project):
    result = build(project)
    assert result.ok, result.output
    (project / "site" / "oorzaken" / "index.html").unlink()
    symptoms = project / "site" / "en" / "symptomen" / "index.html"
    symptoms.write_text(symptoms.read_text(encoding="utf-8").replace('href="#', 'href="#x-', 1), encoding="utf-8")
    command = run_checks(project)
    assert command.returncode == 1
    broken = re.findall(r"(?m)^(site/\S+?):(\d+): \[link-broken\] (.*)$", command.stderr)
    assert any("leads to oorzaken/index.html, which is not in the built site" in problem for _, _, problem in broken)
    assert any(file == "site/en/symptomen/index.html" and "#x-" in problem for file, _, problem in broken)
    assert "[page-not-built]" in command.stderr


def test_addresses_with_a_query_an_escape_or_a_way_out_of_the_site():
    pages = {
        "index.html": links_of('<link rel="canonical" href="https://x.example/">', "index.html"),
        "a/index.html": links_of('<a href="../img/x%20y.svg?v=1">x</a>\n<a href="../../buiten/">buiten</a>\n<a href=".">hier</a>'),
    }
    found = [(e.line, e.problem) for e in check_internal_links(pages, ["index.html", "a/index.html", "img/x y.svg"])]
    assert found == [(2, "the link '../../buiten/' goes above the site's top folder.")]
