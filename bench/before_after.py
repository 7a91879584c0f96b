"""Build time and peak memory of one generated site built with this checkout's hooks and with
another checkout's (an earlier commit: `git worktree add /tmp/before COMMIT`), in pairs.

The site is bench/scale.py's (copies of real content pages, in both languages); only `hooks/`
differs between the two builds of a pair, so the pair shows what a change to the site's own code
costs or saves at that size.

usage: python bench/before_after.py OTHER_CHECKOUT [--pages 1000] [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import copy_project, paired_builds
from scale import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout, whose hooks/ the second build of each pair uses")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"$ python bench/before_after.py {args.other} --pages {args.pages} --runs {args.runs}")
    with tempfile.TemporaryDirectory() as tmp:
        this = copy_project(Path(tmp) / "this")
        generate(this, args.pages)
        other = copy_project(Path(tmp) / "other")
        generate(other, args.pages)
        shutil.rmtree(other / "hooks")
        shutil.copytree(args.other / "hooks", other / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
        result = paired_builds(this, other, args.runs)
    ours, theirs = result["with"], result["without"]
    each = ", ".join(f"{100 * (r - 1):+.0f}%" for r in result["ratios"])
    print(f"{args.pages + 7} pages a language, 2 languages, {args.runs} pairs of builds (mkdocs build --strict):")
    cpu_each = ", ".join(f"{100 * (r - 1):+.0f}%" for r in result["cpu_ratios"])
    print(f"  this checkout's hooks:  {ours['seconds']:.2f} s (median), CPU {ours['cpu_s']:.2f} s, peak {ours['peak_mb']:.0f} MB")
    print(f"  the other's hooks:      {theirs['seconds']:.2f} s (median), CPU {theirs['cpu_s']:.2f} s, peak {theirs['peak_mb']:.0f} MB")
    print(f"  this against the other: {100 * (result['ratio'] - 1):+.0f}% wall time (each pair: {each}); CPU time, each pair: {cpu_each}")


if __name__ == "__main__":
    main()
