"""Migration 003: the FTS5 search index, kept in step with the data by triggers.

One FTS5 table, `search_index(name, body)`, holds a document for every contact, company,
note and chat. Its rowid says what a document is: `id * 4 + kind` (0 contact, 1 company,
2 note, 3 chat), so a trigger replaces one document by rowid without scanning the index.

Triggers rather than service code keep it in step, so rows written by raw SQL (bulk imports,
restore of an undo snapshot) are indexed too. A contact's document also carries its
company's name, e-mails and tags, so triggers on those tables re-index the contact.
"""

from __future__ import annotations

import sqlite3

KIND_CONTACT, KIND_COMPANY, KIND_NOTE, KIND_CHAT = 0, 1, 2, 3

# unicode61 with diacritics removed: "Zoë" is found by "zoe"; prefix indexes make the
# as-you-type prefix queries (`"ann"*`) cheap.
CREATE_TABLE = """
CREATE VIRTUAL TABLE search_index USING fts5(
    name, body, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
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
INSERT INTO search_index(rowid, name, body)
SELECT c.id * 4, trim(c.first_name || ' ' || c.last_name), {_CONTACT_BODY}
  FROM contact c WHERE {{where}}
"""
_COMPANY_BODY = _joined("industry", "website", "notes")
_COMPANY_DOC = f"""
INSERT INTO search_index(rowid, name, body)
SELECT id * 4 + 1, name, {_COMPANY_BODY}
  FROM company WHERE {{where}}
"""
_NOTE_DOC = """
INSERT INTO search_index(rowid, name, body) SELECT id * 4 + 2, '', text FROM note WHERE {where}
"""
_CHAT_BODY = _joined("goal", "takeaways", "research")
_CHAT_DOC = f"""
INSERT INTO search_index(rowid, name, body)
SELECT id * 4 + 3, '', {_CHAT_BODY}
  FROM chat WHERE {{where}}
"""


def _contact(id_expr: str) -> str:
    return (
        f"DELETE FROM search_index WHERE rowid = ({id_expr}) * 4;\n"
        + _CONTACT_DOC.format(where=f"c.id = ({id_expr})")
        + ";"
    )


def _trigger(name: str, event: str, table: str, body: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN\n{body}\nEND"


def _drop(kind: int, id_expr: str) -> str:
    return f"DELETE FROM search_index WHERE rowid = ({id_expr}) * 4 + {kind};"


CONTACT_FIELDS = "first_name, last_name, company_id, role, location, research"
TRIGGERS = [
    # contacts, and the tables whose values a contact's document carries
    _trigger("search_contact_ai", "INSERT", "contact", _contact("NEW.id")),
    _trigger(
        "search_contact_au",
        f"UPDATE OF {CONTACT_FIELDS}",
        "contact",
        _drop(KIND_CONTACT, "OLD.id") + _contact("NEW.id"),
    ),
    _trigger("search_contact_ad", "DELETE", "contact", _drop(KIND_CONTACT, "OLD.id")),
    _trigger("search_email_ai", "INSERT", "contact_email", _contact("NEW.contact_id")),
    _trigger(
        "search_email_au",
        "UPDATE",
        "contact_email",
        _contact("OLD.contact_id") + _contact("NEW.contact_id"),
    ),
    _trigger("search_email_ad", "DELETE", "contact_email", _contact("OLD.contact_id")),
    _trigger("search_ctag_ai", "INSERT", "contact_tag", _contact("NEW.contact_id")),
    _trigger("search_ctag_ad", "DELETE", "contact_tag", _contact("OLD.contact_id")),
    _trigger(
        "search_tag_au",
        "UPDATE OF name",
        "tag",
        "DELETE FROM search_index WHERE rowid IN "
        "(SELECT contact_id * 4 FROM contact_tag WHERE tag_id = NEW.id);\n"
        + _CONTACT_DOC.format(
            where="c.id IN (SELECT contact_id FROM contact_tag WHERE tag_id = NEW.id)"
        )
        + ";",
    ),
    # companies: their own document, and the name inside their contacts' documents
    _trigger(
        "search_company_ai", "INSERT", "company", _COMPANY_DOC.format(where="id = NEW.id") + ";"
    ),
    _trigger(
        "search_company_au",
        "UPDATE OF name, industry, website, notes",
        "company",
        _drop(KIND_COMPANY, "OLD.id") + _COMPANY_DOC.format(where="id = NEW.id") + ";",
    ),
    _trigger(
        "search_company_name_au",
        "UPDATE OF name",
        "company",
        "DELETE FROM search_index WHERE rowid IN "
        "(SELECT id * 4 FROM contact WHERE company_id = NEW.id);\n"
        + _CONTACT_DOC.format(where="c.company_id = NEW.id")
        + ";",
    ),
    _trigger("search_company_ad", "DELETE", "company", _drop(KIND_COMPANY, "OLD.id")),
    # notes and chats
    _trigger("search_note_ai", "INSERT", "note", _NOTE_DOC.format(where="id = NEW.id") + ";"),
    _trigger(
        "search_note_au",
        "UPDATE OF text",
        "note",
        _drop(KIND_NOTE, "OLD.id") + _NOTE_DOC.format(where="id = NEW.id") + ";",
    ),
    _trigger("search_note_ad", "DELETE", "note", _drop(KIND_NOTE, "OLD.id")),
    _trigger("search_chat_ai", "INSERT", "chat", _CHAT_DOC.format(where="id = NEW.id") + ";"),
    _trigger(
        "search_chat_au",
        "UPDATE OF goal, takeaways, research",
        "chat",
        _drop(KIND_CHAT, "OLD.id") + _CHAT_DOC.format(where="id = NEW.id") + ";",
    ),
    _trigger("search_chat_ad", "DELETE", "chat", _drop(KIND_CHAT, "OLD.id")),
]

BACKFILL = [
    _CONTACT_DOC.format(where="1"),
    _COMPANY_DOC.format(where="1"),
    _NOTE_DOC.format(where="1"),
    _CHAT_DOC.format(where="1"),
]


def migrate(conn: sqlite3.Connection) -> None:
    """Runs inside the migration's transaction; the version bump follows it."""
    conn.execute(CREATE_TABLE)
    for trigger in TRIGGERS:
        conn.execute(trigger)
    for statement in BACKFILL:
        conn.execute(statement)
