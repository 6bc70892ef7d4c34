"""Writing an import plan: bulk statements inside the caller's transaction, and fast keys.

A 10,000-row LinkedIn export must import in well under two seconds as a whole process.
Row-by-row ORM inserts take ~180 ms per 10,000 rows of one table, and an import fills
four (companies, contacts, e-mails, tags), so rows go in with `executemany` on the
connection, with ids assigned here from max(id) + 1 (the transaction holds the write
lock, so no one else can take them). Every row gets its `uid` and timestamps. The search
index's queue triggers are set aside for a big import and their work done in one
statement (see `_QUEUE_TRIGGER`).

The key functions below return exactly what `desktop.domain.rules` returns, cached,
because a big file repeats companies and keys each URL while planning and writing.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from functools import lru_cache

from desktop.db import Store
from desktop.domain.importing import ImportPreview
from desktop.domain.rules import company_key as _rules_company_key
from desktop.domain.rules import email_key, fold
from desktop.domain.rules import linkedin_key as _rules_linkedin_key

company_key = lru_cache(maxsize=1 << 14)(_rules_company_key)
_WWW = "https://www.linkedin.com/"


@lru_cache(maxsize=1 << 16)
def linkedin_key(url: str) -> str:
    """Exactly `rules.linkedin_key`; the form LinkedIn exports skips the regular expressions."""
    text = url.strip().lower()
    if text.startswith(_WWW) and "?" not in text and "#" not in text:
        return ("https://linkedin.com/" + text[len(_WWW):]).rstrip("/")
    return _rules_linkedin_key(url)


def fast_fold(text: str) -> str:
    # fold() of ASCII text is its lower-cased, space-squeezed self: skip the NFKD walk.
    return " ".join(text.lower().split()) if text.isascii() else fold(text)


def name_key(first: str, last: str, company: str) -> str:
    """`rules.name_company_key`, faster; and "|company" for a record with no person name.

    The rules give no key to an organisation-only record, but importing the same
    "Blue Bottle Coffee" card twice must not make two of it; "|blue bottle coffee" can
    only equal the key of another nameless record.
    """
    name = fast_fold(f"{first} {last}")
    if name:
        return f"{name}|{company_key(company)}"
    key = company_key(company)
    return f"|{key}" if key else ""


@lru_cache(maxsize=1 << 14)
def company_name_key(name: str) -> str:
    """The company table's `name_key`, as `services.contacts.company_id_for` computes it."""
    return fast_fold(" ".join((name or "").split()))


def phone_key(value: str) -> str:
    """Digits (and a leading +) only: "+1 (555) 010-2030" and "+15550102030" match."""
    digits = "".join(ch for ch in value if ch.isdigit())
    return ("+" if value.strip().startswith("+") else "") + digits


def uids(count: int) -> list[str]:
    """`count` random version-4 UUIDs as hex, from one read of the system's randomness.

    Hex digit 12 is the version ("4"); digit 16 carries the RFC 4122 variant (8-b).
    """
    raw = os.urandom(16 * count).hex()
    variant = "89ab"
    return [raw[i:i + 12] + "4" + raw[i + 13:i + 16] + variant[int(raw[i + 16], 16) & 3]
            + raw[i + 17:i + 32] for i in range(0, 32 * count, 32)]


@lru_cache(maxsize=1 << 12)  # connection dates repeat; isoformat each once
def _iso_day(day) -> str:
    return day.isoformat()


def fingerprint(store: Store) -> tuple:
    """Changes whenever anything is written: by this connection or by another one."""
    conn = store.db.connection()
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    return (id(conn), conn.total_changes, version)


# The search index's triggers (migration 3) queue each changed row's document in
# search_pending with one small INSERT per row. Per row that costs ~15 µs here, as much as
# inserting the contact itself, so for a big import a trigger of exactly this shape is
# set aside inside the transaction and its work done afterwards in one statement over the
# ids just written. A trigger of any other shape is left alone and simply runs.
_QUEUE_TRIGGER = re.compile(
    r"CREATE TRIGGER (\w+) AFTER INSERT ON (\w+) BEGIN\s*"
    r"INSERT INTO (\w+) \(doc\) SELECT \(NEW\.(\w+)\) \* (\d+) \+ (\d+) WHERE true "
    r"ON CONFLICT DO NOTHING;\s*END"
)
BULK_ROWS = 200  # below this many contacts, per-row triggers cost nothing worth saving
_BULK_TABLES = ("company", "contact", "contact_email")


def _set_aside_queue_triggers(conn) -> list[tuple[str, re.Match]]:
    """Drops the queue triggers on the bulk tables; returns (sql, parsed) to restore them."""
    marks = ",".join("?" * len(_BULK_TABLES))
    found = []
    for name, sql in conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})",
        _BULK_TABLES,
    ).fetchall():
        shape = _QUEUE_TRIGGER.fullmatch(sql.strip())
        if shape and shape[1] == name:
            found.append((sql, shape))
    for _, shape in found:
        conn.execute(f'DROP TRIGGER "{shape[1]}"')
    return found


def _restore_queue_triggers(conn, triggers: list[tuple[str, re.Match]],
                            written: dict[str, tuple[int, int]]) -> None:
    """Recreates the triggers and queues, set-based, what they would have queued."""
    for sql, shape in triggers:
        conn.execute(sql)
        table, queue, column, times, plus = shape[2], shape[3], shape[4], shape[5], shape[6]
        low, high = written.get(table, (0, -1))
        if low <= high:
            conn.execute(
                f'INSERT INTO "{queue}" (doc) SELECT "{column}" * {int(times)} + {int(plus)}'
                f' FROM "{table}" WHERE id BETWEEN ? AND ? ON CONFLICT DO NOTHING',
                (low, high),
            )


def _next_id(conn, table: str) -> int:
    return (conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1


def write(store: Store, plan: ImportPreview) -> list[int]:
    """Writes `plan` inside the caller's transaction; returns the new contacts' ids."""
    conn = store.db.connection()
    bulk = len(plan.to_add) + len(plan.to_change) >= BULK_ROWS
    triggers = _set_aside_queue_triggers(conn) if bulk else []
    written: dict[str, tuple[int, int]] = {}
    stamp = str(datetime.now().replace(microsecond=0))
    company_ids = _ensure_companies(conn, plan, stamp, written)
    tag_ids = _ensure_tags(conn, plan)
    next_id = _next_id(conn, "contact")
    contact_rows, email_rows, phone_rows, tag_rows = [], [], [], []
    new_uids = uids(len(plan.to_add))
    company_of, key_of, day_of = company_ids.get, company_name_key, _iso_day
    for offset, item in enumerate(plan.to_add):
        c, cid = item.contact, next_id + offset
        url = c.linkedin_url
        contact_rows.append((
            cid, new_uids[offset], c.first_name, c.last_name, c.role,
            company_of(key_of(c.company)) if c.company else None,
            c.location, url, linkedin_key(url) if url else "", c.source.value, c.research,
            c.cadence_days, day_of(c.connected_on) if c.connected_on else None, stamp, stamp,
        ))
        if c.emails:
            email_rows += [(cid, pos, e.label, e.value, email_key(e.value))
                           for pos, e in enumerate(c.emails)]
        if c.phones:
            phone_rows += [(cid, pos, p.label, p.value) for pos, p in enumerate(c.phones)]
        if c.tags:
            tag_rows += [(cid, tag_ids[fold(t)]) for t in c.tags if fold(t) in tag_ids]
    conn.executemany(
        "INSERT INTO contact (id, uid, first_name, last_name, role, company_id, location,"
        " linkedin_url, linkedin_key, source, research, cadence_days, connected_on,"
        " edited_fields, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'',?,?)",
        contact_rows,
    )
    _changes(conn, plan, company_ids, tag_ids, stamp, email_rows, phone_rows, tag_rows)
    first_email = _next_id(conn, "contact_email")
    conn.executemany(
        "INSERT INTO contact_email (id, contact_id, position, label, value, value_key)"
        " VALUES (?,?,?,?,?,?)",
        [(first_email + i, *row) for i, row in enumerate(email_rows)])
    written["contact"] = (next_id, next_id + len(plan.to_add) - 1)
    written["contact_email"] = (first_email, first_email + len(email_rows) - 1)
    conn.executemany(
        "INSERT INTO contact_phone (contact_id, position, label, value) VALUES (?,?,?,?)",
        phone_rows)
    conn.executemany(
        "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) VALUES (?,?)", tag_rows)
    _restore_queue_triggers(conn, triggers, written)
    return [next_id + offset for offset in range(len(plan.to_add))]


def _changes(conn, plan: ImportPreview, company_ids: dict, tag_ids: dict, stamp: str,
             email_rows: list, phone_rows: list, tag_rows: list) -> None:
    """Updates merged contacts and queues their new e-mails, phones and tags."""
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
            name = str(values.pop("company") or "")
            values["company_id"] = company_ids.get(company_name_key(name)) if name else None
        if "linkedin_url" in values:
            values["linkedin_key"] = linkedin_key(str(values["linkedin_url"]))
        if values.get("connected_on") is not None:
            values["connected_on"] = values["connected_on"].isoformat()  # type: ignore[union-attr]
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


def _ensure_companies(conn, plan: ImportPreview, stamp: str,
                      written: dict[str, tuple[int, int]]) -> dict[str, int]:
    """name_key -> id of every company the plan names, creating the missing ones."""
    ids = {key: cid for cid, key in conn.execute("SELECT id, name_key FROM company")}
    names = [i.contact.company for i in plan.to_add]
    names += [str(dict(c.values).get("company") or "") for c in plan.to_change]
    wanted: dict[str, str] = {}
    for name in names:
        key = company_name_key(name) if name else ""
        if key and key not in ids and key not in wanted:
            wanted[key] = " ".join(name.split())
    if wanted:
        next_id = _next_id(conn, "company")
        new_uids = uids(len(wanted))
        rows = [(next_id + i, new_uids[i], name, key, stamp, stamp)
                for i, (key, name) in enumerate(wanted.items())]
        conn.executemany(
            "INSERT INTO company (id, uid, name, name_key, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?)", rows)
        written["company"] = (next_id, next_id + len(rows) - 1)
        ids.update({row[3]: row[0] for row in rows})
    return ids


def _ensure_tags(conn, plan: ImportPreview) -> dict[str, int]:
    """fold(name) -> id of every tag the plan names, creating the missing ones."""
    names = [t for i in plan.to_add for t in i.contact.tags]
    names += [t for c in plan.to_change for t in c.tags]
    if not names:
        return {}
    ids = {key: tid for tid, key in conn.execute("SELECT id, name_key FROM tag")}
    wanted: dict[str, str] = {}
    for name in names:
        key = fold(name)
        if key and key not in ids and key not in wanted:
            wanted[key] = " ".join(name.split())
    if wanted:
        next_id = _next_id(conn, "tag")
        rows = [(next_id + i, name, key) for i, (key, name) in enumerate(wanted.items())]
        conn.executemany("INSERT INTO tag (id, name, name_key) VALUES (?,?,?)", rows)
        ids.update({row[2]: row[0] for row in rows})
    return ids
