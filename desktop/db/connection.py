"""The one way to open a Coffee Chats database: checks first, never overwrites what it refuses.

`open_database(path)` makes a new file (mode 0600) when none exists, refuses a file that is
not ours, is damaged, or was written by a newer version, copies the file aside before
migrating it, and returns a `Store` with WAL, foreign keys and a busy timeout set.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from desktop.db.migrations import APPLICATION_ID, SCHEMA_VERSION, run_migrations
from desktop.db.models import ALL_MODELS
from desktop.errors import DatabaseRefused

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    # FULL syncs the WAL on each commit: a power cut keeps every committed note.
    "synchronous": "full",
}


class Store:
    """An open database: the peewee handle and where it lives. Services take one of these."""

    def __init__(self, db: SqliteDatabase, path: Path, migrated_from: int | None = None):
        self.db = db
        self.path = path
        self.migrated_from = migrated_from

    def atomic(self):
        return self.db.atomic()

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _create_empty(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # the umask must not widen it
    finally:
        os.close(fd)


def _inspect(path: Path) -> tuple[int, bool]:
    """Reads (user_version, has_tables) without writing; raises DatabaseRefused when unsafe."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseRefused(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if header == b"":
        return 0, False
    if header != SQLITE_HEADER:
        raise DatabaseRefused(
            f"{path} is not a Coffee Chats database (it is not an SQLite file). "
            "It was left untouched."
        )
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if check != "ok":
                raise DatabaseRefused(
                    f"{path} is damaged ({check}). It was left untouched; "
                    "restore a backup with File → Restore backup… or `coffee-chats restore`."
                )
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseRefused(
                f"{path} is locked by another program. Close it there and try again."
            ) from exc
        raise DatabaseRefused(
            f"{path} cannot be read as a database ({exc}). It was left untouched."
        ) from exc
    if tables and app_id != APPLICATION_ID:
        raise DatabaseRefused(
            f"{path} is an SQLite database of another program, not of Coffee Chats. "
            "It was left untouched."
        )
    if version > SCHEMA_VERSION:
        raise DatabaseRefused(
            f"{path} was written by a newer Coffee Chats (schema version {version}); "
            f"this version understands up to schema version {SCHEMA_VERSION}. "
            "Update Coffee Chats to open it. The file was left untouched."
        )
    return version, bool(tables)


def copy_aside(path: Path, suffix: str) -> Path:
    """Copies a database with the sqlite backup API to `<stem>.<suffix>-<time>.sqlite`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{suffix}-{stamp}{path.suffix or '.sqlite'}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.{suffix}-{stamp}-{n}{path.suffix or '.sqlite'}")
    _create_empty(target)
    with closing(sqlite3.connect(path)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def open_database(path: str | os.PathLike[str], *, migrate: bool = True) -> Store:
    """Opens (creating when missing) and migrates the database at `path`.

    Raises `DatabaseRefused` with a message for people when the file is not ours, is
    damaged, is locked, or is newer than this app; the file is then left byte-for-byte as is.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a database file.")
    if not path.exists():
        try:
            _create_empty(path)
        except OSError as exc:
            raise DatabaseRefused(f"Cannot create {path}: {exc.strerror or exc}.") from exc
    version, has_tables = _inspect(path)
    migrated_from = None
    if version < SCHEMA_VERSION and migrate:
        if has_tables:
            copy_aside(path, f"before-v{SCHEMA_VERSION}")
        try:
            with closing(sqlite3.connect(path, isolation_level=None)) as conn:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = wal")
                run_migrations(conn, version)
        except sqlite3.OperationalError as exc:
            raise DatabaseRefused(f"Cannot update {path}: {exc}. Nothing was changed.") from exc
        migrated_from = version
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.bind(ALL_MODELS, bind_refs=False, bind_backrefs=False)
    db.connect()
    return Store(db, path, migrated_from)
