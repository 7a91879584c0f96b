"""Hook: one scale for "Hoe sterk is het bewijs?" / "How strong is the evidence?".

The levels are defined once, in `data/evidence.yml` (an id, and a name and meaning per language;
format in data/schemas/evidence.schema.json). A page writes an evidence statement as a paragraph
that starts with the marker and a level's id:

    <!-- md:evidence weak --> Het was één klein onderzoek met 23 mensen [@aukerman2006].

The build puts the label and the level's name, linked to the scale on the about page, in front of
the text (`overrides/partials/evidence.html`); the about page lists every level with its meaning
where it has `<!-- md:evidence-scale -->` (`overrides/partials/evidence-scale.html`). Without the
build the marker is a comment and the statement's text stays.

A marker without a level or with an unknown one is reported by the publication checks before the
build, with the file and line (`check_evidence_markers`).
Events: `on_page_markdown` (replace the markers). Pure functions, usable without MkDocs:
`validate_evidence`, `check_evidence_markers`, `render_evidence_markers`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import jinja2

from data_schema import check_languages, check_schema, load_schema
from errors import ContentError, raise_all
from languages import page_language, site_languages
from markdown_text import Marker, body_first_line, find_markers, replace_spans
from templates import theme_env
from yamldata import YamlData, load_yaml

DATA_FILE = "data/evidence.yml"
STATEMENT_MARKER = "evidence"
SCALE_MARKER = "evidence-scale"
SCALE_PAGE = "over.md"  # the about page, which explains the scale
SCALE_ANCHOR = "bewijs"  # the about page's section; each level is at #bewijs-<id>


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
    levels: dict[str, dict] = {}
    for index, level in enumerate(root["levels"]):
        if level["id"] in levels:
            errors.append(
                ContentError(
                    data.path,
                    "evidence-data",
                    f"the level id '{level['id']}' appears twice.",
                    "give each level its own id.",
                    data.line_of("levels", index, "id"),
                )
            )
        for key in ("name", "meaning"):
            errors.extend(check_languages(data, level[key], ("levels", index, key), languages, "evidence-data"))
        levels[level["id"]] = {"name": level["name"], "meaning": level["meaning"]}
    raise_all(errors)
    return EvidenceScale(dict(root["label"]), levels)


def check_evidence_markers(markers: list[Marker], scale: EvidenceScale, file: str) -> list[ContentError]:
    """Every evidence marker names one known level; the scale marker takes none."""
    errors = []
    known = ", ".join(scale.levels)
    for marker in markers:
        if marker.name == SCALE_MARKER and marker.args:
            errors.append(
                ContentError(
                    file,
                    "evidence-marker",
                    f"<!-- md:{SCALE_MARKER} --> takes no level, found '{' '.join(marker.args)}'.",
                    f"write <!-- md:{SCALE_MARKER} --> on its own line where the scale is explained.",
                    marker.line,
                )
            )
        if marker.name != STATEMENT_MARKER:
            continue
        if not marker.args:
            errors.append(
                ContentError(
                    file,
                    "evidence-level-missing",
                    "the evidence marker names no level.",
                    f"write the level after the name, for example <!-- md:{STATEMENT_MARKER} weak -->; levels ({DATA_FILE}): {known}.",
                    marker.line,
                )
            )
        elif len(marker.args) > 1 or marker.args[0] not in scale.levels:
            written = " ".join(marker.args)
            close = difflib.get_close_matches(written, scale.levels, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            errors.append(
                ContentError(
                    file,
                    "evidence-level-unknown",
                    f"'{written}' is not a level of the evidence scale.",
                    f"{hint}Use one of: {known} (defined in {DATA_FILE}).",
                    marker.line,
                )
            )
    return errors


def render_evidence_markers(
    markdown: str, file: str, lang: str, scale: EvidenceScale, env: jinja2.Environment, scale_url: str | None, first_line: int = 1
) -> str:
    """The page's Markdown with every evidence marker replaced by its label and level, and the
    scale marker by the list of levels. `scale_url` is the address of the about page, where each level
    is explained at #bewijs-<id>."""
    markers = [m for m in find_markers(markdown, file, first_line) if m.name in (STATEMENT_MARKER, SCALE_MARKER)]
    if not markers:
        return markdown
    raise_all(check_evidence_markers(markers, scale, file))
    texts = scale.texts(lang)
    names = {level["id"]: level["name"] for level in texts["levels"]}
    statement = env.get_template("partials/evidence.html")
    replacements = []
    for marker in markers:
        if marker.name == SCALE_MARKER:
            html = env.get_template("partials/evidence-scale.html").render(evidence=texts).strip()
            replacements.append((marker.start, marker.end, f"\n\n{html}\n\n"))
        else:
            level = marker.args[0]
            url = f"{scale_url}#{SCALE_ANCHOR}-{level}" if scale_url else None
            html = statement.render(label=texts["label"], level=level, name=names[level], url=url).strip()
            replacements.append((marker.start, marker.end, html))
    return replace_spans(markdown, replacements)


# --- MkDocs events -------------------------------------------------------------------------

_validated: dict = {}


def evidence_scale(root: Path, languages: list[str]) -> EvidenceScale:
    """The validated scale of the project at `root`, validated once per change of the file."""
    data = load_yaml(root / DATA_FILE, DATA_FILE)
    if _validated.get("data") is not data or _validated.get("languages") != languages:
        _validated.update(data=data, languages=languages, scale=validate_evidence(data, languages))
    return _validated["scale"]


def on_page_markdown(markdown, page, config, files):
    from mkdocs.utils import get_relative_url  # here, so the pure functions import without MkDocs

    if "md:evidence" not in markdown:
        return markdown
    languages = site_languages(config)
    lang = page_language(page, config)
    scale = evidence_scale(Path(config.config_file_path).parent, languages)
    about = files.get_file_from_path(SCALE_PAGE if lang == languages[0] else f"{SCALE_PAGE[:-3]}.{lang}.md")
    # Relative, as MkDocs writes links, so the site works under any address.
    scale_url = get_relative_url(about.url, page.url) if about is not None else None
    file = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    first_line = body_first_line(page.file.content_string, markdown)
    return render_evidence_markers(markdown, file, lang, scale, theme_env(config), scale_url, first_line)
