"""The self-check's texts, `data/selfcheck.yml`: five questions about the RLS criteria, per language.

Checked as a whole: every language of the site, no empty text, exactly five criteria with the same
ids in the same order in every language, and no text that gives a verdict (`VERDICT_PHRASES`):
the self-check never says whether the symptoms match RLS, only helps readers describe them and
take their answers to their GP. Rendered by rls_site.markdown.selfcheck.
"""

from __future__ import annotations

import re

from rls_site.data.schema import check_schema, load_schema, where
from rls_site.data.yaml_file import YamlData
from rls_site.errors import ContentError, raise_all

DATA_FILE = "data/selfcheck.yml"
# Wording that turns answers into a verdict: that the symptoms do or do not match RLS, that the
# reader has or has not got it, a score, or reassurance. The self-check gives none (a web page
# cannot diagnose; about 1 in 6 people without RLS meets the symptom criteria), so no text in the
# data file may say it, in any language.
VERDICT_PHRASES = [
    r"\bpas(?:t|sen)\b[^.]{0,40}\b(?:bij|niet)\b",
    r"\bje hebt (?:geen )?(?:rls|rusteloze benen)",
    r"\b(?:waarschijnlijk|vermoedelijk|zeker) (?:geen )?(?:rls|rusteloze benen)",
    r"\bgeen (?:rls|rusteloze benen)\b",
    r"\b(?:geen zorgen|niets aan de hand|niets ernstigs)\b",
    r"\bmatch(?:es|ing)?\b",
    r"\b(?:consistent with|fits?|points? to|suggests?|indicates?)\b[^.]{0,40}\b(?:rls|restless legs)",
    r"(?<!whether )(?<!if )\byou (?:have|do not have|don't have) (?:rls|restless legs)",
    r"\b(?:likely|probably|unlikely) (?:to be |not )?(?:rls|restless legs)",
    r"\bnot (?:rls|restless legs)\b",
    r"\b(?:nothing to worry|no need to worry|don't worry|do not worry)\b",
    r"\bscore\b",
]
_VERDICT = re.compile("|".join(f"(?:{phrase})" for phrase in VERDICT_PHRASES), re.IGNORECASE)
# A question asked as a negation ("Komen de klachten niet door ...?") turns 'Ja' into 'no' and
# 'Nee' into 'yes', a double negative readers misread: every question is asked without one.
NEGATIONS = re.compile(r"\b(?:niet|geen|nooit|not|no|never|none|nobody|nothing|nowhere)\b|n't\b", re.IGNORECASE)


def verdict_in(text: str) -> str | None:
    """The first wording in `text` that gives a verdict, or None."""
    match = _VERDICT.search(" ".join(text.split()))
    return match.group(0) if match else None


def _texts_with_keys(value, keys: tuple = ()):
    """Every text in a language's section, with the keys that lead to it."""
    if isinstance(value, str):
        yield keys, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_with_keys(item, keys + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts_with_keys(item, keys + (index,))


def validate_selfcheck(data: YamlData, languages: list[str]) -> dict[str, dict]:
    """The self-check's texts per site language; every problem in the file reported together.

    The form of each language's section is checked against data/schemas/selfcheck.schema.json;
    here, what a schema cannot say: every language present, the same criteria in the same order
    in every language, and no verdict in any text."""
    errors = check_schema(data, load_schema("selfcheck"), "selfcheck-data")
    root = data.data if isinstance(data.data, dict) else {}
    first_ids: list | None = None
    for lang in languages:
        texts = root.get(lang)
        if not isinstance(texts, dict):
            errors.append(
                ContentError(
                    data.path,
                    "selfcheck-data",
                    line=data.line_of(),
                    nl=f"de taal '{lang}' ontbreekt.",
                    en=f"the language '{lang}' is missing.",
                    fix_nl=f"voeg een deel '{lang}:' toe met dezelfde sleutels als de andere talen (de site wordt gebouwd in "
                    f"{', '.join(languages)}).",
                    fix_en=f"add a section '{lang}:' with the same keys as the other languages (the site is built in "
                    f"{', '.join(languages)}).",
                )
            )
            continue
        for keys, text in _texts_with_keys(texts, (lang,)):
            if keys[-1] != "id" and (found := verdict_in(text)):
                errors.append(
                    ContentError(
                        data.path,
                        "selfcheck-verdict",
                        line=data.line_of(*keys),
                        nl=f"{where(keys, 'nl')} geeft een oordeel: '{found}'.",
                        en=f"{where(keys)} gives a verdict: '{found}'.",
                        fix_nl="de zelftest zegt nooit of de klachten bij RLS passen: hij helpt lezers alleen ze te beschrijven en hun "
                        "antwoorden mee te nemen naar de huisarts. Schrijf de tekst zonder dat oordeel.",
                        fix_en="the self-check never says whether the symptoms match RLS or not: it only helps readers describe them and "
                        "take their answers to their GP. Write the text without that verdict.",
                    )
                )
        criteria = texts.get("criteria")
        for index, criterion in enumerate(criteria if isinstance(criteria, list) else []):
            question = criterion.get("question") if isinstance(criterion, dict) else None
            if isinstance(question, str) and (negation := NEGATIONS.search(question)):
                keys = (lang, "criteria", index, "question")
                errors.append(
                    ContentError(
                        data.path,
                        "selfcheck-negation",
                        line=data.line_of(*keys),
                        nl=f"{where(keys, 'nl')} is als ontkenning gesteld ('{negation.group(0)}'): 'Ja' en 'Nee' worden dan verwarrend.",
                        en=f"{where(keys)} is asked as a negation ('{negation.group(0)}'): 'Yes' and 'No' become confusing.",
                    )
                )
        ids = [c.get("id") for c in criteria if isinstance(c, dict)] if isinstance(criteria, list) else []
        if len(set(ids)) != len(ids):
            errors.append(
                ContentError(
                    data.path,
                    "selfcheck-data",
                    line=data.line_of(lang, "criteria"),
                    nl=f"twee kenmerken in '{lang}' hebben dezelfde id.",
                    en=f"two criteria in '{lang}' have the same id.",
                    fix_nl="geef elk kenmerk een eigen id.",
                    fix_en="give each criterion its own id.",
                )
            )
        if first_ids is None:
            first_ids = ids
        elif ids != first_ids:
            errors.append(
                ContentError(
                    data.path,
                    "selfcheck-data",
                    line=data.line_of(lang, "criteria"),
                    nl=f"de ids van de kenmerken in '{lang}' ({', '.join(map(str, ids))}) verschillen van die van de eerste taal "
                    f"({', '.join(map(str, first_ids))}).",
                    en=f"the criteria ids in '{lang}' ({', '.join(map(str, ids))}) differ from the first language's "
                    f"({', '.join(map(str, first_ids))}).",
                    fix_nl="gebruik in elke taal dezelfde ids in dezelfde volgorde.",
                    fix_en="use the same ids in the same order in every language.",
                )
            )
    raise_all(errors)
    return {lang: root[lang] for lang in languages}
