"""Importing contacts: a preview that writes nothing, then one transaction that writes it all.

`preview(store, parsed)` matches every record of a parsed file against the database and
against the earlier records of the same file, on the keys of `desktop.domain.rules`
(LinkedIn URL, then e-mail, then name + company), and says what would be added, merged
(with whom, on which key, changing what) and rejected. `commit(store, preview)` writes it
in one transaction, planning again first if the database changed since the preview.

Merging fills empty fields and adds new e-mails, phones and tags. Company and role are
also updated from a later export unless the user typed them (`contact.edited_fields`):
what the user typed always wins. Importing the same file twice adds nobody.

The database's keys are loaded into dicts once; the writing is in `import_write`.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.db import Store
from desktop.domain.importing import (
    ImportItem,
    ImportMatch,
    ImportPreview,
    ImportResult,
    ParsedContact,
    ParsedFile,
)
from desktop.domain.records import Contact
from desktop.domain.rules import email_key, fold
from desktop.errors import UserError
from desktop.services import import_write
from desktop.services.import_target import FIELDS, REFRESHED, ImportTarget, as_date, differs
from desktop.services.import_write import linkedin_key, name_key, phone_key

_CONTACTS_SQL = """
SELECT c.id, c.first_name, c.last_name, c.role, coalesce(co.name, ''), c.location,
       c.linkedin_url, c.research, c.connected_on, c.edited_fields, c.linkedin_key
  FROM contact c LEFT JOIN company co ON co.id = c.company_id ORDER BY c.id
"""


class _Planner:
    """Matches records to contacts; holds the database's keys, loaded once.

    The key dicts map to an existing contact's id (> 0) or to a contact planned earlier
    in this file, as -(its index in `new` + 1). A planned contact stays the record it was
    read as until a later record merges into it (rare), which keeps big files fast.
    """

    def __init__(self, store: Store):
        self.db = store.db
        self.rows: dict[int, tuple] = {}
        self.by_linkedin: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.emails_of: dict[int, list[str]] = {}
        for row in self.db.execute_sql(_CONTACTS_SQL):
            self.rows[row[0]] = row
            if row[10]:
                self.by_linkedin.setdefault(row[10], row[0])
        for cid, key in self.db.execute_sql(
            "SELECT contact_id, value_key FROM contact_email ORDER BY contact_id, position"
        ):
            self.by_email.setdefault(key, cid)
            self.emails_of.setdefault(cid, []).append(key)
        # name + company keys, built only when a record needs them: (all, without URL)
        self.existing_names: tuple[dict[str, int], dict[str, int]] | None = None
        self.new_names: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self.new_named = [0, 0]  # how many of `new` each of new_names has seen
        self.new: list[ParsedContact | ImportTarget] = []
        self.targets: dict[int, ImportTarget] = {}
        self.phones_of: dict[int, list[str]] | None = None
        self.tags_of: dict[int, list[str]] = {}

    def existing(self, cid: int) -> ImportTarget:
        target = self.targets.get(cid)
        if target is None:
            row = self.rows[cid]
            values = dict(zip(FIELDS, (*row[1:8], as_date(row[8])), strict=True))
            edited = frozenset(filter(None, (row[9] or "").split(",")))
            target = ImportTarget(values, id=cid, edited=edited)
            self._load_extras()
            assert self.phones_of is not None
            target.email_keys.update(self.emails_of.get(cid, ()))
            target.phone_keys.update(self.phones_of.get(cid, ()))
            target.tag_keys.update(self.tags_of.get(cid, ()))
            self.targets[cid] = target
        return target

    def _load_extras(self) -> None:
        if self.phones_of is not None:
            return
        self.phones_of = {}
        for cid, value in self.db.execute_sql("SELECT contact_id, value FROM contact_phone"):
            self.phones_of.setdefault(cid, []).append(phone_key(value))
        for cid, key in self.db.execute_sql(
            "SELECT ct.contact_id, t.name_key FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id"
        ):
            self.tags_of.setdefault(cid, []).append(key)

    def _names(self, urlless: bool) -> tuple[dict[str, int], dict[str, int]]:
        """(existing, new) name indexes: of every contact, or only of those without a URL.

        A record with a LinkedIn URL can only be the same person as a contact without
        one (a different URL is a different person), and LinkedIn exports give every row
        a URL, so the keys of a big export are usually never computed at all.
        """
        which = 1 if urlless else 0
        if self.existing_names is None:
            every: dict[str, int] = {}
            bare: dict[str, int] = {}
            for row in self.rows.values():
                key = name_key(row[1], row[2], row[4])
                if key:
                    every.setdefault(key, row[0])
                    if not row[10]:
                        bare.setdefault(key, row[0])
            self.existing_names = (every, bare)
        index = self.new_names[which]
        for position in range(self.new_named[which], len(self.new)):
            entry = self.new[position]
            if isinstance(entry, ParsedContact):
                first, last, company, url = (entry.contact.first_name, entry.contact.last_name,
                                             entry.contact.company, entry.contact.linkedin_url)
            else:
                v = entry.values
                first, last, company, url = (v["first_name"], v["last_name"], v["company"],
                                             v["linkedin_url"])
            if urlless and url:
                continue
            key = name_key(first, last, company)
            if key:
                index.setdefault(key, -position - 1)
        self.new_named[which] = len(self.new)
        return self.existing_names[which], index

    def resolve(self, ref: int) -> ImportTarget:
        if ref > 0:
            return self.existing(ref)
        entry = self.new[-ref - 1]
        if isinstance(entry, ParsedContact):
            entry = self.new[-ref - 1] = ImportTarget.new(entry.contact, entry.line)
            entry.ref = ref
        return entry

    def match(self, contact: Contact, lk: str,
              eks: list[tuple[str, str]]) -> tuple[int, str, str] | None:
        """(reference, key, matched value) of the contact this record is; None if new."""
        if lk and lk in self.by_linkedin:
            return self.by_linkedin[lk], "linkedin", contact.linkedin_url
        for key, value in eks:
            if key in self.by_email:
                return self.by_email[key], "email", value
        indexes = self._names(urlless=bool(lk))
        if not (indexes[0] or indexes[1]):
            return None
        nk = name_key(contact.first_name, contact.last_name, contact.company)
        if not nk:
            return None
        for index in indexes:
            ref = index.get(nk)
            if ref is None:
                continue
            other = self._url_key(ref)
            if lk and other and other != lk:
                continue  # two people of one name at one company, told apart by their URLs
            return ref, "name", ", ".join(p for p in (contact.full_name, contact.company) if p)
        return None

    def _url_key(self, ref: int) -> str:
        if ref in self.targets or ref < 0:
            return linkedin_key(self.resolve(ref).values["linkedin_url"])
        return self.rows[ref][10]

    def adds_nothing(self, ref: int, contact: Contact) -> bool:
        """True when merging `contact` into existing contact `ref` would change nothing.

        The common case when a file is imported again; it then costs no planning object.
        """
        if ref < 0 or ref in self.targets:
            return False
        row = self.rows[ref]
        for name, old in zip(FIELDS[:7], row[1:8], strict=True):
            new = getattr(contact, name)
            if not new:
                continue
            if not old or (name in REFRESHED and differs(name, old, new)
                           and name not in (row[9] or "").split(",")):
                return False
        if contact.connected_on and not row[8]:
            return False
        known = self.emails_of.get(ref, ())
        if any(email_key(e.value) not in known for e in contact.emails):
            return False
        if contact.phones or contact.tags:
            self._load_extras()
            assert self.phones_of is not None
            phones = self.phones_of.get(ref, ())
            tags = self.tags_of.get(ref, ())
            if any(phone_key(p.value) not in phones for p in contact.phones):
                return False
            if any(fold(t) not in tags for t in contact.tags):
                return False
        return True

    def name_of(self, ref: int) -> str:
        row = self.rows[ref]
        return f"{row[1]} {row[2]}".strip() or row[4] or "(no name)"

    def add(self, item: ParsedContact, lk: str, eks: list[tuple[str, str]]) -> None:
        """A new contact: later records of the file with one of its keys merge into it.

        (Its name key joins the name indexes when they are next needed.)
        """
        self.new.append(item)
        self.register(-len(self.new), lk, eks)

    def register(self, ref: int, lk: str, eks: list[tuple[str, str]]) -> None:
        if lk:
            self.by_linkedin.setdefault(lk, ref)
        for key, _ in eks:
            self.by_email.setdefault(key, ref)


def _match(target: ImportTarget, key: str, value: str) -> ImportMatch:
    return ImportMatch(key, value, target.name, contact_id=target.id,
                       line=None if target.id is not None else target.line)


class ImportCancelled(UserError):
    """The user stopped the preview; nothing was written."""


Progress = Callable[[int, int], "bool | None"]
PROGRESS_EVERY = 250  # records between two progress reports


def preview(store: Store, parsed: ParsedFile, progress: Progress | None = None) -> ImportPreview:
    """What importing `parsed` would do. Reads the database; writes nothing.

    `progress(done, total)`, when given, is called every few hundred records (from the
    calling thread: a worker thread in the app); returning False cancels with
    `ImportCancelled`.
    """
    with store.atomic():
        return _plan(store, parsed, import_write.fingerprint(store), progress)


def _plan(store: Store, parsed: ParsedFile, fingerprint: tuple,
          progress: Progress | None = None) -> ImportPreview:
    planner = _Planner(store)
    added: list[ImportItem] = []
    merged: list[ImportItem] = []
    total = len(parsed.contacts)
    for done, item in enumerate(parsed.contacts):
        if progress is not None and done % PROGRESS_EVERY == 0 and progress(done, total) is False:
            raise ImportCancelled("The import was cancelled; nothing was written.")
        contact = item.contact
        lk = linkedin_key(contact.linkedin_url) if contact.linkedin_url else ""
        eks = [(k, e.value) for e in contact.emails if (k := email_key(e.value))]
        found = planner.match(contact, lk, eks)
        if found is None:
            planner.add(item, lk, eks)
            added.append(ImportItem(item.line, contact))
            continue
        ref, key, value = found
        if planner.adds_nothing(ref, contact):
            match = ImportMatch(key, value, planner.name_of(ref), contact_id=ref)
            merged.append(ImportItem(item.line, contact, match))
        else:
            target = planner.resolve(ref)
            changes = target.absorb(contact)
            merged.append(ImportItem(item.line, contact, _match(target, key, value),
                                     tuple(changes)))
        planner.register(ref, lk, eks)
    if progress is not None:
        progress(total, total)
    changes = [t.change() for t in planner.targets.values()]
    return ImportPreview(
        format=parsed.format,
        added=tuple(added),
        merged=tuple(merged),
        rejected=tuple(sorted(parsed.rejected, key=lambda r: r.line)),
        to_add=tuple(e if isinstance(e, ParsedContact)
                     else ParsedContact(e.as_contact(), e.line or 0) for e in planner.new),
        to_change=tuple(c for c in changes if c is not None),
        parsed=parsed,
        fingerprint=fingerprint,
    )


def commit(store: Store, plan: ImportPreview) -> ImportResult:
    """Writes the preview in one transaction (planning again if the database changed)."""
    if plan.importable == 0:
        raise UserError("There is nothing to import: every record was rejected.")
    with store.atomic():
        now = import_write.fingerprint(store)
        if plan.parsed is not None and now != plan.fingerprint:
            plan = _plan(store, plan.parsed, now)
        new_ids = import_write.write(store, plan)
    return ImportResult(
        added=len(plan.added), merged=len(plan.merged), changed=len(plan.to_change),
        rejected=len(plan.rejected), new_ids=tuple(new_ids),
    )
