"""The GitHub Actions workflows and the pre-commit configuration.

The workflows cannot run here, so they are checked as far as can be without GitHub: valid against
the published GitHub workflow schema (check-jsonschema ships it, so this works offline; actionlint
is not installable from the package registries), every action pinned to a version, every
`make TARGET` they run defined in the Makefile, and the order the issue asks for (tests before
deployment). The pre-commit configuration is checked with pre-commit's own validator.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml"))
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The `on:` block; YAML 1.1 (PyYAML) reads the bare key `on` as True."""
    value = workflow.get("on", workflow.get(True))
    if isinstance(value, str):
        return {value: None}
    if isinstance(value, list):
        return dict.fromkeys(value)
    return value or {}


def steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(job_id, step) for job_id, job in workflow["jobs"].items() for step in job.get("steps", [])]


def step_using(job_steps: list[dict], action: str, **with_values) -> dict:
    """The first step that uses `action` (any version), with these `with:` values."""
    return next(
        step
        for step in job_steps
        if step.get("uses", "").startswith(f"{action}@") and all(step.get("with", {}).get(k) == v for k, v in with_values.items())
    )


def makefile_targets(makefile: str) -> set[str]:
    """Names before a ':' at the start of a rule line (not variable assignments like 'X := 1')."""
    return {m.group(1) for m in re.finditer(r"(?m)^([A-Za-z0-9][\w.-]*)\s*:(?!=)", makefile)}


def make_calls(script: str) -> list[str]:
    """Targets of every `make` command in a shell script; options and VAR=value are not targets."""
    targets = []
    for command in re.split(r"&&|\|\||[;|\n]", script):
        words = command.split()
        if words and words[0] == "make":
            for word in words[1:]:
                if word.startswith((">", "2>", "<")):
                    break
                if not word.startswith("-") and "=" not in word:
                    targets.append(word)
    return targets


def test_workflows_exist():
    assert {path.name for path in WORKFLOW_FILES} >= {"pr.yml", "deploy.yml"}


def test_helpers_read_makefiles_and_scripts():
    assert makefile_targets("X := 1\n$(STAMP): a\nbuild: $(STAMP) ## b\n\tcmd\ntest-all:\n") == {"build", "test-all"}
    script = "make build\nmake test CHROMIUM=/usr/bin/chromium && make -j2 report > /dev/null\necho make x"
    assert make_calls(script) == ["build", "test", "report"]


def test_workflows_match_the_github_schema():
    result = subprocess.run([*CHECK_JSONSCHEMA, *map(str, WORKFLOW_FILES)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_mistake(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: pull_request\njobs:\n  test:\n    runs_on: ubuntu-24.04\n    steps:\n      - run: make test\n")
    result = subprocess.run([*CHECK_JSONSCHEMA, str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "'runs-on' is a required property" in result.stdout


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_make_target_exists(path):
    targets = makefile_targets((ROOT / "Makefile").read_text(encoding="utf-8"))
    called = [target for _, step in steps(load(path)) for target in make_calls(step.get("run", ""))]
    assert called, f"{path.name} runs no make command"
    assert [target for target in called if target not in targets] == []


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_version(path):
    uses = [step["uses"] for _, step in steps(load(path)) if "uses" in step]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", action), f"{action}: pin it to a version, like @v5"
    for _, step in steps(load(path)):
        assert ("uses" in step) != ("run" in step), f"a step needs either 'uses' or 'run': {step}"


def test_pull_request_workflow():
    workflow = load(WORKFLOWS / "pr.yml")
    assert "pull_request" in triggers(workflow)
    all_steps = [step for _, step in steps(workflow)]
    scripts = "\n".join(step.get("run", "") for step in all_steps)
    assert {"test", "build", "report"} <= set(make_calls(scripts))
    assert re.search(r'cat content-report\.md >> "\$GITHUB_STEP_SUMMARY"', scripts)
    assert step_using(all_steps, "actions/upload-artifact", name="site-preview")["with"]["path"].rstrip("/") == "site"
    assert str(step_using(all_steps, "actions/setup-python")["with"]["python-version"]) == "3.11"
    assert workflow["permissions"] == {"contents": "read"}
    # The annotations come from the build within about two minutes of a push: its job builds
    # straight after checkout and Python, and the tests run in a job of their own, beside it.
    jobs = {job_id: [step for job, step in steps(workflow) if job == job_id] for job_id in workflow["jobs"]}
    [build_job] = [job for job, job_steps in jobs.items() if "build" in make_calls("\n".join(s.get("run", "") for s in job_steps))]
    before_build = list(itertools.takewhile(lambda step: "build" not in make_calls(step.get("run", "")), jobs[build_job]))
    assert [step.get("uses", "").split("@")[0] for step in before_build] == ["actions/checkout", "actions/setup-python"]
    assert "test" not in make_calls("\n".join(step.get("run", "") for step in jobs[build_job]))
    [test_job] = [job for job, job_steps in jobs.items() if "test" in make_calls("\n".join(s.get("run", "") for s in job_steps))]
    assert "needs" not in workflow["jobs"][test_job]


def test_the_pull_request_template_asks_editors_for_make_build_or_check_only():
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    asked = set(re.findall(r"`make ([a-z-]+)`", template))
    assert asked and asked <= {"build", "check"}, asked


def test_deploy_workflow_deploys_only_after_the_checks_and_keeps_the_previews():
    workflow = load(WORKFLOWS / "deploy.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    test_scripts = "\n".join(step.get("run", "") for step in jobs["test"]["steps"])
    assert {"test", "build"} <= set(make_calls(test_scripts))

    deploy = jobs["deploy"]
    needs = deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]]
    assert "test" in needs
    assert "if" not in deploy
    assert deploy["permissions"]["contents"] == "write"
    assert deploy["environment"]["name"] == "github-pages"
    # The site is built for the address configure-pages reports, and the environment links to it.
    configure = step_using(deploy["steps"], "actions/configure-pages")
    build = next(step for step in deploy["steps"] if "build" in make_calls(step.get("run", "")))
    assert build["env"]["SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}/"
    assert deploy["environment"]["url"] == "${{ steps." + configure["id"] + ".outputs.base_url }}/"
    # Pushed to the branch the previews live in, without removing them or rewriting the branch.
    push = step_using(deploy["steps"], "JamesIves/github-pages-deploy-action")["with"]
    assert push["folder"].rstrip("/") == "site" and push["branch"] == "gh-pages"
    assert push["clean-exclude"].rstrip("/") == "pr-preview" and push["force"] is False
    assert "touch site/.nojekyll" in build["run"]  # served as built, without Jekyll
    order = [step.get("uses", step.get("run", "")).split("@")[0] for step in deploy["steps"]]
    assert order.index("actions/configure-pages") < order.index(build["run"]) < order.index("JamesIves/github-pages-deploy-action")


def test_preview_workflow_publishes_each_pull_request_at_its_own_address():
    workflow = load(WORKFLOWS / "preview.yml")
    assert set(triggers(workflow)["pull_request"]["types"]) == {"opened", "reopened", "synchronize", "closed"}
    assert workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["preview"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "pages": "read"}
    # Pull requests from forks have no token that may write here: they get pr.yml's copy instead.
    assert job["if"] == "github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]'"
    build = next(step for step in job["steps"] if "build" in make_calls(step.get("run", "")))
    assert build["if"] == "github.event.action != 'closed'"  # a closed pull request only removes its preview
    preview = step_using(job["steps"], "rossjrw/pr-preview-action")["with"]
    assert preview["source-dir"].rstrip("/") == "site" and preview["action"] == "auto"
    # Built for the address the action publishes at: <Pages address>/<umbrella-dir>/pr-<number>/,
    # the Pages address as configure-pages reports it (a custom domain included), and the action's
    # link in its comment made from the same address.
    configure = step_using(job["steps"], "actions/configure-pages")
    assert build["env"]["SITE_URL"] == (
        "${{ steps."
        + configure["id"]
        + ".outputs.base_url }}/"
        + f"{preview['umbrella-dir']}/pr-${{{{ github.event.pull_request.number }}}}/"
    )
    assert preview["pages-base-url"] == "${{ steps.pages.outputs.host }}${{ steps.pages.outputs.base_path }}"
    # Unindexed, and not annotated twice (pr.yml's build does that).
    assert build["env"]["RLS_PREVIEW"] == "true" and build["env"]["RLS_ANNOTATIONS"] == "off"
    # The same branch and folder the production deployment keeps.
    deploy = step_using(load(WORKFLOWS / "deploy.yml")["jobs"]["deploy"]["steps"], "JamesIves/github-pages-deploy-action")["with"]
    assert preview["preview-branch"] == deploy["branch"] and preview["umbrella-dir"] == deploy["clean-exclude"].rstrip("/")
    assert preview["qr-code"] is False  # the default comment would load the QR code from another service


ACTION_INPUTS = yaml.safe_load((ROOT / "tests" / "action_inputs.yml").read_text(encoding="utf-8"))


def input_problems(workflow: dict, text: str) -> list[str]:
    """Steps that give an input their action does not have or miss a required one, and outputs
    read (`steps.ID.outputs.NAME` in `text`) that the step does not give."""
    problems = []
    for _, step in steps(workflow):
        if "uses" not in step:
            continue
        action = ACTION_INPUTS.get(step["uses"])
        if action is None:
            problems.append(f"{step['uses']}: add its inputs to tests/action_inputs.yml")
            continue
        given = set(step.get("with", {}))
        problems += [f"{step['uses']}: no input '{name}'" for name in sorted(given - set(action["inputs"]))]
        problems += [f"{step['uses']}: input '{name}' missing" for name in sorted(set(action.get("required", [])) - given)]
    ids = {step["id"]: ACTION_INPUTS.get(step["uses"], {}) for _, step in steps(workflow) if "id" in step and "uses" in step}
    for step_id, output in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", text):
        if output not in ids.get(step_id, {}).get("outputs", []):
            problems.append(f"steps.{step_id}.outputs.{output} is not an output of that step")
    return problems


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_step_gives_only_inputs_its_action_has_and_reads_only_outputs_it_gives(path):
    assert input_problems(load(path), path.read_text(encoding="utf-8")) == []


def test_the_input_check_catches_wrong_inputs_and_outputs():
    text = """
jobs:
  a:
    steps:
      - uses: rossjrw/pr-preview-action@v1
        id: preview
        with: {source_dir: site}
      - uses: actions/upload-artifact@v6
        with: {name: x}
      - uses: some/action@v1
      - run: echo ${{ steps.preview.outputs.url }}
"""
    assert input_problems(yaml.safe_load(text), text) == [
        "rossjrw/pr-preview-action@v1: no input 'source_dir'",
        "actions/upload-artifact@v6: input 'path' missing",
        "some/action@v1: add its inputs to tests/action_inputs.yml",
        "steps.preview.outputs.url is not an output of that step",
    ]


# --- pre-commit ---------------------------------------------------------------------------------


def pre_commit_hooks() -> dict[str, tuple[dict, dict]]:
    """Every hook by id, with its repository entry."""
    config = load(PRE_COMMIT)
    return {hook["id"]: (repo, hook) for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_config_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(PRE_COMMIT)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_validator_catches_a_mistake(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    hooks:\n      - id: check-yaml\n")
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(broken)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "Missing required key: rev" in result.stdout + result.stderr


def test_pre_commit_runs_ruff_on_hooks_and_tests_with_the_pinned_version():
    repo, hook = pre_commit_hooks()["ruff-check"]
    assert repo["repo"] == "https://github.com/astral-sh/ruff-pre-commit"
    pinned = re.search(r"(?m)^ruff==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8")).group(1)
    assert repo["rev"] == f"v{pinned}"
    files = re.compile(hook["files"])
    assert files.search("hooks/rls_site/report.py") and files.search("tests/test_report.py")
    assert not files.search("docs/index.md")


def test_pre_commit_checks_yaml_and_whitespace():
    hooks = pre_commit_hooks()
    assert {"check-yaml", "trailing-whitespace"} <= set(hooks)
    for repo, _ in hooks.values():
        assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"]), f"{repo['repo']}: pin rev to a release tag"
    # mkdocs.yml uses !ENV, which a plain YAML load rejects: check-yaml must only check syntax.
    with pytest.raises(yaml.constructor.ConstructorError):
        load(ROOT / "mkdocs.yml")
    _, check_yaml = hooks["check-yaml"]
    assert "--unsafe" in check_yaml.get("args", []) or re.search(check_yaml.get("exclude", "^$"), "mkdocs.yml")
    _, whitespace = hooks["trailing-whitespace"]
    assert "--markdown-linebreak-ext=md" in whitespace.get("args", [])
