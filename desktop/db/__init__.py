"""The SQLite store: one way to open it (`open_database`), its models and its migrations."""

from desktop.db.connection import Store, check_ahead, open_database


class _Models:
    """`desktop.db.models`, imported on first use: for services on the start-up path, whose
    first calls (Today's) are plain SQL, so peewee waits until the first paint is done."""

    def __getattr__(self, name: str):
        from desktop.db import models

        return getattr(models, name)


lazy_models = _Models()

__all__ = ["Store", "check_ahead", "lazy_models", "open_database"]
