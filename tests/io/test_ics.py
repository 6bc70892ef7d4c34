"""Chats as calendar events: UTC times, stable UID, DTSTAMP, METHOD:PUBLISH, SEQUENCE."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import vobject

from desktop.domain.enums import ChatStatus, Medium
from desktop.domain.records import Chat
from desktop.io import ics

PARIS = ZoneInfo("Europe/Paris")
STAMP = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def _chat(**changes) -> Chat:
    values = dict(contact_id=1, id=7, uid="abc123", contact_name="Zoë Łaska",
                  scheduled_at=datetime(2025, 3, 10, 14, 30), minutes=30,
                  medium=Medium.VIDEO, place="https://meet.example/x?y=1",
                  goal="Learn, about; design", sequence=2, status=ChatStatus.SCHEDULED)
    values.update(changes)
    return Chat(**values)


def test_event_has_what_clients_need():
    text = ics.to_bytes([_chat()], stamp=STAMP, local=PARIS).decode()
    assert "\r\n" in text
    assert "METHOD:PUBLISH" in text and "PRODID:" in text and "VERSION:2.0" in text
    assert "VTIMEZONE" not in text and "VALARM" not in text
    assert "DTSTART:20250310T133000Z" in text
    assert "DTEND:20250310T140000Z" in text
    assert "DTSTAMP:20250301T080000Z" in text
    assert "UID:abc123@coffee-chats.local" in text
    assert "SEQUENCE:2" in text
    assert "SUMMARY:Coffee chat with Zoë Łaska" in text


def test_uid_is_stable_and_undated_chats_are_skipped():
    one = ics.to_bytes([_chat()], stamp=STAMP, local=PARIS)
    two = ics.to_bytes([_chat(goal="other", sequence=3)], stamp=STAMP, local=PARIS)
    assert one.count(b"UID:abc123") == two.count(b"UID:abc123") == 1
    assert b"BEGIN:VEVENT" not in ics.to_bytes([_chat(scheduled_at=None)])


def test_vobject_reads_it_back_in_utc():
    text = ics.to_bytes([_chat(), _chat(id=8, uid="def", status=ChatStatus.CANCELLED)],
                        stamp=STAMP, local=PARIS).decode()
    cal = vobject.readOne(text)
    events = cal.vevent_list
    assert len(events) == 2
    start = events[0].dtstart.value
    assert start.utcoffset().total_seconds() == 0
    assert start.astimezone(PARIS).replace(tzinfo=None) == datetime(2025, 3, 10, 14, 30)
    assert events[0].description.value.startswith("Goal: Learn, about; design")
    assert events[1].status.value == "CANCELLED"
