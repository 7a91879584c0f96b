"""Errors that editors can act on.

Every mistake an editor can make in `docs/` or `data/` is raised as a `ContentError`: it names the
file, the line where known, the rule that was broken and how to fix it. The hooks hand these to
MkDocs as its own error type (rls_site.mkdocs_glue), so a build stops with the message and no
traceback; the command `python -m rls_site.checks` prints them the same way.

Each raise site gives its problem (and, where it says more than the rule's general fix, its fix)
in both languages; the message is written in the language of rls_site.rules.message_language()
when it is shown:

    ContentError(file, "care-level-unknown", line=12, address=None,
                 nl=f"'{level}' is geen niveau van een zorgkaart.", en=f"'{level}' is not a care card level.",
                 fix_nl="gebruik ...", fix_en="use ...")

`nl` and `en` are required; without `fix_nl`/`fix_en` the rule's general fix is shown.
`address`: the link or URL at fault, where there is one, so a problem found on a built page can
be moved onto the line of the page's source that holds it.
"""

from __future__ import annotations

from rls_site.rules import HOW_TO_FIX, RULES, Text, message_language, problems_found


class ContentError(Exception):
    """One problem in one file, with the fix; `rule` is an id of rls_site.rules.RULES."""

    def __init__(
        self,
        file: str,
        rule: str,
        line: int | None = None,
        *,
        nl: str,
        en: str,
        fix_nl: str | None = None,
        fix_en: str | None = None,
        address: str | None = None,
    ):
        if rule not in RULES:
            raise ValueError(f"'{rule}' is not a rule of rls_site.rules.RULES")
        self.file, self.rule, self.line, self.address = file, rule, line, address
        self.problems = Text(nl, en)
        self.fixes = Text(fix_nl or RULES[rule].fix.nl, fix_en or RULES[rule].fix.en)
        super().__init__(file, rule)

    @property
    def problem(self) -> str:
        return getattr(self.problems, message_language())

    @property
    def fix(self) -> str:
        return getattr(self.fixes, message_language())

    @property
    def title(self) -> str:
        """What is wrong, in a few words (the rule's title)."""
        return str(RULES[self.rule].title)

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def moved(self, file: str, line: int | None, built: str | None = None) -> ContentError:
        """The same problem on another file and line; `built`: the built file where it was found."""
        note = f" (in {built})" if built else ""
        return ContentError(
            file,
            self.rule,
            line=line,
            nl=self.problems.nl + note,
            en=self.problems.en + note,
            fix_nl=self.fixes.nl,
            fix_en=self.fixes.en,
            address=self.address,
        )

    def format(self) -> str:
        return f"{self.location}: [{self.rule}] {self.problem}\n    {HOW_TO_FIX} {self.fix}"

    def __str__(self) -> str:
        return self.format()


class ContentErrors(Exception):
    """Several problems reported together, so an editor can fix them in one go."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.rule))
        super().__init__(len(self.errors))

    def __str__(self) -> str:
        return "\n".join([problems_found(len(self.errors)), *(e.format() for e in self.errors)])


def raise_all(errors: list[ContentError]) -> None:
    """Raise the one error as itself, several together, none: return."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ContentErrors(errors)
