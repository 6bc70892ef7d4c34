"""Keeping in touch: the date rules behind Today, as pure functions with an injectable clock.

Every function that depends on the time takes `now` (naive local time) so tests can fix it.
Also here: the frozen records the Today service hands to the page; they carry raw data
(names, dates), never sentences, so the UI can translate what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop.domain.enums import FollowUpKind
from desktop.domain.rules import THANK_YOU_HOURS

if TYPE_CHECKING:  # the Today page starts the app: drafts and records load when needed
    from desktop.domain.drafts import Draft
    from desktop.domain.records import Contact, Profile

# Chats in the next UPCOMING_DAYS days are listed on Today.
UPCOMING_DAYS = 7
# A tray message goes out this long before a chat starts and before a thank-you is late.
CHAT_REMINDER_MINUTES = 15
THANK_YOU_WARNING_HOURS = 4
# The referrer hears how the chat went a day or two after it: soon, but not the same hour.
REFERRAL_UPDATE_DAYS = 2
# Statuses that mean the chat took place.
HELD_STATUSES = ("held", "wrapped_up", "thanked")
# Statuses of a chat that still lies ahead or is under way.
OPEN_STATUSES = ("requested", "scheduled", "in_progress")


class Snooze(StrEnum):
    DAY = "day"
    WEEK = "week"

    @property
    def days(self) -> int:
        return 1 if self is Snooze.DAY else 7


# --- thank-yous -------------------------------------------------------------------------

def thank_you_due_at(
    thank_you_due: datetime | None,
    ended_at: datetime | None,
    scheduled_at: datetime | None = None,
    minutes: int = 30,
    hours: int = THANK_YOU_HOURS,
) -> datetime | None:
    """When the thank-you is due: the stored date, else `hours` after the chat ended.

    A chat marked held without an end time is taken to have ended `minutes` after its start.
    """
    if thank_you_due is not None:
        return thank_you_due
    end = ended_at
    if end is None and scheduled_at is not None:
        end = scheduled_at + timedelta(minutes=minutes or 0)
    if end is None:
        return None
    return end + timedelta(hours=hours)


def hours_left(due: datetime, now: datetime) -> float:
    """Hours until `due`; negative once it has passed."""
    return (due - now).total_seconds() / 3600


def is_late(due: datetime | None, now: datetime) -> bool:
    return due is not None and now > due


def thank_you_warning(due: datetime, now: datetime,
                      hours: int = THANK_YOU_WARNING_HOURS) -> bool:
    """True in the last `hours` before a thank-you becomes late (and not after)."""
    return 0 < hours_left(due, now) <= hours


def sent_on_time(due: datetime | None, sent_at: datetime | None) -> bool | None:
    """Whether a sent thank-you beat its due time; None when it was not sent or had no due."""
    if due is None or sent_at is None:
        return None
    return sent_at <= due


# --- follow-ups -------------------------------------------------------------------------

def snoozed_until(due: date, by: Snooze, now: datetime) -> date:
    """The new due date: a day or a week after today, or after `due` when that is later.

    An overdue follow-up snoozed by a day comes back tomorrow, not yesterday + 1.
    """
    start = max(due, now.date())
    return start + timedelta(days=by.days)


def days_overdue(due: date, now: datetime) -> int:
    """Whole days past `due` (0 when due today or later)."""
    return max(0, (now.date() - due).days)


def follow_up_due(due: date, now: datetime) -> bool:
    """Due today or earlier."""
    return due <= now.date()


def referral_update_due(chat_held_on: date) -> date:
    return chat_held_on + timedelta(days=REFERRAL_UPDATE_DAYS)


# --- keeping in touch -------------------------------------------------------------------

def last_contact(
    held_chats: Iterable[datetime | date | None] = (),
    interactions: Iterable[datetime | date | None] = (),
    done_follow_ups: Iterable[datetime | date | None] = (),
) -> date | None:
    """The latest of a held chat, a logged interaction or a done follow-up (as a date)."""
    dates = [
        d.date() if isinstance(d, datetime) else d
        for group in (held_chats, interactions, done_follow_ups)
        for d in group
        if d is not None
    ]
    return max(dates) if dates else None


def effective_cadence(
    own: int | None, tag_cadences: Iterable[int | None] = (), app_default: int | None = None
) -> int | None:
    """The contact's own cadence, else the smallest of its tags', else the app default.

    0 or None means "not set" at each level; the result is None when nothing is set.
    """
    if own:
        return own
    from_tags = [c for c in tag_cadences if c]
    if from_tags:
        return min(from_tags)
    return app_default or None


def next_keep_in_touch(last: date | None, cadence_days: int | None) -> date | None:
    if last is None or not cadence_days:
        return None
    return last + timedelta(days=cadence_days)


def keep_in_touch_due(next_date: date | None, now: datetime,
                      snoozed_until_date: date | None = None) -> bool:
    """Due when the next date is today or past and no snooze still holds."""
    if next_date is None or next_date > now.date():
        return False
    return snoozed_until_date is None or snoozed_until_date <= now.date()


# --- chats ------------------------------------------------------------------------------

def upcoming_window(now: datetime, days: int = UPCOMING_DAYS) -> tuple[datetime, datetime]:
    """From the start of today (a chat earlier today still shows) to `days` days ahead."""
    return datetime.combine(now.date(), time()), now + timedelta(days=days)


def starts_soon(scheduled_at: datetime | None, now: datetime,
                minutes: int = CHAT_REMINDER_MINUTES) -> bool:
    """True from `minutes` before the start up to the start itself."""
    if scheduled_at is None:
        return False
    return now <= scheduled_at <= now + timedelta(minutes=minutes)


# --- records ----------------------------------------------------------------------------

class TodoKind(StrEnum):
    CHAT = "chat"
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    KEEP_IN_TOUCH = "keep_in_touch"
    ASK_FOR_CHAT = "ask_for_chat"
    REACH_REFERRAL = "reach_referral"


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One thing to do on Today. `when` is a datetime for chats and thank-yous, else a date."""

    kind: TodoKind
    contact_id: int
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    chat_id: int | None = None
    chat_status: str = ""
    follow_up_id: int | None = None
    follow_up_kind: FollowUpKind | None = None
    text: str = ""
    when: datetime | date | None = None
    hours_left: float | None = None
    days_overdue: int = 0
    late: bool = False
    referrer_name: str = ""  # for a referral not yet reached: who introduced them
    about_name: str = ""  # for a follow-up from another person's chat: that person
    last_contact: date | None = None
    medium: str = ""
    minutes: int = 0
    place: str = ""


@dataclass(frozen=True, slots=True)
class TodaySummary:
    people: int = 0
    held: int = 0
    scheduled: int = 0
    awaiting_reply: int = 0
    overdue: int = 0


@dataclass(frozen=True, slots=True)
class Today:
    now: datetime
    summary: TodaySummary
    chats: tuple[TodoItem, ...] = ()
    thank_yous: tuple[TodoItem, ...] = ()
    follow_ups: tuple[TodoItem, ...] = ()
    keep_in_touch: tuple[TodoItem, ...] = ()
    keep_in_touch_total: int = 0
    suggestions: tuple[TodoItem, ...] = ()

    @property
    def nothing_due(self) -> bool:
        return not (self.chats or self.thank_yous or self.follow_ups or self.keep_in_touch)


@dataclass(frozen=True, slots=True)
class Reminder:
    """A tray message to show once: `key` says what it is about, so it is never repeated."""

    key: str
    kind: TodoKind
    name: str
    when: datetime
    chat_id: int | None = None


# --- drafts the wizard does not write -----------------------------------------------------

def update_message(profile: Profile, contact: Contact, *, about_name: str = "") -> Draft:
    """A keep-in-touch note; with `about_name`, thanks for an introduction and how it went.

    A starting point in the user's words-to-be: it names no facts it does not know.
    """
    from desktop.domain.drafts import Draft

    greeting = f"Hi {contact.first_name.strip()}," if contact.first_name.strip() else "Hello,"
    if about_name:
        subject = f"Thank you for introducing me to {about_name}"
        middle = (f"Thank you again for putting me in touch with {about_name}. We had our "
                  "chat, and it was really helpful: [one thing you learned or will do next].")
    else:
        subject = "A quick update"
        middle = ("It has been a while since we last spoke, and I wanted to share a quick "
                  "update: [what you have done since, and what their advice changed].")
    closing = "If there is anything I can do for you in return, please just ask."
    sign = profile.signature.strip() or ("Best,\n" + profile.name.strip()
                                          if profile.name.strip() else "Best,")
    return Draft(subject, "\n\n".join((greeting, middle, closing, sign)))
