"""Helpers the benchmark scripts share: copying the project, timed builds with peak memory, a
local static server that compresses like a production host."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["docs", "overrides", "hooks", "data", "mkdocs.yml"]

# Runs one build in a fresh interpreter and prints its wall time, peak memory (max RSS) and the CPU
# time of the build and the programs it ran (Pagefind): steadier than wall time on a shared machine.
_MEASURE = """
import json, resource, sys, time
from mkdocs.__main__ import cli
start = time.perf_counter()
try:
    cli.main(args=["build", "--strict", "--site-dir", sys.argv[1]], standalone_mode=False)
    ok = True
except BaseException as error:
    ok = repr(error)
seconds = time.perf_counter() - start
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
print("BENCH" + json.dumps({"seconds": seconds, "peak_mb": own.ru_maxrss / 1024, "cpu_s": cpu, "ok": ok}))
"""


def copy_project(target: Path, hooks: bool = True) -> Path:
    """A copy of the project; without hooks, mkdocs.yml loses its `hooks:` list and the site's own
    Markdown extensions (rls_site.markdown), and gets Material's own search plugin back: what is
    measured is everything the site adds to a plain bilingual Material build with its search.
    (The site's search, Pagefind, runs in a hook; bench/hook_events.py shows its time alone.)"""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    if not hooks:
        without_hooks(target / "mkdocs.yml")
    return target


def without_hooks(mkdocs_yml: Path) -> None:
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^  - rls_site\.markdown\.\w+\n", "", text, flags=re.M)
    text = re.sub(r"^plugins:\n", "plugins:\n  - search\n", text, count=1, flags=re.M)
    # mkdocs-static-i18n's clean-up of the search index compares every entry of one language with
    # every entry of the other: minutes at 1,000 pages, for untranslated copies this site cannot have.
    text = re.sub(r"^  - i18n:\n", "  - i18n:\n      reconfigure_search: false\n", text, count=1, flags=re.M)
    mkdocs_yml.write_text(text, encoding="utf-8")


def timed_build(project: Path) -> dict:
    """Build `project` once in a new process; returns seconds, peak_mb and ok."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764028800", "PYTHONPATH": str(project / "hooks")}
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(project / "site")], cwd=project, env=env, capture_output=True, text=True)
    line = next((text for text in result.stdout.splitlines() if text.startswith("BENCH")), None)
    if line is None:
        raise SystemExit(f"build failed in {project}:\n{result.stdout}\n{result.stderr}")
    measured = json.loads(line[5:])
    if measured["ok"] is not True:
        raise SystemExit(f"build failed in {project}: {measured['ok']}\n{result.stderr[-3000:]}")
    return measured


def paired_builds(with_hooks: Path, bare: Path, runs: int) -> dict:
    """`runs` pairs of builds, one with the hooks and one without, one right after the other
    (which goes first alternates, so neither always gets a warmed-up machine).

    The speed of a shared machine drifts by 10-30% over minutes: the two builds of a pair see
    nearly the same machine, so the median of the pairs' ratios is steadier than a ratio of two
    medians taken minutes apart.
    """
    pairs = []
    for run in range(runs):
        order = (with_hooks, bare) if run % 2 == 0 else (bare, with_hooks)
        measured = {project: timed_build(project) for project in order}
        pairs.append((measured[with_hooks], measured[bare]))
    ratios = [a["seconds"] / b["seconds"] for a, b in pairs]
    return {
        "with": {
            "seconds": statistics.median(a["seconds"] for a, _ in pairs),
            "cpu_s": statistics.median(a["cpu_s"] for a, _ in pairs),
            "peak_mb": max(a["peak_mb"] for a, _ in pairs),
        },
        "without": {
            "seconds": statistics.median(b["seconds"] for _, b in pairs),
            "cpu_s": statistics.median(b["cpu_s"] for _, b in pairs),
            "peak_mb": max(b["peak_mb"] for _, b in pairs),
        },
        "cpu_ratios": [a["cpu_s"] / b["cpu_s"] for a, b in pairs],
        "ratio": statistics.median(ratios),
        "ratios": ratios,
    }


# Compressed bodies by (path, modification time, size): each file is compressed once, as a
# production host keeps them, so the server does not compete with the browser for the CPU while a
# page loads. `precompress` fills it before measuring.
_COMPRESSED: dict[tuple[str, int, int], bytes] = {}
COMPRESSED_SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".xml")


def compressed(path: Path) -> bytes:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _COMPRESSED:
        _COMPRESSED[key] = gzip.compress(path.read_bytes(), mtime=0)
    return _COMPRESSED[key]


def precompress(site: Path) -> None:
    """Compress every file the server would compress, so that no request waits for it."""
    for path in site.rglob("*"):
        if path.suffix in COMPRESSED_SUFFIXES and path.is_file():
            compressed(path)


# What the server sent, (path, bytes with headers) per response: a count that also holds what a
# browser fetches outside the page's own requests (Pagefind's worker). `sent.clear()` starts one.
sent: list[tuple[str, int]] = []


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files gzip-compressed when the browser asks, as GitHub Pages serves them."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self._sent = sum(len(line) for line in getattr(self, "_headers_buffer", []))
        super().end_headers()

    def copyfile(self, source, outputfile):
        body = source.read()
        outputfile.write(body)
        sent.append((self.path, getattr(self, "_sent", 0) + len(body)))

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in COMPRESSED_SUFFIXES:
            return super().send_head()
        body = compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def serve(site: Path, port: int = 0):
    """Serve `site` on 127.0.0.1 in a background thread; returns (server, base_url)."""
    handler = lambda *args, **kwargs: CompressingHandler(*args, directory=str(site), **kwargs)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
