"""Shared fixtures: real MkDocs builds of the site (or of a changed copy) and a real Chromium.

Builds run `python -m mkdocs build --strict` in a subprocess, as `make build` does, so every test
sees exactly what an editor would see, messages included.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["docs", "overrides", "hooks", "data", "mkdocs.yml"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LANGUAGES = {"nl": "", "en": "en/"}
# The tests' own builds report as a local build does, also when the tests run in GitHub Actions:
# their broken copies must not add annotations or rows to the pull request's job summary
# (tests/test_github.py sets these itself).
for _variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
    os.environ.pop(_variable, None)


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(target: Path) -> Path:
    """A copy of everything the build reads, in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def build(project: Path, env: dict | None = None) -> Build:
    """Build `project` with the real MkDocs, strictly, into project/site."""
    site = project / "site"
    # The copy's own hooks/rls_site, ahead of the one .venv points at (Makefile: rls_site.pth).
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks"), **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def run_checks(project: Path, env: dict | None = None, *args: str) -> subprocess.CompletedProcess:
    """`make check` in `project`: the publication checks over its docs/ and site/, without MkDocs."""
    return subprocess.run(
        [sys.executable, "-m", "rls_site.checks", "docs", "site", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(project / "hooks"), **(env or {})},
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_url() -> str:
    """Where the test server will serve the site: the build writes absolute links for it."""
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_url) -> Path:
    """The real site, built once per test run, for the address the test server uses."""
    result = build(copy_project(tmp_path_factory.mktemp("real") / "project"), env={"SITE_URL": site_url})
    assert result.ok, result.output
    return result.site


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the project that a test may change before building it."""
    return copy_project(tmp_path / "project")


def pages(site_dir: Path) -> dict[str, list[str]]:
    """Built page paths (relative, e.g. 'symptomen/index.html') per language."""
    english = sorted(str(p.relative_to(site_dir / "en")) for p in (site_dir / "en").rglob("index.html"))
    dutch = sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("index.html") if not str(p.relative_to(site_dir)).startswith("en/"))
    return {"nl": dutch, "en": english}


@pytest.fixture(scope="session")
def server(site, site_url):
    """The built site served on 127.0.0.1 at the address it was built for; yields the base URL."""
    port = site_url.rstrip("/").rsplit(":", 1)[1]
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", port, "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,  # access log (stderr) unread
    )
    process.stdout.readline()  # "Serving HTTP on ...": the server is listening
    yield site_url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium instead of a downloaded browser (none can be downloaded here)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def requests_seen(page):
    """Every URL the page requests; tests assert none leaves 127.0.0.1."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def outside_hosts(urls: list[str]) -> list[str]:
    """URLs that go anywhere but the local test server (data: and blob: stay in the browser)."""
    return [u for u in urls if not re.match(r"^(https?://127\.0\.0\.1[:/]|data:|blob:|about:)", u)]


def search_fragments(site_dir: Path) -> dict[str, dict[str, str]]:
    """What Pagefind indexed, per language: page URL -> the text it holds for that page (Pagefind's
    fragments are gzip-compressed JSON after a short signature)."""
    indexed: dict[str, dict[str, str]] = {}
    for path in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        indexed.setdefault(path.name.split("_", 1)[0], {})[fragment["url"]] = fragment["content"]
    return indexed
