"""Undo for the changes that destroy or fold data: delete, merge, bulk edits of contacts.

Before such a change, `capture_*` copies every row it may touch into an `UndoStep`;
`UndoHistory.undo` writes those rows back in one transaction. Rows that carry a uid are
upserted by id (so a moved chat goes back to its contact and a deleted one returns with its
id); rows without identity (e-mails, phones, tag links, planned questions) are replaced
under their parent. The search index follows through its triggers.

If an id freed by a delete was taken by a new row since, the undo is refused rather than
overwriting someone else's record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.db import Store
from desktop.errors import UserError

DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class TableRows:
    """Rows of one table as they were; `parent` names the key they are replaced under."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    parent: str | None = None  # e.g. "contact_id": delete children of parent_ids, re-insert
    parent_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class UndoStep:
    label: str  # "Delete 3 contacts", "Merge Ann Lee into Ann Lee"
    tables: tuple[TableRows, ...] = field(default_factory=tuple)


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


# A set of ids of any size as one parameter: `column IN ANY_OF` with json.dumps(ids).
# (A `?` per id stops at SQLite's 32,766 variables; a bulk edit may select 50,000.)
ANY_OF = "(SELECT value FROM json_each(?))"


def ids_param(ids: Iterable[int]) -> str:
    return json.dumps(list(ids))


def _select(store: Store, table: str, where: str, params: Sequence) -> tuple[tuple, tuple]:
    cursor = store.sql(f"SELECT * FROM {table} WHERE {where}", tuple(params))
    columns = tuple(d[0] for d in cursor.description)
    return columns, tuple(cursor.fetchall())


def _rows(
    store: Store, table: str, column: str, ids: Sequence[int], *, parent: bool = False
) -> TableRows:
    ids = tuple(dict.fromkeys(ids))
    if not ids:
        columns, rows = _select(store, table, "0", ())
    else:
        columns, rows = _select(store, table, f"{column} IN {ANY_OF}", (ids_param(ids),))
    if parent:
        return TableRows(table, columns, rows, parent=column, parent_ids=ids)
    return TableRows(table, columns, rows)


def _ids(store: Store, sql: str, params: Sequence) -> list[int]:
    return [row[0] for row in store.sql(sql, tuple(params))]


def capture_contacts(store: Store, contact_ids: Iterable[int], label: str) -> UndoStep:
    """Everything a delete or merge of these contacts touches, as it is now."""
    ids = list(dict.fromkeys(contact_ids))
    these = (ids_param(ids),)
    chat_ids = _ids(store, f"SELECT id FROM chat WHERE contact_id IN {ANY_OF}", these)
    referrers = _ids(store, f"SELECT id FROM contact WHERE referred_by_id IN {ANY_OF}", these)
    follow_ups = _ids(
        store,
        f"SELECT id FROM follow_up WHERE contact_id IN {ANY_OF} OR chat_id IN {ANY_OF}",
        (ids_param(ids), ids_param(chat_ids)),
    )
    # Parents before children: contacts, then chats, then what hangs off both.
    tables = (
        _rows(store, "contact", "id", ids + referrers),
        _rows(store, "chat", "id", chat_ids),
        _rows(store, "chat_question", "chat_id", chat_ids, parent=True),
        _rows(store, "note", "chat_id", chat_ids),
        _rows(store, "insight", "chat_id", chat_ids),
        _rows(store, "follow_up", "id", follow_ups),
        _rows(store, "interaction", "contact_id", ids),
        _rows(store, "contact_email", "contact_id", ids, parent=True),
        _rows(store, "contact_phone", "contact_id", ids, parent=True),
        _rows(store, "contact_tag", "contact_id", ids, parent=True),
    )
    return UndoStep(label, tables)


def capture_contact_fields(store: Store, contact_ids: Iterable[int], label: str) -> UndoStep:
    """The contact rows and tag links only: enough to undo a bulk tag, archive or cadence."""
    ids = list(dict.fromkeys(contact_ids))
    return UndoStep(
        label,
        (
            _rows(store, "contact", "id", ids),
            _rows(store, "contact_tag", "contact_id", ids, parent=True),
        ),
    )


def capture_companies(store: Store, company_ids: Iterable[int], label: str) -> UndoStep:
    """Companies about to be merged or renamed, and the contacts that point at them."""
    ids = list(dict.fromkeys(company_ids))
    contact_ids = _ids(
        store, f"SELECT id FROM contact WHERE company_id IN {ANY_OF}", (ids_param(ids),)
    )
    return UndoStep(
        label,
        (
            _rows(store, "company", "id", ids),
            _rows(store, "contact", "id", contact_ids),
        ),
    )


def restore(store: Store, step: UndoStep) -> None:
    """Writes the step's rows back in one transaction; raises UserError when it cannot."""
    with store.atomic():
        # A restored contact may point at a referrer restored a moment later.
        store.sql("PRAGMA defer_foreign_keys = ON")
        for part in step.tables:
            if part.parent:
                _replace_children(store, part)
            else:
                _upsert(store, part)


def _replace_children(store: Store, part: TableRows) -> None:
    if part.parent_ids:
        store.sql(
            f"DELETE FROM {part.table} WHERE {part.parent} IN {ANY_OF}",
            (ids_param(part.parent_ids),),
        )
    if not part.rows:
        return
    # Their ids mean nothing elsewhere; new ones avoid clashing with rows made since.
    keep = [i for i, c in enumerate(part.columns) if c != "id"]
    columns = ", ".join(part.columns[i] for i in keep)
    store.db.cursor().executemany(
        f"INSERT INTO {part.table} ({columns}) VALUES ({_marks(keep)})",
        [tuple(row[i] for i in keep) for row in part.rows],
    )


def _upsert(store: Store, part: TableRows) -> None:
    if not part.rows:
        return
    id_at = part.columns.index("id")
    uid_at = part.columns.index("uid") if "uid" in part.columns else None
    ids = [row[id_at] for row in part.rows]
    now = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        uid_col = "uid" if uid_at is not None else "NULL"
        now.update(
            store.sql(
                f"SELECT id, {uid_col} FROM {part.table} WHERE id IN ({_marks(chunk)})", chunk
            ).fetchall()
        )
    if uid_at is not None:
        for row in part.rows:
            if row[id_at] in now and now[row[id_at]] != row[uid_at]:
                raise UserError(
                    "This can no longer be undone: a record made since took the place of "
                    "one it would bring back."
                )
    columns = ", ".join(part.columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in part.columns if c != "id")
    sql = (
        f"INSERT INTO {part.table} ({columns}) VALUES ({_marks(part.columns)}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )
    # Rows that still exist first: a renamed company must give its name back before the
    # deleted one that owned that name returns (names are unique).
    ordered = sorted(part.rows, key=lambda row: row[id_at] not in now)
    store.db.cursor().executemany(sql, ordered)


class UndoHistory:
    """The last few undoable steps of one open database, newest last."""

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self.limit = limit
        self._steps: list[UndoStep] = []

    def push(self, step: UndoStep) -> None:
        self._steps.append(step)
        del self._steps[: -self.limit]

    @property
    def can_undo(self) -> bool:
        return bool(self._steps)

    @property
    def next_label(self) -> str:
        return self._steps[-1].label if self._steps else ""

    def undo(self, store: Store) -> str:
        """Restores the newest step and returns its label; a refused step is dropped."""
        if not self._steps:
            raise UserError("There is nothing to undo.")
        step = self._steps.pop()
        restore(store, step)
        return step.label

    def clear(self) -> None:
        self._steps.clear()

    def __len__(self) -> int:
        return len(self._steps)
