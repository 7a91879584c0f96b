"""Every data file of a project at once: read, checked, and kept until a file changes.

`load_data` reads data/labels.yml, partners.yml, selfcheck.yml, sources.yml, evidence.yml,
reviewers.yml and components.yml and returns what it could validate together with every problem in all of them, so
an editor sees every mistake in one run. `project_data` is the same for the renderers, which
need every file right (the checks have reported any problem before a build).

This is the one cache of the project's data: every extension asks for it on every page, in both
languages' builds, so the result is kept (`_cache`) until one of the files, mkdocs.yml included,
changes on disk (`mkdocs serve`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from rls_site.config import CONFIG_FILE, read_config
from rls_site.data import components, evidence, labels, partners, reviewers, selfcheck, sources
from rls_site.data.yaml_file import load_yaml
from rls_site.errors import ContentError, ContentErrors, raise_all


@dataclass
class ProjectData:
    """What the data files hold; a part is None (or empty) when its file has problems."""

    root: Path
    languages: list[str]
    labels: dict[str, dict] = field(default_factory=dict)
    partner_hosts: list[str] = field(default_factory=list)
    selfcheck: dict[str, dict] | None = None
    sources: sources.SourceRegistry | None = None
    evidence: evidence.EvidenceScale | None = None
    reviewers: dict[str, reviewers.Reviewer] | None = None
    components: components.Components | None = None


def _problems(error: ContentError | ContentErrors) -> list[ContentError]:
    return list(error.errors) if isinstance(error, ContentErrors) else [error]


# Every data file a project has, under its folder.
DATA_FILES = (
    labels.DATA_FILE,
    partners.DATA_FILE,
    selfcheck.DATA_FILE,
    sources.DATA_FILE,
    evidence.DATA_FILE,
    reviewers.DATA_FILE,
    components.DATA_FILE,
)

_cache: dict = {}


def _stamps(root: Path) -> tuple:
    """When each data file (and mkdocs.yml) last changed, and its size; None for a missing file."""
    stamps = []
    for name in (CONFIG_FILE, *DATA_FILES):
        try:
            stat = os.stat(os.path.join(root, name))
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def load_data(root: Path, languages: list[str] | None = None) -> tuple[ProjectData, list[ContentError]]:
    """Every data file under root/data, validated, and every problem found in them; `languages`:
    the site's, default first (None: those of root/mkdocs.yml)."""
    key = (os.path.abspath(root), _stamps(root))
    if _cache.get("key") == key and languages in (None, _cache["data"].languages):
        return _cache["data"], list(_cache["errors"])
    root = Path(root)
    if languages is None:
        config = read_config(root / CONFIG_FILE)
        languages = config.languages if config else ["en"]
    data = ProjectData(root, list(languages))
    errors: list[ContentError] = []

    def read(name: str):
        try:
            return load_yaml(root / name, name)
        except (ContentError, ContentErrors) as error:
            errors.extend(_problems(error))
            return None

    parsed = {name: read(name) for name in DATA_FILES}
    # Each file validated on its own: every validate_* returns what the file holds or raises every problem in it.
    steps = (
        ("labels", labels.DATA_FILE, lambda d: labels.validate_labels(d, languages)),
        ("partner_hosts", partners.DATA_FILE, partners.validate_partners),
        ("selfcheck", selfcheck.DATA_FILE, lambda d: selfcheck.validate_selfcheck(d, languages)),
        ("sources", sources.DATA_FILE, sources.validate_sources),
        ("evidence", evidence.DATA_FILE, lambda d: evidence.validate_evidence(d, languages)),
        ("reviewers", reviewers.DATA_FILE, lambda d: reviewers.validate_reviewers(d, languages)),
        ("components", components.DATA_FILE, lambda d: components.validate_components(d, languages)),
    )
    for attribute, name, validate in steps:
        if parsed[name] is None:
            continue
        try:
            setattr(data, attribute, validate(parsed[name]))
        except (ContentError, ContentErrors) as error:
            errors.extend(_problems(error))
    _cache.update(key=key, data=data, errors=list(errors))
    return data, errors


def project_data(root: Path, languages: list[str] | None = None) -> ProjectData:
    """The project's data for rendering: every file must be right."""
    data, errors = load_data(root, languages)
    raise_all(errors)
    return data
