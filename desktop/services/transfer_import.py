"""Writing a validated JSON `Document` into the store, in ONE transaction.

What is already in the database is never changed or deleted (docs/json-format.md,
"Importing"): a record whose uid is stored is skipped, a company with a stored name is
the same company, tags are found by name, settings by key, and built-in questions by key
(they take the document's uid and state, and its wording only when the document's copy
was edited and the stored one was not). References travel as uids and are resolved to
the ids of this database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop.db import Store
from desktop.domain.document import SECTION_NAMES, Document, Record
from desktop.domain.rules import email_key, fold, linkedin_key

# The chat fields stored as they are (besides uid, contact and the planned questions).
CHAT_COLUMNS = [
    "status", "scheduled_at", "minutes", "time_zone", "medium", "place", "goal", "pitch",
    "research", "takeaways", "request_text", "thank_you_text", "started_at", "ended_at",
    "thank_you_due", "thank_you_sent_at", "sequence", "created_at", "updated_at",
]


@dataclass
class ImportSummary:
    """What an import did, per section: records added, and records that were already there."""

    added: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    existing: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    dry_run: bool = False

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def lines(self) -> list[str]:
        out = []
        for name in [*SECTION_NAMES, "settings"]:
            added, existing = self.added.get(name, 0), self.existing.get(name, 0)
            if added or existing:
                label = name.replace("_", "-")
                out.append(f"{label}: {added} added, {existing} already there")
        return out


def _s(value: Any) -> Any:
    """A Python value as the store keeps it (peewee's text forms for dates)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (date, datetime)):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


class _Writer:
    """One import: the uid → id maps of this database and the summary, in one transaction."""

    def __init__(self, store: Store, summary: ImportSummary):
        self.store = store
        self.summary = summary
        self.cursor = store.db.cursor()
        self.now = str(datetime.now().replace(microsecond=0))
        self.ids: dict[str, dict[str, int]] = {}

    def ids_of(self, table: str) -> dict[str, int]:
        self.ids[table] = dict(self.store.db.execute_sql(f"SELECT uid, id FROM {table}"))
        return self.ids[table]

    def insert(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        if rows:
            marks = ", ".join("?" * len(columns))
            self.cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def insert_one(self, table: str, columns: list[str], row: tuple) -> int:
        marks = ", ".join("?" * len(columns))
        self.cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", row)
        return self.cursor.lastrowid

    def new(self, section: str, table: str, records: tuple[Record, ...]) -> list[Record]:
        """The records whose uid this database lacks; counts the others."""
        known = self.ids_of(table)
        fresh = [rec for rec in records if rec["uid"] not in known]
        self.summary.added[section] += len(fresh)
        self.summary.existing[section] += len(records) - len(fresh)
        return fresh

    def stamp(self, value: datetime | None) -> str:
        return str(value) if value else self.now


def import_document(store: Store, document: Document, *, dry_run: bool = False) -> ImportSummary:
    """Adds what the document holds and the database lacks, in one transaction.

    With `dry_run`, the same work is done and then rolled back: the summary says what an
    import would add, and the database file is left as it was.
    """
    summary = ImportSummary(dry_run=dry_run)
    with store.db.atomic() as transaction:
        _write_all(_Writer(store, summary), document)
        if dry_run:
            transaction.rollback()
    return summary


def _write_all(w: _Writer, doc: Document) -> None:
    db = w.store.db
    tag_ids = {fold(n): i for n, i in db.execute_sql("SELECT name, id FROM tag")}
    for rec in doc.records("tags"):
        key = fold(rec["name"])
        if key in tag_ids:
            w.summary.existing["tags"] += 1
            continue
        tag_ids[key] = w.insert_one("tag", ["name", "name_key", "cadence_days"],
                                    (rec["name"], key, rec["cadence_days"]))
        w.summary.added["tags"] += 1

    company_ids = w.ids_of("company")
    by_name = {key: i for key, i in db.execute_sql("SELECT name_key, id FROM company")}
    fresh_companies = []
    for rec in doc.records("companies"):
        if rec["uid"] in company_ids or fold(rec["name"]) in by_name:
            company_ids.setdefault(rec["uid"], by_name.get(fold(rec["name"]), 0))
            w.summary.existing["companies"] += 1
        else:
            fresh_companies.append(rec)
            by_name[fold(rec["name"])] = 0
    w.summary.added["companies"] += len(fresh_companies)
    w.insert("company", ["uid", "name", "name_key", "industry", "website", "notes",
                         "created_at", "updated_at"],
             [(r["uid"], r["name"], fold(r["name"]), r["industry"], r["website"], r["notes"],
               w.stamp(r["created_at"]), w.stamp(r["updated_at"])) for r in fresh_companies])
    matched = {u: i for u, i in company_ids.items() if i}
    company_ids = {**w.ids_of("company"), **matched}

    contacts = w.new("contacts", "contact", doc.records("contacts"))
    w.insert("contact", ["uid", "first_name", "last_name", "role", "company_id", "location",
                         "linkedin_url", "linkedin_key", "source", "research", "cadence_days",
                         "archived", "connected_on", "edited_fields", "created_at",
                         "updated_at"],
             [(r["uid"], r["first_name"], r["last_name"], r["role"],
               company_ids.get(r["company"]) if r["company"] else None, r["location"],
               r["linkedin_url"], linkedin_key(r["linkedin_url"]), _s(r["source"]),
               r["research"], r["cadence_days"], int(r["archived"]), _s(r["connected_on"]),
               ",".join(sorted(r["edited_fields"])), w.stamp(r["created_at"]),
               w.stamp(r["updated_at"])) for r in contacts])
    contact_ids = w.ids_of("contact")
    w.cursor.executemany(
        "UPDATE contact SET referred_by_id = ? WHERE id = ?",
        [(contact_ids[r["referred_by"]], contact_ids[r["uid"]])
         for r in contacts if r["referred_by"]])
    for kind in ("emails", "phones"):
        table = "contact_email" if kind == "emails" else "contact_phone"
        columns = ["contact_id", "position", "value", "label"]
        if kind == "emails":
            columns.append("value_key")
        w.insert(table, columns, [
            (contact_ids[r["uid"]], pos, value, label,
             *((email_key(value),) if kind == "emails" else ()))
            for r in contacts for pos, (value, label) in enumerate(r[kind])
        ])
    links = set()
    for r in contacts:
        for name in r["tags"]:
            if fold(name) not in tag_ids:
                tag_ids[fold(name)] = w.insert_one("tag", ["name", "name_key"],
                                                   (name, fold(name)))
            links.add((contact_ids[r["uid"]], tag_ids[fold(name)]))
    w.insert("contact_tag", ["contact_id", "tag_id"], sorted(links))

    question_ids = _write_questions(w, doc.records("questions"))

    chats = w.new("chats", "chat", doc.records("chats"))
    columns = CHAT_COLUMNS
    w.insert("chat", ["uid", "contact_id", *columns],
             [(r["uid"], contact_ids[r["contact"]],
               *(w.stamp(r[c]) if c in ("created_at", "updated_at") else _s(r[c])
                 for c in columns)) for r in chats])
    chat_ids = w.ids_of("chat")
    w.insert("chat_question", ["chat_id", "question_id", "position", "text", "asked", "answer"],
             [(chat_ids[r["uid"]], question_ids.get(q["question"]) if q["question"] else None,
               pos, q["text"], int(q["asked"]), q["answer"])
              for r in chats for pos, q in enumerate(r["questions"])])

    def ref(ids: dict[str, int], uid: str | None) -> int | None:
        return ids[uid] if uid else None

    w.insert("note", ["uid", "chat_id", "at", "offset_seconds", "text", "kind"],
             [(r["uid"], chat_ids[r["chat"]], _s(r["at"]), r["offset_seconds"], r["text"],
               _s(r["kind"])) for r in w.new("notes", "note", doc.records("notes"))])
    w.insert("insight", ["uid", "chat_id", "kind", "text", "done", "created_at"],
             [(r["uid"], ref(chat_ids, r["chat"]), _s(r["kind"]), r["text"], int(r["done"]),
               w.stamp(r["created_at"]))
              for r in w.new("insights", "insight", doc.records("insights"))])
    w.insert("follow_up", ["uid", "contact_id", "chat_id", "kind", "text", "due", "done_at",
                           "created_at"],
             [(r["uid"], contact_ids[r["contact"]], ref(chat_ids, r["chat"]), _s(r["kind"]),
               r["text"], _s(r["due"]), _s(r["done_at"]), w.stamp(r["created_at"]))
              for r in w.new("follow_ups", "follow_up", doc.records("follow_ups"))])
    w.insert("interaction", ["uid", "contact_id", "kind", "at", "text"],
             [(r["uid"], contact_ids[r["contact"]], _s(r["kind"]), _s(r["at"]), r["text"])
              for r in w.new("interactions", "interaction", doc.records("interactions"))])

    stored = {k for (k,) in db.execute_sql("SELECT key FROM setting")}
    fresh_settings = [(k, v) for k, v in doc.settings.items() if k not in stored]
    w.insert("setting", ["key", "value"], fresh_settings)
    w.summary.added["settings"] += len(fresh_settings)
    w.summary.existing["settings"] += len(doc.settings) - len(fresh_settings)


def _write_questions(w: _Writer, records: tuple[Record, ...]) -> dict[str, int]:
    """Adds the user's questions; lines built-in ones up with the stored ones by key."""
    db = w.store.db
    question_ids = w.ids_of("question")
    by_key = {key: (qid, uid, bool(edited)) for key, qid, uid, edited in db.execute_sql(
        "SELECT key, id, uid, edited FROM question WHERE key IS NOT NULL")}
    fresh = []
    for r in records:
        match = by_key.get(r["key"]) if r["key"] else None
        if match is None:
            if r["uid"] in question_ids:
                w.summary.existing["questions"] += 1
            else:
                fresh.append(r)
            continue
        qid, uid, stored_edited = match
        w.summary.existing["questions"] += 1
        # The document's uid becomes this question's, so exporting again names it the same.
        if r["uid"] != uid and r["uid"] not in question_ids:
            db.execute_sql("UPDATE question SET uid = ? WHERE id = ?", (r["uid"], qid))
        question_ids[r["uid"]] = qid
        db.execute_sql(
            "UPDATE question SET favourite = ?, archived = ?, position = ?,"
            " created_at = coalesce(?, created_at) WHERE id = ?",
            (int(r["favourite"]), int(r["archived"]), r["position"],
             _s(r["created_at"]), qid))
        if r["edited"] and not stored_edited:
            db.execute_sql("UPDATE question SET text = ?, category = ?, edited = 1 WHERE id = ?",
                           (r["text"], _s(r["category"]), qid))
    w.summary.added["questions"] += len(fresh)
    w.insert("question", ["uid", "key", "text", "category", "builtin", "favourite", "archived",
                          "edited", "position", "created_at"],
             [(r["uid"], r["key"], r["text"], _s(r["category"]), int(r["builtin"]),
               int(r["favourite"]), int(r["archived"]), int(r["edited"]), r["position"],
               w.stamp(r["created_at"])) for r in fresh])
    return {**w.ids_of("question"), **question_ids}
