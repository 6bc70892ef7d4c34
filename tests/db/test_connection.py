"""Opening the store: new files, migrations, and the files it must refuse untouched."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from desktop.db import open_database
from desktop.db.migrations import APPLICATION_ID, SCHEMA_VERSION
from desktop.errors import DatabaseRefused


def test_a_new_file_is_migrated_to_the_current_version(db_path):
    with open_database(db_path) as store:
        assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
        tables = {row[0] for row in store.db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"company", "contact", "chat", "chat_question", "question", "note", "insight",
            "follow_up"} <= tables


def test_a_new_file_is_readable_by_its_owner_only(db_path, monkeypatch):
    import os
    old = os.umask(0)
    try:
        open_database(db_path).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_missing_folders_are_created(tmp_path):
    path = tmp_path / "a" / "b" / "chats.sqlite"
    open_database(path).close()
    assert path.exists()


def test_a_garbage_file_is_refused_and_left_byte_for_byte(db_path):
    db_path.write_bytes(b"this is my thesis, not a database\n" * 100)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseRefused, match="not a Coffee Chats database"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_damaged_database_is_refused_untouched(db_path):
    with open_database(db_path) as store:
        for i in range(300):
            store.db.execute_sql("INSERT INTO setting(key, value) VALUES (?, ?)",
                                 (f"k{i}", "x" * 500))
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 3: page * 6] = b"\xff" * (page * 3)
    db_path.write_bytes(bytes(data))
    for extra in ("-wal", "-shm"):
        db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseRefused):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_naming_both(db_path):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseRefused) as caught:
        open_database(db_path)
    assert str(SCHEMA_VERSION + 5) in str(caught.value)
    assert f"up to schema version {SCHEMA_VERSION}" in str(caught.value)
    assert db_path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY, path TEXT)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_an_older_database_is_copied_aside_then_migrated(db_path, monkeypatch):
    from desktop.db import migrations

    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO setting(key, value) VALUES ('kept', 'yes')")
    conn.close()
    added = lambda conn: conn.execute("CREATE TABLE extra(id INTEGER PRIMARY KEY)")  # noqa
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [added])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    from desktop.db import connection
    monkeypatch.setattr(connection, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with open_database(db_path) as store:
        assert store.migrated_from == SCHEMA_VERSION
        assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert store.db.execute_sql("SELECT value FROM setting").fetchone()[0] == "yes"
    copies = list(db_path.parent.glob(f"chats.before-v{SCHEMA_VERSION + 1}-*.sqlite"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT value FROM setting").fetchone()[0] == "yes"
    conn.close()


def test_a_failing_migration_leaves_the_last_good_version(db_path, monkeypatch):
    from desktop.db import connection, migrations

    open_database(db_path).close()

    def broken(conn):
        conn.execute("CREATE TABLE half(id INTEGER)")
        raise sqlite3.OperationalError("simulated failure")

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [broken])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(connection, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(DatabaseRefused):
        open_database(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='half'").fetchone()[0] == 0
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
