"""MkDocs' warnings an editor can cause, as rules with file, line and fix: a page missing from the
menu (once for both languages), a Markdown link to a page or an anchor that does not exist (on a Dutch or an English page,
on its source line), an anchor of the other language's page."""

from __future__ import annotations

from datetime import date

from rls_site.checks.config import check_menu
from rls_site.checks.markdown_links import check_anchors, find_page_links
from rls_site.checks.run import Settings, SourcePage, check_site
from rls_site.data.project import ProjectData

LANGUAGES = ["nl", "en"]
SOURCES = {"index.md", "index.en.md", "oorzaken.md", "oorzaken.en.md", "over.md", "over.en.md", "sub/a.md", "sub/a.en.md"}
IDS = {"oorzaken.md": {"ijzer"}, "oorzaken.en.md": {"iron"}, "index.md": {"welkom"}, "index.en.md": {"welcome"}}


def links_in(markdown: str, src: str, lang: str):
    return find_page_links(markdown, src, f"docs/{src}", lang, SOURCES, LANGUAGES)


def test_a_link_to_a_page_that_does_not_exist_is_reported_on_its_line():
    for src, lang in (("index.md", "nl"), ("index.en.md", "en")):
        text = "# Titel\n\nZie [oorzaken](oorzaken.md) en\n[iets](oorzaak.md#ijzer).\n"
        links, errors = links_in(text, src, lang)
        assert [(e.rule, e.file, e.line, e.address) for e in errors] == [("link-broken", f"docs/{src}", 4, "oorzaak.md#ijzer")]
        assert [link.target for link in links] == [f"oorzaken{'.en' if lang == 'en' else ''}.md"]


def test_links_from_a_folder_from_the_root_and_on_the_same_page_are_resolved():
    text = "[a](../oorzaken.md) [b](/over.md#partnerlinks) [c](#boven) [d](https://example.org/x.md) [e](assets/x.pdf)\n"
    links, errors = links_in(text, "sub/a.en.md", "en")
    assert errors == []
    assert [(link.target, link.anchor) for link in links] == [
        ("oorzaken.en.md", ""),
        ("over.en.md", "partnerlinks"),
        ("sub/a.en.md", "boven"),
    ]


def test_an_anchor_that_is_not_on_the_page_is_reported_on_the_line_of_the_link():
    links, _ = links_in("# Titel\n\n[ijzer](oorzaken.md#ijzr)\n", "index.md", "nl")
    errors = check_anchors(links, lambda src: IDS.get(src), LANGUAGES)
    assert [(e.rule, e.file, e.line) for e in errors] == [("link-broken", "docs/index.md", 3)]


def test_an_anchor_of_the_other_language_is_named_so(monkeypatch):
    links, _ = links_in("# Title\n\nSee [iron](oorzaken.md#ijzer) and [iron](oorzaken.en.md#iron).\n", "index.en.md", "en")
    errors = check_anchors(links, lambda src: IDS.get(src), LANGUAGES)
    assert [(e.rule, e.file, e.line) for e in errors] == [("link-other-language", "docs/index.en.md", 3)]
    monkeypatch.setenv("RLS_MESSAGES", "en")
    assert "different anchors in each language" in errors[0].fix


def test_anchors_that_need_no_id_and_pages_not_built_pass():
    links, _ = links_in("[a](#top) [b](oorzaken.md#:~:text=ijzer) [c](over.md#x)\n", "index.md", "nl")
    assert check_anchors(links, lambda src: IDS.get(src), LANGUAGES) == []


def write_project(root, nav: str, pages: list[str]):
    (root / "mkdocs.yml").write_text(
        f"site_name: x\nnav:\n{nav}not_in_nav: |\n  /zoeken.md\n  /zoeken.en.md\n",
        encoding="utf-8",
    )
    return [*pages, "zoeken.md", "zoeken.en.md"]


def test_a_page_missing_from_the_menu_is_reported_once_on_its_default_language_file(tmp_path):
    sources = write_project(
        tmp_path,
        "  - index.md\n  - Meer:\n      - oorzaken.md\n",
        ["index.md", "index.en.md", "oorzaken.md", "oorzaken.en.md", "nieuw.en.md", "nieuw.md", "alleen.en.md"],
    )
    errors = check_menu(tmp_path, sources, LANGUAGES)
    assert [(e.rule, e.file, e.line) for e in errors] == [("nav-missing", "docs/nieuw.md", 1), ("nav-missing", "docs/alleen.en.md", 1)]
    assert "'  - nieuw.md'" in errors[0].fix and "'  - alleen.md'" in errors[1].fix


def test_a_site_without_nav_lists_every_page_itself(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert check_menu(tmp_path, ["a.md"], LANGUAGES) == []


def built(lang: str, body: str) -> str:
    return f'<!doctype html>\n<html lang="{lang}">\n<head><title>t</title></head>\n<body>\n{body}\n</body>\n</html>\n'


def link_problems(tmp_path, index_body: str) -> list[tuple]:
    """The link problems of a small built site whose Dutch home page is `index_body`, its source a
    Markdown link 'oorzaken.md#ijzr' on line 3 (MkDocs writes it as 'oorzaken/#ijzr')."""
    site = tmp_path / "site"
    for rel, lang, body in (
        ("index.html", "nl", index_body),
        ("oorzaken/index.html", "nl", '<h2 id="ijzer">Ijzer</h2>'),
        ("en/index.html", "en", '<p><a href="../oorzaken/#ijzer">x</a></p>'),
        ("en/oorzaken/index.html", "en", '<h2 id="iron">Iron</h2>'),
    ):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(built(lang, body), encoding="utf-8")
    sources = {
        "index.md": "# T\n\n[x](oorzaken.md#ijzr)\n",
        "index.en.md": "# T\n\n\n[x](oorzaken.md#ijzer)\n",
        "oorzaken.md": "# O\n",
        "oorzaken.en.md": "# C\n",
    }
    pages = []
    for src, text in sources.items():
        lang = "en" if src.endswith(".en.md") else "nl"
        page = SourcePage(src, f"docs/{src}", lang, text, page=src.replace(".en.md", ".md"))
        page.links, errors = find_page_links(text, src, page.file, lang, set(sources), LANGUAGES)
        assert errors == []
        pages.append(page)
    labels = {"disclaimer": "Let op", "partner_label": "partner"}
    settings = Settings(ProjectData(tmp_path, LANGUAGES, labels={"nl": labels, "en": labels}), date(2026, 12, 3))
    report = check_site(site, pages, settings)
    return sorted((e.rule, e.file, e.line) for e in report.errors if e.rule.startswith("link"))


def test_a_broken_anchor_is_reported_once_on_the_source_line_not_on_the_built_file(tmp_path):
    """The built-site link check finds the Markdown link too: reported once, on the page's source line."""
    assert link_problems(tmp_path, '<p><a href="oorzaken/#ijzr">x</a></p>') == [
        ("link-broken", "docs/index.md", 3),
        ("link-other-language", "docs/index.en.md", 4),
    ]


def test_the_same_anchor_on_another_page_is_a_problem_of_its_own(tmp_path):
    """A link the template wrote to '#ijzr' on this page is not the Markdown link to oorzaken's '#ijzr'."""
    assert link_problems(tmp_path, '<p><a href="#ijzr">boven</a>\n<a href="oorzaken/#ijzr">x</a></p>') == [
        ("link-broken", "docs/index.md", 3),
        ("link-broken", "site/index.html", 5),  # not in the page's source: on the built line
        ("link-other-language", "docs/index.en.md", 4),
    ]
