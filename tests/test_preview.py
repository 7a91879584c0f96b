"""The editor's preview (`make serve`, rls_site.preview): it rebuilds when data/ changes and shows
every error in full each time, serves on the port asked for, says in one line when that port is
taken, and serves a page whose translation is missing (the strict build refuses it).

Each test runs a real `mkdocs serve` on a copy of the tests' own small site (tests/fixtures/site,
fixture_project), today FIXTURE_TODAY, on a free port, and stops it at the end whatever happens.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import FIXTURE_TODAY, ROOT, add_to_nav, build, fixture_project, free_port

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RLS_TODAY": FIXTURE_TODAY}
BROKEN_YAML = "references:\n  - id: [ohayon2012\n"


class Preview:
    """A running preview: its output so far, and a wait for something in it."""

    def __init__(self, process: subprocess.Popen, log: Path):
        self.process, self.log = process, log

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, condition, timeout: float = 15) -> str:
        """The output once `condition(output)` holds; fails with the output after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            output = self.output
            if condition(output):
                return output
            assert self.process.poll() is None, f"the preview stopped:\n{output}"
            time.sleep(0.1)
        raise AssertionError(f"not seen within {timeout} s:\n{self.output}")


@contextlib.contextmanager
def preview(project: Path, port: int):
    """`python -m rls_site.preview --port PORT` (what `make serve PORT=...` runs) in `project`."""
    log = project / "preview.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "rls_site.preview", "--port", str(port)],
            cwd=project,
            env={**ENV, "PYTHONPATH": str(project / "hooks")},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        running = Preview(process, log)
        running.wait_for(lambda output: f"Serving on http://127.0.0.1:{port}/" in output)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def yaml_errors(output: str) -> list[str]:
    """The lines reporting the broken data file, with its name and the rule."""
    return [line for line in output.splitlines() if "data/sources.yml:" in line and "[yaml-syntax]" in line]


def fixes_after(output: str, problems: list[str]) -> list[str]:
    """The line under each problem line: its fix, indented (whatever the language of the messages)."""
    lines = output.splitlines()
    return [lines[index + 1] if index + 1 < len(lines) else "" for index, line in enumerate(lines) if line in problems]


def test_preview_rebuilds_on_a_change_in_data_and_shows_the_whole_error_every_time(tmp_path):
    project = fixture_project(tmp_path / "project")
    sources = project / "data" / "sources.yml"
    good = sources.read_text(encoding="utf-8")
    with preview(project, free_port()) as running:
        for attempt in (1, 2):  # the same mistake twice: MkDocs would show only its first time
            sources.write_text(BROKEN_YAML, encoding="utf-8")
            output = running.wait_for(lambda output, attempt=attempt: len(yaml_errors(output)) == attempt)
            assert all(fix.startswith("    ") and fix.strip() for fix in fixes_after(output, yaml_errors(output))), output
            built = output.count("Documentation built")
            sources.write_text(good, encoding="utf-8")
            running.wait_for(lambda output, built=built: output.count("Documentation built") > built)
    assert "Traceback" not in running.output


def test_preview_serves_on_the_port_asked_for(tmp_path):
    project = fixture_project(tmp_path / "project")
    port = free_port()
    with preview(project, port):
        assert status(f"http://127.0.0.1:{port}/") == 200
        assert status(f"http://127.0.0.1:{port}/en/") == 200


def test_make_serve_passes_port_to_the_preview():
    dry_run = subprocess.run(["make", "-n", "serve", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert "-m rls_site.preview --port 8123" in dry_run.stdout, dry_run.stdout + dry_run.stderr
    default = subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert "-m rls_site.preview --port 8000" in default.stdout, default.stdout + default.stderr


def one_line_about_busy_port(output: str, port: int) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert str(port) in lines[0] and "make serve PORT=" in lines[0], output
    assert "Traceback" not in output


def test_a_busy_port_gives_one_line_with_the_fix():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        direct = subprocess.run(
            [sys.executable, "-m", "rls_site.preview", "--port", str(port)], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=30
        )
        assert direct.returncode == 1
        one_line_about_busy_port(direct.stdout + direct.stderr, port)
        # What an editor types: make adds nothing to the one line.
        made = subprocess.run(
            ["make", "--no-print-directory", "serve", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        one_line_about_busy_port(made.stdout + made.stderr, port)


def test_a_port_that_is_not_a_number_gives_one_line():
    result = subprocess.run(
        [sys.executable, "-m", "rls_site.preview", "--port", "acht"], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and "PORT=acht" in lines[0] and "make serve PORT=" in lines[0], lines


def test_a_page_without_its_translation_is_served_in_the_preview_and_refused_by_the_strict_build(tmp_path):
    project = fixture_project(tmp_path / "project")
    index = (project / "docs" / "index.md").read_text(encoding="utf-8")
    (project / "docs" / "nieuw.md").write_text(re.sub(r"(?m)^title: .*$", "title: Nieuwe pagina", index, count=1), encoding="utf-8")
    add_to_nav(project, "nieuw.md")
    port = free_port()
    with preview(project, port) as running:
        assert status(f"http://127.0.0.1:{port}/nieuw/") == 200
        assert 'href="nieuw/"' in page(f"http://127.0.0.1:{port}/")  # in the Dutch menu
        assert "nieuw" not in page(f"http://127.0.0.1:{port}/en/")  # the English menu has no line leading nowhere
        warning = next(line for line in running.output.splitlines() if "[translation-missing]" in line)
        assert warning.startswith("WARNING") and "docs/nieuw.md" in warning and "docs/nieuw.en.md" in warning, running.output
    strict = build(project, env={"RLS_TODAY": FIXTURE_TODAY})
    assert not strict.ok
    assert "docs/nieuw.md: [translation-missing]" in strict.output, strict.output
    assert "Traceback" not in strict.output
