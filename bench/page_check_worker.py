"""Whether checking the built pages in a second process pays for itself, by the size of the site:
pairs of builds of a generated site (as in scale.py), one with the page checks always in a
worker process, one with them always in the build's own process.

rls_site.checks.page_queue uses the worker from WORKER_FROM_PAGES pages a build (every language
counted); this shows where that line belongs.

usage: python bench/page_check_worker.py [--sizes 20 50 100] [--runs N]
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from common import copy_project, paired_builds
from scale import generate

QUEUE = "hooks/rls_site/checks/page_queue.py"


def with_threshold(project: Path, pages: int) -> Path:
    path = project / QUEUE
    text, count = re.subn(r"(?m)^WORKER_FROM_PAGES = \d+", f"WORKER_FROM_PAGES = {pages}", path.read_text(encoding="utf-8"))
    if count != 1:
        raise SystemExit(f"{QUEUE} has no 'WORKER_FROM_PAGES = ...' line")
    path.write_text(text, encoding="utf-8")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 50, 100])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"$ python bench/page_check_worker.py --sizes {' '.join(map(str, args.sizes))} --runs {args.runs}")
    print("pages/language | pages a build | checks in a worker: s | in the build's process: s | worker against none: median (each pair)")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            worker = with_threshold(copy_project(Path(tmp) / f"worker{size}"), 1)
            generate(worker, size)
            alone = with_threshold(copy_project(Path(tmp) / f"alone{size}"), 10**9)
            generate(alone, size)
            result = paired_builds(worker, alone, args.runs)
            each = ", ".join(f"{100 * (r - 1):+.0f}%" for r in result["ratios"])
            total = 2 * (size + 8)  # the generated pages and the site's own (search page included), both languages
            print(
                f"{size + 7:>14} | {total:>13} | {result['with']['seconds']:21.2f} | {result['without']['seconds']:25.2f}"
                f" | {100 * (result['ratio'] - 1):+.0f}% ({each})"
            )


if __name__ == "__main__":
    main()
