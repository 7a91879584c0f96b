"""The self-check in a real Chromium: results, keyboard use, privacy, printing and accessibility.

On the tests' own small site (its 'symptomen' page has the self-check, with its own copy of
data/selfcheck.yml), so the tests hold wherever the real pages put the self-check."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import outside_hosts

pytestmark = pytest.mark.browser
IDS = ["urge", "rest", "movement", "evening", "other_cause"]
NEUTRAL = {"": "Neem je antwoorden mee naar je huisarts.", "en/": "Take your answers to your GP."}


def open_check(page, server, prefix=""):
    page.goto(server + prefix + "symptomen/")
    form = page.locator("[data-selfcheck-form]")
    expect(form).to_be_visible()
    return page.locator("[data-selfcheck-result]")


def answer(page, answers: dict[str, str]):
    for criterion, value in answers.items():
        page.locator(f"#selfcheck-{criterion}-{value}").check()


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize(
    "answers",
    [
        dict.fromkeys(IDS, "yes"),
        dict.fromkeys(IDS, "no"),
        dict.fromkeys(IDS, "unsure"),
        {**dict.fromkeys(IDS, "yes"), "other_cause": "unsure"},
        {**dict.fromkeys(IDS, "yes"), "other_cause": "no"},
        {"urge": "no", "rest": "unsure", "movement": "yes", "evening": "no", "other_cause": "yes"},
    ],
    ids=["all-yes", "all-no", "all-not-sure", "fifth-not-sure", "fifth-no", "mixed"],
)
def test_every_set_of_answers_shows_the_same_neutral_text(page, small_server, prefix, answers):
    result = open_check(page, small_server, prefix)
    expect(result.locator('[data-result="incomplete"]')).to_be_visible()
    answer(page, answers)
    shown = result.locator('[data-result="complete"]')
    expect(shown).to_be_visible()
    expect(shown).to_contain_text(NEUTRAL[prefix])
    expect(result.locator('[data-result="incomplete"]')).to_be_hidden()
    expect(result).not_to_contain_text("passen" if not prefix else "match")


def test_all_243_sets_of_answers_give_one_and_the_same_text(page, small_server):
    """Every combination of yes, no and not sure on the five questions, set in the page itself."""
    open_check(page, small_server)
    shown = page.evaluate(
        """(ids) => {
            const values = ["yes", "no", "unsure"], seen = new Set();
            for (let n = 0; n < 243; n++) {
                ids.forEach((id, i) => {
                    const input = document.getElementById(`selfcheck-${id}-${values[Math.floor(n / 3 ** i) % 3]}`);
                    input.checked = true;
                    input.dispatchEvent(new Event("change", {bubbles: true}));
                });
                const visible = [...document.querySelectorAll("[data-result]")].filter((el) => !el.hidden);
                seen.add(visible.map((el) => el.getAttribute("data-result") + ":" + el.textContent.trim()).join("|"));
            }
            return [...seen];
        }""",
        IDS,
    )
    # One outcome: the care card's heading (with the urgency said first to screen readers) and the neutral text.
    assert len(shown) == 1 and shown[0].startswith("complete:Geen spoed: Bespreek je antwoorden met je huisarts"), shown
    assert NEUTRAL[""] in shown[0]


def test_partly_answered_shows_no_outcome(page, small_server):
    result = open_check(page, small_server, "en/")
    answer(page, {"urge": "yes", "rest": "no", "movement": "unsure", "evening": "yes"})
    expect(result.locator('[data-result="incomplete"]')).to_be_visible()
    expect(result.locator('[data-result="complete"]')).to_be_hidden()
    answer(page, {"other_cause": "unsure"})
    expect(result.locator('[data-result="complete"]')).to_be_visible()


def test_the_whole_check_works_by_keyboard_alone(page, small_server):
    result = open_check(page, small_server)
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
    expect(result.locator('[data-result="incomplete"]')).to_be_visible()
    page.keyboard.press("ArrowRight")  # the last question: move to and choose "no"
    page.keyboard.press("ArrowRight")  # and on to "not sure"
    expect(page.locator("#selfcheck-other_cause-unsure")).to_be_checked()
    expect(result.locator('[data-result="complete"]')).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-selfcheck-print')")


def test_answers_never_leave_the_page(page, small_server, requests_seen, context):
    open_check(page, small_server)
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


def test_print_view_holds_questions_answers_date_and_the_neutral_text(page, small_server):
    page.add_init_script("window.print = () => { window.__printed = true; }")
    open_check(page, small_server)
    answer(page, {"urge": "yes", "rest": "yes", "movement": "no", "other_cause": "unsure"})  # "evening" left open
    page.locator("[data-selfcheck-print]").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    summary = page.locator(".selfcheck__print-summary")
    expect(summary).to_be_visible()
    expect(summary.locator('[data-selfcheck-answer="urge"]')).to_have_text("Ja")
    expect(summary.locator('[data-selfcheck-answer="movement"]')).to_have_text("Nee")
    expect(summary.locator('[data-selfcheck-answer="other_cause"]')).to_have_text("Weet ik niet")
    expect(summary.locator('[data-selfcheck-answer="evening"]')).to_have_text("niet ingevuld")
    expect(summary.locator("[data-selfcheck-date]")).to_have_text(
        page.evaluate("new Date().toLocaleDateString('nl', {year: 'numeric', month: 'long', day: 'numeric'})")
    )
    expect(summary).to_contain_text("Worden de klachten minder als je beweegt?")
    expect(summary).to_contain_text(NEUTRAL[""])
    # The on-screen result is not printed a second time, nor the questions' form or the site's navigation.
    expect(page.locator("[data-selfcheck-result]")).to_be_hidden()
    expect(page.locator(".selfcheck__question").first).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_without_javascript_the_same_questions_and_the_same_neutral_text(browser, small_server, prefix):
    """The list without JavaScript says what the form says: the same five questions, the same text."""
    scripted = browser.new_page()
    scripted.goto(small_server + prefix + "symptomen/")
    legends = [text.split(". ", 1)[1] for text in scripted.locator("[data-selfcheck-form] legend").all_inner_texts()]
    scripted.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(small_server + prefix + "symptomen/")
    static = page.locator("[data-selfcheck-static]")
    expect(static.locator("li")).to_have_count(5)
    assert [item.split("?")[0] for item in static.locator("li strong").all_inner_texts()] == [q.split("?")[0] for q in legends]
    expect(static).to_contain_text(NEUTRAL[prefix])
    expect(page.locator("[data-selfcheck-form]")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_axe_finds_no_violation_on_the_self_check_page(page, small_server, prefix, system):
    """Answered, with a result showing, in both colour schemes."""
    page.emulate_media(color_scheme=system)
    open_check(page, small_server, prefix)
    answer(page, {**dict.fromkeys(IDS, "yes"), "evening": "no", "other_cause": "unsure"})
    expect(page.locator('[data-result="complete"]')).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
