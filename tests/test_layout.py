"""The shape of the code: hooks as thin MkDocs adapters over rls_site, which needs no MkDocs.

- hooks/*.py are exactly the hooks mkdocs.yml registers, each defining MkDocs event handlers only;
- rls_site imports nothing from MkDocs, Material or mkdocs-static-i18n, except rls_site.mkdocs_glue,
  which only the hooks import; no module imports a hook file;
- the rls_site.markdown extensions are registered under markdown_extensions;
- hooks/README.md maps every module and every rule;
- the checks run where MkDocs cannot even be imported;
- every rule is in the one table and in the editors' error reference (FOUTMELDINGEN.md, written from
  the table), and, if it fails the build, a test tries a bad input for it.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import yaml

from conftest import ROOT
from rls_site.rules import RULES

HOOKS = ROOT / "hooks"
PACKAGE = HOOKS / "rls_site"
MKDOCS = ("mkdocs", "material", "mkdocs_static_i18n")
# MkDocs' events (https://www.mkdocs.org/dev-guide/plugins/#events).
EVENTS = {
    "on_startup", "on_shutdown", "on_serve", "on_config", "on_pre_build", "on_files", "on_nav", "on_env", "on_post_build",
    "on_build_error", "on_pre_template", "on_template_context", "on_post_template", "on_pre_page", "on_page_read_source",
    "on_page_markdown", "on_page_content", "on_page_context", "on_post_page",
}  # fmt: skip


class _Tag(yaml.SafeLoader):
    pass


_Tag.add_multi_constructor("", lambda loader, tag, node: None)
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tag)


def imports(path) -> set[str]:
    """Every module a file imports, by its full name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_the_hooks_folder_holds_exactly_the_registered_hooks():
    registered = sorted(entry.removeprefix("hooks/") for entry in CONFIG["hooks"])
    assert sorted(path.name for path in HOOKS.glob("*.py")) == registered


def test_each_hook_only_adapts_mkdocs_events_to_rls_site():
    for hook in HOOKS.glob("*.py"):
        tree = ast.parse(hook.read_text(encoding="utf-8"))
        public = [node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_")]
        assert set(public) <= EVENTS, (hook.name, set(public) - EVENTS)
        assert not [node for node in tree.body if isinstance(node, ast.ClassDef)], hook.name
        assert any(name.startswith("rls_site") for name in imports(hook)), hook.name
        assert len(hook.read_text(encoding="utf-8").splitlines()) < 160, f"{hook.name}: logic belongs in rls_site"


def test_rls_site_needs_no_mkdocs_and_imports_no_hook():
    hook_modules = {path.stem for path in HOOKS.glob("*.py")}
    for module in PACKAGE.rglob("*.py"):
        names = imports(module)
        outside = [name for name in names if name.split(".")[0] in MKDOCS]
        if module.name == "mkdocs_glue.py":
            continue
        assert not outside, (module, outside)
        assert "rls_site.mkdocs_glue" not in names, f"{module}: only the hooks use the glue"
        assert not names & hook_modules, (module, names & hook_modules)


def test_the_extensions_are_registered_in_mkdocs_yml():
    extensions = [entry if isinstance(entry, str) else next(iter(entry)) for entry in CONFIG["markdown_extensions"]]
    modules = sorted(
        f"rls_site.markdown.{path.stem}"
        for path in (PACKAGE / "markdown").glob("*.py")
        if "makeExtension" in path.read_text(encoding="utf-8")
    )
    assert modules == sorted(name for name in extensions if name.startswith("rls_site.")) and len(modules) == 5


def test_the_readme_maps_every_module_and_rule():
    readme = (HOOKS / "README.md").read_text(encoding="utf-8")
    for module in PACKAGE.rglob("*.py"):
        if module.name != "__init__.py":
            assert module.relative_to(HOOKS).as_posix() in readme, module
    for rule in RULES:
        assert f"`{rule}`" in readme, rule


def test_the_checks_run_where_mkdocs_cannot_be_imported(site):
    """`make check` over docs/ and site/ in an environment where MkDocs is not importable."""
    blocked = "import sys; sys.modules.update({name: None for name in ('mkdocs', 'material', 'mkdocs_static_i18n')});"
    run = "import runpy; sys.argv = ['rls_site.checks', 'docs', sys.argv[1]]; runpy.run_module('rls_site.checks', run_name='__main__')"
    result = subprocess.run(
        [sys.executable, "-c", blocked + run, str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(HOOKS), "RLS_MESSAGES": "en"},
    )
    assert result.returncode == 0 and "Publication checks passed" in result.stdout, result.stdout + result.stderr
    check = subprocess.run([sys.executable, "-c", blocked + "import mkdocs"], capture_output=True, text=True)
    assert check.returncode != 0  # the block holds


def test_every_rule_is_in_the_table_and_in_the_error_reference():
    used = set()
    for module in PACKAGE.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        used.update(re.findall(r'ContentError\(\s*[^,]+,\s*"([a-z0-9-]+)"', text))
        used.update(re.findall(r'problem\(\s*"([a-z0-9-]+)"', text))
    assert used <= set(RULES), used - set(RULES)
    reference = (ROOT / "FOUTMELDINGEN.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"(?m)^\| `([a-z0-9-]+)`", reference))
    assert listed == set(RULES), {"not in FOUTMELDINGEN.md": set(RULES) - listed, "not a rule": listed - set(RULES)}


def test_every_rule_that_fails_the_build_has_a_test_with_a_bad_input():
    """Each error rule is named, as the rule a test expects, in some test file besides this one."""
    tests = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("test_*.py") if path.name != "test_layout.py")
    errors = {rule for rule, definition in RULES.items() if not definition.warning}
    # As the rule a test expects ("rule-id") or in the message it expects ([rule-id]).
    untested = {rule for rule in errors if not re.search(rf'"{rule}"|\\?\[{rule}\\?\]', tests)}
    assert not untested, untested
