"""The life of a chat through the services the wizard saves with."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, InsightKind, NoteKind, Source
from desktop.errors import NotFound, UserError
from desktop.services import chat_flow, chats, contacts, profile

T0 = datetime(2025, 5, 6, 10, 0)


@pytest.fixture
def contact(store):
    return contacts.save(store, r.Contact(first_name="Ana", last_name="Silva", company="Acme",
                                          research="Led the checkout redesign."))


def test_profile_round_trip(store):
    assert profile.is_empty(profile.get(store))
    saved = profile.save(store, r.Profile(name="Jo", pitch="I build things.\n", goals="UX"))
    assert saved == r.Profile(name="Jo", pitch="I build things.", goals="UX")
    assert profile.get(store).pitch == "I build things."


def test_new_chat_starts_from_profile_pitch_and_contact_research(store, contact):
    profile.save(store, r.Profile(pitch="My pitch"))
    chat = chat_flow.new_for_contact(store, contact.id)
    assert chat.status is ChatStatus.IDEA and chat.minutes == 30
    assert chat.pitch == "My pitch" and chat.research == "Led the checkout redesign."
    assert chat.uid and chat.sequence == 0


def test_calendar_changes_bump_the_sequence(store, contact):
    chat = chat_flow.new_for_contact(store, contact.id)
    chat = chats.update(store, chat.id, goal="learn")
    assert chat.sequence == 0
    chat = chats.update(store, chat.id, scheduled_at=T0, minutes=45)
    assert chat.sequence == 1
    assert chats.update(store, chat.id, scheduled_at=T0).sequence == 1
    assert chats.update(store, chat.id, place="Café").sequence == 2
    with pytest.raises(TypeError):
        chats.update(store, chat.id, uid="x")


def test_request_nudges_and_no_reply(store, contact):
    chat = chat_flow.new_for_contact(store, contact.id)
    chat = chat_flow.mark_requested(store, chat.id, now=T0)
    assert chat.status is ChatStatus.REQUESTED
    (nudge,) = chats.follow_ups(store, chat.id)
    assert nudge.kind is FollowUpKind.NUDGE and nudge.due == date(2025, 5, 13)
    assert chat_flow.nudge_sent(store, chat.id, now=T0 + timedelta(days=7)) == 1
    assert not chat_flow.suggest_no_reply(chat, 1)
    assert chat_flow.nudge_sent(store, chat.id, now=T0 + timedelta(days=14)) == 2
    assert chat_flow.suggest_no_reply(chats.get(store, chat.id), 2)
    open_nudges = [f for f in chats.follow_ups(store, chat.id) if f.done_at is None]
    assert open_nudges == []
    assert chat_flow.no_reply(store, chat.id).status is ChatStatus.NO_REPLY


def test_yes_drops_open_nudges(store, contact):
    chat = chat_flow.new_for_contact(store, contact.id)
    chat_flow.mark_requested(store, chat.id, now=T0)
    assert chat_flow.said_yes(store, chat.id).status is ChatStatus.SCHEDULED
    assert chats.follow_ups(store, chat.id) == ()


def test_questions_plan_keeps_ticks_and_answers(store, contact):
    chat = chat_flow.new_for_contact(store, contact.id)
    planned = chats.plan_questions(store, chat.id, [r.ChatQuestion("A"), r.ChatQuestion("B")])
    a, b = planned
    chats.update_question(store, b.id, asked=True, answer="yes")
    again = chats.plan_questions(store, chat.id, [b, r.ChatQuestion("C"), a])
    assert [q.text for q in again] == ["B", "C", "A"]
    assert again[0].id == b.id and again[0].asked and again[0].answer == "yes"
    assert [q.text for q in chats.plan_questions(store, chat.id, [again[1]])] == ["C"]
    with pytest.raises(NotFound):
        chats.plan_questions(store, 999, [])


def test_start_end_and_defaults(store, contact):
    chat = chat_flow.new_for_contact(store, contact.id)
    chat = chat_flow.start(store, chat.id, now=T0)
    assert chat.status is ChatStatus.IN_PROGRESS and chat.started_at == T0
    assert chat_flow.start(store, chat.id, now=T0 + timedelta(hours=1)).started_at == T0
    end = T0 + timedelta(minutes=32)
    chat = chat_flow.end(store, chat.id, now=end)
    assert chat.status is ChatStatus.HELD and chat.ended_at == end
    assert chat.thank_you_due == end + timedelta(hours=24)
    kinds = {f.kind: f.due for f in chats.follow_ups(store, chat.id)}
    assert kinds == {FollowUpKind.THANK_YOU: date(2025, 5, 7),
                     FollowUpKind.CHECK_IN: date(2025, 6, 3)}
    chat_flow.end(store, chat.id, now=end + timedelta(hours=2))  # idempotent
    assert len(chats.follow_ups(store, chat.id)) == 2
    assert chat_flow.start(store, chat.id).status is ChatStatus.HELD  # never backwards


def test_notes_insights_referrals_promises_and_thanks(store, contact):
    chat = chat_flow.new_for_contact(store, contact.id)
    chat_flow.start(store, chat.id, now=T0)
    note = chats.add_note(store, chat.id, "Learn SQL", NoteKind.INSIGHT, offset_seconds=61)
    note = chats.update_note(store, note.id, text="Learn SQL well", kind=NoteKind.QUOTE)
    assert (note.text, note.kind) == ("Learn SQL well", NoteKind.QUOTE)
    first = chats.promote_note(store, note.id, InsightKind.SKILL)
    assert chats.promote_note(store, note.id, InsightKind.SKILL).id == first.id
    assert chats.update_insight(store, first.id, kind=InsightKind.ADVICE).kind is \
        InsightKind.ADVICE
    chat_flow.end(store, chat.id, now=T0 + timedelta(minutes=30))

    person, reach = chat_flow.add_referral(
        store, chat.id, r.Contact(first_name="Maria", last_name="Lopez", company="Beta"),
        why="Runs the design team")
    assert person.source is Source.REFERRAL and person.referred_by_id == contact.id
    assert person.research == "Runs the design team"
    assert reach.contact_id == person.id and reach.kind is FollowUpKind.INTRODUCTION
    assert reach.due == date(2025, 5, 8)
    assert [p.id for p in chat_flow.referrals(store, chat.id)] == [person.id]
    with pytest.raises(UserError):
        chat_flow.add_referral(store, chat.id, r.Contact(company="Nobody Inc"))

    mine = chat_flow.add_promise(store, chat.id, "send the article", mine=True)
    assert mine.text == "I promised: send the article" and mine.due == date(2025, 5, 13)
    flipped = chat_flow.add_promise(store, chat.id, "send the article", mine=False)
    assert flipped.id == mine.id and chat_flow.promise_of(flipped) == ("send the article", False)

    chat = chat_flow.mark_thank_you_sent(store, chat.id, now=T0 + timedelta(hours=5))
    assert chat.status is ChatStatus.THANKED
    thanks = [f for f in chats.follow_ups(store, chat.id) if f.kind is FollowUpKind.THANK_YOU]
    assert thanks[0].done_at == T0 + timedelta(hours=5)
    assert chat_flow.finish(store, chat.id).status is ChatStatus.THANKED


def test_finish_wraps_up_a_held_chat_and_leaves_an_idea_alone(store, contact):
    idea = chat_flow.new_for_contact(store, contact.id)
    assert chat_flow.finish(store, idea.id).status is ChatStatus.IDEA
    held = chat_flow.new_for_contact(store, contact.id)
    chat_flow.start(store, held.id, now=T0)
    assert chat_flow.finish(store, held.id, now=T0).status is ChatStatus.WRAPPED_UP


def test_follow_up_edits(store, contact):
    chat = chat_flow.new_for_contact(store, contact.id)
    chat_flow.end(store, chat.id, now=T0)
    follow_up = chats.follow_ups(store, chat.id)[0]
    moved = chats.update_follow_up(store, follow_up.id, due=date(2025, 6, 1), text="x",
                                   done=True, now=T0)
    assert (moved.due, moved.text, moved.done_at) == (date(2025, 6, 1), "x", T0)
    assert chats.update_follow_up(store, follow_up.id, done=True).done_at == T0
    assert chats.update_follow_up(store, follow_up.id, done=False).done_at is None
    chats.delete_follow_up(store, follow_up.id)
    assert len(chats.follow_ups(store, chat.id)) == 1


def test_new_chats_and_thank_yous_follow_the_preferences(store, contact):
    from desktop.services import preferences

    preferences.update(store, chat_minutes=45, thank_you_hours=48)
    chat = chat_flow.new_for_contact(store, contact.id)
    assert chat.minutes == 45
    assert chat_flow.new_for_contact(store, contact.id, minutes=20).minutes == 20  # asked for
    chat_flow.start(store, chat.id, now=T0)
    end = T0 + timedelta(minutes=40)
    chat = chat_flow.end(store, chat.id, now=end)
    assert chat.thank_you_due == end + timedelta(hours=48)
    kinds = {f.kind: f.due for f in chats.follow_ups(store, chat.id)}
    assert kinds[FollowUpKind.THANK_YOU] == date(2025, 5, 8)
