"""A migration that fails halfway: rolled back, the file as it was before, the user told."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from desktop.__main__ import main
from desktop.db import connection, migrations, open_database
from desktop.db.migrations import SCHEMA_VERSION
from desktop.errors import DatabaseRefused
from tests.faults.conftest import content, fingerprint, integrity


def _good(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE added_by_the_good_step (id INTEGER PRIMARY KEY)")
    conn.execute("UPDATE contact SET role = 'changed by the good step'")


def _broken(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM contact")
    raise ValueError("a bug in the new step")  # not an sqlite3 error: a plain bug


@pytest.fixture
def upgrade(monkeypatch):
    """Pretends this version adds steps to the chain; returns the function that sets them."""
    def with_steps(*steps):
        chain = migrations.MIGRATIONS + list(steps)
        monkeypatch.setattr(migrations, "MIGRATIONS", chain)
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(chain))
        monkeypatch.setattr(connection, "SCHEMA_VERSION", len(chain))
    return with_steps


def test_a_failure_after_a_good_step_puts_the_whole_file_back(filled, upgrade):
    before = content(filled)
    upgrade(_good, _broken)
    with pytest.raises(DatabaseRefused) as caught:
        open_database(filled)
    message = str(caught.value)
    assert "a bug in the new step" in message and "The update was undone" in message
    assert "Nothing was lost" in message
    assert content(filled) == before and integrity(filled) == "ok"
    with closing(sqlite3.connect(filled)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    copies = list(filled.parent.glob(f"chats.before-v{SCHEMA_VERSION + 2}-*.sqlite"))
    assert len(copies) == 1 and copies[0].name in message
    assert content(copies[0]) == before


def test_a_failure_in_the_only_step_leaves_the_file_byte_for_byte(filled, upgrade):
    before = fingerprint(filled)[0]
    upgrade(_broken)
    with pytest.raises(DatabaseRefused, match="The update was undone"):
        open_database(filled)
    assert fingerprint(filled)[0] == before


def test_a_new_database_whose_migration_fails_is_left_empty(db_path, monkeypatch):
    monkeypatch.setattr(migrations, "MIGRATIONS",
                        [migrations.MIGRATIONS[0], lambda conn: 1 / 0])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(connection, "SCHEMA_VERSION", 2)
    with pytest.raises(DatabaseRefused, match="division by zero"):
        open_database(db_path)
    assert db_path.stat().st_size == 0  # as it was: a new, empty file


def test_the_window_tells_the_user_and_starts_nothing(qapp, filled, upgrade, monkeypatch):
    from desktop.ui import dialogs

    before = content(filled)
    upgrade(_good, _broken)
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, text, *a, **k: shown.append(text))
    assert main(["--db", str(filled)]) == 2
    assert len(shown) == 1 and "The update was undone" in shown[0]
    assert content(filled) == before
