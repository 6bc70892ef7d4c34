"""Backups and restore: checked copies, files refused untouched, the rotating daily copies."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from datetime import date, timedelta

import pytest

from desktop.db.migrations import SCHEMA_VERSION
from desktop.domain import records as r
from desktop.errors import DatabaseRefused, UserError
from desktop.services import backup, contacts, open_store


def _names(path) -> set[str]:
    with open_store(path) as store:
        return {row.name for row in contacts.list_rows(store)}


@pytest.fixture
def filled(db_path):
    with open_store(db_path) as store:
        contacts.save(store, r.Contact(first_name="Łukasz", last_name="Wiśniewski"))
        contacts.save(store, r.Contact(first_name="Lan"))
    return db_path


def test_backup_is_a_checked_private_standalone_copy(filled, tmp_path):
    out = backup.backup(filled, tmp_path / "copy.sqlite")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not (tmp_path / "copy.sqlite-wal").exists()
    with closing(sqlite3.connect(out)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert _names(out) == {"Łukasz Wiśniewski", "Lan"}
    assert [p.name for p in tmp_path.iterdir() if ".partial" in p.name] == []


def test_backup_sees_commits_still_in_the_wal(filled, tmp_path):
    with open_store(filled) as store:  # the app is open: its last commit is in the -wal
        contacts.save(store, r.Contact(first_name="Kemi"))
        out = backup.backup(filled, tmp_path / "live.sqlite")
    assert "Kemi" in _names(out)


def test_backup_refuses_to_overwrite_its_own_database(filled):
    with pytest.raises(UserError, match="cannot overwrite"):
        backup.backup(filled, filled)


def test_restore_replaces_the_database_and_keeps_the_old_one_aside(filled, tmp_path):
    saved = backup.backup(filled, tmp_path / "saved.sqlite")
    with open_store(filled) as store:
        contacts.save(store, r.Contact(first_name="Added later"))
    kept = backup.restore(filled, saved)
    assert kept.name.startswith("chats.before-restore-") and kept.suffix == ".sqlite"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert "Added later" in _names(kept)
    assert _names(filled) == {"Łukasz Wiśniewski", "Lan"}
    assert stat.S_IMODE(filled.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if "restoring" in p.name] == []


def test_restore_into_a_path_without_a_database(filled, tmp_path):
    target = tmp_path / "new" / "fresh.sqlite"
    assert backup.restore(target, filled) is None
    assert _names(target) == {"Łukasz Wiśniewski", "Lan"}


def _garbage(path):
    path.write_bytes(b"not a database at all\n" * 200)


def _newer(path):
    open_store(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def _foreign(path):
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()


def _damaged(path):
    with open_store(path) as store:
        for i in range(300):
            store.db.execute_sql("INSERT INTO setting(key, value) VALUES (?, ?)",
                                 (f"k{i}", "x" * 500))
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_garbage, "not a Coffee Chats database"),
        (_newer, "newer Coffee Chats"),
        (_foreign, "another program"),
        (_damaged, "damaged|cannot be read"),
        (lambda p: p.write_bytes(b""), "is empty"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(filled, tmp_path, make, message):
    bad = tmp_path / "bad.sqlite"
    make(bad)
    bad_before = bad.read_bytes()
    before = filled.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises((DatabaseRefused, UserError), match=message) as caught:
        backup.restore(filled, bad)
    assert "Nothing was changed" in str(caught.value) or "untouched" in str(caught.value)
    assert str(bad) in str(caught.value)
    assert filled.read_bytes() == before
    assert bad.read_bytes() == bad_before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_restore_of_a_missing_file_is_a_clear_error(filled, tmp_path):
    with pytest.raises(UserError, match="no backup file"):
        backup.restore(filled, tmp_path / "nope.sqlite")


def test_automatic_backup_once_a_day(filled, tmp_path):
    folder = tmp_path / "backups"
    day = date(2024, 5, 17)
    first = backup.automatic_backup(filled, folder, today=day)
    assert first.name == "chats-2024-05-17.sqlite"
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert backup.automatic_backup(filled, folder, today=day) is None
    assert backup.automatic_backup(tmp_path / "missing.sqlite", folder, today=day) is None


def test_pruning_keeps_seven_days_and_four_weeks(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = date(2024, 1, 1)  # a Monday
    for n in range(70):  # the names are what pruning reads
        (folder / f"chats-{start + timedelta(days=n)}.sqlite").write_bytes(b"")
    mine = folder / "before-my-trip.sqlite"
    mine.write_bytes(b"")
    other_db = folder / "work-2024-01-01.sqlite"  # another database's automatic copy
    other_db.write_bytes(b"")
    backup.prune(folder, "chats")
    kept = sorted(date.fromisoformat(p.stem.removeprefix("chats-"))
                  for p in folder.glob("chats-*.sqlite"))
    last = start + timedelta(days=69)
    assert kept[-7:] == [last - timedelta(days=n) for n in range(6, -1, -1)]
    weekly = kept[:-7]
    assert len(weekly) == 4
    weeks = {d.isocalendar()[:2] for d in weekly}
    assert len(weeks) == 4 and not weeks & {d.isocalendar()[:2] for d in kept[-7:]}
    assert all(d.weekday() == 6 for d in weekly)  # the newest copy of each week: Sunday
    assert mine.exists() and other_db.exists()  # never ours to prune


def test_automatic_backup_prunes_as_it_goes(filled, tmp_path):
    folder = tmp_path / "backups"
    for n in range(15):
        backup.automatic_backup(filled, folder, today=date(2024, 1, 1) + timedelta(days=n))
    # Jan 9-15 daily; of Jan 1-8 only Sunday Jan 7 stands for its week (Jan 8 shares a
    # week with the daily copies).
    assert sorted(p.name for p in folder.iterdir()) == [
        "chats-2024-01-07.sqlite", *(f"chats-2024-01-{d:02d}.sqlite" for d in range(9, 16))]


def test_list_backups_with_their_contact_counts(filled, tmp_path):
    folder = tmp_path / "backups"
    backup.automatic_backup(filled, folder, today=date(2024, 5, 17))
    (folder / "junk.sqlite").write_bytes(b"junk")
    found = {b.path.rsplit("/", 1)[-1]: b for b in backup.list_backups(folder)}
    assert found["chats-2024-05-17.sqlite"].contacts == 2
    assert found["chats-2024-05-17.sqlite"].automatic
    assert found["junk.sqlite"].contacts is None
    assert backup.list_backups(tmp_path / "no-such-folder") == []


@pytest.mark.parametrize("checked_first", [True, False], ids=["checked", "cleanup"])
def test_a_backup_folder_that_is_a_file_is_a_clear_error(filled, tmp_path, monkeypatch,
                                                         checked_first):
    """Not a NotADirectoryError from the cleanup of the copy that was never made."""
    from desktop.services import preferences

    if not checked_first:  # the cleanup alone must not turn the error into a crash
        monkeypatch.setattr(backup, "_file_in_the_way", lambda folder: None)
    folder = tmp_path / "backups"
    folder.write_text("not a folder")
    before = filled.read_bytes()
    with pytest.raises(backup.BackupFailed, match="backup"):
        backup.copy_database(filled, folder / "copy.sqlite")
    with pytest.raises(backup.BackupFailed):
        backup.copy_database(filled, folder / "deeper" / "copy.sqlite")
    with pytest.raises(backup.BackupFailed):
        backup.automatic_backup(filled, folder, today=date(2024, 5, 17))
    with pytest.raises(backup.BackupFailed):
        preferences.delete_all_data(filled, folder)
    assert filled.read_bytes() == before  # nothing deleted when the backup failed
    assert folder.read_text() == "not a folder"
    if checked_first:
        with pytest.raises(backup.BackupFailed, match="is a file, not a folder"):
            backup.copy_database(filled, folder / "copy.sqlite")
