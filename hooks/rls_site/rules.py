"""Every rule the checks apply, in one table: its id, what is wrong, and how to fix it, in Dutch and English.

Every ContentError names one of these ids (rls_site.errors refuses any other). Its message says
what is wrong in that file on that line, and how to fix it there; the table holds the rule as a
whole: `title` (what is wrong, in a few words: the heading of a GitHub annotation) and `fix` (the
general fix, used where a message has none of its own), each in both languages.

Messages are in Dutch, the editors' language, unless RLS_MESSAGES=en asks for English (the
commands also take `--messages en`). FOUTMELDINGEN.md, the editors' reference of every rule, is
written from this table: `python -m rls_site.rules > FOUTMELDINGEN.md` (`make errors`).
"""

from __future__ import annotations

import os
import re
import sys
from typing import NamedTuple

MESSAGES_VARIABLE = "RLS_MESSAGES"
MESSAGE_LANGUAGES = ("nl", "en")  # the default first


def message_language() -> str:
    """The language of every message: RLS_MESSAGES (nl or en), Dutch when unset or unknown."""
    value = os.environ.get(MESSAGES_VARIABLE, "").strip().lower()
    return value if value in MESSAGE_LANGUAGES else MESSAGE_LANGUAGES[0]


def set_message_language(lang: str | None) -> None:
    """A command's `--messages` option: the same setting as RLS_MESSAGES, for this process."""
    if lang:
        os.environ[MESSAGES_VARIABLE] = lang


def add_messages_option(parser) -> None:
    """`--messages nl|en` on a command (argparse)."""
    parser.add_argument(
        "--messages",
        choices=MESSAGE_LANGUAGES,
        help=f"the language of the messages (default: ${MESSAGES_VARIABLE}, else {MESSAGE_LANGUAGES[0]})",
    )


class Text(NamedTuple):
    """One text in both languages."""

    nl: str
    en: str

    def get(self):
        """The text in the language of the messages."""
        return getattr(self, message_language())

    def __str__(self) -> str:
        return str(self.get())


# The words around every message.
HOW_TO_FIX = Text("Zo los je het op:", "How to fix:")
ONE_PROBLEM = Text("1 probleem gevonden:", "1 problem found:")
PROBLEMS = Text("{count} problemen gevonden:", "{count} problems found:")


def problems_found(count: int) -> str:
    return str(ONE_PROBLEM) if count == 1 else str(PROBLEMS).format(count=count)


class Rule(NamedTuple):
    title: Text
    fix: Text
    warning: bool = False  # listed in the build output, never failing it


WARNING = True


def _rules(*rows: tuple) -> dict[str, Rule]:
    return {rule: Rule(Text(title_nl, title_en), Text(fix_nl, fix_en), *rest) for rule, title_nl, title_en, fix_nl, fix_en, *rest in rows}


# Each row: id, title in Dutch, title in English, fix in Dutch, fix in English[, WARNING].
RULES: dict[str, Rule] = _rules(
    # Pages: front matter and review dates
    ("front-matter", "Geen leesbare front matter", "No readable front matter",
     "begin de pagina met het blok tussen twee regels '---' (kopieer het van een andere pagina).",
     "start the page with the block between two '---' lines (copy it from another page)."),
    ("front-matter-field", "Titel of beschrijving ontbreekt of is te lang", "Title or description missing or too long",
     "geef 'title:' en 'description:' in de front matter; een beschrijving van hoogstens 155 tekens.",
     "give 'title:' and 'description:' in the front matter; a description of at most 155 characters."),
    ("review-date-missing", "Geen datum van de laatste controle", "No last review date",
     "voeg 'last_reviewed: JJJJ-MM-DD' toe met de datum van de laatste medische controle.",
     "add 'last_reviewed: YYYY-MM-DD' with the date of the last medical review."),
    ("review-date-invalid", "Een controledatum is geen datum", "A review date is not a date",
     "schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2026-12-03.",
     "write dates as YYYY-MM-DD, for example 2026-12-03."),
    ("review-date-future", "Laatste controle in de toekomst", "Last review in the future",
     "geef de datum waarop de controle echt plaatsvond.",
     "give the date the review actually took place."),
    ("review-order", "Volgende controle niet na de laatste", "Next review not after the last",
     "zet next_review na last_reviewed, hoogstens een jaar later.",
     "set next_review after last_reviewed, at most a year later."),
    ("review-interval", "Volgende controle meer dan een jaar weg", "Next review more than a year away",
     "zet next_review hoogstens een jaar na last_reviewed.",
     "set next_review at most a year after last_reviewed."),
    ("review-overdue", "Controle te laat", "Review overdue",
     "controleer de pagina en werk daarna last_reviewed en next_review bij.",
     "review the page, then update last_reviewed and next_review.", WARNING),
    ("reviewer-missing", "Geen controleur", "No reviewer",
     "voeg 'reviewed_by:' toe met een id uit data/reviewers.yml.",
     "add 'reviewed_by:' with an id from data/reviewers.yml."),
    ("reviewer-unknown", "Onbekende controleur", "Unknown reviewer",
     "gebruik een id uit data/reviewers.yml, of voeg de controleur daar toe met zijn of haar kwalificatie.",
     "use an id from data/reviewers.yml, or add the reviewer there with their qualification."),
    # Pages: translations and the menu
    ("translation-missing", "Een pagina in maar één taal", "A page in one language only",
     "maak de pagina ook in de andere taal (naam.en.md), of verwijder beide.",
     "add the page in the other language (name.en.md), or remove both."),
    ("translation-possibly-stale", "Vertaling misschien verouderd", "Translation possibly out of date",
     "vergelijk met het origineel, werk de vertaling bij en zet last_reviewed.",
     "compare with the original, update it, set last_reviewed.", WARNING),
    ("translation-part", "Een deel van de pagina in maar één taal", "A part of the page in one language only",
     "zet het deel ook in de pagina in de andere taal, op dezelfde plaats.",
     "put the part in the page in the other language too, in the same place."),
    ("nav-missing", "Pagina staat niet in het menu", "Page not in the menu",
     "zet de pagina onder 'nav:' in mkdocs.yml (de Engelse pagina volgt vanzelf), of onder 'not_in_nav:'.",
     "list the page under 'nav:' in mkdocs.yml (the English page follows by itself), or under 'not_in_nav:'."),
    # Pages: spelling (the content report; never failing)
    ("spelling", "Mogelijke spelfout", "Possible misspelling",
     "verbeter het woord, of zet het in data/spelling/<taal>.txt als het goed is.",
     "correct the word, or add it to data/spelling/<language>.txt if it is right.", WARNING),
    # Pages: safety and privacy
    ("not-utf8", "Bestand niet als UTF-8 opgeslagen", "File not saved as UTF-8",
     "sla het bestand in je editor op als UTF-8.",
     "save the file as UTF-8 in your editor."),
    ("unsafe-html", "Script of ingebed frame in een pagina", "Script or embedded frame in a page",
     "haal het weg en link naar de andere site; toon voorbeelden in een codeblok.",
     "remove it and link to the other site instead; show examples in a code block."),
    ("unsafe-event-handler", "JavaScript-gebeurtenis in een pagina", "JavaScript event handler in a page",
     "haal het attribuut on...= weg; pagina's bevatten geen scripts.",
     "remove the on...= attribute; pages hold no scripts."),
    ("unsafe-javascript-url", "javascript:-link in een pagina", "javascript: link in a page",
     "link naar een pagina (https://... of een .md-bestand).",
     "link to a page (https://... or a .md file) instead."),
    ("external-resource", "Er wordt iets van een andere site geladen", "Something loads from another site",
     "zet het bestand in docs/assets/ en verwijs daarnaar, of link in plaats van te laden.",
     "put the file in docs/assets/ and refer to it there, or link instead of loading."),
    ("stylesheet-external", "Stylesheet laadt iets van een andere site", "Stylesheet loads from another site",
     "haal @import en url() naar een andere site weg; zet lettertypen en afbeeldingen in docs/assets/ en verwijs daar relatief naar.",
     "remove @import and url() to another site; put fonts and images in docs/assets/ and refer to them relatively."),
    ("base-external", "<base href> naar een andere site", "<base href> to another site",
     "haal het <base>-element weg: links in de site zijn relatief.",
     "remove the <base> element: links within the site are relative."),
    ("external-link-rel", "Link naar een andere site zonder noopener noreferrer", "Link to another site without noopener noreferrer",
     "schrijf hem als Markdown-link; voeg in een template de rel toe.",
     "write it as a Markdown link; in a template add the rel."),
    # Pages: markers, citations, evidence, self-check
    ("unknown-marker", "Onbekende markering", "Unknown marker",
     "gebruik een bekende markering; de melding noemt ze.",
     "use a known marker; the message lists them."),
    ("citation-unclosed", "Bronverwijzing zonder ']'", "Citation without ']'",
     "sluit de bronverwijzing op dezelfde regel: [@smith2020].",
     "close the citation on the same line: [@smith2020]."),
    ("citation-syntax", "Bronverwijzing verkeerd geschreven", "Citation written wrongly",
     "schrijf [@sleutel], [@sleutel1; @sleutel2] of [@sleutel, p. 12].",
     "write [@key], [@key1; @key2] or [@key, p. 12]."),
    ("citation-unknown-key", "Verwijzing naar een onbekende bron", "Citation of an unknown source",
     "verbeter de sleutel, of voeg de bron toe aan data/sources.yml.",
     "fix the key, or add the source to data/sources.yml."),
    ("evidence-level-missing", "Bewijsmarkering zonder niveau", "Evidence marker without a level",
     "schrijf het niveau: <!-- md:evidence weak -->.",
     "write the level: <!-- md:evidence weak -->."),
    ("evidence-level-unknown", "Onbekend bewijsniveau", "Unknown evidence level",
     "gebruik een niveau uit data/evidence.yml.",
     "use a level from data/evidence.yml."),
    ("evidence-marker", "Markering van de bewijsschaal met een argument", "Evidence scale marker with an argument",
     "schrijf <!-- md:evidence-scale --> zonder iets erbij.",
     "write <!-- md:evidence-scale --> without anything else."),
    ("selfcheck-marker", "Markering van de zelftest fout of dubbel", "Self-check marker wrong or twice",
     "één <!-- md:selfcheck --> per pagina, zonder argument, in beide talen.",
     "one <!-- md:selfcheck --> per page, without an argument, in both languages."),
    ("component-structure", "Markeringen van een paginadeel passen niet", "Markers of a page part do not match",
     "open een deel met zijn markering en sluit het met <!-- md:end -->.",
     "open a part with its marker and close it with <!-- md:end -->."),
    ("component-empty", "Een paginadeel zonder lijst", "A page part without its list",
     "schrijf de punten van het deel als lijst (regels '- ...') tussen de markeringen.",
     "write the part's items as a list ('- ...' lines) between its markers."),
    ("care-level-missing", "Zorgkaart zonder niveau", "Care card without a level",
     "schrijf het niveau: <!-- md:care appointment -->.",
     "write the level: <!-- md:care appointment -->."),
    ("care-level-unknown", "Onbekend niveau van een zorgkaart", "Unknown care card level",
     "gebruik een niveau uit data/components.yml: emergency, gp-today of appointment.",
     "use a level from data/components.yml: emergency, gp-today or appointment."),
    ("do-dont-negation", "Een 'Niet doen'-punt zegt niet 'niet'", "A 'Niet doen' item does not say 'not'",
     "schrijf in woorden wat je niet moet doen: 'Slik geen ...', 'Stop niet ...'.",
     "write what not to do in words: 'Slik geen ...', 'Stop niet ...'."),
    ("summary-place", "'In het kort' niet bovenaan of twee keer", "'In het kort' not at the top or twice",
     "zet één deel <!-- md:summary --> voor de eerste kop '##' van de pagina.",
     "put one <!-- md:summary --> part before the page's first '##' heading."),
    # Pages: links
    ("link-broken", "Link binnen de site leidt nergens heen", "Link within the site leads nowhere",
     "link naar een pagina die bestaat, als haar Markdown-bestand, met een anker dat de pagina heeft. "
     "Koppen hebben in elke taal een ander anker: een Engelse pagina linkt naar het anker van de Engelse kop.",
     "link to a page that exists, as its Markdown file, with an anchor the page has. "
     "Headings have different anchors in each language: an English page links to the English heading's anchor."),
    ("link-other-language", "Link naar een anker uit de andere taal", "Link to an anchor of the other language",
     "koppen hebben in elke taal een ander anker: gebruik het anker van de kop in de taal van de pagina.",
     "headings have different anchors in each language: use the anchor of the heading in the page's language."),
    # Pages: partner links
    ("partner-link-unmarked", "Partnerlink niet gemarkeerd", "Partner link not marked",
     "markeer hem als [tekst](url){ .partner } en zet de melding ervoor.",
     "mark it [text](url){ .partner } and put the notice before it."),
    ("partner-link-unknown", "Gemarkeerde link naar een site die geen partner is", "Marked link to a host that is not a partner",
     "voeg de site toe aan data/partners.yml, of haal { .partner } weg.",
     "add the host to data/partners.yml, or remove { .partner }."),
    ("partner-notice-missing", "Partnerlink zonder melding ervoor", "Partner link without the notice before it",
     "zet <!-- md:partner-notice --> voor de eerste partnerlink.",
     "put <!-- md:partner-notice --> before the first partner link."),
    ("partner-notice-late", "Partnermelding na de eerste partnerlink", "Partner notice after the first partner link",
     "zet de markering van de melding boven de eerste partnerlink.",
     "move the notice marker above the first partner link."),
    ("partner-notice-unused", "Partnermelding zonder partnerlinks", "Partner notice without partner links",
     "haal <!-- md:partner-notice --> weg.",
     "remove <!-- md:partner-notice -->."),
    ("partner-notice-marker", "Markering van de partnermelding fout", "Partner notice marker wrong",
     "één markering, zonder argument, op een eigen regel.",
     "one marker, without an argument, on a line of its own."),
    # Data files
    ("yaml-syntax", "Gegevensbestand is geen geldige YAML", "Data file is not valid YAML",
     "controleer het inspringen (spaties, geen tabs) en zet tekst met een dubbele punt tussen aanhalingstekens.",
     "check the indentation (spaces, not tabs) and put text with a colon in quotes."),
    ("data-file", "Gegevensbestand ontbreekt", "Data file missing",
     "zet het bestand terug uit git.",
     "restore the file from git."),
    ("labels-language", "Een taal zonder interfaceteksten", "A language without interface texts",
     "voeg het deel van die taal toe aan data/labels.yml.",
     "add the language's section to data/labels.yml."),
    ("labels-text", "Interfacetekst ontbreekt", "Interface text missing",
     "geef de tekst onder zijn taal in data/labels.yml.",
     "give the text under its language in data/labels.yml."),
    ("partners-data", "Partnerbestand fout", "Partners file wrong",
     "volg de opbouw bovenaan data/partners.yml.",
     "follow the format at the top of data/partners.yml."),
    ("selfcheck-data", "Teksten van de zelftest onvolledig", "Self-check texts incomplete",
     "maak data/selfcheck.yml compleet zoals data/README.md zegt.",
     "complete data/selfcheck.yml as data/README.md says."),
    ("selfcheck-verdict", "Tekst van de zelftest geeft een oordeel", "Self-check text gives a verdict",
     "schrijf hem zonder te zeggen of de klachten bij RLS passen.",
     "write it without saying whether the symptoms match RLS."),
    ("selfcheck-negation", "Vraag van de zelftest als ontkenning", "Self-check question written as a negation",
     "stel de vraag zonder 'niet', 'geen' of 'nooit' (Engels: 'not', 'no', 'never'), zodat 'Ja' altijd bij het kenmerk past.",
     "ask the question without 'not', 'no' or 'never' (Dutch: 'niet', 'geen', 'nooit'), so that 'Yes' always matches the feature."),
    ("sources-format", "Bronnenbestand is geen lijst van bronnen", "Sources file is not a list of sources",
     "exporteer de bronnen opnieuw als CSL YAML of CSL JSON.",
     "export the sources again as CSL YAML or CSL JSON."),
    ("sources-id", "Bron zonder bruikbare id", "Source without a usable id",
     "geef de bron een id zoals smith2020.",
     "give the source an id like smith2020."),
    ("sources-duplicate", "Twee bronnen met één id", "Two sources with one id",
     "geef een van beide een andere id, of haal er een weg.",
     "rename or remove one of them."),
    ("source-unused", "Bron op geen pagina aangehaald", "Source cited on no page",
     "haal de bron aan op een pagina met [@id], of haal haar weg uit data/sources.yml als geen pagina haar nodig heeft.",
     "cite the source on a page with [@id], or remove it from data/sources.yml if no page needs it.", WARNING),
    ("sources-title", "Bron zonder titel", "Source without a title",
     "voeg 'title:' toe.",
     "add 'title:'."),
    ("sources-year", "Bron zonder jaar", "Source without a year",
     "voeg 'issued:' toe (of, voor een webpagina zonder datum, 'accessed:').",
     "add 'issued:' (or, for an undated web page, 'accessed:')."),
    ("evidence-data", "Bewijsschaal onvolledig", "Evidence scale incomplete",
     "maak data/evidence.yml compleet zoals data/README.md zegt.",
     "complete data/evidence.yml as data/README.md says."),
    ("reviewers-data", "Gegevens van een controleur onvolledig", "Reviewer entry incomplete",
     "maak data/reviewers.yml compleet zoals data/README.md zegt.",
     "complete data/reviewers.yml as data/README.md says."),
    ("components-data", "Bestand met paginadelen onvolledig", "Page parts file incomplete",
     "maak data/components.yml compleet zoals data/README.md zegt.",
     "complete data/components.yml as data/README.md says."),
    ("today-invalid", "RLS_TODAY is geen datum", "RLS_TODAY is not a date",
     "schrijf JJJJ-MM-DD, of laat het leeg.",
     "write YYYY-MM-DD, or leave it unset."),
    # mkdocs.yml
    ("config-external", "Configuratie laadt iets van een andere site", "Configuration loads from another site",
     "gebruik de eigen bestanden van de site; houd theme.font: false.",
     "use the site's own files; keep theme.font: false."),
    ("navigation-external-link", "Menu linkt naar een andere site", "Navigation links to another site",
     "zet de link op een pagina in plaats van onder 'nav:'.",
     "put the link on a page instead of in 'nav:'."),
    # The built site
    ("site-missing", "Geen gebouwde site", "No built site",
     "bouw hem eerst: make build.",
     "build it first: make build."),
    ("search-index", "De zoekindex is niet geschreven", "The search index was not written",
     "bouw opnieuw; mislukt het weer, installeer de pakketten opnieuw: make clean build.",
     "build again; if it fails again, reinstall the packages: make clean build."),
    ("page-not-built", "Een pagina is niet gebouwd", "A page was not built",
     "bouw opnieuw; controleer exclude_docs en de i18n-instellingen.",
     "build again; check exclude_docs and the i18n settings."),
    ("page-language", "Gebouwde pagina in de verkeerde taal", "Built page in the wrong language",
     "controleer de i18n-talen in mkdocs.yml.",
     "check the i18n languages in mkdocs.yml."),
    ("disclaimer-missing", "Medische disclaimer ontbreekt", "Medical disclaimer missing",
     "houd partials/disclaimer.html in block footer van overrides/main.html.",
     "keep partials/disclaimer.html in block footer of overrides/main.html."),
    ("policy-page", "Over-pagina mist een deel waar pagina's naar linken", "About page lost a section pages link to",
     "houd de koppen met de ids #disclaimer, #partnerlinks, #bewijs.",
     "keep the headings with ids #disclaimer, #partnerlinks, #bewijs."),
    ("search-page-missing", "Geen zoekpagina", "No search page",
     "zet docs/zoeken.md en docs/zoeken.en.md terug uit git: het zoekformulier leidt daarheen.",
     "restore docs/zoeken.md and docs/zoeken.en.md from git: the search form leads there."),
    ("search-page-template", "Zoekpagina zonder haar template", "Search page without its template",
     "houd 'template: search-page.html' in de front matter van de zoekpagina.",
     "keep 'template: search-page.html' in the search page's front matter."),
    ("review-dates-missing", "Controledatums niet getoond", "Review dates not shown",
     "houd partials/review-dates.html in block content van overrides/main.html.",
     "keep partials/review-dates.html in block content of overrides/main.html."),
    ("review-dates-shown", "Getoonde controledatum wijkt af van die van de pagina", "Shown review date differs from the page's",
     "bouw de site opnieuw.",
     "build the site again."),
    ("structured-data-missing", "Geen MedicalWebPage JSON-LD", "No MedicalWebPage JSON-LD",
     "houd partials/structured-data.html in block extrahead.",
     "keep partials/structured-data.html in block extrahead."),
    ("structured-data-invalid", "JSON-LD is geen geldige JSON", "JSON-LD is not valid JSON",
     "schrijf het met | tojson.",
     "write it with | tojson."),
    ("structured-data-field", "JSON-LD-veld fout", "JSON-LD field wrong",
     "bouw opnieuw, of zet het template terug.",
     "build again, or restore the template."),
    ("structured-data-date", "JSON-LD lastReviewed wijkt af van de getoonde datum", "JSON-LD lastReviewed differs from the shown date",
     "bouw opnieuw, of verbeter het template.",
     "build again, or fix the template."),
    ("partner-link-rel", "Partnerlink zonder rel sponsored", "Partner link without sponsored rel",
     "houd rls_site.markdown.links onder markdown_extensions.",
     "keep rls_site.markdown.links under markdown_extensions."),
    ("partner-link-label", "Partnerlink zonder zijn label", "Partner link without its label",
     "zet overrides/partials/partner-label.html terug.",
     "restore overrides/partials/partner-label.html."),
)  # fmt: skip


def reference() -> str:
    """FOUTMELDINGEN.md: every rule with its title and fix, in Dutch (the editors' reference)."""
    out = [
        "# Foutmeldingen",
        "",
        "Elke fout die de bouw (`make build`), `make check` of `make report` meldt, staat hieronder met zijn",
        "code. Een melding ziet er zo uit:",
        "",
        "```text",
        "docs/symptomen.md:12: [care-level-unknown] 'afspraak' is geen niveau van een zorgkaart.",
        f"    {HOW_TO_FIX.nl} gebruik een van: emergency, gp-today, appointment.",
        "```",
        "",
        "Eerst het bestand en de regel, dan tussen haken de code, dan wat er mis is en hoe je het oplost.",
        "De melding zelf zegt het precies voor jouw regel; hieronder staat de regel in het algemeen.",
        "Een **waarschuwing** laat de bouw niet mislukken. Meldingen in het Engels: zet",
        f"`{MESSAGES_VARIABLE}=en` (of `--messages en` bij `python -m rls_site.checks` en `python -m rls_site.report`).",
        "",
        "Dit bestand wordt gemaakt uit `hooks/rls_site/rules.py` met `make errors`; verander het daar.",
        "",
        "| code | wat is er mis | zo los je het op |",
        "|---|---|---|",
    ]
    for rule, definition in RULES.items():
        title = definition.title.nl + (" (waarschuwing)" if definition.warning else "")
        out.append(f"| `{rule}` | {_cell(title)} | {_cell(definition.fix.nl)} |")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    """A table cell: markers and HTML as code (a Markdown reader would hide a comment), no '|'."""
    return re.sub(r"<!--.*?-->|<[a-z][^<>]*>", lambda match: f"`{match.group(0)}`", text).replace("|", "\\|")


if __name__ == "__main__":
    sys.stdout.write(reference())
