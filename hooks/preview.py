"""Hook: the editor's preview (`make serve`, which runs `mkdocs serve` through rls_site.preview).

- `on_startup`: notes that this is the preview: every error is shown in full on every rebuild,
  and a page whose translation is missing is served with a warning (publication_checks.py asks
  rls_site.mkdocs_glue which errors stop the preview), where `make build` refuses it.
- `on_nav`: while previewing, the menu of a language leaves out a page that does not exist in
  that language yet, rather than link to nothing.
"""

from __future__ import annotations

from rls_site.mkdocs_glue import preview_menu, start_preview


def on_startup(command, dirty):
    start_preview(command)


def on_nav(nav, config, files):
    return preview_menu(nav)
