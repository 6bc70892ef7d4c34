"""Failed writes that people can act on (disk full, read-only file, a lock, an I/O error)
turned into StorageFailed: a calm message saying the change was not saved, not a crash.

Used by the store's plain connection and by its peewee side alike.
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import contextmanager

from desktop.errors import DiskFull, StorageFailed

# SQLite's primary result codes of writes that fail for reasons people can act on.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_FULL = 13
_UNCHANGED = " The change was not saved; everything saved before it is safe."


def storage_error(exc: BaseException | None) -> StorageFailed | None:
    """`exc` as a StorageFailed (a UserError) when it is a write that failed for a reason
    people can act on: disk full, read-only file, database locked, disk I/O error."""
    if exc is None or isinstance(exc, StorageFailed):
        return exc
    # peewee is imported when the store first needs it (Store.db): not on the start-up path.
    peewee = sys.modules.get("peewee")
    wrapped = (peewee.OperationalError,) if peewee is not None else ()
    if not isinstance(exc, (sqlite3.OperationalError, *wrapped)):
        return None
    # peewee wraps the sqlite3 error: it is its first argument.
    original = exc if isinstance(exc, sqlite3.Error) else next(
        (a for a in exc.args if isinstance(a, sqlite3.Error)), exc)
    code = getattr(original, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(original).lower()
    if primary == _SQLITE_FULL or "disk is full" in text:
        return DiskFull("The disk is full, so the last change could not be saved. Free some "
                        "space and try again; everything saved before it is safe.")
    if primary == _SQLITE_READONLY or "readonly database" in text:
        return StorageFailed("The database file is read-only (or its folder is), so Coffee "
                             "Chats cannot write to it." + _UNCHANGED)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return StorageFailed("The database is locked by another program that is writing to "
                             "it. Close it there and try again." + _UNCHANGED)
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        return StorageFailed("The disk could not be written (a disk input/output error)."
                             + _UNCHANGED)
    return None


@contextmanager
def storage_errors():
    """Turns a failed statement that people can act on into StorageFailed (a UserError: a
    calm message, not a crash report); anything else goes on as it was raised."""
    try:
        yield
    except Exception as exc:
        translated = storage_error(exc)
        if translated is None or translated is exc:
            raise
        raise translated from exc


def storage_error_in_chain(exc: BaseException | None) -> StorageFailed | None:
    """storage_error of `exc` or of what it was raised while handling (a failed ROLLBACK
    after a failed COMMIT hides the reason behind it)."""
    for _ in range(4):
        if exc is None:
            return None
        found = storage_error(exc)
        if found is not None:
            return found
        exc = exc.__context__
    return None
