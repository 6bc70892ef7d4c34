"""Today's lists with a fixed clock: chats ahead, thank-yous, follow-ups, keep-in-touch."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.db import models as m
from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind, InteractionKind
from desktop.domain.keep_in_touch import Snooze, TodoKind
from desktop.services import chats, contacts, followups, interactions, keep_in_touch_sql, today

NOW = datetime(2025, 3, 12, 10, 0)


def person(store, first, **values):
    return contacts.save(store, r.Contact(first_name=first, last_name="Test", **values))


def held_chat(store, contact, ended, **values):
    return chats.create(store, contact.id, status=ChatStatus.HELD, scheduled_at=ended
                        - timedelta(minutes=30), ended_at=ended, **values)


def test_an_empty_store_has_nothing_due(store):
    board = today.build(store, NOW)
    assert board.nothing_due
    assert board.summary.people == 0 and board.suggestions == ()


def test_chats_in_the_next_seven_days_only(store):
    ann = person(store, "Ann")
    soon = chats.create(store, ann.id, status=ChatStatus.SCHEDULED,
                        scheduled_at=NOW + timedelta(days=2))
    earlier_today = chats.create(store, ann.id, status=ChatStatus.SCHEDULED,
                                 scheduled_at=NOW - timedelta(hours=2))
    chats.create(store, ann.id, status=ChatStatus.SCHEDULED,
                 scheduled_at=NOW + timedelta(days=8))
    chats.create(store, ann.id, status=ChatStatus.SCHEDULED,
                 scheduled_at=NOW - timedelta(days=1))
    chats.create(store, ann.id, status=ChatStatus.CANCELLED,
                 scheduled_at=NOW + timedelta(days=1))
    board = today.build(store, NOW)
    assert [c.chat_id for c in board.chats] == [earlier_today.id, soon.id]
    assert board.summary.scheduled == 4


def test_thank_you_hours_left_and_late(store):
    ann, bo = person(store, "Ann"), person(store, "Bo")
    on_time = held_chat(store, ann, NOW - timedelta(hours=20))
    late = held_chat(store, bo, NOW - timedelta(hours=30))
    board = today.build(store, NOW)
    items = {t.chat_id: t for t in board.thank_yous}
    assert items[on_time.id].hours_left == pytest.approx(4)
    assert not items[on_time.id].late
    assert items[late.id].hours_left == pytest.approx(-6)
    assert items[late.id].late
    assert [t.chat_id for t in board.thank_yous] == [late.id, on_time.id]
    assert board.summary.overdue == 1
    assert board.summary.held == 2


def test_a_sent_thank_you_leaves_today_and_its_follow_up_is_done(store):
    ann = person(store, "Ann")
    chat = held_chat(store, ann, NOW - timedelta(hours=3))
    fu = chats.add_follow_up(store, ann.id, FollowUpKind.THANK_YOU, NOW.date(), chat_id=chat.id)
    board = today.build(store, NOW)
    assert [t.chat_id for t in board.thank_yous] == [chat.id]
    assert board.follow_ups == ()  # the same thank-you is listed once
    followups.mark_thank_you_sent(store, chat.id, NOW)
    board = today.build(store, NOW)
    assert board.thank_yous == () and board.follow_ups == ()
    assert chats.get(store, chat.id).status is ChatStatus.THANKED
    assert followups.get(store, fu.id).done_at == NOW


def test_follow_ups_due_overdue_and_later(store):
    ann = person(store, "Ann")
    overdue = chats.add_follow_up(store, ann.id, FollowUpKind.NUDGE, date(2025, 3, 9))
    due = chats.add_follow_up(store, ann.id, FollowUpKind.CHECK_IN, date(2025, 3, 12))
    chats.add_follow_up(store, ann.id, FollowUpKind.CHECK_IN, date(2025, 3, 13))
    board = today.build(store, NOW)
    assert [(f.follow_up_id, f.days_overdue, f.late) for f in board.follow_ups] == [
        (overdue.id, 3, True), (due.id, 0, False)]
    assert board.follow_ups[0].follow_up_kind is FollowUpKind.NUDGE
    assert board.summary.overdue == 1


def test_done_and_snoozed_follow_ups_leave_today(store):
    ann = person(store, "Ann")
    one = chats.add_follow_up(store, ann.id, FollowUpKind.NUDGE, date(2025, 3, 9))
    two = chats.add_follow_up(store, ann.id, FollowUpKind.CHECK_IN, date(2025, 3, 12))
    followups.mark_done(store, one.id, NOW)
    snoozed = followups.snooze(store, two.id, Snooze.WEEK, NOW)
    assert snoozed.due == date(2025, 3, 19)
    assert today.build(store, NOW).follow_ups == ()
    assert [f.follow_up_id for f in today.build(store, NOW + timedelta(days=7)).follow_ups] \
        == [two.id]


def test_keep_in_touch_counts_from_the_last_contact_and_the_cadence(store):
    ann = person(store, "Ann", cadence_days=30)
    held_chat(store, ann, datetime(2025, 2, 1, 12))
    followups.mark_thank_you_sent(store, chats.for_contact(store, ann.id)[0].id,
                                  datetime(2025, 2, 1, 13))
    board = today.build(store, NOW)
    assert [(k.contact_id, k.when, k.days_overdue) for k in board.keep_in_touch] == [
        (ann.id, date(2025, 3, 3), 9)]
    assert board.keep_in_touch[0].last_contact == date(2025, 2, 1)


@pytest.mark.parametrize("kind", ["interaction", "chat", "follow_up"])
def test_each_kind_of_interaction_resets_the_keep_in_touch_clock(store, kind):
    ann = person(store, "Ann", cadence_days=30)
    interactions.log(store, ann.id, InteractionKind.EMAIL, "hello", at=datetime(2025, 1, 1))
    assert [k.contact_id for k in today.build(store, NOW).keep_in_touch] == [ann.id]
    recent = datetime(2025, 3, 1, 9)
    if kind == "interaction":
        interactions.log(store, ann.id, InteractionKind.CALL, at=recent)
    elif kind == "chat":
        chat = held_chat(store, ann, recent)
        followups.mark_thank_you_sent(store, chat.id, recent)
    else:
        fu = chats.add_follow_up(store, ann.id, FollowUpKind.CHECK_IN, date(2025, 3, 1))
        followups.mark_done(store, fu.id, recent)
    board = today.build(store, NOW)
    assert board.keep_in_touch == ()
    assert today.build(store, datetime(2025, 3, 31, 9)).keep_in_touch[0].contact_id == ann.id


def test_every_interaction_kind_counts(store):
    for kind in InteractionKind:
        contact = person(store, kind.value, cadence_days=10)
        interactions.log(store, contact.id, kind, at=datetime(2025, 3, 1))
    due = today.build(store, NOW).keep_in_touch
    assert len(due) == len(InteractionKind)
    assert {k.when for k in due} == {date(2025, 3, 11)}


def test_tag_default_cadence_is_the_smallest_and_the_contacts_own_wins(store):
    tagged = person(store, "Tagged", tags=("mentor", "alumni"))
    own = person(store, "Own", tags=("mentor",), cadence_days=60)
    untagged = person(store, "Untagged")
    m.Tag.update(cadence_days=14).where(m.Tag.name == "mentor").execute()
    m.Tag.update(cadence_days=90).where(m.Tag.name == "alumni").execute()
    for c in (tagged, own, untagged):
        interactions.log(store, c.id, InteractionKind.MET, at=datetime(2025, 2, 20))
    board = today.build(store, NOW)
    assert [(k.contact_id, k.when) for k in board.keep_in_touch] == [
        (tagged.id, date(2025, 3, 6))]


def test_the_app_default_cadence_applies_when_nothing_else_does(store):
    ann = person(store, "Ann")
    interactions.log(store, ann.id, InteractionKind.MET, at=datetime(2025, 2, 1))
    assert today.build(store, NOW).keep_in_touch == ()
    m.Setting.create(key=keep_in_touch_sql.DEFAULT_CADENCE_SETTING, value="30")
    assert today.default_cadence(store) == 30
    assert [k.contact_id for k in today.build(store, NOW).keep_in_touch] == [ann.id]
    # The contacts table derives the same next keep-in-touch from the same rule.
    assert contacts.rows_for(store, [ann.id])[0].next_keep_in_touch == date(2025, 3, 3)


def test_snoozing_a_keep_in_touch_and_an_interaction_lifts_the_snooze(store):
    ann = person(store, "Ann", cadence_days=7)
    interactions.log(store, ann.id, InteractionKind.MET, at=datetime(2025, 2, 1))
    followups.snooze_keep_in_touch(store, ann.id, Snooze.DAY, NOW)
    assert today.build(store, NOW).keep_in_touch == ()
    assert today.build(store, NOW + timedelta(days=1)).keep_in_touch != ()
    interactions.log(store, ann.id, InteractionKind.CALL, at=NOW)
    assert m.KeepInTouchSnooze.select().count() == 0


def test_contacts_in_motion_are_not_due_a_keep_in_touch(store):
    ann = person(store, "Ann", cadence_days=7)
    interactions.log(store, ann.id, InteractionKind.MET, at=datetime(2025, 2, 1))
    chats.create(store, ann.id, status=ChatStatus.REQUESTED)
    assert today.build(store, NOW).keep_in_touch == ()


def test_a_referrer_gets_an_update_follow_up_once_the_chat_is_held(store):
    ref = person(store, "Referrer")
    new = person(store, "Newcomer", referred_by_id=ref.id)
    chat = chats.create(store, new.id, status=ChatStatus.SCHEDULED,
                        scheduled_at=NOW - timedelta(days=3))
    assert today.build(store, NOW).follow_ups == ()
    chats.update(store, chat.id, status=ChatStatus.HELD, ended_at=NOW - timedelta(days=3))
    board = today.build(store, NOW)
    updates = [f for f in board.follow_ups if f.follow_up_kind is FollowUpKind.UPDATE]
    assert [(f.contact_id, f.about_name, f.when) for f in updates] == [
        (ref.id, "Newcomer Test", date(2025, 3, 11))]
    followups.mark_done(store, updates[0].follow_up_id, NOW)
    assert followups.ensure_referral_follow_ups(store, NOW) == 0  # never twice
    assert today.build(store, NOW).follow_ups == ()


def test_suggestions_when_nothing_is_due(store):
    ref = person(store, "Referrer")
    chats.create(store, ref.id, status=ChatStatus.THANKED, scheduled_at=datetime(2024, 1, 1),
                 thank_you_sent_at=datetime(2024, 1, 1))
    person(store, "Fresh")
    referred = person(store, "Referred", referred_by_id=ref.id)
    board = today.build(store, NOW)
    assert board.nothing_due
    kinds = [(s.kind, s.contact_id) for s in board.suggestions]
    assert kinds[0] == (TodoKind.REACH_REFERRAL, referred.id)
    assert board.suggestions[0].referrer_name == "Referrer Test"
    assert TodoKind.ASK_FOR_CHAT in {k for k, _ in kinds}
    assert ref.id not in {cid for _, cid in kinds}


def test_summary_figures(store):
    ann = person(store, "Ann")
    person(store, "Archived", archived=True)
    chats.create(store, ann.id, status=ChatStatus.REQUESTED)
    chats.create(store, ann.id, status=ChatStatus.SCHEDULED)
    chats.create(store, ann.id, status=ChatStatus.THANKED)
    s = today.build(store, NOW).summary
    assert (s.people, s.held, s.scheduled, s.awaiting_reply) == (1, 1, 1, 1)
    assert today.open_chats_count(store) == 2


def test_reminders_for_a_chat_in_15_minutes_and_a_thank_you_4_hours_from_late(store):
    ann, bo = person(store, "Ann"), person(store, "Bo")
    chat = chats.create(store, ann.id, status=ChatStatus.SCHEDULED,
                        scheduled_at=NOW + timedelta(minutes=14))
    thanks = held_chat(store, bo, NOW - timedelta(hours=21))
    found = today.reminders(store, NOW)
    assert [(x.kind, x.chat_id) for x in found] == [
        (TodoKind.CHAT, chat.id), (TodoKind.THANK_YOU, thanks.id)]
    assert len({x.key for x in found}) == 2
    assert today.reminders(store, NOW - timedelta(hours=2)) == []


def test_a_nudge_done_from_today_plans_the_next_nudge_like_the_wizard(store):
    from desktop.services import chat_flow

    ann = person(store, "Ann")
    chat = chats.create(store, ann.id, status=ChatStatus.IDEA)
    chat_flow.mark_requested(store, chat.id, NOW - timedelta(days=7))
    [nudge] = today.build(store, NOW).follow_ups
    assert nudge.follow_up_kind is FollowUpKind.NUDGE and nudge.chat_id == chat.id
    followups.mark_done(store, nudge.follow_up_id, NOW)
    assert chat_flow.nudges_sent(store, chat.id) == 1
    assert today.build(store, NOW).follow_ups == ()
    later = today.build(store, NOW + timedelta(days=7)).follow_ups
    assert [f.follow_up_kind for f in later] == [FollowUpKind.NUDGE]


def test_ending_a_chat_in_the_wizard_lists_one_thank_you(store):
    from desktop.services import chat_flow

    ann = person(store, "Ann")
    chat = chats.create(store, ann.id, status=ChatStatus.SCHEDULED, scheduled_at=NOW)
    chat_flow.start(store, chat.id, NOW)
    chat_flow.end(store, chat.id, NOW + timedelta(minutes=30))
    board = today.build(store, NOW + timedelta(hours=1))
    assert [t.chat_id for t in board.thank_yous] == [chat.id]
    assert board.thank_yous[0].hours_left == pytest.approx(23.5)
    assert board.follow_ups == ()
    [thanks] = board.thank_yous
    followups.mark_thank_you_sent(store, thanks.chat_id, NOW + timedelta(hours=2))
    assert today.build(store, NOW + timedelta(days=1)).thank_yous == ()
