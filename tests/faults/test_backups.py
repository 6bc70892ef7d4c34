"""Automatic backups at start-up, and a damaged database replaced by the newest good one."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app, paths
from desktop.__main__ import main
from desktop.domain import records as r
from desktop.services import backup, contacts, open_store
from desktop.ui import dialogs
from tests.faults.conftest import fingerprint
from tests.faults.test_refused_files import _damage


def test_each_start_makes_at_most_one_checked_backup_a_day(qapp, filled):
    assert main(["--smoke-test", "--db", str(filled)]) == 0
    assert main(["--smoke-test", "--db", str(filled)]) == 0
    made = list(paths.backup_dir().glob("chats-*.sqlite"))
    assert len(made) == 1
    with closing(sqlite3.connect(made[0])) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # standalone
    [listed] = backup.list_backups(paths.backup_dir())
    assert listed.automatic and listed.contacts == 2


@pytest.fixture
def damaged_with_backups(db_path):
    """A database with an older and a newer good backup (and a newer broken one), then damaged."""
    from datetime import date

    folder = paths.backup_dir()
    with open_store(db_path) as store:
        contacts.save(store, r.Contact(first_name="Only", last_name="Old"))
    backup.automatic_backup(db_path, folder, today=date(2024, 1, 1))
    with open_store(db_path) as store:
        contacts.save(store, r.Contact(first_name="Also", last_name="New"))
    newest = backup.automatic_backup(db_path, folder, today=date(2024, 1, 2))
    broken = folder / "chats-2024-01-03.sqlite"
    broken.write_bytes(b"not a database at all" * 100)
    _damage(db_path)
    return db_path, newest


@pytest.fixture
def quit_after_first_paint(monkeypatch):
    monkeypatch.setattr(app.Startup, "after_first_paint",
                        lambda self: QTimer.singleShot(0, lambda: QApplication.exit(0)))


def test_a_damaged_database_at_start_up_offers_the_newest_good_backup(
        qapp, damaged_with_backups, monkeypatch, quit_after_first_paint):
    db_path, newest = damaged_with_backups
    damaged = fingerprint(db_path)[0]
    asked, told = [], []
    monkeypatch.setattr(dialogs, "ask_yes_no",
                        lambda _p, text, *a, **k: asked.append(text) or True)
    monkeypatch.setattr(dialogs, "info", lambda _p, text, *a, **k: told.append(text))
    monkeypatch.setattr(dialogs, "error", lambda _p, text, *a, **k: pytest.fail(text))
    assert main(["--db", str(db_path)]) == 0
    assert len(asked) == 1 and "damaged" in asked[0] and "2 contact" in asked[0]
    assert len(told) == 1 and "Restored the backup" in told[0]
    with open_store(db_path) as store:
        assert sorted(row.name for row in contacts.list_rows(store)) == ["Also New", "Only Old"]
    [kept] = db_path.parent.glob("chats.before-restore-*.sqlite")
    assert str(kept) in told[0]
    assert fingerprint(kept)[0] == damaged  # the damaged file kept aside, byte for byte
    assert newest.exists()


def test_saying_no_leaves_the_damaged_file_as_it_is(qapp, damaged_with_backups, monkeypatch):
    db_path, _newest = damaged_with_backups
    before = fingerprint(db_path)
    shown = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: shown.append("ask") or False)
    monkeypatch.setattr(dialogs, "error", lambda *a, **k: shown.append("error"))
    assert main(["--db", str(db_path)]) == 2
    assert shown == ["ask"]  # one question, no second message after it
    assert fingerprint(db_path) == before


def test_without_a_good_backup_the_damage_is_explained(qapp, db_path, monkeypatch):
    _damage(db_path)
    before = fingerprint(db_path)
    shown = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: pytest.fail("nothing to offer"))
    monkeypatch.setattr(dialogs, "error", lambda _p, text, *a, **k: shown.append(text))
    assert main(["--db", str(db_path)]) == 2
    assert len(shown) == 1 and "damaged" in shown[0] and "Restore backup" in shown[0]
    assert fingerprint(db_path) == before
