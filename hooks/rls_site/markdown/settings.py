"""What every extension of rls_site.markdown is told, and what it reads from the project.

Each extension takes two settings (in mkdocs.yml under `markdown_extensions`, or as keyword
arguments to `markdown.Markdown(extensions=[...], extension_configs=...)`):

    root   the project folder: mkdocs.yml (for the languages), data/ and overrides/ (default:
           the current folder, where a generator runs)
    lang   the language of the pages being converted (default: the site's first language);
           the MkDocs hooks set it for each language's build

From them it gets the data files (rls_site.data.project, which keeps them until one changes) and the templates
in overrides/partials, where all HTML is written.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markdown import Extension

from rls_site.data.project import ProjectData, project_data

TEMPLATES = "overrides"


@dataclass(frozen=True)
class Site:
    data: ProjectData
    lang: str
    env: jinja2.Environment

    def labels(self) -> dict:
        return self.data.labels[self.lang]


@functools.lru_cache(maxsize=8)
def template_env(templates: Path) -> jinja2.Environment:
    """The templates in `templates` (overrides/), compiled once."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=False, keep_trailing_newline=False)


class SiteExtension(Extension):
    """An extension that reads the project's data and templates (see the module's docstring)."""

    extra_config: dict = {}  # an extension's own settings: name -> [default, description]

    def __init__(self, **kwargs):
        self.config = {
            "root": [".", "the project folder, with mkdocs.yml, data/ and overrides/"],
            "lang": ["", "the language of the pages (default: the site's first language)"],
            **{name: list(value) for name, value in self.extra_config.items()},
        }
        super().__init__(**kwargs)

    def site(self) -> Site:
        """The project's data and templates for this extension's language."""
        folder = os.path.abspath(self.getConfig("root") or ".")
        data = project_data(folder)  # the languages of the project's mkdocs.yml
        return Site(data, self.getConfig("lang") or data.languages[0], template_env(Path(folder, TEMPLATES)))
