"""Build time of the real site with and without the hooks: median of several builds, one run.

usage: python bench/build_time.py [--runs N]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import copy_project, median_build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"$ python bench/build_time.py --runs {args.runs}")
    with tempfile.TemporaryDirectory() as tmp:
        with_hooks = median_build(copy_project(Path(tmp) / "with"), args.runs)
        without = median_build(copy_project(Path(tmp) / "without", hooks=False), args.runs)
    ratio = with_hooks["seconds"] / without["seconds"]
    print(f"real site, 2 languages, median of {args.runs} builds each (mkdocs build --strict):")
    print(f"  with hooks:    {with_hooks['seconds']:.2f} s, peak {with_hooks['peak_mb']:.0f} MB")
    print(f"  without hooks: {without['seconds']:.2f} s, peak {without['peak_mb']:.0f} MB")
    print(f"  ratio with/without: {ratio:.2f} (hooks add {100 * (ratio - 1):.0f}%)")


if __name__ == "__main__":
    main()
