"""Two builds with the same SOURCE_DATE_EPOCH are byte-identical, file for file (`mkdocs build` of
the tests' own small site, in two processes, as two machines would build it)."""

from __future__ import annotations

import hashlib
import shutil

from conftest import FIXTURE_TODAY, build


def digest_tree(root) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_source_date_epoch_gives_identical_sites(small_project):
    project = small_project
    env = {"SOURCE_DATE_EPOCH": "1764028800", "RLS_TODAY": FIXTURE_TODAY}
    first = build(project, env)
    assert first.ok, first.output
    kept = project.parent / "first-site"
    shutil.move(first.site, kept)
    second = build(project, env)
    assert second.ok, second.output
    one, two = digest_tree(kept), digest_tree(second.site)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
