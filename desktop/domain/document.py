"""A whole database as plain records, section by section: what export and import carry.

The store side (`desktop.services.transfer`) fills and reads a `Document`; the file side
(`desktop.io.json_format`) writes and parses one. A record is a dict keyed by field name
with values of their Python types (`str`, `int`, `bool`, `date`, `datetime`, the domain's
enums); a reference to another record is that record's `uid`, or None. The fields of each
section are listed in `desktop.io.json_schema` and docs/json-format.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# The sections in the order they are written and imported: what a record refers to
# comes before it.
SECTION_NAMES: tuple[str, ...] = (
    "tags", "companies", "contacts", "questions", "chats", "notes", "insights", "follow_ups",
    "interactions",
)

Record = dict[str, Any]


@dataclass(frozen=True)
class Document:
    """Every record of a database (or a part of it), plus the free-form settings."""

    sections: dict[str, tuple[Record, ...]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    exported_at: datetime | None = None
    app_version: str = ""

    def records(self, section: str) -> tuple[Record, ...]:
        return self.sections.get(section, ())

    def counts(self) -> dict[str, int]:
        return {name: len(self.records(name)) for name in SECTION_NAMES}
