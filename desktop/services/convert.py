"""Turns peewee rows into the domain's frozen records (the only place that knows both)."""

from __future__ import annotations

from desktop.db import models as m
from desktop.domain import records as r
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


def company(row: m.Company) -> r.Company:
    return r.Company(
        name=row.name, industry=row.industry, website=row.website, notes=row.notes, id=row.id
    )


def contact(row: m.Contact) -> r.Contact:
    emails = tuple(
        r.Labelled(e.value, e.label)
        for e in m.ContactEmail.select()
        .where(m.ContactEmail.contact == row.id)
        .order_by(m.ContactEmail.position, m.ContactEmail.id)
    )
    phones = tuple(
        r.Labelled(p.value, p.label)
        for p in m.ContactPhone.select()
        .where(m.ContactPhone.contact == row.id)
        .order_by(m.ContactPhone.position, m.ContactPhone.id)
    )
    tags = tuple(
        t.name
        for t in m.Tag.select()
        .join(m.ContactTag)
        .where(m.ContactTag.contact == row.id)
        .order_by(m.Tag.name_key)
    )
    company_name = ""
    if row.company_id is not None:
        company_name = m.Company.get_by_id(row.company_id).name
    return r.Contact(
        first_name=row.first_name,
        last_name=row.last_name,
        role=row.role,
        company=company_name,
        company_id=row.company_id,
        location=row.location,
        emails=emails,
        phones=phones,
        linkedin_url=row.linkedin_url,
        source=Source.parse(row.source, Source.OTHER),
        referred_by_id=row.referred_by_id,
        tags=tags,
        research=row.research,
        cadence_days=row.cadence_days,
        archived=bool(row.archived),
        connected_on=row.connected_on,
        created_at=row.created_at,
        id=row.id,
    )


def question(row: m.Question) -> r.Question:
    return r.Question(
        text=row.text,
        category=QuestionCategory.parse(row.category, QuestionCategory.ADVICE),
        builtin=bool(row.builtin),
        favourite=bool(row.favourite),
        archived=bool(row.archived),
        key=row.key,
        id=row.id,
    )


def chat(row: m.Chat, contact_name: str = "") -> r.Chat:
    return r.Chat(
        contact_id=row.contact_id,
        status=ChatStatus.parse(row.status, ChatStatus.IDEA),
        contact_name=contact_name,
        scheduled_at=row.scheduled_at,
        minutes=row.minutes,
        time_zone=row.time_zone,
        medium=Medium.parse(row.medium, Medium.VIDEO),
        place=row.place,
        goal=row.goal,
        pitch=row.pitch,
        research=row.research,
        takeaways=row.takeaways,
        request_text=row.request_text,
        thank_you_text=row.thank_you_text,
        started_at=row.started_at,
        ended_at=row.ended_at,
        thank_you_due=row.thank_you_due,
        thank_you_sent_at=row.thank_you_sent_at,
        created_at=row.created_at,
        id=row.id,
    )


def chat_question(row: m.ChatQuestion) -> r.ChatQuestion:
    return r.ChatQuestion(
        text=row.text,
        position=row.position,
        asked=bool(row.asked),
        answer=row.answer,
        question_id=row.question_id,
        id=row.id,
    )


def note(row: m.Note) -> r.Note:
    return r.Note(
        text=row.text,
        kind=NoteKind.parse(row.kind, NoteKind.NOTE),
        at=row.at,
        offset_seconds=row.offset_seconds,
        chat_id=row.chat_id,
        id=row.id,
    )


def insight(row: m.Insight) -> r.Insight:
    return r.Insight(
        text=row.text,
        kind=InsightKind.parse(row.kind, InsightKind.ADVICE),
        chat_id=row.chat_id,
        done=bool(row.done),
        created_at=row.created_at,
        id=row.id,
    )


def follow_up(row: m.FollowUp) -> r.FollowUp:
    return r.FollowUp(
        contact_id=row.contact_id,
        kind=FollowUpKind.parse(row.kind, FollowUpKind.CHECK_IN),
        due=row.due,
        text=row.text,
        done_at=row.done_at,
        chat_id=row.chat_id,
        id=row.id,
    )


def interaction(row: m.Interaction) -> r.Interaction:
    return r.Interaction(
        contact_id=row.contact_id,
        kind=InteractionKind.parse(row.kind, InteractionKind.MESSAGE),
        at=row.at,
        text=row.text,
        id=row.id,
    )
