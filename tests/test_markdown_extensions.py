"""The rls_site.markdown extensions in plain Python-Markdown, on strings: what any generator that
runs Python-Markdown extensions gets, without MkDocs. Their data is the tests' own small site's."""

from __future__ import annotations

import markdown
import pytest

from rls_site.errors import ContentError, ContentErrors

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")

BASE = ["attr_list", "md_in_html", "toc"]
# The project folder the extensions read their data and templates from: a copy of the tests' own
# small site (conftest.small_root), so the real data's wording changes no test.
PROJECT: list = []


@pytest.fixture(autouse=True)
def project_folder(small_root):
    PROJECT[:] = [small_root]


def convert(text: str, extensions: list[str], lang: str = "nl", **settings) -> str:
    configs = {name: {"root": str(PROJECT[0]), "lang": lang, **settings.get(name, {})} for name in extensions}
    return markdown.Markdown(extensions=BASE + extensions, extension_configs=configs).convert(text)


def test_citations_are_numbered_and_listed_in_the_page_language():
    html = convert("Een [@ohayon2012] en twee [@gupta2016; @ohayon2012].\n\n## Kop\n\nTekst.", ["rls_site.markdown.citations"])
    assert html.count('<sup class="citation"') == 2
    assert '<a href="#bron-ohayon2012" aria-label="Bron 1">1</a>' in html and '<a href="#bron-gupta2016" aria-label="Bron 2">2</a>' in html
    assert '<h2 data-pagefind-ignore id="bronnen">Bronnen</h2>' in html
    assert html.index('<ol class="references" data-pagefind-ignore>') > html.index(">Kop</h2>") and "<p><ol" not in html
    assert 'rel="noopener noreferrer">doi:10.1016/j.smrv.2011.05.002</a>' in html
    english = convert("A [@ohayon2012].", ["rls_site.markdown.citations"], "en")
    assert '<h2 data-pagefind-ignore id="bronnen">Sources</h2>' in english and 'aria-label="Source 1"' in english


def test_the_sources_page_lists_every_source_with_the_pages_given_to_it():
    cited_by = {"ohayon2012": [{"title": "Klachten", "url": "../symptomen/"}]}
    html = convert("<!-- md:bibliography -->", ["rls_site.markdown.citations"], **{"rls_site.markdown.citations": {"cited_by": cited_by}})
    assert html.count('<li id="bron-') == 7  # every source of the small site's file
    assert 'Genoemd op: <a href="../symptomen/">Klachten</a>' in html and "Op geen pagina genoemd" in html


def test_without_the_extensions_citations_and_markers_stay_text_and_comments():
    assert markdown.markdown("Een [@ohayon2012].") == "<p>Een [@ohayon2012].</p>"
    assert markdown.markdown("<!-- md:bibliography -->") == "<!-- md:bibliography -->"


def test_links_to_other_sites_get_noopener_noreferrer_and_page_links_nothing():
    html = convert(
        "[Thuisarts](https://www.thuisarts.nl) en [eigen](symptomen.md) en [mail](mailto:a@b.example) en "
        '[al](https://x.example/){ rel="nofollow" }',
        ["rls_site.markdown.links"],
    )
    assert '<a href="https://www.thuisarts.nl" rel="noopener noreferrer">Thuisarts</a>' in html
    assert '<a href="symptomen.md">eigen</a>' in html and '<a href="mailto:a@b.example">mail</a>' in html
    assert 'rel="nofollow noopener noreferrer"' in html


def test_a_partner_link_gets_sponsored_and_its_label_and_the_marker_the_notice():
    html = convert(
        "<!-- md:partner-notice -->\n\nKoop bij [Winkel](https://shop.example/k){ .partner }.\n",
        ["rls_site.markdown.links"],
    )
    assert '<p class="partner-notice" role="note">Op deze pagina staan partnerlinks.' in html
    assert '<a href="/over.md#partnerlinks">Zo gaan we om met partnerlinks.</a>' in html
    assert (
        '<a class="partner" href="https://shop.example/k" rel="sponsored noopener noreferrer">Winkel</a> '
        '<span class="partner-label">(partnerlink)</span>.'
    ) in html
    assert "(partner link)" in convert("[Shop](https://shop.example/k){ .partner }", ["rls_site.markdown.links"], "en")


def test_all_extensions_together_as_mkdocs_yml_lists_them():
    text = "<!-- md:evidence weak --> Eén klein onderzoek [@aukerman2006], zie [AASM](https://aasm.org/).\n\n<!-- md:selfcheck -->\n"
    html = convert(
        text, ["rls_site.markdown.citations", "rls_site.markdown.evidence", "rls_site.markdown.selfcheck", "rls_site.markdown.links"]
    )
    assert (
        '<strong class="evidence" data-evidence="weak">Hoe sterk is het bewijs? <a href="/over.md#bewijs-weak">Zwak</a>.</strong>' in html
    )
    assert '<sup class="citation" id="bron-ref-1">' in html and " data-selfcheck>" in html
    assert '<a href="https://aasm.org/" rel="noopener noreferrer">AASM</a>' in html


COMPONENTS = ["rls_site.markdown.components"]


def test_a_care_card_names_its_urgency_in_its_heading_and_for_screen_readers():
    text = "# Titel\n\n## Wanneer naar de huisarts?\n\n<!-- md:care appointment -->\n\n- je slecht slaapt;\n- het niet overgaat.\n\n<!-- md:end -->\n"
    html = convert(text, COMPONENTS)
    assert '<div class="care-card care-card--appointment">' in html
    # One level below the section it stands in, and not in the table of contents (no id).
    assert (
        '<h3 class="care-card__heading"><span class="care-card__urgency">Geen spoed: </span>Maak een afspraak met je huisarts als:</h3>'
    ) in html
    assert "<li>je slecht slaapt;</li>" in html and "<!-- md:" not in html
    english = convert(text.replace("appointment", "emergency"), COMPONENTS, "en")
    assert '<span class="care-card__urgency">Emergency: </span>Call 112 now if:</h3>' in english


def test_a_summary_and_a_do_and_do_not_list_get_their_headings_in_the_page_language():
    text = (
        "# Title\n\n<!-- md:summary -->\n\n- One line.\n\n<!-- md:end -->\n\n## Tips\n\n"
        "<!-- md:do -->\n\n- Go to bed on time.\n\n<!-- md:dont -->\n\n- Do not stop a medicine yourself.\n\n<!-- md:end -->\n"
    )
    html = convert(text, COMPONENTS, "en")
    assert '<div class="site-summary">\n<h2 class="site-summary__heading">In short</h2>' in html
    assert '<div class="do-dont__part do-dont__part--do">\n<h3 class="do-dont__heading">Do</h3>' in html
    assert '<div class="do-dont__part do-dont__part--dont">\n<h3 class="do-dont__heading">Do not</h3>' in html
    assert "<li>Do not stop a medicine yourself.</li>" in html
    dutch = convert(text.replace("Do not stop", "Stop niet"), COMPONENTS)
    assert ">In het kort</h2>" in dutch and ">Wel doen</h3>" in dutch and ">Niet doen</h3>" in dutch


def test_markers_inside_a_part_are_still_rendered():
    text = "<!-- md:care gp-today -->\n\n- je koorts hebt [@allen2014].\n\n<!-- md:end -->\n"
    html = convert(text, [*COMPONENTS, "rls_site.markdown.citations"])
    assert "care-card--gp-today" in html and '<sup class="citation"' in html


def test_a_sentence_above_a_list_with_an_empty_line_between_is_a_part_with_its_list():
    html = convert("<!-- md:summary -->\n\nIn het kort:\n\n- Eén.\n- Twee.\n\n<!-- md:end -->\n", COMPONENTS)
    assert "<li>Eén.</li>" in html and "<li>Twee.</li>" in html


def test_without_the_extension_the_parts_stay_lists():
    html = markdown.markdown("<!-- md:care appointment -->\n\n- je slecht slaapt.\n\n<!-- md:end -->\n")
    assert "<li>je slecht slaapt.</li>" in html and "care-card" not in html


@pytest.mark.parametrize(
    "text, rule, line",
    [
        ("<!-- md:summary -->\n\n- Eén.\n", "component-structure", 1),
        ("Tekst.\n\n<!-- md:end -->\n", "component-structure", 3),
        ("<!-- md:do -->\n\n- Doe dit.\n\n<!-- md:end -->\n", "component-structure", 5),
        ("<!-- md:care appointment -->\n\nGa naar de huisarts.\n\n<!-- md:end -->\n", "component-empty", 1),
        # A '- ' line right under a sentence continues its paragraph: Markdown makes no list of it.
        ("<!-- md:summary -->\n\nIn het kort:\n- Eén.\n- Twee.\n\n<!-- md:end -->\n", "component-empty", 1),
        ("<!-- md:care -->\n\n- Eén.\n\n<!-- md:end -->\n", "care-level-missing", 1),
        ("<!-- md:care apointment -->\n\n- Eén.\n\n<!-- md:end -->\n", "care-level-unknown", 1),
        ("<!-- md:do -->\n\n- Doe dit.\n\n<!-- md:dont -->\n\n- Don't do that.\n\n<!-- md:end -->\n", "do-dont-negation", 7),
        ("## Kop\n\n<!-- md:summary -->\n\n- Eén.\n\n<!-- md:end -->\n", "summary-place", 3),
    ],
)
def test_a_wrong_part_is_a_clear_error_with_its_line(text, rule, line):
    with pytest.raises((ContentError, ContentErrors)) as raised:
        convert(text, COMPONENTS)
    errors = getattr(raised.value, "errors", [raised.value])
    assert [(error.rule, error.line) for error in errors] == [(rule, line)]


def test_an_unknown_level_names_the_level_it_resembles():
    with pytest.raises(ContentError) as raised:
        convert("<!-- md:care apointment -->\n\n- Eén.\n\n<!-- md:end -->\n", COMPONENTS)
    assert "did you mean 'appointment'?" in str(raised.value)


def test_a_part_inside_a_list_or_a_paragraph_is_an_error_not_a_broken_page():
    text = (
        "- Eén punt.\n\n    <!-- md:care appointment -->\n\n    - je slecht slaapt.\n\n    <!-- md:end -->\n\nTekst <!-- md:summary -->\n"
    )
    with pytest.raises(ContentErrors) as raised:
        convert(text, COMPONENTS)
    assert [(error.rule, error.line) for error in raised.value.errors] == [
        ("component-structure", 3),
        ("component-structure", 7),
        ("component-structure", 9),
    ]
    assert "not on a line of its own" in str(raised.value)
