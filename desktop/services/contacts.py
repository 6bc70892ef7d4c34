"""Contacts and companies: list, read, save, archive, delete."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime

from desktop.db import Store
from desktop.db import models as m
from desktop.domain import records as r
from desktop.domain.enums import Source
from desktop.domain.rules import email_key, fold, linkedin_key, next_keep_in_touch
from desktop.errors import NotFound, UserError
from desktop.services import convert
from desktop.services.keep_in_touch_sql import CADENCE, LAST_CONTACT_CTE, default_cadence

SEP = "\x1f"
# A web address as people paste it: optional http(s)://, a host with a dot, no spaces.
_URL_SHAPE = re.compile(r"^(https?://)?[^\s/@:]+\.[^\s/@:]+(:\d+)?(/\S*)?$", re.IGNORECASE)

# One row per contact with everything the table shows; the last contact is the latest
# held chat, done follow-up or logged interaction (DESIGN.md: derived, never stored).
_ROWS_SQL = f"""
WITH {LAST_CONTACT_CTE}, tags AS (
    SELECT ct.contact_id, group_concat(t.name, char(31)) AS names,
           min(CASE WHEN t.cadence_days > 0 THEN t.cadence_days END) AS cadence
      FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id GROUP BY ct.contact_id
), mails AS (
    SELECT contact_id, group_concat(value, char(31)) AS v FROM contact_email GROUP BY contact_id
)
SELECT c.id, c.first_name, c.last_name, coalesce(co.name, ''), c.role, c.source,
       {CADENCE.format(tag_days='tags.cadence')}, c.archived, tags.names, mails.v, last.d
  FROM contact c
  LEFT JOIN company co ON co.id = c.company_id
  LEFT JOIN last ON last.contact_id = c.id
  LEFT JOIN tags ON tags.contact_id = c.id
  LEFT JOIN mails ON mails.contact_id = c.id
"""


def _date_of(text: str | None) -> date | None:
    if not text:
        return None
    return date.fromisoformat(str(text)[:10])


def _to_rows(cursor, default_days: int | None) -> list[r.ContactRow]:
    sources: dict[str, Source] = {}  # Source.parse per row was a third of the load time
    rows = []
    for (cid, first, last_name, company, role, source, cadence, archived, tags, mails,
         last) in cursor:
        last_contact = _date_of(last)
        kind = sources.get(source)
        if kind is None:
            kind = sources[source] = Source.parse(source, Source.OTHER)
        rows.append(
            r.ContactRow(
                id=cid,
                name=f"{first} {last_name}".strip() or company or "(no name)",
                company=company,
                role=role,
                source=kind,
                last_contact=last_contact,
                next_keep_in_touch=next_keep_in_touch(last_contact, cadence or default_days),
                tags=tuple(sorted(tags.split(SEP), key=str.casefold)) if tags else (),
                emails=tuple(mails.split(SEP)) if mails else (),
                archived=bool(archived),
            )
        )
    return rows


def list_rows(store: Store, *, include_archived: bool = False) -> list[r.ContactRow]:
    """Every contact as a table row, ordered by name. Fast enough for 50,000 contacts."""
    sql = _ROWS_SQL + ("" if include_archived else " WHERE c.archived = 0")
    rows = _to_rows(store.sql(sql), default_cadence(store))
    # fold() decomposes accents; plain ASCII names (most) only need lower case: same key.
    rows.sort(key=lambda row: " ".join(row.name.lower().split()) if row.name.isascii()
              else fold(row.name))
    return rows


def rows_for(store: Store, contact_ids: list[int]) -> list[r.ContactRow]:
    """The table rows of these contacts (archived too), e.g. to refresh a few after an edit."""
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        return []
    # One query whatever the count: the ids travel as one JSON parameter (the CTEs above
    # scan their tables once per query, so 500-id chunks cost 0.15 s each at 50k).
    sql = _ROWS_SQL + " WHERE c.id IN (SELECT value FROM json_each(?))"
    return _to_rows(store.sql(sql, (json.dumps(ids),)), default_cadence(store))


def get(store: Store, contact_id: int) -> r.Contact:
    row = m.Contact.get_or_none(m.Contact.id == contact_id)
    if row is None:
        raise NotFound(f"There is no contact {contact_id}.")
    return convert.contact(row)


def last_contact(store: Store, contact_id: int) -> date | None:
    sql = _ROWS_SQL + " WHERE c.id = ?"
    found = store.sql(sql, (contact_id,)).fetchone()
    return _date_of(found[10]) if found else None


def company_id_for(name: str, *, create: bool = True) -> int | None:
    """The id of the company with this name (case-insensitive), made when missing."""
    name = " ".join((name or "").split())
    if not name:
        return None
    key = fold(name)
    row = m.Company.get_or_none(m.Company.name_key == key)
    if row is not None:
        return row.id
    if not create:
        return None
    return m.Company.create(name=name, name_key=key).id


def tag_ids_for(names: tuple[str, ...] | list[str]) -> list[int]:
    ids = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        key = fold(name)
        row = m.Tag.get_or_none(m.Tag.name_key == key)
        if row is None:
            row = m.Tag.create(name=name, name_key=key)
        if row.id not in ids:
            ids.append(row.id)
    return ids


def validate(contact: r.Contact) -> list[str]:
    """Messages for what makes this contact unsavable; empty when it is fine."""
    problems = []
    if not (contact.first_name.strip() or contact.last_name.strip() or contact.company.strip()):
        problems.append("A contact needs a name or a company.")
    for email in contact.emails:
        value = email.value.strip()
        if value and ("@" not in value or value.startswith("@") or value.endswith("@")
                      or " " in value):
            problems.append(f"“{value}” does not look like an e-mail address.")
    url = contact.linkedin_url.strip()
    if url and not _URL_SHAPE.match(url):
        problems.append(f"“{url}” does not look like a web address.")
    if contact.cadence_days is not None and contact.cadence_days < 0:
        problems.append("The keep-in-touch cadence cannot be negative.")
    return problems


def write(contact: r.Contact, *, edited_fields: set[str] | None = None) -> int:
    """Writes one contact inside the caller's transaction; returns its id."""
    stamp = datetime.now().replace(microsecond=0)
    values = dict(
        first_name=contact.first_name.strip(),
        last_name=contact.last_name.strip(),
        role=contact.role.strip(),
        company=company_id_for(contact.company),
        location=contact.location.strip(),
        linkedin_url=contact.linkedin_url.strip(),
        linkedin_key=linkedin_key(contact.linkedin_url),
        source=Source(contact.source).value,
        referred_by=contact.referred_by_id,
        research=contact.research,
        cadence_days=contact.cadence_days,
        archived=contact.archived,
        connected_on=contact.connected_on,
        updated_at=stamp,
    )
    if contact.id is None:
        row = m.Contact.create(**values, created_at=contact.created_at or stamp,
                               edited_fields=",".join(sorted(edited_fields or ())))
        cid = row.id
    else:
        existing = m.Contact.get_or_none(m.Contact.id == contact.id)
        if existing is None:
            raise NotFound(f"There is no contact {contact.id}.")
        if edited_fields:
            known = set(filter(None, existing.edited_fields.split(",")))
            values["edited_fields"] = ",".join(sorted(known | edited_fields))
        m.Contact.update(**values).where(m.Contact.id == contact.id).execute()
        cid = contact.id
        m.ContactEmail.delete().where(m.ContactEmail.contact == cid).execute()
        m.ContactPhone.delete().where(m.ContactPhone.contact == cid).execute()
        m.ContactTag.delete().where(m.ContactTag.contact == cid).execute()
    for pos, email in enumerate(e for e in contact.emails if e.value.strip()):
        m.ContactEmail.create(contact=cid, position=pos, label=email.label,
                              value=email.value.strip(), value_key=email_key(email.value))
    for pos, phone in enumerate(p for p in contact.phones if p.value.strip()):
        m.ContactPhone.create(contact=cid, position=pos, label=phone.label,
                              value=phone.value.strip())
    for tag_id in tag_ids_for(contact.tags):
        m.ContactTag.insert(contact=cid, tag=tag_id).on_conflict_ignore().execute()
    return cid


EDITABLE_FIELDS = ("first_name", "last_name", "role", "company", "location", "linkedin_url")


def save(store: Store, contact: r.Contact) -> r.Contact:
    """Creates or updates a contact typed by the user; raises UserError when invalid."""
    problems = validate(contact)
    if problems:
        raise UserError(" ".join(problems))
    with store.atomic():
        if contact.id is not None:
            before = get(store, contact.id)
            edited = {f for f in EDITABLE_FIELDS if getattr(before, f) != getattr(contact, f)}
        else:
            edited = {f for f in EDITABLE_FIELDS if getattr(contact, f)}
        cid = write(contact, edited_fields=edited)
    return get(store, cid)


def set_archived(store: Store, contact_ids: list[int], archived: bool) -> None:
    with store.atomic():
        m.Contact.update(archived=archived).where(m.Contact.id.in_(contact_ids)).execute()


def delete(store: Store, contact_id: int) -> None:
    with store.atomic():
        m.Contact.delete().where(m.Contact.id == contact_id).execute()


def companies(store: Store) -> list[r.Company]:
    return [convert.company(row) for row in m.Company.select().order_by(m.Company.name_key)]


def save_company(store: Store, company: r.Company) -> r.Company:
    name = " ".join(company.name.split())
    if not name:
        raise UserError("A company needs a name.")
    with store.atomic():
        if company.id is None:
            cid = company_id_for(name)
        else:
            cid = company.id
            clash = m.Company.get_or_none(
                (m.Company.name_key == fold(name)) & (m.Company.id != cid)
            )
            if clash is not None:
                raise UserError(f"There is already a company called “{clash.name}”.")
            m.Company.update(name=name, name_key=fold(name)).where(m.Company.id == cid).execute()
        m.Company.update(
            industry=company.industry, website=company.website, notes=company.notes,
            updated_at=datetime.now().replace(microsecond=0),
        ).where(m.Company.id == cid).execute()
    return convert.company(m.Company.get_by_id(cid))


def with_changes(contact: r.Contact, **changes) -> r.Contact:
    return replace(contact, **changes)
