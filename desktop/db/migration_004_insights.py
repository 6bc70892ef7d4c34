"""Migration 004: career paths, job leads, insight groups and keep-in-touch snoozes.

- `career_path`: the paths the user is exploring, with their own note on fit.
- `chat_career_path`: links a chat to at most one path (a join table, so the chat table,
  which other work reads and writes, keeps its shape).
- `job_lead`: unadvertised roles someone mentioned; `insight_id` ties a lead to the job-lead
  insight it was tracked from, so the same insight never becomes two leads.
- `insight_group`: what the user did to a group of alike insights: merged it into another
  group's key, or ticked it off ("skills to build"). Groups themselves are computed.
- `keep_in_touch_snooze`: a contact due a keep-in-touch, put off until a date.
"""

import sqlite3

STATEMENTS = (
    """
    CREATE TABLE career_path (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        note TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE chat_career_path (
        chat_id INTEGER PRIMARY KEY REFERENCES chat(id) ON DELETE CASCADE,
        career_path_id INTEGER NOT NULL REFERENCES career_path(id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX chat_career_path_path ON chat_career_path(career_path_id)",
    """
    CREATE TABLE job_lead (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        company TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
        chat_id INTEGER REFERENCES chat(id) ON DELETE SET NULL,
        insight_id INTEGER UNIQUE REFERENCES insight(id) ON DELETE SET NULL,
        career_path_id INTEGER REFERENCES career_path(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'new',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX job_lead_contact ON job_lead(contact_id)",
    "CREATE INDEX job_lead_path ON job_lead(career_path_id)",
    """
    CREATE TABLE insight_group (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        merged_into TEXT,
        done INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, key)
    )
    """,
    """
    CREATE TABLE keep_in_touch_snooze (
        contact_id INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,
        until TEXT NOT NULL
    )
    """,
)


def migrate(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction; the version bump follows it."""
    for statement in STATEMENTS:
        conn.execute(statement)
