"""Records of an import: what a file held, what importing it would do, and what it did.

`desktop.io` readers return a `ParsedFile`; `desktop.services.imports.preview` turns it
into an `ImportPreview` (new contacts, merges with whom and on which key, rejected rows
with line numbers); `commit` writes that plan in one transaction and returns an
`ImportResult`. They live in the domain so io, services and the UI can all hold them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.records import Contact, Labelled

# Keys an imported record is matched on, in the order they are tried (the same words as
# `DuplicatePair.reason`), and how the summary names them.
KEY_LABELS = {"linkedin": "LinkedIn URL", "email": "e-mail", "name": "name and company"}


@dataclass(frozen=True, slots=True)
class ParsedContact:
    """One contact read from a file (id None), and the line where its record starts."""

    contact: Contact
    line: int


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that could not be imported: the line where it starts, and why (for people)."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """Everything a reader understood in a file: `format` is "linkedin", "google", ..."""

    format: str
    contacts: list[ParsedContact] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ImportMatch:
    """Why a record merges rather than adds: the key, its value, and with whom.

    Either `contact_id` (a contact already in the database) or `line` (an earlier record
    of the same file) is set; `name` is that contact's display name.
    """

    key: str  # "linkedin", "email" or "name"
    value: str
    name: str = ""
    contact_id: int | None = None
    line: int | None = None

    def describe(self) -> str:
        """"contact 12 “Anna Kowalska” (same e-mail: anna@x.com)" or "line 7 (...)"."""
        whom = f"contact {self.contact_id}" if self.contact_id is not None else f"line {self.line}"
        if self.name:
            whom += f" “{self.name}”"
        return f"{whom} (same {KEY_LABELS.get(self.key, self.key)}: {self.value})"


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One record of the file in the preview: added (match None) or merged (match set).

    `changes` says in a few words what a merge would change in the existing contact.
    """

    line: int
    contact: Contact
    match: ImportMatch | None = None
    changes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ContactChange:
    """What a commit changes in one existing contact: field values and additions."""

    contact_id: int
    values: tuple[tuple[str, object], ...] = ()  # (field, new value); company is a name
    emails: tuple[Labelled, ...] = ()
    phones: tuple[Labelled, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing a file would do; nothing has been written yet.

    `to_add` are the contacts to create (records of the same person within the file
    already combined); `to_change` the existing contacts to update. `fingerprint` tells
    `commit` whether the database changed since, in which case it plans again.
    """

    format: str
    added: tuple[ImportItem, ...] = ()
    merged: tuple[ImportItem, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    to_add: tuple[ParsedContact, ...] = ()
    to_change: tuple[ContactChange, ...] = ()
    parsed: ParsedFile | None = None
    fingerprint: tuple = ()

    @property
    def importable(self) -> int:
        """How many records of the file would be imported (added or merged)."""
        return len(self.added) + len(self.merged)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What a commit did: counts, and the ids of the contacts it created."""

    added: int = 0
    merged: int = 0
    changed: int = 0  # existing contacts that received new values
    rejected: int = 0
    new_ids: tuple[int, ...] = ()
