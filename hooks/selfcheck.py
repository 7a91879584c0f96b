"""Hook: the interactive self-check of the five RLS criteria.

Where a page has the marker `<!-- md:selfcheck -->`, the marker is replaced by the self-check
(`overrides/partials/selfcheck.html`), filled with the page language's texts from
`data/selfcheck.yml`. The script `assets/selfcheck.js` makes it interactive in the browser;
answers never leave the page. The self-check gives no verdict: whatever the answers, once all are
given the reader sees one neutral text (take your answers to your GP), and no text in the data
file may say that the symptoms do or do not match RLS (`VERDICT_PHRASES`). Only pages with a self-check get its script and its stylesheet
(`overrides/partials/selfcheck.css`, written into the page's head: no file holds up the first
paint).

Events: `on_page_markdown` (replace the marker), `on_page_context` (tell the template,
`overrides/main.html`, that the page has a self-check). The data file is validated on first use
and whenever it changes (see `yamldata.load_yaml`).
Pure functions, usable without MkDocs: `validate_selfcheck`, `render_selfcheck`.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from data_schema import where
from errors import ContentError, raise_all
from languages import page_language, site_languages
from markdown_text import body_first_line, find_markers, replace_spans
from templates import theme_env
from yamldata import YamlData, load_yaml

DATA_FILE = "data/selfcheck.yml"
TEMPLATE = "partials/selfcheck.html"
CRITERIA_COUNT = 5
TEXT_KEYS = (
    "title",
    "intro",
    "privacy",
    "answer_yes",
    "answer_no",
    "answer_unsure",
    "print_button",
    "print_heading",
    "print_date",
    "print_unanswered",
    "no_script",
)
RESULT_KEYS = ("incomplete", "complete")
CRITERION_KEYS = ("id", "question", "help")
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


def _is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def validate_selfcheck(data: YamlData, languages: list[str]) -> dict[str, dict]:
    """Check the self-check data for every site language; return the texts per language.

    All problems in the file are reported together.
    """
    errors: list[ContentError] = []

    def problem(keys: tuple, text: str, fix: str, rule: str = "selfcheck-data") -> None:
        errors.append(ContentError(data.path, rule, text, fix, data.line_of(*keys)))

    root = data.data
    if not isinstance(root, dict):
        problem(
            (),
            "the file must have one section per language (nl:, en:).",
            "start the file with 'nl:' and give each language its texts; see data/README.md.",
        )
        raise_all(errors)
    first_ids: list | None = None
    for lang in languages:
        texts = root.get(lang)
        if not isinstance(texts, dict):
            problem(
                (),
                f"the language '{lang}' is missing.",
                f"add a section '{lang}:' with the same keys as the other languages (the site is built in {', '.join(languages)}).",
            )
            continue
        for key in TEXT_KEYS:
            if not _is_text(texts.get(key)):
                problem((lang, key), f"'{lang}.{key}' is missing or empty.", f"give '{key}' a text under '{lang}:'.")
        results = texts.get("results")
        if not isinstance(results, dict):
            problem(
                (lang, "results"),
                f"'{lang}.results' is missing.",
                f"add 'results:' under '{lang}:' with the texts {', '.join(RESULT_KEYS)}.",
            )
        else:
            for key in RESULT_KEYS:
                if not _is_text(results.get(key)):
                    problem(
                        (lang, "results", key),
                        f"result text '{lang}.results.{key}' is missing or empty.",
                        f"give '{key}' a text under '{lang}: results:'.",
                    )
        for keys, text in _texts_with_keys(texts, (lang,)):
            if keys[-1] != "id" and (found := verdict_in(text)):
                problem(
                    keys,
                    f"{where(keys)} gives a verdict: '{found}'.",
                    "the self-check never says whether the symptoms match RLS or not: it only helps readers describe them and "
                    "take their answers to their GP. Write the text without that verdict.",
                    "selfcheck-verdict",
                )
        criteria = texts.get("criteria")
        if not isinstance(criteria, list) or len(criteria) != CRITERIA_COUNT:
            count = len(criteria) if isinstance(criteria, list) else 0
            problem(
                (lang, "criteria"),
                f"'{lang}.criteria' has {count} criteria; RLS has exactly {CRITERIA_COUNT} essential criteria.",
                f"list the {CRITERIA_COUNT} criteria under '{lang}: criteria:', each starting with '- id:'.",
            )
            continue
        for index, criterion in enumerate(criteria):
            if not isinstance(criterion, dict):
                problem(
                    (lang, "criteria", index),
                    f"criterion {index + 1} in '{lang}' is not a set of keys.",
                    f"give it the keys {', '.join(CRITERION_KEYS)}.",
                )
                continue
            for key in CRITERION_KEYS:
                if not _is_text(criterion.get(key)):
                    problem(
                        (lang, "criteria", index, key),
                        f"criterion {index + 1} in '{lang}' has an empty or missing '{key}'.",
                        f"give '{key}' a text.",
                    )
        ids = [c.get("id") for c in criteria if isinstance(c, dict)]
        if len(set(ids)) != len(ids):
            problem((lang, "criteria"), f"two criteria in '{lang}' have the same id.", "give each criterion its own id.")
        if first_ids is None:
            first_ids = ids
        elif ids != first_ids:
            problem(
                (lang, "criteria"),
                f"the criteria ids in '{lang}' ({', '.join(map(str, ids))})"
                f" differ from the first language's ({', '.join(map(str, first_ids))}).",
                "use the same ids in the same order in every language.",
            )
    raise_all(errors)
    return {lang: root[lang] for lang in languages}


def render_selfcheck(texts: dict, env: jinja2.Environment) -> str:
    """HTML of the self-check for one language's texts."""
    return env.get_template(TEMPLATE).render(texts=texts).strip()


def render_selfcheck_markers(
    markdown: str, file: str, lang: str, texts_by_lang: dict[str, dict], env: jinja2.Environment, first_line: int = 1
) -> str:
    """Replace each `<!-- md:selfcheck -->` in a page's Markdown with the self-check."""
    markers = [m for m in find_markers(markdown, file, first_line) if m.name == "selfcheck"]
    if not markers:
        return markdown
    first = markers[0]
    if first.args:
        raise ContentError(
            file,
            "selfcheck-marker",
            f"<!-- md:selfcheck --> takes no argument, found '{' '.join(first.args)}'.",
            "write the marker as <!-- md:selfcheck -->.",
            first.line,
        )
    if len(markers) > 1:
        raise ContentError(
            file,
            "selfcheck-marker",
            "the self-check appears more than once on this page.",
            f"keep one <!-- md:selfcheck --> (first at line {first.line}).",
            markers[1].line,
        )
    if lang not in texts_by_lang:
        raise ContentError(
            file,
            "selfcheck-language",
            f"this page is in '{lang}', but {DATA_FILE} has no '{lang}' texts.",
            f"add a '{lang}:' section to {DATA_FILE}, or remove the marker from this page.",
            first.line,
        )
    html = render_selfcheck(texts_by_lang[lang], env)
    return replace_spans(markdown, [(first.start, first.end, f"\n\n{html}\n\n")])


# --- MkDocs events -------------------------------------------------------------------------

_validated: dict = {}


def _load_texts(config) -> dict[str, dict]:
    data = load_yaml(Path(config.config_file_path).parent / DATA_FILE, DATA_FILE)
    languages = site_languages(config)
    if _validated.get("data") is not data or _validated.get("languages") != languages:  # once per change of the file
        _validated.update(data=data, languages=languages, texts=validate_selfcheck(data, languages))
    return _validated["texts"]


def on_page_markdown(markdown, page, config, files):
    if "md:selfcheck" not in markdown:
        return markdown
    file = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    first_line = body_first_line(page.file.content_string, markdown)
    return render_selfcheck_markers(markdown, file, page_language(page, config), _load_texts(config), theme_env(config), first_line)


def on_page_context(context, page, config, nav):
    # The rendered page, not the marker: a marker inside a code example renders no self-check.
    context["selfcheck"] = has_selfcheck(page.content or "")
    return context


# An element carrying the attribute assets/selfcheck.js looks for: [data-selfcheck].
_SELFCHECK_ELEMENT = re.compile(r"<[a-z]+\b[^>]*\sdata-selfcheck[\s>=]")


def has_selfcheck(html: str) -> bool:
    """The page's HTML holds a self-check: an element with the attribute its script starts from."""
    return _SELFCHECK_ELEMENT.search(html) is not None
