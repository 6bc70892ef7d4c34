"""File → Export calendar…: the upcoming chats written as .ics from the window."""

from __future__ import annotations

from datetime import datetime, timedelta

import icalendar

from desktop.domain import records as r
from desktop.domain.enums import ChatStatus
from desktop.io import ics
from desktop.services import chats, contacts
from desktop.ui import calendar_export, dialogs


def test_export_calendar_from_the_window(window, store, tmp_path, monkeypatch):
    ann = contacts.save(store, r.Contact(first_name="Ann"))
    chat = chats.create(store, ann.id, status=ChatStatus.SCHEDULED,
                        scheduled_at=datetime.now().replace(microsecond=0) + timedelta(days=1))
    target = tmp_path / "mine"  # no suffix: .ics is added
    said = []
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: target)
    monkeypatch.setattr(dialogs, "info", lambda parent, text, title="": said.append(text))
    action = window.actions["export_calendar"]
    assert action.isEnabled()
    action.trigger()
    written = tmp_path / "mine.ics"
    [event] = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert str(event["UID"]) == ics.event_uid(chat)
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert said and "1 upcoming" in said[0]
    assert not (tmp_path / "mine.ics.part").exists()


def test_cancelled_file_choice_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: None)
    assert calendar_export.export_calendar(window) is None
    assert list(tmp_path.glob("*.ics")) == []
