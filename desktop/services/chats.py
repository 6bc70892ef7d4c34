"""Chats and what hangs off them: questions, live notes, insights, follow-ups.

The wizard saves through these as the user types, so each call is one small transaction
that touches only what changed (an answer, a note, a date). The lifecycle steps (start,
end, request, thank-you) live in `chat_flow`.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, datetime

from desktop.db import Store
from desktop.db import models as m
from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, InsightKind, NoteKind
from desktop.errors import NotFound, UserError
from desktop.services import contacts as contacts_service
from desktop.services import convert

# Chat fields a caller may change with `update`.
CHAT_FIELDS = {
    f.name for f in fields(r.Chat)
} - {"id", "contact_name", "created_at", "uid", "sequence"}

# A change to one of these makes calendars update the event (iCalendar SEQUENCE).
CALENDAR_FIELDS = ("scheduled_at", "minutes", "medium", "place", "status")


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _contact_name(contact_id: int) -> str:
    row = m.Contact.get_or_none(m.Contact.id == contact_id)
    return f"{row.first_name} {row.last_name}".strip() if row else ""


def _record(row: m.Chat, contact_name: str) -> r.Chat:
    return replace(convert.chat(row, contact_name), uid=row.uid, sequence=row.sequence)


def list_chats(store: Store, *, statuses: set[ChatStatus] | None = None) -> list[r.Chat]:
    """Every chat with its contact's name, latest scheduled first, unscheduled last."""
    query = (
        m.Chat.select(m.Chat, m.Contact.first_name, m.Contact.last_name)
        .join(m.Contact)
        .order_by(m.Chat.scheduled_at.is_null(), m.Chat.scheduled_at.desc(), m.Chat.id.desc())
    )
    if statuses:
        query = query.where(m.Chat.status.in_([s.value for s in statuses]))
    return [
        _record(row, f"{row.contact.first_name} {row.contact.last_name}".strip())
        for row in query
    ]


def get(store: Store, chat_id: int) -> r.Chat:
    row = m.Chat.get_or_none(m.Chat.id == chat_id)
    if row is None:
        raise NotFound(f"There is no chat {chat_id}.")
    return _record(row, _contact_name(row.contact_id))


def questions(store: Store, chat_id: int) -> tuple[r.ChatQuestion, ...]:
    return tuple(
        convert.chat_question(q)
        for q in m.ChatQuestion.select()
        .where(m.ChatQuestion.chat == chat_id)
        .order_by(m.ChatQuestion.position, m.ChatQuestion.id)
    )


def notes(store: Store, chat_id: int) -> tuple[r.Note, ...]:
    return tuple(
        convert.note(n)
        for n in m.Note.select().where(m.Note.chat == chat_id).order_by(m.Note.at, m.Note.id)
    )


def insights(store: Store, chat_id: int) -> tuple[r.Insight, ...]:
    return tuple(
        convert.insight(i)
        for i in m.Insight.select().where(m.Insight.chat == chat_id).order_by(m.Insight.id)
    )


def follow_ups(store: Store, chat_id: int) -> tuple[r.FollowUp, ...]:
    return tuple(
        convert.follow_up(f)
        for f in m.FollowUp.select().where(m.FollowUp.chat == chat_id)
        .order_by(m.FollowUp.due, m.FollowUp.id)
    )


def detail(store: Store, chat_id: int) -> r.ChatDetail:
    """A chat with its contact, company, questions, notes, insights and follow-ups."""
    chat = get(store, chat_id)
    contact = contacts_service.get(store, chat.contact_id)
    company = None
    if contact.company_id is not None:
        company = convert.company(m.Company.get_by_id(contact.company_id))
    return r.ChatDetail(chat, contact, company, questions(store, chat_id),
                        notes(store, chat_id), insights(store, chat_id),
                        follow_ups(store, chat_id))


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
        elif isinstance(value, datetime):
            out[key] = value.replace(microsecond=0)
        else:
            out[key] = value
    return out


def update(store: Store, chat_id: int, **values) -> r.Chat:
    """Changes some fields of a chat in one transaction (the wizard saves through this).

    A change of time, length, medium, place or status bumps the chat's calendar sequence.
    """
    stored = _stored(values)
    with store.atomic():
        row = m.Chat.get_or_none(m.Chat.id == chat_id)
        if row is None:
            raise NotFound(f"There is no chat {chat_id}.")
        if "contact" in stored:
            contacts_service.get(store, stored["contact"])
        changed = any(
            key in stored and stored[key] != getattr(row, key) for key in CALENDAR_FIELDS
        )
        extra = {"sequence": row.sequence + 1} if changed else {}
        m.Chat.update(**stored, **extra, updated_at=_now()).where(m.Chat.id == chat_id).execute()
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


def plan_questions(store: Store, chat_id: int,
                   plan: list[r.ChatQuestion]) -> tuple[r.ChatQuestion, ...]:
    """Saves the chosen questions in this order, keeping ticks and answers of kept ones.

    A question with an id is updated in place (text and position only); one without is
    added; stored ones missing from `plan` are removed. Returns them with their ids.
    """
    with store.atomic():
        if m.Chat.get_or_none(m.Chat.id == chat_id) is None:
            raise NotFound(f"There is no chat {chat_id}.")
        kept = {q.id for q in plan if q.id is not None}
        m.ChatQuestion.delete().where(
            (m.ChatQuestion.chat == chat_id) & m.ChatQuestion.id.not_in(sorted(kept) or [0])
        ).execute()
        for pos, q in enumerate(plan):
            text = " ".join(q.text.split())
            if q.id is not None:
                m.ChatQuestion.update(position=pos, text=text).where(
                    (m.ChatQuestion.id == q.id) & (m.ChatQuestion.chat == chat_id)
                ).execute()
            else:
                m.ChatQuestion.create(chat=chat_id, question=q.question_id, position=pos,
                                      text=text, asked=q.asked, answer=q.answer)
    return questions(store, chat_id)


def update_question(store: Store, chat_question_id: int, *, asked: bool | None = None,
                    answer: str | None = None, text: str | None = None) -> r.ChatQuestion:
    """Ticks a planned question or saves its short answer (as typed, during the chat)."""
    values: dict = {}
    if asked is not None:
        values["asked"] = asked
    if answer is not None:
        values["answer"] = answer
    if text is not None:
        values["text"] = text
    with store.atomic():
        if values:
            m.ChatQuestion.update(**values).where(m.ChatQuestion.id == chat_question_id).execute()
        row = m.ChatQuestion.get_or_none(m.ChatQuestion.id == chat_question_id)
    if row is None:
        raise NotFound(f"There is no planned question {chat_question_id}.")
    return convert.chat_question(row)


def add_note(
    store: Store, chat_id: int, text: str, kind: NoteKind = NoteKind.NOTE,
    at: datetime | None = None, offset_seconds: int | None = None,
) -> r.Note:
    with store.atomic():
        row = m.Note.create(chat=chat_id, text=text, kind=kind.value, at=at or _now(),
                            offset_seconds=offset_seconds)
    return convert.note(row)


def update_note(store: Store, note_id: int, *, text: str | None = None,
                kind: NoteKind | None = None) -> r.Note:
    values: dict = {}
    if text is not None:
        values["text"] = text
    if kind is not None:
        values["kind"] = NoteKind(kind).value
    with store.atomic():
        if values:
            m.Note.update(**values).where(m.Note.id == note_id).execute()
        row = m.Note.get_or_none(m.Note.id == note_id)
    if row is None:
        raise NotFound(f"There is no note {note_id}.")
    return convert.note(row)


def delete_note(store: Store, note_id: int) -> None:
    with store.atomic():
        m.Note.delete().where(m.Note.id == note_id).execute()


def add_insight(store: Store, chat_id: int | None, text: str, kind: InsightKind) -> r.Insight:
    with store.atomic():
        row = m.Insight.create(chat=chat_id, text=text, kind=kind.value)
    return convert.insight(row)


def update_insight(store: Store, insight_id: int, *, text: str | None = None,
                   kind: InsightKind | None = None) -> r.Insight:
    values: dict = {}
    if text is not None:
        values["text"] = text
    if kind is not None:
        values["kind"] = InsightKind(kind).value
    with store.atomic():
        if values:
            m.Insight.update(**values).where(m.Insight.id == insight_id).execute()
        row = m.Insight.get_or_none(m.Insight.id == insight_id)
    if row is None:
        raise NotFound(f"There is no insight {insight_id}.")
    return convert.insight(row)


def delete_insight(store: Store, insight_id: int) -> None:
    with store.atomic():
        m.Insight.delete().where(m.Insight.id == insight_id).execute()


def promote_note(store: Store, note_id: int, kind: InsightKind) -> r.Insight:
    """Turns a live note into an insight of its chat; promoting it twice gives one insight."""
    note = m.Note.get_or_none(m.Note.id == note_id)
    if note is None:
        raise NotFound(f"There is no note {note_id}.")
    text = note.text.strip()
    if not text:
        raise UserError("An empty note cannot become an insight.")
    with store.atomic():
        row = m.Insight.get_or_none((m.Insight.chat == note.chat_id) & (m.Insight.text == text))
        if row is None:
            row = m.Insight.create(chat=note.chat_id, text=text, kind=InsightKind(kind).value)
    return convert.insight(row)


def add_follow_up(
    store: Store, contact_id: int, kind: FollowUpKind, due: date, text: str = "",
    chat_id: int | None = None,
) -> r.FollowUp:
    with store.atomic():
        row = m.FollowUp.create(contact=contact_id, kind=kind.value, due=due, text=text,
                                chat=chat_id)
    return convert.follow_up(row)


def update_follow_up(store: Store, follow_up_id: int, *, due: date | None = None,
                     text: str | None = None, done: bool | None = None,
                     now: datetime | None = None) -> r.FollowUp:
    """Moves, rewords, ticks or unticks one follow-up."""
    values: dict = {}
    if due is not None:
        values["due"] = due
    if text is not None:
        values["text"] = text
    if done is not None:
        values["done_at"] = (now or _now()) if done else None
    with store.atomic():
        row = m.FollowUp.get_or_none(m.FollowUp.id == follow_up_id)
        if row is None:
            raise NotFound(f"There is no follow-up {follow_up_id}.")
        if done and row.done_at is not None:
            values.pop("done_at")  # keep when it was first done
        if values:
            m.FollowUp.update(**values).where(m.FollowUp.id == follow_up_id).execute()
        row = m.FollowUp.get_by_id(follow_up_id)
    return convert.follow_up(row)


def delete_follow_up(store: Store, follow_up_id: int) -> None:
    with store.atomic():
        m.FollowUp.delete().where(m.FollowUp.id == follow_up_id).execute()


def for_contact(store: Store, contact_id: int) -> list[r.Chat]:
    name = _contact_name(contact_id)
    return [
        _record(row, name)
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
