"""The built pages' checks, run in a second process while the build renders the next pages.

Checking a built page (`check_and_read_page_html`: lxml reads it, every rule on it, its ids and
links kept for the link check) costs 3-5 ms; MkDocs renders one page at a time, on one core.
From WORKER_FROM_PAGES pages a build (every language counted) the pages therefore go, in
batches, to one worker process on another core, and the build waits at the end only for the
pages still in it. Below that, and on a machine with one core, they are checked in the build's
own process: starting a worker (a new Python that imports lxml) costs more than it saves.

The results are the same either way (tests/test_build_in_parallel.py). Where no worker can start
(no processes or semaphores allowed) the pages are checked in the build's process; a worker that
stops leaves its pages unchecked here; `check_site` then reads them from site/ and checks them
in the build's process, like any page not checked yet.
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import Future

from rls_site.checks.internal_links import PageLinks
from rls_site.checks.run import Settings, SourcePage, check_and_read_page_html
from rls_site.errors import ContentError

# From about 200 pages the worker saves more than its start costs (BENCHMARKS.md, section 2).
WORKER_FROM_PAGES = 200
BATCH = 25  # pages handed to the worker at once: fewer hand-overs, still a short wait at the end

Checked = tuple[list[ContentError], PageLinks]
_worker: dict = {}  # in the worker process: what every page is checked against


def _start_worker(settings: Settings, sources: dict[str, SourcePage]) -> bool:
    # Ctrl+C stops the build, which stops the worker: the worker itself prints no traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(settings=settings, sources=sources)
    return True


def _check_batch(batch: list[tuple[str, str, str]]) -> list[tuple[str, Checked]]:
    settings, sources = _worker["settings"], _worker["sources"]
    return [(rel, check_and_read_page_html(html, file, sources.get(rel), settings, rel)) for html, file, rel in batch]


class PageQueue:
    """Built pages to check, by their path under site/ (`rel`), as the build writes them.

    `sources`: the source page each output path is built from (`pages_by_output`); `pages`: how
    many pages the build makes, which decides whether a worker pays for itself."""

    def __init__(self, settings: Settings, sources: dict[str, SourcePage], pages: int, worker: bool | None = None):
        self.settings, self.sources = settings, sources
        self.checked: dict[str, Checked] = {}
        self._batch: list[tuple[str, str, str]] = []
        self._futures: list[Future] = []
        self._pool = None
        if worker is None:
            worker = pages >= WORKER_FROM_PAGES and _usable_cores() > 1
        if worker:
            # Imported here: multiprocessing costs a small site's build 25 ms it has no use for.
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            try:
                # "spawn": a fresh interpreter, never a copy of the build's threads (`mkdocs serve` runs some).
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
                # The pages' texts go as the first task, which a thread of the pool sends: as the
                # worker's start-up arguments the build would wait until the new Python has started.
                self._futures.append(self._pool.submit(_start_worker, settings, sources))
            except Exception:  # noqa: BLE001 - no worker possible here (processes, semaphores): check in this process
                self.close()

    @property
    def in_worker(self) -> bool:
        return self._pool is not None

    def add(self, html: str, file: str, rel: str) -> None:
        """Check the page `rel` (shown as `file` in messages), now or in the worker."""
        if self._pool is None:
            self.checked[rel] = check_and_read_page_html(html, file, self.sources.get(rel), self.settings, rel)
            return
        self._batch.append((html, file, rel))
        if len(self._batch) >= BATCH:
            self._send()

    def _send(self) -> None:
        batch, self._batch = self._batch, []
        try:
            self._futures.append(self._pool.submit(_check_batch, batch))
        except Exception:  # noqa: BLE001 - the worker is gone: check_site checks these pages from site/
            pass

    def finish(self) -> dict[str, Checked]:
        """Every page checked so far, by its path under site/; the worker is stopped."""
        if self._pool is not None:
            if self._batch:
                self._send()
            for future in self._futures:
                try:
                    result = future.result()
                except Exception:  # noqa: BLE001 - a worker that failed: its pages are checked again from site/
                    continue
                if isinstance(result, list):
                    self.checked.update(result)
            self.close()
        return self.checked

    def close(self) -> None:
        """Stop the worker: the batch it is checking is finished, the others are dropped (a build that failed)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _usable_cores() -> int:
    """The cores this process may run on (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every system
        return os.cpu_count() or 1
