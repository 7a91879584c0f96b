"""Reading on a phone in a real Chromium, on every page in both languages: large text and zoom
(WCAG 1.4.4), safety text at full size, a care card's urgency in words, finding your place on a
long page, and search results that land on the matching section.

Text size is the browser's own default font size (Chromium's setting, set through the DevTools
protocol's Page.setFontSizes), zoom a smaller window in CSS pixels: a 390 px phone at 200% zoom is
195 CSS px wide, a 1280 x 1024 screen at 400% is 320 x 256. Each test opens one browser context per
setting and goes through every page in it, then reports every problem at once.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from lxml import html as lxml_html
from playwright.sync_api import expect

from conftest import LANGUAGES, ROOT, pages, search_fragments
from test_browser_wcag import HELPERS as WCAG_HELPERS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# name: (window in CSS px, the browser's default font size in px; 16 is Chromium's own)
SETTINGS = {
    "text 150%": (PHONE, 24),
    "text 200%": (PHONE, 32),
    "zoom 200%": ({"width": 195, "height": 422}, 16),
    "zoom 400%": ({"width": 320, "height": 256}, 16),
    "text 200% on a laptop": ({"width": 1280, "height": 800}, 32),
}
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
LONG_PAGE_SECTIONS = 3  # overrides/main.html: a page with this many `##` headings gets its own contents list


def page_urls(site: Path, server: str) -> list[str]:
    """Every built page in both languages."""
    built = pages(site)
    return [server + LANGUAGES[lang] + path.removesuffix("index.html") for lang in LANGUAGES for path in built[lang]]


def built_page(site: Path, url: str):
    """The built HTML of the page at `url`, parsed."""
    path = site / urlsplit(url).path.lstrip("/") / "index.html"
    return lxml_html.fromstring(path.read_bytes())


def open_setting(browser, setting: str, color_scheme: str = "light"):
    """A new page in its own context with the window and the browser's text size of `setting`."""
    window, font_size = SETTINGS[setting] if setting in SETTINGS else (PHONE, 16)
    context = browser.new_context(viewport=window, color_scheme=color_scheme)
    page = context.new_page()
    if font_size != 16:
        session = context.new_cdp_session(page)
        session.send("Page.setFontSizes", {"fontSizes": {"standard": font_size, "fixed": font_size}})
    return context, page


def default_font_size(page) -> float:
    """The browser's default font size as the page sees it ('medium')."""
    return page.evaluate(
        "() => { const probe = document.createElement('div'); probe.style.fontSize = 'medium'; document.body.append(probe);"
        " const size = parseFloat(getComputedStyle(probe).fontSize); probe.remove(); return size; }"
    )


# The WCAG tests' helpers (is an element shown, how to name it), and the lines a text stands on.
HELPERS = (
    WCAG_HELPERS
    + """
// The lines a piece of text stands on: its line boxes, grouped by their vertical position.
const lines = (rects) => {
  const tops = [];
  for (const rect of rects) {
    if (rect.width < 1) continue;
    if (!tops.some((top) => Math.abs(top - (rect.top + rect.bottom) / 2) < rect.height / 2)) tops.push((rect.top + rect.bottom) / 2);
  }
  return tops.length;
};
"""
)

# The header with large text: at most two rows of controls, the site name in at most two lines
# and never broken inside a word, the language link whole and in view; kept in view while the page
# scrolls, at most a fifth of the window.
HEADER = (
    "() => {"
    + HELPERS
    + """
  const problems = [];
  window.scrollTo(0, 0);  // a page that puts the focus in a field further down has scrolled
  const header = document.querySelector('.md-header');
  const width = document.documentElement.clientWidth;
  const rows = [];
  for (const el of header.querySelectorAll('.md-header__inner > *')) {
    if (!shown(el)) continue;
    const rect = el.getBoundingClientRect();
    const row = rows.find((r) => rect.top < r.bottom - 1 && rect.bottom > r.top + 1);
    if (row) { row.top = Math.min(row.top, rect.top); row.bottom = Math.max(row.bottom, rect.bottom); }
    else rows.push({top: rect.top, bottom: rect.bottom});
  }
  if (rows.length > 2) problems.push(`the header has ${rows.length} rows`);
  const title = header.querySelector('.md-header__topic .md-ellipsis');
  const text = title.firstChild;
  const range = document.createRange();
  range.selectNodeContents(title);
  if (lines(range.getClientRects()) > 2) problems.push(`the site name takes ${lines(range.getClientRects())} lines`);
  for (const word of text.textContent.matchAll(/\\S+/g)) {
    range.setStart(text, word.index);
    range.setEnd(text, word.index + word[0].length);
    if (lines(range.getClientRects()) > 1) problems.push(`the site name is broken inside "${word[0]}"`);
  }
  for (const link of header.querySelectorAll('a[hreflang]')) {
    const rect = link.getBoundingClientRect();
    if (!shown(link)) problems.push(`${name(link)} is not shown`);
    else if (rect.left < -1 || rect.right > width + 1) problems.push(`${name(link)} stands (partly) outside the window`);
    else if (lines(link.getClientRects()) > 1 || link.scrollWidth > link.clientWidth + 1) problems.push(`${name(link)} is not whole`);
    else {
      const there = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      if (!there || !link.contains(there)) problems.push(`${name(link)} is covered`);
    }
  }
  // Scrolled down: what the header still covers of the window.
  const scrollable = document.documentElement.scrollHeight - window.innerHeight;
  if (scrollable > 0) {
    window.scrollTo(0, Math.min(scrollable, 2 * window.innerHeight));
    const rect = header.getBoundingClientRect();
    const covers = Math.max(0, Math.min(rect.bottom, window.innerHeight) - Math.max(rect.top, 0));
    if (covers > window.innerHeight / 5 + 0.5) {
      problems.push(`the header covers ${Math.round(covers)} of ${window.innerHeight} px while the page scrolls`);
    }
    window.scrollTo(0, 0);
  }
  return problems;
}"""
)


def header_problems(browser, site, server, setting: str, styles: str = "") -> list[str]:
    context, page = open_setting(browser, setting)
    report = []
    try:
        for url in page_urls(site, server):
            page.goto(url)
            if styles:
                page.add_style_tag(content=styles)
            expected = SETTINGS[setting][1]
            if default_font_size(page) != expected:
                report.append(f"{url}: the browser's text size is {default_font_size(page)} px, not {expected} px")
            report.extend(f"{url} ({setting}): {problem}" for problem in page.evaluate(HEADER))
    finally:
        context.close()
    return report


@pytest.mark.parametrize("setting", list(SETTINGS))
def test_the_header_stays_usable_with_large_text_and_zoom(browser, site, server, setting):
    """WCAG 1.4.4 Resize text and 1.4.10 Reflow, for the header on every page."""
    report = header_problems(browser, site, server, setting)
    assert report == [], "\n".join(report)


def test_the_header_check_finds_what_it_looks_for(browser, site, server):
    """A header that squeezes the site name into letters, cuts the language link and stays in view
    at any size is reported (as the site's header was before it wrapped)."""
    squeezed = (
        ".md-header__inner { flex-wrap: nowrap !important; }"
        " .md-header .md-ellipsis { overflow-wrap: anywhere !important; }"
        " .md-header__title { flex: 1 1 0 !important; min-width: 0 !important; }"
        " .md-header { position: sticky !important; }"
        " .md-header__button.site-language { white-space: normal !important; flex-shrink: 1 !important; }"
    )
    context, page = open_setting(browser, "text 200%")
    try:
        page.goto(server + "zoeken/")
        page.add_style_tag(content=squeezed)
        report = " ".join(page.evaluate(HEADER))
    finally:
        context.close()
    assert "the site name is broken inside" in report and "while the page scrolls" in report, report
    assert "rows" in report or "lines" in report, report


# Safety text: warnings, notes (admonitions), care cards, the review dates with the reviewer's
# status, and the medical disclaimer. Every piece of text in them at least the size of the page's
# body text, and in strong contrast (7:1, WCAG 1.4.6) with what is behind it.
SAFETY_TEXT = (
    "() => {"
    + HELPERS
    + """
  const problems = [];
  const body = parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset')).fontSize);
  const parse = (colour) => { const m = colour.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, below) => { const a = top[3]; return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1); };
  // What is behind an element: the backgrounds of it and its ancestors, laid over each other.
  const background = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) layers.push(parse(getComputedStyle(node).backgroundColor));
    return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
  };
  const luminance = (c) => { const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const safety = '.admonition, details, .care-card, [data-review-dates], .site-disclaimer';
  for (const part of document.querySelectorAll(safety)) {
    if (!shown(part)) continue;
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // A citation's number is a reference, not the text (and it is superscript).
      if (!node.textContent.trim() || !shown(el) || el.closest('sup.citation')) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      if (size < body - 0.1) problems.push(`${name(el)} in ${name(part)} is ${size}px, smaller than the body text's ${body}px`);
      const ratio = contrast(over(parse(style.color), background(el)), background(el));
      if (ratio < 7) problems.push(`${name(el)} in ${name(part)} has a contrast of ${ratio.toFixed(1)}:1`);
    }
  }
  // The reviewer's status (who checked the page, or that no doctor has yet) beside the dates.
  const dates = document.querySelector('[data-review-dates]');
  if (dates) {
    const last = dates.querySelector('[data-review="last"]').getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(dates).lineHeight) || body * 1.5;
    for (const status of dates.querySelectorAll('[data-reviewer], [data-reviewer-not-physician]')) {
      const rect = status.getBoundingClientRect();
      if (!shown(status)) problems.push(`${name(status)} is not shown`);
      else if (Math.abs(rect.top - last.top) > 4 * lineHeight) problems.push(`${name(status)} is ${Math.round(rect.top - last.top)}px from the review date`);
    }
  }
  return problems;
}"""
)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_safety_text_is_never_smaller_than_body_text_and_in_strong_contrast(browser, site, server, scheme):
    context, page = open_setting(browser, "phone", scheme)
    report = []
    try:
        for url in page_urls(site, server):
            page.goto(url)
            report.extend(f"{url} ({scheme}): {problem}" for problem in page.evaluate(SAFETY_TEXT))
    finally:
        context.close()
    assert report == [], "\n".join(report)


def test_the_safety_text_check_finds_what_it_looks_for(browser, site, server):
    context, page = open_setting(browser, "phone")
    try:
        page.goto(server + page_urls(site, "")[0])
        page.evaluate(
            """() => {
          const note = document.createElement('div');
          note.className = 'admonition warning';
          note.innerHTML = '<p class="admonition-title">Let op</p><p style="font-size: 12.8px">Klein</p><p style="color: #999">Grijs</p>';
          document.querySelector('.md-content__inner').append(note);
        }"""
        )
        report = " ".join(page.evaluate(SAFETY_TEXT))
    finally:
        context.close()
    assert "12.8px, smaller than the body text" in report and "has a contrast of" in report, report


# Every care card says its urgency in words a sighted reader sees: shown, at full size, inside the
# card's heading (so screen readers hear it first too).
CARE_CARDS = (
    "() => {"
    + HELPERS
    + """
  const problems = [];
  const body = parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset')).fontSize);
  for (const card of document.querySelectorAll('.care-card')) {
    if (!shown(card)) continue;
    const urgency = card.querySelector('.care-card__heading .care-card__urgency');
    if (!urgency || !urgency.textContent.trim()) { problems.push(`${name(card)} has no urgency in its heading`); continue; }
    const rect = urgency.getBoundingClientRect();
    const style = getComputedStyle(urgency);
    const clipped = style.clipPath !== 'none' || style.clip !== 'auto' || rect.width < 8 || rect.height < 8;
    if (!shown(urgency) || clipped || !card.querySelector('.care-card__heading').innerText.includes(urgency.innerText.trim())) {
      problems.push(`${name(card)} says its urgency only to screen readers`);
    } else if (parseFloat(style.fontSize) < body - 0.1) {
      problems.push(`${name(card)}: its urgency is smaller than the body text`);
    }
  }
  return problems;
}"""
)


def test_every_care_card_shows_its_urgency_in_words(browser, site, server):
    context, page = open_setting(browser, "phone")
    report, with_cards = [], []
    try:
        for url in page_urls(site, server):
            page.goto(url)
            if page.locator(".care-card").count():
                with_cards.append(url)
            report.extend(f"{url}: {problem}" for problem in page.evaluate(CARE_CARDS))
        assert with_cards, "no care card on any page"
        # The check can fail: cards whose urgency is for screen readers only are reported.
        page.goto(with_cards[0])
        page.evaluate("() => document.querySelectorAll('.care-card__urgency').forEach((el) => el.classList.add('site-visually-hidden'))")
        hidden = page.evaluate(CARE_CARDS)
    finally:
        context.close()
    assert report == [], "\n".join(report)
    assert hidden and all("only to screen readers" in problem for problem in hidden), hidden


def sections_of(document) -> list[str]:
    """The ids of a built page's `##` headings in its text, in order (none on a page without text
    of its own, such as the search page)."""
    texts = document.xpath("//*[@data-pagefind-body]")
    if not texts:
        return []
    text = texts[0]
    # A `##` heading written in the page has its section link (toc's permalink); the parts a
    # template adds (the self-check's title) have none.
    return [h2.get("id") for h2 in text.xpath(".//h2[@id][a[contains(@class, 'headerlink')]]")]


def test_a_long_page_lists_its_sections_after_its_summary_and_leads_back_to_the_top(browser, site, server):
    """'Op deze pagina' / 'On this page' on every long page: right after the summary (or the title),
    a navigation region named by its heading, linking each `##` heading in order; 'Naar boven' /
    'Back to top' at the end. Followed by keyboard, each lands where it says."""
    context, page = open_setting(browser, "phone")
    report, long_pages = [], 0
    try:
        for url in page_urls(site, server):
            lang = "en" if urlsplit(url).path.startswith("/en/") else "nl"
            sections = sections_of(built_page(site, url))
            page.goto(url)
            listed = page.get_by_role("navigation", name=LABELS[lang]["on_this_page"], exact=True)
            if len(sections) < LONG_PAGE_SECTIONS:
                if listed.count():
                    report.append(f"{url}: a short page with a contents list")
                continue
            long_pages += 1
            if listed.count() != 1:
                report.append(f"{url}: no list of its sections named '{LABELS[lang]['on_this_page']}'")
                continue
            links = listed.locator("a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
            if links != ["#" + section for section in sections]:
                report.append(f"{url}: the list has {links}, the page's sections are {sections}")
            before = listed.evaluate("nav => nav.previousElementSibling && nav.previousElementSibling.className")
            summary = page.locator(".site-summary").count()
            if summary and before != "site-summary":
                report.append(f"{url}: the list does not follow the summary (it follows {before!r})")
            if not listed.is_visible():
                report.append(f"{url}: the list is not shown on a phone")
            # The last section's link, by keyboard: its heading is in view, below the header.
            listed.locator("a").last.focus()
            page.keyboard.press("Enter")
            page.wait_for_function("id => location.hash === '#' + id", arg=sections[-1])
            landed = page.evaluate(
                """id => { const r = document.getElementById(id).getBoundingClientRect();
                           const h = document.querySelector('.md-header').getBoundingClientRect();
                           const under = getComputedStyle(document.querySelector('.md-header')).position === 'sticky' ? h.bottom : 0;
                           return r.top >= under - 1 && r.top < window.innerHeight; }""",
                sections[-1],
            )
            if not landed:
                report.append(f"{url}: following '#{sections[-1]}' does not show its heading")
            top = page.get_by_role("link", name=LABELS[lang]["back_to_top"], exact=True)
            if top.count() != 1:
                report.append(f"{url}: no link '{LABELS[lang]['back_to_top']}'")
                continue
            top.focus()
            page.keyboard.press("Enter")
            page.wait_for_function("() => window.scrollY === 0")
            page.keyboard.press("Tab")  # the keyboard goes on from the top, not from the page's end
            if not page.evaluate("() => !!document.activeElement.closest('.md-header') && window.scrollY === 0"):
                report.append(f"{url}: after '{LABELS[lang]['back_to_top']}', Tab goes back down the page")
    finally:
        context.close()
    assert long_pages > 0, "no long page to test"
    assert report == [], "\n".join(report)


@pytest.mark.parametrize("by", ["mouse", "keyboard"])
def test_the_menu_closes_when_one_of_its_entries_is_followed(page, site, server, by):
    """On a phone the menu covers most of the page: following a link in it to a place on the same
    page closes it, and the place is in view."""
    page.set_viewport_size(PHONE)
    url = next(url for url in page_urls(site, server) if len(sections_of(built_page(site, url))) >= LONG_PAGE_SECTIONS)
    page.goto(url)
    button = page.locator("[data-site-menu]")
    entry = page.locator('.md-sidebar--primary a[href^="#"]').last
    if by == "mouse":
        button.click()
        expect(entry).to_be_visible()
        entry.click()
    else:
        button.focus()
        page.keyboard.press("Enter")
        expect(entry).to_be_visible()
        entry.focus()
        page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#__drawer")).not_to_be_checked()
    target = entry.get_attribute("href")
    expect(page).to_have_url(url + target)
    expect(page.locator(target)).to_be_in_viewport()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def longest_section_heading_per_language(site: Path, server: str) -> dict[str, tuple[str, str, str]]:
    """Per language, a page, one of its `##` headings and that heading's text: the heading with the
    longest text on any page (the most words to find it by)."""
    chosen: dict[str, tuple[str, str, str]] = {}
    for url in page_urls(site, server):
        lang = "en" if urlsplit(url).path.startswith("/en/") else "nl"
        document = built_page(site, url)
        for section in sections_of(document):
            heading = document.get_element_by_id(section)
            text = " ".join(heading.text_content().replace("\u00b6", " ").split())
            if lang not in chosen or len(text) > len(chosen[lang][2]):
                chosen[lang] = (url, section, text)
    return chosen


def test_a_search_result_leads_to_the_matching_section_named_by_its_heading(page, site, server):
    """Pagefind's sub-results: a search for a section's heading lists a result that links to that
    section (page#id), named by the heading; following it shows the heading. Every result's link
    with a '#' leads to a heading of its page."""
    for lang, (url, section, text) in longest_section_heading_per_language(site, server).items():
        page.goto(server + LANGUAGES[lang] + "zoeken/#q=" + quote(text))
        results = page.locator("[data-search-results] li a")
        expect(results.first).to_be_visible()
        links = results.evaluate_all("links => links.map((a) => [a.href, a.innerText])")
        assert any(href == url + "#" + section and text in name for href, name in links), (text, links)
        for href, _ in links:
            target = urlsplit(href)
            if target.fragment:
                document = built_page(site, server + target.path.lstrip("/"))
                headings = document.xpath(f'//*[@id="{target.fragment}"]')
                assert headings and headings[0].tag in ("h1", "h2", "h3", "h4", "h5", "h6"), href
        page.locator(f'[data-search-results] li a[href$="#{section}"]').first.click()
        expect(page).to_have_url(url + "#" + section)
        expect(page.locator(f"#{section}")).to_be_in_viewport()


def test_search_excerpts_hold_no_citation_numbers(site):
    """What Pagefind holds of a page (where its excerpts come from) has no citation numbers: the text
    right before each citation is not followed by the citation's number."""
    indexed = {url: text for texts in search_fragments(site).values() for url, text in texts.items()}
    problems, citations = [], 0
    for lang in LANGUAGES:
        for path in pages(site)[lang]:
            url = "/" + LANGUAGES[lang] + path.removesuffix("index.html")
            document = lxml_html.fromstring((site / LANGUAGES[lang] / path).read_bytes())
            for citation in document.xpath('//*[@data-pagefind-body]//sup[contains(@class, "citation")]'):
                before = (citation.getprevious().tail if citation.getprevious() is not None else citation.getparent().text) or ""
                words = " ".join(before.split())[-20:]
                number = " ".join(citation.text_content().split())
                if not words or url not in indexed:
                    continue
                citations += 1
                content = " ".join(indexed[url].split())
                if words + number in content or f"{words} {number}" in content:
                    problems.append(f"{url}: '{words}' is followed by the citation's '{number}' in the search index")
    assert citations > 0, "no citation found to check"
    assert problems == [], "\n".join(problems)
