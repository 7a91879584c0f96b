"""How a page loads in a real Chromium on a slow phone's CPU: the whole text in the first frame,
the scripts only after it (overrides/main.html: the rel=expect link and the scripts block;
overrides/partials/scripts-after-paint.html: the loader)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import open_page

pytestmark = pytest.mark.browser

PAGES = ["", "symptomen/", "en/oorzaken/", "404.html"]

# Runs before the first frame is rendered: what of the page exists by then.
FIRST_FRAME = """
requestAnimationFrame(function () {
  window.firstFrame = {
    text: !!document.querySelector("article h1"),
    configuration: !!document.getElementById("__config"),
  };
});
"""


def slow_cpu(page) -> None:
    """Four times slower, as Lighthouse assumes for a mid-range phone: without the rel=expect
    link Chromium then rendered its first frame before the text had been read."""
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})


@pytest.mark.parametrize("path", PAGES)
def test_the_first_frame_holds_the_whole_text(page, server, path):
    slow_cpu(page)
    page.add_init_script(FIRST_FRAME)
    open_page(page, server + path)
    assert page.evaluate("window.firstFrame") == {"text": True, "configuration": True}


@pytest.mark.parametrize("path", PAGES)
def test_scripts_are_requested_only_after_the_text_is_painted(page, server, path):
    slow_cpu(page)
    open_page(page, server + path)
    loading = page.evaluate(
        """() => {
          const files = [...document.querySelectorAll("script[data-load-after-paint]")].map(s => s.src);
          const requested = performance.getEntriesByType("resource").filter(e => files.includes(e.name));
          return {
            files,
            requested: requested.map(e => e.name),
            firstRequest: Math.min(...requested.map(e => e.startTime)),
            paint: performance.getEntriesByName("first-contentful-paint")[0].startTime,
          };
        }"""
    )
    assert any("/assets/javascripts/bundle." in url for url in loading["files"])
    assert sorted(loading["requested"]) == sorted(loading["files"])
    assert loading["firstRequest"] >= loading["paint"], loading
    # open_page returned, so Material was handed the document; its bundle marks the page as scripted.
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
