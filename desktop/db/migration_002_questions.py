"""Migration 002: the built-in question bank (owned by the question-sheet work)."""

import sqlite3


def migrate(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction; the version bump follows it."""
