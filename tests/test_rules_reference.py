"""FOUTMELDINGEN.md, the editors' reference of every error, is written from the rules table and kept in step with it."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT
from rls_site.rules import RULES, reference


def test_the_error_reference_is_the_rules_table_as_written_by_make_errors():
    written = (ROOT / "FOUTMELDINGEN.md").read_text(encoding="utf-8")
    assert written == reference(), "FOUTMELDINGEN.md is out of date: run make errors"


def test_the_reference_lists_every_rule_once_with_its_dutch_title_and_fix():
    text = reference()
    rows = re.findall(r"(?m)^\| `([a-z0-9-]+)` \| (.+?) \| (.+) \|$", text)
    assert [rule for rule, _, _ in rows] == list(RULES)
    for rule, title, fix in rows:
        assert title.startswith(RULES[rule].title.nl.replace("<base href>", "`<base href>`")), rule
        assert ("(waarschuwing)" in title) == RULES[rule].warning, rule
        assert fix, rule


def test_the_command_prints_the_reference():
    result = subprocess.run([sys.executable, "-m", "rls_site.rules"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0 and result.stdout == reference()
