"""Writing a validated `Document` into the store, in ONE transaction.

What is already in the database is never changed or deleted (docs/json-format.md,
"Importing into a database that has data"): a record whose uid is stored is skipped; a
company or career path with a stored name is that one; tags are found by name, insight
groups by kind and key, settings by key; built-in questions by key (they take the
document's uid and state, and its wording only when the document's copy was edited and the
stored one was not). References travel as uids and are resolved to this database's ids.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop.db import Store
from desktop.domain.document import SECTION_NAMES, Document, Record
from desktop.domain.rules import email_key, fold, linkedin_key
from desktop.errors import UserError

# The chat fields stored as they are (besides uid, contact, questions and career path).
CHAT_COLUMNS = [
    "status", "scheduled_at", "minutes", "time_zone", "medium", "place", "goal", "pitch",
    "research", "takeaways", "request_text", "thank_you_text", "started_at", "ended_at",
    "thank_you_due", "thank_you_sent_at", "sequence", "created_at", "updated_at",
]
STAMPS = ("created_at", "updated_at")


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


def import_document(store: Store, document: Document, *, dry_run: bool = False) -> ImportSummary:
    """Adds what the document holds and the database lacks, in one transaction.

    With `dry_run`, the same work is done and then rolled back: the summary says what an
    import would add, and the database file is left as it was.
    """
    summary = ImportSummary(dry_run=dry_run)
    try:
        with store.db.atomic() as transaction:
            _Import(store, summary).run(document)
            if dry_run:
                transaction.rollback()
    except sqlite3.IntegrityError as exc:
        # Validation catches what it can see in the document alone; this is a clash with
        # what the database holds that the merge rules did not foresee. Rolled back.
        raise UserError(f"The document clashes with this database ({exc}). "
                        "Nothing was imported.") from exc
    return summary


def _s(value: Any) -> Any:
    """A Python value as the store keeps it (peewee's text forms for dates)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (date, datetime)):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


class _Import:
    """One import: this database's uid → id maps, filled section by section."""

    def __init__(self, store: Store, summary: ImportSummary):
        self.summary = summary
        # The raw cursor, so a clash surfaces as sqlite3.IntegrityError (see import_document).
        self.cursor = store.db.cursor()
        self.now = str(datetime.now().replace(microsecond=0))
        self.ids: dict[str, dict[str, int]] = {}
        self.tag_ids: dict[str, int] = {}

    # --- helpers

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        return self.cursor.execute(query, params).fetchall()

    def uids(self, table: str) -> dict[str, int]:
        return dict(self.sql(f"SELECT uid, id FROM {table}"))

    def insert(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        if rows:
            marks = ", ".join("?" * len(columns))
            self.cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def insert_one(self, table: str, columns: list[str], row: tuple) -> int:
        marks = ", ".join("?" * len(columns))
        self.cursor.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", row)
        return self.cursor.lastrowid

    def count(self, section: str, added: int, existing: int) -> None:
        self.summary.added[section] += added
        self.summary.existing[section] += existing

    def new(self, section: str, table: str, records: tuple[Record, ...]) -> list[Record]:
        """The records whose uid this database lacks; counts the others."""
        known = self.uids(table)
        fresh = [rec for rec in records if rec["uid"] not in known]
        self.count(section, len(fresh), len(records) - len(fresh))
        return fresh

    def stamp(self, value: datetime | None) -> str:
        return str(value) if value else self.now

    def ref(self, table: str, uid: str | None) -> int | None:
        return self.ids[table][uid] if uid else None

    # --- the sections, in the order that lets references resolve

    def run(self, doc: Document) -> None:
        self.tags(doc.records("tags"))
        self.named("companies", "company", doc.records("companies"),
                   ["industry", "website", "notes"])
        self.contacts(doc.records("contacts"))
        self.questions(doc.records("questions"))
        self.named("career_paths", "career_path", doc.records("career_paths"),
                   ["note", "position", "archived"])
        self.chats(doc.records("chats"))
        self.simple(doc)
        self.job_leads(doc.records("job_leads"))
        self.insight_groups(doc.records("insight_groups"))
        self.settings(doc.settings)

    def tags(self, records: tuple[Record, ...]) -> None:
        self.tag_ids = {fold(n): i for n, i in self.sql("SELECT name, id FROM tag")}
        added = 0
        for rec in records:
            key = fold(rec["name"])
            if key not in self.tag_ids:
                self.tag_ids[key] = self.insert_one("tag", ["name", "name_key", "cadence_days"],
                                                    (rec["name"], key, rec["cadence_days"]))
                added += 1
        self.count("tags", added, len(records) - added)

    def named(self, section: str, table: str, records: tuple[Record, ...],
              columns: list[str]) -> None:
        """Companies and career paths: the same uid, or the same name in any case, is one."""
        by_uid = self.uids(table)
        by_name = dict(self.sql(f"SELECT name_key, id FROM {table}"))
        matched, fresh = {}, []
        for rec in records:
            found = by_uid.get(rec["uid"]) or by_name.get(fold(rec["name"]))
            if found:
                matched[rec["uid"]] = found
            else:
                fresh.append(rec)
        self.count(section, len(fresh), len(matched))
        self.insert(table, ["uid", "name", "name_key", *columns, *STAMPS],
                    [(r["uid"], r["name"], fold(r["name"]), *(_s(r[c]) for c in columns),
                      *(self.stamp(r[c]) for c in STAMPS)) for r in fresh])
        self.ids[table] = {**self.uids(table), **matched}

    def contacts(self, records: tuple[Record, ...]) -> None:
        fresh = self.new("contacts", "contact", records)
        self.insert("contact", [
            "uid", "first_name", "last_name", "role", "company_id", "location", "linkedin_url",
            "linkedin_key", "source", "research", "cadence_days", "archived", "connected_on",
            "edited_fields", *STAMPS,
        ], [(r["uid"], r["first_name"], r["last_name"], r["role"],
             self.ref("company", r["company"]), r["location"], r["linkedin_url"],
             linkedin_key(r["linkedin_url"]), _s(r["source"]), r["research"],
             r["cadence_days"], int(r["archived"]), _s(r["connected_on"]),
             ",".join(sorted(r["edited_fields"])), *(self.stamp(r[c]) for c in STAMPS))
            for r in fresh])
        ids = self.ids["contact"] = self.uids("contact")
        # Referrals after every contact exists: a contact may come before its referrer.
        self.cursor.executemany("UPDATE contact SET referred_by_id = ? WHERE id = ?", [
            (ids[r["referred_by"]], ids[r["uid"]]) for r in fresh if r["referred_by"]])
        self.insert("contact_email", ["contact_id", "position", "value", "label", "value_key"],
                    [(ids[r["uid"]], pos, value, label, email_key(value))
                     for r in fresh for pos, (value, label) in enumerate(r["emails"])])
        self.insert("contact_phone", ["contact_id", "position", "value", "label"],
                    [(ids[r["uid"]], pos, value, label)
                     for r in fresh for pos, (value, label) in enumerate(r["phones"])])
        links = set()
        for r in fresh:
            for name in r["tags"]:
                if fold(name) not in self.tag_ids:
                    self.tag_ids[fold(name)] = self.insert_one(
                        "tag", ["name", "name_key"], (name, fold(name)))
                links.add((ids[r["uid"]], self.tag_ids[fold(name)]))
        self.insert("contact_tag", ["contact_id", "tag_id"], sorted(links))
        self.insert("keep_in_touch_snooze", ["contact_id", "until"],
                    [(ids[r["uid"]], str(r["snoozed_until"]))
                     for r in fresh if r["snoozed_until"]])

    def questions(self, records: tuple[Record, ...]) -> None:
        """The user's own questions are added; built-in ones line up with ours by key."""
        ids = self.uids("question")
        by_key = {key: (qid, uid, bool(edited)) for key, qid, uid, edited in self.sql(
            "SELECT key, id, uid, edited FROM question WHERE key IS NOT NULL")}
        fresh, existing = [], 0
        for r in records:
            match = by_key.get(r["key"]) if r["key"] else None
            if match is None:
                if r["uid"] in ids:
                    existing += 1
                else:
                    fresh.append(r)
                continue
            existing += 1
            qid, uid, stored_edited = match
            # The document's uid becomes this question's, so exporting again names it the same.
            if r["uid"] != uid and r["uid"] not in ids:
                self.sql("UPDATE question SET uid = ? WHERE id = ?", (r["uid"], qid))
            ids[r["uid"]] = qid
            self.sql("UPDATE question SET favourite = ?, archived = ?, position = ?,"
                     " created_at = coalesce(?, created_at) WHERE id = ?",
                     (int(r["favourite"]), int(r["archived"]), r["position"],
                      _s(r["created_at"]), qid))
            if r["edited"] and not stored_edited:
                self.sql("UPDATE question SET text = ?, category = ?, edited = 1 WHERE id = ?",
                         (r["text"], _s(r["category"]), qid))
        self.count("questions", len(fresh), existing)
        self.insert("question", ["uid", "key", "text", "category", "builtin", "favourite",
                                 "archived", "edited", "position", "created_at"],
                    [(r["uid"], r["key"], r["text"], _s(r["category"]), int(r["builtin"]),
                      int(r["favourite"]), int(r["archived"]), int(r["edited"]),
                      r["position"], self.stamp(r["created_at"])) for r in fresh])
        self.ids["question"] = {**self.uids("question"), **ids}

    def chats(self, records: tuple[Record, ...]) -> None:
        fresh = self.new("chats", "chat", records)
        self.insert("chat", ["uid", "contact_id", *CHAT_COLUMNS], [
            (r["uid"], self.ref("contact", r["contact"]),
             *(self.stamp(r[c]) if c in STAMPS else _s(r[c]) for c in CHAT_COLUMNS))
            for r in fresh])
        ids = self.ids["chat"] = self.uids("chat")
        self.insert("chat_question",
                    ["chat_id", "question_id", "position", "text", "asked", "answer"],
                    [(ids[r["uid"]], self.ref("question", q["question"]), pos, q["text"],
                      int(q["asked"]), q["answer"])
                     for r in fresh for pos, q in enumerate(r["questions"])])
        self.insert("chat_career_path", ["chat_id", "career_path_id"],
                    [(ids[r["uid"]], self.ref("career_path", r["career_path"]))
                     for r in fresh if r["career_path"]])

    def simple(self, doc: Document) -> None:
        """Notes, insights, follow-ups and interactions: rows that only refer upwards."""
        self.insert("note", ["uid", "chat_id", "at", "offset_seconds", "text", "kind"],
                    [(r["uid"], self.ref("chat", r["chat"]), _s(r["at"]), r["offset_seconds"],
                      r["text"], _s(r["kind"]))
                     for r in self.new("notes", "note", doc.records("notes"))])
        self.insert("insight", ["uid", "chat_id", "kind", "text", "done", "created_at"],
                    [(r["uid"], self.ref("chat", r["chat"]), _s(r["kind"]), r["text"],
                      int(r["done"]), self.stamp(r["created_at"]))
                     for r in self.new("insights", "insight", doc.records("insights"))])
        self.ids["insight"] = self.uids("insight")
        self.insert("follow_up", ["uid", "contact_id", "chat_id", "kind", "text", "due",
                                  "done_at", "created_at"],
                    [(r["uid"], self.ref("contact", r["contact"]), self.ref("chat", r["chat"]),
                      _s(r["kind"]), r["text"], _s(r["due"]), _s(r["done_at"]),
                      self.stamp(r["created_at"]))
                     for r in self.new("follow_ups", "follow_up", doc.records("follow_ups"))])
        self.insert("interaction", ["uid", "contact_id", "kind", "at", "text"],
                    [(r["uid"], self.ref("contact", r["contact"]), _s(r["kind"]), _s(r["at"]),
                      r["text"])
                     for r in self.new("interactions", "interaction",
                                       doc.records("interactions"))])

    def job_leads(self, records: tuple[Record, ...]) -> None:
        fresh = self.new("job_leads", "job_lead", records)
        # One lead per insight: a lead already tracked from the same insight is that lead.
        tracked = {i for (i,) in self.sql(
            "SELECT insight_id FROM job_lead WHERE insight_id IS NOT NULL")}
        rows = []
        for r in fresh:
            insight = self.ref("insight", r["insight"])
            if insight is not None:  # leads typed by hand have no insight: each is its own
                if insight in tracked:
                    self.count("job_leads", -1, 1)
                    continue
                tracked.add(insight)
            rows.append((r["uid"], r["company"], r["role"], self.ref("contact", r["contact"]),
                         self.ref("chat", r["chat"]), insight,
                         self.ref("career_path", r["career_path"]), _s(r["status"]),
                         r["notes"], *(self.stamp(r[c]) for c in STAMPS)))
        self.insert("job_lead", ["uid", "company", "role", "contact_id", "chat_id",
                                 "insight_id", "career_path_id", "status", "notes", *STAMPS],
                    rows)

    def insight_groups(self, records: tuple[Record, ...]) -> None:
        stored = set(self.sql("SELECT kind, key FROM insight_group"))
        fresh = [r for r in records if (_s(r["kind"]), r["key"]) not in stored]
        self.count("insight_groups", len(fresh), len(records) - len(fresh))
        self.insert("insight_group", ["kind", "key", "merged_into", "done", "updated_at"],
                    [(_s(r["kind"]), r["key"], r["merged_into"], int(r["done"]),
                      self.stamp(r["updated_at"])) for r in fresh])

    def settings(self, settings: dict[str, str]) -> None:
        stored = {k for (k,) in self.sql("SELECT key FROM setting")}
        fresh = [(k, v) for k, v in settings.items() if k not in stored]
        self.count("settings", len(fresh), len(settings) - len(fresh))
        self.insert("setting", ["key", "value"], fresh)
