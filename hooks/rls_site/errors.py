"""Errors that editors can act on.

Every mistake an editor can make in `docs/` or `data/` is raised as a `ContentError`: it names the
file, the line where known, the rule that was broken and how to fix it. The hooks hand these to
MkDocs as its own error type (rls_site.mkdocs_glue), so a build stops with the message and no
traceback; the command `python -m rls_site.checks` prints them the same way.
"""

from __future__ import annotations

from rls_site.rules import RULES, Rule


class ContentError(Exception):
    """One problem in one file, with the fix; `rule` is an id of rls_site.rules.RULES."""

    def __init__(self, file: str, rule: str, problem: str, fix: str | None = None, line: int | None = None):
        if rule not in RULES:
            raise ValueError(f"'{rule}' is not a rule of rls_site.rules.RULES")
        self.file, self.rule, self.problem, self.line = file, rule, problem, line
        self.fix = fix or RULES[rule].fix
        super().__init__(self.format())

    def __reduce__(self):
        # Pickled by its parts (the page checks' worker sends errors back): an Exception pickles
        # its message only, which __init__ cannot take.
        return (ContentError, (self.file, self.rule, self.problem, self.fix, self.line))

    @property
    def definition(self) -> Rule:
        return RULES[self.rule]

    @property
    def title(self) -> str:
        """What is wrong, in a few words (the rule's title)."""
        return RULES[self.rule].title

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def format(self) -> str:
        return f"{self.location}: [{self.rule}] {self.problem}\n    How to fix: {self.fix}"


class ContentErrors(Exception):
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
