"""The site's search: a Pagefind index of the built site, and the page where readers search.

- `index_site` runs Pagefind (the `pagefind` package's binary) over the built site once every
  language is built; the default language's pages may be indexed already, by an `IndexRun`
  started while the other languages were built. Pagefind reads each page's `<html lang>` and
  writes one index per language into site/pagefind/, with Dutch stemming for the Dutch pages;
  the reader's browser loads it only when they search (overrides/search-page.html,
  assets/search.js). It indexes what a page marks with `data-pagefind-body` (overrides/main.html:
  the page's text) and leaves out what carries `data-pagefind-ignore` (a page's own source list,
  the edit button); pages without it (the 404 page, the search page) are not indexed.
- The search page is docs/zoeken.md in every language (SEARCH_PAGE), built with the template
  overrides/search-page.html (front matter `template: search-page.html`): the header's search
  form leads there, with or without JavaScript. It is not health information, so it has no
  review dates and no MedicalWebPage data.
Usable without MkDocs; hooks/search.py starts an `IndexRun` and calls `index_site`.
"""

from __future__ import annotations

import json
import os
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


def pagefind_command(site_dir: Path, glob: str | None = None) -> list[str]:
    """Pagefind over `site_dir`, or over the pages of it that `glob` matches (Pagefind's --glob)."""
    executable = pagefind_executable()
    command = [executable] if executable else [sys.executable, "-m", "pagefind"]
    command += ["--site", str(site_dir), "--output-subdir", INDEX_DIR, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    if glob:
        command += ["--glob", glob]
    return command


# Characters with a meaning in Pagefind's globs: a name with one cannot be listed in a glob as it is.
_GLOB_CHARACTERS = set("*?[]{},\\!")


def default_language_glob(site_dir: Path, other_languages: list[str]) -> str | None:
    """A glob for the pages of the default language, which are built at the site's root, the other
    languages' in folders named after them: every entry of the site's root but those folders,
    the index folder and 404.html (rewritten after every language is built; never indexed).
    None when an entry's name cannot be written in a glob: then all languages are indexed at once."""
    left_out = {*other_languages, INDEX_DIR, "404.html"}
    parts = []
    for entry in sorted(site_dir.iterdir(), key=lambda path: path.name):
        if entry.name in left_out or (entry.is_file() and entry.suffix != ".html"):
            continue
        if _GLOB_CHARACTERS & set(entry.name):
            return None
        parts.append(f"{entry.name}/**/*.html" if entry.is_dir() else entry.name)
    return "{" + ",".join(parts) + "}" if parts else None


def other_languages_glob(other_languages: list[str]) -> str:
    """A glob for the pages of the languages built in folders named after them."""
    return "{" + ",".join(f"{lang}/**/*.html" for lang in other_languages) + "}"


class IndexRun:
    """One run of Pagefind over (part of) the built site, started at once; `finish` waits for it.

    Each language has an index of its own, which Pagefind writes the same whether it indexes one
    language or all at once; only the entry file that names the languages differs, and
    `merged_entry` joins those. So the default language, built first, can be indexed while the
    build makes the other languages' pages."""

    def __init__(self, site_dir: Path, site: str = "site", glob: str | None = None, one_core: bool = False):
        self.site_dir, self.site = site_dir, site
        # Pagefind runs on the rayon and tokio thread pools, one thread a core by default; `one_core`
        # leaves the other cores to the build (the same index, a little later).
        env = {**os.environ, "RAYON_NUM_THREADS": "1", "TOKIO_WORKER_THREADS": "1"} if one_core else None
        try:
            self._process = subprocess.Popen(
                pagefind_command(site_dir, glob), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
            )
        except OSError as error:
            raise ContentError(f"{site}/{INDEX_DIR}", "search-index", f"Pagefind could not run ({error}).") from None

    def finish(self) -> tuple[str, str]:
        """Pagefind's own report, and the entry file it wrote (the languages it indexed)."""
        try:
            output, _ = self._process.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            self.stop()
            raise ContentError(f"{self.site}/{INDEX_DIR}", "search-index", "Pagefind did not finish within 10 minutes.") from None
        output = (output or "").strip()
        entry = self.site_dir / INDEX_DIR / "pagefind-entry.json"
        if self._process.returncode != 0 or not entry.is_file():
            last = output.splitlines()[-1] if output else f"exit status {self._process.returncode}"
            raise ContentError(f"{self.site}/{INDEX_DIR}", "search-index", f"Pagefind did not index the site: {last}")
        return output, entry.read_text(encoding="utf-8")

    def stop(self) -> None:
        """End the run without waiting for it (a build that failed)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.communicate()


def index_site(site_dir: Path, site: str = "site", first: IndexRun | None = None, languages: list[str] | None = None) -> str:
    """Index the built site with Pagefind into site_dir/pagefind; Pagefind's own report.

    `first`: a run started already over the default language's pages (`default_language_glob`);
    then only the other `languages` (the site's languages after the default) are indexed here."""
    entries = []
    reports = []
    glob = None
    if first is not None:
        report, entry = first.finish()  # before the next run writes its own entry file
        reports.append(report)
        entries.append(entry)
        glob = other_languages_glob(languages or [])
    report, entry = IndexRun(site_dir, site, glob).finish()
    reports.append(report)
    entries.append(entry)
    (site_dir / INDEX_DIR / "pagefind-entry.json").write_text(merged_entry(entries), encoding="utf-8")
    return "\n".join(part for part in reports if part)


def merged_entry(texts: list[str]) -> str:
    """Pagefind's entry files of runs over parts of a site as one, its languages in a fixed order:
    Pagefind writes them in any order, and two builds of the same sources must be the same byte for byte."""
    entry = json.loads(texts[0])
    languages = {}
    for text in texts:
        languages.update(json.loads(text).get("languages", {}))
    entry["languages"] = dict(sorted(languages.items()))
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
