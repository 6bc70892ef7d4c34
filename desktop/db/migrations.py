"""The ordered migration chain. Each step runs in one transaction with its version bump.

To change the schema, append a function to `MIGRATIONS`; never edit or reorder a released
one. `SCHEMA_VERSION` is the length of the chain.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable

from desktop.db.schema_v1 import SCHEMA_V1

# "CCht" as a 32-bit integer: marks a SQLite file as ours.
APPLICATION_ID = 0x43436874


def _v1_schema(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            conn.execute(statement)


Migration = Callable[[sqlite3.Connection], None]


def _step(module: str) -> Migration:
    """`desktop.db.<module>.migrate`, imported when it runs: opening an up-to-date database
    (every start) needs none of them, and the question bank alone is a few milliseconds."""

    def migrate(conn: sqlite3.Connection) -> None:
        importlib.import_module(f"desktop.db.{module}").migrate(conn)

    migrate.__qualname__ = f"{module}.migrate"
    return migrate


MIGRATIONS: list[Migration] = [
    _v1_schema,
    _step("migration_002_questions"),
    _step("migration_003_search"),
    _step("migration_004_insights"),
]

SCHEMA_VERSION = len(MIGRATIONS)


def run_migrations(conn: sqlite3.Connection, current: int) -> list[int]:
    """Brings a raw sqlite3 connection from `current` to `SCHEMA_VERSION`; returns versions run.

    The connection must be in autocommit mode (isolation_level None): each step opens its
    own transaction, so a failure leaves the file at the last version that completed.
    """
    done = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        step = MIGRATIONS[version - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {version}")
            if version == 1:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(version)
    return done
