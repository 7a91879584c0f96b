"""The evidence scale, `data/evidence.yml`: the one set of levels for "Hoe sterk is het bewijs?".

The levels are defined once: an id, and a name and meaning per language (format in
data/schemas/evidence.schema.json). Pages use them through the evidence marker
(rls_site.markdown.evidence); the about page lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from rls_site.data.schema import check_entries, check_languages, check_schema, load_schema
from rls_site.data.yaml_file import YamlData
from rls_site.errors import raise_all
from rls_site.rules import Text

DATA_FILE = "data/evidence.yml"


@dataclass(frozen=True)
class EvidenceScale:
    """The label and the levels, in the file's order: id -> {'name': {lang: text}, 'meaning': {...}}."""

    label: dict[str, str]
    levels: dict[str, dict[str, dict[str, str]]]

    def texts(self, lang: str) -> dict:
        """What the templates show in one language."""
        return {
            "label": self.label[lang],
            "levels": [{"id": key, "name": level["name"][lang], "meaning": level["meaning"][lang]} for key, level in self.levels.items()],
        }


def validate_evidence(data: YamlData, languages: list[str]) -> EvidenceScale:
    """The scale in `data`, or every problem in the file together."""
    errors = check_schema(data, load_schema("evidence"), "evidence-data")
    raise_all(errors)
    root = data.data
    errors.extend(check_languages(data, root["label"], ("label",), languages, "evidence-data"))
    entries, level_errors = check_entries(
        data, "levels", ("name", "meaning"), languages, "evidence-data", Text("de id van niveau", "the level id"), Text("niveau", "level")
    )
    errors.extend(level_errors)
    levels = {key: {"name": level["name"], "meaning": level["meaning"]} for key, level in entries.items()}
    raise_all(errors)
    return EvidenceScale(dict(root["label"]), levels)
