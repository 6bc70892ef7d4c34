"""Follow-ups: mark done, snooze, send the thank-you, and the referrer's update.

Each function is one transaction. `now` is injectable so tests can fix the clock.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desktop.db import Store
from desktop.db import lazy_models as m  # Today reads with SQL first: peewee can wait
from desktop.domain.enums import FollowUpKind
from desktop.domain.keep_in_touch import (
    REFERRAL_UPDATE_DAYS,
    Snooze,
    snoozed_until,
)
from desktop.errors import NotFound
from desktop.services.keep_in_touch_sql import HELD_AT, HELD_IN

if TYPE_CHECKING:
    from desktop.domain import records as r

# Today runs `ensure_referral_follow_ups` at start-up; the chat steps and the record
# conversions the other functions use are imported when they run.

# Only chats held this recently make a referrer's update: opening an old database (or one
# imported from elsewhere) must not fill Today with updates about chats from years ago.
REFERRAL_UPDATE_WINDOW_DAYS = 30


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def _stamp(value: datetime) -> str:
    return value.isoformat(sep=" ")


def get(store: Store, follow_up_id: int) -> r.FollowUp:
    row = m.FollowUp.get_or_none(m.FollowUp.id == follow_up_id)
    if row is None:
        raise NotFound(f"There is no follow-up {follow_up_id}.")
    from desktop.services import convert

    return convert.follow_up(row)


def mark_done(store: Store, follow_up_id: int, now: datetime | None = None) -> r.FollowUp:
    """Marks a follow-up done, the way the chat's own steps would.

    A thank-you done means the chat's thank-you went out (the chat is thanked); a nudge done
    means a nudge went out (the next one is planned, as the wizard does).
    """
    from desktop.services import chat_flow

    stamp = _now(now)
    follow_up = get(store, follow_up_id)
    if follow_up.chat_id is not None and follow_up.kind is FollowUpKind.THANK_YOU:
        chat_flow.mark_thank_you_sent(store, follow_up.chat_id, stamp)
    elif follow_up.chat_id is not None and follow_up.kind is FollowUpKind.NUDGE:
        chat_flow.nudge_sent(store, follow_up.chat_id, stamp)
    with store.atomic():
        m.FollowUp.update(done_at=stamp).where(
            (m.FollowUp.id == follow_up_id) & m.FollowUp.done_at.is_null()).execute()
    return get(store, follow_up_id)


def reopen(store: Store, follow_up_id: int) -> r.FollowUp:
    with store.atomic():
        m.FollowUp.update(done_at=None).where(m.FollowUp.id == follow_up_id).execute()
    return get(store, follow_up_id)


def snooze(store: Store, follow_up_id: int, by: Snooze, now: datetime | None = None
           ) -> r.FollowUp:
    """Moves the due date a day or a week past today (or past the due date if later)."""
    with store.atomic():
        follow_up = get(store, follow_up_id)
        due = snoozed_until(follow_up.due, by, _now(now))
        m.FollowUp.update(due=due).where(m.FollowUp.id == follow_up_id).execute()
    return get(store, follow_up_id)


def mark_thank_you_sent(store: Store, chat_id: int, now: datetime | None = None) -> None:
    """The thank-you for this chat went out (the wizard's own step, so both agree)."""
    from desktop.services import chat_flow

    chat_flow.mark_thank_you_sent(store, chat_id, _now(now))


def snooze_keep_in_touch(store: Store, contact_id: int, by: Snooze,
                         now: datetime | None = None) -> date:
    """Puts off a contact's keep-in-touch until a day or a week from today."""
    until = _now(now).date() + timedelta(days=by.days)
    with store.atomic():
        (m.KeepInTouchSnooze.insert(contact=contact_id, until=until)
         .on_conflict_replace().execute())
    return until


def ensure_referral_follow_ups(store: Store, now: datetime | None = None) -> int:
    """Gives each referrer an update follow-up once a chat with someone they referred is held.

    One statement, safe to run again and again: a chat that already has its referrer's
    update (done or not) gets no second one. Returns how many were made.
    """
    stamp = _now(now)
    since = _stamp(stamp - timedelta(days=REFERRAL_UPDATE_WINDOW_DAYS))
    rows = store.sql(
        f"""
        SELECT ch.id, c.referred_by_id, {HELD_AT},
               trim(c.first_name || ' ' || c.last_name)
          FROM chat ch JOIN contact c ON c.id = ch.contact_id
          JOIN contact ref ON ref.id = c.referred_by_id
         WHERE ch.status IN ({HELD_IN}) AND ref.archived = 0
           AND coalesce(ch.ended_at, ch.started_at, ch.scheduled_at, ch.updated_at) >= ?
           AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.chat_id = ch.id
                           AND f.contact_id = c.referred_by_id AND f.kind = 'update')
        """,
        (since,),
    ).fetchall()
    if not rows:
        return 0
    with store.atomic():
        for chat_id, referrer_id, held_at, name in rows:
            held_on = datetime.fromisoformat(held_at).date() if held_at else stamp.date()
            m.FollowUp.create(
                contact=referrer_id, chat=chat_id, kind=FollowUpKind.UPDATE.value,
                due=held_on + timedelta(days=REFERRAL_UPDATE_DAYS), created_at=stamp,
                text=f"Thank them for the introduction to {name or 'your contact'} "
                "and say how the chat went.",
            )
    return len(rows)
