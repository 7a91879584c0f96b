"""The site's search: a Pagefind index of the built site, and the page where readers search.

- `index_site` runs Pagefind (the `pagefind` package's binary) once over the built site, after
  every language is built. Pagefind reads each page's `<html lang>` and writes one index per
  language into site/pagefind/, with Dutch stemming for the Dutch pages; the reader's browser
  loads it only when they search (overrides/search-page.html, assets/search.js). It indexes what
  a page marks with `data-pagefind-body` (overrides/main.html: the page's text) and leaves out
  what carries `data-pagefind-ignore` (a page's own source list, the edit button); pages without
  it (the 404 page, the search page) are not indexed.
- The search page is docs/zoeken.md in every language (SEARCH_PAGE), built with the template
  overrides/search-page.html (front matter `template: search-page.html`): the header's search
  form leads there, with or without JavaScript. It is not health information, so it has no
  review dates and no MedicalWebPage data.
Usable without MkDocs; hooks/search.py calls `index_site`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from rls_site.errors import ContentError

SEARCH_PAGE = "zoeken.md"
SEARCH_TEMPLATE = "search-page.html"
INDEX_DIR = "pagefind"
# The permalink sign after each heading is no word to find; a citation's numbers would stand in a
# result's excerpt as part of the words before them.
EXCLUDE_SELECTORS = (".headerlink", "sup.citation")


def is_search_page(page: str) -> bool:
    """`page` ('zoeken.md', as split_language gives it, without a language suffix) is the search page."""
    return page == SEARCH_PAGE


def pagefind_executable() -> str:
    """The Pagefind binary that the `pagefind[bin]` wheel installs; run directly, it starts in half
    the time of `python -m pagefind` (which looks it up the same way)."""
    try:
        from pagefind_bin import get_executable

        return str(get_executable())
    except Exception:  # noqa: BLE001 - any trouble finding it: let `python -m pagefind` say what is wrong
        return ""


def pagefind_command(site_dir: Path) -> list[str]:
    """Pagefind over `site_dir`."""
    executable = pagefind_executable()
    command = [executable] if executable else [sys.executable, "-m", "pagefind"]
    command += ["--site", str(site_dir), "--output-subdir", INDEX_DIR, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def index_site(site_dir: Path, site: str = "site") -> str:
    """Index the built site with Pagefind into site_dir/pagefind; Pagefind's own report."""
    try:
        result = subprocess.run(pagefind_command(site_dir), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    except OSError as error:
        raise ContentError(
            f"{site}/{INDEX_DIR}", "search-index", nl=f"Pagefind kon niet starten ({error}).", en=f"Pagefind could not run ({error})."
        ) from None
    except subprocess.TimeoutExpired:
        raise ContentError(
            f"{site}/{INDEX_DIR}",
            "search-index",
            nl="Pagefind was niet binnen 10 minuten klaar.",
            en="Pagefind did not finish within 10 minutes.",
        ) from None
    output = (result.stdout or "").strip()
    entry = site_dir / INDEX_DIR / "pagefind-entry.json"
    if result.returncode != 0 or not entry.is_file():
        last = output.splitlines()[-1] if output else f"exit status {result.returncode}"
        raise ContentError(
            f"{site}/{INDEX_DIR}",
            "search-index",
            nl=f"Pagefind heeft de site niet geïndexeerd: {last}",
            en=f"Pagefind did not index the site: {last}",
        )
    # Pagefind lists the languages in any order: sorted, two builds of the same sources are the same byte for byte.
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return output
