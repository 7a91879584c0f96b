"""Partners, `data/partners.yml`: the hosts of companies that pay the site for a link.

Empty today (`partners: []`). Checked against data/schemas/partners.schema.json; a host listed
twice is a problem too. The rules for partner links in pages are in rls_site.markdown.links (the
Markdown) and rls_site.checks.partners (the built pages).
"""

from __future__ import annotations

from rls_site.data.schema import check_schema, load_schema
from rls_site.data.yaml_file import YamlData
from rls_site.errors import ContentError, raise_all

DATA_FILE = "data/partners.yml"


def validate_partners(data: YamlData) -> list[str]:
    """The partner hosts, or every problem in the file together."""
    errors = check_schema(data, load_schema("partners"), "partners-data")
    raise_all(errors)
    hosts: list[str] = []
    for index, partner in enumerate(data.data["partners"]):
        host = partner["host"].lower()
        if host in hosts:
            errors.append(
                ContentError(
                    data.path,
                    "partners-data",
                    line=data.line_of("partners", index),
                    nl=f"partner '{host}' staat er twee keer in.",
                    en=f"partner '{host}' is listed twice.",
                    fix_nl="haal een van de twee weg.",
                    fix_en="remove one of the two entries.",
                )
            )
        hosts.append(host)
    raise_all(errors)
    return hosts
