"""Unsafe content in page Markdown: scripts, embedded frames and objects, event handlers, javascript: URLs.

Markdown lets editors write raw HTML, and attr_list lets them add attributes to links. Anything
that runs code, or loads another site inside a page, would run on every reader's device and could
send what they read to a third party, so it fails the build. Code blocks and inline code are
not read (a page may show `<script>` as an example), nor are HTML comments (they never run).
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them on each page's source
as the editor wrote it, before any hook added its own HTML.
"""

from __future__ import annotations

import re

from rls_site.errors import ContentError
from rls_site.markdown.text import line_at, mask_code
from rls_site.rules import Text

UNSAFE_ELEMENTS = ("script", "iframe", "object", "embed")
_ELEMENT = re.compile(r"<\s*(?P<name>" + "|".join(UNSAFE_ELEMENTS) + r")\b", re.IGNORECASE)
# Places that hold attributes: HTML start tags and attr_list blocks such as { .class key="value" }.
_ATTRIBUTES = re.compile(r"<[A-Za-z][^<>]*>|\{[^{}\n]*\}")
_HANDLER = re.compile(r"(?<![\w:.-])(?P<name>on[a-z]+)\s*=", re.IGNORECASE)
_SCHEME = r"(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t)\s*:"
# A URL position: Markdown link target, reference definition, autolink, or a URL attribute.
_SCRIPT_URL = re.compile(
    r"(?:\]\(\s*<?\s*|^[ ]{0,3}\[[^\]\n]+\]:\s*<?\s*|<\s*|\b(?:href|src|action|formaction|data|xlink:href)\s*=\s*[\"']?\s*)" + _SCHEME,
    re.IGNORECASE | re.MULTILINE,
)
FIX_CODE = Text(
    "Wil je het als voorbeeld tonen, zet het dan in een codeblok of tussen `backticks`.",
    "To show it as an example, put it in a code block or in `backticks`.",
)
# Every javascript: or vbscript: URL ends in 't' and ':' (spaces between allowed): most pages have no
# such pair, and _SCRIPT_URL, tried at every position, would be the slowest check of a page.
_SCHEME_END = re.compile(r"[tT]\s*:")


def check_unsafe(markdown: str, file: str, first_line: int = 1) -> list[ContentError]:
    """Every unsafe element, event handler and javascript: URL outside code and comments."""
    masked = mask_code(markdown, comments=True)
    errors = []
    for match in _ELEMENT.finditer(masked):
        name = match.group("name").lower()
        if name == "script":
            nl, en = (
                "<script> mag niet in een pagina: het zou code uitvoeren op het apparaat van elke lezer.",
                "<script> is not allowed in a page: it would run code on every reader's device.",
            )
            fix_nl, fix_en = (
                "haal het weg; pagina's bevatten geen scripts (de eigen scripts van de site staan in docs/assets, genoemd in mkdocs.yml).",
                "remove it; pages hold no scripts (the site's own scripts are in docs/assets, listed in mkdocs.yml).",
            )
        else:
            nl, en = (
                f"<{name}> mag niet in een pagina: het laadt een andere site of een programma in de pagina, dat de lezer kan volgen.",
                f"<{name}> is not allowed in a page: it loads another site or program inside the page, which can track the reader.",
            )
            fix_nl, fix_en = (
                f"haal de <{name}> weg en link naar de andere site.",
                f"remove the <{name}> and link to the other site instead.",
            )
        errors.append(
            ContentError(
                file,
                "unsafe-html",
                line=line_at(markdown, match.start(), first_line),
                nl=nl,
                en=en,
                fix_nl=f"{fix_nl} {FIX_CODE.nl}",
                fix_en=f"{fix_en} {FIX_CODE.en}",
            )
        )
    for block in _ATTRIBUTES.finditer(masked):
        for match in _HANDLER.finditer(block.group(0)):
            name = match.group("name").lower()
            errors.append(
                ContentError(
                    file,
                    "unsafe-event-handler",
                    line=line_at(markdown, block.start() + match.start(), first_line),
                    nl=f"de gebeurtenis '{name}=' voert JavaScript uit in de browser van de lezer.",
                    en=f"the event handler '{name}=' runs JavaScript in the reader's browser.",
                    fix_nl=f"haal '{name}=...' weg; pagina's bevatten geen scripts. {FIX_CODE.nl}",
                    fix_en=f"remove '{name}=...'; pages hold no scripts. {FIX_CODE.en}",
                )
            )
    for match in _SCRIPT_URL.finditer(masked) if _SCHEME_END.search(masked) else ():
        errors.append(
            ContentError(
                file,
                "unsafe-javascript-url",
                line=line_at(markdown, match.end() - 1, first_line),
                nl="een link met een javascript:-adres voert code uit als een lezer erop klikt.",
                en="a link with a javascript: URL runs code when a reader clicks it.",
                fix_nl=f"link naar een pagina (https://... of een .md-bestand). {FIX_CODE.nl}",
                fix_en=f"link to a page (https://... or a .md file) instead. {FIX_CODE.en}",
            )
        )
    return errors
