"""The one way to open a Coffee Chats database: checks first, never overwrites what it refuses.

`open_database(path)` makes a new file (mode 0600) when none exists, refuses a file that is
not ours, is damaged, or was written by a newer version, copies the file aside before
migrating it, and returns a `Store` with WAL, foreign keys and a busy timeout set.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
import time
import weakref
from contextlib import closing
from datetime import datetime
from pathlib import Path

from desktop.db.failures import storage_errors
from desktop.db.migrations import APPLICATION_ID, SCHEMA_VERSION, run_migrations
from desktop.errors import DatabaseDamaged, DatabaseRefused

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    # FULL syncs the WAL on each commit: a power cut keeps every committed note.
    "synchronous": "full",
    # Triggers make SQLite keep a statement journal per row; in memory it costs half.
    "temp_store": "memory",
}


_SQLITE_CORRUPT = 11  # SQLite's primary result code of a damaged file


class Store:
    """An open database: where it lives and its connection. Services take one of these.

    `sql(...)` runs a statement on the connection as it is: what start-up reads (Today)
    needs nothing more. `db` is the peewee database, made on first use; from then on both
    go through it.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, migrated_from: int | None = None):
        self.path = path
        self.migrated_from = migrated_from
        self._conn: sqlite3.Connection | None = conn
        self._db = None
        self._made = threading.Lock()
        self._owner = threading.get_ident()  # the thread that may use `_conn` as it is
        global _latest
        if "desktop.db.models" in sys.modules:
            self.db  # noqa: B018  the models are in use: bind them now, as every store does
        else:  # they are bound when first imported (models.py ends with bind_latest_store)
            _latest = weakref.ref(self)

    @property
    def db(self):
        """The peewee database (models bound), adopting the open connection."""
        db = self._db
        if db is None:
            global _latest
            if _latest is not None and _latest() is self:
                _latest = None  # binding now: the models' first import must not do it again
            from desktop.db import peewee_db

            with self._made:
                if self._db is None:
                    conn, self._conn = self._conn, None
                    self._db = peewee_db.bind(str(self.path), conn)
                db = self._db
        return db

    def sql(self, statement: str, params=()) -> sqlite3.Cursor:
        """Runs one statement; a failed write people can act on raises StorageFailed."""
        if self._db is not None or self._conn is None or threading.get_ident() != self._owner:
            return self.db.execute_sql(statement, params)
        with storage_errors():
            return self._conn.execute(statement, params)

    def atomic(self):
        return self.db.atomic()

    def close(self) -> None:
        if self._db is not None:
            if not self._db.is_closed():
                self._db.close()
            # Made while another thread asked first, and never taken: close it too.
            unused, self._db._adopt = self._db._adopt, None
            if unused is not None:
                unused.close()
        elif self._conn is not None:
            self._conn.close()
            self._conn = None
            global _latest
            if _latest is not None and _latest() is self:
                _latest = None  # closed before its models were needed: nothing to bind

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_latest: weakref.ref[Store] | None = None


def bind_latest_store() -> None:
    """Binds the models to the store opened last, when none was bound yet: the models
    module calls this when it is first imported (after start-up, usually)."""
    global _latest
    store = _latest() if _latest is not None else None
    _latest = None
    if store is not None:
        store.db  # noqa: B018  makes the peewee database, which binds the models


def _create_empty(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # the umask must not widen it
    finally:
        os.close(fd)


def _refuse_read_only(path: Path) -> None:
    """Coffee Chats saves as the user types, and SQLite writes its journal beside the file:
    both must be writable, or the first save would fail far from here."""
    if not os.access(path, os.W_OK):
        raise DatabaseRefused(
            f"{path} is read-only, and Coffee Chats saves every change as you make it. Make "
            "the file writable (or copy it somewhere you can write) and open it again. "
            "It was left untouched."
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseRefused(
            f"The folder {path.parent} is read-only, and SQLite needs to write its journal "
            "beside the database. Move the database to a folder you can write to, or make "
            "this one writable. It was left untouched."
        )


def _check_uri(path: Path) -> str:
    # Without a -wal (or hot -journal) file beside it, no connection has the file open and
    # the file holds everything: `immutable` reads it without creating -wal and -shm files
    # beside a file that may be refused (a read-only connection cannot remove them).
    sidecars = (path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal"))
    quiet = "" if any(s.exists() for s in sidecars) else "&immutable=1"
    return path.resolve().as_uri() + "?mode=ro" + quiet


def _identity(path: Path) -> tuple[tuple[int, int, int, int] | None, ...]:
    """What says the file (and its WAL) is the one checked: device, inode, size, mtime."""
    found: list[tuple[int, int, int, int] | None] = []
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            info = os.stat(name)
        except OSError:
            found.append(None)
        else:
            found.append((info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns))
    return tuple(found)


class _CheckAhead:
    """`PRAGMA quick_check(1)` of one file, run in a thread (SQLite lets go of the GIL)."""

    MAX_AGE_S = 30.0

    def __init__(self, path: Path):
        self.uri = _check_uri(path)
        self.identity = _identity(path)
        self.started = time.monotonic()
        self.answer: str | BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="quick_check ahead", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            with closing(sqlite3.connect(self.uri, uri=True,
                                         timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
                self.answer = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except BaseException as exc:  # re-raised by _inspect, in the opening thread
            self.answer = exc


_ahead: dict[Path, _CheckAhead] = {}


def check_ahead(path: str | os.PathLike[str]) -> None:
    """Starts the integrity check `open_database(path)` makes (a read of the whole file: about
    9 ms at 5 MB, growing with the file) in a thread, so that it runs while the window's
    start-up imports Qt. `open_database` takes the answer once, when the file is unchanged
    since the check began; otherwise it checks as it always does. Nothing is written."""
    path = Path(path).expanduser()
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        key = path.resolve()
    except OSError:
        return
    _ahead[key] = _CheckAhead(path)


def _checked_ahead(path: Path) -> str | None:
    """The answer of `check_ahead` for this very file (raising what it raised), or None."""
    ahead = _ahead.pop(path.resolve(), None)
    if ahead is None:
        return None
    ahead.thread.join()
    if (time.monotonic() - ahead.started > _CheckAhead.MAX_AGE_S
            or ahead.uri != _check_uri(path) or ahead.identity != _identity(path)):
        return None  # changed (or too old): check again
    if isinstance(ahead.answer, BaseException):
        raise ahead.answer
    return ahead.answer


def _inspect(path: Path) -> tuple[int, bool]:
    """Reads (user_version, has_tables) without writing; raises DatabaseRefused when unsafe."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseRefused(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if header not in (b"", SQLITE_HEADER):
        raise DatabaseRefused(
            f"{path} is not a Coffee Chats database (it is not an SQLite file). "
            "It was left untouched."
        )
    _refuse_read_only(path)
    if header == b"":
        return 0, False
    try:
        with closing(sqlite3.connect(_check_uri(path), uri=True,
                                     timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            check = _checked_ahead(path)
            if check is None:
                check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if check != "ok":
                raise DatabaseDamaged(
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
        if getattr(exc, "sqlite_errorcode", None) == _SQLITE_CORRUPT or "malformed" in str(exc):
            raise DatabaseDamaged(
                f"{path} is damaged ({exc}). It was left untouched; restore a backup with "
                "File → Restore backup… or `coffee-chats restore`."
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


def _put_back(path: Path, aside: Path | None, version: int) -> None:
    """After a failed migration: the file as it was, from the copy made before it began."""
    with closing(sqlite3.connect(path)) as conn:
        if conn.execute("PRAGMA user_version").fetchone()[0] == version:
            return  # the failing step was the first: its rollback already left it as it was
    if aside is None:  # it held no tables: empty again
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode = delete")
        for sidecar in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            sidecar.unlink(missing_ok=True)
        os.truncate(path, 0)
        return
    with closing(sqlite3.connect(aside)) as src, closing(sqlite3.connect(path)) as dst:
        src.backup(dst)


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
        aside = copy_aside(path, f"before-v{SCHEMA_VERSION}") if has_tables else None
        try:
            with closing(sqlite3.connect(path, isolation_level=None)) as conn:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = wal")
                run_migrations(conn, version)
        except Exception as exc:
            # Any failure, a bug in a step included: the user is told, never shown a crash,
            # and the file goes back to the version it had (earlier steps committed).
            logging.getLogger(__name__).error("Migration from version %d failed", version,
                                              exc_info=True)
            _put_back(path, aside, version)
            kept = f" (a copy is also kept as {aside.name})" if aside else ""
            raise DatabaseRefused(
                f"Cannot update {path} to this version of Coffee Chats ({exc}). The update "
                f"was undone and the file is as it was before{kept}. Nothing was lost; "
                "please report this with the log file."
            ) from exc
        migrated_from = version
    return Store(_connect(path), path, migrated_from)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection as peewee makes them (autocommit: peewee begins its own transactions),
    with the store's pragmas set."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        for pragma, value in PRAGMAS.items():
            conn.execute(f"PRAGMA {pragma} = {value}")
    except BaseException:
        conn.close()
        raise
    return conn
