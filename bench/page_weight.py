"""Page weight per page type: bytes transferred (gzip-compressed, as a production host serves
them) and number of requests, in a fresh Chromium with an empty cache; and what one search
transfers (the search page, Pagefind and the parts of its index that the search needs).

With --pages N the same for a generated site of N pages a language (as in scale.py) beside the
real one: the home page's weight at that size against today's, and the search's.

usage: python bench/page_weight.py [--pages 1000]   (builds the sites first; needs Chromium, see README)
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import common
from common import copy_project, precompress, serve, timed_build
from scale import generate

PAGES = {
    "home (nl)": "",
    "symptoms with self-check (nl)": "symptomen/",
    "content page (nl)": "oorzaken/",
    "sources (nl)": "bronnen/",
    "search page, no search yet (nl)": "zoeken/",
    "home (en)": "en/",
    "content page (en)": "en/oorzaken/",
}
# A common word: it is on every page, so its part of the index and the first results load.
SEARCHES = {"search for 'benen' (nl)": ("zoeken/", "benen"), "search for 'legs' (en)": ("en/zoeken/", "legs")}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def measure(browser, url: str) -> tuple[int, int]:
    """Bytes the server sent (bodies as sent, gzip where it compresses, with headers) and the
    number of responses, for one visit in a fresh browser. Counted at the server: the page's own
    request events miss what a worker fetches (Pagefind's)."""
    context = browser.new_context()
    page = context.new_page()
    common.sent.clear()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(size for _, size in common.sent), len(common.sent)


def measure_search(browser, url: str, words: str) -> tuple[int, int]:
    """What one search transfers on the search page at `url` (open already): Pagefind and the
    parts of its index that the search and the first results need."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    common.sent.clear()
    page.locator("#site-search-query").fill(words)
    page.locator("#site-search-query").press("Enter")
    page.locator("[data-search-results] li").first.wait_for()
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(size for _, size in common.sent), len(common.sent)


def built_and_served(project: Path):
    server, base = serve(project / "site")
    os.environ["SITE_URL"] = base
    result = timed_build(project)
    if not result["ok"]:
        raise SystemExit(f"the build of {project} failed")
    precompress(project / "site")
    return server, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0, help="also measure a generated site of this many pages a language")
    args = parser.parse_args()
    print("$ python bench/page_weight.py" + (f" --pages {args.pages}" if args.pages else ""))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        project = copy_project(Path(tmp) / "site")
        server, base = built_and_served(project)
        print("page type | transferred (gzip) | requests")
        measured = {}
        for name, path in PAGES.items():
            size, count = measure(browser, base + path)
            measured[name] = size
            print(f"{name} | {size / 1024:.1f} KB | {count}")
        for name, (path, words) in SEARCHES.items():
            size, count = measure_search(browser, base + path, words)
            measured[name] = size
            print(f"{name}, on the search page | {size / 1024:.1f} KB | {count}")
        server.shutdown()
        if args.pages:
            large = copy_project(Path(tmp) / f"site{args.pages}")
            generate(large, args.pages)
            server, base = built_and_served(large)
            print(f"\nat {args.pages} pages a language (+7 real ones) | transferred (gzip) | requests | against the real site")
            for name, path in {"home (nl)": "", "home (en)": "en/"}.items():
                size, count = measure(browser, base + path)
                print(f"{name} | {size / 1024:.1f} KB | {count} | {size / measured[name]:.2f}x")
            for name, path in {"search page, no search yet (nl)": "zoeken/"}.items():
                size, count = measure(browser, base + path)
                print(f"{name} | {size / 1024:.1f} KB | {count} | {size / measured[name]:.2f}x")
            for name, (path, words) in SEARCHES.items():
                size, count = measure_search(browser, base + path, words)
                print(f"{name}, on the search page | {size / 1024:.1f} KB | {count} | {size / measured[name]:.2f}x")
            server.shutdown()
        browser.close()


if __name__ == "__main__":
    main()
