"""`check_ahead`: the integrity check started early in a thread, taken by `open_database` only
for the very file it read; a file that changed since is checked again, and a damaged file is
refused untouched either way."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from desktop.db import check_ahead, connection, open_database
from desktop.errors import DatabaseDamaged


def _filled(path):
    with open_database(path) as store:
        for i in range(300):
            store.db.execute_sql("INSERT INTO setting(key, value) VALUES (?, ?)",
                                 (f"k{i}", "x" * 500))
    for extra in ("-wal", "-shm"):  # closed cleanly: the file holds everything
        assert not path.with_name(path.name + extra).exists()


def _damage(path):
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))


class _Recording:
    """sqlite3 as connection.py sees it, noting which thread ran each statement."""

    def __init__(self):
        self.statements: list[tuple[str, str]] = []
        self.DatabaseError = sqlite3.DatabaseError
        self.OperationalError = sqlite3.OperationalError
        self.Error = sqlite3.Error

    def connect(self, *args, **kwargs):
        conn = sqlite3.connect(*args, **kwargs)
        outer = self

        class Conn:
            def execute(self, sql, *params):
                outer.statements.append((threading.current_thread().name, sql))
                return conn.execute(sql, *params)

            def __getattr__(self, name):  # the store keeps this connection: the rest as is
                return getattr(conn, name)

        return Conn()


def test_the_answer_is_taken_once_and_not_checked_again(db_path, monkeypatch):
    _filled(db_path)
    recording = _Recording()
    monkeypatch.setattr(connection, "sqlite3", recording)
    check_ahead(db_path)
    open_database(db_path).close()
    checks = [thread for thread, sql in recording.statements if "quick_check" in sql]
    assert checks == ["quick_check ahead"]
    assert db_path.resolve() not in connection._ahead
    recording.statements.clear()
    open_database(db_path).close()  # nothing ahead now: checked as always
    checks = [thread for thread, sql in recording.statements if "quick_check" in sql]
    assert checks == [threading.current_thread().name]


def test_a_file_damaged_after_the_check_began_is_checked_again_and_refused(db_path):
    _filled(db_path)
    check_ahead(db_path)
    connection._ahead[db_path.resolve()].thread.join()
    _damage(db_path)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseDamaged):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_damaged_file_checked_ahead_is_refused_untouched(db_path):
    _filled(db_path)
    _damage(db_path)
    before = db_path.read_bytes()
    check_ahead(db_path)
    with pytest.raises(DatabaseDamaged):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.glob(db_path.name + "*")) == [db_path.name]


def test_an_old_answer_is_not_used(db_path, monkeypatch):
    _filled(db_path)
    check_ahead(db_path)
    monkeypatch.setattr(connection._CheckAhead, "MAX_AGE_S", -1.0)
    recording = _Recording()
    monkeypatch.setattr(connection, "sqlite3", recording)
    open_database(db_path).close()
    checks = [thread for thread, sql in recording.statements if "quick_check" in sql]
    assert threading.current_thread().name in checks


def test_nothing_to_check_for_a_missing_or_empty_file(tmp_path):
    check_ahead(tmp_path / "missing.sqlite")
    (tmp_path / "empty.sqlite").write_bytes(b"")
    check_ahead(tmp_path / "empty.sqlite")
    assert not set(connection._ahead) & {tmp_path / "missing.sqlite", tmp_path / "empty.sqlite"}
    open_database(tmp_path / "empty.sqlite").close()  # a new database, as before
