"""Backups: a checked copy on demand, a rotating automatic copy on start-up, and restore.

Every copy is made with SQLite's backup API (consistent even while the app writes), turned
into a single self-contained file (no -wal beside it), checked with `quick_check`, made
readable by its owner only, and only then given its final name — a half-written or
damaged copy never looks like a backup.

`restore` checks the file with the same checks `open_database` makes, keeps the current
database aside as `<name>.before-restore-<time>.sqlite`, and replaces the file atomically.
No connection to the database may be open while it runs (the app closes its store first
and opens it again afterwards).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.db import open_database
from desktop.errors import DatabaseRefused, UserError

log = logging.getLogger(__name__)

DAILY_KEPT = 7
WEEKLY_KEPT = 4
_AUTO_NAME = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})\.sqlite$")


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file, for File → Restore backup…"""

    path: str
    taken_at: datetime
    contacts: int | None  # None when the file cannot be read as a Coffee Chats database
    size: int = 0
    automatic: bool = False


class BackupFailed(UserError):
    """A backup could not be written or did not pass its check; no backup file was left."""


def _new_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported everywhere (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _discard(paths: list[Path]) -> None:
    """Removes leftovers; a failure here is logged, never raised over the error that counts
    (a folder that is really a file made unlink raise NotADirectoryError over BackupFailed)."""
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove a leftover (%s)", type(exc).__name__)


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest existing part of `folder` when it is not a folder (a file, say)."""
    for part in (folder, *folder.parents):
        if part.exists() or part.is_symlink():
            return None if part.is_dir() else part
    return None


def copy_database(source: Path, target: Path) -> Path:
    """Copies the database `source` to `target` (replaced atomically), checked, mode 0600."""
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise BackupFailed(f"There is no database at {source} to back up.")
    if target.exists() and target.resolve() == source.resolve():
        raise BackupFailed("A backup cannot overwrite the database it copies.")
    if target.is_dir():
        raise BackupFailed(f"{target} is a folder; give a file name for the backup.")
    if (blocker := _file_in_the_way(target.parent)) is not None:
        raise BackupFailed(f"Could not write the backup {target}: {blocker} is a file, "
                           "not a folder.")
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        _new_private_file(partial)
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            # One self-contained file: a backup must not depend on a -wal file beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
            check = dst.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise BackupFailed(f"The copy of {source} failed its check ({check}); "
                                   "the database itself may be damaged.")
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise BackupFailed(f"Could not back up {source}: {exc}.") from exc
    except OSError as exc:
        raise BackupFailed(f"Could not write the backup {target}: {exc.strerror or exc}.") from exc
    finally:
        _discard([partial, *_sidecars(partial)])
    log.info("backup written (%d bytes)", target.stat().st_size)
    return target


def backup(db_path: Path, out: Path) -> Path:
    """`coffee-chats backup --out FILE`: the database (made when missing) copied to `out`."""
    open_database(db_path).close()  # the same checks (and first-start creation) as ever
    return copy_database(Path(db_path), Path(out))


# --- restore ---------------------------------------------------------------------------


def restore(db_path: Path, backup_file: Path) -> Path | None:
    """Replaces the database with `backup_file`; returns where the old one was kept.

    Returns None when there was no database yet (the backup simply becomes it).
    The backup is copied beside the database and checked there first (not ours, damaged,
    newer version, empty → DatabaseRefused/UserError, and nothing is changed).
    """
    db_path, backup_file = Path(db_path).expanduser(), Path(backup_file).expanduser()
    if not backup_file.is_file():
        raise UserError(f"There is no backup file {backup_file}.")
    if db_path.exists() and backup_file.resolve() == db_path.resolve():
        raise UserError(f"{backup_file} is the database itself; choose a backup file.")
    if backup_file.stat().st_size == 0:
        raise UserError(f"{backup_file} is empty, not a backup. Nothing was changed.")
    staging = db_path.with_name(f".{db_path.name}.restoring-{os.getpid()}")
    try:
        _stage(backup_file, staging)
        kept = _keep_aside(db_path) if db_path.exists() else None
        for sidecar in _sidecars(db_path):
            sidecar.unlink(missing_ok=True)  # they belong to the file being replaced
        os.replace(staging, db_path)
        _fsync_dir(db_path.parent)
    finally:
        _discard([staging, *_sidecars(staging)])
    log.info("database restored from a backup; the previous one was kept aside")
    return kept


def _stage(backup_file: Path, staging: Path) -> None:
    """Copies the backup beside the database and runs open_database's checks on the copy."""
    db_dir = staging.parent
    db_dir.mkdir(parents=True, exist_ok=True)
    _new_private_file(staging)
    shutil.copyfile(backup_file, staging)
    wal = backup_file.with_name(backup_file.name + "-wal")
    if wal.exists():  # a copy of a live database: its last commits are in the -wal file
        shutil.copyfile(wal, staging.with_name(staging.name + "-wal"))
    try:
        # Note: like any open_database, this binds the models to the staged copy until the
        # caller opens its database again (the app reopens it after a restore).
        store = open_database(staging, migrate=False)
    except DatabaseRefused as exc:
        # Its message names the staged copy and advises a restore; the user chose this file.
        message = " ".join(str(exc).replace(str(staging), str(backup_file)).split())
        message = re.sub(r"(The file was|It was) left untouched.*$", "Nothing was changed.",
                         message)
        raise DatabaseRefused(message) from None
    try:
        tables = store.sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'contact'").fetchone()[0]
        if not tables:
            raise UserError(f"{backup_file} holds no Coffee Chats data. Nothing was changed.")
        # The staged file must stand alone before it becomes the database.
        store.sql("PRAGMA journal_mode = DELETE")
    finally:
        store.close()


def _keep_aside(db_path: Path) -> Path:
    """Copies the current database, byte for byte with its -wal, to a dated name beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}.sqlite")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}-{n}.sqlite")
    _new_private_file(aside)
    shutil.copyfile(db_path, aside)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, aside.with_name(aside.name + "-wal"))
    return aside


# --- automatic backups -----------------------------------------------------------------


def automatic_backup(db_path: Path, backup_dir: Path, today: date | None = None) -> Path | None:
    """Once a day: a checked copy named `<stem>-YYYY-MM-DD.sqlite`, then old ones pruned.

    Returns the new backup, or None when there was nothing to do (no database yet, or
    today's copy exists). Keeps the last 7 daily copies and one per week for 4 more weeks.
    Raises BackupFailed when the copy cannot be made or fails its check.
    """
    db_path, backup_dir = Path(db_path), Path(backup_dir)
    today = today or date.today()
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    target = backup_dir / f"{db_path.stem}-{today.isoformat()}.sqlite"
    if target.exists():
        return None
    copy_database(db_path, target)
    prune(backup_dir, db_path.stem)
    return target


def _automatic(backup_dir: Path, stem: str) -> dict[date, Path]:
    found = {}
    for path in backup_dir.glob(f"{stem}-*.sqlite"):
        match = _AUTO_NAME.match(path.name)
        if match and match["stem"] == stem:
            try:
                found[date.fromisoformat(match["day"])] = path
            except ValueError:
                continue
    return found


def prune(backup_dir: Path, stem: str) -> list[Path]:
    """Deletes automatic backups beyond the 7 newest days and 4 weekly ones; returns them."""
    found = _automatic(Path(backup_dir), stem)
    days = sorted(found, reverse=True)
    keep = set(days[:DAILY_KEPT])
    # Weekly copies come from weeks older than the daily ones: the newest copy of each.
    weeks_seen = {day.isocalendar()[:2] for day in keep}
    weekly = 0
    for day in days[DAILY_KEPT:]:
        week = day.isocalendar()[:2]
        if week not in weeks_seen and weekly < WEEKLY_KEPT:
            weeks_seen.add(week)
            keep.add(day)
            weekly += 1
    removed = []
    for day, path in found.items():
        if day not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def list_backups(backup_dir: Path) -> list[Backup]:
    """The backups in `backup_dir`, newest first, with their contact counts (for Restore…)."""
    out = []
    for path in Path(backup_dir).glob("*.sqlite"):
        if not path.is_file() or path.name.startswith("."):
            continue
        match = _AUTO_NAME.match(path.name)
        taken = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
        out.append(Backup(path=str(path), taken_at=taken, contacts=_count_contacts(path),
                          size=path.stat().st_size, automatic=bool(match)))
    out.sort(key=lambda b: (b.taken_at, b.path), reverse=True)
    return out


def _count_contacts(path: Path) -> int | None:
    """How many contacts a backup holds; None when it cannot be read as ours."""
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            return conn.execute("SELECT count(*) FROM contact WHERE archived = 0").fetchone()[0]
    except sqlite3.Error:
        return None


def newest_good(backup_dir: Path, stem: str) -> Backup | None:
    """The newest backup of the database named `stem` that passes `quick_check` and holds
    Coffee Chats data: what to offer when that database is damaged. None when there is none."""
    for item in list_backups(backup_dir):
        if item.contacts is None or not Path(item.path).name.startswith(f"{stem}-"):
            continue
        try:
            uri = Path(item.path).resolve().as_uri() + "?mode=ro"
            with closing(sqlite3.connect(uri, uri=True)) as conn:
                if conn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                    return item
        except sqlite3.Error:
            continue
    return None
