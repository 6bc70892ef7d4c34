"""The SQLite store: one way to open it (`open_database`), its models and its migrations."""

from desktop.db.connection import Store, open_database

__all__ = ["Store", "open_database"]
