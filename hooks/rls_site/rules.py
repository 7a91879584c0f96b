"""Every rule the checks apply, in one table: its id, what is wrong, and how to fix it.

Every ContentError names one of these ids (rls_site.errors refuses any other). Its message says
what is wrong in that file on that line, and how to fix it there; the table holds the rule as a
whole: `title` (what is wrong, in a few words: the heading of a GitHub annotation) and `fix` (the
general fix, used where a message has none of its own). CONTRIBUTING.md lists every rule in its
tables of build errors, and the tests hold both to this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    title: str
    fix: str
    warning: bool = False  # listed in the build output, never failing it
    where: str = "docs"  # what an editor changes to fix it: docs, data, config, templates (site: a built file)


def _rules(*rows: tuple) -> dict[str, Rule]:
    return {row[0]: Rule(*row[1:]) for row in rows}


RULES: dict[str, Rule] = _rules(
    # Pages: front matter and review dates
    ("front-matter", "No readable front matter", "start the page with the block between two '---' lines (copy it from another page)."),
    ("review-date-missing", "No last review date", "add 'last_reviewed: YYYY-MM-DD' with the date of the last medical review."),
    ("review-date-invalid", "A review date is not a date", "write dates as YYYY-MM-DD, for example 2026-12-03."),
    ("review-date-future", "Last review in the future", "give the date the review actually took place."),
    ("review-order", "Next review not after the last", "set next_review after last_reviewed, at most a year later."),
    ("review-interval", "Next review more than a year away", "set next_review at most a year after last_reviewed."),
    ("review-overdue", "Review overdue", "review the page, then update last_reviewed and next_review.", True),
    ("reviewer-missing", "No reviewer", "add 'reviewed_by:' with an id from data/reviewers.yml."),
    ("reviewer-unknown", "Unknown reviewer", "use an id from data/reviewers.yml, or add the reviewer there with their qualification."),
    # Pages: translations
    ("translation-missing", "A page in one language only", "add the page in the other language (name.en.md), or remove both."),
    ("translation-possibly-stale", "Translation possibly out of date", "compare with the original, update it, set last_reviewed.", True),
    # Pages: spelling (the content report; never failing)
    ("spelling", "Possible misspelling", "correct the word, or add it to data/spelling/<language>.txt if it is right.", True),
    # Pages: safety and privacy
    ("not-utf8", "File not saved as UTF-8", "save the file as UTF-8 in your editor."),
    ("unsafe-html", "Script or embedded frame in a page", "remove it and link to the other site instead; show examples in a code block."),
    ("unsafe-event-handler", "JavaScript event handler in a page", "remove the on...= attribute; pages hold no scripts."),
    ("unsafe-javascript-url", "javascript: link in a page", "link to a page (https://... or a .md file) instead."),
    (
        "external-resource",
        "Something loads from another site",
        "put the file in docs/assets/ and refer to it there, or link instead of loading.",
    ),
    ("external-link-rel", "Link to another site without noopener noreferrer", "write it as a Markdown link; in a template add the rel."),
    # Pages: markers, citations, evidence, self-check
    ("unknown-marker", "Unknown marker", "use a known marker; the message lists them."),
    ("citation-unclosed", "Citation without ']'", "close the citation on the same line: [@smith2020]."),
    ("citation-syntax", "Citation written wrongly", "write [@key], [@key1; @key2] or [@key, p. 12]."),
    ("citation-unknown-key", "Citation of an unknown source", "fix the key, or add the source to data/sources.yml."),
    ("evidence-level-missing", "Evidence marker without a level", "write the level: <!-- md:evidence weak -->."),
    ("evidence-level-unknown", "Unknown evidence level", "use a level from data/evidence.yml."),
    ("evidence-marker", "Evidence scale marker with an argument", "write <!-- md:evidence-scale --> without anything else."),
    ("selfcheck-marker", "Self-check marker wrong or twice", "one <!-- md:selfcheck --> per page, without an argument."),
    ("component-structure", "Markers of a page part do not match", "open a part with its marker and close it with <!-- md:end -->."),
    ("component-empty", "A page part without its list", "write the part's items as a list ('- ...' lines) between its markers."),
    ("care-level-missing", "Care card without a level", "write the level: <!-- md:care appointment -->."),
    ("care-level-unknown", "Unknown care card level", "use a level from data/components.yml: emergency, gp-today or appointment."),
    ("do-dont-negation", "A 'Niet doen' item does not say 'not'", "write what not to do in words: 'Slik geen ...', 'Stop niet ...'."),
    ("summary-place", "'In het kort' not at the top or twice", "put one <!-- md:summary --> part before the page's first '##' heading."),
    # Pages: partner links
    ("partner-link-unmarked", "Partner link not marked", "mark it [text](url){ .partner } and put the notice before it."),
    ("partner-link-unknown", "Marked link to a host that is not a partner", "add the host to data/partners.yml, or remove { .partner }."),
    (
        "partner-notice-missing",
        "Partner link without the notice before it",
        "put <!-- md:partner-notice --> before the first partner link.",
    ),
    ("partner-notice-late", "Partner notice after the first partner link", "move the notice marker above the first partner link."),
    ("partner-notice-unused", "Partner notice without partner links", "remove <!-- md:partner-notice -->."),
    ("partner-notice-marker", "Partner notice marker wrong", "one marker, without an argument, on a line of its own."),
    # Data files
    (
        "yaml-syntax",
        "Data file is not valid YAML",
        "check the indentation (spaces, not tabs) and put text with a colon in quotes.",
        False,
        "data",
    ),
    ("data-file", "Data file missing", "restore the file from git.", False, "data"),
    ("labels-language", "A language without interface texts", "add the language's section to data/labels.yml.", False, "data"),
    ("labels-text", "Interface text missing", "give the text under its language in data/labels.yml.", False, "data"),
    ("partners-data", "Partners file wrong", "follow the format at the top of data/partners.yml.", False, "data"),
    ("selfcheck-data", "Self-check texts incomplete", "complete data/selfcheck.yml as data/README.md says.", False, "data"),
    ("selfcheck-verdict", "Self-check text gives a verdict", "write it without saying whether the symptoms match RLS.", False, "data"),
    ("sources-format", "Sources file is not a list of sources", "export the sources again as CSL YAML or CSL JSON.", False, "data"),
    ("sources-id", "Source without a usable id", "give the source an id like smith2020.", False, "data"),
    ("sources-duplicate", "Two sources with one id", "rename or remove one of them.", False, "data"),
    ("sources-title", "Source without a title", "add 'title:'.", False, "data"),
    ("sources-year", "Source without a year", "add 'issued:' (or, for an undated web page, 'accessed:').", False, "data"),
    ("evidence-data", "Evidence scale incomplete", "complete data/evidence.yml as data/README.md says.", False, "data"),
    ("reviewers-data", "Reviewer entry incomplete", "complete data/reviewers.yml as data/README.md says.", False, "data"),
    ("components-data", "Page parts file incomplete", "complete data/components.yml as data/README.md says.", False, "data"),
    ("today-invalid", "RLS_TODAY is not a date", "write YYYY-MM-DD, or leave it unset.", False, "config"),
    # mkdocs.yml
    ("config-external", "Configuration loads from another site", "use the site's own files; keep theme.font: false.", False, "config"),
    ("navigation-external-link", "Navigation links to another site", "put the link on a page instead of in 'nav:'.", False, "config"),
    # The built site
    ("site-missing", "No built site", "build it first: make build.", False, "site"),
    (
        "search-index",
        "The search index was not written",
        "build again; if it fails again, reinstall the packages: make clean build.",
        False,
        "site",
    ),
    ("page-not-built", "A page was not built", "build again; check exclude_docs and the i18n settings.", False, "site"),
    ("page-language", "Built page in the wrong language", "check the i18n languages in mkdocs.yml.", False, "site"),
    (
        "disclaimer-missing",
        "Medical disclaimer missing",
        "keep partials/disclaimer.html in block footer of overrides/main.html.",
        False,
        "templates",
    ),
    (
        "policy-page",
        "About page lost a section pages link to",
        "keep the headings with ids #disclaimer, #partnerlinks, #bewijs.",
        False,
        "docs",
    ),
    ("search-page-missing", "No search page", "restore docs/zoeken.md and docs/zoeken.en.md from git: the search form leads there."),
    ("search-page-template", "Search page without its template", "keep 'template: search-page.html' in the search page's front matter."),
    (
        "review-dates-missing",
        "Review dates not shown",
        "keep partials/review-dates.html in block content of overrides/main.html.",
        False,
        "templates",
    ),
    ("review-dates-shown", "Shown review date differs from the page's", "build the site again.", False, "site"),
    ("structured-data-missing", "No MedicalWebPage JSON-LD", "keep partials/structured-data.html in block extrahead.", False, "templates"),
    ("structured-data-invalid", "JSON-LD is not valid JSON", "write it with | tojson.", False, "templates"),
    ("structured-data-field", "JSON-LD field wrong", "build again, or restore the template.", False, "templates"),
    ("structured-data-date", "JSON-LD lastReviewed differs from the shown date", "build again, or fix the template.", False, "templates"),
    (
        "partner-link-rel",
        "Partner link without sponsored rel",
        "keep rls_site.markdown.links under markdown_extensions.",
        False,
        "templates",
    ),
    ("partner-link-label", "Partner link without its label", "restore overrides/partials/partner-label.html.", False, "templates"),
    (
        "link-broken",
        "Link within the site leads nowhere",
        "link to a page that exists, as its Markdown file, with an anchor the page has.",
        False,
        "site",
    ),
)
