"""Importing contacts: a preview that writes nothing, then one transaction that writes it all.

`preview(store, parsed)` matches every record of a parsed file against the database and
against the earlier records of the same file, on the keys of `desktop.domain.rules`
(LinkedIn URL, then e-mail, then name + company), and says what would be added, merged
(with whom, on which key, changing what) and rejected. `commit(store, preview)` writes it
in one transaction, planning again first if the database changed since the preview.

Merging fills empty fields and adds new e-mails, phones and tags. Company and role are
also updated from a later export unless the user typed them (`contact.edited_fields`):
what the user typed always wins. Importing the same file twice adds nobody.

Writes are bulk `executemany` statements on the connection inside `store.atomic()`, with
ids assigned here, because a row-by-row ORM insert is several times too slow for a
10,000-row LinkedIn export (see bench/import_linkedin.py).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from desktop.db import Store
from desktop.domain.importing import (
    ContactChange,
    ImportItem,
    ImportMatch,
    ImportPreview,
    ImportResult,
    ParsedContact,
    ParsedFile,
)
from desktop.domain.records import Contact, Labelled
from desktop.domain.rules import company_key, email_key, fold, linkedin_key, name_company_key
from desktop.errors import UserError

FIELDS = ("first_name", "last_name", "role", "company", "location", "linkedin_url",
          "research", "connected_on")
# Fields a later import may overwrite when the user has not edited them.
REFRESHED = ("company", "role")
_FIELD_LABELS = {"first_name": "first name", "last_name": "last name",
                 "linkedin_url": "LinkedIn URL", "connected_on": "connected on"}

_CONTACTS_SQL = """
SELECT c.id, c.first_name, c.last_name, c.role, coalesce(co.name, ''), c.location,
       c.linkedin_url, c.research, c.connected_on, c.edited_fields, c.linkedin_key
  FROM contact c LEFT JOIN company co ON co.id = c.company_id ORDER BY c.id
"""


def _phone_key(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return ("+" if value.strip().startswith("+") else "") + digits


class _Target:
    """A contact being planned: an existing one receiving merges, or a new one."""

    __slots__ = ("id", "line", "values", "edited", "emails", "email_keys", "phones",
                 "phone_keys", "tags", "tag_keys", "changed", "added", "source", "first")

    def __init__(self, values: dict, *, id: int | None = None, line: int | None = None,
                 edited: frozenset[str] = frozenset()):
        self.id, self.line, self.values, self.edited = id, line, values, edited
        self.emails: list[Labelled] = []
        self.phones: list[Labelled] = []
        self.tags: list[str] = []
        self.email_keys: set[str] = set()
        self.phone_keys: set[str] = set()
        self.tag_keys: set[str] = set()
        self.changed: set[str] = set()  # fields given a new value
        self.added = False  # e-mails, phones or tags added
        self.source = None
        self.first: Contact | None = None

    @property
    def name(self) -> str:
        v = self.values
        return f"{v['first_name']} {v['last_name']}".strip() or v["company"] or "(no name)"

    def absorb(self, contact: Contact) -> list[str]:
        """Merges `contact` in; returns what changed, in a few words each."""
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
                  and _differs(name, old, new)):
                self.values[name] = new
            else:
                continue
            self.changed.add(name)
            label = _FIELD_LABELS.get(name, name)
            changes.append(f"{label}: “{old}” → “{new}”" if old else f"{label}: “{new}”")
        for email in contact.emails:
            key = email_key(email.value)
            if key and key not in self.email_keys:
                self.email_keys.add(key)
                self.emails.append(email)
                changes.append(f"+ e-mail {email.value}")
        for phone in contact.phones:
            key = _phone_key(phone.value)
            if key and key not in self.phone_keys:
                self.phone_keys.add(key)
                self.phones.append(phone)
                changes.append(f"+ phone {phone.value}")
        for tag in contact.tags:
            key = fold(tag)
            if key and key not in self.tag_keys:
                self.tag_keys.add(key)
                self.tags.append(tag)
                changes.append(f"+ tag {tag}")
        if existing and (self.emails or self.phones or self.tags):
            self.added = True
        return changes

    def as_contact(self) -> Contact:
        v = self.values
        assert self.first is not None
        return Contact(
            first_name=v["first_name"], last_name=v["last_name"], role=v["role"],
            company=v["company"], location=v["location"], linkedin_url=v["linkedin_url"],
            research=v["research"], connected_on=v["connected_on"],
            emails=tuple(self.emails), phones=tuple(self.phones), tags=tuple(self.tags),
            source=self.first.source, cadence_days=self.first.cadence_days,
        )


def _differs(name: str, old, new) -> bool:
    if name == "company":
        return company_key(old) != company_key(new)
    return str(old).strip() != str(new).strip()


def _blank_values() -> dict:
    return {name: (None if name == "connected_on" else "") for name in FIELDS}


class _Planner:
    """Matches records to contacts; holds the database's keys, loaded once."""

    def __init__(self, store: Store):
        self.db = store.db
        self.rows: dict[int, tuple] = {}
        self.by_linkedin: dict[str, int | _Target] = {}
        self.by_email: dict[str, int | _Target] = {}
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
        self.existing_names: dict[str, int] | None = None  # built when first needed
        self.new_names: dict[str, _Target] = {}
        self.targets: dict[int, _Target] = {}
        self.extras_loaded = False

    def existing(self, cid: int) -> _Target:
        target = self.targets.get(cid)
        if target is None:
            row = self.rows[cid]
            values = dict(zip(FIELDS, (row[1], row[2], row[3], row[4], row[5], row[6],
                                       row[7], _date(row[8])), strict=True))
            edited = frozenset(filter(None, (row[9] or "").split(",")))
            target = _Target(values, id=cid, edited=edited)
            target.email_keys.update(self.emails_of.get(cid, ()))
            self._load_extras()
            target.phone_keys.update(self.phones_of.get(cid, ()))
            target.tag_keys.update(self.tags_of.get(cid, ()))
            self.targets[cid] = target
        return target

    def _load_extras(self) -> None:
        if self.extras_loaded:
            return
        self.extras_loaded = True
        self.phones_of: dict[int, list[str]] = {}
        for cid, value in self.db.execute_sql("SELECT contact_id, value FROM contact_phone"):
            self.phones_of.setdefault(cid, []).append(_phone_key(value))
        self.tags_of: dict[int, list[str]] = {}
        for cid, key in self.db.execute_sql(
            "SELECT ct.contact_id, t.name_key FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id"
        ):
            self.tags_of.setdefault(cid, []).append(key)

    def _names(self) -> dict[str, int]:
        if self.existing_names is None:
            self.existing_names = {}
            for row in self.rows.values():
                key = name_company_key(row[1], row[2], row[4])
                if key:
                    self.existing_names.setdefault(key, row[0])
        return self.existing_names

    def _resolve(self, found: int | _Target) -> _Target:
        return self.existing(found) if isinstance(found, int) else found

    def match(self, contact: Contact, lk: str,
              eks: list[tuple[str, str]]) -> tuple[_Target, ImportMatch] | None:
        """The contact this record is, and on which key; None for a new person."""
        if lk and lk in self.by_linkedin:
            target = self._resolve(self.by_linkedin[lk])
            return target, self._match(target, "linkedin", contact.linkedin_url)
        for key, value in eks:
            if key in self.by_email:
                target = self._resolve(self.by_email[key])
                return target, self._match(target, "email", value)
        nk = name_company_key(contact.first_name, contact.last_name, contact.company)
        if not nk:
            return None
        for index in (self._names(), self.new_names):
            found = index.get(nk)
            if found is None:
                continue
            target = self._resolve(found)
            other = linkedin_key(target.values["linkedin_url"])
            if lk and other and other != lk:
                continue  # two people of the same name at one company, told apart by URL
            shown = contact.full_name + (f", {contact.company}" if contact.company else "")
            return target, self._match(target, "name", shown)
        return None

    @staticmethod
    def _match(target: _Target, key: str, value: str) -> ImportMatch:
        return ImportMatch(key, value, target.name, contact_id=target.id,
                           line=None if target.id is not None else target.line)

    def register(self, target: _Target, contact: Contact, lk: str,
                 eks: list[tuple[str, str]]) -> None:
        """Later records of the file with one of these keys merge into `target`."""
        owner: int | _Target = target.id if target.id is not None else target
        if lk:
            self.by_linkedin.setdefault(lk, owner)
        for key, _ in eks:
            self.by_email.setdefault(key, owner)
        if target.id is None:
            nk = name_company_key(contact.first_name, contact.last_name, contact.company)
            if nk:
                self.new_names.setdefault(nk, target)


def _date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _fingerprint(store: Store) -> tuple:
    """Changes when anything was written since: by this connection or by another one."""
    conn = store.db.connection()
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    return (id(conn), conn.total_changes, version)


def preview(store: Store, parsed: ParsedFile) -> ImportPreview:
    """What importing `parsed` would do. Reads the database; writes nothing."""
    with store.atomic():
        fingerprint = _fingerprint(store)
        return _plan(store, parsed, fingerprint)


def _plan(store: Store, parsed: ParsedFile, fingerprint: tuple) -> ImportPreview:
    planner = _Planner(store)
    new_targets: list[_Target] = []
    added: list[ImportItem] = []
    merged: list[ImportItem] = []
    for item in parsed.contacts:
        contact = item.contact
        lk = linkedin_key(contact.linkedin_url)
        eks = [(email_key(e.value), e.value) for e in contact.emails if email_key(e.value)]
        found = planner.match(contact, lk, eks)
        if found is None:
            target = _Target(_blank_values(), line=item.line)
            target.first = contact
            target.absorb(contact)
            new_targets.append(target)
            added.append(ImportItem(item.line, contact))
        else:
            target, match = found
            changes = target.absorb(contact)
            merged.append(ImportItem(item.line, contact, match, tuple(changes)))
        planner.register(target, contact, lk, eks)
    to_change = []
    for target in planner.targets.values():
        if not (target.changed or target.added):
            continue
        to_change.append(ContactChange(
            target.id,  # type: ignore[arg-type]
            tuple((name, target.values[name]) for name in FIELDS if name in target.changed),
            tuple(target.emails), tuple(target.phones), tuple(target.tags),
        ))
    return ImportPreview(
        format=parsed.format,
        added=tuple(added),
        merged=tuple(merged),
        rejected=tuple(sorted(parsed.rejected, key=lambda r: r.line)),
        to_add=tuple(ParsedContact(t.as_contact(), t.line or 0) for t in new_targets),
        to_change=tuple(to_change),
        parsed=parsed,
        fingerprint=fingerprint,
    )


def commit(store: Store, plan: ImportPreview) -> ImportResult:
    """Writes the preview in one transaction (planning again if the database changed)."""
    if plan.importable == 0:
        raise UserError("There is nothing to import: every record was rejected.")
    with store.atomic():
        if plan.parsed is not None and _fingerprint(store) != plan.fingerprint:
            plan = _plan(store, plan.parsed, _fingerprint(store))
        new_ids = _write(store, plan)
    return ImportResult(
        added=len(plan.added), merged=len(plan.merged), changed=len(plan.to_change),
        rejected=len(plan.rejected), new_ids=tuple(new_ids),
    )


def _write(store: Store, plan: ImportPreview) -> list[int]:
    conn = store.db.connection()
    stamp = str(datetime.now().replace(microsecond=0))
    company_ids = _ensure_companies(conn, plan, stamp)
    tag_ids = _ensure_tags(conn, plan)
    next_id = (conn.execute("SELECT max(id) FROM contact").fetchone()[0] or 0) + 1
    contact_rows, email_rows, phone_rows, tag_rows, new_ids = [], [], [], [], []
    for offset, item in enumerate(plan.to_add):
        c, cid = item.contact, next_id + offset
        new_ids.append(cid)
        contact_rows.append((
            cid, uuid.uuid4().hex, c.first_name, c.last_name, c.role,
            company_ids.get(_company_name_key(c.company)), c.location, c.linkedin_url,
            linkedin_key(c.linkedin_url), c.source.value, c.research, c.cadence_days,
            c.connected_on.isoformat() if c.connected_on else None, stamp, stamp,
        ))
        email_rows += [(cid, pos, e.label, e.value, email_key(e.value))
                       for pos, e in enumerate(c.emails)]
        phone_rows += [(cid, pos, p.label, p.value) for pos, p in enumerate(c.phones)]
        tag_rows += [(cid, tag_ids[fold(t)]) for t in c.tags if fold(t) in tag_ids]
    conn.executemany(
        "INSERT INTO contact (id, uid, first_name, last_name, role, company_id, location,"
        " linkedin_url, linkedin_key, source, research, cadence_days, connected_on,"
        " edited_fields, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'',?,?)",
        contact_rows,
    )
    _write_changes(conn, plan, company_ids, tag_ids, stamp, email_rows, phone_rows, tag_rows)
    conn.executemany(
        "INSERT INTO contact_email (contact_id, position, label, value, value_key)"
        " VALUES (?,?,?,?,?)", email_rows)
    conn.executemany(
        "INSERT INTO contact_phone (contact_id, position, label, value) VALUES (?,?,?,?)",
        phone_rows)
    conn.executemany(
        "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) VALUES (?,?)", tag_rows)
    return new_ids


def _write_changes(conn, plan: ImportPreview, company_ids: dict, tag_ids: dict, stamp: str,
                   email_rows: list, phone_rows: list, tag_rows: list) -> None:
    if not plan.to_change:
        return
    next_pos: dict[tuple[str, int], int] = {}
    for table in ("contact_email", "contact_phone"):
        for cid, top in conn.execute(
            f"SELECT contact_id, max(position) FROM {table} GROUP BY contact_id"
        ):
            next_pos[(table, cid)] = top + 1
    for change in plan.to_change:
        cid = change.contact_id
        values = dict(change.values)
        if "company" in values:
            values["company_id"] = company_ids.get(_company_name_key(values.pop("company")))
        if "linkedin_url" in values:
            values["linkedin_key"] = linkedin_key(values["linkedin_url"])
        if "connected_on" in values and values["connected_on"] is not None:
            values["connected_on"] = values["connected_on"].isoformat()
        if values:
            names = list(values)
            conn.execute(
                "UPDATE contact SET " + ", ".join(f"{n} = ?" for n in names)
                + ", updated_at = ? WHERE id = ?",
                [values[n] for n in names] + [stamp, cid],
            )
        pos = next_pos.get(("contact_email", cid), 0)
        email_rows += [(cid, pos + i, e.label, e.value, email_key(e.value))
                       for i, e in enumerate(change.emails)]
        pos = next_pos.get(("contact_phone", cid), 0)
        phone_rows += [(cid, pos + i, p.label, p.value) for i, p in enumerate(change.phones)]
        tag_rows += [(cid, tag_ids[fold(t)]) for t in change.tags if fold(t) in tag_ids]


def _company_name_key(name: str) -> str:
    # The same key as services.contacts.company_id_for, so both find the same row.
    return fold(" ".join((name or "").split()))


def _ensure_companies(conn, plan: ImportPreview, stamp: str) -> dict[str, int]:
    ids = {key: cid for cid, key in conn.execute("SELECT id, name_key FROM company")}
    wanted: dict[str, str] = {}
    names = [i.contact.company for i in plan.to_add]
    names += [dict(c.values).get("company", "") for c in plan.to_change]
    for name in names:
        name = " ".join((name or "").split())
        key = fold(name)
        if key and key not in ids and key not in wanted:
            wanted[key] = name
    if wanted:
        next_id = (conn.execute("SELECT max(id) FROM company").fetchone()[0] or 0) + 1
        rows = [(next_id + i, uuid.uuid4().hex, name, key, stamp, stamp)
                for i, (key, name) in enumerate(wanted.items())]
        conn.executemany(
            "INSERT INTO company (id, uid, name, name_key, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?)", rows)
        ids.update({key: cid for cid, _, _, key, _, _ in rows})
    return ids


def _ensure_tags(conn, plan: ImportPreview) -> dict[str, int]:
    names = [t for i in plan.to_add for t in i.contact.tags]
    names += [t for c in plan.to_change for t in c.tags]
    if not names:
        return {}
    ids = {key: tid for tid, key in conn.execute("SELECT id, name_key FROM tag")}
    wanted: dict[str, str] = {}
    for name in names:
        name = " ".join(name.split())
        key = fold(name)
        if key and key not in ids and key not in wanted:
            wanted[key] = name
    if wanted:
        next_id = (conn.execute("SELECT max(id) FROM tag").fetchone()[0] or 0) + 1
        rows = [(next_id + i, name, key) for i, (key, name) in enumerate(wanted.items())]
        conn.executemany("INSERT INTO tag (id, name, name_key) VALUES (?,?,?)", rows)
        ids.update({key: tid for tid, _, key in rows})
    return ids
