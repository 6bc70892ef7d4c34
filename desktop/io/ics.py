"""Chats as iCalendar events (.ics) that Google, Outlook and Apple calendars open.

Written with the `icalendar` library, following what was tried here (FORMATS.md):
times in UTC (`...Z`) and no VTIMEZONE, so every client shows the user's local time;
`METHOD:PUBLISH` (REQUEST would make Outlook treat it as an invitation); a `UID` stable per
chat so importing again updates the event instead of duplicating it; `SEQUENCE` from the
chat, which the store bumps whenever the time, length or place changes; `DTSTAMP`; `PRODID`.
Google ignores imported alarms, so none are written: reminders live in the app.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo

from icalendar import Calendar, Event

from desktop.domain.enums import ChatStatus, Medium
from desktop.domain.records import Chat

PRODID = "-//Coffee Chats//Coffee Chats 1.0//EN"
UID_DOMAIN = "coffee-chats.local"


def to_utc(moment: datetime, local: tzinfo | None = None) -> datetime:
    """A naive local datetime (as the store keeps them) in UTC; `local` defaults to the system's."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local) if local is not None else moment.astimezone()
    return moment.astimezone(UTC).replace(microsecond=0)


def event_uid(chat: Chat) -> str:
    """The same for a chat forever: its record uid (or id for a record without one)."""
    key = chat.uid or f"chat-{chat.id}"
    return f"{key}@{UID_DOMAIN}"


def summary(chat: Chat) -> str:
    who = chat.contact_name.strip()
    return f"Coffee chat with {who}" if who else "Coffee chat"


def description(chat: Chat) -> str:
    lines = []
    if chat.goal.strip():
        lines.append(f"Goal: {chat.goal.strip()}")
    lines.append(f"Agreed: {chat.minutes} minutes ({chat.medium.label.lower()}).")
    if chat.medium is not Medium.IN_PERSON and chat.place.strip():
        lines.append(f"Link: {chat.place.strip()}")
    lines.append("Prepared with Coffee Chats.")
    return "\n".join(lines)


def chat_event(chat: Chat, *, stamp: datetime | None = None,
               local: tzinfo | None = None) -> Event:
    """One VEVENT for a scheduled chat; raises ValueError for a chat with no time."""
    if chat.scheduled_at is None:
        raise ValueError("The chat has no date and time yet.")
    start = to_utc(chat.scheduled_at, local)
    event = Event()
    event.add("uid", event_uid(chat))
    event.add("dtstamp", (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=max(chat.minutes, 1)))
    event.add("summary", summary(chat))
    event.add("description", description(chat))
    if chat.place.strip():
        event.add("location", chat.place.strip())
    event.add("sequence", max(chat.sequence, 0))
    event.add("status", "CANCELLED" if chat.status is ChatStatus.CANCELLED else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def calendar(chats: Iterable[Chat], *, stamp: datetime | None = None,
             local: tzinfo | None = None) -> Calendar:
    """A VCALENDAR with one event per chat that has a date; undated chats are skipped."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for chat in chats:
        if chat.scheduled_at is not None:
            cal.add_component(chat_event(chat, stamp=stamp, local=local))
    return cal


def to_bytes(chats: Iterable[Chat], *, stamp: datetime | None = None,
             local: tzinfo | None = None) -> bytes:
    """The .ics file's bytes (UTF-8, CRLF line ends, folded at 75 octets by icalendar)."""
    return calendar(chats, stamp=stamp, local=local).to_ical()
