"""Build time and peak memory of generated sites of 100 and 1,000 pages in both languages, with
and without the hooks: shows how the build grows with the site.

Each generated page is a copy of a real content page (citations, review dates in its front
matter); every tenth page also carries the self-check marker. Pages are grouped in navigation
sections of 20.

usage: python bench/scale.py [--sizes 100 1000] [--runs N]
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from common import ROOT, copy_project, paired_builds

TEMPLATES = ["oorzaken", "behandeling", "zelf-doen"]
SECTION = 20


def generate(project: Path, pages: int) -> None:
    docs = project / "docs"
    names = []
    for number in range(1, pages + 1):
        template = TEMPLATES[number % len(TEMPLATES)]
        name = f"p{number:04d}"
        for suffix in (".md", ".en.md"):
            text = (ROOT / "docs" / f"{template}{suffix}").read_text(encoding="utf-8")
            text = re.sub(r"^title: (.*)$", rf"title: \1 {number}", text, count=1, flags=re.M)
            if number % 10 == 0:
                text += "\n<!-- md:selfcheck -->\n"
            (docs / f"{name}{suffix}").write_text(text, encoding="utf-8")
        names.append(name)
    # Sections of 20 pages, as a real site of this size would be organised: with
    # navigation.prune each page then carries its own section's navigation, not all pages'.
    sections = "".join(
        f"  - Sectie {start // SECTION + 1}:\n" + "".join(f"    - {name}.md\n" for name in names[start : start + SECTION])
        for start in range(0, len(names), SECTION)
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - over.md\n", "  - over.md\n" + sections, 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"$ python bench/scale.py --sizes {' '.join(map(str, args.sizes))} --runs {args.runs}")
    print("pages/language | with hooks: s, peak MB | without: s, peak MB | hooks add: median (each pair) | s per 100 pages, with hooks")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            project = copy_project(Path(tmp) / f"site{size}")
            generate(project, size)
            bare = copy_project(Path(tmp) / f"site{size}-without-hooks", hooks=False)
            generate(bare, size)
            result = paired_builds(project, bare, args.runs)
            with_hooks, without = result["with"], result["without"]
            added = 100 * (result["ratio"] - 1)
            each = ", ".join(f"{100 * (r - 1):+.0f}%" for r in result["ratios"])
            total = size + 7
            print(
                f"{total:>14} | {with_hooks['seconds']:8.2f} s, {with_hooks['peak_mb']:5.0f} MB"
                f" | {without['seconds']:6.2f} s, {without['peak_mb']:5.0f} MB | {added:+4.0f}% ({each})"
                f" | {100 * with_hooks['seconds'] / total:.2f}"
            )


if __name__ == "__main__":
    main()
