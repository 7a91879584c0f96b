"""The self-check in a real Chromium: results, keyboard use, privacy, printing and accessibility."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import outside_hosts

pytestmark = pytest.mark.browser
IDS = ["urge", "evening", "rest", "movement", "other_cause"]
LANGS = [("", "Ja", "Nee"), ("en/", "Yes", "No")]


def open_check(page, server, prefix=""):
    page.goto(server + prefix + "symptomen/")
    form = page.locator("[data-selfcheck-form]")
    expect(form).to_be_visible()
    return page.locator("[data-selfcheck-result]")


def answer(page, answers: dict[str, str]):
    for criterion, value in answers.items():
        page.locator(f"#selfcheck-{criterion}-{value}").check()


@pytest.mark.parametrize("prefix,yes,no", LANGS)
def test_all_yes_shows_the_matching_text_and_no_diagnosis(page, server, prefix, yes, no):
    result = open_check(page, server, prefix)
    expect(result.locator('[data-result="incomplete"]')).to_be_visible()
    answer(page, dict.fromkeys(IDS, "yes"))
    shown = result.locator('[data-result="all_yes"]')
    expect(shown).to_be_visible()
    expect(shown).to_contain_text("huisarts" if not prefix else "GP")
    expect(shown).to_contain_text("geen diagnose" if not prefix else "not a diagnosis")
    expect(result.locator('[data-result="incomplete"]')).to_be_hidden()


def test_one_no_names_that_criterion_and_changing_it_updates_the_result(page, server):
    result = open_check(page, server)
    answer(page, {**dict.fromkeys(IDS, "yes"), "other_cause": "no"})
    expect(result.locator('[data-result="some_no"]')).to_be_visible()
    expect(result.locator('[data-mismatch="other_cause"]')).to_be_visible()
    expect(result.locator('[data-mismatch="other_cause"]')).to_contain_text("andere aandoening")
    expect(result.locator('[data-mismatch="other_cause"]')).to_contain_text("huisarts")
    for other in IDS[:-1]:
        expect(result.locator(f'[data-mismatch="{other}"]')).to_be_hidden()
    answer(page, {"other_cause": "yes"})
    expect(result.locator('[data-result="all_yes"]')).to_be_visible()
    expect(result.locator('[data-result="some_no"]')).to_be_hidden()


def test_partly_answered_gives_no_conclusion(page, server):
    result = open_check(page, server, "en/")
    answer(page, {"urge": "yes", "evening": "yes"})
    expect(result.locator('[data-result="incomplete"]')).to_be_visible()
    expect(result.locator('[data-result="all_yes"]')).to_be_hidden()


def test_the_whole_check_works_by_keyboard_alone(page, server):
    result = open_check(page, server)
    for _ in range(300):  # Tab from the top of the page to the first question
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "selfcheck-urge-yes":
            break
    else:
        pytest.fail("the first question cannot be reached with Tab")
    for criterion in IDS[:-1]:
        page.keyboard.press("Space")  # choose "yes"
        expect(page.locator(f"#selfcheck-{criterion}-yes")).to_be_checked()
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # the last question: move to and choose "no"
    expect(page.locator("#selfcheck-other_cause-no")).to_be_checked()
    expect(result.locator('[data-mismatch="other_cause"]')).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(result.locator('[data-result="all_yes"]')).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-selfcheck-print')")


def test_answers_never_leave_the_page(page, server, requests_seen, context):
    open_check(page, server)
    page.wait_for_load_state("networkidle")
    before = len(requests_seen)
    answer(page, {**dict.fromkeys(IDS, "yes"), "rest": "no"})
    answer(page, {"rest": "yes"})
    page.wait_for_timeout(300)
    assert requests_seen[before:] == [], "answering made a request"
    assert outside_hosts(requests_seen) == []
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert context.cookies() == []


def test_print_view_holds_questions_answers_and_date_without_navigation(page, server):
    page.add_init_script("window.print = () => { window.__printed = true; }")
    open_check(page, server)
    answer(page, {**dict.fromkeys(IDS, "yes"), "movement": "no"})
    page.locator("[data-selfcheck-print]").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    summary = page.locator(".selfcheck__print-summary")
    expect(summary).to_be_visible()
    expect(summary.locator('[data-selfcheck-answer="urge"]')).to_have_text("Ja")
    expect(summary.locator('[data-selfcheck-answer="movement"]')).to_have_text("Nee")
    expect(summary.locator("[data-selfcheck-date]")).to_have_text(
        page.evaluate("new Date().toLocaleDateString('nl', {year: 'numeric', month: 'long', day: 'numeric'})")
    )
    expect(summary).to_contain_text("Worden de klachten minder als je beweegt?")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_without_javascript_the_criteria_read_as_a_list(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "symptomen/")
    expect(page.locator("[data-selfcheck-static] li")).to_have_count(5)
    expect(page.locator("[data-selfcheck-static]")).to_contain_text("huisarts")
    expect(page.locator("[data-selfcheck-form]")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_axe_finds_no_violation_on_the_self_check_page(page, server, prefix, system):
    """Answered, with a result showing, in both colour schemes."""
    page.emulate_media(color_scheme=system)
    open_check(page, server, prefix)
    answer(page, {**dict.fromkeys(IDS, "yes"), "evening": "no"})
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
