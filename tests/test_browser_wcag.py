"""WCAG 2.2 AA on every page, in both languages and both colour schemes, in a real Chromium.

Each test names the success criterion it checks:

- 1.4.10 Reflow: at 320 CSS px wide (a 1280 px screen at 400% zoom) no horizontal scrolling, and
  no text cut off or pushed out of view;
- 1.4.12 Text spacing: with the spacing WCAG names applied, still nothing clipped or overflowing;
- 2.5.8 Target size (minimum): every control at least 24 x 24 CSS px, except links inside a
  sentence (the criterion's own exception);
- 2.4.11 Focus not obscured and 2.4.7 Focus visible: Tab through the page at 400% zoom, every
  focused element is in view, not under the sticky header (not even partly: 2.4.12, the AAA
  level), and has a focus ring;
- forced colours (Windows high contrast): the parts keep their borders, the focus ring shows, and a
  care card's urgency is in its heading's words;
- axe-core with the WCAG 2.0 to 2.2 A and AA rules only.

The self-check page is also tested with its outcome shown (every question answered).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import pages

pytestmark = pytest.mark.browser

SCHEMES = ["light", "dark"]
PHONE = {"width": 390, "height": 844}
NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10: 1280 CSS px at 400% zoom
ZOOMED = {"width": 320, "height": 256}  # a 1280 x 1024 screen at 400% zoom: the least room for the sticky header
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# WCAG 1.4.12: line height 1.5, paragraph spacing 2, letter spacing 0.12, word spacing 0.16 times
# the font size.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Shared by the checks below: is an element shown, and how to name it in a message.
HELPERS = """
const shown = (el) => {
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') return false;
  if (el.closest('[hidden], .site-visually-hidden, .md-visually-hidden')) return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
};
const name = (el) => {
  const text = (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ' class="' + el.className + '"' : ''}> "${text}"`;
};
const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
"""

# Text that does not fit: a page wider than the window, an element that hides part of its text
# (overflow hidden or clip), or text standing (partly) outside the window.
OVERFLOW = (
    "() => {"
    + HELPERS
    + """
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el) || !el.innerText || !el.innerText.trim()) continue;
    const style = getComputedStyle(el);
    const clips = (value) => value === 'hidden' || value === 'clip';
    if ((clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      problems.push(`${name(el)} cuts off its text (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    }
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) {
      problems.push(`${name(el)} is shortened with an ellipsis`);
    }
    if (ownText(el)) {
      const rect = el.getBoundingClientRect();
      if (rect.left < -1 || rect.right > width + 1) problems.push(`${name(el)} stands outside the window (${Math.round(rect.left)} to ${Math.round(rect.right)})`);
    }
  }
  return problems;
}"""
)

# Controls smaller than 24 x 24 CSS px. A link inside a sentence is exempt (2.5.8 "inline").
SMALL_TARGETS = (
    "() => {"
    + HELPERS
    + """
  const problems = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
  for (const el of document.querySelectorAll(controls)) {
    if (!shown(el)) continue;
    // The exception for a link inside a sentence: a link with text, shown inline, in a block of
    // text that has more words than the link's.
    if (el.matches('a') && el.innerText.trim() && getComputedStyle(el).display === 'inline' && !el.closest('nav, .md-nav, .md-footer, .md-header')) {
      const block = el.parentElement.closest('p, li, dd, dt, td, th, figcaption, blockquote, h1, h2, h3, h4, h5, h6');
      if (block && block.innerText.replace(el.innerText, '').trim().length > 0) continue;
    }
    const rect = el.getBoundingClientRect();
    if (rect.width < 24 || rect.height < 24) problems.push(`${name(el)} is ${Math.round(rect.width)}x${Math.round(rect.height)}`);
  }
  return problems;
}"""
)

# Where the focused element is: out of the window, or (partly) covered by anything (the sticky
# header above all); and whether it shows a focus ring.
FOCUSED = (
    "() => {"
    + HELPERS
    + r"""
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // The light/dark toggle's radio button is hidden (no size); the reader sees the label after it.
  const shownAs = el.matches('.md-option') ? el.nextElementSibling : el;
  const rect = shownAs.getBoundingClientRect();
  // Each line box of the element (a link may wrap over two lines), five points in each: the
  // centre and the corners, just inside.
  const inset = (a, b) => [a + Math.min(2, (b - a) / 2), b - Math.min(2, (b - a) / 2)];
  const points = [...shownAs.getClientRects()].flatMap((box) => {
    const [left, right] = inset(box.left, box.right);
    const [top, bottom] = inset(box.top, box.bottom);
    return [[(left + right) / 2, (top + bottom) / 2], [left, top], [right, top], [left, bottom], [right, bottom]];
  });
  // Covered: what is on top at that point is neither the element (or a part of it), nor its
  // label, nor around it.
  const own = [el, shownAs, ...(el.labels || [])];
  const covered = points.filter(([x, y]) => {
    const there = document.elementFromPoint(x, y);
    return there && !own.some((part) => part.contains(there)) && !there.contains(el);
  });
  // A self-check answer's ring is drawn round its label, the answer's whole target.
  const ringed = getComputedStyle(el.matches('.selfcheck__answer input') ? el.closest('.selfcheck__answer') : shownAs);
  return {
    name: name(el),
    ring: ringed.outlineStyle !== 'none' && parseFloat(ringed.outlineWidth) >= 2 && !/rgba\(.*,\s*0\)|transparent/.test(ringed.outlineColor),
    key: el.outerHTML.slice(0, 200) + Math.round(rect.top + window.scrollY),
    under: covered.length > 0,
    outside: rect.bottom < 0 || rect.top > window.innerHeight || rect.right < 0 || rect.left > window.innerWidth,
  };
}"""
)


def urls(site, server) -> list[str]:
    built = pages(site)
    return (
        [server + path.removesuffix("index.html") for path in built["nl"]]
        + [server + "en/" + path.removesuffix("index.html") for path in built["en"]]
        + [server + "404.html"]
    )


def states(page, url):
    """The page as it opens, and on the self-check page also with its outcome shown."""
    page.goto(url)
    page.wait_for_load_state("load")  # the site's scripts are deferred: they have run by then; nothing loads later
    yield "opened"
    if page.locator("[data-selfcheck] form").count():
        for question in page.locator(".selfcheck__question").all():
            question.locator("input[type=radio]").first.check()
        page.locator(".selfcheck__result:not([hidden])").first.wait_for()
        yield "self-check answered"


def check_every_page(page, site, server, scheme, check) -> list[str]:
    page.emulate_media(color_scheme=scheme)
    report = []
    for url in urls(site, server):
        for state in states(page, url):
            report.extend(f"{url} ({state}, {scheme}): {problem}" for problem in check(page))
    return report


# Reflow, text spacing and target size are layout: the two schemes differ in colour alone (Material's
# slate scheme and the colours in site.css), so each of these runs in one scheme, the schemes taking
# turns; what depends on colour (contrast with axe, forced colours, the focus ring) runs in both.
@pytest.mark.parametrize("scheme", ["light"])
def test_reflow_at_320_px_nothing_scrolls_sideways_or_is_cut_off(page, site, server, scheme):
    """1.4.10 Reflow."""
    page.set_viewport_size(NARROWEST)
    report = check_every_page(page, site, server, scheme, lambda page: page.evaluate(OVERFLOW))
    assert report == [], "\n".join(report)


@pytest.mark.parametrize("scheme", ["dark"])
def test_text_spacing_clips_nothing_on_a_phone_and_at_320_px(page, site, server, scheme):
    """1.4.12 Text spacing."""

    def spaced(page):
        page.add_style_tag(content=TEXT_SPACING)
        # The end state of each size, not the menu's slide out of sight while the window resizes.
        page.add_style_tag(content="* { transition: none !important; }")
        problems = []
        for size in (PHONE, NARROWEST):
            page.set_viewport_size(size)
            problems.extend(f"{size['width']}px: {problem}" for problem in page.evaluate(OVERFLOW))
        return problems

    report = check_every_page(page, site, server, scheme, spaced)
    assert report == [], "\n".join(report)


@pytest.mark.parametrize("scheme, size", [("light", PHONE), ("dark", {"width": 1280, "height": 800})], ids=["light-phone", "dark-desktop"])
def test_every_control_is_at_least_24_px(page, site, server, scheme, size):
    """2.5.8 Target size (minimum)."""
    page.set_viewport_size(size)
    report = check_every_page(page, site, server, scheme, lambda page: page.evaluate(SMALL_TARGETS))
    assert report == [], "\n".join(report)


# Each Tab's outcome read in the page as the next key goes down (the focus has moved and the page
# has scrolled by then, and nothing else has happened): one round trip to the browser per key
# instead of two.
RECORD_FOCUS = (
    "() => { const focused = "
    + FOCUSED
    + """;
  window.focusSeen = [];
  document.addEventListener('keydown', (event) => { if (event.key === 'Tab') window.focusSeen.push(focused()); }, true);
}"""
)
TAKE_FOCUS_SEEN = "() => { const seen = window.focusSeen; window.focusSeen = []; return seen; }"


def press_and_look(page, key: str, times: int) -> list[dict | None]:
    """What has the focus after each of `times` presses of `key` (Tab or Shift+Tab). The browser
    moves the focus as the key goes down: only that is sent, straight to Chromium, one message a
    key (Playwright's press sends the key down and up, each waited for)."""
    session = page.context.new_cdp_session(page)
    down = {"type": "rawKeyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "modifiers": 8 if key == "Shift+Tab" else 0}
    for _ in range(times):
        session.send("Input.dispatchKeyEvent", down)
    session.detach()
    # The first record is the focus before these presses; the last press is read here.
    return page.evaluate(TAKE_FOCUS_SEEN)[1:] + [page.evaluate(FOCUSED)]


def tab_through(page, limit: int = 400, batch: int = 25) -> list[str]:
    """Press Tab until the focus comes back round, then Shift+Tab as many times back up (the
    browser then scrolls each element in from the top, where the header is); every focused element
    that is out of view or (partly) under the sticky header."""
    problems, seen = [], set()
    page.evaluate(RECORD_FOCUS)

    def look(focused: dict | None, direction: str) -> None:
        if focused is not None and focused["outside"]:
            problems.append(f"{focused['name']} has the focus ({direction}) but is out of view")
        elif focused is not None and focused["under"]:
            problems.append(f"{focused['name']} has the focus ({direction}) but is (partly) under the header")
        if focused is not None and not focused["ring"]:
            problems.append(f"{focused['name']} has the focus but no focus ring (2.4.7)")

    pressed, round_done = 0, False
    while pressed < limit and not round_done:
        for focused in press_and_look(page, "Tab", batch):
            look(focused, "Tab")
            if focused is None:
                continue
            if focused["key"] in seen:
                round_done = True
            seen.add(focused["key"])
        pressed += batch
    assert len(seen) > 3, "Tab reached almost nothing"
    for focused in press_and_look(page, "Shift+Tab", len(seen)):
        look(focused, "Shift+Tab")
    return sorted(set(problems))


# On a phone the header is sticky: that is where it could cover what has the focus. At 400% zoom
# of a 1280 x 1024 screen (320 x 256 CSS px) it stops being sticky (too little room), and what is
# left to see is the ring and that the focus stays in view. One scheme each, so the Tab-through of
# every page runs twice, not four times.
@pytest.mark.parametrize("scheme, size", [("light", PHONE), ("dark", ZOOMED)], ids=["light-phone", "dark-zoom-400"])
def test_a_focused_element_is_never_under_the_sticky_header_and_shows_its_ring(page, site, server, scheme, size):
    """2.4.11 Focus not obscured (and 2.4.12: not even partly), and 2.4.7 Focus visible, Tab after Tab."""
    page.set_viewport_size(size)
    report = check_every_page(page, site, server, scheme, tab_through)
    assert report == [], "\n".join(report)


# In forced colours, backgrounds and shadows are gone: what sets a part apart must be a border.
FORCED_COLOURS = (
    "() => {"
    + HELPERS
    + """
  const problems = [];
  const bordered = '.site-summary, .care-card, .do-dont__part, .selfcheck, .selfcheck__answer, .selfcheck__result, .site-search input, .md-typeset .md-button, .partner-notice';
  for (const el of document.querySelectorAll(bordered)) {
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    const sides = ['Top', 'Right', 'Bottom', 'Left'].filter((side) => style[`border${side}Style`] !== 'none' && parseFloat(style[`border${side}Width`]) >= 1);
    const needs = el.matches('.selfcheck__result, .partner-notice') ? 1 : 4;
    if (sides.length < needs) problems.push(`${name(el)} has no border in forced colours (${sides.join(', ') || 'none'})`);
  }
  for (const card of document.querySelectorAll('.care-card')) {
    const heading = card.querySelector('.care-card__heading');
    const hidden = heading && heading.querySelector('.care-card__urgency');
    const shownText = heading ? heading.innerText.replace(hidden ? hidden.innerText : '', '').trim() : '';
    if (!heading || !hidden || !hidden.textContent.trim() || !shownText) {
      problems.push(`${name(card)} does not say its urgency in words`);
    }
  }
  return problems;
}"""
)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_forced_colours_keep_borders_focus_ring_and_the_care_cards_words(page, site, server, scheme):
    page.emulate_media(forced_colors="active")

    def forced(page):
        problems = page.evaluate(FORCED_COLOURS)
        # The ring around what has the focus, from the keyboard: the first few stops of the page.
        for _ in range(6):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is not None and not focused["ring"]:
                problems.append(f"{focused['name']} has no focus ring")
        return problems

    report = check_every_page(page, site, server, scheme, forced)
    assert report == [], "\n".join(report)


def test_forced_colours_focus_ring_on_the_self_check_answers(page, small_server):
    page.emulate_media(forced_colors="active")
    page.goto(small_server + "symptomen/")  # the small site's self-check
    radio = page.locator(".selfcheck__answer input").first
    radio.focus()
    page.keyboard.press("ArrowRight")  # a keyboard focus: :focus-visible holds
    focused = page.evaluate(FOCUSED)
    assert focused["name"].startswith("<input") and focused["ring"], focused  # the ring round its label


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_with_the_wcag_2_2_aa_rules_and_best_practices_finds_nothing(page, site, server, scheme):
    """Every page in both schemes (the dark one has its own contrast to get right)."""
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]}, "resultTypes": ["violations"]}
    rules_run = set()

    def violations(page):
        results = axe.run(page, options=options)
        rules_run.update(rule["id"] for kind in ("passes", "incomplete", "inapplicable") for rule in results.response[kind])
        return [results.generate_report()] if results.violations_count else []

    report = check_every_page(page, site, server, scheme, violations)
    assert report == [], "\n".join(report)
    assert {"target-size", "color-contrast", "label", "region"} <= rules_run  # 2.2, 2.0 and best-practice rules ran


def test_the_checks_find_what_they_look_for(page, server):
    """The checks above can fail: a page made to break each of them is reported."""
    page.goto(server)
    page.set_viewport_size(NARROWEST)
    page.evaluate(
        """() => {
      const wide = document.createElement('p');
      wide.textContent = 'Een te brede regel';
      wide.style.cssText = 'width: 600px; white-space: nowrap';
      const clipped = document.createElement('div');
      clipped.textContent = 'Tekst die niet past in een klein vak';
      clipped.style.cssText = 'width: 40px; height: 10px; overflow: hidden; white-space: nowrap';
      const button = document.createElement('button');
      button.textContent = 'x';
      button.style.cssText = 'width: 10px; height: 10px; padding: 0; font-size: 6px';
      document.querySelector('.md-content__inner').prepend(wide, clipped, button);
    }"""
    )
    overflow = " ".join(page.evaluate(OVERFLOW))
    assert "the page is" in overflow and "cuts off its text" in overflow and "stands outside the window" in overflow
    assert any("<button>" in problem and "10x10" in problem for problem in page.evaluate(SMALL_TARGETS))
    page.evaluate("() => document.querySelector('.md-header').style.setProperty('height', '400px')")
    page.evaluate("() => document.querySelector('.md-content p a[href]').focus()")
    assert page.evaluate(FOCUSED)["under"]
    page.evaluate("() => document.activeElement.style.setProperty('outline', 'none', 'important')")
    assert not page.evaluate(FOCUSED)["ring"]
    page.evaluate("() => document.activeElement.style.setProperty('outline', '3px solid transparent', 'important')")
    assert not page.evaluate(FOCUSED)["ring"]
    page.emulate_media(forced_colors="active")
    page.evaluate(
        """() => {
      const card = document.querySelector('.care-card');
      card.style.setProperty('border', 'none');
      card.querySelector('.care-card__urgency').remove();
    }"""
    )
    forced = " ".join(page.evaluate(FORCED_COLOURS))
    assert "has no border in forced colours" in forced and "does not say its urgency in words" in forced


def test_the_tab_through_finds_a_focus_under_the_header(page, small_server):
    """The check above can fail: without the room the site keeps under the sticky header, Shift+Tab
    scrolls links up under it."""
    page.set_viewport_size(PHONE)
    page.goto(small_server)
    page.add_style_tag(content="html { scroll-padding-top: 0 !important; }")
    assert any("under the header" in problem for problem in tab_through(page))
