"""Migration 002: the built-in question bank, and the sync that later migrations reuse.

Built-in questions are found by their stable `key`. `sync_builtin_questions` adds the ones
a database lacks and refreshes the wording of the ones the user never touched; it never
overwrites a question the user edited (`edited = 1`) and never un-archives one. A later
migration that ships new built-ins just calls it again inside its own transaction.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.builtin_questions import BUILTIN_QUESTIONS, BuiltinQuestion


@dataclass(frozen=True, slots=True)
class SyncResult:
    added: int = 0
    updated: int = 0
    kept_edited: int = 0


def sync_builtin_questions(
    conn: sqlite3.Connection, questions: Iterable[BuiltinQuestion] = BUILTIN_QUESTIONS
) -> SyncResult:
    """Brings the built-ins in `conn` up to `questions`; the caller owns the transaction."""
    # peewee's DateTimeField reads this format back.
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    existing = {
        key: (text, category, edited)
        for key, text, category, edited in conn.execute(
            "SELECT key, text, category, edited FROM question WHERE key IS NOT NULL"
        )
    }
    added = updated = kept = 0
    for position, q in enumerate(questions):
        row = existing.get(q.key)
        if row is None:
            conn.execute(
                "INSERT INTO question (uid, key, text, category, builtin, favourite, archived,"
                " edited, position, created_at) VALUES (?, ?, ?, ?, 1, 0, 0, 0, ?, ?)",
                (uuid.uuid4().hex, q.key, q.text, q.category.value, position, stamp),
            )
            added += 1
        elif row[2]:
            kept += 1  # the user's wording wins over ours, forever
        elif (row[0], row[1]) != (q.text, q.category.value):
            # Only wording and category: archived and favourite stay as the user left them.
            conn.execute(
                "UPDATE question SET text = ?, category = ?, position = ? WHERE key = ?",
                (q.text, q.category.value, position, q.key),
            )
            updated += 1
    return SyncResult(added, updated, kept)


def migrate(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction; the version bump follows it."""
    sync_builtin_questions(conn)
