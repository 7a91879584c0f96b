"""The tests' own small site takes the project's real mkdocs.yml: fixture_project() writes it with only
the site name and the menu of tests/fixtures/site/mkdocs-own.yml, replaced as text."""

from __future__ import annotations

import pytest

from conftest import FIXTURE_CONFIG, ROOT, add_to_nav, fixture_config, fixture_project, nav_block, nav_pages

CONFIG = """\
site_name: Project
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
not_in_nav: |
  /zoeken.md

nav:
  - index.md
  - over.md

# Said of the key below the menu: it stays.
markdown_extensions:
  - toc
"""
OWN = "# The fixture's own.\nsite_name: Fixture\n\nnav:\n  - index.md\n  - bronnen.md\n"


def test_only_the_site_name_and_the_menu_are_the_fixtures():
    assert fixture_config(CONFIG, OWN) == CONFIG.replace("site_name: Project", "site_name: Fixture").replace(
        "  - over.md\n", "  - bronnen.md\n"
    )


def test_the_small_sites_mkdocs_yml_is_the_projects_apart_from_its_name_and_menu(tmp_path):
    project_config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    copy = (fixture_project(tmp_path / "small") / "mkdocs.yml").read_text(encoding="utf-8")

    def rest(config: str) -> list[str]:
        return [line for line in config.replace(nav_block(config), "").splitlines() if not line.startswith("site_name:")]

    assert rest(copy) == rest(project_config)
    assert nav_block(copy) == nav_block(FIXTURE_CONFIG.read_text(encoding="utf-8"))
    assert "site_name: Rusteloze benen (test)\n" in copy
    assert not (tmp_path / "small" / FIXTURE_CONFIG.name).exists()


def test_a_config_without_a_menu_is_refused():
    with pytest.raises(ValueError, match="nav"):
        fixture_config(CONFIG.replace("nav:", "menu:"), OWN)


def test_add_to_nav_adds_a_line_at_the_end_of_the_menu(tmp_path):
    project = fixture_project(tmp_path / "small")
    add_to_nav(project, "nieuw.md")
    assert nav_pages(project) == [*nav_pages(FIXTURE_CONFIG), "nieuw/"]
