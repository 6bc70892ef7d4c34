"""The keep-in-touch date rules, with a fixed clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.domain import keep_in_touch as k

NOW = datetime(2025, 3, 12, 10, 0)


def test_thank_you_is_due_24_hours_after_the_chat_ended():
    ended = datetime(2025, 3, 11, 15, 0)
    assert k.thank_you_due_at(None, ended) == datetime(2025, 3, 12, 15, 0)


def test_a_stored_thank_you_due_wins_over_the_end():
    stored = datetime(2025, 3, 13, 9, 0)
    assert k.thank_you_due_at(stored, datetime(2025, 3, 11, 15, 0)) == stored


def test_without_an_end_the_chat_ends_its_minutes_after_the_start():
    start = datetime(2025, 3, 11, 15, 0)
    assert k.thank_you_due_at(None, None, start, 45) == datetime(2025, 3, 12, 15, 45)
    assert k.thank_you_due_at(None, None, None) is None


def test_hours_left_and_late():
    due = datetime(2025, 3, 12, 15, 30)
    assert k.hours_left(due, NOW) == pytest.approx(5.5)
    assert not k.is_late(due, NOW)
    assert k.is_late(due, due + timedelta(seconds=1))
    assert not k.is_late(due, due)  # due at 15:30 means 15:30 is still on time
    assert k.hours_left(due, datetime(2025, 3, 12, 17, 30)) == pytest.approx(-2)


def test_the_thank_you_warning_covers_only_the_last_four_hours():
    due = datetime(2025, 3, 12, 15, 0)
    assert not k.thank_you_warning(due, due - timedelta(hours=4, minutes=1))
    assert k.thank_you_warning(due, due - timedelta(hours=4))
    assert k.thank_you_warning(due, due - timedelta(minutes=1))
    assert not k.thank_you_warning(due, due)
    assert not k.thank_you_warning(due, due + timedelta(hours=1))


def test_sent_on_time():
    due = datetime(2025, 3, 12, 15, 0)
    assert k.sent_on_time(due, due) is True
    assert k.sent_on_time(due, due + timedelta(minutes=1)) is False
    assert k.sent_on_time(due, None) is None
    assert k.sent_on_time(None, due) is None


@pytest.mark.parametrize(
    ("due", "by", "expected"),
    [
        (date(2025, 3, 12), k.Snooze.DAY, date(2025, 3, 13)),
        (date(2025, 3, 12), k.Snooze.WEEK, date(2025, 3, 19)),
        # overdue: counted from today, not from the old due date
        (date(2025, 3, 1), k.Snooze.DAY, date(2025, 3, 13)),
        (date(2025, 3, 1), k.Snooze.WEEK, date(2025, 3, 19)),
        # not yet due: pushed on from its own date
        (date(2025, 3, 20), k.Snooze.DAY, date(2025, 3, 21)),
    ],
)
def test_snooze(due, by, expected):
    assert k.snoozed_until(due, by, NOW) == expected


def test_days_overdue_and_due():
    assert k.days_overdue(date(2025, 3, 10), NOW) == 2
    assert k.days_overdue(date(2025, 3, 12), NOW) == 0
    assert k.days_overdue(date(2025, 3, 14), NOW) == 0
    assert k.follow_up_due(date(2025, 3, 12), NOW)
    assert not k.follow_up_due(date(2025, 3, 13), NOW)


@pytest.mark.parametrize("source", ["held_chats", "interactions", "done_follow_ups"])
def test_each_kind_of_contact_resets_the_clock(source):
    old = datetime(2025, 1, 5, 12, 0)
    recent = datetime(2025, 3, 1, 9, 0)
    sources = {"held_chats": [old], "interactions": [old], "done_follow_ups": [old]}
    before = k.last_contact(**sources)
    sources[source] = [old, recent]
    after = k.last_contact(**sources)
    assert before == date(2025, 1, 5)
    assert after == date(2025, 3, 1)
    assert k.next_keep_in_touch(after, 30) == date(2025, 3, 31)


def test_last_contact_ignores_missing_dates_and_takes_dates():
    assert k.last_contact([None], [], [None]) is None
    assert k.last_contact([date(2025, 2, 1)], [datetime(2025, 1, 1)]) == date(2025, 2, 1)


def test_cadence_own_then_smallest_tag_then_app_default():
    assert k.effective_cadence(14, [30, 90], 60) == 14
    assert k.effective_cadence(None, [90, 30, None], 60) == 30
    assert k.effective_cadence(0, [], 60) == 60
    assert k.effective_cadence(None, [None, 0], None) is None
    assert k.effective_cadence(None, [], 0) is None


def test_keep_in_touch_due_and_snoozed():
    assert k.keep_in_touch_due(date(2025, 3, 12), NOW)
    assert k.keep_in_touch_due(date(2025, 3, 1), NOW)
    assert not k.keep_in_touch_due(date(2025, 3, 13), NOW)
    assert not k.keep_in_touch_due(None, NOW)
    assert not k.keep_in_touch_due(date(2025, 3, 1), NOW, snoozed_until_date=date(2025, 3, 13))
    assert k.keep_in_touch_due(date(2025, 3, 1), NOW, snoozed_until_date=date(2025, 3, 12))


def test_upcoming_window_starts_at_midnight_and_runs_seven_days():
    start, end = k.upcoming_window(NOW)
    assert start == datetime(2025, 3, 12, 0, 0)
    assert end == datetime(2025, 3, 19, 10, 0)


def test_starts_soon():
    assert k.starts_soon(NOW + timedelta(minutes=15), NOW)
    assert k.starts_soon(NOW, NOW)
    assert not k.starts_soon(NOW + timedelta(minutes=16), NOW)
    assert not k.starts_soon(NOW - timedelta(minutes=1), NOW)
    assert not k.starts_soon(None, NOW)


def test_referral_update_is_due_two_days_after_the_chat():
    assert k.referral_update_due(date(2025, 3, 12)) == date(2025, 3, 14)
