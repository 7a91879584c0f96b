"""A page's YAML front matter as the editor wrote it: text values with their line numbers.

MkDocs silently drops front matter it cannot read (an impossible date such as 2026-13-01 makes the
whole block vanish), so the publication checks read it themselves: values stay text, and every
problem names the line. Pure functions, usable without MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from rls_site.data.yaml_file import compose
from rls_site.errors import ContentError
from rls_site.rules import Text

# The block MkDocs reads: '---' on the first line, closed by '---' or '...'.
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
EXAMPLE = Text(
    "title, description, last_reviewed, reviewed_by en next_review (kopieer het blok van een andere pagina)",
    "title, description, last_reviewed, reviewed_by and next_review (copy the block from another page)",
)


@dataclass
class FrontMatter:
    """Scalar values as written (None for a list or mapping) and the line of every key."""

    file: str
    values: dict[str, str | None] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def text(self, key: str) -> str | None:
        """The value of `key` as stripped text; None when missing, empty or not a single value."""
        value = self.values.get(key)
        return (value.strip() or None) if isinstance(value, str) else None

    def line(self, key: str) -> int:
        """Line of `key`, or of the opening '---' when the key is missing."""
        return self.lines.get(key, 1)


def body_of(source: str) -> tuple[str, int]:
    """The page's Markdown after its front matter, and the line of the file where it starts."""
    match = _BLOCK.match(source)
    if not match:
        return source, 1
    return source[match.end() :], source.count("\n", 0, match.end()) + 1


def read_front_matter(source: str, file: str) -> FrontMatter:
    """Read the front matter of a page's source; a missing or broken block is a ContentError."""
    match = _BLOCK.match(source)
    if not match:
        raise ContentError(
            file,
            "front-matter",
            line=1,
            nl="de pagina heeft geen front matter.",
            en="the page has no front matter.",
            fix_nl=f"begin het bestand met een blok tussen twee regels '---' met {EXAMPLE.nl}.",
            fix_en=f"start the file with a block between two '---' lines holding {EXAMPLE.en}.",
        )
    try:
        node = compose(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(
            file,
            "front-matter",
            line=mark.line + 2 if mark else 1,
            nl=f"de front matter is geen geldige YAML ({problem}).",
            en=f"the front matter is not valid YAML ({problem}).",
            fix_nl="schrijf één 'sleutel: waarde' per regel; zet tekst met een dubbele punt tussen aanhalingstekens.",
            fix_en="write one 'key: value' per line; put text with a colon in quotes.",
        ) from None
    if not isinstance(node, yaml.MappingNode):
        raise ContentError(
            file,
            "front-matter",
            line=2,
            nl="de front matter is geen lijst van regels 'sleutel: waarde'.",
            en="the front matter is not a list of 'key: value' lines.",
            fix_nl=f"schrijf één 'sleutel: waarde' per regel: {EXAMPLE.nl}.",
            fix_en=f"write one 'key: value' per line: {EXAMPLE.en}.",
        )
    values: dict[str, str | None] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        values[key] = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        lines[key] = key_node.start_mark.line + 2  # 1-based, after the opening '---'
    return FrontMatter(file, values, lines)
