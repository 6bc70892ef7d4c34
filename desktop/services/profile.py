"""The user's profile (name, e-mail, signature, default pitch, career goals).

Kept in the `setting` table under `profile.*` keys, so it travels with the database (a
backup or another computer keeps it) and needs no schema of its own.
"""

from __future__ import annotations

from dataclasses import fields

from desktop.db import Store
from desktop.db import models as m
from desktop.domain.records import Profile

PREFIX = "profile."
FIELDS = tuple(f.name for f in fields(Profile))


def get(store: Store) -> Profile:
    keys = [PREFIX + name for name in FIELDS]
    found = {row.key: row.value for row in m.Setting.select().where(m.Setting.key.in_(keys))}
    return Profile(**{name: found.get(PREFIX + name, "") for name in FIELDS})


def save(store: Store, profile: Profile) -> Profile:
    """Writes every field in one transaction (text as typed, trailing blanks trimmed)."""
    with store.atomic():
        for name in FIELDS:
            value = str(getattr(profile, name) or "").rstrip()
            (m.Setting.insert(key=PREFIX + name, value=value)
             .on_conflict_replace().execute())
    return get(store)


def is_empty(profile: Profile) -> bool:
    return not any(str(getattr(profile, name)).strip() for name in FIELDS)
