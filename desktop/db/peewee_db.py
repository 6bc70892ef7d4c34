"""The peewee side of an open store, made the first time a service asks for `store.db`.

Start-up reads Today's figures and rows with plain SQL on the connection `open_database`
made; peewee and the models (some 25 ms to import) come in when a service first needs
them, and peewee then adopts that same connection instead of opening a second one.
"""

from __future__ import annotations

import sqlite3
import threading

from peewee import SqliteDatabase

from desktop.db import connection
from desktop.db.failures import storage_error, storage_error_in_chain, storage_errors


class _Atomic:
    """peewee's atomic block whose storage failures surface as StorageFailed, including
    those raised by raw sqlite3 cursors inside it (bulk imports) and by its COMMIT."""

    def __init__(self, inner):
        self._inner = inner

    def __enter__(self):
        return self._inner.__enter__()

    def __exit__(self, exc_type, exc, tb):
        try:
            handled = self._inner.__exit__(exc_type, exc, tb)
        except Exception as failure:  # the COMMIT, or the ROLLBACK after a failure
            translated = storage_error(exc) or storage_error_in_chain(failure)
            if translated is None or translated is failure:
                raise
            raise translated from (exc or failure)
        translated = storage_error(exc)
        if translated is not None and translated is not exc and not handled:
            raise translated from exc
        return handled


class _Database(SqliteDatabase):
    """SqliteDatabase whose failed writes that people can act on raise StorageFailed (a
    UserError: a calm message, not a crash report); the transaction is rolled back.

    Its first connection in the thread that opened the store is the one already open
    (`adopt`); other threads, and any reconnection, open their own as usual."""

    def __init__(self, path: str, adopt: sqlite3.Connection | None = None):
        super().__init__(path, pragmas=connection.PRAGMAS, check_same_thread=False)
        self._adopt = adopt
        self._adopt_thread = threading.get_ident()

    def _connect(self):
        conn = self._adopt
        if conn is None or threading.get_ident() != self._adopt_thread:
            return super()._connect()
        self._adopt = None
        self._add_conn_hooks(conn)
        return conn

    def execute_sql(self, sql, params=None):
        with storage_errors():
            return super().execute_sql(sql, params)

    def commit(self):
        with storage_errors():
            return super().commit()

    def atomic(self, *args, **kwargs):
        return _Atomic(super().atomic(*args, **kwargs))


def bind(path: str, conn: sqlite3.Connection | None) -> _Database:
    """The peewee database for an open store, models bound, connected (on `conn` when given)."""
    from desktop.db.models import ALL_MODELS

    db = _Database(path, conn)
    db.bind(ALL_MODELS, bind_refs=False, bind_backrefs=False)
    db.connect()
    return db
