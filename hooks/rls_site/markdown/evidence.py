"""Evidence statements: "Hoe sterk is het bewijs?" with one level of the scale in data/evidence.yml.

A page writes a statement as a paragraph that starts with the marker and a level's id:

    <!-- md:evidence weak --> Het was één klein onderzoek met 23 mensen [@aukerman2006].

The marker becomes the label and the level's name, linked to the level's explanation on the about
page (`overrides/partials/evidence.html`); the about page lists every level where it has
`<!-- md:evidence-scale -->` (`overrides/partials/evidence-scale.html`). Unprocessed, the marker
is a comment and the statement's text stays. A marker without a level or with an unknown one is
reported by the publication checks, with file and line (`check_evidence_markers`).
"""

from __future__ import annotations

import difflib

from markdown.preprocessors import Preprocessor

from rls_site.data.evidence import DATA_FILE, EvidenceScale
from rls_site.errors import ContentError, raise_all
from rls_site.markdown.settings import SiteExtension
from rls_site.markdown.text import Marker, find_markers, replace_spans

STATEMENT_MARKER = "evidence"
SCALE_MARKER = "evidence-scale"
# The about page explains the scale; each level is at #bewijs-<id>. A link from the docs root
# (validation.links.absolute_links: relative_to_docs), so it is right from every page.
SCALE_PAGE = "/over.md"
SCALE_ANCHOR = "bewijs"
PAGE = "page"


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
                    line=marker.line,
                    nl=f"<!-- md:{SCALE_MARKER} --> heeft geen niveau, gevonden: '{' '.join(marker.args)}'.",
                    en=f"<!-- md:{SCALE_MARKER} --> takes no level, found '{' '.join(marker.args)}'.",
                    fix_nl=f"schrijf <!-- md:{SCALE_MARKER} --> op een eigen regel waar de schaal wordt uitgelegd.",
                    fix_en=f"write <!-- md:{SCALE_MARKER} --> on its own line where the scale is explained.",
                )
            )
        if marker.name != STATEMENT_MARKER:
            continue
        if not marker.args:
            errors.append(
                ContentError(
                    file,
                    "evidence-level-missing",
                    line=marker.line,
                    nl="de bewijsmarkering noemt geen niveau.",
                    en="the evidence marker names no level.",
                    fix_nl=f"schrijf het niveau na de naam, bijvoorbeeld <!-- md:{STATEMENT_MARKER} weak -->; niveaus "
                    f"({DATA_FILE}): {known}.",
                    fix_en=f"write the level after the name, for example <!-- md:{STATEMENT_MARKER} weak -->; levels "
                    f"({DATA_FILE}): {known}.",
                )
            )
        elif len(marker.args) > 1 or marker.args[0] not in scale.levels:
            written = " ".join(marker.args)
            close = difflib.get_close_matches(written, scale.levels, n=1)
            errors.append(
                ContentError(
                    file,
                    "evidence-level-unknown",
                    line=marker.line,
                    nl=f"'{written}' is geen niveau van de bewijsschaal.",
                    en=f"'{written}' is not a level of the evidence scale.",
                    fix_nl=(f"bedoel je '{close[0]}'? " if close else "") + f"Gebruik een van: {known} (vastgelegd in {DATA_FILE}).",
                    fix_en=(f"did you mean '{close[0]}'? " if close else "") + f"Use one of: {known} (defined in {DATA_FILE}).",
                )
            )
    return errors


def render_evidence_markers(markdown: str, lang: str, scale: EvidenceScale, env) -> str:
    """The page's Markdown with every evidence marker replaced by its label and level, and the
    scale marker by the list of levels: Markdown, so links and anchors are resolved like any other."""
    markers = [m for m in find_markers(markdown, PAGE) if m.name in (STATEMENT_MARKER, SCALE_MARKER)]
    if not markers:
        return markdown
    raise_all(check_evidence_markers(markers, scale, PAGE))
    texts = scale.texts(lang)
    names = {level["id"]: level["name"] for level in texts["levels"]}
    replacements = []
    for marker in markers:
        if marker.name == SCALE_MARKER:
            # Read as Markdown with HTML (md_in_html): its ids are anchors the generator knows.
            html = env.get_template("partials/evidence-scale.html").render(evidence=texts).strip()
            replacements.append((marker.start, marker.end, f"\n\n{html}\n\n"))
        else:
            level = marker.args[0]
            url = f"{SCALE_PAGE}#{SCALE_ANCHOR}-{level}"
            text = env.get_template("partials/evidence.html").render(label=texts["label"], level=level, name=names[level], url=url).strip()
            replacements.append((marker.start, marker.end, text))
    return replace_spans(markdown, replacements)


class _EvidencePreprocessor(Preprocessor):
    def __init__(self, md, extension: EvidenceExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        if "md:evidence" not in markdown:
            return lines
        site = self.extension.site()
        return render_evidence_markers(markdown, site.lang, site.data.evidence, site.env).split("\n")


class EvidenceExtension(SiteExtension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_EvidencePreprocessor(md, self), "rls_evidence", 26)


def makeExtension(**kwargs):
    return EvidenceExtension(**kwargs)
