"""Duplicates and the changes that fold or remove contacts: merge, delete, bulk edits.

Duplicate keys come from `desktop.domain.rules`: e-mail (case-insensitive), LinkedIn URL
(normalised), normalised name + company. Every change here is one transaction and, given
an `UndoHistory`, can be undone (Edit → Undo).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from desktop.db import Store
from desktop.domain import records as r
from desktop.domain.enums import Source
from desktop.domain.rules import company_key, email_key, fold, name_company_key
from desktop.errors import UserError
from desktop.services import contacts as cs
from desktop.services import undo

DISMISSED_KEY = "merge.dismissed_pairs"
REASONS = ("email", "linkedin", "name")


def _marks(ids) -> str:
    return ",".join("?" * len(ids))


# --- finding duplicates ------------------------------------------------------------------


def _dismissed(store: Store) -> set[tuple[int, int]]:
    row = store.sql("SELECT value FROM setting WHERE key = ?", (DISMISSED_KEY,))
    found = row.fetchone()
    return {tuple(p) for p in json.loads(found[0])} if found else set()


def dismiss_pair(store: Store, first_id: int, second_id: int) -> None:
    """Remembers that two contacts are different people, so they are not proposed again."""
    pairs = _dismissed(store) | {(min(first_id, second_id), max(first_id, second_id))}
    with store.atomic():
        store.sql(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (DISMISSED_KEY, json.dumps(sorted(pairs))),
        )


def find_duplicates(store: Store) -> list[r.DuplicatePair]:
    """Pairs of contacts that share an e-mail, a LinkedIn URL, or a name at one company."""
    groups: list[tuple[str, str, list[int]]] = []
    for key, ids in store.sql(
        "SELECT value_key, group_concat(DISTINCT contact_id) FROM contact_email "
        "WHERE value_key != '' GROUP BY value_key HAVING count(DISTINCT contact_id) > 1"
    ):
        groups.append(("email", key, sorted(int(i) for i in ids.split(","))))
    for key, ids in store.sql(
        "SELECT linkedin_key, group_concat(id) FROM contact WHERE linkedin_key != '' "
        "GROUP BY linkedin_key HAVING count(*) > 1"
    ):
        groups.append(("linkedin", key, sorted(int(i) for i in ids.split(","))))
    names: dict[int, str] = {}
    by_name: dict[str, list[int]] = defaultdict(list)
    for cid, first, last, company in store.sql(
        "SELECT c.id, c.first_name, c.last_name, coalesce(co.name, '') FROM contact c "
        "LEFT JOIN company co ON co.id = c.company_id ORDER BY c.id"
    ):
        names[cid] = f"{first} {last}".strip() or company or "(no name)"
        if key := name_company_key(first, last, company):
            by_name[key].append(cid)
    groups += [("name", key, ids) for key, ids in by_name.items() if len(ids) > 1]

    dismissed = _dismissed(store)
    seen: set[tuple[int, int]] = set()
    pairs = []
    for reason, key, ids in groups:
        first = ids[0]
        for other in ids[1:]:
            pair = (first, other)
            if pair in seen or pair in dismissed:
                continue
            seen.add(pair)
            pairs.append(
                r.DuplicatePair(
                    first, other, reason, key, names.get(first, ""), names.get(other, "")
                )
            )
    pairs.sort(key=lambda p: (fold(p.first_name), p.first_id, p.second_id))
    return pairs


def find_company_duplicates(store: Store) -> list[r.CompanyDuplicate]:
    """Groups of companies whose names reduce to one key ("Google", "Google LLC")."""
    counts = dict(
        store.sql(
            "SELECT company_id, count(*) FROM contact WHERE company_id IS NOT NULL "
            "GROUP BY company_id"
        )
    )
    groups: dict[str, list[r.Company]] = defaultdict(list)
    for company in cs.companies(store):
        if key := company_key(company.name):
            groups[key].append(company)
    out = []
    for key, members in sorted(groups.items()):
        if len(members) > 1:
            members.sort(key=lambda c: (-counts.get(c.id, 0), c.id))
            out.append(
                r.CompanyDuplicate(key, tuple(members), tuple(counts.get(c.id, 0) for c in members))
            )
    return out


# --- merging contacts ---------------------------------------------------------------------


def _union(first: Iterable[r.Labelled], second: Iterable[r.Labelled], key) -> tuple:
    out, seen = [], set()
    for item in [*first, *second]:
        k = key(item.value)
        if k and k not in seen:
            seen.add(k)
            out.append(item)
    return tuple(out)


def _phone_key(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit() or ch == "+")


def combined_emails(a: r.Contact, b: r.Contact) -> tuple[r.Labelled, ...]:
    return _union(a.emails, b.emails, email_key)


def combined_phones(a: r.Contact, b: r.Contact) -> tuple[r.Labelled, ...]:
    return _union(a.phones, b.phones, _phone_key)


def combined_tags(a: r.Contact, b: r.Contact) -> tuple[str, ...]:
    return tuple({fold(t): t for t in [*b.tags, *a.tags]}.values())


TEXT_FIELDS = ("first_name", "last_name", "company", "role", "location", "linkedin_url", "research")


def proposal(keep: r.Contact, other: r.Contact) -> r.Contact:
    """The merged contact offered by default: the kept one's values, gaps filled from the
    other, lists combined, research of both kept."""
    values = {f: getattr(keep, f) or getattr(other, f) for f in TEXT_FIELDS}
    if keep.research and other.research and other.research not in keep.research:
        values["research"] = f"{keep.research}\n\n{other.research}"
    return replace(
        keep,
        **values,
        company_id=None,
        emails=combined_emails(keep, other),
        phones=combined_phones(keep, other),
        tags=combined_tags(keep, other),
        source=keep.source if keep.source != Source.OTHER else other.source,
        referred_by_id=keep.referred_by_id or other.referred_by_id,
        cadence_days=keep.cadence_days if keep.cadence_days is not None else other.cadence_days,
        archived=keep.archived and other.archived,
        connected_on=min(filter(None, (keep.connected_on, other.connected_on)), default=None),
    )


def merge_contacts(
    store: Store,
    keep_id: int,
    other_id: int,
    merged: r.Contact | None = None,
    history: undo.UndoHistory | None = None,
) -> r.Contact:
    """Folds `other_id` into `keep_id`: its chats, follow-ups, interactions, tags and the
    contacts it referred move over, `merged` holds the chosen values, the other is deleted."""
    if keep_id == other_id:
        raise UserError("A contact cannot be merged with itself.")
    keep, other = cs.get(store, keep_id), cs.get(store, other_id)
    merged = replace(merged or proposal(keep, other), id=keep_id)
    if merged.referred_by_id in (keep_id, other_id):
        merged = replace(merged, referred_by_id=None)
    problems = cs.validate(merged)
    if problems:
        raise UserError(" ".join(problems))
    with store.atomic():
        step = undo.capture_contacts(
            store, [keep_id, other_id], f"Merge {other.display_name} into {keep.display_name}"
        )
        for table in ("chat", "follow_up", "interaction"):
            store.sql(
                f"UPDATE {table} SET contact_id = ? WHERE contact_id = ?", (keep_id, other_id)
            )
        store.sql(
            "UPDATE contact SET referred_by_id = ? WHERE referred_by_id = ? AND id != ?",
            (keep_id, other_id, keep_id),
        )
        edited = set()
        for row in store.sql(
            "SELECT edited_fields FROM contact WHERE id IN (?, ?)", (keep_id, other_id)
        ):
            edited |= set(filter(None, row[0].split(",")))
        # The user chose these values in the merge dialog: later imports leave them alone.
        cs.write(merged, edited_fields=edited | {"first_name", "last_name"})
        store.sql("DELETE FROM contact WHERE id = ?", (other_id,))
    if history is not None:
        history.push(step)
    return cs.get(store, keep_id)


# --- merging companies --------------------------------------------------------------------


def merge_companies(
    store: Store,
    keep_id: int,
    other_ids: Iterable[int],
    name: str | None = None,
    history: undo.UndoHistory | None = None,
) -> r.Company:
    """Moves the contacts of `other_ids` to `keep_id`, joins their notes, deletes them, and
    names the kept company `name` when given."""
    others = [i for i in dict.fromkeys(other_ids) if i != keep_id]
    by_id = {c.id: c for c in cs.companies(store)}
    if keep_id not in by_id or any(i not in by_id for i in others):
        raise UserError("One of these companies no longer exists.")
    keep = by_id[keep_id]
    notes = [keep.notes] + [by_id[i].notes for i in others]
    joined = "\n\n".join(dict.fromkeys(n.strip() for n in notes if n.strip()))
    with store.atomic():
        step = undo.capture_companies(
            store,
            [keep_id, *others],
            f"Merge {', '.join(by_id[i].name for i in others)} into {keep.name}",
        )
        if others:
            marks = _marks(others)
            store.sql(
                f"UPDATE contact SET company_id = ? WHERE company_id IN ({marks})",
                (keep_id, *others),
            )
            store.sql(f"DELETE FROM company WHERE id IN ({marks})", others)
        fill = {
            f: getattr(keep, f)
            or next((getattr(by_id[i], f) for i in others if getattr(by_id[i], f)), "")
            for f in ("industry", "website")
        }
        result = cs.save_company(store, replace(keep, name=name or keep.name, notes=joined, **fill))
    if history is not None:
        history.push(step)
    return result


def rename_company(
    store: Store, company_id: int, name: str, history: undo.UndoHistory | None = None
) -> r.Company:
    """Renames a company; when another already has that name, the two are merged into it."""
    name = " ".join(name.split())
    clash = [c for c in cs.companies(store) if fold(c.name) == fold(name) and c.id != company_id]
    if clash:
        return merge_companies(store, clash[0].id, [company_id], name, history)
    current = next((c for c in cs.companies(store) if c.id == company_id), None)
    if current is None:
        raise UserError("This company no longer exists.")
    with store.atomic():
        step = undo.capture_companies(store, [company_id], f"Rename {current.name}")
        result = cs.save_company(store, replace(current, name=name))
    if history is not None:
        history.push(step)
    return result


# --- delete and bulk edits ----------------------------------------------------------------


def deletion_impact(store: Store, contact_ids: Iterable[int]) -> r.DeletionImpact:
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        return r.DeletionImpact()
    these = undo.ids_param(ids)
    any_of = undo.ANY_OF

    def one(sql: str, params=(these,)) -> int:
        return store.sql(sql, params).fetchone()[0]

    return r.DeletionImpact(
        contacts=one(f"SELECT count(*) FROM contact WHERE id IN {any_of}"),
        chats=one(f"SELECT count(*) FROM chat WHERE contact_id IN {any_of}"),
        notes=one(
            f"SELECT count(*) FROM note n JOIN chat c ON c.id = n.chat_id "
            f"WHERE c.contact_id IN {any_of}"
        ),
        follow_ups=one(f"SELECT count(*) FROM follow_up WHERE contact_id IN {any_of}"),
        interactions=one(f"SELECT count(*) FROM interaction WHERE contact_id IN {any_of}"),
        referrals=one(
            f"SELECT count(*) FROM contact WHERE referred_by_id IN {any_of} AND id NOT IN {any_of}",
            (these, these),
        ),
    )


def delete_contacts(
    store: Store, contact_ids: Iterable[int], history: undo.UndoHistory | None = None
) -> None:
    """Deletes contacts with their chats, notes and follow-ups, in one transaction."""
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        return
    label = "Delete contact" if len(ids) == 1 else f"Delete {len(ids)} contacts"
    with store.atomic():
        step = undo.capture_contacts(store, ids, label)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            store.sql(f"DELETE FROM contact WHERE id IN ({_marks(chunk)})", chunk)
    if history is not None:
        history.push(step)


def _bulk(store: Store, ids: list[int], label: str, history, change) -> None:
    if not ids:
        return
    with store.atomic():
        step = undo.capture_contact_fields(store, ids, label)
        change()
    if history is not None:
        history.push(step)


def add_tag(
    store: Store, contact_ids: Iterable[int], tag: str, history: undo.UndoHistory | None = None
) -> None:
    ids = list(dict.fromkeys(contact_ids))
    tag = " ".join(tag.split())
    if not tag:
        raise UserError("A tag needs a name.")

    def change() -> None:
        tag_id = cs.tag_ids_for([tag])[0]
        # Set-based, and only for contacts that exist (a stale id is skipped, not an error).
        store.sql(
            "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) "
            f"SELECT id, ? FROM contact WHERE id IN {undo.ANY_OF}",
            (tag_id, undo.ids_param(ids)),
        )

    _bulk(store, ids, f"Tag {len(ids)} contacts “{tag}”", history, change)


def set_archived(
    store: Store,
    contact_ids: Iterable[int],
    archived: bool,
    history: undo.UndoHistory | None = None,
) -> None:
    ids = list(dict.fromkeys(contact_ids))
    verb = "Archive" if archived else "Unarchive"
    _bulk(
        store,
        ids,
        f"{verb} {len(ids)} contacts",
        history,
        lambda: _update_many(store, ids, "archived = ?", (int(archived),)),
    )


def set_cadence(
    store: Store,
    contact_ids: Iterable[int],
    days: int | None,
    history: undo.UndoHistory | None = None,
) -> None:
    if days is not None and days < 0:
        raise UserError("The keep-in-touch cadence cannot be negative.")
    ids = list(dict.fromkeys(contact_ids))
    _bulk(
        store,
        ids,
        f"Set the cadence of {len(ids)} contacts",
        history,
        lambda: _update_many(store, ids, "cadence_days = ?", (days,)),
    )


def _update_many(store: Store, ids: list[int], assignment: str, values: tuple) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        store.sql(
            f"UPDATE contact SET {assignment}, updated_at = datetime('now', 'localtime') "
            f"WHERE id IN ({_marks(chunk)})",
            (*values, *chunk),
        )
