"""Read the YAML data files editors change (`data/*.yml`), keeping line numbers for error messages.

`load_yaml` parses a file once per change on disk: a build (and the second language's build that
mkdocs-static-i18n runs in the same process) reuses the parsed file until it is edited.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from errors import ContentError


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
        if mark:  # libyaml's messages do not name the character: the column points at it
            problem += f", column {mark.column + 1}"
        raise ContentError(
            path,
            "yaml-syntax",
            f"the file is not valid YAML ({problem}).",
            "check indentation (spaces, not tabs) and that text with a colon is in quotes.",
            line,
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return YamlData(path, data, lines)


_cache: dict[str, tuple[tuple[int, int], YamlData]] = {}


def load_yaml(path: str | os.PathLike, display_path: str | None = None) -> YamlData:
    """Parse a YAML file, reusing the parse while the file is unchanged on disk."""
    file = Path(path)
    shown = display_path or str(path)
    try:
        stat = file.stat()
    except FileNotFoundError:
        raise ContentError(shown, "data-file", "the file does not exist.", "restore it from git or check its name in mkdocs.yml.") from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    # The hooks ask for the same files for every page: an absolute path (no file system calls, unlike
    # resolving links) is key enough.
    key = os.path.abspath(file)
    cached = _cache.get(key)
    if cached and cached[0] == stamp and cached[1].path == shown:
        return cached[1]
    parsed = parse_yaml(file.read_text(encoding="utf-8"), shown)
    _cache[key] = (stamp, parsed)
    return parsed
