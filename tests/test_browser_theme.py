"""The light/dark toggle (overrides/partials/javascripts/palette.html) in a real Chromium: it
follows the reader's system setting before the text is shown, switches by mouse and keyboard,
follows a change of the system setting, and remembers nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Records the scheme the body has when the page text first exists, before any paint of it.
SCHEME_WHEN_TEXT_APPEARS = """
new MutationObserver(function (changes, observer) {
  if (document.querySelector("article")) {
    window.schemeWhenTextAppeared = document.body.getAttribute("data-md-color-scheme");
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def visible_toggle(page):
    return page.locator("form.md-header__option label:visible")


@pytest.mark.parametrize("system,expected", [("light", "default"), ("dark", "slate")])
def test_scheme_follows_the_system_before_the_text_is_shown(page, small_server, system, expected):
    page.emulate_media(color_scheme=system)
    page.add_init_script(SCHEME_WHEN_TEXT_APPEARS)
    page.goto(small_server + "symptomen/")
    assert page.evaluate("window.schemeWhenTextAppeared") == expected
    assert scheme(page) == expected
    expect(page.locator('meta[name="color-scheme"]')).to_have_attribute("content", system)


@pytest.mark.parametrize(
    "prefix,to_dark,to_light",
    [("", "Donkere modus", "Lichte modus"), ("en/", "Dark mode", "Light mode")],
)
def test_toggle_switches_by_mouse_and_stores_nothing(page, small_server, prefix, to_dark, to_light):
    page.emulate_media(color_scheme="light")
    page.goto(small_server + prefix)
    expect(visible_toggle(page)).to_have_count(1)
    expect(visible_toggle(page)).to_have_attribute("title", to_dark)
    visible_toggle(page).click()
    assert scheme(page) == "slate"
    expect(page.locator('meta[name="color-scheme"]')).to_have_attribute("content", "dark")
    expect(visible_toggle(page)).to_have_attribute("title", to_light)
    visible_toggle(page).click()
    assert scheme(page) == "default"
    visible_toggle(page).click()
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    page.reload()
    assert scheme(page) == "default", "a new page follows the system setting again"


def test_toggle_works_with_the_keyboard(page, small_server):
    page.emulate_media(color_scheme="light")
    page.goto(small_server)
    page.locator("form.md-header__option input:checked").focus()
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    expect(page.locator("form.md-header__option input:checked")).to_be_focused()
    page.keyboard.press("Enter")
    assert scheme(page) == "default"


def test_a_change_of_the_system_setting_is_followed_while_reading(page, small_server):
    page.emulate_media(color_scheme="light")
    page.goto(small_server + "en/symptomen/")
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(color_scheme="light")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_each_evidence_level_and_care_level_has_its_own_colour_and_a_border(page, small_server):
    """The evidence statement is set apart by a border in its level's colour (the level's name is
    in its words too); a care card by its border."""
    page.goto(small_server)  # the small site's home page has a statement of every level
    colours = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('strong.evidence')].map((mark) => {
          const style = getComputedStyle(mark.closest('p'));
          return [mark.dataset.evidence, [style.borderLeftStyle, parseFloat(style.borderLeftWidth), style.borderLeftColor]];
        }))"""
    )
    assert set(colours) == {"strong", "moderate", "weak", "none", "no-effect"}
    assert all(style == "solid" and width >= 4 for style, width, _ in colours.values()), colours
    assert len({colour for *_, colour in colours.values()}) == 5, colours  # one colour a level
    card = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.care-card')); return [s.borderTopStyle, parseFloat(s.borderTopWidth)]; }"
    )
    assert card[0] == "solid" and card[1] >= 1
