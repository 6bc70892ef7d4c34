"""The keep-in-touch rules of `desktop.domain.keep_in_touch` in SQL, written once.

The contacts table, Today and the insights all ask "when did I last talk to this person"
and "when is the next keep-in-touch"; they share these fragments so the three agree.
"""

from __future__ import annotations

from desktop.db import Store
from desktop.domain.keep_in_touch import HELD_STATUSES

DEFAULT_CADENCE_SETTING = "default_cadence_days"
# Chat statuses that count as held, for `status IN (...)`.
HELD_IN = ", ".join(f"'{s}'" for s in HELD_STATUSES)
# The moment a held chat (aliased `ch`) counts from.
HELD_AT = "coalesce(ch.ended_at, ch.started_at, ch.scheduled_at)"
# A CTE `last(contact_id, d)`: the latest held chat, done follow-up or logged interaction.
LAST_CONTACT_CTE = f"""last AS (
    SELECT contact_id, max(d) AS d FROM (
        SELECT ch.contact_id, {HELD_AT} AS d FROM chat ch WHERE ch.status IN ({HELD_IN})
        UNION ALL SELECT contact_id, done_at FROM follow_up WHERE done_at IS NOT NULL
        UNION ALL SELECT contact_id, at FROM interaction
    ) WHERE d IS NOT NULL GROUP BY contact_id
)"""
# A contact's own cadence (alias `c`), else the smallest of its tags' (`tag_days`);
# the caller falls back to `default_cadence`.
CADENCE = "coalesce(nullif(c.cadence_days, 0), {tag_days})"


def default_cadence(store: Store) -> int | None:
    """The app-wide keep-in-touch cadence in days from the preferences; None when unset."""
    row = store.sql(
        "SELECT value FROM setting WHERE key = ?", (DEFAULT_CADENCE_SETTING,)).fetchone()
    try:
        value = int(row[0]) if row else 0
    except (TypeError, ValueError):
        value = 0
    return value if value > 0 else None
