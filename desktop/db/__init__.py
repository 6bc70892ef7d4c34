"""The SQLite store: one way to open it (`open_database`), its models and its migrations."""

from desktop.db.connection import Store, check_ahead, open_database

__all__ = ["Store", "check_ahead", "open_database"]
