"""Build time of the real site with and without the hooks: pairs of builds, one run.

usage: python bench/build_time.py [--runs N]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import copy_project, paired_builds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"$ python bench/build_time.py --runs {args.runs}")
    with tempfile.TemporaryDirectory() as tmp:
        result = paired_builds(copy_project(Path(tmp) / "with"), copy_project(Path(tmp) / "without", hooks=False), args.runs)
    with_hooks, without, ratio = result["with"], result["without"], result["ratio"]
    print(f"real site, 2 languages, {args.runs} pairs of builds (mkdocs build --strict) with and without hooks:")
    print(f"  with hooks:    {with_hooks['seconds']:.2f} s (median), peak {with_hooks['peak_mb']:.0f} MB")
    print(f"  without hooks: {without['seconds']:.2f} s (median), peak {without['peak_mb']:.0f} MB")
    print(f"  ratio per pair: {', '.join(f'{r:.2f}' for r in result['ratios'])}")
    print(f"  median ratio with/without: {ratio:.2f} (hooks add {100 * (ratio - 1):.0f}%)")


if __name__ == "__main__":
    main()
