"""Counts the assertions of the test suite: `assert` statements and Playwright `expect(...)` calls.

    python bench/count_assertions.py [tests]

Statements as written, not as run: a parametrized test's assertion counts once. BENCHMARKS.md
("Test suite") compares the count before and after a change to the tests, so no assertion is lost.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def count(path: Path) -> tuple[int, int]:
    """(assert statements, expect calls) in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    asserts = sum(isinstance(node, ast.Assert) for node in ast.walk(tree))
    expects = sum(isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "expect" for node in ast.walk(tree))
    return asserts, expects


def main(folder: str = "tests") -> None:
    total_asserts = total_expects = 0
    for path in sorted(Path(folder).rglob("*.py")):
        asserts, expects = count(path)
        total_asserts += asserts
        total_expects += expects
        print(f"{asserts + expects:5d}  {path}")
    print(f"{total_asserts} assert statements + {total_expects} expect() calls = {total_asserts + total_expects} assertions")


if __name__ == "__main__":
    main(*sys.argv[1:])
