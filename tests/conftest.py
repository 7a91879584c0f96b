"""Shared fixtures and helpers: the tests' own small site, the real site built once, a real Chromium.

The tests' own small site, `tests/fixtures/site/`, is what the machinery (rules, checks, extensions,
templates, report, preview) is tested on: the project's own `mkdocs.yml` with only its site name
and its menu (`nav:`) taken from `FIXTURE_CONFIG` (`mkdocs-own.yml`, replaced as text, so the small
site always has the project's hooks, extensions and validation); four pages in Dutch and English
(`index` with summary, citations, an evidence statement, Do / Do not and a care card; `symptomen`
with the self-check; `bronnen` with the full source list; `over`, the about page; and `zoeken`);
its own data files, and its own dates: every page reviewed 2026-11-25, next review 2027-11-25, checked
with today fixed at `FIXTURE_TODAY` (2026-12-03, through `RLS_TODAY`). A copy of it takes the
project's own hooks (`hooks/*.py`, with `rls_site` from the project), templates (`overrides/`) and
`docs/assets/`, so what it tests is this project's machinery over content that never changes.

- `fixture_project(path)`: a fresh copy in `path` that a test may change; `small_project` is one
  per test. Build it with `build_in_process(project)` (MkDocs in this process, as
  mkdocs-static-i18n tests its plugin: `build(load_config(...))`; a hook module is loaded once
  per file path and keeps its state between builds of one copy, as in `mkdocs serve`) or, where
  the exact terminal output is what is tested, with `build(project)` (`mkdocs build --strict` in a
  subprocess). `check_in_process(project)` is `make check` over its docs/ and site/.
- `edit(project, path, old, new)`, `append(project, path, text)` and `add_to_nav(project, page)`
  change a copy; `line_of(...)` finds the line a message must name.
- `english_messages`: RLS_MESSAGES=en, for tests that read a message's words (assert rule, file
  and line instead wherever they are enough).
- `small_root`: an unbuilt copy, the project folder for the Markdown extensions' string tests and
  the report's.
- `small_site`: the small site built once per test run (read only), with its `Build`, for
  `small_site_url`; `small_server` serves it there, for browser tests of the machinery.
- `every_page_read`: what Chromium requested and reported while opening every real page once.
- `built_site`: (project folder, built site), once the real site and once the small site, for a
  test of what every correct site has; `nav_pages(project)`: the pages its menu lists.
- `site` (with `site_url`, `server`, `page`): the real site, built once per test run with
  `mkdocs build --strict` against the real clock, for the tests of what every correct content
  must have and for the browser tests. No test names a page count, a date, a sentence or a
  citation of the real pages: those change with every correct edit.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import logging
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
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"
FIXTURE_CONFIG = FIXTURE_SITE / "mkdocs-own.yml"  # what its mkdocs.yml has instead of the project's
FIXTURE_TODAY = "2026-12-03"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
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


NAV_BLOCK = re.compile(r"(?m)^nav:\n(?:(?:[ -].*)?\n)*")  # its list lines, and blank lines
SITE_NAME_LINE = re.compile(r"(?m)^site_name:.*\n")


def _one(pattern: re.Pattern, config: str, what: str) -> re.Match:
    found = pattern.search(config)
    if found is None:
        raise ValueError(f"mkdocs.yml has no {what}")
    return found


def nav_block(config: str) -> str:
    """The top-level `nav:` block of a mkdocs.yml's text, without the blank lines after it."""
    return _one(NAV_BLOCK, config, "top-level nav: block").group(0).rstrip("\n") + "\n"


def _replace(pattern: re.Pattern, config: str, what: str, new: str) -> str:
    found = _one(pattern, config, what)
    old = found.group(0)
    kept = old[len(old.rstrip("\n")) :]  # the blank lines after a block stay
    return config[: found.start()] + new.rstrip("\n") + kept + config[found.end() :]


def fixture_config(project_config: str, own: str) -> str:
    """The project's mkdocs.yml with its site_name line and its nav: block replaced by those of
    `own` (tests/fixtures/site/mkdocs-own.yml). Replaced as text: a YAML round trip would lose
    the comments and the !ENV tags."""
    config = _replace(SITE_NAME_LINE, project_config, "site_name: line", _one(SITE_NAME_LINE, own, "site_name: line").group(0))
    return _replace(NAV_BLOCK, config, "top-level nav: block", nav_block(own))


def add_to_nav(project: Path, entry: str) -> None:
    """One more menu line (`entry`, a page file) at the end of `project`'s nav: block."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(_replace(NAV_BLOCK, text, "top-level nav: block", f"{nav_block(text)}  - {entry}\n"), encoding="utf-8")


def fixture_project(target: Path) -> Path:
    """A copy of the tests' own small site in `target`, with the project's mkdocs.yml (its own
    site name and menu: FIXTURE_CONFIG), hooks, templates and assets."""
    shutil.copytree(FIXTURE_SITE, target, ignore=shutil.ignore_patterns("site", ".cache", FIXTURE_CONFIG.name))
    project_config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    own = FIXTURE_CONFIG.read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(fixture_config(project_config, own), encoding="utf-8")
    (target / "hooks").mkdir()
    for hook in (ROOT / "hooks").glob("*.py"):  # rls_site itself is imported from the project
        shutil.copy2(hook, target / "hooks" / hook.name)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    return target


@contextlib.contextmanager
def environment(env: dict | None):
    """os.environ with `env` set (a value None removes the variable), restored afterwards."""
    saved = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


class _Lines(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_in_process(project: Path, env: dict | None = None) -> Build:
    """Build `project` strictly with MkDocs in this process, into project/site; its log as output.

    As `mkdocs build --strict`, without the subprocess: the log lines are what an editor sees in
    the terminal (without colours); a failed build is a returncode of 1 and never raises."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    site = project / "site"
    logger = logging.getLogger("mkdocs")
    lines, level = _Lines(), logger.level
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    returncode = 0
    try:
        with environment(env):
            mkdocs_build(load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(site)))
    except (Abort, ConfigurationError) as error:
        lines.lines.append(f"Aborted: {error}")
        returncode = 1
    except Exception:  # a traceback an editor would see: the test shows it
        import traceback

        lines.lines.append(traceback.format_exc())
        returncode = 1
    finally:
        logger.removeHandler(lines)
        logger.setLevel(level)
    return Build(returncode, "\n".join(lines.lines), site)


def check_in_process(project: Path, env: dict | None = None, *args: str) -> subprocess.CompletedProcess:
    """`make check` in `project` (python -m rls_site.checks docs site), in this process."""
    from rls_site.checks.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with environment(env), contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["docs", "site", *args])
    return subprocess.CompletedProcess(["python", "-m", "rls_site.checks", "docs", "site", *args], code, out.getvalue(), err.getvalue())


def edit(project: Path, path: str, old: str, new: str) -> None:
    """Replace the first `old` in a file of `project` (which must hold it) by `new`."""
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(project: Path, path: str, text: str) -> int:
    """Append `text` to a page; returns the line number its first line gets."""
    file = project / path
    old = file.read_text(encoding="utf-8")
    if not old.endswith("\n"):
        old += "\n"
    file.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def line_of(project: Path, path: str, line: str, last: bool = False) -> int:
    """The number of the (first, or last) line that is exactly `line`."""
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    return len(lines) - lines[::-1].index(line) if last else lines.index(line) + 1


def line_of_start(project: Path, path: str, start: str) -> int:
    """The first line that starts with `start`."""
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


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
    """A fresh copy of the whole project that a test may change before building it."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def english_messages(monkeypatch):
    """Messages in English (RLS_MESSAGES=en) for a test that reads their words; Dutch is the
    default. A module uses it with `pytestmark = pytest.mark.usefixtures("english_messages")`."""
    monkeypatch.setenv("RLS_MESSAGES", "en")


@pytest.fixture
def small_project(tmp_path) -> Path:
    """A fresh copy of the tests' own small site that a test may change before building it."""
    return fixture_project(tmp_path / "small")


@pytest.fixture(scope="session")
def small_root(tmp_path_factory) -> Path:
    """A copy of the small site that is never built or changed: the project folder (`root`) for the
    rls_site.markdown extensions in string-in, HTML-out tests (its data, the project's templates)."""
    return fixture_project(tmp_path_factory.mktemp("small-root") / "project")


@pytest.fixture(scope="session")
def small_site_url() -> str:
    """Where `small_server` serves the small site: its build writes absolute links for it."""
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="session")
def small_site(tmp_path_factory, small_site_url) -> Build:
    """The tests' own small site, built once per test run with today at FIXTURE_TODAY (read only)."""
    project = fixture_project(tmp_path_factory.mktemp("small") / "project")
    result = build_in_process(project, {"RLS_TODAY": FIXTURE_TODAY, "SITE_URL": small_site_url})
    assert result.ok, result.output
    return result


def serve(directory: Path, url: str):
    """Serve `directory` on 127.0.0.1 at the port of `url`; returns the process."""
    port = url.rstrip("/").rsplit(":", 1)[1]
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", port, "--bind", "127.0.0.1", "--directory", str(directory)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,  # access log (stderr) unread
    )
    process.stdout.readline()  # "Serving HTTP on ...": the server is listening
    return process


@pytest.fixture(scope="session")
def small_server(small_site, small_site_url):
    """The small site served at the address it was built for; yields the base URL. The browser
    tests of the machinery (search, self-check, colours) run on it, with its own words."""
    process = serve(small_site.site, small_site_url)
    yield small_site_url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(params=["real", "small"])
def built_site(request) -> tuple[Path, Path]:
    """(project folder, built site): a test of what every correct site has runs on the real site
    and on the tests' own small site, where it may also pin the small site's own pages."""
    if request.param == "real":
        return ROOT, request.getfixturevalue("site")
    small = request.getfixturevalue("small_site")
    return small.site.parent, small.site


def nav_pages(project: Path) -> list[str]:
    """The pages the menu of `project`'s mkdocs.yml (or of the .yml file `project`) lists, as built
    folders ('' for the home page)."""
    config = project if project.suffix == ".yml" else project / "mkdocs.yml"
    block = nav_block(config.read_text(encoding="utf-8"))
    sources = re.findall(r"(?m)^\s*- (?:[^:\n]+: )?([\w/.-]+\.md)$", block)
    return ["" if source == "index.md" else source.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/" for source in sources]


def pages(site_dir: Path) -> dict[str, list[str]]:
    """Built page paths (relative, e.g. 'symptomen/index.html') per language."""
    english = sorted(str(p.relative_to(site_dir / "en")) for p in (site_dir / "en").rglob("index.html"))
    dutch = sorted(str(p.relative_to(site_dir)) for p in site_dir.rglob("index.html") if not str(p.relative_to(site_dir)).startswith("en/"))
    return {"nl": dutch, "en": english}


@pytest.fixture(scope="session")
def server(site, site_url):
    """The built site served on 127.0.0.1 at the address it was built for; yields the base URL."""
    process = serve(site, site_url)
    yield site_url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium instead of a downloaded browser (none can be downloaded here)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@dataclass
class Reading:
    """What a browser did while opening pages: every URL requested, and every problem (a console
    error or warning, a script error, a response of 400 or more, a failed request)."""

    requests: list[str]
    problems: list[str]


@pytest.fixture(scope="session")
def every_page_read(browser, site, server) -> Reading:
    """Every page of the real site in both languages and its 404 page, each opened until the
    network is idle, once per test run (once per process of `make test`) for the tests that look
    at what a reader's browser does."""
    context = browser.new_context()
    page = context.new_page()
    reading = Reading([], [])
    page.on("request", lambda request: reading.requests.append(request.url))
    page.on(
        "console",
        lambda message: message.type in ("error", "warning") and reading.problems.append(f"{page.url}: {message.type}: {message.text}"),
    )
    page.on("pageerror", lambda error: reading.problems.append(f"{page.url}: {error}"))
    page.on("response", lambda response: response.status >= 400 and reading.problems.append(f"{response.status} {response.url}"))
    page.on("requestfailed", lambda request: reading.problems.append(f"failed {request.url}"))
    built = pages(site)
    urls = [server + p.removesuffix("index.html") for p in built["nl"]] + [
        server + "en/" + p.removesuffix("index.html") for p in built["en"]
    ]
    for url in [*urls, server + "404.html"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    context.close()
    return reading


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
