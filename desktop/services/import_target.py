"""One contact as an import plans it: the stored values, what the file adds, what changes.

Used by `imports` while it plans; a `ImportTarget` is either a contact already in the database
or one the file adds, and `absorb` merges a parsed record into it by the import rules.
"""

from __future__ import annotations

from datetime import date

from desktop.domain.importing import ContactChange
from desktop.domain.records import Contact, Labelled
from desktop.domain.rules import email_key, fold
from desktop.services.import_write import company_key, phone_key

FIELDS = ("first_name", "last_name", "role", "company", "location", "linkedin_url",
          "research", "connected_on")
# Fields a later import may overwrite when the user has not edited them.
REFRESHED = ("company", "role")
_FIELD_LABELS = {"first_name": "first name", "last_name": "last name",
                 "linkedin_url": "LinkedIn URL", "connected_on": "connected on"}

class ImportTarget:
    """A contact being planned: an existing one receiving merges, or a new one."""

    __slots__ = ("id", "line", "values", "edited", "emails", "email_keys", "phones",
                 "phone_keys", "tags", "tag_keys", "changed", "first", "merged", "ref")

    def __init__(self, values: dict, *, id: int | None = None, line: int | None = None,
                 edited: frozenset[str] = frozenset()):
        self.id, self.line, self.values, self.edited = id, line, values, edited
        self.emails: list[Labelled] = []  # existing contact: only the ones to add
        self.phones: list[Labelled] = []
        self.tags: list[str] = []
        self.email_keys: set[str] = set()
        self.phone_keys: set[str] = set()
        self.tag_keys: set[str] = set()
        self.changed: set[str] = set()  # fields given a new value
        self.first: Contact | None = None
        self.merged = False
        self.ref = id or 0  # the planner's reference: the id, or -(index + 1) when new

    @classmethod
    def new(cls, contact: Contact, line: int) -> ImportTarget:
        """A contact to create from its first record (the common, fast case)."""
        target = cls({name: getattr(contact, name) for name in FIELDS}, line=line)
        target.first = contact
        target.emails = list(contact.emails)
        target.phones = list(contact.phones)
        target.tags = list(contact.tags)
        target.email_keys = {email_key(e.value) for e in contact.emails}
        if contact.phones:
            target.phone_keys = {phone_key(p.value) for p in contact.phones}
        if contact.tags:
            target.tag_keys = {fold(t) for t in contact.tags}
        return target

    @property
    def name(self) -> str:
        v = self.values
        return f"{v['first_name']} {v['last_name']}".strip() or v["company"] or "(no name)"

    def absorb(self, contact: Contact) -> list[str]:
        """Merges `contact` in; returns what changed, in a few words each."""
        self.merged = True
        changes = []
        existing = self.id is not None
        for name in FIELDS:
            new = getattr(contact, name)
            if not new:
                continue
            old = self.values[name]
            if not old:
                self.values[name] = new
            elif (existing and name in REFRESHED and name not in self.edited
                  and differs(name, old, new)):
                self.values[name] = new
            else:
                continue
            self.changed.add(name)
            label = _FIELD_LABELS.get(name, name)
            changes.append(f"{label}: “{old}” → “{new}”" if old else f"{label}: “{new}”")
        for kind, items, keys, key_of, into in (
            ("e-mail", contact.emails, self.email_keys, email_key, self.emails),
            ("phone", contact.phones, self.phone_keys, phone_key, self.phones),
        ):
            for item in items:
                key = key_of(item.value)
                if key and key not in keys:
                    keys.add(key)
                    into.append(item)
                    changes.append(f"+ {kind} {item.value}")
        for tag in contact.tags:
            key = fold(tag)
            if key and key not in self.tag_keys:
                self.tag_keys.add(key)
                self.tags.append(tag)
                changes.append(f"+ tag {tag}")
        return changes

    def as_contact(self) -> Contact:
        assert self.first is not None
        if not self.merged:
            return self.first
        v = self.values
        return Contact(
            first_name=v["first_name"], last_name=v["last_name"], role=v["role"],
            company=v["company"], location=v["location"], linkedin_url=v["linkedin_url"],
            research=v["research"], connected_on=v["connected_on"],
            emails=tuple(self.emails), phones=tuple(self.phones), tags=tuple(self.tags),
            source=self.first.source, cadence_days=self.first.cadence_days,
        )

    def change(self) -> ContactChange | None:
        """For an existing contact: what the commit must write; None when nothing."""
        if self.id is None or not (self.changed or self.emails or self.phones or self.tags):
            return None
        values = tuple((name, self.values[name]) for name in FIELDS if name in self.changed)
        return ContactChange(self.id, values, tuple(self.emails), tuple(self.phones),
                             tuple(self.tags))


def differs(name: str, old, new) -> bool:
    if name == "company":
        return company_key(old) != company_key(new)
    return str(old).strip() != str(new).strip()


def as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
