"""Front matter (rls_site.front_matter): values as written, with their lines."""

from __future__ import annotations

import re

import pytest
import yaml

from check_samples import (
    page_source,
)
from conftest import ROOT
from rls_site.front_matter import read_front_matter
from rls_site.errors import ContentError

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


def test_front_matter_keeps_values_as_written_with_their_lines():
    meta = read_front_matter(page_source(last_reviewed="2026-13-01"), "docs/x.md")
    assert meta.text("last_reviewed") == "2026-13-01"  # not a parse error, not silently dropped
    assert meta.line("title") == 2 and meta.line("next_review") == 6
    assert meta.line("missing") == 1


@pytest.mark.parametrize("source, line", [("# Geen front matter\n", 1), ("---\ntitle: [open\n---\n", 3), ("---\n- a\n---\n", 2)])
def test_front_matter_missing_or_broken_is_an_error_with_its_line(source, line):
    with pytest.raises(ContentError) as caught:
        read_front_matter(source, "docs/x.md")
    assert (caught.value.rule, caught.value.line) == ("front-matter", line)
    with pytest.raises(ContentError):  # read again (a parsed block is reused): the same error
        read_front_matter(source, "docs/x.md")


def test_front_matter_read_twice_is_read_the_same_and_apart():
    first, again = read_front_matter(page_source(), "docs/x.md"), read_front_matter(page_source(), "docs/x.md")
    assert first == again and first.values is not again.values
    assert read_front_matter(page_source(), "docs/y.md").file == "docs/y.md"
