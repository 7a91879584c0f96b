"""The editors' guide and page template: what CONTRIBUTING.md tells an editor to do works.

A new page made from templates/ (both languages, with its menu line, dated as the guide says) and
the guide's example sources, cited on it in place of the template's example citations, pass the
strict build and the checks of a copy of the tests' own small site (tests/fixtures/site,
fixture_project), today FIXTURE_TODAY. The quick start stays short and asks editors only for
make build, make check and make serve.
"""

from __future__ import annotations

import re
from datetime import date

from conftest import FIXTURE_TODAY, ROOT, add_to_nav, build, fixture_project, run_checks

GUIDE = ROOT / "CONTRIBUTING.md"
TEMPLATES = {"nl": ROOT / "templates" / "pagina.md", "en": ROOT / "templates" / "pagina.en.md"}
EDITOR_COMMANDS = {"build", "check", "serve"}
QUICK_START_WORDS = 1500
MARKERS = ["<!-- md:summary -->", "<!-- md:care ", "<!-- md:evidence ", "<!-- md:do -->", "<!-- md:dont -->", "<!-- md:end -->"]
FRONT_MATTER_KEYS = ["title", "description", "last_reviewed", "reviewed_by", "next_review"]
TODAY = date.fromisoformat(FIXTURE_TODAY)


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def quick_start() -> str:
    """The guide's first section: from its heading to the next heading of the same level."""
    text = guide()
    first = re.search(r"^## .*$", text, flags=re.M)
    assert first is not None, "CONTRIBUTING.md has no sections"
    rest = text[first.end() :]
    following = re.search(r"^## ", rest, flags=re.M)
    return first.group(0) + (rest[: following.start()] if following else rest)


def guide_sources() -> str:
    """The example entries of data/sources.yml that the guide shows."""
    blocks = re.findall(r"```yaml\n(.*?)```", guide(), flags=re.S)
    return "".join(block for block in blocks if block.lstrip().startswith("- id:"))


def dated(template: str, last: date, following: date) -> str:
    """The template with the review dates an editor writes (the guide: the day of the review, at most a year later)."""
    template = re.sub(r"^last_reviewed: \S+", f"last_reviewed: {last.isoformat()}", template, count=1, flags=re.M)
    return re.sub(r"^next_review: \S+", f"next_review: {following.isoformat()}", template, count=1, flags=re.M)


def template_dates(template: str) -> tuple[date, date]:
    found = dict(re.findall(r"^(last_reviewed|next_review): (\d{4}-\d{2}-\d{2})", template, flags=re.M))
    return date.fromisoformat(found["last_reviewed"]), date.fromisoformat(found["next_review"])


def test_a_page_made_from_the_template_with_the_guides_sources_passes_the_strict_build_and_the_checks(tmp_path):
    project = fixture_project(tmp_path / "project")
    examples = guide_sources()
    keys = re.findall(r"- id: (\S+)", examples)
    assert len(keys) >= 3, "the guide shows a journal article, an organisation's document and a medicine's product information"
    with (project / "data" / "sources.yml").open("a", encoding="utf-8") as sources:
        sources.write(examples)
    citation = "[" + "; ".join(f"@{key}" for key in keys) + "]"
    next_year = TODAY.replace(year=TODAY.year + 1)
    for lang, name in (("nl", "slaap.md"), ("en", "slaap.en.md")):
        page = dated(TEMPLATES[lang].read_text(encoding="utf-8"), TODAY, next_year)
        # The editor replaces the template's example citations with the page's own sources.
        page = re.sub(r"\[@[^\]]*\]", citation, page)
        page += f"\n## {'Bronnen voor de test' if lang == 'nl' else 'Sources for the test'}\n\nSlaap {citation}.\n"
        (project / "docs" / name).write_text(page, encoding="utf-8")
    add_to_nav(project, "slaap.md")
    env = {"RLS_TODAY": FIXTURE_TODAY}
    result = build(project, env)
    assert result.ok, result.output
    titles = re.findall(r'^    title: "(.*)"$', examples, flags=re.M)
    assert len(titles) == len(keys)
    for built in ("slaap/index.html", "en/slaap/index.html"):
        html = (result.site / built).read_text(encoding="utf-8")
        assert [title for title in titles if title not in html] == [], f"{built} does not list every cited source"
    checks = run_checks(project, env)
    assert checks.returncode == 0, checks.stdout + checks.stderr


def test_the_template_has_every_part_of_a_page_in_both_languages():
    for lang, path in TEMPLATES.items():
        template = path.read_text(encoding="utf-8")
        front_matter = template.split("---\n")[1]
        for key in FRONT_MATTER_KEYS:
            assert re.search(rf"^{key}: \S", front_matter, flags=re.M), f"{path.name}: no {key}"
        for marker in MARKERS:
            assert marker in template, f"{path.name}: no {marker.strip()}"
        # Its example dates read as the guide says: the next review after the last, at most a year on.
        last, following = template_dates(template)
        assert last < following <= last.replace(year=last.year + 1), f"{path.name} ({lang})"


def test_the_quick_start_is_short():
    words = len(quick_start().split())
    assert 0 < words <= QUICK_START_WORDS, f"the quick start has {words} words"


def test_the_guide_asks_editors_only_for_make_build_check_and_serve():
    named = set(re.findall(r"\bmake\s+([a-z][a-z-]*)", guide()))
    assert named, "the guide names no make command"
    assert named <= EDITOR_COMMANDS, f"the guide names make {', '.join(sorted(named - EDITOR_COMMANDS))}"
    assert EDITOR_COMMANDS & set(re.findall(r"\bmake\s+([a-z][a-z-]*)", quick_start()))


def test_the_guide_links_to_the_error_reference_instead_of_holding_it():
    text = guide()
    assert "FOUTMELDINGEN.md" in text
    assert not re.search(r"^\| *regel *\|", text, flags=re.M), "the table of rules belongs in FOUTMELDINGEN.md"
