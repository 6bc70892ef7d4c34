"""Version 1 of the schema, as SQL. Never edit it once released: add a migration instead."""

SCHEMA_V1 = """
CREATE TABLE company (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    industry TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    company_id INTEGER REFERENCES company(id) ON DELETE SET NULL,
    location TEXT NOT NULL DEFAULT '',
    linkedin_url TEXT NOT NULL DEFAULT '',
    linkedin_key TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'other',
    referred_by_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
    research TEXT NOT NULL DEFAULT '',
    cadence_days INTEGER,
    archived INTEGER NOT NULL DEFAULT 0,
    connected_on TEXT,
    edited_fields TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contact_company ON contact(company_id);
CREATE INDEX contact_referred_by ON contact(referred_by_id);
CREATE INDEX contact_linkedin_key ON contact(linkedin_key);
CREATE INDEX contact_name ON contact(last_name, first_name);

CREATE TABLE contact_email (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL,
    value_key TEXT NOT NULL
);
CREATE INDEX contact_email_contact ON contact_email(contact_id);
CREATE INDEX contact_email_key ON contact_email(value_key);

CREATE TABLE contact_phone (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL
);
CREATE INDEX contact_phone_contact ON contact_phone(contact_id);

CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    cadence_days INTEGER
);

CREATE TABLE contact_tag (
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX contact_tag_tag ON contact_tag(tag_id);

CREATE TABLE question (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    key TEXT UNIQUE,
    text TEXT NOT NULL,
    category TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    favourite INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    edited INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE chat (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'idea',
    scheduled_at TEXT,
    minutes INTEGER NOT NULL DEFAULT 30,
    time_zone TEXT NOT NULL DEFAULT '',
    medium TEXT NOT NULL DEFAULT 'video',
    place TEXT NOT NULL DEFAULT '',
    goal TEXT NOT NULL DEFAULT '',
    pitch TEXT NOT NULL DEFAULT '',
    research TEXT NOT NULL DEFAULT '',
    takeaways TEXT NOT NULL DEFAULT '',
    request_text TEXT NOT NULL DEFAULT '',
    thank_you_text TEXT NOT NULL DEFAULT '',
    started_at TEXT,
    ended_at TEXT,
    thank_you_due TEXT,
    thank_you_sent_at TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX chat_contact ON chat(contact_id);
CREATE INDEX chat_status ON chat(status);
CREATE INDEX chat_scheduled ON chat(scheduled_at);

CREATE TABLE chat_question (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chat(id) ON DELETE CASCADE,
    question_id INTEGER REFERENCES question(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    asked INTEGER NOT NULL DEFAULT 0,
    answer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX chat_question_chat ON chat_question(chat_id, position);

CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    chat_id INTEGER NOT NULL REFERENCES chat(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    offset_seconds INTEGER,
    text TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'note'
);
CREATE INDEX note_chat ON note(chat_id, at);

CREATE TABLE insight (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    chat_id INTEGER REFERENCES chat(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX insight_chat ON insight(chat_id);
CREATE INDEX insight_kind ON insight(kind);

CREATE TABLE follow_up (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    chat_id INTEGER REFERENCES chat(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    due TEXT NOT NULL,
    done_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX follow_up_contact ON follow_up(contact_id);
CREATE INDEX follow_up_due ON follow_up(done_at, due);

CREATE TABLE interaction (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interaction_contact ON interaction(contact_id, at);

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
