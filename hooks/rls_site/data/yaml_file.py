"""Read the files editors change: text that must be UTF-8, and YAML with the line of every key.

`read_text` is how every page and data file is read: a file saved in another encoding (an
editor's Windows-1252 "ë") is a ContentError naming the line and what to do in the editor, never a
traceback. `parse_yaml` is the one YAML reader (data files, front matter); it keeps line numbers
for error messages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rls_site.errors import ContentError
from rls_site.rules import Text


@dataclass
class YamlData:
    """Parsed YAML plus the line of every key and list item, for messages that point at a line."""

    path: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, *keys) -> int | None:
        """Line of the deepest known part of `keys` (a missing key points at its parent)."""
        keys = tuple(keys)
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return self.lines.get((), None)


def _record_lines(node: yaml.Node, path: tuple, lines: dict) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + 1
            _record_lines(value_node, path + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def lines_of(node: yaml.Node | None) -> dict[tuple, int]:
    """The line of every key and list item under `node`, by its path of keys and indexes."""
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return lines


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads mkdocs.yml, whose !ENV and !!python/name tags only MkDocs can resolve (left as None)."""


_ConfigLoader.add_multi_constructor("", lambda loader, tag, node: None)


def parse_config(text: str):
    """mkdocs.yml's data, its MkDocs-only tags unresolved (yaml.YAMLError on a mistake)."""
    return yaml.load(text, Loader=_ConfigLoader)


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of `text`, read by the same loader as the data files (yaml.YAMLError on a mistake)."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse_yaml(text: str, path: str) -> YamlData:
    """Parse YAML text; a syntax error becomes a ContentError naming the line."""
    # One pass gives the nodes (with their lines) and the data built from them; libyaml's parser
    # when PyYAML has it (some 15 times faster on the sources file), the same safe constructor.
    loader = None
    try:
        loader = _Loader(text)  # the pure-Python reader checks the characters already here
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        # libyaml's messages do not name the character: the column points at it.
        column = Text(f", kolom {mark.column + 1}", f", column {mark.column + 1}") if mark else Text("", "")
        raise ContentError(
            path,
            "yaml-syntax",
            line=line,
            nl=f"het bestand is geen geldige YAML ({problem}{column.nl}).",
            en=f"the file is not valid YAML ({problem}{column.en}).",
            fix_nl="controleer het inspringen (spaties, geen tabs) en of tekst met een dubbele punt tussen aanhalingstekens staat.",
            fix_en="check indentation (spaces, not tabs) and that text with a colon is in quotes.",
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return YamlData(path, data, lines)


ENCODING_FIX = Text(
    "sla het bestand op als UTF-8 in je editor (VS Code: klik op de codering in de statusbalk, 'Save with Encoding', 'UTF-8'; "
    "Kladblok: 'Opslaan als', Codering 'UTF-8'), en controleer dan de tekens op die regel.",
    "save the file as UTF-8 in your editor (VS Code: click the encoding in the status bar, 'Save with Encoding', 'UTF-8'; "
    "Notepad: 'Save as', Encoding 'UTF-8'), then check the characters on that line.",
)


def read_text(path: Path, shown: str) -> str:
    """The file's text; not UTF-8 is a ContentError on the line of the first character that is not."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1].hex().upper()
        raise ContentError(
            shown,
            "not-utf8",
            line=line,
            nl=f"het bestand is niet als UTF-8 opgeslagen (byte 0x{byte} op regel {line} is geen UTF-8; vaak een 'ë' of 'é' "
            "opgeslagen als Windows-1252).",
            en=f"the file is not saved as UTF-8 (byte 0x{byte} on line {line} is not UTF-8; often an 'ë' or 'é' saved as Windows-1252).",
            fix_nl=ENCODING_FIX.nl,
            fix_en=ENCODING_FIX.en,
        ) from None


def load_yaml(path: str | os.PathLike, display_path: str | None = None) -> YamlData:
    """Read and parse a YAML file; a missing file is a ContentError."""
    file = Path(path)
    shown = display_path or str(path)
    if not file.is_file():
        raise ContentError(
            shown,
            "data-file",
            nl="het bestand bestaat niet.",
            en="the file does not exist.",
            fix_nl="zet het terug uit git of controleer de naam in mkdocs.yml.",
            fix_en="restore it from git or check its name in mkdocs.yml.",
        )
    return parse_yaml(read_text(file, shown), shown)
