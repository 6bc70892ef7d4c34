"""Contacts as a CSV file that spreadsheets open safely.

UTF-8 with a BOM (so Excel reads it as UTF-8), CRLF, every field quoted when needed by
`csv`. A cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return) would be run
as a formula by Excel, LibreOffice or Google Sheets; it gets a leading apostrophe, which
the spreadsheet shows as text. This happens on export only: imports keep values as typed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from desktop.domain.records import Contact

HEADER = [
    "First Name", "Last Name", "Company", "Role", "E-mails", "Phones", "LinkedIn URL",
    "Location", "Source", "Tags", "Keep in touch (days)", "Connected On", "Archived",
    "Research",
]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell value a spreadsheet will not evaluate: "=1+1" becomes "'=1+1"."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _labelled(items) -> str:
    return "; ".join(f"{i.value} ({i.label})" if i.label else i.value for i in items)


def row(contact: Contact) -> list[str]:
    values = [
        contact.first_name,
        contact.last_name,
        contact.company,
        contact.role,
        _labelled(contact.emails),
        _labelled(contact.phones),
        contact.linkedin_url,
        contact.location,
        contact.source.label,
        "; ".join(contact.tags),
        "" if contact.cadence_days is None else str(contact.cadence_days),
        contact.connected_on.isoformat() if contact.connected_on else "",
        "yes" if contact.archived else "",
        contact.research,
    ]
    return [neutralise(v) for v in values]


def write(contacts: Iterable[Contact]) -> str:
    """The CSV text (without BOM: `ENCODING` adds it when the caller encodes)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for contact in contacts:
        writer.writerow(row(contact))
    return buffer.getvalue()


ENCODING = "utf-8-sig"
