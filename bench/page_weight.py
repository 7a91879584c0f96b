"""Page weight per page type: bytes transferred (gzip-compressed, as a production host serves
them) and number of requests, in a fresh Chromium with an empty cache.

usage: python bench/page_weight.py   (builds the site first; needs Chromium, see README)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from common import copy_project, serve, timed_build

PAGES = {
    "home (nl)": "",
    "symptoms with self-check (nl)": "symptomen/",
    "content page (nl)": "oorzaken/",
    "sources (nl)": "bronnen/",
    "home (en)": "en/",
    "content page (en)": "en/oorzaken/",
}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def measure(browser, url: str) -> tuple[int, int]:
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    total = 0
    for request in responses:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return total, len(responses)


def main() -> None:
    print("$ python bench/page_weight.py")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "site")
        server, base = serve(project / "site")
        os.environ["SITE_URL"] = base
        timed_build(project)
        print("page type | transferred (gzip) | requests")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name, path in PAGES.items():
                size, count = measure(browser, base + path)
                print(f"{name} | {size / 1024:.1f} KB | {count}")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
