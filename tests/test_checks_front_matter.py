"""Front matter (rls_site.checks.front_matter): values as written, with their lines."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from check_samples import (
    page_source,
)
from conftest import ROOT
from rls_site.checks.front_matter import _simple_block, read_front_matter
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


def read_by_yaml(block: str) -> tuple[dict, dict]:
    """Values and lines as PyYAML reads a front matter block, for the shortcut to agree with."""
    node = yaml.compose(block, Loader=yaml.SafeLoader)
    assert isinstance(node, yaml.MappingNode)
    values = {str(k.value): (v.value if isinstance(v, yaml.ScalarNode) else None) for k, v in node.value}
    return values, {str(k.value): k.start_mark.line + 2 for k, _ in node.value}


@settings(max_examples=1000)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["title", "next_review", "a-b", "_x", "9", "x y", "-x"]),
            st.sampled_from([": ", ":  ", ":", " : ", ":\t"]),
            st.sampled_from(["", "a", "é", "9", "-", "'", "["]).flatmap(
                lambda first: st.text(alphabet=st.sampled_from("aé9 -:#'\"?[]{},.&*!|>%@`~()/=+;$\t\x85\u2028_\x00"), max_size=10).map(
                    lambda rest: first + rest
                )
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
@example([("title", ": ", "Let op: dit")])
@example([("title", ": ", "a #b")])
@example([("title", ": ", "a\u2028b")])
def test_simple_front_matter_is_read_as_yaml_reads_it(lines):
    block = "".join(f"{key}{colon}{value}\n" for key, colon, value in lines)
    simple = _simple_block(block)
    if simple is not None:  # the shortcut took it: YAML must read it, and the same
        assert (dict(simple[0]), dict(simple[1])) == read_by_yaml(block)


def test_front_matter_as_editors_write_it_takes_the_shortcut():
    for path in (ROOT / "docs").glob("*.md"):
        assert _simple_block(re.match(r"---\n(.*?\n)---\n", path.read_text(encoding="utf-8"), re.DOTALL).group(1)) is not None, path
