"""Moving a whole database to and from a `Document` (the JSON format's records).

`export_document` reads every record inside one read transaction, so the document is a
consistent snapshot, and writes nothing. `import_document` (desktop.services.transfer_import)
writes a document in one transaction, never changing what the database already holds.
Files are the business of `desktop.io.json_format`: the command line and the window read
and validate a whole file there before anything reaches the store.

Ids never leave the database: a reference to another record is that record's uid.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

import desktop
from desktop.db import Store
from desktop.domain.document import Document, Record
from desktop.domain.enums import (
    ChatStatus,
    FollowUpKind,
    InsightKind,
    InteractionKind,
    Medium,
    NoteKind,
    QuestionCategory,
    Source,
)
from desktop.domain.insights import LeadStatus
from desktop.services.transfer_import import ImportSummary, import_document

__all__ = ["ImportSummary", "export_document", "import_document"]


def export_document(store: Store) -> Document:
    """Every record of the database as a Document; reads only."""
    with store.db.atomic():  # one read transaction: a consistent snapshot
        reader = _Reader(store)
        sections = {
            "tags": reader.tags(), "companies": reader.companies(),
            "contacts": reader.contacts(), "questions": reader.questions(),
            "career_paths": reader.career_paths(), "chats": reader.chats(),
            "notes": reader.notes(), "insights": reader.insights(),
            "job_leads": reader.job_leads(), "follow_ups": reader.follow_ups(),
            "interactions": reader.interactions(), "insight_groups": reader.insight_groups(),
        }
        settings = dict(reader.rows("SELECT key, value FROM setting ORDER BY key"))
    return Document(sections, settings, datetime.now().replace(microsecond=0),
                    desktop.__version__)


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def _d(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _lead_status(value: str) -> LeadStatus:
    return LeadStatus(value) if value in LeadStatus._value2member_map_ else LeadStatus.NEW


class _Reader:
    """Reads one section at a time; turns ids into uids. Each section in id order, so a
    database imported from a document lists its records in the document's order."""

    def __init__(self, store: Store):
        self.store = store
        self._uids: dict[str, dict[int, str]] = {}

    def rows(self, sql: str) -> list[tuple]:
        return list(self.store.sql(sql))

    def uid(self, table: str, row_id: int | None) -> str | None:
        if table not in self._uids:
            self._uids[table] = dict(self.rows(f"SELECT id, uid FROM {table}"))
        return self._uids[table].get(row_id) if row_id is not None else None

    def tags(self) -> tuple[Record, ...]:
        return tuple({"name": name, "cadence_days": cadence} for name, cadence in self.rows(
            "SELECT name, cadence_days FROM tag ORDER BY name_key"))

    def companies(self) -> tuple[Record, ...]:
        return tuple(
            {"uid": uid, "name": name, "industry": industry, "website": website,
             "notes": notes, "created_at": _dt(created), "updated_at": _dt(updated)}
            for uid, name, industry, website, notes, created, updated in self.rows(
                "SELECT uid, name, industry, website, notes, created_at, updated_at"
                " FROM company ORDER BY id"))

    def contacts(self) -> tuple[Record, ...]:
        emails, phones, tags = defaultdict(list), defaultdict(list), defaultdict(list)
        for cid, value, label in self.rows("SELECT contact_id, value, label FROM contact_email"
                                           " ORDER BY contact_id, position, id"):
            emails[cid].append((value, label))
        for cid, value, label in self.rows("SELECT contact_id, value, label FROM contact_phone"
                                           " ORDER BY contact_id, position, id"):
            phones[cid].append((value, label))
        for cid, name in self.rows("SELECT ct.contact_id, t.name FROM contact_tag ct"
                                   " JOIN tag t ON t.id = ct.tag_id ORDER BY t.name_key"):
            tags[cid].append(name)
        snoozed = dict(self.rows("SELECT contact_id, until FROM keep_in_touch_snooze"))
        return tuple(
            {"uid": row[1], "first_name": row[2], "last_name": row[3], "role": row[4],
             "company": self.uid("company", row[5]), "location": row[6],
             "emails": tuple(emails[row[0]]), "phones": tuple(phones[row[0]]),
             "linkedin_url": row[7], "source": Source.parse(row[8], Source.OTHER),
             "referred_by": self.uid("contact", row[9]), "tags": tuple(tags[row[0]]),
             "research": row[10], "cadence_days": row[11], "archived": bool(row[12]),
             "connected_on": _d(row[13]),
             "edited_fields": tuple(sorted(filter(None, row[14].split(",")))),
             "created_at": _dt(row[15]), "updated_at": _dt(row[16]),
             "snoozed_until": _d(snoozed.get(row[0]))}
            for row in self.rows(
                "SELECT id, uid, first_name, last_name, role, company_id, location,"
                " linkedin_url, source, referred_by_id, research, cadence_days, archived,"
                " connected_on, edited_fields, created_at, updated_at FROM contact ORDER BY id"))

    def questions(self) -> tuple[Record, ...]:
        # Built-in questions by key, so two databases list them in the same order whatever
        # order their versions seeded them in; the user's own questions after, oldest first.
        return tuple(
            {"uid": uid, "key": key, "text": text,
             "category": QuestionCategory.parse(category, QuestionCategory.ADVICE),
             "builtin": bool(builtin), "favourite": bool(fav), "archived": bool(archived),
             "edited": bool(edited), "position": position, "created_at": _dt(created)}
            for uid, key, text, category, builtin, fav, archived, edited, position, created
            in self.rows("SELECT uid, key, text, category, builtin, favourite, archived,"
                         " edited, position, created_at FROM question"
                         " ORDER BY key IS NULL, key, id"))

    def career_paths(self) -> tuple[Record, ...]:
        return tuple(
            {"uid": uid, "name": name, "note": note, "position": position,
             "archived": bool(archived), "created_at": _dt(created),
             "updated_at": _dt(updated)}
            for uid, name, note, position, archived, created, updated in self.rows(
                "SELECT uid, name, note, position, archived, created_at, updated_at"
                " FROM career_path ORDER BY id"))

    def chats(self) -> tuple[Record, ...]:
        planned = defaultdict(list)
        for chat_id, text, qid, asked, answer in self.rows(
                "SELECT chat_id, text, question_id, asked, answer FROM chat_question"
                " ORDER BY chat_id, position, id"):
            planned[chat_id].append({"text": text, "question": self.uid("question", qid),
                                     "asked": bool(asked), "answer": answer})
        paths = dict(self.rows("SELECT chat_id, career_path_id FROM chat_career_path"))
        return tuple(
            {"uid": row[1], "contact": self.uid("contact", row[2]),
             "status": ChatStatus.parse(row[3], ChatStatus.IDEA), "scheduled_at": _dt(row[4]),
             "minutes": row[5], "time_zone": row[6],
             "medium": Medium.parse(row[7], Medium.VIDEO), "place": row[8], "goal": row[9],
             "pitch": row[10], "research": row[11], "takeaways": row[12],
             "request_text": row[13], "thank_you_text": row[14], "started_at": _dt(row[15]),
             "ended_at": _dt(row[16]), "thank_you_due": _dt(row[17]),
             "thank_you_sent_at": _dt(row[18]), "questions": tuple(planned[row[0]]),
             "sequence": row[19], "created_at": _dt(row[20]), "updated_at": _dt(row[21]),
             "career_path": self.uid("career_path", paths.get(row[0]))}
            for row in self.rows(
                "SELECT id, uid, contact_id, status, scheduled_at, minutes, time_zone, medium,"
                " place, goal, pitch, research, takeaways, request_text, thank_you_text,"
                " started_at, ended_at, thank_you_due, thank_you_sent_at, sequence,"
                " created_at, updated_at FROM chat ORDER BY id"))

    def notes(self) -> tuple[Record, ...]:
        return tuple(
            {"uid": uid, "chat": self.uid("chat", chat_id), "at": _dt(at),
             "offset_seconds": offset, "text": text, "kind": NoteKind.parse(kind, NoteKind.NOTE)}
            for uid, chat_id, at, offset, text, kind in self.rows(
                "SELECT uid, chat_id, at, offset_seconds, text, kind FROM note ORDER BY id"))

    def insights(self) -> tuple[Record, ...]:
        return tuple(
            {"uid": uid, "chat": self.uid("chat", chat_id),
             "kind": InsightKind.parse(kind, InsightKind.ADVICE), "text": text,
             "done": bool(done), "created_at": _dt(created)}
            for uid, chat_id, kind, text, done, created in self.rows(
                "SELECT uid, chat_id, kind, text, done, created_at FROM insight ORDER BY id"))

    def job_leads(self) -> tuple[Record, ...]:
        return tuple(
            {"uid": uid, "company": company, "role": role,
             "contact": self.uid("contact", contact_id), "chat": self.uid("chat", chat_id),
             "insight": self.uid("insight", insight_id),
             "career_path": self.uid("career_path", path_id), "status": _lead_status(status),
             "notes": notes, "created_at": _dt(created), "updated_at": _dt(updated)}
            for uid, company, role, contact_id, chat_id, insight_id, path_id, status, notes,
            created, updated in self.rows(
                "SELECT uid, company, role, contact_id, chat_id, insight_id, career_path_id,"
                " status, notes, created_at, updated_at FROM job_lead ORDER BY id"))

    def follow_ups(self) -> tuple[Record, ...]:
        return tuple(
            {"uid": uid, "contact": self.uid("contact", contact_id),
             "chat": self.uid("chat", chat_id),
             "kind": FollowUpKind.parse(kind, FollowUpKind.CHECK_IN), "text": text,
             "due": _d(due), "done_at": _dt(done_at), "created_at": _dt(created)}
            for uid, contact_id, chat_id, kind, text, due, done_at, created in self.rows(
                "SELECT uid, contact_id, chat_id, kind, text, due, done_at, created_at"
                " FROM follow_up ORDER BY id"))

    def interactions(self) -> tuple[Record, ...]:
        return tuple(
            {"uid": uid, "contact": self.uid("contact", contact_id),
             "kind": InteractionKind.parse(kind, InteractionKind.MESSAGE), "at": _dt(at),
             "text": text}
            for uid, contact_id, kind, at, text in self.rows(
                "SELECT uid, contact_id, kind, at, text FROM interaction ORDER BY id"))

    def insight_groups(self) -> tuple[Record, ...]:
        return tuple(
            {"kind": InsightKind.parse(kind, InsightKind.ADVICE), "key": key,
             "merged_into": merged_into, "done": bool(done), "updated_at": _dt(updated)}
            for kind, key, merged_into, done, updated in self.rows(
                "SELECT kind, key, merged_into, done, updated_at FROM insight_group"
                " ORDER BY kind, key"))
