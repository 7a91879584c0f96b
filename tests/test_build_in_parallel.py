"""The work a large build does beside MkDocs: the page checks in a second process, and the
search index of the default language made while the other languages are built.

Both must give exactly what doing the work in one go gives: the same problems on the same lines,
the same links for the link check, the same search index byte for byte.
"""

from __future__ import annotations

import filecmp
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from rls_site.checks.page_queue import PageQueue
from rls_site.checks.run import check_site, check_sources, load_settings, pages_by_output
from rls_site.errors import ContentError
from rls_site.search import INDEX_DIR, IndexRun, default_language_glob, index_site, merged_entry

BROKEN_PAGE = (
    '<!doctype html>\n<html lang="nl"><head><title>Kaart</title></head><body>\n'
    '<p>Geen disclaimer hier.</p>\n<a href="https://kaart.example/">Kaart</a>\n<a href="../bestaat-niet/">weg</a>\n</body></html>\n'
)


def built_pages(site: Path) -> dict[str, str]:
    """Every built page of the site, and a broken one, by its path under site/."""
    found = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    found["kaart/index.html"] = BROKEN_PAGE
    return found


def queue_results(site: Path, worker: bool) -> tuple[dict, bool]:
    settings, errors = load_settings(ROOT)
    assert errors == []
    _, sources = check_sources(ROOT / "docs", settings)
    queue = PageQueue(settings, pages_by_output(sources, settings), len(sources), worker=worker)
    for rel, html in built_pages(site).items():
        queue.add(html, f"site/{rel}", rel)
    used_worker = queue.in_worker
    return queue.finish(), used_worker


def comparable(checked: dict) -> dict:
    return {rel: ([error.format() for error in errors], links) for rel, (errors, links) in checked.items()}


def test_a_second_process_finds_what_the_build_process_finds(site):
    in_build, used = queue_results(site, worker=False)
    in_worker, used_worker = queue_results(site, worker=True)
    assert (used, used_worker) == (False, True)
    assert set(in_worker) == set(built_pages(site)) and len(in_worker) > 15
    assert comparable(in_worker) == comparable(in_build)
    broken = [error.rule for error in in_worker["kaart/index.html"][0]]
    assert {"disclaimer-missing", "external-link-rel"} <= set(broken), broken
    assert ("../bestaat-niet/", 5) in in_worker["kaart/index.html"][1].addresses


def test_a_large_build_uses_the_worker_a_small_one_does_not():
    settings, _ = load_settings(ROOT)
    small, large = PageQueue(settings, {}, 30), PageQueue(settings, {}, 2014)
    try:
        assert not small.in_worker
        assert large.in_worker == ((os.cpu_count() or 1) > 1)
    finally:
        large.close()


def test_where_no_worker_can_start_the_pages_are_checked_in_the_build(monkeypatch, site):
    """A machine that allows no second process or no semaphores: the build checks the pages itself."""
    import concurrent.futures

    def no_processes(*args, **kwargs):
        raise OSError("[Errno 38] Function not implemented")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
    settings, _ = load_settings(ROOT)
    _, sources = check_sources(ROOT / "docs", settings)
    queue = PageQueue(settings, pages_by_output(sources, settings), 2014)
    assert not queue.in_worker
    queue.add(BROKEN_PAGE, "site/kaart/index.html", "kaart/index.html")
    assert "disclaimer-missing" in [error.rule for error in queue.finish()["kaart/index.html"][0]]


def test_a_problem_crosses_processes_whole():
    error = ContentError("docs/oorzaken.md", "link-broken", "the link '#x' leads nowhere.", None, 12)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.file, copy.rule, copy.problem, copy.fix, copy.line, copy.format()) == (
        error.file,
        error.rule,
        error.problem,
        error.fix,
        error.line,
        error.format(),
    )


def test_pages_of_a_worker_that_stopped_are_checked_from_the_site(site):
    """A worker killed halfway (out of memory, say): the build does not fail on it, and check_site
    checks the pages it did not return from site/, so the report is what it would have been."""
    settings, _ = load_settings(ROOT)
    _, sources = check_sources(ROOT / "docs", settings)
    queue = PageQueue(settings, pages_by_output(sources, settings), len(sources), worker=True)
    pids = list(queue._pool._processes)  # noqa: SLF001 - the test stops the worker from outside
    for rel, html in list(built_pages(site).items())[:-1]:  # the site's own pages
        queue.add(html, f"site/{rel}", rel)
        if rel.endswith("oorzaken/index.html"):
            for pid in pids:
                os.kill(pid, signal.SIGKILL)
    checked = queue.finish()
    assert len(checked) < len(built_pages(site)) - 1
    full = check_site(site, sources, settings, "site")
    after_kill = check_site(site, sources, settings, "site", checked)
    assert [e.format() for e in after_kill.errors] == [e.format() for e in full.errors]


# --- Search: the default language indexed while the others are built -----------------------


def test_the_default_language_glob_leaves_the_other_languages_out(tmp_path):
    for name in ["index.html", "404.html", "robots.txt", "oorzaken/index.html", "en/index.html", "pagefind/x.js", "assets/site.css"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert default_language_glob(tmp_path, ["en"]) == "{assets/**/*.html,index.html,oorzaken/**/*.html}"
    (tmp_path / "a,b").mkdir()
    assert default_language_glob(tmp_path, ["en"]) is None  # not writable in a glob: indexed with the rest


def test_entry_files_of_two_runs_make_one_in_a_fixed_order():
    nl = json.dumps({"version": "1.5.2", "languages": {"nl": {"hash": "nl_1", "page_count": 7}}, "include_characters": ["_"]})
    en = json.dumps({"version": "1.5.2", "languages": {"en": {"hash": "en_2", "page_count": 7}}, "include_characters": ["_"]})
    merged = json.loads(merged_entry([nl, en]))
    assert list(merged["languages"]) == ["en", "nl"] and merged["include_characters"] == ["_"]
    assert merged_entry([nl, en]) == merged_entry([en, nl])


def same_tree(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only."""
    comparison = filecmp.dircmp(left, right)
    differ = [*comparison.left_only, *comparison.right_only]
    differ += [name for name in comparison.common_files if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in comparison.common_dirs:
        differ += [f"{name}/{path}" for path in same_tree(left / name, right / name)]
    return differ


def test_the_index_made_in_two_runs_is_the_index_of_one_run(site, tmp_path):
    """The build's index (the default language first, the others after) is byte for byte what
    Pagefind writes over the whole site at once, and the split runs here give it too."""
    whole = shutil.copytree(site, tmp_path / "whole", ignore=shutil.ignore_patterns(INDEX_DIR))
    index_site(whole, "whole")
    assert same_tree(site / INDEX_DIR, whole / INDEX_DIR) == []
    split = shutil.copytree(site, tmp_path / "split", ignore=shutil.ignore_patterns(INDEX_DIR))
    glob = default_language_glob(split, ["en"])
    parts = glob.strip("{}").split(",")
    assert "index.html" in parts and "symptomen/**/*.html" in parts and not any(part.startswith("en/") for part in parts)
    index_site(split, "split", IndexRun(split, "split", glob, one_core=True), ["en"])
    assert same_tree(split / INDEX_DIR, whole / INDEX_DIR) == []
    assert set(json.loads((split / INDEX_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]) == {"en", "nl"}


def test_a_build_indexes_the_default_language_while_it_builds_the_others(project):
    """The hooks start the Dutch index when the English pass begins (the debug log says so), and
    the finished index holds both languages."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "--site-dir", str(project / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    started = output.index("Search: indexing the pages of 'nl' while the other languages are built.")
    assert output.index("Building 'en' documentation") < started < output.index("Documentation built")
    entry = json.loads((project / "site" / INDEX_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en", "nl"]
