"""Migration 003: the FTS5 search index, kept in step with the data by triggers.

One FTS5 table, `search_index(name, body, kind)`, holds a document for every contact, company,
note and chat. Its rowid says what a document is: `id * 4 + kind` (0 contact, 1 company,
2 note, 3 chat), so a trigger replaces one document by rowid without scanning the index.

Triggers rather than service code keep it in step, so rows written by raw SQL (bulk imports,
restore of an undo snapshot) are indexed too. A trigger only notes which document changed
in `search_pending`; `SYNC` (run by the search service before it reads) rebuilds those
documents in a few set-based statements. Writing FTS5 from a trigger row by row costs
about 60 µs a row here (FTS5 flushes its pending terms at every statement savepoint), which
would make a 10,000-row import seconds slower; the queue costs about 2 µs a row.

A contact's document also carries its company's name, e-mails and tags, so changes to
those tables queue the contact.
"""

from __future__ import annotations

import sqlite3

KIND_CONTACT, KIND_COMPANY, KIND_NOTE, KIND_CHAT = 0, 1, 2, 3

# unicode61 with diacritics removed: "Zoë" is found by "zoe"; prefix indexes make the
# as-you-type prefix queries (`"ann"*`) cheap. `kind` holds one word ("contact", "company",
# "note", "chat") so a query can ask for people only without ranking every match.
CREATE_TABLE = """
CREATE VIRTUAL TABLE search_index USING fts5(
    name, body, kind, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
)
"""


def _joined(*parts: str) -> str:
    """SQL joining the non-empty values with " · " (SQLite 3.40 has no concat_ws)."""
    pieces = " || ".join(f"coalesce(' · ' || nullif({p}, ''), '')" for p in parts)
    return f"ltrim({pieces}, ' ·')"


_CONTACT_BODY = _joined(
    "(SELECT name FROM company WHERE id = c.company_id)",
    "c.role",
    "c.location",
    "(SELECT group_concat(value, ' ') FROM contact_email WHERE contact_id = c.id)",
    "(SELECT group_concat(t.name, ' ') FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id"
    " WHERE ct.contact_id = c.id)",
    "c.research",
)
_CONTACT_DOC = f"""
INSERT INTO search_index(rowid, name, body, kind)
SELECT c.id * 4, trim(c.first_name || ' ' || c.last_name), {_CONTACT_BODY}, 'contact'
  FROM contact c WHERE {{where}}
"""
_COMPANY_BODY = _joined("industry", "website", "notes")
_COMPANY_DOC = f"""
INSERT INTO search_index(rowid, name, body, kind)
SELECT id * 4 + 1, name, {_COMPANY_BODY}, 'company'
  FROM company WHERE {{where}}
"""
_NOTE_DOC = """
INSERT INTO search_index(rowid, name, body, kind)
SELECT id * 4 + 2, '', text, 'note' FROM note WHERE {where}
"""
_CHAT_BODY = _joined("goal", "takeaways", "research")
_CHAT_DOC = f"""
INSERT INTO search_index(rowid, name, body, kind)
SELECT id * 4 + 3, '', {_CHAT_BODY}, 'chat'
  FROM chat WHERE {{where}}
"""


PENDING_TABLE = "CREATE TABLE search_pending (doc INTEGER PRIMARY KEY)"


def _queue(select: str) -> str:
    """Queues the documents `select` names (it must end in a WHERE clause).

    An upsert, not INSERT OR IGNORE: an outer statement's OR clause (or its own upsert)
    overrides a trigger's OR IGNORE and a repeated change would fail the user's write;
    NOT EXISTS would be correct but costs ten times as much per row.
    """
    return f"INSERT INTO search_pending (doc) {select} ON CONFLICT DO NOTHING;"


def _one(kind: int, id_expr: str) -> str:
    return _queue(f"SELECT ({id_expr}) * 4 + {kind} WHERE true")


def _trigger(name: str, event: str, table: str, body: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN\n{body}\nEND"


CONTACT_FIELDS = "first_name, last_name, company_id, role, location, research"
TRIGGERS = [
    # contacts, and the tables whose values a contact's document carries
    _trigger("search_contact_ai", "INSERT", "contact", _one(KIND_CONTACT, "NEW.id")),
    _trigger(
        "search_contact_au", f"UPDATE OF {CONTACT_FIELDS}", "contact", _one(KIND_CONTACT, "NEW.id")
    ),
    _trigger("search_contact_ad", "DELETE", "contact", _one(KIND_CONTACT, "OLD.id")),
    _trigger("search_email_ai", "INSERT", "contact_email", _one(KIND_CONTACT, "NEW.contact_id")),
    _trigger(
        "search_email_au",
        "UPDATE",
        "contact_email",
        _one(KIND_CONTACT, "OLD.contact_id") + _one(KIND_CONTACT, "NEW.contact_id"),
    ),
    _trigger("search_email_ad", "DELETE", "contact_email", _one(KIND_CONTACT, "OLD.contact_id")),
    _trigger("search_ctag_ai", "INSERT", "contact_tag", _one(KIND_CONTACT, "NEW.contact_id")),
    _trigger("search_ctag_ad", "DELETE", "contact_tag", _one(KIND_CONTACT, "OLD.contact_id")),
    _trigger(
        "search_tag_au",
        "UPDATE OF name",
        "tag",
        _queue("SELECT contact_id * 4 AS doc FROM contact_tag WHERE tag_id = NEW.id"),
    ),
    # companies: their own document, and the name inside their contacts' documents
    _trigger("search_company_ai", "INSERT", "company", _one(KIND_COMPANY, "NEW.id")),
    _trigger(
        "search_company_au",
        "UPDATE OF name, industry, website, notes",
        "company",
        _one(KIND_COMPANY, "NEW.id"),
    ),
    _trigger(
        "search_company_name_au",
        "UPDATE OF name",
        "company",
        _queue("SELECT id * 4 AS doc FROM contact WHERE company_id = NEW.id"),
    ),
    _trigger("search_company_ad", "DELETE", "company", _one(KIND_COMPANY, "OLD.id")),
    # notes and chats
    _trigger("search_note_ai", "INSERT", "note", _one(KIND_NOTE, "NEW.id")),
    _trigger("search_note_au", "UPDATE OF text", "note", _one(KIND_NOTE, "NEW.id")),
    _trigger("search_note_ad", "DELETE", "note", _one(KIND_NOTE, "OLD.id")),
    _trigger("search_chat_ai", "INSERT", "chat", _one(KIND_CHAT, "NEW.id")),
    _trigger(
        "search_chat_au", "UPDATE OF goal, takeaways, research", "chat", _one(KIND_CHAT, "NEW.id")
    ),
    _trigger("search_chat_ad", "DELETE", "chat", _one(KIND_CHAT, "OLD.id")),
]

BACKFILL = [
    _CONTACT_DOC.format(where="1"),
    _COMPANY_DOC.format(where="1"),
    _NOTE_DOC.format(where="1"),
    _CHAT_DOC.format(where="1"),
]

# Brings the index up to date with the queue, set-based: a gone row leaves no document.
SYNC = [
    "DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_pending)",
    _CONTACT_DOC.format(where="c.id IN (SELECT doc / 4 FROM search_pending WHERE doc % 4 = 0)"),
    _COMPANY_DOC.format(where="id IN (SELECT doc / 4 FROM search_pending WHERE doc % 4 = 1)"),
    _NOTE_DOC.format(where="id IN (SELECT doc / 4 FROM search_pending WHERE doc % 4 = 2)"),
    _CHAT_DOC.format(where="id IN (SELECT doc / 4 FROM search_pending WHERE doc % 4 = 3)"),
    "DELETE FROM search_pending",
]


def migrate(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction; the version bump follows it."""
    conn.execute(CREATE_TABLE)
    conn.execute(PENDING_TABLE)
    for trigger in TRIGGERS:
        conn.execute(trigger)
    for statement in BACKFILL:
        conn.execute(statement)
