"""Errors that editors can act on.

Every mistake an editor can make in `docs/` or `data/` is raised as a `ContentError`: it names the
file, the line where known, the rule that was broken and how to fix it. It is a MkDocs
`PluginError`, so a build stops with this message and no traceback; without MkDocs installed
it is a plain exception with the same message.
"""

from __future__ import annotations

try:
    from mkdocs.exceptions import PluginError
except ImportError:  # the checks also run without MkDocs (see publication_checks.py)

    class PluginError(Exception):
        """Stand-in for MkDocs' error type when MkDocs is not installed."""


class ContentError(PluginError):
    """One problem in one file, with the fix."""

    def __init__(self, file: str, rule: str, problem: str, fix: str, line: int | None = None):
        self.file, self.rule, self.problem, self.fix, self.line = file, rule, problem, fix, line
        super().__init__(self.format())

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def format(self) -> str:
        return f"{self.location}: [{self.rule}] {self.problem}\n    How to fix: {self.fix}"


class ContentErrors(PluginError):
    """Several problems reported together, so an editor can fix them in one go."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.rule))
        count = len(self.errors)
        heading = f"{count} problem{'s' if count != 1 else ''} found:"
        super().__init__("\n".join([heading, *(e.format() for e in self.errors)]))


def raise_all(errors: list[ContentError]) -> None:
    """Raise the one error as itself, several together, none: return."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ContentErrors(errors)
