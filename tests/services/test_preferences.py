"""Preferences in the setting table, their getters, and deleting all data behind a backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from desktop.domain import records as r
from desktop.domain import rules
from desktop.errors import UserError
from desktop.services import contacts, open_store, today
from desktop.services import preferences as prefs


def test_defaults_come_from_the_rules(store):
    got = prefs.get(store)
    assert got == r.Preferences(paper_size="", chat_minutes=rules.DEFAULT_MINUTES,
                                thank_you_hours=rules.THANK_YOU_HOURS, cadence_days=0)
    assert prefs.paper_size(store) is None
    assert prefs.cadence_days(store) is None


def test_saved_values_come_back_and_feed_today(store):
    prefs.save(store, r.Preferences(paper_size="a4", chat_minutes=45, thank_you_hours=48,
                                    cadence_days=90))
    assert prefs.paper_size(store) == "a4"
    assert prefs.chat_minutes(store) == 45
    assert prefs.thank_you_hours(store) == 48
    assert prefs.cadence_days(store) == 90
    assert today.default_cadence(store) == 90  # the same key Today reads


def test_values_out_of_range_are_refused_and_nothing_is_written(store):
    for bad in (r.Preferences(chat_minutes=0), r.Preferences(thank_you_hours=1000),
                r.Preferences(paper_size="legal"), r.Preferences(cadence_days=-1)):
        with pytest.raises(UserError):
            prefs.save(store, bad)
    assert prefs.get(store) == prefs.DEFAULTS


def test_a_damaged_stored_value_falls_back_to_its_default(store):
    store.db.execute_sql("INSERT INTO setting (key, value) VALUES "
                         "('preferences.chat_minutes', 'lots'), ('preferences.paper_size', 'x')")
    assert prefs.get(store).chat_minutes == rules.DEFAULT_MINUTES
    assert prefs.get(store).paper_size == ""


def test_update_changes_one_value(store):
    prefs.update(store, thank_you_hours=36)
    assert prefs.get(store).thank_you_hours == 36
    assert prefs.get(store).chat_minutes == rules.DEFAULT_MINUTES


def test_welcome_flag_and_emptiness(store):
    assert prefs.is_empty(store) and not prefs.welcome_done(store)
    prefs.set_welcome_done(store)
    assert prefs.welcome_done(store)
    contacts.save(store, r.Contact(first_name="Ana"))
    assert not prefs.is_empty(store)


def test_delete_all_data_backs_up_first_then_starts_empty(db_path, tmp_path):
    with open_store(db_path) as store:
        contacts.save(store, r.Contact(first_name="Ana", last_name="Lima"))
        prefs.update(store, chat_minutes=50)
    backups = tmp_path / "backups"
    made = prefs.delete_all_data(db_path, backups, now=datetime(2025, 3, 1, 9, 30))
    assert made.name == "chats-before-delete-2025-03-01-093000.sqlite"
    assert not db_path.exists()
    with sqlite3.connect(made) as copy:
        assert copy.execute("SELECT first_name FROM contact").fetchall() == [("Ana",)]
    with open_store(db_path) as store:
        assert prefs.is_empty(store)
        assert prefs.chat_minutes(store) == rules.DEFAULT_MINUTES


def test_delete_all_data_deletes_nothing_when_the_backup_fails(db_path, tmp_path, monkeypatch):
    from desktop.services import backup

    with open_store(db_path) as store:
        contacts.save(store, r.Contact(first_name="Ana"))

    def full_disk(source, target):
        raise backup.BackupFailed("Could not write the backup: No space left on device.")

    monkeypatch.setattr(backup, "copy_database", full_disk)
    with pytest.raises(UserError):
        prefs.delete_all_data(db_path, tmp_path / "backups")
    with open_store(db_path) as store:
        assert not prefs.is_empty(store)
