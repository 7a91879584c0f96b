"""Where a build spends its time, event by event: one build of a generated site (as in scale.py)
with the time spent in each plugin's and each hook's handler of each MkDocs event.

Unlike a with/without comparison this is measured inside one build, so the machine's drift
between builds does not enter it. mkdocs-static-i18n builds the second language inside its
`post_build` handler: that line holds the second language's whole build, hooks included.

usage: python bench/hook_events.py [--pages 1000]
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

from common import copy_project
from scale import generate


def timed_events(project: Path) -> tuple[float, collections.Counter]:
    """Build `project` in this process; the build's seconds and the seconds per (event, handler)."""
    import mkdocs.plugins
    from mkdocs.__main__ import cli

    spent: collections.Counter = collections.Counter()
    # MkDocs registers every handler through this method (plugins and hooks alike): a timing
    # wrapper around each one sees exactly the time in that handler. Not a public API; a bench only.
    # (A plugin's CombinedEvent would lose its parts' priorities here; none of ours uses one.)
    register = mkdocs.plugins.PluginCollection._register_event

    def timed_register(self, event_name, method, **kwargs):
        name = kwargs.get("plugin_name") or getattr(method, "__module__", "?")

        def timed(*args, **kw):
            start = time.perf_counter()
            try:
                return method(*args, **kw)
            finally:
                spent[(event_name, name)] += time.perf_counter() - start

        timed.mkdocs_priority = getattr(method, "mkdocs_priority", 0)
        return register(self, event_name, timed, **kwargs)

    mkdocs.plugins.PluginCollection._register_event = timed_register
    os.environ.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1764028800")
    os.chdir(project)
    start = time.perf_counter()
    cli.main(args=["build", "--strict", "--site-dir", str(project / "site")], standalone_mode=False)
    return time.perf_counter() - start, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    print(f"$ python bench/hook_events.py --pages {args.pages}")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "site")
        generate(project, args.pages)
        seconds, spent = timed_events(project)
    hooks = sum(value for (_, name), value in spent.items() if name.startswith("hooks/"))
    print(f"{args.pages + 7} pages a language, 2 languages: build {seconds:.1f} s; in the hooks' handlers {hooks:.1f} s")
    print("seconds | event | plugin or hook")
    for (event, name), value in spent.most_common():
        if value >= 0.05:
            print(f"{value:7.2f} | {event} | {name}")


if __name__ == "__main__":
    sys.exit(main())
