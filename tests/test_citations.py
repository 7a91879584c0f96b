"""Citations: the parser and renderer as plain functions (with property-based tests), the exact
formatting of entries in both languages, the built pages, and every kind of bad input.

The sources and labels are the tests' own small site's (tests/fixtures/site/data), whose entries
are copies of real ones, so a change to the real sources file changes no test."""

from __future__ import annotations

import re

import jinja2
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown

from conftest import FIXTURE_SITE, ROOT, build_in_process, nav_pages, search_fragments
from rls_site.data.sources import clean_entry, format_entries, validate_sources
from rls_site.data.yaml_file import load_yaml, parse_yaml
from rls_site.errors import ContentError, ContentErrors, raise_all
from rls_site.markdown.citations import check_keys, cite, collapse_numbers, parse_citations, runs_in_text, with_references

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")

ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
LABELS = yaml.safe_load((FIXTURE_SITE / "data" / "labels.yml").read_text(encoding="utf-8"))
REGISTRY = validate_sources(load_yaml(FIXTURE_SITE / "data" / "sources.yml", "data/sources.yml"))
ENGLISH = {"RLS_MESSAGES": "en"}  # the tests below read the messages' words


def render(markdown: str, lang: str = "nl") -> str:
    """The hook's pipeline on one page: parse, check every key, render."""
    citations = parse_citations(markdown, "docs/x.md")
    raise_all(check_keys(citations, REGISTRY, "docs/x.md"))
    if not citations:
        return markdown
    text, listing, _ = cite(markdown, citations, REGISTRY.formatted(lang), LABELS[lang], ENV)
    return with_references(text, listing, LABELS[lang])


# --- the parser ----------------------------------------------------------------------------


def test_single_multiple_and_located_citations():
    found = parse_citations("A [@ohayon2012]. B [@gupta2016; @steinweg2020]. C [@allen2014, p. 861].", "docs/x.md")
    assert [c.items for c in found] == [
        (("ohayon2012", None),),
        (("gupta2016", None), ("steinweg2020", None)),
        (("allen2014", "p. 861"),),
    ]


def test_code_comments_email_and_links_are_not_citations():
    text = "`[@ohayon2012]`\n\n```\n[@gupta2016]\n```\n\n<!-- [@x] -->\nmail [info@example.nl] and [@name](https://example.org)\n"
    assert parse_citations(text, "docs/x.md") == []


def test_line_numbers_count_from_the_first_body_line():
    found = parse_citations("a\n\nb [@ohayon2012]\n", "docs/x.md", first_line=8)
    assert found[0].line == 10


def test_unclosed_bracket_names_file_line_and_fix():
    with pytest.raises(ContentError) as caught:
        parse_citations("one\ntwo [@ohayon2012 and more\n", "docs/x.md", first_line=5)
    assert str(caught.value).startswith("docs/x.md:6: [citation-unclosed]") and "closing ']'" in str(caught.value)


def test_malformed_citation_is_an_error():
    with pytest.raises(ContentError) as caught:
        parse_citations("see [@ohayon2012; gupta2016]\n", "docs/x.md")
    assert "[citation-syntax]" in str(caught.value)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=80),
        st.lists(
            st.sampled_from([*"[]@;,.p -`\n~<!>abc0", "ohayon2012", "gupta2016", "[@", "```", "<!--", "-->", ", p. 3"]), max_size=30
        ).map("".join),
    )
)
def test_any_text_renders_or_raises_the_clean_error(text):
    try:
        out = render(text)
    except ContentError as error:
        assert error.file == "docs/x.md" and error.rule.startswith("citation") and error.fix
        return
    assert isinstance(out, str)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(sorted(REGISTRY.entries)), min_size=1, max_size=6))
def test_numbers_follow_first_citation_order(keys):
    markdown = " ".join(f"[@{key}]" for key in keys)
    html = render(markdown)
    expected = list(dict.fromkeys(keys))
    listed = re.findall(r'<li id="bron-([^"]+)" value="(\d+)">', html)
    assert listed == [(key, str(n)) for n, key in enumerate(expected, start=1)]


# --- rendering -----------------------------------------------------------------------------


def test_collapse_numbers():
    assert collapse_numbers([3, 1, 2, 5, 5]) == [(1, 3), (5, 5)]


def test_three_consecutive_numbers_read_as_a_range_and_two_as_a_pair():
    html = render("[@ohayon2012] [@gupta2016] [@allen2014] [@ohayon2012; @gupta2016; @allen2014] [@ohayon2012; @allen2014]")
    sups = re.findall(r'<sup class="citation"[^>]*>(.*?)</sup>', html)
    plain = [re.sub(r"<[^>]+>", "", s) for s in sups]
    assert plain[3] == "1–3" and plain[4] == "1,3"


def test_locator_follows_its_number():
    html = render("[@allen2014, p. 861]")
    assert re.sub(r"<[^>]+>", "", re.search(r'<sup class="citation"[^>]*>(.*?)</sup>', html).group(1)) == "1 (p. 861)"


def test_every_citation_links_to_the_list_and_back():
    html = render("A [@ohayon2012]. B [@ohayon2012].")
    assert html.count('href="#bron-ohayon2012"') == 2
    assert 'href="#bron-ref-1"' in html and 'href="#bron-ref-2"' in html
    assert "## Bronnen {#bronnen data-pagefind-ignore}" in html and "## Sources" in render("A [@ohayon2012].", "en")


# The Markdown extensions of mkdocs.yml: the placeholders must come out of them as the HTML would.
MARKDOWN = {
    "extensions": ["toc", "admonition", "attr_list", "md_in_html", "def_list", "pymdownx.details", "pymdownx.superfences"],
    "extension_configs": {"toc": {"permalink": True}},
}


def converted(markdown: str, placeholders: bool) -> tuple[str, list]:
    """A page's HTML and table of contents, its citations as HTML in the Markdown or, where they run
    in text, in Markdown's store of raw HTML (as the extension does)."""
    from markdown.preprocessors import Preprocessor

    class Cite(Preprocessor):
        def run(self, lines):
            def place(citation, html):
                return self.md.htmlStash.store(html) if placeholders and runs_in_text(markdown, citation) else html

            text, _, _ = cite(markdown, parse_citations(markdown, "docs/x.md"), REGISTRY.formatted("nl"), LABELS["nl"], ENV, place)
            return text.split("\n")

    md = Markdown(**MARKDOWN)
    md.preprocessors.register(Cite(md), "cite", 25)
    return md.convert(markdown), md.toc_tokens


@pytest.mark.parametrize(
    "markdown, in_text",
    [
        ("Tekst [@ohayon2012] en [@gupta2016; @allen2014].", True),
        ("*Nadruk [@ohayon2012]* en **sterk [@gupta2016]**.", True),
        ("_nadruk_[@ohayon2012] en [@gupta2016]_nadruk_ en woord_[@allen2014]_woord", True),
        ("Zie [de richtlijn [@ohayon2012]](https://x.example) en <span>tekst [@gupta2016]</span>.", True),
        ("- lijst [@ohayon2012]\n\n> citaat [@gupta2016]\n\nterm [@allen2014]\n:   definitie [@ohayon2012]", True),
        ('<div markdown="1">\nBlok [@ohayon2012]\n</div>\n\n<div>\nRuw [@gupta2016]\n</div>', True),
        ("Met bladzijde [@ohayon2012, p. 3–4] en [@gupta2016, fig. 2].", True),
        ("## Kop [@ohayon2012]", False),
        ("Kop [@ohayon2012]\n===\n\nKop [@gupta2016]\n---", False),
        ("- ## Kop in een lijst [@ohayon2012]", False),
        ("![Plaatje [@ohayon2012]](p.png)", False),
        ('[link](https://x.example "titel [@ohayon2012]")', False),
        ('<span title="[@ohayon2012]">x</span>', False),
        ("[link](https://x.example){ title='[@ohayon2012]' }", False),
        ('!!! note "Titel [@ohayon2012]"\n    Tekst.\n\n??? note "Meer [@gupta2016]"\n    Tekst.', False),
        ("\\[@ohayon2012] en &[@gupta2016] en <[@allen2014]", False),
        ("[@ohayon2012, p. *3*] en [@gupta2016, p_3]", False),
    ],
)
def test_a_citation_placeholder_comes_out_as_its_html_would(markdown, in_text):
    citations = parse_citations(markdown, "docs/x.md")
    assert all(runs_in_text(markdown, citation) == in_text for citation in citations), markdown
    assert converted(markdown, placeholders=True) == converted(markdown, placeholders=False)


# --- formatting by citeproc-py --------------------------------------------------------------

PINNED = {
    (
        "nl",
        "ohayon2012",
    ): 'Ohayon MM, O\'Hara R, Vitiello MV. Epidemiology of restless legs syndrome: a synthesis of the literature. <i>Sleep Med Rev</i>. 2012;16(4):283-295. <a href="https://doi.org/10.1016/j.smrv.2011.05.002" rel="noopener noreferrer">doi:10.1016/j.smrv.2011.05.002</a> <a href="https://pubmed.ncbi.nlm.nih.gov/21795081/" rel="noopener noreferrer">PubMed 21795081</a>',
    (
        "en",
        "ohayon2012",
    ): 'Ohayon MM, O\'Hara R, Vitiello MV. Epidemiology of restless legs syndrome: a synthesis of the literature. <i>Sleep Med Rev</i>. 2012;16(4):283-295. <a href="https://doi.org/10.1016/j.smrv.2011.05.002" rel="noopener noreferrer">doi:10.1016/j.smrv.2011.05.002</a> <a href="https://pubmed.ncbi.nlm.nih.gov/21795081/" rel="noopener noreferrer">PubMed 21795081</a>',
    (
        "nl",
        "winkelman2024",
    ): 'Winkelman JW, Berkowski JA, DelRosso LM, e.a. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. <i>J Clin Sleep Med</i>. Online gepubliceerd 26 september 2024. <a href="https://doi.org/10.5664/jcsm.11390" rel="noopener noreferrer">doi:10.5664/jcsm.11390</a> <a href="https://pubmed.ncbi.nlm.nih.gov/39324694/" rel="noopener noreferrer">PubMed 39324694</a>',
    (
        "en",
        "winkelman2024",
    ): 'Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. <i>J Clin Sleep Med</i>. Published online September 26, 2024. <a href="https://doi.org/10.5664/jcsm.11390" rel="noopener noreferrer">doi:10.5664/jcsm.11390</a> <a href="https://pubmed.ncbi.nlm.nih.gov/39324694/" rel="noopener noreferrer">PubMed 39324694</a>',
    (
        "nl",
        "sun1998",
    ): 'Iron and the restless legs syndrome. <i>Sleep</i>. 1998;21(4):371-377. <a href="https://pubmed.ncbi.nlm.nih.gov/9646381/" rel="noopener noreferrer">PubMed 9646381</a>',
}


@pytest.mark.parametrize("lang,key", sorted(PINNED))
def test_exact_rendered_text_of_real_entries(lang, key):
    assert REGISTRY.formatted(lang)[key] == PINNED[(lang, key)]


def test_known_citeproc_defects_never_reach_a_page():
    for lang in ("nl", "en"):
        for key, text in REGISTRY.formatted(lang).items():
            assert not re.match(r"^\d+\.", text), f"{key}: number glued to the text"
            assert "?." not in text and not re.search(r"\d{4}[A-Z][a-z]{2}\d", text), key
            title = REGISTRY.entries[key]["title"]
            assert text.count(title) <= 1, f"{key}: title printed twice"
            if lang == "nl":
                assert "Published online" not in text and "Advance online publication" not in text


def test_text_from_the_sources_file_is_escaped():
    entry = {
        "id": "x",
        "type": "article-journal",
        "title": "A <b>bold</b> & <script>claim</script>?",
        "issued": {"date-parts": [[2020]]},
        "author": [{"family": "<i>Evil</i>", "given": "A"}],
    }
    html = format_entries([entry], "en")["x"]
    assert "<script>" not in html and "<b>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert "?." not in html


def test_clean_entry_links_doi_and_pubmed():
    html = clean_entry("1.Smith J. Title. doi:10.1/x", {"title": "Title", "DOI": "10.1/x", "PMID": "123"}, "en")
    assert (
        html
        == 'Smith J. Title. <a href="https://doi.org/10.1/x" rel="noopener noreferrer">doi:10.1/x</a> <a href="https://pubmed.ncbi.nlm.nih.gov/123/" rel="noopener noreferrer">PubMed 123</a>'
    )


# --- the sources file ----------------------------------------------------------------------


def sources_error(text: str) -> str:
    with pytest.raises((ContentError, ContentErrors)) as caught:
        validate_sources(parse_yaml(text, "data/sources.yml"))
    return str(caught.value)


def test_duplicate_key_names_both_lines():
    text = "references:\n  - id: a\n    title: A\n    issued: {date-parts: [[2020]]}\n  - id: a\n    title: B\n    issued: {date-parts: [[2021]]}\n"
    assert "data/sources.yml:5: [sources-duplicate] source 'a' appears twice (first at line 2)" in sources_error(text)


def test_entry_without_title_or_year():
    text = "references:\n  - id: a\n    issued: {date-parts: [[2020]]}\n  - id: b\n    title: B\n"
    message = sources_error(text)
    assert "data/sources.yml:2: [sources-title] source 'a' has no title" in message
    assert "data/sources.yml:4: [sources-year] source 'b' has no year" in message


def test_malformed_entry_is_named():
    assert "data/sources.yml:3: [sources-format] entry 2 is not a source" in sources_error("references:\n  - id: a\n  - just text\n")


def test_csl_json_is_accepted():
    registry = validate_sources(parse_yaml('[{"id": "a", "title": "T", "issued": {"date-parts": [[2020]]}}]', "data/sources.json"))
    assert list(registry.entries) == ["a"]


# --- the built site ------------------------------------------------------------------------


def sources_page(root) -> str:
    """The built folder of the page with the full source list (<!-- md:bibliography -->)."""
    [page] = [
        section
        for section in nav_pages(root)
        if "md:bibliography" in (root / "docs" / f"{section.rstrip('/') or 'index'}.md").read_text(encoding="utf-8")
    ]
    return page


@pytest.mark.parametrize("prefix,lang", [("", "nl"), ("en/", "en")])
def test_built_pages_number_link_and_list_their_sources(built_site, prefix, lang):
    root, site = built_site
    heading = LABELS[lang]["references_heading"]
    citing = 0
    for section in nav_pages(root):
        html = (site / prefix / section / "index.html").read_text(encoding="utf-8")
        numbers = [int(n) for n in re.findall(r'aria-label="(?:Bron|Source) (\d+)"', html)]
        # A range (2–4) links its first and last number: the ones between are cited too.
        for first, last in re.findall(r'aria-label="(?:Bron|Source) (\d+)">\d+</a>–<a [^>]*aria-label="(?:Bron|Source) (\d+)"', html):
            numbers.extend(range(int(first), int(last) + 1))
        assert "[@" not in html, section
        if not numbers:
            continue
        citing += 1
        assert sorted(set(numbers)) == list(range(1, max(numbers) + 1)), section
        assert re.search(rf'<h2\b[^>]*\bid="bronnen"[^>]*>{heading}', html), section
        for key in re.findall(r'href="#bron-([a-z0-9]+)"', html):
            assert f'<li id="bron-{key}"' in html
        for anchor in re.findall(r'class="references__back" href="#([^"]+)"', html):
            assert f'id="{anchor}"' in html
    assert citing >= 1
    if root != ROOT:
        assert citing == 2  # the small site's 'index' and 'symptomen'


@pytest.mark.parametrize("prefix,lang", [("", "nl"), ("en/", "en")])
def test_sources_page_lists_every_source_with_the_pages_citing_it(built_site, prefix, lang):
    root, site = built_site
    registry = validate_sources(load_yaml(root / "data" / "sources.yml", "data/sources.yml"))
    html = (site / prefix / sources_page(root) / "index.html").read_text(encoding="utf-8")
    for key in registry.entries:
        assert f'<li id="bron-{key}">' in html
    assert f"{LABELS[lang]['cited_on']}: <a href=" in html
    if root != ROOT:
        assert f'{LABELS[lang]["cited_on"]}: <a href="../symptomen/">' in html


@pytest.mark.parametrize("prefix,lang", [("", "nl"), ("en/", "en")])
def test_search_finds_sources_on_the_sources_page_not_in_every_page_list(small_site, prefix, lang):
    """A page's own source list stays out of the search index (data-pagefind-ignore); the sources
    page's full list is in it, so a search for a study finds that page once."""
    site = small_site.site
    indexed = search_fragments(site)[lang]
    reference = REGISTRY.formatted(lang)["ohayon2012"]
    title = re.sub(r"<[^>]+>", "", reference).split(". ")[1]  # the study's title, as the list shows it
    assert title in indexed[f"/{prefix}bronnen/"]
    assert 'id="bronnen"' in (site / prefix / "index.html").read_text(encoding="utf-8")
    assert f"/{prefix}" in indexed  # the page itself is indexed, without its list
    holding = sorted(url for url, text in indexed.items() if title in text)
    assert holding == [f"/{prefix}bronnen/"]


def test_every_source_in_the_file_is_cited_somewhere(small_site):
    html = (small_site.site / "bronnen" / "index.html").read_text(encoding="utf-8")
    assert LABELS["nl"]["not_cited"] not in html
    assert "Op geen pagina genoemd" == LABELS["nl"]["not_cited"]


# --- bad input in a build of the small site -------------------------------------------------


def append(project, page: str, text: str) -> int:
    path = project / "docs" / page
    content = path.read_text(encoding="utf-8")
    path.write_text(content + text, encoding="utf-8")
    return content.count("\n") + text[: text.index("[@")].count("\n") + 1


def test_build_fails_on_an_unknown_key_and_suggests_close_ones(small_project):
    project = small_project
    line = append(project, "symptomen.md", "\nZie [@ohayon2013].\n")
    result = build_in_process(project, ENGLISH)
    assert not result.ok and "Traceback" not in result.output
    assert f"docs/symptomen.md:{line}: [citation-unknown-key] unknown source '@ohayon2013'" in result.output
    assert "did you mean @ohayon2012" in result.output


def test_build_fails_on_an_unclosed_bracket(small_project):
    project = small_project
    line = append(project, "symptomen.en.md", "\nSee [@ohayon2012 for more.\n")
    result = build_in_process(project, ENGLISH)
    assert not result.ok
    assert f"docs/symptomen.en.md:{line}: [citation-unclosed]" in result.output


def test_build_fails_on_a_duplicate_key(small_project):
    project = small_project
    path = project / "data" / "sources.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n  - id: ohayon2012\n    title: Copy\n    issued: {date-parts: [[2012]]}\n", encoding="utf-8")
    result = build_in_process(project, ENGLISH)
    assert not result.ok and re.search(
        r"data/sources\.yml:\d+: \[sources-duplicate\] source 'ohayon2012' appears twice \(first at line \d+\)", result.output
    )


def test_build_fails_on_a_malformed_sources_file(small_project):
    project = small_project
    path = project / "data" / "sources.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: allen2014\n", "  - id: allen2014\n   bad: [\n", 1), encoding="utf-8")
    result = build_in_process(project, ENGLISH)
    assert not result.ok and re.search(r"data/sources\.yml:\d+: \[yaml-syntax\]", result.output)


def test_build_fails_on_an_entry_without_title(small_project):
    project = small_project
    path = project / "data" / "sources.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('    title: "Iron and the restless legs syndrome"\n', ""), encoding="utf-8")
    result = build_in_process(project, ENGLISH)
    assert not result.ok and re.search(r"data/sources\.yml:\d+: \[sources-title\] source 'sun1998' has no title", result.output)


def test_unused_source_is_a_notice_on_its_id_line_without_failing(small_project):
    project = small_project
    path = project / "data" / "sources.yml"
    text = path.read_text(encoding="utf-8")
    # Its id not first, so the line is the id's, not the entry's.
    path.write_text(
        text + "\n  - type: webpage\n    id: unused2020\n    title: Not cited\n    issued: {date-parts: [[2020]]}\n", encoding="utf-8"
    )
    line = text.count("\n") + 3
    result = build_in_process(project)
    assert result.ok, result.output
    notices = [out for out in result.output.splitlines() if "[source-unused]" in out]
    # Once for each language's pages.
    assert len(notices) == 2, result.output
    assert all(f"data/sources.yml:{line}: [source-unused] source 'unused2020'" in notice for notice in notices), notices
    assert "'nl'" in notices[0] and "'en'" in notices[1]
    assert "Traceback" not in result.output
