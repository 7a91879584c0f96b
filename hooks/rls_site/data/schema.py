"""Check a data file against its JSON Schema (`data/schemas/*.schema.json`), with editors' messages.

The schema says what a file must hold; jsonschema finds every place where it does not. Each
problem becomes a ContentError on the line of the YAML where it is, in words an editor can act on.
A schema part may carry two keys of ours, read from the deepest part that has them:

    "x-rule": "evidence-data"              the rule id the message names
    "x-fix":  "give every level a name"    how to fix it (a text, or one text per keyword:
                                           {"required": "...", "enum": "..."})
    "x-fix-nl": "geef elk niveau een naam"  the same in Dutch, the editors' language

Pure functions, usable without MkDocs.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from rls_site.data.yaml_file import YamlData
from rls_site.errors import ContentError
from rls_site.rules import Text

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "data" / "schemas"  # the project's data/schemas
_TYPE_WORDS = {
    "object": Text("een reeks regels 'sleutel: waarde'", "a set of 'key: value' lines"),
    "array": Text("een lijst (regels die beginnen met '- ')", "a list (lines starting with '- ')"),
    "string": Text("een tekst", "a text"),
    "boolean": Text("true of false", "true or false"),
    "integer": Text("een heel getal", "a whole number"),
    "number": Text("een getal", "a number"),
}


@functools.cache
def load_schema(name: str) -> dict:
    """The schema `data/schemas/<name>.schema.json`."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@functools.cache
def _validator(schema_text: str):
    schema = json.loads(schema_text)
    Draft202012Validator.check_schema(schema)  # the schema itself is a valid schema
    return Draft202012Validator(schema)


def where(path: tuple, lang: str = "en") -> str:
    """A place in the file as an editor reads it: levels[2].name.en (list items counted from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return f"'{text}'" if text else {"nl": "het bestand", "en": "the file"}[lang]


def _annotation(schema: dict, schema_path: list, key: str, keyword: str) -> str | None:
    """The deepest value of `key` along the schema path to the failing keyword."""
    found = schema.get(key)
    node: Any = schema
    for step in schema_path[:-1]:
        try:
            node = node[step]
            if step == "$ref" and isinstance(node, str) and node.startswith("#/"):  # a part defined once, used here
                node = functools.reduce(lambda part, name: part[name], node[2:].split("/"), schema)
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and key in node:
            found = node[key]
    if isinstance(found, dict):
        return found.get(keyword) or found.get("default")
    return found


def _problem(error) -> tuple[Text, tuple]:
    """What is wrong, and the path of the line it is on."""
    path = tuple(error.absolute_path)
    value = error.instance
    keyword = error.validator
    at = Text(where(path, "nl"), where(path))
    if keyword == "required":
        missing = next((name for name in error.validator_value if isinstance(value, dict) and name not in value), "?")
        return Text(f"{at.nl} heeft geen '{missing}'.", f"{at.en} has no '{missing}'."), path
    if keyword == "additionalProperties" and isinstance(value, dict):
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(str(key) for key in value if key not in allowed)
        key = unknown[0] if unknown else "?"
        known = ", ".join(sorted(allowed))
        return (
            Text(
                f"{at.nl} heeft een sleutel '{key}' die dit bestand niet gebruikt (bekende sleutels: {known}).",
                f"{at.en} has a key '{key}' that this file does not use (known keys: {known}).",
            ),
            path + (key,),
        )
    if keyword == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        words = _TYPE_WORDS.get(expected, Text(expected, expected))
        return Text(f"{at.nl} moet {words.nl} zijn.", f"{at.en} must be {words.en}."), path
    if keyword in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return Text(f"{at.nl} is leeg.", f"{at.en} is empty."), path
    if keyword == "pattern":
        return Text(
            f"{at.nl} ('{value}') is niet in de verwachte vorm geschreven.", f"{at.en} ('{value}') is not written in the expected form."
        ), path
    if keyword == "enum":
        allowed = ", ".join(str(option) for option in error.validator_value)
        return Text(
            f"{at.nl} is '{value}'; het moet een van deze zijn: {allowed}.", f"{at.en} is '{value}'; it must be one of: {allowed}."
        ), path
    if keyword == "minItems":
        count = error.validator_value
        return (
            Text(
                f"{at.nl} heeft minstens {count} item{'s' if count != 1 else ''} nodig.",
                f"{at.en} needs at least {count} item{'s' if count != 1 else ''}.",
            ),
            path,
        )
    if keyword == "minProperties":
        return Text(f"{at.nl} is leeg.", f"{at.en} is empty."), path
    return Text(f"{at.nl}: {error.message}.", f"{at.en}: {error.message}."), path


def check_schema(data: YamlData, schema: dict, default_rule: str) -> list[ContentError]:
    """Every place where `data` breaks `schema`, each a ContentError on its line."""
    schema_text = json.dumps(schema, sort_keys=True)
    errors, lines = [], set()
    # One message a line: where a key is unknown and one is missing (a typo), the unknown key says more.
    found = sorted(
        _validator(schema_text).iter_errors(data.data),
        key=lambda e: ([str(p) for p in e.absolute_path], e.validator != "additionalProperties"),
    )
    for error in found:
        problem, path = _problem(error)
        schema_path = list(error.absolute_schema_path)
        rule = _annotation(schema, schema_path, "x-rule", error.validator) or default_rule
        fix = Text(
            _annotation(schema, schema_path, "x-fix-nl", error.validator) or "zie data/README.md voor de opbouw van dit bestand.",
            _annotation(schema, schema_path, "x-fix", error.validator) or "see data/README.md for the format of this file.",
        )
        line = data.line_of(*path)
        if line in lines:
            continue
        lines.add(line)
        errors.append(ContentError(data.path, rule, line=line, nl=problem.nl, en=problem.en, fix_nl=fix.nl, fix_en=fix.en))
    return errors


def check_languages(data: YamlData, texts: dict, keys: tuple, languages: list[str], rule: str) -> list[ContentError]:
    """A text in every language of the site: one problem for each language `texts` lacks."""
    return [
        ContentError(
            data.path,
            rule,
            line=data.line_of(*keys),
            nl=f"{where(keys, 'nl')} heeft geen tekst in '{lang}'.",
            en=f"{where(keys)} has no text in '{lang}'.",
            fix_nl=f"voeg een regel '{lang}: ...' toe met de tekst in die taal (de site wordt gebouwd in {', '.join(languages)}).",
            fix_en=f"add a line '{lang}: ...' with the text in that language (the site is built in {', '.join(languages)}).",
        )
        for lang in languages
        if lang not in texts
    ]


def check_entries(
    data: YamlData, list_key: str, text_keys: tuple[str, ...], languages: list[str], rule: str, what: Text, noun: Text
) -> tuple[dict[str, dict], list[ContentError]]:
    """The entries of the list under `list_key` by their `id` (the first of a repeated id), and a
    problem for each repeated id and each of the `text_keys` without a text in every language.
    `what` and `noun` name an entry in the messages ("the reviewer id", "reviewer")."""
    entries: dict[str, dict] = {}
    errors: list[ContentError] = []
    for index, entry in enumerate(data.data[list_key]):
        for key in text_keys:
            errors.extend(check_languages(data, entry[key], (list_key, index, key), languages, rule))
        if entry["id"] in entries:
            errors.append(
                ContentError(
                    data.path,
                    rule,
                    line=data.line_of(list_key, index, "id"),
                    nl=f"{what.nl} '{entry['id']}' komt twee keer voor.",
                    en=f"{what.en} '{entry['id']}' appears twice.",
                    fix_nl=f"geef elke {noun.nl} een eigen id.",
                    fix_en=f"give each {noun.en} its own id.",
                )
            )
            continue
        entries[entry["id"]] = entry
    return entries, errors
