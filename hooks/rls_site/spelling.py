"""Spelling of the pages, in Dutch and English, with hunspell and the project's own word list.

For the content report and as warnings in a pull request: never a build error, since a
dictionary does not know every medical term and a new word is not a mistake. The text checked is
what a reader reads (the content report's reading: no code, markers, citations, link addresses,
HTML tags or attribute lists), line by line, so each word keeps its line in the page.

hunspell runs in its pipe mode (`hunspell -a`, as ispell's), one process per language, with the
dictionaries of Debian's packages hunspell-nl and hunspell-en-gb (`make dictionaries`). Words in
`data/spelling/<language>.txt` (one a line, `#` starts a comment) are known words: terms such as
augmentatie, names of medicines, authors and organisations. Abbreviations in capitals (RLS,
AASM) are not checked.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rls_site.data.yaml_file import read_text
from rls_site.errors import ContentError
from rls_site.rules import Text

# hunspell's dictionary for each language of the site.
DICTIONARIES = {"nl": "nl_NL", "en": "en_GB"}
WORD_LISTS = "data/spelling"
LANGUAGE_NAMES = {"nl": Text("Nederlandse", "Dutch"), "en": Text("Engelse", "English")}
_ABBREVIATION = re.compile(r"^[A-Z0-9]{2,}s?$")
# Web addresses written as text (Thuisarts.nl): not words.
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}$")
# Quotes around a word and a hyphen that stands for a repeated word ("tuin- en ...") are not part
# of it; the apostrophe of 's avonds and 't is.
_QUOTES = re.compile(r"(?<!\w)['‘](?=\w)(?!(?:s|t|k|n)\b)|(?<=\w)['’](?!\w)|[“”\"]|(?<=\w)-(?=\s|$)")
# hunspell keeps some punctuation on a word ("RLS.", "'normaal'"): the word is what is inside.
_AROUND = ".,;:!?'\"‘’“”()-"


@dataclass(frozen=True)
class Misspelling:
    word: str
    line: int
    suggestions: tuple[str, ...] = ()

    def as_warning(self, file: str, lang: str) -> ContentError:
        """The misspelling as the warning a pull request shows on its line."""
        suggestions = ", ".join(self.suggestions[:3])
        name = LANGUAGE_NAMES.get(lang, Text(lang, lang))
        return ContentError(
            file,
            "spelling",
            line=self.line,
            nl=f"'{self.word}' staat niet in het {name.nl} woordenboek.",
            en=f"'{self.word}' is not in the {name.en} dictionary.",
            fix_nl=f"verbeter het woord ({f'misschien: {suggestions}; ' if suggestions else ''}of zet het, als het goed is, in "
            f"{WORD_LISTS}/{lang}.txt).",
            fix_en=f"correct it ({f'perhaps: {suggestions}; ' if suggestions else ''}or, if it is right, add it to "
            f"{WORD_LISTS}/{lang}.txt).",
        )


_PIECE = 2000  # bytes


def _pieces(text: str) -> list[str]:
    """`text` in pieces of at most _PIECE bytes, cut between words."""
    if len(text.encode("utf-8")) <= _PIECE:
        return [text] if text else []
    pieces, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(candidate.encode("utf-8")) > _PIECE and current:
            pieces.append(current)
            candidate = word
        current = candidate
    return [*pieces, current] if current else pieces


class SpellingUnavailable(Exception):
    """hunspell or a dictionary is not installed: the report says so instead of a spelling list."""


def read_word_list(path: Path, shown: str | None = None) -> frozenset[str]:
    """The known words of a word list file (none when it does not exist); a file that is not UTF-8
    is a ContentError (rule not-utf8) on its line, shown as `shown`."""
    if not path.is_file():
        return frozenset()
    words = (line.split("#", 1)[0].strip() for line in read_text(path, shown or str(path)).splitlines())
    return frozenset(word for word in words if word)


@functools.cache
def _dictionary_path(name: str) -> Path | None:
    for folder in (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"), Path("/usr/share/myspell")):
        if (folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file():
            return folder / name
    return None


def available(lang: str) -> str | None:
    """None when spelling can be checked in `lang`, else what to install."""
    if shutil.which("hunspell") is None:
        return "hunspell is not installed (make dictionaries)"
    name = DICTIONARIES.get(lang)
    if name is None:
        return f"no dictionary is set for the language '{lang}' (rls_site.spelling.DICTIONARIES)"
    if _dictionary_path(name) is None:
        return f"the {LANGUAGE_NAMES[lang].en if lang in LANGUAGE_NAMES else lang} dictionary {name} is not installed (make dictionaries)"
    return None


def misspellings(lines: Iterable[tuple[int, str]], lang: str, known: Iterable[str] = ()) -> list[Misspelling]:
    """The words hunspell does not know in `lines` ((line number, text) pairs) of one page."""
    return misspellings_by_file({"": lines}, lang, known)[""]


def misspellings_by_file(
    pages: Mapping[str, Iterable[tuple[int, str]]], lang: str, known: Iterable[str] = ()
) -> dict[str, list[Misspelling]]:
    """The words hunspell does not know in each page's lines ((line number, text) pairs, by file),
    without the known words and abbreviations; one hunspell run for all the pages. Raises
    SpellingUnavailable when it cannot check."""
    problem = available(lang)
    if problem:
        raise SpellingUnavailable(problem)
    # One piece of at most _PIECE bytes a row: hunspell reads its input in blocks of about 8 kB
    # and answers the rest of a longer row as a row of its own, which would put every answer
    # after it on the wrong line.
    pieces = [
        ((file, number), piece)
        for file, lines in pages.items()
        for number, text in lines
        for piece in _pieces(" ".join(_QUOTES.sub(" ", text).split()))
    ]
    found: dict[str, list[Misspelling]] = {file: [] for file in pages}
    if not pieces:
        return found
    # '^' before each row: hunspell's pipe mode then reads it as text, never as a command. No
    # personal dictionary (-p): the same words are known on every machine.
    try:
        result = subprocess.run(
            ["hunspell", "-a", "-i", "utf-8", "-p", os.devnull, "-d", str(_dictionary_path(DICTIONARIES[lang]))],
            input="".join(f"^{text}\n" for _, text in pieces),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SpellingUnavailable(f"hunspell did not run: {error}") from None
    if result.returncode != 0:
        raise SpellingUnavailable(f"hunspell stopped: {result.stderr.strip()[:200]}")
    # After its banner, hunspell answers each row with one row per word and a blank row.
    answers = result.stdout.split("\n")[1:]
    if answers.count("") < len(pieces):
        raise SpellingUnavailable("hunspell's answers did not match the lines sent")
    known = set(known)
    known_lower = {word.lower() for word in known}
    index = 0
    for (file, number), _ in pieces:
        while index < len(answers) and answers[index] != "":
            row = answers[index]
            index += 1
            if row[:1] not in "&#":
                continue
            head, _, rest = row.partition(":")
            word = head.split()[1].strip(_AROUND)
            if (
                not word
                or word in known
                or word.lower() in known_lower
                or _ABBREVIATION.match(word)
                or _DOMAIN.match(word)
                or any(c.isdigit() or c == "/" for c in word)  # units and numbers: ng/mL, 2024
            ):
                continue
            suggestions = tuple(s.strip() for s in rest.split(",") if s.strip()) if row[0] == "&" else ()
            found[file].append(Misspelling(word, number, suggestions))
        index += 1  # the blank row that ends the row sent
    return found
