"""The parts of a page readers act on, `data/components.yml`: the summary's heading, the Do / Do
not list's headings and the words that say "not", and the care cards' levels (an id, a heading
and the words screen readers hear first, per language; format in
data/schemas/components.schema.json). Pages use them through markers (rls_site.markdown.components).
"""

from __future__ import annotations

from dataclasses import dataclass

from rls_site.data.schema import check_entries, check_languages, check_schema, load_schema
from rls_site.data.yaml_file import YamlData
from rls_site.errors import ContentError, raise_all
from rls_site.rules import Text

DATA_FILE = "data/components.yml"
# The self-check's outcome is a care card of this level: no urgency, a visit to the GP.
SELFCHECK_LEVEL = "appointment"


@dataclass(frozen=True)
class Components:
    summary_heading: dict[str, str]
    do: dict[str, str]
    dont: dict[str, str]
    negations: dict[str, list[str]]
    care: dict[str, dict[str, dict[str, str]]]  # level id -> {'heading': {lang: text}, 'hidden': {...}}

    def care_level(self, level: str, lang: str) -> dict[str, str]:
        """What a care card of `level` shows in `lang`: id, heading, hidden."""
        texts = self.care[level]
        return {"id": level, "heading": texts["heading"][lang], "hidden": texts["hidden"][lang]}

    def texts(self, lang: str) -> dict:
        return {"summary": self.summary_heading[lang], "do": self.do[lang], "dont": self.dont[lang]}


def validate_components(data: YamlData, languages: list[str]) -> Components:
    """The components in `data`, or every problem in the file together."""
    errors = check_schema(data, load_schema("components"), "components-data")
    raise_all(errors)
    root = data.data
    errors.extend(check_languages(data, root["summary"]["heading"], ("summary", "heading"), languages, "components-data"))
    for key in ("do", "dont", "negations"):
        errors.extend(check_languages(data, root["do_dont"][key], ("do_dont", key), languages, "components-data"))
    levels, level_errors = check_entries(
        data, "care", ("heading", "hidden"), languages, "components-data", Text("het zorgniveau", "the care level"), Text("niveau", "level")
    )
    errors.extend(level_errors)
    care = {key: {"heading": level["heading"], "hidden": level["hidden"]} for key, level in levels.items()}
    if SELFCHECK_LEVEL not in care:
        errors.append(
            ContentError(
                data.path,
                "components-data",
                line=data.line_of("care"),
                nl=f"er is geen zorgniveau '{SELFCHECK_LEVEL}': de uitkomst van de zelftest is een kaart van dat niveau.",
                en=f"there is no care level '{SELFCHECK_LEVEL}': the self-check's outcome is a card of that level.",
                fix_nl=f"houd het niveau '- id: {SELFCHECK_LEVEL}' onder 'care:'.",
                fix_en=f"keep the level '- id: {SELFCHECK_LEVEL}' under 'care:'.",
            )
        )
    raise_all(errors)
    do_dont = root["do_dont"]
    negations = {lang: [word.lower() for word in words] for lang, words in do_dont["negations"].items()}
    return Components(dict(root["summary"]["heading"]), dict(do_dont["do"]), dict(do_dont["dont"]), negations, care)
