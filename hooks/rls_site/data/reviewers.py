"""Who reviews the pages: the entries of `data/reviewers.yml`, which every page names by id.

A page's front matter says `reviewed_by: redactie`; the build shows that entry's name and
qualification beside the review dates, says so plainly when the reviewer is not a doctor, and
writes the entry as the page's JSON-LD `reviewedBy`. An unknown id, or an entry without a
qualification, stops the build (review_dates.py, data/schemas/reviewers.schema.json).
Pure functions, usable without MkDocs; hooks/publication_checks.py calls them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rls_site.data.schema import check_entries, check_schema, load_schema
from rls_site.data.yaml_file import YamlData
from rls_site.errors import raise_all
from rls_site.rules import Text

DATA_FILE = "data/reviewers.yml"


@dataclass(frozen=True)
class Reviewer:
    id: str
    type: str  # 'organization' or 'person'
    physician: bool
    name: dict[str, str]
    qualification: dict[str, str]

    def texts(self, lang: str) -> dict:
        """What the page shows: name and qualification in `lang`, and whether a doctor reviewed it."""
        return {"id": self.id, "name": self.name[lang], "qualification": self.qualification[lang], "physician": self.physician}

    def structured_data(self, lang: str) -> dict:
        """The reviewer as schema.org data (MedicalWebPage.reviewedBy)."""
        if self.type == "person":
            return {"@type": "Person", "name": self.name[lang], "jobTitle": self.qualification[lang]}
        return {"@type": "Organization", "name": self.name[lang], "description": self.qualification[lang]}


def validate_reviewers(data: YamlData, languages: list[str]) -> dict[str, Reviewer]:
    """The reviewers by id, or every problem in the file together."""
    errors = check_schema(data, load_schema("reviewers"), "reviewers-data")
    raise_all(errors)
    entries, entry_errors = check_entries(
        data,
        "reviewers",
        ("name", "qualification"),
        languages,
        "reviewers-data",
        Text("de id van controleur", "the reviewer id"),
        Text("controleur", "reviewer"),
    )
    errors.extend(entry_errors)
    reviewers = {
        key: Reviewer(key, entry["type"], entry["physician"], dict(entry["name"]), dict(entry["qualification"]))
        for key, entry in entries.items()
    }
    raise_all(errors)
    return reviewers
