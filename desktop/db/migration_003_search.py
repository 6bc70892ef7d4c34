"""Migration 003: the FTS5 search index kept in step by triggers (owned by the contacts work)."""

import sqlite3


def migrate(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction; the version bump follows it."""
