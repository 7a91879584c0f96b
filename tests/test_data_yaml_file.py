"""Reading data files (rls_site.data.yaml_file)."""

from __future__ import annotations

import pytest
import yaml

from rls_site.data.yaml_file import parse_yaml
from rls_site.errors import ContentError

# The messages' words are read here: in English (Dutch is the default).
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)], ids=["python", "libyaml"])
def test_data_files_read_the_same_with_or_without_libyaml(monkeypatch, loader):
    from rls_site.data import yaml_file

    monkeypatch.setattr(yaml_file, "_Loader", loader)
    parsed = parse_yaml("partners:\n  - host: shop.example\n    name: Winkel\n", "data/partners.yml")
    assert parsed.data == {"partners": [{"host": "shop.example", "name": "Winkel"}]} and parsed.line_of("partners", 0, "name") == 3
    assert parse_yaml("", "data/partners.yml").data is None
    for text in ("a: 1\x07\n", "a:\n\t- b\n", "a: [1\nb: 2\n"):
        with pytest.raises(ContentError) as caught:
            parse_yaml(text, "data/partners.yml")
        assert caught.value.rule == "yaml-syntax" and caught.value.file == "data/partners.yml"
