"""A small project of the tests' own: the site's machinery (hooks, templates, mkdocs.yml, the data
files that define components and evidence levels) with pages, sources, a reviewer and a menu of
its own, in both languages. Its pages' dates are set from a given "today" (pass the same day as
RLS_TODAY to the build); nothing in it depends on the real site's pages.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2031, 5, 14)  # the fixed "today" of the tests that use this project
MACHINERY = ["hooks", "overrides", "data", "mkdocs.yml"]

SOURCES = """\
references:
  - id: artikel2020
    type: webpage
    title: "A web page that the site retells"
    issued: {date-parts: [[2020, 8, 19]]}
  - id: janssen2029
    type: article-journal
    author:
      - {family: Janssen, given: A.}
    title: "A small trial of evening walks"
    container-title: Journal of Examples
    issued: {date-parts: [[2029]]}
"""

REVIEWERS = """\
reviewers:
  - id: redactie
    type: organization
    physician: false
    name:
      nl: Proefredactie
      en: Trial editors
    qualification:
      nl: geen artsen
      en: not doctors
"""


def front_matter(title: str, description: str, today: date) -> str:
    return (
        f"---\ntitle: {title}\ndescription: {description}\n"
        f"last_reviewed: {(today - timedelta(days=10)).isoformat()}\nreviewed_by: redactie\n"
        f"next_review: {(today + timedelta(days=300)).isoformat()}\n---\n\n"
    )


def page(title: str, description: str, body: str, today: date) -> str:
    return f"{front_matter(title, description, today)}# {title}\n\n{body}\n"


def pages(today: date) -> dict[str, str]:
    """The project's own pages, by file name under docs/."""
    return {
        "index.md": page(
            "Proefpagina",
            "Een proefpagina voor de tests.",
            "<!-- md:summary -->\n\n- Wandel in de avond.\n\n<!-- md:end -->\n\n"
            "## Wandelen\n\nEen wandeling in de avond helpt sommige mensen [@janssen2029].\n",
            today,
        ),
        "index.en.md": page(
            "Trial page",
            "A trial page for the tests.",
            "<!-- md:summary -->\n\n- Walk in the evening.\n\n<!-- md:end -->\n\n"
            "## Walking\n\nAn evening walk helps some people [@janssen2029].\n",
            today,
        ),
        "over.md": page(
            "Over",
            "Over deze proefsite.",
            "## Medische disclaimer {#disclaimer}\n\nBespreek je klachten met je huisarts.\n\n"
            "## Partnerlinks {#partnerlinks}\n\nDeze proefsite heeft geen partners.\n\n"
            "## Hoe sterk is het bewijs? {#bewijs}\n\n<!-- md:evidence-scale -->\n",
            today,
        ),
        "over.en.md": page(
            "About",
            "About this trial site.",
            "## Medical disclaimer {#disclaimer}\n\nTalk to your GP about your symptoms.\n\n"
            "## Partner links {#partnerlinks}\n\nThis trial site has no partners.\n\n"
            "## How strong is the evidence? {#bewijs}\n\n<!-- md:evidence-scale -->\n",
            today,
        ),
        "zoeken.md": "---\ntitle: Zoeken\ndescription: Zoek op de proefsite.\ntemplate: search-page.html\n---\n\n# Zoeken\n",
        "zoeken.en.md": "---\ntitle: Search\ndescription: Search the trial site.\ntemplate: search-page.html\n---\n\n# Search\n",
    }


def with_nav(config: str, entries: list[str]) -> str:
    """mkdocs.yml with its `nav:` replaced by `entries` (file names, one menu line each)."""
    lines = config.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("nav:"))
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "-", "#")) or not lines[end].strip()):
        end += 1
    nav = "nav:\n" + "".join(f"  - {entry}\n" for entry in entries) + "\n"
    return "".join(lines[:start]) + nav + "".join(lines[end:])


def make_small_site(target: Path, today: date = TODAY, nav: list[str] | None = None) -> Path:
    """The small project in `target`, ready to build with RLS_TODAY=`today`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in MACHINERY:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    (target / "data" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (target / "data" / "reviewers.yml").write_text(REVIEWERS, encoding="utf-8")
    docs = target / "docs"
    docs.mkdir()
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for name, text in pages(today).items():
        (docs / name).write_text(text, encoding="utf-8")
    config = target / "mkdocs.yml"
    config.write_text(with_nav(config.read_text(encoding="utf-8"), nav or ["index.md", "over.md"]), encoding="utf-8")
    return target


def add_to_nav(project: Path, entry: str) -> None:
    """One more menu line at the end of the project's `nav:`."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entries = re.findall(r"^  - (\S+)$", text.split("\nnav:\n", 1)[1].split("\n\n", 1)[0], flags=re.M)
    config.write_text(with_nav(text, [*entries, entry]), encoding="utf-8")
