"""Migration 004: career paths, job leads and insight groups (owned by the Today/Insights work)."""

import sqlite3


def migrate(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction; the version bump follows it."""
