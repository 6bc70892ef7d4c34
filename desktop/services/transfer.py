"""Moving a whole database to and from the JSON format (desktop.io.json_format).

`export_document` reads every record inside one read transaction, so the document is a
consistent snapshot, and writes nothing. `import_document` (desktop.services.transfer_import)
writes a document in one transaction, never changing what the database already holds.
Files are the business of `desktop.io.json_format`: the command line and the window read
and validate a whole file there before anything reaches the store.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

import desktop
from desktop.db import Store
from desktop.domain.document import Document
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
from desktop.services.transfer_import import ImportSummary, import_document

__all__ = ["ImportSummary", "export_document", "import_document"]


# --- reading the store -----------------------------------------------------------------


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def _d(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _rows(store: Store, sql: str) -> list[tuple]:
    return list(store.db.execute_sql(sql))


def export_document(store: Store) -> Document:
    """Every record of the database as a Document; reads only."""
    with store.db.atomic():  # one read transaction: a consistent snapshot
        return _read_all(store)


def _read_all(store: Store) -> Document:
    uid_of: dict[str, dict[int, str]] = {}

    def uids(table: str) -> dict[int, str]:
        if table not in uid_of:
            uid_of[table] = dict(_rows(store, f"SELECT id, uid FROM {table}"))
        return uid_of[table]

    tags = tuple(
        {"name": name, "cadence_days": cadence}
        for name, cadence in _rows(store, "SELECT name, cadence_days FROM tag ORDER BY name_key")
    )
    companies = tuple(
        {"uid": uid, "name": name, "industry": industry, "website": website, "notes": notes,
         "created_at": _dt(created), "updated_at": _dt(updated)}
        for uid, name, industry, website, notes, created, updated in _rows(
            store, "SELECT uid, name, industry, website, notes, created_at, updated_at"
                   " FROM company ORDER BY id")
    )
    emails, phones, contact_tags = defaultdict(list), defaultdict(list), defaultdict(list)
    for cid, value, label in _rows(store, "SELECT contact_id, value, label FROM contact_email"
                                          " ORDER BY contact_id, position, id"):
        emails[cid].append((value, label))
    for cid, value, label in _rows(store, "SELECT contact_id, value, label FROM contact_phone"
                                          " ORDER BY contact_id, position, id"):
        phones[cid].append((value, label))
    for cid, name in _rows(store, "SELECT ct.contact_id, t.name FROM contact_tag ct"
                                  " JOIN tag t ON t.id = ct.tag_id ORDER BY t.name_key"):
        contact_tags[cid].append(name)
    company_uid, contact_uid = uids("company"), uids("contact")
    contacts = tuple(
        {"uid": row[1], "first_name": row[2], "last_name": row[3], "role": row[4],
         "company": company_uid.get(row[5]), "location": row[6],
         "emails": tuple(emails[row[0]]), "phones": tuple(phones[row[0]]),
         "linkedin_url": row[7], "source": Source.parse(row[8], Source.OTHER),
         "referred_by": contact_uid.get(row[9]), "tags": tuple(contact_tags[row[0]]),
         "research": row[10], "cadence_days": row[11], "archived": bool(row[12]),
         "connected_on": _d(row[13]),
         "edited_fields": tuple(sorted(filter(None, row[14].split(",")))),
         "created_at": _dt(row[15]), "updated_at": _dt(row[16])}
        for row in _rows(store, "SELECT id, uid, first_name, last_name, role, company_id,"
                                " location, linkedin_url, source, referred_by_id, research,"
                                " cadence_days, archived, connected_on, edited_fields,"
                                " created_at, updated_at FROM contact ORDER BY id")
    )
    # Built-in questions by key, so two databases list them in the same order whatever
    # order their versions seeded them in; the user's own questions after, oldest first.
    questions = tuple(
        {"uid": uid, "key": key, "text": text,
         "category": QuestionCategory.parse(category, QuestionCategory.ADVICE),
         "builtin": bool(builtin), "favourite": bool(fav), "archived": bool(archived),
         "edited": bool(edited), "position": position, "created_at": _dt(created)}
        for uid, key, text, category, builtin, fav, archived, edited, position, created in _rows(
            store, "SELECT uid, key, text, category, builtin, favourite, archived, edited,"
                   " position, created_at FROM question ORDER BY key IS NULL, key, id")
    )
    question_uid, chat_uid = uids("question"), uids("chat")
    planned = defaultdict(list)
    for chat_id, text, qid, asked, answer in _rows(
        store, "SELECT chat_id, text, question_id, asked, answer FROM chat_question"
               " ORDER BY chat_id, position, id"
    ):
        planned[chat_id].append({"text": text, "question": question_uid.get(qid),
                                 "asked": bool(asked), "answer": answer})
    chats = tuple(
        {"uid": row[1], "contact": contact_uid[row[2]],
         "status": ChatStatus.parse(row[3], ChatStatus.IDEA), "scheduled_at": _dt(row[4]),
         "minutes": row[5], "time_zone": row[6], "medium": Medium.parse(row[7], Medium.VIDEO),
         "place": row[8], "goal": row[9], "pitch": row[10], "research": row[11],
         "takeaways": row[12], "request_text": row[13], "thank_you_text": row[14],
         "started_at": _dt(row[15]), "ended_at": _dt(row[16]),
         "thank_you_due": _dt(row[17]), "thank_you_sent_at": _dt(row[18]),
         "questions": tuple(planned[row[0]]), "sequence": row[19],
         "created_at": _dt(row[20]), "updated_at": _dt(row[21])}
        for row in _rows(store, "SELECT id, uid, contact_id, status, scheduled_at, minutes,"
                                " time_zone, medium, place, goal, pitch, research, takeaways,"
                                " request_text, thank_you_text, started_at, ended_at,"
                                " thank_you_due, thank_you_sent_at, sequence, created_at,"
                                " updated_at FROM chat ORDER BY id")
    )
    notes = tuple(
        {"uid": uid, "chat": chat_uid[chat_id], "at": _dt(at), "offset_seconds": offset,
         "text": text, "kind": NoteKind.parse(kind, NoteKind.NOTE)}
        for uid, chat_id, at, offset, text, kind in _rows(
            store, "SELECT uid, chat_id, at, offset_seconds, text, kind FROM note ORDER BY id")
    )
    insights = tuple(
        {"uid": uid, "chat": chat_uid.get(chat_id),
         "kind": InsightKind.parse(kind, InsightKind.ADVICE), "text": text, "done": bool(done),
         "created_at": _dt(created)}
        for uid, chat_id, kind, text, done, created in _rows(
            store, "SELECT uid, chat_id, kind, text, done, created_at FROM insight ORDER BY id")
    )
    follow_ups = tuple(
        {"uid": uid, "contact": contact_uid[contact_id], "chat": chat_uid.get(chat_id),
         "kind": FollowUpKind.parse(kind, FollowUpKind.CHECK_IN), "text": text, "due": _d(due),
         "done_at": _dt(done_at), "created_at": _dt(created)}
        for uid, contact_id, chat_id, kind, text, due, done_at, created in _rows(
            store, "SELECT uid, contact_id, chat_id, kind, text, due, done_at, created_at"
                   " FROM follow_up ORDER BY id")
    )
    interactions = tuple(
        {"uid": uid, "contact": contact_uid[contact_id],
         "kind": InteractionKind.parse(kind, InteractionKind.MESSAGE), "at": _dt(at),
         "text": text}
        for uid, contact_id, kind, at, text in _rows(
            store, "SELECT uid, contact_id, kind, at, text FROM interaction ORDER BY id")
    )
    settings = dict(_rows(store, "SELECT key, value FROM setting ORDER BY key"))
    return Document(
        sections={"tags": tags, "companies": companies, "contacts": contacts,
                  "questions": questions, "chats": chats, "notes": notes,
                  "insights": insights, "follow_ups": follow_ups,
                  "interactions": interactions},
        settings=settings,
        exported_at=datetime.now().replace(microsecond=0),
        app_version=desktop.__version__,
    )
