"""Preferences: app-wide defaults kept in the database's `setting` table, and "Delete all my data".

They live in the database (not in the per-computer settings file) because they describe how
this person runs their chats: a backup or another computer keeps them. The look (theme) is
per computer and stays in the window's settings file.

Other code reads one value with a getter, each falling back to the built-in default:

    paper_size(store)       "letter" | "a4" | None (None: the locale's usual size)
    chat_minutes(store)     a new chat's agreed minutes
    thank_you_hours(store)  how long after a chat its thank-you is due
    cadence_days(store)     the default keep-in-touch cadence in days, None for none

The cadence key is the one Today already reads (`keep_in_touch_sql.DEFAULT_CADENCE_SETTING`).
"""

from __future__ import annotations

import logging
from dataclasses import fields, replace
from datetime import datetime
from pathlib import Path

from desktop.db import Store
from desktop.db import models as m
from desktop.domain import rules
from desktop.domain.records import Preferences
from desktop.errors import UserError
from desktop.services.keep_in_touch_sql import DEFAULT_CADENCE_SETTING

log = logging.getLogger(__name__)

PAPER_SIZES = ("", "letter", "a4")
KEYS = {
    "paper_size": "preferences.paper_size",
    "chat_minutes": "preferences.chat_minutes",
    "thank_you_hours": "preferences.thank_you_hours",
    "cadence_days": DEFAULT_CADENCE_SETTING,
}
# Accepted ranges (inclusive); the dialog's spin boxes use the same.
LIMITS = {
    "chat_minutes": (5, 240),
    "thank_you_hours": (1, 168),
    "cadence_days": (0, 730),
}
WELCOME_KEY = "app.welcome_done"
DEFAULTS = Preferences(chat_minutes=rules.DEFAULT_MINUTES, thank_you_hours=rules.THANK_YOU_HOURS)


def _stored(keys) -> dict[str, str]:
    return {row.key: row.value for row in m.Setting.select().where(m.Setting.key.in_(list(keys)))}


def _put(key: str, value: str) -> None:
    m.Setting.insert(key=key, value=value).on_conflict_replace().execute()


def get(store: Store) -> Preferences:
    """The stored preferences; a missing or unreadable value gives its default."""
    found = _stored(KEYS.values())
    values = {}
    for f in fields(Preferences):
        raw = found.get(KEYS[f.name])
        default = getattr(DEFAULTS, f.name)
        if raw is None:
            values[f.name] = default
        elif f.name == "paper_size":
            values[f.name] = raw if raw in PAPER_SIZES else default
        else:
            try:
                number = int(raw)
            except ValueError:
                number = default
            low, high = LIMITS[f.name]
            values[f.name] = number if low <= number <= high else default
    return Preferences(**values)


def check(preferences: Preferences) -> None:
    """Raises UserError naming the first value out of range."""
    if preferences.paper_size not in PAPER_SIZES:
        raise UserError(f"Unknown paper size {preferences.paper_size!r}: use letter or a4.")
    for name, (low, high) in LIMITS.items():
        value = getattr(preferences, name)
        if not isinstance(value, int) or not low <= value <= high:
            raise UserError(f"{name.replace('_', ' ')} must be between {low} and {high}.")


def save(store: Store, preferences: Preferences) -> Preferences:
    """Writes every value in one transaction."""
    check(preferences)
    with store.atomic():
        for f in fields(Preferences):
            _put(KEYS[f.name], str(getattr(preferences, f.name)))
    return get(store)


def update(store: Store, **values) -> Preferences:
    return save(store, replace(get(store), **values))


# --- one value each, for the places that use them -----------------------------------------

def paper_size(store: Store) -> str | None:
    return get(store).paper_size or None


def chat_minutes(store: Store) -> int:
    return get(store).chat_minutes


def thank_you_hours(store: Store) -> int:
    return get(store).thank_you_hours


def cadence_days(store: Store) -> int | None:
    return get(store).cadence_days or None


# --- first start ---------------------------------------------------------------------------

def welcome_done(store: Store) -> bool:
    return _stored([WELCOME_KEY]).get(WELCOME_KEY) == "1"


def set_welcome_done(store: Store) -> None:
    with store.atomic():
        _put(WELCOME_KEY, "1")


def is_empty(store: Store) -> bool:
    """Nothing the user made yet: no contacts, companies or chats."""
    return not store.sql(
        "SELECT EXISTS (SELECT 1 FROM contact) OR EXISTS (SELECT 1 FROM company)"
        " OR EXISTS (SELECT 1 FROM chat)").fetchone()[0]


# --- delete all my data --------------------------------------------------------------------

def delete_all_data(db_path: Path, backup_dir: Path, now: datetime | None = None) -> Path:
    """Backs the database up to `backup_dir`, then deletes the file (and its -wal/-shm).

    No connection may be open (the window closes its store first, see
    MainWindow.with_store_closed); opening the same path afterwards makes a new, empty
    database. Returns the backup. When the backup fails nothing is deleted.
    """
    from desktop.services import backup

    db_path = Path(db_path)
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    target = Path(backup_dir) / f"{db_path.stem}-before-delete-{stamp}.sqlite"
    made = backup.copy_database(db_path, target)
    for path in (db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm",
                                                                         "-journal"))):
        path.unlink(missing_ok=True)
    log.info("All data deleted; the backup made first is %s", made)
    return made
