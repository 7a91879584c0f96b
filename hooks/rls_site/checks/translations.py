"""Translations: every page exists in every language of the site.

Pages follow mkdocs-static-i18n's suffix structure: `symptomen.md` is the page in the default
language (Dutch), `symptomen.en.md` its English version. A page in one language only would be
missing from the other language's site (fallback to Dutch is switched off), so it is an error
that names the missing file. A translation last reviewed before its original is reported as
possibly stale, without failing the build.
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them.
"""

from __future__ import annotations

from collections import defaultdict

from rls_site.checks.review_dates import ReviewDates
from rls_site.errors import ContentError


def split_language(src: str, languages: list[str]) -> tuple[str, str]:
    """('symptomen.md', 'en') for 'symptomen.en.md'; the default language (first) has no suffix."""
    stem = src[: -len(".md")]
    for lang in languages[1:]:
        if stem.endswith(f".{lang}"):
            return f"{stem[: -len(lang) - 1]}.md", lang
    return src, languages[0]


def language_file(page: str, lang: str, languages: list[str]) -> str:
    """'symptomen.en.md' for ('symptomen.md', 'en'); the default language keeps the plain name."""
    return page if lang == languages[0] else f"{page[: -len('.md')]}.{lang}.md"


def check_translations(sources: list[str], languages: list[str], docs: str = "docs") -> list[ContentError]:
    """A missing language version of any page, each reported with the name of the missing file."""
    versions: dict[str, set[str]] = defaultdict(set)
    for src in sources:
        page, lang = split_language(src, languages)
        versions[page].add(lang)
    errors = []
    for page, present in sorted(versions.items()):
        existing = f"{docs}/{language_file(page, sorted(present, key=languages.index)[0], languages)}"
        for lang in languages:
            if lang in present:
                continue
            missing = f"{docs}/{language_file(page, lang, languages)}"
            errors.append(
                ContentError(
                    existing,
                    "translation-missing",
                    nl=f"de pagina heeft geen versie in '{lang}': {missing} bestaat niet, dus de site in '{lang}' zou deze pagina missen.",
                    en=f"the page has no '{lang}' version: {missing} does not exist, so the '{lang}' site would lack this page.",
                    fix_nl=f"maak {missing} (de pagina in '{lang}', met dezelfde sleutels in de front matter), of verwijder {existing} als "
                    "de pagina weg moet.",
                    fix_en=f"add {missing} (the page in '{lang}', with the same front matter keys), or remove {existing} if "
                    f"the page should go.",
                )
            )
    return errors


def is_stale(translation: ReviewDates, original: ReviewDates | None) -> bool:
    """A translation last reviewed before its original (default-language) page."""
    return original is not None and translation.last_reviewed < original.last_reviewed


def stale_notices(reviews: dict[str, ReviewDates], languages: list[str], docs: str = "docs") -> list[ContentError]:
    """Notices for translations last reviewed before their original (default-language) page."""
    notices = []
    for src, review in sorted(reviews.items()):
        page, lang = split_language(src, languages)
        original = reviews.get(page)
        if lang == languages[0] or not is_stale(review, original):
            continue
        notices.append(
            ContentError(
                f"{docs}/{src}",
                "translation-possibly-stale",
                line=review.last_line,
                nl=f"misschien verouderd: laatst gecontroleerd op {review.last_reviewed.isoformat()}, voor het origineel {docs}/{page} "
                f"({original.last_reviewed.isoformat()}).",
                en=f"possibly stale: last reviewed on {review.last_reviewed.isoformat()}, before its original {docs}/{page} "
                f"({original.last_reviewed.isoformat()}).",
                fix_nl=f"vergelijk met {docs}/{page}, werk de vertaling bij en zet last_reviewed op de datum van die controle.",
                fix_en=f"compare it with {docs}/{page}, bring the translation up to date and set last_reviewed to the date of that check.",
            )
        )
    return notices


def missing_translations_reported(errors: list[ContentError]) -> tuple[list[ContentError], list[ContentError]]:
    """The preview's split of `errors`: (those that stop it, the missing translations it only reports).

    An editor previews a new page before its translation exists; the strict build refuses it.
    """
    stopping = [error for error in errors if error.rule != "translation-missing"]
    reported = [error for error in errors if error.rule == "translation-missing"]
    return stopping, reported
