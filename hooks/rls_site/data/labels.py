"""Short interface texts, `data/labels.yml`: one section per language, the same keys in each.

The texts the build adds to pages: the heading of the source list, the disclaimer, the
partner-link notice and label, the review-date lines, month names. Checked against
data/schemas/labels.schema.json; every language of the site must have a section.
"""

from __future__ import annotations

from rls_site.data.schema import check_schema, load_schema
from rls_site.data.yaml_file import YamlData
from rls_site.errors import ContentError, raise_all

DATA_FILE = "data/labels.yml"


def validate_labels(data: YamlData, languages: list[str]) -> dict[str, dict]:
    """The texts of every language, or every problem in the file together."""
    errors = check_schema(data, load_schema("labels"), "labels-text")
    root = data.data if isinstance(data.data, dict) else {}
    for lang in languages:
        if not isinstance(root.get(lang), dict):
            errors.append(
                ContentError(
                    data.path,
                    "labels-language",
                    line=data.line_of(),
                    nl=f"de taal '{lang}' ontbreekt.",
                    en=f"the language '{lang}' is missing.",
                    fix_nl=f"voeg een deel '{lang}:' toe met dezelfde sleutels als de andere talen.",
                    fix_en=f"add a section '{lang}:' with the same keys as the other languages.",
                )
            )
    raise_all(errors)
    return {lang: root[lang] for lang in languages}
