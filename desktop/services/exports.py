"""Full contact records for export, loaded in a handful of queries (not one per contact).

`contacts(store)` returns every contact, `contacts(store, ids)` the given ones in that
order; each with its company name, e-mails, phones and tags, ready for the vCard and CSV
writers in `desktop.io`. Reading only: the database file is left as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from desktop.db import Store
from desktop.domain.enums import Source
from desktop.domain.records import Contact, Labelled

_CHUNK = 500  # ids per IN (...) list, well under SQLite's parameter limit

_CONTACT_SQL = """
SELECT c.id, c.first_name, c.last_name, c.role, coalesce(co.name, ''), c.company_id,
       c.location, c.linkedin_url, c.source, c.referred_by_id, c.research, c.cadence_days,
       c.archived, c.connected_on, c.created_at
  FROM contact c LEFT JOIN company co ON co.id = c.company_id
"""


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _where(ids: list[int] | None, column: str) -> Iterable[tuple[str, list[int]]]:
    if ids is None:
        yield "", []
        return
    for chunk in _chunks(ids):
        yield f" WHERE {column} IN ({','.join('?' * len(chunk))})", chunk


def contacts(store: Store, ids: Iterable[int] | None = None, *,
             include_archived: bool = True) -> list[Contact]:
    """Every contact (by id), or those of `ids` in the order given (unknown ids skipped)."""
    wanted = None if ids is None else list(dict.fromkeys(ids))
    db = store.db
    with store.atomic():
        rows: dict[int, tuple] = {}
        for where, params in _where(wanted, "c.id"):
            for row in db.execute_sql(_CONTACT_SQL + where + " ORDER BY c.id", params):
                rows[row[0]] = row
        emails = _labelled(db, "contact_email", wanted)
        phones = _labelled(db, "contact_phone", wanted)
        tags: dict[int, list[str]] = {}
        for where, params in _where(wanted, "ct.contact_id"):
            for cid, name in db.execute_sql(
                "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id"
                + where + " ORDER BY t.name_key", params
            ):
                tags.setdefault(cid, []).append(name)
    order = wanted if wanted is not None else list(rows)
    out = []
    for cid in order:
        row = rows.get(cid)
        if row is None or (row[12] and not include_archived):
            continue
        out.append(Contact(
            first_name=row[1], last_name=row[2], role=row[3], company=row[4],
            company_id=row[5], location=row[6], linkedin_url=row[7],
            source=Source.parse(row[8], Source.OTHER), referred_by_id=row[9],
            research=row[10], cadence_days=row[11], archived=bool(row[12]),
            connected_on=_date(row[13]), created_at=_datetime(row[14]),
            emails=tuple(emails.get(cid, ())), phones=tuple(phones.get(cid, ())),
            tags=tuple(tags.get(cid, ())), id=cid,
        ))
    return out


def _labelled(db, table: str, wanted: list[int] | None) -> dict[int, list[Labelled]]:
    out: dict[int, list[Labelled]] = {}
    for where, params in _where(wanted, "contact_id"):
        for cid, value, label in db.execute_sql(
            f"SELECT contact_id, value, label FROM {table}{where}"
            " ORDER BY contact_id, position, id",
            params,
        ):
            out.setdefault(cid, []).append(Labelled(value, label))
    return out


def _date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _datetime(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
