"""Chats and what hangs off them: questions, live notes, insights, follow-ups."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime

from desktop.db import Store
from desktop.db import models as m
from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, InsightKind, NoteKind
from desktop.errors import NotFound
from desktop.services import contacts as contacts_service
from desktop.services import convert

# Chat fields a caller may change with `update`.
CHAT_FIELDS = {
    f.name for f in fields(r.Chat)
} - {"id", "contact_name", "created_at"}


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _contact_name(contact_id: int) -> str:
    row = m.Contact.get_or_none(m.Contact.id == contact_id)
    return f"{row.first_name} {row.last_name}".strip() if row else ""


def list_chats(store: Store, *, statuses: set[ChatStatus] | None = None) -> list[r.Chat]:
    """Every chat with its contact's name, soonest scheduled first, unscheduled last."""
    query = (
        m.Chat.select(m.Chat, m.Contact.first_name, m.Contact.last_name)
        .join(m.Contact)
        .order_by(m.Chat.scheduled_at.is_null(), m.Chat.scheduled_at.desc(), m.Chat.id.desc())
    )
    if statuses:
        query = query.where(m.Chat.status.in_([s.value for s in statuses]))
    return [
        convert.chat(row, f"{row.contact.first_name} {row.contact.last_name}".strip())
        for row in query
    ]


def get(store: Store, chat_id: int) -> r.Chat:
    row = m.Chat.get_or_none(m.Chat.id == chat_id)
    if row is None:
        raise NotFound(f"There is no chat {chat_id}.")
    return convert.chat(row, _contact_name(row.contact_id))


def detail(store: Store, chat_id: int) -> r.ChatDetail:
    """A chat with its contact, company, questions, notes, insights and follow-ups."""
    chat = get(store, chat_id)
    contact = contacts_service.get(store, chat.contact_id)
    company = None
    if contact.company_id is not None:
        company = convert.company(m.Company.get_by_id(contact.company_id))
    questions = tuple(
        convert.chat_question(q)
        for q in m.ChatQuestion.select()
        .where(m.ChatQuestion.chat == chat_id)
        .order_by(m.ChatQuestion.position, m.ChatQuestion.id)
    )
    notes = tuple(
        convert.note(n)
        for n in m.Note.select().where(m.Note.chat == chat_id).order_by(m.Note.at, m.Note.id)
    )
    insights = tuple(
        convert.insight(i)
        for i in m.Insight.select().where(m.Insight.chat == chat_id).order_by(m.Insight.id)
    )
    follow_ups = tuple(
        convert.follow_up(f)
        for f in m.FollowUp.select().where(m.FollowUp.chat == chat_id).order_by(m.FollowUp.due)
    )
    return r.ChatDetail(chat, contact, company, questions, notes, insights, follow_ups)


def create(store: Store, contact_id: int, **values) -> r.Chat:
    contacts_service.get(store, contact_id)  # raises NotFound
    with store.atomic():
        row = m.Chat.create(contact=contact_id, **_stored(values))
    return get(store, row.id)


def _stored(values: dict) -> dict:
    unknown = set(values) - CHAT_FIELDS
    if unknown:
        raise TypeError(f"not chat fields: {sorted(unknown)}")
    out = {}
    for key, value in values.items():
        if key == "contact_id":
            out["contact"] = value
        elif hasattr(value, "value") and not isinstance(value, (date, datetime)):
            out[key] = value.value  # an enum
        else:
            out[key] = value
    return out


def update(store: Store, chat_id: int, **values) -> r.Chat:
    """Changes some fields of a chat in one transaction (the wizard saves through this)."""
    with store.atomic():
        count = (
            m.Chat.update(**_stored(values), updated_at=_now())
            .where(m.Chat.id == chat_id)
            .execute()
        )
    if not count:
        raise NotFound(f"There is no chat {chat_id}.")
    return get(store, chat_id)


def set_questions(store: Store, chat_id: int, questions: list[r.ChatQuestion]) -> None:
    """Replaces the chat's planned questions with `questions`, in that order."""
    with store.atomic():
        m.ChatQuestion.delete().where(m.ChatQuestion.chat == chat_id).execute()
        for pos, q in enumerate(questions):
            m.ChatQuestion.create(
                chat=chat_id, question=q.question_id, position=pos, text=q.text,
                asked=q.asked, answer=q.answer,
            )


def add_note(
    store: Store, chat_id: int, text: str, kind: NoteKind = NoteKind.NOTE,
    at: datetime | None = None, offset_seconds: int | None = None,
) -> r.Note:
    with store.atomic():
        row = m.Note.create(chat=chat_id, text=text, kind=kind.value, at=at or _now(),
                            offset_seconds=offset_seconds)
    return convert.note(row)


def add_insight(store: Store, chat_id: int | None, text: str, kind: InsightKind) -> r.Insight:
    with store.atomic():
        row = m.Insight.create(chat=chat_id, text=text, kind=kind.value)
    return convert.insight(row)


def add_follow_up(
    store: Store, contact_id: int, kind: FollowUpKind, due: date, text: str = "",
    chat_id: int | None = None,
) -> r.FollowUp:
    with store.atomic():
        row = m.FollowUp.create(contact=contact_id, kind=kind.value, due=due, text=text,
                                chat=chat_id)
    return convert.follow_up(row)


def for_contact(store: Store, contact_id: int) -> list[r.Chat]:
    name = _contact_name(contact_id)
    return [
        convert.chat(row, name)
        for row in m.Chat.select().where(m.Chat.contact == contact_id).order_by(m.Chat.id.desc())
    ]


def follow_ups_for_contact(store: Store, contact_id: int) -> list[r.FollowUp]:
    return [
        convert.follow_up(row)
        for row in m.FollowUp.select()
        .where(m.FollowUp.contact == contact_id)
        .order_by(m.FollowUp.done_at.is_null(False), m.FollowUp.due)
    ]


def notes_for_contact(store: Store, contact_id: int) -> list[r.Note]:
    return [
        convert.note(row)
        for row in m.Note.select().join(m.Chat)
        .where(m.Chat.contact == contact_id)
        .order_by(m.Note.at.desc())
    ]


def cancel(store: Store, chat_id: int) -> r.Chat:
    return update(store, chat_id, status=ChatStatus.CANCELLED)
