"""The theme's Jinja environment, created once per build and shared by the hooks.

`config.theme.get_env()` builds a new environment on every call, and every template would be
compiled again for every page; one environment per theme keeps each template compiled once.
"""

from __future__ import annotations

import jinja2

_cache: dict = {}


def theme_env(config) -> jinja2.Environment:
    key = (id(config.theme), tuple(config.theme.dirs))
    if key not in _cache:
        _cache.clear()  # a new build (or `mkdocs serve` reload) has a new theme object
        _cache[key] = config.theme.get_env()
    return _cache[key]
